//! BINARY_OP and COMPARE_OP: inline small-int and float paths, the helper otherwise.

use super::{Emitter, I32, I64};
use crate::abi;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, MemFlagsData, Value as Ssa};
use crate::ir::{ArithOp, CmpOp, Inst, JumpCond};

impl Emitter<'_, '_> {
    pub(super) fn binary(&mut self, i: u32, op: ArithOp, oparg: u32) {
        let rhs = self.pop();
        let lhs = self.pop();
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        let slow = self.cold_block();
        let has_int = !matches!(op, ArithOp::TrueDiv | ArithOp::Subscr | ArithOp::Other);
        let has_float = matches!(op, ArithOp::Add | ArithOp::Sub | ArithOp::Mul | ArithOp::TrueDiv);
        if has_int {
            let (li, ri) = (self.is_int(lhs), self.is_int(rhs));
            let both = self.b.ins().band(li, ri);
            let int_b = self.b.create_block();
            let next = self.b.create_block();
            self.b.ins().brif(both, int_b, &[], next, &[]);
            self.b.switch_to_block(int_b);
            self.int_arith(op, lhs, rhs, done, slow);
            self.b.switch_to_block(next);
        }
        if has_float {
            let (lf, rf) = (self.is_float(lhs), self.is_float(rhs));
            let both = self.b.ins().band(lf, rf);
            let float_b = self.b.create_block();
            self.b.ins().brif(both, float_b, &[], slow, &[]);
            self.b.switch_to_block(float_b);
            let a = self.b.ins().bitcast(types::F64, MemFlagsData::new(), lhs);
            let b = self.b.ins().bitcast(types::F64, MemFlagsData::new(), rhs);
            let r = match op {
                ArithOp::Add => self.b.ins().fadd(a, b),
                ArithOp::Sub => self.b.ins().fsub(a, b),
                ArithOp::Mul => self.b.ins().fmul(a, b),
                _ => {
                    let zero = self.b.ins().f64const(0.0);
                    let is_zero = self.b.ins().fcmp(FloatCC::Equal, b, zero);
                    let div = self.b.create_block();
                    self.b.ins().brif(is_zero, slow, &[], div, &[]);
                    self.b.switch_to_block(div);
                    self.b.ins().fdiv(a, b)
                }
            };
            let boxed = self.box_float(r);
            self.b.ins().jump(done, &[BlockArg::Value(boxed)]);
        } else if op == ArithOp::Subscr {
            self.subscr_list(lhs, rhs, done, slow);
        } else {
            self.b.ins().jump(slow, &[]);
        }
        self.b.switch_to_block(slow);
        let oc = self.u32c(oparg);
        let r = self.call_result_at(i, self.t.helpers.binary_op as usize, &[I32, I64, I64], &[oc, lhs, rhs]);
        self.b.ins().jump(done, &[BlockArg::Value(r)]);
        self.b.switch_to_block(done);
        let r = self.b.block_params(done)[0];
        self.push(r);
    }

    /// Small-int fast path of a binary operator (both operands are small ints): jumps
    /// to `done` with the result, or to `slow` when it would not be a small int.
    pub(super) fn int_arith(&mut self, op: ArithOp, lhs: Ssa, rhs: Ssa, done: Block, slow: Block) {
        let done_with = |e: &mut Self, r: Ssa| {
            e.b.ins().jump(done, &[BlockArg::Value(r)]);
        };
        match op {
            ArithOp::And => {
                let r = self.b.ins().band(lhs, rhs);
                done_with(self, r);
            }
            ArithOp::Or => {
                let r = self.b.ins().bor(lhs, rhs);
                done_with(self, r);
            }
            ArithOp::Xor => {
                let x = self.b.ins().bxor(lhs, rhs);
                let r = self.b.ins().bor_imm_s(x, abi::INT_BASE as i64);
                done_with(self, r);
            }
            _ => {
                let a = self.unbox_int(lhs);
                let b = self.unbox_int(rhs);
                let (r, ok) = match op {
                    ArithOp::Add => {
                        let r = self.b.ins().iadd(a, b);
                        (r, self.fits_small(r))
                    }
                    ArithOp::Sub => {
                        let r = self.b.ins().isub(a, b);
                        (r, self.fits_small(r))
                    }
                    ArithOp::Mul => {
                        let (r, of) = self.b.ins().smul_overflow(a, b);
                        let fits = self.fits_small(r);
                        let no_of = self.b.ins().bxor_imm_s(of, 1);
                        (r, self.b.ins().band(fits, no_of))
                    }
                    ArithOp::FloorDiv | ArithOp::Mod => {
                        let nonzero = self.b.create_block();
                        self.b.ins().brif(b, nonzero, &[], slow, &[]);
                        self.b.switch_to_block(nonzero);
                        let q = self.b.ins().sdiv(a, b);
                        let rem = self.b.ins().srem(a, b);
                        // Python rounds towards minus infinity: adjust when the
                        // remainder is non-zero and its sign differs from the divisor's.
                        let rem_nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, rem, 0);
                        let sx = self.b.ins().bxor(rem, b);
                        let signs_differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, sx, 0);
                        let adjust = self.b.ins().band(rem_nz, signs_differ);
                        if op == ArithOp::FloorDiv {
                            let one = self.b.ins().uextend(I64, adjust);
                            let r = self.b.ins().isub(q, one);
                            (r, self.fits_small(r))
                        } else {
                            let zero = self.b.ins().iconst(I64, 0);
                            let add = self.b.ins().select(adjust, b, zero);
                            let r = self.b.ins().iadd(rem, add);
                            let t = self.b.ins().iconst(types::I8, 1);
                            (r, t)
                        }
                    }
                    ArithOp::Rshift => {
                        let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, b, 0);
                        let ok_b = self.b.create_block();
                        self.b.ins().brif(neg, slow, &[], ok_b, &[]);
                        self.b.switch_to_block(ok_b);
                        let max = self.b.ins().iconst(I64, 63);
                        let sh = self.b.ins().umin(b, max);
                        let r = self.b.ins().sshr(a, sh);
                        let t = self.b.ins().iconst(types::I8, 1);
                        (r, t)
                    }
                    _ => unreachable!("no int fast path for {op:?}"),
                };
                let boxed = self.box_int(r);
                self.b.ins().brif(ok, done, &[BlockArg::Value(boxed)], slow, &[]);
            }
        }
    }

    pub(super) fn int_cc(op: CmpOp) -> IntCC {
        match op {
            CmpOp::Lt => IntCC::SignedLessThan,
            CmpOp::Le => IntCC::SignedLessThanOrEqual,
            CmpOp::Eq => IntCC::Equal,
            CmpOp::Ne => IntCC::NotEqual,
            CmpOp::Gt => IntCC::SignedGreaterThan,
            CmpOp::Ge => IntCC::SignedGreaterThanOrEqual,
        }
    }

    pub(super) fn float_cc(op: CmpOp) -> FloatCC {
        match op {
            CmpOp::Lt => FloatCC::LessThan,
            CmpOp::Le => FloatCC::LessThanOrEqual,
            CmpOp::Eq => FloatCC::Equal,
            CmpOp::Ne => FloatCC::NotEqual,
            CmpOp::Gt => FloatCC::GreaterThan,
            CmpOp::Ge => FloatCC::GreaterThanOrEqual,
        }
    }

    /// COMPARE_OP, fused with a POP_JUMP_IF_TRUE/FALSE right after it (when nothing
    /// jumps to that branch): the fast paths branch on the condition directly.
    pub(super) fn compare(&mut self, i: u32, op: CmpOp, oparg: u32) -> usize {
        let fused = match self.f.instrs.get(i as usize + 1) {
            Some(&Inst::JumpIf { cond: cond @ (JumpCond::True | JumpCond::False), target })
                if !self.an.leader[i as usize + 1]
                    && !self.f.probe(i + 1).any()
                    && !self.check_at[i as usize + 1] =>
            {
                Some((cond, target))
            }
            _ => None,
        };
        let rhs = self.pop();
        let lhs = self.pop();
        let int_b = self.b.create_block();
        let check_float = self.b.create_block();
        let float_b = self.b.create_block();
        let slow = self.cold_block();
        let (li, ri) = (self.is_int(lhs), self.is_int(rhs));
        let both = self.b.ins().band(li, ri);
        self.b.ins().brif(both, int_b, &[], check_float, &[]);
        self.b.switch_to_block(check_float);
        let (lf, rf) = (self.is_float(lhs), self.is_float(rhs));
        let both = self.b.ins().band(lf, rf);
        self.b.ins().brif(both, float_b, &[], slow, &[]);

        // Where each outcome goes: straight to the branch targets when fused, else
        // to `done` with the result as a Value.
        let fused_targets = fused.map(|(cond, target)| {
            let target_b = self.block_at(target);
            let next_b = self.block_at(i + 2);
            if cond == JumpCond::True { (target_b, next_b) } else { (next_b, target_b) }
        });
        let done = fused_targets.is_none().then(|| {
            let done = self.b.create_block();
            self.b.append_block_param(done, I64);
            done
        });
        let finish = |e: &mut Self, c: Ssa| match (fused_targets, done) {
            (Some((on_true, on_false)), _) => {
                // The branch ran: it is the targets' previous instruction (LINE, and
                // NOT_TAKEN's BRANCH_LEFT source).
                e.set_prev(i + 1);
                e.b.ins().brif(c, on_true, &[], on_false, &[]);
            }
            (None, Some(done)) => {
                let r = e.bool_value(c);
                e.b.ins().jump(done, &[BlockArg::Value(r)]);
            }
            (None, None) => unreachable!("unfused comparisons have a result block"),
        };

        self.b.switch_to_block(int_b);
        let a = self.b.ins().ishl_imm_s(lhs, 16);
        let b = self.b.ins().ishl_imm_s(rhs, 16);
        let int_c = self.b.ins().icmp(Self::int_cc(op), a, b);
        finish(self, int_c);
        self.b.switch_to_block(float_b);
        let fa = self.b.ins().bitcast(types::F64, MemFlagsData::new(), lhs);
        let fb = self.b.ins().bitcast(types::F64, MemFlagsData::new(), rhs);
        let float_c = self.b.ins().fcmp(Self::float_cc(op), fa, fb);
        finish(self, float_c);
        self.b.switch_to_block(slow);
        let r = self.compare_helper(i, oparg, lhs, rhs);
        match (fused_targets, done) {
            (Some((on_true, on_false)), _) => {
                // The branch pops the comparison's result.
                self.set_prev(i + 1);
                let (cond, target) = fused.expect("fused targets come from a fused branch");
                let jumps_on = cond == JumpCond::True;
                let leave = move |e: &mut Self, truth: bool| e.exit_deopt(if truth == jumps_on { target } else { i + 2 });
                self.branch_on_truth(i + 1, r, on_true, on_false, leave);
                self.terminated = true;
                2
            }
            (None, done) => {
                let done = done.expect("result block");
                self.b.ins().jump(done, &[BlockArg::Value(r)]);
                self.b.switch_to_block(done);
                let r = self.b.block_params(done)[0];
                self.push(r);
                1
            }
        }
    }

    pub(super) fn compare_helper(&mut self, i: u32, oparg: u32, lhs: Ssa, rhs: Ssa) -> Ssa {
        let oc = self.u32c(oparg);
        self.call_result_at(i, self.t.helpers.compare_op as usize, &[I32, I64, I64], &[oc, lhs, rhs])
    }
}
