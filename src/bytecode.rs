//! The instruction set.
//!
//! monjit's bytecode follows CPython 3.14's closely: the same instructions with the same
//! stack behaviour, laid out by a compiler that mirrors CPython's, so that line numbers,
//! jumps and branches (and hence every monitoring event) match CPython's. Encoding
//! differs: each instruction is one 8-byte `Instr` (opcode, cache slot, 32-bit argument)
//! with no EXTENDED_ARG and no inline cache entries. Python-visible offsets are
//! `2 * instruction index`, so they look like CPython's code-unit offsets.

macro_rules! opcodes {
    ($($name:ident = $py:literal,)*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($name,)* }

        impl Op {
            pub const COUNT: usize = [$(Op::$name,)*].len();
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            /// CPython's name for the instruction (what `monjit dis` prints).
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => $py,)* }
            }
            pub fn from_u8(b: u8) -> Option<Op> {
                Op::ALL.get(b as usize).copied()
            }
        }
    };
}

opcodes! {
    Nop = "NOP",
    NotTaken = "NOT_TAKEN",
    PopTop = "POP_TOP",
    PushNull = "PUSH_NULL",
    EndFor = "END_FOR",
    PopIter = "POP_ITER",
    EndSend = "END_SEND",
    ToBool = "TO_BOOL",
    UnaryNegative = "UNARY_NEGATIVE",
    UnaryNot = "UNARY_NOT",
    UnaryInvert = "UNARY_INVERT",
    ReturnValue = "RETURN_VALUE",
    ReturnGenerator = "RETURN_GENERATOR",
    GetIter = "GET_ITER",
    GetYieldFromIter = "GET_YIELD_FROM_ITER",
    PushExcInfo = "PUSH_EXC_INFO",
    PopExcept = "POP_EXCEPT",
    CheckExcMatch = "CHECK_EXC_MATCH",
    WithExceptStart = "WITH_EXCEPT_START",
    LoadBuildClass = "LOAD_BUILD_CLASS",
    StoreSubscr = "STORE_SUBSCR",
    DeleteSubscr = "DELETE_SUBSCR",
    BinarySlice = "BINARY_SLICE",
    StoreSlice = "STORE_SLICE",
    FormatSimple = "FORMAT_SIMPLE",
    FormatWithSpec = "FORMAT_WITH_SPEC",
    CleanupThrow = "CLEANUP_THROW",
    LoadLocals = "LOAD_LOCALS",
    SetupAnnotations = "SETUP_ANNOTATIONS",
    Resume = "RESUME",
    LoadConst = "LOAD_CONST",
    LoadSmallInt = "LOAD_SMALL_INT",
    LoadFast = "LOAD_FAST",
    LoadFastCheck = "LOAD_FAST_CHECK",
    LoadFastAndClear = "LOAD_FAST_AND_CLEAR",
    LoadFastLoadFast = "LOAD_FAST_LOAD_FAST",
    StoreFastLoadFast = "STORE_FAST_LOAD_FAST",
    StoreFastStoreFast = "STORE_FAST_STORE_FAST",
    StoreFast = "STORE_FAST",
    DeleteFast = "DELETE_FAST",
    LoadDeref = "LOAD_DEREF",
    StoreDeref = "STORE_DEREF",
    DeleteDeref = "DELETE_DEREF",
    LoadFromDictOrDeref = "LOAD_FROM_DICT_OR_DEREF",
    MakeCell = "MAKE_CELL",
    CopyFreeVars = "COPY_FREE_VARS",
    LoadGlobal = "LOAD_GLOBAL",
    StoreGlobal = "STORE_GLOBAL",
    DeleteGlobal = "DELETE_GLOBAL",
    LoadName = "LOAD_NAME",
    StoreName = "STORE_NAME",
    DeleteName = "DELETE_NAME",
    LoadAttr = "LOAD_ATTR",
    StoreAttr = "STORE_ATTR",
    DeleteAttr = "DELETE_ATTR",
    LoadSuperAttr = "LOAD_SUPER_ATTR",
    LoadSpecial = "LOAD_SPECIAL",
    LoadCommonConstant = "LOAD_COMMON_CONSTANT",
    BinaryOp = "BINARY_OP",
    CompareOp = "COMPARE_OP",
    IsOp = "IS_OP",
    ContainsOp = "CONTAINS_OP",
    BuildTuple = "BUILD_TUPLE",
    BuildList = "BUILD_LIST",
    BuildSet = "BUILD_SET",
    BuildMap = "BUILD_MAP",
    BuildString = "BUILD_STRING",
    BuildSlice = "BUILD_SLICE",
    ListAppend = "LIST_APPEND",
    SetAdd = "SET_ADD",
    MapAdd = "MAP_ADD",
    ListExtend = "LIST_EXTEND",
    SetUpdate = "SET_UPDATE",
    DictUpdate = "DICT_UPDATE",
    DictMerge = "DICT_MERGE",
    UnpackSequence = "UNPACK_SEQUENCE",
    UnpackEx = "UNPACK_EX",
    Call = "CALL",
    CallKw = "CALL_KW",
    CallFunctionEx = "CALL_FUNCTION_EX",
    CallIntrinsic1 = "CALL_INTRINSIC_1",
    CallIntrinsic2 = "CALL_INTRINSIC_2",
    MakeFunction = "MAKE_FUNCTION",
    SetFunctionAttribute = "SET_FUNCTION_ATTRIBUTE",
    Copy = "COPY",
    Swap = "SWAP",
    JumpForward = "JUMP_FORWARD",
    JumpBackward = "JUMP_BACKWARD",
    JumpBackwardNoInterrupt = "JUMP_BACKWARD_NO_INTERRUPT",
    PopJumpIfFalse = "POP_JUMP_IF_FALSE",
    PopJumpIfTrue = "POP_JUMP_IF_TRUE",
    PopJumpIfNone = "POP_JUMP_IF_NONE",
    PopJumpIfNotNone = "POP_JUMP_IF_NOT_NONE",
    ForIter = "FOR_ITER",
    Send = "SEND",
    YieldValue = "YIELD_VALUE",
    RaiseVarargs = "RAISE_VARARGS",
    Reraise = "RERAISE",
    ImportName = "IMPORT_NAME",
    ImportFrom = "IMPORT_FROM",
    ConvertValue = "CONVERT_VALUE",
    // Instrumented twins (sys.monitoring rewrites instructions into these).
    InstrumentedLine = "INSTRUMENTED_LINE",
    InstrumentedInstruction = "INSTRUMENTED_INSTRUCTION",
    InstrumentedResume = "INSTRUMENTED_RESUME",
    InstrumentedReturnValue = "INSTRUMENTED_RETURN_VALUE",
    InstrumentedYieldValue = "INSTRUMENTED_YIELD_VALUE",
    InstrumentedCall = "INSTRUMENTED_CALL",
    InstrumentedCallKw = "INSTRUMENTED_CALL_KW",
    InstrumentedCallFunctionEx = "INSTRUMENTED_CALL_FUNCTION_EX",
    InstrumentedLoadSuperAttr = "INSTRUMENTED_LOAD_SUPER_ATTR",
    InstrumentedJumpForward = "INSTRUMENTED_JUMP_FORWARD",
    InstrumentedJumpBackward = "INSTRUMENTED_JUMP_BACKWARD",
    InstrumentedPopJumpIfFalse = "INSTRUMENTED_POP_JUMP_IF_FALSE",
    InstrumentedPopJumpIfTrue = "INSTRUMENTED_POP_JUMP_IF_TRUE",
    InstrumentedPopJumpIfNone = "INSTRUMENTED_POP_JUMP_IF_NONE",
    InstrumentedPopJumpIfNotNone = "INSTRUMENTED_POP_JUMP_IF_NOT_NONE",
    InstrumentedNotTaken = "INSTRUMENTED_NOT_TAKEN",
    InstrumentedForIter = "INSTRUMENTED_FOR_ITER",
    InstrumentedEndFor = "INSTRUMENTED_END_FOR",
    InstrumentedPopIter = "INSTRUMENTED_POP_ITER",
    InstrumentedEndSend = "INSTRUMENTED_END_SEND",
}

impl Op {
    /// Instructions whose argument is a jump target (an instruction index).
    pub fn is_jump(self) -> bool {
        matches!(self,
            Op::JumpForward | Op::JumpBackward | Op::JumpBackwardNoInterrupt
            | Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone
            | Op::ForIter | Op::Send
            | Op::InstrumentedJumpForward | Op::InstrumentedJumpBackward
            | Op::InstrumentedPopJumpIfFalse | Op::InstrumentedPopJumpIfTrue
            | Op::InstrumentedPopJumpIfNone | Op::InstrumentedPopJumpIfNotNone
            | Op::InstrumentedForIter)
    }

    pub fn is_conditional_jump(self) -> bool {
        matches!(self, Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone)
    }

    pub fn is_unconditional_jump(self) -> bool {
        matches!(self, Op::JumpForward | Op::JumpBackward | Op::JumpBackwardNoInterrupt)
    }

    /// Instructions after which control never falls through.
    pub fn is_scope_exit(self) -> bool {
        matches!(self, Op::ReturnValue | Op::RaiseVarargs | Op::Reraise)
    }

    pub fn has_arg(self) -> bool {
        (self as u8) >= (Op::Resume as u8) && !self.is_instrumented() || self.is_instrumented()
    }

    #[inline(always)]
    pub fn is_instrumented(self) -> bool {
        (self as u8) >= (Op::InstrumentedLine as u8)
    }
}

/// Argument of BINARY_OP (CPython's numbering, which `dis` shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOpArg {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
    Subscr = 26,
}

pub const BINARY_OP_SYMBOLS: [&str; 27] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]",
];

impl BinaryOpArg {
    pub fn from_u32(v: u32) -> Option<BinaryOpArg> {
        if v <= 26 {
            // SAFETY: repr(u8) with contiguous discriminants 0..=26.
            Some(unsafe { std::mem::transmute::<u8, BinaryOpArg>(v as u8) })
        } else {
            None
        }
    }

    /// The non-inplace operator (`+=` computes like `+` when there is no `__iadd__`).
    pub fn base(self) -> BinaryOpArg {
        let v = self as u8;
        if (13..=25).contains(&v) { BinaryOpArg::from_u32(v as u32 - 13).expect("base op") } else { self }
    }

    pub fn is_inplace(self) -> bool {
        (13..=25).contains(&(self as u8))
    }
}

/// COMPARE_OP argument: `op << 5 | (1 << 4 if the result is converted to bool)`, as CPython.
pub const CMP_LT: u32 = 0;
pub const CMP_LE: u32 = 1;
pub const CMP_EQ: u32 = 2;
pub const CMP_NE: u32 = 3;
pub const CMP_GT: u32 = 4;
pub const CMP_GE: u32 = 5;
pub const CMP_NAMES: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// CALL_INTRINSIC_1 functions.
pub const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
pub const INTRINSIC_UNARY_POSITIVE: u32 = 5;
pub const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
pub const INTRINSIC_IMPORT_STAR: u32 = 2;

/// LOAD_COMMON_CONSTANT arguments.
pub const CONSTANT_ASSERTIONERROR: u32 = 0;
pub const CONSTANT_NOTIMPLEMENTEDERROR: u32 = 1;
pub const CONSTANT_BUILTIN_TUPLE: u32 = 2;
pub const CONSTANT_BUILTIN_ALL: u32 = 3;
pub const CONSTANT_BUILTIN_ANY: u32 = 4;

/// LOAD_SPECIAL arguments.
pub const SPECIAL_ENTER: u32 = 0;
pub const SPECIAL_EXIT: u32 = 1;

/// MAKE_FUNCTION / SET_FUNCTION_ATTRIBUTE flags.
pub const FN_DEFAULTS: u32 = 0x01;
pub const FN_KWDEFAULTS: u32 = 0x02;
pub const FN_ANNOTATIONS: u32 = 0x04;
pub const FN_CLOSURE: u32 = 0x08;
pub const FN_ANNOTATE: u32 = 0x10;

/// CONVERT_VALUE arguments.
pub const CONV_STR: u32 = 1;
pub const CONV_REPR: u32 = 2;
pub const CONV_ASCII: u32 = 3;

/// RESUME argument: why the frame (re)starts.
pub const RESUME_AT_FUNC_START: u32 = 0;
pub const RESUME_AFTER_YIELD: u32 = 1;
pub const RESUME_AFTER_YIELD_FROM: u32 = 2;
/// Bits of RESUME's argument that give the location.
pub const RESUME_OPARG_LOCATION_MASK: u32 = 3;
/// Set on a RESUME after a yield whose only enclosing handler is the generator's own.
pub const RESUME_OPARG_DEPTH1_MASK: u32 = 4;

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct Instr {
    pub op: Op,
    /// Spare byte (used by instrumentation to remember details).
    pub aux: u8,
    /// Index of this instruction's inline cache entry, if it has one.
    pub cache: u16,
    pub arg: u32,
}

impl Instr {
    pub const fn new(op: Op, arg: u32) -> Instr {
        Instr { op, aux: 0, cache: 0, arg }
    }
}

/// A source location of one instruction (CPython's co_positions); line 0 = none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

/// One exception-table entry: instructions `[start, end)` jump to `target` with the
/// value stack cut to `depth` (plus the offset of the raising instruction if `lasti`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

bitflags::bitflags! {
    /// `co_flags`, with CPython's values.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct CodeFlags: u32 {
        const OPTIMIZED = 0x1;
        const NEWLOCALS = 0x2;
        const VARARGS = 0x4;
        const VARKEYWORDS = 0x8;
        const NESTED = 0x10;
        const GENERATOR = 0x20;
        const NOFREE = 0x40;
        const HAS_DOCSTRING = 0x4000000;
        const METHOD = 0x8000000;
    }
}

/// What a slot of `localsplus` holds.
pub const LOCALS_KIND_LOCAL: u8 = 0x20;
pub const LOCALS_KIND_CELL: u8 = 0x40;
pub const LOCALS_KIND_FREE: u8 = 0x80;
pub const LOCALS_KIND_ARG: u8 = 0x08;
