//! `_collections`: the parts of `collections` CPython writes in C
//! (`Modules/_collectionsmodule.c`): `deque` and `defaultdict`.
//!
//! A deque is an `OpaqueObj` holding a `VecDeque` and its `maxlen`. Comparing items
//! runs Python code that may change the deque, so methods that compare copy the item
//! out, release the borrow, and check the deque's mutation count afterwards, as
//! CPython's `deque->state` check does.

use crate::builtins::argparse;
use crate::builtins::int::index_value;
use crate::error::{index_error, type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::{Args, NativeFn};
use crate::objects::opaque::{new_opaque, NativeData, OpaqueObj};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::collections::VecDeque;

struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation: iterators and comparisons notice changes.
    state: u64,
}

impl NativeData for Deque {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
    fn clear(&mut self) {
        let old = std::mem::take(&mut self.items);
        drop(old);
    }
}

impl Deque {
    fn push_back(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        self.items.push_back(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            self.items.pop_front();
        }
    }
    fn push_front(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        self.items.push_front(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            self.items.pop_back();
        }
    }
}

struct DequeIter {
    deque: Value,
    index: usize,
    state: u64,
    reversed: bool,
}

impl NativeData for DequeIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
    fn clear(&mut self) {
        self.deque = Value::NONE;
    }
}

const DEQUE_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", deque_new),
    ("__init__", deque_init),
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("rotate", rotate),
    ("clear", clear),
    ("copy", copy),
    ("__copy__", copy),
    ("count", count),
    ("index", index),
    ("insert", insert),
    ("remove", remove),
    ("reverse", reverse),
    ("__len__", len),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__class_getitem__", class_getitem),
];

const DEFAULTDICT_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", dd_init),
    ("__missing__", dd_missing),
    ("__repr__", dd_repr),
    ("copy", dd_copy),
    ("__copy__", dd_copy),
    ("__or__", dd_or),
    ("__ror__", dd_ror),
    ("__class_getitem__", class_getitem),
];

const ITER_METHODS: &[(&str, NativeFn)] = &[("__iter__", iter_self), ("__next__", iter_next)];

pub fn init(vm: &mut Vm, d: &DictObj) {
    let object = vm.types.object.clone();
    let cls = vm.make_type("deque", object.clone(), Layout::Instance, TypeFlags::IMMUTABLE, DEQUE_METHODS);
    let t = cls.as_type().expect("type");
    t.module.set(vm.intern("collections"));
    let fget = func::new_native("maxlen", "deque", maxlen);
    t.dict().set_str(vm.intern("maxlen"), descr::new_property(fget, Value::NONE, Value::NONE, Value::NONE));
    t.dict().set_str(vm.names.dunder_hash.clone(), Value::NONE);
    super::add_value(vm, d, "deque", cls);
    let it = vm.make_type("_deque_iterator", object, Layout::Instance, TypeFlags::IMMUTABLE, ITER_METHODS);
    it.as_type().expect("type").module.set(vm.intern("_collections"));
    super::add_value(vm, d, "_deque_iterator", it);
    let dict = vm.types.dict.clone();
    let dd = vm.make_type("defaultdict", dict, Layout::Instance, TypeFlags::IMMUTABLE | TypeFlags::BASETYPE, DEFAULTDICT_METHODS);
    dd.as_type().expect("type").module.set(vm.intern("collections"));
    super::add_value(vm, d, "defaultdict", dd);
}

/// `cls[item]`: the class itself (monjit's generic aliases are their origin class).
fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, _) = argparse::method("__class_getitem__", &args, 1, 1)?;
    Ok(cls.clone())
}

// ------------------------------------------------------------------ helpers

fn bad_self(vm: &Vm, s: &Value, what: &str) -> PyErr {
    type_error(format!("descriptor '{what}' for 'collections.deque' objects doesn't apply to a '{}' object", vm.type_name(s)))
}

fn is_deque(v: &Value) -> bool {
    super::native::is::<Deque>(v)
}

fn with<R>(vm: &Vm, s: &Value, what: &str, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    let mut dq = super::native::borrow_state::<Deque>(s, || bad_self(vm, s, what), "deque mutated during iteration")?;
    Ok(f(&mut dq))
}

fn snapshot(vm: &Vm, s: &Value, what: &str) -> PyResult<Vec<Value>> {
    with(vm, s, what, |d| d.items.iter().cloned().collect())
}

fn state_of(vm: &Vm, s: &Value, what: &str) -> PyResult<u64> {
    with(vm, s, what, |d| d.state)
}

fn new_deque(cls: Value, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    new_opaque(cls, Box::new(Deque { items, maxlen, state: 0 }), Value::NULL)
}

fn cls_of(s: &Value) -> Value {
    s.downcast::<OpaqueObj>().expect("deque").cls.clone()
}

/// A `maxlen` argument: None or a non-negative int.
fn maxlen_arg(v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            // PyLong_AsSsize_t: ints only, no __index__.
            let n = v.as_int().ok_or_else(|| type_error("an integer is required"))?.to_bigint();
            if n.sign() == num_bigint::Sign::Minus {
                return Err(value_error("maxlen must be non-negative"));
            }
            n.to_usize().map(Some).ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C ssize_t"))
        }
    }
}

/// A sequence index (`d[i]`), normalised; `None` when out of range.
fn seq_index(vm: &mut Vm, v: &Value, len: usize) -> PyResult<Option<usize>> {
    if v.as_int().is_none() && !crate::runtime::ops::is_user_object(v) {
        return Err(type_error(format!("sequence index must be integer, not '{}'", vm.type_name(v))));
    }
    let i = index_value(vm, v)?;
    let i = i.as_int().expect("int").to_bigint().to_i64().unwrap_or(i64::MAX);
    let i = if i < 0 { i + len as i64 } else { i };
    Ok(if i < 0 || i >= len as i64 { None } else { Some(i as usize) })
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = index_value(vm, v)?;
    Ok(i.as_int().expect("int").to_bigint().to_i64().unwrap_or(if i.as_int().expect("int").to_bigint().sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }))
}

// ------------------------------------------------------------------ construction

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos().first().cloned().ok_or_else(|| type_error("deque.__new__(): not enough arguments"))?;
    if cls.as_type().is_none() {
        return Err(type_error(format!("deque.__new__(X): X is not a type object ({})", vm.type_name(&cls))));
    }
    Ok(new_deque(cls, VecDeque::new(), None))
}

fn deque_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let s = pos.first().ok_or_else(|| type_error("descriptor '__init__' of 'collections.deque' object needs an argument"))?;
    if pos.len() > 3 {
        return Err(type_error(format!("deque expected at most 2 arguments, got {}", pos.len() - 1)));
    }
    let [kw_iterable, kw_maxlen] = argparse::kwargs("deque", &args, ["iterable", "maxlen"])?;
    let iterable = pos.get(1).or(kw_iterable);
    let maxlen = maxlen_arg(pos.get(2).or(kw_maxlen))?;
    with(vm, s, "__init__", |d| {
        d.maxlen = maxlen;
        d.items.clear();
        d.state += 1;
    })?;
    if let Some(it) = iterable {
        extend_from(vm, s, it, false)?;
    }
    Ok(Value::NONE)
}

fn maxlen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.pos().first().ok_or_else(|| type_error("maxlen: missing instance"))?;
    Ok(match with(vm, s, "maxlen", |d| d.maxlen)? {
        Some(m) => Value::int(m as i64),
        None => Value::NONE,
    })
}

// ------------------------------------------------------------------ mutation

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("append", &args, 1, 1)?;
    with(vm, s, "append", |d| d.push_back(a[0].clone()))?;
    Ok(Value::NONE)
}

fn appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("appendleft", &args, 1, 1)?;
    with(vm, s, "appendleft", |d| d.push_front(a[0].clone()))?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("pop", &args, 0, 0)?;
    let v = with(vm, s, "pop", |d| {
        d.state += 1;
        d.items.pop_back()
    })?;
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("popleft", &args, 0, 0)?;
    let v = with(vm, s, "popleft", |d| {
        d.state += 1;
        d.items.pop_front()
    })?;
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

/// Appends (or appends on the left) every item of `it`; a deque extended by itself
/// takes a copy first, as CPython does.
fn extend_from(vm: &mut Vm, s: &Value, it: &Value, left: bool) -> PyResult<()> {
    let items = if it.is_same(s) { snapshot(vm, s, "extend")? } else { vm.collect(it)? };
    with(vm, s, "extend", |d| {
        for v in items {
            if left { d.push_front(v) } else { d.push_back(v) }
        }
    })
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("extend", &args, 1, 1)?;
    extend_from(vm, s, &a[0], false)?;
    Ok(Value::NONE)
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("extendleft", &args, 1, 1)?;
    extend_from(vm, s, &a[0], true)?;
    Ok(Value::NONE)
}

fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("rotate", &args, 0, 1)?;
    let n = match a.first() {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    with(vm, s, "rotate", |d| {
        let len = d.items.len() as i64;
        if len > 1 {
            d.state += 1;
            let k = n.rem_euclid(len) as usize;
            d.items.rotate_right(k);
        }
    })?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("clear", &args, 0, 0)?;
    let old = with(vm, s, "clear", |d| {
        d.state += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("reverse", &args, 0, 0)?;
    with(vm, s, "reverse", |d| {
        d.state += 1;
        d.items.make_contiguous().reverse();
    })?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("insert", &args, 2, 2)?;
    let i = int_arg(vm, &a[0])?;
    with(vm, s, "insert", |d| {
        let len = d.items.len() as i64;
        if d.maxlen == Some(d.items.len()) {
            return Err(index_error("deque already at its maximum size"));
        }
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        d.state += 1;
        d.items.insert(at as usize, a[1].clone());
        Ok(())
    })??;
    Ok(Value::NONE)
}

/// Compares `x` with each item from `start`; the position of the first equal one.
/// Fails with "deque mutated during iteration" if a comparison changed the deque.
fn find(vm: &mut Vm, s: &Value, x: &Value, start: usize, stop: usize, what: &str) -> PyResult<Option<usize>> {
    let state = state_of(vm, s, what)?;
    let mut i = start;
    while i < stop {
        let Some(item) = with(vm, s, what, |d| d.items.get(i).cloned())? else { break };
        let eq = vm.eq_bool(&item, x)?;
        if state_of(vm, s, what)? != state {
            return Err(PyErr::new(ExcKind::RuntimeError, "deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("count", &args, 1, 1)?;
    let state = state_of(vm, s, "count")?;
    let mut n = 0;
    for item in snapshot(vm, s, "count")? {
        if vm.eq_bool(&item, &a[0])? {
            n += 1;
        }
        if state_of(vm, s, "count")? != state {
            return Err(PyErr::new(ExcKind::RuntimeError, "deque mutated during iteration"));
        }
    }
    Ok(Value::int(n))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("index", &args, 1, 3)?;
    let len = with(vm, s, "index", |d| d.items.len())? as i64;
    let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = match a.get(1) {
        Some(v) => clamp(int_arg(vm, v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => clamp(int_arg(vm, v)?),
        None => len,
    };
    match find(vm, s, &a[0], start as usize, stop as usize, "index")? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(value_error("deque.index(x): x not in deque")),
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("remove", &args, 1, 1)?;
    let len = with(vm, s, "remove", |d| d.items.len())?;
    match find(vm, s, &a[0], 0, len, "remove")? {
        Some(i) => {
            let old = with(vm, s, "remove", |d| {
                d.state += 1;
                d.items.remove(i)
            })?;
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(value_error("deque.remove(x): x not in deque")),
    }
}

// ------------------------------------------------------------------ sequence protocol

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int(with(vm, s, "__len__", |d| d.items.len())? as i64))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__contains__", &args, 1, 1)?;
    let len = with(vm, s, "__contains__", |d| d.items.len())?;
    Ok(Value::bool(find(vm, s, &a[0], 0, len, "__contains__")?.is_some()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__getitem__", &args, 1, 1)?;
    let len = with(vm, s, "__getitem__", |d| d.items.len())?;
    let i = seq_index(vm, &a[0], len)?.ok_or_else(|| index_error("deque index out of range"))?;
    with(vm, s, "__getitem__", |d| d.items[i].clone())
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__setitem__", &args, 2, 2)?;
    let len = with(vm, s, "__setitem__", |d| d.items.len())?;
    let i = seq_index(vm, &a[0], len)?.ok_or_else(|| index_error("deque index out of range"))?;
    let old = with(vm, s, "__setitem__", |d| std::mem::replace(&mut d.items[i], a[1].clone()))?;
    drop(old);
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__delitem__", &args, 1, 1)?;
    let len = with(vm, s, "__delitem__", |d| d.items.len())?;
    let i = seq_index(vm, &a[0], len)?.ok_or_else(|| index_error("deque index out of range"))?;
    let old = with(vm, s, "__delitem__", |d| {
        d.state += 1;
        d.items.remove(i)
    })?;
    drop(old);
    Ok(Value::NONE)
}

fn make_iter(vm: &mut Vm, s: &Value, reversed: bool, what: &str) -> PyResult<Value> {
    let state = state_of(vm, s, what)?;
    let cls = iterator_type(vm)?;
    Ok(new_opaque(cls, Box::new(DequeIter { deque: s.clone(), index: 0, state, reversed }), Value::NULL))
}

/// `_collections._deque_iterator`, from the module (deques exist only once it is imported).
fn iterator_type(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.intern("_collections");
    let m = vm.modules.downcast::<DictObj>().expect("modules").get_str(&name);
    let m = m.ok_or_else(|| PyErr::new(ExcKind::RuntimeError, "_collections is not imported"))?;
    let k = vm.intern("_deque_iterator");
    vm.getattr(&m, &k)
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    make_iter(vm, s, false, "__iter__")
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__reversed__", &args, 0, 0)?;
    make_iter(vm, s, true, "__reversed__")
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    Ok(s.clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__next__", &args, 0, 0)?;
    let bad = || type_error("descriptor '__next__' requires a '_collections._deque_iterator' object");
    let o = s.downcast::<OpaqueObj>().ok_or_else(bad)?;
    let (deque, index, state, rev) = {
        let d = o.data.borrow();
        let it = d.as_any().downcast_ref::<DequeIter>().ok_or_else(bad)?;
        (it.deque.clone(), it.index, it.state, it.reversed)
    };
    if deque.is_none() {
        return Err(PyErr::bare(ExcKind::StopIteration));
    }
    let (now, item) = with(vm, &deque, "__next__", |d| {
        let len = d.items.len();
        let item = if index < len { Some(d.items[if rev { len - 1 - index } else { index }].clone()) } else { None };
        (d.state, item)
    })?;
    let mut data = o.data.borrow_mut();
    let it = data.as_any_mut().downcast_mut::<DequeIter>().ok_or_else(bad)?;
    if now != state {
        it.deque = Value::NONE;
        return Err(PyErr::new(ExcKind::RuntimeError, "deque mutated during iteration"));
    }
    match item {
        Some(v) => {
            it.index += 1;
            Ok(v)
        }
        None => {
            it.deque = Value::NONE;
            Err(PyErr::bare(ExcKind::StopIteration))
        }
    }
}

// ------------------------------------------------------------------ repr, comparison, arithmetic

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__repr__", &args, 0, 0)?;
    let name = cls_of(s).as_type().expect("type").name();
    if !crate::runtime::repr::enter(vm, s) {
        return Ok(vm.new_str("[...]"));
    }
    let items = snapshot(vm, s, "__repr__");
    let r = items.and_then(|items| {
        let mut parts = Vec::with_capacity(items.len());
        for x in &items {
            parts.push(vm.repr_string(x)?);
        }
        Ok(parts.join(", "))
    });
    crate::runtime::repr::leave(vm);
    let inner = r?;
    let out = match with(vm, s, "__repr__", |d| d.maxlen)? {
        Some(m) => format!("{name}([{inner}], maxlen={m})"),
        None => format!("{name}([{inner}])"),
    };
    Ok(vm.str_from_string(out))
}

fn compare(vm: &mut Vm, args: Args, op: CmpOp, what: &str) -> PyResult<Value> {
    let (s, a) = argparse::method(what, &args, 1, 1)?;
    if !is_deque(&a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = list::new_list(snapshot(vm, s, what)?);
    let y = list::new_list(snapshot(vm, &a[0], what)?);
    vm.rich_compare(&x, &y, op)
}

macro_rules! cmp_methods {
    ($($fname:ident $name:literal $op:ident;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            compare(vm, args, CmpOp::$op, $name)
        })*
    };
}

cmp_methods! {
    eq "__eq__" Eq;
    ne "__ne__" Ne;
    lt "__lt__" Lt;
    le "__le__" Le;
    gt "__gt__" Gt;
    ge "__ge__" Ge;
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__add__", &args, 1, 1)?;
    if !is_deque(&a[0]) {
        return Err(type_error(format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(&a[0]))));
    }
    let maxlen = with(vm, s, "__add__", |d| d.maxlen)?;
    let r = new_deque(cls_of(s), VecDeque::new(), maxlen);
    extend_from(vm, &r, s, false)?;
    extend_from(vm, &r, &a[0], false)?;
    Ok(r)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__iadd__", &args, 1, 1)?;
    extend_from(vm, s, &a[0], false)?;
    Ok(s.clone())
}

/// The count of a repetition: an int, or NotImplemented for anything else.
fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.as_int().is_none() && !crate::runtime::ops::is_user_object(v) {
        return Ok(None);
    }
    int_arg(vm, v).map(Some)
}

fn repeated(items: Vec<Value>, n: i64, maxlen: Option<usize>) -> VecDeque<Value> {
    let mut out = VecDeque::new();
    if n <= 0 || items.is_empty() {
        return out;
    }
    // With a maxlen only the last maxlen items survive.
    let total = items.len().saturating_mul(n as usize);
    let keep = maxlen.map_or(total, |m| m.min(total));
    let skip = total - keep;
    for k in skip..total {
        out.push_back(items[k % items.len()].clone());
    }
    out
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__mul__", &args, 1, 1)?;
    let Some(n) = repeat_count(vm, &a[0])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let maxlen = with(vm, s, "__mul__", |d| d.maxlen)?;
    let items = repeated(snapshot(vm, s, "__mul__")?, n, maxlen);
    Ok(new_deque(cls_of(s), items, maxlen))
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__imul__", &args, 1, 1)?;
    let Some(n) = repeat_count(vm, &a[0])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let items = snapshot(vm, s, "__imul__")?;
    let old = with(vm, s, "__imul__", |d| {
        d.state += 1;
        std::mem::replace(&mut d.items, repeated(items, n, d.maxlen))
    })?;
    drop(old);
    Ok(s.clone())
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("copy", &args, 0, 0)?;
    let (items, maxlen) = with(vm, s, "copy", |d| (d.items.clone(), d.maxlen))?;
    Ok(new_deque(cls_of(s), items, maxlen))
}

// ------------------------------------------------------------------ defaultdict
//
// A subclass of dict (its instances hold a dict, `InstanceObj::builtin`); the factory is
// the instance attribute `default_factory`.

fn factory_of(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    let k = vm.intern("default_factory");
    Ok(vm.getattr_opt(s, &k)?.unwrap_or(Value::NONE))
}

fn dict_method(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let dict = vm.types.dict.clone();
    let k = vm.intern(name);
    vm.getattr(&dict, &k)
}

fn dd_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let s = pos.first().ok_or_else(|| type_error("descriptor '__init__' of 'collections.defaultdict' object needs an argument"))?;
    let factory = pos.get(1).cloned().unwrap_or(Value::NONE);
    if !factory.is_none() && !vm.is_callable(&factory) {
        return Err(type_error("first argument must be callable or None"));
    }
    let k = vm.intern("default_factory");
    vm.setattr(s, &k, factory)?;
    let mut rest = vec![s.clone()];
    rest.extend(pos.iter().skip(2).cloned());
    rest.extend(args.kwargs().map(|(_, v)| v.clone()));
    let init = dict_method(vm, "__init__")?;
    vm.call_args(&init, Args::with_kw(&rest, args.kwnames))?;
    Ok(Value::NONE)
}

fn dd_missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__missing__", &args, 1, 1)?;
    let factory = factory_of(vm, s)?;
    if factory.is_none() {
        return Err(PyErr::Lazy { kind: ExcKind::KeyError, args: vec![a[0].clone()] });
    }
    let v = vm.call(&factory, &[])?;
    vm.setitem(s, &a[0], v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__repr__", &args, 0, 0)?;
    let name = vm.type_of(s).as_type().expect("type").name();
    let factory = factory_of(vm, s)?;
    let contents = vm.repr_string(crate::objects::class::builtin_value(s))?;
    let f = if !crate::runtime::repr::enter(vm, s) {
        Ok("...".to_string())
    } else {
        let r = vm.repr_string(&factory);
        crate::runtime::repr::leave(vm);
        r
    }?;
    Ok(vm.str_from_string(format!("{name}({f}, {contents})")))
}

/// A new defaultdict of `s`'s class with its factory, filled from `src`.
fn dd_new_like(vm: &mut Vm, s: &Value, src: &Value) -> PyResult<Value> {
    let cls = vm.type_of(s);
    let factory = factory_of(vm, s)?;
    vm.call(&cls, &[factory, src.clone()])
}

fn dd_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("copy", &args, 0, 0)?;
    dd_new_like(vm, s, s)
}

fn is_dict(vm: &Vm, v: &Value) -> bool {
    vm.type_of(v).as_type().is_some_and(|t| t.is_subtype_of(vm.types.dict.as_type().expect("dict")))
}

fn dd_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__or__", &args, 1, 1)?;
    if !is_dict(vm, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = dd_new_like(vm, s, s)?;
    vm.call_method(&r, "update", std::slice::from_ref(&a[0]))?;
    Ok(r)
}

fn dd_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, a) = argparse::method("__ror__", &args, 1, 1)?;
    if !is_dict(vm, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let r = dd_new_like(vm, s, &a[0])?;
    vm.call_method(&r, "update", std::slice::from_ref(s))?;
    Ok(r)
}
