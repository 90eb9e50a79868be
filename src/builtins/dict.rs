//! `dict` and its views: constructor and methods.

use super::misc::method_args;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::dict::{new_dict_view, DictViewKind};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
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
        ("__reversed__", dict_reversed),
        ("__init__", dict_init),
        ("__repr__", repr),
    ];
    v.extend(super::misc::dict_operator_methods());
    v
}

pub fn view_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains),
        ("__reversed__", view_reversed),
        ("isdisjoint", view_isdisjoint),
    ]
}

fn self_dict<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a DictObj> {
    v.downcast::<DictObj>().ok_or_else(|| super::misc::descr_error(vm, "dict", name, v))
}

/// `dict.__new__(cls, *args, **kwargs)`: an empty dict (`__init__` fills it), or for a
/// subclass an instance holding one.
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let dict_type = vm.types.dict.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &dict_type, dict_new) {
        return r;
    }
    Ok(dict::new_dict())
}

/// `dict.__init__(self, mapping_or_iterable=(), **kwargs)`.
fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(s) = pos.first() else { return Err(type_error("descriptor '__init__' of 'dict' object needs an argument")) };
    let d = class::builtin_value(s).clone();
    self_dict(vm, &d, "__init__")?;
    if pos.len() > 2 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", pos.len() - 1)));
    }
    fill(vm, &d, pos.get(1), &args)?;
    Ok(Value::NONE)
}

/// `dict.__repr__` (reached by subclasses; plain dicts are repr'd directly).
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "__repr__", &args, 0, 0)?;
    self_dict(vm, s, "__repr__")?;
    vm.repr(s)
}

/// dict.update's argument handling (`dict_update_arg`): a dict, a mapping (has
/// `keys`), or an iterable of pairs; then the keyword arguments.
fn fill(vm: &mut Vm, d: &Value, src: Option<&Value>, args: &Args) -> PyResult<()> {
    let target = d.downcast::<DictObj>().ok_or_else(|| type_error("dict expected"))?;
    if let Some(src) = src {
        if let Some(o) = src.downcast::<DictObj>() {
            merge_dict(vm, target, o)?;
        } else {
            let keys_name = vm.intern("keys");
            match vm.getattr_opt(src, &keys_name)? {
                Some(keys) => merge_mapping(vm, target, src, &keys)?,
                None => merge_pairs(vm, target, src)?,
            }
        }
    }
    for (k, v) in args.kwargs() {
        let key = vm.intern(k);
        target.set_item(vm, key, v.clone())?;
    }
    Ok(())
}

/// `dict.update(src)` without keyword arguments (also `d |= src`).
pub fn update_from(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    fill(vm, d, Some(src), &Args::new(&[]))
}

/// Merges another dict: a plain copy when the target is empty, else entry by entry
/// with the stored hashes (no re-hashing).
fn merge_dict(vm: &mut Vm, target: &DictObj, o: &DictObj) -> PyResult<()> {
    if std::ptr::eq(target, o) {
        return Ok(());
    }
    let entries: Vec<(Value, Value, i64)> = o.table().iter().map(|e| (e.key.clone(), e.value.clone(), e.hash)).collect();
    if target.is_empty() {
        for (k, v, h) in entries {
            target.insert_new(h, k, v);
        }
        return Ok(());
    }
    for (k, v, h) in entries {
        target.set_with_hash(vm, k, h, v)?;
    }
    Ok(())
}

/// Merges a mapping through its `keys()` and `__getitem__`.
fn merge_mapping(vm: &mut Vm, target: &DictObj, src: &Value, keys: &Value) -> PyResult<()> {
    // `PyMapping_Keys`: the keys are listed before any item is read.
    let ks = vm.call(keys, &[])?;
    let ks = vm.collect(&ks)?;
    for k in ks {
        let v = vm.getitem(src, &k)?;
        target.set_item(vm, k, v)?;
    }
    Ok(())
}

/// Merges an iterable of key/value pairs (`dict_merge_from_seq2`).
fn merge_pairs(vm: &mut Vm, target: &DictObj, src: &Value) -> PyResult<()> {
    let it = vm.iter(src)?;
    let mut i = 0usize;
    while let Some(pair) = vm.next(&it)? {
        let kv = pair_items(vm, &pair, i)?;
        let [k, v]: [Value; 2] = kv.try_into().map_err(|kv: Vec<Value>| {
            PyErr::new(ExcKind::ValueError, format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len()))
        })?;
        target.set_item(vm, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `PySequence_Fast(item, "object is not iterable")`, noting which element failed.
fn pair_items(vm: &mut Vm, pair: &Value, i: usize) -> PyResult<Vec<Value>> {
    let result = if vm.has_iter(pair) {
        vm.collect(pair)
    } else {
        Err(type_error("object is not iterable"))
    };
    result.map_err(|e| {
        if !vm.error_is(&e, ExcKind::TypeError) {
            return e;
        }
        let exc = vm.normalize(e);
        let note = vm.str_from_string(format!("Cannot convert dictionary update sequence element #{i} to a sequence"));
        match vm.call_method(&exc, "add_note", &[note]) {
            Ok(_) => PyErr::Obj(exc),
            Err(e2) => e2,
        }
    })
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "get", &args, 1, 2)?;
    let d = self_dict(vm, s, "get")?;
    Ok(d.get_item(vm, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::NONE)))
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "items", &args, 0, 0)?;
    self_dict(vm, s, "items")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Items))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "keys", &args, 0, 0)?;
    self_dict(vm, s, "keys")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Keys))
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "values", &args, 0, 0)?;
    self_dict(vm, s, "values")?;
    Ok(new_dict_view(s.clone(), DictViewKind::Values))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "setdefault", &args, 1, 2)?;
    let d = self_dict(vm, s, "setdefault")?;
    let default = rest.get(1).cloned().unwrap_or(Value::NONE);
    d.setdefault(vm, rest[0].clone(), default)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "pop", &args, 1, 2)?;
    let d = self_dict(vm, s, "pop")?;
    // An empty dict answers without hashing the key, as CPython.
    let found = if d.is_empty() { None } else { d.remove(vm, &rest[0])? };
    match found {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(PyErr::with_args(ExcKind::KeyError, vec![rest[0].clone()])),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "popitem", &args, 0, 0)?;
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
    let d = class::builtin_value(&pos[0]).clone();
    self_dict(vm, &d, "update")?;
    fill(vm, &d, pos.get(1), &args)?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "copy", &args, 0, 0)?;
    Ok(self_dict(vm, s, "copy")?.copy())
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "clear", &args, 0, 0)?;
    self_dict(vm, s, "clear")?.clear_all();
    Ok(Value::NONE)
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // A class method: the first argument is the class.
    if args.has_kwargs() {
        return Err(type_error("dict.fromkeys() takes no keyword arguments"));
    }
    let rest = args.pos().get(1..).unwrap_or(&[]);
    if rest.is_empty() {
        return Err(type_error("fromkeys expected at least 1 argument, got 0"));
    }
    if rest.len() > 2 {
        return Err(type_error(format!("fromkeys expected at most 2 arguments, got {}", rest.len())));
    }
    let value = rest.get(1).cloned().unwrap_or(Value::NONE);
    let d = dict::new_dict();
    let dd = d.downcast::<DictObj>().expect("new dict");
    let src = &rest[0];
    // Dicts and sets supply their stored hashes (CPython's fast paths).
    if let Some(o) = src.downcast::<DictObj>() {
        let keys: Vec<(Value, i64)> = o.table().iter().map(|e| (e.key.clone(), e.hash)).collect();
        for (k, h) in keys {
            dd.set_with_hash(vm, k, h, value.clone())?;
        }
        return Ok(d);
    }
    if let Some(o) = src.downcast::<SetObj>() {
        for (k, h) in o.entries() {
            dd.set_with_hash(vm, k, h, value.clone())?;
        }
        return Ok(d);
    }
    let it = vm.iter(src)?;
    while let Some(k) = vm.next(&it)? {
        dd.set_item(vm, k, value.clone())?;
    }
    Ok(d)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_dict(vm, s, "__len__")?.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "__getitem__", &args, 1, 1)?;
    self_dict(vm, s, "__getitem__")?;
    let this = &args.pos()[0];
    if this.is_same(s) {
        return vm.getitem(s, &rest[0]);
    }
    // A subclass: a missing key goes to its `__missing__`, if it has one.
    if let Some(v) = s.downcast::<DictObj>().expect("dict").get_item(vm, &rest[0])? {
        return Ok(v);
    }
    let missing = vm.names.dunder_missing.clone();
    match vm.lookup_special(this, &missing) {
        Some(m) => vm.call_method_value(&m, this, std::slice::from_ref(&rest[0])),
        None => vm.getitem(s, &rest[0]),
    }
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "__setitem__", &args, 2, 2)?;
    vm.setitem(s, &rest[0], rest[1].clone())?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "__delitem__", &args, 1, 1)?;
    vm.delitem(s, &rest[0])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict", "__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn self_view<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a DictViewObj> {
    v.downcast::<DictViewObj>().ok_or_else(|| super::misc::descr_error(vm, "dict_keys", name, v))
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict_keys", "__len__", &args, 0, 0)?;
    self_view(vm, s, "__len__")?;
    Ok(Value::int_from_usize(vm.len(s)?))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict_keys", "__iter__", &args, 0, 0)?;
    self_view(vm, s, "__iter__")?;
    vm.iter(s)
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict_keys", "__contains__", &args, 1, 1)?;
    self_view(vm, s, "__contains__")?;
    Ok(Value::bool(crate::runtime::dicts::view_contains(vm, s, &rest[0])?))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict_keys", "__reversed__", &args, 0, 0)?;
    self_view(vm, s, "__reversed__")?;
    reversed_view(vm, s)
}

/// `reversed(d)` / `reversed(d.keys())` / ...: the view's items, last first.
pub fn reversed_view(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = vm.collect(v)?;
    let n = items.len();
    let l = list::new_list(items);
    Ok(iter::new_iterator(iter::IterState::ListReverse { seq: l, remaining: n }))
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("dict", "__reversed__", &args, 0, 0)?;
    self_dict(vm, s, "__reversed__")?;
    reversed_view(vm, s)
}

/// `dictviews_isdisjoint`.
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("dict_keys", "isdisjoint", &args, 1, 1)?;
    self_view(vm, s, "isdisjoint")?;
    let other = &rest[0];
    if s.is_same(other) {
        return Ok(Value::bool(vm.len(s)? == 0));
    }
    let (mut this, mut other) = (s.clone(), other.clone());
    if other.is::<SetObj>() || crate::runtime::sets::is_setlike_view(&other) {
        if vm.len(&other)? > vm.len(&this)? {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&this, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
