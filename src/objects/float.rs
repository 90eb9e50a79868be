//! `float` arithmetic, hashing, parsing and `repr`, each exactly as CPython does it.

use crate::error::{overflow_error, value_error, zero_division, ExcKind, PyErr, PyResult};
use crate::objects::int::{bigint_to_f64, to_ascii_numeric, IntRef};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Zero};
use std::cmp::Ordering;

/// `repr(x)` / `str(x)`: the shortest string that round-trips, in CPython's layout
/// (`1e+16`, `1.5e-07`, `100.0`, `inf`, `nan`, `-0.0`).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let (negative, digits, decpt) = shortest_digits(x);
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        push_exponent(&mut out, decpt - 1);
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(&digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(&digits);
        for _ in 0..(decpt as usize - digits.len()) {
            out.push('0');
        }
        out.push_str(".0");
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `e+16`, `e-07`: sign always, at least two digits.
pub fn push_exponent(out: &mut String, exp: i32) {
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    out.push_str(&e.to_string());
}

/// Splits Rust's `{:e}` output ("1.2345e-7") into digits without trailing zeros and
/// the exponent.
fn split_exp_form(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    (if digits.is_empty() { "0".to_string() } else { digits.to_string() }, exp)
}

/// Shortest round-trip decimal digits of a finite float: (negative, digits without
/// trailing zeros, position of the decimal point relative to the first digit).
///
/// Among the shortest strings that round-trip, CPython (dtoa mode 0) picks the one
/// nearest the exact binary value (ties to even); Rust's shortest formatter may pick
/// another (1000000000000000.2 vs .3), so the digits are re-rounded correctly.
pub fn shortest_digits(x: f64) -> (bool, String, i32) {
    let negative = x.is_sign_negative();
    let a = x.abs();
    if a == 0.0 {
        return (negative, "0".into(), 1);
    }
    let (digits, exp) = split_exp_form(&format!("{a:e}"));
    if digits.len() > 1 {
        // `{:.N e}` rounds the exact value half-to-even: the nearest N+1 digit string.
        let nearest = format!("{:.*e}", digits.len() - 1, a);
        if nearest.parse::<f64>().ok() == Some(a) {
            let (d2, e2) = split_exp_form(&nearest);
            if d2.len() <= digits.len() {
                return (negative, d2, e2 + 1);
            }
        }
    }
    (negative, digits, exp + 1)
}

/// CPython's hash of a float (equal to the hash of an equal int).
pub fn hash_float(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if !v.is_finite() {
        return if v.is_infinite() { if v > 0.0 { 314159 } else { -314159 } } else { 0 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) } as u32;
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 { -2 } else { h }
}

/// `frexp`: x = m * 2**e with 0.5 <= |m| < 1 (zero, inf and nan give (x, 0)).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// `x * 2**exp` without intermediate overflow (exact unless the result is out of range).
pub fn ldexp(x: f64, exp: i64) -> f64 {
    crate::objects::int::ldexp(x, exp)
}

/// The correctly rounded (half-even) value of `mant * 2**exp2`, where `sticky` says
/// that nonzero bits below `mant` were dropped. `None` when the result overflows.
pub fn compose_float(negative: bool, mant: u64, sticky: bool, exp2: i64) -> Option<f64> {
    let sign = if negative { -1.0 } else { 1.0 };
    if mant == 0 {
        return Some(0.0 * sign);
    }
    let bits = 64 - mant.leading_zeros() as i64;
    let top = exp2 + bits - 1; // exponent of the leading bit
    if top > 1100 {
        return None;
    }
    // Significant bits available at this magnitude (fewer for subnormals).
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = bits - precision;
    let (kept, exp) = if shift <= 0 {
        (mant as u128, exp2)
    } else if shift > 65 {
        // Everything is below half of the smallest subnormal.
        (0, exp2 + shift)
    } else {
        let m = mant as u128;
        let kept = m >> shift;
        let rem = m & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
        (kept + up as u128, exp2 + shift)
    };
    let r = ldexp(kept as f64, exp);
    if r.is_infinite() {
        return None;
    }
    Some(r * sign)
}

/// Python's float `//`.
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_division("division by zero"));
    }
    Ok(float_divmod_inner(a, b).0)
}

/// Python's float `%` (result has the divisor's sign).
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_division("division by zero"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(zero_division("division by zero"));
    }
    Ok(float_divmod_inner(a, b))
}

/// CPython's `float_divmod` without the zero check.
fn float_divmod_inner(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_truediv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_division("division by zero"));
    }
    Ok(a / b)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0).abs() == 1.0
}

/// Python's float `**` (CPython's `float_pow`; real results only).
pub fn float_pow(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_division("zero to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "negative number cannot be raised to a fractional power (complex numbers are not supported)",
            ));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// Exact comparison of an int with a float (`None` when the float is NaN).
pub fn compare_int_float(i: IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let IntRef::Small(s) = i {
        if s.unsigned_abs() < (1 << 53) {
            return (s as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fi = BigInt::from_f64(fl).unwrap_or_default();
    let ib = i.to_bigint();
    Some(match ib.cmp(&fi) {
        Ordering::Equal => {
            if f > fl { Ordering::Less } else { Ordering::Equal }
        }
        other => other,
    })
}

/// `float(text)`: decimal or `inf`/`nan` forms, with underscores between digits,
/// Unicode decimal digits and surrounding (Unicode) whitespace.
pub fn parse_float(text: &str) -> Option<f64> {
    let ascii = to_ascii_numeric(text);
    let t = ascii.trim_matches(crate::objects::int::is_c_space);
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let (neg, body) = match lower.as_bytes()[0] {
        b'-' => (true, &lower[1..]),
        b'+' => (false, &lower[1..]),
        _ => (false, &lower[..]),
    };
    if body.starts_with(['+', '-']) {
        return None;
    }
    match body {
        "inf" | "infinity" => return Some(if neg { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Some(if neg { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(bytes.len() + 1);
    if neg {
        clean.push('-');
    }
    for (k, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            // Only between two digits.
            let ok = k > 0 && k + 1 < bytes.len() && bytes[k - 1].is_ascii_digit() && bytes[k + 1].is_ascii_digit();
            if !ok {
                return None;
            }
            continue;
        }
        if !(c.is_ascii_digit() || c == b'.' || c == b'e' || c == b'+' || c == b'-') {
            return None;
        }
        clean.push(c as char);
    }
    if !clean.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// Converts a float to an int value, truncating (`int(x)`).
pub fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e15 {
        return Ok(Value::int(t as i64));
    }
    Ok(Value::big_int(BigInt::from_f64(t).unwrap_or_else(BigInt::zero)))
}

/// `round(x)` / `round(x, ndigits)` for a float (`float.__round__`).
pub fn float_round(x: f64, ndigits: Option<IntRef>) -> PyResult<Value> {
    let Some(nd) = ndigits else {
        return float_to_int(x.round_ties_even());
    };
    // CPython clamps huge ndigits to the ssize_t range.
    let n = nd.to_i64().unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
    round_float_checked(x, n).map(Value::float)
}

/// `round(x, ndigits)`; an overflowing result gives infinity (see `round_float_checked`).
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    round_float_checked(x, ndigits).unwrap_or(if x > 0.0 { f64::INFINITY } else { f64::NEG_INFINITY })
}

/// `round(x, ndigits)` with CPython's correctly rounded, half-even result and its
/// `OverflowError` when the rounded value is too large.
pub fn round_float_checked(x: f64, ndigits: i64) -> PyResult<f64> {
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them the result is x or zero.
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        // Rust formats the exact binary value, rounding half to even: CPython's dtoa mode 3.
        let s = format!("{:.*}", ndigits as usize, x);
        return Ok(s.parse::<f64>().unwrap_or(x));
    }
    // Negative ndigits: round the exact value to a multiple of 10**-ndigits.
    let pow = num_traits::pow::Pow::pow(BigInt::from(10), (-ndigits) as u32);
    let (num, den) = exact_ratio(x);
    let q = round_half_even_div(&num, &(den * &pow));
    if q.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    bigint_to_f64(&(q * pow)).ok_or_else(|| overflow_error("rounded value too large to represent"))
}

/// x as an exact fraction num/den (den a power of two); x must be finite.
pub fn exact_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = frexp(x);
    // m has 53 significant bits.
    let mant = (m * 2f64.powi(53)) as i64;
    let e = e - 53;
    if e >= 0 {
        (BigInt::from(mant) << (e as usize), BigInt::from(1))
    } else {
        (BigInt::from(mant), BigInt::from(1) << ((-e) as usize))
    }
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
pub fn as_integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let (n, d) = exact_ratio(x);
    let g = n.gcd(&d);
    Ok((n / &g, d / g))
}

fn round_half_even_div(n: &BigInt, d: &BigInt) -> BigInt {
    let (q, r) = n.div_mod_floor(d);
    let twice: BigInt = r * 2;
    match twice.cmp(d) {
        Ordering::Less => q,
        Ordering::Greater => q + 1,
        Ordering::Equal => if q.is_even() { q } else { q + 1 },
    }
}

/// `float.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{sign}0x{lead}.{mant:013x}p{}{e}", if e >= 0 { "+" } else { "" })
}

fn invalid_hex() -> PyErr {
    value_error("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`, correctly rounded (CPython's `float_fromhex`).
pub fn float_fromhex(text: &str) -> PyResult<f64> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(if negative { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Ok(if negative { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (coeff, exp_part) = match body.split_once('p') {
        Some((c, e)) => (c, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = coeff.split_once('.').unwrap_or((coeff, ""));
    let all_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !all_hex(int_part) || !all_hex(frac_part) {
        return Err(invalid_hex());
    }
    let exp = match exp_part {
        None => 0i64,
        Some(e) => parse_hex_exponent(e).ok_or_else(invalid_hex)?,
    };
    // Value = 0x<int_part><frac_part> * 16**-len(frac_part) * 2**exp.
    let digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else { return Ok(if negative { -0.0 } else { 0.0 }) };
    let significant = &digits[first..];
    let mut mant: u64 = 0;
    let mut taken = 0usize;
    for &d in significant.iter().take(16) {
        mant = (mant << 4) | (d as char).to_digit(16).unwrap_or(0) as u64;
        taken += 1;
    }
    let sticky = significant[taken..].iter().any(|&d| d != b'0');
    let dropped_digits = (significant.len() - taken) as i64;
    let exp2 = exp.saturating_add(4 * (dropped_digits - frac_part.len() as i64));
    compose_float(negative, mant, sticky, exp2.clamp(-1 << 40, 1 << 40))
        .ok_or_else(|| overflow_error("hexadecimal value too large to represent as a float"))
}

/// The decimal exponent after `p`, saturated far beyond the float range.
fn parse_hex_exponent(e: &str) -> Option<i64> {
    let (neg, digits) = match e.as_bytes().first() {
        Some(b'-') => (true, &e[1..]),
        Some(b'+') => (false, &e[1..]),
        _ => (false, e),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        v = (v * 10 + (b - b'0') as i64).min(1 << 50);
    }
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases = [
            (1e16, "1e+16"), (1.5e-7, "1.5e-07"), (0.1, "0.1"), (100.0, "100.0"), (-0.0, "-0.0"),
            (1e15, "1000000000000000.0"), (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"), (0.00001, "1e-05"), (2.5, "2.5"), (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"), (f64::NAN, "nan"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1000000000000000.2, "1000000000000000.2"),
        ];
        for (x, s) in cases {
            assert_eq!(float_repr(x), s);
        }
    }

    #[test]
    fn hash_matches_ints() {
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(1e100), 1822893315824342674);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_float(2.675, 2), 2.67);
        assert_eq!(round_float(0.5, 0), 0.0);
        assert_eq!(round_float(1.5, 0), 2.0);
        assert_eq!(round_float(1250.0, -2), 1200.0);
        assert_eq!(round_float(1350.0, -2), 1400.0);
    }

    #[test]
    fn hex_round_trip() {
        for x in [1.0, 0.1, -2.5, 5e-324, 1.7976931348623157e308, 3.0e-310] {
            assert_eq!(float_fromhex(&float_hex(x)).ok(), Some(x));
        }
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
    }
}
