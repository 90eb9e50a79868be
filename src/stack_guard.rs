//! Native stack protection. Python-to-Python calls do not grow the Rust stack, but
//! native code calling back into Python (`__eq__` from a dict, `key=` functions, repr of
//! nested containers) does; before it can overflow, such re-entry raises RecursionError,
//! as CPython 3.12+ does for its C stack.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// Headroom kept free below the stack limit.
const RED_ZONE: usize = 256 * 1024;

/// The lowest address the native stack may reach before `ensure_stack` fails, on the
/// current thread (0 if the thread's stack bounds are unknown: no limit). Callers on a
/// hot path compute it once per entry and compare [`stack_pointer`] with it.
pub fn stack_floor() -> usize {
    match stacker::remaining_stack() {
        Some(left) => (stack_pointer() + RED_ZONE).saturating_sub(left),
        None => 0,
    }
}

/// An address in the current native stack frame (the stack grows down).
#[inline(always)]
pub fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[inline]
pub fn ensure_stack(_vm: &Vm) -> PyResult<()> {
    if stack_pointer() > stack_floor() {
        return Ok(());
    }
    Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"))
}
