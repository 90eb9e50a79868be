//! Built-in iterator objects: one object kind whose state says which iterator it is.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::objects::dict::DictViewKind;
use crate::value::Value;
use std::cell::RefCell;

/// The position of an exhausted dict or set iterator: it stays exhausted even if the
/// container grows (CPython drops its reference).
pub const DONE: usize = usize::MAX;

/// `repr(u8)`: the tag is the first byte, which compiled code reads to step range and
/// list iterators inline (`tier2/layout.rs` measures the rest).
#[repr(u8)]
pub enum IterState {
    /// list_iterator / tuple_iterator / str iterators, by index.
    List { seq: Value, index: usize },
    Tuple { seq: Value, index: usize },
    Str { seq: Value, index: usize, byte: usize },
    Bytes { seq: Value, index: usize },
    Range { next: i64, step: i64, remaining: i64 },
    /// Dict keys/values/items iterators; `len` is the size at creation, for the
    /// "changed size during iteration" check, `remaining` the items still expected
    /// ("keys changed during iteration"). `pos == DONE` once exhausted.
    Dict { dict: Value, pos: usize, len: usize, remaining: usize, kind: DictViewKind },
    /// `pos == DONE` once exhausted.
    Set { set: Value, pos: usize, len: usize },
    /// `reversed()` over a list or tuple or str (index of the next item + 1).
    ListReverse { seq: Value, remaining: usize },
    /// `reversed()` over a sequence with `__len__`/`__getitem__`.
    Reversed { seq: Value, remaining: usize },
    Enumerate { it: Value, count: Value },
    Zip { its: Vec<Value>, strict: bool },
    /// `map(func, *iterables, strict=False)`.
    Map { func: Value, its: Vec<Value>, strict: bool },
    Filter { func: Value, it: Value },
    /// The `__getitem__` protocol: obj[0], obj[1], ... until IndexError.
    SeqIter { obj: Value, index: usize },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    Exhausted,
}

#[repr(C)]
pub struct IteratorObj {
    header: ObjHeader,
    pub state: RefCell<IterState>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for IteratorObj {
    const KIND: ObjKind = ObjKind::Iterator;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let Ok(s) = self.state.try_borrow() else { return };
        match &*s {
            IterState::List { seq, .. } | IterState::Tuple { seq, .. } | IterState::Str { seq, .. } | IterState::Bytes { seq, .. }
            | IterState::ListReverse { seq, .. } | IterState::Reversed { seq, .. } => visit(seq),
            IterState::Dict { dict, .. } => visit(dict),
            IterState::Set { set, .. } => visit(set),
            IterState::Enumerate { it, count } => {
                visit(it);
                visit(count);
            }
            IterState::Zip { its, .. } => its.iter().for_each(visit),
            IterState::Map { func, its, .. } => {
                visit(func);
                its.iter().for_each(visit);
            }
            IterState::Filter { func, it } => {
                visit(func);
                visit(it);
            }
            IterState::SeqIter { obj, .. } => visit(obj),
            IterState::Callable { func, sentinel } => {
                visit(func);
                visit(sentinel);
            }
            IterState::Range { .. } | IterState::Exhausted => {}
        }
    }
    fn clear(&self) {
        let old = std::mem::replace(&mut *self.state.borrow_mut(), IterState::Exhausted);
        drop(old);
    }
}

pub fn new_iterator(state: IterState) -> Value {
    alloc(IteratorObj { header: ObjHeader::new(ObjKind::Iterator), state: RefCell::new(state) })
}
