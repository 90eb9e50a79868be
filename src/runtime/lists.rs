//! List operations that need the VM: slice assignment.

use crate::error::{PyErr, PyResult, ExcKind};
use crate::objects::*;
use crate::runtime::subscript::slice_indices;
use crate::value::Value;
use crate::vm::Vm;

/// `l[a:b:c] = iterable`.
pub fn set_slice(vm: &mut Vm, l: &ListObj, s: &SliceObj, value: &Value) -> PyResult<()> {
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
    let si = slice_indices(vm, s, l.len())?;
    if si.step == 1 {
        let start = si.start.max(0) as usize;
        let stop = (si.start.max(0) as usize + si.len).max(start);
        let removed = l.with_items_mut(|v| {
            let stop = stop.min(v.len());
            let start = start.min(v.len());
            v.splice(start..stop, items).collect::<Vec<_>>()
        });
        drop(removed);
        return Ok(());
    }
    if items.len() != si.len {
        return Err(PyErr::new(ExcKind::ValueError, format!(
            "attempt to assign sequence of size {} to extended slice of size {}", items.len(), si.len)));
    }
    let idx: Vec<usize> = si.indices().collect();
    let old = l.with_items_mut(|v| {
        let mut old = Vec::with_capacity(idx.len());
        for (i, x) in idx.iter().zip(items) {
            old.push(std::mem::replace(&mut v[*i], x));
        }
        old
    });
    drop(old);
    Ok(())
}
