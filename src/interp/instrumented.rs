//! The interpreter's side of sys.monitoring: what instrumented instructions do
//! besides firing, and the FOR_ITER bookkeeping that decides STOP_ITERATION.
//!
//! CPython reports STOP_ITERATION for a `for` loop over a generator only when its
//! FOR_ITER has been specialised to FOR_ITER_GEN (the generator's frame then returns
//! into END_FOR, which fires it); the generic FOR_ITER ends the loop silently. Which
//! one runs depends on CPython's adaptive counter, so monjit keeps the same counter
//! per FOR_ITER (in the instruction's `cache` field; `aux` holds the specialisation)
//! and follows the same rules.

use crate::bytecode::{Instr, Op};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::interp::generator::{GenState, GeneratorObj, SendResult};
use crate::monitoring::{events, fire};
use crate::objects::iter::{IterState, IteratorObj};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub const FOR_ITER_LIST: u8 = 1;
pub const FOR_ITER_TUPLE: u8 = 2;
pub const FOR_ITER_RANGE: u8 = 3;
pub const FOR_ITER_GEN: u8 = 4;

/// Adaptive counters: `value << 4 | backoff`.
const COOLDOWN: u16 = 52 << 4;
const MAX_BACKOFF: u16 = 12;

/// What FOR_ITER_* specialisation fits this iterator (0: none).
fn classify(it: &Value) -> u8 {
    if let Some(io) = it.downcast::<IteratorObj>() {
        return match &*io.state.borrow() {
            IterState::List { seq, .. } if seq.is::<ListObj>() => FOR_ITER_LIST,
            IterState::Tuple { .. } => FOR_ITER_TUPLE,
            IterState::Range { .. } => FOR_ITER_RANGE,
            _ => 0,
        };
    }
    if it.is::<GeneratorObj>() {
        return FOR_ITER_GEN;
    }
    0
}

/// Whether a FOR_ITER specialised as `kind` runs for `it` (else it deoptimises).
fn fits(kind: u8, it: &Value) -> bool {
    match kind {
        0 => false,
        FOR_ITER_GEN => it
            .downcast::<GeneratorObj>()
            .is_some_and(|g| matches!(g.state(), GenState::Created | GenState::Suspended)),
        k => classify(it) == k,
    }
}

fn restart_backoff(counter: u16) -> u16 {
    let backoff = counter & 15;
    if backoff < MAX_BACKOFF {
        ((1 << (backoff + 1)) - 1) << 4 | (backoff + 1)
    } else {
        ((1 << MAX_BACKOFF) - 1) << 4 | MAX_BACKOFF
    }
}

/// Runs FOR_ITER's specialisation logic for instruction `i` and returns the kind it
/// executes as (0: generic).
#[inline]
pub fn for_iter_kind(code: &CodeObj, i: usize, ins: &mut Instr, it: &Value) -> u8 {
    if fits(ins.aux, it) {
        return ins.aux;
    }
    adapt(code, i, ins, || classify(it))
}

/// The same bookkeeping for a list, tuple or range iterator the interpreter has just
/// stepped, whose kind (`seen`: FOR_ITER_LIST, _TUPLE or _RANGE) it learnt doing so:
/// nothing to do when the instruction is specialised for it, which is nearly always.
/// (What such a FOR_ITER executes as cannot change any event, so only the counter
/// state, which decides later generator loops, is kept.)
#[inline]
pub fn for_iter_seen(code: &CodeObj, i: usize, ins: &mut Instr, seen: u8) {
    if ins.aux != seen {
        adapt(code, i, ins, || seen);
    }
}

/// Unspecialised, or a specialised FOR_ITER that deoptimised: the adaptive counter.
#[cold]
fn adapt(code: &CodeObj, i: usize, ins: &mut Instr, classify: impl FnOnce() -> u8) -> u8 {
    let counter = ins.cache;
    if counter < 15 {
        let kind = classify();
        if kind != 0 {
            ins.aux = kind;
            ins.cache = COOLDOWN;
        } else {
            ins.aux = 0;
            ins.cache = restart_backoff(counter);
        }
        store_counter(code, i, ins);
        return kind;
    }
    ins.cache = counter - 16;
    store_counter(code, i, ins);
    0
}

/// Writes back FOR_ITER's counter and specialisation, keeping the opcode in place
/// (it may be INSTRUMENTED_LINE covering this FOR_ITER).
fn store_counter(code: &CodeObj, i: usize, ins: &Instr) {
    let mut cur = code.instrs[i].get();
    cur.aux = ins.aux;
    cur.cache = ins.cache;
    code.instrs[i].set(cur);
}

/// INSTRUMENTED_LINE/INSTRUCTION pause the counter of the instruction they cover, so
/// it never specialises while covered.
pub fn pause_counter(code: &CodeObj, i: usize, ins: &mut Instr) {
    let mut cur = code.instrs[i].get();
    cur.cache |= 16;
    code.instrs[i].set(cur);
    ins.cache = cur.cache;
    ins.aux = cur.aux;
}

/// FOR_ITER_GEN: runs the generator as if inline; when it returns, its value goes to
/// END_FOR at `target`, which fires STOP_ITERATION if instrumented.
pub fn for_iter_gen(vm: &mut Vm, code: &Value, it: &Value, target: usize) -> PyResult<Option<Value>> {
    match crate::interp::generator::resume(vm, it, Value::NONE, None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(v) => {
            let c = code.downcast::<CodeObj>().expect("code");
            if c.instrs[target].get().op == Op::InstrumentedEndFor {
                let exc = crate::runtime::exceptions::stop_iteration_object(vm, v);
                fire::fire_at(vm, code, target, events::STOP_ITERATION, &[exc])?;
            }
            Ok(None)
        }
    }
}

/// The generic FOR_ITER step when RAISE is monitored: an iterator that ends by
/// raising StopIteration (a `__next__` that raises it, a generator returning a value)
/// reports RAISE at the FOR_ITER before the loop ends.
pub fn for_iter_step(vm: &mut Vm, code: &Value, i: usize, it: &Value) -> PyResult<Option<Value>> {
    let stop = if it.is::<GeneratorObj>() {
        match crate::interp::generator::resume(vm, it, Value::NONE, None) {
            Ok(SendResult::Yielded(v)) => return Ok(Some(v)),
            Ok(SendResult::Returned(v)) if v.is_none() => return Ok(None),
            Ok(SendResult::Returned(v)) => crate::runtime::exceptions::stop_iteration_object(vm, v),
            Err(e) if matches!(&e, PyErr::Lazy { kind: ExcKind::StopIteration, args } if args.is_empty()) => return Ok(None),
            Err(e) => return Err(e),
        }
    } else if crate::runtime::ops::is_user_object(it) {
        let name = vm.names.dunder_next.clone();
        let Some(m) = vm.lookup_special(it, &name) else {
            return crate::interp::ops::for_iter_next(vm, it);
        };
        match vm.call_method_value(&m, it, &[]) {
            Ok(v) => return Ok(Some(v)),
            Err(e) if vm.error_is(&e, ExcKind::StopIteration) => vm.normalize(e),
            Err(e) => return Err(e),
        }
    } else {
        return crate::interp::ops::for_iter_next(vm, it);
    };
    // `_PyEval_MonitorRaise`, whose callback errors are cleared with the StopIteration.
    let _ = fire::fire_exc(vm, code, i, events::RAISE, &stop);
    Ok(None)
}

/// INSTRUMENTED_FOR_ITER's step: the generic one (never specialised).
pub fn instrumented_for_iter(vm: &mut Vm, code: &Value, i: usize, it: &Value) -> PyResult<Option<Value>> {
    if fire::has_global(vm, events::RAISE) {
        for_iter_step(vm, code, i, it)
    } else {
        crate::interp::ops::for_iter_next(vm, it)
    }
}

/// C_RETURN or C_RAISE after calling something that is not a Python function.
pub fn c_event(vm: &mut Vm, code: &Value, i: usize, callable: &Value, arg0: &Value, result: PyResult<Value>) -> PyResult<Value> {
    match result {
        Ok(v) => {
            fire::fire_at(vm, code, i, events::C_RETURN, &[callable.clone(), arg0.clone()])?;
            Ok(v)
        }
        Err(e) => {
            if vm.monitoring.tracing == 0 {
                let exc = vm.normalize(e);
                match fire::fire_at(vm, code, i, events::C_RAISE, &[callable.clone(), arg0.clone()]) {
                    Ok(()) => Err(PyErr::Obj(exc)),
                    Err(e2) => Err(e2),
                }
            } else {
                Err(e)
            }
        }
    }
}

/// CALL_FUNCTION_EX's positional arguments as a tuple (CPython converts them before
/// the CALL event, which reports the first).
pub fn callargs_tuple(vm: &mut Vm, callable: &Value, args: Value) -> PyResult<Value> {
    if args.as_tuple().is_some() {
        return Ok(args);
    }
    if !vm.has_iter(&args) {
        return Err(crate::error::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            crate::runtime::call::callable_name(vm, callable),
            vm.type_name(&args)
        )));
    }
    Ok(tuple::new_tuple(vm.collect(&args)?))
}
