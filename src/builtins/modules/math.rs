//! The `math` module, with CPython's domain and range errors.

use crate::builtins::argparse;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::int::{self, IntRef};
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn init(vm: &mut Vm, d: &DictObj) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt), ("exp", exp), ("log", log), ("log2", log2), ("log10", log10), ("log1p", log1p), ("expm1", expm1),
        ("sin", sin), ("cos", cos), ("tan", tan), ("asin", asin), ("acos", acos), ("atan", atan), ("atan2", atan2),
        ("sinh", sinh), ("cosh", cosh), ("tanh", tanh), ("asinh", asinh), ("acosh", acosh), ("atanh", atanh),
        ("floor", floor), ("ceil", ceil), ("trunc", trunc), ("fabs", fabs), ("pow", pow), ("hypot", hypot),
        ("isnan", isnan), ("isinf", isinf), ("isfinite", isfinite), ("copysign", copysign), ("fmod", fmod),
        ("degrees", degrees), ("radians", radians), ("gcd", gcd), ("lcm", lcm), ("factorial", factorial),
        ("isqrt", isqrt), ("comb", comb), ("perm", perm), ("prod", prod), ("fsum", fsum), ("isclose", isclose),
        ("modf", modf), ("frexp", frexp), ("ldexp", ldexp), ("dist", dist), ("remainder", remainder),
    ];
    super::add_functions(vm, d, fns);
    super::add_value(vm, d, "pi", Value::float(std::f64::consts::PI));
    super::add_value(vm, d, "e", Value::float(std::f64::consts::E));
    super::add_value(vm, d, "tau", Value::float(std::f64::consts::TAU));
    super::add_value(vm, d, "inf", Value::float(f64::INFINITY));
    super::add_value(vm, d, "nan", Value::float(f64::NAN));
}

fn domain() -> PyErr {
    value_error("math domain error")
}

fn range_err() -> PyErr {
    PyErr::new(ExcKind::OverflowError, "math range error")
}

/// A float argument (ints convert exactly or raise OverflowError).
fn farg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_int() {
        return int::int_to_f64(i);
    }
    if crate::runtime::ops::is_user_object(v) {
        return crate::builtins::float::to_float(vm, v);
    }
    Err(type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// Applies a one-argument float function with CPython's error rules: a NaN result from
/// a non-NaN input is a domain error, an infinite result from a finite input is a range
/// error (or a domain error for the functions CPython treats so).
fn unary(vm: &mut Vm, args: Args, name: &str, f: fn(f64) -> f64, inf_is_domain: bool) -> PyResult<Value> {
    let a = argparse::exact(name, &args, 1)?;
    let x = farg(vm, &a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if inf_is_domain { domain() } else { range_err() });
    }
    Ok(Value::float(r))
}

macro_rules! unary_fn {
    ($name:ident, $f:expr, $inf_domain:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            unary(vm, args, stringify!($name), $f, $inf_domain)
        }
    };
}

unary_fn!(exp, f64::exp, false);
unary_fn!(expm1, f64::exp_m1, false);
unary_fn!(sin, f64::sin, false);
unary_fn!(cos, f64::cos, false);
unary_fn!(tan, f64::tan, false);
unary_fn!(asin, f64::asin, false);
unary_fn!(acos, f64::acos, false);
unary_fn!(atan, f64::atan, false);
unary_fn!(sinh, f64::sinh, false);
unary_fn!(cosh, f64::cosh, false);
unary_fn!(tanh, f64::tanh, false);
unary_fn!(asinh, f64::asinh, false);
unary_fn!(acosh, f64::acosh, false);
unary_fn!(atanh, f64::atanh, true);
unary_fn!(fabs, f64::abs, false);
unary_fn!(degrees, f64::to_degrees, false);
unary_fn!(radians, f64::to_radians, false);

fn sqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("sqrt", &args, 1)?;
    let x = farg(vm, &a[0])?;
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::float(x.sqrt()))
}

/// Natural log of any positive int, also beyond the float range.
fn int_log(i: IntRef) -> PyResult<f64> {
    if i.is_negative() || i.is_zero() {
        return Err(domain());
    }
    match int::int_to_f64(i) {
        Ok(f) => Ok(f.ln()),
        Err(_) => {
            let b = i.to_bigint();
            let bits = b.bits();
            let shift = bits - 64;
            let top = (b >> shift).to_f64().unwrap_or(1.0);
            Ok(top.ln() + shift as f64 * std::f64::consts::LN_2)
        }
    }
}

fn log_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(i) = v.as_int() {
        return int_log(i);
    }
    let x = farg(vm, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("log", &args, 1, 2)?;
    let n = log_of(vm, &a[0])?;
    match a.get(1) {
        None => Ok(Value::float(n)),
        Some(b) => {
            let d = log_of(vm, b)?;
            if d == 0.0 {
                return Err(PyErr::new(ExcKind::ZeroDivisionError, "division by zero"));
            }
            Ok(Value::float(n / d))
        }
    }
}

fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("log2", &args, 1)?;
    if let Some(f) = a[0].as_float() {
        if f <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::float(f.log2()));
    }
    Ok(Value::float(log_of(vm, &a[0])? / std::f64::consts::LN_2))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("log10", &args, 1)?;
    if let Some(f) = a[0].as_float() {
        if f <= 0.0 {
            return Err(domain());
        }
        return Ok(Value::float(f.log10()));
    }
    if let Some(i) = a[0].as_int().and_then(|i| i.to_i64()) {
        if i > 0 {
            return Ok(Value::float((i as f64).log10()));
        }
    }
    Ok(Value::float(log_of(vm, &a[0])? / std::f64::consts::LN_10))
}

fn log1p(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("log1p", &args, 1)?;
    let x = farg(vm, &a[0])?;
    if x <= -1.0 {
        return Err(domain());
    }
    Ok(Value::float(x.ln_1p()))
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("atan2", &args, 2, 2)?;
    Ok(Value::float(farg(vm, &a[0])?.atan2(farg(vm, &a[1])?)))
}

/// floor/ceil/trunc of an int or float, returning an int.
fn rounding(vm: &mut Vm, args: Args, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let a = argparse::exact(name, &args, 1)?;
    if let Some(i) = a[0].as_int() {
        return Ok(i.to_value());
    }
    if let Some(x) = a[0].as_float() {
        return crate::objects::float::float_to_int(f(x));
    }
    if crate::runtime::ops::is_user_object(&a[0]) {
        let n = vm.intern(dunder);
        if let Some(m) = vm.lookup_special(&a[0], &n) {
            return vm.call_method_value(&m, &a[0], &[]);
        }
    }
    let x = farg(vm, &a[0])?;
    crate::objects::float::float_to_int(f(x))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("trunc", &args, 1)?;
    if a[0].as_int().is_none() && a[0].as_float().is_none() && !crate::runtime::ops::is_user_object(&a[0]) {
        return Err(type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(&a[0]))));
    }
    rounding(vm, args, "trunc", "__trunc__", f64::trunc)
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("pow", &args, 2, 2)?;
    let (x, y) = (farg(vm, &a[0])?, farg(vm, &a[1])?);
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_err());
    }
    Ok(Value::float(r))
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("hypot", &args)?;
    let mut acc = 0.0f64;
    let mut any_inf = false;
    let mut any_nan = false;
    let vals: Vec<f64> = args.pos().iter().map(|v| farg(vm, v)).collect::<PyResult<_>>()?;
    for &x in &vals {
        if x.is_infinite() {
            any_inf = true;
        }
        if x.is_nan() {
            any_nan = true;
        }
    }
    if any_inf {
        return Ok(Value::float(f64::INFINITY));
    }
    if any_nan {
        return Ok(Value::float(f64::NAN));
    }
    if vals.len() == 2 {
        return Ok(Value::float(vals[0].hypot(vals[1])));
    }
    let max = vals.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return Ok(Value::float(0.0));
    }
    for x in &vals {
        let s = x / max;
        acc += s * s;
    }
    Ok(Value::float(max * acc.sqrt()))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("dist", &args, 2, 2)?;
    let p = vm.collect(&a[0])?;
    let q = vm.collect(&a[1])?;
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(&q) {
        diffs.push(Value::float((farg(vm, x)? - farg(vm, y)?).abs()));
    }
    hypot(vm, Args::new(&diffs))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("isnan", &args, 1)?;
    Ok(Value::bool(farg(vm, &a[0])?.is_nan()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("isinf", &args, 1)?;
    Ok(Value::bool(farg(vm, &a[0])?.is_infinite()))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("isfinite", &args, 1)?;
    Ok(Value::bool(farg(vm, &a[0])?.is_finite()))
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("copysign", &args, 2, 2)?;
    Ok(Value::float(farg(vm, &a[0])?.copysign(farg(vm, &a[1])?)))
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("fmod", &args, 2, 2)?;
    let (x, y) = (farg(vm, &a[0])?, farg(vm, &a[1])?);
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::float(x % y))
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("remainder", &args, 2, 2)?;
    let (x, y) = (farg(vm, &a[0])?, farg(vm, &a[1])?);
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    let n = (x / y).round_ties_even();
    Ok(Value::float(x - n * y))
}

fn int_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    argparse::no_kwargs(name, args)?;
    args.pos().iter().map(|v| match v.as_int() {
        Some(i) => Ok(i.to_bigint()),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
    }).collect()
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let xs = int_args(vm, &args, "gcd")?;
    let g = xs.into_iter().fold(BigInt::zero(), |g, x| g.gcd(&x));
    Ok(Value::big_int(g))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let xs = int_args(vm, &args, "lcm")?;
    let l = xs.into_iter().fold(BigInt::one(), |l, x| if l.is_zero() || x.is_zero() { BigInt::zero() } else { l.lcm(&x) });
    Ok(Value::big_int(l))
}

fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("factorial", &args, 1)?;
    if a[0].is_float() {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = argparse::int_arg(vm, &a[0])?;
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    Ok(Value::big_int(r))
}

fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("isqrt", &args, 1)?;
    let Some(n) = a[0].as_int() else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0]))));
    };
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::big_int(n.to_bigint().sqrt()))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let xs = int_args(vm, &args, "comb")?;
    if xs.len() != 2 {
        return Err(type_error(format!("comb expected 2 arguments, got {}", xs.len())));
    }
    let (n, k) = (&xs[0], &xs[1]);
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::small_int(0));
    }
    let k = std::cmp::min(k.clone(), n - k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (n - i) / (i + 1);
    }
    Ok(Value::big_int(r))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let xs = int_args(vm, &args, "perm")?;
    if xs.is_empty() || xs.len() > 2 {
        return Err(type_error(format!("perm expected at most 2 arguments, got {}", xs.len())));
    }
    let n = &xs[0];
    let k = xs.get(1).cloned().unwrap_or_else(|| n.clone());
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if &k > n {
        return Ok(Value::small_int(0));
    }
    let mut r = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        r *= n - i;
    }
    Ok(Value::big_int(r))
}

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [start] = argparse::kwargs("prod", &args, ["start"])?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", pos.len())));
    }
    let mut acc = start.cloned().unwrap_or(Value::small_int(1));
    let it = vm.iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, crate::bytecode::BinaryOpArg::Multiply)?;
    }
    Ok(acc)
}

/// `fsum`: exactly rounded sum (Shewchuk's algorithm, as CPython).
fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("fsum", &args, 1)?;
    let it = vm.iter(&a[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = vm.next(&it)? {
        let mut x = farg(vm, &v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special_sum += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x.is_infinite() {
            return Err(PyErr::new(ExcKind::OverflowError, "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(mut n) = partials.len().checked_sub(0) {
        if n > 0 {
            n -= 1;
            hi = partials[n];
            let mut lo = 0.0;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = partials[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
    }
    Ok(Value::float(hi))
}

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [rel, abs] = argparse::kwargs("isclose", &args, ["rel_tol", "abs_tol"])?;
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", pos.len())));
    }
    let (a, b) = (farg(vm, &pos[0])?, farg(vm, &pos[1])?);
    let rel_tol = match rel { Some(r) => farg(vm, r)?, None => 1e-9 };
    let abs_tol = match abs { Some(r) => farg(vm, r)?, None => 0.0 };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("modf", &args, 1)?;
    let x = farg(vm, &a[0])?;
    if x.is_infinite() {
        return Ok(crate::objects::tuple::new_tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    let i = x.trunc();
    Ok(crate::objects::tuple::new_tuple(vec![Value::float((x - i).copysign(x)), Value::float(i)]))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("frexp", &args, 1)?;
    let x = farg(vm, &a[0])?;
    let (m, e) = crate::objects::float::frexp(x);
    Ok(crate::objects::tuple::new_tuple(vec![Value::float(m), Value::int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("ldexp", &args, 2, 2)?;
    let x = farg(vm, &a[0])?;
    let Some(e) = a[1].as_int() else { return Err(type_error("Expected an int as second argument to ldexp.")) };
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
    let r = int::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_err());
    }
    Ok(Value::float(r))
}
