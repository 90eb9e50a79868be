//! Formatting: the format-spec mini-language (`format()`, f-strings, `str.format`) and
//! printf-style `%` formatting, with CPython's output and error messages.

use crate::error::{type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::float::push_exponent;
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// A parsed format spec.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(w.parse().map_err(|_| value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(p.parse().map_err(|_| value_error("Too many decimal digits in format string"))?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// Pads `body` (sign and prefix split out for '=' alignment) to the spec's width.
fn pad(spec: &Spec, sign_prefix: &str, body: &str, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = sign_prefix.chars().count() + body.chars().count();
    let (fill, align) = if spec.zero && spec.align.is_none() {
        ('0', '=')
    } else {
        (spec.fill.unwrap_or(if spec.zero && spec.align == Some('=') { '0' } else { ' ' }), spec.align.unwrap_or(default_align))
    };
    if len >= width {
        return format!("{sign_prefix}{body}");
    }
    let n = width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign_prefix}{body}{}", fills(n)),
        '>' => format!("{}{sign_prefix}{body}", fills(n)),
        '^' => format!("{}{sign_prefix}{body}{}", fills(n / 2), fills(n - n / 2)),
        _ => format!("{sign_prefix}{}{body}", fills(n)),
    }
}

/// Inserts a grouping separator every `every` digits of an integer digit string.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn sign_str(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Value> {
        let s = self.format_string(v, spec)?;
        Ok(self.str_from_string(s))
    }

    pub fn format_string(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if crate::runtime::ops::is_user_object(v) {
            let name = self.names.dunder_format.clone();
            if let Some(m) = self.lookup_special(v, &name) {
                if !m.is::<NativeFunctionObj>() {
                    let spec_v = self.new_str(spec);
                    let r = self.call_method_value(&m, v, &[spec_v])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(type_error(format!("__format__ must return a str, not {}", self.type_name(&r)))),
                    };
                }
            }
            if !spec.is_empty() {
                return Err(type_error(format!("unsupported format string passed to {}.__format__", self.type_name(v))));
            }
            return self.str_string(v);
        }
        if let Some(s) = v.as_str() {
            return format_str(s, spec);
        }
        if v.is_bool() && spec.is_empty() {
            return self.str_string(v);
        }
        if let Some(i) = v.as_int() {
            return format_int(self, i, spec);
        }
        if let Some(f) = v.as_float() {
            return format_float(f, spec);
        }
        if spec.is_empty() {
            return self.str_string(v);
        }
        Err(type_error(format!("unsupported format string passed to {}.__format__", self.type_name(v))))
    }
}

pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec)?;
    if let Some(k) = sp.kind {
        if k != 's' {
            return Err(value_error(format!("Unknown format code '{k}' for object of type 'str'")));
        }
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if sp.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    if sp.grouping.is_some() {
        return Err(value_error(format!("Cannot specify '{}' with 's'.", sp.grouping.unwrap_or(','))));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let mut sp2 = sp.clone();
    if sp2.zero && sp2.align.is_none() {
        sp2.align = Some('<');
        sp2.fill = Some('0');
    }
    Ok(pad(&sp2, "", &body, '<'))
}

pub fn format_int(_vm: &mut Vm, i: IntRef, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(int::int_to_string_radix(i, 10));
    }
    let sp = parse_spec(spec)?;
    let kind = sp.kind.unwrap_or('d');
    match kind {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = int::int_to_f64(i)?;
            return format_float(f, spec);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        k => return Err(value_error(format!("Unknown format code '{k}' for object of type 'int'"))),
    }
    if sp.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if kind == 'c' {
        if sp.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        let code = i.to_i64().filter(|c| (0..=0x10FFFF).contains(c))
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
        let c = char::from_u32(code as u32).unwrap_or('\u{FFFD}');
        return Ok(pad(&sp, "", &c.to_string(), '<'));
    }
    let negative = i.is_negative();
    let magnitude = int::int_abs(i);
    let mag = magnitude.as_int().expect("int");
    let (radix, prefix) = match kind {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = int::int_to_string_radix(mag, radix);
    if kind == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(g) = sp.grouping {
        if g == ',' && radix != 10 {
            return Err(value_error(format!("Cannot specify ',' with '{kind}'.")));
        }
        let every = if radix == 10 { 3 } else { 4 };
        if sp.zero && sp.align.is_none() {
            // Zero padding participates in grouping.
            let sign = sign_str(negative, &sp);
            let pre = if sp.alternate { prefix } else { "" };
            let width = sp.width.unwrap_or(0).saturating_sub(sign.len() + pre.len());
            let mut d = digits.clone();
            loop {
                let grouped = group_digits(&d, g, every);
                if grouped.len() >= width {
                    return Ok(format!("{sign}{pre}{grouped}"));
                }
                d.insert(0, '0');
            }
        }
        digits = group_digits(&digits, g, every);
    }
    let pre = format!("{}{}", sign_str(negative, &sp), if sp.alternate { prefix } else { "" });
    Ok(pad(&sp, &pre, &digits, '>'))
}

/// Formats a finite non-negative float per type and precision (no sign, no padding).
fn float_body(x: f64, kind: char, prec: usize, alternate: bool) -> String {
    match kind {
        'f' | 'F' | '%' => {
            let s = format!("{:.*}", prec, x);
            if alternate && prec == 0 { format!("{s}.") } else { s }
        }
        'e' | 'E' => {
            let s = format!("{:.*e}", prec, x);
            let (m, e) = s.split_once('e').expect("exp form");
            let mut out = m.to_string();
            if alternate && prec == 0 {
                out.push('.');
            }
            push_exponent(&mut out, e.parse().expect("exp"));
            if kind == 'E' { out.to_uppercase() } else { out }
        }
        _ => {
            // 'g' / 'G'
            let p = prec.max(1);
            let s = format!("{:.*e}", p - 1, x);
            let (_, e) = s.split_once('e').expect("exp form");
            let exp: i32 = e.parse().expect("exp");
            let mut out = if exp >= -4 && exp < p as i32 {
                let decimals = (p as i32 - 1 - exp).max(0) as usize;
                format!("{:.*}", decimals, x)
            } else {
                let (m, _) = s.split_once('e').expect("exp form");
                let mut o = m.to_string();
                if !alternate && o.contains('.') {
                    o = o.trim_end_matches('0').trim_end_matches('.').to_string();
                }
                push_exponent(&mut o, exp);
                return if kind == 'G' { o.to_uppercase() } else { o };
            };
            if !alternate && out.contains('.') {
                out = out.trim_end_matches('0').trim_end_matches('.').to_string();
            } else if alternate && !out.contains('.') {
                out.push('.');
            }
            if kind == 'G' { out.to_uppercase() } else { out }
        }
    }
}

pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(crate::objects::float::float_repr(x));
    }
    let sp = parse_spec(spec)?;
    let kind = sp.kind;
    if let Some(k) = kind {
        if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(value_error(format!("Unknown format code '{k}' for object of type 'float'")));
        }
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let mut body = if a.is_infinite() {
        if upper { "INF".into() } else { "inf".into() }
    } else if a.is_nan() {
        if upper { "NAN".into() } else { "nan".into() }
    } else {
        match kind {
            None => match sp.precision {
                None => crate::objects::float::float_repr(a),
                Some(p) => {
                    // Like 'g', but a fixed result keeps at least one decimal.
                    let p = p.max(1);
                    let s = format!("{:.*e}", p - 1, a);
                    let (_, e) = s.split_once('e').expect("exp");
                    let exp: i32 = e.parse().expect("exp");
                    if exp >= -4 && exp < p as i32 {
                        let decimals = (p as i32 - 1 - exp).max(0) as usize;
                        let mut o = format!("{:.*}", decimals, a);
                        if o.contains('.') {
                            o = o.trim_end_matches('0').to_string();
                            if o.ends_with('.') {
                                o.push('0');
                            }
                        } else {
                            o.push_str(".0");
                        }
                        o
                    } else {
                        float_body(a, 'g', p, sp.alternate)
                    }
                }
            },
            Some('%') => {
                let mut s = float_body(a * 100.0, 'f', sp.precision.unwrap_or(6), sp.alternate);
                s.push('%');
                s
            }
            Some('n') => float_body(a, 'g', sp.precision.unwrap_or(6), sp.alternate),
            Some(k) => float_body(a, k, sp.precision.unwrap_or(6), sp.alternate),
        }
    };
    if sp.no_neg_zero && negative && body.chars().all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-' | '%')) {
        negative = false;
    }
    if let Some(g) = sp.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(p) => (body[..p].to_string(), body[p..].to_string()),
            None => (body.clone(), String::new()),
        };
        if sp.zero && sp.align.is_none() {
            let sign = sign_str(negative, &sp);
            let width = sp.width.unwrap_or(0).saturating_sub(sign.len() + rest.len());
            let mut d = int_part;
            loop {
                let grouped = group_digits(&d, g, 3);
                if grouped.len() >= width {
                    return Ok(format!("{sign}{grouped}{rest}"));
                }
                d.insert(0, '0');
            }
        }
        body = format!("{}{rest}", group_digits(&int_part, g, 3));
    }
    let sign = sign_str(negative, &sp);
    Ok(pad(&sp, sign, &body, '>'))
}

// ------------------------------------------------------------------ printf-style

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mapping = if args.is::<DictObj>() || (crate::runtime::ops::is_user_object(args) && !args.is::<TupleObj>()) {
        Some(args.clone())
    } else {
        None
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut argi = 0;
    let mut used_mapping = false;
    let mut i = 0;
    let mut next_arg = |vm: &mut Vm, argi: &mut usize| -> PyResult<Value> {
        let _ = vm;
        if *argi < items.len() {
            *argi += 1;
            Ok(items[*argi - 1].clone())
        } else {
            Err(type_error("not enough arguments for format string"))
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        // Mapping key.
        let mut keyed: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = &mapping else { return Err(type_error("format requires a mapping")) };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let k = vm.str_from_string(key);
            keyed = Some(vm.getitem(m, &k)?);
            used_mapping = true;
        }
        let mut spec = Spec::default();
        while i < chars.len() {
            match chars[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm, &mut argi)?;
            let w = w.as_int().and_then(|x| x.to_i64()).ok_or_else(|| type_error("* wants int"))?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                spec.width = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(vm, &mut argi)?;
                spec.precision = Some(p.as_int().and_then(|x| x.to_i64()).unwrap_or(0).max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                spec.precision = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match keyed.take() {
            Some(v) => v,
            None => next_arg(vm, &mut argi)?,
        };
        if spec.align == Some('<') {
            spec.zero = false;
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str_string(&arg)?,
                    'r' => vm.repr_string(&arg)?,
                    _ => crate::runtime::strings::ascii(vm, &arg)?.as_str().unwrap_or("").to_string(),
                };
                let s: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let mut sp = spec.clone();
                sp.zero = false;
                pad(&sp, "", &s, '>')
            }
            'd' | 'i' | 'u' => {
                let n = percent_int(vm, &arg, conv)?;
                let i = n.as_int().expect("int");
                let digits = int::int_to_string_radix(int::int_abs(i).as_int().expect("int"), 10);
                let digits = zero_extend(&digits, spec.precision);
                pad(&spec, sign_str(i.is_negative(), &spec), &digits, '>')
            }
            'o' | 'x' | 'X' => {
                let n = percent_int(vm, &arg, conv)?;
                let i = n.as_int().expect("int");
                let radix = if conv == 'o' { 8 } else { 16 };
                let mut digits = int::int_to_string_radix(int::int_abs(i).as_int().expect("int"), radix);
                if conv == 'X' {
                    digits = digits.to_uppercase();
                }
                let digits = zero_extend(&digits, spec.precision);
                let prefix = if spec.alternate { match conv { 'o' => "0o", 'x' => "0x", _ => "0X" } } else { "" };
                let pre = format!("{}{prefix}", sign_str(i.is_negative(), &spec));
                pad(&spec, &pre, &digits, '>')
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match arg.as_float() {
                    Some(f) => f,
                    None => match arg.as_int() {
                        Some(i) => int::int_to_f64(i)?,
                        None => {
                            let ff = vm.intern("__float__");
                            if crate::runtime::ops::is_user_object(&arg) && vm.lookup_special(&arg, &ff).is_some() {
                                let r = vm.call_method(&arg, "__float__", &[])?;
                                r.as_float().unwrap_or(0.0)
                            } else {
                                return Err(type_error(format!("must be real number, not {}", vm.type_name(&arg))));
                            }
                        }
                    },
                };
                let negative = f.is_sign_negative() && !f.is_nan();
                let a = f.abs();
                let upper = conv.is_ascii_uppercase();
                let body = if a.is_infinite() {
                    if upper { "INF".to_string() } else { "inf".to_string() }
                } else if a.is_nan() {
                    if upper { "NAN".to_string() } else { "nan".to_string() }
                } else {
                    float_body(a, conv, spec.precision.unwrap_or(6), spec.alternate)
                };
                let mut sp = spec.clone();
                if !a.is_finite() {
                    sp.zero = false;
                }
                pad(&sp, sign_str(negative, &spec), &body, '>')
            }
            'c' => {
                let s = if let Some(s) = arg.as_str() {
                    if s.chars().count() != 1 {
                        return Err(type_error("%c requires an int or a unicode character, not a string of length ".to_string() + &s.chars().count().to_string()));
                    }
                    s.to_string()
                } else if let Some(i) = arg.as_int() {
                    let code = i.to_i64().filter(|c| (0..=0x10FFFF).contains(c))
                        .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "%c arg not in range(0x110000)"))?;
                    char::from_u32(code as u32).unwrap_or('\u{FFFD}').to_string()
                } else {
                    return Err(type_error(format!("%c requires an int or a unicode character, not {}", vm.type_name(&arg))));
                };
                let mut sp = spec.clone();
                sp.zero = false;
                pad(&sp, "", &s, '>')
            }
            other => {
                return Err(value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !used_mapping && mapping.is_none() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.str_from_string(out))
}

fn zero_extend(digits: &str, precision: Option<usize>) -> String {
    match precision {
        Some(p) if p > digits.len() => format!("{}{digits}", "0".repeat(p - digits.len())),
        _ => digits.to_string(),
    }
}

fn percent_int(vm: &mut Vm, arg: &Value, conv: char) -> PyResult<Value> {
    if let Some(i) = arg.as_int() {
        return Ok(i.to_value());
    }
    if let Some(f) = arg.as_float() {
        if matches!(conv, 'd' | 'i' | 'u') {
            return crate::objects::float::float_to_int(f);
        }
        return Err(type_error(format!("%{conv} format: an integer is required, not float")));
    }
    if crate::runtime::ops::is_user_object(arg) {
        let name = vm.names.dunder_index.clone();
        if vm.lookup_special(arg, &name).is_some() {
            return vm.call_method(arg, "__index__", &[]);
        }
        if matches!(conv, 'd' | 'i' | 'u') {
            let name = vm.names.dunder_int.clone();
            if vm.lookup_special(arg, &name).is_some() {
                return vm.call_method(arg, "__int__", &[]);
            }
        }
    }
    let what = if matches!(conv, 'd' | 'i' | 'u') { "a real number is required" } else { "an integer is required" };
    Err(type_error(format!("%{conv} format: {what}, not {}", vm.type_name(arg))))
}

// ------------------------------------------------------------------ str.format

/// `fmt.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &[(String, Value)]) -> PyResult<String> {
    let mut auto = 0usize;
    let mut manual = false;
    format_inner(vm, fmt, args, kwargs, &mut auto, &mut manual, 2)
}

fn format_inner(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kwargs: &[(String, Value)],
    auto: &mut usize,
    manual: &mut bool,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if i + 1 < chars.len() && chars[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        // Parse a replacement field up to the matching '}'.
        let mut j = i + 1;
        let mut nest = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => nest += 1,
                '}' => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(value_error("expected '}' before end of string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        // field_name[!conversion][:spec]
        let (name_part, rest) = split_field(&field);
        let (conversion, spec) = match rest.strip_prefix('!') {
            Some(r) => {
                let mut it = r.chars();
                let conv = it.next();
                let after: String = it.collect();
                let spec = match after.strip_prefix(':') {
                    Some(s) => s.to_string(),
                    None if after.is_empty() => String::new(),
                    None => return Err(value_error("expected ':' after conversion specifier")),
                };
                (conv, spec)
            }
            None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
        };
        let value = resolve_field(vm, &name_part, args, kwargs, auto, manual)?;
        let value = match conversion {
            None => value,
            Some('r') => vm.repr(&value)?,
            Some('s') => vm.str(&value)?,
            Some('a') => crate::runtime::strings::ascii(vm, &value)?,
            Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
        };
        let spec = if spec.contains('{') { format_inner(vm, &spec, args, kwargs, auto, manual, depth - 1)? } else { spec };
        out.push_str(&vm.format_string(&value, &spec)?);
    }
    Ok(out)
}

/// Splits `name!r:spec` at the first '!' or ':' outside brackets.
fn split_field(field: &str) -> (String, String) {
    let mut in_bracket = false;
    for (k, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => return (field[..k].to_string(), field[k..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &[(String, Value)],
    auto: &mut usize,
    manual: &mut bool,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if *manual {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let k = *auto;
        *auto += 1;
        args.get(k).cloned().ok_or_else(|| PyErr::new(ExcKind::IndexError, format!("Replacement index {k} out of range for positional args tuple")))?
    } else if let Ok(k) = first.parse::<usize>() {
        if *auto > 0 {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *manual = true;
        args.get(k).cloned().ok_or_else(|| PyErr::new(ExcKind::IndexError, format!("Replacement index {k} out of range for positional args tuple")))?
    } else {
        match kwargs.iter().find(|(k, _)| k == first) {
            Some((_, v)) => v.clone(),
            None => {
                let key = vm.new_str(first);
                return Err(PyErr::with_args(ExcKind::KeyError, vec![key]));
            }
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.intern(&r[..end]);
            value = vm.getattr(&value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key_text = &r[..end];
            let key = match key_text.parse::<i64>() {
                Ok(n) => Value::int(n),
                Err(_) => vm.new_str(key_text),
            };
            value = vm.getitem(&value, &key)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
