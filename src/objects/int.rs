//! `int` (and `bool` as an int): small ints inline in the value, others as `BigIntObj`.
//!
//! Invariant: an int that fits 48 bits is never a `BigIntObj`. Every constructor here
//! normalises, so equality of small ints is equality of bits.

use crate::error::{overflow_error, value_error, zero_division, PyResult};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[repr(C)]
pub struct BigIntObj {
    header: ObjHeader,
    pub value: BigInt,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for BigIntObj {
    const KIND: ObjKind = ObjKind::BigInt;
}

/// A borrowed view of any int-like value (`int` or `bool`).
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.clone(),
        }
    }
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(i) => i == 0,
            IntRef::Big(_) => false,
        }
    }
}

impl Value {
    /// An int from any i64.
    #[inline]
    pub fn int(i: i64) -> Value {
        if Value::small_int_fits(i) { Value::small_int(i) } else { Value::big_int(BigInt::from(i)) }
    }

    pub fn int_from_i128(i: i128) -> Value {
        if i >= crate::value::SMALL_INT_MIN as i128 && i <= crate::value::SMALL_INT_MAX as i128 {
            Value::small_int(i as i64)
        } else {
            Value::big_int(BigInt::from(i))
        }
    }

    pub fn int_from_usize(u: usize) -> Value {
        Value::int_from_i128(u as i128)
    }

    /// An int from a big integer, stored inline when it fits.
    pub fn big_int(b: BigInt) -> Value {
        if let Some(i) = b.to_i64() {
            if Value::small_int_fits(i) {
                return Value::small_int(i);
            }
        }
        alloc(BigIntObj { header: ObjHeader::new(ObjKind::BigInt), value: b })
    }

    /// The value as an int if it is an `int` or a `bool`.
    #[inline]
    pub fn as_int(&self) -> Option<IntRef<'_>> {
        if let Some(i) = self.as_small_int() {
            Some(IntRef::Small(i))
        } else if self.is_bool() {
            Some(IntRef::Small((self.bits() & 1) as i64))
        } else {
            self.downcast::<BigIntObj>().map(|b| IntRef::Big(&b.value))
        }
    }

    /// True for `int` values (not bools).
    pub fn is_int_exact(&self) -> bool {
        self.is_small_int() || self.is::<BigIntObj>()
    }
}

/// Adds two small ints (as i64), promoting on overflow.
#[inline]
pub fn small_add(a: i64, b: i64) -> Value {
    Value::int(a + b) // |a|,|b| < 2^47 cannot overflow i64
}

#[inline]
pub fn small_sub(a: i64, b: i64) -> Value {
    Value::int(a - b)
}

#[inline]
pub fn small_mul(a: i64, b: i64) -> Value {
    Value::int_from_i128(a as i128 * b as i128)
}

pub fn int_add(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int_from_i128(x as i128 + y as i128),
        _ => Value::big_int(a.to_bigint() + b.to_bigint()),
    }
}

pub fn int_sub(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int_from_i128(x as i128 - y as i128),
        _ => Value::big_int(a.to_bigint() - b.to_bigint()),
    }
}

pub fn int_mul(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int_from_i128(x as i128 * y as i128),
        _ => Value::big_int(a.to_bigint() * b.to_bigint()),
    }
}

/// Floor division (`//`), rounding toward negative infinity.
pub fn int_floordiv(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(zero_division("integer division or modulo by zero"));
    }
    Ok(match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int_from_i128((x as i128).div_floor(&(y as i128))),
        _ => Value::big_int(a.to_bigint().div_floor(&b.to_bigint())),
    })
}

/// Modulo (`%`) with the sign of the divisor.
pub fn int_mod(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(zero_division("integer modulo by zero"));
    }
    Ok(match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int_from_i128((x as i128).mod_floor(&(y as i128))),
        _ => Value::big_int(a.to_bigint().mod_floor(&b.to_bigint())),
    })
}

pub fn int_divmod(a: IntRef, b: IntRef) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(zero_division("integer division or modulo by zero"));
    }
    let (q, r) = a.to_bigint().div_mod_floor(&b.to_bigint());
    Ok((Value::big_int(q), Value::big_int(r)))
}

pub fn int_neg(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::int_from_i128(-(x as i128)),
        IntRef::Big(b) => Value::big_int(-b.clone()),
    }
}

pub fn int_abs(a: IntRef) -> Value {
    if a.is_negative() { int_neg(a) } else { a.to_value() }
}

pub fn int_invert(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::int(!x),
        IntRef::Big(b) => Value::big_int(-b.clone() - 1),
    }
}

pub fn int_and(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int(x & y),
        _ => Value::big_int(a.to_bigint() & b.to_bigint()),
    }
}

pub fn int_or(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int(x | y),
        _ => Value::big_int(a.to_bigint() | b.to_bigint()),
    }
}

pub fn int_xor(a: IntRef, b: IntRef) -> Value {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::int(x ^ y),
        _ => Value::big_int(a.to_bigint() ^ b.to_bigint()),
    }
}

pub fn int_lshift(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::small_int(0));
    }
    let n = b.to_i64().filter(|n| *n <= 1 << 40).ok_or_else(|| overflow_error("too many digits in integer"))?;
    if let IntRef::Small(x) = a {
        if n < 64 {
            let wide = (x as i128) << n;
            if wide >> n == x as i128 {
                return Ok(Value::int_from_i128(wide));
            }
        }
    }
    Ok(Value::big_int(a.to_bigint() << (n as usize)))
}

pub fn int_rshift(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    let n = match b.to_i64() {
        Some(n) => n,
        None => return Ok(Value::small_int(if a.is_negative() { -1 } else { 0 })),
    };
    Ok(match a {
        IntRef::Small(x) => Value::int(if n >= 64 { if x < 0 { -1 } else { 0 } } else { x >> n }),
        IntRef::Big(big) => {
            // Arithmetic shift: floor division by 2**n.
            if n as u64 > big.bits() + 1 {
                Value::small_int(if big.is_negative() { -1 } else { 0 })
            } else {
                let d = BigInt::one() << (n as usize);
                Value::big_int(big.div_floor(&d))
            }
        }
    })
}

/// `a ** b` for ints with `b >= 0`; a negative exponent is the caller's float case.
pub fn int_pow(a: IntRef, b: IntRef) -> PyResult<Value> {
    debug_assert!(!b.is_negative());
    let exp = match b.to_i64() {
        Some(e) => e,
        None => {
            // Huge exponent: only trivial bases finish.
            return match a.to_i64() {
                Some(0) => Ok(Value::small_int(0)),
                Some(1) => Ok(Value::small_int(1)),
                Some(-1) => Ok(Value::small_int(if b.to_bigint().is_even() { 1 } else { -1 })),
                _ => Err(overflow_error("exponent too large")),
            };
        }
    };
    if let IntRef::Small(x) = a {
        if let Ok(e) = u32::try_from(exp) {
            if let Some(r) = (x as i128).checked_pow(e) {
                return Ok(Value::int_from_i128(r));
            }
        }
    }
    let e = u32::try_from(exp).map_err(|_| overflow_error("exponent too large"))?;
    Ok(Value::big_int(num_traits::pow::Pow::pow(a.to_bigint(), e)))
}

/// Three-argument `pow(a, b, m)`.
pub fn int_pow_mod(a: IntRef, b: IntRef, m: IntRef) -> PyResult<Value> {
    let m = m.to_bigint();
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let mut base = a.to_bigint();
    let mut exp = b.to_bigint();
    if exp.is_negative() {
        // Modular inverse.
        let inv = mod_inverse(&base, &m).ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        base = inv;
        exp = -exp;
    }
    let mabs = m.abs();
    let mut r = base.modpow(&exp, &mabs);
    // Result takes the sign of the modulus (floor semantics).
    if m.is_negative() && !r.is_zero() {
        r -= &mabs;
    }
    Ok(Value::big_int(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

/// Exact comparison of two ints.
pub fn int_cmp(a: IntRef, b: IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        (IntRef::Big(x), IntRef::Big(y)) => x.cmp(y),
        (IntRef::Small(x), IntRef::Big(y)) => BigInt::from(x).cmp(y),
        (IntRef::Big(x), IntRef::Small(y)) => x.cmp(&BigInt::from(y)),
    }
}

impl IntRef<'_> {
    pub fn to_value(self) -> Value {
        match self {
            IntRef::Small(i) => Value::int(i),
            IntRef::Big(b) => Value::big_int(b.clone()),
        }
    }
}

/// CPython's hash of an int: the value modulo the Mersenne prime 2**61 - 1, keeping the
/// sign, with -1 mapped to -2.
pub fn hash_int(a: IntRef) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let (neg, rem) = match a {
        IntRef::Small(i) => (i < 0, i.unsigned_abs() % MODULUS),
        IntRef::Big(b) => {
            let m = BigInt::from(MODULUS);
            let r = b.abs() % m;
            (b.is_negative(), r.to_u64().unwrap_or(0))
        }
    };
    let h = if neg { -(rem as i64) } else { rem as i64 };
    if h == -1 { -2 } else { h }
}

/// Correctly rounded conversion of an int to a float (OverflowError if too large).
pub fn int_to_f64(a: IntRef) -> PyResult<f64> {
    match a {
        IntRef::Small(i) => Ok(i as f64),
        IntRef::Big(b) => bigint_to_f64(b).ok_or_else(|| overflow_error("int too large to convert to float")),
    }
}

/// Round-half-even conversion; None when the result would be infinite.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let (sign, mag) = (b.sign(), b.magnitude());
    let bits = mag.bits();
    let f = if bits <= 64 {
        let m = mag.to_u64().unwrap();
        // u64 -> f64 casts round to nearest, ties to even.
        m as f64
    } else {
        // Keep the top 64 bits plus a sticky bit for everything below.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap();
        let sticky = mag.trailing_zeros().unwrap_or(0) < shift;
        let top = top | sticky as u64;
        // Round to 53 bits by hand: the u64 cast would round once more after
        // the sticky bit merge only when bit 0 matters, which the sticky bit encodes.
        let f = top as f64;
        if shift > 2000 {
            return None;
        }
        f * 2f64.powi(shift as i32)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if sign == Sign::Minus { -f } else { f })
}

/// Correctly rounded `a / b` for ints.
pub fn int_truediv(a: IntRef, b: IntRef) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        const EXACT: i64 = 1 << 53;
        if x.abs() <= EXACT && y.abs() <= EXACT {
            return Ok(x as f64 / y as f64);
        }
    }
    let (n, d) = (a.to_bigint(), b.to_bigint());
    let negative = n.is_negative() != d.is_negative();
    let (n, d) = (n.abs(), d.abs());
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 significant bits, then round half-even once.
    let shift: i64 = d.bits() as i64 - n.bits() as i64 + 55;
    let (num, den) = if shift >= 0 { (n << (shift as usize), d) } else { (n, d << ((-shift) as usize)) };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().expect("quotient has about 55 bits");
    if !r.is_zero() {
        q |= 1; // sticky bit
    }
    // q has 55 or 56 bits; converting to f64 rounds half-even using the sticky bit.
    let exp = -shift;
    let f = ldexp(q as f64, exp);
    if f.is_infinite() {
        return Err(overflow_error("integer division result too large for a float"));
    }
    Ok(if negative { -f } else { f })
}

/// `x * 2**exp` without intermediate overflow.
pub fn ldexp(x: f64, exp: i64) -> f64 {
    let mut x = x;
    let mut e = exp;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// `int.bit_length()`.
pub fn bit_length(a: IntRef) -> u64 {
    match a {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    }
}

/// Formats an int in a base (2, 8, 10, 16) without prefix, with a leading '-' if negative.
pub fn int_to_string_radix(a: IntRef, radix: u32) -> String {
    match a {
        IntRef::Small(i) => {
            let neg = i < 0;
            let mag = i.unsigned_abs();
            let digits = match radix {
                2 => format!("{mag:b}"),
                8 => format!("{mag:o}"),
                16 => format!("{mag:x}"),
                _ => mag.to_string(),
            };
            if neg { format!("-{digits}") } else { digits }
        }
        IntRef::Big(b) => b.to_str_radix(radix),
    }
}

/// Parses an int literal the way `int(text, base)` does (underscores, prefixes, spaces).
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = {
        let prefixed = |p: &str, b: u32| lower.strip_prefix(p).map(|rest| (b, rest.to_string()));
        let found = match base {
            0 => prefixed("0x", 16).or_else(|| prefixed("0o", 8)).or_else(|| prefixed("0b", 2)),
            16 => prefixed("0x", 16),
            8 => prefixed("0o", 8),
            2 => prefixed("0b", 2),
            _ => None,
        };
        match found {
            Some((b, rest)) => (b, rest.strip_prefix('_').map(str::to_string).unwrap_or(rest)),
            None => {
                if base == 0 {
                    // Base 0 without prefix: decimal, and no leading zeros unless all zero.
                    if lower.len() > 1 && lower.starts_with('0') && lower.chars().any(|c| c != '0' && c != '_') {
                        return None;
                    }
                    (10, lower.clone())
                } else {
                    (base, lower.clone())
                }
            }
        }
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').map(|c| {
        // Unicode decimal digits count as digits for int().
        c.to_digit(10).map(|d| char::from_digit(d, 10).unwrap()).unwrap_or(c)
    }).collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}
