//! The text-processing methods of `str` (split, strip, find, case, padding, tests).

use super::argparse;
use super::str::self_str;
use crate::error::{type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("split", split),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
    ]
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sep_kw, max_kw] = argparse::kwargs("split", &args, ["sep", "maxsplit"])?;
    let pos = args.pos();
    let s = self_str(vm, &pos[0], "split")?.to_string();
    let sep = pos.get(1).or(sep_kw).filter(|v| !v.is_none()).cloned();
    let maxsplit = match pos.get(2).or(max_kw) {
        Some(m) => argparse::int_arg(vm, m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            out
        }
        Some(sepv) => {
            let sep = argparse::str_arg(vm, &sepv, "must be str or None")?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.split(sep).map(str::to_string).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep).map(str::to_string).collect()
            }
        }
    };
    Ok(list::new_list(parts.into_iter().map(|p| vm.str_from_string(p)).collect()))
}

fn strip_chars(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(String, Option<Vec<char>>)> {
    let (s, rest) = argparse::method(name, args, 0, 1)?;
    let text = self_str(vm, s, name)?.to_string();
    let chars = match rest.first() {
        Some(c) if !c.is_none() => match c.as_str() {
            Some(c) => Some(c.chars().collect()),
            None => return Err(type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    Ok((text, chars))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, chars) = strip_chars(vm, &args, "strip")?;
    let r = match chars {
        None => s.trim().to_string(),
        Some(c) => s.trim_matches(|x| c.contains(&x)).to_string(),
    };
    Ok(vm.str_from_string(r))
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, chars) = strip_chars(vm, &args, "lstrip")?;
    let r = match chars {
        None => s.trim_start().to_string(),
        Some(c) => s.trim_start_matches(|x| c.contains(&x)).to_string(),
    };
    Ok(vm.str_from_string(r))
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, chars) = strip_chars(vm, &args, "rstrip")?;
    let r = match chars {
        None => s.trim_end().to_string(),
        Some(c) => s.trim_end_matches(|x| c.contains(&x)).to_string(),
    };
    Ok(vm.str_from_string(r))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [count_kw] = argparse::kwargs("replace", &args, ["count"])?;
    let pos = args.pos();
    if pos.len() < 3 || pos.len() > 4 {
        return Err(type_error(format!("replace expected at least 2 arguments, got {}", pos.len().saturating_sub(1))));
    }
    let s = self_str(vm, &pos[0], "replace")?;
    let old = argparse::str_arg(vm, &pos[1], "replace() argument 1")?;
    let new = argparse::str_arg(vm, &pos[2], "replace() argument 2")?;
    let count = match pos.get(3).or(count_kw) {
        Some(c) => argparse::int_arg(vm, c)?,
        None => -1,
    };
    let r = if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) };
    Ok(vm.str_from_string(r))
}

fn affix(vm: &mut Vm, args: Args, name: &str, start: bool) -> PyResult<Value> {
    let (s, rest) = argparse::method(name, &args, 1, 3)?;
    let text = self_str(vm, s, name)?;
    let sub = crate::builtins::str_methods::slice_args(vm, text, &rest[1..])?;
    let check = |p: &str| if start { sub.starts_with(p) } else { sub.ends_with(p) };
    if let Some(t) = rest[0].as_tuple() {
        for p in t {
            match p.as_str() {
                Some(p) if check(p) => return Ok(Value::TRUE),
                Some(_) => {}
                None => return Err(type_error(format!("tuple for {name} must only contain str, not {}", vm.type_name(p)))),
            }
        }
        return Ok(Value::FALSE);
    }
    match rest[0].as_str() {
        Some(p) => Ok(Value::bool(check(p))),
        None => Err(type_error(format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(&rest[0])))),
    }
}

/// The substring `s[start:end]` for the optional start/end arguments of find & co.
pub fn slice_args<'a>(vm: &mut Vm, s: &'a str, rest: &[Value]) -> PyResult<&'a str> {
    let n = s.chars().count() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match rest.first() {
        Some(v) if !v.is_none() => clamp(argparse::int_arg(vm, v)?),
        _ => 0,
    };
    let end = match rest.get(1) {
        Some(v) if !v.is_none() => clamp(argparse::int_arg(vm, v)?),
        _ => n,
    };
    if start > end {
        return Ok("");
    }
    let b0 = s.char_indices().nth(start as usize).map_or(s.len(), |(b, _)| b);
    let b1 = s.char_indices().nth(end as usize).map_or(s.len(), |(b, _)| b);
    Ok(&s[b0..b1])
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("upper", &args, 0, 0)?;
    let r = self_str(vm, s, "upper")?.to_uppercase();
    Ok(vm.str_from_string(r))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("lower", &args, 0, 0)?;
    let r = self_str(vm, s, "lower")?.to_lowercase();
    Ok(vm.str_from_string(r))
}
