//! Descriptors: `property`, `staticmethod`, `classmethod`, and `super` objects.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::value::Value;

#[repr(C)]
pub struct PropertyObj {
    header: ObjHeader,
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: ValueCell,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for PropertyObj {
    const KIND: ObjKind = ObjKind::Property;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.fget);
        visit(&self.fset);
        visit(&self.fdel);
        self.doc.traverse(visit);
    }
}

pub fn new_property(fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
    alloc(PropertyObj { header: ObjHeader::new(ObjKind::Property), fget, fset, fdel, doc: ValueCell::new(doc) })
}

#[repr(C)]
pub struct StaticMethodObj {
    header: ObjHeader,
    pub func: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for StaticMethodObj {
    const KIND: ObjKind = ObjKind::StaticMethod;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
}

pub fn new_staticmethod(func: Value) -> Value {
    alloc(StaticMethodObj { header: ObjHeader::new(ObjKind::StaticMethod), func })
}

#[repr(C)]
pub struct ClassMethodObj {
    header: ObjHeader,
    pub func: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for ClassMethodObj {
    const KIND: ObjKind = ObjKind::ClassMethod;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
    }
}

pub fn new_classmethod(func: Value) -> Value {
    alloc(ClassMethodObj { header: ObjHeader::new(ObjKind::ClassMethod), func })
}

/// `super(type, obj)`: attribute look-ups start after `this_class` in `obj`'s MRO.
#[repr(C)]
pub struct SuperObj {
    header: ObjHeader,
    pub this_class: Value,
    /// The instance (or class, for class methods) the found methods bind to.
    pub obj: Value,
    /// The type whose MRO is searched: `type(obj)`, or `obj` itself when it is a class.
    pub obj_type: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for SuperObj {
    const KIND: ObjKind = ObjKind::Super;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.this_class);
        visit(&self.obj);
        visit(&self.obj_type);
    }
}

pub fn new_super(this_class: Value, obj: Value, obj_type: Value) -> Value {
    alloc(SuperObj { header: ObjHeader::new(ObjKind::Super), this_class, obj, obj_type })
}
