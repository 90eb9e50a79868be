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

/// Calls one tool's callback; `Ok(true)` means it returned DISABLE.
fn call_one(vm: &mut Vm, tool: usize, event: usize, code: &Value, i: usize, py_args: &[Value]) -> PyResult<bool> {
    let Some(cb) = vm.monitoring.callbacks[tool][event].clone() else { return Ok(false) };
    vm.monitoring.tracing += 1;
    let r = invoke(vm, &cb, event, code, i, py_args);
    vm.monitoring.tracing -= 1;
    r
}

fn invoke(vm: &mut Vm, cb: &Callback, event: usize, code: &Value, i: usize, py_args: &[Value]) -> PyResult<bool> {
    match cb {
        Callback::Python(f) => {
            let mut args = Vec::with_capacity(py_args.len() + 1);
            args.push(code.clone());
            args.extend_from_slice(py_args);
            let r = vm.call(f, &args)?;
            Ok(r.is_same(&vm.monitoring.disable))
        }
        Callback::Native(f) => {
            let (offset, args) = if event == LINE || py_args.is_empty() {
                (2 * i as u32, py_args)
            } else {
                (py_args[0].as_small_int().unwrap_or(0) as u32, &py_args[1..])
            };
            let f = f.clone();
            f(vm, &EventInfo { event, code, offset, args })
        }
        Callback::LegacyBranch { handler, .. } => {
            // CPython's legacy BRANCH wrapper: a source instruction that is no longer
            // instrumented means "already disabled". Its attempt to disable the other
            // direction only applies to uninstrumented sources, so never here.
            let src = py_args.first().and_then(|v| v.as_small_int()).unwrap_or(0) as usize / 2;
            let raw = code_obj(code).instrs.get(src).map(|c| c.get().op);
            if !raw.is_some_and(|op| op.is_instrumented()) {
                return Ok(true);
            }
            let handler = handler.clone();
            let mut args = Vec::with_capacity(py_args.len() + 1);
            args.push(code.clone());
            args.extend_from_slice(py_args);
            let r = vm.call(&handler, &args)?;
            Ok(r.is_same(&vm.monitoring.disable))
        }
    }
}

/// Fires `event` at instruction `i` of `code` for the tools that have it there.
/// `py_args` are the callback's arguments after the code object.
pub fn fire(vm: &mut Vm, code: &Value, i: usize, event: usize, py_args: &[Value]) -> PyResult<()> {
    if vm.monitoring.tracing > 0 {
        return Ok(());
    }
    let mut tools = tools_for(vm, code_obj(code), i, event);
    while tools != 0 {
        let tool = 7 - tools.leading_zeros() as usize;
        tools &= !(1 << tool);
        if call_one(vm, tool, event, code, i, py_args)? {
            if event < LOCAL_EVENTS {
                let c = code_obj(code);
                super::instrument::with_data(c, |d| d.remove_tools(c, i, event, 1 << tool));
            } else {
                vm.monitoring.callbacks[tool][event] = None;
                return Err(PyErr::new(
                    ExcKind::ValueError,
                    format!("Cannot disable {} events. Callback removed.", NAMES[event]),
                ));
            }
        }
    }
    Ok(())
}

/// An event with an instruction offset as its first argument.
pub fn fire_at(vm: &mut Vm, code: &Value, i: usize, event: usize, rest: &[Value]) -> PyResult<()> {
    let mut args = Vec::with_capacity(rest.len() + 1);
    args.push(offset_value(i));
    args.extend_from_slice(rest);
    fire(vm, code, i, event, &args)
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
    if tools != 0 {
        let args = [Value::int(line as i64)];
        let mut tools = tools;
        while tools != 0 {
            let tool = 7 - tools.leading_zeros() as usize;
            tools &= !(1 << tool);
            if call_one(vm, tool, LINE, code, i, &args)? {
                super::instrument::with_data(c, |d| d.remove_line_tools(c, i, 1 << tool));
            }
        }
    }
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
    let mut tools = tools;
    while tools != 0 {
        let tool = 7 - tools.leading_zeros() as usize;
        tools &= !(1 << tool);
        if call_one(vm, tool, INSTRUCTION, code, i, &args)? {
            super::instrument::with_data(c, |d| d.remove_instruction_tools(c, i, 1 << tool));
        }
    }
    Ok(next)
}
