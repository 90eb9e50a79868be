//! The equivalent of CPython's C monitoring API (`PyMonitoring_EnterScope`,
//! `PyMonitoring_Fire*Event`), for native code that emulates Python code and wants
//! tools to see it: a [`MonitoringState`] per event type, a scope whose version makes
//! re-entry cheap when nothing changed, and one fire function per event.
//!
//! ```
//! use monjit::monitoring::{capi, events, events::EventSet};
//! let mut vm = monjit::Vm::new();
//! vm.use_tool_id(2, "profiler").unwrap();
//! let starts = std::rc::Rc::new(std::cell::Cell::new(0));
//! let n = starts.clone();
//! vm.register_native_callback(2, events::PY_START, move |_, ev| {
//!     assert_eq!(ev.offset, 6);
//!     n.set(n.get() + 1);
//!     Ok(false)
//! })
//! .unwrap();
//! vm.set_events(2, EventSet::PY_START).unwrap();
//!
//! // A native "function" that reports its own start.
//! let mut state = [capi::MonitoringState::default()];
//! let mut version = 0u64;
//! let codelike = vm.new_str("my_native_function");
//! for _ in 0..3 {
//!     capi::enter_scope(&vm, &mut state, &mut version, &[events::PY_START]);
//!     if state[0].active() {
//!         capi::fire_py_start(&mut vm, &mut state[0], &codelike, 6).unwrap();
//!     }
//!     capi::exit_scope(&vm);
//! }
//! assert_eq!(starts.get(), 3);
//! ```

use super::events::*;
use super::fire::{call_tools, cannot_disable, Report};
use super::EventInfo;
use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// One event type's state within a scope: the tools that have it active.
#[derive(Clone, Copy, Debug, Default)]
pub struct MonitoringState {
    active: u8,
}

impl MonitoringState {
    /// Whether firing this event would call anything.
    #[inline]
    pub fn active(&self) -> bool {
        self.active != 0
    }
}

/// `PyMonitoring_EnterScope`: refreshes `states` (one per entry of `event_types`)
/// unless `version` shows nothing changed since the last call.
pub fn enter_scope(vm: &Vm, states: &mut [MonitoringState], version: &mut u64, event_types: &[usize]) {
    if *version == vm.monitoring.version {
        return;
    }
    for (s, &ev) in states.iter_mut().zip(event_types) {
        let ev = if ev == C_RETURN || ev == C_RAISE { CALL } else { ev };
        s.active = vm.monitoring.global.get(ev).copied().unwrap_or(0);
    }
    *version = vm.monitoring.version;
}

/// `PyMonitoring_ExitScope`.
pub fn exit_scope(_vm: &Vm) {}

/// Calls each active tool's callback for `event` with `(codelike, offset, *args)`.
/// DISABLE turns the event off in `state` (local events) or is an error.
fn fire(vm: &mut Vm, state: &mut MonitoringState, event: usize, codelike: &Value, offset: i32, args: &[Value]) -> PyResult<()> {
    let mut py_args = vec![Value::int(offset as i64)];
    py_args.extend_from_slice(args);
    let report = Report { py_args: &py_args, native: EventInfo { event, code: codelike, offset: offset as u32, args } };
    call_tools(vm, state.active, &report, |vm, tool| {
        if event < LOCAL_EVENTS {
            state.active &= !(1 << tool);
            Ok(())
        } else {
            cannot_disable(vm, tool, event)
        }
    })
}

macro_rules! fire_fns {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),*) => $event:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(vm: &mut Vm, state: &mut MonitoringState, codelike: &Value, offset: i32 $(, $arg: &Value)*) -> PyResult<()> {
                fire(vm, state, $event, codelike, offset, &[$($arg.clone()),*])
            }
        )*
    };
}

fire_fns! {
    /// `PyMonitoring_FirePyStartEvent`.
    fire_py_start() => PY_START;
    /// `PyMonitoring_FirePyResumeEvent`.
    fire_py_resume() => PY_RESUME;
    /// `PyMonitoring_FirePyReturnEvent`.
    fire_py_return(retval) => PY_RETURN;
    /// `PyMonitoring_FirePyYieldEvent`.
    fire_py_yield(retval) => PY_YIELD;
    /// `PyMonitoring_FireCallEvent`.
    fire_call(callable, arg0) => CALL;
    /// `PyMonitoring_FireJumpEvent`.
    fire_jump(target_offset) => JUMP;
    /// `PyMonitoring_FireBranchLeftEvent`.
    fire_branch_left(target_offset) => BRANCH_LEFT;
    /// `PyMonitoring_FireBranchRightEvent`.
    fire_branch_right(target_offset) => BRANCH_RIGHT;
    /// `PyMonitoring_FireCReturnEvent`.
    fire_c_return(retval) => C_RETURN;
    /// `PyMonitoring_FirePyThrowEvent`.
    fire_py_throw(exc) => PY_THROW;
    /// `PyMonitoring_FireRaiseEvent`.
    fire_raise(exc) => RAISE;
    /// `PyMonitoring_FireReraiseEvent`.
    fire_reraise(exc) => RERAISE;
    /// `PyMonitoring_FireExceptionHandledEvent`.
    fire_exception_handled(exc) => EXCEPTION_HANDLED;
    /// `PyMonitoring_FireCRaiseEvent`.
    fire_c_raise(exc) => C_RAISE;
    /// `PyMonitoring_FirePyUnwindEvent`.
    fire_py_unwind(exc) => PY_UNWIND;
}

/// `PyMonitoring_FireLineEvent`: callbacks get `(codelike, lineno)`.
pub fn fire_line(vm: &mut Vm, state: &mut MonitoringState, codelike: &Value, offset: i32, lineno: i32) -> PyResult<()> {
    let line = [Value::int(lineno as i64)];
    let report = Report { py_args: &line, native: EventInfo { event: LINE, code: codelike, offset: offset as u32, args: &line } };
    call_tools(vm, state.active, &report, |_, tool| {
        state.active &= !(1 << tool);
        Ok(())
    })
}

/// `PyMonitoring_FireStopIterationEvent`: the callbacks see `StopIteration(value)`.
pub fn fire_stop_iteration(vm: &mut Vm, state: &mut MonitoringState, codelike: &Value, offset: i32, value: &Value) -> PyResult<()> {
    let exc = crate::runtime::exceptions::stop_iteration_object(vm, value.clone());
    fire(vm, state, STOP_ITERATION, codelike, offset, &[exc])
}
