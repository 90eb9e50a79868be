//! The `_heapq` module (C in CPython): the heap primitives `heapq.py` re-exports, min-
//! and max-heap versions, with CPython's sift order (so equal keys come out alike) and
//! its check that comparisons did not resize the list.

use crate::builtins::argparse;
use crate::error::{index_error, runtime_error, type_error, PyResult};
use crate::objects::func::Args;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heappush_max", heappush_max),
        ("heappop_max", heappop_max),
        ("heapify_max", heapify_max),
        ("heapreplace_max", heapreplace_max),
        ("heappushpop_max", heappushpop_max),
    ]);
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn before(vm: &mut Vm, max: bool, a: &Value, b: &Value) -> PyResult<bool> {
    if max { vm.compare_bool(b, a, CmpOp::Lt) } else { vm.compare_bool(a, b, CmpOp::Lt) }
}

fn item(l: &ListObj, i: usize) -> PyResult<Value> {
    l.get(i).ok_or_else(|| index_error("list index out of range"))
}

fn changed() -> crate::error::PyErr {
    runtime_error("list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it sorts before its parent.
fn siftdown(vm: &mut Vm, max: bool, l: &ListObj, start: usize, mut pos: usize) -> PyResult<()> {
    let size = l.len();
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (item(l, pos)?, item(l, parentpos)?);
        let lt = before(vm, max, &newitem, &parent)?;
        if size != l.len() {
            return Err(changed());
        }
        if !lt {
            break;
        }
        let (parent, newitem) = (item(l, parentpos)?, item(l, pos)?);
        l.set(parentpos, newitem);
        l.set(pos, parent);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until a leaf, then sifts the item down (CPython's siftup).
fn siftup(vm: &mut Vm, max: bool, l: &ListObj, mut pos: usize) -> PyResult<()> {
    let endpos = l.len();
    let start = pos;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (item(l, childpos)?, item(l, childpos + 1)?);
            let lt = before(vm, max, &a, &b)?;
            if !lt {
                childpos += 1;
            }
            if endpos != l.len() {
                return Err(changed());
            }
        }
        let (child, cur) = (item(l, childpos)?, item(l, pos)?);
        l.set(childpos, cur);
        l.set(pos, child);
        pos = childpos;
    }
    siftdown(vm, max, l, start, pos)
}

fn list_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a ListObj> {
    v.downcast::<ListObj>().ok_or_else(|| type_error(format!("{what} must be list, not {}", vm.type_name(v))))
}

fn push(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    argparse::no_kwargs(&format!("_heapq.{name}"), args)?;
    let a = argparse::exact(name, args, 2)?;
    let l = list_arg(vm, &a[0], &format!("{name}() argument 1"))?;
    l.push(a[1].clone());
    siftdown(vm, max, l, 0, l.len() - 1)?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    let a = argparse::exact(&format!("_heapq.{name}"), args, 1)?;
    let l = list_arg(vm, &a[0], &format!("{name}() argument"))?;
    let last = l.pop().ok_or_else(|| index_error("index out of range"))?;
    if l.is_empty() {
        return Ok(last);
    }
    let ret = l.set(0, last);
    siftup(vm, max, l, 0)?;
    Ok(ret)
}

fn heapify_impl(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    let a = argparse::exact(&format!("_heapq.{name}"), args, 1)?;
    let l = list_arg(vm, &a[0], &format!("{name}() argument"))?;
    for i in (0..l.len() / 2).rev() {
        siftup(vm, max, l, i)?;
    }
    Ok(Value::NONE)
}

fn replace(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    argparse::no_kwargs(&format!("_heapq.{name}"), args)?;
    let a = argparse::exact(name, args, 2)?;
    let l = list_arg(vm, &a[0], &format!("{name}() argument 1"))?;
    if l.is_empty() {
        return Err(index_error("index out of range"));
    }
    let ret = l.set(0, a[1].clone());
    siftup(vm, max, l, 0)?;
    Ok(ret)
}

fn pushpop(vm: &mut Vm, args: &Args, name: &str, max: bool) -> PyResult<Value> {
    argparse::no_kwargs(&format!("_heapq.{name}"), args)?;
    let a = argparse::exact(name, args, 2)?;
    let l = list_arg(vm, &a[0], &format!("{name}() argument 1"))?;
    let Some(top) = l.get(0) else { return Ok(a[1].clone()) };
    if !before(vm, max, &top, &a[1])? {
        return Ok(a[1].clone());
    }
    if l.is_empty() {
        return Err(index_error("index out of range"));
    }
    let ret = l.set(0, a[1].clone());
    siftup(vm, max, l, 0)?;
    Ok(ret)
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    push(vm, &args, "heappush", false)
}
fn heappush_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    push(vm, &args, "heappush_max", true)
}
fn heappop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, "heappop", false)
}
fn heappop_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pop(vm, &args, "heappop_max", true)
}
fn heapify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, &args, "heapify", false)
}
fn heapify_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    heapify_impl(vm, &args, "heapify_max", true)
}
fn heapreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace(vm, &args, "heapreplace", false)
}
fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    replace(vm, &args, "heapreplace_max", true)
}
fn heappushpop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pushpop(vm, &args, "heappushpop", false)
}
fn heappushpop_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pushpop(vm, &args, "heappushpop_max", true)
}
