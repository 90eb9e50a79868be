//! `Value`: every Python value in one machine word (NaN-boxing).
//!
//! A `Value` is a `u64`. Floats are stored as their IEEE-754 bits; everything else lives
//! in the negative quiet-NaN space, tagged by the top 16 bits:
//!
//! | top 16 bits      | meaning                                             |
//! |------------------|-----------------------------------------------------|
//! | `< 0xFFF9`       | `float` (any double, NaNs canonical, see below)     |
//! | `0xFFF9`         | small `int`: 48-bit two's complement payload        |
//! | `0xFFFA`         | `bool`: payload 0 or 1                              |
//! | `0xFFFB`         | singletons: `None`, `NotImplemented`, `...`, NULL   |
//! | `0xFFFC`         | pointer to a heap object (`ObjHeader`)              |
//! | `> 0xFFFC`       | never used (so `is_ptr` is one compare)             |
//!
//! Ints and floats never allocate on the hot path; the JIT tests a tag with one shift and
//! compare. Every NaN this VM produces is one of the two default NaNs (`0x7FF8…0`,
//! `0xFFF8…0`): arithmetic on those keeps a zero payload, so no float can collide with a
//! tag. `Value::float` canonicalises NaNs built from raw bits anyway.
//!
//! An int whose value fits 48 bits is *always* stored inline; bigger ones are `BigIntObj`.
//! That canonical form makes equality and hashing of ints cheap.
//!
//! Heap objects are reference counted (see `object.rs`): `Clone` increments, `Drop`
//! decrements. Immediate values need neither.

use crate::object::{ObjHeader, ObjKind, PyObject};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

pub const TAG_SHIFT: u32 = 48;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_BOOL: u64 = 0xFFFA;
pub const TAG_SPECIAL: u64 = 0xFFFB;
pub const TAG_PTR: u64 = 0xFFFC;
pub const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;

/// The bits of the smallest pointer value. No value has a tag above `TAG_PTR` (floats
/// stay below `TAG_INT`, see `Value::float`), so "is a pointer" is one unsigned compare
/// with this constant, and the address is the bits minus it: the same constant, which
/// the compiler keeps in one register for both.
const PTR_BASE: u64 = TAG_PTR << TAG_SHIFT;

/// Largest and smallest ints stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
pub const SMALL_INT_MIN: i64 = -(1 << 47);

const SPECIAL_NONE: u64 = 0;
const SPECIAL_NOT_IMPLEMENTED: u64 = 1;
const SPECIAL_ELLIPSIS: u64 = 2;
const SPECIAL_NULL: u64 = 3;

const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Not `Send`/`Sync`: reference counts are not atomic, so a value stays on the thread
/// (the VM) that made it.
#[repr(transparent)]
pub struct Value(u64, PhantomData<*const ()>);

impl Value {
    pub const NONE: Value = Value((TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NONE, PhantomData);
    pub const NOT_IMPLEMENTED: Value = Value((TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NOT_IMPLEMENTED, PhantomData);
    pub const ELLIPSIS: Value = Value((TAG_SPECIAL << TAG_SHIFT) | SPECIAL_ELLIPSIS, PhantomData);
    /// An empty slot: an unbound local, a missing argument. Never visible to Python code.
    pub const NULL: Value = Value((TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NULL, PhantomData);
    pub const TRUE: Value = Value((TAG_BOOL << TAG_SHIFT) | 1, PhantomData);
    pub const FALSE: Value = Value(TAG_BOOL << TAG_SHIFT, PhantomData);

    #[inline(always)]
    pub const fn bits(&self) -> u64 {
        self.0
    }

    /// Rebuilds a value from bits produced by `bits()`/`into_raw()` without touching the
    /// reference count.
    ///
    /// # Safety
    /// The bits must come from a live `Value` whose ownership (one reference) is
    /// transferred to the result: pair every `from_raw` with one earlier `into_raw`.
    #[inline(always)]
    pub const unsafe fn from_raw(bits: u64) -> Value {
        Value(bits, PhantomData)
    }

    /// Gives up ownership of one reference, returning the bits.
    #[inline(always)]
    pub fn into_raw(self) -> u64 {
        let bits = self.0;
        std::mem::forget(self);
        bits
    }

    #[inline(always)]
    pub const fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    // ----- ints -----
    #[inline(always)]
    pub const fn small_int_fits(i: i64) -> bool {
        i >= SMALL_INT_MIN && i <= SMALL_INT_MAX
    }

    /// A small int. `i` must fit in 48 bits (`small_int_fits`); use `Value::int` (in
    /// `int.rs`) for any i64.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Value {
        debug_assert!(Value::small_int_fits(i));
        Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK), PhantomData)
    }

    #[inline(always)]
    pub const fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }

    /// The payload of a small int (caller checked `is_small_int`).
    #[inline(always)]
    pub const fn small_int_value(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub const fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() { Some(self.small_int_value()) } else { None }
    }

    // ----- bools and singletons -----
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }
    #[inline(always)]
    pub const fn is_bool(&self) -> bool {
        self.tag() == TAG_BOOL
    }
    #[inline(always)]
    pub const fn is_true_const(&self) -> bool {
        self.0 == (TAG_BOOL << TAG_SHIFT) | 1
    }
    #[inline(always)]
    pub const fn is_none(&self) -> bool {
        self.0 == (TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NONE
    }
    #[inline(always)]
    pub const fn is_null(&self) -> bool {
        self.0 == (TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NULL
    }
    #[inline(always)]
    pub const fn is_not_implemented(&self) -> bool {
        self.0 == (TAG_SPECIAL << TAG_SHIFT) | SPECIAL_NOT_IMPLEMENTED
    }
    #[inline(always)]
    pub const fn is_ellipsis(&self) -> bool {
        self.0 == (TAG_SPECIAL << TAG_SHIFT) | SPECIAL_ELLIPSIS
    }

    // ----- floats -----
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        // A NaN is rare: one compare-and-branch here, the canonicalisation out of line
        // (inline it was a branchless select on every float result).
        if f.is_nan() {
            return Value::float_nan(f);
        }
        Value(f.to_bits(), PhantomData)
    }

    #[cold]
    #[inline(never)]
    fn float_nan(f: f64) -> Value {
        let bits = f.to_bits();
        if bits != CANONICAL_NAN && bits != (CANONICAL_NAN | (1 << 63)) {
            Value(CANONICAL_NAN, PhantomData)
        } else {
            Value(bits, PhantomData)
        }
    }
    #[inline(always)]
    pub const fn is_float(&self) -> bool {
        self.0 < (TAG_INT << TAG_SHIFT)
    }
    #[inline(always)]
    pub fn float_value(&self) -> f64 {
        f64::from_bits(self.0)
    }
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() { Some(self.float_value()) } else { None }
    }

    // ----- heap objects -----
    #[inline(always)]
    pub const fn is_ptr(&self) -> bool {
        self.0 >= PTR_BASE
    }

    /// The object address of a pointer value (meaningless for other values).
    #[inline(always)]
    pub fn header_ptr(&self) -> *const ObjHeader {
        self.0.wrapping_sub(PTR_BASE) as *const ObjHeader
    }

    /// The heap object header, if this is a pointer.
    #[inline(always)]
    pub fn header(&self) -> Option<&ObjHeader> {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged value always holds a pointer to a live object (it
            // owns one reference), so the header outlives the borrow of `self`.
            Some(unsafe { &*self.header_ptr() })
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn kind(&self) -> Option<ObjKind> {
        self.header().map(|h| h.kind())
    }

    /// Wraps a freshly allocated object whose header already counts this reference.
    #[inline(always)]
    pub(crate) fn from_header(ptr: NonNull<ObjHeader>) -> Value {
        let addr = ptr.as_ptr() as u64;
        debug_assert!(addr & !PAYLOAD_MASK == 0, "heap address beyond 48 bits");
        Value(PTR_BASE | addr, PhantomData)
    }

    /// Borrows the object as its concrete type `T` when the kind matches.
    #[inline(always)]
    pub fn downcast<T: PyObject>(&self) -> Option<&T> {
        let h = self.header()?;
        if h.kind() == T::KIND {
            // SAFETY: objects of kind `T::KIND` are always allocated as `T`, which is
            // `#[repr(C)]` with the header first, so the cast is valid; the borrow cannot
            // outlive `self`, which keeps the object alive.
            Some(unsafe { &*(h as *const ObjHeader as *const T) })
        } else {
            None
        }
    }

    /// Borrows the object as `T` without checking its kind.
    ///
    /// # Safety
    /// The value must be an object of kind `T::KIND`.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: PyObject>(&self) -> &T {
        debug_assert!(self.is::<T>());
        // SAFETY: the caller's guarantee; as in `downcast`.
        unsafe { &*(self.header_ptr() as *const T) }
    }

    #[inline(always)]
    pub fn is<T: PyObject>(&self) -> bool {
        matches!(self.header(), Some(h) if h.kind() == T::KIND)
    }

    /// Identity (`is`).
    #[inline(always)]
    pub fn is_same(&self, other: &Value) -> bool {
        self.0 == other.0
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(h) = self.header() {
            h.incref();
        }
        Value(self.0, PhantomData)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: this value owns one reference to a live object.
            unsafe { crate::object::decref(self.header_ptr()) }
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NONE
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if self.is_bool() {
            write!(f, "Bool({})", self.0 & 1 == 1)
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_null() {
            write!(f, "NULL")
        } else if let Some(h) = self.header() {
            write!(f, "Obj({:?}@{:p})", h.kind(), h)
        } else {
            write!(f, "Special({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 12345, -987654321] {
            let v = Value::small_int(i);
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.small_int_value(), i);
        }
    }

    #[test]
    fn floats_are_not_tagged() {
        for x in [0.0, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN, f64::MIN] {
            let v = Value::float(x);
            assert!(v.is_float(), "{x}");
            assert!(!v.is_small_int() && !v.is_ptr() && !v.is_bool());
        }
        let weird = f64::from_bits(0xFFFF_0000_0000_0001);
        assert!(Value::float(weird).is_float());
    }

    #[test]
    fn singletons_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::NULL, Value::ELLIPSIS,
                   Value::NOT_IMPLEMENTED, Value::small_int(0), Value::float(0.0)];
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is_same(b));
            }
        }
    }
}

/// A copy of a `Value` that holds no reference: nothing is counted on creation and
/// nothing is released when it goes away. Frames use it for the code object and the
/// globals, which their function (or their caller) keeps alive, so that entering and
/// leaving a frame costs no reference-count traffic for them.
#[repr(transparent)]
pub struct Borrowed(std::mem::ManuallyDrop<Value>);

impl Borrowed {
    /// # Safety
    /// The object `v` refers to must stay alive for as long as the result is used.
    #[inline(always)]
    pub unsafe fn new(v: &Value) -> Borrowed {
        Borrowed(std::mem::ManuallyDrop::new(Value(v.0, PhantomData)))
    }
}

impl Borrowed {
    /// # Safety
    /// `bits` must be the bits of a live value, and the object must stay alive for as
    /// long as the result is used.
    #[inline(always)]
    pub unsafe fn from_bits(bits: u64) -> Borrowed {
        Borrowed(std::mem::ManuallyDrop::new(Value(bits, PhantomData)))
    }
}

impl std::ops::Deref for Borrowed {
    type Target = Value;
    #[inline(always)]
    fn deref(&self) -> &Value {
        &self.0
    }
}
