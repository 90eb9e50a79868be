//! `bytes`: the constructor and the methods, with CPython's argument conventions and
//! messages. The operators (`+`, `*`, indexing, `in`, comparison) live with the other
//! types' in `runtime/` and the dunders here reach them.

use super::codecs;
use super::str::{bind_params, check_arity, Arity};
use super::str_methods::find_result;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::bytes::new_bytes;
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("decode", decode),
        ("hex", hex),
        ("fromhex", fromhex),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__hash__", hash),
        ("__repr__", repr),
        ("__str__", repr),
        ("__lt__", compare::<0>),
        ("__le__", compare::<1>),
        ("__eq__", compare::<2>),
        ("__ne__", compare::<3>),
        ("__gt__", compare::<4>),
        ("__ge__", compare::<5>),
        ("__getnewargs__", getnewargs),
    ]
}

// ------------------------------------------------------------------ argument conventions

/// The receiver of a bytes method, with CPython's descriptor errors.
fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a [u8], &'a [Value])> {
    let Some((b, rest)) = args.pos().split_first() else {
        return Err(type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    match b.as_bytes() {
        Some(data) => Ok((data, rest)),
        None => Err(type_error(format!("descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object", vm.type_name(b)))),
    }
}

/// A method taking positional arguments only.
fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, arity: Arity) -> PyResult<(&'a [u8], &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("bytes.{name}() takes no keyword arguments")));
    }
    let (b, rest) = receiver(vm, args, name)?;
    check_arity("bytes", name, rest.len(), arity)?;
    Ok((b, rest))
}

/// A slot wrapper (`__len__`, `__add__`...).
fn wrapper_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<(&'a [u8], &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let Some((b, rest)) = args.pos().split_first() else {
        return Err(type_error(format!("descriptor '{name}' of 'bytes' object needs an argument")));
    };
    let Some(data) = b.as_bytes() else {
        return Err(type_error(format!("descriptor '{name}' requires a 'bytes' object but received a '{}'", vm.type_name(b))));
    };
    if rest.len() != n {
        let plural = if n == 1 { "argument" } else { "arguments" };
        return Err(type_error(format!("expected {n} {plural}, got {}", rest.len())));
    }
    Ok((data, rest))
}

fn self_value<'a>(args: &Args<'a>) -> &'a Value {
    &args.pos()[0]
}

/// An argument that must be bytes-like: `a bytes-like object is required, not 'str'`.
fn bytes_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a [u8]> {
    v.as_bytes().ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(v))))
}

/// An integer (`__index__`) clamped to the machine range, as CPython's
/// `PyNumber_AsSsize_t(v, NULL)`; None when `v` is no integer.
fn clamped_int(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let name = vm.names.dunder_index.clone();
    if v.as_int().is_none() && !(crate::runtime::ops::is_user_object(v) && vm.lookup_special(v, &name).is_some()) {
        return Ok(None);
    }
    crate::runtime::subscript::index_value(vm, v, true).map(Some)
}

/// A byte value given as an int (`x in b`, `b.find(x)`); None when `v` is no integer.
fn int_byte(vm: &mut Vm, v: &Value) -> PyResult<Option<u8>> {
    match clamped_int(vm, v)? {
        Some(i) => u8::try_from(i).map(Some).map_err(|_| value_error("byte must be in range(0, 256)")),
        None => Ok(None),
    }
}

/// A str argument of `name()` called `what` (`decode() argument 'encoding' must be str`).
pub fn str_param<'a>(vm: &Vm, v: Option<&'a Value>, name: &str, what: &str) -> PyResult<Option<&'a str>> {
    v.map(|v| v.as_str().ok_or_else(|| type_error(format!("{name}() argument '{what}' must be str, not {}", vm.type_name(v))))).transpose()
}

/// A bytes result, reusing `orig` when it is the whole of it (as CPython returns self).
fn bytes_result(orig: &Value, data: &[u8]) -> Value {
    if orig.as_bytes().is_some_and(|o| o.len() == data.len()) {
        orig.clone()
    } else {
        new_bytes(data)
    }
}

// ------------------------------------------------------------------ constructor

/// `bytes(source=b'', encoding=..., errors=...)`.
pub fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    let [source, encoding, errors] = bind_params(&args, pos, "bytes", ["source", "encoding", "errors"], 0)?;
    let encoding = str_param(vm, encoding, "bytes", "encoding")?;
    let errors = str_param(vm, errors, "bytes", "errors")?;
    let Some(source) = source else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(new_bytes(Vec::new()));
    };
    if let Some(text) = source.as_str() {
        let Some(encoding) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let codec = codecs::lookup(encoding)?;
        return Ok(new_bytes(codecs::encode(text, codec, errors.unwrap_or("strict"))?));
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    from_object(vm, source)
}

/// `bytes(x)` for a non-str `x`: a copy, `__bytes__`, a count of zero bytes, or the
/// ints of an iterable.
fn from_object(vm: &mut Vm, source: &Value) -> PyResult<Value> {
    if source.as_bytes().is_some() {
        return Ok(source.clone());
    }
    if crate::runtime::ops::is_user_object(source) {
        let name = vm.intern("__bytes__");
        if let Some(m) = vm.lookup_special(source, &name) {
            let r = vm.call_method_value(&m, source, &[])?;
            if r.as_bytes().is_none() {
                return Err(type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r))));
            }
            return Ok(r);
        }
    }
    if let Some(n) = source.as_int() {
        let n = n.to_i64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer"))?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        crate::runtime::strings::check_size(n as usize)?;
        return Ok(new_bytes(vec![0u8; n as usize]));
    }
    if crate::runtime::ops::is_user_object(source) {
        let name = vm.names.dunder_index.clone();
        if vm.lookup_special(source, &name).is_some() {
            let n = crate::runtime::subscript::index_value(vm, source, false)?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            return Ok(new_bytes(vec![0u8; n as usize]));
        }
    }
    if source.as_float().is_some() || !vm.has_iter(source) {
        return Err(type_error(format!("cannot convert '{}' object to bytes", vm.type_name(source))));
    }
    let it = vm.iter(source)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let Some(i) = clamped_int(vm, &x)? else {
            return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&x))));
        };
        out.push(u8::try_from(i).map_err(|_| value_error("bytes must be in range(0, 256)"))?);
    }
    Ok(new_bytes(out))
}

// ------------------------------------------------------------------ codecs and hex

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "decode")?;
    let [encoding, errors] = bind_params(&args, rest, "decode", ["encoding", "errors"], 0)?;
    let encoding = str_param(vm, encoding, "decode", "encoding")?.unwrap_or("utf-8");
    let errors = str_param(vm, errors, "decode", "errors")?.unwrap_or("strict");
    let codec = codecs::lookup(encoding)?;
    let text = codecs::decode(data, codec, errors)?;
    Ok(vm.str_from_string(text))
}

/// `bytes.hex(sep=..., bytes_per_sep=1)`: groups count from the right when
/// `bytes_per_sep` is positive, from the left when negative.
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = receiver(vm, &args, "hex")?;
    let [sep, per] = bind_params(&args, rest, "hex", ["sep", "bytes_per_sep"], 0)?;
    let digits = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let Some(sep) = sep else {
        return Ok(vm.str_from_string(digits(data)));
    };
    let sep_char = if let Some(s) = sep.as_str() {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if c.is_ascii() => c,
            (Some(_), None) => return Err(value_error("sep must be ASCII.")),
            _ => return Err(value_error("sep must be length 1.")),
        }
    } else if let Some(b) = sep.as_bytes() {
        match b {
            [c] if c.is_ascii() => *c as char,
            [_] => return Err(value_error("sep must be ASCII.")),
            _ => return Err(value_error("sep must be length 1.")),
        }
    } else {
        vm.len(sep)?;
        return Err(type_error(format!("sep must be str or bytes, not {}", vm.type_name(sep))));
    };
    let per = match per {
        Some(p) => super::argparse::int_arg(vm, p)?,
        None => 1,
    };
    if per == 0 || data.is_empty() {
        return Ok(vm.str_from_string(digits(data)));
    }
    let group = per.unsigned_abs() as usize;
    let chunks: Vec<String> = if per > 0 {
        // The first (leftmost) group is the short one.
        let head = data.len() % group;
        let mut v = Vec::new();
        if head > 0 {
            v.push(digits(&data[..head]));
        }
        v.extend(data[head..].chunks(group).map(digits));
        v
    } else {
        data.chunks(group).map(digits).collect()
    };
    Ok(vm.str_from_string(chunks.join(&sep_char.to_string())))
}

/// `bytes.fromhex(string)` (a class method): pairs of hex digits, ASCII whitespace
/// allowed between pairs.
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("bytes.fromhex() takes no keyword arguments"));
    }
    // The class method's first argument is the class.
    let rest = args.pos().get(1..).unwrap_or(&[]);
    check_arity("bytes", "fromhex", rest.len(), Arity::One)?;
    let arg = &rest[0];
    let owned;
    let text: &[u8] = if let Some(s) = arg.as_str() {
        if let Some(i) = s.chars().position(|c| !c.is_ascii()) {
            return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")));
        }
        s.as_bytes()
    } else if let Some(b) = arg.as_bytes() {
        owned = b.to_vec();
        &owned
    } else {
        return Err(type_error(format!("fromhex() argument must be str or bytes-like, not {}", vm.type_name(arg))));
    };
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut i = 0;
    while i < text.len() {
        if is_space(text[i]) {
            i += 1;
            continue;
        }
        let Some(top) = digit(text[i]) else {
            return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")));
        };
        let Some(&next) = text.get(i + 1) else {
            return Err(value_error("fromhex() arg must contain an even number of hexadecimal digits"));
        };
        let Some(bot) = digit(next) else {
            return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
        };
        out.push(top << 4 | bot);
        i += 2;
    }
    Ok(new_bytes(out))
}

// ------------------------------------------------------------------ join / split / strip

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, rest) = method_args(vm, &args, "join", Arity::One)?;
    let seq = &rest[0];
    if !vm.has_iter(seq) {
        return Err(type_error("can only join an iterable"));
    }
    let items = vm.collect(seq)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = it.as_bytes() else {
            return Err(type_error(format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_name(it))));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(b);
    }
    Ok(new_bytes(out))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The separator and limit of split/rsplit.
fn split_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a [u8], Option<&'a [u8]>, usize)> {
    let (data, rest) = receiver(vm, args, name)?;
    let [sep, max] = bind_params(args, rest, name, ["sep", "maxsplit"], 0)?;
    let sep = match sep {
        Some(s) if !s.is_none() => {
            let s = bytes_arg(vm, s)?;
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let max = match max {
        Some(m) => super::argparse::int_arg(vm, m)?,
        None => -1,
    };
    Ok((data, sep, usize::try_from(max).unwrap_or(usize::MAX)))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, sep, max) = split_args(vm, &args, "split")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if parts.len() == max {
                    parts.push(&data[i..]);
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(&data[start..i]);
            }
        }
        Some(sep) => {
            let mut start = 0;
            while parts.len() < max {
                match find_sub(&data[start..], sep) {
                    Some(at) => {
                        parts.push(&data[start..start + at]);
                        start += at + sep.len();
                    }
                    None => break,
                }
            }
            parts.push(&data[start..]);
        }
    }
    Ok(list::new_list(parts.into_iter().map(new_bytes).collect()))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, sep, max) = split_args(vm, &args, "rsplit")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if parts.len() == max {
                    parts.push(&data[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                parts.push(&data[i..end]);
            }
        }
        Some(sep) => {
            let mut end = data.len();
            while parts.len() < max {
                match rfind_sub(&data[..end], sep) {
                    Some(at) => {
                        parts.push(&data[at + sep.len()..end]);
                        end = at;
                    }
                    None => break,
                }
            }
            parts.push(&data[..end]);
        }
    }
    parts.reverse();
    Ok(list::new_list(parts.into_iter().map(new_bytes).collect()))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (data, rest) = method_args(vm, &args, name, Arity::Range(0, 1))?;
    let chars = match rest.first() {
        Some(c) if !c.is_none() => Some(bytes_arg(vm, c)?),
        _ => None,
    };
    let strip = |c: u8| match chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let mut lo = 0;
    let mut hi = data.len();
    if left {
        while lo < hi && strip(data[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(data[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(bytes_result(self_value(&args), &data[lo..hi]))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

// ------------------------------------------------------------------ search

/// The first position of `sub` in `hay`.
pub fn find_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() == 1 {
        return hay.iter().position(|&c| c == sub[0]);
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

/// Shared by find/rfind/index/rindex/count: the needle and the bounded haystack.
struct Search<'a> {
    data: &'a [u8],
    sub: Vec<u8>,
    start: i64,
    end: i64,
}

fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    let (data, rest) = method_args(vm, args, name, Arity::Range(1, 3))?;
    let sub = match rest[0].as_bytes() {
        Some(b) => b.to_vec(),
        None => match int_byte(vm, &rest[0])? {
            Some(b) => vec![b],
            None => {
                let what = vm.type_name(&rest[0]);
                return Err(type_error(format!("argument should be integer or bytes-like object, not '{what}'")));
            }
        },
    };
    let (start, end) = super::str_methods::bounds(vm, &rest[1..], data.len())?;
    Ok(Search { data, sub, start, end })
}

impl Search<'_> {
    fn window(&self) -> Option<&[u8]> {
        if self.end - self.start < self.sub.len() as i64 {
            return None;
        }
        Some(&self.data[self.start as usize..self.end as usize])
    }

    fn find(&self, reverse: bool) -> Option<usize> {
        let hay = self.window()?;
        let at = if reverse { rfind_sub(hay, &self.sub) } else { find_sub(hay, &self.sub) }?;
        Some(self.start as usize + at)
    }

    fn count(&self) -> usize {
        let Some(hay) = self.window() else { return 0 };
        if self.sub.is_empty() {
            return hay.len() + 1;
        }
        let mut n = 0;
        let mut i = 0;
        while let Some(at) = find_sub(&hay[i..], &self.sub) {
            n += 1;
            i += at + self.sub.len();
        }
        n
    }
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(find_result(search_args(vm, &args, "find")?.find(false)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(find_result(search_args(vm, &args, "rfind")?.find(true)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search_args(vm, &args, "index")?.find(false).map(Value::int_from_usize).ok_or_else(|| value_error("subsection not found"))
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    search_args(vm, &args, "rindex")?.find(true).map(Value::int_from_usize).ok_or_else(|| value_error("subsection not found"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int_from_usize(search_args(vm, &args, "count")?.count()))
}

fn affix(vm: &mut Vm, args: Args, name: &str, start: bool) -> PyResult<Value> {
    let (data, rest) = method_args(vm, &args, name, Arity::Range(1, 3))?;
    let (lo, hi) = super::str_methods::bounds(vm, &rest[1..], data.len())?;
    let matches = |p: &[u8]| {
        if lo + p.len() as i64 > hi {
            return false;
        }
        let window = &data[lo as usize..hi as usize];
        if start { window.starts_with(p) } else { window.ends_with(p) }
    };
    if let Some(t) = rest[0].as_tuple() {
        for p in t {
            if matches(bytes_arg(vm, p)?) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match rest[0].as_bytes() {
        Some(p) => Ok(Value::bool(matches(p))),
        None => Err(type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", vm.type_name(&rest[0])))),
    }
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

/// `bytes.replace(old, new, count=-1)`; an empty `old` inserts `new` around every byte.
fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = method_args(vm, &args, "replace", Arity::Range(2, 3))?;
    let old = bytes_arg(vm, &rest[0])?;
    let new = bytes_arg(vm, &rest[1])?;
    let limit = match rest.get(2) {
        Some(c) => usize::try_from(super::argparse::int_arg(vm, c)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    if old.is_empty() {
        for (i, &b) in data.iter().enumerate() {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(b);
            if i + 1 == data.len() && done < limit {
                out.extend_from_slice(new);
            }
        }
        if data.is_empty() && limit > 0 {
            out.extend_from_slice(new);
            done = 1;
        }
    } else {
        let mut i = 0;
        while done < limit {
            match find_sub(&data[i..], old) {
                Some(at) => {
                    out.extend_from_slice(&data[i..i + at]);
                    out.extend_from_slice(new);
                    i += at + old.len();
                    done += 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&data[i..]);
    }
    if done == 0 {
        return Ok(self_value(&args).clone());
    }
    Ok(new_bytes(out))
}

// ------------------------------------------------------------------ ASCII case and classes

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = method_args(vm, &args, "upper", Arity::NoArgs)?;
    Ok(new_bytes(data.to_ascii_uppercase()))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = method_args(vm, &args, "lower", Arity::NoArgs)?;
    Ok(new_bytes(data.to_ascii_lowercase()))
}

/// The `is*` predicates: true when non-empty (`isascii`: always) and every byte passes.
fn all_bytes(vm: &mut Vm, args: Args, name: &str, pred: fn(u8) -> bool) -> PyResult<Value> {
    let (data, _) = method_args(vm, &args, name, Arity::NoArgs)?;
    Ok(Value::bool((!data.is_empty() || name == "isascii") && data.iter().all(|&c| pred(c))))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isdigit", |c| c.is_ascii_digit())
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isalpha", |c| c.is_ascii_alphabetic())
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isalnum", |c| c.is_ascii_alphanumeric())
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isspace", is_space)
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(vm, args, "isascii", |c| c.is_ascii())
}

// ------------------------------------------------------------------ dunders

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = wrapper_args(vm, &args, "__len__", 0)?;
    Ok(Value::int_from_usize(data.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__getitem__", 1)?;
    vm.getitem(self_value(&args), &rest[0])
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__contains__", 1)?;
    Ok(Value::bool(vm.contains(self_value(&args), &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_args(vm, &args, "__iter__", 0)?;
    vm.iter(self_value(&args))
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__add__", 1)?;
    vm.binary_op(self_value(&args), &rest[0], crate::bytecode::BinaryOpArg::Add)
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, rest) = wrapper_args(vm, &args, "__mul__", 1)?;
    let n = super::argparse::int_arg(vm, &rest[0])?;
    repeat(data, n)
}

/// `b * n`.
pub fn repeat(data: &[u8], n: i64) -> PyResult<Value> {
    if n <= 0 || data.is_empty() {
        return Ok(new_bytes(Vec::new()));
    }
    let total = (n as u64).checked_mul(data.len() as u64).filter(|&t| t <= isize::MAX as u64);
    let Some(total) = total else {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    };
    crate::runtime::strings::check_size(total as usize)?;
    Ok(new_bytes(data.repeat(n as usize)))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_args(vm, &args, "__hash__", 0)?;
    Ok(Value::int(self_value(&args).downcast::<BytesObj>().expect("bytes").hash()))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = wrapper_args(vm, &args, "__repr__", 0)?;
    Ok(vm.str_from_string(repr_bytes(data)))
}

/// CPython's bytes repr: single quotes unless the bytes hold a `'` and no `"`.
pub fn repr_bytes(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `__lt__` ... `__ge__`: `OP` is the comparison's COMPARE_OP argument (`CmpOp` order).
fn compare<const OP: u32>(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][OP as usize];
    let (data, rest) = wrapper_args(vm, &args, name, 1)?;
    match rest[0].as_bytes() {
        Some(o) => Ok(Value::bool(CmpOp::from_arg(OP).test(data.cmp(o)))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (data, _) = method_args(vm, &args, "__getnewargs__", Arity::NoArgs)?;
    Ok(tuple::new_tuple(vec![new_bytes(data)]))
}

/// `x in b`: an int byte value or a bytes substring.
pub fn contains_item(vm: &mut Vm, data: &[u8], item: &Value) -> PyResult<bool> {
    if let Some(sub) = item.as_bytes() {
        return Ok(find_sub(data, sub).is_some());
    }
    match int_byte(vm, item)? {
        Some(b) => Ok(data.contains(&b)),
        None => Err(type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(item)))),
    }
}
