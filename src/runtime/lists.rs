//! List operations that need the VM: slice assignment.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::*;
use crate::runtime::subscript::unpack_slice;
use crate::value::Value;
use crate::vm::Vm;

/// `l[a:b:c] = iterable`, in CPython's order: the slice bounds are read (`__index__`),
/// then the new items, then the bounds are resolved against the list's length at that
/// moment (either step may have changed the list).
pub fn set_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj, value: &Value) -> PyResult<()> {
    let u = unpack_slice(vm, s)?;
    // Take the new items first: the iterable may be the list itself.
    let items = if value.downcast::<ListObj>().is_some_and(|v| std::ptr::eq(v, l)) {
        l.to_vec()
    } else {
        vm.collect(value).map_err(|e| {
            if vm.error_is(&e, ExcKind::TypeError) && !vm.has_iter(value) {
                crate::error::type_error("must assign iterable to extended slice")
            } else {
                e
            }
        })?
    };
    let removed = l.with_items_mut(|v| {
        let si = u.adjust(v.len());
        if si.step == 1 {
            let start = si.start as usize;
            let stop = start + si.len;
            return Ok(v.splice(start..stop, items).collect::<Vec<_>>());
        }
        if items.len() != si.len {
            return Err(PyErr::new(ExcKind::ValueError, format!(
                "attempt to assign sequence of size {} to extended slice of size {}", items.len(), si.len)));
        }
        let mut old = Vec::with_capacity(si.len);
        for (i, x) in si.indices().zip(items) {
            old.push(std::mem::replace(&mut v[i], x));
        }
        Ok(old)
    })?;
    drop(removed);
    Ok(())
}
