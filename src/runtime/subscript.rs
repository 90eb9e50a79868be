//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]`, and slice arithmetic.

use crate::error::{index_error, type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::int::IntRef;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

/// A slice resolved against a sequence length: start, stop, step and item count.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

/// A slice's components as read by `PySlice_Unpack` (runs `__index__`), before they are
/// resolved against a length.
#[derive(Clone, Copy, Debug)]
pub struct UnpackedSlice {
    pub start: Option<i64>,
    pub stop: Option<i64>,
    pub step: i64,
}

impl UnpackedSlice {
    /// `PySlice_AdjustIndices`: clamps against `len`.
    pub fn adjust(&self, len: usize) -> SliceIndices {
        let (len, step) = (len as i64, self.step);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let bound = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(i) if i < 0 => (i + len).max(lower),
            Some(i) => i.min(upper),
        };
        let start = bound(self.start, if step < 0 { upper } else { lower });
        let stop = bound(self.stop, if step < 0 { lower } else { upper });
        let n = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        SliceIndices { start, stop, step, len: n as usize }
    }
}

/// `PySlice_Unpack`: the slice's bounds as clamped i64s (None for a missing bound).
pub fn unpack_slice(vm: &mut Vm, s: &SliceObj) -> PyResult<UnpackedSlice> {
    let step = if s.step.is_none() { 1 } else { index_value(vm, &s.step, true)? };
    if step == 0 {
        return Err(PyErr::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let start = if s.start.is_none() { None } else { Some(index_value(vm, &s.start, true)?) };
    let stop = if s.stop.is_none() { None } else { Some(index_value(vm, &s.stop, true)?) };
    Ok(UnpackedSlice { start, stop, step })
}

/// Resolves a slice against a sequence length (CPython's PySlice_GetIndicesEx). When
/// `__index__` may change the sequence, unpack first and adjust with the fresh length.
pub fn slice_indices(vm: &mut Vm, s: &SliceObj, len: usize) -> PyResult<SliceIndices> {
    Ok(unpack_slice(vm, s)?.adjust(len))
}

/// `_PySlice_GetLongIndices`: exact (start, stop, step) for any length (range slicing,
/// `slice.indices`).
pub fn slice_indices_big(vm: &mut Vm, s: &SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = if s.step.is_none() { BigInt::one() } else { index_big(vm, &s.step)? };
    if step.is_zero() {
        return Err(PyErr::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let bound = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = index_big(vm, v)?;
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = bound(vm, &s.start, if neg { &upper } else { &lower })?;
    let stop = bound(vm, &s.stop, if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

/// A slice bound as an exact int (`__index__` honoured).
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = v.as_int() {
        return Ok(i.to_bigint());
    }
    if crate::runtime::ops::is_user_object(v) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(v, &name) {
            let r = vm.call_method_value(&m, v, &[])?;
            return match r.as_int() {
                Some(i) => Ok(i.to_bigint()),
                None => Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r)))),
            };
        }
    }
    Err(type_error("slice indices must be integers or None or have an __index__ method"))
}

/// `del l[slice]`: bounds read first, resolved against the current length; one pass
/// over the list for extended slices.
fn del_list_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj) -> PyResult<()> {
    let u = unpack_slice(vm, s)?;
    let removed = l.with_items_mut(|v| {
        let si = u.adjust(v.len());
        if si.len == 0 {
            return Vec::new();
        }
        if si.step == 1 {
            let start = si.start as usize;
            return v.drain(start..start + si.len).collect();
        }
        // Positions to delete, ascending.
        let (lo, step) = if si.step > 0 {
            (si.start as usize, si.step as usize)
        } else {
            ((si.start + (si.len as i64 - 1) * si.step) as usize, si.step.unsigned_abs() as usize)
        };
        let hi = lo + (si.len - 1) * step;
        let mut removed = Vec::with_capacity(si.len);
        let mut kept = Vec::with_capacity(v.len() - si.len);
        for (i, x) in std::mem::take(v).into_iter().enumerate() {
            if i >= lo && i <= hi && (i - lo) % step == 0 {
                removed.push(x);
            } else {
                kept.push(x);
            }
        }
        *v = kept;
        removed
    });
    drop(removed);
    Ok(())
}

/// `r[slice]`: CPython's compute_slice.
fn range_slice(vm: &mut Vm, r: &RangeObj, s: &SliceObj) -> PyResult<Value> {
    if !r.is_big() {
        let u = unpack_slice(vm, s)?;
        let si = u.adjust(r.len as usize);
        let start = r.start as i128 + si.start as i128 * r.step as i128;
        let stop = r.start as i128 + si.stop as i128 * r.step as i128;
        let step = r.step as i128 * si.step as i128;
        return Ok(range_from_i128(start, stop, step));
    }
    let (rstart, _, rstep, len) = r.bigs();
    let (start, stop, step) = slice_indices_big(vm, s, &len)?;
    let substart = &rstart + start * &rstep;
    let substop = &rstart + stop * &rstep;
    Ok(range::new_range_big(substart, substop, rstep * step))
}

fn range_from_i128(start: i128, stop: i128, step: i128) -> Value {
    let fits = |x: i128| x >= i64::MIN as i128 && x <= i64::MAX as i128;
    if fits(start) && fits(stop) && fits(step) {
        range::new_range(start as i64, stop as i64, step as i64)
    } else {
        range::new_range_big(BigInt::from(start), BigInt::from(stop), BigInt::from(step))
    }
}

/// `r[i]` for an int-like key.
fn range_item(vm: &mut Vm, r: &RangeObj, key: &Value) -> PyResult<Value> {
    let k = match key.as_int() {
        Some(_) => key.clone(),
        None => index_object(vm, key, "range")?,
    };
    let i = k.as_int().ok_or_else(|| type_error("__index__ returned non-int"))?;
    r.item_at(i).ok_or_else(|| index_error("range object index out of range"))
}

/// `__index__` of a non-int key, or CPython's "indices must be integers" TypeError.
fn index_object(vm: &mut Vm, key: &Value, what: &str) -> PyResult<Value> {
    if crate::runtime::ops::is_user_object(key) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(key, &name) {
            let r = vm.call_method_value(&m, key, &[])?;
            if r.as_int().is_none() {
                return Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r))));
            }
            return Ok(r);
        }
    }
    Err(type_error(format!("{what} indices must be integers or slices, not {}", vm.type_name(key))))
}

/// An index from an int-like value (`__index__`); big values clamp when `clamp` is set
/// (slices), otherwise they are an IndexError for the caller to report.
pub fn index_value(vm: &mut Vm, v: &Value, clamp: bool) -> PyResult<i64> {
    if let Some(i) = v.as_int() {
        return Ok(match i {
            IntRef::Small(x) => x,
            IntRef::Big(b) => {
                use num_traits::Signed;
                if clamp {
                    if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }
                } else {
                    return Err(index_error("cannot fit 'int' into an index-sized integer"));
                }
            }
        });
    }
    if crate::runtime::ops::is_user_object(v) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(v, &name) {
            let r = vm.call_method_value(&m, v, &[])?;
            return index_value(vm, &r, clamp);
        }
    }
    Err(type_error("slice indices must be integers or None or have an __index__ method"))
}

/// Normalises a sequence index (negative from the end); Err(()) when out of range.
fn seq_index(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<Result<usize, ()>> {
    let i = match key.as_int() {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(index_error("cannot fit 'int' into an index-sized integer"));
        }
        None => {
            let r = index_object(vm, key, what)?;
            return seq_index(vm, &r, len, what);
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    Ok(if j >= 0 && (j as usize) < len { Ok(j as usize) } else { Err(()) })
}

/// `l[slice]`: the bounds are read first (`__index__` may change the list), then the
/// items are copied under one short borrow.
fn list_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj) -> PyResult<Value> {
    let u = unpack_slice(vm, s)?;
    let items = l.with_items(|items| {
        let si = u.adjust(items.len());
        if si.step == 1 {
            let start = si.start as usize;
            items[start..start + si.len].to_vec()
        } else {
            si.indices().map(|i| items[i].clone()).collect()
        }
    });
    Ok(list::new_list(items))
}

fn tuple_slice(vm: &mut Vm, obj: &Value, t: &[Value], s: &SliceObj) -> PyResult<Value> {
    let si = slice_indices(vm, s, t.len())?;
    if si.step == 1 && si.len == t.len() {
        return Ok(obj.clone());
    }
    if si.step == 1 {
        let start = si.start as usize;
        return Ok(tuple::new_tuple(t[start..start + si.len].to_vec()));
    }
    Ok(tuple::new_tuple(si.indices().map(|i| t[i].clone()).collect()))
}

fn str_slice(vm: &mut Vm, obj: &Value, s: &StrObj, sl: &SliceObj) -> PyResult<Value> {
    let si = slice_indices(vm, sl, s.char_len())?;
    if si.step == 1 {
        if si.len == s.char_len() {
            return Ok(obj.clone());
        }
        let start = si.start as usize;
        return Ok(vm.new_str(s.substring(start, start + si.len)));
    }
    let text = s.as_str();
    let out: String = if s.is_ascii() {
        si.indices().map(|i| text.as_bytes()[i] as char).collect()
    } else {
        let chars: Vec<char> = text.chars().collect();
        si.indices().map(|i| chars[i]).collect()
    };
    Ok(vm.str_from_string(out))
}

fn bytes_slice(vm: &mut Vm, obj: &Value, data: &[u8], sl: &SliceObj) -> PyResult<Value> {
    let si = slice_indices(vm, sl, data.len())?;
    if si.step == 1 {
        if si.len == data.len() {
            return Ok(obj.clone());
        }
        let start = si.start as usize;
        return Ok(crate::objects::bytes::new_bytes(&data[start..start + si.len]));
    }
    Ok(crate::objects::bytes::new_bytes(si.indices().map(|i| data[i]).collect::<Vec<u8>>()))
}

impl Vm {
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj.kind() {
            Some(ObjKind::List) => {
                let l = obj.downcast::<ListObj>().expect("list");
                if let Some(s) = key.downcast::<SliceObj>() {
                    return list_slice(self, l, s);
                }
                match seq_index(self, key, l.len(), "list")? {
                    Ok(i) => l.get(i).ok_or_else(|| index_error("list index out of range")),
                    Err(()) => Err(index_error("list index out of range")),
                }
            }
            Some(ObjKind::Tuple) => {
                let t = obj.as_tuple().expect("tuple");
                if let Some(s) = key.downcast::<SliceObj>() {
                    return tuple_slice(self, obj, t, s);
                }
                match seq_index(self, key, t.len(), "tuple")? {
                    Ok(i) => Ok(t[i].clone()),
                    Err(()) => Err(index_error("tuple index out of range")),
                }
            }
            Some(ObjKind::Str) => {
                let s = obj.downcast::<StrObj>().expect("str");
                if let Some(sl) = key.downcast::<SliceObj>() {
                    return str_slice(self, obj, s, sl);
                }
                if key.as_int().is_none() && !crate::runtime::ops::is_user_object(key) {
                    return Err(type_error(format!("string indices must be integers, not '{}'", self.type_name(key))));
                }
                match seq_index(self, key, s.char_len(), "string")? {
                    Ok(i) => {
                        let c = s.char_at(i);
                        let mut buf = [0u8; 4];
                        Ok(self.new_str(c.encode_utf8(&mut buf)))
                    }
                    Err(()) => Err(index_error("string index out of range")),
                }
            }
            Some(ObjKind::Bytes) => {
                let data = obj.as_bytes().expect("bytes");
                if let Some(sl) = key.downcast::<SliceObj>() {
                    return bytes_slice(self, obj, data, sl);
                }
                match seq_index(self, key, data.len(), "byte")? {
                    Ok(i) => Ok(Value::small_int(data[i] as i64)),
                    Err(()) => Err(index_error("index out of range")),
                }
            }
            Some(ObjKind::Dict) => {
                let d = obj.downcast::<DictObj>().expect("dict");
                match d.get_item(self, key)? {
                    Some(v) => Ok(v),
                    None => Err(PyErr::with_args(ExcKind::KeyError, vec![key.clone()])),
                }
            }
            Some(ObjKind::Range) => {
                let r = obj.downcast::<RangeObj>().expect("range");
                if let Some(s) = key.downcast::<SliceObj>() {
                    return range_slice(self, r, s);
                }
                range_item(self, r, key)
            }
            Some(ObjKind::Type) => {
                // Generic aliases (list[int]) in annotations evaluate to the class itself.
                let name = self.intern("__class_getitem__");
                if let Some(m) = obj.as_type().and_then(|t| t.lookup(&name)) {
                    return self.call_method_value(&m, obj, std::slice::from_ref(key));
                }
                if obj.as_type().is_some_and(|t| matches!(t.layout, crate::objects::class::Layout::Builtin(_))) {
                    return Ok(obj.clone());
                }
                Err(type_error(format!("type '{}' is not subscriptable", obj.as_type().expect("t").name())))
            }
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let name = self.names.dunder_getitem.clone();
                match self.lookup_special(obj, &name) {
                    Some(m) => self.call_method_value(&m, obj, std::slice::from_ref(key)),
                    None => Err(type_error(format!("'{}' object is not subscriptable", self.type_name(obj)))),
                }
            }
            _ => Err(type_error(format!("'{}' object is not subscriptable", self.type_name(obj)))),
        }
    }

    pub fn setitem(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::List) => {
                let l = obj.downcast::<ListObj>().expect("list");
                if let Some(s) = key.downcast::<SliceObj>() {
                    return crate::runtime::lists::set_slice(self, l, s, &value);
                }
                match seq_index(self, key, l.len(), "list")? {
                    Ok(i) => {
                        let old = l.with_items_mut(|v| v.get_mut(i).map(|slot| std::mem::replace(slot, value)));
                        match old {
                            Some(_) => Ok(()),
                            None => Err(index_error("list assignment index out of range")),
                        }
                    }
                    Err(()) => Err(index_error("list assignment index out of range")),
                }
            }
            Some(ObjKind::Dict) => obj.downcast::<DictObj>().expect("dict").set_item(self, key.clone(), value),
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let name = self.names.dunder_setitem.clone();
                match self.lookup_special(obj, &name) {
                    Some(m) => self.call_method_value(&m, obj, &[key.clone(), value]).map(|_| ()),
                    None => Err(type_error(format!("'{}' object does not support item assignment", self.type_name(obj)))),
                }
            }
            _ => Err(type_error(format!("'{}' object does not support item assignment", self.type_name(obj)))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::List) => {
                let l = obj.downcast::<ListObj>().expect("list");
                if let Some(s) = key.downcast::<SliceObj>() {
                    return del_list_slice(self, l, s);
                }
                match seq_index(self, key, l.len(), "list")? {
                    // `__index__` may have shrunk the list: check again under the borrow.
                    Ok(i) => {
                        let old = l.with_items_mut(|v| (i < v.len()).then(|| v.remove(i)));
                        match old {
                            Some(_) => Ok(()),
                            None => Err(index_error("list assignment index out of range")),
                        }
                    }
                    Err(()) => Err(index_error("list assignment index out of range")),
                }
            }
            Some(ObjKind::Dict) => match obj.downcast::<DictObj>().expect("dict").remove(self, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::with_args(ExcKind::KeyError, vec![key.clone()])),
            },
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let name = self.names.dunder_delitem.clone();
                match self.lookup_special(obj, &name) {
                    Some(m) => self.call_method_value(&m, obj, std::slice::from_ref(key)).map(|_| ()),
                    None => Err(type_error(format!("'{}' object does not support item deletion", self.type_name(obj)))),
                }
            }
            // Immutable sequences given an index word it as PySequence_DelItem does.
            Some(ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::Range | ObjKind::Set | ObjKind::DictView) if key.as_int().is_some() => {
                Err(type_error(format!("'{}' object doesn't support item deletion", self.type_name(obj))))
            }
            _ => Err(type_error(format!("'{}' object does not support item deletion", self.type_name(obj)))),
        }
    }
}

/// `hash(slice)` (CPython 3.12+): the xxHash tuple scheme over (start, stop, step),
/// without the length term.
pub fn slice_hash(vm: &mut Vm, s: &SliceObj) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for v in [&s.start, &s.stop, &s.step] {
        let lane = vm.hash(v)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1);
    }
    Ok(if acc == u64::MAX { 1546275796 } else { acc as i64 })
}

/// Slice comparisons: as the tuples (start, stop, step).
pub fn slice_compare(vm: &mut Vm, a: &SliceObj, b: &SliceObj, op: crate::runtime::ops::CmpOp) -> PyResult<bool> {
    let x = tuple::new_tuple(vec![a.start.clone(), a.stop.clone(), a.step.clone()]);
    let y = tuple::new_tuple(vec![b.start.clone(), b.stop.clone(), b.step.clone()]);
    vm.compare_bool(&x, &y, op)
}

/// `hash(range)`: the hash of (len, start, step), with None for what does not matter.
pub fn range_hash(vm: &mut Vm, r: &RangeObj) -> PyResult<i64> {
    let len = r.len_value();
    let (start, step) = match r.len {
        0 => (Value::NONE, Value::NONE),
        1 if !r.is_big() => (r.start_value(), Value::NONE),
        _ => (r.start_value(), r.step_value()),
    };
    vm.hash_tuple(&[len, start, step])
}
