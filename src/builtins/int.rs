//! `int` and `bool`: constructors and methods.

use super::argparse;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("conjugate", conjugate),
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("__index__", conjugate),
        ("__int__", conjugate),
        ("__float__", to_float),
        ("__round__", round),
        ("__trunc__", conjugate),
        ("__floor__", conjugate),
        ("__ceil__", conjugate),
        ("__abs__", abs),
    ]
}

pub fn bool_methods() -> Vec<(&'static str, NativeFn)> {
    vec![]
}

fn self_int<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<IntRef<'a>> {
    v.as_int().ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'int' object but received a '{}'", vm.type_name(v))))
}

fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("bit_length", &args, 0, 0)?;
    Ok(Value::int(int::bit_length(self_int(vm, s, "bit_length")?) as i64))
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("bit_count", &args, 0, 0)?;
    let n = match self_int(vm, s, "bit_count")? {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as i64).sum(),
    };
    Ok(Value::int(n))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("conjugate", &args, 0, 0)?;
    Ok(self_int(vm, s, "conjugate")?.to_value())
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__abs__", &args, 0, 0)?;
    Ok(int::int_abs(self_int(vm, s, "__abs__")?))
}

fn to_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__float__", &args, 0, 0)?;
    Ok(Value::float(int::int_to_f64(self_int(vm, s, "__float__")?)?))
}

fn is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::method("is_integer", &args, 0, 0)?;
    Ok(Value::TRUE)
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("as_integer_ratio", &args, 0, 0)?;
    Ok(tuple::new_tuple(vec![self_int(vm, s, "as_integer_ratio")?.to_value(), Value::small_int(1)]))
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__round__", &args, 0, 1)?;
    let i = self_int(vm, s, "__round__")?.to_value();
    let mut v = vec![i];
    v.extend(rest.iter().cloned());
    let round = vm.intern("round");
    let f = vm.builtins_dict().get_str(&round).expect("round");
    vm.call(&f, &v)
}

/// `int(x=0)` / `int(x, base=10)`.
pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [base_kw] = argparse::kwargs("int", &args, ["base"])?;
    let pos = args.pos();
    let cls = &pos[0];
    let pos = &pos[1..];
    if pos.len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
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

fn parse(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match int::parse_int(s, base) {
        Some(b) => {
            let limit = vm.int_max_str_digits;
            if base == 10 && limit > 0 && s.trim().trim_start_matches(['-', '+']).len() > limit {
                return Err(value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                    s.trim().trim_start_matches(['-', '+']).len())));
            }
            Ok(Value::big_int(b))
        }
        None => {
            let r = crate::runtime::strings::repr_str(s);
            Err(value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if let Some(i) = x.as_int() {
        return Ok(i.to_value());
    }
    if let Some(f) = x.as_float() {
        return crate::objects::float::float_to_int(f);
    }
    if let Some(s) = x.as_str() {
        return parse(vm, s, 10);
    }
    if crate::runtime::ops::is_user_object(x) {
        for name in ["__int__", "__index__", "__trunc__"] {
            let n = vm.intern(name);
            if let Some(m) = vm.lookup_special(x, &n) {
                let r = vm.call_method_value(&m, x, &[])?;
                if r.as_int().is_none() {
                    return Err(type_error(format!("{name} returned non-int (type {})", vm.type_name(&r))));
                }
                return Ok(r.as_int().expect("int").to_value());
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
    let pos = &args.pos()[1..];
    match pos {
        [] => Ok(Value::FALSE),
        [x] => Ok(Value::bool(vm.truthy(x)?)),
        _ => Err(PyErr::new(ExcKind::TypeError, format!("bool expected at most 1 argument, got {}", pos.len()))),
    }
}
