//! `range` and `slice`.
//!
//! A range whose bounds and length all fit an i64 keeps them in the i64 fields (the
//! fast path every loop uses). Otherwise `big` holds the exact values, as CPython's
//! range stores Python ints; the i64 fields then hold saturated stand-ins (`len` stays
//! non-zero for a non-empty range) and code must go through the accessor methods.

use crate::error::{overflow_error, PyResult};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::objects::int::IntRef;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[repr(C)]
pub struct RangeObj {
    header: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
    /// The exact values when any of them does not fit an i64.
    pub big: Option<Box<BigRange>>,
}

/// Exact bounds and length of a range that does not fit i64s.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
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

/// The exact length of a range (step != 0).
pub fn big_range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi { BigInt::zero() } else { (hi - lo - 1u32) / st + 1u32 }
}

/// A range of i64 bounds (step != 0). Falls back to the exact form when the length
/// does not fit an i64.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    let (lo, hi, st) = if step > 0 { (start as i128, stop as i128, step as i128) } else { (stop as i128, start as i128, -(step as i128)) };
    let len = if lo >= hi { 0 } else { (hi - lo - 1) / st + 1 };
    if len > i64::MAX as i128 {
        return new_range_big(BigInt::from(start), BigInt::from(stop), BigInt::from(step));
    }
    alloc(RangeObj { header: ObjHeader::new(ObjKind::Range), start, stop, step, len: len as i64, big: None })
}

/// A range of arbitrary int bounds (step != 0).
pub fn new_range_big(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let len = big_range_len(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
        return new_range(a, b, c);
    }
    let sat = |b: &BigInt| b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX });
    let (s, e, st) = (sat(&start), sat(&stop), sat(&step));
    let l = len.to_i64().unwrap_or(i64::MAX);
    let big = Some(Box::new(BigRange { start, stop, step, len }));
    alloc(RangeObj { header: ObjHeader::new(ObjKind::Range), start: s, stop: e, step: st, len: l, big })
}

impl RangeObj {
    /// Element `i` (0 <= i < len) of a range that fits i64s.
    pub fn item(&self, i: i64) -> i64 {
        (self.start as i128 + i as i128 * self.step as i128) as i64
    }

    pub fn is_big(&self) -> bool {
        self.big.is_some()
    }

    pub fn start_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::big_int(b.start.clone()),
            None => Value::int(self.start),
        }
    }

    pub fn stop_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::big_int(b.stop.clone()),
            None => Value::int(self.stop),
        }
    }

    pub fn step_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::big_int(b.step.clone()),
            None => Value::int(self.step),
        }
    }

    /// The exact length as an int value.
    pub fn len_value(&self) -> Value {
        match &self.big {
            Some(b) => Value::big_int(b.len.clone()),
            None => Value::int(self.len),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `len(r)`: an OverflowError when the length does not fit a C ssize_t.
    pub fn length(&self) -> PyResult<usize> {
        match &self.big {
            Some(b) => b.len.to_i64().map(|n| n as usize).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t")),
            None => Ok(self.len as usize),
        }
    }

    /// (start, stop, step, len) as exact integers.
    pub fn bigs(&self) -> (BigInt, BigInt, BigInt, BigInt) {
        match &self.big {
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone(), b.len.clone()),
            None => (BigInt::from(self.start), BigInt::from(self.stop), BigInt::from(self.step), BigInt::from(self.len)),
        }
    }

    /// Does the range hold the int `i`? (No iteration, for any size.)
    pub fn contains_int(&self, i: IntRef) -> bool {
        if self.big.is_none() {
            if let IntRef::Small(x) = i {
                return self.contains_i64(x);
            }
            if i.to_i64().is_none() {
                return false;
            }
        }
        let (start, stop, step, _) = self.bigs();
        let x = i.to_bigint();
        let inside = if step.is_positive() { start <= x && x < stop } else { stop < x && x <= start };
        inside && (x - start).mod_floor(&step).is_zero()
    }

    fn contains_i64(&self, x: i64) -> bool {
        let (x, start, stop, step) = (x as i128, self.start as i128, self.stop as i128, self.step as i128);
        let inside = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
        inside && (x - start) % step == 0
    }

    /// The position of int `i` in the range, if present.
    pub fn index_of(&self, i: IntRef) -> Option<Value> {
        if !self.contains_int(i) {
            return None;
        }
        if let (None, Some(x)) = (&self.big, i.to_i64()) {
            return Some(Value::int(((x as i128 - self.start as i128) / self.step as i128) as i64));
        }
        let (start, _, step, _) = self.bigs();
        Some(Value::big_int((i.to_bigint() - start) / step))
    }

    /// Element at index `i` (may be negative: from the end); None when out of range.
    pub fn item_at(&self, i: IntRef) -> Option<Value> {
        if let (None, Some(x)) = (&self.big, i.to_i64()) {
            let j = if x < 0 { x as i128 + self.len as i128 } else { x as i128 };
            if j < 0 || j >= self.len as i128 {
                return None;
            }
            return Some(Value::int(self.item(j as i64)));
        }
        let (start, _, step, len) = self.bigs();
        let mut j = i.to_bigint();
        if j.is_negative() {
            j += &len;
        }
        if j.is_negative() || j >= len {
            return None;
        }
        Some(Value::big_int(start + j * step))
    }

    /// The range reversed: `range(last, start - step, -step)`.
    pub fn reversed(&self) -> Value {
        if self.big.is_none() {
            // last - step may leave i64; the exact form handles it.
            let last = self.start as i128 + (self.len as i128 - 1) * self.step as i128;
            let stop = self.start as i128 - self.step as i128;
            if self.len > 0 && stop >= i64::MIN as i128 && stop <= i64::MAX as i128 && self.step != i64::MIN {
                return new_range(last as i64, stop as i64, -self.step);
            }
            if self.len == 0 {
                return new_range(self.start, self.start, if self.step == i64::MIN { -1 } else { -self.step });
            }
        }
        let (start, _, step, len) = self.bigs();
        if len.is_zero() {
            return new_range_big(start.clone(), start, -step);
        }
        let last = &start + (&len - BigInt::one()) * &step;
        new_range_big(last, start - &step, -step)
    }

    /// CPython's range equality: same length, then same start, then same step.
    pub fn same_as(&self, other: &RangeObj) -> bool {
        if self.big.is_none() && other.big.is_none() {
            return self.len == other.len && (self.len == 0 || (self.start == other.start && (self.len == 1 || self.step == other.step)));
        }
        let (a0, _, a2, al) = self.bigs();
        let (b0, _, b2, bl) = other.bigs();
        al == bl && (al.is_zero() || (a0 == b0 && (al.is_one() || a2 == b2)))
    }

    /// `repr(r)`.
    pub fn repr(&self) -> String {
        match &self.big {
            Some(b) if b.step.is_one() => format!("range({}, {})", b.start, b.stop),
            Some(b) => format!("range({}, {}, {})", b.start, b.stop, b.step),
            None if self.step == 1 => format!("range({}, {})", self.start, self.stop),
            None => format!("range({}, {}, {})", self.start, self.stop, self.step),
        }
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
