//! One emitter per instruction kind (everything but arithmetic and comparisons).

use super::{Emitter, I32, I64};
use crate::abi;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{Block, BlockArg, InstBuilder, Value as Ssa};
use crate::ir::{Inst, JumpCond};

impl Emitter<'_, '_> {

    /// Emits instruction `i`; returns how many instructions it consumed (2 when a
    /// comparison was fused with the branch after it).
    pub(super) fn instr(&mut self, i: u32, inst: Inst) -> usize {
        let probe = self.f.probe(i);
        match inst {
            Inst::Nop if probe.event => {
                // NOT_TAKEN: BRANCH_LEFT from the branch that fell through to it.
                let src = self.prev_before.unwrap_or_else(|| self.b.ins().iconst(I32, i as i64 - 1));
                self.probe_jump(i, src, i + 1, false, true);
            }
            Inst::Nop => {}
            Inst::LoadLocal { slot, checked } => self.load_local(i, slot, checked),
            Inst::LoadLocal2 { first, second } => {
                self.load_local(i, first, false);
                self.load_local(i, second, false);
            }
            Inst::LoadLocalAndClear { slot } => {
                let v = self.b.use_var(self.locals[slot as usize]);
                let null = self.b.ins().iconst(I64, abi::NULL_BITS as i64);
                self.write_local(slot, null);
                self.push(v);
            }
            Inst::StoreLocal { slot } => {
                let v = self.pop();
                self.store_local(slot, v);
                self.finalize_point(i, i + 1);
            }
            Inst::StoreLoadLocal { store, load } => {
                let v = self.pop();
                self.store_local(store, v);
                self.load_local(i, load, false);
                self.finalize_point(i, i + 1);
            }
            Inst::StoreLocal2 { first, second } => {
                let v = self.pop();
                self.store_local(first, v);
                let w = self.pop();
                self.store_local(second, w);
                self.finalize_point(i, i + 1);
            }
            Inst::LoadConst { bits } => {
                self.incref_const(bits);
                let v = self.b.ins().iconst(I64, bits as i64);
                self.push(v);
            }
            Inst::PushNull => {
                let v = self.b.ins().iconst(I64, abi::NULL_BITS as i64);
                self.push(v);
            }
            Inst::Pop => {
                if probe.event {
                    // POP_ITER: BRANCH_RIGHT from the FOR_ITER that ended the loop,
                    // fired before the iterator is released.
                    let src = self.prev_before.unwrap_or_else(|| self.b.ins().iconst(I32, i as i64 - 1));
                    self.probe_jump(i, src, i + 1, false, false);
                }
                let v = self.pop();
                self.decref(v);
                self.finalize_point(i, i + 1);
                if probe.event {
                    self.version_check(i + 1);
                }
            }
            Inst::Copy { n } => {
                let v = self.peek(n);
                self.incref(v);
                self.push(v);
            }
            Inst::Swap { n } => {
                let (top, other) = (self.peek(1), self.peek(n));
                self.set_peek(1, other);
                self.set_peek(n, top);
            }
            Inst::Binary { op, oparg } => self.binary(i, op, oparg),
            Inst::Compare { op, oparg } => return self.compare(i, op, oparg),
            Inst::Unary { kind } => {
                let v = self.pop();
                let kc = self.u32c(kind);
                let r = self.call_result_at(i, self.t.helpers.unary_op as usize, &[I32, I64], &[kc, v]);
                self.push(r);
            }
            Inst::UnaryNot => {
                let v = self.pop();
                let is_true = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::TRUE_BITS as i64);
                let not = self.b.ins().bxor_imm_s(is_true, 1);
                let r = self.bool_value(not);
                self.push(r);
                self.decref(v);
            }
            Inst::ToBool => self.to_bool(i),
            Inst::Is { invert } => {
                let rhs = self.pop();
                let lhs = self.pop();
                let cc = if invert { IntCC::NotEqual } else { IntCC::Equal };
                let c = self.b.ins().icmp(cc, lhs, rhs);
                let r = self.bool_value(c);
                self.push(r);
                self.decref(lhs);
                self.decref(rhs);
            }
            Inst::JumpIf { cond, target } => {
                let v = self.pop();
                let mut target_b = self.block_at(target);
                let next_b = self.block_at(i + 1);
                let taken = probe.event.then(|| {
                    let t = self.b.create_block();
                    (t, std::mem::replace(&mut target_b, t))
                });
                // Leaving after the operand's `__bool__`: the jump's own event, if it
                // has a probe, fires on the taken edge first.
                let jumps_on = cond == JumpCond::True;
                let leave = move |e: &mut Self, truth: bool| {
                    if truth != jumps_on {
                        e.exit_deopt(i + 1);
                        return;
                    }
                    if probe.event {
                        let src = e.u32c(i);
                        e.probe_jump(i, src, target, false, false);
                    }
                    e.exit_deopt(target);
                };
                match cond {
                    JumpCond::True => self.branch_on_truth(i, v, target_b, next_b, leave),
                    JumpCond::False => self.branch_on_truth(i, v, next_b, target_b, leave),
                    JumpCond::None | JumpCond::NotNone => {
                        let cc = if cond == JumpCond::None { IntCC::Equal } else { IntCC::NotEqual };
                        let c = self.b.ins().icmp_imm_s(cc, v, abi::NONE_BITS as i64);
                        self.decref(v);
                        self.b.ins().brif(c, target_b, &[], next_b, &[]);
                    }
                }
                if let Some((t, real)) = taken {
                    // BRANCH_RIGHT on the taken edge.
                    self.b.switch_to_block(t);
                    let src = self.u32c(i);
                    self.probe_jump(i, src, target, false, true);
                    self.b.ins().jump(real, &[]);
                }
                self.terminated = true;
            }
            Inst::Jump { target } => {
                if probe.event {
                    let src = self.u32c(i);
                    self.probe_jump(i, src, target, true, true);
                }
                let t = self.block_at(target);
                self.b.ins().jump(t, &[]);
                self.terminated = true;
            }
            Inst::JumpBack { target } => {
                if probe.event {
                    let src = self.u32c(i);
                    self.probe_jump(i, src, target, true, true);
                }
                self.finalize_point(i, target);
                self.count_trip();
                let t = self.block_at(target);
                self.b.ins().jump(t, &[]);
                self.terminated = true;
            }
            Inst::Return => {
                if probe.any() {
                    // Returns with live probes (LINE, INSTRUCTION, PY_RETURN) are the
                    // interpreter's: it runs the whole RETURN_VALUE, events included.
                    let addr = self.b.ins().iconst(I64, self.t.probe_flags as i64 + (2 * i) as i64);
                    let flags = self.b.ins().uload16(I32, super::mem(), addr, 0);
                    let leave = self.cold_block();
                    let stay = self.b.create_block();
                    self.b.ins().brif(flags, leave, &[], stay, &[]);
                    self.b.switch_to_block(leave);
                    self.exit_deopt_before(i);
                    self.b.switch_to_block(stay);
                }
                let v = self.pop();
                let depth = self.depth;
                self.spill(0, depth);
                self.store_u32(self.t.layout.sp, depth);
                self.set_last_pc(i);
                self.b.ins().return_(&[v]);
                self.terminated = true;
            }
            Inst::LoadGlobal { push_null, cache } => {
                self.load_global(i, cache);
                if push_null {
                    let null = self.b.ins().iconst(I64, abi::NULL_BITS as i64);
                    self.push(null);
                }
            }
            Inst::Call { argc } => {
                let base = self.depth - argc - 2;
                let depth = self.depth;
                self.spill(base, depth);
                let (ac, bc) = (self.u32c(argc), self.u32c(base));
                let helper = if probe.event { self.t.helpers.call_probed } else { self.t.helpers.call };
                let r = self.call_at(i, helper as usize, &[I32, I32], &[ac, bc]);
                self.depth = base;
                self.check_pushed(r, i, base, false);
                self.push(r);
                self.finalize_point(i, i + 1);
            }
            Inst::GetIter => {
                let v = self.pop();
                let r = self.call_result_at(i, self.t.helpers.get_iter as usize, &[I64], &[v]);
                self.push(r);
            }
            Inst::ForIter { exit, specialised } => self.for_iter(i, exit, specialised, probe.event),
            Inst::Deopt => self.unsupported(i),
            Inst::Yield { .. } => {
                // The interpreter runs the yield itself (its LINE sees the instruction
                // before it), with the yielded value on the frame's stack.
                self.exit_deopt_before(i);
                self.terminated = true;
            }
            Inst::Send { target } => self.send(i, target),
            Inst::StackOp { pops, pushes, flags } => self.stack_op(i, pops, pushes, flags),
            Inst::LoadAttr { site } => self.load_attr(i, site),
            Inst::LoadMethod { site } => self.load_method(i, site),
            Inst::StoreAttr { site } => self.store_attr(i, site),
            Inst::StoreSubscr => self.store_subscr(i),
        }
        1
    }

    /// Pushes local `slot`; `checked` (LOAD_FAST_CHECK) raises UnboundLocalError
    /// when it is unbound, which the compiler rules out for the others.
    pub(super) fn load_local(&mut self, i: u32, slot: u32, checked: bool) {
        let v = self.b.use_var(self.locals[slot as usize]);
        if !checked {
            self.incref(v);
            self.push(v);
            return;
        }
        let is_null = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::NULL_BITS as i64);
        let unbound = self.cold_block();
        let ok = self.b.create_block();
        self.b.ins().brif(is_null, unbound, &[], ok, &[]);
        self.b.switch_to_block(unbound);
        let sc = self.u32c(slot);
        self.call_at(i, self.t.helpers.unbound_local as usize, &[I32], &[sc]);
        let keep = self.depth;
        self.exit_error(i, keep, true);
        self.b.switch_to_block(ok);
        self.incref(v);
        self.push(v);
    }

    pub(super) fn store_local(&mut self, slot: u32, v: Ssa) {
        let old = self.b.use_var(self.locals[slot as usize]);
        self.write_local(slot, v);
        self.decref(old);
    }

    /// Branches to `on_true` or `on_false` by the truth of `v` (owned; released), for
    /// POP_JUMP_IF_TRUE/FALSE at `i`. When finding the truth ran Python code that
    /// changed the instrumentation (`check_result`), `leave(truth)` takes the branch
    /// out of compiled code instead.
    pub(super) fn branch_on_truth(&mut self, i: u32, v: Ssa, on_true: Block, on_false: Block, leave: impl Fn(&mut Self, bool)) {
        let check_false = self.b.create_block();
        let slow = self.cold_block();
        let is_true = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::TRUE_BITS as i64);
        self.b.ins().brif(is_true, on_true, &[], check_false, &[]);
        self.b.switch_to_block(check_false);
        let is_false = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::FALSE_BITS as i64);
        self.b.ins().brif(is_false, on_false, &[], slow, &[]);
        self.b.switch_to_block(slow);
        let r = self.call_at(i, self.t.helpers.truthy as usize, &[I64], &[v]);
        self.decref(v);
        let keep = self.depth;
        self.check_result(r, i, keep, true, |e, truth| {
            let (leave_true, leave_false) = (e.cold_block(), e.cold_block());
            e.b.ins().brif(truth, leave_true, &[], leave_false, &[]);
            e.b.switch_to_block(leave_true);
            leave(e, true);
            e.b.switch_to_block(leave_false);
            leave(e, false);
        });
        self.b.ins().brif(r, on_true, &[], on_false, &[]);
    }

    pub(super) fn to_bool(&mut self, i: u32) {
        let v = self.peek(1);
        let tag = self.b.ins().ushr_imm_s(v, abi::TAG_SHIFT);
        let is_bool = self.b.ins().icmp_imm_s(IntCC::Equal, tag, abi::TAG_BOOL as i64);
        let slow = self.cold_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        self.b.ins().brif(is_bool, done, &[BlockArg::Value(v)], slow, &[]);
        self.b.switch_to_block(slow);
        let r = self.call_at(i, self.t.helpers.truthy as usize, &[I64], &[v]);
        self.decref(v);
        let keep = self.depth;
        self.check_result(r, i, keep, true, |e, truth| {
            let b = e.bool_value(truth);
            e.set_peek(1, b);
            e.exit_deopt(i + 1);
        });
        let b = self.bool_value(r);
        self.b.ins().jump(done, &[BlockArg::Value(b)]);
        self.b.switch_to_block(done);
        let r = self.b.block_params(done)[0];
        self.set_peek(1, r);
    }

    pub(super) fn for_iter(&mut self, i: u32, exit: u32, specialised: u64, probed: bool) {
        let it = self.peek(1);
        let exh_b = self.b.create_block();
        // With its own event live, FOR_ITER always takes the probed helper.
        let stepped = (!probed).then(|| {
            let slow = self.cold_block();
            let stepped = self.b.create_block();
            self.b.append_block_param(stepped, I64);
            self.step_builtin_iter(i, it, specialised, stepped, exh_b, slow);
            self.b.switch_to_block(slow);
            stepped
        });
        let helper = if probed { self.t.helpers.for_iter_probed } else { self.t.helpers.for_iter };
        let r = self.call_at(i, helper as usize, &[I64], &[it]);
        let exhausted = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::ITER_EXHAUSTED as i64);
        let item_b = self.b.create_block();
        self.b.ins().brif(exhausted, exh_b, &[], item_b, &[]);
        self.b.switch_to_block(exh_b);
        self.exhausted_prev();
        if probed {
            // The probed helper (the only way here: no inline step) leaves the
            // live-version check to compiled code, as on the item edge, where it
            // follows the BRANCH_LEFT probe.
            self.version_check(exit);
        }
        let exit_b = self.block_at(exit);
        self.b.ins().jump(exit_b, &[]);
        self.b.switch_to_block(item_b);
        let keep = self.depth;
        if probed {
            self.check_error(r, i, keep, true);
            self.push(r);
            let src = self.u32c(i);
            self.probe_jump(i, src, i + 1, false, false);
            self.version_check(i + 1);
        } else {
            self.check_result(r, i, keep, true, |e, next| {
                let (done, item) = (e.cold_block(), e.cold_block());
                let is_done = e.b.ins().icmp_imm_s(IntCC::Equal, next, abi::ITER_EXHAUSTED as i64);
                e.b.ins().brif(is_done, done, &[], item, &[]);
                e.b.switch_to_block(done);
                e.exhausted_prev();
                e.exit_deopt(exit);
                e.b.switch_to_block(item);
                e.push(next);
                e.exit_deopt(i + 1);
            });
            self.push(r);
        }
        if let Some(stepped) = stepped {
            // The helper's item joins the inline paths' (which ran no code).
            let item = self.pop();
            self.b.ins().jump(stepped, &[BlockArg::Value(item)]);
            self.b.switch_to_block(stepped);
            let item = self.b.block_params(stepped)[0];
            self.push(item);
        }
        let next_b = self.block_at(i + 1);
        self.b.ins().jump(next_b, &[]);
        self.terminated = true;
    }

    /// On FOR_ITER's exhausted edge: the helper leaves `last_pc` at the FOR_ITER, or at
    /// END_FOR when a generator returned into it, which is POP_ITER's BRANCH_RIGHT
    /// source.
    fn exhausted_prev(&mut self) {
        if let Some(prev) = self.prev {
            let last = self.b.ins().load(I32, super::mem(), self.frame, self.t.layout.last_pc);
            self.b.def_var(prev, last);
        }
    }

    /// FOR_ITER's inline step of iterator `it` (borrowed from the stack), as the
    /// interpreter's fast lane takes it: a range iterator whose next value is a small
    /// int, or an iterator over an exact list, while the instruction is specialised
    /// for that kind (the byte at `specialised`; no check when 0). Jumps to `stepped`
    /// with the item (a new reference), to `exhausted` (with `last_pc` at the
    /// FOR_ITER, as the helper leaves it), or to `slow` for anything else, having
    /// changed nothing.
    fn step_builtin_iter(&mut self, i: u32, it: Ssa, specialised: u64, stepped: Block, exhausted: Block, slow: Block) {
        let o = self.t.objects;
        let addr = self.guard_kind(it, o.kind_iterator, slow);
        let tag = self.b.ins().uload8(I32, super::mem(), addr, o.iter_tag);
        let range_b = self.b.create_block();
        let not_range = self.b.create_block();
        let done = self.b.create_block();
        let is_range = self.b.ins().icmp_imm_s(IntCC::Equal, tag, o.iter_tag_range as i64);
        self.b.ins().brif(is_range, range_b, &[], not_range, &[]);

        // A range iterator: `next` is boxed before anything changes.
        self.b.switch_to_block(range_b);
        self.guard_specialised(specialised, o.for_iter_range, slow);
        let remaining = self.b.ins().load(I64, super::mem(), addr, o.range_remaining);
        let none_left = self.b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, remaining, 0);
        let range_step = self.b.create_block();
        self.b.ins().brif(none_left, done, &[], range_step, &[]);
        self.b.switch_to_block(range_step);
        let next = self.b.ins().load(I64, super::mem(), addr, o.range_next);
        let small = self.fits_small(next);
        self.continue_if(small, slow);
        let step = self.b.ins().load(I64, super::mem(), addr, o.range_step);
        let after = self.b.ins().iadd(next, step);
        self.b.ins().store(super::mem(), after, addr, o.range_next);
        let left = self.b.ins().iadd_imm_s(remaining, -1);
        self.b.ins().store(super::mem(), left, addr, o.range_remaining);
        let item = self.box_int(next);
        self.b.ins().jump(stepped, &[BlockArg::Value(item)]);

        // An iterator over an exact list.
        self.b.switch_to_block(not_range);
        let is_list = self.b.ins().icmp_imm_s(IntCC::Equal, tag, o.iter_tag_list as i64);
        self.continue_if(is_list, slow);
        self.guard_specialised(specialised, o.for_iter_list, slow);
        let seq = self.b.ins().load(I64, super::mem(), addr, o.list_iter_seq);
        let list = self.guard_kind(seq, o.kind_list, slow);
        let index = self.b.ins().load(I64, super::mem(), addr, o.list_iter_index);
        let len = self.b.ins().load(I64, super::mem(), list, o.list_len);
        // `usize::MAX` (exhausted for good) is never below the length.
        let within = self.b.ins().icmp(IntCC::UnsignedLessThan, index, len);
        let list_item = self.b.create_block();
        let list_done = self.b.create_block();
        self.b.ins().brif(within, list_item, &[], list_done, &[]);
        self.b.switch_to_block(list_item);
        let at = self.list_item_at(list, index);
        let item = self.b.ins().load(I64, super::mem(), at, 0);
        self.incref(item);
        let next_index = self.b.ins().iadd_imm_s(index, 1);
        self.b.ins().store(super::mem(), next_index, addr, o.list_iter_index);
        self.b.ins().jump(stepped, &[BlockArg::Value(item)]);
        self.b.switch_to_block(list_done);
        let gone = self.b.ins().iconst(I64, -1);
        self.b.ins().store(super::mem(), gone, addr, o.list_iter_index);
        self.b.ins().jump(done, &[]);

        self.b.switch_to_block(done);
        self.set_last_pc(i);
        self.b.ins().jump(exhausted, &[]);
    }

    /// Continues when FOR_ITER's specialisation byte at `specialised` is `kind`
    /// (always when `specialised` is 0); branches to `slow` otherwise.
    fn guard_specialised(&mut self, specialised: u64, kind: u8, slow: Block) {
        if specialised == 0 {
            return;
        }
        let at = self.b.ins().iconst(I64, specialised as i64);
        let byte = self.b.ins().uload8(I32, super::mem(), at, 0);
        let same = self.b.ins().icmp_imm_s(IntCC::Equal, byte, kind as i64);
        self.continue_if(same, slow);
    }
}
