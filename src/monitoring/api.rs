//! The monitoring operations, on a [`Vm`]: what `sys.monitoring` calls, and the Rust
//! API for embedders (with Rust closures as callbacks).
//!
//! ```
//! use monjit::monitoring::events::{self, EventSet};
//! use std::{cell::RefCell, rc::Rc};
//!
//! let mut vm = monjit::Vm::new();
//! vm.use_tool_id(1, "coverage").unwrap();
//! let lines = Rc::new(RefCell::new(Vec::new()));
//! let seen = lines.clone();
//! vm.register_native_callback(1, events::LINE, move |_vm, ev| {
//!     seen.borrow_mut().push(ev.args[0].as_small_int().unwrap());
//!     Ok(true) // DISABLE: each line is reported once
//! })
//! .unwrap();
//! vm.set_events(1, EventSet::LINE).unwrap();
//! vm.exec("x = 0\nfor i in range(3):\n    x += i\n").unwrap();
//! vm.set_events(1, EventSet::empty()).unwrap();
//! // As in CPython: line 2 again where the loop exits (another location).
//! assert_eq!(*lines.borrow(), vec![1, 2, 3, 2]);
//! ```

use super::events::*;
use super::{Callback, EventInfo};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::CodeObj;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

fn value_error(msg: String) -> PyErr {
    PyErr::new(ExcKind::ValueError, msg)
}

/// A build without the `monitoring` feature has no hooks in the interpreter, so
/// asking for events there is an error rather than a silent no-op.
fn check_compiled_in(set: u32) -> PyResult<()> {
    if cfg!(feature = "monitoring") || set == 0 {
        return Ok(());
    }
    Err(PyErr::new(
        ExcKind::NotImplementedError,
        "sys.monitoring events are compiled out of this build (cargo feature `monitoring`)".to_string(),
    ))
}

/// `check_valid_tool`.
pub fn check_valid_tool(tool: i64) -> PyResult<usize> {
    if !(0..TOOL_IDS as i64).contains(&tool) {
        return Err(value_error(format!("invalid tool {tool} (must be between 0 and 5)")));
    }
    Ok(tool as usize)
}

fn check_in_use(vm: &Vm, tool: usize) -> PyResult<()> {
    if !vm.monitoring.tool_in_use(tool) {
        return Err(value_error(format!("tool {tool} is not in use")));
    }
    Ok(())
}

const C_RETURN_EVENTS: u32 = (1 << C_RETURN) | (1 << C_RAISE);
const C_CALL_EVENTS: u32 = C_RETURN_EVENTS | (1 << CALL);

/// The C_RETURN/C_RAISE rule and the BRANCH alias, shared by both setters.
fn normalize(set: u32) -> PyResult<u32> {
    let mut set = set;
    if set & C_RETURN_EVENTS != 0 && set & C_CALL_EVENTS != C_CALL_EVENTS {
        return Err(value_error("cannot set C_RETURN or C_RAISE events independently".into()));
    }
    set &= !C_RETURN_EVENTS;
    if set & (1 << BRANCH) != 0 {
        set &= !(1 << BRANCH);
        set |= (1 << BRANCH_LEFT) | (1 << BRANCH_RIGHT);
    }
    Ok(set)
}

/// A code object's code, or CPython's TypeError.
fn as_code(code: &Value) -> PyResult<&CodeObj> {
    code.downcast::<CodeObj>().ok_or_else(|| crate::error::type_error("code must be a code object"))
}

impl Vm {
    /// `sys.monitoring.use_tool_id`.
    pub fn use_tool_id(&mut self, tool: i64, name: &str) -> PyResult<()> {
        let n = self.new_str(name);
        use_tool_id_value(self, tool, n)
    }

    /// `sys.monitoring.get_tool`: the tool's name, if the id is in use.
    pub fn get_tool(&self, tool: i64) -> PyResult<Option<Value>> {
        let tool = check_valid_tool(tool)?;
        let n = &self.monitoring.tool_names[tool];
        Ok((!n.is_null()).then(|| n.clone()))
    }

    /// `sys.monitoring.clear_tool_id`: removes the tool's events and callbacks.
    pub fn clear_tool_id(&mut self, tool: i64) -> PyResult<()> {
        let tool = check_valid_tool(tool)?;
        if self.monitoring.tool_in_use(tool) {
            clear_tool(self, tool)?;
        }
        Ok(())
    }

    /// `sys.monitoring.free_tool_id`.
    pub fn free_tool_id(&mut self, tool: i64) -> PyResult<()> {
        let tool = check_valid_tool(tool)?;
        if self.monitoring.tool_in_use(tool) {
            clear_tool(self, tool)?;
        }
        self.monitoring.tool_names[tool] = Value::NULL;
        Ok(())
    }

    /// `sys.monitoring.get_events`.
    pub fn get_events(&self, tool: i64) -> PyResult<EventSet> {
        let tool = check_valid_tool(tool)?;
        Ok(self.monitoring.events_of(tool))
    }

    /// `sys.monitoring.set_events`.
    pub fn set_events(&mut self, tool: i64, events: EventSet) -> PyResult<()> {
        set_events_raw(self, tool, events.bits() as i64)
    }

    /// `sys.monitoring.get_local_events`.
    pub fn get_local_events(&self, tool: i64, code: &Value) -> PyResult<EventSet> {
        let c = as_code(code)?;
        let tool = check_valid_tool(tool)?;
        let slot = c.runtime.monitoring.borrow();
        let mut bits = 0u32;
        if let Some(d) = slot.as_ref() {
            for (e, &t) in d.local.iter().enumerate() {
                if t & (1 << tool) != 0 {
                    bits |= 1 << e;
                }
            }
        }
        Ok(EventSet::from_bits_retain(bits))
    }

    /// `sys.monitoring.set_local_events`: events for one code object only.
    pub fn set_local_events(&mut self, tool: i64, code: &Value, events: EventSet) -> PyResult<()> {
        set_local_events_raw(self, tool, code, events.bits() as i64)
    }

    /// `sys.monitoring.register_callback` with a Python callable (or None to remove);
    /// returns the previous Python callback.
    pub fn register_callback(&mut self, tool: i64, event: EventSet, func: Option<Value>) -> PyResult<Option<Value>> {
        let tool = check_valid_tool(tool)?;
        let ev = event_id(event.bits() as i64)?;
        Ok(register(self, tool, ev, func.map(Callback::Python)))
    }

    /// Registers a Rust closure as the callback for `event` (an event number from
    /// [`events`](super::events)). Return `Ok(true)` from it to DISABLE the event at
    /// that location (local events only; for others it is an error, as in CPython).
    pub fn register_native_callback(
        &mut self,
        tool: i64,
        event: usize,
        f: impl Fn(&mut Vm, &EventInfo<'_>) -> PyResult<bool> + 'static,
    ) -> PyResult<()> {
        let tool = check_valid_tool(tool)?;
        if event >= EVENTS {
            return Err(value_error(format!("invalid event {event}")));
        }
        let cb = Callback::Native(Rc::new(f));
        if event == BRANCH {
            self.monitoring.callbacks[tool][BRANCH_LEFT] = Some(cb.clone());
            self.monitoring.callbacks[tool][BRANCH_RIGHT] = Some(cb);
        } else {
            self.monitoring.callbacks[tool][event] = Some(cb);
        }
        Ok(())
    }

    /// `sys.monitoring.restart_events`: re-enables everything DISABLE turned off.
    pub fn restart_events(&mut self) {
        let m = &mut self.monitoring;
        m.last_restart_version = m.version + 1;
        m.version += 2;
        super::instrument::instrument_running(self);
    }

    /// Which events are live where in `code` (see [`super::instrument::LiveEvents`]).
    pub fn live_events(&self, code: &Value) -> PyResult<super::instrument::LiveEvents> {
        Ok(super::instrument::live_events(&self.monitoring, as_code(code)?))
    }
}

pub fn use_tool_id_value(vm: &mut Vm, tool: i64, name: Value) -> PyResult<()> {
    let tool = check_valid_tool(tool)?;
    if name.as_str().is_none() {
        return Err(value_error("tool name must be a str".into()));
    }
    if vm.monitoring.tool_in_use(tool) {
        return Err(value_error(format!("tool {tool} is already in use")));
    }
    vm.monitoring.tool_names[tool] = name;
    Ok(())
}

/// The event number of a one-event set, with CPython's errors.
pub fn event_id(event: i64) -> PyResult<usize> {
    if (event as u32).count_ones() != 1 || event < 0 {
        return Err(value_error("The callback can only be set for one event at a time".into()));
    }
    let id = event.trailing_zeros() as usize;
    if id >= EVENTS {
        return Err(value_error(format!("invalid event {event}")));
    }
    Ok(id)
}

/// `_PyMonitoring_RegisterCallback`: installs `cb` and returns the previous Python
/// callable (for BRANCH, the previous BRANCH_LEFT one).
pub fn register(vm: &mut Vm, tool: usize, event: usize, cb: Option<Callback>) -> Option<Value> {
    let cbs = &mut vm.monitoring.callbacks[tool];
    let old = if event == BRANCH {
        let wrap = |right| match &cb {
            Some(Callback::Python(f)) => Some(Callback::LegacyBranch { handler: f.clone(), right, tool: tool as u8 }),
            other => other.clone(),
        };
        cbs[BRANCH_RIGHT] = wrap(true);
        std::mem::replace(&mut cbs[BRANCH_LEFT], wrap(false))
    } else {
        std::mem::replace(&mut cbs[event], cb)
    };
    match old {
        Some(Callback::Python(f)) | Some(Callback::LegacyBranch { handler: f, .. }) => Some(f),
        _ => None,
    }
}

/// `set_events` with the raw integer (validated as CPython does).
pub fn set_events_raw(vm: &mut Vm, tool: i64, set: i64) -> PyResult<()> {
    let tool = check_valid_tool(tool)?;
    if !(0..(1 << EVENTS)).contains(&set) {
        return Err(value_error(format!("invalid event set 0x{:x}", set as u32)));
    }
    let set = normalize(set as u32)?;
    check_compiled_in(set)?;
    set_global_events(vm, tool, set)
}

/// `_PyMonitoring_SetEvents`.
fn set_global_events(vm: &mut Vm, tool: usize, set: u32) -> PyResult<()> {
    check_in_use(vm, tool)?;
    if vm.monitoring.events_of(tool).bits() == set {
        return Ok(());
    }
    for (e, tools) in vm.monitoring.global.iter_mut().enumerate() {
        *tools &= !(1 << tool);
        *tools |= (((set >> e) & 1) as u8) << tool;
    }
    vm.monitoring.version += 1;
    super::instrument::instrument_running(vm);
    Ok(())
}

/// `set_local_events` with the raw integer.
pub fn set_local_events_raw(vm: &mut Vm, tool: i64, code: &Value, set: i64) -> PyResult<()> {
    let c = as_code(code)?;
    let tool = check_valid_tool(tool)?;
    let set = normalize(set as u32)?;
    if set >= (1 << LOCAL_EVENTS) {
        return Err(value_error(format!("invalid local event set 0x{set:x}")));
    }
    check_compiled_in(set)?;
    check_in_use(vm, tool)?;
    let tool_version = vm.monitoring.tool_versions[tool];
    let changed = super::instrument::with_data(c, |d| {
        d.tool_versions[tool] = tool_version;
        let mut existing = 0u32;
        for (e, &t) in d.local.iter().enumerate() {
            existing |= (((t >> tool) & 1) as u32) << e;
        }
        if existing == set {
            return false;
        }
        for (e, t) in d.local.iter_mut().enumerate() {
            *t &= !(1 << tool);
            *t |= (((set >> e) & 1) as u8) << tool;
        }
        true
    });
    if changed {
        // Only `c` changes: its live version moves, which is what compiled code of
        // `c` (a frame running it, or its next call) watches; nothing else is touched.
        super::instrument::force_instrument(&vm.monitoring, c);
    }
    Ok(())
}

/// `_PyMonitoring_ClearToolId`.
fn clear_tool(vm: &mut Vm, tool: usize) -> PyResult<()> {
    for e in 0..EVENTS {
        register(vm, tool, e, None);
    }
    set_global_events(vm, tool, 0)?;
    let m = &mut vm.monitoring;
    m.version += 1;
    m.tool_versions[tool] = m.version;
    super::instrument::instrument_running(vm);
    Ok(())
}
