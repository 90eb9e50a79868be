//! The itertools iterators that keep a little state around one or two sources.

use super::{clinic, make, new_args, next_of, st, It};
use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// Positional-only arguments, checked as CPython's `_PyArg_CheckPositional` and
/// `_PyArg_NoKeywords` do: `takewhile expected 2 arguments, got 1`.
fn positional<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let (cls, pos) = new_args(args)?;
    if pos.len() < min || pos.len() > max {
        let n = if pos.len() < min { min } else { max };
        let qual = if min == max { "" } else if pos.len() < min { "at least " } else { "at most " };
        return Err(type_error(format!("{name} expected {qual}{n} argument{}, got {}", if n == 1 { "" } else { "s" }, pos.len())));
    }
    Ok((cls, pos))
}

// ------------------------------------------------------------------ constructors

/// CPython's `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if v.as_int().is_some() || v.as_float().is_some() || v.is_bool() {
        return true;
    }
    if crate::runtime::ops::is_user_object(v) {
        for n in ["__index__", "__int__", "__float__", "__complex__"] {
            let name = vm.intern(n);
            if vm.lookup_special(v, &name).is_some() {
                return true;
            }
        }
    }
    false
}

pub fn count_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [start, step] = clinic("count", &args, ["start", "step"], 0)?;
    let cls = &args.pos()[0];
    let start = start.cloned().unwrap_or(Value::int(0));
    let step = step.cloned().unwrap_or(Value::int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(type_error("a number is required"));
    }
    Ok(make(cls, It::Count { cur: start, step }))
}

pub fn count_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = super::self_arg(&args, "__repr__")?;
    let (cur, step) = match &*st(vm, s)? {
        It::Count { cur, step } => (cur.clone(), step.clone()),
        _ => return Err(type_error("count.__repr__ needs a count")),
    };
    let name = vm.type_name(s);
    let c = vm.repr_string(&cur)?;
    let text = if step.as_int().is_some_and(|i| i.to_i64() == Some(1)) && !step.is_bool() {
        format!("{name}({c})")
    } else {
        format!("{name}({c}, {})", vm.repr_string(&step)?)
    };
    Ok(vm.str_from_string(text))
}

pub fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pos) = positional("cycle", &args, 1, 1)?;
    let it = vm.iter(&pos[0])?;
    Ok(make(cls, It::Cycle { it, saved: Vec::new(), index: 0 }))
}

pub fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, times] = clinic("repeat", &args, ["object", "times"], 1)?;
    let remaining = match times {
        Some(t) => crate::builtins::argparse::int_arg(vm, t)?.max(0),
        None => -1,
    };
    Ok(make(&args.pos()[0], It::Repeat { obj: obj.expect("required").clone(), remaining }))
}

pub fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = super::self_arg(&args, "__repr__")?;
    let (obj, remaining) = match &*st(vm, s)? {
        It::Repeat { obj, remaining } => (obj.clone(), *remaining),
        _ => return Err(type_error("repeat.__repr__ needs a repeat")),
    };
    let name = vm.type_name(s);
    let o = vm.repr_string(&obj)?;
    let text = if remaining < 0 { format!("{name}({o})") } else { format!("{name}({o}, {remaining})") };
    Ok(vm.str_from_string(text))
}

pub fn repeat_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = super::self_arg(&args, "__length_hint__")?;
    match &*st(vm, s)? {
        It::Repeat { remaining, .. } if *remaining >= 0 => Ok(Value::int(*remaining)),
        _ => Err(type_error("len() of unsized object")),
    }
}

pub fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("chain() takes no keyword arguments"));
    }
    let (cls, pos) = new_args(&args)?;
    let source = vm.iter(&tuple::new_tuple(pos.to_vec()))?;
    Ok(make(cls, It::Chain { source, active: Value::NULL }))
}

pub fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if args.has_kwargs() || pos.len() != 2 {
        return Err(type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", pos.len().saturating_sub(1))));
    }
    let source = vm.iter(&pos[1])?;
    Ok(make(&pos[0], It::Chain { source, active: Value::NULL }))
}

/// `PyNumber_AsSsize_t` for islice's bounds: None when the value is not a usable index.
fn islice_index(vm: &mut Vm, v: &Value) -> Option<i64> {
    crate::builtins::argparse::int_arg(vm, v).ok()
}

pub fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pos) = positional("islice", &args, 2, 4)?;
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut step) = (0i64, 1i64);
    let bound = |vm: &mut Vm, v: &Value, msg: &str| -> PyResult<i64> {
        if v.is_none() {
            return Ok(-1);
        }
        islice_index(vm, v).filter(|&n| n >= 0).ok_or_else(|| value_error(msg))
    };
    let stop = if pos.len() == 2 {
        bound(vm, &pos[1], STOP)?
    } else {
        if !pos[1].is_none() {
            start = islice_index(vm, &pos[1]).unwrap_or(-1);
        }
        bound(vm, &pos[2], STOP)?
    };
    if start < 0 {
        return Err(value_error(INDICES));
    }
    if let Some(s) = pos.get(3)
        && !s.is_none()
    {
        step = islice_index(vm, s).unwrap_or(-1);
    }
    if step < 1 {
        return Err(value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(&pos[0])?;
    let stop = if stop < 0 { None } else { Some(stop as usize) };
    Ok(make(cls, It::Islice { it, next: start as usize, stop, step: step as usize, cnt: 0 }))
}

pub fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [iterable, func, initial] = clinic("accumulate", &args, ["iterable", "func", "initial"], 1)?;
    if args.pos().len() > 3 {
        return Err(type_error(format!("accumulate() takes at most 2 positional arguments ({} given)", args.pos().len() - 1)));
    }
    let it = vm.iter(iterable.expect("required"))?;
    let func = func.cloned().unwrap_or(Value::NONE);
    let initial = initial.filter(|v| !v.is_none()).cloned().unwrap_or(Value::NULL);
    Ok(make(&args.pos()[0], It::Accumulate { it, func, total: Value::NULL, initial }))
}

pub fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // CPython's message names no argument here.
    if args.kwargs().any(|(k, _)| k != "fillvalue") {
        return Err(type_error("zip_longest() got an unexpected keyword argument"));
    }
    let fill = args.kwarg("fillvalue");
    let (cls, pos) = new_args(&args)?;
    let its = pos.iter().map(|v| vm.iter(v)).collect::<PyResult<Vec<_>>>()?;
    let active = its.len();
    Ok(make(cls, It::ZipLongest { its, active, fill: fill.cloned().unwrap_or(Value::NONE) }))
}

/// The `(function, iterable, /)` constructors.
fn func_and_iter(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    let (_, pos) = positional(name, args, 2, 2)?;
    Ok((pos[0].clone(), vm.iter(&pos[1])?))
}

pub fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, &args, "starmap")?;
    Ok(make(&args.pos()[0], It::Starmap { func, it }))
}

pub fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pred, it) = func_and_iter(vm, &args, "takewhile")?;
    Ok(make(&args.pos()[0], It::TakeWhile { pred, it, stopped: false }))
}

pub fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pred, it) = func_and_iter(vm, &args, "dropwhile")?;
    Ok(make(&args.pos()[0], It::DropWhile { pred, it, started: false }))
}

pub fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pred, it) = func_and_iter(vm, &args, "filterfalse")?;
    Ok(make(&args.pos()[0], It::FilterFalse { pred, it }))
}

pub fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [data, selectors] = clinic("compress", &args, ["data", "selectors"], 2)?;
    let data = vm.iter(data.expect("required"))?;
    let selectors = vm.iter(selectors.expect("required"))?;
    Ok(make(&args.pos()[0], It::Compress { data, selectors }))
}

pub fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pos) = positional("pairwise", &args, 1, 1)?;
    let it = vm.iter(&pos[0])?;
    Ok(make(cls, It::Pairwise { it, old: Value::NULL }))
}

pub fn batched_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [iterable, n, strict] = clinic("batched", &args, ["iterable", "n", "strict"], 2)?;
    if args.pos().len() > 3 {
        return Err(type_error(format!("batched() takes at most 2 positional arguments ({} given)", args.pos().len() - 1)));
    }
    let n = crate::builtins::argparse::int_arg(vm, n.expect("required"))?;
    if n < 1 {
        return Err(value_error("n must be at least one"));
    }
    let strict = match strict {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let it = vm.iter(iterable.expect("required"))?;
    Ok(make(&args.pos()[0], It::Batched { it, n: n as usize, strict }))
}

// ------------------------------------------------------------------ steps

/// Takes a value out of the state (a clone; `NULL` stays `NULL`).
macro_rules! take {
    ($vm:expr, $s:expr, $pat:pat => $e:expr) => {
        match &mut *st($vm, $s)? {
            $pat => $e,
            _ => unreachable!("itertools state changed kind"),
        }
    };
}

/// The step of the iterators in this file; `state` is `s`'s, borrowed by the caller.
pub fn step(vm: &mut Vm, s: &Value, mut state: std::cell::RefMut<It>) -> PyResult<Option<Value>> {
    // Steps that run no Python code finish under the borrow.
    match &mut *state {
        It::Count { cur, step } => {
            if let (Some(a), Some(b)) = (cur.as_small_int(), step.as_small_int()) {
                let out = cur.clone();
                *cur = int::small_add(a, b);
                return Ok(Some(out));
            }
            let (c, d) = (cur.clone(), step.clone());
            drop(state);
            let n = vm.binary_op(&c, &d, B::Add)?;
            take!(vm, s, It::Count { cur, .. } => *cur = n);
            Ok(Some(c))
        }
        It::Repeat { obj, remaining } => match *remaining {
            0 => Ok(None),
            n => {
                if n > 0 {
                    *remaining -= 1;
                }
                Ok(Some(obj.clone()))
            }
        },
        It::Cycle { it, saved, index } => {
            if it.is_null() {
                if saved.is_empty() {
                    return Ok(None);
                }
                let v = saved[*index].clone();
                *index = (*index + 1) % saved.len();
                return Ok(Some(v));
            }
            let i = it.clone();
            drop(state);
            let got = vm.next(&i)?;
            take!(vm, s, It::Cycle { it, saved, index } => match got {
                Some(v) => {
                    saved.push(v.clone());
                    Ok(Some(v))
                }
                None => {
                    *it = Value::NULL;
                    if saved.is_empty() {
                        return Ok(None);
                    }
                    *index = 1 % saved.len();
                    Ok(Some(saved[0].clone()))
                }
            })
        }
        It::Chain { .. } => {
            drop(state);
            chain_step(vm, s)
        }
        It::Islice { .. } => {
            drop(state);
            islice_step(vm, s)
        }
        It::Accumulate { it, func, total, initial } => {
            if !initial.is_null() {
                let v = std::mem::replace(initial, Value::NULL);
                *total = v.clone();
                return Ok(Some(v));
            }
            let (i, f, t) = (it.clone(), func.clone(), total.clone());
            drop(state);
            let Some(v) = vm.next(&i)? else { return Ok(None) };
            let n = if t.is_null() {
                v
            } else if f.is_none() {
                vm.binary_op(&t, &v, B::Add)?
            } else {
                vm.call(&f, &[t, v])?
            };
            take!(vm, s, It::Accumulate { total, .. } => *total = n.clone());
            Ok(Some(n))
        }
        It::ZipLongest { its, active, .. } => {
            if *active == 0 || its.is_empty() {
                return Ok(None);
            }
            let n = its.len();
            drop(state);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let (it, fill) = take!(vm, s, It::ZipLongest { its, fill, .. } => (its[i].clone(), fill.clone()));
                match next_of(vm, &it)? {
                    Some(v) => out.push(v),
                    None => {
                        let done = take!(vm, s, It::ZipLongest { its, active, .. } => {
                            if !its[i].is_null() {
                                its[i] = Value::NULL;
                                *active = active.saturating_sub(1);
                            }
                            *active == 0
                        });
                        if done {
                            return Ok(None);
                        }
                        out.push(fill);
                    }
                }
            }
            Ok(Some(tuple::new_tuple(out)))
        }
        It::Starmap { func, it } => {
            let (f, i) = (func.clone(), it.clone());
            drop(state);
            let Some(item) = vm.next(&i)? else { return Ok(None) };
            match item.as_tuple() {
                Some(t) => {
                    let t = t.to_vec();
                    vm.call(&f, &t).map(Some)
                }
                None => {
                    let items = vm.collect(&item)?;
                    vm.call(&f, &items).map(Some)
                }
            }
        }
        It::TakeWhile { pred, it, stopped } => {
            if *stopped {
                return Ok(None);
            }
            let (p, i) = (pred.clone(), it.clone());
            drop(state);
            let Some(v) = vm.next(&i)? else { return Ok(None) };
            let ok = vm.call(&p, std::slice::from_ref(&v))?;
            if vm.truthy(&ok)? {
                return Ok(Some(v));
            }
            take!(vm, s, It::TakeWhile { stopped, .. } => *stopped = true);
            Ok(None)
        }
        It::DropWhile { pred, it, started } => {
            let (p, i, on) = (pred.clone(), it.clone(), *started);
            drop(state);
            loop {
                let Some(v) = vm.next(&i)? else { return Ok(None) };
                if on {
                    return Ok(Some(v));
                }
                let ok = vm.call(&p, std::slice::from_ref(&v))?;
                if !vm.truthy(&ok)? {
                    take!(vm, s, It::DropWhile { started, .. } => *started = true);
                    return Ok(Some(v));
                }
            }
        }
        It::FilterFalse { pred, it } => {
            let (p, i) = (pred.clone(), it.clone());
            drop(state);
            loop {
                let Some(v) = vm.next(&i)? else { return Ok(None) };
                let keep = if p.is_none() {
                    !vm.truthy(&v)?
                } else {
                    let r = vm.call(&p, std::slice::from_ref(&v))?;
                    !vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        It::Compress { data, selectors } => {
            let (d, sel) = (data.clone(), selectors.clone());
            drop(state);
            loop {
                let Some(v) = next_of(vm, &d)? else { return Ok(None) };
                let Some(ok) = next_of(vm, &sel)? else { return Ok(None) };
                if vm.truthy(&ok)? {
                    return Ok(Some(v));
                }
            }
        }
        It::Pairwise { it, old } => {
            let (i, mut o) = (it.clone(), old.clone());
            drop(state);
            if i.is_null() {
                return Ok(None);
            }
            if o.is_null() {
                match vm.next(&i)? {
                    Some(v) => {
                        o = v.clone();
                        take!(vm, s, It::Pairwise { old, .. } => *old = v);
                    }
                    None => {
                        take!(vm, s, It::Pairwise { it, .. } => *it = Value::NULL);
                        return Ok(None);
                    }
                }
            }
            match vm.next(&i)? {
                Some(n) => {
                    take!(vm, s, It::Pairwise { old, .. } => *old = n.clone());
                    Ok(Some(tuple::new_tuple(vec![o, n])))
                }
                None => {
                    take!(vm, s, It::Pairwise { it, old } => {
                        *it = Value::NULL;
                        *old = Value::NULL;
                    });
                    Ok(None)
                }
            }
        }
        It::Batched { it, n, strict } => {
            let (i, n, strict) = (it.clone(), *n, *strict);
            drop(state);
            if i.is_null() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(n.min(1024));
            while out.len() < n {
                match vm.next(&i)? {
                    Some(v) => out.push(v),
                    None => break,
                }
            }
            if out.len() < n {
                take!(vm, s, It::Batched { it, .. } => *it = Value::NULL);
                if out.is_empty() {
                    return Ok(None);
                }
                if strict {
                    return Err(PyErr::new(ExcKind::ValueError, "batched(): incomplete batch"));
                }
            }
            Ok(Some(tuple::new_tuple(out)))
        }
        _ => unreachable!("dispatched by super::step"),
    }
}

fn chain_step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    loop {
        let (source, active) = take!(vm, s, It::Chain { source, active } => (source.clone(), active.clone()));
        if !active.is_null() {
            if let Some(v) = vm.next(&active)? {
                return Ok(Some(v));
            }
            take!(vm, s, It::Chain { active, .. } => *active = Value::NULL);
        }
        if source.is_null() {
            return Ok(None);
        }
        match vm.next(&source)? {
            None => {
                take!(vm, s, It::Chain { source, .. } => *source = Value::NULL);
                return Ok(None);
            }
            Some(iterable) => {
                let it = vm.iter(&iterable)?;
                take!(vm, s, It::Chain { active, .. } => *active = it);
            }
        }
    }
}

fn islice_step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    let (it, stop) = take!(vm, s, It::Islice { it, stop, .. } => (it.clone(), *stop));
    if it.is_null() {
        return Ok(None);
    }
    let empty = |vm: &mut Vm| -> PyResult<Option<Value>> {
        take!(vm, s, It::Islice { it, .. } => *it = Value::NULL);
        Ok(None)
    };
    loop {
        let (cnt, next) = take!(vm, s, It::Islice { cnt, next, .. } => (*cnt, *next));
        if cnt >= next {
            break;
        }
        if vm.next(&it)?.is_none() {
            return empty(vm);
        }
        take!(vm, s, It::Islice { cnt, .. } => *cnt += 1);
    }
    let cnt = take!(vm, s, It::Islice { cnt, .. } => *cnt);
    if stop.is_some_and(|stop| cnt >= stop) {
        return empty(vm);
    }
    let Some(item) = vm.next(&it)? else { return empty(vm) };
    take!(vm, s, It::Islice { cnt, next, step, stop, .. } => {
        *cnt += 1;
        let old = *next;
        *next = next.saturating_add(*step);
        if let Some(stop) = *stop
            && (*next < old || *next > stop)
        {
            *next = stop;
        }
    });
    Ok(Some(item))
}
