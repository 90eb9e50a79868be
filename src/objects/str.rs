//! `str`: immutable Unicode text.
//!
//! Stored as UTF-8 with its length in code points. ASCII strings (nearly all in practice)
//! index in O(1); others walk the UTF-8, which is correct and rare.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::cell::Cell;

#[repr(C)]
pub struct StrObj {
    header: ObjHeader,
    /// -1 until computed (never a valid hash, as in CPython).
    hash: Cell<i64>,
    interned: Cell<bool>,
    ascii: bool,
    char_len: usize,
    text: Box<str>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for StrObj {
    const KIND: ObjKind = ObjKind::Str;
}

impl StrObj {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Length in code points (`len(s)`).
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub(crate) fn mark_interned(&self) {
        self.interned.set(true);
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.text);
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> char {
        if self.ascii {
            self.text.as_bytes()[i] as char
        } else {
            self.text.chars().nth(i).expect("index checked by caller")
        }
    }

    /// Byte offset of code point `i` (i <= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            i
        } else {
            self.text.char_indices().nth(i).map_or(self.text.len(), |(b, _)| b)
        }
    }

    /// The substring of code points `[start, end)`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        &self.text[self.byte_offset(start)..self.byte_offset(end)]
    }
}

/// The hash of a string. Python randomises string hashes per process, so any good hash
/// is faithful; it must only never be -1. As in CPython, it is the hash of the bytes.
pub fn hash_str(s: &str) -> i64 {
    crate::objects::bytes::hash_bytes(s.as_bytes())
}

/// Makes a new `str` value.
pub fn new_str(s: &str) -> Value {
    str_from_string(Box::from(s))
}

pub fn str_from_string(text: impl Into<Box<str>>) -> Value {
    let text: Box<str> = text.into();
    let ascii = text.is_ascii();
    let char_len = if ascii { text.len() } else { text.chars().count() };
    alloc(StrObj {
        header: ObjHeader::new(ObjKind::Str),
        hash: Cell::new(-1),
        interned: Cell::new(false),
        ascii,
        char_len,
        text,
    })
}

impl Value {
    /// The text of a `str` value.
    pub fn as_str(&self) -> Option<&str> {
        self.downcast::<StrObj>().map(|s| s.as_str())
    }
}
