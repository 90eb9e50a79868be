//! `set` and `frozenset`: constructors and methods.

use super::argparse;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::sets::{self, as_set};
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v = shared_methods();
    v.extend([
        ("add", add as NativeFn),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("__init__", init),
    ]);
    v.extend(super::misc::set_operator_methods(false));
    v
}

pub fn frozenset_methods() -> Vec<(&'static str, NativeFn)> {
    let mut v = shared_methods();
    v.extend(super::misc::set_operator_methods(true));
    v
}

/// The methods of both set and frozenset.
fn shared_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", len),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__repr__", repr),
    ]
}

fn self_set<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a SetObj> {
    v.downcast::<SetObj>().ok_or_else(|| super::misc::descr_error(vm, "set", name, v))
}

/// `self` of a method that changes the set: frozensets are refused.
fn self_set_mut<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a SetObj> {
    match v.downcast::<SetObj>() {
        Some(s) if !s.frozen => Ok(s),
        _ => Err(super::misc::descr_error(vm, "set", name, v)),
    }
}

/// The method's owner as CPython names it in messages: `set` or `frozenset`.
fn owner(args: &Args) -> &'static str {
    args.pos().first().map_or("set", owner_of)
}

fn owner_of(v: &Value) -> &'static str {
    match v.downcast::<SetObj>() {
        Some(s) if s.frozen => "frozenset",
        _ => "set",
    }
}

fn set_args<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    super::misc::method_args(owner(args), name, args, min, max)
}

/// `set.__new__(cls, *args)`: an empty set (`__init__` fills it), or for a subclass an
/// instance holding one.
pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let set_type = vm.types.set.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &set_type, empty_set) {
        return r;
    }
    argparse::no_kwargs("set", &args)?;
    empty_set(vm, args)
}

/// What `set.__new__` makes for a subclass: a subclass's `__init__` may take any
/// arguments.
fn empty_set(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(set::new_set(false))
}

/// `set.__init__(self, iterable=())`: replaces the contents.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("set", &args)?;
    let pos = args.pos();
    let Some(s) = pos.first() else { return Err(type_error("descriptor '__init__' of 'set' object needs an argument")) };
    self_set_mut(vm, s, "__init__")?;
    let fresh = match &pos[1..] {
        [] => set::new_set(false),
        [x] => sets::set_from_iterable(vm, x, false)?,
        more => return Err(type_error(format!("set expected at most 1 argument, got {}", more.len()))),
    };
    as_set(s).swap_bodies(as_set(&fresh));
    Ok(Value::NONE)
}

pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let frozenset_type = vm.types.frozenset.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &frozenset_type, frozenset_new) {
        return r;
    }
    argparse::no_kwargs("frozenset", &args)?;
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(set::new_set(true)),
        [x] if x.downcast::<SetObj>().is_some_and(|s| s.frozen) => Ok(x.clone()),
        [x] => sets::set_from_iterable(vm, x, true),
        _ => Err(type_error(format!("frozenset expected at most 1 argument, got {}", pos.len()))),
    }
}

/// `set.__repr__` / `frozenset.__repr__`, reached by subclasses (whose repr names them:
/// `S({1, 2})`, `S()`); plain sets are repr'd directly.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let owner = match args.pos().first() {
        Some(v) => owner_of(class::builtin_value(v)),
        None => "set",
    };
    let (this, _) = super::misc::method_args(owner, "__repr__", &args, 0, 0)?;
    let wrapper = &args.pos()[0];
    let s = self_set(vm, this, "__repr__")?;
    if this.is_same(wrapper) {
        let r = vm.repr_string(this)?;
        return Ok(vm.str_from_string(r));
    }
    let name = vm.type_name(wrapper);
    if s.is_empty() {
        return Ok(vm.str_from_string(format!("{name}()")));
    }
    if !crate::runtime::repr::enter(vm, wrapper) {
        return Ok(vm.str_from_string(format!("{name}(...)")));
    }
    let keys = list::new_list(s.keys());
    let r = vm.repr_string(&keys);
    crate::runtime::repr::leave(vm);
    let body = r?;
    Ok(vm.str_from_string(format!("{name}({{{}}})", &body[1..body.len() - 1])))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("add", &args, 1, 1)?;
    self_set_mut(vm, s, "add")?.add(vm, rest[0].clone())?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("discard", &args, 1, 1)?;
    self_set_mut(vm, s, "discard")?.discard_member(vm, &rest[0])?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("remove", &args, 1, 1)?;
    if !self_set_mut(vm, s, "remove")?.discard_member(vm, &rest[0])? {
        return Err(set::key_error(&rest[0]));
    }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = set_args("pop", &args, 0, 0)?;
    self_set_mut(vm, s, "pop")?.pop_any().ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = set_args("clear", &args, 0, 0)?;
    self_set_mut(vm, s, "clear")?.clear_all();
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = set_args("copy", &args, 0, 0)?;
    let frozen = self_set(vm, s, "copy")?.frozen;
    if frozen {
        return Ok(s.clone());
    }
    sets::set_copy(vm, s, false)
}

/// (self, others) of the methods taking any number of iterables (`union(*others)`).
fn multi<'a>(vm: &mut Vm, args: &Args<'a>, name: &str, mutates: bool) -> PyResult<(&'a Value, &'a [Value])> {
    let (s, rest) = set_args(name, args, 0, usize::MAX)?;
    if mutates { self_set_mut(vm, s, name)?; } else { self_set(vm, s, name)?; }
    Ok((s, rest))
}

/// `set_union`: a copy of self (same type), then each other merged in.
fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "union", false)?;
    let r = sets::set_copy(vm, s, as_set(s).frozen)?;
    for o in others {
        if !o.is_same(s) {
            sets::set_update(vm, &r, o)?;
        }
    }
    Ok(r)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "intersection", false)?;
    sets::intersection_multi(vm, s, others)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "difference", false)?;
    let Some((first, rest)) = others.split_first() else {
        return sets::set_copy(vm, s, as_set(s).frozen);
    };
    let r = sets::set_difference(vm, s, first)?;
    for o in rest {
        sets::set_difference_update(vm, &r, o)?;
    }
    Ok(r)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("symmetric_difference", &args, 1, 1)?;
    self_set(vm, s, "symmetric_difference")?;
    sets::set_symmetric_difference(vm, s, &rest[0])
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "update", true)?;
    for o in others {
        sets::set_update(vm, s, o)?;
    }
    Ok(Value::NONE)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "intersection_update", true)?;
    let r = sets::intersection_multi(vm, s, others)?;
    as_set(s).swap_bodies(as_set(&r));
    Ok(Value::NONE)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, &args, "difference_update", true)?;
    for o in others {
        sets::set_difference_update(vm, s, o)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("symmetric_difference_update", &args, 1, 1)?;
    self_set_mut(vm, s, "symmetric_difference_update")?;
    sets::set_symmetric_difference_update(vm, s, &rest[0])?;
    Ok(Value::NONE)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("issubset", &args, 1, 1)?;
    self_set(vm, s, "issubset")?;
    sets::issubset(vm, s, &rest[0]).map(Value::bool)
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("issuperset", &args, 1, 1)?;
    self_set(vm, s, "issuperset")?;
    sets::issuperset(vm, s, &rest[0]).map(Value::bool)
}

/// `set_isdisjoint`.
fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("isdisjoint", &args, 1, 1)?;
    let set = self_set(vm, s, "isdisjoint")?;
    let other = &rest[0];
    if s.is_same(other) {
        return Ok(Value::bool(set.is_empty()));
    }
    if let Some(o) = other.downcast::<SetObj>() {
        let (big, small) = if o.len() > set.len() { (o, set) } else { (set, o) };
        for (k, h) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if set.contains(vm, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = set_args("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_set(vm, s, "__len__")?.len()))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = set_args("__contains__", &args, 1, 1)?;
    Ok(Value::bool(self_set(vm, s, "__contains__")?.contains_member(vm, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = set_args("__iter__", &args, 0, 0)?;
    vm.iter(s)
}
