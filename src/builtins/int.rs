//! `int` and `bool`: constructors and methods (including the slot wrappers such as
//! `int.__add__`, which return `NotImplemented` for foreign operands like CPython's).

use super::argparse;
use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::runtime::arith;
use crate::value::Value;
use crate::vm::Vm;
use std::cmp::Ordering;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("conjugate", conjugate),
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("__index__", index),
        ("__int__", index),
        ("__float__", to_float),
        ("__round__", round),
        ("__trunc__", index),
        ("__floor__", index),
        ("__ceil__", index),
        ("__abs__", abs),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__invert__", invert),
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
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ]
}

pub fn bool_methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__repr__", bool_repr),
        ("__and__", bool_and),
        ("__rand__", bool_and),
        ("__or__", bool_or),
        ("__ror__", bool_or),
        ("__xor__", bool_xor),
        ("__rxor__", bool_xor),
    ]
}

// ------------------------------------------------------------ argument helpers

/// `self` of an `int` method (`int.bit_length('a')` fails like CPython's descriptor).
fn self_int<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<IntRef<'a>> {
    v.as_int().ok_or_else(|| {
        type_error(format!("descriptor '{name}' for 'int' objects doesn't apply to a '{}' object", vm.type_name(v)))
    })
}

/// The receiver of a `int` method taking no arguments, with CPython's messages.
fn no_args<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!("int.{name}() takes no keyword arguments")));
    }
    let Some((s, rest)) = args.pos().split_first() else {
        return Err(type_error(format!("descriptor '{name}' of 'int' object needs an argument")));
    };
    if !rest.is_empty() {
        return Err(type_error(format!("int.{name}() takes no arguments ({} given)", rest.len())));
    }
    Ok(s)
}

/// The receiver and arguments of a slot wrapper such as `int.__add__`, checked with
/// CPython's wrapper messages.
fn wrapper<'a>(vm: &Vm, args: &Args<'a>, name: &str, owner: &str, n: usize) -> PyResult<(&'a Value, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let Some((s, rest)) = pos.split_first() else {
        return Err(type_error(format!("descriptor '{name}' of '{owner}' object needs an argument")));
    };
    let ok = if owner == "bool" { s.is_bool() } else { s.as_int().is_some() };
    if !ok {
        return Err(type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{}'",
            vm.type_name(s)
        )));
    }
    if rest.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("expected {n} argument{plural}, got {}", rest.len())));
    }
    Ok((s, rest))
}

/// The receiver of a no-argument int slot wrapper.
fn unary_self<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<IntRef<'a>> {
    let (s, _) = wrapper(vm, args, name, "int", 0)?;
    Ok(s.as_int().unwrap_or(IntRef::Small(0)))
}

// ------------------------------------------------------------ methods

fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "bit_length")?;
    Ok(Value::int(int::bit_length(self_int(vm, s, "bit_length")?) as i64))
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "bit_count")?;
    let n = match self_int(vm, s, "bit_count")? {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as i64).sum(),
    };
    Ok(Value::int(n))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "conjugate")?;
    Ok(self_int(vm, s, "conjugate")?.to_value())
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "is_integer")?;
    self_int(vm, s, "is_integer")?;
    Ok(Value::TRUE)
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "as_integer_ratio")?;
    Ok(tuple::new_tuple(vec![self_int(vm, s, "as_integer_ratio")?.to_value(), Value::small_int(1)]))
}

/// `__index__`, `__int__`, `__trunc__`, `__floor__`, `__ceil__`: the int itself (a bool
/// becomes a plain int).
fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(unary_self(vm, &args, "__index__")?.to_value())
}

fn to_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(int::int_to_f64(unary_self(vm, &args, "__float__")?)?))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(int::int_abs(unary_self(vm, &args, "__abs__")?))
}

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(int::int_neg(unary_self(vm, &args, "__neg__")?))
}

fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(unary_self(vm, &args, "__pos__")?.to_value())
}

fn invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(int::int_invert(unary_self(vm, &args, "__invert__")?))
}

fn to_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(!unary_self(vm, &args, "__bool__")?.is_zero()))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int(int::hash_int(unary_self(vm, &args, "__hash__")?)))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = unary_self(vm, &args, "__repr__")?.to_value();
    vm.repr(&i)
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__format__", &args, 1, 1)?;
    let i = self_int(vm, s, "__format__")?;
    let spec = argparse::str_arg(vm, &rest[0], "format spec")?;
    if spec.is_empty() && s.is_bool() {
        return vm.str(s);
    }
    let out = crate::runtime::format::format_int_checked(vm, i, spec, if s.is_bool() { "bool" } else { "int" })?;
    Ok(vm.str_from_string(out))
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = unary_self(vm, &args, "__getnewargs__")?;
    Ok(tuple::new_tuple(vec![i.to_value()]))
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // CPython: a 24-byte header plus 4 bytes per 30-bit digit (at least one).
    let i = unary_self(vm, &args, "__sizeof__")?;
    let digits = int::bit_length(i).div_ceil(30).max(1);
    Ok(Value::int(24 + 4 * digits as i64))
}

/// `int.__round__(ndigits=None)`.
fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__round__", &args, 0, 1)?;
    let i = self_int(vm, s, "__round__")?;
    match rest.first().filter(|v| !v.is_none()) {
        None => Ok(i.to_value()),
        Some(nd) => {
            let nd = index_value(vm, nd)?;
            Ok(int::int_round(i, nd.as_int().unwrap_or(IntRef::Small(0))))
        }
    }
}

/// `operator.index(v)`: an int, or the result of `__index__`.
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = v.as_int() {
        return Ok(i.to_value());
    }
    if crate::runtime::ops::is_user_object(v) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(v, &name) {
            let r = vm.call_method_value(&m, v, &[])?;
            return match r.as_int() {
                Some(i) => Ok(i.to_value()),
                None => Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r)))),
            };
        }
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
}

// ------------------------------------------------------------ comparisons

fn compare(vm: &mut Vm, args: &Args, name: &str, test: fn(Ordering) -> bool) -> PyResult<Value> {
    let (s, rest) = wrapper(vm, args, name, "int", 1)?;
    match (s.as_int(), rest[0].as_int()) {
        (Some(x), Some(y)) => Ok(Value::bool(test(int::int_cmp(x, y)))),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
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

/// `int.__op__(self, other)` (or the reflected `__rop__` when `reflected`).
fn binary(vm: &mut Vm, args: &Args, name: &str, op: B, reflected: bool) -> PyResult<Value> {
    let (s, rest) = wrapper(vm, args, name, "int", 1)?;
    let (Some(x), Some(y)) = (s.as_int(), rest[0].as_int()) else { return Ok(Value::NOT_IMPLEMENTED) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(arith::int_binary(x, y, op)?.unwrap_or(Value::NOT_IMPLEMENTED))
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
    lshift, rlshift, "__lshift__", "__rlshift__", B::Lshift;
    rshift, rrshift, "__rshift__", "__rrshift__", B::Rshift;
    and, rand, "__and__", "__rand__", B::And;
    or, ror, "__or__", "__ror__", B::Or;
    xor, rxor, "__xor__", "__rxor__", B::Xor;
}

fn divmod_impl(vm: &mut Vm, args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let (s, rest) = wrapper(vm, args, name, "int", 1)?;
    let (Some(x), Some(y)) = (s.as_int(), rest[0].as_int()) else { return Ok(Value::NOT_IMPLEMENTED) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let (q, r) = int::int_divmod(x, y)?;
    Ok(tuple::new_tuple(vec![q, r]))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, "__rdivmod__", true)
}

/// `int.__pow__(self, exp, mod=None)` / `int.__rpow__(self, base, mod=None)`.
fn pow_impl(vm: &mut Vm, args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let given = args.pos().len().saturating_sub(1);
    if !(1..=2).contains(&given) && !args.has_kwargs() && !args.pos().is_empty() {
        return Err(type_error(format!("expected 1 or 2 arguments, got {given}")));
    }
    let n = given.clamp(1, 2);
    let (s, rest) = wrapper(vm, args, name, "int", n)?;
    let (Some(x), Some(y)) = (s.as_int(), rest[0].as_int()) else { return Ok(Value::NOT_IMPLEMENTED) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    match rest.get(1).filter(|m| !m.is_none()) {
        None => Ok(arith::int_binary(x, y, B::Power)?.unwrap_or(Value::NOT_IMPLEMENTED)),
        Some(m) => match m.as_int() {
            Some(m) => int::int_pow_mod(x, y, m),
            None => Ok(Value::NOT_IMPLEMENTED),
        },
    }
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__pow__", false)
}

fn rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pow_impl(vm, &args, "__rpow__", true)
}

// ------------------------------------------------------------ bool

fn bool_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = wrapper(vm, &args, "__repr__", "bool", 0)?;
    Ok(vm.new_str(if s.is_true_const() { "True" } else { "False" }))
}

/// `bool & bool` stays a bool; anything else is the int operation.
fn bool_binary(vm: &mut Vm, args: &Args, name: &str, op: B) -> PyResult<Value> {
    let (s, rest) = wrapper(vm, args, name, "bool", 1)?;
    let other = &rest[0];
    if other.is_bool() {
        let (p, q) = (s.is_true_const(), other.is_true_const());
        return Ok(Value::bool(match op {
            B::And => p & q,
            B::Or => p | q,
            _ => p ^ q,
        }));
    }
    let (Some(x), Some(y)) = (s.as_int(), other.as_int()) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(arith::int_binary(x, y, op)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

fn bool_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_binary(vm, &args, "__and__", B::And)
}

fn bool_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_binary(vm, &args, "__or__", B::Or)
}

fn bool_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_binary(vm, &args, "__xor__", B::Xor)
}

// ------------------------------------------------------------ constructors

/// `int(x=0)` / `int(x, base=10)`.
pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exact = vm.types.int.clone();
    if args.pos().len() > 3 && !args.pos()[0].is_same(&exact) {
        // A subclass's arguments are parsed as `int(x, base)` with keywords allowed.
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", args.pos().len() - 1)));
    }
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &exact, int_new) {
        return r;
    }
    let [base_kw] = argparse::kwargs("int", &args, ["base"])?;
    let pos = args.pos();
    let Some((cls, pos)) = pos.split_first() else { return Err(type_error("int.__new__(): not enough arguments")) };
    if pos.len() > 2 {
        return Err(type_error(format!("int expected at most 2 arguments, got {}", pos.len())));
    }
    let base = pos.get(1).or(base_kw);
    let v = match (pos.first(), base) {
        (None, None) => Value::small_int(0),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), None) => to_int(vm, x)?,
        (Some(x), Some(b)) => {
            let b = argparse::int_arg(vm, b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(s) = x.as_str() else {
                return Err(type_error("int() can't convert non-string with explicit base"));
            };
            parse(vm, s, b as u32)?
        }
    };
    if !cls.is_same(&vm.types.int) {
        return Err(type_error("subclassing int is not supported by monjit"));
    }
    Ok(v)
}

/// `int(text, base)`, with CPython's limit on the number of decimal digits.
fn parse(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    let invalid = || {
        let r: String = crate::runtime::strings::repr_str(s).chars().take(200).collect();
        value_error(format!("invalid literal for int() with base {base}: {r}"))
    };
    let lit = int::scan_int(s, base).ok_or_else(invalid)?;
    let limit = vm.int_max_str_digits;
    let power_of_two = lit.base.is_power_of_two();
    if !power_of_two && limit > 0 && lit.digits.len() > limit {
        return Err(value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            lit.digits.len()
        )));
    }
    lit.to_bigint().map(Value::big_int).ok_or_else(invalid)
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if let Some(i) = x.as_int() {
        return Ok(i.to_value());
    }
    if let Some(f) = x.as_float() {
        return crate::objects::float::float_to_int(f);
    }
    if let Some(s) = class::str_of(x) {
        return parse(vm, s, 10);
    }
    if crate::runtime::ops::is_user_object(x) {
        // CPython 3.14 no longer falls back to `__trunc__`.
        for name in ["__int__", "__index__"] {
            let n = vm.intern(name);
            if let Some(m) = vm.lookup_special(x, &n) {
                let r = vm.call_method_value(&m, x, &[])?;
                return match r.as_int() {
                    Some(i) => Ok(i.to_value()),
                    None => Err(type_error(format!("{name} returned non-int (type {})", vm.type_name(&r)))),
                };
            }
        }
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

/// `bool(x)`.
pub fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("bool", &args)?;
    let pos = args.pos().get(1..).unwrap_or(&[]);
    match pos {
        [] => Ok(Value::FALSE),
        [x] => Ok(Value::bool(vm.truthy(x)?)),
        _ => Err(PyErr::new(ExcKind::TypeError, format!("bool expected at most 1 argument, got {}", pos.len()))),
    }
}
