//! Event numbers, names and sets, with CPython 3.14's values.

/// Events 0..11 can be set per code object and are instrumented into the bytecode;
/// the rest fire from the exception machinery and C calls, for global tools only.
pub const PY_START: usize = 0;
pub const PY_RESUME: usize = 1;
pub const PY_RETURN: usize = 2;
pub const PY_YIELD: usize = 3;
pub const CALL: usize = 4;
pub const LINE: usize = 5;
pub const INSTRUCTION: usize = 6;
pub const JUMP: usize = 7;
pub const BRANCH_LEFT: usize = 8;
pub const BRANCH_RIGHT: usize = 9;
pub const STOP_ITERATION: usize = 10;
pub const RAISE: usize = 11;
pub const EXCEPTION_HANDLED: usize = 12;
pub const PY_UNWIND: usize = 13;
pub const PY_THROW: usize = 14;
pub const RERAISE: usize = 15;
pub const C_RETURN: usize = 16;
pub const C_RAISE: usize = 17;
/// The deprecated alias for BRANCH_LEFT | BRANCH_RIGHT (its own bit, never stored).
pub const BRANCH: usize = 18;

/// Events that may be set locally (and are instrumented into bytecode).
pub const LOCAL_EVENTS: usize = 11;
/// Events with their own bit in a global event set (C_RETURN/C_RAISE ride on CALL).
pub const UNGROUPED_EVENTS: usize = 16;
/// Events a callback can be registered for.
pub const EVENTS: usize = 19;

/// Tool ids a program may use (6 and 7 are sys.profile and sys.settrace).
pub const TOOL_IDS: usize = 6;
pub const TOOL_SLOTS: usize = 8;

pub const NAMES: [&str; EVENTS] = [
    "PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE", "INSTRUCTION", "JUMP",
    "BRANCH_LEFT", "BRANCH_RIGHT", "STOP_ITERATION", "RAISE", "EXCEPTION_HANDLED", "PY_UNWIND",
    "PY_THROW", "RERAISE", "C_RETURN", "C_RAISE", "BRANCH",
];

bitflags::bitflags! {
    /// A set of events (`sys.monitoring.events` values).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct EventSet: u32 {
        const PY_START = 1 << PY_START;
        const PY_RESUME = 1 << PY_RESUME;
        const PY_RETURN = 1 << PY_RETURN;
        const PY_YIELD = 1 << PY_YIELD;
        const CALL = 1 << CALL;
        const LINE = 1 << LINE;
        const INSTRUCTION = 1 << INSTRUCTION;
        const JUMP = 1 << JUMP;
        const BRANCH_LEFT = 1 << BRANCH_LEFT;
        const BRANCH_RIGHT = 1 << BRANCH_RIGHT;
        const STOP_ITERATION = 1 << STOP_ITERATION;
        const RAISE = 1 << RAISE;
        const EXCEPTION_HANDLED = 1 << EXCEPTION_HANDLED;
        const PY_UNWIND = 1 << PY_UNWIND;
        const PY_THROW = 1 << PY_THROW;
        const RERAISE = 1 << RERAISE;
        const C_RETURN = 1 << C_RETURN;
        const C_RAISE = 1 << C_RAISE;
        const BRANCH = 1 << BRANCH;
    }
}
