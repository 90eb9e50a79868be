//! Frames and the value stack they live on.
//!
//! A frame's slots are one contiguous run of `Value`s: `localsplus` (locals, cells,
//! free variables) followed by the value stack. Ordinary frames take their slots from the
//! VM's chunked `ValueStack`; generator frames own theirs (they outlive the call). Slots
//! are addressed through a raw pointer so that compiled code can read and write them and
//! so that entering a frame mid-function (OSR) or leaving it mid-function
//! (deoptimisation) is only a matter of agreeing on `pc` and `sp`.
//!
//! Invariants (upheld by the compiler's stack-depth computation and by the interpreter):
//! slots `0..nlocalsplus` are always initialised (NULL when unbound); stack slots
//! `nlocalsplus..nlocalsplus+sp` are initialised; slots above `sp` are not.

use crate::objects::CodeObj;
use crate::value::{Borrowed, Value};

#[repr(C)]
pub struct Frame {
    /// The running code (kept alive by `func`, or by whoever runs a module or class body).
    pub code: *const CodeObj,
    /// `nlocalsplus + stacksize` slots.
    pub slots: *mut Value,
    /// The code as a value (not counted: see `code`).
    pub code_ref: Borrowed,
    /// The globals dict (not counted: the function, generator or caller owns it).
    pub globals: Borrowed,
    /// The function being run, owned by the frame (NULL for module and class bodies).
    pub func: Value,
    /// The namespace of NAME instructions (module or class body dict); NULL in functions.
    pub locals: Value,
    /// The generator object owning this frame's slots, or NULL.
    pub generator: Value,
    /// Where the slots came from in the VM's value stack (`StackMark::OWNED` for
    /// generator frames, whose slots the generator owns).
    pub stack_mark: StackMark,
    /// Values on the value stack.
    pub sp: u32,
    /// Index of the next instruction to run.
    pub pc: u32,
    /// Index of the instruction that is running (for tracebacks and monitoring).
    pub last_pc: u32,
    /// Returning from this frame returns from the Rust call that started it.
    pub entry: bool,
    /// The frame runs `__init__` for an instance its caller already holds as the call's
    /// result: the return value must be None and is not pushed.
    pub init: bool,
    /// While compiled code runs the frame: the probe state of the compiled version
    /// running it, which its helpers check the code's instrumentation against
    /// (`tier2::helpers::checked`). Set at each entry into compiled code; null until
    /// the first.
    pub probes: *const crate::tier2::ProbeState,
}

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &CodeObj {
        // SAFETY: the frame's function (or whoever runs a body frame) keeps the code alive.
        unsafe { &*self.code }
    }

    /// Base of the value stack (just past localsplus).
    #[inline(always)]
    pub fn stack_base(&self) -> *mut Value {
        // SAFETY: slots has nlocalsplus + stacksize entries.
        unsafe { self.slots.add(self.code().nlocalsplus()) }
    }

    /// Reads local slot `i` (a new reference; NULL when unbound).
    #[inline(always)]
    pub fn local(&self, i: usize) -> Value {
        debug_assert!(i < self.code().nlocalsplus());
        // SAFETY: localsplus slots are always initialised and i < nlocalsplus (checked by
        // the compiler that produced the instruction).
        unsafe { (*self.slots.add(i)).clone() }
    }

    /// Replaces local slot `i`, dropping the old value.
    #[inline(always)]
    pub fn set_local(&self, i: usize, v: Value) {
        debug_assert!(i < self.code().nlocalsplus());
        // SAFETY: as in `local`; the old value is read out before being dropped.
        let old = unsafe { std::ptr::replace(self.slots.add(i), v) };
        drop(old);
    }

    /// The values currently on the stack.
    pub fn stack_values(&self) -> &[Value] {
        // SAFETY: the first `sp` stack slots are initialised.
        unsafe { std::slice::from_raw_parts(self.stack_base(), self.sp as usize) }
    }

    /// Drops every initialised slot (the frame is finished).
    #[inline(always)]
    pub fn release_slots(&mut self) {
        let n = self.code().nlocalsplus() + self.sp as usize;
        // SAFETY: exactly the initialised slots are dropped, once: sp is reset below.
        unsafe {
            for i in 0..n {
                std::ptr::drop_in_place(self.slots.add(i));
            }
        }
        self.sp = 0;
    }

    /// Drops the fields that own references (`drop_in_place::<Frame>`, inlined: the
    /// generated drop glue is an out-of-line call on every return).
    ///
    /// # Safety
    /// The frame is dropped: it must not be used (nor dropped) afterwards.
    #[inline(always)]
    unsafe fn drop_fields(&mut self) {
        // Every field that needs dropping is listed here (the others are raw pointers,
        // `Borrowed`, plain integers and flags).
        // SAFETY: the caller's guarantee; each field is dropped once.
        unsafe {
            std::ptr::drop_in_place(&mut self.func);
            std::ptr::drop_in_place(&mut self.locals);
            std::ptr::drop_in_place(&mut self.generator);
        }
    }
}

/// `Frame::drop_fields` lists the fields that own something: a new one must be added
/// there. This fails to compile when `Frame` stops being exactly those three values plus
/// plain data.
const _: () = {
    assert!(std::mem::size_of::<Frame>() == 12 * 8);
    assert!(!std::mem::needs_drop::<StackMark>() && !std::mem::needs_drop::<Borrowed>());
};

const CHUNK_SLOTS: usize = 1 << 16;

/// Where a frame's slots start in the value stack, to release them in LIFO order.
#[derive(Clone, Copy, Debug)]
pub struct StackMark {
    chunk: u32,
    top: *mut Value,
}

impl StackMark {
    /// The mark of slots the value stack did not provide (a generator's own).
    pub const OWNED: StackMark = StackMark { chunk: u32::MAX, top: std::ptr::null_mut() };

    pub fn is_owned(&self) -> bool {
        self.chunk == u32::MAX
    }
}

type Chunk = Box<[std::mem::MaybeUninit<Value>]>;

/// The VM's stack of frame slots: chunks that never move, so frames keep raw pointers.
/// Allocation is a pointer bump in the current chunk; release restores a mark.
pub struct ValueStack {
    chunks: Vec<Chunk>,
    /// Chunk in use, its next free slot and its end.
    current: usize,
    top: *mut Value,
    limit: *mut Value,
}

impl ValueStack {
    pub fn new() -> ValueStack {
        ValueStack { chunks: Vec::new(), current: 0, top: std::ptr::null_mut(), limit: std::ptr::null_mut() }
    }

    /// Reserves `n` uninitialised slots.
    #[inline(always)]
    pub fn alloc(&mut self, n: usize) -> (*mut Value, StackMark) {
        let mark = StackMark { chunk: self.current as u32, top: self.top };
        // SAFETY (offset_from): top and limit point into the same chunk (or are both null).
        if unsafe { self.limit.offset_from(self.top) } as usize >= n && !self.top.is_null() {
            let p = self.top;
            // SAFETY: n slots remain between top and limit.
            self.top = unsafe { self.top.add(n) };
            return (p, mark);
        }
        self.alloc_slow(n, mark)
    }

    #[cold]
    fn alloc_slow(&mut self, n: usize, mark: StackMark) -> (*mut Value, StackMark) {
        let next = if self.top.is_null() { 0 } else { self.current + 1 };
        if next >= self.chunks.len() || self.chunks[next].len() < n {
            let chunk: Chunk = (0..CHUNK_SLOTS.max(n)).map(|_| std::mem::MaybeUninit::uninit()).collect();
            if next < self.chunks.len() {
                // Chunks past the current one hold no live values.
                self.chunks[next] = chunk;
            } else {
                self.chunks.push(chunk);
            }
        }
        self.enter_chunk(next);
        let p = self.top;
        // SAFETY: the chunk has at least n slots.
        self.top = unsafe { self.top.add(n) };
        (p, mark)
    }

    fn enter_chunk(&mut self, i: usize) {
        self.current = i;
        let c = &mut self.chunks[i];
        self.top = c.as_mut_ptr() as *mut Value;
        // SAFETY: one past the end of the chunk.
        self.limit = unsafe { self.top.add(c.len()) };
    }

    /// Releases the most recent allocation (the caller dropped the values first).
    #[inline(always)]
    pub fn free(&mut self, mark: StackMark) {
        if mark.chunk as usize != self.current {
            self.enter_chunk(mark.chunk as usize);
        }
        self.top = mark.top;
    }
}

impl Default for ValueStack {
    fn default() -> ValueStack {
        ValueStack::new()
    }
}

const FRAMES_PER_CHUNK: usize = 1024;

/// The stack of active frames. Frames never move once pushed (chunks are never
/// reallocated), so the interpreter may keep a raw pointer to the running frame while
/// the code it runs calls back into Python and pushes more frames.
pub struct FrameStack {
    /// Chunk 0's base (null before the first push): frames below `FRAMES_PER_CHUNK`,
    /// which is where programs run unless they recurse deeply, are addressed from it
    /// directly, without the chunk table.
    first: *mut Frame,
    chunks: Vec<Box<[std::mem::MaybeUninit<Frame>]>>,
    len: usize,
}

impl FrameStack {
    pub fn new() -> FrameStack {
        FrameStack { first: std::ptr::null_mut(), chunks: Vec::new(), len: 0 }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Slot `i`; the chunk holding it must exist.
    #[inline(always)]
    fn slot(&self, i: usize) -> *mut Frame {
        debug_assert!(i / FRAMES_PER_CHUNK < self.chunks.len());
        if i < FRAMES_PER_CHUNK {
            // SAFETY: chunk 0 exists (callers only pass indices below the allocated
            // capacity) and `first` is its base.
            return unsafe { self.first.add(i) };
        }
        self.slot_slow(i)
    }

    #[cold]
    fn slot_slow(&self, i: usize) -> *mut Frame {
        // SAFETY: callers only pass indices below the allocated capacity.
        unsafe {
            self.chunks.get_unchecked(i / FRAMES_PER_CHUNK).as_ptr().add(i % FRAMES_PER_CHUNK) as *mut Frame
        }
    }

    #[inline(always)]
    pub fn push(&mut self, frame: Frame) {
        if self.len == self.chunks.len() * FRAMES_PER_CHUNK {
            self.grow();
        }
        // SAFETY: slot `len` lies in an allocated chunk and is uninitialised.
        unsafe { self.slot(self.len).write(frame) };
        self.len += 1;
    }

    /// The slot for a new top frame, for the caller to build the frame in place (no
    /// temporary `Frame` copied in). The stack is unchanged until `commit_push`.
    #[inline(always)]
    pub fn next_slot(&mut self) -> *mut Frame {
        if self.len == self.chunks.len() * FRAMES_PER_CHUNK {
            self.grow();
        }
        self.slot(self.len)
    }

    /// Makes the frame written into `next_slot()` the top frame.
    ///
    /// # Safety
    /// A complete `Frame` must have been written to the pointer `next_slot()` returned,
    /// with no push or pop in between.
    #[inline(always)]
    pub unsafe fn commit_push(&mut self) {
        self.len += 1;
    }

    /// Frame `i` (which must be below `len()`), as a pointer that stays valid until it
    /// is popped (frames never move). No bounds check: for the interpreter, which
    /// keeps the index of its running frame.
    #[inline(always)]
    pub fn ptr(&self, i: usize) -> *mut Frame {
        debug_assert!(i < self.len, "frame index out of range");
        self.slot(i)
    }

    /// The top frame, as a pointer that stays valid until it is popped (frames never
    /// move).
    #[inline(always)]
    pub fn top_ptr(&mut self) -> *mut Frame {
        assert!(self.len > 0, "no frame");
        self.slot(self.len - 1)
    }

    #[cold]
    fn grow(&mut self) {
        self.chunks.push((0..FRAMES_PER_CHUNK).map(|_| std::mem::MaybeUninit::uninit()).collect());
        if self.chunks.len() == 1 {
            self.first = self.chunks[0].as_mut_ptr() as *mut Frame;
        }
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Frame> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: slot `len` was initialised by push and is moved out exactly once.
        Some(unsafe { self.slot(self.len).read() })
    }

    /// Drops the top frame where it lies (no move out).
    #[inline(always)]
    pub fn discard_top(&mut self) {
        let top = self.top_ptr();
        // SAFETY: `top` is the top frame's slot.
        unsafe { self.discard_top_at(top) };
    }

    /// `discard_top` for a caller that already holds the top frame's pointer.
    ///
    /// # Safety
    /// `top` must be `top_ptr()` (the stack is not empty).
    #[inline(always)]
    pub unsafe fn discard_top_at(&mut self, top: *mut Frame) {
        debug_assert!(self.len > 0 && std::ptr::eq(top, self.slot(self.len - 1)));
        self.len -= 1;
        // SAFETY: the top slot was initialised by push; it left the stack above, so it
        // is dropped exactly once.
        unsafe { (*top).drop_fields() };
    }

    /// Removes the top frame without dropping its fields: the caller took them over
    /// (or knows they own nothing).
    ///
    /// # Safety
    /// `top` must be `top_ptr()`, and the caller releases what its fields own.
    #[inline(always)]
    pub unsafe fn forget_top_at(&mut self, top: *mut Frame) {
        debug_assert!(self.len > 0 && std::ptr::eq(top, self.slot(self.len - 1)));
        self.len -= 1;
    }

    pub fn last(&self) -> Option<&Frame> {
        self.len.checked_sub(1).map(|i| &self[i])
    }

    pub fn last_mut(&mut self) -> Option<&mut Frame> {
        let i = self.len.checked_sub(1)?;
        Some(&mut self[i])
    }

    /// Frames from the outermost to the innermost.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Frame> {
        (0..self.len).map(move |i| &self[i])
    }
}

impl Default for FrameStack {
    fn default() -> FrameStack {
        FrameStack::new()
    }
}

impl std::ops::Index<usize> for FrameStack {
    type Output = Frame;
    #[inline(always)]
    fn index(&self, i: usize) -> &Frame {
        assert!(i < self.len, "frame index out of range");
        // SAFETY: slots below len are initialised.
        unsafe { &*self.slot(i) }
    }
}

impl std::ops::IndexMut<usize> for FrameStack {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Frame {
        assert!(i < self.len, "frame index out of range");
        // SAFETY: as in `index`; `&mut self` makes the borrow unique.
        unsafe { &mut *self.slot(i) }
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        while self.pop().is_some() {}
    }
}
