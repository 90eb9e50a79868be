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

/// `set_intersection(so, other)`.
pub fn set_intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let frozen = as_set(so).frozen;
    if so.is_same(other) {
        return set_copy(vm, so, frozen);
    }
    let result = new_set(frozen);
    let r = as_set(&result);
    if let Some(o) = other.downcast::<SetObj>() {
        let (big, small) = if o.len() > as_set(so).len() { (other, so) } else { (so, other) };
        let bigs = as_set(big);
        for (k, h) in as_set(small).entries() {
            if bigs.contains_hashed(vm, &k, h)? {
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
        }
    }
    Ok(result)
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
    for (k, h) in s.entries() {
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

/// Set comparisons: equality and subset/superset order.
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let (x, y) = (as_set(a), as_set(b));
    let subset = |vm: &mut Vm, p: &SetObj, q: &SetObj| -> PyResult<bool> {
        if p.len() > q.len() {
            return Ok(false);
        }
        for (k, h) in p.entries() {
            if !q.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        CmpOp::Eq => x.len() == y.len() && subset(vm, x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(vm, x, y)?),
        CmpOp::Le => subset(vm, x, y)?,
        CmpOp::Lt => x.len() < y.len() && subset(vm, x, y)?,
        CmpOp::Ge => subset(vm, y, x)?,
        CmpOp::Gt => y.len() < x.len() && subset(vm, y, x)?,
    })
}

/// A dict view as a set (keys or items views only).
fn view_as_set(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.is::<SetObj>() {
        return Ok(Some(v.clone()));
    }
    let Some(view) = v.downcast::<DictViewObj>() else { return Ok(None) };
    if view.kind == DictViewKind::Values {
        return Ok(None);
    }
    let items = vm.collect(v)?;
    Ok(Some(set_from_values(vm, items, false)?))
}

pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (view_as_set(vm, a)?, view_as_set(vm, b)?) else { return Ok(None) };
    set_compare(vm, &x, &y, op).map(Some)
}

pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: B) -> PyResult<Option<Value>> {
    let Some(x) = view_as_set(vm, a)? else { return Ok(None) };
    let y = match view_as_set(vm, b)? {
        Some(y) => y,
        None => {
            if !vm.has_iter(b) {
                return Ok(None);
            }
            set_from_iterable(vm, b, false)?
        }
    };
    let base = op.base();
    set_binary(vm, &x, &y, base).map(Some)
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
