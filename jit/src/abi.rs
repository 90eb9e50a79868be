//! The contract between compiled code and the VM that runs it.
//!
//! This crate knows nothing of the VM's types. What compiled code needs is spelled out
//! here as plain numbers and `extern "C"` signatures; the VM asserts at compile time that
//! its own definitions agree (see `src/tier2/` in `monjit`).
//!
//! **Values** are NaN-boxed `u64`s: floats as their bits, tagged immediates and pointers
//! in the top 16 bits (the constants below). A heap object starts with a `u32` reference
//! count at offset 0 of the address a pointer value carries.
//!
//! **Entry**: a compiled function is `extern "C" fn(*mut RuntimeContext, *mut Frame, u32) -> u64`
//! (a [`CompiledEntry`]). The `u32` is where to start: the function's entry (just past
//! RESUME, empty value stack), or, for on-stack replacement, one of the code's
//! [`CompiledCode::osr_entries`](crate::CompiledCode) (loop headers: JUMP_BACKWARD
//! targets). An OSR entry takes over the frame's exact state: locals from the frame's
//! slots, and the frame's `sp` values on its stack, which must be the stack depth at
//! that instruction; compiled code then owns those stack values. Any other start (or a
//! wrong `sp`) returns [`EXIT_DEOPT`] at once with the frame untouched. It runs the
//! frame from there and returns one of:
//! - a Value: the function returned it. The frame's `last_pc` is the RETURN_VALUE's index,
//!   `sp` counts the values still on its stack below the returned one; locals are exact.
//! - [`EXIT_DEOPT`]: the frame is left mid-function with its exact state (every local
//!   and stack slot written back, `sp`, `pc` = next instruction, `last_pc` = the one
//!   before): the interpreter continues it.
//! - [`EXIT_ERROR`]: a helper failed and stored the error in the VM; the frame's state
//!   is what the interpreter's own arm would leave (`last_pc` = the failing instruction,
//!   `sp` after the arm's pops) so its unwinder takes over.
//!
//! **Frames**: compiled code reads and writes the frame's slots through raw pointers
//! (frames and slots never move); `FrameLayout` gives the field offsets.

/// Tag values (top 16 bits) and layout of a `Value`.
pub const TAG_SHIFT: i64 = 48;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_BOOL: u64 = 0xFFFA;
pub const TAG_SPECIAL: u64 = 0xFFFB;
pub const TAG_PTR: u64 = 0xFFFC;
pub const PAYLOAD_MASK: u64 = (1 << 48) - 1;
/// Bits of the smallest pointer value; a pointer's object address is `bits - PTR_BASE`.
pub const PTR_BASE: u64 = TAG_PTR << 48;
/// Every float is below this (no float uses a tag).
pub const FLOAT_LIMIT: u64 = TAG_INT << 48;
pub const INT_BASE: u64 = TAG_INT << 48;
pub const FALSE_BITS: u64 = TAG_BOOL << 48;
pub const TRUE_BITS: u64 = (TAG_BOOL << 48) | 1;
pub const NONE_BITS: u64 = TAG_SPECIAL << 48;
pub const NULL_BITS: u64 = (TAG_SPECIAL << 48) | 3;
/// The NaN every float operation's NaN result is replaced by.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
/// Offset of the `u32` reference count in a heap object.
pub const REFCOUNT_OFFSET: i32 = 0;

/// Return values of compiled code and helpers that are not Values (tag 0xFFFF is never
/// used by a Value).
pub const EXIT_ERROR: u64 = 0xFFFF_0000_0000_0001;
pub const EXIT_DEOPT: u64 = 0xFFFF_0000_0000_0002;
/// `for_iter`: the iterator is exhausted.
pub const ITER_EXHAUSTED: u64 = 0xFFFF_0000_0000_0003;

/// Field offsets of the VM's frame that compiled code reads or writes.
#[derive(Clone, Copy, Debug)]
pub struct FrameLayout {
    /// `*mut u64`: the frame's slots (locals, then the value stack).
    pub slots: i32,
    /// `u32`: values on the value stack.
    pub sp: i32,
    /// `u32`: index of the next instruction.
    pub pc: i32,
    /// `u32`: index of the running instruction (tracebacks, line numbers).
    pub last_pc: i32,
}

/// What compiled code reads from the VM on each entry. The VM builds it (the pointers
/// stay valid for the entry's duration) and may extend it: compiled code only reads
/// these leading fields.
#[repr(C)]
pub struct RuntimeContext {
    /// The VM's instrumentation version (a `u64`), compared after calls and probes.
    pub version: *const u64,
    /// A byte that is non-zero while finalizers wait to run.
    pub finalizers_pending: *const u8,
    /// The VM itself, for helpers (opaque here).
    pub vm: *mut core::ffi::c_void,
    /// Loop back-edges compiled code took since it was entered; counted only by code
    /// that has exits at instructions without a translation (the VM's `unsupported`
    /// helper reads it to tell a loop that deoptimises every iteration).
    pub loop_trips: u64,
}

/// The VM frame, opaque to this crate.
pub type FramePtr = *mut u8;
pub type Ctx = *mut RuntimeContext;

/// A compiled function's entry point.
pub type CompiledEntry = unsafe extern "C" fn(Ctx, FramePtr, u32) -> u64;

/// Runtime helpers compiled code calls; the VM supplies their addresses.
///
/// Conventions: `index` is the bytecode instruction index (the frame's `last_pc` is
/// already set to it). A helper returning a Value returns [`EXIT_ERROR`] when it failed,
/// with the error stored in the VM. "Consumes" means the helper takes ownership of that
/// operand's reference.
#[derive(Clone, Copy)]
pub struct Helpers {
    /// Frees an object whose reference count compiled code found at 1 (it releases
    /// that last reference).
    pub release: unsafe extern "C" fn(u64),
    /// BINARY_OP `oparg` on (lhs, rhs), consuming both.
    pub binary_op: unsafe extern "C" fn(Ctx, FramePtr, u32, u32, u64, u64) -> u64,
    /// COMPARE_OP `oparg` on (lhs, rhs), consuming both.
    pub compare_op: unsafe extern "C" fn(Ctx, FramePtr, u32, u32, u64, u64) -> u64,
    /// Truth of a value (borrowed): 0, 1, or [`EXIT_ERROR`].
    pub truthy: unsafe extern "C" fn(Ctx, FramePtr, u32, u64) -> u64,
    /// LOAD_GLOBAL at `index` (its inline cache lives in the code object).
    pub load_global: unsafe extern "C" fn(Ctx, FramePtr, u32) -> u64,
    /// CALL with `argc` arguments whose operands (callable, self or NULL, args) are in
    /// the frame's stack slots from depth `base`; consumes them. On error it sets the
    /// frame's `sp` itself (the interpreter's arms differ on what stays on the stack).
    pub call: unsafe extern "C" fn(Ctx, FramePtr, u32, u32, u32) -> u64,
    /// GET_ITER, consuming the operand.
    pub get_iter: unsafe extern "C" fn(Ctx, FramePtr, u32, u64) -> u64,
    /// FOR_ITER on a borrowed iterator: the next value, [`ITER_EXHAUSTED`] or an error.
    pub for_iter: unsafe extern "C" fn(Ctx, FramePtr, u32, u64) -> u64,
    /// A unary operator (UNARY_NEGATIVE = 0, UNARY_INVERT = 1), consuming the operand.
    pub unary_op: unsafe extern "C" fn(Ctx, FramePtr, u32, u32, u64) -> u64,
    /// Raises UnboundLocalError for local `slot`; returns [`EXIT_ERROR`].
    pub unbound_local: unsafe extern "C" fn(Ctx, FramePtr, u32, u32) -> u64,
    /// Runs pending finalizers (the frame is synced).
    pub run_finalizers: unsafe extern "C" fn(Ctx, FramePtr),
    /// The code's live-instrumentation version moved away from the one this compiled
    /// version accepted (`state` is `Target::probe_state`): 0 if its probes still
    /// cover every live event (it then accepts the new version and updates its probe
    /// flags), 1 if it must deoptimise.
    pub revalidate: unsafe extern "C" fn(Ctx, FramePtr, *const u8) -> u64,
    /// LINE (the previous instruction being `prev`) and INSTRUCTION events before
    /// instruction `index`, as live now. The frame's `last_pc` is `index`. Returns 0,
    /// [`EXIT_ERROR`], or [`EXIT_DEOPT`] when a callback made an event live that this
    /// version has no probe for: compiled code then leaves at `index` itself (whose
    /// own event may be the new one), and the VM runs it below the layers that just
    /// fired. Other changes are caught by the live-version check at every successor
    /// of a `pre` probe.
    pub probe_pre: unsafe extern "C" fn(Ctx, FramePtr, *const u8, u32, u32) -> u64,
    /// The jump/branch event of instruction `index` (JUMP, BRANCH_LEFT, BRANCH_RIGHT)
    /// from `src` to `dest`, if live now; 0 or [`EXIT_ERROR`].
    pub probe_jump: unsafe extern "C" fn(Ctx, FramePtr, *const u8, u32, u32, u32) -> u64,
    /// CALL whose CALL event was live when compiled: as `call`, firing CALL (and
    /// C_RETURN/C_RAISE for callees that are not Python functions) if live now.
    pub call_probed: unsafe extern "C" fn(Ctx, FramePtr, u32, u32, u32) -> u64,
    /// FOR_ITER whose BRANCH_LEFT was live when compiled: as `for_iter`, but when the
    /// event is live now it runs the instrumented (never specialised) step; the
    /// BRANCH_LEFT itself is a `probe_jump` on the item edge.
    pub for_iter_probed: unsafe extern "C" fn(Ctx, FramePtr, u32, u64) -> u64,
    /// Runs instruction `index` (an `ir::Inst::StackOp`) on the frame's stack slots
    /// below depth `top` (its operands, written there by compiled code, which gives
    /// them up): on success (0) its results are in the slots below the depth the
    /// instruction leaves; on [`EXIT_ERROR`] it has set the frame's `sp` to what the
    /// interpreter's arm leaves.
    pub stack_op: unsafe extern "C" fn(Ctx, FramePtr, u32, u32) -> u64,
    /// LOAD_ATTR's attribute form at `index`, consuming the owner.
    pub load_attr: unsafe extern "C" fn(Ctx, FramePtr, u32, u64) -> u64,
    /// Compiled code is about to leave at instruction `index`, which it has no
    /// translation for (an `ir::Inst::Deopt`): the VM counts it (the frame is synced
    /// after this returns).
    pub unsupported: unsafe extern "C" fn(Ctx, FramePtr, u32),
}
