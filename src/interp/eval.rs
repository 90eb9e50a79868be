//! Tier 1: the bytecode interpreter.
//!
//! `run` executes the frame on top of `vm.frames` until the entry frame returns or
//! yields. Python-to-Python calls push a frame and continue in the same loop (no Rust
//! recursion); native code that calls back into Python starts a nested `run`.
//!
//! The hot state (`pc`, `sp`, the frame's slots) lives in locals; `pc` is written back to
//! the frame before every instruction so tracebacks and monitoring see the right
//! instruction, and `sp` whenever control leaves this function's view of the frame.

use crate::bytecode::{self as bc, BinaryOpArg, Op};
use crate::error::{ExcKind, PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

/// How `run` left its entry frame.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Raw access to the current frame's value stack.
pub(crate) struct Stack {
    /// One past the top value.
    pub(crate) top: *mut Value,
}

impl Stack {
    #[inline(always)]
    pub(crate) fn push(&mut self, v: Value) {
        // SAFETY: the compiler's stack-depth analysis guarantees the frame reserved
        // enough slots for every push (stacksize), and `top` starts inside them.
        unsafe {
            std::ptr::write(self.top, v);
            self.top = self.top.add(1);
        }
    }
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Value {
        // SAFETY: the stack-depth analysis guarantees a value is present to pop; it is
        // moved out, so the slot is uninitialised again.
        unsafe {
            self.top = self.top.sub(1);
            std::ptr::read(self.top)
        }
    }
    /// Borrows the value `n` slots below the top (1 = top).
    #[inline(always)]
    pub(crate) fn peek(&self, n: usize) -> &Value {
        // SAFETY: at least `n` values are on the stack (stack-depth analysis).
        unsafe { &*self.top.sub(n) }
    }
    /// Replaces the value `n` below the top, dropping the old one.
    #[inline(always)]
    pub(crate) fn set(&mut self, n: usize, v: Value) {
        // SAFETY: as in peek; the old value is read out then dropped.
        unsafe {
            let old = std::ptr::replace(self.top.sub(n), v);
            drop(old);
        }
    }
    /// The top `n` values as a slice (bottom first).
    #[inline(always)]
    pub(crate) fn slice(&self, n: usize) -> &[Value] {
        // SAFETY: the top n slots are initialised.
        unsafe { std::slice::from_raw_parts(self.top.sub(n), n) }
    }
    /// Drops the top `n` values.
    #[inline(always)]
    pub(crate) fn drop_n(&mut self, n: usize) {
        for _ in 0..n {
            drop(self.pop());
        }
    }
    #[inline(always)]
    pub(crate) fn swap(&mut self, n: usize) {
        // SAFETY: at least n values are on the stack.
        unsafe { std::ptr::swap(self.top.sub(1), self.top.sub(n)) }
    }
    /// CALL's method unpacking: a bound method in the callable slot, with NULL in the
    /// self slot `self_slot` below the top, becomes (function, self).
    #[inline(always)]
    pub(crate) fn expand_bound_method(&mut self, self_slot: usize) {
        if self.peek(self_slot).is_null() {
            if let Some(bm) = self.peek(self_slot + 1).downcast::<BoundMethodObj>() {
                let (fu, se) = (bm.func.clone(), bm.self_.clone());
                self.set(self_slot, se);
                self.set(self_slot + 1, fu);
            }
        }
    }
    #[inline(always)]
    pub(crate) fn depth(&self, base: *mut Value) -> u32 {
        // SAFETY: both pointers are into the same frame's slots.
        unsafe { self.top.offset_from(base) as u32 }
    }
}

/// Runs the top frame of `vm.frames` (it must be an entry frame).
pub fn run(vm: &mut Vm) -> PyResult<Exit> {
    run_with(vm, None)
}

/// Runs the top frame, first raising `pending` in it if given (generator `throw`).
pub fn run_with(vm: &mut Vm, pending: Option<PyErr>) -> PyResult<Exit> {
    // A pending error on entry is a generator `throw`: PY_THROW reports it first.
    let thrown = pending.is_some();
    run_frames(vm, pending, thrown)
}

/// Runs the top frame, unwinding `err` from its `last_pc` first (compiled code that
/// failed left the frame in the state the failing instruction's arm would).
pub fn run_raising(vm: &mut Vm, err: PyErr) -> PyResult<Exit> {
    run_frames(vm, Some(err), false)
}

fn run_frames(vm: &mut Vm, mut pending: Option<PyErr>, mut thrown: bool) -> PyResult<Exit> {
    let mut fidx = vm.frames.len() - 1;
    'frame: loop {
        // (Re)load the registers of frame `fidx`.
        let f: *mut Frame = vm.frames.ptr(fidx);
        // SAFETY: `f` points into vm.frames, whose frames never move (FrameStack); frame
        // `fidx` stays on the stack while this loop iteration uses it, since frames
        // pushed by nested calls are popped before they return here.
        let frame = unsafe { &mut *f };
        let code: *const CodeObj = frame.code;
        // SAFETY: the frame's code_ref keeps the code alive while the frame exists.
        let code_ref: &CodeObj = unsafe { &*code };
        let instrs = code_ref.instrs.as_ptr();
        let slots = frame.slots;
        let base = frame.stack_base();
        let mut st = Stack { top: unsafe { base.add(frame.sp as usize) } };
        let mut pc = frame.pc as usize;

        // The running code as a value (for monitoring callbacks).
        macro_rules! code_ref_v {
            () => {
                // SAFETY: f is valid (see `sync!`); the frame keeps its code alive.
                Value::clone(unsafe { &(*f).code_ref })
            };
        }
        macro_rules! local {
            ($i:expr) => {
                // SAFETY: localsplus slots are initialised; the index comes from the
                // compiler and is < nlocalsplus.
                unsafe { &*slots.add($i as usize) }
            };
        }
        macro_rules! set_local {
            ($i:expr, $v:expr) => {{
                // SAFETY: as in local!.
                let old = unsafe { std::ptr::replace(slots.add($i as usize), $v) };
                drop(old);
            }};
        }
        macro_rules! sync {
            () => {{
                // SAFETY: f stays valid until the frame list changes, which only
                // happens after a sync.
                unsafe { (*f).sp = st.depth(base) };
            }};
        }
        // The running instruction as stored in the code. Its arg, cache index and aux
        // byte are those of `ins` (instrumentation rewrites only the opcode, which may
        // differ; FOR_ITER's counter is written through). Arms that need the cache
        // fields read them here rather than keep them live in `ins` (and spilled)
        // across every instruction.
        macro_rules! cur_ins {
            () => {
                // SAFETY: pc - 1 is the running instruction (pc was advanced past it).
                unsafe { (*instrs.add(pc - 1)).get() }
            };
        }
        // Continue in the frame a direct call just pushed (this one's state is saved).
        macro_rules! enter_callee {
            () => {{
                // SAFETY: f stays valid: frames never move (FrameStack).
                unsafe {
                    (*f).sp = st.depth(base);
                    (*f).pc = pc as u32;
                }
                fidx += 1;
                continue 'frame;
            }};
        }
        // After an instruction that released references: run the finalizers of objects
        // that died (see runtime/finalize.rs), with the frame in a consistent state.
        macro_rules! finalize_point {
            () => {
                if crate::object::finalizers_pending() {
                    sync!();
                    vm.run_pending_finalizers();
                }
            };
        }

        let err: PyErr = 'exc: {
            // A jump or branch event whose callback raised: CPython looks for the handler
            // (and reports RAISE) at the jump's destination.
            macro_rules! tri_jump {
                ($e:expr, $dest:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            vm.error_pc = Some($dest as u32);
                            break 'exc e;
                        }
                    }
                };
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break 'exc e,
                    }
                };
            }
            if let Some(e) = pending.take() {
                // A throw skips RESUME, so bring the instrumentation up to date here.
                if thrown {
                    crate::monitoring::instrument::instrument(&vm.monitoring, code_ref);
                    // As in CPython, the suspended frame stands at the RESUME after its
                    // yield (PY_THROW's offset, and the "previous instruction" of the
                    // handler's first LINE), while the handler search starts at the
                    // yield itself.
                    if pc > 0 {
                        unsafe { (*f).last_pc = pc as u32 };
                        vm.error_pc = Some(pc as u32 - 1);
                    }
                }
                if std::mem::take(&mut thrown) && crate::monitoring::fire::has_global(vm, crate::monitoring::events::PY_THROW) {
                    sync!();
                    let exc = vm.normalize(e);
                    let lp = unsafe { (*f).last_pc } as usize;
                    match crate::monitoring::fire::fire_exc(vm, &code_ref_v!(), lp, crate::monitoring::events::PY_THROW, &exc) {
                        Ok(()) => break 'exc PyErr::Obj(exc),
                        Err(e2) => break 'exc e2,
                    }
                }
                break 'exc e;
            }
            'next: loop {
                // Runs the simple instructions from index `$start` on in the fast lane
                // (interp/fast.rs) and, when it ran any, continues at the first it did not.
                // Arms of instructions the lane runs start here (`$start` = their own index,
                // so they only run themselves when the lane declines).
                macro_rules! fast_lane {
                    ($start:expr) => {{
                        let start = $start;
                        // The lane runs no instrumented instruction: with monitoring on,
                        // this arm may be one re-dispatched from one.
                        // SAFETY: `start` is an instruction index (the running one or
                        // the next).
                        if !unsafe { (*instrs.add(start)).get() }.op.is_instrumented() {
                            fast_lane_run!(start);
                        }
                    }};
                }
                macro_rules! fast_lane_run {
                    ($start:expr) => {{
                        let start = $start;
                        // SAFETY: f, code_ref, slots and st.top are the running frame's, which
                        // stands at `start`.
                        let (p, top) = unsafe { crate::interp::fast::run(vm, f, code_ref, slots, start, st.top) };
                        if p == crate::interp::fast::CHANGED_FRAME {
                            fidx = vm.frames.len() - 1;
                            continue 'frame;
                        }
                        if p != start {
                            pc = p;
                            st.top = top;
                            continue 'next;
                        }
                    }};
                }
                // SAFETY: pc is always a valid instruction index: the compiler ends
                // every code path with a return/raise/jump and jump targets are valid.
                let mut ins = unsafe { (*instrs.add(pc)).get() };
                // The instruction run before this one (INSTRUMENTED_LINE compares lines).
                // SAFETY: see `sync!`.
                #[cfg(feature = "monitoring")]
                let prev_pc = unsafe { (*f).last_pc } as usize;
                // Without monitoring no instruction is ever instrumented.
                #[cfg(not(feature = "monitoring"))]
                let prev_pc = 0usize;
                unsafe { (*f).last_pc = pc as u32 };
                pc += 1;
                #[cfg(feature = "opstats")]
                opstats::count(ins.op);
                // Instrumented instructions fire their event, then re-dispatch as the
                // instruction they cover.
                'dispatch: loop {
                // Without this, LLVM sees the argument and the stack top as invariant in
                // the 'dispatch loop (only instrumented instructions loop back) and
                // hoists what the arms compute from them (`top - 8`, `arg + 1`, the
                // stack depth, ...) above the match, to be spilled on every instruction.
                ins.arg = opaque(ins.arg);
                st.top = opaque(st.top);
                // Compiled code that fired this instruction's LINE/INSTRUCTION events and
                // then left (their callbacks made an event live it has no probe for)
                // named the opcode to run, as `fire_line`/`fire_instruction` return it:
                // the instruction may be another instrumented one by now (CALL made
                // live), whose event must stay silent this time if that opcode is plain.
                #[cfg(feature = "monitoring")]
                if ins.op.is_instrumented() && vm.tier2.pre_fired.is_some() {
                    if let Some(op) = crate::tier2::take_pre_fired(vm, f, pc - 1) {
                        ins.op = op;
                    }
                }
                match ins.op {
                    Op::Nop | Op::NotTaken => {}
                    // Two arms so plain RESUME, run once per call, tests nothing else.
                    Op::Resume => {
                        #[cfg(feature = "monitoring")]
                        if crate::monitoring::instrument::catch_up(&vm.monitoring, code_ref) {
                            pc -= 1; // run again as what it has become
                            continue 'next;
                        }
                        // Tier 2: run this call compiled, if its code is (or gets) compiled.
                        if vm.tier2.mode != crate::tier2::TierMode::Interp {
                            sync!();
                            if let Some(r) = crate::tier2::enter_at_resume(vm, f) {
                                pending = r.err();
                                continue 'frame;
                            }
                        }
                        fast_lane!(pc);
                    }
                    Op::InstrumentedResume => {
                        if crate::monitoring::instrument::catch_up(&vm.monitoring, code_ref) {
                            pc -= 1;
                            continue 'next;
                        }
                        sync!();
                        let ev = if ins.arg & bc::RESUME_OPARG_LOCATION_MASK == 0 {
                            crate::monitoring::events::PY_START
                        } else {
                            crate::monitoring::events::PY_RESUME
                        };
                        tri!(crate::monitoring::fire::fire_at(vm, &code_ref_v!(), pc - 1, ev, &[]));
                        // Tier 2: compiled code carries probes for what is live.
                        if vm.tier2.mode != crate::tier2::TierMode::Interp {
                            if let Some(r) = crate::tier2::enter_at_resume(vm, f) {
                                pending = r.err();
                                continue 'frame;
                            }
                        }
                        fast_lane!(pc);
                    }
                    // ---- sys.monitoring: see interp/instrumented.rs.
                    Op::InstrumentedLine => {
                        sync!();
                        let op = tri!(crate::monitoring::fire::fire_line(vm, &code_ref_v!(), pc - 1, prev_pc));
                        ins.op = op;
                        if op == Op::ForIter {
                            crate::interp::instrumented::pause_counter(code_ref, pc - 1, &mut ins);
                        }
                        continue 'dispatch;
                    }
                    Op::InstrumentedInstruction => {
                        sync!();
                        let op = tri!(crate::monitoring::fire::fire_instruction(vm, &code_ref_v!(), pc - 1));
                        ins.op = op;
                        if op == Op::ForIter {
                            crate::interp::instrumented::pause_counter(code_ref, pc - 1, &mut ins);
                        }
                        continue 'dispatch;
                    }
                    Op::InstrumentedReturnValue | Op::InstrumentedYieldValue => {
                        sync!();
                        let (ev, base) = if ins.op == Op::InstrumentedReturnValue {
                            (crate::monitoring::events::PY_RETURN, Op::ReturnValue)
                        } else {
                            (crate::monitoring::events::PY_YIELD, Op::YieldValue)
                        };
                        let v = st.peek(1).clone();
                        tri!(crate::monitoring::fire::fire_at(vm, &code_ref_v!(), pc - 1, ev, &[v]));
                        ins.op = base;
                        continue 'dispatch;
                    }
                    Op::InstrumentedCall | Op::InstrumentedCallKw => {
                        let kw = ins.op == Op::InstrumentedCallKw;
                        let argc = ins.arg as usize;
                        let extra = kw as usize;
                        // Bound methods are unpacked into (function, self) first.
                        st.expand_bound_method(argc + 1 + extra);
                        sync!();
                        let callable = st.peek(argc + 2 + extra).clone();
                        let self_or_null = st.peek(argc + 1 + extra);
                        let arg0 = if !self_or_null.is_null() {
                            self_or_null.clone()
                        } else if argc > 0 {
                            st.peek(argc + extra).clone()
                        } else {
                            vm.monitoring.missing.clone()
                        };
                        let code_v = code_ref_v!();
                        tri!(crate::monitoring::fire::fire_at(vm, &code_v, pc - 1, crate::monitoring::events::CALL, &[callable.clone(), arg0.clone()]));
                        if callable.is::<FunctionObj>() {
                            ins.op = if kw { Op::CallKw } else { Op::Call };
                            continue 'dispatch;
                        }
                        let kwnames = if kw { Some(st.pop()) } else { None };
                        let result = {
                            let self_or_null = st.peek(argc + 1);
                            let kwv = kwnames.as_ref().map(|k| k.as_tuple().expect("kwnames").to_vec());
                            let kwslice: &[Value] = kwv.as_deref().unwrap_or(&[]);
                            let n = argc + !self_or_null.is_null() as usize;
                            vm.call_args(&callable, func::Args::with_kw(st.slice(n), kwslice))
                        };
                        let result = crate::interp::instrumented::c_event(vm, &code_v, pc - 1, &callable, &arg0, result);
                        st.drop_n(argc + 2);
                        st.push(tri!(result));
                        finalize_point!();
                    }
                    Op::InstrumentedCallFunctionEx => {
                        let kwargs = st.pop();
                        let args = st.pop();
                        let _null = st.pop();
                        let callable = st.pop();
                        sync!();
                        let args = tri!(crate::interp::instrumented::callargs_tuple(vm, &callable, args));
                        let arg0 = args.as_tuple().and_then(|t| t.first().cloned()).unwrap_or_else(|| vm.monitoring.missing.clone());
                        let code_v = code_ref_v!();
                        tri!(crate::monitoring::fire::fire_at(vm, &code_v, pc - 1, crate::monitoring::events::CALL, &[callable.clone(), arg0.clone()]));
                        let r = crate::interp::ops::call_function_ex(vm, &callable, &args, &kwargs);
                        let r = if callable.is::<FunctionObj>() || callable.is::<BoundMethodObj>() {
                            r
                        } else {
                            crate::interp::instrumented::c_event(vm, &code_v, pc - 1, &callable, &arg0, r)
                        };
                        st.push(tri!(r));
                        finalize_point!();
                    }
                    Op::InstrumentedLoadSuperAttr => {
                        let self_ = st.pop();
                        let class = st.pop();
                        let global_super = st.pop();
                        sync!();
                        let arg0 = if ins.arg & 2 != 0 { class.clone() } else { vm.monitoring.missing.clone() };
                        let code_v = code_ref_v!();
                        tri!(crate::monitoring::fire::fire_at(vm, &code_v, pc - 1, crate::monitoring::events::CALL, &[global_super.clone(), arg0.clone()]));
                        // CPython's instrumented (generic) LOAD_SUPER_ATTR: C_RETURN or
                        // C_RAISE cover the super() call only; the attribute is then
                        // loaded bound with no method shortcut (self is NULL), so the
                        // CALL that follows reports what binding produced.
                        let args = if ins.arg & 2 != 0 { vec![class, self_] } else { Vec::new() };
                        let sup = vm.call(&global_super, &args);
                        let sup = tri!(crate::interp::instrumented::c_event(vm, &code_v, pc - 1, &global_super, &arg0, sup));
                        let name = &code_ref.names[(ins.arg >> 2) as usize];
                        st.push(tri!(vm.getattr(&sup, name)));
                        if ins.arg & 1 != 0 {
                            st.push(Value::NULL);
                        }
                    }
                    Op::InstrumentedJumpForward | Op::InstrumentedJumpBackward => {
                        sync!();
                        let here = pc - 1;
                        tri_jump!(crate::monitoring::fire::fire_jump(vm, &code_ref_v!(), here, crate::monitoring::events::JUMP, here, ins.arg as usize), ins.arg as usize);
                        pc = ins.arg as usize;
                        finalize_point!();
                    }
                    Op::InstrumentedPopJumpIfFalse | Op::InstrumentedPopJumpIfTrue
                    | Op::InstrumentedPopJumpIfNone | Op::InstrumentedPopJumpIfNotNone => {
                        let v = st.pop();
                        let jump = match ins.op {
                            Op::InstrumentedPopJumpIfFalse => !tri!(cond(vm, &v)),
                            Op::InstrumentedPopJumpIfTrue => tri!(cond(vm, &v)),
                            Op::InstrumentedPopJumpIfNone => v.is_none(),
                            _ => !v.is_none(),
                        };
                        drop(v);
                        if jump {
                            sync!();
                            let here = pc - 1;
                            tri_jump!(crate::monitoring::fire::fire_jump(vm, &code_ref_v!(), here, crate::monitoring::events::BRANCH_RIGHT, here, ins.arg as usize), ins.arg as usize);
                            pc = ins.arg as usize;
                        }
                    }
                    Op::InstrumentedNotTaken => {
                        sync!();
                        tri_jump!(crate::monitoring::fire::fire_jump(vm, &code_ref_v!(), pc - 1, crate::monitoring::events::BRANCH_LEFT, prev_pc, pc), pc);
                    }
                    Op::InstrumentedPopIter => {
                        sync!();
                        tri_jump!(crate::monitoring::fire::fire_jump(vm, &code_ref_v!(), pc - 1, crate::monitoring::events::BRANCH_RIGHT, prev_pc, pc), pc);
                        drop(st.pop());
                        finalize_point!();
                    }
                    Op::InstrumentedEndFor | Op::InstrumentedEndSend => {
                        if st.peek(2).is::<crate::interp::generator::GeneratorObj>() {
                            sync!();
                            let value = st.peek(1).clone();
                            let exc = crate::runtime::exceptions::stop_iteration_object(vm, value);
                            tri!(crate::monitoring::fire::fire_at(vm, &code_ref_v!(), pc - 1, crate::monitoring::events::STOP_ITERATION, &[exc]));
                        }
                        ins.op = if ins.op == Op::InstrumentedEndFor { Op::EndFor } else { Op::EndSend };
                        continue 'dispatch;
                    }
                    Op::InstrumentedForIter => {
                        sync!();
                        let here = pc - 1;
                        match tri!(crate::interp::instrumented::instrumented_for_iter(vm, &code_ref_v!(), here, st.peek(1))) {
                            Some(v) => {
                                st.push(v);
                                tri_jump!(crate::monitoring::fire::fire_jump(vm, &code_ref_v!(), here, crate::monitoring::events::BRANCH_LEFT, here, pc), pc);
                            }
                            None => pc = ins.arg as usize + 1,
                        }
                    }
                    Op::LoadConst => {
                        fast_lane!(pc - 1);
                        st.push(code_ref.consts[ins.arg as usize].clone());
                    }
                    Op::LoadSmallInt => {
                        fast_lane!(pc - 1);
                        st.push(Value::small_int(ins.arg as i32 as i64));
                    }
                    Op::LoadFast | Op::LoadFastCheck => {
                        fast_lane!(pc - 1);
                        let v = local!(ins.arg);
                        if v.is_null() {
                            break 'exc unbound_local(code_ref, ins.arg as usize);
                        }
                        st.push(v.clone());
                    }
                    Op::LoadFastAndClear => {
                        // SAFETY: as in local!; the slot is left NULL.
                        let v = unsafe { std::ptr::replace(slots.add(ins.arg as usize), Value::NULL) };
                        st.push(v);
                    }
                    Op::StoreFast => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        set_local!(ins.arg, v);
                        finalize_point!();
                    }
                    // Superinstructions (two locals packed as `a << 4 | b`).
                    Op::LoadFastLoadFast => {
                        fast_lane!(pc - 1);
                        for i in [ins.arg >> 4, ins.arg & 15] {
                            let v = local!(i);
                            if v.is_null() {
                                break 'exc unbound_local(code_ref, i as usize);
                            }
                            st.push(v.clone());
                        }
                    }
                    Op::StoreFastLoadFast => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        set_local!(ins.arg >> 4, v);
                        let w = local!(ins.arg & 15);
                        if w.is_null() {
                            break 'exc unbound_local(code_ref, (ins.arg & 15) as usize);
                        }
                        st.push(w.clone());
                        finalize_point!();
                    }
                    Op::StoreFastStoreFast => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        set_local!(ins.arg >> 4, v);
                        let w = st.pop();
                        set_local!(ins.arg & 15, w);
                        finalize_point!();
                    }
                    // Out-of-line bodies shared with tier 2 (interp/stack_ops.rs).
                    // SAFETY (both arms): f is the running frame and st its stack.
                    Op::MakeCell
                    | Op::CopyFreeVars
                    | Op::LoadDeref
                    | Op::LoadFromDictOrDeref
                    | Op::LoadName
                    | Op::LoadSuperAttr
                    | Op::LoadSpecial
                    | Op::LoadCommonConstant
                    | Op::ContainsOp
                    | Op::BuildTuple
                    | Op::BuildList
                    | Op::BuildSet
                    | Op::BuildMap
                    | Op::BuildString
                    | Op::BuildSlice
                    | Op::ListAppend
                    | Op::SetAdd
                    | Op::MapAdd
                    | Op::ListExtend
                    | Op::SetUpdate
                    | Op::DictUpdate
                    | Op::DictMerge
                    | Op::UnpackEx
                    | Op::BinarySlice
                    | Op::StoreSlice
                    | Op::FormatSimple
                    | Op::FormatWithSpec
                    | Op::ConvertValue
                    | Op::CallIntrinsic1
                    | Op::MakeFunction
                    | Op::SetFunctionAttribute
                    | Op::RaiseVarargs
                    | Op::Reraise
                    | Op::PushExcInfo
                    | Op::CheckExcMatch
                    | Op::WithExceptStart
                    | Op::LoadBuildClass
                    | Op::ImportName
                    | Op::ImportFrom
                    | Op::GetYieldFromIter
                    | Op::EndSend
                    | Op::LoadLocals => tri!(unsafe { crate::interp::stack_ops::run(vm, f, code_ref, ins, &mut st) }),
                    Op::DeleteFast
                    | Op::StoreDeref
                    | Op::DeleteDeref
                    | Op::StoreGlobal
                    | Op::DeleteGlobal
                    | Op::StoreName
                    | Op::DeleteName
                    | Op::DeleteAttr
                    | Op::StoreSubscr
                    | Op::DeleteSubscr
                    | Op::CallFunctionEx
                    | Op::PopExcept => {
                        tri!(unsafe { crate::interp::stack_ops::run(vm, f, code_ref, ins, &mut st) });
                        finalize_point!();
                    }
                    Op::LoadGlobal => {
                        fast_lane!(pc - 1);
                        let v = tri!(crate::interp::ops::load_global(vm, unsafe { &*f }, code_ref, cur_ins!()));
                        st.push(v);
                        if ins.arg & 1 != 0 {
                            st.push(Value::NULL);
                        }
                    }
                    Op::LoadAttr => {
                        fast_lane!(pc - 1);
                        if ins.arg & 1 != 0 {
                            // SAFETY: f is the running frame and st its stack.
                            tri!(unsafe { crate::interp::stack_ops::run(vm, f, code_ref, ins, &mut st) });
                            continue 'next;
                        }
                        let name = &code_ref.names[(ins.arg >> 1) as usize];
                        let owner = st.pop();
                        if let Some(v) = crate::interp::ops::cached_instance_attr(code_ref, cur_ins!(), &owner, name) {
                            st.push(v);
                            continue 'next;
                        }
                        // A property with a Python getter: run the getter in this
                        // loop, as a call with `owner` as its argument.
                        if let Some(fget) = crate::interp::ops::property_getter(vm, &owner, name) {
                            tri!(crate::interp::call::check_depth(vm));
                            st.push(owner);
                            let _ = crate::interp::call::push_simple_frame(vm, fget, 1, st.top);
                            // SAFETY: the pushed owner moved into the new frame.
                            st.top = unsafe { st.top.sub(1) };
                            enter_callee!();
                        }
                        let v = tri!(crate::interp::ops::load_attr(vm, code_ref, cur_ins!(), &owner, name));
                        st.push(v);
                    }
                    Op::StoreAttr => {
                        fast_lane!(pc - 1);
                        // SAFETY: f is the running frame and st its stack.
                        tri!(unsafe { crate::interp::stack_ops::run(vm, f, code_ref, ins, &mut st) });
                        finalize_point!();
                    }
                    Op::BinaryOp => {
                        fast_lane!(pc - 1);
                        let rhs = st.pop();
                        let lhs = st.pop();
                        let r = if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
                            match crate::interp::ops::small_int_binop(ins.arg, a, b) {
                                Some(v) => v,
                                None => tri!(vm.binary_op(&lhs, &rhs, BinaryOpArg::from_u32(ins.arg).expect("binary op"))),
                            }
                        } else if let (Some(a), Some(b)) = (lhs.as_float(), rhs.as_float()) {
                            match crate::interp::ops::float_binop(ins.arg, a, b) {
                                Some(v) => v,
                                None => tri!(vm.binary_op(&lhs, &rhs, BinaryOpArg::from_u32(ins.arg).expect("binary op"))),
                            }
                        } else if ins.arg == BinaryOpArg::Subscr as u32 {
                            tri!(crate::interp::ops::subscript(vm, &lhs, &rhs))
                        } else {
                            tri!(vm.binary_op(&lhs, &rhs, BinaryOpArg::from_u32(ins.arg).expect("binary op")))
                        };
                        st.push(r);
                    }
                    Op::CompareOp => {
                        fast_lane!(pc - 1);
                        let rhs = st.pop();
                        let lhs = st.pop();
                        if let Some(t) = crate::interp::ops::fast_compare(ins.arg >> 5, &lhs, &rhs) {
                            // A POP_JUMP_IF_FALSE/TRUE right after (not instrumented: that
                            // is another opcode) runs here, and so does the NOT_TAKEN
                            // after it when it falls through, as if dispatched: each
                            // becomes the frame's last instruction in turn.
                            // SAFETY: a COMPARE_OP is never the last instruction.
                            let next = unsafe { (*instrs.add(pc)).get() };
                            if matches!(next.op, Op::PopJumpIfFalse | Op::PopJumpIfTrue) {
                                #[cfg(feature = "opstats")]
                                opstats::count(next.op);
                                // SAFETY: see `sync!`.
                                unsafe { (*f).last_pc = pc as u32 };
                                pc += 1;
                                if t == (next.op == Op::PopJumpIfTrue) {
                                    pc = next.arg as usize;
                                // SAFETY: the jump is not the last instruction either.
                                } else if unsafe { (*instrs.add(pc)).get() }.op == Op::NotTaken {
                                    #[cfg(feature = "opstats")]
                                    opstats::count(Op::NotTaken);
                                    // SAFETY: see `sync!`.
                                    unsafe { (*f).last_pc = pc as u32 };
                                    pc += 1;
                                }
                                continue 'next;
                            }
                            st.push(Value::bool(t));
                            continue 'next;
                        }
                        let op = CmpOp::from_arg(ins.arg >> 5);
                        let r = if ins.arg & 16 != 0 {
                            Value::bool(tri!(vm.compare_bool(&lhs, &rhs, op)))
                        } else {
                            tri!(vm.rich_compare(&lhs, &rhs, op))
                        };
                        st.push(r);
                    }
                    Op::IsOp => {
                        let rhs = st.pop();
                        let lhs = st.pop();
                        st.push(Value::bool(lhs.is_same(&rhs) != (ins.arg != 0)));
                    }
                    Op::ToBool => {
                        fast_lane!(pc - 1);
                        let v = st.peek(1);
                        if !v.is_bool() {
                            let b = tri!(vm.truthy(v));
                            st.set(1, Value::bool(b));
                        }
                    }
                    Op::UnaryNot => {
                        let v = st.pop();
                        st.push(Value::bool(!v.is_true_const()));
                    }
                    Op::UnaryNegative => {
                        let v = st.pop();
                        st.push(tri!(vm.negative(&v)));
                    }
                    Op::UnaryInvert => {
                        let v = st.pop();
                        st.push(tri!(vm.invert(&v)));
                    }
                    Op::PopJumpIfFalse => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        if !tri!(cond(vm, &v)) {
                            pc = ins.arg as usize;
                        }
                    }
                    Op::PopJumpIfTrue => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        if tri!(cond(vm, &v)) {
                            pc = ins.arg as usize;
                        }
                    }
                    Op::PopJumpIfNone => {
                        if st.pop().is_none() {
                            pc = ins.arg as usize;
                        }
                    }
                    Op::PopJumpIfNotNone => {
                        if !st.pop().is_none() {
                            pc = ins.arg as usize;
                        }
                    }
                    Op::JumpForward | Op::JumpBackwardNoInterrupt => {
                        pc = ins.arg as usize;
                    }
                    Op::JumpBackward => {
                        fast_lane!(pc - 1);
                        pc = ins.arg as usize;
                        finalize_point!();
                        // Tier 2: a hot loop continues compiled from its header (OSR).
                        if vm.tier2.mode != crate::tier2::TierMode::Interp && crate::tier2::loop_is_hot(vm, code_ref) {
                            sync!();
                            // SAFETY: see `sync!`.
                            unsafe { (*f).pc = pc as u32 };
                            if let Some(r) = crate::tier2::enter_at_loop(vm, f) {
                                pending = r.err();
                                continue 'frame;
                            }
                        }
                    }
                    Op::GetIter => {
                        let v = st.pop();
                        st.push(tri!(vm.iter(&v)));
                    }
                    Op::ForIter => {
                        // CPython specialises FOR_ITER by iterator type, and which way
                        // it runs decides STOP_ITERATION events; see instrumented.rs.
                        // Only the monitoring build's counter emulation mutates it.
                        #[cfg_attr(not(feature = "monitoring"), allow(unused_mut))]
                        let mut ins = cur_ins!();
                        // List and range iterators (most loops): one step, and the
                        // specialisation bookkeeping only when it changes.
                        if let Some((next, _seen)) = crate::interp::ops::for_iter_builtin(st.peek(1)) {
                            #[cfg(feature = "monitoring")]
                            crate::interp::instrumented::for_iter_seen(code_ref, pc - 1, &mut ins, _seen);
                            match next {
                                Some(v) => st.push(v),
                                // Exhausted: skip the END_FOR at the target.
                                None => pc = ins.arg as usize + 1,
                            }
                            continue 'next;
                        }
                        #[cfg(feature = "monitoring")]
                        let kind = crate::interp::instrumented::for_iter_kind(code_ref, pc - 1, &mut ins, st.peek(1));
                        #[cfg(not(feature = "monitoring"))]
                        let kind = 0;
                        let next = if kind == crate::interp::instrumented::FOR_ITER_GEN {
                            sync!();
                            let target = ins.arg as usize;
                            match tri!(crate::interp::instrumented::for_iter_gen(vm, &code_ref_v!(), st.peek(1), target)) {
                                Some(v) => Some(v),
                                None => {
                                    // The generator returned into END_FOR.
                                    unsafe { (*f).last_pc = target as u32 };
                                    None
                                }
                            }
                        } else if kind == 0 && crate::monitoring::fire::has_global(vm, crate::monitoring::events::RAISE) {
                            sync!();
                            tri!(crate::interp::instrumented::for_iter_step(vm, &code_ref_v!(), pc - 1, st.peek(1)))
                        } else {
                            // Not a list or range iterator (tried above).
                            tri!(vm.next(st.peek(1)))
                        };
                        match next {
                            Some(v) => st.push(v),
                            // Exhausted: skip the END_FOR at the target.
                            None => pc = ins.arg as usize + 1,
                        }
                    }
                    Op::EndFor | Op::PopTop | Op::PopIter => {
                        drop(st.pop());
                        finalize_point!();
                    }
                    Op::PushNull => st.push(Value::NULL),
                    Op::Copy => {
                        let v = st.peek(ins.arg as usize).clone();
                        st.push(v);
                    }
                    Op::Swap => st.swap(ins.arg as usize),
                    Op::UnpackSequence => {
                        fast_lane!(pc - 1);
                        // SAFETY: f is the running frame and st its stack.
                        tri!(unsafe { crate::interp::stack_ops::run(vm, f, code_ref, ins, &mut st) });
                    }
                    Op::CallIntrinsic2 => {
                        let b = st.pop();
                        let a = st.pop();
                        let _ = (a, b);
                        break 'exc PyErr::new(ExcKind::SystemError, "unsupported intrinsic");
                    }
                    Op::Call | Op::CallKw => {
                        fast_lane!(pc - 1);
                        let (argc, kwnames) = if ins.op == Op::CallKw {
                            (ins.arg as usize, Some(st.pop()))
                        } else {
                            (ins.arg as usize, None)
                        };
                        if kwnames.is_none() {
                            // A bound method called directly: unpack it in place into
                            // (function, self) so the fast path below applies.
                            st.expand_bound_method(argc + 1);
                            // A Python function whose parameters the positional args fill
                            // (defaults may cover the rest): move them into a new frame
                            // and continue there, with no Rust recursion.
                            if let Some(fo) = st.peek(argc + 2).downcast::<FunctionObj>() {
                                let has_self = !st.peek(argc + 1).is_null();
                                let nargs = argc + has_self as usize;
                                let kind = crate::interp::ops::direct_call(fo, nargs);
                                if kind != crate::interp::ops::DirectCall::No {
                                    tri!(crate::interp::call::check_depth(vm));
                                    // SAFETY: the callable's slot is initialised; its value
                                    // moves into the new frame, and the slot is abandoned
                                    // (the stack top drops below it next).
                                    let func = unsafe { std::ptr::read(st.top.sub(argc + 2)) };
                                    crate::interp::call::push_direct_frame(vm, func, kind, nargs, st.top);
                                    // The args and the callable moved out; the self slot,
                                    // if unused, holds NULL, which needs no drop.
                                    // SAFETY: argc + 2 slots were on the stack.
                                    st.top = unsafe { st.top.sub(argc + 2) };
                                    enter_callee!();
                                }
                            }
                            // A class whose instances come from object.__new__ and whose
                            // __init__ is a Python function: allocate here and run
                            // __init__ in this loop. The instance stays on this stack as
                            // the call's result.
                            if st.peek(argc + 1).is_null() {
                                if let Some(t) = st.peek(argc + 2).downcast::<TypeObj>() {
                                    if let Some((init, kind)) = crate::interp::ops::direct_init(vm, t, argc) {
                                        tri!(crate::interp::call::check_depth(vm));
                                        let obj = crate::objects::class::new_instance(st.peek(argc + 2).clone());
                                        st.set(argc + 2, obj.clone());
                                        st.set(argc + 1, obj);
                                        let top = crate::interp::call::push_direct_frame(vm, init, kind, argc + 1, st.top);
                                        // SAFETY: the frame just pushed.
                                        unsafe { (*top).init = true };
                                        // SAFETY: self and the args moved into the frame.
                                        st.top = unsafe { st.top.sub(argc + 1) };
                                        enter_callee!();
                                    }
                                }
                            }
                        }
                        // SAFETY: f is the running frame and st its stack.
                        tri!(unsafe { crate::interp::stack_ops::call_generic(vm, f, &mut st, argc, kwnames) });
                        finalize_point!();
                    }
                    Op::ReturnValue => {
                        fast_lane!(pc - 1);
                        let v = st.pop();
                        sync!();
                        // SAFETY: `f` is frame `fidx`, still on the stack (see `sync!`).
                        let (entry, init) = unsafe { ((*f).entry, (*f).init) };
                        // SAFETY: the running frame is the top one.
                        unsafe { crate::interp::call::pop_frame_at(vm, f) };
                        if entry {
                            return Ok(Exit::Return(v));
                        }
                        fidx -= 1;
                        if init {
                            // The caller already holds the instance as the result.
                            if !v.is_none() {
                                let msg = format!("__init__() should return None, not '{}'", vm.type_name(&v));
                                pending = Some(crate::error::type_error(msg));
                            }
                        } else {
                            // SAFETY: frame fidx (the caller) is on the stack, below the
                            // one just popped, and nothing else refers to it.
                            let caller = unsafe { &mut *vm.frames.ptr(fidx) };
                            // SAFETY: the caller's stack has room for the result: its
                            // CALL popped more than one value.
                            unsafe {
                                let top = caller.stack_base().add(caller.sp as usize);
                                std::ptr::write(top, v);
                            }
                            caller.sp += 1;
                        }
                        // The frame's last references died with it: their finalizers
                        // run now, as CPython's do when it clears the frame (the
                        // caller's state is complete). The fast lane never pops a frame
                        // that frees anything, so it leaves such a return here.
                        if crate::object::finalizers_pending() {
                            vm.run_pending_finalizers();
                        }
                        continue 'frame;
                    }
                    Op::ReturnGenerator => {
                        // Generators are created at call time; reaching this is a bug.
                        break 'exc PyErr::new(ExcKind::SystemError, "RETURN_GENERATOR executed");
                    }
                    Op::YieldValue => {
                        let v = st.pop();
                        sync!();
                        let fr = &mut vm.frames[fidx];
                        fr.pc = pc as u32;
                        debug_assert!(fr.entry);
                        return Ok(Exit::Yield(v));
                    }
                    Op::Send => {
                        let v = st.pop();
                        sync!();
                        let receiver = st.peek(1).clone();
                        match tri!(crate::interp::generator::send_to(vm, &receiver, v)) {
                            crate::interp::generator::SendResult::Yielded(y) => st.push(y),
                            crate::interp::generator::SendResult::Returned(r) => {
                                st.push(r);
                                pc = ins.arg as usize;
                            }
                        }
                    }
                    Op::CleanupThrow => {
                        // (sub_iter, last_sent_val, exc) -> (none, value) or reraise
                        let exc = st.pop();
                        let is_stop = vm.isinstance_kind(&exc, ExcKind::StopIteration);
                        if is_stop {
                            let value = crate::runtime::exceptions::stop_iteration_value(vm, &exc);
                            drop(st.pop());
                            drop(st.pop());
                            st.push(Value::NONE);
                            st.push(value);
                        } else {
                            // Re-raised as it is (RERAISE event, no traceback entry).
                            vm.pending_reraise = true;
                            break 'exc PyErr::Obj(exc);
                        }
                    }
                    Op::SetupAnnotations => {}
                }
                continue 'next;
                }
            }
        };

        // ---- exception handling: find a handler in this frame or unwind.
        st = Stack { top: st.top };
        sync!();
        let mut err = Some(err);
        // Set when an EXCEPTION_HANDLED callback raised: its error unwinds from the
        // handler without a new traceback entry or RAISE event (as CPython).
        let mut unwinding_again = false;
        loop {
            let e = err.take().expect("error in flight");
            let mut exc = vm.normalize(e);
            let reraise = std::mem::take(&mut vm.pending_reraise);
            let fr = &vm.frames[fidx];
            if !reraise && !unwinding_again {
                crate::runtime::exceptions::add_traceback(&exc, fr.code_ref.clone(), fr.last_pc * 2);
            }
            // Where the handler search starts, and the offset RAISE and PY_UNWIND
            // report: normally the failing instruction; a jump event's error: its
            // destination; a throw: the yield. The frame's own last_pc stays (as
            // CPython's instr_ptr does): it is the pushed lasti and the "previous
            // instruction" of the handler's first LINE.
            let search_pc = vm.error_pc.take().unwrap_or(vm.frames[fidx].last_pc);
            let fr = &vm.frames[fidx];
            if !std::mem::take(&mut unwinding_again) {
                let ev = if reraise { crate::monitoring::events::RERAISE } else { crate::monitoring::events::RAISE };
                if crate::monitoring::fire::has_global(vm, ev) {
                    let code_v = Value::clone(&fr.code_ref);
                    if let Err(e2) = crate::monitoring::fire::fire_exc(vm, &code_v, search_pc as usize, ev, &exc) {
                        exc = vm.normalize(e2);
                    }
                }
            }
            let fr = &vm.frames[fidx];
            if let Some(h) = fr.code().handler_for(search_pc) {
                let fr = &mut vm.frames[fidx];
                // Cut the stack to the handler's depth.
                while fr.sp > h.depth {
                    fr.sp -= 1;
                    // SAFETY: slot sp was initialised; it is moved out and dropped.
                    unsafe { drop(std::ptr::read(fr.stack_base().add(fr.sp as usize))) };
                }
                let push = |fr: &mut Frame, v: Value| {
                    // SAFETY: the handler depth plus its pushes fit the frame's stack.
                    unsafe { std::ptr::write(fr.stack_base().add(fr.sp as usize), v) };
                    fr.sp += 1;
                };
                if h.lasti {
                    let lasti = Value::small_int(fr.last_pc as i64 * 2);
                    push(fr, lasti);
                }
                push(fr, exc.clone());
                fr.pc = h.target;
                if crate::monitoring::fire::has_global(vm, crate::monitoring::events::EXCEPTION_HANDLED) {
                    let code_v = Value::clone(&vm.frames[fidx].code_ref);
                    let r = crate::monitoring::fire::fire_exc(
                        vm, &code_v, h.target as usize, crate::monitoring::events::EXCEPTION_HANDLED, &exc);
                    if let Err(e2) = r {
                        vm.error_pc = Some(h.target.saturating_sub(1));
                        unwinding_again = true;
                        err = Some(e2);
                        continue;
                    }
                }
                continue 'frame;
            }
            if crate::monitoring::fire::has_global(vm, crate::monitoring::events::PY_UNWIND) {
                let code_v = Value::clone(&vm.frames[fidx].code_ref);
                if let Err(e2) = crate::monitoring::fire::fire_exc(vm, &code_v, search_pc as usize, crate::monitoring::events::PY_UNWIND, &exc) {
                    exc = vm.normalize(e2);
                }
            }
            // No handler here: the frame is done.
            let entry = vm.frames[fidx].entry;
            crate::interp::call::pop_frame(vm);
            if entry {
                return Err(PyErr::Obj(exc));
            }
            fidx -= 1;
            err = Some(PyErr::Obj(exc));
        }
    }
}

/// `opaque(x)` is `x`, passed through an empty asm statement: the optimiser cannot see
/// that it is unchanged, so nothing computed from it is treated as loop-invariant. Costs
/// no instruction.
trait Opaque: Sized {
    fn opaque(self) -> Self;
}

macro_rules! impl_opaque {
    ($($t:ty),*) => {$(
        impl Opaque for $t {
            #[inline(always)]
            // The register only appears in a comment: its width does not matter.
            #[allow(asm_sub_register)]
            fn opaque(mut self) -> Self {
                // SAFETY: the asm is empty: it reads and writes no memory and leaves the
                // register as it was. Not `pure`, so it is not hoisted out of a loop.
                unsafe { std::arch::asm!("/* {0} */", inout(reg) self, options(nomem, nostack, preserves_flags)) };
                self
            }
        }
    )*};
}
impl_opaque!(u32, *mut Value);

#[inline(always)]
fn opaque<T: Opaque>(x: T) -> T {
    x.opaque()
}

/// Truth of a POP_JUMP_IF operand (normally already a bool from TO_BOOL).
#[inline(always)]
fn cond(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if v.is_bool() {
        Ok(v.is_true_const())
    } else {
        vm.truthy(v)
    }
}

pub fn unbound_local(code: &CodeObj, i: usize) -> PyErr {
    let name = code.localsplus_name(i);
    PyErr::new(ExcKind::UnboundLocalError, format!("cannot access local variable '{name}' where it is not associated with a value"))
}

pub fn unbound_deref(code: &CodeObj, i: usize) -> PyErr {
    let name = code.localsplus_name(i);
    if code.localsplus_kinds[i] & bc::LOCALS_KIND_FREE != 0 {
        PyErr::new(ExcKind::NameError, format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    } else {
        unbound_local(code, i)
    }
}

pub fn name_error(vm: &mut Vm, name: &Value) -> PyErr {
    crate::runtime::exceptions::name_error(vm, name)
}

/// Executed-instruction counts by opcode (`--features opstats`), printed at exit.
#[cfg(feature = "opstats")]
pub mod opstats {
    use crate::bytecode::Op;
    use std::cell::RefCell;

    thread_local! {
        static COUNTS: RefCell<Vec<u64>> = RefCell::new(vec![0; Op::COUNT]);
    }

    #[inline(always)]
    pub fn count(op: Op) {
        COUNTS.with(|c| c.borrow_mut()[op as usize] += 1);
    }

    /// The counts, most frequent first.
    pub fn report() -> String {
        COUNTS.with(|c| {
            let c = c.borrow();
            let total: u64 = c.iter().sum();
            let mut rows: Vec<(u64, Op)> = Op::ALL.iter().map(|&op| (c[op as usize], op)).filter(|r| r.0 > 0).collect();
            rows.sort_by(|a, b| b.0.cmp(&a.0));
            let mut out = format!("{total:>12} instructions\n");
            for (n, op) in rows {
                out.push_str(&format!("{n:>12} {:5.1}% {}\n", n as f64 * 100.0 / total as f64, op.name()));
            }
            out
        })
    }
}
