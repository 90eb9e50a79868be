//! Core string helpers: `repr` quoting, `ascii()`, repetition, and the Unicode character
//! database (CPython's predicates and case mappings) behind the `str` methods.

use crate::error::{PyErr, PyResult};
use crate::objects::int::IntRef;
use crate::value::Value;
use crate::vm::Vm;

/// `repr(s)` for a str: CPython's choice of quotes and escapes.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_ascii() => out.push(c),
            c if is_printable(c) => out.push(c),
            c => out.push_str(&escape_char(c)),
        }
    }
    out.push(quote);
    out
}

fn escape_char(c: char) -> String {
    let u = c as u32;
    if u <= 0xff {
        format!("\\x{u:02x}")
    } else if u <= 0xffff {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// `ascii(v)`: repr with every non-ASCII character escaped.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr_string(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&escape_char(c));
        }
    }
    Ok(vm.str_from_string(out))
}

/// The largest str monjit builds (bytes). CPython would run out of memory beyond it
/// anyway, and a failed Rust allocation would abort instead of raising.
pub const MAX_STR_BYTES: usize = 1 << 32;

/// MemoryError for a result of `bytes` bytes that is too large to build.
pub fn check_size(bytes: usize) -> PyResult<()> {
    if bytes > MAX_STR_BYTES {
        return Err(PyErr::bare(crate::error::ExcKind::MemoryError));
    }
    Ok(())
}

/// `s * n`.
pub fn repeat(vm: &mut Vm, s: &str, n: IntRef) -> PyResult<Value> {
    let count = match n.to_i64() {
        Some(c) if c <= 0 => 0,
        Some(c) => c as usize,
        None => return Err(PyErr::new(crate::error::ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")),
    };
    check_size(s.len().saturating_mul(count))?;
    Ok(vm.str_from_string(s.repeat(count)))
}

// ------------------------------------------------------------------ Unicode database

#[rustfmt::skip]
mod unicode_tables;
use unicode_tables as ut;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    table.binary_search_by(|&(lo, hi)| {
        if hi < u {
            std::cmp::Ordering::Less
        } else if lo > u {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }).is_ok()
}

fn mapping_exception(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| table[i].1)
}

/// The value of a decimal digit (category Nd), as `int()` and `str.isdecimal` see it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let u = c as u32;
    let i = ut::DECIMAL_ZEROS.partition_point(|&z| z <= u);
    let zero = *ut::DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (u - zero < 10).then_some(u - zero)
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit`: decimals plus digits such as '²' (Numeric_Type=Digit).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(ut::DIGIT, c)
}

/// `str.isnumeric`: any Numeric_Type, e.g. '½' and '七'.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(ut::NUMERIC, c)
}

/// `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(ut::ALPHA, c)
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// CPython's whitespace: includes the ASCII separators \x1c-\x1f, excludes U+200B.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    in_ranges(ut::SPACE, c)
}

/// Line boundaries for `splitlines` (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029).
pub fn is_linebreak(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1e');
    }
    in_ranges(ut::LINEBREAK, c)
}

/// East Asian Width W or F: two columns wide (traceback.py's `_display_width`).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && in_ranges(ut::WIDE, c)
}

/// `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(ut::PRINTABLE, c)
}

/// The Uppercase property.
pub fn is_upper(c: char) -> bool {
    c.is_uppercase() != (!c.is_ascii() && in_ranges(ut::UPPER_TOGGLE, c))
}

/// The Lowercase property.
pub fn is_lower(c: char) -> bool {
    c.is_lowercase() != (!c.is_ascii() && in_ranges(ut::LOWER_TOGGLE, c))
}

/// Titlecase letters (category Lt), such as 'ǅ'.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(ut::TITLE, c)
}

pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}

pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(ut::CASE_IGNORABLE, c)
}

pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(ut::XID_START, c)
}

pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(ut::XID_CONTINUE, c)
}

pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(m) = mapping_exception(ut::UPPER_EXCEPTIONS, c) {
        out.push_str(m);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Lowercase of `c` ignoring context (see `push_lower_at` for final sigma).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(m) = mapping_exception(ut::LOWER_EXCEPTIONS, c) {
        out.push_str(m);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Lowercase of the char `c` at byte offset `at` of `s`: a capital sigma becomes final
/// 'ς' after a cased letter not followed by one (case-ignorables skipped).
pub fn push_lower_at(out: &mut String, s: &str, at: usize, c: char) {
    if c != 'Σ' {
        return push_lower(out, c);
    }
    let before = s[..at].chars().rev().find(|&x| !is_case_ignorable(x));
    let after = s[at + c.len_utf8()..].chars().find(|&x| !is_case_ignorable(x));
    let is_final = before.is_some_and(is_cased) && !after.is_some_and(is_cased);
    out.push(if is_final { 'ς' } else { 'σ' });
}

pub fn push_title(out: &mut String, c: char) {
    match mapping_exception(ut::TITLE_EXCEPTIONS, c) {
        Some(m) => out.push_str(m),
        None => push_upper(out, c),
    }
}

pub fn push_casefold(out: &mut String, c: char) {
    match mapping_exception(ut::FOLD_EXCEPTIONS, c) {
        Some(m) => out.push_str(m),
        None => push_lower(out, c),
    }
}
