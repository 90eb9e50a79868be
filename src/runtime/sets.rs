//! Set algebra with CPython's algorithms (`Objects/setobject.c`), so results iterate in
//! the same order as CPython's.

use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, PyResult};
use crate::object::ObjKind;
use crate::objects::dict::DictViewKind;
use crate::objects::set::new_set;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn as_set(v: &Value) -> &SetObj {
    v.downcast::<SetObj>().expect("set")
}

/// A new set (or frozenset) with `items` added in order.
pub fn set_from_values(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
    let s = new_set(frozen);
    let so = as_set(&s);
    for v in items {
        so.add(vm, v)?;
    }
    Ok(s)
}

/// `set_update_internal`: add everything from an iterable.
pub fn set_update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let t = as_set(target);
    if let Some(o) = other.downcast::<SetObj>() {
        return t.update_from_set(vm, o);
    }
    if let Some(d) = other.downcast::<DictObj>() {
        return t.update_from_dict(vm, d);
    }
    let it = vm.iter(other)?;
    while let Some(v) = vm.next(&it)? {
        t.add(vm, v)?;
    }
    Ok(())
}

/// `set(iterable)` / `frozenset(iterable)`.
pub fn set_from_iterable(vm: &mut Vm, iterable: &Value, frozen: bool) -> PyResult<Value> {
    let s = new_set(frozen);
    set_update(vm, &s, iterable)?;
    Ok(s)
}

/// A copy with CPython's layout-preserving merge.
pub fn set_copy(vm: &mut Vm, v: &Value, frozen: bool) -> PyResult<Value> {
    let s = new_set(frozen);
    set_update(vm, &s, v)?;
    Ok(s)
}

/// `set_intersection(so, other)`: same type as `so`.
pub fn set_intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let frozen = as_set(so).frozen;
    if so.is_same(other) {
        return set_copy(vm, so, frozen);
    }
    let result = new_set(frozen);
    let r = as_set(&result);
    if let Some(o) = other.downcast::<SetObj>() {
        // Iterate over the smaller set, probing the larger.
        let (big, small) = if o.len() > as_set(so).len() { (o, as_set(so)) } else { (as_set(so), o) };
        let mut pos = 0;
        while let Some((k, h)) = small.next_entry(&mut pos) {
            if big.contains_hashed(vm, &k, h)? {
                r.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    let s = as_set(so);
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if s.contains_hashed(vm, &k, h)? {
            r.add_hashed(vm, k, h)?;
            // Everything of `so` found: the rest cannot add more.
            if r.len() >= s.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `set.intersection(*others)`: a copy when there are none, else successive
/// intersections.
pub fn intersection_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return set_copy(vm, so, as_set(so).frozen);
    }
    let mut result = so.clone();
    for o in others {
        result = set_intersection(vm, &result, o)?;
    }
    Ok(result)
}

/// `set.issubset(other)`.
pub fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if !other.is::<SetObj>() {
        let tmp = set_intersection(vm, so, other)?;
        return Ok(as_set(&tmp).len() == as_set(so).len());
    }
    let (s, o) = (as_set(so), as_set(other));
    if s.len() > o.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((k, h)) = s.next_entry(&mut pos) {
        if !o.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set.issuperset(other)`.
pub fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if other.is::<SetObj>() {
        return issubset(vm, other, so);
    }
    let s = as_set(so);
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if !s.contains(vm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_difference_update_internal(so, other)`.
pub fn set_difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let s = as_set(so);
    if so.is_same(other) {
        s.clear_all();
        return Ok(());
    }
    if let Some(o) = other.downcast::<SetObj>() {
        let other = if (o.len() >> 3) > s.len() { set_intersection(vm, so, other)? } else { other.clone() };
        for (k, h) in as_set(&other).entries() {
            s.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            s.discard(vm, &k)?;
        }
    }
    s.shrink_if_many_dummies();
    Ok(())
}

/// `set_difference(so, other)`.
pub fn set_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let s = as_set(so);
    let other_size = match other.kind() {
        Some(ObjKind::Set) => as_set(other).len(),
        Some(ObjKind::Dict) => other.downcast::<DictObj>().expect("dict").len(),
        _ => {
            let r = set_copy(vm, so, s.frozen)?;
            set_difference_update(vm, &r, other)?;
            return Ok(r);
        }
    };
    if (s.len() >> 2) > other_size {
        let r = set_copy(vm, so, s.frozen)?;
        set_difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let result = new_set(s.frozen);
    let r = as_set(&result);
    let mut pos = 0;
    while let Some((k, h)) = s.next_entry(&mut pos) {
        let present = match other.downcast::<SetObj>() {
            Some(o) => o.contains_hashed(vm, &k, h)?,
            None => other.downcast::<DictObj>().expect("dict").get_with_hash(vm, &k, h)?.is_some(),
        };
        if !present {
            r.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update(so, other)`.
pub fn set_symmetric_difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let s = as_set(so);
    if so.is_same(other) {
        s.clear_all();
        return Ok(());
    }
    let entries: Vec<(Value, i64)> = if let Some(d) = other.downcast::<DictObj>() {
        d.table().iter().map(|e| (e.key.clone(), e.hash)).collect()
    } else if let Some(o) = other.downcast::<SetObj>() {
        o.entries()
    } else {
        let tmp = set_from_iterable(vm, other, false)?;
        as_set(&tmp).entries()
    };
    for (k, h) in entries {
        if !s.discard_hashed(vm, &k, h)? {
            s.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

pub fn set_symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let frozen = as_set(so).frozen;
    let result = set_from_iterable(vm, other, frozen)?;
    set_symmetric_difference_update(vm, &result, so)?;
    Ok(result)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` and their in-place forms, for two sets.
pub fn set_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Value> {
    let inplace = op.is_inplace() && !as_set(a).frozen;
    match op.base() {
        B::Or => {
            if inplace {
                set_update(vm, a, b)?;
                return Ok(a.clone());
            }
            let r = set_copy(vm, a, as_set(a).frozen)?;
            set_update(vm, &r, b)?;
            Ok(r)
        }
        B::And => {
            let r = set_intersection(vm, a, b)?;
            if inplace {
                as_set(a).swap_bodies(as_set(&r));
                return Ok(a.clone());
            }
            Ok(r)
        }
        B::Subtract => {
            if inplace {
                set_difference_update(vm, a, b)?;
                return Ok(a.clone());
            }
            set_difference(vm, a, b)
        }
        _ => {
            if inplace {
                set_symmetric_difference_update(vm, a, b)?;
                return Ok(a.clone());
            }
            set_symmetric_difference(vm, a, b)
        }
    }
}

/// `set_richcompare` for two sets.
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let (x, y) = (as_set(a).len(), as_set(b).len());
    Ok(match op {
        CmpOp::Eq => x == y && issubset(vm, a, b)?,
        CmpOp::Ne => !(x == y && issubset(vm, a, b)?),
        CmpOp::Le => issubset(vm, a, b)?,
        CmpOp::Ge => issuperset(vm, a, b)?,
        CmpOp::Lt => x < y && issubset(vm, a, b)?,
        CmpOp::Gt => x > y && issuperset(vm, a, b)?,
    })
}

/// A keys or items view (the set-like views; values views are not).
pub fn is_setlike_view(v: &Value) -> bool {
    v.downcast::<DictViewObj>().is_some_and(|d| d.kind != DictViewKind::Values)
}

/// `dictviews_to_set`: a new set from the left operand (a keys view reads its dict).
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(view) = v.downcast::<DictViewObj>() {
        if view.kind == DictViewKind::Keys {
            let d = view.dict.clone();
            return set_from_iterable(vm, &d, false);
        }
    }
    set_from_iterable(vm, v, false)
}

/// `all_contained_in`: every item of `x` is in `y`.
fn all_contained_in(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    let it = vm.iter(x)?;
    while let Some(item) = vm.next(&it)? {
        if !vm.contains(y, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare` (either operand may be the view); None = NotImplemented.
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (v, other, op) = if is_setlike_view(a) {
        (a, b, op)
    } else if is_setlike_view(b) {
        (b, a, op.swapped())
    } else {
        return Ok(None);
    };
    if !other.is::<SetObj>() && !is_setlike_view(other) {
        return Ok(None);
    }
    let (len_self, len_other) = (vm.len(v)?, vm.len(other)?);
    let ok = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = len_self == len_other && all_contained_in(vm, v, other)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Lt => len_self < len_other && all_contained_in(vm, v, other)?,
        CmpOp::Le => len_self <= len_other && all_contained_in(vm, v, other)?,
        CmpOp::Gt => len_self > len_other && all_contained_in(vm, other, v)?,
        CmpOp::Ge => len_self >= len_other && all_contained_in(vm, other, v)?,
    };
    Ok(Some(ok))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` where either operand is a keys or items view
/// (CPython's `dictviews_*`, operands in their original order); None when neither is.
pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Option<Value>> {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(None);
    }
    let r = match op.base() {
        B::And => return view_intersect(vm, a, b).map(Some),
        B::Xor if is_items_view(a) && is_items_view(b) => return dictitems_xor(vm, a, b).map(Some),
        B::Or => {
            let r = view_to_set(vm, a)?;
            set_update(vm, &r, b)?;
            r
        }
        B::Subtract => {
            let r = view_to_set(vm, a)?;
            set_difference_update(vm, &r, b)?;
            r
        }
        B::Xor => {
            let r = view_to_set(vm, a)?;
            set_symmetric_difference_update(vm, &r, b)?;
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn is_items_view(v: &Value) -> bool {
    v.downcast::<DictViewObj>().is_some_and(|d| d.kind == DictViewKind::Items)
}

/// `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_setlike_view(a) { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let len_self = vm.len(&view)?;
    if let Some(o) = other.downcast::<SetObj>() {
        if !o.frozen && len_self <= o.len() {
            // `other.intersection(view)`.
            return set_intersection(vm, &other, &view);
        }
    }
    if is_setlike_view(&other) && vm.len(&other)? > len_self {
        std::mem::swap(&mut view, &mut other);
    }
    let result = new_set(false);
    let it = vm.iter(&other)?;
    while let Some(key) = vm.next(&it)? {
        if crate::runtime::dicts::view_contains(vm, &view, &key)? {
            as_set(&result).add(vm, key)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: the pairs of either dict not equal in the other.
fn dictitems_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let d1 = a.downcast::<DictViewObj>().expect("items view").dict.clone();
    let d2 = b.downcast::<DictViewObj>().expect("items view").dict.clone();
    let temp = d1.downcast::<DictObj>().expect("dict").copy();
    let t = temp.downcast::<DictObj>().expect("dict");
    let result = new_set(false);
    let entries: Vec<(Value, Value, i64)> = d2.downcast::<DictObj>().expect("dict").table().iter().map(|e| (e.key.clone(), e.value.clone(), e.hash)).collect();
    for (key, val2, hash) in entries {
        let to_delete = match t.get_with_hash(vm, &key, hash)? {
            Some(val1) => val1.is_same(&val2) || vm.eq_bool(&val1, &val2)?,
            None => false,
        };
        if to_delete {
            if let Some(ix) = t.find(vm, &key, hash)? {
                t.remove_at(ix);
            }
        } else {
            as_set(&result).add(vm, tuple::new_tuple(vec![key, val2]))?;
        }
    }
    let remaining = crate::objects::dict::new_dict_view(temp.clone(), DictViewKind::Items);
    set_update(vm, &result, &remaining)?;
    Ok(result)
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// CPython's frozenset hash (independent of order).
pub fn frozenset_hash(s: &SetObj) -> i64 {
    let mut hash: u64 = 0;
    for (_, h) in s.entries() {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

pub fn require_set<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a SetObj> {
    v.downcast::<SetObj>().ok_or_else(|| type_error(format!("descriptor '{what}' requires a 'set' object but received a '{}'", vm.type_name(v))))
}
