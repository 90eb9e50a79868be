//! The `_bisect` module (C in CPython): binary search and insertion into sorted
//! sequences, with `lo`, `hi` and `key`, comparing exactly as CPython does (`x <
//! key(a[mid])` to the right, `key(a[mid]) < x` to the left).

use crate::error::{type_error, value_error, PyResult};
use crate::objects::func::Args;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ]);
}

struct Call {
    a: Value,
    x: Value,
    lo: usize,
    hi: Option<usize>,
    key: Value,
}

/// Binds `(a, x, lo=0, hi=None, *, key=None)` with argument clinic's messages.
fn bind(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Call> {
    let pos = args.pos();
    if pos.len() > 4 {
        return Err(type_error(format!("{name}() takes at most 4 positional arguments ({} given)", pos.len())));
    }
    let names = ["a", "x", "lo", "hi", "key"];
    let mut vals: [Option<Value>; 5] = Default::default();
    for (i, v) in pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let i = names.iter().position(|n| *n == k).ok_or_else(|| type_error(format!("{name}() got an unexpected keyword argument '{k}'")))?;
        if vals[i].is_some() {
            return Err(type_error(format!("argument for {name}() given by name ('{k}') and position ({})", i + 1)));
        }
        vals[i] = Some(v.clone());
    }
    for i in 0..2 {
        if vals[i].is_none() {
            return Err(type_error(format!("{name}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    let lo = match &vals[2] {
        Some(v) => crate::builtins::argparse::int_arg(vm, v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let hi = match &vals[3] {
        Some(v) if !v.is_none() => Some(crate::builtins::argparse::int_arg(vm, v)?.max(0) as usize),
        _ => None,
    };
    let [a, x, _, _, key] = vals;
    Ok(Call { a: a.expect("bound"), x: x.expect("bound"), lo: lo as usize, hi, key: key.unwrap_or(Value::NONE) })
}

/// The insertion point of `x` (already keyed) in `c.a[lo:hi]`.
fn search(vm: &mut Vm, c: &Call, x: &Value, right: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (c.lo, match c.hi {
        Some(h) => h,
        None => vm.len(&c.a)?,
    });
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let idx = Value::int_from_usize(mid);
        let mut item = vm.getitem(&c.a, &idx)?;
        if !c.key.is_none() {
            item = vm.call(&c.key, &[item])?;
        }
        let go_left = if right { vm.compare_bool(x, &item, CmpOp::Lt)? } else { !vm.compare_bool(&item, x, CmpOp::Lt)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<Value> {
    let c = bind(vm, name, args)?;
    let x = c.x.clone();
    Ok(Value::int_from_usize(search(vm, &c, &x, right)?))
}

fn insort(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<Value> {
    let c = bind(vm, name, args)?;
    let keyed = if c.key.is_none() { c.x.clone() } else { vm.call(&c.key, std::slice::from_ref(&c.x))? };
    let i = search(vm, &c, &keyed, right)?;
    let idx = Value::int_from_usize(i);
    vm.call_method(&c.a, "insert", &[idx, c.x.clone()])?;
    Ok(Value::NONE)
}

fn bisect_right(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bisect(vm, &args, "bisect_right", true)
}
fn bisect_left(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bisect(vm, &args, "bisect_left", false)
}
fn insort_right(vm: &mut Vm, args: Args) -> PyResult<Value> {
    insort(vm, &args, "insort_right", true)
}
fn insort_left(vm: &mut Vm, args: Args) -> PyResult<Value> {
    insort(vm, &args, "insort_left", false)
}
