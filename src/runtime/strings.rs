//! Core string helpers: `repr` quoting, `ascii()`, repetition.

use crate::error::{PyErr, PyResult};
use crate::objects::int::IntRef;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's `str.isprintable` for one character (no Unicode tables: control, format,
/// separator and private-use ranges that matter in practice).
pub fn is_printable(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(u,
        0xA0 | 0xAD | 0x1680 | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000 | 0xFEFF | 0xFFF9..=0xFFFB | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E
        | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFE | 0xFFFF)
}

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

/// `s * n`.
pub fn repeat(vm: &mut Vm, s: &str, n: IntRef) -> PyResult<Value> {
    let count = match n.to_i64() {
        Some(c) if c <= 0 => 0,
        Some(c) => c as usize,
        None if n.is_negative() => 0,
        None => return Err(PyErr::new(crate::error::ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")),
    };
    if s.len().checked_mul(count).is_none_or(|t| t > (1 << 40)) {
        return Err(PyErr::bare(crate::error::ExcKind::MemoryError));
    }
    Ok(vm.str_from_string(s.repeat(count)))
}
