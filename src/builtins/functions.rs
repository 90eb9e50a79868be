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

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sep, end, file, flush] = argparse::kwargs("print", &args, ["sep", "end", "file", "flush"])?;
    let opt_str = |vm: &Vm, v: Option<&Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) if v.is_none() => Ok(default.to_string()),
            Some(v) => v.as_str().map(str::to_string).ok_or_else(|| type_error(format!("{what} must be None or a string, not {}", vm.type_name(v)))),
        }
    };
    let sep = opt_str(vm, sep, " ", "sep")?;
    let end = opt_str(vm, end, "\n", "end")?;
    let mut out = String::new();
    for (i, a) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_string(a)?);
    }
    out.push_str(&end);
    match file {
        Some(f) if !f.is_none() => {
            crate::runtime::io_objects::write_to(vm, f, &out)?;
            if let Some(fl) = flush {
                if vm.truthy(fl)? {
                    let _ = vm.call_method(f, "flush", &[]);
                }
            }
        }
        _ => {
            vm.stdout.write_str(&out);
            if let Some(fl) = flush {
                if vm.truthy(fl)? {
                    vm.stdout.flush();
                }
            }
        }
    }
    Ok(Value::NONE)
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

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

/// min() and max(): one iterable or several arguments, with key= and default=.
fn min_max(vm: &mut Vm, args: Args, name: &str, want_max: bool) -> PyResult<Value> {
    let [key, default] = argparse::kwargs(name, &args, ["key", "default"])?;
    let pos = args.pos();
    let items: Vec<Value> = match pos.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&pos[0]).map_err(|e| {
            if vm.error_is(&e, ExcKind::TypeError) && !vm.has_iter(&pos[0]) {
                type_error(format!("'{}' object is not iterable", vm.type_name(&pos[0])))
            } else {
                e
            }
        })?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(format!("{name}() iterable argument is empty"))),
        };
    }
    let key = key.filter(|k| !k.is_none()).cloned();
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, std::slice::from_ref(&best))?,
        None => best.clone(),
    };
    for item in items.into_iter().skip(1) {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let op = if want_max { crate::runtime::ops::CmpOp::Gt } else { crate::runtime::ops::CmpOp::Lt };
        if vm.compare_bool(&k, &best_key, op)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", false)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", true)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [start_kw] = argparse::kwargs("sum", &args, ["start"])?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error(format!("sum() takes at least 1 positional argument ({} given)", pos.len())));
    }
    let mut acc = pos.get(1).or(start_kw).cloned().unwrap_or(Value::small_int(0));
    if acc.is::<StrObj>() {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(&pos[0])?;
    // Float sums use CPython's compensated summation for exact parity.
    let mut fsum: Option<(f64, f64)> = None;
    while let Some(x) = vm.next(&it)? {
        if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
            acc = int::small_add(a, b);
            continue;
        }
        if acc.is_float() && (x.is_float() || x.is_small_int()) {
            let xf = x.as_float().unwrap_or_else(|| x.small_int_value() as f64);
            let (s, c) = fsum.unwrap_or((acc.float_value(), 0.0));
            // Neumaier compensation, as CPython 3.12+.
            let t = s + xf;
            let c = if s.abs() >= xf.abs() { c + ((s - t) + xf) } else { c + ((xf - t) + s) };
            fsum = Some((t, c));
            acc = Value::float(t);
            continue;
        }
        if let Some((s, c)) = fsum.take() {
            acc = Value::float(if c.is_finite() && c != 0.0 { s + c } else { s });
        }
        acc = vm.binary_op(&acc, &x, crate::bytecode::BinaryOpArg::Add)?;
    }
    if let Some((s, c)) = fsum {
        acc = Value::float(if c.is_finite() && c != 0.0 { s + c } else { s });
    }
    Ok(acc)
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
fn class_check(vm: &mut Vm, cls_of: &Value, spec: &Value, fname: &str) -> PyResult<bool> {
    if let Some(t) = spec.as_type() {
        return Ok(cls_of.as_type().is_some_and(|c| c.is_subtype_of(t)));
    }
    if let Some(items) = spec.as_tuple() {
        for s in items.to_vec() {
            if class_check(vm, cls_of, &s, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let what = if fname == "isinstance" { "isinstance() arg 2" } else { "issubclass() arg 2" };
    Err(type_error(format!("{what} must be a type, a tuple of types, or a union")))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("isinstance", &args, 2)?;
    let t = vm.type_of(&a[0]);
    class_check(vm, &t, &a[1], "isinstance").map(Value::bool)
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("issubclass", &args, 2)?;
    if !a[0].is::<TypeObj>() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    class_check(vm, &a[0], &a[1], "issubclass").map(Value::bool)
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
    if !vm.is_iterator(&a[0]) {
        return Err(type_error(format!("'{}' object is not an iterator", vm.type_name(&a[0]))));
    }
    // User iterators raise their own StopIteration (with its value); keep it.
    if crate::runtime::ops::is_user_object(&a[0]) {
        let name = vm.names.dunder_next.clone();
        let m = vm.lookup_special(&a[0], &name).expect("checked");
        return match vm.call_method_value(&m, &a[0], &[]) {
            Err(e) if a.len() == 2 && vm.error_is(&e, ExcKind::StopIteration) => Ok(a[1].clone()),
            other => other,
        };
    }
    match vm.next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => {
                if let Some(g) = a[0].downcast::<crate::interp::generator::GeneratorObj>() {
                    let _ = g;
                }
                Err(PyErr::bare(ExcKind::StopIteration))
            }
        },
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [nd_kw] = argparse::kwargs("round", &args, ["ndigits"])?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error(format!("round() takes at most 2 arguments ({} given)", pos.len())));
    }
    let x = &pos[0];
    let nd = pos.get(1).or(nd_kw).filter(|v| !v.is_none());
    if let Some(f) = x.as_float() {
        return match nd {
            None => {
                if !f.is_finite() {
                    return Err(if f.is_nan() {
                        value_error("cannot convert float NaN to integer")
                    } else {
                        PyErr::new(ExcKind::OverflowError, "cannot convert float infinity to integer")
                    });
                }
                crate::objects::float::float_to_int(f.round_ties_even())
            }
            Some(n) => {
                let n = argparse::int_arg(vm, n)?;
                Ok(Value::float(crate::objects::float::round_float(f, n)))
            }
        };
    }
    if let Some(i) = x.as_int() {
        return match nd {
            None => Ok(i.to_value()),
            Some(n) => {
                let n = argparse::int_arg(vm, n)?;
                round_int(i, n)
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

/// round(int, n): exact, half to even, for negative n.
fn round_int(i: IntRef, n: i64) -> PyResult<Value> {
    if n >= 0 {
        return Ok(i.to_value());
    }
    use num_integer::Integer;
    let p = num_traits::pow::Pow::pow(num_bigint::BigInt::from(10), (-n).min(10000) as u32);
    let v = i.to_bigint();
    let (q, r) = v.div_mod_floor(&p);
    let twice: num_bigint::BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => if q.is_even() { q } else { q + 1 },
    };
    Ok(Value::big_int(q * p))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("divmod", &args, 2)?;
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
        Some(m) => match (base.as_int(), exp.as_int(), m.as_int()) {
            (Some(b), Some(e), Some(mm)) => int::int_pow_mod(b, e, mm),
            _ => Err(type_error("pow() 3rd argument not allowed unless all arguments are integers")),
        },
    }
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact("chr", &args, 1)?;
    let Some(i) = a[0].as_int() else {
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
    let v = match a[0].as_int() {
        Some(i) => i.to_value(),
        None => {
            let n = vm.names.dunder_index.clone();
            if crate::runtime::ops::is_user_object(&a[0]) && vm.lookup_special(&a[0], &n).is_some() {
                vm.call_method(&a[0], "__index__", &[])?
            } else {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0]))));
            }
        }
    };
    let i = v.as_int().expect("int");
    let digits = int::int_to_string_radix(int::int_abs(i).as_int().expect("int"), radix);
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

fn attr_name<'a>(vm: &Vm, v: &'a Value, fname: &str) -> PyResult<&'a Value> {
    if v.is::<StrObj>() {
        Ok(v)
    } else {
        Err(type_error(format!("{fname}(): attribute name must be string, not '{}'", vm.type_name(v))))
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("getattr", &args, 2, 3)?;
    let name = attr_name(vm, &a[1], "getattr")?;
    let name = vm.intern_value(name);
    if a.len() == 3 {
        return Ok(vm.getattr_opt(&a[0], &name)?.unwrap_or_else(|| a[2].clone()));
    }
    vm.getattr(&a[0], &name)
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("setattr", &args, 3)?;
    let name = attr_name(vm, &a[1], "setattr")?;
    let name = vm.intern_value(name);
    vm.setattr(&a[0], &name, a[2].clone())?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("hasattr", &args, 2)?;
    let name = attr_name(vm, &a[1], "hasattr")?;
    let name = vm.intern_value(name);
    Ok(Value::bool(vm.getattr_opt(&a[0], &name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = exact_n("delattr", &args, 2)?;
    let name = attr_name(vm, &a[1], "delattr")?;
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

/// The `zip(strict=True)` length-mismatch error.
pub fn zip_strict_error(_vm: &mut Vm, _its: &[Value], k: usize) -> PyErr {
    if k == 0 {
        value_error("zip() argument 2 is longer than argument 1")
    } else if k == 1 {
        value_error("zip() argument 2 is shorter than argument 1")
    } else {
        value_error(format!("zip() argument {} is shorter than arguments 1-{}", k + 1, k))
    }
}

pub fn is_kind(v: &Value, k: ObjKind) -> bool {
    v.kind() == Some(k)
}
