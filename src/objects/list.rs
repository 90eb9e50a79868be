//! `list`: a growable array of values.
//!
//! The vector sits in a `RefCell`; code must never hold a borrow across a call that can
//! run Python code (a comparison, a key function), so a re-entrant mutation is a Python
//! error, never a panic. `with_items`/`with_items_mut` keep borrows short.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::cell::RefCell;

#[repr(C)]
pub struct ListObj {
    header: ObjHeader,
    items: RefCell<Vec<Value>>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for ListObj {
    const KIND: ObjKind = ObjKind::List;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

impl ListObj {
    /// Offset of the items' `RefCell` (compiled code's inline indexing, `tier2::layout`).
    pub const ITEMS_OFFSET: usize = std::mem::offset_of!(ListObj, items);

    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    /// Replaces item `i` (in range), returning the old item so it drops after the borrow.
    pub fn set(&self, i: usize, v: Value) -> Value {
        std::mem::replace(&mut self.items.borrow_mut()[i], v)
    }
    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }
    pub fn pop(&self) -> Option<Value> {
        self.items.borrow_mut().pop()
    }
    /// A snapshot of the items (new references).
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    /// Runs `f` on the items. `f` must not run Python code.
    #[inline]
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(&self.items.borrow())
    }
    /// Runs `f` on the vector. `f` must not run Python code; anything it removes should
    /// be returned so it drops after the borrow ends.
    #[inline]
    pub fn with_items_mut<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        f(&mut self.items.borrow_mut())
    }
    /// Swaps the whole vector out (used by sort, which must not see re-entrant changes).
    pub fn take_items(&self) -> Vec<Value> {
        std::mem::take(&mut *self.items.borrow_mut())
    }
    pub fn replace_items(&self, v: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.items.borrow_mut(), v)
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    alloc(ListObj { header: ObjHeader::new(ObjKind::List), items: RefCell::new(items) })
}
