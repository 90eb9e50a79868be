//! `tuple`: constructor and methods.

use super::argparse;
use crate::error::{type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![("index", index), ("count", count), ("__len__", len), ("__getitem__", getitem), ("__contains__", contains), ("__iter__", iter)]
}

/// `tuple(iterable=())`.
pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("tuple", &args)?;
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

fn items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    v.as_tuple().map(|t| t.to_vec()).ok_or_else(|| type_error(format!("descriptor requires a 'tuple' object but received a '{}'", vm.type_name(v))))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("index", &args, 1, 3)?;
    let t = items(vm, s)?;
    let n = t.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) as usize } else { i.min(n) as usize };
    let start = match rest.get(1) { Some(v) => clamp(argparse::int_arg(vm, v)?), None => 0 };
    let stop = match rest.get(2) { Some(v) => clamp(argparse::int_arg(vm, v)?), None => n as usize };
    for (i, it) in t.iter().enumerate().take(stop).skip(start) {
        if it.is_same(&rest[0]) || vm.eq_bool(it, &rest[0])? {
            return Ok(Value::int_from_usize(i));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("count", &args, 1, 1)?;
    let mut c = 0;
    for it in items(vm, s)? {
        if it.is_same(&rest[0]) || vm.eq_bool(&it, &rest[0])? {
            c += 1;
        }
    }
    Ok(Value::int(c))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(items(vm, s)?.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}
