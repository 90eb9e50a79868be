//! Generators: a suspended frame that owns its slots, resumed by `send`, `throw`, `close`
//! and iteration.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::interp::eval::{run_with, Exit};
use crate::interp::frame::{Frame, StackMark};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::{Borrowed, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::mem::MaybeUninit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[repr(C)]
pub struct GeneratorObj {
    header: ObjHeader,
    pub func: Value,
    pub code: Value,
    pub globals: Value,
    pub name: ValueCell,
    pub qualname: ValueCell,
    state: Cell<GenState>,
    pc: Cell<u32>,
    sp: Cell<u32>,
    /// The frame's slots: localsplus then the value stack.
    slots: Box<[MaybeUninit<Value>]>,
    nlocalsplus: usize,
    /// The exception this generator was handling when it last suspended.
    exc_state: ValueCell,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for GeneratorObj {
    const KIND: ObjKind = ObjKind::Generator;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.code);
        visit(&self.globals);
        self.name.traverse(visit);
        self.qualname.traverse(visit);
        self.exc_state.traverse(visit);
        let live = match self.state.get() {
            GenState::Finished => 0,
            // While running, only localsplus is known to be initialised.
            GenState::Running => self.nlocalsplus,
            _ => self.nlocalsplus + self.sp.get() as usize,
        };
        for s in &self.slots[..live] {
            // SAFETY: the first `live` slots are initialised (see the state rules above).
            visit(unsafe { s.assume_init_ref() });
        }
    }
    fn clear(&self) {
        if self.state.get() != GenState::Running {
            self.release();
        }
    }
}

impl Drop for GeneratorObj {
    fn drop(&mut self) {
        if self.state.get() != GenState::Running {
            self.release();
        }
    }
}

impl GeneratorObj {
    fn slots_ptr(&self) -> *mut Value {
        self.slots.as_ptr() as *mut Value
    }

    /// Drops the frame's values; the generator is finished afterwards.
    fn release(&self) {
        let live = match self.state.get() {
            GenState::Finished => 0,
            _ => self.nlocalsplus + self.sp.get() as usize,
        };
        self.finish();
        for i in 0..live {
            // SAFETY: the first `live` slots are initialised and dropped exactly once
            // (the state is Finished now, so `live` is 0 next time).
            unsafe { std::ptr::drop_in_place(self.slots_ptr().add(i)) };
        }
    }

    /// The frame has returned or raised (its slots were released by the interpreter).
    fn finish(&self) {
        self.state.set(GenState::Finished);
        self.sp.set(0);
        self.header().set_needs_finalizer(false);
    }

    pub fn state(&self) -> GenState {
        self.state.get()
    }

    pub fn code_obj(&self) -> &CodeObj {
        self.code.downcast().expect("generator code")
    }
}

/// Creates the generator for a call of a generator function (arguments bound now, body
/// not started).
pub fn new_generator(vm: &mut Vm, func: &Value, args: Args) -> PyResult<Value> {
    let fo = func.downcast::<FunctionObj>().expect("function");
    let code = fo.code();
    let n = code.frame_size();
    let mut slots: Box<[MaybeUninit<Value>]> = (0..n).map(|_| MaybeUninit::uninit()).collect();
    for s in slots.iter_mut().take(code.nlocalsplus()) {
        s.write(Value::NULL);
    }
    let ptr = slots.as_mut_ptr() as *mut Value;
    if let Err(e) = crate::interp::call::bind_args(vm, fo, code, args, ptr) {
        for i in 0..code.nlocalsplus() {
            // SAFETY: localsplus slots were initialised above.
            unsafe { std::ptr::drop_in_place(ptr.add(i)) };
        }
        return Err(e);
    }
    // The prefix before RETURN_GENERATOR (MAKE_CELL, COPY_FREE_VARS) runs now, as it
    // does in CPython's calling frame; the body starts after RETURN_GENERATOR, where the
    // first resume pushes the sent None that the following POP_TOP discards.
    let mut start = 0;
    while start < code.instrs.len() {
        let ins = code.instr(start);
        start += 1;
        match ins.op {
            crate::bytecode::Op::ReturnGenerator => break,
            crate::bytecode::Op::MakeCell => {
                let slot = &mut slots[ins.arg as usize];
                // SAFETY: localsplus slots were initialised above; the old value moves
                // into the new cell.
                let old = unsafe { slot.assume_init_read() };
                slot.write(crate::objects::func::new_cell(old));
            }
            crate::bytecode::Op::CopyFreeVars => {
                let closure = fo.closure.get();
                let cells = closure.as_tuple().expect("closure tuple");
                let first = code.nlocalsplus() - ins.arg as usize;
                for (k, c) in cells.iter().enumerate() {
                    let slot = &mut slots[first + k];
                    // SAFETY: as above; the NULL placeholder is replaced.
                    drop(unsafe { slot.assume_init_read() });
                    slot.write(c.clone());
                }
            }
            _ => {
                start = 0;
                break;
            }
        }
    }
    Ok(alloc(GeneratorObj {
        header: ObjHeader::new(ObjKind::Generator),
        func: func.clone(),
        code: fo.code.clone(),
        globals: fo.globals.clone(),
        name: ValueCell::new(fo.name.get()),
        qualname: ValueCell::new(fo.qualname.get()),
        state: Cell::new(GenState::Created),
        pc: Cell::new(start as u32),
        sp: Cell::new(0),
        slots,
        nlocalsplus: code.nlocalsplus(),
        exc_state: ValueCell::new(Value::NONE),
    }))
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// Resumes a generator with a sent value or a thrown exception.
pub fn resume(vm: &mut Vm, genv: &Value, sent: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let g = genv.downcast::<GeneratorObj>().expect("generator");
    match g.state.get() {
        GenState::Running => return Err(PyErr::new(ExcKind::ValueError, "generator already executing")),
        GenState::Finished => {
            return match throw {
                Some(e) => Err(e),
                None => Err(PyErr::bare(ExcKind::StopIteration)),
            };
        }
        GenState::Created if throw.is_none() && !sent.is_none() => {
            return Err(PyErr::new(ExcKind::TypeError, "can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    if vm.frames.len() >= vm.recursion_limit {
        return Err(crate::interp::call::recursion_error());
    }
    crate::stack_guard::ensure_stack(vm)?;
    let code = g.code_obj();
    let pc = g.pc.get();
    vm.frames.push(Frame {
        code: code as *const CodeObj,
        slots: g.slots_ptr(),
        // SAFETY: the frame owns a reference to the generator (`generator`), which owns
        // its code and globals.
        code_ref: unsafe { Borrowed::new(&g.code) },
        globals: unsafe { Borrowed::new(&g.globals) },
        func: g.func.clone(),
        locals: Value::NULL,
        generator: genv.clone(),
        stack_mark: StackMark::OWNED,
        sp: g.sp.get(),
        pc,
        last_pc: pc.saturating_sub(1),
        entry: true,
        init: false,
        probes: std::ptr::null(),
    });
    // The sent value (None for a throw) lands where the yielded value was, as in
    // CPython: a `yield from` handler's stack depth counts it.
    {
        let fr = vm.frames.last_mut().expect("frame");
        // SAFETY: a suspended generator's stack has room for the sent value (the slot
        // the yielded value occupied).
        unsafe { std::ptr::write(fr.stack_base().add(fr.sp as usize), sent) };
        fr.sp += 1;
    }
    g.state.set(GenState::Running);
    vm.exc_chain.push(g.exc_state.take());
    let result = match throw {
        // Tier 2 may run the frame compiled from its RESUME to its next yield.
        None => crate::tier2::resume_generator(vm).unwrap_or_else(|| run_with(vm, None)),
        Some(e) => run_with(vm, Some(e)),
    };
    let exc_state = vm.exc_chain.pop().unwrap_or(Value::NONE);
    match result {
        Ok(Exit::Yield(v)) => {
            let frame = vm.frames.pop().expect("generator frame");
            g.pc.set(frame.pc);
            g.sp.set(frame.sp);
            g.exc_state.set(exc_state);
            g.state.set(GenState::Suspended);
            // A suspended generator is closed when it dies (its finally blocks run).
            g.header().set_needs_finalizer(true);
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            g.finish();
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            g.finish();
            Err(e)
        }
    }
}

/// `next(g)`: Some(value) or None when the generator returned.
pub fn gen_next(vm: &mut Vm, genv: &Value) -> PyResult<Option<Value>> {
    match resume(vm, genv, Value::NONE, None) {
        Ok(SendResult::Yielded(v)) => Ok(Some(v)),
        Ok(SendResult::Returned(_)) => Ok(None),
        Err(e) => {
            // A finished generator raises a bare StopIteration; iteration sees "done".
            if matches!(&e, PyErr::Lazy { kind: ExcKind::StopIteration, args } if args.is_empty()) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

/// SEND's receiver protocol: generators directly, other iterators through `__next__`
/// or `send`.
pub fn send_to(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if receiver.is::<GeneratorObj>() {
        return match resume(vm, receiver, v, None) {
            Err(e) if matches!(&e, PyErr::Lazy { kind: ExcKind::StopIteration, args } if args.is_empty()) => {
                Ok(SendResult::Returned(Value::NONE))
            }
            other => other,
        };
    }
    if !crate::runtime::ops::is_user_object(receiver) && v.is_none() {
        return Ok(match vm.next(receiver)? {
            Some(x) => SendResult::Yielded(x),
            None => SendResult::Returned(Value::NONE),
        });
    }
    let method = vm.intern(if v.is_none() { "__next__" } else { "send" });
    let m = vm.getattr(receiver, &method)?;
    let r = if v.is_none() { vm.call(&m, &[]) } else { vm.call(&m, &[v]) };
    match r {
        Ok(x) => Ok(SendResult::Yielded(x)),
        Err(e) if vm.error_is(&e, ExcKind::StopIteration) => {
            let exc = vm.normalize(e);
            Ok(SendResult::Returned(crate::runtime::exceptions::stop_iteration_value(vm, &exc)))
        }
        Err(e) => Err(e),
    }
}

/// The sub-iterator a generator suspended inside `yield from` is delegating to: the
/// value under the resume point, when the instruction before it is `YIELD_VALUE 1`.
fn yield_from_receiver(g: &GeneratorObj) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    let pc = g.pc.get() as usize;
    let sp = g.sp.get() as usize;
    let code = g.code_obj();
    if pc == 0 || sp == 0 {
        return None;
    }
    let prev = code.base_instr(pc - 1);
    if prev.op != crate::bytecode::Op::YieldValue || prev.arg != 1 {
        return None;
    }
    // SAFETY: a suspended generator's first nlocalsplus + sp slots are initialised.
    Some(unsafe { (*g.slots_ptr().add(g.nlocalsplus + sp - 1)).clone() })
}

/// Runs `f` with the generator marked as executing, as CPython does while a throw or
/// close is forwarded to the sub-iterator (so re-entering it raises "already executing").
fn while_executing<T>(g: &GeneratorObj, f: impl FnOnce() -> T) -> T {
    g.state.set(GenState::Running);
    let r = f();
    g.state.set(GenState::Suspended);
    r
}

/// Resumes with `exc` raised at the suspension point, turning a return into StopIteration.
fn throw_here(vm: &mut Vm, genv: &Value, exc: PyErr) -> PyResult<Value> {
    match resume(vm, genv, Value::NONE, Some(exc))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(crate::runtime::exceptions::stop_iteration_with(vm, v)),
    }
}

/// `g.throw(exc)` (CPython's `_gen_throw`): a generator inside `yield from` forwards the
/// exception to its sub-iterator first; GeneratorExit closes the sub-iterator instead.
pub fn gen_throw(vm: &mut Vm, genv: &Value, exc: PyErr) -> PyResult<Value> {
    let g = genv.downcast::<GeneratorObj>().expect("generator");
    if g.state.get() == GenState::Running {
        return Err(PyErr::new(ExcKind::ValueError, "generator already executing"));
    }
    let Some(yf) = yield_from_receiver(g) else {
        return throw_here(vm, genv, exc);
    };
    if vm.error_is(&exc, ExcKind::GeneratorExit) {
        return match while_executing(g, || close_iter(vm, &yf)) {
            Ok(()) => throw_here(vm, genv, exc),
            Err(e) => throw_here(vm, genv, e),
        };
    }
    let forwarded = if yf.is::<GeneratorObj>() {
        while_executing(g, || gen_throw(vm, &yf, exc))
    } else {
        let name = vm.intern("throw");
        let meth = match vm.getattr_opt(&yf, &name)? {
            Some(m) => m,
            None => return throw_here(vm, genv, exc),
        };
        let exc_value = vm.normalize(exc);
        while_executing(g, || vm.call(&meth, &[exc_value]))
    };
    match forwarded {
        Ok(v) => Ok(v),
        // The sub-iterator finished (StopIteration) or failed: the error surfaces at the
        // `yield from`, whose CLEANUP_THROW handler turns StopIteration into its value.
        Err(e) => throw_here(vm, genv, e),
    }
}

/// Closes a `yield from` sub-iterator: generators directly, others through `close()`.
fn close_iter(vm: &mut Vm, yf: &Value) -> PyResult<()> {
    if yf.is::<GeneratorObj>() {
        return gen_close(vm, yf).map(drop);
    }
    let name = vm.intern("close");
    if let Some(meth) = vm.getattr_opt(yf, &name)? {
        vm.call(&meth, &[])?;
    }
    Ok(())
}

/// `g.close()` (CPython's `gen_close`).
pub fn gen_close(vm: &mut Vm, genv: &Value) -> PyResult<Value> {
    let g = genv.downcast::<GeneratorObj>().expect("generator");
    match g.state.get() {
        GenState::Created => {
            g.release();
            return Ok(Value::NONE);
        }
        GenState::Finished => return Ok(Value::NONE),
        GenState::Running => return Err(PyErr::new(ExcKind::ValueError, "generator already executing")),
        GenState::Suspended => {}
    }
    let closed_sub = match yield_from_receiver(g) {
        Some(yf) => while_executing(g, || close_iter(vm, &yf)),
        None => Ok(()),
    };
    // Suspended at a yield whose only enclosing handler is the implicit StopIteration
    // one: no finally or except can run, so the frame is simply dropped.
    let at = g.code_obj().base_instr(g.pc.get() as usize);
    if at.op == crate::bytecode::Op::Resume
        && at.arg & crate::bytecode::RESUME_OPARG_DEPTH1_MASK != 0
        && closed_sub.is_ok()
        && !crate::monitoring::fire::has_global(vm, crate::monitoring::events::PY_UNWIND)
    {
        g.release();
        return Ok(Value::NONE);
    }
    let exc = match closed_sub {
        Ok(()) => PyErr::bare(ExcKind::GeneratorExit),
        Err(e) => e,
    };
    match resume(vm, genv, Value::NONE, Some(exc)) {
        Ok(SendResult::Yielded(_)) => Err(PyErr::new(ExcKind::RuntimeError, "generator ignored GeneratorExit")),
        Ok(SendResult::Returned(v)) => Ok(v),
        Err(e) if vm.error_is(&e, ExcKind::GeneratorExit) => Ok(Value::NONE),
        Err(e) => Err(e),
    }
}
