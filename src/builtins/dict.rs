//! `dict` and its views: constructor and methods.

use super::argparse;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::dict::{new_dict_view, DictViewKind};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("get", get),
        ("items", items),
        ("keys", keys),
        ("values", values),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
        ("fromkeys", fromkeys),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__init__", init),
    ]
}

pub fn view_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__len__", view_len), ("__iter__", view_iter), ("isdisjoint", view_isdisjoint)]
}

fn self_dict<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a DictObj> {
    v.downcast::<DictObj>().ok_or_else(|| type_error(format!("descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object", vm.type_name(v))))
}

/// `dict(mapping_or_iterable=(), **kwargs)`.
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = dict::new_dict();
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    fill(vm, &d, pos.first(), &args)?;
    Ok(d)
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let d = pos[0].clone();
    fill(vm, &d, pos.get(1), &args)?;
    Ok(Value::NONE)
}

/// dict.update's argument handling: a mapping (has `keys`), or an iterable of pairs,
/// then keyword arguments.
fn fill(vm: &mut Vm, d: &Value, src: Option<&Value>, args: &Args) -> PyResult<()> {
    let target = d.downcast::<DictObj>().expect("dict");
    if let Some(src) = src {
        if let Some(o) = src.downcast::<DictObj>() {
            for (k, v) in o.items() {
                target.set_item(vm, k, v)?;
            }
        } else {
            let keys_name = vm.intern("keys");
            if let Some(keys) = vm.getattr_opt(src, &keys_name)? {
                let ks = vm.call(&keys, &[])?;
                for k in vm.collect(&ks)? {
                    let v = vm.getitem(src, &k)?;
                    target.set_item(vm, k, v)?;
                }
            } else {
                let it = vm.iter(src).map_err(|_| type_error(format!("'{}' object is not iterable", vm.type_name(src))))?;
                let mut i = 0;
                while let Some(pair) = vm.next(&it)? {
                    let kv = match vm.collect(&pair) {
                        Ok(kv) => kv,
                        Err(_) => {
                            return Err(type_error(format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence")));
                        }
                    };
                    if kv.len() != 2 {
                        return Err(PyErr::new(ExcKind::ValueError, format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
                    }
                    let mut kv = kv.into_iter();
                    let (k, v) = (kv.next().expect("k"), kv.next().expect("v"));
                    target.set_item(vm, k, v)?;
                    i += 1;
                }
            }
        }
    }
    for (k, v) in args.kwargs() {
        let key = vm.intern(k);
        target.set_item(vm, key, v.clone())?;
    }
    Ok(())
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("get", &args, 1, 2)?;
    let d = self_dict(vm, s, "get")?;
    Ok(d.get_item(vm, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::NONE)))
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("items", &args, 0, 0)?;
    self_dict(vm, s, "items")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Items))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("keys", &args, 0, 0)?;
    self_dict(vm, s, "keys")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Keys))
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("values", &args, 0, 0)?;
    self_dict(vm, s, "values")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Values))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("setdefault", &args, 1, 2)?;
    let d = self_dict(vm, s, "setdefault")?;
    if let Some(v) = d.get_item(vm, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::NONE);
    d.set_item(vm, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("pop", &args, 1, 2)?;
    let d = self_dict(vm, s, "pop")?;
    match d.remove(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(PyErr::with_args(ExcKind::KeyError, vec![rest[0].clone()])),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("popitem", &args, 0, 0)?;
    let d = self_dict(vm, s, "popitem")?;
    let last = d.table().last_entry();
    match last {
        Some(ix) => {
            let (k, v) = d.remove_at(ix);
            Ok(tuple::new_tuple(vec![k, v]))
        }
        None => Err(PyErr::new(ExcKind::KeyError, "popitem(): dictionary is empty")),
    }
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(type_error(format!("update expected at most 1 argument, got {}", pos.len() - 1)));
    }
    self_dict(vm, &pos[0], "update")?;
    let d = pos[0].clone();
    fill(vm, &d, pos.get(1), &args)?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("copy", &args, 0, 0)?;
    Ok(self_dict(vm, s, "copy")?.copy())
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("clear", &args, 0, 0)?;
    self_dict(vm, s, "clear")?.clear_all();
    Ok(Value::NONE)
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // A class method: the first argument is the class.
    let rest = &args.pos()[1..];
    if rest.is_empty() || rest.len() > 2 {
        return Err(type_error(format!("fromkeys expected at least 1 argument, got {}", rest.len())));
    }
    let value = rest.get(1).cloned().unwrap_or(Value::NONE);
    let d = dict::new_dict();
    let dd = d.downcast::<DictObj>().expect("dict");
    for k in vm.collect(&rest[0])? {
        dd.set_item(vm, k, value.clone())?;
    }
    Ok(d)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_dict(vm, s, "__len__")?.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__setitem__", &args, 2, 2)?;
    vm.setitem(s, &rest[0], rest[1].clone())?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__delitem__", &args, 1, 1)?;
    vm.delitem(s, &rest[0])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(vm.len(s)?))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("isdisjoint", &args, 1, 1)?;
    for x in vm.collect(&rest[0])? {
        if vm.contains(s, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
