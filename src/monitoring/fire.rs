//! Calling the callbacks: one path for every event (CPython's
//! `call_instrumentation_vector`), plus LINE and INSTRUCTION, which carry their own
//! per-location tools, and the exception events, which protect the exception in flight.

use super::events::*;
use super::{Callback, EventInfo};
use crate::bytecode::Op;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::CodeObj;
use crate::value::Value;
use crate::vm::Vm;

fn code_obj(code: &Value) -> &CodeObj {
    code.downcast::<CodeObj>().expect("code object")
}

/// Byte offset of instruction `i`, as a Python int.
pub fn offset_value(i: usize) -> Value {
    Value::int(2 * i as i64)
}

/// The tools `event` calls at instruction `i`: per location for instrumented events
/// (C_RETURN/C_RAISE use their CALL's), the global set for the others.
#[inline]
fn tools_for(vm: &Vm, code: &CodeObj, i: usize, event: usize) -> u8 {
    let ev = if event == C_RETURN || event == C_RAISE { CALL } else { event };
    if ev < LOCAL_EVENTS {
        match code.runtime.monitoring.borrow().as_ref() {
            Some(d) => d.tools_at(i, ev),
            None => 0,
        }
    } else {
        vm.monitoring.global[ev]
    }
}

/// Whether any tool could receive a global-only event (RAISE, PY_UNWIND, ...).
#[inline]
pub fn has_global(vm: &Vm, event: usize) -> bool {
    vm.monitoring.global[event] != 0
}

/// One event as the callbacks receive it: Python callbacks get `(code, *py_args)`,
/// native ones `native` (built once per event, not once per tool).
pub(crate) struct Report<'a> {
    pub py_args: &'a [Value],
    pub native: EventInfo<'a>,
}

impl<'a> Report<'a> {
    /// An event at instruction `i` whose Python arguments after the code are
    /// `py_args` (an offset first, except for LINE).
    #[inline]
    fn at(event: usize, code: &'a Value, i: usize, py_args: &'a [Value]) -> Report<'a> {
        let (offset, args) = if event == LINE || py_args.is_empty() {
            (2 * i as u32, py_args)
        } else {
            (py_args[0].as_small_int().unwrap_or(0) as u32, &py_args[1..])
        };
        Report { py_args, native: EventInfo { event, code, offset, args } }
    }

    pub fn event(&self) -> usize {
        self.native.event
    }
}

/// Calls the callbacks of `tools` (highest tool id first, as CPython) for one event;
/// `on_disable` handles each DISABLE. Nothing runs while a callback is running.
#[inline]
pub(crate) fn call_tools(
    vm: &mut Vm,
    tools: u8,
    r: &Report<'_>,
    mut on_disable: impl FnMut(&mut Vm, usize) -> PyResult<()>,
) -> PyResult<()> {
    if vm.monitoring.tracing > 0 {
        return Ok(());
    }
    let mut tools = tools;
    while tools != 0 {
        let tool = 7 - tools.leading_zeros() as usize;
        tools &= !(1 << tool);
        let Some(cb) = vm.monitoring.callbacks[tool][r.event()].clone() else { continue };
        vm.monitoring.tracing += 1;
        let disabled = invoke(vm, &cb, r);
        vm.monitoring.tracing -= 1;
        if disabled? {
            on_disable(vm, tool)?;
        }
    }
    Ok(())
}

/// The DISABLE handling of events that cannot be disabled: the callback is removed
/// and the event site raises.
pub(crate) fn cannot_disable(vm: &mut Vm, tool: usize, event: usize) -> PyResult<()> {
    vm.monitoring.callbacks[tool][event] = None;
    Err(PyErr::new(ExcKind::ValueError, format!("Cannot disable {} events. Callback removed.", NAMES[event])))
}

/// Calls one callback; `Ok(true)` means it returned DISABLE.
#[inline]
fn invoke(vm: &mut Vm, cb: &Callback, r: &Report<'_>) -> PyResult<bool> {
    let call_python = |vm: &mut Vm, f: &Value| -> PyResult<bool> {
        let mut args = Vec::with_capacity(r.py_args.len() + 1);
        args.push(r.native.code.clone());
        args.extend_from_slice(r.py_args);
        let res = vm.call(f, &args)?;
        Ok(res.is_same(&vm.monitoring.disable))
    };
    match cb {
        Callback::Python(f) => call_python(vm, f),
        // `cb` is the caller's own reference, so the closure outlives the call even
        // if it replaces itself.
        Callback::Native(f) => f(vm, &r.native),
        Callback::LegacyBranch { handler, .. } => {
            // CPython's legacy BRANCH wrapper: a source instruction that is no longer
            // instrumented means "already disabled". Its attempt to disable the other
            // direction only applies to uninstrumented sources, so never here.
            if let Some(c) = r.native.code.downcast::<CodeObj>() {
                let src = r.py_args.first().and_then(|v| v.as_small_int()).unwrap_or(0) as usize / 2;
                if !c.instrs.get(src).is_some_and(|ins| ins.get().op.is_instrumented()) {
                    return Ok(true);
                }
            }
            call_python(vm, handler)
        }
    }
}

/// Fires `event` at instruction `i` of `code` for the tools that have it there.
/// `py_args` are the callback's arguments after the code object.
#[inline]
pub fn fire(vm: &mut Vm, code: &Value, i: usize, event: usize, py_args: &[Value]) -> PyResult<()> {
    if vm.monitoring.tracing > 0 {
        return Ok(());
    }
    let tools = tools_for(vm, code_obj(code), i, event);
    call_tools(vm, tools, &Report::at(event, code, i, py_args), |vm, tool| {
        if event < LOCAL_EVENTS {
            let c = code_obj(code);
            super::instrument::with_data(c, |d| d.remove_tools(c, i, event, 1 << tool));
            Ok(())
        } else {
            cannot_disable(vm, tool, event)
        }
    })
}

/// An event with an instruction offset as its first argument.
pub fn fire_at(vm: &mut Vm, code: &Value, i: usize, event: usize, rest: &[Value]) -> PyResult<()> {
    // Every event has at most [offset, callable, arg0]: no allocation per event.
    let offset = offset_value(i);
    match rest {
        [] => fire(vm, code, i, event, &[offset]),
        [a] => fire(vm, code, i, event, &[offset, a.clone()]),
        [a, b] => fire(vm, code, i, event, &[offset, a.clone(), b.clone()]),
        _ => fire(vm, code, i, event, &[std::slice::from_ref(&offset), rest].concat()),
    }
}

/// A jump or branch from `src` to `dest`, reported by instruction `i`.
pub fn fire_jump(vm: &mut Vm, code: &Value, i: usize, event: usize, src: usize, dest: usize) -> PyResult<()> {
    fire(vm, code, i, event, &[offset_value(src), offset_value(dest)])
}

/// An exception event (RAISE, RERAISE, EXCEPTION_HANDLED, PY_UNWIND, PY_THROW) with
/// `exc` in flight: an error from a callback replaces it.
pub fn fire_exc(vm: &mut Vm, code: &Value, i: usize, event: usize, exc: &Value) -> PyResult<()> {
    if !has_global(vm, event) || vm.monitoring.tracing > 0 {
        return Ok(());
    }
    fire_at(vm, code, i, event, std::slice::from_ref(exc))
}

/// INSTRUMENTED_LINE at `i`, the previous instruction run being `prev`. Returns the
/// opcode to run next (what the LINE layer covers).
pub fn fire_line(vm: &mut Vm, code: &Value, i: usize, prev: usize) -> PyResult<Op> {
    let c = code_obj(code);
    let layer_op = |c: &CodeObj| c.runtime.monitoring.borrow().as_ref().expect("line data").instruction_layer_op(i);
    if vm.monitoring.tracing > 0 {
        return Ok(layer_op(c));
    }
    let (line, tools) = {
        let slot = c.runtime.monitoring.borrow();
        let d = slot.as_ref().expect("line data");
        let line = d.line(i);
        let prev_op = c.instrs.get(prev).map(|x| x.get().op);
        let same_line = d.line(prev) == line && !matches!(prev_op, Some(Op::Resume | Op::InstrumentedResume));
        (line, if same_line { 0 } else { d.line_tools_at(i, vm.monitoring.global[LINE]) })
    };
    let args = [Value::int(line as i64)];
    call_tools(vm, tools, &Report::at(LINE, code, i, &args), |_, tool| {
        super::instrument::with_data(c, |d| d.remove_line_tools(c, i, 1 << tool));
        Ok(())
    })?;
    Ok(layer_op(c))
}

/// INSTRUMENTED_INSTRUCTION at `i`: returns the opcode to run next.
pub fn fire_instruction(vm: &mut Vm, code: &Value, i: usize) -> PyResult<Op> {
    let c = code_obj(code);
    let (next, tools) = {
        let slot = c.runtime.monitoring.borrow();
        let d = slot.as_ref().expect("instruction data");
        (d.event_layer_op(i), d.instruction_tools_at(i, vm.monitoring.global[INSTRUCTION]))
    };
    if vm.monitoring.tracing > 0 {
        return Ok(next);
    }
    let args = [offset_value(i)];
    call_tools(vm, tools, &Report::at(INSTRUCTION, code, i, &args), |_, tool| {
        super::instrument::with_data(c, |d| d.remove_instruction_tools(c, i, 1 << tool));
        Ok(())
    })?;
    Ok(next)
}
