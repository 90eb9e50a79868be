//! sys.monitoring (PEP 669), as CPython 3.14 implements it.
//!
//! One mechanism serves every event, as in CPython's `Python/instrumentation.c`:
//! - [`Monitoring`] (this file) is the VM-wide state: tool names, the global event
//!   sets, callbacks, and the versions that say when code must be re-instrumented.
//! - [`instrument`] keeps each code object's instrumentation: which (event, offset)
//!   pairs are live for which tools, realised by rewriting instructions in place into
//!   their `INSTRUMENTED_*` twins. [`instrument::live_events`] exports that as one
//!   versioned value for the JIT.
//! - [`fire`] calls the callbacks when an instrumented instruction or the exception
//!   machinery reports an event, and applies DISABLE.
//! - [`api`] is the Rust API on [`Vm`](crate::Vm); `builtins/modules/monitoring.rs` is
//!   the `sys.monitoring` namespace; [`capi`] mirrors CPython's C API for native code
//!   that emulates Python code.

pub mod api;
pub mod capi;
pub mod counting_tool;
pub mod events;
pub mod fire;
pub mod instrument;

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;
use events::*;
use std::rc::Rc;

/// What a native callback is told about an event.
pub struct EventInfo<'a> {
    /// The event number (see [`events`]).
    pub event: usize,
    /// The code object the event happened in.
    pub code: &'a Value,
    /// Byte offset of the instruction (CPython's convention: 2 per instruction).
    pub offset: u32,
    /// The event's remaining arguments, as a Python callback receives them after
    /// `(code, offset)`: `[line]` for LINE (whose Python callback gets no offset),
    /// `[destination]` for jumps and branches, `[callable, arg0]` for calls,
    /// `[value]` for returns, yields and exceptions, `[]` for starts and resumes.
    pub args: &'a [Value],
}

/// A native callback: returns `Ok(true)` to DISABLE the event at this location.
pub type NativeCallback = dyn Fn(&mut Vm, &EventInfo<'_>) -> PyResult<bool>;

/// A registered callback.
#[derive(Clone)]
pub enum Callback {
    Python(Value),
    Native(Rc<NativeCallback>),
    /// What `register_callback(tool, BRANCH, f)` installs for each branch event:
    /// CPython's legacy wrapper, which also disables the other direction.
    LegacyBranch { handler: Value, right: bool, tool: u8 },
}

/// The VM-wide monitoring state (CPython's `interp->monitors` and friends).
pub struct Monitoring {
    /// Each tool's name; NULL when the id is free.
    pub(crate) tool_names: [Value; TOOL_SLOTS],
    /// For each event, the tools that have it set globally (a bit per tool).
    pub(crate) global: [u8; UNGROUPED_EVENTS],
    pub(crate) callbacks: [[Option<Callback>; EVENTS]; TOOL_SLOTS],
    /// Bumped by every change that may change some code's instrumentation; a code
    /// object whose `instrumentation_version` differs is brought up to date when it
    /// next runs (or at once, if it is on the stack).
    pub(crate) version: u64,
    /// Bumped per tool by `clear_tool_id`, invalidating that tool's local events.
    pub(crate) tool_versions: [u64; TOOL_SLOTS],
    /// The version `restart_events` took: code instrumented before it re-enables
    /// everything DISABLE turned off.
    pub(crate) last_restart_version: u64,
    /// Non-zero while a callback runs: callbacks do not generate events.
    pub(crate) tracing: u32,
    /// `sys.monitoring.DISABLE` and `MISSING` (plain objects, compared by identity).
    pub(crate) disable: Value,
    pub(crate) missing: Value,
}

impl Default for Monitoring {
    fn default() -> Monitoring {
        Monitoring {
            tool_names: std::array::from_fn(|_| Value::NULL),
            global: [0; UNGROUPED_EVENTS],
            callbacks: std::array::from_fn(|_| std::array::from_fn(|_| None)),
            version: 0,
            tool_versions: [0; TOOL_SLOTS],
            last_restart_version: 0,
            tracing: 0,
            disable: Value::NULL,
            missing: Value::NULL,
        }
    }
}

impl Monitoring {
    pub(crate) fn tool_in_use(&self, tool: usize) -> bool {
        !self.tool_names[tool].is_null()
    }

    /// A tool's global event set.
    pub(crate) fn events_of(&self, tool: usize) -> EventSet {
        let mut bits = 0u32;
        for (e, &t) in self.global.iter().enumerate() {
            if t & (1 << tool) != 0 {
                bits |= 1 << e;
            }
        }
        EventSet::from_bits_retain(bits)
    }
}
