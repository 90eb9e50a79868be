//! The heap object model: one header for every object, reference counting, and the
//! registry of container objects that the cycle collector (`gc.rs`) scans.
//!
//! Every heap object is a `#[repr(C)]` struct whose first field is an [`ObjHeader`]; the
//! header's [`ObjKind`] says which struct it is. Objects are allocated with `Box`, reached
//! through pointer-tagged [`Value`]s, and freed when their count drops to zero. Container
//! objects (those that can hold references to other objects) are *tracked*: the cycle
//! collector finds unreachable cycles among them (CPython's scheme).
//!
//! Deallocation of a deep structure (a long linked list) would recurse once per link, so
//! past a fixed depth dead objects are queued and freed by the outermost dealloc loop
//! (CPython's "trashcan").

use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

macro_rules! object_kinds {
    ($($kind:ident => $ty:ty,)*) => {
        /// Which concrete struct an object is.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ObjKind { $($kind,)* }

        /// Frees an object of any kind.
        ///
        /// # Safety
        /// `ptr` must point to a live object whose count just dropped to zero.
        unsafe fn free_object(ptr: *const ObjHeader) {
            // SAFETY: guaranteed by the caller: the count is zero, nobody else can reach
            // the object, and its kind names the struct it was boxed as.
            unsafe {
                match (*ptr).kind() {
                    $(ObjKind::$kind => drop(Box::from_raw(ptr as *mut $ty)),)*
                }
            }
        }

        /// Calls `visit` on every reference an object owns (for the cycle collector).
        pub(crate) fn traverse_object(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
            match h.kind() {
                // SAFETY: the kind names the concrete struct (see `free_object`).
                $(ObjKind::$kind => unsafe { &*(h as *const ObjHeader as *const $ty) }.traverse(visit),)*
            }
        }

        /// Drops the references an object owns, breaking cycles (for the cycle collector).
        pub(crate) fn clear_object(h: &ObjHeader) {
            match h.kind() {
                // SAFETY: as above.
                $(ObjKind::$kind => unsafe { &*(h as *const ObjHeader as *const $ty) }.clear(),)*
            }
        }
    };
}

use crate::objects::*;

object_kinds! {
    Str => StrObj,
    Bytes => BytesObj,
    BigInt => BigIntObj,
    Tuple => TupleObj,
    List => ListObj,
    Dict => DictObj,
    Set => SetObj,
    Range => RangeObj,
    Slice => SliceObj,
    Code => CodeObj,
    Function => FunctionObj,
    NativeFunction => NativeFunctionObj,
    BoundMethod => BoundMethodObj,
    Cell => CellObj,
    Type => TypeObj,
    Instance => InstanceObj,
    Exception => ExceptionObj,
    Generator => GeneratorObj,
    Module => ModuleObj,
    Property => PropertyObj,
    StaticMethod => StaticMethodObj,
    ClassMethod => ClassMethodObj,
    Super => SuperObj,
    Iterator => IteratorObj,
    DictView => DictViewObj,
    Opaque => OpaqueObj,
}

const FLAG_TRACKED: u8 = 1;
/// Has a finalizer (`__del__`, or a suspended generator's `close`) to run before freeing.
const FLAG_NEEDS_FINALIZER: u8 = 2;
/// Its finalizer has run (PEP 442: at most once, even if the object is resurrected).
const FLAG_FINALIZED: u8 = 4;
/// Found unreachable by a collection and kept, with all it reaches, for a finalizer that
/// collection queued; the second half of the collection (`gc::collect_finalized`) looks
/// at these objects again once the finalizer ran.
const FLAG_KEPT: u8 = 8;

/// The first field of every heap object.
#[repr(C)]
pub struct ObjHeader {
    rc: Cell<u32>,
    kind: ObjKind,
    flags: Cell<u8>,
    _reserved: u16,
    /// Index in the tracked-object registry, when tracked.
    gc_slot: Cell<u32>,
    /// Scratch count for the cycle collector.
    pub(crate) gc_refs: Cell<i32>,
}

impl ObjHeader {
    /// Offset of the one-byte kind (compiled code's inline type tests, `tier2::layout`).
    pub const KIND_OFFSET: usize = std::mem::offset_of!(ObjHeader, kind);

    pub fn new(kind: ObjKind) -> ObjHeader {
        ObjHeader {
            rc: Cell::new(1),
            kind,
            flags: Cell::new(0),
            _reserved: 0,
            gc_slot: Cell::new(0),
            gc_refs: Cell::new(0),
        }
    }

    #[inline(always)]
    pub fn kind(&self) -> ObjKind {
        self.kind
    }

    #[inline(always)]
    pub fn refcount(&self) -> u32 {
        self.rc.get()
    }

    #[inline(always)]
    pub fn incref(&self) {
        self.rc.set(self.rc.get() + 1);
    }

    pub(crate) fn is_tracked(&self) -> bool {
        self.flags.get() & FLAG_TRACKED != 0
    }

    /// Marks whether a finalizer must run when the count reaches zero.
    pub fn set_needs_finalizer(&self, on: bool) {
        let f = self.flags.get();
        self.flags.set(if on { f | FLAG_NEEDS_FINALIZER } else { f & !FLAG_NEEDS_FINALIZER });
    }

    /// True when a finalizer is due and has not run yet.
    pub(crate) fn finalizer_due(&self) -> bool {
        self.flags.get() & (FLAG_NEEDS_FINALIZER | FLAG_FINALIZED) == FLAG_NEEDS_FINALIZER
    }

    /// Moves a dying (or cyclic-garbage) object onto the finalizer queue, which owns a
    /// new reference to it; the VM runs the finalizer at its next safe point.
    /// `by_collector`: a collection found it unreachable (rather than its count reaching
    /// zero), so the finalizer is part of that collection.
    pub(crate) fn queue_finalizer(&self, by_collector: bool) {
        self.flags.set(self.flags.get() | FLAG_FINALIZED);
        self.incref();
        FINALIZE_QUEUE.with(|q| q.borrow_mut().push(Queued { obj: self as *const ObjHeader, by_collector }));
        FINALIZERS_PENDING.with(|p| p.set(true));
    }

    pub(crate) fn is_kept(&self) -> bool {
        self.flags.get() & FLAG_KEPT != 0
    }

    pub(crate) fn set_kept(&self, on: bool) {
        let f = self.flags.get();
        self.flags.set(if on { f | FLAG_KEPT } else { f & !FLAG_KEPT });
    }
}

/// A finalizer waiting in the queue (which owns one reference to `obj`).
struct Queued {
    obj: *const ObjHeader,
    by_collector: bool,
}

/// A due finalizer handed to the VM: the object, and whether a collection found it (see
/// `ObjHeader::queue_finalizer`).
pub(crate) struct PendingFinalizer {
    pub obj: Value,
    pub by_collector: bool,
}

/// True when objects wait for their finalizers: the interpreter tests this at the
/// instructions that release references and then calls `Vm::run_pending_finalizers`.
/// The finalizers may be another VM's on this thread: the VM that looks takes its own
/// and lowers the flag; each queued finalizer and each collection that leaves some
/// queued raise it again, so every VM gets to look soon after.
#[inline(always)]
pub fn finalizers_pending() -> bool {
    FINALIZERS_PENDING.with(|p| p.get())
}

/// The "finalizers pending" flag's address (a `bool`), for compiled code to test
/// inline; valid for the lifetime of this thread.
pub fn finalizers_pending_flag() -> *const u8 {
    FINALIZERS_PENDING.with(|p| p.as_ptr() as *const u8)
}

/// Raises the "finalizers pending" flag again if the queue holds any (after a VM took
/// only its own).
pub(crate) fn rearm_finalizers() {
    if FINALIZE_QUEUE.with(|q| !q.borrow().is_empty()) {
        FINALIZERS_PENDING.with(|p| p.set(true));
    }
}

/// The queued finalizers `mine` accepts, in the order they were queued, each as an
/// owned reference; the rest stay queued. Several VMs can share a thread (and so this
/// queue): each takes only the finalizers of its own objects.
pub(crate) fn take_pending_finalizers(mut mine: impl FnMut(&Value) -> bool) -> Vec<PendingFinalizer> {
    FINALIZERS_PENDING.with(|p| p.set(false));
    let queued = FINALIZE_QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    let mut taken = Vec::new();
    let mut others = Vec::new();
    for q in queued {
        // SAFETY: the queue owns one reference to each object (taken in
        // `queue_finalizer`), which passes to this value.
        let obj = Value::from_header(unsafe { NonNull::new_unchecked(q.obj as *mut ObjHeader) });
        if mine(&obj) {
            taken.push(PendingFinalizer { obj, by_collector: q.by_collector });
        } else {
            // The reference stays with the queue.
            std::mem::forget(obj);
            others.push(q);
        }
    }
    if !others.is_empty() {
        // Ahead of anything `mine` queued (it should not), to keep the order.
        FINALIZE_QUEUE.with(|q| {
            q.borrow_mut().splice(0..0, others);
        });
    }
    taken
}

/// Gives up the finalizers that have not run of the live objects `owned` accepts: they
/// never run (their VM is going away and no other may run them).
pub(crate) fn forgo_finalizers(mut owned: impl FnMut(&Value) -> bool) {
    for p in tracked_snapshot() {
        // SAFETY: the snapshot holds live tracked objects, and nothing here frees one.
        let h = unsafe { &*p };
        if !h.finalizer_due() {
            continue;
        }
        // A view of the object that owns no reference (never dropped).
        let v = std::mem::ManuallyDrop::new(Value::from_header(NonNull::from(h)));
        if owned(&v) {
            h.flags.set(h.flags.get() | FLAG_FINALIZED);
        }
    }
}

/// Byte offsets the JIT uses to touch headers directly.
pub const HEADER_RC_OFFSET: i32 = 0;
pub const HEADER_KIND_OFFSET: i32 = 4;

/// Implemented by every concrete object struct.
///
/// # Safety
/// The implementing struct must be `#[repr(C)]` with an `ObjHeader` as its first field,
/// and `KIND` must be the kind listed for it in `object_kinds!`.
pub unsafe trait PyObject: Sized + 'static {
    const KIND: ObjKind;
    /// Whether objects of this kind can hold references and so take part in cycles.
    const CONTAINER: bool = false;

    /// Visits every `Value` this object owns. Must report each owned reference exactly
    /// once and nothing it does not own: over-reporting would free live objects.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}

    /// Drops owned references so a garbage cycle falls apart.
    fn clear(&self) {}

    fn header(&self) -> &ObjHeader {
        // SAFETY: guaranteed by the trait's contract (header is the first field).
        unsafe { &*(self as *const Self as *const ObjHeader) }
    }

    /// A new reference to this object as a `Value`.
    fn to_value(&self) -> Value {
        self.header().incref();
        Value::from_header(NonNull::from(self.header()))
    }
}

/// Moves `obj` to the heap and returns the owning value. Containers are tracked.
pub fn alloc<T: PyObject>(obj: T) -> Value {
    alloc_with(obj, T::CONTAINER)
}

/// Like `alloc`, choosing whether to track: an immutable container of atoms (a tuple of
/// ints) can never be in a cycle, so the collector need not see it.
pub fn alloc_with<T: PyObject>(obj: T, tracked: bool) -> Value {
    debug_assert_eq!(obj.header().kind(), T::KIND);
    let ptr = NonNull::from(Box::leak(Box::new(obj))).cast::<ObjHeader>();
    if tracked {
        // SAFETY: just allocated, alive.
        track(unsafe { ptr.as_ref() });
    }
    let v = Value::from_header(ptr);
    if tracked {
        crate::gc::maybe_collect();
    }
    v
}

thread_local! {
    /// Every tracked container on this thread; `gc_slot` is each one's index.
    static TRACKED: RefCell<Vec<*const ObjHeader>> = const { RefCell::new(Vec::new()) };
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEALLOC_PENDING: RefCell<Vec<*const ObjHeader>> = const { RefCell::new(Vec::new()) };
    static ALLOCATED_SINCE_GC: Cell<usize> = const { Cell::new(0) };
    /// Objects waiting for their finalizer (each holds one reference).
    static FINALIZE_QUEUE: RefCell<Vec<Queued>> = const { RefCell::new(Vec::new()) };
    static FINALIZERS_PENDING: Cell<bool> = const { Cell::new(false) };
}

fn track(h: &ObjHeader) {
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        h.gc_slot.set(t.len() as u32);
        t.push(h as *const ObjHeader);
    });
    h.flags.set(h.flags.get() | FLAG_TRACKED);
    ALLOCATED_SINCE_GC.with(|c| c.set(c.get() + 1));
}

fn untrack(h: &ObjHeader) {
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        let slot = h.gc_slot.get() as usize;
        let last = t.pop().expect("tracked registry out of sync");
        if slot < t.len() {
            t[slot] = last;
            // SAFETY: every pointer in the registry is a live tracked object.
            unsafe { (*last).gc_slot.set(slot as u32) };
        }
    });
    h.flags.set(h.flags.get() & !FLAG_TRACKED);
}

/// Number of live tracked containers (the figure the memory tests watch).
pub fn tracked_count() -> usize {
    TRACKED.with(|t| t.borrow().len())
}

pub(crate) fn tracked_snapshot() -> Vec<*const ObjHeader> {
    TRACKED.with(|t| t.borrow().clone())
}

/// Containers allocated since the last collection; the collector's trigger.
pub(crate) fn allocations_since_gc() -> usize {
    ALLOCATED_SINCE_GC.with(|c| c.get())
}

pub(crate) fn reset_allocations_since_gc() {
    ALLOCATED_SINCE_GC.with(|c| c.set(0));
}

const MAX_DEALLOC_DEPTH: u32 = 64;

/// Drops one reference.
///
/// # Safety
/// `ptr` must point to a live object and the caller must own the reference it gives up.
#[inline(always)]
pub unsafe fn decref(ptr: *const ObjHeader) {
    // SAFETY: the caller owns a reference, so the object is alive.
    let h = unsafe { &*ptr };
    let rc = h.rc.get() - 1;
    h.rc.set(rc);
    if rc == 0 {
        // SAFETY: the count reached zero: nobody else holds the object.
        unsafe { dealloc(ptr) }
    }
}

#[cold]
unsafe fn dealloc(ptr: *const ObjHeader) {
    // SAFETY: the count is zero but the object is not freed yet.
    let h = unsafe { &*ptr };
    if h.finalizer_due() {
        // Resurrected by the queue; freed when the finalizer drops the last reference.
        h.queue_finalizer(false);
        return;
    }
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= MAX_DEALLOC_DEPTH {
        DEALLOC_PENDING.with(|p| p.borrow_mut().push(ptr));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: the count is zero (caller's guarantee).
    unsafe { free_one(ptr) };
    if depth == 0 {
        // The outermost dealloc frees what deeper ones queued, iteratively.
        while let Some(next) = DEALLOC_PENDING.with(|p| p.borrow_mut().pop()) {
            // SAFETY: queued objects had a zero count and were not freed yet.
            unsafe { free_one(next) };
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

unsafe fn free_one(ptr: *const ObjHeader) {
    // SAFETY: caller's guarantee: zero count, not yet freed.
    let h = unsafe { &*ptr };
    if h.is_tracked() {
        untrack(h);
    }
    // SAFETY: as above.
    unsafe { free_object(ptr) }
}

/// A `Value` slot inside an object that can be read and replaced through `&self`.
///
/// No reference into the slot ever escapes: `get` clones, `set` swaps then drops the old
/// value, so no borrow can be held while other code runs.
pub struct ValueCell(std::cell::UnsafeCell<Value>);

impl ValueCell {
    pub fn new(v: Value) -> ValueCell {
        ValueCell(std::cell::UnsafeCell::new(v))
    }

    #[inline(always)]
    pub fn get(&self) -> Value {
        // SAFETY: values are !Send, so only this thread touches the slot, and no
        // reference into it outlives this call (clone only bumps a count).
        unsafe { (*self.0.get()).clone() }
    }

    /// True when the slot holds `Value::NULL`.
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        // SAFETY: as in `get`.
        unsafe { (*self.0.get()).is_null() }
    }

    #[inline(always)]
    pub fn replace(&self, v: Value) -> Value {
        // SAFETY: as in `get`; the old value is returned, so any drop happens after the
        // slot is consistent again.
        unsafe { std::ptr::replace(self.0.get(), v) }
    }

    #[inline(always)]
    pub fn set(&self, v: Value) {
        drop(self.replace(v));
    }

    pub fn take(&self) -> Value {
        self.replace(Value::NULL)
    }

    /// Visits the held value for the cycle collector.
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // SAFETY: as in `get`; the visitor does not run Python code.
        unsafe { visit(&*self.0.get()) }
    }
}
