//! `bytes`: an immutable sequence of bytes.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::cell::Cell;
use std::hash::Hasher;

#[repr(C)]
pub struct BytesObj {
    header: ObjHeader,
    /// -1 until computed (never a valid hash, as in CPython).
    hash: Cell<i64>,
    data: Box<[u8]>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for BytesObj {
    const KIND: ObjKind = ObjKind::Bytes;
}

impl BytesObj {
    #[inline]
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(&self.data);
        self.hash.set(h);
        h
    }
}

/// The hash of a bytes value. CPython hashes bytes with the same randomised function as
/// str, so a bytes object and the str of the same ASCII text hash alike there; this
/// keeps that (equal bytes hash equal, and `hash(b"ab") == hash("ab")`).
pub fn hash_bytes(data: &[u8]) -> i64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(data);
    hasher.write_u8(0xff);
    let h = hasher.finish() as i64;
    let h = h >> 3;
    if h == -1 { -2 } else { h }
}

/// Makes a new `bytes` value.
pub fn new_bytes(data: impl Into<Box<[u8]>>) -> Value {
    alloc(BytesObj { header: ObjHeader::new(ObjKind::Bytes), hash: Cell::new(-1), data: data.into() })
}

impl Value {
    /// The contents of a `bytes` value.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        self.downcast::<BytesObj>().map(|b| b.data())
    }
}
