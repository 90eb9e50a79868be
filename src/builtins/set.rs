//! `set` and `frozenset`: constructors and methods.

use super::argparse;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::sets::{self, as_set};
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v = frozenset_methods();
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
    ]);
    v
}

pub fn frozenset_methods() -> Vec<(&'static str, NativeFn)> {
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
    ]
}

fn self_set<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a SetObj> {
    sets::require_set(vm, v, name)
}

pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("set", &args)?;
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(set::new_set(false)),
        [x] => sets::set_from_iterable(vm, x, false),
        _ => Err(type_error(format!("set expected at most 1 argument, got {}", pos.len()))),
    }
}

pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("frozenset", &args)?;
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(set::new_set(true)),
        [x] if x.downcast::<SetObj>().is_some_and(|s| s.frozen) => Ok(x.clone()),
        [x] => sets::set_from_iterable(vm, x, true),
        _ => Err(type_error(format!("frozenset expected at most 1 argument, got {}", pos.len()))),
    }
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("add", &args, 1, 1)?;
    self_set(vm, s, "add")?.add(vm, rest[0].clone())?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("discard", &args, 1, 1)?;
    self_set(vm, s, "discard")?.discard(vm, &rest[0])?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("remove", &args, 1, 1)?;
    if !self_set(vm, s, "remove")?.discard(vm, &rest[0])? {
        return Err(PyErr::with_args(ExcKind::KeyError, vec![rest[0].clone()]));
    }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("pop", &args, 0, 0)?;
    self_set(vm, s, "pop")?.pop_any().ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("clear", &args, 0, 0)?;
    self_set(vm, s, "clear")?.clear_all();
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("copy", &args, 0, 0)?;
    let frozen = self_set(vm, s, "copy")?.frozen;
    if frozen {
        return Ok(s.clone());
    }
    sets::set_copy(vm, s, false)
}

fn multi(vm: &mut Vm, args: Args, name: &str) -> PyResult<(Value, Vec<Value>)> {
    argparse::no_kwargs(name, &args)?;
    let pos = args.pos();
    let s = pos.first().ok_or_else(|| type_error(format!("descriptor '{name}' of 'set' object needs an argument")))?;
    self_set(vm, s, name)?;
    Ok((s.clone(), pos[1..].to_vec()))
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "union")?;
    let r = sets::set_copy(vm, &s, as_set(&s).frozen)?;
    for o in others {
        sets::set_update(vm, &r, &o)?;
    }
    Ok(r)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "intersection")?;
    if others.is_empty() {
        return sets::set_copy(vm, &s, as_set(&s).frozen);
    }
    let mut r = s;
    for o in others {
        r = sets::set_intersection(vm, &r, &o)?;
    }
    Ok(r)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "difference")?;
    if others.is_empty() {
        return sets::set_copy(vm, &s, as_set(&s).frozen);
    }
    let mut r = sets::set_difference(vm, &s, &others[0])?;
    for o in &others[1..] {
        sets::set_difference_update(vm, &r, o)?;
    }
    if as_set(&s).frozen && !as_set(&r).frozen {
        r = sets::set_copy(vm, &r, true)?;
    }
    Ok(r)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("symmetric_difference", &args, 1, 1)?;
    self_set(vm, s, "symmetric_difference")?;
    sets::set_symmetric_difference(vm, s, &rest[0])
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "update")?;
    for o in others {
        sets::set_update(vm, &s, &o)?;
    }
    Ok(Value::NONE)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "intersection_update")?;
    let mut r = s.clone();
    for o in others {
        r = sets::set_intersection(vm, &r, &o)?;
    }
    if !r.is_same(&s) {
        as_set(&s).swap_bodies(as_set(&r));
    }
    Ok(Value::NONE)
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = multi(vm, args, "difference_update")?;
    for o in others {
        sets::set_difference_update(vm, &s, &o)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("symmetric_difference_update", &args, 1, 1)?;
    self_set(vm, s, "symmetric_difference_update")?;
    sets::set_symmetric_difference_update(vm, s, &rest[0])?;
    Ok(Value::NONE)
}

fn other_as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is::<SetObj>() { Ok(v.clone()) } else { sets::set_from_iterable(vm, v, false) }
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("issubset", &args, 1, 1)?;
    let o = other_as_set(vm, &rest[0])?;
    sets::set_compare(vm, s, &o, crate::runtime::ops::CmpOp::Le).map(Value::bool)
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("issuperset", &args, 1, 1)?;
    let o = other_as_set(vm, &rest[0])?;
    sets::set_compare(vm, s, &o, crate::runtime::ops::CmpOp::Ge).map(Value::bool)
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("isdisjoint", &args, 1, 1)?;
    let set = self_set(vm, s, "isdisjoint")?;
    for x in vm.collect(&rest[0])? {
        if set.contains(vm, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_set(vm, s, "__len__")?.len()))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}
