//! The text-processing methods of `str`: split, strip, replace, search, case mapping,
//! padding and the `is*` predicates, with CPython's semantics and messages.
//!
//! Indices are in code points; ASCII strings (the common case) map them 1:1 to bytes.

use super::argparse;
use super::str::{kw_method_args, method_args, self_value, str_result, Arity};
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::strings as uni;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
    ]
}

fn new_list_of(vm: &Vm, parts: &[&str]) -> Value {
    list::new_list(parts.iter().map(|p| vm.new_str(p)).collect())
}

// ------------------------------------------------------------------ split

/// `sep` of split/rsplit: None (whitespace) or a non-empty str.
fn split_sep<'a>(vm: &Vm, v: Option<&'a Value>) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match class::str_of(v) {
            Some("") => Err(value_error("empty separator")),
            Some(s) => Ok(Some(s)),
            None => Err(type_error(format!("must be str or None, not {}", vm.type_name(v)))),
        },
    }
}

/// maxsplit as a count limit (None = unlimited).
fn max_count(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) => {
            let n = argparse::int_arg(vm, v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [sep, max]) = kw_method_args(vm, &args, "split", ["sep", "maxsplit"], 0)?;
    let sep = split_sep(vm, sep)?;
    let max = max_count(vm, max)?;
    let text = s.as_str();
    let parts: Vec<&str> = match (sep, max) {
        (None, _) => split_whitespace(text, max.unwrap_or(usize::MAX)),
        (Some(sep), None) => text.split(sep).collect(),
        (Some(sep), Some(m)) => text.splitn(m.saturating_add(1), sep).collect(),
    };
    if parts.len() == 1 && parts[0].len() == text.len() {
        return Ok(list::new_list(vec![self_value(&args).clone()]));
    }
    Ok(new_list_of(vm, &parts))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [sep, max]) = kw_method_args(vm, &args, "rsplit", ["sep", "maxsplit"], 0)?;
    let sep = split_sep(vm, sep)?;
    let max = max_count(vm, max)?;
    let text = s.as_str();
    let mut parts: Vec<&str> = match (sep, max) {
        (None, _) => rsplit_whitespace(text, max.unwrap_or(usize::MAX)),
        (Some(sep), None) => text.rsplit(sep).collect(),
        (Some(sep), Some(m)) => text.rsplitn(m.saturating_add(1), sep).collect(),
    };
    parts.reverse();
    Ok(new_list_of(vm, &parts))
}

/// Splits on runs of CPython whitespace; after `max` splits the rest (left-stripped) is
/// one final item.
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(uni::is_space);
    while !rest.is_empty() {
        if out.len() == max {
            out.push(rest);
            break;
        }
        let end = rest.find(uni::is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(uni::is_space);
    }
    out
}

/// The mirror of `split_whitespace`, items in reverse order.
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(uni::is_space);
    while !rest.is_empty() {
        if out.len() == max {
            out.push(rest);
            break;
        }
        let start = rest.rfind(uni::is_space).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(uni::is_space);
    }
    out
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [keep]) = kw_method_args(vm, &args, "splitlines", ["keepends"], 0)?;
    let keep = match keep {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let text = s.as_str();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !uni::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            end += 1;
        }
        parts.push(&text[start..if keep { end } else { i }]);
        start = end;
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    Ok(new_list_of(vm, &parts))
}

// ------------------------------------------------------------------ strip

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, name, Arity::Range(0, 1))?;
    let chars = match rest.first() {
        Some(c) if !c.is_none() => Some(class::str_of(c).ok_or_else(|| type_error(format!("{name} arg must be None or str")))?),
        _ => None,
    };
    let mut t = s.as_str();
    match chars {
        None => {
            if left {
                t = t.trim_start_matches(uni::is_space);
            }
            if right {
                t = t.trim_end_matches(uni::is_space);
            }
        }
        Some(set) => {
            let strip = |c: char| set.contains(c);
            if left {
                t = t.trim_start_matches(strip);
            }
            if right {
                t = t.trim_end_matches(strip);
            }
        }
    }
    Ok(str_result(vm, s, self_value(&args), t))
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

// ------------------------------------------------------------------ replace

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [old, new, count]) = kw_method_args(vm, &args, "replace", ["old", "new", "count"], 2)?;
    let (Some(old), Some(new)) = (old, new) else { return Err(type_error("replace() missing arguments")) };
    let old = argparse::str_arg(vm, old, "replace() argument 1")?;
    let new = argparse::str_arg(vm, new, "replace() argument 2")?;
    let limit = max_count(vm, count)?.unwrap_or(usize::MAX);
    match replace_n(s.as_str(), old, new, limit) {
        Some(r) => Ok(vm.str_from_string(r)),
        None => Ok(self_value(&args).clone()),
    }
}

/// `text` with the first `limit` occurrences of `old` replaced, or None if nothing was.
/// An empty `old` matches before every character and at the end, as in CPython.
fn replace_n(text: &str, old: &str, new: &str, limit: usize) -> Option<String> {
    let mut matches = text.match_indices(old).take(limit).peekable();
    matches.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, m) in matches {
        out.push_str(&text[last..i]);
        out.push_str(new);
        last = i + m.len();
    }
    out.push_str(&text[last..]);
    Some(out)
}

// ------------------------------------------------------------------ search

/// Code-point/byte conversions for one string.
struct Text<'a> {
    s: &'a str,
    ascii: bool,
    len: usize,
}

impl<'a> Text<'a> {
    fn new(o: &'a StrObj) -> Text<'a> {
        Text { s: o.as_str(), ascii: o.is_ascii(), len: o.char_len() }
    }

    /// The substring of code points `[start, end)` (0 <= start <= end <= len) and its byte
    /// offset.
    fn slice(&self, start: usize, end: usize) -> (&'a str, usize) {
        if self.ascii {
            return (&self.s[start..end], start);
        }
        let mut idx = self.s.char_indices().map(|(b, _)| b).chain(std::iter::once(self.s.len()));
        let b0 = idx.nth(start).unwrap_or(self.s.len());
        let b1 = if end > start { idx.nth(end - start - 1).unwrap_or(self.s.len()) } else { b0 };
        (&self.s[b0..b1], b0)
    }

    /// The code-point index of byte offset `b` within the slice starting at code point
    /// `start` (byte `b0`).
    fn char_index(&self, start: usize, b0: usize, b: usize) -> usize {
        if self.ascii { b } else { start + self.s[b0..b].chars().count() }
    }
}

/// CPython's ADJUST_INDICES for the optional start/end arguments: negative values count
/// from the end; `end` is clamped to the length, `start` is not.
pub fn bounds(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(i64, i64)> {
    let n = len as i64;
    let get = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            Some(v) if !v.is_none() => Ok(Some(crate::runtime::subscript::index_value(vm, v, true)?)),
            _ => Ok(None),
        }
    };
    let mut start = get(vm, rest.first())?.unwrap_or(0);
    let mut end = get(vm, rest.get(1))?.unwrap_or(n);
    if end > n {
        end = n;
    } else if end < 0 {
        end = (end + n).max(0);
    }
    if start < 0 {
        start = (start + n).max(0);
    }
    Ok((start, end))
}

/// Shared by find/rfind/index/rindex/count: self, the needle and the bounded haystack.
struct Search<'a> {
    text: Text<'a>,
    sub: &'a str,
    sub_len: usize,
    start: i64,
    end: i64,
}

fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    let (s, rest) = method_args(vm, args, name, Arity::Range(1, 3))?;
    let sub = class::str_obj_of(&rest[0]).ok_or_else(|| type_error(format!("{name}() argument 1 must be str, not {}", vm.type_name(&rest[0]))))?;
    let text = Text::new(s);
    let (start, end) = bounds(vm, &rest[1..], text.len)?;
    Ok(Search { text, sub: sub.as_str(), sub_len: sub.char_len(), start, end })
}

impl Search<'_> {
    /// The code-point index of the first (or last) match.
    fn find(&self, reverse: bool) -> Option<usize> {
        if self.end - self.start < self.sub_len as i64 {
            return None;
        }
        let (start, end) = (self.start as usize, self.end as usize);
        let (hay, b0) = self.text.slice(start, end);
        let found = match (reverse, self.sub.len()) {
            (false, 1) => hay.find(self.sub.as_bytes()[0] as char),
            (true, 1) => hay.rfind(self.sub.as_bytes()[0] as char),
            (false, _) => hay.find(self.sub),
            (true, _) => hay.rfind(self.sub),
        }?;
        Some(self.text.char_index(start, b0, b0 + found))
    }

    fn count(&self) -> usize {
        if self.end - self.start < self.sub_len as i64 {
            return 0;
        }
        if self.sub.is_empty() {
            return (self.end - self.start) as usize + 1;
        }
        let (hay, _) = self.text.slice(self.start as usize, self.end as usize);
        if self.sub.len() == 1 {
            let b = self.sub.as_bytes()[0];
            return hay.bytes().filter(|&x| x == b).count();
        }
        hay.matches(self.sub).count()
    }
}

/// find's result: the index, or -1.
pub fn find_result(found: Option<usize>) -> Value {
    found.map_or(Value::int(-1), Value::int_from_usize)
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(find_result(search_args(vm, &args, "find")?.find(false)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(find_result(search_args(vm, &args, "rfind")?.find(true)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search_args(vm, &args, "index")?.find(false) {
        Some(i) => Ok(Value::int_from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search_args(vm, &args, "rindex")?.find(true) {
        Some(i) => Ok(Value::int_from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::int_from_usize(search_args(vm, &args, "count")?.count()))
}

fn affix(vm: &mut Vm, args: Args, name: &str, start: bool) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, name, Arity::Range(1, 3))?;
    let text = Text::new(s);
    let (lo, hi) = bounds(vm, &rest[1..], text.len)?;
    let matches = |p: &StrObj| {
        if lo + p.char_len() as i64 > hi {
            return false;
        }
        let (sub, _) = text.slice(lo as usize, hi as usize);
        if start { sub.starts_with(p.as_str()) } else { sub.ends_with(p.as_str()) }
    };
    if let Some(t) = rest[0].as_tuple() {
        for p in t {
            match class::str_obj_of(p) {
                Some(p) if matches(p) => return Ok(Value::TRUE),
                Some(_) => {}
                None => return Err(type_error(format!("tuple for {name} must only contain str, not {}", vm.type_name(p)))),
            }
        }
        return Ok(Value::FALSE);
    }
    match class::str_obj_of(&rest[0]) {
        Some(p) => Ok(Value::bool(matches(p))),
        None => Err(type_error(format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(&rest[0])))),
    }
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

// ------------------------------------------------------------------ case mapping

/// Runs a case-mapping method: `ascii` handles all-ASCII text, `map` the general case.
fn case_method(vm: &mut Vm, args: Args, name: &str, ascii: fn(&str) -> String, map: fn(&str) -> String) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, name, Arity::NoArgs)?;
    let out = if s.is_ascii() { ascii(s.as_str()) } else { map(s.as_str()) };
    Ok(vm.str_from_string(out))
}

fn map_chars(s: &str, mut f: impl FnMut(&mut String, usize, char)) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        f(&mut out, i, c);
    }
    out
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "upper", str::to_ascii_uppercase, |s| map_chars(s, |o, _, c| uni::push_upper(o, c)))
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "lower", str::to_ascii_lowercase, |s| map_chars(s, |o, i, c| uni::push_lower_at(o, s, i, c)))
}

fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "casefold", str::to_ascii_lowercase, |s| map_chars(s, |o, _, c| uni::push_casefold(o, c)))
}

fn swapcase_text(s: &str) -> String {
    map_chars(s, |o, i, c| {
        if uni::is_upper(c) {
            uni::push_lower_at(o, s, i, c);
        } else if uni::is_lower(c) {
            uni::push_upper(o, c);
        } else {
            o.push(c);
        }
    })
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "swapcase", swapcase_text, swapcase_text)
}

/// First character titlecased, the rest lowercased.
fn capitalize_text(s: &str) -> String {
    map_chars(s, |o, i, c| if i == 0 { uni::push_title(o, c) } else { uni::push_lower_at(o, s, i, c) })
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "capitalize", capitalize_text, capitalize_text)
}

/// Titlecases the first cased character of each word and lowercases the rest.
fn title_text(s: &str) -> String {
    let mut prev_cased = false;
    map_chars(s, |o, i, c| {
        if prev_cased {
            uni::push_lower_at(o, s, i, c);
        } else {
            uni::push_title(o, c);
        }
        prev_cased = uni::is_cased(c);
    })
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "title", title_text, title_text)
}

// ------------------------------------------------------------------ padding

/// The width argument, and the fill character (default space).
fn pad_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a StrObj, i64, char)> {
    let (s, rest) = method_args(vm, args, name, Arity::Range(1, 2))?;
    let width = argparse::int_arg(vm, &rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(f) => {
            let Some(t) = f.as_str() else {
                return Err(type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(f))));
            };
            let mut it = t.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(type_error("The fill character must be exactly one character long")),
            }
        }
    };
    Ok((s, width, fill))
}

/// `s` with `left` and `right` fill characters around it.
fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// center/ljust/rjust: `split` chooses the left share of the margin.
fn pad_method(vm: &mut Vm, args: Args, name: &str, split: fn(usize, i64) -> usize) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, name)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(self_value(&args).clone());
    }
    let margin = (width - len) as usize;
    uni::check_size(margin.saturating_mul(fill.len_utf8()).saturating_add(s.as_str().len()))?;
    let left = split(margin, width);
    Ok(vm.str_from_string(padded(s.as_str(), left, margin - left, fill)))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // CPython's rounding: the odd extra column goes left only when the width is odd.
    pad_method(vm, args, "center", |m, w| m / 2 + (m & (w as usize) & 1))
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_method(vm, args, "ljust", |_, _| 0)
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_method(vm, args, "rjust", |m, _| m)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args(vm, &args, "zfill", Arity::One)?;
    let width = argparse::int_arg(vm, &rest[0])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(self_value(&args).clone());
    }
    let text = s.as_str();
    let fill = (width - len) as usize;
    uni::check_size(fill.saturating_add(text.len()))?;
    let mut out = String::with_capacity(text.len() + fill);
    let body = match text.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    Ok(vm.str_from_string(out))
}

/// An argument converted to a C int (`Python int too large to convert to C int`).
fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let too_big = || overflow_error("Python int too large to convert to C int");
    if v.as_int().is_some_and(|i| i.to_i64().is_none()) {
        return Err(too_big());
    }
    let n = argparse::int_arg(vm, v)?;
    if i32::try_from(n).is_err() {
        return Err(too_big());
    }
    Ok(n)
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, [tab]) = kw_method_args(vm, &args, "expandtabs", ["tabsize"], 0)?;
    let tabsize = match tab {
        Some(t) => c_int_arg(vm, t)?,
        None => 8,
    };
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(self_value(&args).clone());
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut col: i64 = 0;
    for c in text.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let n = tabsize - col % tabsize;
                uni::check_size(out.len() + n as usize)?;
                out.extend(std::iter::repeat_n(' ', n as usize));
                col += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.str_from_string(out))
}

// ------------------------------------------------------------------ predicates

/// A predicate method true when the string is non-empty and every character passes.
fn all_chars(vm: &mut Vm, args: Args, name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, name, Arity::NoArgs)?;
    let t = s.as_str();
    Ok(Value::bool(!t.is_empty() && t.chars().all(pred)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isdigit", uni::is_digit)
}

fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isdecimal", uni::is_decimal)
}

fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isnumeric", uni::is_numeric)
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isalpha", uni::is_alpha)
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isalnum", uni::is_alnum)
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isspace", uni::is_space)
}

/// isupper/islower: no character of the opposite (or title) case, and at least one cased.
fn case_predicate(vm: &mut Vm, args: Args, name: &str, want: fn(char) -> bool, other: fn(char) -> bool) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, name, Arity::NoArgs)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if other(c) || uni::is_title(c) {
            return Ok(Value::FALSE);
        }
        cased |= want(c);
    }
    Ok(Value::bool(cased))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_predicate(vm, args, "isupper", uni::is_upper, uni::is_lower)
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_predicate(vm, args, "islower", uni::is_lower, uni::is_upper)
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "istitle", Arity::NoArgs)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.as_str().chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if uni::is_lower(c) {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "isidentifier", Arity::NoArgs)?;
    let mut it = s.as_str().chars();
    let ok = it.next().is_some_and(uni::is_xid_start) && it.all(uni::is_xid_continue);
    Ok(Value::bool(ok))
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "isprintable", Arity::NoArgs)?;
    Ok(Value::bool(s.as_str().chars().all(uni::is_printable)))
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args(vm, &args, "isascii", Arity::NoArgs)?;
    Ok(Value::bool(s.is_ascii()))
}
