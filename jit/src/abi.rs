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
    /// Value (borrowed) of the frame's globals dict.
    pub globals: i32,
}

/// Where the VM keeps what the inline fast paths of compiled code read (attribute
/// access on plain instances, exact-list indexing). The VM computes these offsets
/// from its own definitions (`std::mem::offset_of!`, and for the standard library's
/// `RefCell` and `Vec`, whose field order Rust leaves unspecified, from a probe of the
/// running build) and a unit test on its side reads real objects through them.
///
/// The objects involved: every heap object's header holds a one-byte kind; an
/// instance holds pointer Values to its class (a type with a `u64` version that
/// changes whenever its namespace, or a base's, changes) and to its dict; a dict holds
/// its entries as a `(pointer, length)` array of `entry_size`-byte entries with a
/// hash, a key and a value; a list holds its items as a `(pointer, length)` array of
/// Values. Offsets are from an object's address (a pointer Value minus [`PTR_BASE`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectLayout {
    /// `u8`: the object's kind.
    pub kind: i32,
    /// The kind byte of plain instances of user classes.
    pub kind_instance: u8,
    /// The kind byte of exact lists (not subclasses).
    pub kind_list: u8,
    /// Instance: Value of its class.
    pub instance_class: i32,
    /// Instance: Value of its attribute dict (always a dict).
    pub instance_dict: i32,
    /// Type: `u64` version.
    pub type_version: i32,
    /// Dict: pointer to its entries.
    pub dict_entries: i32,
    /// Dict: `usize` count of entries (holes included).
    pub dict_entries_len: i32,
    /// Dict: `u64` version of its key set (bumped when a key is added or removed,
    /// kept by value updates).
    pub dict_keys_version: i32,
    /// Bytes per dict entry.
    pub entry_size: i32,
    /// Entry: `i64` hash of its key.
    pub entry_hash: i32,
    /// Entry: Value of its key (NULL for a deleted entry).
    pub entry_key: i32,
    /// Entry: its Value.
    pub entry_value: i32,
    /// List: pointer to its items (Values).
    pub list_items: i32,
    /// List: `usize` count of items.
    pub list_len: i32,
    /// The kind byte of modules.
    pub kind_module: u8,
    /// Module: Value of its dict (always a dict).
    pub module_dict: i32,
    /// The kind byte of built-in iterators (over lists, tuples, ranges...).
    pub kind_iterator: u8,
    /// Built-in iterator: `u8` tag saying which iterator it is.
    pub iter_tag: i32,
    /// The tags of range and list iterators.
    pub iter_tag_range: u8,
    pub iter_tag_list: u8,
    /// Range iterator: `i64` next value, step, and count of values left.
    pub range_next: i32,
    pub range_step: i32,
    pub range_remaining: i32,
    /// List iterator: Value of its list, `usize` index of the next item (`usize::MAX`
    /// once exhausted for good).
    pub list_iter_seq: i32,
    pub list_iter_index: i32,
    /// FOR_ITER's specialisation byte for range and list iterators.
    pub for_iter_range: u8,
    pub for_iter_list: u8,
    /// The inline cache entries of attribute instructions.
    pub cache: CacheLayout,
    /// The inline cache entries of LOAD_GLOBAL.
    pub global_cache: GlobalCacheLayout,
}

/// LOAD_GLOBAL's inline cache entry, which the VM fills (compiled code only reads it):
/// the name is at entry `index` of the globals dict (`aux` 0) or of the builtins dict
/// (`aux` 1) while the globals' keys version is `globals_version - 1` and, for a
/// builtin, the builtins' keys version is `builtins_version - 1` (0 never matches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlobalCacheLayout {
    /// `u64`.
    pub globals_version: i32,
    /// `u64`.
    pub builtins_version: i32,
    /// `u32`.
    pub index: i32,
    /// `u32`.
    pub aux: i32,
}

/// An attribute instruction's inline cache entry, which the VM fills (compiled code
/// only reads it). For LOAD_ATTR's attribute form and STORE_ATTR: `version` is the
/// type version at which the attribute lives only in the instance dict, at entry
/// `index`; `version2`, when not 0, is a second type version for which the same holds
/// (a site that sees a class and its subclass). For LOAD_ATTR's method form: `version` is the type version at which the
/// name is a plain function on the type, `version2` that function's Value (alive while
/// the type keeps that version). Version 0 never matches (types start at 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheLayout {
    /// `u64`.
    pub version: i32,
    /// `u64`.
    pub version2: i32,
    /// `u32`.
    pub index: i32,
}

/// What compiled code reads from the VM on each entry. The VM builds it (the pointers
/// stay valid for the entry's duration) and may extend it: compiled code only reads
/// these leading fields.
#[repr(C)]
pub struct RuntimeContext {
    /// A byte that is non-zero while finalizers wait to run.
    pub finalizers_pending: *const u8,
    /// The VM itself, for helpers (opaque here).
    pub vm: *mut core::ffi::c_void,
    /// Loop back-edges compiled code took since it was entered; counted only by code
    /// that has exits at instructions without a translation (the VM's `unsupported`
    /// helper reads it to tell a loop that deoptimises every iteration).
    pub loop_trips: u64,
    /// What a helper that returned [`EXIT_DEOPT`] after completing its instruction
    /// left for compiled code: the instruction's result (see [`Helpers`]).
    pub deopt_result: u64,
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
///
/// A helper that may run Python code (every one taking `index` but `load_global`,
/// `unbound_local`, `for_iter_probed` and the `probe_*` ones; and `run_finalizers`,
/// which answers 1 instead) checks on its way out whether that code
/// changed the running code's instrumentation beyond what the running compiled
/// version has probes for. If so it completes its instruction, stores the result it
/// would have returned in [`RuntimeContext::deopt_result`] and returns [`EXIT_DEOPT`]:
/// compiled code then applies the result (pushes it, or takes the branch it decides)
/// and leaves to the interpreter at the instruction that follows. So the check costs
/// compiled code nothing beyond the error test it makes anyway.
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
    /// Runs pending finalizers (the frame is synced): 1 if they changed the code's
    /// instrumentation so that compiled code must leave at the next instruction, else 0.
    pub run_finalizers: unsafe extern "C" fn(Ctx, FramePtr) -> u64,
    /// The code's live-instrumentation version moved away from the one this compiled
    /// version accepted (`state` is `Target::probe_state`): 0 if its probes still
    /// cover every live event (it then accepts the new version and updates its probe
    /// flags), 1 if it must deoptimise. Only code with probes calls it, after a probe
    /// (helpers check for themselves).
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
    /// LOAD_ATTR's method form at `index`, as `stack_op` (the owner in the stack slot
    /// below `top`, the two results there after it); it also fills the inline cache
    /// the inline path reads (`CacheLayout`).
    pub load_method: unsafe extern "C" fn(Ctx, FramePtr, u32, u32) -> u64,
    /// STORE_ATTR at `index`, as `stack_op`; it may also add a second version to the
    /// inline cache (`CacheLayout`).
    pub store_attr: unsafe extern "C" fn(Ctx, FramePtr, u32, u32) -> u64,
    /// Compiled code is about to leave at instruction `index`, which it has no
    /// translation for (an `ir::Inst::Deopt`): the VM counts it (the frame is synced
    /// after this returns).
    pub unsupported: unsafe extern "C" fn(Ctx, FramePtr, u32),
    /// SEND at `index`, as `stack_op` (receiver and value in the stack slots below
    /// `top`, which the value leaves; the receiver stays): 0 when the receiver yielded,
    /// 1 when it returned (SEND jumps), the result in the value's slot either way; or
    /// [`EXIT_ERROR`], with the frame's `sp` set.
    pub send: unsafe extern "C" fn(Ctx, FramePtr, u32, u32) -> u64,
}
