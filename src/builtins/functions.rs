//! The built-in functions (`print`, `len`, `sorted`, ...).

use super::argparse::{self, exact, no_kwargs};
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::func::Args;
use crate::objects::int::{self, IntRef};
use crate::objects::iter::{new_iterator, IterState};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn functions() -> Vec<(&'static str, crate::objects::func::NativeFn)> {
    vec![
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("hash", hash),
        ("id", id),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("any", any),
        ("all", all),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("callable", callable),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("input", input),
        ("__build_class__", build_class),
        ("__import__", import),
        ("exit", exit),
        ("quit", exit),
    ]
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`: each piece is written
/// as soon as it is converted, as CPython does (a `__str__` that prints lands in order).
fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sep, end, file, flush] = argparse::kwargs("print", &args, ["sep", "end", "file", "flush"])?;
    let file = match file {
        Some(f) if !f.is_none() => f.clone(),
        _ => sys_stdout(vm)?,
    };
    if file.is_none() {
        return Ok(Value::NONE);
    }
    let sep = text_option(vm, sep, "sep")?;
    let end = text_option(vm, end, "end")?;
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            crate::runtime::io_objects::write_to(vm, &file, sep.as_deref().unwrap_or(" "))?;
        }
        let s = vm.str(a)?;
        crate::runtime::io_objects::write_to(vm, &file, s.as_str().unwrap_or(""))?;
    }
    crate::runtime::io_objects::write_to(vm, &file, end.as_deref().unwrap_or("\n"))?;
    if let Some(fl) = flush {
        if vm.truthy(fl)? {
            vm.call_method(&file, "flush", &[])?;
        }
    }
    Ok(Value::NONE)
}

/// `sep=`/`end=`: None means the default.
fn text_option(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(type_error(format!("{what} must be None or a string, not {}", vm.type_name(v)))),
        },
    }
}

/// The current `sys.stdout` (a program may replace it).
fn sys_stdout(vm: &mut Vm) -> PyResult<Value> {
    if vm.sys_module.is_none() {
        return Err(crate::error::runtime_error("lost sys.stdout"));
    }
    let k = vm.intern("stdout");
    vm.sys_dict().get_str(&k).ok_or_else(|| crate::error::runtime_error("lost sys.stdout"))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("len", &args, 1)?;
    Ok(Value::int_from_usize(vm.len(&a[0])?))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("repr", &args, 1)?;
    vm.repr(&a[0])
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("ascii", &args, 1)?;
    crate::runtime::strings::ascii(vm, &a[0])
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("hash", &args, 1)?;
    Ok(Value::int(vm.hash(&a[0])?))
}

fn id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("id", &args, 1)?;
    let v = &a[0];
    let id = if v.is_ptr() { v.bits() & crate::value::PAYLOAD_MASK } else { v.bits() >> 1 };
    Ok(Value::int_from_i128(id as i128))
}

pub fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("abs", &args, 1)?;
    let v = &a[0];
    if let Some(i) = v.as_int() {
        return Ok(int::int_abs(i));
    }
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    crate::runtime::arith::user_unary(vm, v, "__abs__", "abs()").map_err(|_| type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))))
}

/// min() and max(): one iterable or several arguments, with key= and default=. Items
/// are consumed one at a time, each key computed as its item arrives (as CPython).
fn min_max(vm: &mut Vm, args: Args, name: &str, want_max: bool) -> PyResult<Value> {
    let [key, default] = argparse::kwargs(name, &args, ["key", "default"])?;
    let pos = args.pos();
    let it = match pos.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iter(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            vm.iter(&tuple::new_tuple(pos.to_vec()))?
        }
    };
    let key = key.filter(|k| !k.is_none()).cloned();
    let op = if want_max { crate::runtime::ops::CmpOp::Gt } else { crate::runtime::ops::CmpOp::Lt };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = vm.next(&it)? {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, best_key)) => vm.compare_bool(&k, best_key, op)?,
        };
        if better {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(value_error(format!("{name}() iterable argument is empty"))),
    }
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", false)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", true)
}

/// `sum(iterable, /, start=0)` with CPython 3.12+'s fast paths: exact int totals kept
/// in an i64 until they overflow, then float totals with compensated summation.
fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let total = pos.len() + args.kwnames.len();
    if pos.is_empty() {
        return Err(type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if total > 2 {
        return Err(type_error(format!("sum() takes at most 2 arguments ({total} given)")));
    }
    let [start_kw] = argparse::kwargs("sum", &args, ["start"])?;
    let start = pos.get(1).or(start_kw).cloned().unwrap_or(Value::small_int(0));
    if start.is::<StrObj>() {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(&pos[0])?;
    let mut acc = start;
    if acc.is_int_exact() {
        acc = match sum_ints(vm, &it, acc)? {
            SumState::Done(v) => return Ok(v),
            SumState::Continue(v) => v,
        };
    }
    if acc.is_float() {
        acc = match sum_floats(vm, &it, acc.float_value())? {
            SumState::Done(v) => return Ok(v),
            SumState::Continue(v) => v,
        };
    }
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, crate::bytecode::BinaryOpArg::Add)?;
    }
    Ok(acc)
}

enum SumState {
    /// The iterator is exhausted: the result.
    Done(Value),
    /// The fast path ended: the running total, to continue generically.
    Continue(Value),
}

/// The int fast path: adds exact ints (and bools) while the total fits an i64.
fn sum_ints(vm: &mut Vm, it: &Value, start: Value) -> PyResult<SumState> {
    let Some(mut total) = start.as_int().and_then(|i| i.to_i64()) else {
        return Ok(SumState::Continue(start));
    };
    while let Some(x) = vm.next(it)? {
        if x.is_int_exact() || x.is_bool() {
            if let Some(t) = x.as_int().and_then(|i| i.to_i64()).and_then(|b| total.checked_add(b)) {
                total = t;
                continue;
            }
        }
        let v = vm.binary_op(&Value::int(total), &x, crate::bytecode::BinaryOpArg::Add)?;
        return Ok(SumState::Continue(v));
    }
    Ok(SumState::Done(Value::int(total)))
}

/// The float fast path: Neumaier-compensated addition of floats and ints, as CPython.
fn sum_floats(vm: &mut Vm, it: &Value, start: f64) -> PyResult<SumState> {
    let (mut hi, mut lo) = (start, 0.0f64);
    let finish = |hi: f64, lo: f64| if lo != 0.0 && lo.is_finite() { hi + lo } else { hi };
    while let Some(x) = vm.next(it)? {
        let v = if let Some(f) = x.as_float() {
            f
        } else if let Some(i) = x.as_int() {
            int::int_to_f64(i)?
        } else {
            let partial = Value::float(finish(hi, lo));
            let v = vm.binary_op(&partial, &x, crate::bytecode::BinaryOpArg::Add)?;
            return Ok(SumState::Continue(v));
        };
        let t = hi + v;
        if hi.abs() >= v.abs() {
            lo += (hi - t) + v;
        } else {
            lo += (v - t) + hi;
        }
        hi = t;
    }
    Ok(SumState::Done(Value::float(finish(hi, lo))))
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = vm.collect(&pos[0])?;
    let l = list::new_list(items);
    let kw: Vec<Value> = args.kwnames.to_vec();
    let kwvals: Vec<Value> = args.values[pos.len()..].to_vec();
    let mut call_args = vec![l.clone()];
    call_args.extend(kwvals);
    crate::builtins::list::sort_impl(vm, Args::with_kw(&call_args, &kw))?;
    Ok(l)
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("any", &args, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("all", &args, 1)?;
    let it = vm.iter(&a[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// isinstance's second argument: a class or a (nested) tuple of classes.
fn class_check(cls_of: &Value, spec: &Value, fname: &str) -> PyResult<bool> {
    if let Some(t) = spec.as_type() {
        return Ok(cls_of.as_type().is_some_and(|c| c.is_subtype_of(t)));
    }
    if let Some(items) = spec.as_tuple() {
        for s in items {
            if class_check(cls_of, s, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(type_error(if fname == "isinstance" {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    }))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("isinstance", &args, 2)?;
    let t = vm.type_of(&a[0]);
    if t.is_same(&a[1]) {
        return Ok(Value::TRUE);
    }
    if let Some(r) = meta_check(vm, &a[1], &a[0], "__instancecheck__")? {
        return Ok(Value::bool(r));
    }
    class_check(&t, &a[1], "isinstance").map(Value::bool)
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("issubclass", &args, 2)?;
    if let Some(r) = meta_check(vm, &a[1], &a[0], "__subclasscheck__")? {
        return Ok(Value::bool(r));
    }
    if !a[0].is::<TypeObj>() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    class_check(&a[0], &a[1], "issubclass").map(Value::bool)
}

/// `__instancecheck__`/`__subclasscheck__` of a class's metaclass (`abc.ABCMeta`'s), when
/// it is not `type`: its answer. Tuples of classes are checked one by one.
fn meta_check(vm: &mut Vm, spec: &Value, arg: &Value, hook: &str) -> PyResult<Option<bool>> {
    if let Some(items) = spec.as_tuple() {
        if !items.iter().any(|s| s.as_type().is_some_and(|t| !t.meta.is_null())) {
            return Ok(None);
        }
        for s in items.to_vec() {
            let r = if hook == "__instancecheck__" {
                isinstance(vm, Args::new(&[arg.clone(), s]))?
            } else {
                issubclass(vm, Args::new(&[arg.clone(), s]))?
            };
            if r.is_true_const() {
                return Ok(Some(true));
            }
        }
        return Ok(Some(false));
    }
    let Some(t) = spec.as_type() else { return Ok(None) };
    if t.meta.is_null() {
        return Ok(None);
    }
    let meta = t.meta.clone();
    let name = vm.intern(hook);
    let Some(m) = meta.as_type().expect("type").lookup(&name) else { return Ok(None) };
    let r = vm.call(&m, &[spec.clone(), arg.clone()])?;
    vm.truthy(&r).map(Some)
}

fn exact_n<'a>(name: &str, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    let pos = args.pos();
    if pos.len() != n {
        return Err(type_error(format!("{name} expected {n} arguments, got {}", pos.len())));
    }
    Ok(pos)
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("iter", &args, 1, 2)?;
    if a.len() == 2 {
        if !vm.is_callable(&a[0]) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(new_iterator(IterState::Callable { func: a[0].clone(), sentinel: a[1].clone() }));
    }
    vm.iter(&a[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("next", &args, 1, 2)?;
    let (it, default) = (&a[0], a.get(1));
    if !vm.is_iterator(it) {
        return Err(type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    // Generators and user iterators raise their own StopIteration (with its value).
    let result = if it.is::<crate::interp::generator::GeneratorObj>() {
        match crate::interp::generator::resume(vm, it, Value::NONE, None) {
            Ok(crate::interp::generator::SendResult::Yielded(v)) => Ok(v),
            Ok(crate::interp::generator::SendResult::Returned(v)) => Err(crate::runtime::exceptions::stop_iteration_with(vm, v)),
            Err(e) => Err(e),
        }
    } else if crate::runtime::ops::is_user_object(it) {
        let name = vm.names.dunder_next.clone();
        match vm.lookup_special(it, &name) {
            Some(m) => vm.call_method_value(&m, it, &[]),
            None => return Err(type_error(format!("'{}' object is not an iterator", vm.type_name(it)))),
        }
    } else {
        match vm.next(it)? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(ExcKind::StopIteration)),
        }
    };
    match (result, default) {
        (Err(e), Some(d)) if vm.error_is(&e, ExcKind::StopIteration) => Ok(d.clone()),
        (r, _) => r,
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [num_kw, nd_kw] = argparse::kwargs("round", &args, ["number", "ndigits"])?;
    let pos = args.pos();
    let total = pos.len() + args.kwnames.len();
    if total > 2 {
        return Err(type_error(format!("round() takes at most 2 arguments ({total} given)")));
    }
    let x = pos.first().or(num_kw).ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = pos.get(1).or(nd_kw).filter(|v| !v.is_none());
    if let Some(f) = x.as_float() {
        let nd = nd.map(|n| crate::builtins::int::index_value(vm, n)).transpose()?;
        return crate::objects::float::float_round(f, nd.as_ref().and_then(|n| n.as_int()));
    }
    if let Some(i) = x.as_int() {
        return match nd {
            None => Ok(i.to_value()),
            Some(n) => {
                let n = crate::builtins::int::index_value(vm, n)?;
                Ok(int::int_round(i, n.as_int().unwrap_or(IntRef::Small(0))))
            }
        };
    }
    if crate::runtime::ops::is_user_object(x) {
        let name = vm.names.dunder_round.clone();
        if let Some(m) = vm.lookup_special(x, &name) {
            let extra: Vec<Value> = nd.into_iter().cloned().collect();
            return vm.call_method_value(&m, x, &extra);
        }
    }
    Err(type_error(format!("type {} doesn't define __round__ method", vm.type_name(x))))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("divmod", &args, 2)?;
    let numeric = |v: &Value| v.as_int().is_some() || v.is_float();
    let zero = a[1].as_int().is_some_and(|i| i.is_zero()) || a[1].as_float() == Some(0.0);
    if zero && numeric(&a[0]) {
        return Err(crate::error::zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a[0].as_int(), a[1].as_int()) {
        let (q, r) = int::int_divmod(x, y)?;
        return Ok(tuple::new_tuple(vec![q, r]));
    }
    let fx = a[0].as_float().or_else(|| a[0].as_int().and_then(|i| int::int_to_f64(i).ok()));
    let fy = a[1].as_float().or_else(|| a[1].as_int().and_then(|i| int::int_to_f64(i).ok()));
    if let (Some(x), Some(y)) = (fx, fy) {
        if a[0].is_float() || a[1].is_float() {
            let (q, r) = crate::objects::float::float_divmod(x, y)?;
            return Ok(tuple::new_tuple(vec![Value::float(q), Value::float(r)]));
        }
    }
    let name = vm.intern("__divmod__");
    if crate::runtime::ops::is_user_object(&a[0]) {
        if let Some(m) = vm.lookup_special(&a[0], &name) {
            let r = vm.call_method_value(&m, &a[0], &a[1..2])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let rname = vm.intern("__rdivmod__");
    if crate::runtime::ops::is_user_object(&a[1]) {
        if let Some(m) = vm.lookup_special(&a[1], &rname) {
            let r = vm.call_method_value(&m, &a[1], &a[0..1])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(&a[0]), vm.type_name(&a[1]))))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [base_kw, exp_kw, mod_kw] = argparse::kwargs("pow", &args, ["base", "exp", "mod"])?;
    let pos = args.pos();
    let base = pos.first().or(base_kw).ok_or_else(|| type_error("pow() missing required argument 'base' (pos 1)"))?;
    let exp = pos.get(1).or(exp_kw).ok_or_else(|| type_error("pow() missing required argument 'exp' (pos 2)"))?;
    let m = pos.get(2).or(mod_kw).filter(|v| !v.is_none());
    match m {
        None => vm.binary_op(base, exp, crate::bytecode::BinaryOpArg::Power),
        Some(m) => crate::runtime::arith::ternary_power(vm, base, exp, m),
    }
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("chr", &args, 1)?;
    let iv = super::misc::index_int(vm, &a[0])?;
    let Some(i) = iv.as_int() else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0]))));
    };
    match i.to_i64().filter(|c| (0..=0x10FFFF).contains(c)).and_then(|c| char::from_u32(c as u32)) {
        Some(c) => Ok(vm.str_from_string(c.to_string())),
        None => {
            if i.to_i64().is_some_and(|c| (0xD800..=0xDFFF).contains(&c)) {
                return Err(value_error("monjit strings cannot hold lone surrogates"));
            }
            Err(value_error("chr() arg not in range(0x110000)"))
        }
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("ord", &args, 1)?;
    match a[0].as_str() {
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::int(c as i64)),
                _ => Err(type_error(format!("ord() expected a character, but string of length {} found", s.chars().count()))),
            }
        }
        None => Err(type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(&a[0])))),
    }
}

fn radix_fn(vm: &mut Vm, args: Args, name: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    let a = exact(name, &args, 1)?;
    let v = super::misc::index_int(vm, &a[0])?;
    let Some(i) = v.as_int() else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0]))));
    };
    let magnitude = int::int_abs(i);
    let digits = match magnitude.as_int() {
        Some(m) => int::int_to_string_radix(m, radix),
        None => return Err(type_error("abs() of an int is an int")),
    };
    let s = if i.is_negative() { format!("-{prefix}{digits}") } else { format!("{prefix}{digits}") };
    Ok(vm.str_from_string(s))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_fn(vm, args, "hex", 16, "0x")
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_fn(vm, args, "bin", 2, "0b")
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_fn(vm, args, "oct", 8, "0o")
}

fn attr_name<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Value> {
    if v.is::<StrObj>() {
        Ok(v)
    } else {
        Err(type_error(format!("attribute name must be string, not '{}'", vm.type_name(v))))
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("getattr", &args, 2, 3)?;
    let name = attr_name(vm, &a[1])?;
    let name = vm.intern_value(name);
    if a.len() == 3 {
        return Ok(vm.getattr_opt(&a[0], &name)?.unwrap_or_else(|| a[2].clone()));
    }
    vm.getattr(&a[0], &name)
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("setattr", &args, 3)?;
    let name = attr_name(vm, &a[1])?;
    let name = vm.intern_value(name);
    vm.setattr(&a[0], &name, a[2].clone())?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("hasattr", &args, 2)?;
    let name = attr_name(vm, &a[1])?;
    let name = vm.intern_value(name);
    Ok(Value::bool(vm.getattr_opt(&a[0], &name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("delattr", &args, 2)?;
    let name = attr_name(vm, &a[1])?;
    let name = vm.intern_value(name);
    vm.delattr(&a[0], &name)?;
    Ok(Value::NONE)
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("callable", &args, 1)?;
    Ok(Value::bool(vm.is_callable(&a[0])))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("format", &args, 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => argparse::str_arg(vm, s, "format() argument 2")?.to_string(),
        None => String::new(),
    };
    vm.format(&a[0], &spec)
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("vars", &args, 0, 1)?;
    match a.first() {
        None => locals(vm, args),
        Some(o) => {
            let d = vm.names.dunder_dict.clone();
            vm.getattr_opt(o, &d)?.ok_or_else(|| type_error("vars() argument must have __dict__ attribute"))
        }
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("dir", &args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match a.first() {
        None => {
            let l = locals(vm, Args::new(&[]))?;
            names.extend(l.downcast::<DictObj>().expect("dict").keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
        }
        Some(o) => {
            if let Some(m) = o.downcast::<ModuleObj>() {
                names.extend(m.dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
            } else {
                let t = if o.is::<TypeObj>() { o.clone() } else { vm.type_of(o) };
                for c in t.as_type().expect("type").mro() {
                    names.extend(c.as_type().expect("type").dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
                }
                if let Some(d) = crate::runtime::attr::instance_dict(o) {
                    names.extend(d.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(list::new_list(names.into_iter().map(|n| vm.str_from_string(n)).collect()))
}

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact("globals", &args, 0)?;
    Ok(vm.frames.last().map(|f| f.globals.clone()).unwrap_or(Value::NONE))
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact("locals", &args, 0)?;
    let Some(f) = vm.frames.last() else { return Ok(dict::new_dict()) };
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    // A function's locals: a snapshot dict of the bound fast locals.
    let d = dict::new_dict();
    let code = f.code();
    let dd = d.downcast::<DictObj>().expect("dict");
    for i in 0..code.nlocalsplus() {
        let mut v = f.local(i);
        if code.localsplus_kinds[i] & (crate::bytecode::LOCALS_KIND_CELL | crate::bytecode::LOCALS_KIND_FREE) != 0 {
            v = v.downcast::<CellObj>().map(|c| c.value.get()).unwrap_or(Value::NULL);
        }
        if !v.is_null() {
            dd.set_str(code.localsplus_names[i].clone(), v);
        }
    }
    Ok(d)
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("input", &args, 0, 1)?;
    if let Some(p) = a.first() {
        let s = vm.str_string(p)?;
        vm.stdout.write_str(&s);
    }
    vm.stdout.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.str_from_string(line))
        }
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::runtime::classes::build_class(vm, args)
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let name = pos.first().ok_or_else(|| type_error("__import__() missing required argument 'name' (pos 1)"))?.clone();
    let fromlist = pos.get(3).cloned().unwrap_or(Value::NONE);
    let level = pos.get(4).cloned().unwrap_or(Value::small_int(0));
    crate::runtime::import::import_module_level(vm, &name, &fromlist, &level, None)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("exit", &args, 0, 1)?;
    let args = a.to_vec();
    let _ = vm;
    Err(PyErr::with_args(ExcKind::SystemExit, args))
}

pub fn is_kind(v: &Value, k: ObjKind) -> bool {
    v.kind() == Some(k)
}
