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
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("index", range_index),
        ("count", range_count),
        ("__len__", range_len),
        ("__iter__", any_iter),
        ("__contains__", range_contains),
        ("__getitem__", any_getitem),
        ("__reversed__", range_reversed),
    ];
    v.extend(range_operator_methods());
    v
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

fn any_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn any_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

/// An argument as an exact int through `__index__` (`'float' object cannot be
/// interpreted as an integer`).
pub fn index_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.as_int().is_some() {
        return Ok(if v.is_bool() { Value::small_int(v.as_int().and_then(|i| i.to_i64()).unwrap_or(0)) } else { v.clone() });
    }
    if crate::runtime::ops::is_user_object(v) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(v, &name) {
            let r = vm.call_method_value(&m, v, &[])?;
            if r.as_int().is_none() {
                return Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r))));
            }
            return Ok(r);
        }
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
}

/// `range(stop)` / `range(start, stop[, step])`.
pub fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("range", &args)?;
    let pos = &args.pos()[1..];
    let n = pos.len();
    if n == 0 || n > 3 {
        let msg = if n == 0 { "range expected at least 1 argument, got 0".to_string() } else { format!("range expected at most 3 arguments, got {n}") };
        return Err(type_error(msg));
    }
    let mut ints = Vec::with_capacity(n);
    for v in pos {
        ints.push(index_int(vm, v)?);
    }
    let small: Vec<i64> = ints.iter().filter_map(|v| v.as_int().and_then(|i| i.to_i64())).collect();
    if small.len() == n {
        let (start, stop, step) = match small[..] {
            [stop] => (0, stop, 1),
            [start, stop] => (start, stop, 1),
            [start, stop, step, ..] => (start, stop, step),
            [] => (0, 0, 1),
        };
        if step == 0 {
            return Err(value_error("range() arg 3 must not be zero"));
        }
        return Ok(range::new_range(start, stop, step));
    }
    let big: Vec<num_bigint::BigInt> = ints.iter().filter_map(|v| v.as_int().map(|i| i.to_bigint())).collect();
    let one = num_bigint::BigInt::from(1);
    let (start, stop, step) = match &big[..] {
        [stop] => (num_bigint::BigInt::from(0), stop.clone(), one),
        [start, stop] => (start.clone(), stop.clone(), one),
        [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
        [] => return Err(type_error("range expected at least 1 argument, got 0")),
    };
    if num_traits::Zero::is_zero(&step) {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(range::new_range_big(start, stop, step))
}

fn self_range<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a RangeObj> {
    v.downcast::<RangeObj>().ok_or_else(|| type_error(format!("descriptor '{name}' for 'range' objects doesn't apply to a '{}' object", vm.type_name(v))))
}

/// Exact ints (and bools) are found by arithmetic; anything else by comparing items.
fn range_int_key(v: &Value) -> Option<crate::objects::int::IntRef<'_>> {
    if v.is_int_exact() || v.is_bool() { v.as_int() } else { None }
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("index", &args, 1, 1)?;
    let r = self_range(vm, s, "index")?;
    if let Some(i) = range_int_key(&rest[0]) {
        return r.index_of(i).ok_or_else(|| value_error("range.index(x): x not in range"));
    }
    let it = vm.iter(s)?;
    let mut k = 0usize;
    while let Some(x) = vm.next(&it)? {
        if x.is_same(&rest[0]) || vm.eq_bool(&x, &rest[0])? {
            return Ok(Value::int_from_usize(k));
        }
        k += 1;
    }
    Err(value_error("range.index(x): x not in range"))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("count", &args, 1, 1)?;
    let r = self_range(vm, s, "count")?;
    if let Some(i) = range_int_key(&rest[0]) {
        return Ok(Value::small_int(r.contains_int(i) as i64));
    }
    let it = vm.iter(s)?;
    let mut c = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is_same(&rest[0]) || vm.eq_bool(&x, &rest[0])? {
            c += 1;
        }
    }
    Ok(Value::int(c))
}

fn range_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__reversed__", &args, 0, 0)?;
    let r = self_range(vm, s, "__reversed__")?;
    let rev = r.reversed();
    vm.iter(&rev)
}

fn range_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    let r = self_range(vm, s, "__contains__")?;
    if let Some(i) = range_int_key(&rest[0]) {
        return Ok(Value::bool(r.contains_int(i)));
    }
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn range_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_range(vm, s, "__len__")?.length()?))
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
    let n = index_int(vm, &rest[0])?;
    let n = n.as_int().map(|i| i.to_bigint()).unwrap_or_default();
    if num_traits::Signed::is_negative(&n) {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step) = crate::runtime::subscript::slice_indices_big(vm, sl, &n)?;
    Ok(tuple::new_tuple(vec![Value::big_int(start), Value::big_int(stop), Value::big_int(step)]))
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
    let opt = |x: i32| if x > 0 { Value::int(x as i64) } else { Value::NONE };
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

fn prop(v: &Value) -> PyResult<&PropertyObj> {
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
    if pos.len() + args.kwnames.len() > 2 {
        return Err(type_error(format!("enumerate() takes at most 2 arguments ({} given)", pos.len() + args.kwnames.len())));
    }
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
    let pos = &args.pos()[1..];
    let mut its = Vec::with_capacity(pos.len());
    for x in pos {
        its.push(vm.iter(x)?);
    }
    Ok(new_iterator(IterState::Zip { its, strict }))
}

/// `map(func, *iterables, strict=False)`.
pub fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [strict] = argparse::kwargs("map", &args, ["strict"])?;
    let strict = match strict {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let pos = &args.pos()[1..];
    if pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(pos.len() - 1);
    for x in &pos[1..] {
        its.push(vm.iter(x)?);
    }
    Ok(new_iterator(IterState::Map { func: pos[0].clone(), its, strict }))
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
    if let Some(b) = seq.as_bytes() {
        // bytes has no __reversed__: CPython's `reversed` indexes it.
        return Ok(new_iterator(IterState::Reversed { seq: seq.clone(), remaining: b.len() }));
    }
    if let Some(r) = seq.downcast::<RangeObj>() {
        let rev = r.reversed();
        return Ok(new_iterator(crate::runtime::iter::range_iter_state(&rev)));
    }
    if seq.is::<DictObj>() || seq.is::<DictViewObj>() {
        return super::dict::reversed_view(vm, seq);
    }
    if crate::runtime::ops::is_user_object(seq) {
        let rv = vm.names.dunder_reversed.clone();
        if let Some(m) = vm.lookup_special(seq, &rv) {
            if m.is_none() {
                return Err(type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
            }
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


/// A built-in method's (self, arguments) with CPython 3.14's messages, which name the
/// owning type: `list.append() takes exactly one argument (0 given)`,
/// `pop expected at most 1 argument, got 2`, `unbound method set.add() needs an argument`.
pub fn method_args<'a>(owner: &str, name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let Some((s, rest)) = pos.split_first() else {
        return Err(type_error(format!("unbound method {owner}.{name}() needs an argument")));
    };
    let n = rest.len();
    if n >= min && n <= max {
        // An instance of a subclass of the method's type: the method works on its
        // contents (any other receiver is refused by the method, by its own type's name).
        let inner = crate::objects::class::builtin_value(s);
        let own = match owner {
            "list" => inner.is::<ListObj>(),
            "dict" => inner.is::<DictObj>(),
            "tuple" => inner.is::<TupleObj>(),
            "str" => inner.is::<StrObj>(),
            "set" | "frozenset" => inner.is::<SetObj>(),
            _ => true,
        };
        return Ok((if own { inner } else { s }, rest));
    }
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = if matches!(name, "__len__" | "__iter__" | "__next__" | "__reversed__") {
        format!("expected {min} {}, got {n}", plural(min))
    } else if min == max && min == 0 {
        format!("{owner}.{name}() takes no arguments ({n} given)")
    } else if min == max && min == 1 {
        format!("{owner}.{name}() takes exactly one argument ({n} given)")
    } else if min == max {
        format!("{name} expected {min} arguments, got {n}")
    } else if n < min {
        format!("{name} expected at least {min} {}, got {n}", plural(min))
    } else {
        format!("{name} expected at most {max} {}, got {n}", plural(max))
    };
    Err(type_error(msg))
}

/// A method called on the wrong type: slot wrappers (`__len__`...) and ordinary methods
/// word it differently in CPython.
pub fn descr_error(vm: &Vm, owner: &str, name: &str, v: &Value) -> PyErr {
    if name.starts_with("__") && !matches!(name, "__getitem__" | "__contains__" | "__reversed__" | "__sizeof__" | "__class_getitem__") {
        type_error(format!("descriptor '{name}' requires a '{owner}' object but received a '{}'", vm.type_name(v)))
    } else {
        type_error(format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object", vm.type_name(v)))
    }
}

// ------------------------------------------------------------ operator dunders
//
// `[1].__add__([2])`, `{1}.__or__(s)`, `(1,).__lt__(t)`...: the operator methods of the
// built-in containers. Each checks its operand the way the C slot does and answers
// NotImplemented for others; the work is the operator itself.

use crate::bytecode::BinaryOpArg as B;
use crate::runtime::ops::CmpOp;

/// Which operands an operator method accepts.
#[derive(Clone, Copy)]
pub enum Accepts {
    List,
    Tuple,
    Dict,
    AnySet,
    Range,
    /// Anything (in-place list concatenation, `dict |=`).
    Any,
    /// A repetition count (anything else goes through `__index__`).
    Index,
}

fn accepts(a: Accepts, v: &Value) -> bool {
    match a {
        Accepts::List => v.is::<ListObj>(),
        Accepts::Tuple => v.is::<TupleObj>(),
        Accepts::Dict => v.is::<DictObj>(),
        Accepts::AnySet => v.is::<SetObj>(),
        Accepts::Range => v.is::<RangeObj>(),
        Accepts::Any => true,
        Accepts::Index => v.as_int().is_some(),
    }
}

/// What an operator method is: its owner and name, the operand kinds it takes, and
/// the operator (applied as `other op self` when `reflected`).
pub struct OpMethod {
    pub owner: &'static str,
    pub name: &'static str,
    pub this: Accepts,
    pub other: Accepts,
    pub op: B,
    pub reflected: bool,
}

/// `self.__op__(other)`.
pub fn binop_method(vm: &mut Vm, args: Args, m: &OpMethod) -> PyResult<Value> {
    let OpMethod { owner, name, this, other, op, reflected } = *m;
    let (s, rest) = method_args(owner, name, &args, 1, 1)?;
    if !accepts(this, s) {
        return Err(descr_error(vm, owner, name, s));
    }
    let o = crate::objects::class::builtin_value(&rest[0]);
    // Repetition counts go through `__index__` (its TypeError stands, as sq_repeat's).
    let o = if matches!(other, Accepts::Index) {
        index_int(vm, o)?
    } else if accepts(other, o) {
        o.clone()
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let r = if reflected { vm.binary_op(&o, s, op)? } else { vm.binary_op(s, &o, op)? };
    // In-place operators return self: the subclass instance, not its contents.
    Ok(if r.is_same(s) { args.pos()[0].clone() } else { r })
}

/// `self.__lt__(other)` and friends.
pub fn cmp_method(vm: &mut Vm, args: Args, owner: &str, name: &str, kind: Accepts, op: CmpOp) -> PyResult<Value> {
    let (s, rest) = method_args(owner, name, &args, 1, 1)?;
    if !accepts(kind, s) {
        return Err(descr_error(vm, owner, name, s));
    }
    let o = crate::objects::class::builtin_value(&rest[0]);
    if !accepts(kind, o) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.rich_compare(s, o, op)
}

/// `self.__hash__()` for the hashable containers.
pub fn hash_method(vm: &mut Vm, args: Args, owner: &str, kind: Accepts) -> PyResult<Value> {
    let (s, _) = method_args(owner, "__hash__", &args, 0, 0)?;
    if !accepts(kind, s) {
        return Err(descr_error(vm, owner, "__hash__", s));
    }
    Ok(Value::int(vm.hash(s)?))
}

macro_rules! binop_methods {
    ($($fname:ident: $owner:literal $name:literal $this:ident $other:ident $op:ident $refl:literal;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binop_method(vm, args, &OpMethod {
                owner: $owner,
                name: $name,
                this: Accepts::$this,
                other: Accepts::$other,
                op: B::$op,
                reflected: $refl,
            })
        })*
    };
}

macro_rules! cmp_methods {
    ($($fname:ident: $owner:literal $name:literal $kind:ident $op:ident;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            cmp_method(vm, args, $owner, $name, Accepts::$kind, CmpOp::$op)
        })*
    };
}

binop_methods! {
    list_add: "list" "__add__" List Any Add false;
    list_iadd: "list" "__iadd__" List Any InplaceAdd false;
    list_mul: "list" "__mul__" List Index Multiply false;
    list_rmul: "list" "__rmul__" List Index Multiply false;
    list_imul: "list" "__imul__" List Index InplaceMultiply false;
    tuple_add: "tuple" "__add__" Tuple Any Add false;
    tuple_mul: "tuple" "__mul__" Tuple Index Multiply false;
    tuple_rmul: "tuple" "__rmul__" Tuple Index Multiply false;
    dict_or: "dict" "__or__" Dict Dict Or false;
    dict_ror: "dict" "__ror__" Dict Dict Or true;
    dict_ior: "dict" "__ior__" Dict Any InplaceOr false;
    set_or: "set" "__or__" AnySet AnySet Or false;
    set_and: "set" "__and__" AnySet AnySet And false;
    set_sub: "set" "__sub__" AnySet AnySet Subtract false;
    set_xor: "set" "__xor__" AnySet AnySet Xor false;
    set_ror: "set" "__ror__" AnySet AnySet Or true;
    set_rand: "set" "__rand__" AnySet AnySet And true;
    set_rsub: "set" "__rsub__" AnySet AnySet Subtract true;
    set_rxor: "set" "__rxor__" AnySet AnySet Xor true;
    set_ior: "set" "__ior__" AnySet AnySet InplaceOr false;
    set_iand: "set" "__iand__" AnySet AnySet InplaceAnd false;
    set_isub: "set" "__isub__" AnySet AnySet InplaceSubtract false;
    set_ixor: "set" "__ixor__" AnySet AnySet InplaceXor false;
}

cmp_methods! {
    list_eq: "list" "__eq__" List Eq;
    list_ne: "list" "__ne__" List Ne;
    list_lt: "list" "__lt__" List Lt;
    list_le: "list" "__le__" List Le;
    list_gt: "list" "__gt__" List Gt;
    list_ge: "list" "__ge__" List Ge;
    tuple_eq: "tuple" "__eq__" Tuple Eq;
    tuple_ne: "tuple" "__ne__" Tuple Ne;
    tuple_lt: "tuple" "__lt__" Tuple Lt;
    tuple_le: "tuple" "__le__" Tuple Le;
    tuple_gt: "tuple" "__gt__" Tuple Gt;
    tuple_ge: "tuple" "__ge__" Tuple Ge;
    dict_eq: "dict" "__eq__" Dict Eq;
    dict_ne: "dict" "__ne__" Dict Ne;
    set_eq: "set" "__eq__" AnySet Eq;
    set_ne: "set" "__ne__" AnySet Ne;
    set_lt: "set" "__lt__" AnySet Lt;
    set_le: "set" "__le__" AnySet Le;
    set_gt: "set" "__gt__" AnySet Gt;
    set_ge: "set" "__ge__" AnySet Ge;
    range_eq: "range" "__eq__" Range Eq;
    range_ne: "range" "__ne__" Range Ne;
}

fn tuple_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hash_method(vm, args, "tuple", Accepts::Tuple)
}

fn frozenset_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hash_method(vm, args, "frozenset", Accepts::AnySet)
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hash_method(vm, args, "range", Accepts::Range)
}

pub fn list_operator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__add__", list_add as NativeFn), ("__iadd__", list_iadd), ("__mul__", list_mul), ("__rmul__", list_rmul),
        ("__imul__", list_imul), ("__eq__", list_eq), ("__ne__", list_ne), ("__lt__", list_lt), ("__le__", list_le),
        ("__gt__", list_gt), ("__ge__", list_ge),
    ]
}

pub fn tuple_operator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__add__", tuple_add as NativeFn), ("__mul__", tuple_mul), ("__rmul__", tuple_rmul), ("__eq__", tuple_eq),
        ("__ne__", tuple_ne), ("__lt__", tuple_lt), ("__le__", tuple_le), ("__gt__", tuple_gt), ("__ge__", tuple_ge),
        ("__hash__", tuple_hash),
    ]
}

pub fn dict_operator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__or__", dict_or as NativeFn), ("__ror__", dict_ror), ("__ior__", dict_ior), ("__eq__", dict_eq), ("__ne__", dict_ne)]
}

/// Operators shared by set and frozenset (the in-place ones are set's only).
pub fn set_operator_methods(frozen: bool) -> Vec<(&'static str, NativeFn)> {
    let mut v = vec![
        ("__or__", set_or as NativeFn), ("__and__", set_and), ("__sub__", set_sub), ("__xor__", set_xor),
        ("__ror__", set_ror), ("__rand__", set_rand), ("__rsub__", set_rsub), ("__rxor__", set_rxor),
        ("__eq__", set_eq), ("__ne__", set_ne), ("__lt__", set_lt), ("__le__", set_le), ("__gt__", set_gt), ("__ge__", set_ge),
    ];
    if frozen {
        v.push(("__hash__", frozenset_hash));
    } else {
        v.extend([("__ior__", set_ior as NativeFn), ("__iand__", set_iand), ("__isub__", set_isub), ("__ixor__", set_ixor)]);
    }
    v
}

pub fn range_operator_methods() -> Vec<(&'static str, NativeFn)> {
    vec![("__eq__", range_eq as NativeFn), ("__ne__", range_ne), ("__hash__", range_hash)]
}
