//! `tuple`: constructor and methods.

use super::argparse;
use super::misc::method_args;
use crate::error::{type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> =
        vec![("index", index), ("count", count), ("__len__", len), ("__getitem__", getitem), ("__contains__", contains), ("__iter__", iter), ("__repr__", repr)];
    v.extend(super::misc::tuple_operator_methods());
    v
}

/// `tuple(iterable=())`.
pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("tuple", &args)?;
    let tuple_type = vm.types.tuple.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &tuple_type, tuple_new) {
        return r;
    }
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(vm.empty_tuple()),
        [x] if x.is::<TupleObj>() => Ok(x.clone()),
        [x] => {
            let items = vm.collect(x)?;
            Ok(tuple::new_tuple(items))
        }
        _ => Err(type_error(format!("tuple expected at most 1 argument, got {}", pos.len()))),
    }
}

/// The items of `self` (tuples are immutable, so the slice stays valid while Python
/// code runs: `v` keeps the tuple alive).
fn items<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a [Value]> {
    v.as_tuple().ok_or_else(|| super::misc::descr_error(vm, "tuple", name, v))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("tuple", "index", &args, 1, 3)?;
    let t = items(vm, s, "index")?;
    let start = super::list::search_bound(vm, rest.get(1), t.len(), 0)?;
    let stop = super::list::search_bound(vm, rest.get(2), t.len(), t.len())?;
    for (i, it) in t.iter().enumerate().take(stop).skip(start) {
        if it.is_same(&rest[0]) || vm.eq_bool(it, &rest[0])? {
            return Ok(Value::int_from_usize(i));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("tuple", "count", &args, 1, 1)?;
    let mut c = 0;
    for it in items(vm, s, "count")? {
        if it.is_same(&rest[0]) || vm.eq_bool(it, &rest[0])? {
            c += 1;
        }
    }
    Ok(Value::int(c))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("tuple", "__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(items(vm, s, "__len__")?.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("tuple", "__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("tuple", "__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("tuple", "__iter__", &args, 0, 0)?;
    vm.iter(s)
}

/// `tuple.__repr__` (reached by subclasses; plain tuples are repr'd directly).
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("tuple", "__repr__", &args, 0, 0)?;
    items(vm, s, "__repr__")?;
    vm.repr(s)
}
