//! The object protocols: truth, repr/str, hashing, comparison, arithmetic, containers and
//! iteration, with fast paths for built-in types and CPython's rules for user classes.

use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::float::{compare_int_float, float_repr};
use crate::objects::int::{self, IntRef};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use std::cmp::Ordering;

/// Comparison operators in COMPARE_OP order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_arg(a: u32) -> CmpOp {
        match a {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }
    pub fn test(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
    fn dunder(self, vm: &Vm) -> Value {
        let n = &vm.names;
        match self {
            CmpOp::Lt => n.dunder_lt.clone(),
            CmpOp::Le => n.dunder_le.clone(),
            CmpOp::Eq => n.dunder_eq.clone(),
            CmpOp::Ne => n.dunder_ne.clone(),
            CmpOp::Gt => n.dunder_gt.clone(),
            CmpOp::Ge => n.dunder_ge.clone(),
        }
    }
}

/// Objects whose behaviour comes from a Python class (dunder methods may be overridden).
#[inline]
pub fn is_user_object(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque))
}

impl Vm {
    // ------------------------------------------------------------ truth

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if v.is_bool() {
            return Ok(v.is_true_const());
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        let Some(h) = v.header() else { return Ok(true) };
        Ok(match h.kind() {
            ObjKind::Str => v.downcast::<StrObj>().expect("str").char_len() != 0,
            ObjKind::Bytes => !v.downcast::<BytesObj>().expect("bytes").is_empty(),
            ObjKind::List => !v.downcast::<ListObj>().expect("list").is_empty(),
            ObjKind::Tuple => !v.downcast::<TupleObj>().expect("tuple").is_empty(),
            ObjKind::Dict => !v.downcast::<DictObj>().expect("dict").is_empty(),
            ObjKind::Set => !v.downcast::<SetObj>().expect("set").is_empty(),
            ObjKind::BigInt => true,
            ObjKind::Range => !v.downcast::<RangeObj>().expect("range").is_empty(),
            ObjKind::DictView => v.downcast::<DictViewObj>().expect("view").dict.downcast::<DictObj>().is_some_and(|d| !d.is_empty()),
            ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque => return self.user_truthy(v),
            _ => true,
        })
    }

    fn user_truthy(&mut self, v: &Value) -> PyResult<bool> {
        let bool_name = self.names.dunder_bool.clone();
        if let Some(m) = self.lookup_special(v, &bool_name) {
            let r = self.call_method_value(&m, v, &[])?;
            if !r.is_bool() {
                return Err(type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r))));
            }
            return Ok(r.is_true_const());
        }
        let len_name = self.names.dunder_len.clone();
        if let Some(m) = self.lookup_special(v, &len_name) {
            let r = self.call_method_value(&m, v, &[])?;
            return Ok(self.len_result(&r)? != 0);
        }
        Ok(true)
    }

    // ------------------------------------------------------------ repr / str

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        if let Some(f) = v.as_float() {
            return Ok(float_repr(f));
        }
        if v.is_bool() {
            return Ok(if v.is_true_const() { "True" } else { "False" }.into());
        }
        if v.is_none() {
            return Ok("None".into());
        }
        if let Some(s) = v.as_str() {
            return Ok(crate::runtime::strings::repr_str(s));
        }
        crate::stack_guard::ensure_stack(self)?;
        crate::runtime::repr::repr_object(self, v)
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        if v.is::<StrObj>() {
            let s = crate::runtime::strings::repr_str(v.as_str().expect("str"));
            return Ok(self.str_from_string(s));
        }
        if is_user_object(v) {
            return crate::runtime::repr::repr_value(self, v);
        }
        let s = self.repr_string(v)?;
        Ok(self.str_from_string(s))
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str() {
            return Ok(s.to_string());
        }
        let s = self.str(v)?;
        Ok(s.as_str().expect("str() returns str").to_string())
    }

    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if v.is::<StrObj>() {
            return Ok(v.clone());
        }
        if is_user_object(v) {
            return crate::runtime::repr::str_value(self, v);
        }
        let s = self.repr_string(v)?;
        Ok(self.str_from_string(s))
    }

    // ------------------------------------------------------------ hashing

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(if i == -1 { -2 } else { i });
        }
        if let Some(s) = v.downcast::<StrObj>() {
            return Ok(s.hash());
        }
        if let Some(f) = v.as_float() {
            return Ok(crate::objects::float::hash_float(f));
        }
        if v.is_bool() {
            return Ok((v.bits() & 1) as i64);
        }
        if v.is_none() {
            return Ok(0xFCA86420); // CPython 3.12+: a constant
        }
        let Some(h) = v.header() else { return Ok((v.bits() >> 4) as i64) };
        match h.kind() {
            ObjKind::BigInt => Ok(int::hash_int(v.as_int().expect("int"))),
            ObjKind::Bytes => Ok(v.downcast::<BytesObj>().expect("bytes").hash()),
            ObjKind::Tuple => self.hash_tuple(v.as_tuple().expect("tuple")),
            ObjKind::List | ObjKind::Dict => Err(type_error(format!("unhashable type: '{}'", self.type_name(v)))),
            ObjKind::Set => {
                let s = v.downcast::<SetObj>().expect("set");
                if s.frozen { Ok(crate::runtime::sets::frozenset_hash(s)) } else { Err(type_error("unhashable type: 'set'")) }
            }
            ObjKind::Slice => crate::runtime::subscript::slice_hash(self, v.downcast::<SliceObj>().expect("slice")),
            ObjKind::Range => crate::runtime::subscript::range_hash(self, v.downcast::<RangeObj>().expect("range")),
            ObjKind::DictView => Err(type_error(format!("unhashable type: '{}'", self.type_name(v)))),
            ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque => self.user_hash(v),
            // CPython's meth_hash: the receiver by identity, the function by value.
            ObjKind::BoundMethod => {
                let m = v.downcast::<BoundMethodObj>().expect("method");
                let h = identity_hash(&m.self_) ^ self.hash(&m.func)?;
                Ok(if h == -1 { -2 } else { h })
            }
            _ => Ok(identity_hash(v)),
        }
    }

    fn user_hash(&mut self, v: &Value) -> PyResult<i64> {
        let name = self.names.dunder_hash.clone();
        match self.lookup_special(v, &name) {
            Some(m) if m.is_none() => Err(type_error(format!("unhashable type: '{}'", self.type_name(v)))),
            Some(m) if !m.is::<NativeFunctionObj>() => {
                let r = self.call_method_value(&m, v, &[])?;
                match r.as_int() {
                    Some(i) => {
                        // CPython reduces big results modulo the hash modulus.
                        let h = match i {
                            IntRef::Small(x) => x,
                            IntRef::Big(_) => int::hash_int(i),
                        };
                        Ok(if h == -1 { -2 } else { h })
                    }
                    None => Err(type_error("__hash__ method should return an integer")),
                }
            }
            // A subclass of tuple hashes its contents (tuple.__hash__).
            _ if !crate::objects::class::builtin_value(v).is_same(v) => self.hash(&crate::objects::class::builtin_value(v).clone()),
            _ => Ok(identity_hash(v)),
        }
    }

    /// CPython's tuple hash (xxHash-based).
    pub fn hash_tuple(&mut self, items: &[Value]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for it in items {
            let lane = self.hash(it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }

    // ------------------------------------------------------------ comparison

    /// `a == b` as a bool.
    pub fn eq_bool(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is_same(b) && !a.is_float() {
            return Ok(true);
        }
        if let Some(r) = crate::objects::dict::pure_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(op.test(x.cmp(&y)));
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            return Ok(float_test(op, x, y));
        }
        let r = self.rich_compare(a, b, op)?;
        if r.is_bool() {
            return Ok(r.is_true_const());
        }
        self.truthy(&r)
    }

    /// Rich comparison with CPython's reflected-operand rules.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(Value::bool(r));
        }
        crate::stack_guard::ensure_stack(self)?;
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let mut checked_reverse = false;
        // A subclass's reflected method goes first when it overrides it.
        if !ta.is_same(&tb) && is_user_object(b) {
            let tb_t = tb.as_type().expect("type");
            if tb_t.is_subtype_of(ta.as_type().expect("type")) {
                checked_reverse = true;
                if let Some(r) = self.try_user_compare(b, a, op.swapped())? {
                    return Ok(r);
                }
            }
        }
        if is_user_object(a) {
            if let Some(r) = self.try_user_compare(a, b, op)? {
                return Ok(r);
            }
        }
        if !checked_reverse && is_user_object(b) {
            if let Some(r) = self.try_user_compare(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        // An instance of a subclass of dict or tuple whose own method declined: the
        // built-in comparison of the contents (what the other operand's dict or tuple
        // comparison does in CPython).
        let (ua, ub) = (crate::objects::class::builtin_value(a), crate::objects::class::builtin_value(b));
        if !ua.is_same(a) || !ub.is_same(b) {
            if let Some(r) = self.builtin_compare(&ua.clone(), &ub.clone(), op)? {
                return Ok(Value::bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is_same(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is_same(b))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn try_user_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Value>> {
        let name = op.dunder(self);
        let Some(m) = self.lookup_special(a, &name) else { return Ok(None) };
        // object's own comparisons are native; those of built-in types (a subclass of
        // tuple, a native type's instances) are called like any method.
        if m.downcast::<NativeFunctionObj>().is_some_and(|n| n.owner == "object") {
            // object's defaults: identity for ==, derived != from __eq__.
            if op == CmpOp::Ne {
                let eq_name = self.names.dunder_eq.clone();
                if let Some(eq) = self.lookup_special(a, &eq_name) {
                    if !eq.is::<NativeFunctionObj>() {
                        let r = self.call_method_value(&eq, a, std::slice::from_ref(b))?;
                        if r.is_not_implemented() {
                            return Ok(None);
                        }
                        let t = self.truthy(&r)?;
                        return Ok(Some(Value::bool(!t)));
                    }
                }
            }
            return Ok(match op {
                CmpOp::Eq if a.is_same(b) => Some(Value::TRUE),
                _ => None,
            });
        }
        let r = self.call_method_value(&m, a, std::slice::from_ref(b))?;
        Ok(if r.is_not_implemented() { None } else { Some(r) })
    }

    /// Comparisons between built-in values; None when a user method must decide.
    fn builtin_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
            return Ok(Some(op.test(int::int_cmp(x, y))));
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            return Ok(Some(float_test(op, x, y)));
        }
        if let (Some(i), Some(f)) = (a.as_int(), b.as_float()) {
            return Ok(Some(match compare_int_float(i, f) {
                Some(o) => op.test(o),
                None => op == CmpOp::Ne,
            }));
        }
        if let (Some(f), Some(i)) = (a.as_float(), b.as_int()) {
            return Ok(Some(match compare_int_float(i, f) {
                Some(o) => op.test(o.reverse()),
                None => op == CmpOp::Ne,
            }));
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            return Ok(Some(op.test(x.cmp(y))));
        }
        if let (Some(x), Some(y)) = (a.as_bytes(), b.as_bytes()) {
            return Ok(Some(op.test(x.cmp(y))));
        }
        if is_user_object(a) || is_user_object(b) {
            return Ok(None);
        }
        match (a.kind(), b.kind()) {
            (Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
                let (x, y) = (a.as_tuple().expect("tuple").to_vec(), b.as_tuple().expect("tuple").to_vec());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Some(ObjKind::List), Some(ObjKind::List)) => {
                let x = a.downcast::<ListObj>().expect("list").to_vec();
                let y = b.downcast::<ListObj>().expect("list").to_vec();
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Some(ObjKind::Dict), Some(ObjKind::Dict)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = crate::runtime::dicts::dict_eq(self, a, b)?;
                Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
            }
            (Some(ObjKind::Set), Some(ObjKind::Set)) => crate::runtime::sets::set_compare(self, a, b, op).map(Some),
            (Some(ObjKind::Range), Some(ObjKind::Range)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (x, y) = (a.downcast::<RangeObj>().expect("range"), b.downcast::<RangeObj>().expect("range"));
                let eq = x.same_as(y);
                Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
            }
            (Some(ObjKind::Slice), Some(ObjKind::Slice)) => {
                let (x, y) = (a.downcast::<SliceObj>().expect("slice"), b.downcast::<SliceObj>().expect("slice"));
                crate::runtime::subscript::slice_compare(self, x, y, op).map(Some)
            }
            // Bound methods are equal when bound to the same object and equal functions.
            (Some(ObjKind::BoundMethod), Some(ObjKind::BoundMethod)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (x, y) = (a.downcast::<BoundMethodObj>().expect("method"), b.downcast::<BoundMethodObj>().expect("method"));
                let eq = x.self_.is_same(&y.self_) && self.eq_bool(&x.func, &y.func)?;
                Ok(Some(if op == CmpOp::Eq { eq } else { !eq }))
            }
            (Some(ObjKind::DictView), Some(ObjKind::DictView) | Some(ObjKind::Set)) | (Some(ObjKind::Set), Some(ObjKind::DictView)) => {
                crate::runtime::sets::view_compare(self, a, b, op)
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison, element equality first (CPython's list/tuple richcompare).
    fn compare_sequences(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(op == CmpOp::Ne);
        }
        for (p, q) in x.iter().zip(y) {
            if !self.eq_bool(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => self.compare_bool(p, q, op),
                };
            }
        }
        Ok(op.test(x.len().cmp(&y.len())))
    }

    // ------------------------------------------------------------ arithmetic

    pub fn binary_op(&mut self, a: &Value, b: &Value, op: B) -> PyResult<Value> {
        // Small-int and float fast paths.
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            match op.base() {
                B::Add => return Ok(int::small_add(x, y)),
                B::Subtract => return Ok(int::small_sub(x, y)),
                B::Multiply => return Ok(int::small_mul(x, y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            match op.base() {
                B::Add => return Ok(Value::float(x + y)),
                B::Subtract => return Ok(Value::float(x - y)),
                B::Multiply => return Ok(Value::float(x * y)),
                _ => {}
            }
        }
        if op == B::Subscr {
            return self.getitem(a, b);
        }
        if let Some(r) = crate::runtime::arith::builtin_binary(self, a, b, op)? {
            return Ok(r);
        }
        crate::runtime::arith::user_binary(self, a, b, op)
    }

    pub fn negative(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = v.as_int() {
            return Ok(int::int_neg(i));
        }
        if let Some(f) = v.as_float() {
            return Ok(Value::float(-f));
        }
        crate::runtime::arith::user_unary(self, v, "__neg__", "-")
    }

    pub fn positive(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(i) = v.as_int() {
            return Ok(i.to_value());
        }
        if v.is_float() {
            return Ok(v.clone());
        }
        crate::runtime::arith::user_unary(self, v, "__pos__", "+")
    }

    pub fn invert(&mut self, v: &Value) -> PyResult<Value> {
        if v.is_bool() {
            self.warn(
                ExcKind::DeprecationWarning,
                "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.",
            );
        }
        if let Some(i) = v.as_int() {
            return Ok(int::int_invert(i));
        }
        crate::runtime::arith::user_unary(self, v, "__invert__", "~")
    }

    // ------------------------------------------------------------ length, containment

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(h) = v.header() {
            match h.kind() {
                ObjKind::Str => return Ok(v.downcast::<StrObj>().expect("str").char_len()),
                ObjKind::Bytes => return Ok(v.downcast::<BytesObj>().expect("bytes").len()),
                ObjKind::List => return Ok(v.downcast::<ListObj>().expect("list").len()),
                ObjKind::Tuple => return Ok(v.downcast::<TupleObj>().expect("tuple").len()),
                ObjKind::Dict => return Ok(v.downcast::<DictObj>().expect("dict").len()),
                ObjKind::Set => return Ok(v.downcast::<SetObj>().expect("set").len()),
                ObjKind::Range => return v.downcast::<RangeObj>().expect("range").length(),
                ObjKind::DictView => {
                    return Ok(v.downcast::<DictViewObj>().expect("view").dict.downcast::<DictObj>().map_or(0, |d| d.len()));
                }
                ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque => {
                    let name = self.names.dunder_len.clone();
                    if let Some(m) = self.lookup_special(v, &name) {
                        let r = self.call_method_value(&m, v, &[])?;
                        return self.len_result(&r);
                    }
                }
                _ => {}
            }
        }
        Err(type_error(format!("object of type '{}' has no len()", self.type_name(v))))
    }

    fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match r.as_int() {
            Some(i) if i.is_negative() => Err(PyErr::new(ExcKind::ValueError, "__len__() should return >= 0")),
            Some(i) => i.to_i64().map(|n| n as usize).ok_or_else(|| {
                PyErr::new(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")
            }),
            None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(r)))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(h) = container.header() {
            match h.kind() {
                ObjKind::Str => {
                    let hay = container.as_str().expect("str");
                    return match crate::objects::class::str_of(item) {
                        Some(n) => Ok(hay.contains(n)),
                        None => Err(type_error(format!(
                            "'in <string>' requires string as left operand, not {}", self.type_name(item)))),
                    };
                }
                ObjKind::Bytes => {
                    let c = container.clone();
                    return crate::builtins::bytes::contains_item(self, c.as_bytes().expect("bytes"), item);
                }
                ObjKind::Dict => {
                    let d = container.clone();
                    return Ok(d.downcast::<DictObj>().expect("dict").get_item(self, item)?.is_some());
                }
                ObjKind::Set => {
                    let s = container.clone();
                    return s.downcast::<SetObj>().expect("set").contains_member(self, item);
                }
                ObjKind::List => {
                    // CPython's list_contains: re-reads the list at each step, no copy.
                    let l = container.downcast::<ListObj>().expect("list");
                    let mut i = 0;
                    while let Some(x) = l.get(i) {
                        if x.is_same(item) || self.eq_bool(&x, item)? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                    return Ok(false);
                }
                ObjKind::Tuple => {
                    // A tuple cannot change; `container` keeps it alive while `__eq__` runs.
                    let items = container.as_tuple().expect("tuple");
                    return self.sequence_contains(items, item);
                }
                ObjKind::Range => {
                    let r = container.downcast::<RangeObj>().expect("range");
                    if item.is_int_exact() || item.is_bool() {
                        return Ok(r.contains_int(item.as_int().expect("int")));
                    }
                }
                ObjKind::DictView => return crate::runtime::dicts::view_contains(self, container, item),
                ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque => {
                    let name = self.names.dunder_contains.clone();
                    if let Some(m) = self.lookup_special(container, &name) {
                        let r = self.call_method_value(&m, container, std::slice::from_ref(item))?;
                        return self.truthy(&r);
                    }
                }
                _ => {}
            }
        }
        // Fall back to iteration.
        let it = self.iter(container).map_err(|e| {
            if matches!(&e, PyErr::Msg { kind: ExcKind::TypeError, .. }) {
                type_error(format!("argument of type '{}' is not a container or iterable", self.type_name(container)))
            } else {
                e
            }
        })?;
        while let Some(x) = self.next(&it)? {
            if x.is_same(item) || self.eq_bool(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn sequence_contains(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for x in items {
            if x.is_same(item) || self.eq_bool(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}


#[inline]
fn float_test(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `object.__hash__`: derived from the address, as CPython (rotated by 4 bits).
pub fn identity_hash(v: &Value) -> i64 {
    let addr = v.bits() & crate::value::PAYLOAD_MASK;
    (addr.rotate_right(4) as i64) & i64::MAX
}
