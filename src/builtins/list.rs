//! `list`: constructor, methods, and the stable sort behind `list.sort` and `sorted`.

use super::argparse;
use crate::error::{index_error, type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__init__", init),
    ]
}

fn self_list<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a ListObj> {
    v.downcast::<ListObj>().ok_or_else(|| type_error(format!("descriptor '{name}' for 'list' objects doesn't apply to a '{}' object", vm.type_name(v))))
}

/// `list(iterable=())`.
pub fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("list", &args)?;
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(list::new_list(Vec::new())),
        [x] => {
            let items = vm.collect(x)?;
            Ok(list::new_list(items))
        }
        _ => Err(type_error(format!("list expected at most 1 argument, got {}", pos.len()))),
    }
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("list", &args, 0, 1)?;
    let l = self_list(vm, s, "__init__")?;
    let items = match rest.first() {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    let old = l.replace_items(items);
    drop(old);
    Ok(Value::NONE)
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("append", &args, 1, 1)?;
    self_list(vm, s, "append")?.push(rest[0].clone());
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("extend", &args, 1, 1)?;
    let l = self_list(vm, s, "extend")?;
    let items = vm.collect(&rest[0])?;
    l.with_items_mut(|v| v.extend(items));
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("insert", &args, 2, 2)?;
    let l = self_list(vm, s, "insert")?;
    let i = argparse::int_arg(vm, &rest[0])?;
    let v = rest[1].clone();
    l.with_items_mut(|items| {
        let n = items.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(at as usize, v);
    });
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("pop", &args, 0, 1)?;
    let l = self_list(vm, s, "pop")?;
    let i = match rest.first() {
        Some(v) => argparse::int_arg(vm, v)?,
        None => -1,
    };
    let n = l.len() as i64;
    if n == 0 {
        return Err(index_error("pop from empty list"));
    }
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(l.with_items_mut(|v| v.remove(at as usize)))
}

fn find_index(vm: &mut Vm, l: &ListObj, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(l.len()) {
        let Some(item) = l.get(i) else { break };
        if item.is_same(x) || vm.eq_bool(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("remove", &args, 1, 1)?;
    let l = self_list(vm, s, "remove")?;
    match find_index(vm, l, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            let old = l.with_items_mut(|v| v.remove(i));
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("index", &args, 1, 3)?;
    let l = self_list(vm, s, "index")?;
    let n = l.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) as usize } else { i.min(n) as usize };
    let start = match rest.get(1) {
        Some(v) => clamp(argparse::int_arg(vm, v)?),
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => clamp(argparse::int_arg(vm, v)?),
        None => n as usize,
    };
    match find_index(vm, l, &rest[0], start, stop)? {
        Some(i) => Ok(Value::int_from_usize(i)),
        None => Err(value_error(format!("{} is not in list", vm.repr_string(&rest[0])?))),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("count", &args, 1, 1)?;
    let items = self_list(vm, s, "count")?.to_vec();
    let mut c = 0;
    for it in &items {
        if it.is_same(&rest[0]) || vm.eq_bool(it, &rest[0])? {
            c += 1;
        }
    }
    Ok(Value::int(c))
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("reverse", &args, 0, 0)?;
    self_list(vm, s, "reverse")?.with_items_mut(|v| v.reverse());
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("copy", &args, 0, 0)?;
    Ok(list::new_list(self_list(vm, s, "copy")?.to_vec()))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("clear", &args, 0, 0)?;
    let old = self_list(vm, s, "clear")?.take_items();
    drop(old);
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_list(vm, s, "__len__")?.len()))
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

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__reversed__", &args, 0, 0)?;
    let n = self_list(vm, s, "__reversed__")?.len();
    Ok(iter::new_iterator(iter::IterState::ListReverse { seq: s.clone(), remaining: n }))
}

fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    sort_impl(vm, args)?;
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`: stable, using only `<`, like CPython.
pub fn sort_impl(vm: &mut Vm, args: Args) -> PyResult<()> {
    let [key, reverse] = argparse::kwargs("sort", &args, ["key", "reverse"])?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = self_list(vm, &pos[0], "sort")?;
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let key = key.filter(|k| !k.is_none()).cloned();
    // The list is empty while sorting; changes made meanwhile are an error.
    let mut items = l.take_items();
    let result = sort_values(vm, &mut items, key.as_ref(), reverse);
    let meddled = !l.is_empty();
    let old = l.replace_items(items);
    drop(old);
    result?;
    if meddled {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

/// Sorts values in place by key (stable; `reverse` keeps equal items in order).
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, std::slice::from_ref(it))?);
            }
            ks
        }
        None => items.clone(),
    };
    // Reverse sorting is stable in CPython: reverse, sort, reverse.
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let lt = |vm: &mut Vm, a: usize, b: usize| -> PyResult<bool> {
        let (x, y) = (&keys[a], &keys[b]);
        if let (Some(p), Some(q)) = (x.as_small_int(), y.as_small_int()) {
            return Ok(p < q);
        }
        if let (Some(p), Some(q)) = (x.as_str(), y.as_str()) {
            return Ok(p < q);
        }
        if let (Some(p), Some(q)) = (x.as_float(), y.as_float()) {
            return Ok(p < q);
        }
        vm.compare_bool(x, y, CmpOp::Lt)
    };
    merge_sort(vm, &mut order, &lt)?;
    if reverse {
        order.reverse();
    }
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    *items = order.into_iter().map(|i| slots[i].take().expect("each index once")).collect();
    Ok(())
}

type Lt<'a> = dyn Fn(&mut Vm, usize, usize) -> PyResult<bool> + 'a;

/// Stable merge sort over indices using only a fallible less-than.
fn merge_sort(vm: &mut Vm, v: &mut [usize], lt: &Lt) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Binary insertion sort on runs of 32, then bottom-up merges.
    const RUN: usize = 32;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = v[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(vm, x, v[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            v.copy_within(lo..i, lo + 1);
            v[lo] = x;
        }
        start = end;
    }
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    // Take from the right only when strictly less: stability.
                    if lt(vm, v[j], v[i])? {
                        buf[k] = v[j];
                        j += 1;
                    } else {
                        buf[k] = v[i];
                        i += 1;
                    }
                    k += 1;
                }
                buf[k..k + (mid - i)].copy_from_slice(&v[i..mid]);
                k += mid - i;
                buf[k..k + (hi - j)].copy_from_slice(&v[j..hi]);
                v[lo..hi].copy_from_slice(&buf[lo..hi]);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}
