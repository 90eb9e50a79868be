//! monjit-jit: monjit's tier 2, Cranelift code generation for Python bytecode.
//!
//! This crate is VM-agnostic: it compiles its own small input description of a function
//! ([`ir::Function`], one instruction per bytecode instruction) into machine code that
//! follows the contract in [`abi`] (the Value encoding it tests inline, the frame
//! fields it reads and writes, the `extern "C"` helpers whose addresses the VM
//! supplies, and how compiled code returns, deoptimises or reports an error). The VM
//! (`monjit`'s `src/tier2/`) translates code objects into that input, provides the
//! helpers and decides when to compile; this crate never depends on it.

pub mod abi;
pub mod analysis;
mod artefact;
mod codegen;
pub mod ir;

pub use analysis::CompileError;
pub use artefact::{CompiledCode, Compiler};
pub use codegen::Target;
