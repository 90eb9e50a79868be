//! The runtime helpers of the instructions compiled code runs through the VM's object
//! operations (`monjit_jit::abi::Helpers::stack_op`, `load_attr`), and the exit at an
//! instruction it has no translation for (`unsupported`). Each does what the
//! interpreter's arm does, with the same reference counts and errors: `stack_op` runs
//! the very bodies the interpreter's arms run (`interp::stack_ops`), on the frame's
//! stack slots.

use super::helpers::{checked, fail, parts, run_callee, value_or_error};
use crate::bytecode::{Instr, Op};
use crate::interp::eval::Stack;
use crate::interp::frame::Frame;
use crate::objects::code::CacheEntry;
use crate::objects::{CodeObj, FunctionObj, InstanceObj, StrObj};
use crate::value::Value;
use monjit_jit::abi::{Ctx, FramePtr};
use monjit_jit::ir::{AttrSite, Inst, STACK_OP_FINALIZE as FIN, STACK_OP_RELOAD_LOCALS as RELOAD};

/// Consecutive exits at untranslated instructions, none of which went round a loop
/// since compiled code was entered, after which a code object's loops are no longer
/// re-entered at their header (each re-entry would leave again at once).
const WASTED_ENTRIES_LIMIT: u32 = 64;

/// The `Inst::StackOp` (or `Inst::LoadAttr`) running instruction `ins` (its opcode
/// uninstrumented) through `interp::stack_ops`, if it is one of those. `event`: the
/// instruction's own monitoring event is live there (the interpreter fires it).
pub fn translate(code: &CodeObj, ins: Instr, event: bool) -> Option<Inst> {
    let a = ins.arg;
    let (pops, pushes, flags) = match ins.op {
        Op::LoadAttr if a & 1 == 0 => return Some(Inst::LoadAttr { site: attr_site(code, ins, a >> 1)? }),
        Op::LoadAttr => return Some(Inst::LoadMethod { site: attr_site(code, ins, a >> 1)? }),
        Op::StoreAttr => return Some(Inst::StoreAttr { site: attr_site(code, ins, a)? }),
        Op::StoreSubscr => return Some(Inst::StoreSubscr),
        Op::DeleteAttr => (1, 0, FIN),
        Op::LoadSuperAttr if !event => (3, 1 + (a & 1), 0),
        Op::LoadSpecial => (1, 2, 0),
        Op::LoadCommonConstant | Op::LoadBuildClass | Op::LoadLocals => (0, 1, 0),
        Op::LoadDeref => (0, 1, 0),
        Op::StoreDeref => (1, 0, FIN),
        Op::DeleteDeref => (0, 0, FIN),
        Op::LoadFromDictOrDeref => (1, 1, 0),
        Op::MakeCell | Op::CopyFreeVars => (0, 0, RELOAD),
        Op::DeleteFast => (0, 0, RELOAD | FIN),
        Op::LoadName => (0, 1, 0),
        Op::StoreName => (1, 0, FIN),
        Op::DeleteName => (0, 0, FIN),
        Op::StoreGlobal => (1, 0, FIN),
        Op::DeleteGlobal => (0, 0, FIN),
        Op::ContainsOp => (2, 1, 0),
        Op::BuildTuple | Op::BuildList | Op::BuildString => (a, 1, 0),
        Op::BuildSet => (a, 1, 0),
        Op::BuildMap => (2 * a, 1, 0),
        Op::BuildSlice => (a, 1, 0),
        Op::ListAppend => (a + 1, a, 0),
        Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate => (a + 1, a, 0),
        Op::MapAdd => (a + 2, a, 0),
        Op::DictMerge => (a + 4, a + 3, 0),
        Op::UnpackSequence => (1, a, 0),
        Op::UnpackEx => (1, (a & 0xff) + (a >> 8) + 1, 0),
        Op::DeleteSubscr => (2, 0, FIN),
        Op::BinarySlice => (3, 1, 0),
        Op::StoreSlice => (4, 0, 0),
        Op::FormatSimple | Op::ConvertValue | Op::CallIntrinsic1 => (1, 1, 0),
        Op::FormatWithSpec => (2, 1, 0),
        Op::MakeFunction => (1, 1, 0),
        Op::SetFunctionAttribute => (2, 1, 0),
        Op::CallKw if !event => (a + 3, 1, FIN),
        Op::CallFunctionEx if !event => (4, 1, FIN),
        Op::ImportName => (2, 1, 0),
        Op::ImportFrom => (1, 2, 0),
        Op::PushExcInfo => (1, 2, 0),
        Op::PopExcept => (1, 0, FIN),
        Op::CheckExcMatch => (2, 2, 0),
        Op::WithExceptStart => (5, 6, 0),
        Op::GetYieldFromIter => (1, 1, 0),
        Op::EndSend if !event => (2, 1, 0),
        Op::Send => return Some(Inst::Send { target: ins.arg }),
        _ => return None,
    };
    Some(Inst::StackOp { pops, pushes, flags })
}

/// The inline cache and name of attribute instruction `ins` (name `names[name]`).
fn attr_site(code: &CodeObj, ins: Instr, name: u32) -> Option<AttrSite> {
    let cache = code.caches.get(ins.cache as usize)?;
    let name = code.names.get(name as usize)?;
    Some(AttrSite { cache: cache.as_ptr() as u64, name: name.bits(), hash: name.downcast::<StrObj>()?.hash() })
}

/// `Helpers::stack_op`.
pub(super) unsafe extern "C" fn stack_op(ctx: Ctx, frame: FramePtr, index: u32, top: u32) -> u64 {
    // SAFETY: see `parts`.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    // SAFETY: the frame keeps its code alive.
    let code = unsafe { &*frame_ref.code };
    let ins = code.base_instr(index as usize);
    let base = frame_ref.stack_base();
    // SAFETY: compiled code wrote the instruction's operands below `top`.
    let mut st = Stack { top: unsafe { base.add(top as usize) } };
    // SAFETY: `frame` is the running frame and `st` its stack with the operands.
    let r = match unsafe { crate::interp::stack_ops::run(vm, frame as *mut Frame, code, ins, &mut st) } {
        Ok(()) => 0,
        Err(e) => {
            frame_ref.sp = st.depth(base);
            fail(ec, e)
        }
    };
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, r) }
}

/// `Helpers::send`: SEND on the frame's stack slots below `top` (receiver, value):
/// the value goes to the receiver (a generator resumes), and what it yielded (0) or
/// returned (1: SEND jumps) replaces the value, as in the interpreter's arm.
pub(super) unsafe extern "C" fn send(ctx: Ctx, frame: FramePtr, _index: u32, top: u32) -> u64 {
    // SAFETY: see `parts`.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    // SAFETY: compiled code wrote the receiver and the value below `top`; the value is
    // taken, the receiver stays (its slot is initialised while the receiver runs).
    let (slot, v, receiver) = unsafe {
        let slot = frame_ref.stack_base().add(top as usize - 1);
        (slot, std::ptr::read(slot), (*slot.sub(1)).clone())
    };
    // While the receiver runs, and if it fails, the value is gone from the stack.
    frame_ref.sp = top - 1;
    let (r, jump) = match crate::interp::generator::send_to(vm, &receiver, v) {
        Ok(crate::interp::generator::SendResult::Yielded(y)) => (y, 0),
        Ok(crate::interp::generator::SendResult::Returned(r)) => (r, 1),
        Err(e) => return fail(ec, e),
    };
    // SAFETY: the slot was emptied above.
    unsafe { std::ptr::write(slot, r) };
    // SAFETY: see `parts`.
    unsafe { checked(ctx, frame, jump) }
}

/// `Helpers::load_method`: LOAD_ATTR's method form through `stack_op`; when it found
/// a plain function on an instance's type, fills the inline cache compiled code reads
/// (`interp::ops::fill_method_cache`).
pub(super) unsafe extern "C" fn load_method(ctx: Ctx, frame: FramePtr, index: u32, top: u32) -> u64 {
    // SAFETY: as `stack_op`, whose contract this helper has.
    let r = unsafe { stack_op(ctx, frame, index, top) };
    if r != 0 {
        return r;
    }
    // SAFETY: see `parts`.
    let (vm, frame_ref, _) = unsafe { parts(ctx, frame) };
    // SAFETY: the frame keeps its code alive.
    let code = unsafe { &*frame_ref.code };
    let ins = code.instr(index as usize);
    let base = frame_ref.stack_base();
    // SAFETY: `stack_op` left the two results in the slots from depth `top - 1`.
    let (method, owner) = unsafe { (&*base.add(top as usize - 1), &*base.add(top as usize)) };
    if let (Some(inst), true) = (owner.downcast::<InstanceObj>(), method.is::<FunctionObj>()) {
        let name = &code.names[(ins.arg >> 1) as usize];
        crate::interp::ops::fill_method_cache(vm, code, ins, inst.class(), name, method);
    }
    0
}

/// `Helpers::load_attr`: LOAD_ATTR's attribute form, as the interpreter's arm.
pub(super) unsafe extern "C" fn load_attr(ctx: Ctx, frame: FramePtr, index: u32, owner: u64) -> u64 {
    // SAFETY: the caller's arguments; see `parts`.
    unsafe { checked(ctx, frame, attribute(ctx, frame, index, owner)) }
}

/// `load_attr` without the instrumentation check.
///
/// # Safety
/// As `load_attr`.
unsafe fn attribute(ctx: Ctx, frame: FramePtr, index: u32, owner: u64) -> u64 {
    // SAFETY: see `parts`; the owner is an owned reference.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    let owner = unsafe { Value::from_raw(owner) };
    // SAFETY: the frame keeps its code alive.
    let code = unsafe { &*frame_ref.code };
    let ins = code.instr(index as usize);
    let name = &code.names[(ins.arg >> 1) as usize];
    if let Some(v) = crate::interp::ops::cached_instance_attr(code, ins, &owner, name) {
        return v.into_raw();
    }
    // A property with a Python getter: a call with `owner` as its argument, run as
    // the interpreter runs it (a frame of its own, compiled if its code is).
    if let Some(fget) = crate::interp::ops::property_getter(vm, &owner, name) {
        if let Err(e) = crate::interp::call::check_depth(vm).and_then(|()| crate::stack_guard::ensure_stack(vm)) {
            return fail(ec, e);
        }
        let mut arg = [std::mem::ManuallyDrop::new(owner)];
        // SAFETY: `arg` holds the one argument, which moves into the new frame
        // (ManuallyDrop: it is not dropped here).
        crate::interp::call::push_simple_frame(vm, fget, 1, unsafe { arg.as_mut_ptr().add(1) } as *mut Value);
        return run_callee(vm, ec);
    }
    let cache = &code.caches[ins.cache as usize];
    let before = cache.get();
    let r = crate::interp::ops::load_attr(vm, code, ins, &owner, name);
    keep_previous_version(cache, before);
    value_or_error(ec, r)
}

/// `Helpers::store_attr`: STORE_ATTR through `stack_op`, keeping a second type version
/// in its inline cache (`keep_previous_version`).
pub(super) unsafe extern "C" fn store_attr(ctx: Ctx, frame: FramePtr, index: u32, top: u32) -> u64 {
    // SAFETY: see `parts`; the frame keeps its code alive.
    let code = unsafe { &*parts(ctx, frame).1.code };
    let cache = &code.caches[code.instr(index as usize).cache as usize];
    let before = cache.get();
    // SAFETY: as `stack_op`, whose contract this helper has.
    let r = unsafe { stack_op(ctx, frame, index, top) };
    keep_previous_version(cache, before);
    r
}

/// After the interpreter's attribute path re-established an instance-attribute cache
/// entry for another type at the same entry index (a site seeing instances of a class
/// and its subclasses), keeps the version it held before as `version2`, which compiled
/// code's inline path accepts too (`abi::CacheLayout`): what the entry recorded for
/// that version stays true while a type has it, and the index is checked anyway.
fn keep_previous_version(cache: &std::cell::Cell<CacheEntry>, before: CacheEntry) {
    let now = cache.get();
    if before.version != 0 && now.version != before.version && now.index == before.index {
        cache.set(CacheEntry { version2: before.version, ..now });
    }
}

/// `Helpers::unsupported`: counts the exit and decides whether the code's loops are
/// re-entered at their next back-edge (on-stack replacement), which they are until
/// `WASTED_ENTRIES_LIMIT` exits in a row came before any back-edge.
pub(super) unsafe extern "C" fn unsupported(ctx: Ctx, frame: FramePtr, index: u32) {
    // SAFETY: see `parts`.
    let (vm, frame_ref, ec) = unsafe { parts(ctx, frame) };
    // SAFETY: the frame keeps its code alive.
    let code = unsafe { &*frame_ref.code };
    *vm.tier2.stats.unsupported_exits.entry(code.base_instr(index as usize).op.name()).or_default() += 1;
    let t2 = &code.runtime.tier2;
    let trips = std::mem::take(&mut ec.rt.loop_trips);
    let wasted = if trips == 0 { t2.wasted_entries.get().saturating_add(1) } else { 0 };
    t2.wasted_entries.set(wasted);
    if wasted < WASTED_ENTRIES_LIMIT {
        t2.backedges.set(vm.tier2.osr_threshold.wrapping_sub(1));
    } else if wasted == WASTED_ENTRIES_LIMIT {
        vm.tier2.stats.reentry_stopped += 1;
    }
}
