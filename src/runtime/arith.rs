//! Binary and unary operators: built-in numeric and sequence semantics, then CPython's
//! protocol for user classes (`__op__`, reflected `__rop__`, in-place `__iop__`).

use crate::bytecode::{BinaryOpArg as B, BINARY_OP_SYMBOLS};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::float;
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::runtime::ops::is_user_object;
use crate::value::Value;
use crate::vm::Vm;

/// (method, reflected, in-place) dunder names of an operator.
pub fn dunders(op: B) -> (&'static str, &'static str, &'static str) {
    match op.base() {
        B::Add => ("__add__", "__radd__", "__iadd__"),
        B::Subtract => ("__sub__", "__rsub__", "__isub__"),
        B::Multiply => ("__mul__", "__rmul__", "__imul__"),
        B::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        B::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        B::Remainder => ("__mod__", "__rmod__", "__imod__"),
        B::Power => ("__pow__", "__rpow__", "__ipow__"),
        B::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
        B::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
        B::And => ("__and__", "__rand__", "__iand__"),
        B::Or => ("__or__", "__ror__", "__ior__"),
        B::Xor => ("__xor__", "__rxor__", "__ixor__"),
        B::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        _ => ("__getitem__", "__getitem__", "__getitem__"),
    }
}

/// Whether `name` is the method, reflected or in-place dunder of a binary operator.
pub fn is_operator_dunder(name: &str) -> bool {
    ALL_BINARY_OPS.iter().any(|&op| {
        let (m, r, i) = dunders(op);
        name == m || name == r || name == i
    })
}

/// Whether `name` is the in-place dunder of a binary operator (`__iadd__`...).
pub fn is_inplace_dunder(name: &str) -> bool {
    ALL_BINARY_OPS.iter().any(|&op| dunders(op).2 == name)
}

const ALL_BINARY_OPS: [B; 13] = [
    B::Add, B::Subtract, B::Multiply, B::TrueDivide, B::FloorDivide, B::Remainder, B::Power,
    B::Lshift, B::Rshift, B::And, B::Or, B::Xor, B::MatrixMultiply,
];

/// Built-in operands; `None` means "not implemented" for this pair.
pub fn builtin_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        if a.is_bool() && b.is_bool() {
            let (p, q) = (a.is_true_const(), b.is_true_const());
            match op.base() {
                B::And => return Ok(Some(Value::bool(p & q))),
                B::Or => return Ok(Some(Value::bool(p | q))),
                B::Xor => return Ok(Some(Value::bool(p ^ q))),
                _ => {}
            }
        }
        return int_binary(x, y, op);
    }
    if a.is_float() || b.is_float() {
        if let (Some(x), Some(y)) = (float_operand(a), float_operand(b)) {
            return float_binary(x?, y?, op);
        }
    }
    let (ka, kb) = (a.kind(), b.kind());
    if matches!(op.base(), B::Or | B::And | B::Subtract | B::Xor)
        && (ka == Some(ObjKind::DictView) || (kb == Some(ObjKind::DictView) && !is_user_object(a)))
    {
        if let Some(r) = crate::runtime::sets::view_binary(vm, a, b, op)? {
            return Ok(Some(r));
        }
    }
    match (ka, op.base()) {
        (Some(ObjKind::Str), B::Add) => {
            if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Some(vm.str_from_string(s)));
            }
        }
        (Some(ObjKind::Str), B::Multiply) => {
            if let Some(n) = b.as_int() {
                return Ok(Some(crate::runtime::strings::repeat(vm, a.as_str().expect("str"), n)?));
            }
        }
        (Some(ObjKind::Bytes), B::Add) => {
            if let (Some(x), Some(y)) = (a.as_bytes(), b.as_bytes()) {
                return Ok(Some(crate::objects::bytes::new_bytes([x, y].concat())));
            }
        }
        (Some(ObjKind::Bytes), B::Multiply) => {
            if let Some(n) = b.as_int() {
                let n = n.to_i64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer"))?;
                return crate::builtins::bytes::repeat(a.as_bytes().expect("bytes"), n).map(Some);
            }
        }
        (Some(ObjKind::Str), B::Remainder) => {
            let rmod = vm.intern("__rmod__");
            // A subclass of str that does not override `__rmod__` is formatted as the
            // object it is (str's own slot, shared by both operands, runs once).
            let overridden = is_user_object(b)
                && vm.lookup_special(b, &rmod).is_some_and(|m| m.downcast::<NativeFunctionObj>().is_none_or(|n| n.owner != "str"));
            if !overridden {
                return crate::runtime::format::percent_format(vm, a.as_str().expect("str"), b).map(Some);
            }
        }
        (Some(ObjKind::List), B::Add) if !op.is_inplace() => {
            if let Some(l2) = b.downcast::<ListObj>() {
                let mut v = a.downcast::<ListObj>().expect("list").to_vec();
                v.extend(l2.to_vec());
                return Ok(Some(list::new_list(v)));
            }
        }
        (Some(ObjKind::List), B::Add) => {
            // `l += iterable` extends in place, but only after the other operand's
            // `__radd__` (CPython tries the number slots before `sq_inplace_concat`).
            let radd = vm.intern("__radd__");
            if is_user_object(b) && vm.lookup_special(b, &radd).is_some() {
                return Ok(None);
            }
            let items = vm.collect(b)?;
            a.downcast::<ListObj>().expect("list").with_items_mut(|v| v.extend(items));
            return Ok(Some(a.clone()));
        }
        (Some(ObjKind::List), B::Multiply) => {
            if let Some(n) = b.as_int() {
                let n = repeat_count(n)?;
                let l = a.downcast::<ListObj>().expect("list");
                let items = l.to_vec();
                check_repeat_size(items.len(), n)?;
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                if op.is_inplace() {
                    let old = l.replace_items(v);
                    drop(old);
                    return Ok(Some(a.clone()));
                }
                return Ok(Some(list::new_list(v)));
            }
        }
        (Some(ObjKind::Tuple), B::Add) => {
            if let Some(t2) = b.as_tuple() {
                let mut v = a.as_tuple().expect("tuple").to_vec();
                v.extend(t2.iter().cloned());
                return Ok(Some(tuple::new_tuple(v)));
            }
        }
        (Some(ObjKind::Tuple), B::Multiply) => {
            if let Some(n) = b.as_int() {
                let n = repeat_count(n)?;
                let items = a.as_tuple().expect("tuple");
                if n == 1 {
                    return Ok(Some(a.clone()));
                }
                check_repeat_size(items.len(), n)?;
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                return Ok(Some(tuple::new_tuple(v)));
            }
        }
        (Some(ObjKind::Set), B::Or | B::And | B::Subtract | B::Xor) => {
            if matches!(kb, Some(ObjKind::Set)) {
                return crate::runtime::sets::set_binary(vm, a, b, op).map(Some);
            }
        }
        (Some(ObjKind::Dict), B::Or) => {
            if b.is::<DictObj>() || op.is_inplace() {
                return crate::runtime::dicts::dict_or(vm, a, b, op.is_inplace()).map(Some);
            }
        }
        _ => {}
    }
    // int * sequence
    if op.base() == B::Multiply {
        if let Some(n) = a.as_int() {
            if matches!(kb, Some(ObjKind::Str | ObjKind::Bytes | ObjKind::List | ObjKind::Tuple)) {
                let nv = n.to_value();
                return builtin_binary(vm, b, &nv, B::Multiply);
            }
        }
    }
    Ok(None)
}

/// A float operand (an int converts), None if neither; Err if an int is too big.
fn float_operand(v: &Value) -> Option<PyResult<f64>> {
    if let Some(f) = v.as_float() {
        return Some(Ok(f));
    }
    v.as_int().map(int::int_to_f64)
}

fn repeat_count(n: IntRef) -> PyResult<usize> {
    match n.to_i64() {
        Some(i) if i <= 0 => Ok(0),
        Some(i) => Ok(i as usize),
        None if n.is_negative() => Ok(0),
        None => Err(crate::error::overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn check_repeat_size(len: usize, n: usize) -> PyResult<()> {
    if len.checked_mul(n).is_none_or(|t| t > (1 << 40)) {
        return Err(crate::error::PyErr::bare(crate::error::ExcKind::MemoryError));
    }
    Ok(())
}

/// `int op int`; `None` for operators ints do not support (`@`).
pub fn int_binary(x: IntRef, y: IntRef, op: B) -> PyResult<Option<Value>> {
    Ok(Some(match op.base() {
        B::Add => int::int_add(x, y),
        B::Subtract => int::int_sub(x, y),
        B::Multiply => int::int_mul(x, y),
        B::FloorDivide => int::int_floordiv(x, y)?,
        B::Remainder => int::int_mod(x, y)?,
        B::TrueDivide => Value::float(int::int_truediv(x, y)?),
        B::Power => int_power(x, y)?,
        B::Lshift => int::int_lshift(x, y)?,
        B::Rshift => int::int_rshift(x, y)?,
        B::And => int::int_and(x, y),
        B::Or => int::int_or(x, y),
        B::Xor => int::int_xor(x, y),
        _ => return Ok(None),
    }))
}

/// `x ** y` for ints: a negative exponent gives a float, as in CPython.
fn int_power(x: IntRef, y: IntRef) -> PyResult<Value> {
    if !y.is_negative() {
        return int::int_pow(x, y);
    }
    if x.is_zero() {
        return Err(crate::error::zero_division("zero to a negative power"));
    }
    let (fx, fy) = (int::int_to_f64(x)?, int::int_to_f64(y)?);
    Ok(Value::float(float::float_pow(fx, fy)?))
}

/// `float op float` (ints already converted); `None` for bitwise operators and `@`.
pub fn float_binary(x: f64, y: f64, op: B) -> PyResult<Option<Value>> {
    Ok(Some(Value::float(match op.base() {
        B::Add => x + y,
        B::Subtract => x - y,
        B::Multiply => x * y,
        B::TrueDivide => float::float_truediv(x, y)?,
        B::FloorDivide => float::float_floordiv(x, y)?,
        B::Remainder => float::float_mod(x, y)?,
        B::Power => float::float_pow(x, y)?,
        _ => return Ok(None),
    })))
}

/// CPython's `binary_op1` for operands involving user classes, then the error.
pub fn user_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Value> {
    crate::stack_guard::ensure_stack(vm)?;
    let (name, rname, iname) = dunders(op);
    if op.is_inplace() && is_user_object(a) {
        let iname_v = vm.intern(iname);
        if let Some(m) = vm.lookup_special(a, &iname_v) {
            let r = vm.call_method_value(&m, a, std::slice::from_ref(b))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    let same_type = ta.is_same(&tb);
    let name_v = vm.intern(name);
    let rname_v = vm.intern(rname);
    let slot_a = if is_user_object(a) { vm.lookup_special(a, &name_v) } else { None };
    let slot_b = if !same_type && is_user_object(b) { vm.lookup_special(b, &rname_v) } else { None };
    let mut slot_b = slot_b;
    if let Some(sb) = &slot_b {
        let sub = tb.as_type().expect("type").is_subtype_of(ta.as_type().expect("type"));
        if sub && slot_a.as_ref().is_none_or(|sa| !sa.is_same(sb)) {
            let r = vm.call_method_value(sb, b, std::slice::from_ref(a))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
            slot_b = None;
        }
    }
    if let Some(sa) = slot_a {
        let r = vm.call_method_value(&sa, a, std::slice::from_ref(b))?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(sb) = slot_b {
        let r = vm.call_method_value(&sb, b, std::slice::from_ref(a))?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if op.base() == B::Multiply {
        if let Some(r) = repeat_by_index(vm, a, b, op)? {
            return Ok(r);
        }
    }
    if op.is_inplace() && op.base() == B::Add {
        if let Some(l) = a.downcast::<ListObj>() {
            // `sq_inplace_concat`, reached when `__radd__` declined.
            let items = vm.collect(b)?;
            l.with_items_mut(|v| v.extend(items));
            return Ok(a.clone());
        }
    }
    // The built-in sequences' concatenation and repetition take instances of subclasses
    // of the built-in types by their contents (`[0] + MyList([1])`).
    let (ua, ub) = (crate::objects::class::builtin_value(a), crate::objects::class::builtin_value(b));
    if (!ua.is_same(a) || !ub.is_same(b)) && (is_sequence(ua) || is_sequence(ub)) {
        if let Some(r) = builtin_binary(vm, &ua.clone(), &ub.clone(), op)? {
            return Ok(r);
        }
    }
    Err(binary_type_error(vm, a, b, op))
}

fn is_sequence(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Str | ObjKind::Bytes | ObjKind::List | ObjKind::Tuple))
}

/// CPython's `sequence_repeat` fallback: `seq * n` where `n` has `__index__`.
fn repeat_by_index(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Option<Value>> {
    let (seq, count) = if is_sequence(a) {
        (a, b)
    } else if is_sequence(b) {
        (b, a)
    } else {
        return Ok(None);
    };
    if !is_user_object(count) {
        return Ok(None);
    }
    let index = vm.names.dunder_index.clone();
    let Some(m) = vm.lookup_special(count, &index) else { return Ok(None) };
    let n = vm.call_method_value(&m, count, &[])?;
    if n.as_int().is_none() {
        return Err(type_error(format!("__index__ returned non-int (type {})", vm.type_name(&n))));
    }
    let n = n.as_int().map(|i| i.to_value()).unwrap_or(Value::small_int(0));
    let op = if seq.is_same(a) { op } else { B::Multiply };
    builtin_binary(vm, seq, &n, op)
}

pub fn binary_type_error(vm: &Vm, a: &Value, b: &Value, op: B) -> crate::error::PyErr {
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    // After the numeric slots fail, CPython tries the sequence's concat/repeat, which
    // raise these errors.
    match op.base() {
        B::Add if a.is::<BytesObj>() => {
            return type_error(format!("can't concat {tb} to bytes"));
        }
        B::Add if is_sequence(a) => {
            return type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
        B::Multiply if is_sequence(a) => {
            return type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        B::Multiply if is_sequence(b) => {
            return type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
        }
        _ => {}
    }
    let sym = if op.base() == B::Power && !op.is_inplace() { "** or pow()" } else { BINARY_OP_SYMBOLS[op as usize] };
    type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
}

pub fn user_unary(vm: &mut Vm, v: &Value, dunder: &str, symbol: &str) -> PyResult<Value> {
    if is_user_object(v) {
        let name = vm.intern(dunder);
        if let Some(m) = vm.lookup_special(v, &name) {
            return vm.call_method_value(&m, v, &[]);
        }
    }
    Err(type_error(format!("bad operand type for unary {symbol}: '{}'", vm.type_name(v))))
}

/// Which `nb_power` slot a value's type has, as CPython's `ternary_op` sees it: types
/// sharing a slot are tried once.
#[derive(Clone, Copy, PartialEq)]
enum PowSlot {
    None,
    Int,
    Float,
    User,
}

fn pow_slot(v: &Value) -> PowSlot {
    if v.as_int().is_some() {
        PowSlot::Int
    } else if v.is_float() {
        PowSlot::Float
    } else if is_user_object(v) {
        PowSlot::User
    } else {
        PowSlot::None
    }
}

/// Three-argument `pow(v, w, z)` (CPython's `ternary_op`): the slots of v, w and z in
/// turn; `__pow__(w, z)` of v or `__rpow__(v, z)` of w for user classes.
pub fn ternary_power(vm: &mut Vm, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    if z.is_none() {
        return vm.binary_op(v, w, B::Power);
    }
    let (sv, sw, sz) = (pow_slot(v), pow_slot(w), pow_slot(z));
    let same_type = vm.type_of(v).is_same(&vm.type_of(w));
    let mut order = vec![(sv, false)];
    if !same_type {
        order.push((sw, true));
    }
    if sz != sv && sz != sw {
        order.push((sz, false));
    }
    for (slot, reflected) in order {
        let r = match slot {
            PowSlot::None => None,
            PowSlot::Int => match (v.as_int(), w.as_int(), z.as_int()) {
                (Some(a), Some(b), Some(m)) => Some(int::int_pow_mod(a, b, m)?),
                _ => None,
            },
            PowSlot::Float => {
                return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            PowSlot::User => user_ternary(vm, v, w, z, reflected)?,
        };
        if let Some(r) = r {
            return Ok(r);
        }
    }
    let (a, b, c) = (vm.type_name(v), vm.type_name(w), vm.type_name(z));
    Err(type_error(format!("unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'")))
}

/// `v.__pow__(w, z)`, or `w.__rpow__(v, z)` when `reflected`; `None` if absent or
/// `NotImplemented`.
fn user_ternary(vm: &mut Vm, v: &Value, w: &Value, z: &Value, reflected: bool) -> PyResult<Option<Value>> {
    let (target, other, name) = if reflected { (w, v, "__rpow__") } else { (v, w, "__pow__") };
    if !is_user_object(target) {
        return Ok(None);
    }
    let n = vm.intern(name);
    let Some(m) = vm.lookup_special(target, &n) else { return Ok(None) };
    let r = vm.call_method_value(&m, target, &[other.clone(), z.clone()])?;
    Ok(if r.is_not_implemented() { None } else { Some(r) })
}
