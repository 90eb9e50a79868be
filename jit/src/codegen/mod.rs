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

use crate::abi::{self, FrameLayout, Helpers, ObjectLayout};
use crate::analysis::Analysis;
use crate::ir::Function;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, AbiParam, Block, InstBuilder, MemFlagsData, Signature, Type, Value as Ssa};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, Variable};
use std::collections::HashMap;

mod arith;
mod inline;
mod instrs;
mod objects;
mod values;

const I64: Type = types::I64;
const I32: Type = types::I32;

/// Everything code generation needs besides the function.
pub struct Target<'a> {
    pub helpers: &'a Helpers,
    pub layout: FrameLayout,
    /// Object offsets of the inline attribute and list fast paths.
    pub objects: ObjectLayout,
    /// Address of the code object's live-instrumentation version (a `u64` the VM
    /// bumps whenever any (event, offset, tools) of that code changes).
    pub live_version: *const u64,
    /// Address of the `u64` holding the live version this code accepts (compared
    /// with `live_version` after probes; helpers compare it after anything else that
    /// runs Python code).
    pub accepted_version: *const u64,
    /// Per-instruction probe flags, two bytes per instruction (`pre`, `event`): a
    /// probe runs only while its byte is non-zero. Null when `Function::probes` is
    /// empty.
    pub probe_flags: *const u8,
    /// Opaque pointer handed to `revalidate` and the probe helpers (the VM's
    /// per-version probe state).
    pub probe_state: *const u8,
    /// Value of the VM's builtins dict (alive as long as the VM), for LOAD_GLOBAL.
    pub builtins: u64,
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
    finalizers_ptr: Ssa,
    /// The instruction run before the current one (LINE's `prev`), tracked only in
    /// code with probes.
    prev: Option<Variable>,
    /// Instructions that start with a live-version check: successors of `pre` probes,
    /// whose callbacks may have made events live that this version has no probe for.
    check_at: Vec<bool>,
    /// `prev` as it was on entry to the current instruction, read only where it may
    /// be needed (a DEOPT instruction, or one with a live event probe).
    prev_before: Option<Ssa>,
    locals: Vec<Variable>,
    stack: Vec<Variable>,
    depth: u32,
    blocks: Vec<Option<Block>>,
    sigs: HashMap<(Vec<Type>, bool), cranelift_codegen::ir::SigRef>,
    /// The current block ended with a jump, branch or return.
    terminated: bool,
    /// The blocks that return [`abi::EXIT_ERROR`] and [`abi::EXIT_DEOPT`], which every
    /// exit jumps to once its frame state is written (one epilogue each).
    exits: [Option<Block>; 2],
}

fn mem() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a, 'b> Emitter<'a, 'b> {
    /// Emits `f`; returns its OSR entries (instruction, stack depth).
    pub(crate) fn run(b: &'a mut FunctionBuilder<'b>, f: &'a Function, an: &'a Analysis, t: &'a Target<'a>) -> Vec<(u32, u32)> {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (ctx, frame, start) = (b.block_params(entry)[0], b.block_params(entry)[1], b.block_params(entry)[2]);
        let slots = b.ins().load(I64, mem(), frame, t.layout.slots);
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
        let prev = f.probes.iter().any(|p| p.any()).then(|| {
            let v = b.declare_var(I32);
            let last = b.ins().load(I32, mem(), frame, t.layout.last_pc);
            b.def_var(v, last);
            v
        });
        let mut check_at = vec![false; f.instrs.len()];
        for (i, inst) in f.instrs.iter().enumerate() {
            if an.depth[i].is_none() || !f.probe(i as u32).pre || matches!(inst, crate::ir::Inst::Return) {
                continue;
            }
            if !inst.ends_block() && i + 1 < check_at.len() {
                check_at[i + 1] = true;
            }
            if let Some(t) = inst.branch_target() {
                if let Some(c) = check_at.get_mut(t as usize) {
                    *c = true;
                }
            }
        }
        let mut e = Emitter {
            b,
            f,
            an,
            t,
            ctx,
            frame,
            slots,
            finalizers_ptr,
            prev,
            check_at,
            prev_before: None,
            locals,
            stack,
            depth: 0,
            blocks: vec![None; f.instrs.len()],
            sigs: HashMap::new(),
            terminated: false,
            exits: [None; 2],
        };
        let osr = e.entries(start);
        e.terminated = true;
        e.body();
        for (k, code) in [abi::EXIT_ERROR, abi::EXIT_DEOPT].into_iter().enumerate() {
            if let Some(b) = e.exits[k] {
                e.b.switch_to_block(b);
                let r = e.b.ins().iconst(I64, code as i64);
                e.b.ins().return_(&[r]);
            }
        }
        e.b.seal_all_blocks();
        osr
    }

    /// The entry block's dispatch on where to start: the function's entry, a loop
    /// header (every reachable JUMP_BACKWARD target) for on-stack replacement, or a
    /// generator's resume point after a yield, whose stack values come from the
    /// frame's stack slots. Anything else, or a frame whose
    /// `sp` is not the analysed depth there, leaves at once with EXIT_DEOPT and the
    /// frame untouched.
    fn entries(&mut self, start: Ssa) -> Vec<(u32, u32)> {
        let mut osr: Vec<(u32, u32)> = Vec::new();
        for (i, inst) in self.f.instrs.iter().enumerate() {
            let Some(target) = inst.reentry().filter(|_| self.an.depth[i].is_some()) else { continue };
            if let Some(d) = self.an.depth.get(target as usize).copied().flatten() {
                osr.push((target, d));
            }
        }
        osr.sort_unstable();
        osr.dedup();
        let reject = self.cold_block();
        let first = self.block_at(self.f.entry);
        let mut next = self.b.create_block();
        let is_entry = self.b.ins().icmp_imm_s(IntCC::Equal, start, self.f.entry as i64);
        self.b.ins().brif(is_entry, first, &[], next, &[]);
        for &(target, depth) in &osr {
            self.b.switch_to_block(next);
            self.b.set_cold_block(next);
            let here = self.b.create_block();
            self.b.set_cold_block(here);
            next = self.b.create_block();
            let is_here = self.b.ins().icmp_imm_s(IntCC::Equal, start, target as i64);
            self.b.ins().brif(is_here, here, &[], next, &[]);
            self.b.switch_to_block(here);
            let sp = self.b.ins().load(I32, mem(), self.frame, self.t.layout.sp);
            let bad_sp = self.b.ins().icmp_imm_s(IntCC::NotEqual, sp, depth as i64);
            let load = self.b.create_block();
            self.b.set_cold_block(load);
            self.b.ins().brif(bad_sp, reject, &[], load, &[]);
            self.b.switch_to_block(load);
            for k in 0..depth {
                let off = self.stack_slot_offset(k);
                let v = self.b.ins().load(I64, mem(), self.slots, off);
                self.b.def_var(self.stack[k as usize], v);
            }
            let header = self.block_at(target);
            self.b.ins().jump(header, &[]);
        }
        self.b.switch_to_block(next);
        self.b.set_cold_block(next);
        self.b.ins().jump(reject, &[]);
        self.b.switch_to_block(reject);
        let r = self.b.ins().iconst(I64, abi::EXIT_DEOPT as i64);
        self.b.ins().return_(&[r]);
        osr
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
            let at = i as u32;
            if self.check_at[i] {
                self.version_check(at);
            }
            let inst = self.f.instrs[i];
            // Instructions that may leave before running, to have the interpreter run
            // them (a deopt, a yield, a return with probes): the interpreter fires
            // their LINE/INSTRUCTION events, so they get no `pre` probe.
            let probe = self.f.probe(at);
            let leaves_before = match inst {
                crate::ir::Inst::Deopt | crate::ir::Inst::Yield { .. } => true,
                crate::ir::Inst::Return => probe.any(),
                _ => false,
            };
            if probe.pre && !leaves_before {
                self.probe_pre(at);
            }
            // Only those, and instructions that report a jump from the instruction
            // before them, read `prev` as it was on entry: reading it at every
            // instruction would make it a parameter of every merge block, a value
            // carried around every loop.
            self.prev_before = match self.prev {
                Some(prev) if probe.event || leaves_before => Some(self.b.use_var(prev)),
                _ => None,
            };
            self.set_prev(at);
            i += self.instr(at, inst);
        }
    }

    pub(super) fn block_at(&mut self, i: u32) -> Block {
        if let Some(b) = self.blocks[i as usize] {
            return b;
        }
        let b = self.b.create_block();
        self.blocks[i as usize] = Some(b);
        b
    }

    // ---------------------------------------------------------------- the stack

    pub(super) fn push(&mut self, v: Ssa) {
        let var = self.stack[self.depth as usize];
        self.b.def_var(var, v);
        self.depth += 1;
    }

    pub(super) fn pop(&mut self) -> Ssa {
        self.depth -= 1;
        self.b.use_var(self.stack[self.depth as usize])
    }

    /// The value `n` below the top (1 = top).
    pub(super) fn peek(&mut self, n: u32) -> Ssa {
        self.b.use_var(self.stack[(self.depth - n) as usize])
    }

    pub(super) fn set_peek(&mut self, n: u32, v: Ssa) {
        let var = self.stack[(self.depth - n) as usize];
        self.b.def_var(var, v);
    }

    pub(super) fn stack_slot_offset(&self, k: u32) -> i32 {
        ((self.f.nlocals + k) * 8) as i32
    }

    /// Writes stack values `from..to` into the frame's stack slots.
    pub(super) fn spill(&mut self, from: u32, to: u32) {
        for k in from..to {
            let v = self.b.use_var(self.stack[k as usize]);
            let off = self.stack_slot_offset(k);
            self.b.ins().store(mem(), v, self.slots, off);
        }
    }

    pub(super) fn store_u32(&mut self, offset: i32, value: u32) {
        let v = self.b.ins().iconst(I32, value as i64);
        self.b.ins().store(mem(), v, self.frame, offset);
    }

    pub(super) fn set_last_pc(&mut self, i: u32) {
        self.store_u32(self.t.layout.last_pc, i);
    }

    pub(super) fn write_local(&mut self, slot: u32, v: Ssa) {
        self.b.ins().store(mem(), v, self.slots, (slot * 8) as i32);
        self.b.def_var(self.locals[slot as usize], v);
    }

    // ---------------------------------------------------------------- exits

    /// Leaves with an error: the first `keep` stack values stay on the frame's stack.
    pub(super) fn exit_error(&mut self, i: u32, keep: u32, write_sp: bool) {
        self.spill(0, keep);
        if write_sp {
            self.store_u32(self.t.layout.sp, keep);
        }
        self.store_u32(self.t.layout.pc, i + 1);
        self.leave(0);
    }

    /// Jumps to the shared exit returning `[EXIT_ERROR, EXIT_DEOPT][k]`.
    fn leave(&mut self, k: usize) {
        let b = match self.exits[k] {
            Some(b) => b,
            None => {
                let b = self.cold_block();
                self.exits[k] = Some(b);
                b
            }
        };
        self.b.ins().jump(b, &[]);
    }

    /// Leaves to the interpreter, which continues at `next` with the current stack.
    pub(super) fn exit_deopt(&mut self, next: u32) {
        let depth = self.depth;
        self.spill(0, depth);
        if let Some(prev) = self.prev {
            let p = self.b.use_var(prev);
            self.b.ins().store(mem(), p, self.frame, self.t.layout.last_pc);
        }
        self.store_u32(self.t.layout.sp, depth);
        self.store_u32(self.t.layout.pc, next);
        self.leave(1);
    }

    /// Leaves to the interpreter, which runs the current instruction `i` itself: its
    /// LINE event must see the instruction before it as the previous one.
    pub(super) fn exit_deopt_before(&mut self, i: u32) {
        if let (Some(prev), Some(before)) = (self.prev, self.prev_before) {
            self.b.def_var(prev, before);
        }
        self.exit_deopt(i);
    }

    pub(super) fn cold_block(&mut self) -> Block {
        let b = self.b.create_block();
        self.b.set_cold_block(b);
        b
    }

    /// After a helper returning a Value: on [`abi::EXIT_ERROR`] leave (keeping `keep`
    /// stack values); otherwise continue in a new block.
    pub(super) fn check_error(&mut self, r: Ssa, i: u32, keep: u32, write_sp: bool) {
        let err = self.cold_block();
        let ok = self.b.create_block();
        let is_err = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::EXIT_ERROR as i64);
        self.b.ins().brif(is_err, err, &[], ok, &[]);
        self.b.switch_to_block(err);
        self.exit_error(i, keep, write_sp);
        self.b.switch_to_block(ok);
    }

    /// After a helper that may run Python code returned `r` (see `abi::Helpers`):
    /// [`abi::EXIT_ERROR`] leaves as `check_error` does; [`abi::EXIT_DEOPT`] means that
    /// code changed this code's instrumentation beyond this version's probes, and the
    /// helper completed the instruction: `resume` then gets the instruction's result
    /// (`RuntimeContext::deopt_result`) in a cold block, applies it to the stack and
    /// leaves to the interpreter. The hot path has the one compare `check_error` has.
    pub(super) fn check_result(&mut self, r: Ssa, i: u32, keep: u32, write_sp: bool, resume: impl FnOnce(&mut Self, Ssa)) {
        let exits = self.cold_block();
        let ok = self.b.create_block();
        let is_exit = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, r, abi::EXIT_ERROR as i64);
        self.b.ins().brif(is_exit, exits, &[], ok, &[]);
        self.b.switch_to_block(exits);
        let err = self.cold_block();
        let deopt = self.cold_block();
        let is_err = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::EXIT_ERROR as i64);
        self.b.ins().brif(is_err, err, &[], deopt, &[]);
        self.b.switch_to_block(err);
        self.exit_error(i, keep, write_sp);
        self.b.switch_to_block(deopt);
        let offset = std::mem::offset_of!(abi::RuntimeContext, deopt_result) as i32;
        let result = self.b.ins().load(I64, mem(), self.ctx, offset);
        let depth = self.depth;
        resume(self, result);
        self.depth = depth;
        self.b.switch_to_block(ok);
    }

    /// `check_result` for instruction `i` whose one result, which the caller pushes,
    /// is the helper's `r`, with the current stack below it.
    pub(super) fn check_pushed(&mut self, r: Ssa, i: u32, keep: u32, write_sp: bool) {
        self.check_result(r, i, keep, write_sp, |e, result| {
            e.push(result);
            e.exit_deopt(i + 1);
        });
    }

    /// After a probe that may have run callbacks: if the code's live instrumentation
    /// version moved, ask the VM whether this version's probes still cover it, and
    /// deoptimise to `next` if not. Changes to other code objects do not move this
    /// code's version. (Helpers check for themselves: see `check_result`.)
    pub(super) fn version_check(&mut self, next: u32) {
        let live_addr = self.b.ins().iconst(I64, self.t.live_version as i64);
        let current = self.b.ins().load(I64, mem(), live_addr, 0);
        let accepted_addr = self.b.ins().iconst(I64, self.t.accepted_version as i64);
        let accepted = self.b.ins().load(I64, mem(), accepted_addr, 0);
        let changed = self.b.ins().icmp(IntCC::NotEqual, current, accepted);
        let slow = self.cold_block();
        let deopt = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(changed, slow, &[], cont, &[]);
        self.b.switch_to_block(slow);
        let state = self.b.ins().iconst(I64, self.t.probe_state as i64);
        let r = self.call_helper(self.t.helpers.revalidate as usize, &[I64, I64, I64], true, &[self.ctx, self.frame, state]).unwrap();
        self.b.ins().brif(r, deopt, &[], cont, &[]);
        self.b.switch_to_block(deopt);
        self.exit_deopt(next);
        self.b.switch_to_block(cont);
    }

    /// The interpreter's `finalize_point!` after instruction `i`: run queued finalizers
    /// with the frame in sync, then continue (or deoptimise to `next` if they changed
    /// the instrumentation).
    pub(super) fn finalize_point(&mut self, i: u32, next: u32) {
        let flag = self.b.ins().uload8(I32, mem(), self.finalizers_ptr, 0);
        let run = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(flag, run, &[], cont, &[]);
        self.b.switch_to_block(run);
        let depth = self.depth;
        self.spill(0, depth);
        self.store_u32(self.t.layout.sp, depth);
        self.set_last_pc(i);
        let leave = self.call_helper(self.t.helpers.run_finalizers as usize, &[I64, I64], true, &[self.ctx, self.frame]).unwrap();
        let deopt = self.cold_block();
        self.b.ins().brif(leave, deopt, &[], cont, &[]);
        self.b.switch_to_block(deopt);
        self.exit_deopt(next);
        self.b.switch_to_block(cont);
    }

    // ---------------------------------------------------------------- probes

    /// Branches on probe byte `k` of instruction `i`: returns the block running the
    /// probe (current on return) and the block after it.
    pub(super) fn probe_guard(&mut self, i: u32, k: u32) -> Block {
        let addr = self.b.ins().iconst(I64, self.t.probe_flags as i64 + (2 * i + k) as i64);
        let flag = self.b.ins().uload8(I32, mem(), addr, 0);
        let run = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(flag, run, &[], cont, &[]);
        self.b.switch_to_block(run);
        cont
    }

    /// Records `i` as the instruction running (the next one's `prev`), in code that
    /// tracks it.
    pub(super) fn set_prev(&mut self, i: u32) {
        if let Some(prev) = self.prev {
            let here = self.u32c(i);
            self.b.def_var(prev, here);
        }
    }

    /// The previous instruction as an SSA value (code with probes tracks it).
    pub(super) fn prev_value(&mut self, fallback: u32) -> Ssa {
        match self.prev {
            Some(p) => self.b.use_var(p),
            None => self.u32c(fallback),
        }
    }

    /// LINE/INSTRUCTION before instruction `i` (its stack as before it).
    fn probe_pre(&mut self, i: u32) {
        let cont = self.probe_guard(i, 0);
        self.set_last_pc(i);
        let prev = self.prev_value(i.saturating_sub(1));
        let state = self.b.ins().iconst(I64, self.t.probe_state as i64);
        let ic = self.u32c(i);
        let r = self
            .call_helper(self.t.helpers.probe_pre as usize, &[I64, I64, I64, I32, I32], true, &[self.ctx, self.frame, state, ic, prev])
            .unwrap();
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        // A callback made live an event this version has no probe for (perhaps this
        // instruction's own): the interpreter runs the instruction, below its layers.
        let deopt = self.cold_block();
        let is_deopt = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::EXIT_DEOPT as i64);
        self.b.ins().brif(is_deopt, deopt, &[], cont, &[]);
        self.b.switch_to_block(deopt);
        self.exit_deopt(i);
        self.b.switch_to_block(cont);
    }

    /// The jump/branch event of instruction `i` from `src` to `dest`, then (if it ran)
    /// a live-version check deoptimising to `dest`. The current stack is the one at
    /// `dest`.
    pub(super) fn probe_jump(&mut self, i: u32, src: Ssa, dest: u32, finalize: bool, check: bool) {
        let cont = self.probe_guard(i, 1);
        self.set_last_pc(i);
        let state = self.b.ins().iconst(I64, self.t.probe_state as i64);
        let (ic, dc) = (self.u32c(i), self.u32c(dest));
        let r = self
            .call_helper(
                self.t.helpers.probe_jump as usize,
                &[I64, I64, I64, I32, I32, I32],
                true,
                &[self.ctx, self.frame, state, ic, src, dc],
            )
            .unwrap();
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        if finalize {
            self.finalize_point(i, dest);
        }
        if check {
            self.version_check(dest);
        }
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    // ---------------------------------------------------------------- helpers

    /// Calls `helper` on behalf of instruction `i`, whose index becomes the frame's
    /// `last_pc` first (tracebacks, monitoring): the helper takes (ctx, frame, i)
    /// followed by `args` of types `types`, and returns a `u64`.
    pub(super) fn call_at(&mut self, i: u32, helper: usize, types: &[Type], args: &[Ssa]) -> Ssa {
        self.set_last_pc(i);
        let ic = self.u32c(i);
        let params: Vec<Type> = [I64, I64, I32].iter().chain(types).copied().collect();
        let all: Vec<Ssa> = [self.ctx, self.frame, ic].iter().chain(args).copied().collect();
        self.call_helper(helper, &params, true, &all).expect("a helper returning a value")
    }

    /// `call_at` for a helper returning a Value or [`abi::EXIT_ERROR`] that runs no
    /// Python code: on error, leaves with the current stack.
    pub(super) fn call_value_at(&mut self, i: u32, helper: usize, types: &[Type], args: &[Ssa]) -> Ssa {
        let r = self.call_at(i, helper, types, args);
        let keep = self.depth;
        self.check_error(r, i, keep, true);
        r
    }

    /// `call_at` for a helper that may run Python code and returns instruction `i`'s
    /// one result, which the caller pushes (see `check_pushed`).
    pub(super) fn call_result_at(&mut self, i: u32, helper: usize, types: &[Type], args: &[Ssa]) -> Ssa {
        let r = self.call_at(i, helper, types, args);
        let keep = self.depth;
        self.check_pushed(r, i, keep, true);
        r
    }

    pub(super) fn call_helper(&mut self, addr: usize, params: &[Type], returns: bool, args: &[Ssa]) -> Option<Ssa> {
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

    pub(super) fn u32c(&mut self, v: u32) -> Ssa {
        self.b.ins().iconst(I32, v as i64)
    }
}

