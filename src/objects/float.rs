//! `float` arithmetic, hashing, parsing and `repr`, each exactly as CPython does it.

use crate::error::{value_error, zero_division, PyErr, PyResult};
use crate::objects::int::{IntRef, bigint_to_f64};
use num_bigint::BigInt;
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

/// Shortest round-trip decimal digits of a finite float: (negative, digits without
/// trailing zeros, position of the decimal point relative to the first digit).
pub fn shortest_digits(x: f64) -> (bool, String, i32) {
    let negative = x.is_sign_negative();
    let a = x.abs();
    if a == 0.0 {
        return (negative, "0".into(), 1);
    }
    // Rust's `{:e}` prints the shortest round-trip digits: "1.2345e-7".
    let s = format!("{a:e}");
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("exponent");
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (negative, digits.to_string(), exp + 1)
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

/// `frexp`: x = m * 2**e with 0.5 <= |m| < 1.
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

/// Python's float `//`.
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_division("float floor division by zero"));
    }
    Ok(float_divmod_inner(a, b).0)
}

/// Python's float `%` (result has the divisor's sign).
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_division("float modulo by zero"));
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
        return Err(zero_division("float divmod()"));
    }
    Ok(float_divmod_inner(a, b))
}

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
        return Err(zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// Python's float `**` (real results only).
pub fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(if b == 0.0 { 1.0 } else { a });
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(zero_division("zero to a negative power"));
    }
    if a < 0.0 && a.is_finite() && b.is_finite() && b.floor() != b {
        return Err(PyErr::new(crate::error::ExcKind::ValueError,
            "negative number cannot be raised to a fractional power (complex numbers are not supported)"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(crate::error::overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
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
    let fi = BigInt::from_f64(fl).expect("finite");
    let ib = i.to_bigint();
    Some(match ib.cmp(&fi) {
        Ordering::Equal => {
            if f > fl { Ordering::Less } else { Ordering::Equal }
        }
        other => other,
    })
}

/// `float(text)`: decimal or `inf`/`nan` forms, with underscores between digits and
/// surrounding whitespace.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if lower.len() - body.len() > 1 {
        return None;
    }
    let neg = lower.starts_with('-');
    match body {
        "inf" | "infinity" => return Some(if neg { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Some(if neg { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(lower.len());
    if neg {
        clean.push('-');
    }
    for (k, &c) in bytes.iter().enumerate() {
        if c == b'_' {
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

/// Converts an integral float to an int value (`int(x)` after truncation).
pub fn float_to_int(x: f64) -> PyResult<crate::value::Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(crate::error::overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e15 {
        return Ok(crate::value::Value::int(t as i64));
    }
    Ok(crate::value::Value::big_int(BigInt::from_f64(t).unwrap_or_else(BigInt::zero)))
}

/// `round(x, ndigits)` with CPython's correctly rounded, half-even result.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 330 {
        return x;
    }
    if ndigits < -330 {
        return 0.0f64.copysign(x);
    }
    if ndigits >= 0 {
        // Rust formats the exact binary value, rounding half to even: CPython's dtoa mode 3.
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse::<f64>().unwrap_or(x);
    }
    // Negative ndigits: round the exact value to a multiple of 10**-ndigits.
    let pow = num_traits::pow::Pow::pow(BigInt::from(10), (-ndigits) as u32);
    let (num, den) = exact_ratio(x);
    // value = num / den; q = round_half_even(num / (den * pow))
    let d = den * &pow;
    let q = round_half_even_div(&num, &d);
    let r = q * pow;
    bigint_to_f64(&r).unwrap_or(if x > 0.0 { f64::INFINITY } else { f64::NEG_INFINITY })
        .copysign(x)
}

/// x as an exact fraction num/den (den a power of two).
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

fn round_half_even_div(n: &BigInt, d: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (q, r) = n.div_mod_floor(d);
    let twice: BigInt = r * 2;
    match twice.cmp(d) {
        Ordering::Less => q,
        Ordering::Greater => q + 1,
        Ordering::Equal => if q.is_even() { q } else { q + 1 },
    }
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
}
