//! The runtime helpers compiled code calls (`monjit_jit::abi::Helpers`), each doing
//! what the interpreter's arm for its instruction does beyond the inline fast paths,
//! with the same reference-count and error behaviour.
//!
//! Every helper gets the entry's context (`EntryContext`, which leads with the
//! `RuntimeContext` compiled code reads) and the running frame. A helper that fails
//! stores the error in the context and returns `EXIT_ERROR`.

use super::EntryContext;
use crate::error::{PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;
use monjit_jit::abi::{self, Ctx, FrameLayout, FramePtr, Helpers};

// Compiled code tests Values inline with the crate's copy of the encoding.
const _: () = {
    use crate::value as v;
    assert!(abi::TAG_SHIFT as u32 == v::TAG_SHIFT);
    assert!(abi::TAG_INT == v::TAG_INT && abi::TAG_BOOL == v::TAG_BOOL);
    assert!(abi::TAG_SPECIAL == v::TAG_SPECIAL && abi::TAG_PTR == v::TAG_PTR);
    assert!(abi::PAYLOAD_MASK == v::PAYLOAD_MASK);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abi_constants_match_the_vm() {
        assert_eq!(abi::TRUE_BITS, Value::TRUE.bits());
        assert_eq!(abi::FALSE_BITS, Value::FALSE.bits());
        assert_eq!(abi::NONE_BITS, Value::NONE.bits());
        assert_eq!(abi::NULL_BITS, Value::NULL.bits());
        assert_eq!(abi::INT_BASE, Value::small_int(0).bits());
        assert_eq!(abi::PTR_BASE, abi::TAG_PTR << 48);
    }

    #[test]
    fn refcount_is_the_first_word_of_an_object() {
        let v = crate::objects::list::new_list(Vec::new());
        let count = || {
            // SAFETY: `v` keeps the object alive; REFCOUNT_OFFSET is within its header.
            unsafe { *((v.bits() - abi::PTR_BASE) as *const u8).add(abi::REFCOUNT_OFFSET as usize).cast::<u32>() }
        };
        let before = count();
        let w = v.clone();
        assert_eq!(count(), before + 1);
        drop(w);
        assert_eq!(count(), before);
    }
}

pub const FRAME_LAYOUT: FrameLayout = FrameLayout {
    slots: std::mem::offset_of!(Frame, slots) as i32,
    sp: std::mem::offset_of!(Frame, sp) as i32,
    pc: std::mem::offset_of!(Frame, pc) as i32,
    last_pc: std::mem::offset_of!(Frame, last_pc) as i32,
    globals: std::mem::offset_of!(Frame, globals) as i32,
};

pub static HELPERS: Helpers = Helpers {
    release,
    binary_op,
    compare_op,
    truthy,
    load_global,
    call,
    get_iter,
    for_iter,
    unary_op,
    unbound_local,
    run_finalizers,
    revalidate,
    probe_pre,
    probe_jump,
    call_probed,
    for_iter_probed,
    stack_op: super::helpers_objects::stack_op,
    load_attr: super::helpers_objects::load_attr,
    load_method: super::helpers_objects::load_method,
    store_attr: super::helpers_objects::store_attr,
    unsupported: super::helpers_objects::unsupported,
    send: super::helpers_objects::send,
};

/// The VM, frame and context of a helper call.
///
/// # Safety
/// `ctx` and `frame` must be what compiled code was entered with (`run_compiled`): the
/// context lives in the entering Rust frame, the VM is not borrowed elsewhere while
/// compiled code runs, and the frame is on the VM's frame stack (frames never move).
pub(super) unsafe fn parts<'a>(ctx: Ctx, frame: FramePtr) -> (&'a mut Vm, &'a mut Frame, &'a mut EntryContext) {
    // SAFETY: the caller's guarantee; `EntryContext` is repr(C) with the
    // `RuntimeContext` first, so the pointer compiled code got is the context's.
    unsafe {
        let ec = &mut *(ctx as *mut EntryContext);
        (&mut *(ec.rt.vm as *mut Vm), &mut *(frame as *mut Frame), ec)
    }
}

/// A helper's result as compiled code sees it.
pub(super) fn value_or_error(ec: &mut EntryContext, r: PyResult<Value>) -> u64 {
    match r {
        Ok(v) => v.into_raw(),
        Err(e) => fail(ec, e),
    }
}

pub(super) fn fail(ec: &mut EntryContext, e: PyErr) -> u64 {
    ec.error = Some(e);
    abi::EXIT_ERROR
}

/// The way out of a helper that may have run Python code, with `r` what it returns
/// (a result or `EXIT_ERROR`): `r` while the compiled version running the frame still
/// covers its code's live instrumentation, which is the common case and costs a
/// compare; otherwise the version is dropped and compiled code gets
/// [`abi::EXIT_DEOPT`], with `r` in the context's `deopt_result` for it to apply
/// before it leaves (see `abi::Helpers`). An error leaves compiled code anyway.
///
/// # Safety
/// As `parts`.
#[inline(always)]
pub(super) unsafe fn checked(ctx: Ctx, frame: FramePtr, r: u64) -> u64 {
    #[cfg(feature = "monitoring")]
    {
        // SAFETY: the caller's guarantee; the frame's `probes` is the probe state of
        // the version running it (set by `tier2::run_compiled_at`, whose caller holds
        // that version).
        let current = unsafe { (*(*(frame as *const Frame)).probes).accepts_live() };
        if !current && r != abi::EXIT_ERROR {
            // SAFETY: the caller's guarantee.
            return unsafe { leave_after(ctx, frame, r) };
        }
    }
    #[cfg(not(feature = "monitoring"))]
    let _ = (ctx, frame);
    r
}

/// `checked`'s slow path: the code's live version moved.
///
/// # Safety
/// As `checked`.
#[cold]
#[inline(never)]
#[cfg(feature = "monitoring")]
unsafe fn leave_after(ctx: Ctx, frame: FramePtr, r: u64) -> u64 {
    // SAFETY: the caller's guarantee (see `checked`); the frame's `probes` is the
    // probe state `revalidate` expects.
    unsafe {
        let state = (*(frame as *const Frame)).probes as *const u8;
        if revalidate(ctx, frame, state) == 0 {
            return r;
        }
        (*ctx).deopt_result = r;
    }
    abi::EXIT_DEOPT
}

unsafe extern "C" fn release(bits: u64) {
    // SAFETY: compiled code passes a pointer value whose last reference it owns.
    drop(unsafe { Value::from_raw(bits) });
}

/// BINARY_OP's arm past its inline small-int and float cases.
unsafe extern "C" fn binary_op(ctx: Ctx, frame: FramePtr, _index: u32, oparg: u32, lhs: u64, rhs: u64) -> u64 {
    // SAFETY: see `parts`; compiled code passes owned references to both operands.
    let (vm, _, ec) = unsafe { parts(ctx, frame) };
    let (rhs, lhs) = unsafe { (Value::from_raw(rhs), Value::from_raw(lhs)) };
    let Some(op) = crate::bytecode::BinaryOpArg::from_u32(oparg) else {
        return fail(ec, PyErr::new(crate::error::ExcKind::SystemError, "bad BINARY_OP argument"));
    };
    let ints = lhs.is_small_int() && rhs.is_small_int();
    let floats = lhs.is_float() && rhs.is_float();
    let r = if !ints && !floats && op == crate::bytecode::BinaryOpArg::Subscr {
        crate::interp::ops::subscript(vm, &lhs, &rhs)
    } else {
        vm.binary_op(&lhs, &rhs, op)
    };
    // The interpreter's arm drops the operands in this order.
    drop(lhs);
    drop(rhs);
    let r = value_or_error(ec, r);
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

/// COMPARE_OP's arm.
unsafe extern "C" fn compare_op(ctx: Ctx, frame: FramePtr, _index: u32, oparg: u32, lhs: u64, rhs: u64) -> u64 {
    // SAFETY: see `parts`; both operands are owned references.
    let (vm, _, ec) = unsafe { parts(ctx, frame) };
    let (rhs, lhs) = unsafe { (Value::from_raw(rhs), Value::from_raw(lhs)) };
    let op = CmpOp::from_arg(oparg >> 5);
    let r = if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        Ok(Value::bool(op.test(a.cmp(&b))))
    } else if oparg & 16 != 0 {
        vm.compare_bool(&lhs, &rhs, op).map(Value::bool)
    } else {
        vm.rich_compare(&lhs, &rhs, op)
    };
    drop(lhs);
    drop(rhs);
    let r = value_or_error(ec, r);
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

/// Truth of a borrowed value: 0 or 1.
unsafe extern "C" fn truthy(ctx: Ctx, frame: FramePtr, _index: u32, v: u64) -> u64 {
    // SAFETY: see `parts`; `v` is borrowed from compiled code's stack.
    let (vm, _, ec) = unsafe { parts(ctx, frame) };
    let v = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(v) });
    let r = if v.is_bool() { Ok(v.is_true_const()) } else { vm.truthy(&v) };
    let r = match r {
        Ok(b) => b as u64,
        Err(e) => fail(ec, e),
    };
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

unsafe extern "C" fn load_global(ctx: Ctx, frame: FramePtr, index: u32) -> u64 {
    // SAFETY: see `parts`.
    let (vm, frame, ec) = unsafe { parts(ctx, frame) };
    let code = frame.code();
    let r = crate::interp::ops::load_global(vm, frame, code, code.instr(index as usize));
    value_or_error(ec, r)
}

unsafe extern "C" fn get_iter(ctx: Ctx, frame: FramePtr, _index: u32, v: u64) -> u64 {
    // SAFETY: see `parts`; the operand is owned.
    let (vm, _, ec) = unsafe { parts(ctx, frame) };
    let v = unsafe { Value::from_raw(v) };
    let r = vm.iter(&v);
    drop(v);
    let r = value_or_error(ec, r);
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

/// FOR_ITER's arm, with its specialisation counter (which decides STOP_ITERATION
/// events later) kept exactly as the interpreter keeps it.
unsafe extern "C" fn for_iter(ctx: Ctx, frame: FramePtr, index: u32, it: u64) -> u64 {
    // SAFETY: the caller's arguments; see `parts`.
    unsafe { checked(ctx, frame, next_item(ctx, frame, index, it)) }
}

/// `for_iter` without the instrumentation check (`for_iter_probed` leaves that to
/// compiled code, after its BRANCH_LEFT probe).
///
/// # Safety
/// As `for_iter`.
unsafe fn next_item(ctx: Ctx, frame: FramePtr, index: u32, it: u64) -> u64 {
    use crate::interp::instrumented as ins_mod;
    // SAFETY: see `parts`; the iterator is borrowed from compiled code's stack.
    let (vm, frame, ec) = unsafe { parts(ctx, frame) };
    let it = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(it) });
    let code = frame.code();
    let i = index as usize;
    let mut ins = code.instr(i);
    let kind = ins_mod::for_iter_kind(code, i, &mut ins, &it);
    let next = if kind == ins_mod::FOR_ITER_GEN {
        let target = ins.arg as usize;
        let code_v = Value::clone(&frame.code_ref);
        match ins_mod::for_iter_gen(vm, &code_v, &it, target) {
            Ok(None) => {
                // The generator returned into END_FOR.
                frame.last_pc = target as u32;
                Ok(None)
            }
            r => r,
        }
    } else if kind == 0 && crate::monitoring::fire::has_global(vm, crate::monitoring::events::RAISE) {
        let code_v = Value::clone(&frame.code_ref);
        ins_mod::for_iter_step(vm, &code_v, i, &it)
    } else {
        crate::interp::ops::for_iter_next(vm, &it)
    };
    match next {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) => abi::ITER_EXHAUSTED,
        Err(e) => fail(ec, e),
    }
}

unsafe extern "C" fn unary_op(ctx: Ctx, frame: FramePtr, _index: u32, kind: u32, v: u64) -> u64 {
    // SAFETY: see `parts`; the operand is owned.
    let (vm, _, ec) = unsafe { parts(ctx, frame) };
    let v = unsafe { Value::from_raw(v) };
    let r = if kind == 0 { vm.negative(&v) } else { vm.invert(&v) };
    drop(v);
    let r = value_or_error(ec, r);
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

unsafe extern "C" fn unbound_local(ctx: Ctx, frame: FramePtr, _index: u32, slot: u32) -> u64 {
    // SAFETY: see `parts`.
    let (_, frame, ec) = unsafe { parts(ctx, frame) };
    fail(ec, crate::interp::eval::unbound_local(frame.code(), slot as usize))
}

unsafe extern "C" fn run_finalizers(ctx: Ctx, frame: FramePtr) -> u64 {
    // SAFETY: see `parts`.
    let (vm, _, _) = unsafe { parts(ctx, frame) };
    vm.run_pending_finalizers();
    // SAFETY: see `parts`.
    (unsafe { checked(ctx, frame, 0) } == abi::EXIT_DEOPT) as u64
}

/// The probe state compiled code passes to `revalidate` and the probes.
///
/// # Safety
/// `state` must be `Target::probe_state` of the compiled version running the frame;
/// the frame's runner holds that version (an `Rc`), so it outlives the call.
unsafe fn probe_state<'a>(state: *const u8) -> &'a super::ProbeState {
    // SAFETY: the caller's guarantee.
    unsafe { &*(state as *const super::ProbeState) }
}

unsafe extern "C" fn revalidate(ctx: Ctx, frame: FramePtr, state: *const u8) -> u64 {
    // SAFETY: see `parts` and `probe_state`.
    let (vm, frame, _) = unsafe { parts(ctx, frame) };
    let state = unsafe { probe_state(state) };
    let code = frame.code();
    if state.sync(code) {
        0
    } else {
        deoptimising(vm, code, state);
        1
    }
}

/// A version that no longer covers the live events is leaving: it will not be entered
/// again.
fn deoptimising(vm: &mut Vm, code: &CodeObj, state: &super::ProbeState) {
    super::invalidate(vm, code, state);
    vm.tier2.stats.count_deopt("new live events");
}

/// After a probe ran callbacks: if they changed this code's live instrumentation,
/// bring the probe bytes up to date at once (so the next probe of this instruction,
/// or a DISABLEd one, sees it). False for a change this version cannot cover, left
/// unaccepted: `probe_pre` then leaves at once, other probes at the live-version
/// check that follows them.
fn after_probe(code: &CodeObj, state: &super::ProbeState) -> bool {
    state.covers_live(code)
}

/// LINE and INSTRUCTION before instruction `index`, exactly as the interpreter's
/// INSTRUMENTED_LINE / INSTRUMENTED_INSTRUCTION arms run them: which layers fire is
/// read now, after each callback.
unsafe extern "C" fn probe_pre(ctx: Ctx, frame: FramePtr, state: *const u8, index: u32, prev: u32) -> u64 {
    use crate::bytecode::Op;
    // SAFETY: see `parts` and `probe_state`.
    let (vm, frame, ec) = unsafe { parts(ctx, frame) };
    let state = unsafe { probe_state(state) };
    let code = frame.code();
    let code_v = Value::clone(&frame.code_ref);
    let i = index as usize;
    // A layer that uncovers FOR_ITER pauses its counter, as in the interpreter.
    let pause = |op: Op| {
        if op == Op::ForIter {
            let mut ins = code.instr(i);
            crate::interp::instrumented::pause_counter(code, i, &mut ins);
        }
    };
    let mut op = code.instr(i).op;
    if op == Op::InstrumentedLine {
        op = match crate::monitoring::fire::fire_line(vm, &code_v, i, prev as usize) {
            Ok(op) => op,
            Err(e) => return fail(ec, e),
        };
        pause(op);
    }
    if op == Op::InstrumentedInstruction {
        op = match crate::monitoring::fire::fire_instruction(vm, &code_v, i) {
            Ok(op) => op,
            Err(e) => return fail(ec, e),
        };
        pause(op);
    }
    ec.silent_event = (!op.is_instrumented()).then_some(index);
    if !after_probe(code, state) {
        deoptimising(vm, code, state);
        // An event of this very instruction may have become live: the interpreter
        // runs it, below the layers just fired, as the opcode they returned.
        if code.instr(i).op.is_instrumented() {
            vm.tier2.pre_fired = Some((frame as *const _ as usize, i, op));
        }
        return abi::EXIT_DEOPT;
    }
    0
}

/// The JUMP / BRANCH_LEFT / BRANCH_RIGHT event of instruction `index`, if live (for a
/// FOR_ITER: if `for_iter_probed` ran it instrumented). A callback error is raised at
/// the destination, as the interpreter's `tri_jump!`.
unsafe extern "C" fn probe_jump(ctx: Ctx, frame: FramePtr, state: *const u8, index: u32, src: u32, dest: u32) -> u64 {
    use crate::bytecode::Op;
    // SAFETY: see `parts` and `probe_state`.
    let (vm, frame, ec) = unsafe { parts(ctx, frame) };
    let state = unsafe { probe_state(state) };
    let code = frame.code();
    let i = index as usize;
    let ins = code.base_instr(i);
    let live = if ins.op == Op::ForIter {
        std::mem::take(&mut ec.for_iter_instrumented)
    } else {
        ec.silent_event.take() != Some(index) && code.runtime.monitoring.borrow().as_ref().is_some_and(|d| d.event_on(i))
    };
    if !live {
        return 0;
    }
    let Some(event) = crate::monitoring::instrument::event_for(ins.op, ins.arg) else { return 0 };
    let code_v = Value::clone(&frame.code_ref);
    if let Err(e) = crate::monitoring::fire::fire_jump(vm, &code_v, i, event, src as usize, dest as usize) {
        vm.error_pc = Some(dest);
        return fail(ec, e);
    }
    after_probe(code, state);
    0
}

/// FOR_ITER compiled with its BRANCH_LEFT live: the interpreter's
/// INSTRUMENTED_FOR_ITER step while the event is live, the plain one otherwise.
unsafe extern "C" fn for_iter_probed(ctx: Ctx, frame: FramePtr, index: u32, it: u64) -> u64 {
    // SAFETY: see `parts`; the iterator is borrowed from compiled code's stack.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    let i = index as usize;
    let live = ec.silent_event.take() != Some(index) && frame_ref.code().runtime.monitoring.borrow().as_ref().is_some_and(|d| d.event_on(i));
    ec.for_iter_instrumented = live;
    if !live {
        // SAFETY: the same arguments compiled code passed.
        return unsafe { next_item(ctx, frame, index, it) };
    }
    let it = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(it) });
    let code_v = Value::clone(&frame_ref.code_ref);
    match crate::interp::instrumented::instrumented_for_iter(vm, &code_v, i, &it) {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) => abi::ITER_EXHAUSTED,
        Err(e) => fail(ec, e),
    }
}

/// CALL compiled with its CALL event live: the interpreter's INSTRUMENTED_CALL arm
/// while the event is live (CALL, then C_RETURN/C_RAISE around a callee that is not
/// a Python function), the plain CALL otherwise.
unsafe extern "C" fn call_probed(ctx: Ctx, frame: FramePtr, index: u32, argc: u32, base: u32) -> u64 {
    // SAFETY: see `parts`.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    let i = index as usize;
    if ec.silent_event.take() == Some(index) || !frame_ref.code().runtime.monitoring.borrow().as_ref().is_some_and(|d| d.event_on(i)) {
        // SAFETY: the same arguments compiled code passed.
        return unsafe { call(ctx, frame, index, argc, base) };
    }
    let n = argc as usize;
    // SAFETY: compiled code wrote the argc + 2 operands there (see `call`).
    let ops = unsafe { frame_ref.stack_base().add(base as usize) };
    // SAFETY (all accesses to `ops[k]` below): k < argc + 2, initialised slots.
    unsafe {
        expand_bound_method(ops);
        let callable = (*ops).clone();
        let arg0 = if !(*ops.add(1)).is_null() {
            (*ops.add(1)).clone()
        } else if n > 0 {
            (*ops.add(2)).clone()
        } else {
            vm.monitoring.missing.clone()
        };
        let code_v = Value::clone(&frame_ref.code_ref);
        if let Err(e) = crate::monitoring::fire::fire_at(vm, &code_v, i, crate::monitoring::events::CALL, &[callable.clone(), arg0.clone()]) {
            // As in the interpreter, the operands stay on the stack.
            frame_ref.sp = base + argc + 2;
            return fail(ec, e);
        }
        if callable.is::<FunctionObj>() {
            return call(ctx, frame, index, argc, base);
        }
        let result = {
            let k = n + !(*ops.add(1)).is_null() as usize;
            let args = std::slice::from_raw_parts(ops.add(n + 2 - k), k);
            vm.call_args(&callable, func::Args::with_kw(args, &[]))
        };
        let result = crate::interp::instrumented::c_event(vm, &code_v, i, &callable, &arg0, result);
        for k in (0..n + 2).rev() {
            drop(std::ptr::read(ops.add(k)));
        }
        if result.is_err() {
            frame_ref.sp = base;
        }
        let r = value_or_error(ec, result);
        checked(ctx, frame, r)
    }
}

/// A bound method called directly (self slot NULL) is unpacked into (function, self).
///
/// # Safety
/// `ops` points at a CALL's initialised (callable, self or NULL) slots.
unsafe fn expand_bound_method(ops: *mut Value) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if (*ops.add(1)).is_null() {
            if let Some(bm) = (*ops).downcast::<BoundMethodObj>() {
                let (fu, se) = (bm.func.clone(), bm.self_.clone());
                *ops.add(1) = se;
                *ops = fu;
            }
        }
    }
}

/// CALL's arm. The operands (callable, self or NULL, args) are in the frame's stack
/// slots from depth `base`. A Python function that binds its arguments positionally
/// gets a frame at once, as in the interpreter, and runs compiled when its code is;
/// anything else goes through the generic call.
unsafe extern "C" fn call(ctx: Ctx, frame: FramePtr, _index: u32, argc: u32, base: u32) -> u64 {
    // SAFETY: the caller's arguments; see `parts`.
    unsafe { checked(ctx, frame, run_call(ctx, frame, argc, base)) }
}

/// `call` without the instrumentation check.
///
/// # Safety
/// As `call`.
unsafe fn run_call(ctx: Ctx, frame: FramePtr, argc: u32, base: u32) -> u64 {
    // SAFETY: see `parts`.
    let (vm, frame, ec) = unsafe { parts(ctx, frame) };
    let argc = argc as usize;
    // SAFETY: compiled code wrote the argc + 2 operands there, and gives them up.
    let ops = unsafe { frame.stack_base().add(base as usize) };
    // SAFETY (here and for all accesses to `ops[k]` below): k < argc + 2, initialised
    // slots.
    if let Some(r) = unsafe { call_ready(vm, ec, ops, argc) } {
        if r == abi::EXIT_ERROR {
            frame.sp = base;
        }
        return r;
    }
    unsafe {
        expand_bound_method(ops);
        if let Some(fo) = (*ops).downcast::<FunctionObj>() {
            let has_self = !(*ops.add(1)).is_null();
            let nargs = argc + has_self as usize;
            let kind = crate::interp::ops::direct_call(fo, nargs);
            if kind != crate::interp::ops::DirectCall::No {
                if let Err(e) = crate::interp::call::check_depth(vm).and_then(|()| crate::stack_guard::ensure_stack(vm)) {
                    // As in the interpreter, the operands stay on the stack.
                    frame.sp = base + argc as u32 + 2;
                    return fail(ec, e);
                }
                let func = std::ptr::read(ops);
                crate::interp::call::push_direct_frame(vm, func, kind, nargs, ops.add(argc + 2));
                // The callable and args moved into the new frame; an unused self slot
                // holds NULL, which needs no drop.
                let r = run_callee(vm, ec);
                if r == abi::EXIT_ERROR {
                    frame.sp = base;
                }
                return r;
            }
        }
        if let Some(r) = call_init(vm, frame, ec, ops, argc, base) {
            return r;
        }
        let result = {
            let n = argc + !(*ops.add(1)).is_null() as usize;
            let args = std::slice::from_raw_parts(ops.add(argc + 2 - n), n);
            vm.call_args(&*ops, func::Args::with_kw(args, &[]))
        };
        for k in (0..argc + 2).rev() {
            drop(std::ptr::read(ops.add(k)));
        }
        if result.is_err() {
            frame.sp = base;
        }
        value_or_error(ec, result)
    }
}

/// `cls(args...)` for a class whose instances come from object.__new__ and whose
/// `__init__` is a Python function the arguments fill (`interp::ops::direct_init`),
/// as the interpreter's CALL runs it: the instance is allocated here, `__init__`
/// runs in a frame of its own (compiled if its code is), and the instance is the
/// result. While it runs, and if it fails, the instance stays on the caller's stack
/// in the callable's slot, as in the interpreter. None (operands untouched) for any
/// other call.
///
/// # Safety
/// As `call_ready`; `frame` is the caller, `ops` its operands from depth `base`.
unsafe fn call_init(vm: &mut Vm, frame: &mut Frame, ec: &mut EntryContext, ops: *mut Value, argc: usize, base: u32) -> Option<u64> {
    // SAFETY: the caller's guarantee (initialised operand slots).
    let (callable, self_slot) = unsafe { (&mut *ops, &mut *ops.add(1)) };
    if !self_slot.is_null() {
        return None;
    }
    let (init, kind) = crate::interp::ops::direct_init(vm, callable.downcast::<crate::objects::TypeObj>()?, argc)?;
    if let Err(e) = crate::interp::call::check_depth(vm).and_then(|()| crate::stack_guard::ensure_stack(vm)) {
        // As in the interpreter, the operands stay on the stack.
        frame.sp = base + argc as u32 + 2;
        return Some(fail(ec, e));
    }
    let obj = crate::objects::class::new_instance(callable.clone());
    // The class's reference is dropped; the instance takes its slot (the call's
    // result) and, as `self`, the first argument's.
    *callable = obj.clone();
    // SAFETY: the self slot holds NULL, which needs no drop.
    unsafe { std::ptr::write(self_slot, obj) };
    // SAFETY: self and the arguments move into the new frame.
    crate::interp::call::push_direct_frame(vm, init, kind, argc + 1, unsafe { ops.add(argc + 2) });
    frame.sp = base + 1;
    let r = run_callee(vm, ec);
    if r == abi::EXIT_ERROR {
        return Some(r);
    }
    // SAFETY: `__init__`'s result, a Value compiled code or the interpreter passed on.
    let returned = unsafe { Value::from_raw(r) };
    if !returned.is_none() {
        let msg = format!("__init__() should return None, not '{}'", vm.type_name(&returned));
        return Some(fail(ec, crate::error::type_error(msg)));
    }
    // SAFETY: the instance in the callable's slot is the result, handed to compiled
    // code, which abandons the slot.
    Some(unsafe { std::ptr::read(ops) }.into_raw())
}

/// CALL's fast path: a Python function (not a bound method) whose parameters the
/// positional arguments fill (defaults may cover the rest), and whose code has a
/// compiled version ready to enter (`tier2::ready_version`), with the recursion limit
/// and the native stack far off. Its frame is pushed and run compiled at once, without `run_callee`'s
/// general checks. None (operands untouched) for any other call.
///
/// # Safety
/// `ops` points at the call's argc + 2 initialised operands in the top frame's stack
/// slots; on Some they have been given up.
#[inline(always)]
unsafe fn call_ready(vm: &mut Vm, ec: &mut EntryContext, ops: *mut Value, argc: usize) -> Option<u64> {
    // SAFETY: the caller's guarantee.
    let (callable, has_self) = unsafe { (&*ops, !(*ops.add(1)).is_null()) };
    let fo = callable.downcast::<FunctionObj>()?;
    let nargs = argc + has_self as usize;
    let kind = crate::interp::ops::direct_call(fo, nargs);
    if kind == crate::interp::ops::DirectCall::No || vm.frames.len() >= vm.recursion_limit || !ec.stack_ok() {
        return None;
    }
    let compiled = super::ready_version(vm, fo.code())?;
    // SAFETY: the callable and the arguments (self included) move into the new frame;
    // an unused self slot holds NULL, which needs no drop. The frame is the top one,
    // at its entry (`pc` past RESUME, as compiled code starts), and `ec` is this VM's.
    unsafe {
        let func = std::ptr::read(ops);
        let top = crate::interp::call::push_direct_frame(vm, func, kind, nargs, ops.add(argc + 2));
        (*top).entry = true;
        (*top).last_pc = 0;
        (*top).pc = 1;
        Some(run_compiled_callee(vm, ec, &compiled, top))
    }
}

/// Runs callee frame `top` (the top frame, an entry frame standing past its RESUME)
/// in `compiled` to its return: popped if compiled code returned, else continued in
/// the interpreter.
///
/// # Safety
/// As `tier2::run_compiled`.
#[inline(always)]
unsafe fn run_compiled_callee(vm: &mut Vm, ec: &mut EntryContext, compiled: &super::Compiled, top: *mut Frame) -> u64 {
    // The callee's probes share the caller's context: what the caller's last
    // LINE/INSTRUCTION probe left for its own instruction's event probe, or the
    // callee's for its own, must not silence an event of the other at that index.
    ec.silent_event = None;
    // SAFETY: the caller's guarantee.
    let outcome = unsafe { super::run_compiled(ec, compiled, top) };
    ec.silent_event = None;
    match outcome {
        super::Outcome::Returned(v) => {
            crate::interp::call::pop_frame(vm);
            v.into_raw()
        }
        other => finish_callee_interpreted(vm, ec, other),
    }
}

/// `run_compiled_callee` for a callee that deoptimised or failed: the interpreter
/// runs it on to its return.
#[cold]
#[inline(never)]
fn finish_callee_interpreted(vm: &mut Vm, ec: &mut EntryContext, outcome: super::Outcome) -> u64 {
    let exit = match outcome {
        super::Outcome::Returned(v) => return v.into_raw(),
        super::Outcome::Deopt => crate::interp::eval::run(vm),
        super::Outcome::Error(e) => {
            vm.tier2.stats.error_exits += 1;
            crate::interp::eval::run_raising(vm, e)
        }
    };
    interpreted_callee(ec, exit)
}

/// A callee frame's result when the interpreter ran it to its return.
fn interpreted_callee(ec: &mut EntryContext, exit: PyResult<crate::interp::eval::Exit>) -> u64 {
    value_or_error(ec, crate::interp::call::returned(exit))
}

/// Runs the frame a call just pushed (the top frame) to its return: compiled if its
/// code is, else in the interpreter.
pub(super) fn run_callee(vm: &mut Vm, ec: &mut EntryContext) -> u64 {
    let top = vm.frames.top_ptr();
    // SAFETY: `top` is the new frame; its function keeps the code alive.
    let code = unsafe { &*(*top).code };
    // Returning from the frame returns here.
    // SAFETY: as above.
    unsafe { (*top).entry = true };
    let compiled = match super::prepare(vm, code) {
        // Code that makes cells before its RESUME: the interpreter runs those, then
        // enters compiled code at the RESUME.
        Some(compiled) if compiled.entry == 1 => compiled,
        _ => return interpreted_callee(ec, crate::interp::eval::run(vm)),
    };
    // The RESUME compiled code starts past: PY_START if live there.
    // SAFETY: as above.
    unsafe {
        (*top).last_pc = 0;
        (*top).pc = 1;
    }
    if compiled.state.start_live.get() {
        // SAFETY: as above.
        let code_v = unsafe { Value::clone(&(*top).code_ref) };
        if let Err(e) = crate::monitoring::fire::fire_at(vm, &code_v, 0, crate::monitoring::events::PY_START, &[]) {
            return interpreted_callee(ec, crate::interp::eval::run_raising(vm, e));
        }
        // Its callbacks may have made events live this version has no probe for.
        if !compiled.state.covers_live(code) {
            super::invalidate(vm, code, &compiled.state);
            return interpreted_callee(ec, crate::interp::eval::run(vm));
        }
    }
    // SAFETY: `top` is the top frame at its entry (RESUME, which has nothing to do
    // when the code is compiled and uninstrumented); `ec` was made for this VM and
    // nothing else uses `vm` during the call.
    unsafe { run_compiled_callee(vm, ec, &compiled, top) }
}
