//! The smaller built-in types: range, slice, function, code, property, staticmethod,
//! classmethod, super, generator, and the iterator types.

use super::argparse;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::interp::generator::{self, GeneratorObj};
use crate::objects::func::{Args, NativeFn};
use crate::objects::iter::{new_iterator, IterState};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn range_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("index", range_index), ("count", range_count), ("__len__", any_len), ("__iter__", any_iter), ("__contains__", any_contains), ("__getitem__", any_getitem)]
}

pub fn slice_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("indices", slice_indices)]
}

pub fn function_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__get__", function_get)]
}

pub fn code_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("co_lines", co_lines), ("co_positions", co_positions)]
}

pub fn property_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("getter", property_getter), ("setter", property_setter), ("deleter", property_deleter), ("__get__", property_get), ("__set__", property_set)]
}

pub fn staticmethod_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__get__", staticmethod_get)]
}

pub fn classmethod_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__get__", classmethod_get)]
}

pub fn super_methods() -> Vec<(&'static str, NativeFn)> {
    vec![]
}

pub fn generator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__next__", iter_next), ("__iter__", iter_self)]
}

pub fn iterator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__next__", iter_next), ("__iter__", iter_self)]
}

fn any_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(vm.len(s)?))
}

fn any_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn any_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn any_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

/// `range(stop)` / `range(start, stop[, step])`.
pub fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("range", &args)?;
    let pos = &args.pos()[1..];
    let ints: Vec<i64> = pos.iter().map(|v| argparse::int_arg(vm, v)).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(type_error("range expected at least 1 argument, got 0")),
        _ => return Err(type_error(format!("range expected at most 3 arguments, got {}", pos.len()))),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(range::new_range(start, stop, step))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("index", &args, 1, 1)?;
    let r = s.downcast::<RangeObj>().ok_or_else(|| type_error("descriptor 'index' requires a 'range' object"))?;
    if let Some(i) = rest[0].as_int().and_then(|i| i.to_i64()) {
        if crate::runtime::ops::range_contains(r, i) {
            return Ok(Value::int((i - r.start) / r.step));
        }
    }
    Err(value_error(format!("{} is not in range", vm.repr_string(&rest[0])?)))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("count", &args, 1, 1)?;
    Ok(Value::small_int(vm.contains(s, &rest[0])? as i64))
}

pub fn slice_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("slice", &args)?;
    let pos = &args.pos()[1..];
    Ok(match pos {
        [stop] => range::new_slice(Value::NONE, stop.clone(), Value::NONE),
        [start, stop] => range::new_slice(start.clone(), stop.clone(), Value::NONE),
        [start, stop, step] => range::new_slice(start.clone(), stop.clone(), step.clone()),
        [] => return Err(type_error("slice expected at least 1 argument, got 0")),
        _ => return Err(type_error(format!("slice expected at most 3 arguments, got {}", pos.len()))),
    })
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("indices", &args, 1, 1)?;
    let sl = s.downcast::<SliceObj>().ok_or_else(|| type_error("descriptor 'indices' requires a 'slice' object"))?;
    let n = argparse::int_arg(vm, &rest[0])?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let si = crate::runtime::subscript::slice_indices(vm, sl, n as usize)?;
    Ok(tuple::new_tuple(vec![Value::int(si.start), Value::int(si.stop), Value::int(si.step)]))
}

fn function_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__get__", &args, 1, 2)?;
    if rest[0].is_none() {
        return Ok(s.clone());
    }
    Ok(func::new_bound_method(s.clone(), rest[0].clone()))
}

fn co_lines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("co_lines", &args, 0, 0)?;
    let c = s.downcast::<CodeObj>().ok_or_else(|| type_error("descriptor 'co_lines' requires a 'code' object"))?;
    let items: Vec<Value> = c.co_lines().into_iter().map(|(a, b, l)| {
        tuple::new_tuple(vec![Value::int(a as i64), Value::int(b as i64), l.map_or(Value::NONE, |l| Value::int(l as i64))])
    }).collect();
    let l = list::new_list(items);
    vm.iter(&l)
}

fn co_positions(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("co_positions", &args, 0, 0)?;
    let c = s.downcast::<CodeObj>().ok_or_else(|| type_error("descriptor 'co_positions' requires a 'code' object"))?;
    let opt = |x: i32| if x > 0 || (x == 0 && false) { Value::int(x as i64) } else { Value::NONE };
    let items: Vec<Value> = c.positions.iter().map(|p| {
        if p.line <= 0 {
            tuple::new_tuple(vec![Value::NONE, Value::NONE, Value::NONE, Value::NONE])
        } else {
            tuple::new_tuple(vec![opt(p.line), opt(p.end_line), Value::int(p.col as i64), Value::int(p.end_col as i64)])
        }
    }).collect();
    let l = list::new_list(items);
    vm.iter(&l)
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
pub fn property_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, s, d, doc] = argparse::kwargs("property", &args, ["fget", "fset", "fdel", "doc"])?;
    let pos = &args.pos()[1..];
    let pick = |i: usize, kw: Option<&Value>| pos.get(i).or(kw).cloned().unwrap_or(Value::NONE);
    let fget = pick(0, g);
    let mut docv = pick(3, doc);
    if docv.is_none() {
        if let Some(f) = fget.downcast::<FunctionObj>() {
            docv = f.doc.get();
        }
    }
    Ok(descr::new_property(fget, pick(1, s), pick(2, d), docv))
}

fn prop<'a>(v: &'a Value) -> PyResult<&'a PropertyObj> {
    v.downcast::<PropertyObj>().ok_or_else(|| type_error("descriptor requires a 'property' object"))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("getter", &args, 1, 1)?;
    let p = prop(s)?;
    Ok(descr::new_property(rest[0].clone(), p.fset.clone(), p.fdel.clone(), p.doc.get()))
}

fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("setter", &args, 1, 1)?;
    let p = prop(s)?;
    Ok(descr::new_property(p.fget.clone(), rest[0].clone(), p.fdel.clone(), p.doc.get()))
}

fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("deleter", &args, 1, 1)?;
    let p = prop(s)?;
    Ok(descr::new_property(p.fget.clone(), p.fset.clone(), rest[0].clone(), p.doc.get()))
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__get__", &args, 1, 2)?;
    if rest[0].is_none() {
        return Ok(s.clone());
    }
    let fget = prop(s)?.fget.clone();
    if fget.is_none() {
        return Err(PyErr::new(ExcKind::AttributeError, "property has no getter"));
    }
    vm.call(&fget, &rest[..1])
}

fn property_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__set__", &args, 2, 2)?;
    let fset = prop(s)?.fset.clone();
    if fset.is_none() {
        return Err(PyErr::new(ExcKind::AttributeError, "property has no setter"));
    }
    vm.call(&fset, rest)?;
    Ok(Value::NONE)
}

pub fn staticmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    if pos.len() != 1 || args.has_kwargs() {
        return Err(type_error(format!("staticmethod expected 1 argument, got {}", pos.len())));
    }
    Ok(descr::new_staticmethod(pos[0].clone()))
}

pub fn classmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    if pos.len() != 1 || args.has_kwargs() {
        return Err(type_error(format!("classmethod expected 1 argument, got {}", pos.len())));
    }
    Ok(descr::new_classmethod(pos[0].clone()))
}

fn staticmethod_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__get__", &args, 1, 2)?;
    Ok(s.downcast::<StaticMethodObj>().map(|m| m.func.clone()).unwrap_or(Value::NONE))
}

fn classmethod_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__get__", &args, 1, 2)?;
    let f = s.downcast::<ClassMethodObj>().map(|m| m.func.clone()).unwrap_or(Value::NONE);
    let owner = match rest.get(1) {
        Some(t) if !t.is_none() => t.clone(),
        _ => vm.type_of(&rest[0]),
    };
    Ok(func::new_bound_method(f, owner))
}

/// `super()` / `super(type, obj)`.
pub fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("super", &args)?;
    let pos = &args.pos()[1..];
    match pos {
        [] => crate::runtime::classes::zero_arg_super(vm),
        [t, o] => crate::runtime::classes::new_super_object(vm, t, o),
        [_] => Err(type_error("monjit supports only super() and super(type, obj)")),
        _ => Err(type_error(format!("super() takes at most 2 arguments ({} given)", pos.len()))),
    }
}

fn self_gen<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Value> {
    if v.is::<GeneratorObj>() {
        Ok(v)
    } else {
        Err(type_error(format!("descriptor '{name}' for 'generator' objects doesn't apply to a '{}' object", vm.type_name(v))))
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("send", &args, 1, 1)?;
    let g = self_gen(vm, s, "send")?.clone();
    match generator::resume(vm, &g, rest[0].clone(), None)? {
        generator::SendResult::Yielded(v) => Ok(v),
        generator::SendResult::Returned(v) => Err(crate::runtime::exceptions::stop_iteration_with(vm, v)),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("throw", &args, 1, 3)?;
    let g = self_gen(vm, s, "throw")?.clone();
    let mut exc = rest[0].clone();
    if crate::runtime::exceptions::is_exception_class(vm, &exc) {
        let a: Vec<Value> = rest.get(1).filter(|v| !v.is_none()).into_iter().cloned().collect();
        exc = vm.call(&exc, &a)?;
    } else if !exc.is::<ExceptionObj>() {
        return Err(type_error("exceptions must be classes or instances deriving from BaseException, not ".to_string() + &vm.type_name(&exc)));
    }
    generator::gen_throw(vm, &g, PyErr::Obj(exc))
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("close", &args, 0, 0)?;
    let g = self_gen(vm, s, "close")?.clone();
    generator::gen_close(vm, &g)
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__next__", &args, 0, 0)?;
    if s.is::<GeneratorObj>() {
        return match generator::resume(vm, s, Value::NONE, None)? {
            generator::SendResult::Yielded(v) => Ok(v),
            generator::SendResult::Returned(v) => Err(crate::runtime::exceptions::stop_iteration_with(vm, v)),
        };
    }
    match vm.next(s)? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(ExcKind::StopIteration)),
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    Ok(s.clone())
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [it_kw, start_kw] = argparse::kwargs("enumerate", &args, ["iterable", "start"])?;
    let pos = &args.pos()[1..];
    let iterable = pos.first().or(it_kw).ok_or_else(|| type_error("enumerate() missing required argument 'iterable'"))?;
    let start = pos.get(1).or(start_kw).cloned().unwrap_or(Value::small_int(0));
    if start.as_int().is_none() {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&start))));
    }
    let it = vm.iter(iterable)?;
    Ok(new_iterator(IterState::Enumerate { it, count: start }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [strict] = argparse::kwargs("zip", &args, ["strict"])?;
    let strict = match strict {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, x) in args.pos()[1..].iter().enumerate() {
        its.push(vm.iter(x).map_err(|e| {
            if vm.error_is(&e, ExcKind::TypeError) {
                type_error(format!("'{}' object is not iterable", vm.type_name(x)))
            } else {
                e
            }
        }).map_err(|e| { let _ = i; e })?);
    }
    Ok(new_iterator(IterState::Zip { its, strict }))
}

/// `map(func, *iterables)`.
pub fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("map", &args)?;
    let pos = &args.pos()[1..];
    if pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for x in &pos[1..] {
        its.push(vm.iter(x)?);
    }
    Ok(new_iterator(IterState::Map { func: pos[0].clone(), its }))
}

/// `filter(function or None, iterable)`.
pub fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("filter", &args)?;
    let pos = &args.pos()[1..];
    if pos.len() != 2 {
        return Err(type_error(format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let it = vm.iter(&pos[1])?;
    Ok(new_iterator(IterState::Filter { func: pos[0].clone(), it }))
}

/// `reversed(sequence)`.
pub fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("reversed", &args)?;
    let pos = &args.pos()[1..];
    if pos.len() != 1 {
        return Err(type_error(format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = &pos[0];
    if let Some(l) = seq.downcast::<ListObj>() {
        return Ok(new_iterator(IterState::ListReverse { seq: seq.clone(), remaining: l.len() }));
    }
    if let Some(t) = seq.as_tuple() {
        return Ok(new_iterator(IterState::ListReverse { seq: seq.clone(), remaining: t.len() }));
    }
    if let Some(s) = seq.downcast::<StrObj>() {
        return Ok(new_iterator(IterState::ListReverse { seq: seq.clone(), remaining: s.char_len() }));
    }
    if let Some(r) = seq.downcast::<RangeObj>() {
        let last = r.start + (r.len - 1) * r.step;
        return Ok(new_iterator(IterState::Range { next: last, step: -r.step, remaining: r.len }));
    }
    if seq.is::<DictObj>() || seq.is::<DictViewObj>() {
        let items = vm.collect(seq)?;
        let l = list::new_list(items);
        let n = vm.len(&l)?;
        return Ok(new_iterator(IterState::ListReverse { seq: l, remaining: n }));
    }
    if crate::runtime::ops::is_user_object(seq) {
        let rv = vm.names.dunder_reversed.clone();
        if let Some(m) = vm.lookup_special(seq, &rv) {
            return vm.call_method_value(&m, seq, &[]);
        }
        let gi = vm.names.dunder_getitem.clone();
        let ln = vm.names.dunder_len.clone();
        if vm.lookup_special(seq, &gi).is_some() && vm.lookup_special(seq, &ln).is_some() {
            let n = vm.len(seq)?;
            return Ok(new_iterator(IterState::Reversed { seq: seq.clone(), remaining: n }));
        }
    }
    Err(type_error(format!("'{}' object is not reversible", vm.type_name(seq))))
}

