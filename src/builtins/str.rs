//! `str`: constructor, argument conventions, and the methods that build or convert whole
//! strings (join, format, translate, partition, dunders). The text-processing methods are
//! in `str_methods.rs`.

use super::argparse;
use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::format::FieldSource;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("join", join),
        ("encode", encode),
        ("format", format),
        ("format_map", format_map),
        ("maketrans", maketrans),
        ("translate", translate),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__format__", dunder_format),
        ("__len__", len),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__iter__", iter),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__hash__", hash),
        ("__repr__", repr),
        ("__str__", str_self),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__sizeof__", sizeof),
        ("__getnewargs__", getnewargs),
    ];
    v.extend(super::str_methods::methods());
    v
}

// ------------------------------------------------------------------ argument conventions

/// How a method checks its positional arguments; CPython words each kind differently.
#[derive(Clone, Copy)]
pub enum Arity {
    /// `str.upper() takes no arguments (1 given)`
    NoArgs,
    /// `str.join() takes exactly one argument (0 given)`
    One,
    /// `find expected at least 1 argument, got 0`
    Range(usize, usize),
}

/// The receiver of a str method, with CPython's descriptor errors.
fn receiver<'a>(vm: &Vm, pos: &'a [Value], name: &str) -> PyResult<(&'a StrObj, &'a [Value])> {
    let Some((s, rest)) = pos.split_first() else {
        return Err(type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match s.downcast::<StrObj>() {
        Some(s) => Ok((s, rest)),
        None => Err(type_error(format!("descriptor '{name}' for 'str' objects doesn't apply to a '{}' object", vm.type_name(s)))),
    }
}

/// Checks a method that takes positional arguments only; returns self and the rest.
pub fn method_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, arity: Arity) -> PyResult<(&'a StrObj, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let (s, rest) = receiver(vm, args.pos(), name)?;
    check_arity("str", name, rest.len(), arity)?;
    Ok((s, rest))
}

/// CPython's TypeError when `n` positional arguments do not fit `arity` (methods of
/// the built-in type `owner`).
pub fn check_arity(owner: &str, name: &str, n: usize, arity: Arity) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = match arity {
        Arity::NoArgs if n != 0 => format!("{owner}.{name}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
        Arity::Range(min, _) if n < min => format!("{name} expected at least {min} {}, got {n}", plural(min)),
        Arity::Range(_, max) if n > max => format!("{name} expected at most {max} {}, got {n}", plural(max)),
        _ => return Ok(()),
    };
    Err(type_error(msg))
}

/// Checks a method whose parameters may be passed by keyword (argument clinic style).
/// The first `pos_only` parameters are positional-only and required.
pub fn kw_method_args<'a, const N: usize>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
    params: [&str; N],
    pos_only: usize,
) -> PyResult<(&'a StrObj, [Option<&'a Value>; N])> {
    let (s, rest) = receiver(vm, args.pos(), name)?;
    Ok((s, bind_params(args, rest, name, params, pos_only)?))
}

/// Binds a method's arguments after its receiver (`rest`, then the keywords) to
/// `params`, argument-clinic style; the first `pos_only` are positional-only and required.
pub fn bind_params<'a, const N: usize>(
    args: &Args<'a>,
    rest: &'a [Value],
    name: &str,
    params: [&str; N],
    pos_only: usize,
) -> PyResult<[Option<&'a Value>; N]> {
    let nkw = args.kwnames.len();
    let total = rest.len() + nkw;
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    if total > N {
        return Err(type_error(if rest.is_empty() {
            format!("{name}() takes at most {N} keyword {} ({nkw} given)", plural(N))
        } else {
            format!("{name}() takes at most {N} {} ({total} given)", plural(N))
        }));
    }
    if rest.len() < pos_only {
        return Err(type_error(format!("{name}() takes at least {pos_only} positional {} ({} given)", plural(pos_only), rest.len())));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(rest) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        let Some(i) = params.iter().skip(pos_only).position(|p| *p == k).map(|i| i + pos_only) else {
            return Err(type_error(format!("{name}() got an unexpected keyword argument '{k}'")));
        };
        if out[i].is_some() {
            return Err(type_error(format!("argument for {name}() given by name ('{k}') and position ({})", i + 1)));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// Checks a slot wrapper (`__len__`, `__add__`...): `expected 1 argument, got 0`.
fn wrapper_args<'a>(vm: &Vm, args: &Args<'a>, name: &str, n: usize) -> PyResult<(&'a StrObj, &'a [Value])> {
    if args.has_kwargs() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let Some((s, rest)) = pos.split_first() else {
        return Err(type_error(format!("descriptor '{name}' of 'str' object needs an argument")));
    };
    let Some(s) = s.downcast::<StrObj>() else {
        return Err(type_error(format!("descriptor '{name}' requires a 'str' object but received a '{}'", vm.type_name(s))));
    };
    if rest.len() != n {
        let plural = if n == 1 { "argument" } else { "arguments" };
        return Err(type_error(format!("expected {n} {plural}, got {}", rest.len())));
    }
    Ok((s, rest))
}

/// A new str, reusing `orig` when the text is unchanged (as CPython does).
pub fn str_result(vm: &Vm, orig: &StrObj, orig_v: &Value, text: &str) -> Value {
    if text.len() == orig.as_str().len() {
        orig_v.clone()
    } else {
        vm.new_str(text)
    }
}

/// The receiver value itself (first positional argument).
pub fn self_value<'a>(args: &Args<'a>) -> &'a Value {
    &args.pos()[0]
}

// ------------------------------------------------------------------ constructor

/// `str(object='')` / `str(object, encoding, errors)`.
pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exact = vm.types.str_.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &exact, str_new) {
        return r;
    }
    let pos = &args.pos()[1..];
    let total = pos.len() + args.kwnames.len();
    if total > 3 {
        return Err(type_error(format!("str expected at most 3 arguments, got {total}")));
    }
    let mut slots: [Option<&Value>; 3] = [None; 3];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        let Some(i) = ["object", "encoding", "errors"].iter().position(|p| *p == k) else {
            return Err(type_error(format!("str() got an unexpected keyword argument '{k}'")));
        };
        if slots[i].is_some() {
            return Err(type_error(format!("argument for str() given by name ('{k}') and position ({})", i + 1)));
        }
        slots[i] = Some(v);
    }
    let [obj, enc, err] = slots;
    if enc.is_some() || err.is_some() {
        return decode_arg(vm, obj, enc, err);
    }
    match obj {
        None => Ok(vm.new_str("")),
        Some(x) => vm.str(x),
    }
}

/// `str(x, encoding, errors)`: decodes bytes.
fn decode_arg(vm: &mut Vm, obj: Option<&Value>, enc: Option<&Value>, err: Option<&Value>) -> PyResult<Value> {
    for (i, v) in [(2, enc), (3, err)] {
        if let Some(v) = v.filter(|v| v.as_str().is_none()) {
            return Err(type_error(format!("str() argument {i} must be str, not {}", vm.type_name(v))));
        }
    }
    let data = match obj {
        Some(o) if o.as_str().is_some() => return Err(type_error("decoding str is not supported")),
        Some(o) => match o.as_bytes() {
            Some(b) => b,
            None => return Err(type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(o)))),
        },
        None => return Ok(vm.new_str("")),
    };
    let codec = super::codecs::lookup(enc.and_then(|e| e.as_str()).unwrap_or("utf-8"))?;
    let text = super::codecs::decode(data, codec, err.and_then(|e| e.as_str()).unwrap_or("strict"))?;
    Ok(vm.str_from_string(text))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [enc, err]) = kw_method_args(vm, &args, "encode", ["encoding", "errors"], 0)?;
    let encoding = super::bytes::str_param(vm, enc, "encode", "encoding")?.unwrap_or("utf-8");
    let errors = super::bytes::str_param(vm, err, "encode", "errors")?.unwrap_or("strict");
    let codec = super::codecs::lookup(encoding)?;
    Ok(crate::objects::bytes::new_bytes(super::codecs::encode(s.as_str(), codec, errors)?))
}

// ------------------------------------------------------------------ join / format

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sep, rest) = method_args(vm, &args, "join", Arity::One)?;
    let seq = &rest[0];
    let items = match seq.as_tuple() {
        Some(t) => t.to_vec(),
        None => match seq.downcast::<ListObj>() {
            Some(l) => l.with_items(|v| v.to_vec()),
            None if !vm.has_iter(seq) => return Err(type_error("can only join an iterable")),
            None => vm.collect(seq)?,
        },
    };
    if items.len() == 1 && items[0].is::<StrObj>() {
        return Ok(items[0].clone());
    }
    let sep = sep.as_str();
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, it) in items.iter().enumerate() {
        match class::str_of(it) {
            Some(x) => total += x.len(),
            None => return Err(type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_name(it)))),
        }
    }
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(class::str_of(it).unwrap_or(""));
    }
    Ok(vm.str_from_string(out))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = receiver(vm, args.pos(), "format")?;
    let kwargs: Vec<(&str, Value)> = args.kwargs().map(|(k, v)| (k, v.clone())).collect();
    let out = crate::runtime::format::str_format(vm, s.as_str(), FieldSource { args: rest, kwargs: &kwargs, mapping: None })?;
    Ok(vm.str_from_string(out))
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "format_map", Arity::One)?;
    let src = FieldSource { args: &[], kwargs: &[], mapping: Some(&rest[0]) };
    let out = crate::runtime::format::str_format(vm, s.as_str(), src)?;
    Ok(vm.str_from_string(out))
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "__format__", Arity::One)?;
    let spec = argparse::str_arg(vm, &rest[0], "__format__() argument")?;
    if spec.is_empty() {
        return Ok(self_value(&args).clone());
    }
    let out = crate::runtime::format::format_str(s.as_str(), spec)?;
    Ok(vm.str_from_string(out))
}

// ------------------------------------------------------------------ translate

/// `str.maketrans(x[, y[, z]])`, a static method: every argument is positional data.
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("str.maketrans() takes no keyword arguments"));
    }
    let pos = args.pos();
    match pos {
        [] => Err(type_error("maketrans expected at least 1 argument, got 0")),
        [x] => maketrans_dict(vm, x),
        [x, y] => maketrans_strs(vm, x, y, None),
        [x, y, z] => maketrans_strs(vm, x, y, Some(z)),
        _ => Err(type_error(format!("maketrans expected at most 3 arguments, got {}", pos.len()))),
    }
}

fn maketrans_dict(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    let Some(d) = x.downcast::<DictObj>() else {
        return Err(type_error("if you give only one argument to maketrans it must be a dict"));
    };
    let out = dict::new_dict();
    for (k, v) in d.items() {
        let key = if let Some(s) = k.as_str() {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Value::int(c as i64),
                _ => return Err(value_error("string keys in translatetable must be of length 1")),
            }
        } else if k.as_int().is_some() {
            k.clone()
        } else {
            return Err(type_error("keys in translate table mustbe strings or integers"));
        };
        vm.setitem(&out, &key, v)?;
    }
    Ok(out)
}

fn maketrans_strs(vm: &mut Vm, x: &Value, y: &Value, z: Option<&Value>) -> PyResult<Value> {
    let Some(xs) = x.as_str() else {
        return Err(type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let ys = argparse::str_arg(vm, y, "maketrans() argument 2")?;
    let zs = match z {
        Some(z) => Some(argparse::str_arg(vm, z, "maketrans() argument 3")?),
        None => None,
    };
    if xs.chars().count() != ys.chars().count() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    let out = dict::new_dict();
    for (a, b) in xs.chars().zip(ys.chars()) {
        vm.setitem(&out, &Value::int(a as i64), Value::int(b as i64))?;
    }
    for c in zs.unwrap_or("").chars() {
        vm.setitem(&out, &Value::int(c as i64), Value::NONE)?;
    }
    Ok(out)
}

/// What the table maps one character to.
#[derive(Clone)]
enum Mapped {
    Keep,
    Delete,
    Text(String),
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "translate", Arity::One)?;
    let table = &rest[0];
    let mut cache: rustc_hash::FxHashMap<char, Mapped> = Default::default();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let m = match cache.get(&c) {
            Some(m) => m.clone(),
            None => {
                let m = translate_char(vm, table, c)?;
                cache.insert(c, m.clone());
                m
            }
        };
        match m {
            Mapped::Keep => out.push(c),
            Mapped::Delete => {}
            Mapped::Text(t) => out.push_str(&t),
        }
    }
    Ok(vm.str_from_string(out))
}

fn translate_char(vm: &mut Vm, table: &Value, c: char) -> PyResult<Mapped> {
    let r = match vm.getitem(table, &Value::int(c as i64)) {
        Ok(r) => r,
        Err(e) => {
            let exc = vm.normalize(e);
            if vm.isinstance_kind(&exc, ExcKind::LookupError) {
                return Ok(Mapped::Keep);
            }
            return Err(PyErr::Obj(exc));
        }
    };
    if r.is_none() {
        return Ok(Mapped::Delete);
    }
    if let Some(t) = r.as_str() {
        return Ok(Mapped::Text(t.to_string()));
    }
    if let Some(i) = r.as_int() {
        let ch = i.to_i64().filter(|c| (0..0x110000).contains(c)).and_then(|c| char::from_u32(c as u32));
        return ch.map(|ch| Mapped::Text(ch.to_string())).ok_or_else(|| value_error("character mapping must be in range(0x110000)"));
    }
    Err(type_error("character mapping must return integer, None or str"))
}

// ------------------------------------------------------------------ partition / affixes

fn partition_sep<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a str> {
    let sep = v.as_str().ok_or_else(|| type_error(format!("must be str, not {}", vm.type_name(v))))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(sep)
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "partition", Arity::One)?;
    let sep = partition_sep(vm, &rest[0])?;
    let text = s.as_str();
    let parts = match text.find(sep) {
        Some(i) => [vm.new_str(&text[..i]), rest[0].clone(), vm.new_str(&text[i + sep.len()..])],
        None => [self_value(&args).clone(), vm.new_str(""), vm.new_str("")],
    };
    Ok(tuple::new_tuple(parts.to_vec()))
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "rpartition", Arity::One)?;
    let sep = partition_sep(vm, &rest[0])?;
    let text = s.as_str();
    let parts = match text.rfind(sep) {
        Some(i) => [vm.new_str(&text[..i]), rest[0].clone(), vm.new_str(&text[i + sep.len()..])],
        None => [vm.new_str(""), vm.new_str(""), self_value(&args).clone()],
    };
    Ok(tuple::new_tuple(parts.to_vec()))
}

fn remove_affix(vm: &mut Vm, args: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, name, Arity::One)?;
    let Some(affix) = rest[0].as_str() else {
        return Err(type_error(format!("{name}() argument must be str, not {}", vm.type_name(&rest[0]))));
    };
    let text = s.as_str();
    let stripped = if prefix { text.strip_prefix(affix) } else { text.strip_suffix(affix) };
    match stripped {
        Some(t) if !affix.is_empty() => Ok(vm.new_str(t)),
        _ => Ok(self_value(&args).clone()),
    }
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removesuffix", false)
}

// ------------------------------------------------------------------ dunders

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = wrapper_args(vm, &args, "__len__", 0)?;
    Ok(Value::int_from_usize(s.char_len()))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__contains__", 1)?;
    Ok(Value::bool(vm.contains(self_value(&args), &rest[0])?))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__getitem__", 1)?;
    vm.getitem(self_value(&args), &rest[0])
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_args(vm, &args, "__iter__", 0)?;
    vm.iter(self_value(&args))
}

fn modulo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = wrapper_args(vm, &args, "__mod__", 1)?;
    crate::runtime::format::percent_format(vm, s.as_str(), &rest[0])
}

fn rmodulo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, rest) = wrapper_args(vm, &args, "__rmod__", 1)?;
    match rest[0].as_str() {
        Some(fmt) => crate::runtime::format::percent_format(vm, fmt, self_value(&args)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = wrapper_args(vm, &args, "__add__", 1)?;
    let Some(other) = rest[0].as_str() else {
        return Err(type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(&rest[0]))));
    };
    let mut out = String::with_capacity(s.as_str().len() + other.len());
    out.push_str(s.as_str());
    out.push_str(other);
    Ok(vm.str_from_string(out))
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = wrapper_args(vm, &args, "__mul__", 1)?;
    match rest[0].as_int() {
        Some(n) => crate::runtime::strings::repeat(vm, s.as_str(), n),
        None if crate::runtime::ops::is_user_object(&rest[0]) => {
            let n = crate::runtime::subscript::index_value(vm, &rest[0], false)
                .map_err(|_| type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&rest[0]))))?;
            crate::runtime::strings::repeat(vm, s.as_str(), int::IntRef::Small(n))
        }
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&rest[0])))),
    }
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = wrapper_args(vm, &args, "__hash__", 0)?;
    Ok(Value::int(s.hash()))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = wrapper_args(vm, &args, "__repr__", 0)?;
    Ok(vm.str_from_string(crate::runtime::strings::repr_str(s.as_str())))
}

fn str_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    wrapper_args(vm, &args, "__str__", 0)?;
    Ok(self_value(&args).clone())
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let (s, rest) = wrapper_args(vm, &args, name, 1)?;
    match rest[0].as_str() {
        Some(o) => Ok(Value::bool(op.test(s.as_str().cmp(o)))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__eq__", CmpOp::Eq)
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ne__", CmpOp::Ne)
}

fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__lt__", CmpOp::Lt)
}

fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__le__", CmpOp::Le)
}

fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__gt__", CmpOp::Gt)
}

fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, "__ge__", CmpOp::Ge)
}

/// CPython's size: the object header plus one to four bytes per character.
fn sizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "__sizeof__", Arity::NoArgs)?;
    let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
    let size = match max {
        0..=0x7f => 41 + s.char_len(),
        // The one-character Latin-1 strings are static singletons that keep their UTF-8.
        0x80..=0xff if s.char_len() == 1 => 61,
        0x80..=0xff => 57 + s.char_len(),
        0x100..=0xffff => 58 + 2 * s.char_len(),
        _ => 60 + 4 * s.char_len(),
    };
    Ok(Value::int_from_usize(size))
}

fn getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "__getnewargs__", Arity::NoArgs)?;
    let copy = vm.new_str(s.as_str());
    Ok(tuple::new_tuple(vec![copy]))
}
