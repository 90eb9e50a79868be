//! `tuple`: an immutable array of values.

use crate::object::{alloc_with, ObjHeader, ObjKind, PyObject};
use crate::value::Value;

#[repr(C)]
pub struct TupleObj {
    header: ObjHeader,
    items: Box<[Value]>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for TupleObj {
    const KIND: ObjKind = ObjKind::Tuple;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
    // A tuple's items are fixed; cycles through tuples break at their mutable members.
}

impl TupleObj {
    #[inline]
    pub fn items(&self) -> &[Value] {
        &self.items
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Makes a tuple. Tuples holding only atoms (ints, strs, ...) are not tracked by the
/// cycle collector: being immutable, they can never close a cycle.
pub fn new_tuple(items: Vec<Value>) -> Value {
    let tracked = items.iter().any(|v| v.header().is_some_and(|h| may_hold_references(h.kind())));
    alloc_with(TupleObj { header: ObjHeader::new(ObjKind::Tuple), items: items.into_boxed_slice() }, tracked)
}

/// Kinds whose objects never reference other objects.
fn may_hold_references(kind: ObjKind) -> bool {
    !matches!(kind, ObjKind::Str | ObjKind::Bytes | ObjKind::BigInt | ObjKind::Range | ObjKind::Code)
}

impl Value {
    pub fn as_tuple(&self) -> Option<&[Value]> {
        self.downcast::<TupleObj>().map(|t| t.items())
    }
}
