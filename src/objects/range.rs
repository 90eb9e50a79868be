//! `range` and `slice`.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;

#[repr(C)]
pub struct RangeObj {
    header: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for RangeObj {
    const KIND: ObjKind = ObjKind::Range;
}

/// Number of elements of `range(start, stop, step)` (step != 0).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 { (start as i128, stop as i128, step as i128) } else { (stop as i128, start as i128, -(step as i128)) };
    if lo >= hi { 0 } else { ((hi - lo - 1) / st + 1) as i64 }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    alloc(RangeObj { header: ObjHeader::new(ObjKind::Range), start, stop, step, len: range_len(start, stop, step) })
}

impl RangeObj {
    /// Element `i` (0 <= i < len).
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

#[repr(C)]
pub struct SliceObj {
    header: ObjHeader,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for SliceObj {
    const KIND: ObjKind = ObjKind::Slice;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(SliceObj { header: ObjHeader::new(ObjKind::Slice), start, stop, step })
}
