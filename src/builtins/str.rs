//! `str`: constructor and methods.

use super::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("join", join),
        ("format", format),
        ("__len__", len),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__mod__", modulo),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
    ];
    v.extend(super::str_methods::methods());
    v
}

pub fn self_str<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'str' object but received a '{}'", vm.type_name(v))))
}

/// `str(object='')`.
pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj_kw, _enc, _err] = argparse::kwargs("str", &args, ["object", "encoding", "errors"])?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(type_error(format!("str expected at most 1 argument, got {}", pos.len())));
    }
    match pos.first().or(obj_kw) {
        None => Ok(vm.new_str("")),
        Some(x) => vm.str(x),
    }
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("join", &args, 1, 1)?;
    let sep = self_str(vm, s, "join")?.to_string();
    let items = vm.collect(&rest[0])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(x) => out.push_str(x),
            None => return Err(type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_name(it)))),
        }
    }
    Ok(vm.str_from_string(out))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let s = pos.first().ok_or_else(|| type_error("descriptor 'format' of 'str' object needs an argument"))?;
    let fmt = self_str(vm, s, "format")?.to_string();
    let kwargs: Vec<(String, Value)> = args.kwargs().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let out = crate::runtime::format::str_format(vm, &fmt, &pos[1..], &kwargs)?;
    Ok(vm.str_from_string(out))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(vm.len(s)?))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

fn modulo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__mod__", &args, 1, 1)?;
    let fmt = self_str(vm, s, "__mod__")?.to_string();
    crate::runtime::format::percent_format(vm, &fmt, &rest[0])
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__add__", &args, 1, 1)?;
    vm.binary_op(s, &rest[0], crate::bytecode::BinaryOpArg::Add)
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__mul__", &args, 1, 1)?;
    vm.binary_op(s, &rest[0], crate::bytecode::BinaryOpArg::Multiply)
}
