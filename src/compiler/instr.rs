//! The compiler's instructions: real opcodes plus the pseudo-instructions codegen emits
//! and the flow-graph passes remove (jumps to labels, exception-block markers).

use crate::bytecode::Op;

/// A source location; `line == -1` is CPython's NO_LOCATION (an artificial
/// instruction that takes its line from its neighbours).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SrcLoc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

pub const NO_LOCATION: SrcLoc = SrcLoc { line: -1, end_line: -1, col: -1, end_col: -1 };

impl SrcLoc {
    pub fn from_ast(l: super::ast::Loc) -> SrcLoc {
        SrcLoc { line: l.line as i32, end_line: l.end_line as i32, col: l.col as i32, end_col: l.end_col as i32 }
    }
    pub fn is_none(&self) -> bool {
        self.line < 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Opc {
    Real(Op),
    /// Unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    Jump,
    /// Jump without an eval-breaker check (JUMP_BACKWARD_NO_INTERRUPT when backward).
    JumpNoInterrupt,
    /// `and`/`or`: jump keeping the value (COPY 1; TO_BOOL; POP_JUMP_IF_x).
    JumpIfFalse,
    JumpIfTrue,
    /// Push an exception handler for the following instructions.
    SetupFinally,
    SetupCleanup,
    SetupWith,
    /// Pop the innermost handler.
    PopBlock,
    /// A LOAD_FAST of a cell for building a closure.
    LoadClosure,
    /// STORE_FAST that may store NULL (inlined comprehension restore).
    StoreFastMaybeNull,
}

impl Opc {
    pub fn is_jump(self) -> bool {
        match self {
            Opc::Real(op) => op.is_jump(),
            Opc::Jump | Opc::JumpNoInterrupt | Opc::JumpIfFalse | Opc::JumpIfTrue => true,
            _ => false,
        }
    }
    pub fn is_block_push(self) -> bool {
        matches!(self, Opc::SetupFinally | Opc::SetupCleanup | Opc::SetupWith)
    }
    pub fn has_target(self) -> bool {
        self.is_jump() || self.is_block_push()
    }
    pub fn is_unconditional_jump(self) -> bool {
        matches!(self, Opc::Jump | Opc::JumpNoInterrupt | Opc::Real(Op::JumpForward | Op::JumpBackward | Op::JumpBackwardNoInterrupt))
    }
    pub fn is_conditional_jump(self) -> bool {
        matches!(self, Opc::JumpIfFalse | Opc::JumpIfTrue | Opc::Real(Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone))
    }
    /// Ends a scope: return or raise.
    pub fn is_scope_exit(self) -> bool {
        matches!(self, Opc::Real(Op::ReturnValue | Op::RaiseVarargs | Op::Reraise))
    }
    /// Ends a basic block (CPython's IS_TERMINATOR_OPCODE: any jump or scope exit).
    pub fn is_terminator(self) -> bool {
        self.is_jump() || self.is_scope_exit()
    }
    /// Checks the eval breaker (CALLs, backward jumps, RESUME).
    pub fn has_eval_break(self) -> bool {
        matches!(self, Opc::Jump | Opc::Real(Op::JumpBackward | Op::Resume | Op::Call | Op::CallFunctionEx))
    }
    pub fn name(self) -> &'static str {
        match self {
            Opc::Real(op) => op.name(),
            Opc::Jump => "JUMP",
            Opc::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            Opc::JumpIfFalse => "JUMP_IF_FALSE",
            Opc::JumpIfTrue => "JUMP_IF_TRUE",
            Opc::SetupFinally => "SETUP_FINALLY",
            Opc::SetupCleanup => "SETUP_CLEANUP",
            Opc::SetupWith => "SETUP_WITH",
            Opc::PopBlock => "POP_BLOCK",
            Opc::LoadClosure => "LOAD_CLOSURE",
            Opc::StoreFastMaybeNull => "STORE_FAST_MAYBE_NULL",
        }
    }
}

pub type Label = u32;
pub const NO_LABEL: Label = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub struct Ins {
    pub opc: Opc,
    pub arg: u32,
    /// Jump or handler target label (codegen) / block index (flow graph).
    pub target: u32,
    pub loc: SrcLoc,
    /// The exception handler block covering this instruction (flow graph), or NO_LABEL.
    pub handler: u32,
}

impl Ins {
    pub fn new(opc: Opc, arg: u32, loc: SrcLoc) -> Ins {
        Ins { opc, arg, target: NO_LABEL, loc, handler: NO_LABEL }
    }
    pub fn is(&self, op: Op) -> bool {
        self.opc == Opc::Real(op)
    }
}
