//! Compile-time evaluation of constant operators, with CPython's limits (results that
//! would be large are left to run time, and anything that raises is not folded).

use super::instr::Opc;
use super::Const;
use crate::bytecode::{BinaryOpArg as B, Op};
use crate::objects::float;
use crate::objects::int as pyint;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Numbers as the folder sees them (bools are ints).
enum Num {
    Int(BigInt),
    Float(f64),
}

fn num(c: &Const) -> Option<Num> {
    match c {
        Const::Int(i) => Some(Num::Int(i.clone())),
        Const::Bool(b) => Some(Num::Int(BigInt::from(*b as i32))),
        Const::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn to_const(v: crate::value::Value) -> Option<Const> {
    if let Some(f) = v.as_float() {
        return Some(Const::Float(f));
    }
    v.as_int().map(|i| Const::Int(i.to_bigint()))
}

fn complexity(c: &Const, limit: i64) -> i64 {
    match c {
        Const::Tuple(items) => {
            let mut limit = limit - items.len() as i64;
            for it in items {
                if limit < 0 {
                    break;
                }
                limit = complexity(it, limit);
            }
            limit
        }
        _ => limit,
    }
}

/// `seq[i]`'s position in a sequence of `len` items, when in range.
fn const_index(i: &BigInt, len: usize) -> Option<usize> {
    let i = i.to_i64()?;
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// The count of a str or bytes repetition of `size` items, unless the result would be
/// over CPython's folding limit.
fn str_repeat_count(n: &Const, size: usize) -> Option<usize> {
    let n = match n {
        Const::Int(i) => i.to_i64()?,
        Const::Bool(b) => *b as i64,
        _ => return None,
    };
    if size > 0 && (n < 0 || n as usize > MAX_STR_SIZE / size) {
        return None;
    }
    Some(n.max(0) as usize)
}

pub fn eval_binop(l: &Const, op: B, r: &Const) -> Option<Const> {
    // bool's own &, | and ^ keep the bool type.
    if let (Const::Bool(a), Const::Bool(b)) = (l, r) {
        match op {
            B::And => return Some(Const::Bool(a & b)),
            B::Or => return Some(Const::Bool(a | b)),
            B::Xor => return Some(Const::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (num(l), num(r)) {
        return eval_numeric(a, op, b);
    }
    match (l, op, r) {
        (Const::Str(a), B::Add, Const::Str(b)) => Some(Const::Str(format!("{a}{b}"))),
        (Const::Bytes(a), B::Add, Const::Bytes(b)) => Some(Const::Bytes([a.as_slice(), b].concat())),
        (Const::Bytes(s), B::Multiply, n) | (n, B::Multiply, Const::Bytes(s)) => Some(Const::Bytes(s.repeat(str_repeat_count(n, s.len())?))),
        (Const::Bytes(s), B::Subscr, Const::Int(i)) => Some(Const::Int(s[const_index(i, s.len())?].into())),
        (Const::Tuple(a), B::Add, Const::Tuple(b)) => Some(Const::Tuple(a.iter().chain(b).cloned().collect())),
        (Const::Str(s), B::Multiply, n) | (n, B::Multiply, Const::Str(s)) => Some(Const::Str(s.repeat(str_repeat_count(n, s.chars().count())?))),
        (Const::Tuple(t), B::Multiply, n) | (n, B::Multiply, Const::Tuple(t)) => {
            let n = match n {
                Const::Int(i) => i.to_i64()?,
                Const::Bool(b) => *b as i64,
                _ => return None,
            };
            if !t.is_empty() {
                if n < 0 || n as usize > MAX_COLLECTION_SIZE / t.len() {
                    return None;
                }
                if n > 0 && complexity(&Const::Tuple(t.clone()), MAX_TOTAL_ITEMS / n) < 0 {
                    return None;
                }
            }
            let mut v = Vec::new();
            for _ in 0..n.max(0) {
                v.extend(t.iter().cloned());
            }
            Some(Const::Tuple(v))
        }
        (Const::Str(s), B::Subscr, Const::Int(i)) => Some(Const::Str(s.chars().nth(const_index(i, s.chars().count())?)?.to_string())),
        (Const::Tuple(t), B::Subscr, Const::Int(i)) => Some(t[const_index(i, t.len())?].clone()),
        _ => None,
    }
}

fn eval_numeric(a: Num, op: B, b: Num) -> Option<Const> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            let (vx, vy) = (crate::value::Value::big_int(x.clone()), crate::value::Value::big_int(y.clone()));
            let (rx, ry) = (vx.as_int().expect("int"), vy.as_int().expect("int"));
            let v = match op {
                B::Add => pyint::int_add(rx, ry),
                B::Subtract => pyint::int_sub(rx, ry),
                B::Multiply => {
                    if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() > MAX_INT_SIZE {
                        return None;
                    }
                    pyint::int_mul(rx, ry)
                }
                B::TrueDivide => crate::value::Value::float(pyint::int_truediv(rx, ry).ok()?),
                B::FloorDivide => pyint::int_floordiv(rx, ry).ok()?,
                B::Remainder => pyint::int_mod(rx, ry).ok()?,
                B::Power => {
                    if y.is_negative() {
                        let (fx, fy) = (pyint::int_to_f64(rx).ok()?, pyint::int_to_f64(ry).ok()?);
                        return float::float_pow(fx, fy).ok().map(Const::Float);
                    }
                    if !x.is_zero() && y.is_positive() {
                        let wbits = y.to_u64()?;
                        if x.bits() > MAX_INT_SIZE / wbits.max(1) {
                            return None;
                        }
                    }
                    pyint::int_pow(rx, ry).ok()?
                }
                B::Lshift => {
                    if !x.is_zero() && !y.is_zero() {
                        let w = y.to_u64()?;
                        if w > MAX_INT_SIZE || x.bits() > MAX_INT_SIZE - w {
                            return None;
                        }
                    }
                    pyint::int_lshift(rx, ry).ok()?
                }
                B::Rshift => pyint::int_rshift(rx, ry).ok()?,
                B::Or => pyint::int_or(rx, ry),
                B::Xor => pyint::int_xor(rx, ry),
                B::And => pyint::int_and(rx, ry),
                _ => return None,
            };
            to_const(v)
        }
        (a, b) => {
            let fa = match a {
                Num::Int(i) => pyint::int_to_f64(crate::value::Value::big_int(i).as_int()?).ok()?,
                Num::Float(f) => f,
            };
            let fb = match b {
                Num::Int(i) => pyint::int_to_f64(crate::value::Value::big_int(i).as_int()?).ok()?,
                Num::Float(f) => f,
            };
            let r = match op {
                B::Add => fa + fb,
                B::Subtract => fa - fb,
                B::Multiply => fa * fb,
                B::TrueDivide => float::float_truediv(fa, fb).ok()?,
                B::FloorDivide => float::float_floordiv(fa, fb).ok()?,
                B::Remainder => float::float_mod(fa, fb).ok()?,
                B::Power => float::float_pow(fa, fb).ok()?,
                _ => return None,
            };
            Some(Const::Float(r))
        }
    }
}

pub fn eval_unaryop(v: &Const, opc: Opc, arg: u32) -> Option<Const> {
    match opc {
        Opc::Real(Op::UnaryNegative) => match num(v)? {
            Num::Int(i) => Some(Const::Int(-i)),
            Num::Float(f) => Some(Const::Float(-f)),
        },
        Opc::Real(Op::UnaryInvert) => match v {
            // ~True is deprecated (and warns) in CPython: not folded there either.
            Const::Int(i) => Some(Const::Int(-i - 1)),
            _ => None,
        },
        Opc::Real(Op::UnaryNot) => v.truthy().map(|t| Const::Bool(!t)),
        Opc::Real(Op::CallIntrinsic1) if arg == crate::bytecode::INTRINSIC_UNARY_POSITIVE => match v {
            Const::Int(_) | Const::Float(_) => Some(v.clone()),
            Const::Bool(b) => Some(Const::Int(BigInt::from(*b as i32))),
            _ => None,
        },
        _ => None,
    }
}
