//! Argument checking for native functions, with CPython's error messages.

use crate::error::{type_error, PyErr, PyResult};
use crate::objects::func::Args;
use crate::value::Value;
use crate::vm::Vm;

/// Refuses keyword arguments: `len() takes no keyword arguments`.
pub fn no_kwargs(name: &str, args: &Args) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Exactly `n` positional arguments (CPython's METH_O / fixed-arity wording).
pub fn exact<'a>(name: &str, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    let pos = args.pos();
    if pos.len() != n {
        return Err(match n {
            0 => type_error(format!("{name}() takes no arguments ({} given)", pos.len())),
            1 => type_error(format!("{name}() takes exactly one argument ({} given)", pos.len())),
            _ => type_error(format!("{name} expected {n} arguments, got {}", pos.len())),
        });
    }
    Ok(pos)
}

/// Between `min` and `max` positional arguments (`pop expected at most 1 argument, got 2`).
pub fn range<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    let pos = args.pos();
    if pos.len() < min {
        let plural = if min == 1 { "argument" } else { "arguments" };
        return Err(type_error(format!("{name} expected at least {min} {plural}, got {}", pos.len())));
    }
    if pos.len() > max {
        let plural = if max == 1 { "argument" } else { "arguments" };
        return Err(type_error(format!("{name} expected at most {max} {plural}, got {}", pos.len())));
    }
    Ok(pos)
}

/// A method's arguments after `self`: (self, rest), checking the count like CPython's
/// argument clinic: `append() takes exactly one argument (0 given)`.
pub fn method<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    no_kwargs(name, args)?;
    let pos = args.pos();
    let (s, rest) = pos.split_first().ok_or_else(|| type_error(format!("descriptor '{name}' needs an argument")))?;
    if rest.len() < min || rest.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", rest.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", rest.len()),
                _ => format!("{name}() takes exactly {min} arguments ({} given)", rest.len()),
            }
        } else if rest.len() < min {
            format!("{name} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, rest.len())
        } else {
            format!("{name} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, rest.len())
        };
        return Err(type_error(msg));
    }
    Ok((s, rest))
}

/// Keyword arguments for functions that take named options: returns the value of each
/// allowed name, refusing others with CPython's message.
pub fn kwargs<'a, const N: usize>(name: &str, args: &Args<'a>, allowed: [&str; N]) -> PyResult<[Option<&'a Value>; N]> {
    let mut out = [None; N];
    for (k, v) in args.kwargs() {
        match allowed.iter().position(|a| *a == k) {
            Some(i) => out[i] = Some(v),
            None => return Err(type_error(format!("{name}() got an unexpected keyword argument '{k}'"))),
        }
    }
    Ok(out)
}

/// An int argument as i64 (`'str' object cannot be interpreted as an integer`).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_int() {
        return i.to_i64().ok_or_else(|| PyErr::new(crate::error::ExcKind::OverflowError, "Python int too large to convert to C ssize_t"));
    }
    if crate::runtime::ops::is_user_object(v) {
        let name = vm.names.dunder_index.clone();
        if let Some(m) = vm.lookup_special(v, &name) {
            let r = vm.call_method_value(&m, v, &[])?;
            return int_arg(vm, &r);
        }
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))
}

/// A str argument.
pub fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    crate::objects::class::str_of(v).ok_or_else(|| type_error(format!("{what} must be str, not {}", vm.type_name(v))))
}
