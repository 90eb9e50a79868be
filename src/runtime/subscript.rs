//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]`, and slice arithmetic.

use crate::error::{index_error, type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::int::IntRef;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

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

/// Clamp an index-like bound (CPython's PySlice_AdjustIndices), None meaning default.
pub fn slice_indices(vm: &mut Vm, s: &SliceObj, len: usize) -> PyResult<SliceIndices> {
    let len = len as i64;
    let step = if s.step.is_none() { 1 } else { index_value(vm, &s.step, true)? };
    if step == 0 {
        return Err(PyErr::new(ExcKind::ValueError, "slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let bound = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let i = index_value(vm, v, true)?;
        Ok(if i < 0 { (i + len).max(lower) } else { i.min(upper) })
    };
    let start = bound(vm, &s.start, if step < 0 { upper } else { lower })?;
    let stop = bound(vm, &s.stop, if step < 0 { lower } else { upper })?;
    let n = if step < 0 {
        if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceIndices { start, stop, step, len: n as usize })
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
                    return Err(index_error(format!("cannot fit 'int' into an index-sized integer")));
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
    Err(type_error(format!(
        "slice indices must be integers or None or have an __index__ method"
    )))
}

/// Normalises a sequence index (negative from the end); Err(()) when out of range.
fn seq_index(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<Result<usize, ()>> {
    let i = match key.as_int() {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(index_error(format!("cannot fit 'int' into an index-sized integer")));
        }
        None => {
            if crate::runtime::ops::is_user_object(key) {
                let name = vm.names.dunder_index.clone();
                if let Some(m) = vm.lookup_special(key, &name) {
                    let r = vm.call_method_value(&m, key, &[])?;
                    return seq_index(vm, &r, len, what);
                }
            }
            return Err(type_error(format!("{what} indices must be integers or slices, not {}", vm.type_name(key))));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    Ok(if j >= 0 && (j as usize) < len { Ok(j as usize) } else { Err(()) })
}

impl Vm {
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj.kind() {
            Some(ObjKind::List) => {
                let l = obj.downcast::<ListObj>().expect("list");
                if let Some(s) = key.downcast::<SliceObj>() {
                    let items = l.to_vec();
                    let si = slice_indices(self, s, items.len())?;
                    return Ok(list::new_list(si.indices().map(|i| items[i].clone()).collect()));
                }
                match seq_index(self, key, l.len(), "list")? {
                    Ok(i) => l.get(i).ok_or_else(|| index_error("list index out of range")),
                    Err(()) => Err(index_error("list index out of range")),
                }
            }
            Some(ObjKind::Tuple) => {
                let t = obj.as_tuple().expect("tuple");
                if let Some(s) = key.downcast::<SliceObj>() {
                    let si = slice_indices(self, s, t.len())?;
                    if si.step == 1 && si.len == t.len() {
                        return Ok(obj.clone());
                    }
                    return Ok(tuple::new_tuple(si.indices().map(|i| t[i].clone()).collect()));
                }
                match seq_index(self, key, t.len(), "tuple")? {
                    Ok(i) => Ok(t[i].clone()),
                    Err(()) => Err(index_error("tuple index out of range")),
                }
            }
            Some(ObjKind::Str) => {
                let s = obj.downcast::<StrObj>().expect("str");
                if let Some(sl) = key.downcast::<SliceObj>() {
                    let si = slice_indices(self, sl, s.char_len())?;
                    if si.step == 1 {
                        let end = (si.start as usize + si.len).min(s.char_len());
                        return Ok(self.new_str(s.substring(si.start as usize, end)));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let out: String = si.indices().map(|i| chars[i]).collect();
                    return Ok(self.str_from_string(out));
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
                    let si = slice_indices(self, s, r.len as usize)?;
                    let start = r.start + si.start * r.step;
                    let step = r.step * si.step;
                    let stop = start + si.len as i64 * step;
                    return Ok(range::new_range(start, stop, step));
                }
                match seq_index(self, key, r.len as usize, "range")? {
                    Ok(i) => Ok(Value::int(r.item(i as i64))),
                    Err(()) => Err(index_error("range object index out of range")),
                }
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
                        let old = l.set(i, value);
                        drop(old);
                        Ok(())
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
                    let si = slice_indices(self, s, l.len())?;
                    let mut drop_set: Vec<usize> = si.indices().collect();
                    drop_set.sort_unstable();
                    let removed = l.with_items_mut(|v| {
                        let mut removed = Vec::new();
                        for &i in drop_set.iter().rev() {
                            removed.push(v.remove(i));
                        }
                        removed
                    });
                    drop(removed);
                    return Ok(());
                }
                match seq_index(self, key, l.len(), "list")? {
                    Ok(i) => {
                        let old = l.with_items_mut(|v| v.remove(i));
                        drop(old);
                        Ok(())
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
            _ => Err(type_error(format!("'{}' object does not support item deletion", self.type_name(obj)))),
        }
    }
}
