//! The iteration protocol: `iter()`, `next()`, and the built-in iterators' steps.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::interp::generator::GeneratorObj;
use crate::object::ObjKind;
use crate::objects::dict::DictViewKind;
use crate::objects::iter::{new_iterator, IterState, DONE};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// The iterator state of a range: the i64 fast path, or indexing for exact ranges.
pub fn range_iter_state(v: &Value) -> IterState {
    match v.downcast::<RangeObj>() {
        Some(r) if !r.is_big() => IterState::Range { next: r.start, step: r.step, remaining: r.len },
        _ => IterState::SeqIter { obj: v.clone(), index: 0 },
    }
}

/// `zip() argument 3 is shorter than arguments 1-2`.
fn length_mismatch(name: &str, i: usize, what: &str) -> PyErr {
    let plural = if i == 1 { " ".to_string() } else { "s 1-".to_string() };
    PyErr::new(ExcKind::ValueError, format!("{name}() argument {} is {what} than argument{plural}{i}", i + 1))
}

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v.kind() {
            Some(ObjKind::List) => IterState::List { seq: v.clone(), index: 0 },
            Some(ObjKind::Tuple) => IterState::Tuple { seq: v.clone(), index: 0 },
            Some(ObjKind::Str) => IterState::Str { seq: v.clone(), index: 0, byte: 0 },
            Some(ObjKind::Bytes) => IterState::Bytes { seq: v.clone(), index: 0 },
            Some(ObjKind::Range) => range_iter_state(v),
            Some(ObjKind::Dict) => {
                let len = v.downcast::<DictObj>().expect("dict").len();
                IterState::Dict { dict: v.clone(), pos: 0, len, remaining: len, kind: DictViewKind::Keys }
            }
            Some(ObjKind::DictView) => {
                let view = v.downcast::<DictViewObj>().expect("view");
                let len = view.dict.downcast::<DictObj>().map_or(0, |d| d.len());
                IterState::Dict { dict: view.dict.clone(), pos: 0, len, remaining: len, kind: view.kind }
            }
            Some(ObjKind::Set) => {
                let len = v.downcast::<SetObj>().expect("set").len();
                IterState::Set { set: v.clone(), pos: 0, len }
            }
            Some(ObjKind::Iterator | ObjKind::Generator) => return Ok(v.clone()),
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let name = self.names.dunder_iter.clone();
                if let Some(m) = self.lookup_special(v, &name) {
                    if m.is_none() {
                        return Err(type_error(format!("'{}' object is not iterable", self.type_name(v))));
                    }
                    let it = self.call_method_value(&m, v, &[])?;
                    if !self.is_iterator(&it) {
                        return Err(type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(&it))));
                    }
                    return Ok(it);
                }
                let gi = self.names.dunder_getitem.clone();
                if self.lookup_special(v, &gi).is_some() {
                    IterState::SeqIter { obj: v.clone(), index: 0 }
                } else {
                    return Err(type_error(format!("'{}' object is not iterable", self.type_name(v))));
                }
            }
            _ => return Err(type_error(format!("'{}' object is not iterable", self.type_name(v)))),
        };
        Ok(new_iterator(state))
    }

    pub fn has_iter(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::Range | ObjKind::Dict | ObjKind::DictView
                | ObjKind::Set | ObjKind::Iterator | ObjKind::Generator) => true,
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let (a, b) = (self.names.dunder_iter.clone(), self.names.dunder_getitem.clone());
                self.lookup_special(v, &a).is_some() || self.lookup_special(v, &b).is_some()
            }
            _ => false,
        }
    }

    pub fn is_iterator(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::Iterator | ObjKind::Generator) => true,
            Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque) => {
                let n = self.names.dunder_next.clone();
                self.lookup_special(v, &n).is_some()
            }
            _ => false,
        }
    }

    /// `next(it)`: Some(item), or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(io) = it.downcast::<IteratorObj>() {
            return self.builtin_next(io);
        }
        if it.is::<GeneratorObj>() {
            return crate::interp::generator::gen_next(self, it);
        }
        if let Some(o) = it.downcast::<OpaqueObj>() {
            let step = o.data.try_borrow().ok().and_then(|d| d.native_next());
            if let Some(step) = step {
                return step(self, it);
            }
        }
        if crate::runtime::ops::is_user_object(it) {
            let name = self.names.dunder_next.clone();
            if let Some(m) = self.lookup_special(it, &name) {
                return match self.call_method_value(&m, it, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.error_is(&e, ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
        Err(type_error(format!("'{}' object is not an iterator", self.type_name(it))))
    }

    fn builtin_next(&mut self, io: &IteratorObj) -> PyResult<Option<Value>> {
        // Steps that run no Python code happen under the borrow; the others take what
        // they need out of the state first.
        let mut st = io.state.borrow_mut();
        match &mut *st {
            IterState::List { seq, index } => {
                let l = seq.downcast::<ListObj>().expect("list");
                match l.get(*index) {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        // Exhausted for good, even if the list grows later.
                        *index = usize::MAX;
                        Ok(None)
                    }
                }
            }
            IterState::Tuple { seq, index } => {
                let t = seq.as_tuple().expect("tuple");
                Ok(t.get(*index).cloned().inspect(|_| *index += 1))
            }
            IterState::Str { seq, index, byte } => {
                let s = seq.downcast::<StrObj>().expect("str");
                let text = s.as_str();
                if *byte >= text.len() {
                    return Ok(None);
                }
                let c = text[*byte..].chars().next().expect("char");
                *byte += c.len_utf8();
                *index += 1;
                let mut buf = [0u8; 4];
                Ok(Some(self.new_str(c.encode_utf8(&mut buf))))
            }
            IterState::Bytes { seq, index } => {
                let b = seq.as_bytes().expect("bytes");
                Ok(b.get(*index).map(|&x| {
                    *index += 1;
                    Value::small_int(x as i64)
                }))
            }
            IterState::Range { next, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *next = next.wrapping_add(*step);
                *remaining -= 1;
                Ok(Some(Value::int(v)))
            }
            IterState::Dict { dict, pos, len, remaining, kind } => {
                if *pos == DONE {
                    return Ok(None);
                }
                let d = dict.downcast::<DictObj>().expect("dict");
                if d.len() != *len {
                    *len = usize::MAX; // keep failing, as CPython
                    return Err(PyErr::new(ExcKind::RuntimeError, "dictionary changed size during iteration"));
                }
                match d.next_from(*pos) {
                    None => {
                        *pos = DONE;
                        Ok(None)
                    }
                    Some(_) if *remaining == 0 => {
                        *pos = DONE;
                        Err(PyErr::new(ExcKind::RuntimeError, "dictionary keys changed during iteration"))
                    }
                    Some((p, k, v, _)) => {
                        *pos = p + 1;
                        *remaining -= 1;
                        Ok(Some(match kind {
                            DictViewKind::Keys => k,
                            DictViewKind::Values => v,
                            DictViewKind::Items => tuple::new_tuple(vec![k, v]),
                        }))
                    }
                }
            }
            IterState::Set { set, pos, len } => {
                if *pos == DONE {
                    return Ok(None);
                }
                let s = set.downcast::<SetObj>().expect("set");
                if s.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(ExcKind::RuntimeError, "Set changed size during iteration"));
                }
                match s.next_from(*pos) {
                    None => {
                        *pos = DONE;
                        Ok(None)
                    }
                    Some((p, k)) => {
                        *pos = p + 1;
                        Ok(Some(k))
                    }
                }
            }
            IterState::ListReverse { seq, remaining } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                *remaining -= 1;
                let i = *remaining;
                if let Some(l) = seq.downcast::<ListObj>() {
                    match l.get(i) {
                        Some(v) => Ok(Some(v)),
                        None => {
                            *remaining = 0;
                            Ok(None)
                        }
                    }
                } else if let Some(t) = seq.as_tuple() {
                    Ok(t.get(i).cloned())
                } else {
                    let s = seq.downcast::<StrObj>().expect("str");
                    let c = s.char_at(i);
                    let mut buf = [0u8; 4];
                    Ok(Some(self.new_str(c.encode_utf8(&mut buf))))
                }
            }
            IterState::Reversed { seq, remaining } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                *remaining -= 1;
                let (seq, i) = (seq.clone(), *remaining);
                drop(st);
                match self.getitem(&seq, &Value::int(i as i64)) {
                    Ok(item) => Ok(Some(item)),
                    Err(e) if self.error_is(&e, ExcKind::IndexError) || self.error_is(&e, ExcKind::StopIteration) => {
                        if let IterState::Reversed { remaining, .. } = &mut *io.state.borrow_mut() {
                            *remaining = 0;
                        }
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Enumerate { it, count } => {
                let (it, c) = (it.clone(), count.clone());
                drop(st);
                let Some(v) = self.next(&it)? else { return Ok(None) };
                let next_count = self.binary_op(&c, &Value::small_int(1), crate::bytecode::BinaryOpArg::Add)?;
                if let IterState::Enumerate { count, .. } = &mut *io.state.borrow_mut() {
                    *count = next_count;
                }
                Ok(Some(tuple::new_tuple(vec![c, v])))
            }
            IterState::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                drop(st);
                match self.next_of_each(&its, strict, "zip")? {
                    Some(items) if !items.is_empty() => Ok(Some(tuple::new_tuple(items))),
                    _ => Ok(None),
                }
            }
            IterState::Map { func, its, strict } => {
                let (func, its, strict) = (func.clone(), its.clone(), *strict);
                drop(st);
                match self.next_of_each(&its, strict, "map")? {
                    Some(args) => self.call(&func, &args).map(Some),
                    None => Ok(None),
                }
            }
            IterState::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                drop(st);
                loop {
                    let Some(v) = self.next(&it)? else { return Ok(None) };
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, std::slice::from_ref(&v))?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::SeqIter { obj, index } => {
                if *index == DONE {
                    return Ok(None);
                }
                let (obj, i) = (obj.clone(), *index);
                drop(st);
                let r = self.getitem(&obj, &Value::int_from_usize(i));
                let finished = matches!(&r, Err(e) if self.error_is(e, ExcKind::IndexError) || self.error_is(e, ExcKind::StopIteration));
                if let IterState::SeqIter { index, .. } = &mut *io.state.borrow_mut() {
                    // Stays exhausted (CPython drops the sequence).
                    *index = if finished { DONE } else if r.is_ok() { i + 1 } else { *index };
                }
                match r {
                    Ok(v) => Ok(Some(v)),
                    Err(_) if finished => Ok(None),
                    Err(e) => Err(e),
                }
            }
            IterState::Callable { func, sentinel } => {
                if func.is_null() {
                    return Ok(None);
                }
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let r = self.call(&func, &[]);
                let finished = match &r {
                    // CPython compares `sentinel == result`, sentinel first.
                    Ok(v) => self.eq_bool(&sentinel, v)?,
                    Err(e) => self.error_is(e, ExcKind::StopIteration),
                };
                if finished {
                    // Drop the callable: the iterator stays exhausted.
                    if let IterState::Callable { func, .. } = &mut *io.state.borrow_mut() {
                        *func = Value::NULL;
                    }
                    return Ok(None);
                }
                r.map(Some)
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// The next item of each iterator (zip/map), None when one is exhausted. With
    /// `strict`, unequal lengths are a ValueError worded as CPython's `zip_next`.
    fn next_of_each(&mut self, its: &[Value], strict: bool, name: &str) -> PyResult<Option<Vec<Value>>> {
        let mut items = Vec::with_capacity(its.len());
        for (i, it) in its.iter().enumerate() {
            match self.next(it)? {
                Some(v) => items.push(v),
                None if !strict => return Ok(None),
                None if i > 0 => return Err(length_mismatch(name, i, "shorter")),
                None => {
                    for (k, other) in its.iter().enumerate().skip(1) {
                        if self.next(other)?.is_some() {
                            return Err(length_mismatch(name, k, "longer"));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(items))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = v.as_tuple() {
            return Ok(t.to_vec());
        }
        if let Some(l) = v.downcast::<ListObj>() {
            return Ok(l.to_vec());
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
