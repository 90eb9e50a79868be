//! Dict operations that need the VM: equality, views, `|`.

use crate::error::PyResult;
use crate::objects::dict::DictViewKind;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// `a == b` for two dicts: same keys, equal values.
pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (a.downcast::<DictObj>().expect("dict"), b.downcast::<DictObj>().expect("dict"));
    if x.len() != y.len() {
        return Ok(false);
    }
    let entries: Vec<(Value, Value, i64)> = x.table().iter().map(|e| (e.key.clone(), e.value.clone(), e.hash)).collect();
    for (k, v, h) in entries {
        match y.get_with_hash(vm, &k, h)? {
            Some(w) => {
                if !(v.is_same(&w) || vm.eq_bool(&v, &w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, view: &Value, item: &Value) -> PyResult<bool> {
    let v = view.downcast::<DictViewObj>().expect("view");
    let d = v.dict.clone();
    let dict = d.downcast::<DictObj>().expect("dict");
    match v.kind {
        DictViewKind::Keys => Ok(dict.get_item(vm, item)?.is_some()),
        DictViewKind::Values => {
            for x in dict.values() {
                if x.is_same(item) || vm.eq_bool(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        DictViewKind::Items => {
            let Some(pair) = item.as_tuple() else { return Ok(false) };
            if pair.len() != 2 {
                return Ok(false);
            }
            match dict.get_item(vm, &pair[0])? {
                Some(val) => Ok(val.is_same(&pair[1]) || vm.eq_bool(&val, &pair[1])?),
                None => Ok(false),
            }
        }
    }
}

/// `a | b` (a new dict; `b` must be a dict) and `a |= b` (update in place from any
/// mapping or iterable of pairs, like `dict.update`).
pub fn dict_or(vm: &mut Vm, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let target = if inplace { a.clone() } else { a.downcast::<DictObj>().expect("dict").copy() };
    crate::builtins::dict::update_from(vm, &target, b)?;
    Ok(target)
}
