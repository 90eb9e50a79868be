//! The iteration protocol: `iter()`, `next()`, and the built-in iterators' steps.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::interp::generator::GeneratorObj;
use crate::object::ObjKind;
use crate::objects::dict::DictViewKind;
use crate::objects::iter::{new_iterator, IterState};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v.kind() {
            Some(ObjKind::List) => IterState::List { seq: v.clone(), index: 0 },
            Some(ObjKind::Tuple) => IterState::Tuple { seq: v.clone(), index: 0 },
            Some(ObjKind::Str) => IterState::Str { seq: v.clone(), index: 0, byte: 0 },
            Some(ObjKind::Range) => {
                let r = v.downcast::<RangeObj>().expect("range");
                IterState::Range { next: r.start, step: r.step, remaining: r.len }
            }
            Some(ObjKind::Dict) => {
                let len = v.downcast::<DictObj>().expect("dict").len();
                IterState::Dict { dict: v.clone(), pos: 0, len, kind: DictViewKind::Keys }
            }
            Some(ObjKind::DictView) => {
                let view = v.downcast::<DictViewObj>().expect("view");
                let len = view.dict.downcast::<DictObj>().map_or(0, |d| d.len());
                IterState::Dict { dict: view.dict.clone(), pos: 0, len, kind: view.kind }
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
            Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Range | ObjKind::Dict | ObjKind::DictView
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
                Ok(l.get(*index).inspect(|_| *index += 1))
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
            IterState::Range { next, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *next = next.wrapping_add(*step);
                *remaining -= 1;
                Ok(Some(Value::int(v)))
            }
            IterState::Dict { dict, pos, len, kind } => {
                let d = dict.downcast::<DictObj>().expect("dict");
                if d.len() != *len {
                    *len = usize::MAX; // keep failing, as CPython
                    return Err(PyErr::new(ExcKind::RuntimeError, "dictionary changed size during iteration"));
                }
                match d.next_from(*pos) {
                    None => Ok(None),
                    Some((p, k, v, _)) => {
                        *pos = p + 1;
                        Ok(Some(match kind {
                            DictViewKind::Keys => k,
                            DictViewKind::Values => v,
                            DictViewKind::Items => tuple::new_tuple(vec![k, v]),
                        }))
                    }
                }
            }
            IterState::Set { set, pos, len } => {
                let s = set.downcast::<SetObj>().expect("set");
                if s.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(ExcKind::RuntimeError, "Set changed size during iteration"));
                }
                match s.next_from(*pos) {
                    None => Ok(None),
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
                let item = self.getitem(&seq, &Value::int(i as i64))?;
                Ok(Some(item))
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
                let mut items = Vec::with_capacity(its.len());
                for (k, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict {
                                return Err(crate::builtins::functions::zip_strict_error(self, &its, k));
                            }
                            *io.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                if items.is_empty() {
                    return Ok(None);
                }
                Ok(Some(tuple::new_tuple(items)))
            }
            IterState::Map { func, its } => {
                let (func, its) = (func.clone(), its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, &args).map(Some)
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
                let (obj, i) = (obj.clone(), *index);
                drop(st);
                match self.getitem(&obj, &Value::int(i as i64)) {
                    Ok(v) => {
                        if let IterState::SeqIter { index, .. } = &mut *io.state.borrow_mut() {
                            *index += 1;
                        }
                        Ok(Some(v))
                    }
                    Err(e) if self.error_is(&e, ExcKind::IndexError) || self.error_is(&e, ExcKind::StopIteration) => {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[])?;
                if self.eq_bool(&v, &sentinel)? {
                    *io.state.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::Exhausted => Ok(None),
        }
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
