//! Native stack protection. Python-to-Python calls do not grow the Rust stack, but
//! native code calling back into Python (`__eq__` from a dict, `key=` functions, repr of
//! nested containers) does; before it can overflow, such re-entry raises RecursionError,
//! as CPython 3.12+ does for its C stack.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// Headroom kept free below the stack limit.
const RED_ZONE: usize = 256 * 1024;

#[inline]
pub fn ensure_stack(_vm: &Vm) -> PyResult<()> {
    match stacker::remaining_stack() {
        Some(left) if left < RED_ZONE => Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded")),
        _ => Ok(()),
    }
}
