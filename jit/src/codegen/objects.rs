//! Emitters of the instructions that run through object helpers: `StackOp` (operands
//! and results in the frame's stack slots), and the exit
//! at an instruction compiled code has no translation for.

use super::{Emitter, Ssa, I32, I64};
use crate::ir::{STACK_OP_FINALIZE, STACK_OP_RELOAD_LOCALS};
use cranelift_codegen::ir::InstBuilder;

impl Emitter<'_, '_> {
    /// `Inst::StackOp` at `i`: the top `pops` values go to the frame's stack slots, the
    /// helper runs the instruction there (as the interpreter's arm runs it on its
    /// stack), and the top `pushes` values come back.
    pub(super) fn stack_op(&mut self, i: u32, pops: u32, pushes: u32, flags: u32) {
        self.stack_op_with(self.t.helpers.stack_op as usize, i, pops, pushes, flags, |e, _| e.exit_deopt(i + 1));
    }

    /// `stack_op` through `helper`, a helper with `stack_op`'s convention; returns its
    /// result (0 unless the helper says more, as `send` does). When the helper's
    /// Python code changed the instrumentation (`check_result`), `leave(result)` takes
    /// compiled code out, with the pushes on the stack.
    pub(super) fn stack_op_with(&mut self, helper: usize, i: u32, pops: u32, pushes: u32, flags: u32, leave: impl FnOnce(&mut Self, Ssa)) -> Ssa {
        let depth = self.depth;
        let base = depth - pops;
        self.spill(base, depth);
        let tc = self.u32c(depth);
        let r = self.call_at(i, helper, &[I32], &[tc]);
        self.depth = base;
        // The helper set `sp` itself on error (what stays depends on the instruction).
        self.check_result(r, i, base, false, |e, result| {
            e.load_pushes(base, pushes);
            leave(e, result);
        });
        self.load_pushes(base, pushes);
        if flags & STACK_OP_RELOAD_LOCALS != 0 {
            for slot in 0..self.f.nlocals {
                let v = self.b.ins().load(I64, super::mem(), self.slots, (slot * 8) as i32);
                self.b.def_var(self.locals[slot as usize], v);
            }
        }
        if flags & STACK_OP_FINALIZE != 0 {
            self.finalize_point(i, i + 1);
        }
        r
    }

    /// Pushes the `pushes` values a helper left in the frame's stack slots from `base`.
    fn load_pushes(&mut self, base: u32, pushes: u32) {
        for k in 0..pushes {
            let off = self.stack_slot_offset(base + k);
            let v = self.b.ins().load(I64, super::mem(), self.slots, off);
            self.push(v);
        }
    }

    /// SEND at `i`, through the `send` helper with `stack_op`'s convention: the
    /// receiver and the value go to the frame's stack slots, the receiver (which
    /// stays) and the result come back, and SEND jumps to `target` when the helper
    /// says the receiver returned.
    pub(super) fn send(&mut self, i: u32, target: u32) {
        let leave = |e: &mut Self, returned: Ssa| {
            let (to_target, to_next) = (e.cold_block(), e.cold_block());
            e.b.ins().brif(returned, to_target, &[], to_next, &[]);
            e.b.switch_to_block(to_target);
            e.exit_deopt(target);
            e.b.switch_to_block(to_next);
            e.exit_deopt(i + 1);
        };
        let r = self.stack_op_with(self.t.helpers.send as usize, i, 2, 2, 0, leave);
        let target_b = self.block_at(target);
        let yielded = self.b.create_block();
        self.b.ins().brif(r, target_b, &[], yielded, &[]);
        self.b.switch_to_block(yielded);
    }

    /// Counts a loop back-edge in the context's `loop_trips`, in code that may leave at
    /// an instruction without a translation (the VM's `unsupported` helper reads it).
    pub(super) fn count_trip(&mut self) {
        let has_deopt = self.f.instrs.iter().zip(&self.an.depth).any(|(x, d)| matches!(x, crate::ir::Inst::Deopt) && d.is_some());
        if !has_deopt {
            return;
        }
        let off = std::mem::offset_of!(crate::abi::RuntimeContext, loop_trips) as i32;
        let n = self.b.ins().load(I64, super::mem(), self.ctx, off);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(super::mem(), n, self.ctx, off);
    }

    /// An instruction without a translation: the interpreter runs it, and the frame
    /// continues there.
    pub(super) fn unsupported(&mut self, i: u32) {
        let ic = self.u32c(i);
        self.call_helper(self.t.helpers.unsupported as usize, &[I64, I64, I32], false, &[self.ctx, self.frame, ic]);
        // The interpreter runs instruction i itself, so its LINE sees the one before.
        self.exit_deopt_before(i);
        self.terminated = true;
    }
}
