//! The concrete heap object types, one module each.

pub mod bytes;
pub mod class;
pub mod code;
pub mod descr;
pub mod dict;
pub mod exception;
pub mod float;
pub mod func;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod opaque;
pub mod range;
pub mod set;
pub mod str;
pub mod tuple;

pub use crate::interp::generator::GeneratorObj;
pub use bytes::BytesObj;
pub use class::{InstanceObj, TypeObj};
pub use code::CodeObj;
pub use descr::{ClassMethodObj, PropertyObj, StaticMethodObj, SuperObj};
pub use dict::{DictObj, DictViewObj};
pub use exception::ExceptionObj;
pub use func::{BoundMethodObj, CellObj, FunctionObj, NativeFunctionObj};
pub use int::BigIntObj;
pub use iter::IteratorObj;
pub use list::ListObj;
pub use module::ModuleObj;
pub use opaque::OpaqueObj;
pub use range::{RangeObj, SliceObj};
pub use set::SetObj;
pub use str::StrObj;
pub use tuple::TupleObj;
