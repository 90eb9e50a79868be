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
use crate::value::Value;

#[repr(C)]
pub struct Frame {
    /// The running code (owned by `code_ref`).
    pub code: *const CodeObj,
    pub code_ref: Value,
    /// The function being run (NULL for module and class bodies).
    pub func: Value,
    pub globals: Value,
    /// The namespace of NAME instructions (module or class body dict); NULL in functions.
    pub locals: Value,
    /// `nlocalsplus + stacksize` slots.
    pub slots: *mut Value,
    /// Values on the value stack.
    pub sp: u32,
    /// Index of the next instruction to run.
    pub pc: u32,
    /// Index of the instruction that is running (for tracebacks and monitoring).
    pub last_pc: u32,
    /// Returning from this frame returns from the Rust call that started it.
    pub entry: bool,
    /// The generator object owning this frame's slots, or NULL.
    pub generator: Value,
    /// Where the slots came from in the VM's value stack (None: owned by a generator).
    pub stack_mark: Option<(usize, usize)>,
}

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &CodeObj {
        // SAFETY: `code_ref` owns the code object for the frame's whole life.
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
}

const CHUNK_SLOTS: usize = 1 << 16;

/// The VM's stack of frame slots: chunks that never move, so frames keep raw pointers.
pub struct ValueStack {
    chunks: Vec<(*mut Value, usize)>,
    /// Chunk in use and the next free slot in it.
    current: usize,
    top: usize,
}

impl ValueStack {
    pub fn new() -> ValueStack {
        ValueStack { chunks: Vec::new(), current: 0, top: 0 }
    }

    fn new_chunk(size: usize) -> *mut Value {
        let mut v: Vec<std::mem::MaybeUninit<Value>> = Vec::with_capacity(size);
        // SAFETY: MaybeUninit needs no initialisation.
        unsafe { v.set_len(size) };
        Box::into_raw(v.into_boxed_slice()) as *mut Value
    }

    /// Reserves `n` slots, returning their base (a position token for `free`).
    pub fn alloc(&mut self, n: usize) -> (*mut Value, (usize, usize)) {
        if self.chunks.is_empty() {
            let size = CHUNK_SLOTS.max(n);
            self.chunks.push((ValueStack::new_chunk(size), size));
        }
        let (base, size) = self.chunks[self.current];
        if self.top + n <= size {
            let token = (self.current, self.top);
            // SAFETY: top + n <= size keeps the pointer inside the chunk.
            let p = unsafe { base.add(self.top) };
            self.top += n;
            return (p, token);
        }
        // Move to the next chunk (allocating one big enough).
        let token = (self.current, self.top);
        self.current += 1;
        if self.current >= self.chunks.len() || self.chunks[self.current].1 < n {
            let size = CHUNK_SLOTS.max(n);
            let chunk = (ValueStack::new_chunk(size), size);
            if self.current < self.chunks.len() {
                let old = std::mem::replace(&mut self.chunks[self.current], chunk);
                // SAFETY: chunks beyond `current` are unused; rebuild the box to free it.
                unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(old.0 as *mut std::mem::MaybeUninit<Value>, old.1))) };
            } else {
                self.chunks.push(chunk);
            }
        }
        self.top = n;
        (self.chunks[self.current].0, token)
    }

    /// Releases the most recent allocation (the caller dropped the values first).
    pub fn free(&mut self, token: (usize, usize)) {
        self.current = token.0;
        self.top = token.1;
    }

    /// The position the next allocation starts from.
    pub fn mark(&self) -> (usize, usize) {
        (self.current, self.top)
    }
}

impl Default for ValueStack {
    fn default() -> ValueStack {
        ValueStack::new()
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        for &(p, n) in &self.chunks {
            // SAFETY: each chunk came from `new_chunk` with this size; values in it were
            // dropped by their frames.
            unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p as *mut std::mem::MaybeUninit<Value>, n))) };
        }
    }
}

const FRAMES_PER_CHUNK: usize = 128;

/// The stack of active frames. Frames never move once pushed (chunks are never
/// reallocated), so the interpreter may keep a raw pointer to the running frame while
/// the code it runs calls back into Python and pushes more frames.
pub struct FrameStack {
    chunks: Vec<Box<[std::mem::MaybeUninit<Frame>]>>,
    len: usize,
}

impl FrameStack {
    pub fn new() -> FrameStack {
        FrameStack { chunks: Vec::new(), len: 0 }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline(always)]
    fn slot(&self, i: usize) -> *mut Frame {
        self.chunks[i / FRAMES_PER_CHUNK][i % FRAMES_PER_CHUNK].as_ptr() as *mut Frame
    }

    pub fn push(&mut self, frame: Frame) {
        if self.len == self.chunks.len() * FRAMES_PER_CHUNK {
            self.chunks.push((0..FRAMES_PER_CHUNK).map(|_| std::mem::MaybeUninit::uninit()).collect());
        }
        // SAFETY: slot `len` lies in an allocated chunk and is uninitialised.
        unsafe { self.slot(self.len).write(frame) };
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<Frame> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: slot `len` was initialised by push and is moved out exactly once.
        Some(unsafe { self.slot(self.len).read() })
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
