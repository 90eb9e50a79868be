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
//!
//! Garbage with finalizers (PEP 442) is collected in two halves, because only the VM can
//! run Python code and a collection can start at any allocation. [`collect_all`] frees the
//! garbage no finalizer can reach, and queues the finalizers, keeping what they reach
//! intact. The VM runs them at its next safe point, as part of that collection (a
//! `gc.collect()` they make returns 0, as in CPython, and no automatic collection starts
//! meanwhile: see [`Collecting`]), then calls [`collect_finalized`], which frees what is
//! still unreachable of what the collection kept. Garbage the finalizers make waits for
//! the next collection.

use crate::object::{allocations_since_gc, clear_object, reset_allocations_since_gc, traverse_object, tracked_snapshot, ObjHeader};
use crate::value::Value;
use rustc_hash::FxHashSet;
use std::cell::Cell;

const REACHABLE: i32 = i32::MIN;
/// Garbage a finalizer can reach (during `collect_all`).
const KEPT: i32 = i32::MIN + 1;
const MIN_THRESHOLD: usize = 10_000;

thread_local! {
    static THRESHOLD: Cell<usize> = const { Cell::new(MIN_THRESHOLD) };
    /// A collection is running: its graph pass, or the finalizers it found.
    static COLLECTING: Cell<bool> = const { Cell::new(false) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
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

/// True while a collection runs, including the finalizers it found: another collection
/// cannot start then.
pub fn is_collecting() -> bool {
    COLLECTING.with(|c| c.get())
}

/// Marks a collection as running for as long as it lives (nesting is allowed: the
/// previous state comes back on drop). The VM holds one while it runs the finalizers a
/// collection found.
pub(crate) struct Collecting {
    was_collecting: bool,
}

impl Collecting {
    pub(crate) fn begin() -> Collecting {
        Collecting { was_collecting: COLLECTING.with(|c| c.replace(true)) }
    }
}

impl Drop for Collecting {
    fn drop(&mut self) {
        COLLECTING.with(|c| c.set(self.was_collecting));
    }
}

/// A full collection when dropped: the last field of a `Vm`, so that it runs after the
/// VM released everything it held (a collection in `Vm::drop` would run before, while
/// the VM still holds its types, modules and builtins).
pub(crate) struct CollectOnDrop;

impl Drop for CollectOnDrop {
    fn drop(&mut self) {
        collect_all();
    }
}

/// The collector's view of an object it handles by pointer.
fn hdr<'a>(p: *const ObjHeader) -> &'a ObjHeader {
    // SAFETY: the collector only handles pointers to live objects: tracked objects (the
    // registry's snapshot, or found through their references) while nothing that could
    // free one runs, and objects it holds a reference to while it clears garbage.
    unsafe { &*p }
}

/// A full collection; returns the number of unreachable objects it found. Those no
/// finalizer can reach are freed now; finalizers are queued for the VM (see the module
/// comment).
pub fn collect_all() -> usize {
    if is_collecting() {
        return 0;
    }
    let _collecting = Collecting::begin();
    reset_allocations_since_gc();
    let objs = tracked_snapshot();
    // Every tracked object is in `objs`.
    let garbage = unreachable_among(&objs, &|h| h.is_tracked(), &[]);
    // PEP 442: a finalizer runs before its object is cleared, and sees everything it can
    // reach intact; that stays until the finalizer ran (and may resurrect it).
    let mut stack: Vec<*const ObjHeader> = Vec::new();
    for &p in &garbage {
        if hdr(p).finalizer_due() {
            hdr(p).gc_refs.set(KEPT);
            stack.push(p);
        }
    }
    while let Some(p) = stack.pop() {
        traverse_object(hdr(p), &mut |v| {
            if let Some(h) = v.header() {
                let g = h.gc_refs.get();
                if h.is_tracked() && g != REACHABLE && g != KEPT {
                    h.gc_refs.set(KEPT);
                    stack.push(h as *const ObjHeader);
                }
            }
        });
    }
    let mut doomed = Vec::with_capacity(garbage.len());
    for &p in &garbage {
        let h = hdr(p);
        let kept = h.gc_refs.get() == KEPT;
        h.set_kept(kept);
        if !kept {
            doomed.push(p);
        } else if h.finalizer_due() {
            h.queue_finalizer(true);
        }
    }
    free_garbage(&doomed);
    // Finalizers still waiting for another VM on this thread get looked at again.
    crate::object::rearm_finalizers();
    let live = crate::object::tracked_count();
    THRESHOLD.with(|t| t.set(live.max(MIN_THRESHOLD)));
    garbage.len()
}

/// The second half of a collection, once the finalizers of `finalized` (objects it
/// queued, each held once by the caller) have run: of what the collection kept for them,
/// whatever they reach that is still unreachable (not resurrected) is freed. Returns how
/// many objects that was.
pub(crate) fn collect_finalized(finalized: &[Value]) -> usize {
    // The candidates: the kept objects the finalized ones reach through kept objects.
    let candidate = |v: &Value| v.header().filter(|h| h.is_tracked() && h.is_kept()).map(|h| h as *const ObjHeader);
    let mut members: FxHashSet<*const ObjHeader> = FxHashSet::default();
    let mut set: Vec<*const ObjHeader> = Vec::new();
    let mut pending: Vec<*const ObjHeader> = finalized.iter().filter_map(candidate).collect();
    while let Some(p) = pending.pop() {
        if members.insert(p) {
            set.push(p);
            traverse_object(hdr(p), &mut |v| pending.extend(candidate(v)));
        }
    }
    for &p in &set {
        hdr(p).set_kept(false);
    }
    let garbage = unreachable_among(&set, &|h| members.contains(&(h as *const ObjHeader)), finalized);
    free_garbage(&garbage);
    garbage.len()
}

/// CPython's trial deletion over `set`, whose members `member` recognizes: the members
/// only other members reference. References to members held in `held` (by the caller)
/// do not count as outside references.
fn unreachable_among(set: &[*const ObjHeader], member: &dyn Fn(&ObjHeader) -> bool, held: &[Value]) -> Vec<*const ObjHeader> {
    for &p in set {
        let h = hdr(p);
        h.gc_refs.set(h.refcount().min(i32::MAX as u32 - 1) as i32);
    }
    let mut uncount = |v: &Value| {
        if let Some(h) = v.header() {
            if member(h) {
                h.gc_refs.set(h.gc_refs.get() - 1);
            }
        }
    };
    held.iter().for_each(&mut uncount);
    for &p in set {
        traverse_object(hdr(p), &mut uncount);
    }
    let mut stack: Vec<*const ObjHeader> = Vec::new();
    for &p in set {
        let h = hdr(p);
        if h.gc_refs.get() > 0 {
            h.gc_refs.set(REACHABLE);
            stack.push(p);
        }
    }
    while let Some(p) = stack.pop() {
        traverse_object(hdr(p), &mut |v| {
            if let Some(h) = v.header() {
                if member(h) && h.gc_refs.get() != REACHABLE {
                    h.gc_refs.set(REACHABLE);
                    stack.push(h as *const ObjHeader);
                }
            }
        });
    }
    set.iter().copied().filter(|&p| hdr(p).gc_refs.get() != REACHABLE).collect()
}

/// Clears unreachable objects, which frees them.
fn free_garbage(garbage: &[*const ObjHeader]) {
    // Hold every garbage object while clearing so none is freed mid-way.
    for &p in garbage {
        hdr(p).incref();
    }
    for &p in garbage {
        clear_object(hdr(p));
    }
    for &p in garbage {
        // SAFETY: this drops the extra reference taken above.
        unsafe { crate::object::decref(p) };
    }
}
