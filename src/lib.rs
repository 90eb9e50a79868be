//! monjit: an embeddable VM for a subset of Python 3.14 with exact, cheap
//! `sys.monitoring` (PEP 669).
//!
//! The main entry points are [`Vm`] (run source, call functions) and the CLI in
//! `main.rs`. See ARCHITECTURE.md for how the modules fit together.

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod error;
pub mod gc;
pub mod interp;
pub mod monitoring;
pub mod object;
pub mod objects;
pub mod runtime;
pub mod stdlib;
pub mod tier2;
mod stack_guard;
pub mod value;
pub mod vm;
pub mod api;

pub use error::{ExcKind, PyErr, PyResult};
pub use value::Value;
pub use vm::Vm;
