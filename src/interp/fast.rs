//! The interpreter's fast lane: runs stretches of simple instructions in a small loop
//! of its own.
//!
//! `eval::run_with` is one large function, and LLVM keeps little of its hot state (the
//! instruction index, the stack top, the frame) in registers across it. This loop
//! covers only instructions whose common case cannot fail and calls nothing that could
//! run Python code: local and constant loads and stores, small-int and float
//! arithmetic and comparisons, branches, cached global and attribute loads, cached
//! attribute stores, and calls of (and returns from) Python functions whose arguments
//! fill their parameters exactly. It stops, without running it, at the first
//! instruction that is not one of those or whose operands are not the common case, and
//! `run_with` carries on from there as if it had run every instruction itself.
//!
//! What makes that exact:
//! - when the lane stops, the last instruction it ran is the frame's `last_pc`, as in
//!   `run_with` (nothing reads `last_pc` meanwhile), so the next instruction's
//!   "previous instruction" (monitoring) is the same;
//! - instrumented instructions are other opcodes, so none runs here, except an
//!   instrumented POP_JUMP_IF that does not jump, which fires nothing;
//! - nothing here runs Python code, raises, allocates Python objects (no collection
//!   can start) or frees (a value, or a returning frame, is dropped only when that
//!   releases no last reference, see `releasable`), so no finalizer becomes due, and
//!   the frame's `sp`, read only by those, can be written back when the lane stops;
//! - a call pushes the callee's frame and a return pops it as `run_with` does; when
//!   the lane stops in another frame than it started in, it writes that frame's `pc`
//!   and `sp` back and `run_with` continues in it.

use crate::bytecode::Op;
use crate::interp::frame::Frame;
use crate::interp::ops::{direct_call, DirectCall};
use crate::objects::{CodeObj, FunctionObj, ModuleObj};
use crate::value::Value;
use crate::vm::Vm;

/// `run`'s result when it stopped in another frame than it started in.
pub const CHANGED_FRAME: usize = usize::MAX;

/// Whether dropping `v` frees nothing: it is not an object, or not its last reference.
#[inline(always)]
fn releasable(v: &Value) -> bool {
    v.header().is_none_or(|h| h.refcount() > 1)
}

/// Whether dropping `v` and then `w` frees nothing: neither is the last reference,
/// counting twice an object both hold.
#[inline(always)]
fn both_releasable(v: &Value, w: &Value) -> bool {
    releasable(v) && releasable(w) && !(v.is_same(w) && v.header().is_some_and(|h| h.refcount() < 3))
}

/// BINARY_OP `op` on two floats or two small ints (with a small-int result), which
/// needs no call and cannot fail; None for anything else. Floats are tested first:
/// telling them apart is one compare each, and an int fails it at once.
#[inline(always)]
fn quick_binop(op: u32, lhs: &Value, rhs: &Value) -> Option<Value> {
    if let (Some(a), Some(b)) = (lhs.as_float(), rhs.as_float()) {
        crate::interp::ops::float_binop(op, a, b)
    } else if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        crate::interp::ops::small_int_result(op, a, b).filter(|&r| Value::small_int_fits(r)).map(Value::small_int)
    } else {
        None
    }
}

/// STORE_ATTR `ins` through the instance-attribute cache, with the owner and the
/// value in the stack slots `owner` and `value`: on a hit that frees nothing, stores,
/// moves both out of their slots and returns true; otherwise changes nothing.
///
/// # Safety
/// `owner` and `value` are initialised stack slots of the running frame.
#[inline(always)]
unsafe fn cached_store(code: &CodeObj, ins: crate::bytecode::Instr, owner: *mut Value, value: *mut Value) -> bool {
    // SAFETY: the caller's guarantee.
    let o = unsafe { &*owner };
    let Some((d, ix)) = crate::interp::ops::cached_instance_entry(code, ins, o) else { return false };
    // SAFETY: a bitwise copy: it moves into the dict, or comes back and is forgotten
    // (the slot still holds it).
    let v = unsafe { value.read() };
    // The old value is dropped, then the owner (which may be the old value too).
    match d.replace_at_if_key_when(ix, &code.names[ins.arg as usize], v, |old| both_releasable(old, o)) {
        Ok(old) => {
            drop(old);
            // SAFETY: the owner moves out of its slot (releasable: nothing is freed).
            drop(unsafe { owner.read() });
            true
        }
        Err(v) => {
            std::mem::forget(v);
            false
        }
    }
}

/// Runs the instructions of frame `f` (running `code`, slots at `slots`) from index
/// `pc` on, with the stack top at `top`, for as long as they are simple. Returns the
/// index of the first instruction not run (`pc` itself when none ran) and the new top,
/// or `CHANGED_FRAME` when it stopped in another frame (it called or returned), whose
/// `pc` and `sp` it then wrote back: that frame is the top one.
///
/// # Safety
/// `f` is the running frame (the top one) and `code`, `slots` and `top` its code, slots
/// and stack top; `pc` is an instruction index of `code`, and every instruction before
/// it has been run (the frame stands at `pc`).
#[inline(never)]
pub unsafe fn run(vm: &mut Vm, f: *mut Frame, code: &CodeObj, slots: *mut Value, mut pc: usize, mut top: *mut Value) -> (usize, *mut Value) {
    let (mut f, mut code, mut slots) = (f, code, slots);
    // Whether the lane has called or returned (a frame pushed after a return may lie
    // where the starting frame was, so comparing frame pointers is not enough).
    let mut changed_frame = false;
    let mut instrs = code.instrs.as_ptr();
    // SAFETY (all the macros): the compiler's stack-depth analysis guarantees every
    // push has room and every pop/peek a value; local indices are below nlocalsplus.
    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            unsafe {
                top.write(v);
                top = top.add(1);
            }
        }};
    }
    macro_rules! pop {
        () => {
            unsafe {
                top = top.sub(1);
                top.read()
            }
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            unsafe { &*top.sub($n) }
        };
    }
    macro_rules! local {
        ($i:expr) => {
            unsafe { &*slots.add($i as usize) }
        };
    }
    macro_rules! set_local {
        ($i:expr, $v:expr) => {{
            // The old value was checked releasable.
            let v = $v;
            drop(unsafe { std::ptr::replace(slots.add($i as usize), v) })
        }};
    }
    // The last instruction run: it becomes the frame's `last_pc` when the lane stops
    // (nothing looks at `last_pc` while the lane runs).
    let mut last = usize::MAX;
    'lane: loop {
        // SAFETY: pc is an instruction index (jump targets are; no code falls off the
        // end).
        let at = unsafe { &*instrs.add(pc) };
        let op = at.get().op;
        // The instruction's fields, read where an arm needs them (read up front, they
        // would be kept live, and spilled, across every instruction).
        macro_rules! ins {
            () => {
                at.get()
            };
        }
        macro_rules! arg {
            () => {
                at.get().arg
            };
        }
        // Leaves without running this instruction.
        macro_rules! stop {
            () => {{
                // SAFETY: `f` is the running frame.
                unsafe {
                    if last != usize::MAX {
                        (*f).last_pc = last as u32;
                    }
                    if changed_frame {
                        (*f).pc = pc as u32;
                        (*f).sp = top.offset_from((*f).stack_base()) as u32;
                        return (CHANGED_FRAME, top);
                    }
                }
                return (pc, top);
            }};
        }
        // Continues in frame `$f` (the top one, just pushed or returned to) at
        // instruction `$pc` with its stack top at `$top`.
        macro_rules! switch_frame {
            ($f:expr, $top:expr, $pc:expr) => {{
                f = $f;
                // SAFETY: the top frame is live; its function keeps its code alive.
                unsafe {
                    code = &*(*f).code;
                    slots = (*f).slots;
                }
                top = $top;
                pc = $pc;
                instrs = code.instrs.as_ptr();
                // Its last_pc is up to date.
                last = usize::MAX;
                changed_frame = true;
                continue 'lane;
            }};
        }
        // Whether the lane runs the (plain) RESUME of `code`: not when its
        // instrumentation is out of date (`run_with` brings it up to date), nor when
        // tier 2 runs the call or is about to compile it (`run_with` enters it).
        macro_rules! resume_runs {
            () => {{
                #[cfg(feature = "monitoring")]
                let current = code.runtime.instrumentation_version.get() == vm.monitoring.version || vm.monitoring.tracing != 0;
                #[cfg(not(feature = "monitoring"))]
                let current = true;
                current && crate::tier2::lane_keeps_call(vm, code)
            }};
        }
        // Continues at instruction `$to`, instruction `$last` having run last.
        macro_rules! goto {
            ($last:expr, $to:expr) => {{
                #[cfg(feature = "opstats")]
                crate::interp::eval::opstats::count(op);
                last = $last;
                pc = $to;
                continue 'lane;
            }};
        }
        // When the next instruction is an attribute-form LOAD_ATTR that the
        // instance-attribute cache answers for `$owner`, which this instruction
        // would push: pushes the attribute instead and runs both.
        macro_rules! then_load_attr {
            ($owner:expr) => {{
                let owner: &Value = $owner;
                // SAFETY: an instruction that pushes is never the last one.
                let j = unsafe { (*instrs.add(pc + 1)).get() };
                if owner.is_ptr() && j.op == Op::LoadAttr && j.arg & 1 == 0 {
                    if let Some(a) = crate::interp::ops::cached_instance_attr(code, j, owner, &code.names[(j.arg >> 1) as usize]) {
                        #[cfg(feature = "opstats")]
                        crate::interp::eval::opstats::count(j.op);
                        push!(a);
                        goto!(pc + 1, pc + 2);
                    }
                }
            }};
        }
        // The truth `$t` of the COMPARE_OP at `$at`, whose operands are popped: runs the
        // POP_JUMP_IF after it too when there is one (and the NOT_TAKEN after that
        // follows), as run_with's COMPARE_OP does; otherwise pushes it.
        macro_rules! compared {
            ($t:expr, $at:expr) => {{
                let (t, at): (bool, usize) = ($t, $at);
                // SAFETY: a COMPARE_OP is never the last instruction.
                let j = unsafe { (*instrs.add(at + 1)).get() };
                if matches!(j.op, Op::PopJumpIfFalse | Op::PopJumpIfTrue) {
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(j.op);
                    if t == (j.op == Op::PopJumpIfTrue) {
                        goto!(at + 1, j.arg as usize);
                    }
                    not_taken!(at + 1);
                }
                push!(Value::bool(t));
                goto!(at, at + 1);
            }};
        }
        // Continues after the conditional jump at `$at`, which did not jump: runs the
        // NOT_TAKEN that follows it (a no-op unless instrumented, when it is another
        // opcode) without a dispatch of its own.
        macro_rules! not_taken {
            ($at:expr) => {{
                let at: usize = $at;
                // SAFETY: a conditional jump is never the last instruction.
                if unsafe { (*instrs.add(at + 1)).get() }.op == Op::NotTaken {
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(Op::NotTaken);
                    goto!(at + 1, at + 2);
                }
                goto!(at, at + 1);
            }};
        }
        // Runs the LOAD_SMALL_INT at `pc`: `x - 1`, `x < 2` on a small int x (the stack
        // top): the BINARY_OP or COMPARE_OP after it runs with the constant as its
        // right operand, never pushed; otherwise it pushes the constant.
        macro_rules! load_small_int {
            ($lhs:expr) => {{
                // SAFETY: pc is an instruction index.
                let b = unsafe { (*instrs.add(pc)).get() }.arg as i32 as i64;
                // SAFETY: a LOAD_SMALL_INT is never the last instruction; when a
                // BINARY_OP or COMPARE_OP follows, a value is below (it pops two), and
                // `$lhs` (which may read it) is only evaluated then.
                let j = unsafe { (*instrs.add(pc + 1)).get() };
                if j.op == Op::CompareOp {
                    if let Some(a) = $lhs {
                        #[cfg(feature = "opstats")]
                        crate::interp::eval::opstats::count(j.op);
                        // SAFETY: the operand is a small int: nothing to release.
                        unsafe { top = top.sub(1) };
                        compared!(crate::interp::ops::compare_ints(j.arg >> 5, a, b), pc + 1);
                    }
                } else if j.op == Op::BinaryOp {
                    if let Some(a) = $lhs {
                        if let Some(r) = crate::interp::ops::small_int_result(j.arg, a, b).filter(|&r| Value::small_int_fits(r)) {
                            #[cfg(feature = "opstats")]
                            crate::interp::eval::opstats::count(j.op);
                            // SAFETY: as above.
                            unsafe { top.sub(1).write(Value::small_int(r)) };
                            goto!(pc + 1, pc + 2);
                        }
                    }
                }
                push!(Value::small_int(b));
            }};
        }
        // Arms that return (RETURN_VALUE, or an instruction that runs the RETURN_VALUE
        // after it) leave this block with `pc` at the RETURN_VALUE and the value on top.
        'ret: {
        match op {
            Op::Nop | Op::NotTaken => {}
            Op::Resume => {
                if !resume_runs!() {
                    stop!();
                }
            }
            Op::LoadFast | Op::LoadFastCheck => {
                let v = local!(arg!());
                if v.is_null() {
                    stop!();
                }
                // `local.name`, with no count taken on the local (CPython's
                // LOAD_FAST_BORROW).
                then_load_attr!(v);
                push!(v.clone());
                // SAFETY: a LOAD_FAST is never the last instruction.
                let j = unsafe { (*instrs.add(pc + 1)).get() };
                if let (Op::LoadSmallInt, Some(a)) = (j.op, v.as_small_int()) {
                    // `n - 1`, `n < 2`: the LOAD_SMALL_INT (and what it fuses with),
                    // which sets `last`.
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(op);
                    pc += 1;
                    load_small_int!(Some(a));
                } else if j.op == Op::ReturnValue {
                    // `return n`.
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(op);
                    last = pc;
                    pc += 1;
                    break 'ret;
                }
            }
            Op::LoadFastLoadFast => {
                let (a, b) = (local!(arg!() >> 4), local!(arg!() & 15));
                if a.is_null() || b.is_null() {
                    stop!();
                }
                // `x * y` on two local floats or small ints: the BINARY_OP after it
                // runs on the locals, which are never pushed.
                // SAFETY: a LOAD_FAST_LOAD_FAST is never the last instruction.
                let j = unsafe { (*instrs.add(pc + 1)).get() };
                if j.op == Op::BinaryOp {
                    if let Some(r) = quick_binop(j.arg, a, b) {
                        #[cfg(feature = "opstats")]
                        crate::interp::eval::opstats::count(j.op);
                        push!(r);
                        goto!(pc + 1, pc + 2);
                    }
                }
                push!(a.clone());
                push!(b.clone());
            }
            Op::LoadConst => push!(code.consts[arg!() as usize].clone()),
            Op::LoadSmallInt => load_small_int!(peek!(1).as_small_int()),
            Op::StoreFast => {
                if !releasable(local!(arg!())) {
                    stop!();
                }
                set_local!(arg!(), pop!());
            }
            Op::StoreFastStoreFast => {
                // Two stores to one local would release the first value stored.
                if arg!() >> 4 == arg!() & 15 || !both_releasable(local!(arg!() >> 4), local!(arg!() & 15)) {
                    stop!();
                }
                set_local!(arg!() >> 4, pop!());
                set_local!(arg!() & 15, pop!());
            }
            Op::StoreFastLoadFast => {
                if arg!() >> 4 == arg!() & 15 || !releasable(local!(arg!() >> 4)) || local!(arg!() & 15).is_null() {
                    stop!();
                }
                set_local!(arg!() >> 4, pop!());
                push!(local!(arg!() & 15).clone());
            }
            Op::PopTop => {
                if !releasable(peek!(1)) {
                    stop!();
                }
                drop(pop!());
            }
            Op::PushNull => push!(Value::NULL),
            Op::Copy => {
                let v = peek!(arg!() as usize);
                // `COPY 1; LOAD_ATTR name` (augmented attribute assignment), with no
                // count taken on the copy.
                if arg!() == 1 {
                    then_load_attr!(v);
                }
                push!(v.clone());
            }
            Op::Swap => {
                // `SWAP 2; STORE_ATTR name` (the end of an augmented attribute
                // assignment): the store with the owner and the value where they are.
                // SAFETY: a SWAP is never the last instruction; with SWAP 2 the owner
                // is the second value and the value the top one.
                let j = unsafe { (*instrs.add(pc + 1)).get() };
                if arg!() == 2 && j.op == Op::StoreAttr && unsafe { cached_store(code, j, top.sub(2), top.sub(1)) } {
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(j.op);
                    // SAFETY: both slots were moved out of.
                    unsafe { top = top.sub(2) };
                    goto!(pc + 1, pc + 2);
                }
                unsafe { std::ptr::swap(top.sub(1), top.sub(arg!() as usize)) }
            }
            Op::BinaryOp => {
                let Some(r) = quick_binop(arg!(), peek!(2), peek!(1)) else { stop!() };
                // Both operands are ints or floats: nothing to release.
                unsafe {
                    top = top.sub(1);
                    top.sub(1).write(r);
                }
                // `return a + b`.
                // SAFETY: a BINARY_OP is never the last instruction.
                if unsafe { (*instrs.add(pc + 1)).get() }.op == Op::ReturnValue {
                    #[cfg(feature = "opstats")]
                    crate::interp::eval::opstats::count(op);
                    last = pc;
                    pc += 1;
                    break 'ret;
                }
            }
            Op::CompareOp => {
                let Some(t) = crate::interp::ops::fast_compare(arg!() >> 5, peek!(2), peek!(1)) else { stop!() };
                // SAFETY: nothing to release, as in BinaryOp.
                unsafe { top = top.sub(2) };
                compared!(t, pc);
            }
            Op::ToBool => {
                let v = peek!(1);
                let b = if v.is_bool() {
                    None
                } else if let Some(i) = v.as_small_int() {
                    Some(i != 0)
                } else if v.is_none() {
                    Some(false)
                } else {
                    stop!();
                };
                if let Some(b) = b {
                    // SAFETY: an int or None: nothing to release.
                    unsafe { top.sub(1).write(Value::bool(b)) };
                }
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let v = peek!(1);
                if !v.is_bool() {
                    stop!();
                }
                let jump = v.is_true_const() == (op == Op::PopJumpIfTrue);
                // SAFETY: a bool: nothing to release.
                unsafe { top = top.sub(1) };
                if jump {
                    goto!(pc, arg!() as usize);
                }
                not_taken!(pc);
            }
            Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                if !releasable(peek!(1)) {
                    stop!();
                }
                if pop!().is_none() == (op == Op::PopJumpIfNone) {
                    goto!(pc, arg!() as usize);
                }
            }
            // An instrumented branch that does not jump fires nothing (its BRANCH_LEFT
            // belongs to the NOT_TAKEN after it), so it runs here as the plain one;
            // a jump leaves for run_with, which fires BRANCH_RIGHT. A branch that only
            // ever goes one way keeps the other direction's event live after a coverage
            // tool DISABLEd the one it saw: this keeps such a loop in the lane.
            Op::InstrumentedPopJumpIfFalse | Op::InstrumentedPopJumpIfTrue => {
                let v = peek!(1);
                if !v.is_bool() || v.is_true_const() == (op == Op::InstrumentedPopJumpIfTrue) {
                    stop!();
                }
                // SAFETY: a bool: nothing to release.
                unsafe { top = top.sub(1) };
                not_taken!(pc);
            }
            Op::InstrumentedPopJumpIfNone | Op::InstrumentedPopJumpIfNotNone => {
                if !releasable(peek!(1)) || peek!(1).is_none() == (op == Op::InstrumentedPopJumpIfNone) {
                    stop!();
                }
                drop(pop!());
                not_taken!(pc);
            }
            Op::ForIter => {
                // A list, tuple or range iterator: one step that runs no Python code,
                // with run_with's specialisation bookkeeping.
                let Some((next, _seen)) = crate::interp::ops::for_iter_builtin(peek!(1)) else { stop!() };
                #[cfg(feature = "monitoring")]
                crate::interp::instrumented::for_iter_seen(code, pc, &mut ins!(), _seen);
                match next {
                    Some(v) => {
                        push!(v);
                        goto!(pc, pc + 1)
                    }
                    // Exhausted: skip the END_FOR at the target, as run_with does.
                    None => goto!(pc, arg!() as usize + 1),
                }
            }
            Op::JumpForward | Op::JumpBackwardNoInterrupt => goto!(pc, arg!() as usize),
            Op::JumpBackward => {
                // The back-edge that makes a loop hot: `run_with` tries OSR.
                if !crate::tier2::lane_keeps_backedge(vm, code) {
                    stop!();
                }
                goto!(pc, arg!() as usize)
            }
            Op::LoadGlobal => {
                // SAFETY: `f` is the running frame.
                let Some(v) = crate::interp::ops::cached_global(vm, unsafe { &*f }, code, ins!()) else { stop!() };
                push!(v);
                if arg!() & 1 != 0 {
                    push!(Value::NULL);
                }
            }
            Op::LoadAttr => {
                let owner = peek!(1);
                if !releasable(owner) {
                    stop!();
                }
                let name = &code.names[(arg!() >> 1) as usize];
                let v = if let Some(m) = owner.downcast::<ModuleObj>() {
                    // A module attribute is a plain value in both forms.
                    let Some(v) = crate::interp::ops::cached_module_attr(code, ins!(), m, name) else { stop!() };
                    v
                } else if arg!() & 1 != 0 {
                    stop!();
                } else {
                    let Some(v) = crate::interp::ops::cached_instance_attr(code, ins!(), owner, name) else { stop!() };
                    v
                };
                // SAFETY: the owner slot is initialised; its value is releasable.
                drop(unsafe { std::ptr::replace(top.sub(1), v) });
                if arg!() & 1 != 0 {
                    push!(Value::NULL);
                }
            }
            Op::StoreAttr => {
                // SAFETY: the owner is on top, the value below it.
                if !unsafe { cached_store(code, ins!(), top.sub(1), top.sub(2)) } {
                    stop!();
                }
                // SAFETY: both slots were moved out of.
                unsafe { top = top.sub(2) };
            }
            Op::UnpackSequence => {
                let seq = peek!(1);
                let Some(t) = seq.as_tuple() else { stop!() };
                if t.len() != arg!() as usize || !releasable(seq) {
                    stop!();
                }
                let seq = pop!();
                for v in seq.as_tuple().expect("tuple").iter().rev() {
                    push!(v.clone());
                }
                drop(seq);
            }
            Op::Call => {
                // A Python function whose parameters the positional arguments fill
                // exactly, as run_with's CALL runs it (in the same loop).
                let argc = arg!() as usize;
                let Some(fo) = peek!(argc + 2).downcast::<FunctionObj>() else { stop!() };
                let nargs = argc + !peek!(argc + 1).is_null() as usize;
                if direct_call(fo, nargs) != DirectCall::Exact || vm.frames.len() >= vm.recursion_limit {
                    stop!();
                }
                // SAFETY: the callable moves into the new frame, the arguments too (the
                // self slot, if unused, holds NULL, which needs no drop); this frame
                // stands after the call, with the callable's slot as its top.
                let callee = unsafe {
                    let func = top.sub(argc + 2).read();
                    let callee = crate::interp::call::push_simple_frame(vm, func, nargs, top);
                    top = top.sub(argc + 2);
                    (*f).last_pc = pc as u32;
                    (*f).pc = pc as u32 + 1;
                    (*f).sp = top.offset_from((*f).stack_base()) as u32;
                    callee
                };
                #[cfg(feature = "opstats")]
                crate::interp::eval::opstats::count(op);
                // The callee's RESUME (its first instruction) runs with the call, without
                // a dispatch of its own; its `last_pc` is already 0.
                // SAFETY: the new frame is live; its function keeps its code alive.
                let resume = unsafe { &*(*callee).code }.instrs[0].get().op == Op::Resume && {
                    code = unsafe { &*(*callee).code };
                    resume_runs!()
                };
                // SAFETY: the new frame starts with an empty stack.
                switch_frame!(callee, unsafe { (*callee).stack_base() }, resume as usize);
            }
            Op::ReturnValue => break 'ret,
            _ => stop!(),
        }
        #[cfg(feature = "opstats")]
        crate::interp::eval::opstats::count(op);
        last = pc;
        pc += 1;
        continue 'lane;
        }
        // RETURN_VALUE (at `pc`), as run_with's, when the caller is in this loop too
        // and popping the frame frees nothing.
        // SAFETY: `f` is the running frame; its first nlocalsplus + sp slots are
        // initialised (the return value is the top one).
        let fr = unsafe { &*f };
        if fr.entry || fr.init {
            stop!();
        }
        // The frame's values below the return value are released one by one, then its
        // function, so that an object several of them hold counts once for each; when
        // one would be a last reference, the counts released so far are taken again.
        let below = unsafe { top.offset_from(slots) } as usize - 1;
        let mut released = 0;
        // SAFETY: slots below `below` are initialised; each is released at most once
        // (a released slot keeps its bits, whose object lives on: it was not the last
        // reference).
        let all_released = unsafe {
            while released < below && releasable(&*slots.add(released)) {
                drop(slots.add(released).read());
                released += 1;
            }
            let all = released == below && releasable(&fr.func);
            if !all {
                for i in 0..released {
                    if let Some(h) = (*slots.add(i)).header() {
                        h.incref();
                    }
                }
            }
            all
        };
        if !all_released {
            stop!();
        }
        let v = pop!();
        // SAFETY: `f` is the top frame, not an entry frame, its slots released and its
        // function releasable. The caller's CALL left its top where the result goes.
        let (caller, caller_top) = unsafe {
            crate::interp::call::pop_call_frame_at(vm, f);
            let caller = vm.frames.top_ptr();
            let t = (*caller).stack_base().add((*caller).sp as usize);
            t.write(v);
            (caller, t.add(1))
        };
        #[cfg(feature = "opstats")]
        crate::interp::eval::opstats::count(Op::ReturnValue);
        // SAFETY: the caller is live; its CALL set its pc.
        switch_frame!(caller, caller_top, unsafe { (*caller).pc } as usize);
    }
}
