//! Objects whose state is native Rust data: the instances of types that library modules
//! implement in Rust (and that embedders can define).

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::any::Any;
use std::cell::RefCell;

/// A native iterator's step: `Some(item)`, or `None` when exhausted.
pub type NativeNext = fn(&mut crate::vm::Vm, &Value) -> crate::error::PyResult<Option<Value>>;

/// A native callable's call: the object, then the call's arguments.
pub type NativeCall = fn(&mut crate::vm::Vm, &Value, crate::objects::func::Args) -> crate::error::PyResult<Value>;

/// Native state held by an `OpaqueObj`.
pub trait NativeData: Any {
    /// Visits the Python values the state holds (for the cycle collector).
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Drops held values to break a garbage cycle.
    fn clear(&mut self) {}
    /// For iterator types that cannot be subclassed (so `__next__` cannot be
    /// overridden): their step, which `Vm::next` calls without looking `__next__` up.
    fn native_next(&self) -> Option<NativeNext> {
        None
    }
    /// Likewise for callable types: their `__call__`, which calls run without
    /// looking it up (the arguments exclude the object itself).
    fn native_call(&self) -> Option<NativeCall> {
        None
    }
}

impl dyn NativeData {
    /// The state as `Any`, to downcast to its concrete type (trait upcasting: every
    /// `NativeData` is `Any`, so implementors write nothing for this).
    pub fn as_any(&self) -> &dyn Any {
        self
    }

    pub fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

#[repr(C)]
pub struct OpaqueObj {
    header: ObjHeader,
    pub cls: Value,
    pub data: RefCell<Box<dyn NativeData>>,
    /// Instance attributes, NULL unless the type allows them.
    pub dict: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for OpaqueObj {
    const KIND: ObjKind = ObjKind::Opaque;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cls);
        if let Ok(d) = self.data.try_borrow() {
            d.traverse(visit);
        }
        visit(&self.dict);
    }
    fn clear(&self) {
        if let Ok(mut d) = self.data.try_borrow_mut() {
            d.clear();
        }
    }
}

pub fn new_opaque(cls: Value, data: Box<dyn NativeData>, dict: Value) -> Value {
    alloc(OpaqueObj { header: ObjHeader::new(ObjKind::Opaque), cls, data: RefCell::new(data), dict })
}
