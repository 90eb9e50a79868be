//! Formatting: the format-spec mini-language (`format()`, f-strings, `str.format`) and
//! printf-style `%` formatting, with CPython's output and error messages.
//!
//! The spec parser and number layout follow CPython's `Python/formatter_unicode.c`;
//! `str.format` follows `Objects/stringlib/unicode_format.h`.

use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::float::{float_repr, push_exponent};
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::runtime::strings::decimal_value;
use crate::value::Value;
use crate::vm::Vm;

// ------------------------------------------------------------------ spec parsing

/// A parsed format spec, with the defaults of the type being formatted filled in.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    /// 0 when not given.
    pub width: usize,
    pub grouping: Option<char>,
    pub frac_grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; None only for floats without one.
    pub kind: Option<char>,
}

/// What is being formatted: decides the default type and alignment.
#[derive(Clone, Copy, PartialEq)]
pub enum Target {
    Str,
    Int,
    Float,
}

/// A character in an error message: itself when printable ASCII, else `\x..`.
fn code_repr(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 { c.to_string() } else { format!("\\x{:x}", c as u32) }
}

/// A cursor over a spec string.
struct Cursor<'a> {
    rest: std::str::Chars<'a>,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.clone().next()
    }
    fn peek2(&self) -> Option<char> {
        self.rest.clone().nth(1)
    }
    fn eat(&mut self, pred: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| pred(c))?;
        self.rest.next();
        Some(c)
    }
    /// CPython's get_integer: decimal digits (any script) as a count, None if absent.
    fn integer(&mut self) -> PyResult<Option<usize>> {
        let mut acc: Option<usize> = None;
        while let Some(d) = self.peek().and_then(decimal_value) {
            self.rest.next();
            let v = acc.unwrap_or(0).checked_mul(10).and_then(|a| a.checked_add(d as usize)).filter(|&a| a <= isize::MAX as usize);
            acc = Some(v.ok_or_else(|| value_error("Too many decimal digits in format string"))?);
        }
        Ok(acc)
    }
}

fn both_separators() -> PyErr {
    value_error("Cannot specify both ',' and '_'.")
}

pub fn parse_spec(spec: &str, target: Target, type_name: &str) -> PyResult<Spec> {
    let numeric = target != Target::Str;
    let mut s = Spec {
        fill: ' ',
        align: if numeric { '>' } else { '<' },
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        frac_grouping: None,
        precision: None,
        kind: match target {
            Target::Str => Some('s'),
            Target::Int => Some('d'),
            Target::Float => None,
        },
    };
    let mut cur = Cursor { rest: spec.chars() };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    let mut fill_given = false;
    let mut align_given = false;
    if cur.peek2().is_some_and(is_align) {
        s.fill = cur.rest.next().unwrap_or(' ');
        s.align = cur.rest.next().unwrap_or('<');
        fill_given = true;
        align_given = true;
    } else if let Some(a) = cur.eat(is_align) {
        s.align = a;
        align_given = true;
    }
    s.sign = cur.eat(|c| matches!(c, '+' | '-' | ' '));
    s.no_neg_zero = cur.eat(|c| c == 'z').is_some();
    s.alternate = cur.eat(|c| c == '#').is_some();
    if !fill_given && cur.eat(|c| c == '0').is_some() {
        s.fill = '0';
        if !align_given && numeric {
            s.align = '=';
        }
    }
    s.width = cur.integer()?.unwrap_or(0);
    crate::runtime::strings::check_size(s.width.saturating_mul(s.fill.len_utf8()))?;
    s.grouping = parse_separators(&mut cur)?;
    if cur.eat(|c| c == '.').is_some() {
        s.precision = cur.integer()?;
        s.frac_grouping = parse_separators(&mut cur)?;
        if s.precision.is_none() && s.frac_grouping.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    let kind = cur.rest.next();
    if cur.rest.next().is_some() {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if let Some(k) = kind {
        // A NUL type character means "no type", as in C.
        s.kind = if k == '\0' { None } else { Some(k) };
    }
    check_separators(&mut s)?;
    Ok(s)
}

/// An optional ',' or '_' (not both).
fn parse_separators(cur: &mut Cursor) -> PyResult<Option<char>> {
    let mut sep = cur.eat(|c| c == ',');
    if cur.eat(|c| c == '_').is_some() {
        if sep.is_some() {
            return Err(both_separators());
        }
        sep = Some('_');
    }
    if sep == Some('_') && cur.peek() == Some(',') {
        return Err(both_separators());
    }
    Ok(sep)
}

/// Grouping is allowed only with the decimal and float types ('_' also with b/o/x/X).
fn check_separators(s: &mut Spec) -> PyResult<()> {
    if let Some(g) = s.grouping {
        let ok = match s.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            return Err(value_error(format!("Cannot specify '{g}' with '{}'.", code_repr(s.kind.unwrap_or('\0')))));
        }
    }
    if let (Some(g), Some('n')) = (s.frac_grouping, s.kind) {
        return Err(value_error(format!("Cannot specify '{g}' with 'n'.")));
    }
    Ok(())
}

fn unknown_code(kind: char, type_name: &str) -> PyErr {
    value_error(format!("Unknown format code '{}' for object of type '{type_name}'", code_repr(kind)))
}

// ------------------------------------------------------------------ layout

/// Pads `body` (already `len` characters) to the width: CPython's calc_padding.
fn pad_to(spec: &Spec, body: &str, len: usize) -> String {
    if len >= spec.width {
        return body.to_string();
    }
    let n = spec.width - len;
    let left = match spec.align {
        '>' => n,
        '^' => n / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + n * spec.fill.len_utf8());
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(spec.fill, n - left));
    out
}

/// CPython's digit grouping: `sep` every `every` digits from the right. With a
/// `min_width`, leading zeros (and their separators) are added until the grouped digits
/// are at least that wide, as zero padding does.
fn group_digits(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut groups: Vec<String> = Vec::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width as isize;
    let mut end = digits.len();
    loop {
        let l = (every as isize).min(remaining.max(min_width).max(1));
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - remaining).max(0) as usize;
        let start = end - n_chars as usize;
        let mut g = "0".repeat(n_zeros);
        g.push_str(&digits[start..end]);
        groups.push(g);
        end = start;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// A number split for layout: sign, prefix ("0x"), integer digits, and the rest
/// (decimal point, fraction, exponent, '%').
struct NumParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    rest: &'a str,
    /// Whether the digits take grouping (not for inf/nan).
    groupable: bool,
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// Lays a number out as `<lpad><sign><prefix><spad><digits><rest><rpad>`.
fn render_number(spec: &Spec, p: &NumParts, every: usize) -> String {
    let sign = sign_str(p.negative, spec.sign);
    let rest_len = p.rest.chars().count();
    let fixed = sign.len() + p.prefix.len() + rest_len;
    let grouped;
    let digits = match spec.grouping {
        Some(g) if p.groupable => {
            let zero_pad = spec.fill == '0' && spec.align == '=';
            let min = if zero_pad { spec.width.saturating_sub(fixed) } else { 0 };
            grouped = group_digits(p.digits, g, every, min);
            grouped.as_str()
        }
        _ => p.digits,
    };
    let len = fixed + digits.chars().count();
    let n = spec.width.saturating_sub(len);
    let mut out = String::with_capacity(len + n * spec.fill.len_utf8());
    let (left, mid) = match spec.align {
        '>' => (n, 0),
        '^' => (n / 2, 0),
        '=' => (0, n),
        _ => (0, 0),
    };
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(sign);
    out.push_str(p.prefix);
    out.extend(std::iter::repeat_n(spec.fill, mid));
    out.push_str(digits);
    out.push_str(p.rest);
    out.extend(std::iter::repeat_n(spec.fill, n - left - mid));
    out
}

// ------------------------------------------------------------------ format()

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        if spec.is_empty() && v.is::<StrObj>() {
            return Ok(v.clone());
        }
        let s = self.format_string(v, spec)?;
        Ok(self.str_from_string(s))
    }

    pub fn format_string(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if crate::runtime::ops::is_user_object(v) {
            return self.format_user(v, spec);
        }
        if let Some(s) = v.as_str() {
            return format_str(s, spec);
        }
        if v.is_bool() && spec.is_empty() {
            return self.str_string(v);
        }
        if let Some(i) = v.as_int() {
            let name = if v.is_bool() { "bool" } else { "int" };
            return format_int_checked(self, i, spec, name);
        }
        if let Some(f) = v.as_float() {
            return format_float(f, spec);
        }
        if spec.is_empty() {
            return self.str_string(v);
        }
        Err(type_error(format!("unsupported format string passed to {}.__format__", self.type_name(v))))
    }

    /// Objects of Python classes: their `__format__`, or object's (str() for "").
    fn format_user(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        let name = self.names.dunder_format.clone();
        if let Some(m) = self.lookup_special(v, &name)
            && !m.is::<NativeFunctionObj>()
        {
            let spec_v = self.new_str(spec);
            let r = self.call_method_value(&m, v, &[spec_v])?;
            return match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))),
            };
        }
        if !spec.is_empty() {
            // A subclass of a built-in type formats its value with the built-in type's
            // `__format__` (with an empty spec, all of them give str(), as below).
            if let Some(m) = self.lookup_special(v, &name).filter(|m| m.downcast::<NativeFunctionObj>().is_some_and(|n| n.owner != "object")) {
                let spec_v = self.new_str(spec);
                let r = self.call_method_value(&m, v, &[spec_v])?;
                return Ok(r.as_str().unwrap_or_default().to_string());
            }
            return Err(type_error(format!("unsupported format string passed to {}.__format__", self.type_name(v))));
        }
        self.str_string(v)
    }
}

pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec, Target::Str, "str")?;
    match sp.kind {
        Some('s') => {}
        k => return Err(unknown_code(k.unwrap_or('\0'), "str")),
    }
    if let Some(sign) = sp.sign {
        let what = if sign == ' ' { "Space" } else { "Sign" };
        return Err(value_error(format!("{what} not allowed in string format specifier")));
    }
    if sp.no_neg_zero {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if sp.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == '=' {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((b, _)) => &s[..b],
            None => s,
        },
        None => s,
    };
    Ok(pad_to(&sp, body, body.chars().count()))
}

pub fn format_int(vm: &mut Vm, i: IntRef, spec: &str) -> PyResult<String> {
    format_int_checked(vm, i, spec, "int")
}

/// `int.__format__` with `sys.set_int_max_str_digits`'s limit on decimal output.
pub fn format_int_checked(vm: &Vm, i: IntRef, spec: &str, type_name: &str) -> PyResult<String> {
    if matches!(spec.chars().last(), None | Some('d' | 'n') | Some('0'..='9' | '<' | '>' | '^' | '=' | ',' | '_')) {
        check_decimal_digits(vm, i)?;
    }
    format_int_named(i, spec, type_name)
}

/// The int-to-decimal-string digit limit (CPython's `sys.int_info.default_max_str_digits`).
fn check_decimal_digits(vm: &Vm, i: IntRef) -> PyResult<()> {
    if let IntRef::Big(b) = i {
        crate::runtime::repr::int_to_decimal(vm, b)?;
    }
    Ok(())
}

/// `int.__format__`; `type_name` is "bool" for bools (error messages).
pub fn format_int_named(i: IntRef, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(int::int_to_string_radix(i, 10));
    }
    let sp = parse_spec(spec, Target::Int, type_name)?;
    let kind = sp.kind.unwrap_or('d');
    match kind {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return float_with_spec(int::int_to_f64(i)?, &sp),
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        k => return Err(unknown_code(k, type_name)),
    }
    if sp.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_zero {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if kind == 'c' {
        return format_int_char(i, &sp);
    }
    let (radix, prefix, every) = match kind {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let text = int::int_to_string_radix(i, radix);
    let negative = text.starts_with('-');
    let mut digits = if negative { &text[1..] } else { &text[..] }.to_string();
    if kind == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumParts { negative, prefix: if sp.alternate { prefix } else { "" }, digits: &digits, rest: "", groupable: true };
    Ok(render_number(&sp, &parts, every))
}

fn format_int_char(i: IntRef, sp: &Spec) -> PyResult<String> {
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if sp.alternate {
        return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
    }
    let Some(c) = i.to_i64() else {
        return Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C long"));
    };
    let c = u32::try_from(c)
        .ok()
        .filter(|&c| c < 0x110000)
        .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
    let s = char::from_u32(c).unwrap_or('\u{FFFD}').to_string();
    let parts = NumParts { negative: false, prefix: "", digits: &s, rest: "", groupable: false };
    Ok(render_number(sp, &parts, 3))
}

pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let sp = parse_spec(spec, Target::Float, "float")?;
    if let Some(k) = sp.kind
        && !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(unknown_code(k, "float"));
    }
    float_with_spec(x, &sp)
}

/// Float digits for one presentation type: the body of a non-negative finite value.
#[derive(Clone, Copy)]
struct FloatStyle {
    kind: char,
    precision: usize,
    alternate: bool,
    /// The spec had no type: 'g'-like but keeping a ".0" (and exponents sooner).
    add_dot_0: bool,
}

fn float_with_spec(x: f64, sp: &Spec) -> PyResult<String> {
    if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    crate::runtime::strings::check_size(sp.precision.unwrap_or(0))?;
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let kind = sp.kind.unwrap_or('r');
    let upper = matches!(kind, 'E' | 'F' | 'G');
    let percent = kind == '%';
    let mut body = if a.is_finite() {
        let style = match (kind, sp.precision) {
            ('r', None) => FloatStyle { kind: 'r', precision: 0, alternate: sp.alternate, add_dot_0: true },
            ('r', Some(p)) => FloatStyle { kind: 'g', precision: p, alternate: sp.alternate, add_dot_0: true },
            (k, p) => FloatStyle {
                kind: match k {
                    'n' => 'g',
                    '%' => 'f',
                    k => k.to_ascii_lowercase(),
                },
                precision: p.unwrap_or(6),
                alternate: sp.alternate,
                add_dot_0: false,
            },
        };
        float_digits(if percent { a * 100.0 } else { a }, style)
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        "nan".to_string()
    };
    if upper {
        body.make_ascii_uppercase();
    }
    if sp.no_neg_zero && negative && a.is_finite() && body.bytes().all(|b| !b.is_ascii_digit() || b == b'0' || b == b'e') {
        negative = is_nonzero_exponent_only(&body);
    }
    if percent {
        body.push('%');
    }
    if let Some(g) = sp.frac_grouping {
        body = group_fraction(&body, g);
    }
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let parts = NumParts { negative, prefix: "", digits: &body[..split], rest: &body[split..], groupable: a.is_finite() };
    Ok(render_number(sp, &parts, 3))
}

/// For 'z': a body whose mantissa digits are all zero rounds to zero, whatever its
/// exponent; returns whether the sign must stay (never, then).
fn is_nonzero_exponent_only(body: &str) -> bool {
    let mantissa = body.split(['e', 'E']).next().unwrap_or("");
    mantissa.bytes().any(|b| b.is_ascii_digit() && b != b'0')
}

/// Groups the digits after the decimal point from the left (3.14's `.3_f`).
fn group_fraction(body: &str, sep: char) -> String {
    let Some(dot) = body.find('.') else { return body.to_string() };
    let frac_end = body[dot + 1..].find(|c: char| !c.is_ascii_digit()).map_or(body.len(), |i| dot + 1 + i);
    let mut out = String::with_capacity(body.len() + body.len() / 3);
    out.push_str(&body[..=dot]);
    for (i, c) in body[dot + 1..frac_end].chars().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out.push_str(&body[frac_end..]);
    out
}

/// Rust's `{:.*e}` output split into mantissa and exponent.
fn exp_form(x: f64, decimals: usize) -> (String, i32) {
    let s = format!("{:.*e}", decimals, x);
    match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse().unwrap_or(0)),
        None => (s, 0),
    }
}

/// The digits of a finite non-negative float (CPython's PyOS_double_to_string).
fn float_digits(x: f64, st: FloatStyle) -> String {
    match st.kind {
        'f' => {
            let mut s = format!("{:.*}", st.precision, x);
            if st.alternate && st.precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let (mut m, e) = exp_form(x, st.precision);
            if st.alternate && st.precision == 0 {
                m.push('.');
            }
            push_exponent(&mut m, e);
            m
        }
        'r' => {
            let mut s = float_repr(x);
            if st.alternate && !s.contains('.') {
                let at = s.find('e').unwrap_or(s.len());
                s.insert(at, '.');
            }
            s
        }
        _ => general_digits(x, st),
    }
}

/// 'g': fixed or exponent notation by the decimal exponent, trailing zeros removed
/// unless alternate.
fn general_digits(x: f64, st: FloatStyle) -> String {
    let p = st.precision.max(1);
    let (mant, exp) = exp_form(x, p - 1);
    // The no-type form switches to exponents one digit sooner (CPython's ADD_DOT_0).
    let limit = if st.add_dot_0 { p as i32 - 1 } else { p as i32 };
    let (mut body, exponent) = if exp >= -4 && exp < limit {
        (format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x), None)
    } else {
        (mant, Some(exp))
    };
    if !st.alternate {
        if body.contains('.') {
            let trimmed = body.trim_end_matches('0').trim_end_matches('.').len();
            body.truncate(trimmed);
        }
    } else if !body.contains('.') {
        body.push('.');
    }
    match exponent {
        Some(e) => push_exponent(&mut body, e),
        None if st.add_dot_0 && !body.contains('.') => body.push_str(".0"),
        None => {}
    }
    body
}

// ------------------------------------------------------------------ printf-style

/// The arguments of `fmt % args`, consumed as CPython does: a tuple's items in turn,
/// otherwise the single value once; `%(key)` replaces the current value.
struct PctArgs<'a> {
    items: &'a [Value],
    single: Value,
    /// Number of tuple items, or -1 for a single value.
    len: isize,
    idx: isize,
    mapping: Option<Value>,
}

impl PctArgs<'_> {
    fn next(&mut self) -> PyResult<Value> {
        if self.idx >= self.len {
            return Err(type_error("not enough arguments for format string"));
        }
        self.idx += 1;
        if self.len < 0 {
            Ok(self.single.clone())
        } else {
            Ok(self.items[(self.idx - 1) as usize].clone())
        }
    }
}

/// Whether `%` treats `v` as a mapping (it has `__getitem__` and is not a tuple or str).
fn is_pct_mapping(vm: &mut Vm, v: &Value) -> bool {
    use crate::object::ObjKind;
    match v.kind() {
        Some(ObjKind::Dict | ObjKind::List | ObjKind::Range) => true,
        // Instances of subclasses of tuple and str are not mappings.
        Some(ObjKind::Instance) if matches!(crate::objects::class::builtin_value(v).kind(), Some(ObjKind::Tuple | ObjKind::Str)) => false,
        Some(ObjKind::Instance | ObjKind::Opaque | ObjKind::Exception) => {
            let name = vm.names.dunder_getitem.clone();
            vm.lookup_special(v, &name).is_some()
        }
        _ => false,
    }
}

/// Flags, width and precision of one `%` conversion.
#[derive(Default)]
struct PctSpec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let tuple_items = crate::objects::class::builtin_value(args).as_tuple();
    let mapping = if is_pct_mapping(vm, args) { Some(args.clone()) } else { None };
    let mut pa = PctArgs {
        items: tuple_items.unwrap_or(&[]),
        single: args.clone(),
        len: tuple_items.map_or(-1, |t| t.len() as isize),
        idx: if tuple_items.is_some() { 0 } else { -2 },
        mapping,
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while let Some(off) = fmt[pos..].find('%') {
        out.push_str(&fmt[pos..pos + off]);
        pos += off + 1;
        if fmt[pos..].starts_with('%') {
            out.push('%');
            pos += 1;
            continue;
        }
        pos = percent_one(vm, fmt, pos, &mut pa, &mut out)?;
    }
    out.push_str(&fmt[pos..]);
    if pa.idx < pa.len && pa.mapping.is_none() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.str_from_string(out))
}

/// Parses and formats one conversion starting after its '%'; returns the position after.
fn percent_one(vm: &mut Vm, fmt: &str, mut pos: usize, pa: &mut PctArgs, out: &mut String) -> PyResult<usize> {
    let bytes = fmt.as_bytes();
    let incomplete = || value_error("incomplete format");
    if bytes.get(pos) == Some(&b'(') {
        pos = percent_key(vm, fmt, pos, pa)?;
    }
    let mut sp = PctSpec::default();
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'-' => sp.left = true,
            b'+' => sp.plus = true,
            b' ' => sp.space = true,
            b'#' => sp.alt = true,
            b'0' => sp.zero = true,
            _ => break,
        }
        pos += 1;
    }
    if bytes.get(pos) == Some(&b'*') {
        pos += 1;
        let w = star_arg(pa, "ssize_t", i64::MAX)?;
        if w < 0 {
            sp.left = true;
        }
        sp.width = w.unsigned_abs() as usize;
    } else {
        let (w, next) = pct_number(fmt, pos, isize::MAX as usize, "width too big")?;
        sp.width = w.unwrap_or(0);
        pos = next;
    }
    crate::runtime::strings::check_size(sp.width)?;
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        if bytes.get(pos) == Some(&b'*') {
            pos += 1;
            sp.precision = Some(star_arg(pa, "int", i32::MAX as i64)?.max(0) as usize);
        } else {
            let (p, next) = pct_number(fmt, pos, i32::MAX as usize, "precision too big")?;
            sp.precision = Some(p.unwrap_or(0));
            pos = next;
        }
    }
    while matches!(bytes.get(pos), Some(b'h' | b'l' | b'L')) {
        pos += 1;
    }
    let conv = fmt[pos..].chars().next().ok_or_else(incomplete)?;
    let arg = pa.next()?;
    match conv {
        's' | 'r' | 'a' => pct_text(vm, &arg, conv, &sp, out)?,
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => pct_int(vm, &arg, conv, &sp, out)?,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => pct_float(vm, &arg, conv, &sp, out)?,
        'c' => pct_char(vm, &arg, &sp, out)?,
        other => {
            let shown = if (' '..='~').contains(&other) { other } else { '?' };
            let index = fmt[..pos].chars().count();
            return Err(value_error(format!("unsupported format character '{shown}' (0x{:x}) at index {index}", other as u32)));
        }
    }
    Ok(pos + conv.len_utf8())
}

/// `%(key)`: looks the key up in the mapping, which becomes the current argument.
fn percent_key(vm: &mut Vm, fmt: &str, pos: usize, pa: &mut PctArgs) -> PyResult<usize> {
    let Some(m) = pa.mapping.clone() else { return Err(type_error("format requires a mapping")) };
    let mut depth = 1;
    let start = pos + 1;
    let mut end = None;
    for (i, b) in fmt.as_bytes()[start..].iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(start + i);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end.ok_or_else(|| value_error("incomplete format key"))?;
    let key = vm.new_str(&fmt[start..end]);
    pa.single = vm.getitem(&m, &key)?;
    pa.len = -1;
    pa.idx = -2;
    Ok(end + 1)
}

/// A `*` width or precision: the next argument, an int that fits a C `ctype`.
fn star_arg(pa: &mut PctArgs, ctype: &str, max: i64) -> PyResult<i64> {
    let v = pa.next()?;
    let i = v.as_int().ok_or_else(|| type_error("* wants int"))?;
    let too_big = || PyErr::new(ExcKind::OverflowError, format!("Python int too large to convert to C {ctype}"));
    i.to_i64().filter(|n| *n >= -max && *n <= max).ok_or_else(too_big)
}

/// Decimal digits at `pos` (None when absent, at most `max`) and the position after them.
fn pct_number(fmt: &str, mut pos: usize, max: usize, too_big: &str) -> PyResult<(Option<usize>, usize)> {
    let bytes = fmt.as_bytes();
    let mut n: Option<usize> = None;
    while let Some(d) = bytes.get(pos).filter(|b| b.is_ascii_digit()) {
        let v = n.unwrap_or(0).checked_mul(10).and_then(|v| v.checked_add((d - b'0') as usize)).filter(|&v| v <= max);
        n = Some(v.ok_or_else(|| value_error(too_big.to_string()))?);
        pos += 1;
    }
    Ok((n, pos))
}

/// Pads a converted piece: left-justified with '-', zero-filled after the sign and
/// prefix with '0' (numbers only), else right-justified with spaces.
fn pct_pad(out: &mut String, sp: &PctSpec, sign_prefix: [&str; 2], body: &str, numeric: bool) {
    let [sign, prefix] = sign_prefix;
    let n = if sp.width == 0 { 0 } else { sp.width.saturating_sub(sign.len() + prefix.len() + body.chars().count()) };
    if sp.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', n));
    } else if sp.zero && numeric {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', n));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', n));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
}

fn pct_sign(negative: bool, sp: &PctSpec) -> &'static str {
    if negative {
        "-"
    } else if sp.plus {
        "+"
    } else if sp.space {
        " "
    } else {
        ""
    }
}

fn pct_text(vm: &mut Vm, arg: &Value, conv: char, sp: &PctSpec, out: &mut String) -> PyResult<()> {
    if let (Some(s), 's', None) = (arg.as_str(), conv, sp.precision) {
        pct_pad(out, sp, ["", ""], s, false);
        return Ok(());
    }
    let s = match conv {
        's' => vm.str_string(arg)?,
        'r' => vm.repr_string(arg)?,
        _ => crate::runtime::strings::ascii(vm, arg)?.as_str().unwrap_or("").to_string(),
    };
    let body = match sp.precision.and_then(|p| s.char_indices().nth(p)) {
        Some((b, _)) => &s[..b],
        None => &s[..],
    };
    pct_pad(out, sp, ["", ""], body, false);
    Ok(())
}

fn pct_int(vm: &mut Vm, arg: &Value, conv: char, sp: &PctSpec, out: &mut String) -> PyResult<()> {
    let converted;
    let i = match arg.as_int() {
        Some(i) => i,
        None => {
            converted = percent_int(vm, arg, conv)?;
            converted.as_int().ok_or_else(|| type_error("an integer is required"))?
        }
    };
    let radix = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    if radix == 10 {
        check_decimal_digits(vm, i)?;
    }
    let text = int::int_to_string_radix(i, radix);
    let negative = text.starts_with('-');
    let mut digits = if negative { text[1..].to_string() } else { text };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = sp.precision.filter(|&p| p > digits.len()) {
        digits.insert_str(0, &"0".repeat(p - digits.len()));
    }
    let prefix = match (sp.alt, conv) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    pct_pad(out, sp, [pct_sign(negative, sp), prefix], &digits, true);
    Ok(())
}

/// The int for %d/%x...: ints as they are, floats truncated (%d only), objects through
/// `__index__` (or `__int__` for %d).
fn percent_int(vm: &mut Vm, arg: &Value, conv: char) -> PyResult<Value> {
    if let Some(i) = arg.as_int() {
        return Ok(i.to_value());
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if let Some(f) = arg.as_float() {
        if decimal {
            return crate::objects::float::float_to_int(f);
        }
    } else if crate::runtime::ops::is_user_object(arg) {
        let index = vm.names.dunder_index.clone();
        if vm.lookup_special(arg, &index).is_some() {
            return vm.call_method(arg, "__index__", &[]);
        }
        let int_name = vm.names.dunder_int.clone();
        if decimal && vm.lookup_special(arg, &int_name).is_some() {
            return vm.call_method(arg, "__int__", &[]);
        }
    }
    let what = if decimal { "a real number is required" } else { "an integer is required" };
    Err(type_error(format!("%{conv} format: {what}, not {}", vm.type_name(arg))))
}

/// A float argument: floats, ints, and objects with `__float__` or `__index__`.
pub fn float_arg(vm: &mut Vm, arg: &Value) -> PyResult<f64> {
    if let Some(f) = arg.as_float() {
        return Ok(f);
    }
    if let Some(i) = arg.as_int() {
        return int::int_to_f64(i);
    }
    if crate::runtime::ops::is_user_object(arg) {
        for name in ["__float__", "__index__"] {
            let n = vm.intern(name);
            if vm.lookup_special(arg, &n).is_some() {
                let r = vm.call_method(arg, name, &[])?;
                if let Some(f) = r.as_float() {
                    return Ok(f);
                }
                if let Some(i) = r.as_int() {
                    return int::int_to_f64(i);
                }
                return Err(type_error(format!("{}.{name} returned non-float (type {})", vm.type_name(arg), vm.type_name(&r))));
            }
        }
    }
    Err(type_error(format!("must be real number, not {}", vm.type_name(arg))))
}

fn pct_float(vm: &mut Vm, arg: &Value, conv: char, sp: &PctSpec, out: &mut String) -> PyResult<()> {
    let x = float_arg(vm, arg)?;
    let negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if a.is_finite() {
        let style = FloatStyle { kind: conv.to_ascii_lowercase(), precision: sp.precision.unwrap_or(6), alternate: sp.alt, add_dot_0: false };
        float_digits(a, style)
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        "nan".to_string()
    };
    if conv.is_ascii_uppercase() {
        body.make_ascii_uppercase();
    }
    pct_pad(out, sp, [pct_sign(negative, sp), ""], &body, true);
    Ok(())
}

fn pct_char(vm: &mut Vm, arg: &Value, sp: &PctSpec, out: &mut String) -> PyResult<()> {
    let c = if let Some(s) = arg.as_str() {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => c,
            _ => {
                let n = s.chars().count();
                return Err(type_error(format!("%c requires an int or a unicode character, not a string of length {n}")));
            }
        }
    } else if let Some(i) = arg.as_int() {
        let code = i.to_i64().and_then(|c| u32::try_from(c).ok()).filter(|&c| c < 0x110000);
        let code = code.ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
        char::from_u32(code).unwrap_or('\u{FFFD}')
    } else {
        return Err(type_error(format!("%c requires an int or a unicode character, not {}", vm.type_name(arg))));
    };
    pct_pad(out, sp, ["", ""], c.encode_utf8(&mut [0; 4]), false);
    Ok(())
}

// ------------------------------------------------------------------ str.format

/// Where `str.format` fields come from: positional and keyword arguments, or (for
/// `format_map`) a mapping and no positional arguments.
pub struct FieldSource<'a> {
    pub args: &'a [Value],
    pub kwargs: &'a [(&'a str, Value)],
    pub mapping: Option<&'a Value>,
}

#[derive(PartialEq)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: FieldSource<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// `fmt.format(*args, **kwargs)` / `fmt.format_map(mapping)`.
pub fn str_format(vm: &mut Vm, fmt: &str, src: FieldSource) -> PyResult<String> {
    let mut f = Formatter { src, numbering: Numbering::Init, next_auto: 0 };
    // PEP 3101: a format spec may nest one level of fields.
    f.build(vm, fmt, 2)
}

/// A parsed replacement field: byte ranges into the format string.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    spec_has_fields: bool,
}

impl Formatter<'_> {
    fn build(&mut self, vm: &mut Vm, fmt: &str, depth: u32) -> PyResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let b = fmt.as_bytes();
        let mut out = String::with_capacity(fmt.len() + 16);
        let mut pos = 0;
        while pos < b.len() {
            // Literal text up to the next brace.
            let start = pos;
            let brace = b[pos..].iter().position(|&c| c == b'{' || c == b'}').map(|i| pos + i);
            let Some(at) = brace else {
                out.push_str(&fmt[start..]);
                break;
            };
            out.push_str(&fmt[start..at]);
            let c = b[at];
            pos = at + 1;
            if b.get(pos) == Some(&c) {
                out.push(c as char);
                pos += 1;
                continue;
            }
            if c == b'}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if pos >= b.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let (field, next) = parse_field(fmt, pos)?;
            pos = next;
            self.render(vm, &field, depth, &mut out)?;
        }
        Ok(out)
    }

    fn render(&mut self, vm: &mut Vm, field: &Field, depth: u32, out: &mut String) -> PyResult<()> {
        let mut obj = self.field_object(vm, field.name)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => vm.repr(&obj)?,
                's' => vm.str(&obj)?,
                'a' => crate::runtime::strings::ascii(vm, &obj)?,
                c => return Err(value_error(format!("Unknown conversion specifier {}", code_repr_conv(c)))),
            };
        }
        let expanded;
        let spec = if field.spec_has_fields {
            expanded = self.build(vm, field.spec, depth - 1)?;
            expanded.as_str()
        } else {
            field.spec
        };
        if spec.is_empty()
            && let Some(s) = obj.as_str()
        {
            out.push_str(s);
            return Ok(());
        }
        out.push_str(&vm.format_string(&obj, spec)?);
        Ok(())
    }

    /// The object a field name denotes: an argument, then `.attr` and `[key]` steps.
    fn field_object(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let index = field_integer(first)?;
        let mut obj = if first.is_empty() || index.is_some() {
            let i = self.positional_index(first.is_empty(), index)?;
            if self.src.mapping.is_some() {
                return Err(value_error("Format string contains positional fields"));
            }
            self.src.args.get(i).cloned().ok_or_else(|| {
                PyErr::new(ExcKind::IndexError, format!("Replacement index {i} out of range for positional args tuple"))
            })?
        } else {
            self.keyword(vm, first)?
        };
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            let (step, after) = next_step(rest)?;
            obj = match step {
                Step::Attr(a) => {
                    let attr = vm.intern(a);
                    vm.getattr(&obj, &attr)?
                }
                Step::Item(k) => {
                    let key = match field_integer(k)? {
                        Some(i) => Value::int_from_usize(i),
                        None => vm.new_str(k),
                    };
                    vm.getitem(&obj, &key)?
                }
            };
            rest = after;
        }
        Ok(obj)
    }

    /// Automatic or manual numbering, refusing to mix them.
    fn positional_index(&mut self, auto: bool, index: Option<usize>) -> PyResult<usize> {
        if self.numbering == Numbering::Init {
            self.numbering = if auto { Numbering::Auto } else { Numbering::Manual };
        }
        match (&self.numbering, auto) {
            (Numbering::Manual, true) => {
                Err(value_error("cannot switch from manual field specification to automatic field numbering"))
            }
            (Numbering::Auto, false) => {
                Err(value_error("cannot switch from automatic field numbering to manual field specification"))
            }
            (_, true) => {
                self.next_auto += 1;
                Ok(self.next_auto - 1)
            }
            _ => Ok(index.unwrap_or(0)),
        }
    }

    fn keyword(&self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        if let Some(m) = self.src.mapping {
            let key = vm.new_str(name);
            return vm.getitem(m, &key);
        }
        match self.src.kwargs.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(PyErr::with_args(ExcKind::KeyError, vec![vm.new_str(name)])),
        }
    }
}

fn code_repr_conv(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 127 { c.to_string() } else { format!("\\x{:x}", c as u32) }
}

/// A field-name part made only of decimal digits, as an index.
fn field_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

enum Step<'s> {
    Attr(&'s str),
    Item(&'s str),
}

/// The next `.attr` or `[key]` of a field name, and what follows it.
fn next_step(rest: &str) -> PyResult<(Step<'_>, &str)> {
    let (step, after) = if let Some(r) = rest.strip_prefix('.') {
        let end = r.find(['.', '[']).unwrap_or(r.len());
        (Step::Attr(&r[..end]), &r[end..])
    } else if let Some(r) = rest.strip_prefix('[') {
        let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
        (Step::Item(&r[..end]), &r[end + 1..])
    } else {
        return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
    };
    if matches!(step, Step::Attr("") | Step::Item("")) {
        return Err(value_error("Empty attribute in format string"));
    }
    Ok((step, after))
}

/// Parses `name[!conv][:spec]}` starting after the '{'; returns the field and the
/// position after its closing '}'.
fn parse_field(fmt: &str, mut pos: usize) -> PyResult<(Field<'_>, usize)> {
    let b = fmt.as_bytes();
    let name_start = pos;
    let mut term = None;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                while pos < b.len() && b[pos] != b']' {
                    pos += 1;
                }
            }
            b'}' | b':' | b'!' => {
                term = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(term) = term else { return Err(value_error("expected '}' before end of string")) };
    let mut field = Field { name: &fmt[name_start..pos - 1], conversion: None, spec: "", spec_has_fields: false };
    if term == b'}' {
        return Ok((field, pos));
    }
    if term == b'!' {
        let conv = fmt[pos..].chars().next().ok_or_else(|| value_error("end of string while looking for conversion specifier"))?;
        field.conversion = Some(conv);
        pos += conv.len_utf8();
        if pos < b.len() {
            let c = b[pos];
            pos += 1;
            if c == b'}' {
                return Ok((field, pos));
            }
            if c != b':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = pos;
    let mut count = 1;
    while pos < b.len() {
        let c = b[pos];
        pos += 1;
        match c {
            b'{' => {
                field.spec_has_fields = true;
                count += 1;
            }
            b'}' => {
                count -= 1;
                if count == 0 {
                    field.spec = &fmt[spec_start..pos - 1];
                    return Ok((field, pos));
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}
