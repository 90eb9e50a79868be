//! Generators: a suspended frame that owns its slots, resumed by `send`, `throw`, `close`
//! and iteration.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::interp::eval::{run_with, Exit};
use crate::interp::frame::Frame;
use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
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
        self.state.set(GenState::Finished);
        self.sp.set(0);
        for i in 0..live {
            // SAFETY: the first `live` slots are initialised and dropped exactly once
            // (the state is Finished now, so `live` is 0 next time).
            unsafe { std::ptr::drop_in_place(self.slots_ptr().add(i)) };
        }
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
    // Start after RETURN_GENERATOR: the first resume pushes the sent None, which the
    // following POP_TOP discards.
    let start = if code.instr(0).op == crate::bytecode::Op::ReturnGenerator { 1 } else { 0 };
    Ok(alloc(GeneratorObj {
        header: ObjHeader::new(ObjKind::Generator),
        func: func.clone(),
        code: fo.code.clone(),
        globals: fo.globals.clone(),
        name: ValueCell::new(fo.name.get()),
        qualname: ValueCell::new(fo.qualname.get()),
        state: Cell::new(GenState::Created),
        pc: Cell::new(start),
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
        code_ref: g.code.clone(),
        func: g.func.clone(),
        globals: g.globals.clone(),
        locals: Value::NULL,
        slots: g.slots_ptr(),
        sp: g.sp.get(),
        pc,
        last_pc: pc.saturating_sub(1),
        entry: true,
        generator: genv.clone(),
        stack_mark: None,
    });
    if throw.is_none() {
        let fr = vm.frames.last_mut().expect("frame");
        // SAFETY: a suspended generator's stack has room for the sent value (the slot
        // the yielded value occupied).
        unsafe { std::ptr::write(fr.stack_base().add(fr.sp as usize), sent) };
        fr.sp += 1;
    }
    g.state.set(GenState::Running);
    vm.exc_chain.push(g.exc_state.take());
    let result = run_with(vm, throw);
    let exc_state = vm.exc_chain.pop().unwrap_or(Value::NONE);
    match result {
        Ok(Exit::Yield(v)) => {
            let frame = vm.frames.pop().expect("generator frame");
            g.pc.set(frame.pc);
            g.sp.set(frame.sp);
            g.exc_state.set(exc_state);
            g.state.set(GenState::Suspended);
            Ok(SendResult::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            g.state.set(GenState::Finished);
            g.sp.set(0);
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            g.state.set(GenState::Finished);
            g.sp.set(0);
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

/// `g.throw(exc)`.
pub fn gen_throw(vm: &mut Vm, genv: &Value, exc: PyErr) -> PyResult<Value> {
    match resume(vm, genv, Value::NONE, Some(exc))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(crate::runtime::exceptions::stop_iteration_with(vm, v)),
    }
}

/// `g.close()`.
pub fn gen_close(vm: &mut Vm, genv: &Value) -> PyResult<Value> {
    let g = genv.downcast::<GeneratorObj>().expect("generator");
    match g.state.get() {
        GenState::Created => {
            g.release();
            return Ok(Value::NONE);
        }
        GenState::Finished => return Ok(Value::NONE),
        _ => {}
    }
    let exit = PyErr::bare(ExcKind::GeneratorExit);
    match resume(vm, genv, Value::NONE, Some(exit)) {
        Ok(SendResult::Yielded(_)) => Err(PyErr::new(ExcKind::RuntimeError, "generator ignored GeneratorExit")),
        Ok(SendResult::Returned(v)) => Ok(v),
        Err(e) if vm.error_is(&e, ExcKind::GeneratorExit) || vm.error_is(&e, ExcKind::StopIteration) => Ok(Value::NONE),
        Err(e) => Err(e),
    }
}
