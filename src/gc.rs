//! The cycle collector (CPython's algorithm).
//!
//! Reference counting frees everything except cycles. This pass finds tracked containers
//! that only other tracked containers reference: for each, start from its reference count,
//! subtract the references other tracked containers hold; whatever keeps a positive count
//! is referenced from outside (a frame, a Rust local, an untracked holder) and, with all
//! it reaches, is alive. The rest is garbage: each is cleared (drops its references), which
//! makes the counts fall to zero and frees it.
//!
//! It is safe at any allocation: every live reference outside the tracked set is counted,
//! so nothing in use can look unreachable.

use crate::object::{allocations_since_gc, clear_object, reset_allocations_since_gc, traverse_object, tracked_snapshot, ObjHeader};
use std::cell::Cell;

const REACHABLE: i32 = i32::MIN;
const MIN_THRESHOLD: usize = 10_000;

thread_local! {
    static THRESHOLD: Cell<usize> = const { Cell::new(MIN_THRESHOLD) };
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    /// Set when a collection deferred garbage to run its finalizers.
    static COLLECT_AFTER_FINALIZERS: Cell<bool> = const { Cell::new(false) };
}

/// Whether the last collection left garbage for finalizers (and wants another pass
/// once they ran); reading clears it.
pub fn take_collect_after_finalizers() -> bool {
    COLLECT_AFTER_FINALIZERS.with(|c| c.replace(false))
}

/// Runs a collection when enough containers were allocated since the last one.
#[inline]
pub fn maybe_collect() {
    if allocations_since_gc() >= THRESHOLD.with(|t| t.get()) && ENABLED.with(|e| e.get()) {
        collect_all();
    }
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// A full collection; returns the number of objects freed.
pub fn collect_all() -> usize {
    if COLLECTING.with(|c| c.replace(true)) {
        return 0;
    }
    reset_allocations_since_gc();
    let objs = tracked_snapshot();
    // SAFETY (for every dereference below): the snapshot holds pointers to live tracked
    // objects, and nothing is freed until the final phase, which holds an extra
    // reference to every object it clears.
    let hdr = |p: *const ObjHeader| unsafe { &*p };
    for &p in &objs {
        let h = hdr(p);
        h.gc_refs.set(h.refcount().min(i32::MAX as u32 - 1) as i32);
    }
    for &p in &objs {
        traverse_object(hdr(p), &mut |v| {
            if let Some(h) = v.header() {
                if h.is_tracked() && h.gc_refs.get() != REACHABLE {
                    h.gc_refs.set(h.gc_refs.get() - 1);
                }
            }
        });
    }
    let mut stack: Vec<*const ObjHeader> = Vec::new();
    for &p in &objs {
        let h = hdr(p);
        if h.gc_refs.get() > 0 {
            h.gc_refs.set(REACHABLE);
            stack.push(p);
        }
    }
    while let Some(p) = stack.pop() {
        traverse_object(hdr(p), &mut |v| {
            if let Some(h) = v.header() {
                if h.is_tracked() && h.gc_refs.get() != REACHABLE {
                    h.gc_refs.set(REACHABLE);
                    stack.push(h as *const ObjHeader);
                }
            }
        });
    }
    let garbage: Vec<*const ObjHeader> = objs.into_iter().filter(|&p| hdr(p).gc_refs.get() != REACHABLE).collect();
    // PEP 442: garbage with finalizers gets them run first (by the VM, which can run
    // Python code); the garbage is left intact this time and collected by the pass the
    // VM requests after finalizing, unless a finalizer resurrected it.
    let mut finalizing = false;
    for &p in &garbage {
        if hdr(p).finalizer_due() {
            hdr(p).queue_finalizer();
            finalizing = true;
        }
    }
    if finalizing {
        COLLECT_AFTER_FINALIZERS.with(|c| c.set(true));
        COLLECTING.with(|c| c.set(false));
        return 0;
    }
    // Hold every garbage object while clearing so none is freed mid-way.
    for &p in &garbage {
        hdr(p).incref();
    }
    for &p in &garbage {
        clear_object(hdr(p));
    }
    let freed = garbage.len();
    for p in garbage {
        // SAFETY: this drops the extra reference taken above.
        unsafe { crate::object::decref(p) };
    }
    let live = crate::object::tracked_count();
    THRESHOLD.with(|t| t.set(live.max(MIN_THRESHOLD)));
    COLLECTING.with(|c| c.set(false));
    freed
}
