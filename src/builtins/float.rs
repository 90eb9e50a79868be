//! `float`: constructor and methods.

use super::argparse;
use crate::error::{type_error, value_error, PyResult};
use crate::objects::float as fl;
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("conjugate", conjugate),
        ("hex", hex),
        ("__int__", to_int),
        ("__trunc__", to_int),
        ("__float__", conjugate),
        ("__round__", round),
        ("__abs__", abs),
    ]
}

fn self_float(vm: &Vm, v: &Value, name: &str) -> PyResult<f64> {
    v.as_float().ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'float' object but received a '{}'", vm.type_name(v))))
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("is_integer", &args, 0, 0)?;
    Ok(Value::bool(fl::is_integer(self_float(vm, s, "is_integer")?)))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("as_integer_ratio", &args, 0, 0)?;
    let x = self_float(vm, s, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(crate::error::overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok(tuple::new_tuple(vec![Value::small_int(0), Value::small_int(1)]));
    }
    let (mut n, mut d) = fl::exact_ratio(x);
    use num_integer::Integer;
    let g = n.gcd(&d);
    n /= &g;
    d /= &g;
    Ok(tuple::new_tuple(vec![Value::big_int(n), Value::big_int(d)]))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("conjugate", &args, 0, 0)?;
    Ok(Value::float(self_float(vm, s, "conjugate")?))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__abs__", &args, 0, 0)?;
    Ok(Value::float(self_float(vm, s, "__abs__")?.abs()))
}

fn to_int(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__int__", &args, 0, 0)?;
    fl::float_to_int(self_float(vm, s, "__int__")?)
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__round__", &args, 0, 1)?;
    let mut v = vec![s.clone()];
    v.extend(rest.iter().cloned());
    let round = vm.intern("round");
    let f = vm.builtins_dict().get_str(&round).expect("round");
    vm.call(&f, &v)
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("hex", &args, 0, 0)?;
    let x = self_float(vm, s, "hex")?;
    let out = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else if x == 0.0 {
        if x.is_sign_negative() { "-0x0.0p+0".into() } else { "0x0.0p+0".into() }
    } else {
        let bits = x.to_bits();
        let sign = if x < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
        let mut m = format!("{mant:013x}");
        while m.ends_with('0') && m.len() > 1 {
            m.pop();
        }
        format!("{sign}0x{lead}.{m}p{}{e}", if e >= 0 { "+" } else { "" })
    };
    Ok(vm.str_from_string(out))
}

/// `float(x=0.0)`.
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("float", &args)?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", pos.len())));
    }
    let Some(x) = pos.first() else { return Ok(Value::float(0.0)) };
    to_float(vm, x).map(Value::float)
}

pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_int() {
        return crate::objects::int::int_to_f64(i);
    }
    if let Some(s) = x.as_str() {
        return fl::parse_float(s).ok_or_else(|| {
            value_error(format!("could not convert string to float: {}", crate::runtime::strings::repr_str(s)))
        });
    }
    if crate::runtime::ops::is_user_object(x) {
        for name in ["__float__", "__index__"] {
            let n = vm.intern(name);
            if let Some(m) = vm.lookup_special(x, &n) {
                let r = vm.call_method_value(&m, x, &[])?;
                if let Some(f) = r.as_float() {
                    return Ok(f);
                }
                if let Some(i) = r.as_int() {
                    return crate::objects::int::int_to_f64(i);
                }
                return Err(type_error(format!("{}.{name} returned non-float (type {})", vm.type_name(x), vm.type_name(&r))));
            }
        }
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}
