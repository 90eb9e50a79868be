//! Translation of one [`Function`] into Cranelift IR, in cranelift-frontend's builder
//! style.
//!
//! Locals live in SSA variables. Every store to a local is also written to the frame's
//! slot at once (one store, off the critical path), so the frame's locals are exact at
//! every helper call and exit and nothing has to be written back. The value stack lives
//! only in SSA variables (one per depth) and is written to the frame's stack slots at
//! exits, before CALL (its operands) and before running finalizers.
//!
//! Reference counting mirrors the interpreter's arm for each instruction: a load from a
//! local or constant increments, a pop that discards decrements (releasing through the
//! `release` helper when the count would reach zero), and helpers consume or borrow as
//! `abi::Helpers` documents.

use crate::abi::{self, FrameLayout, Helpers};
use crate::analysis::Analysis;
use crate::ir::{ArithOp, CmpOp, Function, Inst, JumpCond};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, Signature, Type, Value as Ssa};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, Variable};
use std::collections::HashMap;

const I64: Type = types::I64;
const I32: Type = types::I32;

/// Everything code generation needs besides the function.
pub struct Target<'a> {
    pub helpers: &'a Helpers,
    pub layout: FrameLayout,
    /// Address of the `u64` holding the instrumentation version this code accepts
    /// (compared with the VM's after calls and finalizers).
    pub accepted_version: *const u64,
    pub call_conv: CallConv,
}

pub(crate) struct Emitter<'a, 'b> {
    b: &'a mut FunctionBuilder<'b>,
    f: &'a Function,
    an: &'a Analysis,
    t: &'a Target<'a>,
    ctx: Ssa,
    frame: Ssa,
    slots: Ssa,
    version_ptr: Ssa,
    finalizers_ptr: Ssa,
    locals: Vec<Variable>,
    stack: Vec<Variable>,
    depth: u32,
    blocks: Vec<Option<Block>>,
    sigs: HashMap<(Vec<Type>, bool), cranelift_codegen::ir::SigRef>,
    /// The current block ended with a jump, branch or return.
    terminated: bool,
}

fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a, 'b> Emitter<'a, 'b> {
    pub(crate) fn run(b: &'a mut FunctionBuilder<'b>, f: &'a Function, an: &'a Analysis, t: &'a Target<'a>) {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (ctx, frame) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        let slots = b.ins().load(I64, mem(), frame, t.layout.slots);
        let version_ptr = b.ins().load(I64, mem(), ctx, std::mem::offset_of!(abi::RuntimeContext, version) as i32);
        let finalizers_ptr =
            b.ins().load(I64, mem(), ctx, std::mem::offset_of!(abi::RuntimeContext, finalizers_pending) as i32);
        let locals: Vec<Variable> = (0..f.nlocals).map(|_| b.declare_var(I64)).collect();
        for (i, var) in locals.iter().enumerate() {
            let v = b.ins().load(I64, mem(), slots, (i * 8) as i32);
            b.def_var(*var, v);
        }
        let stack: Vec<Variable> = (0..an.max_depth.max(1)).map(|_| b.declare_var(I64)).collect();
        // Stack variables get a definition in the entry block, so that SSA
        // construction never has to invent one (it would append to this block after
        // its terminator).
        let zero = b.ins().iconst(I64, 0);
        for var in &stack {
            b.def_var(*var, zero);
        }
        let mut e = Emitter {
            b,
            f,
            an,
            t,
            ctx,
            frame,
            slots,
            version_ptr,
            finalizers_ptr,
            locals,
            stack,
            depth: 0,
            blocks: vec![None; f.instrs.len()],
            sigs: HashMap::new(),
            terminated: false,
        };
        let first = e.block_at(f.entry);
        e.b.ins().jump(first, &[]);
        e.terminated = true;
        e.body();
        e.b.seal_all_blocks();
    }

    fn body(&mut self) {
        let n = self.f.instrs.len();
        let mut i = 0;
        while i < n {
            let Some(d) = self.an.depth[i] else {
                i += 1;
                continue;
            };
            if self.an.leader[i] {
                let blk = self.block_at(i as u32);
                if !self.terminated {
                    self.b.ins().jump(blk, &[]);
                }
                self.b.switch_to_block(blk);
                self.terminated = false;
            }
            debug_assert!(!self.terminated, "reachable non-leader after a block end");
            self.depth = d;
            i += self.instr(i as u32, self.f.instrs[i]);
        }
    }

    fn block_at(&mut self, i: u32) -> Block {
        if let Some(b) = self.blocks[i as usize] {
            return b;
        }
        let b = self.b.create_block();
        self.blocks[i as usize] = Some(b);
        b
    }

    // ---------------------------------------------------------------- the stack

    fn push(&mut self, v: Ssa) {
        let var = self.stack[self.depth as usize];
        self.b.def_var(var, v);
        self.depth += 1;
    }

    fn pop(&mut self) -> Ssa {
        self.depth -= 1;
        self.b.use_var(self.stack[self.depth as usize])
    }

    /// The value `n` below the top (1 = top).
    fn peek(&mut self, n: u32) -> Ssa {
        self.b.use_var(self.stack[(self.depth - n) as usize])
    }

    fn set_peek(&mut self, n: u32, v: Ssa) {
        let var = self.stack[(self.depth - n) as usize];
        self.b.def_var(var, v);
    }

    fn stack_slot_offset(&self, k: u32) -> i32 {
        ((self.f.nlocals + k) * 8) as i32
    }

    /// Writes stack values `from..to` into the frame's stack slots.
    fn spill(&mut self, from: u32, to: u32) {
        for k in from..to {
            let v = self.b.use_var(self.stack[k as usize]);
            let off = self.stack_slot_offset(k);
            self.b.ins().store(mem(), v, self.slots, off);
        }
    }

    fn store_u32(&mut self, offset: i32, value: u32) {
        let v = self.b.ins().iconst(I32, value as i64);
        self.b.ins().store(mem(), v, self.frame, offset);
    }

    fn set_last_pc(&mut self, i: u32) {
        self.store_u32(self.t.layout.last_pc, i);
    }

    fn write_local(&mut self, slot: u32, v: Ssa) {
        self.b.ins().store(mem(), v, self.slots, (slot * 8) as i32);
        self.b.def_var(self.locals[slot as usize], v);
    }

    // ---------------------------------------------------------------- exits

    /// Leaves with an error: the first `keep` stack values stay on the frame's stack.
    fn exit_error(&mut self, i: u32, keep: u32, write_sp: bool) {
        self.spill(0, keep);
        if write_sp {
            self.store_u32(self.t.layout.sp, keep);
        }
        self.store_u32(self.t.layout.pc, i + 1);
        let r = self.b.ins().iconst(I64, abi::EXIT_ERROR as i64);
        self.b.ins().return_(&[r]);
    }

    /// Leaves to the interpreter, which continues at `next` with the current stack.
    fn exit_deopt(&mut self, next: u32) {
        let depth = self.depth;
        self.spill(0, depth);
        self.store_u32(self.t.layout.sp, depth);
        self.store_u32(self.t.layout.pc, next);
        let r = self.b.ins().iconst(I64, abi::EXIT_DEOPT as i64);
        self.b.ins().return_(&[r]);
    }

    fn cold_block(&mut self) -> Block {
        let b = self.b.create_block();
        self.b.set_cold_block(b);
        b
    }

    /// After a helper returning a Value: on [`abi::EXIT_ERROR`] leave (keeping `keep`
    /// stack values); otherwise continue in a new block.
    fn check_error(&mut self, r: Ssa, i: u32, keep: u32, write_sp: bool) {
        let err = self.cold_block();
        let ok = self.b.create_block();
        let is_err = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::EXIT_ERROR as i64);
        self.b.ins().brif(is_err, err, &[], ok, &[]);
        self.b.switch_to_block(err);
        self.exit_error(i, keep, write_sp);
        self.b.switch_to_block(ok);
    }

    /// After anything that may have run Python code: if the instrumentation version
    /// moved, ask the VM whether this code is still valid, and deoptimise to `next`
    /// if not.
    fn version_check(&mut self, next: u32) {
        let current = self.b.ins().load(I64, mem(), self.version_ptr, 0);
        let accepted_addr = self.b.ins().iconst(I64, self.t.accepted_version as i64);
        let accepted = self.b.ins().load(I64, mem(), accepted_addr, 0);
        let changed = self.b.ins().icmp(IntCC::NotEqual, current, accepted);
        let slow = self.cold_block();
        let deopt = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(changed, slow, &[], cont, &[]);
        self.b.switch_to_block(slow);
        let r = self.call_helper(self.t.helpers.revalidate as usize, &[I64, I64], true, &[self.ctx, self.frame]).unwrap();
        self.b.ins().brif(r, deopt, &[], cont, &[]);
        self.b.switch_to_block(deopt);
        self.exit_deopt(next);
        self.b.switch_to_block(cont);
    }

    /// The interpreter's `finalize_point!` after instruction `i`: run queued finalizers
    /// with the frame in sync, then continue (or deoptimise to `next` if they changed
    /// the instrumentation).
    fn finalize_point(&mut self, i: u32, next: u32) {
        let flag = self.b.ins().uload8(I32, mem(), self.finalizers_ptr, 0);
        let run = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(flag, run, &[], cont, &[]);
        self.b.switch_to_block(run);
        let depth = self.depth;
        self.spill(0, depth);
        self.store_u32(self.t.layout.sp, depth);
        self.set_last_pc(i);
        self.call_helper(self.t.helpers.run_finalizers as usize, &[I64, I64], false, &[self.ctx, self.frame]);
        self.version_check(next);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    // ---------------------------------------------------------------- helpers

    fn call_helper(&mut self, addr: usize, params: &[Type], returns: bool, args: &[Ssa]) -> Option<Ssa> {
        let key = (params.to_vec(), returns);
        let sig = match self.sigs.get(&key) {
            Some(s) => *s,
            None => {
                let mut sig = Signature::new(self.t.call_conv);
                sig.params.extend(params.iter().map(|t| AbiParam::new(*t)));
                if returns {
                    sig.returns.push(AbiParam::new(I64));
                }
                let s = self.b.import_signature(sig);
                self.sigs.insert(key, s);
                s
            }
        };
        let callee = self.b.ins().iconst(I64, addr as i64);
        let call = self.b.ins().call_indirect(sig, callee, args);
        returns.then(|| self.b.inst_results(call)[0])
    }

    fn u32c(&mut self, v: u32) -> Ssa {
        self.b.ins().iconst(I32, v as i64)
    }

    // ---------------------------------------------------------------- values

    fn is_ptr(&mut self, v: Ssa) -> Ssa {
        self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, v, abi::PTR_BASE as i64)
    }

    fn is_int(&mut self, v: Ssa) -> Ssa {
        let tag = self.b.ins().ushr_imm_s(v, abi::TAG_SHIFT);
        self.b.ins().icmp_imm_s(IntCC::Equal, tag, abi::TAG_INT as i64)
    }

    fn is_float(&mut self, v: Ssa) -> Ssa {
        self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, v, abi::FLOAT_LIMIT as i64)
    }

    fn unbox_int(&mut self, v: Ssa) -> Ssa {
        let s = self.b.ins().ishl_imm_s(v, 16);
        self.b.ins().sshr_imm_s(s, 16)
    }

    fn box_int(&mut self, r: Ssa) -> Ssa {
        let p = self.b.ins().band_imm_s(r, abi::PAYLOAD_MASK as i64);
        self.b.ins().bor_imm_s(p, abi::INT_BASE as i64)
    }

    fn fits_small(&mut self, r: Ssa) -> Ssa {
        let x = self.unbox_int(r);
        self.b.ins().icmp(IntCC::Equal, x, r)
    }

    fn bool_value(&mut self, c: Ssa) -> Ssa {
        let t = self.b.ins().iconst(I64, abi::TRUE_BITS as i64);
        let f = self.b.ins().iconst(I64, abi::FALSE_BITS as i64);
        self.b.ins().select(c, t, f)
    }

    /// A float result as a Value: NaNs become one of the two canonical NaNs
    /// (`Value::float`).
    fn box_float(&mut self, x: Ssa) -> Ssa {
        let bits = self.b.ins().bitcast(I64, MemFlagsData::new(), x);
        let is_nan = self.b.ins().fcmp(FloatCC::Unordered, x, x);
        let neg_canon = self.b.ins().icmp_imm_s(IntCC::Equal, bits, (abi::CANONICAL_NAN | (1 << 63)) as i64);
        let canon = self.b.ins().iconst(I64, abi::CANONICAL_NAN as i64);
        let nan_bits = self.b.ins().select(neg_canon, bits, canon);
        self.b.ins().select(is_nan, nan_bits, bits)
    }

    fn incref(&mut self, v: Ssa) {
        let p = self.is_ptr(v);
        let inc = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(p, inc, &[], cont, &[]);
        self.b.switch_to_block(inc);
        let addr = self.b.ins().iadd_imm_s(v, (abi::PTR_BASE as i64).wrapping_neg());
        let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
        let rc = self.b.ins().iadd_imm_s(rc, 1);
        self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// Increments the count of a constant known at compile time.
    fn incref_const(&mut self, bits: u64) {
        if bits >= abi::PTR_BASE {
            let addr = self.b.ins().iconst(I64, bits.wrapping_sub(abi::PTR_BASE) as i64);
            let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
            let rc = self.b.ins().iadd_imm_s(rc, 1);
            self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        }
    }

    fn decref(&mut self, v: Ssa) {
        let p = self.is_ptr(v);
        let dec = self.b.create_block();
        let release = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(p, dec, &[], cont, &[]);
        self.b.switch_to_block(dec);
        let addr = self.b.ins().iadd_imm_s(v, (abi::PTR_BASE as i64).wrapping_neg());
        let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        let store = self.b.create_block();
        self.b.ins().brif(last, release, &[], store, &[]);
        self.b.switch_to_block(store);
        let rc = self.b.ins().iadd_imm_s(rc, -1);
        self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(release);
        self.call_helper(self.t.helpers.release as usize, &[I64], false, &[v]);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    // ---------------------------------------------------------------- instructions

    /// Emits instruction `i`; returns how many instructions it consumed (2 when a
    /// comparison was fused with the branch after it).
    fn instr(&mut self, i: u32, inst: Inst) -> usize {
        match inst {
            Inst::Nop => {}
            Inst::LoadLocal { slot } => self.load_local(i, slot),
            Inst::LoadLocal2 { first, second } => {
                self.load_local(i, first);
                self.load_local(i, second);
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
                self.load_local(i, load);
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
                let v = self.pop();
                self.decref(v);
                self.finalize_point(i, i + 1);
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
                self.set_last_pc(i);
                let (ic, kc) = (self.u32c(i), self.u32c(kind));
                let r = self
                    .call_helper(self.t.helpers.unary_op as usize, &[I64, I64, I32, I32, I64], true, &[self.ctx, self.frame, ic, kc, v])
                    .unwrap();
                let keep = self.depth;
                self.check_error(r, i, keep, true);
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
                let target_b = self.block_at(target);
                let next_b = self.block_at(i + 1);
                match cond {
                    JumpCond::True => self.branch_on_truth(i, v, target_b, next_b),
                    JumpCond::False => self.branch_on_truth(i, v, next_b, target_b),
                    JumpCond::None | JumpCond::NotNone => {
                        let cc = if cond == JumpCond::None { IntCC::Equal } else { IntCC::NotEqual };
                        let c = self.b.ins().icmp_imm_s(cc, v, abi::NONE_BITS as i64);
                        self.decref(v);
                        self.b.ins().brif(c, target_b, &[], next_b, &[]);
                    }
                }
                self.terminated = true;
            }
            Inst::Jump { target } => {
                let t = self.block_at(target);
                self.b.ins().jump(t, &[]);
                self.terminated = true;
            }
            Inst::JumpBack { target } => {
                self.finalize_point(i, target);
                let t = self.block_at(target);
                self.b.ins().jump(t, &[]);
                self.terminated = true;
            }
            Inst::Return => {
                let v = self.pop();
                let depth = self.depth;
                self.spill(0, depth);
                self.store_u32(self.t.layout.sp, depth);
                self.set_last_pc(i);
                self.b.ins().return_(&[v]);
                self.terminated = true;
            }
            Inst::LoadGlobal { push_null } => {
                self.set_last_pc(i);
                let ic = self.u32c(i);
                let r = self.call_helper(self.t.helpers.load_global as usize, &[I64, I64, I32], true, &[self.ctx, self.frame, ic]).unwrap();
                let keep = self.depth;
                self.check_error(r, i, keep, true);
                self.push(r);
                if push_null {
                    let null = self.b.ins().iconst(I64, abi::NULL_BITS as i64);
                    self.push(null);
                }
            }
            Inst::Call { argc } => {
                let base = self.depth - argc - 2;
                let depth = self.depth;
                self.spill(base, depth);
                self.set_last_pc(i);
                let (ic, ac, bc) = (self.u32c(i), self.u32c(argc), self.u32c(base));
                let r = self
                    .call_helper(self.t.helpers.call as usize, &[I64, I64, I32, I32, I32], true, &[self.ctx, self.frame, ic, ac, bc])
                    .unwrap();
                self.depth = base;
                self.check_error(r, i, base, false);
                self.push(r);
                self.version_check(i + 1);
                self.finalize_point(i, i + 1);
            }
            Inst::GetIter => {
                let v = self.pop();
                self.set_last_pc(i);
                let ic = self.u32c(i);
                let r = self.call_helper(self.t.helpers.get_iter as usize, &[I64, I64, I32, I64], true, &[self.ctx, self.frame, ic, v]).unwrap();
                let keep = self.depth;
                self.check_error(r, i, keep, true);
                self.push(r);
            }
            Inst::ForIter { exit } => self.for_iter(i, exit),
            Inst::Deopt => {
                self.exit_deopt(i);
                self.terminated = true;
            }
        }
        1
    }

    fn load_local(&mut self, i: u32, slot: u32) {
        let v = self.b.use_var(self.locals[slot as usize]);
        let is_null = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::NULL_BITS as i64);
        let unbound = self.cold_block();
        let ok = self.b.create_block();
        self.b.ins().brif(is_null, unbound, &[], ok, &[]);
        self.b.switch_to_block(unbound);
        self.set_last_pc(i);
        let (ic, sc) = (self.u32c(i), self.u32c(slot));
        self.call_helper(self.t.helpers.unbound_local as usize, &[I64, I64, I32, I32], true, &[self.ctx, self.frame, ic, sc]);
        let keep = self.depth;
        self.exit_error(i, keep, true);
        self.b.switch_to_block(ok);
        self.incref(v);
        self.push(v);
    }

    fn store_local(&mut self, slot: u32, v: Ssa) {
        let old = self.b.use_var(self.locals[slot as usize]);
        self.write_local(slot, v);
        self.decref(old);
    }

    /// Branches to `on_true` or `on_false` by the truth of `v` (owned; released), for
    /// POP_JUMP_IF_TRUE/FALSE at `i`.
    fn branch_on_truth(&mut self, i: u32, v: Ssa, on_true: Block, on_false: Block) {
        let check_false = self.b.create_block();
        let slow = self.cold_block();
        let is_true = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::TRUE_BITS as i64);
        self.b.ins().brif(is_true, on_true, &[], check_false, &[]);
        self.b.switch_to_block(check_false);
        let is_false = self.b.ins().icmp_imm_s(IntCC::Equal, v, abi::FALSE_BITS as i64);
        self.b.ins().brif(is_false, on_false, &[], slow, &[]);
        self.b.switch_to_block(slow);
        self.set_last_pc(i);
        let ic = self.u32c(i);
        let r = self.call_helper(self.t.helpers.truthy as usize, &[I64, I64, I32, I64], true, &[self.ctx, self.frame, ic, v]).unwrap();
        self.decref(v);
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        self.b.ins().brif(r, on_true, &[], on_false, &[]);
    }

    fn to_bool(&mut self, i: u32) {
        let v = self.peek(1);
        let tag = self.b.ins().ushr_imm_s(v, abi::TAG_SHIFT);
        let is_bool = self.b.ins().icmp_imm_s(IntCC::Equal, tag, abi::TAG_BOOL as i64);
        let slow = self.cold_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        self.b.ins().brif(is_bool, done, &[BlockArg::Value(v)], slow, &[]);
        self.b.switch_to_block(slow);
        self.set_last_pc(i);
        let ic = self.u32c(i);
        let r = self.call_helper(self.t.helpers.truthy as usize, &[I64, I64, I32, I64], true, &[self.ctx, self.frame, ic, v]).unwrap();
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        self.decref(v);
        let b = self.bool_value(r);
        self.b.ins().jump(done, &[BlockArg::Value(b)]);
        self.b.switch_to_block(done);
        let r = self.b.block_params(done)[0];
        self.set_peek(1, r);
    }

    fn binary(&mut self, i: u32, op: ArithOp, oparg: u32) {
        let rhs = self.pop();
        let lhs = self.pop();
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        let slow = self.cold_block();
        let has_int = !matches!(op, ArithOp::TrueDiv | ArithOp::Other);
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
        } else {
            self.b.ins().jump(slow, &[]);
        }
        self.b.switch_to_block(slow);
        self.set_last_pc(i);
        let (ic, oc) = (self.u32c(i), self.u32c(oparg));
        let r = self
            .call_helper(self.t.helpers.binary_op as usize, &[I64, I64, I32, I32, I64, I64], true, &[self.ctx, self.frame, ic, oc, lhs, rhs])
            .unwrap();
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        self.b.ins().jump(done, &[BlockArg::Value(r)]);
        self.b.switch_to_block(done);
        let r = self.b.block_params(done)[0];
        self.push(r);
    }

    /// Small-int fast path of a binary operator (both operands are small ints): jumps
    /// to `done` with the result, or to `slow` when it would not be a small int.
    fn int_arith(&mut self, op: ArithOp, lhs: Ssa, rhs: Ssa, done: Block, slow: Block) {
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

    fn int_cc(op: CmpOp) -> IntCC {
        match op {
            CmpOp::Lt => IntCC::SignedLessThan,
            CmpOp::Le => IntCC::SignedLessThanOrEqual,
            CmpOp::Eq => IntCC::Equal,
            CmpOp::Ne => IntCC::NotEqual,
            CmpOp::Gt => IntCC::SignedGreaterThan,
            CmpOp::Ge => IntCC::SignedGreaterThanOrEqual,
        }
    }

    fn float_cc(op: CmpOp) -> FloatCC {
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
    fn compare(&mut self, i: u32, op: CmpOp, oparg: u32) -> usize {
        let fused = match self.f.instrs.get(i as usize + 1) {
            Some(&Inst::JumpIf { cond: cond @ (JumpCond::True | JumpCond::False), target })
                if !self.an.leader[i as usize + 1] =>
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
                self.branch_on_truth(i + 1, r, on_true, on_false);
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

    fn compare_helper(&mut self, i: u32, oparg: u32, lhs: Ssa, rhs: Ssa) -> Ssa {
        self.set_last_pc(i);
        let (ic, oc) = (self.u32c(i), self.u32c(oparg));
        let r = self
            .call_helper(self.t.helpers.compare_op as usize, &[I64, I64, I32, I32, I64, I64], true, &[self.ctx, self.frame, ic, oc, lhs, rhs])
            .unwrap();
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        r
    }

    fn for_iter(&mut self, i: u32, exit: u32) {
        let it = self.peek(1);
        self.set_last_pc(i);
        let ic = self.u32c(i);
        let r = self.call_helper(self.t.helpers.for_iter as usize, &[I64, I64, I32, I64], true, &[self.ctx, self.frame, ic, it]).unwrap();
        let exhausted = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::ITER_EXHAUSTED as i64);
        let exh_b = self.b.create_block();
        let item_b = self.b.create_block();
        self.b.ins().brif(exhausted, exh_b, &[], item_b, &[]);
        self.b.switch_to_block(exh_b);
        self.version_check(exit);
        let exit_b = self.block_at(exit);
        self.b.ins().jump(exit_b, &[]);
        self.b.switch_to_block(item_b);
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        self.push(r);
        self.version_check(i + 1);
        let next_b = self.block_at(i + 1);
        self.b.ins().jump(next_b, &[]);
        self.terminated = true;
    }
}
