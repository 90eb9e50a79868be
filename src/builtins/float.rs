//! `float`: constructor and methods (including slot wrappers such as `float.__add__`).

use super::argparse;
use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, value_error, PyResult};
use crate::objects::float as fl;
use crate::objects::func::{Args, NativeFn};
use crate::objects::int::IntRef;
use crate::objects::*;
use crate::runtime::arith;
use crate::value::Value;
use crate::vm::Vm;
use std::cmp::Ordering;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("conjugate", conjugate),
        ("hex", hex),
        ("fromhex", fromhex),
        ("__int__", to_int),
        ("__trunc__", to_int),
        ("__floor__", floor),
        ("__ceil__", ceil),
        ("__float__", conjugate),
        ("__round__", round),
        ("__abs__", abs),
        ("__neg__", neg),
        ("__pos__", conjugate),
        ("__bool__", to_bool),
        ("__hash__", hash),
        ("__repr__", repr),
        ("__format__", format),
        ("__getnewargs__", getnewargs),
        ("__sizeof__", sizeof),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
    ]
}

/// `self` of a float method.
fn self_float(vm: &Vm, v: &Value, name: &str) -> PyResult<f64> {
    v.as_float().ok_or_else(|| {
        type_error(format!("descriptor '{name}' for 'float' objects doesn't apply to a '{}' object", vm.type_name(v)))
    })
}

/// The receiver of a `float` method taking no arguments, with CPython's messages.
fn no_args<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!("float.{name}() takes no keyword arguments")));
    }
    let Some((s, rest)) = args.pos().split_first() else {
        return Err(type_error(format!("descriptor '{name}' of 'float' object needs an argument")));
    };
    if !rest.is_empty() {
        return Err(type_error(format!("float.{name}() takes no arguments ({} given)", rest.len())));
    }
    Ok(s)
}

/// The receiver and arguments of a float slot wrapper, with CPython's messages.
fn wrapper<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<(f64, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let Some((s, rest)) = args.pos().split_first() else {
        return Err(type_error(format!("descriptor '{name}' of 'float' object needs an argument")));
    };
    let Some(x) = s.as_float() else {
        return Err(type_error(format!(
            "descriptor '{name}' requires a 'float' object but received a '{}'",
            vm.type_name(s)
        )));
    };
    if rest.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("expected {n} argument{plural}, got {}", rest.len())));
    }
    Ok((x, rest))
}

/// A float operand of a wrapper: floats and ints (`None` for anything else).
fn operand(v: &Value) -> Option<PyResult<f64>> {
    if let Some(f) = v.as_float() {
        return Some(Ok(f));
    }
    v.as_int().map(crate::objects::int::int_to_f64)
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "is_integer")?;
    Ok(Value::bool(fl::is_integer(self_float(vm, s, "is_integer")?)))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "as_integer_ratio")?;
    let (n, d) = fl::as_integer_ratio(self_float(vm, s, "as_integer_ratio")?)?;
    Ok(tuple::new_tuple(vec![Value::big_int(n), Value::big_int(d)]))
}

/// `conjugate`, `__float__`, `__pos__`: the float itself.
fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "conjugate", 0)?;
    Ok(Value::float(x))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__abs__", 0)?;
    Ok(Value::float(x.abs()))
}

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__neg__", 0)?;
    Ok(Value::float(-x))
}

fn to_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__bool__", 0)?;
    Ok(Value::bool(x != 0.0))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__hash__", 0)?;
    Ok(Value::int(fl::hash_float(x)))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__repr__", 0)?;
    Ok(vm.str_from_string(fl::float_repr(x)))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__format__", &args, 1, 1)?;
    let x = self_float(vm, s, "__format__")?;
    let spec = argparse::str_arg(vm, &rest[0], "format spec")?;
    let out = crate::runtime::format::format_float(x, spec)?;
    Ok(vm.str_from_string(out))
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__getnewargs__", 0)?;
    Ok(tuple::new_tuple(vec![Value::float(x)]))
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper(vm, &args, "__sizeof__", 0)?;
    Ok(Value::small_int(24)) // CPython's PyFloatObject
}

fn to_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, _) = wrapper(vm, &args, "__int__", 0)?;
    fl::float_to_int(x)
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "__floor__")?;
    fl::float_to_int(self_float(vm, s, "__floor__")?.floor())
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "__ceil__")?;
    fl::float_to_int(self_float(vm, s, "__ceil__")?.ceil())
}

/// `float.__round__(ndigits=None)`.
fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__round__", &args, 0, 1)?;
    let x = self_float(vm, s, "__round__")?;
    match rest.first().filter(|v| !v.is_none()) {
        None => fl::float_round(x, None),
        Some(nd) => {
            let nd = super::int::index_value(vm, nd)?;
            fl::float_round(x, Some(nd.as_int().unwrap_or(IntRef::Small(0))))
        }
    }
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "hex")?;
    let x = self_float(vm, s, "hex")?;
    Ok(vm.str_from_string(fl::float_hex(x)))
}

/// `float.fromhex(string)`, a class method. Called through the type before it is
/// registered as one, the class argument is absent, so both forms are accepted.
fn fromhex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("fromhex", &args)?;
    let pos = args.pos();
    let rest = match pos.first() {
        Some(first) if first.is::<TypeObj>() || (pos.len() == 2 && first.is_float()) => &pos[1..],
        _ => pos,
    };
    if rest.len() != 1 {
        return Err(type_error(format!("float.fromhex() takes exactly one argument ({} given)", rest.len())));
    }
    let Some(s) = rest[0].as_str() else { return Err(type_error("bad argument type for built-in operation")) };
    Ok(Value::float(fl::float_fromhex(s)?))
}

// ------------------------------------------------------------ comparisons

fn compare(vm: &mut Vm, args: &Args, name: &str, test: fn(Ordering) -> bool) -> PyResult<Value> {
    let (x, rest) = wrapper(vm, args, name, 1)?;
    let other = &rest[0];
    let ord = if let Some(y) = other.as_float() {
        x.partial_cmp(&y)
    } else if let Some(i) = other.as_int() {
        fl::compare_int_float(i, x).map(Ordering::reverse)
    } else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    // Every comparison with NaN is false, except `!=`.
    Ok(Value::bool(match ord {
        Some(o) => test(o),
        None => name == "__ne__",
    }))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__eq__", Ordering::is_eq)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__ne__", Ordering::is_ne)
}
fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__lt__", Ordering::is_lt)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__le__", Ordering::is_le)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__gt__", Ordering::is_gt)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, "__ge__", Ordering::is_ge)
}

// ------------------------------------------------------------ arithmetic slot wrappers

/// `float.__op__(self, other)` (or the reflected `__rop__` when `reflected`).
fn binary(vm: &mut Vm, args: &Args, name: &str, op: B, reflected: bool) -> PyResult<Value> {
    let (x, rest) = wrapper(vm, args, name, 1)?;
    let Some(y) = operand(&rest[0]) else { return Ok(Value::NOT_IMPLEMENTED) };
    let y = y?;
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(arith::float_binary(x, y, op)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

macro_rules! binary_wrappers {
    ($($fname:ident, $rname:ident, $dunder:literal, $rdunder:literal, $op:expr;)*) => {$(
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binary(vm, &args, $dunder, $op, false)
        }
        fn $rname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binary(vm, &args, $rdunder, $op, true)
        }
    )*};
}

binary_wrappers! {
    add, radd, "__add__", "__radd__", B::Add;
    sub, rsub, "__sub__", "__rsub__", B::Subtract;
    mul, rmul, "__mul__", "__rmul__", B::Multiply;
    truediv, rtruediv, "__truediv__", "__rtruediv__", B::TrueDivide;
    floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", B::FloorDivide;
    modulo, rmodulo, "__mod__", "__rmod__", B::Remainder;
}

fn divmod_impl(vm: &mut Vm, args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let (x, rest) = wrapper(vm, args, name, 1)?;
    let Some(y) = operand(&rest[0]) else { return Ok(Value::NOT_IMPLEMENTED) };
    let y = y?;
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let (q, r) = fl::float_divmod(x, y)?;
    Ok(tuple::new_tuple(vec![Value::float(q), Value::float(r)]))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, "__rdivmod__", true)
}

fn pow_impl(vm: &mut Vm, args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let given = args.pos().len().saturating_sub(1);
    if !(1..=2).contains(&given) && !args.has_kwargs() && !args.pos().is_empty() {
        return Err(type_error(format!("expected 1 or 2 arguments, got {given}")));
    }
    let n = given.clamp(1, 2);
    let (x, rest) = wrapper(vm, args, name, n)?;
    if rest.get(1).is_some_and(|m| !m.is_none()) {
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let Some(y) = operand(&rest[0]) else { return Ok(Value::NOT_IMPLEMENTED) };
    let y = y?;
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(Value::float(fl::float_pow(x, y)?))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__pow__", false)
}

fn rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__rpow__", true)
}

// ------------------------------------------------------------ constructor

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exact = vm.types.float.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &exact, float_new) {
        return r;
    }
    argparse::no_kwargs("float", &args)?;
    let pos = args.pos().get(1..).unwrap_or(&[]);
    if pos.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", pos.len())));
    }
    let Some(x) = pos.first() else { return Ok(Value::float(0.0)) };
    to_float(vm, x).map(Value::float)
}

/// `float(x)` / `PyFloat_AsDouble` for one argument.
pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_int() {
        return crate::objects::int::int_to_f64(i);
    }
    if let Some(s) = class::str_of(x) {
        return fl::parse_float(s).ok_or_else(|| {
            value_error(format!("could not convert string to float: {}", crate::runtime::strings::repr_str(s)))
        });
    }
    if let Some(f) = user_float(vm, x)? {
        return Ok(f);
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

/// `__float__` (or `__index__`) of a user object; `None` when it has neither.
pub fn user_float(vm: &mut Vm, x: &Value) -> PyResult<Option<f64>> {
    if !crate::runtime::ops::is_user_object(x) {
        return Ok(None);
    }
    let name = vm.intern("__float__");
    if let Some(m) = vm.lookup_special(x, &name) {
        let r = vm.call_method_value(&m, x, &[])?;
        return match r.as_float() {
            Some(f) => Ok(Some(f)),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    let name = vm.names.dunder_index.clone();
    if let Some(m) = vm.lookup_special(x, &name) {
        let r = vm.call_method_value(&m, x, &[])?;
        return match r.as_int() {
            Some(i) => crate::objects::int::int_to_f64(i).map(Some),
            None => Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r)))),
        };
    }
    Ok(None)
}
