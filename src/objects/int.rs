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
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

impl Value {
    /// An int from any i64 (inline: arithmetic fast paths end here; the heap int is
    /// out of line).
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        if Value::small_int_fits(i) { Value::small_int(i) } else { Value::big_int_from_i128(i as i128) }
    }

    #[inline(always)]
    pub fn int_from_i128(i: i128) -> Value {
        if i >= crate::value::SMALL_INT_MIN as i128 && i <= crate::value::SMALL_INT_MAX as i128 {
            Value::small_int(i as i64)
        } else {
            Value::big_int_from_i128(i)
        }
    }

    #[cold]
    #[inline(never)]
    fn big_int_from_i128(i: i128) -> Value {
        Value::big_int(BigInt::from(i))
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
#[inline(always)]
pub fn small_add(a: i64, b: i64) -> Value {
    Value::int(a + b) // |a|,|b| < 2^47 cannot overflow i64
}

#[inline(always)]
pub fn small_sub(a: i64, b: i64) -> Value {
    Value::int(a - b)
}

#[inline(always)]
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
        return Err(zero_division("division by zero"));
    }
    Ok(match (a, b) {
        // i64 division is much cheaper than i128; only MIN / -1 could overflow.
        (IntRef::Small(_), IntRef::Small(-1)) => int_neg(a),
        (IntRef::Small(x), IntRef::Small(y)) => Value::int(Integer::div_floor(&x, &y)),
        _ => Value::big_int(a.to_bigint().div_floor(&b.to_bigint())),
    })
}

/// Modulo (`%`) with the sign of the divisor.
pub fn int_mod(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    Ok(match (a, b) {
        (IntRef::Small(_), IntRef::Small(-1)) => Value::small_int(0),
        (IntRef::Small(x), IntRef::Small(y)) => Value::int(Integer::mod_floor(&x, &y)),
        _ => Value::big_int(a.to_bigint().mod_floor(&b.to_bigint())),
    })
}

pub fn int_divmod(a: IntRef, b: IntRef) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if y != -1 {
            let (q, r) = Integer::div_mod_floor(&x, &y);
            return Ok((Value::int(q), Value::int(r)));
        }
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

/// Largest left shift attempted (a 512 MiB result); beyond it CPython runs out of memory.
const MAX_SHIFT_BITS: i64 = 1 << 32;

pub fn int_lshift(a: IntRef, b: IntRef) -> PyResult<Value> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::small_int(0));
    }
    let n = b.to_i64().ok_or_else(|| overflow_error("too many digits in integer"))?;
    if n > MAX_SHIFT_BITS {
        // CPython fails to allocate such a result.
        return Err(crate::error::PyErr::bare(crate::error::ExcKind::MemoryError));
    }
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

/// `round(a, ndigits)` for ints: exact, half to even (`int.__round__`).
pub fn int_round(a: IntRef, ndigits: IntRef) -> Value {
    if !ndigits.is_negative() {
        return a.to_value();
    }
    // 10**k with k beyond the number of digits of a rounds everything to zero.
    let k = ndigits.to_i64().map(|n| n.unsigned_abs()).unwrap_or(u64::MAX);
    let max_digits = bit_length(a) * 30103 / 100000 + 2;
    if k > max_digits {
        return Value::small_int(0);
    }
    let p: BigInt = num_traits::pow::Pow::pow(BigInt::from(10), k as u32);
    let (q, r) = a.to_bigint().div_mod_floor(&p);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => if q.is_even() { q } else { q + 1 },
    };
    Value::big_int(q * p)
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
    let mag = b.magnitude();
    let bits = mag.bits();
    // Keep the top 64 bits plus a sticky bit for everything below.
    let shift = bits.saturating_sub(64);
    let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
    let sticky = shift > 0 && mag.trailing_zeros().unwrap_or(0) < shift;
    crate::objects::float::compose_float(b.sign() == Sign::Minus, top, sticky, shift as i64)
}

/// Correctly rounded `a / b` for ints (CPython's `long_true_divide`).
pub fn int_truediv(a: IntRef, b: IntRef) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        // Both exact as doubles: one IEEE division rounds correctly.
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
    let diff = n.bits() as i64 - d.bits() as i64;
    if diff > 1025 {
        return Err(overflow_error("integer division result too large for a float"));
    }
    if diff < -1021 - 53 - 1 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient keeps 55 or 56 bits (fewer needed for subnormal results);
    // the remainder becomes a sticky bit and `compose_float` rounds once.
    let shift = diff.max(-1021) - 53 - 2;
    let (num, mut inexact) = if shift <= 0 {
        (n << ((-shift) as usize), false)
    } else {
        let lost = n.trailing_zeros().unwrap_or(0) < shift as u64;
        (n >> (shift as usize), lost)
    };
    let (q, r) = num.div_rem(&d);
    inexact |= !r.is_zero();
    let q = q.to_u64().unwrap_or(u64::MAX);
    crate::objects::float::compose_float(negative, q, inexact, shift)
        .ok_or_else(|| overflow_error("integer division result too large for a float"))
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

/// Parses an int literal the way `int(text, base)` does (underscores, prefixes,
/// whitespace, Unicode digits). `None` for an invalid literal.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let lit = scan_int(text, base)?;
    lit.to_bigint()
}

/// A validated int literal: sign, effective base and its digits (ASCII, no underscores).
pub struct IntLiteral {
    pub negative: bool,
    pub base: u32,
    pub digits: String,
}

impl IntLiteral {
    pub fn to_bigint(&self) -> Option<BigInt> {
        let v = BigInt::parse_bytes(self.digits.as_bytes(), self.base)?;
        Some(if self.negative { -v } else { v })
    }
}

/// Checks an int literal (CPython's `PyLong_FromString` grammar) without converting it,
/// so callers can apply the digit limit first.
pub fn scan_int(text: &str, base: u32) -> Option<IntLiteral> {
    let ascii = to_ascii_numeric(text);
    let t = ascii.trim_matches(is_c_space).as_bytes();
    let (negative, mut t) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let prefix_base = match (t.first(), t.get(1).map(|c| c.to_ascii_lowercase())) {
        (Some(b'0'), Some(b'x')) => 16,
        (Some(b'0'), Some(b'o')) => 8,
        (Some(b'0'), Some(b'b')) => 2,
        _ => 0,
    };
    let mut base = base;
    let mut after_prefix = false;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        base = prefix_base;
        t = &t[2..];
        after_prefix = true;
    }
    let leading_zero_decimal = base == 0;
    if base == 0 {
        base = 10;
    }
    // One underscore may follow a base prefix ("0x_1f").
    if after_prefix && t.first() == Some(&b'_') {
        t = &t[1..];
    }
    let mut digits = String::with_capacity(t.len());
    let mut prev_underscore = true; // no leading underscore
    for &c in t {
        if c == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let d = (c as char).to_digit(36)?;
        if d >= base {
            return None;
        }
        digits.push(c as char);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return None;
    }
    // Base 0 without a prefix: no leading zeros unless the value is zero ("00" is fine).
    if leading_zero_decimal && digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|c| c != b'0') {
        return None;
    }
    Some(IntLiteral { negative, base, digits })
}

/// `str.isspace()` for one character (Unicode White_Space plus the ASCII separators).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// First code point of each run of ten Unicode decimal digits (category Nd), Unicode 16.
const DECIMAL_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
    0xff10, 0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x116d0, 0x116da, 0x11730, 0x118e0, 0x11950, 0x11bf0, 0x11c50,
    0x11d50, 0x11da0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50, 0x16d70, 0x1ccf0, 0x1d7ce,
    0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`unicodedata.decimal`).
pub fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII stays as it is; other
/// whitespace becomes a space, decimal digits ASCII digits, anything else '?'.
pub fn to_ascii_numeric(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mapped = text.chars().map(|c| {
        if c.is_ascii() {
            c
        } else if py_isspace(c) {
            ' '
        } else {
            unicode_decimal(c).and_then(|d| char::from_digit(d, 10)).unwrap_or('?')
        }
    });
    std::borrow::Cow::Owned(mapped.collect())
}

/// C `isspace` in the "C" locale: what the number parsers skip around a literal.
pub fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}
