//! The input of code generation: one function's instructions, already decoded by the
//! VM. One [`Inst`] per bytecode instruction, so indices (jump targets, `pc`, `last_pc`)
//! are the bytecode's.

/// Arithmetic operators with an inline fast path; `Other` goes to the helper only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    And,
    Or,
    Xor,
    Rshift,
    /// `container[key]` (inline for an exact list and a small int).
    Subscr,
    Other,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// Conditions of POP_JUMP_IF_*.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpCond {
    False,
    True,
    None,
    NotNone,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Inst {
    /// Does nothing (NOP, NOT_TAKEN, RESUME once entered).
    Nop,
    /// Pushes a local; `checked` (LOAD_FAST_CHECK): UnboundLocalError when NULL
    /// (the compiler proved the others bound).
    LoadLocal { slot: u32, checked: bool },
    /// LOAD_FAST_LOAD_FAST.
    LoadLocal2 { first: u32, second: u32 },
    /// Pushes a local (maybe NULL) and leaves the slot NULL.
    LoadLocalAndClear { slot: u32 },
    StoreLocal { slot: u32 },
    /// STORE_FAST_LOAD_FAST.
    StoreLoadLocal { store: u32, load: u32 },
    /// STORE_FAST_STORE_FAST: pops into `first`, then into `second`.
    StoreLocal2 { first: u32, second: u32 },
    /// Pushes a constant the code object keeps alive (`bits` of its Value).
    LoadConst { bits: u64 },
    PushNull,
    /// POP_TOP, END_FOR, POP_ITER.
    Pop,
    Copy { n: u32 },
    Swap { n: u32 },
    Binary { op: ArithOp, oparg: u32 },
    Compare { op: CmpOp, oparg: u32 },
    /// UNARY_NEGATIVE (0) / UNARY_INVERT (1), through the helper.
    Unary { kind: u32 },
    UnaryNot,
    ToBool,
    /// IS_OP (`invert` for `is not`).
    Is { invert: bool },
    JumpIf { cond: JumpCond, target: u32 },
    /// JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT.
    Jump { target: u32 },
    /// JUMP_BACKWARD (a finalizer point).
    JumpBack { target: u32 },
    Return,
    /// LOAD_GLOBAL: inline from the globals or builtins dict when its inline cache
    /// (`abi::GlobalCacheLayout`, at address `cache`, owned by the code object) holds,
    /// the `load_global` helper otherwise.
    LoadGlobal { push_null: bool, cache: u64 },
    Call { argc: u32 },
    GetIter,
    /// FOR_ITER: pushes the next item, or jumps to `exit` (past END_FOR). A range or
    /// exact-list iterator steps inline while the byte at `specialised` (the
    /// instruction's specialisation, owned by the code object; 0: no such byte) says
    /// FOR_ITER is specialised for it, as the interpreter's fast lane does; anything
    /// else goes through the `for_iter` helper.
    ForIter { exit: u32, specialised: u64 },
    /// Leaves to the interpreter, which runs this instruction (one compiled code does
    /// not handle).
    Deopt,
    /// YIELD_VALUE in a generator: leaves to the interpreter, which runs the yield
    /// (and its events) and suspends the frame. Resuming it runs the RESUME that
    /// follows in the interpreter, which re-enters compiled code at `resume`, an
    /// entry with the same stack depth (the sent value in place of the yielded one).
    Yield { resume: u32 },
    /// SEND (`yield from`): sends the top value to the receiver below it; pushes what
    /// it yielded, or jumps to `target` with what it returned.
    Send { target: u32 },
    /// An instruction the `stack_op` helper runs on the frame's stack slots: the top
    /// `pops` values are written there (the helper takes them), and the top `pushes`
    /// values after it are read back. `pops` covers every value the instruction reads,
    /// including ones it only peeks at (LIST_APPEND's list), which come back among the
    /// `pushes`. `flags`: [`STACK_OP_FINALIZE`], [`STACK_OP_RELOAD_LOCALS`].
    StackOp { pops: u32, pushes: u32, flags: u32 },
    /// LOAD_ATTR's attribute form (`owner.name`): inline from the instance dict when
    /// the inline cache at `cache` holds for the owner, the `load_attr` helper otherwise.
    LoadAttr { site: AttrSite },
    /// LOAD_ATTR's method form (`owner.name(...)`): pushes (function, owner) inline when
    /// the cache says `name` is a plain function on the owner's type and the instance
    /// dict has no key hashing like it; the `load_method` helper otherwise.
    LoadMethod { site: AttrSite },
    /// STORE_ATTR (`owner.name = value`): in place in the instance dict when the
    /// cache holds, through `stack_op` otherwise.
    StoreAttr { site: AttrSite },
    /// STORE_SUBSCR (`container[key] = value`): in place for an exact list and a small
    /// int index in range, through `stack_op` otherwise.
    StoreSubscr,
}

/// An attribute instruction's site: what its inline fast path compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttrSite {
    /// Address of its inline cache entry (`abi::CacheLayout`), owned by the code
    /// object, which outlives the compiled code.
    pub cache: u64,
    /// The attribute name's Value (an interned str the code object keeps alive).
    pub name: u64,
    /// The name's hash, as dict entries store it.
    pub hash: i64,
}

/// `Inst::StackOp` flag: a finalizer point follows (the interpreter's arm has one).
pub const STACK_OP_FINALIZE: u32 = 1;
/// `Inst::StackOp` flag: the instruction writes local slots (MAKE_CELL,
/// COPY_FREE_VARS, DELETE_FAST): compiled code reloads its locals from the frame.
pub const STACK_OP_RELOAD_LOCALS: u32 = 2;

impl Inst {
    /// (values popped, values pushed) on the fall-through path.
    pub fn stack_effect(&self) -> (u32, u32) {
        match *self {
            Inst::Nop | Inst::Jump { .. } | Inst::JumpBack { .. } | Inst::Deopt => (0, 0),
            Inst::Yield { .. } => (1, 1),
            Inst::Send { .. } => (2, 2),
            Inst::LoadLocal { .. } | Inst::LoadLocalAndClear { .. } | Inst::LoadConst { .. } | Inst::PushNull => (0, 1),
            Inst::LoadLocal2 { .. } => (0, 2),
            Inst::StoreLocal { .. } | Inst::Pop => (1, 0),
            Inst::StoreLoadLocal { .. } => (1, 1),
            Inst::StoreLocal2 { .. } => (2, 0),
            Inst::Copy { n } => (n, n + 1),
            Inst::Swap { n } => (n, n),
            Inst::Binary { .. } | Inst::Compare { .. } | Inst::Is { .. } => (2, 1),
            Inst::Unary { .. } | Inst::UnaryNot | Inst::ToBool | Inst::GetIter => (1, 1),
            Inst::JumpIf { .. } | Inst::Return => (1, 0),
            Inst::LoadGlobal { push_null, .. } => (0, 1 + push_null as u32),
            Inst::Call { argc } => (argc + 2, 1),
            Inst::ForIter { .. } => (1, 2),
            Inst::StackOp { pops, pushes, .. } => (pops, pushes),
            Inst::LoadAttr { .. } => (1, 1),
            Inst::LoadMethod { .. } => (1, 2),
            Inst::StoreAttr { .. } => (2, 0),
            Inst::StoreSubscr => (3, 0),
        }
    }

    /// Control never reaches the next instruction.
    pub fn ends_block(&self) -> bool {
        matches!(self, Inst::Jump { .. } | Inst::JumpBack { .. } | Inst::Return | Inst::Deopt | Inst::Yield { .. })
    }

    /// Where the interpreter may enter compiled code mid-function because of this
    /// instruction, with the stack depth this instruction starts with: a loop header
    /// a JUMP_BACKWARD goes to (on-stack replacement), or where a generator resumes
    /// after this yield.
    pub fn reentry(&self) -> Option<u32> {
        match *self {
            Inst::JumpBack { target } => Some(target),
            Inst::Yield { resume } => Some(resume),
            _ => None,
        }
    }

    /// Where else control may go (with the stack depth there relative to the
    /// fall-through depth: FOR_ITER's exit keeps the iterator, i.e. one less).
    pub fn branch_target(&self) -> Option<u32> {
        match *self {
            Inst::JumpIf { target, .. } | Inst::Jump { target } | Inst::JumpBack { target } => Some(target),
            Inst::ForIter { exit, .. } => Some(exit),
            Inst::Send { target } => Some(target),
            _ => None,
        }
    }
}

/// The sys.monitoring probes compiled at one instruction (see `abi::Helpers::probe_pre`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Probe {
    /// LINE and/or INSTRUCTION events: `probe_pre` runs before the instruction.
    pub pre: bool,
    /// The instruction's own event (CALL, JUMP, BRANCH_*, PY_RETURN): fired where the
    /// interpreter's `INSTRUMENTED_*` arm fires it.
    pub event: bool,
}

impl Probe {
    pub fn any(&self) -> bool {
        self.pre || self.event
    }
}

/// One function to compile.
#[derive(Clone, Debug)]
pub struct Function {
    /// For diagnostics.
    pub name: String,
    pub instrs: Vec<Inst>,
    /// Where execution starts (just past RESUME), with an empty value stack.
    pub entry: u32,
    /// Local slots (they precede the value stack in the frame's slots).
    pub nlocals: u32,
    /// Value-stack slots the frame has.
    pub stack_size: u32,
    /// Probes per instruction (empty: none anywhere). Each probe is guarded by its
    /// byte in `Target::probe_flags` (`2 * i` for `pre`, `2 * i + 1` for `event`).
    pub probes: Vec<Probe>,
}

impl Function {
    pub fn probe(&self, i: u32) -> Probe {
        self.probes.get(i as usize).copied().unwrap_or_default()
    }
}
