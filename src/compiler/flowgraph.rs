//! The control-flow graph: a port of CPython 3.14's `Python/flowgraph.c`, pass by pass
//! and in the same order, because those passes decide the final instruction order, the
//! line of every instruction, which jumps exist and where NOT_TAKEN goes, and so every
//! LINE, JUMP and BRANCH event.
//!
//! Blocks keep CPython's storage model: `b_instr` is an array whose entries past
//! `b_iused` keep stale contents after a block shrinks, and `basicblock_addop` does not
//! reset an entry's exception handler. Instructions appended later (NOT_TAKEN, threaded
//! jumps) therefore inherit whatever handler the reused entry had, which shows in the
//! exception table; [`Block::addop`] reproduces that.
//!
//! Left out: `optimize_load_fast` (it only turns LOAD_FAST into LOAD_FAST_BORROW, a
//! reference-counting detail that changes neither the number nor the position of
//! instructions).

use super::assemble::{self, CodeUnit};
use super::codegen::{Unit, DEREF_CELL};
use super::instr::{Ins, Opc, SrcLoc, NO_LABEL, NO_LOCATION};
use super::{CompileError, Const};
use crate::bytecode::{self as bc, BinaryOpArg, CodeFlags, Op};
use std::rc::Rc;

pub type BlockId = usize;
/// `NULL` for block references stored in instructions (targets and handlers).
const NULL: u32 = NO_LABEL;
/// `NO_LABEL` for block labels.
const NO_LBL: i64 = -1;
/// `_PY_STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: usize = 30;
const MAX_COPY_SIZE: usize = 4;
const MIN_CONST_SEQUENCE_SIZE: usize = 3;

#[derive(Clone)]
pub struct Block {
    /// `b_instr`: entries `[0, n)` are the instructions; later ones are stale.
    slots: Vec<Ins>,
    /// `b_iused`.
    n: usize,
    pub next: Option<BlockId>,
    /// `b_label` (-1 for none).
    pub label: i64,
    exceptstack: Option<Vec<BlockId>>,
    unsafe_locals_mask: u64,
    pub predecessors: i32,
    pub startdepth: i32,
    pub preserve_lasti: bool,
    visited: bool,
    pub except_handler: bool,
    cold: bool,
    warm: bool,
}

impl Block {
    fn new() -> Block {
        Block {
            slots: Vec::new(),
            n: 0,
            next: None,
            label: NO_LBL,
            exceptstack: None,
            unsafe_locals_mask: 0,
            predecessors: 0,
            startdepth: 0,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            cold: false,
            warm: false,
        }
    }
    pub fn instrs(&self) -> &[Ins] {
        &self.slots[..self.n]
    }
    fn instrs_mut(&mut self) -> &mut [Ins] {
        &mut self.slots[..self.n]
    }
    fn last(&self) -> Option<&Ins> {
        self.instrs().last()
    }
    /// `basicblock_addop`: sets opcode, argument, target and location of the next
    /// entry; a reused entry keeps its old exception handler.
    fn addop(&mut self, opc: Opc, arg: u32, target: u32, loc: SrcLoc) {
        if self.n < self.slots.len() {
            let s = &mut self.slots[self.n];
            s.opc = opc;
            s.arg = arg;
            s.target = target;
            s.loc = loc;
        } else {
            let mut i = Ins::new(opc, arg, loc);
            i.target = target;
            i.handler = NULL;
            self.slots.push(i);
        }
        self.n += 1;
    }
    /// Appends a whole instruction (`basicblock_append_instructions`).
    fn append(&mut self, ins: Ins) {
        if self.n < self.slots.len() {
            self.slots[self.n] = ins;
        } else {
            self.slots.push(ins);
        }
        self.n += 1;
    }
    /// `basicblock_insert_instruction`.
    fn insert(&mut self, pos: usize, ins: Ins) {
        if self.n == self.slots.len() {
            self.slots.push(Ins::new(nop(), 0, NO_LOCATION));
        }
        self.n += 1;
        let mut i = self.n - 1;
        while i > pos {
            self.slots[i] = self.slots[i - 1];
            i -= 1;
        }
        self.slots[pos] = ins;
    }
    fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.opc.is_scope_exit())
    }
    fn has_eval_break(&self) -> bool {
        self.instrs().iter().any(|i| i.opc.has_eval_break())
    }
    fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|i| i.opc.is_scope_exit() || i.opc.is_unconditional_jump())
    }
    fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }
    fn has_no_lineno(&self) -> bool {
        self.instrs().iter().all(|i| i.loc.line < 0)
    }
}

pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub consts: Vec<Const>,
    /// `scalar_key` of each constant (rebuilt when out of step with `consts`) and the
    /// first slot holding each key, for [`Cfg::add_const`].
    scalar_consts: Vec<Option<String>>,
    scalar_index: rustc_hash::FxHashMap<String, u32>,
}

fn nop() -> Opc {
    Opc::Real(Op::Nop)
}

/// `INSTR_SET_OP0(i, NOP)`: keeps location, target and handler.
fn set_nop(i: &mut Ins) {
    i.opc = nop();
    i.arg = 0;
}

fn tgt(ins: &Ins) -> BlockId {
    ins.target as BlockId
}

fn loads_const(opc: Opc) -> bool {
    matches!(opc, Opc::Real(Op::LoadConst | Op::LoadSmallInt))
}

impl Cfg {
    /// Blocks in `b_next` order.
    pub fn order(&self) -> Vec<BlockId> {
        let mut v = Vec::new();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            v.push(id);
            b = self.blocks[id].next;
        }
        v
    }

    fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = b {
            if self.blocks[id].n != 0 {
                return Some(id);
            }
            b = self.blocks[id].next;
        }
        None
    }

    fn get_max_label(&self) -> i64 {
        self.order().iter().map(|&b| self.blocks[b].label).max().unwrap_or(-1).max(-1)
    }

    fn reset_visited(&mut self) {
        for b in self.order() {
            self.blocks[b].visited = false;
        }
    }

    // ------------------------------------------------------------------ construction

    /// `_PyCfg_FromInstructionSequence` + `translate_jump_labels_to_targets`: a block
    /// starts at every jump target and after every terminator.
    fn from_unit(u: &Unit) -> Cfg {
        let n = u.seq.len();
        let mut seq = u.seq.clone();
        let mut is_target = vec![false; n + 1];
        for ins in seq.iter_mut() {
            if ins.opc.has_target() {
                let pos = u.labels[ins.target as usize];
                debug_assert!(pos != usize::MAX && pos < n, "jump to an unplaced label");
                ins.target = pos as u32;
                is_target[pos] = true;
            }
        }
        let mut cfg = Cfg { blocks: Vec::new(), entry: 0, consts: u.consts.clone(), scalar_consts: Vec::new(), scalar_index: Default::default() };
        let mut cur = cfg.new_block();
        cfg.entry = cur;
        let mut current_label: i64 = NO_LBL;
        for (i, ins) in seq.iter().enumerate() {
            if is_target[i] {
                current_label = i as i64;
            }
            // cfg_builder_maybe_start_new_block
            let terminated = {
                let b = &mut cfg.blocks[cur];
                if b.last().is_some_and(|l| l.opc.is_terminator()) {
                    true
                } else if current_label != NO_LBL {
                    if b.n > 0 || b.label != NO_LBL {
                        true
                    } else {
                        b.label = current_label;
                        current_label = NO_LBL;
                        false
                    }
                } else {
                    false
                }
            };
            if terminated {
                let nb = cfg.new_block();
                cfg.blocks[nb].label = current_label;
                current_label = NO_LBL;
                cfg.blocks[cur].next = Some(nb);
                cur = nb;
            }
            cfg.blocks[cur].addop(ins.opc, ins.arg, ins.target, ins.loc);
        }
        // Labels are instruction indices; targets become blocks.
        let mut label2block = vec![usize::MAX; n + 1];
        for b in cfg.order() {
            let l = cfg.blocks[b].label;
            if l >= 0 {
                label2block[l as usize] = b;
            }
        }
        for b in cfg.order() {
            for ins in cfg.blocks[b].instrs_mut() {
                if ins.opc.has_target() {
                    ins.target = label2block[ins.target as usize] as u32;
                }
            }
        }
        cfg
    }

    fn mark_except_handlers(&mut self) {
        for b in self.order() {
            let targets: Vec<BlockId> = self.blocks[b].instrs().iter().filter(|i| i.opc.is_block_push()).map(tgt).collect();
            for t in targets {
                self.blocks[t].except_handler = true;
            }
        }
    }

    /// Gives every instruction its innermost handler; POP_BLOCK becomes NOP.
    fn label_exception_targets(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut todo: Vec<BlockId> = vec![entry];
        self.blocks[entry].visited = true;
        self.blocks[entry].exceptstack = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack: Option<Vec<BlockId>> = self.blocks[b].exceptstack.take();
            let top = |s: &Option<Vec<BlockId>>| s.as_ref().and_then(|v| v.last().copied()).map_or(NULL, |x| x as u32);
            let mut handler = top(&stack);
            let mut last_yield_except_depth: i64 = -1;
            for i in 0..self.blocks[b].n {
                let ins = self.blocks[b].slots[i];
                if ins.opc.is_block_push() {
                    let t = tgt(&ins);
                    if !self.blocks[t].visited {
                        self.blocks[t].exceptstack = stack.clone();
                        todo.push(t);
                        self.blocks[t].visited = true;
                    }
                    if matches!(ins.opc, Opc::SetupWith | Opc::SetupCleanup) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.as_mut().expect("except stack").push(t);
                    handler = t as u32;
                } else if ins.opc == Opc::PopBlock {
                    stack.as_mut().expect("except stack").pop();
                    handler = top(&stack);
                    set_nop(&mut self.blocks[b].slots[i]);
                } else if ins.opc.is_jump() {
                    self.blocks[b].slots[i].handler = handler;
                    let t = tgt(&ins);
                    if !self.blocks[t].visited {
                        if self.blocks[b].has_fallthrough() {
                            self.blocks[t].exceptstack = stack.clone();
                        } else {
                            self.blocks[t].exceptstack = stack.take();
                        }
                        todo.push(t);
                        self.blocks[t].visited = true;
                    }
                } else if ins.is(Op::YieldValue) {
                    self.blocks[b].slots[i].handler = handler;
                    last_yield_except_depth = stack.as_ref().map_or(0, |s| s.len()) as i64;
                } else if ins.is(Op::Resume) {
                    self.blocks[b].slots[i].handler = handler;
                    if ins.arg != bc::RESUME_AT_FUNC_START {
                        if last_yield_except_depth == 1 {
                            self.blocks[b].slots[i].arg |= bc::RESUME_OPARG_DEPTH1_MASK;
                        }
                        last_yield_except_depth = -1;
                    }
                } else {
                    self.blocks[b].slots[i].handler = handler;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(nx) = self.blocks[b].next {
                    if !self.blocks[nx].visited {
                        self.blocks[nx].exceptstack = stack;
                        todo.push(nx);
                        self.blocks[nx].visited = true;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ optimisations

    fn remove_unreachable(&mut self) {
        for b in self.order() {
            self.blocks[b].predecessors = 0;
        }
        self.reset_visited();
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].predecessors = 1;
        self.blocks[entry].visited = true;
        while let Some(b) = stack.pop() {
            if let Some(nx) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() {
                    if !self.blocks[nx].visited {
                        stack.push(nx);
                        self.blocks[nx].visited = true;
                    }
                    self.blocks[nx].predecessors += 1;
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs().iter().filter(|i| i.opc.has_target()).map(tgt).collect();
            for t in targets {
                if !self.blocks[t].visited {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
                self.blocks[t].predecessors += 1;
            }
        }
        for b in self.order() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].n = 0;
                self.blocks[b].except_handler = false;
            }
        }
    }

    fn basicblock_remove_redundant_nops(&mut self, bb: BlockId) -> usize {
        let mut dest = 0;
        let mut prev_lineno = -1;
        let n = self.blocks[bb].n;
        let next = self.next_nonempty(self.blocks[bb].next);
        for src in 0..n {
            let lineno = self.blocks[bb].slots[src].loc.line;
            if self.blocks[bb].slots[src].opc == nop() {
                if lineno < 0 {
                    continue;
                }
                if prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = self.blocks[bb].slots[src + 1].loc.line;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        let loc = self.blocks[bb].slots[src].loc;
                        self.blocks[bb].slots[src + 1].loc = loc;
                        continue;
                    }
                } else if let Some(nb) = next {
                    let mut next_loc = NO_LOCATION;
                    for i in self.blocks[nb].instrs() {
                        if i.opc == nop() && i.loc.line < 0 {
                            continue;
                        }
                        next_loc = i.loc;
                        break;
                    }
                    if lineno == next_loc.line {
                        continue;
                    }
                }
            }
            if dest != src {
                self.blocks[bb].slots[dest] = self.blocks[bb].slots[src];
            }
            dest += 1;
            prev_lineno = lineno;
        }
        let removed = n - dest;
        self.blocks[bb].n = dest;
        removed
    }

    fn remove_redundant_nops(&mut self) -> usize {
        let mut changes = 0;
        let mut b = Some(self.entry);
        while let Some(id) = b {
            changes += self.basicblock_remove_redundant_nops(id);
            b = self.blocks[id].next;
        }
        changes
    }

    fn remove_redundant_nops_and_pairs(&mut self) {
        let mut done = false;
        while !done {
            done = true;
            let mut prev_instr: Option<(BlockId, usize)>;
            let mut instr: Option<(BlockId, usize)> = None;
            let mut b = Some(self.entry);
            while let Some(id) = b {
                self.basicblock_remove_redundant_nops(id);
                if self.blocks[id].label != NO_LBL {
                    instr = None;
                }
                for i in 0..self.blocks[id].n {
                    prev_instr = instr;
                    instr = Some((id, i));
                    let (prev_opcode, prev_oparg) = match prev_instr {
                        Some((pb, pi)) => (Some(self.blocks[pb].slots[pi].opc), self.blocks[pb].slots[pi].arg),
                        None => (None, 0),
                    };
                    let opcode = self.blocks[id].slots[i].opc;
                    let mut is_redundant_pair = false;
                    if opcode == Opc::Real(Op::PopTop) {
                        if matches!(prev_opcode, Some(Opc::Real(Op::LoadConst | Op::LoadSmallInt))) {
                            is_redundant_pair = true;
                        } else if prev_opcode == Some(Opc::Real(Op::Copy)) && prev_oparg == 1 {
                            is_redundant_pair = true;
                        }
                    }
                    if is_redundant_pair {
                        let (pb, pi) = prev_instr.expect("prev");
                        set_nop(&mut self.blocks[pb].slots[pi]);
                        set_nop(&mut self.blocks[id].slots[i]);
                        done = false;
                    }
                }
                let instr_is_jump = instr.is_some_and(|(ib, ii)| self.blocks[ib].slots[ii].opc.is_jump());
                if instr_is_jump || !self.blocks[id].has_fallthrough() {
                    instr = None;
                }
                b = self.blocks[id].next;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> usize {
        let mut changes = 0;
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else { continue };
            if last.opc.is_unconditional_jump() {
                let jump_target = self.next_nonempty(Some(tgt(&last)));
                let next = self.next_nonempty(self.blocks[b].next);
                if jump_target == next {
                    changes += 1;
                    let l = self.blocks[b].n - 1;
                    set_nop(&mut self.blocks[b].slots[l]);
                }
            }
        }
        changes
    }

    fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let removed_nops = self.remove_redundant_nops();
            let removed_jumps = self.remove_redundant_jumps();
            if removed_nops + removed_jumps == 0 {
                break;
            }
        }
    }

    fn basicblock_inline_small_or_no_lineno_blocks(&mut self, bb: BlockId) -> bool {
        let Some(last) = self.blocks[bb].last().copied() else { return false };
        if !last.opc.is_unconditional_jump() {
            return false;
        }
        let target = tgt(&last);
        let small_exit_block = self.blocks[target].exits_scope() && self.blocks[target].n <= MAX_COPY_SIZE;
        let no_lineno_no_fallthrough = self.blocks[target].has_no_lineno() && !self.blocks[target].has_fallthrough();
        if small_exit_block || no_lineno_no_fallthrough {
            let removed_jump_opcode = last.opc;
            let l = self.blocks[bb].n - 1;
            set_nop(&mut self.blocks[bb].slots[l]);
            let copy: Vec<Ins> = self.blocks[target].instrs().to_vec();
            for ins in copy {
                self.blocks[bb].append(ins);
            }
            if no_lineno_no_fallthrough {
                let l = self.blocks[bb].n - 1;
                let li = &mut self.blocks[bb].slots[l];
                if li.opc.is_unconditional_jump() && removed_jump_opcode == Opc::Jump {
                    // Make sure we don't lose eval breaker checks.
                    li.opc = Opc::Jump;
                }
            }
            self.blocks[target].predecessors -= 1;
            return true;
        }
        false
    }

    fn inline_small_or_no_lineno_blocks(&mut self) {
        loop {
            let mut changes = false;
            let mut b = Some(self.entry);
            while let Some(id) = b {
                if self.basicblock_inline_small_or_no_lineno_blocks(id) {
                    changes = true;
                }
                b = self.blocks[id].next;
            }
            if !changes {
                break;
            }
        }
    }

    /// Replaces the jump at `i` (the last instruction of `bb`) by a jump straight to
    /// its target's target.
    fn jump_thread(&mut self, bb: BlockId, i: usize, target: Ins, opc: Opc) -> bool {
        let inst = self.blocks[bb].slots[i];
        if inst.target != target.target {
            set_nop(&mut self.blocks[bb].slots[i]);
            self.blocks[bb].addop(opc, 0, target.target, target.loc);
            return true;
        }
        false
    }

    fn get_const_value(&self, ins: &Ins) -> Const {
        if ins.is(Op::LoadSmallInt) {
            return Const::Int(ins.arg.into());
        }
        self.consts[ins.arg as usize].clone()
    }

    fn add_const(&mut self, c: Const) -> u32 {
        // Scalars go through a key index: folding a long constant chain adds thousands
        // of intermediate constants, and a linear scan made that quadratic.
        let scalar = !matches!(c, Const::Tuple(_) | Const::FrozenSet(_) | Const::Code(_) | Const::Slice(_));
        if scalar {
            if self.scalar_consts.len() != self.consts.len() {
                self.scalar_consts = self.consts.iter().map(|x| scalar_key(x)).collect();
                self.scalar_index.clear();
                for (i, k) in self.scalar_consts.iter().enumerate().rev() {
                    if let Some(k) = k {
                        self.scalar_index.insert(k.clone(), i as u32);
                    }
                }
            }
            let key = c.key();
            if let Some(&i) = self.scalar_index.get(&key) {
                return i;
            }
            self.consts.push(c);
            let i = (self.consts.len() - 1) as u32;
            self.scalar_index.insert(key.clone(), i);
            self.scalar_consts.push(Some(key));
            return i;
        }
        if let Some(i) = self.consts.iter().position(|x| same_const(x, &c)) {
            return i as u32;
        }
        self.consts.push(c);
        self.scalar_consts.clear();
        (self.consts.len() - 1) as u32
    }

    fn maybe_make_load_smallint(ins: &mut Ins, c: &Const) -> bool {
        if let Const::Int(i) = c {
            if let Some(v) = num_traits::ToPrimitive::to_i64(i) {
                if (0..=255).contains(&v) {
                    ins.opc = Opc::Real(Op::LoadSmallInt);
                    ins.arg = v as u32;
                    return true;
                }
            }
        }
        false
    }

    fn instr_make_load_const(&mut self, bb: BlockId, i: usize, c: Const) {
        let mut ins = self.blocks[bb].slots[i];
        if !Self::maybe_make_load_smallint(&mut ins, &c) {
            let idx = self.add_const(c);
            ins.opc = Opc::Real(Op::LoadConst);
            ins.arg = idx;
        }
        self.blocks[bb].slots[i] = ins;
    }

    /// Collects `size` constant loads ending at `start`, skipping NOPs.
    fn get_const_loading_instrs(&self, bb: BlockId, start: isize, size: usize) -> Option<Vec<usize>> {
        let mut out = vec![0usize; size];
        let mut size = size;
        let mut start = start;
        while start >= 0 && size > 0 {
            let ins = &self.blocks[bb].slots[start as usize];
            if ins.opc != nop() {
                if !loads_const(ins.opc) {
                    return None;
                }
                size -= 1;
                out[size] = start as usize;
            }
            start -= 1;
        }
        if size == 0 { Some(out) } else { None }
    }

    fn nop_out(&mut self, bb: BlockId, idx: &[usize]) {
        for &i in idx {
            let ins = &mut self.blocks[bb].slots[i];
            set_nop(ins);
            ins.loc = NO_LOCATION;
        }
    }

    fn fold_tuple_of_constants(&mut self, bb: BlockId, i: usize) {
        let seq_size = self.blocks[bb].slots[i].arg as usize;
        if seq_size > STACK_USE_GUIDELINE {
            return;
        }
        let Some(loads) = self.get_const_loading_instrs(bb, i as isize - 1, seq_size) else { return };
        let items: Vec<Const> = loads.iter().map(|&k| self.get_const_value(&self.blocks[bb].slots[k])).collect();
        self.nop_out(bb, &loads);
        self.instr_make_load_const(bb, i, Const::Tuple(items));
    }

    fn fold_constant_seq_into_load_const(&mut self, bb: BlockId, i: usize) {
        let target = self.blocks[bb].slots[i];
        let expected_append = target.is(Op::CallIntrinsic1);
        let append_op = if expected_append { Op::ListAppend } else if target.is(Op::SetAdd) { Op::SetAdd } else { Op::ListAppend };
        let build_op = if append_op == Op::ListAppend { Op::BuildList } else { Op::BuildSet };
        let mut consts_found = 0usize;
        let mut expect_append = expected_append;
        let mut pos = i as isize - 1;
        while pos >= 0 {
            let ins = self.blocks[bb].slots[pos as usize];
            if ins.opc == nop() {
                pos -= 1;
                continue;
            }
            if ins.is(build_op) && ins.arg == 0 {
                if !expect_append {
                    return;
                }
                let mut items: Vec<Option<Const>> = vec![None; consts_found];
                let newpos_start = if expected_append { i as isize - 1 } else { i as isize };
                let mut newpos = newpos_start;
                while newpos >= pos {
                    let x = self.blocks[bb].slots[newpos as usize];
                    if x.opc == nop() {
                        newpos -= 1;
                        continue;
                    }
                    if loads_const(x.opc) {
                        consts_found -= 1;
                        items[consts_found] = Some(self.get_const_value(&x));
                    }
                    self.nop_out(bb, &[newpos as usize]);
                    newpos -= 1;
                }
                let items: Vec<Const> = items.into_iter().map(|c| c.expect("constant")).collect();
                let newconst = if build_op == Op::BuildSet { frozenset(items) } else { Const::Tuple(items) };
                self.instr_make_load_const(bb, i, newconst);
                return;
            }
            if expect_append {
                if !(ins.is(append_op) && ins.arg == 1) {
                    return;
                }
            } else {
                if !loads_const(ins.opc) {
                    return;
                }
                consts_found += 1;
            }
            expect_append = !expect_append;
            pos -= 1;
        }
    }

    fn optimize_lists_and_sets(&mut self, bb: BlockId, i: usize, nextop: Option<Opc>) {
        let ins = self.blocks[bb].slots[i];
        let contains_or_iter = matches!(nextop, Some(Opc::Real(Op::GetIter | Op::ContainsOp)));
        let seq_size = ins.arg as usize;
        if seq_size > STACK_USE_GUIDELINE || (seq_size < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter) {
            return;
        }
        let Some(loads) = self.get_const_loading_instrs(bb, i as isize - 1, seq_size) else {
            if contains_or_iter && ins.is(Op::BuildList) {
                self.blocks[bb].slots[i].opc = Opc::Real(Op::BuildTuple);
            }
            return;
        };
        let items: Vec<Const> = loads.iter().map(|&k| self.get_const_value(&self.blocks[bb].slots[k])).collect();
        let c = if ins.is(Op::BuildSet) { frozenset(items) } else { Const::Tuple(items) };
        let index = self.add_const(c);
        self.nop_out(bb, &loads);
        if contains_or_iter {
            let x = &mut self.blocks[bb].slots[i];
            x.opc = Opc::Real(Op::LoadConst);
            x.arg = index;
        } else {
            let build = ins.opc;
            let s = &mut self.blocks[bb].slots;
            s[i - 2].loc = ins.loc;
            s[i - 2].opc = build;
            s[i - 2].arg = 0;
            s[i - 1].opc = Opc::Real(Op::LoadConst);
            s[i - 1].arg = index;
            s[i].opc = Opc::Real(if build == Opc::Real(Op::BuildList) { Op::ListExtend } else { Op::SetUpdate });
            s[i].arg = 1;
        }
    }

    fn fold_const_binop(&mut self, bb: BlockId, i: usize) {
        let Some(loads) = self.get_const_loading_instrs(bb, i as isize - 1, 2) else { return };
        let l = self.get_const_value(&self.blocks[bb].slots[loads[0]]);
        let r = self.get_const_value(&self.blocks[bb].slots[loads[1]]);
        let Some(op) = BinaryOpArg::from_u32(self.blocks[bb].slots[i].arg) else { return };
        let Some(result) = super::fold::eval_binop(&l, op, &r) else { return };
        self.nop_out(bb, &loads);
        self.instr_make_load_const(bb, i, result);
    }

    fn fold_const_unaryop(&mut self, bb: BlockId, i: usize) {
        let Some(loads) = self.get_const_loading_instrs(bb, i as isize - 1, 1) else { return };
        let v = self.get_const_value(&self.blocks[bb].slots[loads[0]]);
        let ins = self.blocks[bb].slots[i];
        let Some(result) = super::fold::eval_unaryop(&v, ins.opc, ins.arg) else { return };
        self.nop_out(bb, &loads);
        self.instr_make_load_const(bb, i, result);
    }

    fn basicblock_optimize_load_const(&mut self, bb: BlockId) {
        let mut opcode: Option<Opc> = None;
        let mut oparg = 0u32;
        let mut i = 0;
        while i < self.blocks[bb].n {
            let mut inst = self.blocks[bb].slots[i];
            if inst.is(Op::LoadConst) {
                let c = self.consts[inst.arg as usize].clone();
                if Self::maybe_make_load_smallint(&mut inst, &c) {
                    self.blocks[bb].slots[i] = inst;
                }
            }
            let is_copy_of_load_const = opcode == Some(Opc::Real(Op::LoadConst)) && inst.is(Op::Copy) && inst.arg == 1;
            if !is_copy_of_load_const {
                opcode = Some(inst.opc);
                oparg = inst.arg;
            }
            if !matches!(opcode, Some(Opc::Real(Op::LoadConst | Op::LoadSmallInt))) {
                i += 1;
                continue;
            }
            let nextop = if i + 1 < self.blocks[bb].n { Some(self.blocks[bb].slots[i + 1].opc) } else { None };
            let cnt = if opcode == Some(Opc::Real(Op::LoadSmallInt)) { Const::Int(oparg.into()) } else { self.consts[oparg as usize].clone() };
            match nextop {
                Some(Opc::Real(Op::PopJumpIfFalse | Op::PopJumpIfTrue) | Opc::JumpIfFalse | Opc::JumpIfTrue) => {
                    let Some(is_true) = cnt.truthy() else {
                        i += 1;
                        continue;
                    };
                    let nx = nextop.expect("next");
                    if matches!(nx, Opc::Real(Op::PopJumpIfFalse | Op::PopJumpIfTrue)) {
                        set_nop(&mut self.blocks[bb].slots[i]);
                    }
                    let jump_if_true = matches!(nx, Opc::Real(Op::PopJumpIfTrue) | Opc::JumpIfTrue);
                    if is_true == jump_if_true {
                        self.blocks[bb].slots[i + 1].opc = Opc::Jump;
                    } else {
                        set_nop(&mut self.blocks[bb].slots[i + 1]);
                    }
                }
                Some(Opc::Real(Op::IsOp)) => {
                    if !matches!(cnt, Const::None) {
                        i += 1;
                        continue;
                    }
                    if self.blocks[bb].n <= i + 2 {
                        i += 1;
                        continue;
                    }
                    let is_instr = self.blocks[bb].slots[i + 1];
                    let mut j = i + 2;
                    if self.blocks[bb].slots[j].is(Op::ToBool) {
                        set_nop(&mut self.blocks[bb].slots[j]);
                        if self.blocks[bb].n <= i + 3 {
                            i += 1;
                            continue;
                        }
                        j = i + 3;
                    }
                    let jump_instr = self.blocks[bb].slots[j];
                    let mut invert = is_instr.arg != 0;
                    if jump_instr.is(Op::PopJumpIfFalse) {
                        invert = !invert;
                    } else if !jump_instr.is(Op::PopJumpIfTrue) {
                        i += 1;
                        continue;
                    }
                    set_nop(&mut self.blocks[bb].slots[i]);
                    set_nop(&mut self.blocks[bb].slots[i + 1]);
                    self.blocks[bb].slots[j].opc = Opc::Real(if invert { Op::PopJumpIfNotNone } else { Op::PopJumpIfNone });
                }
                Some(Opc::Real(Op::ToBool)) => {
                    let Some(is_true) = cnt.truthy() else {
                        i += 1;
                        continue;
                    };
                    let index = self.add_const(Const::Bool(is_true));
                    set_nop(&mut self.blocks[bb].slots[i]);
                    let n = &mut self.blocks[bb].slots[i + 1];
                    n.opc = Opc::Real(Op::LoadConst);
                    n.arg = index;
                }
                _ => {}
            }
            i += 1;
        }
    }

    fn optimize_load_const(&mut self) {
        let mut b = Some(self.entry);
        while let Some(id) = b {
            self.basicblock_optimize_load_const(id);
            b = self.blocks[id].next;
        }
    }

    fn optimize_basic_block(&mut self, bb: BlockId) {
        let mut i: isize = 0;
        while (i as usize) < self.blocks[bb].n {
            let iu = i as usize;
            let inst = self.blocks[bb].slots[iu];
            let opcode = inst.opc;
            let oparg = inst.arg;
            let target: Ins = if opcode.has_target() {
                self.blocks[tgt(&inst)].slots.first().copied().unwrap_or(Ins::new(nop(), 0, NO_LOCATION))
            } else {
                Ins::new(nop(), 0, NO_LOCATION)
            };
            let n = self.blocks[bb].n;
            let nextop = if iu + 1 < n { Some(self.blocks[bb].slots[iu + 1].opc) } else { None };
            let next_arg = if iu + 1 < n { self.blocks[bb].slots[iu + 1].arg } else { 0 };
            match opcode {
                Opc::Real(Op::BuildTuple) => {
                    if nextop == Some(Opc::Real(Op::UnpackSequence)) && oparg == next_arg {
                        match oparg {
                            1 => {
                                set_nop(&mut self.blocks[bb].slots[iu]);
                                set_nop(&mut self.blocks[bb].slots[iu + 1]);
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                set_nop(&mut self.blocks[bb].slots[iu]);
                                self.blocks[bb].slots[iu + 1].opc = Opc::Real(Op::Swap);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    self.fold_tuple_of_constants(bb, iu);
                }
                Opc::Real(Op::BuildList | Op::BuildSet) => self.optimize_lists_and_sets(bb, iu, nextop),
                Opc::Real(Op::PopJumpIfNotNone | Op::PopJumpIfNone | Op::PopJumpIfFalse | Op::PopJumpIfTrue) => {
                    if target.opc == Opc::Jump && self.jump_thread(bb, iu, target, opcode) {
                        i -= 1;
                    }
                }
                Opc::JumpIfFalse | Opc::JumpIfTrue => {
                    let other = if opcode == Opc::JumpIfFalse { Opc::JumpIfTrue } else { Opc::JumpIfFalse };
                    if target.opc == Opc::Jump || target.opc == opcode {
                        if self.jump_thread(bb, iu, target, opcode) {
                            i -= 1;
                        }
                    } else if target.opc == other {
                        let t = tgt(&inst);
                        let nt = self.blocks[t].next.expect("a next block");
                        self.blocks[bb].slots[iu].target = nt as u32;
                        i -= 1;
                    }
                }
                Opc::Jump | Opc::JumpNoInterrupt => {
                    if target.opc == Opc::Jump {
                        if self.jump_thread(bb, iu, target, Opc::Jump) {
                            i -= 1;
                        }
                    } else if target.opc == Opc::JumpNoInterrupt {
                        if self.jump_thread(bb, iu, target, opcode) {
                            i -= 1;
                        }
                    }
                }
                Opc::Real(Op::StoreFast) => {
                    if nextop == Some(opcode) && oparg == next_arg && inst.loc.line == self.blocks[bb].slots[iu + 1].loc.line {
                        let x = &mut self.blocks[bb].slots[iu];
                        x.opc = Opc::Real(Op::PopTop);
                        x.arg = 0;
                    }
                }
                Opc::Real(Op::Swap) => {
                    if oparg == 1 {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                    }
                }
                Opc::Real(Op::LoadGlobal) => {
                    if nextop == Some(Opc::Real(Op::PushNull)) && oparg & 1 == 0 {
                        self.blocks[bb].slots[iu].arg = oparg | 1;
                        set_nop(&mut self.blocks[bb].slots[iu + 1]);
                    }
                }
                Opc::Real(Op::CompareOp) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                        let x = &mut self.blocks[bb].slots[iu + 1];
                        x.opc = Opc::Real(Op::CompareOp);
                        x.arg = oparg | 16;
                    }
                }
                Opc::Real(Op::ContainsOp | Op::IsOp) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                        let x = &mut self.blocks[bb].slots[iu + 1];
                        x.opc = opcode;
                        x.arg = oparg;
                    } else if nextop == Some(Opc::Real(Op::UnaryNot)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                        let x = &mut self.blocks[bb].slots[iu + 1];
                        x.opc = opcode;
                        x.arg = oparg ^ 1;
                    }
                }
                Opc::Real(Op::ToBool) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                    }
                }
                Opc::Real(Op::UnaryNot) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                        let x = &mut self.blocks[bb].slots[iu + 1];
                        x.opc = Opc::Real(Op::UnaryNot);
                        x.arg = 0;
                    } else if nextop == Some(Opc::Real(Op::UnaryNot)) {
                        set_nop(&mut self.blocks[bb].slots[iu]);
                        set_nop(&mut self.blocks[bb].slots[iu + 1]);
                    } else {
                        self.fold_const_unaryop(bb, iu);
                    }
                }
                Opc::Real(Op::UnaryInvert | Op::UnaryNegative) => self.fold_const_unaryop(bb, iu),
                Opc::Real(Op::CallIntrinsic1) => {
                    if oparg == bc::INTRINSIC_LIST_TO_TUPLE {
                        self.fold_constant_seq_into_load_const(bb, iu);
                        if self.blocks[bb].slots[iu].is(Op::CallIntrinsic1) && nextop == Some(Opc::Real(Op::GetIter)) {
                            set_nop(&mut self.blocks[bb].slots[iu]);
                        }
                    } else if oparg == bc::INTRINSIC_UNARY_POSITIVE {
                        self.fold_const_unaryop(bb, iu);
                    }
                }
                Opc::Real(Op::ListAppend | Op::SetAdd) => {
                    if oparg == 1 && matches!(nextop, Some(Opc::Real(Op::GetIter | Op::ContainsOp))) {
                        self.fold_constant_seq_into_load_const(bb, iu);
                    }
                }
                Opc::Real(Op::BinaryOp) => self.fold_const_binop(bb, iu),
                _ => {}
            }
            i += 1;
        }
        let mut i = 0usize;
        while i < self.blocks[bb].n {
            if self.blocks[bb].slots[i].is(Op::Swap) {
                self.swaptimize(bb, &mut i);
                self.apply_static_swaps(bb, i as isize);
            }
            i += 1;
        }
    }

    /// Replaces a run of SWAPs and NOPs with an optimal one that has the same effect.
    fn swaptimize(&mut self, bb: BlockId, ix: &mut usize) {
        let start = *ix;
        let n = self.blocks[bb].n;
        let instrs = &mut self.blocks[bb].slots;
        let mut depth = instrs[start].arg as usize;
        let mut len = 0usize;
        let mut more = false;
        let limit = n - start;
        loop {
            len += 1;
            if len >= limit {
                break;
            }
            let opc = instrs[start + len].opc;
            if opc == Opc::Real(Op::Swap) {
                depth = depth.max(instrs[start + len].arg as usize);
                more = true;
            } else if opc != nop() {
                break;
            }
        }
        if !more {
            return;
        }
        const VISITED: i64 = -1;
        let mut stack: Vec<i64> = (0..depth as i64).collect();
        for k in 0..len {
            if instrs[start + k].opc == Opc::Real(Op::Swap) {
                let oparg = instrs[start + k].arg as usize;
                stack.swap(0, oparg - 1);
            }
        }
        let mut current = len as isize - 1;
        for i in 0..depth {
            if stack[i] == VISITED || stack[i] == i as i64 {
                continue;
            }
            let mut j = i;
            loop {
                if j != 0 {
                    let x = &mut instrs[start + current as usize];
                    x.opc = Opc::Real(Op::Swap);
                    x.arg = (j + 1) as u32;
                    current -= 1;
                }
                if stack[j] == VISITED {
                    break;
                }
                let next_j = stack[j] as usize;
                stack[j] = VISITED;
                j = next_j;
            }
        }
        while current >= 0 {
            set_nop(&mut instrs[start + current as usize]);
            current -= 1;
        }
        *ix += len - 1;
    }

    fn swappable(opc: Opc) -> bool {
        matches!(opc, Opc::Real(Op::StoreFast | Op::PopTop) | Opc::StoreFastMaybeNull)
    }

    fn stores_to(ins: &Ins) -> i64 {
        if matches!(ins.opc, Opc::Real(Op::StoreFast) | Opc::StoreFastMaybeNull) { ins.arg as i64 } else { -1 }
    }

    fn next_swappable_instruction(&self, bb: BlockId, i: isize, lineno: i32) -> isize {
        let b = &self.blocks[bb];
        let mut i = i + 1;
        while (i as usize) < b.n {
            let ins = &b.slots[i as usize];
            if lineno >= 0 && ins.loc.line != lineno {
                return -1;
            }
            if ins.opc == nop() {
                i += 1;
                continue;
            }
            if Self::swappable(ins.opc) {
                return i;
            }
            return -1;
        }
        -1
    }

    /// Applies SWAPs statically by swapping instructions rather than stack items.
    fn apply_static_swaps(&mut self, bb: BlockId, mut i: isize) {
        while i >= 0 {
            let swap = self.blocks[bb].slots[i as usize];
            if !swap.is(Op::Swap) {
                if swap.opc == nop() || Self::swappable(swap.opc) {
                    i -= 1;
                    continue;
                }
                return;
            }
            let j = self.next_swappable_instruction(bb, i, -1);
            if j < 0 {
                return;
            }
            let mut k = j;
            let lineno = self.blocks[bb].slots[j as usize].loc.line;
            let mut count = swap.arg as i64 - 1;
            while count > 0 {
                k = self.next_swappable_instruction(bb, k, lineno);
                if k < 0 {
                    return;
                }
                count -= 1;
            }
            let s = &self.blocks[bb].slots;
            let store_j = Self::stores_to(&s[j as usize]);
            let store_k = Self::stores_to(&s[k as usize]);
            if store_j >= 0 || store_k >= 0 {
                if store_j == store_k {
                    return;
                }
                for idx in (j + 1)..k {
                    let store_idx = Self::stores_to(&s[idx as usize]);
                    if store_idx >= 0 && (store_idx == store_j || store_idx == store_k) {
                        return;
                    }
                }
            }
            set_nop(&mut self.blocks[bb].slots[i as usize]);
            self.blocks[bb].slots.swap(j as usize, k as usize);
            i -= 1;
        }
    }

    fn optimize_cfg(&mut self) {
        self.inline_small_or_no_lineno_blocks();
        self.remove_unreachable();
        self.resolve_line_numbers();
        self.optimize_load_const();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            self.optimize_basic_block(id);
            b = self.blocks[id].next;
        }
        self.remove_redundant_nops_and_pairs();
        self.remove_unreachable();
        self.remove_redundant_nops_and_jumps();
    }

    // ------------------------------------------------------------------ after optimisation

    fn remove_unused_consts(&mut self) {
        let nconsts = self.consts.len();
        if nconsts == 0 {
            return;
        }
        let mut index_map: Vec<i64> = vec![-1; nconsts];
        // The first constant may be a docstring; keep it always.
        index_map[0] = 0;
        for b in self.order() {
            for ins in self.blocks[b].instrs() {
                if ins.is(Op::LoadConst) {
                    index_map[ins.arg as usize] = ins.arg as i64;
                }
            }
        }
        let mut n_used = 0;
        for i in 0..nconsts {
            if index_map[i] != -1 {
                index_map[n_used] = index_map[i];
                n_used += 1;
            }
        }
        if n_used == nconsts {
            return;
        }
        for i in 0..n_used {
            let old = index_map[i] as usize;
            if i != old {
                self.consts[i] = self.consts[old].clone();
            }
        }
        self.consts.truncate(n_used);
        self.scalar_consts.clear();
        let mut reverse = vec![-1i64; nconsts];
        for i in 0..n_used {
            reverse[index_map[i] as usize] = i as i64;
        }
        for b in self.order() {
            for ins in self.blocks[b].instrs_mut() {
                if ins.is(Op::LoadConst) {
                    ins.arg = reverse[ins.arg as usize] as u32;
                }
            }
        }
    }

    fn maybe_push(&mut self, b: BlockId, unsafe_mask: u64, sp: &mut Vec<BlockId>) {
        let both = self.blocks[b].unsafe_locals_mask | unsafe_mask;
        if self.blocks[b].unsafe_locals_mask != both {
            self.blocks[b].unsafe_locals_mask = both;
            if !self.blocks[b].visited {
                sp.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    fn scan_block_for_locals(&mut self, b: BlockId, sp: &mut Vec<BlockId>) {
        let mut unsafe_mask = self.blocks[b].unsafe_locals_mask;
        for i in 0..self.blocks[b].n {
            let ins = self.blocks[b].slots[i];
            if ins.handler != NULL {
                self.maybe_push(ins.handler as BlockId, unsafe_mask, sp);
            }
            if ins.arg >= 64 {
                continue;
            }
            let bit = 1u64 << ins.arg;
            match ins.opc {
                Opc::Real(Op::DeleteFast | Op::LoadFastAndClear) | Opc::StoreFastMaybeNull => unsafe_mask |= bit,
                Opc::Real(Op::StoreFast) => unsafe_mask &= !bit,
                Opc::Real(Op::LoadFastCheck) => unsafe_mask &= !bit,
                Opc::Real(Op::LoadFast) => {
                    if unsafe_mask & bit != 0 {
                        self.blocks[b].slots[i].opc = Opc::Real(Op::LoadFastCheck);
                    }
                    unsafe_mask &= !bit;
                }
                _ => {}
            }
        }
        if let Some(nx) = self.blocks[b].next {
            if self.blocks[b].has_fallthrough() {
                self.maybe_push(nx, unsafe_mask, sp);
            }
        }
        if let Some(last) = self.blocks[b].last().copied() {
            if last.opc.is_jump() {
                self.maybe_push(tgt(&last), unsafe_mask, sp);
            }
        }
    }

    fn fast_scan_many_locals(&mut self, nlocals: usize) {
        let mut states = vec![0i64; nlocals - 64];
        let mut blocknum: i64 = 0;
        for b in self.order() {
            blocknum += 1;
            for ins in self.blocks[b].instrs_mut() {
                let arg = ins.arg as usize;
                if arg < 64 || arg >= nlocals {
                    continue;
                }
                match ins.opc {
                    Opc::Real(Op::DeleteFast | Op::LoadFastAndClear) | Opc::StoreFastMaybeNull => states[arg - 64] = blocknum - 1,
                    Opc::Real(Op::StoreFast) => states[arg - 64] = blocknum,
                    Opc::Real(Op::LoadFast) => {
                        if states[arg - 64] != blocknum {
                            ins.opc = Opc::Real(Op::LoadFastCheck);
                        }
                        states[arg - 64] = blocknum;
                    }
                    _ => {}
                }
            }
        }
    }

    fn add_checks_for_loads_of_uninitialized_variables(&mut self, nlocals: usize, nparams: usize) {
        if nlocals == 0 {
            return;
        }
        let mut nlocals = nlocals;
        if nlocals > 64 {
            self.fast_scan_many_locals(nlocals);
            nlocals = 64;
        }
        self.reset_visited();
        let mut sp: Vec<BlockId> = Vec::new();
        let mut start_mask = 0u64;
        for i in nparams..nlocals {
            start_mask |= 1u64 << i;
        }
        let entry = self.entry;
        self.maybe_push(entry, start_mask, &mut sp);
        for b in self.order() {
            self.scan_block_for_locals(b, &mut sp);
        }
        while let Some(b) = sp.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut sp);
        }
    }

    fn make_super_instruction(&mut self, b: BlockId, i: usize, super_op: Op) {
        let (i1, i2) = (self.blocks[b].slots[i], self.blocks[b].slots[i + 1]);
        let (line1, line2) = (i1.loc.line, i2.loc.line);
        if line1 >= 0 && line2 >= 0 && line1 != line2 {
            return;
        }
        if i1.arg >= 16 || i2.arg >= 16 {
            return;
        }
        let x = &mut self.blocks[b].slots[i];
        x.opc = Opc::Real(super_op);
        x.arg = (i1.arg << 4) | i2.arg;
        set_nop(&mut self.blocks[b].slots[i + 1]);
    }

    fn insert_superinstructions(&mut self) {
        for b in self.order() {
            let mut i = 0;
            while i < self.blocks[b].n {
                let inst = self.blocks[b].slots[i];
                let nextop = if i + 1 < self.blocks[b].n { Some(self.blocks[b].slots[i + 1].opc) } else { None };
                match inst.opc {
                    Opc::Real(Op::LoadFast) => {
                        if nextop == Some(Opc::Real(Op::LoadFast)) {
                            self.make_super_instruction(b, i, Op::LoadFastLoadFast);
                        }
                    }
                    Opc::Real(Op::StoreFast) => match nextop {
                        Some(Opc::Real(Op::LoadFast)) => self.make_super_instruction(b, i, Op::StoreFastLoadFast),
                        Some(Opc::Real(Op::StoreFast)) => self.make_super_instruction(b, i, Op::StoreFastStoreFast),
                        _ => {}
                    },
                    _ => {}
                }
                i += 1;
            }
        }
        self.remove_redundant_nops();
    }

    // ------------------------------------------------------------------ layout

    fn mark_warm(&mut self) {
        self.reset_visited();
        let entry = self.entry;
        let mut stack = vec![entry];
        self.blocks[entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if let Some(nx) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() && !self.blocks[nx].visited {
                    stack.push(nx);
                    self.blocks[nx].visited = true;
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs().iter().filter(|i| i.opc.is_jump()).map(tgt).collect();
            for t in targets {
                if !self.blocks[t].visited {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    fn mark_cold(&mut self) {
        self.mark_warm();
        self.reset_visited();
        let mut stack: Vec<BlockId> = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if let Some(nx) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() && !self.blocks[nx].warm && !self.blocks[nx].visited {
                    stack.push(nx);
                    self.blocks[nx].visited = true;
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs().iter().filter(|i| i.opc.is_jump()).map(tgt).collect();
            for t in targets {
                if !self.blocks[t].warm && !self.blocks[t].visited {
                    stack.push(t);
                    self.blocks[t].visited = true;
                }
            }
        }
    }

    fn push_cold_blocks_to_end(&mut self) {
        let entry = self.entry;
        if self.blocks[entry].next.is_none() {
            return;
        }
        self.mark_cold();
        let mut next_lbl = self.get_max_label() + 1;
        // A cold block falling through to a warm one gets an explicit jump.
        let mut b = Some(entry);
        while let Some(id) = b {
            let bl = &self.blocks[id];
            if bl.cold && bl.has_fallthrough() {
                if let Some(nx) = bl.next {
                    if self.blocks[nx].warm {
                        let j = self.new_block();
                        if self.blocks[nx].label == NO_LBL {
                            self.blocks[nx].label = next_lbl;
                            next_lbl += 1;
                        }
                        self.blocks[j].addop(Opc::JumpNoInterrupt, 0, nx as u32, NO_LOCATION);
                        self.blocks[j].cold = true;
                        self.blocks[j].next = Some(nx);
                        self.blocks[j].predecessors = 1;
                        self.blocks[id].next = Some(j);
                    }
                }
            }
            b = self.blocks[id].next;
        }
        let mut cold_blocks: Option<BlockId> = None;
        let mut cold_tail: Option<BlockId> = None;
        let mut b = entry;
        while self.blocks[b].next.is_some() {
            while let Some(nx) = self.blocks[b].next {
                if self.blocks[nx].cold {
                    break;
                }
                b = nx;
            }
            let Some(start) = self.blocks[b].next else { break };
            let mut end = start;
            while let Some(nx) = self.blocks[end].next {
                if !self.blocks[nx].cold {
                    break;
                }
                end = nx;
            }
            match cold_tail {
                None => cold_blocks = Some(start),
                Some(t) => self.blocks[t].next = Some(start),
            }
            cold_tail = Some(end);
            self.blocks[b].next = self.blocks[end].next;
            self.blocks[end].next = None;
        }
        self.blocks[b].next = cold_blocks;
        if cold_blocks.is_some() {
            self.remove_redundant_nops_and_jumps();
        }
    }

    fn is_exit_or_eval_check_without_lineno(&self, b: BlockId) -> bool {
        let bl = &self.blocks[b];
        if bl.exits_scope() || bl.has_eval_break() { bl.has_no_lineno() } else { false }
    }

    /// Copies exit blocks without a line number that more than one jump reaches, so
    /// each copy can take the line of its jump (PEP 626).
    fn duplicate_exits_without_lineno(&mut self) {
        let mut next_lbl = self.get_max_label() + 1;
        let mut b = Some(self.entry);
        while let Some(id) = b {
            if let Some(last) = self.blocks[id].last().copied() {
                if last.opc.is_jump() {
                    if let Some(target) = self.next_nonempty(Some(tgt(&last))) {
                        if self.is_exit_or_eval_check_without_lineno(target) && self.blocks[target].predecessors > 1 {
                            let nt = self.new_block();
                            let copy: Vec<Ins> = self.blocks[target].instrs().to_vec();
                            for ins in copy {
                                self.blocks[nt].append(ins);
                            }
                            self.blocks[nt].slots[0].loc = last.loc;
                            let l = self.blocks[id].n - 1;
                            self.blocks[id].slots[l].target = nt as u32;
                            self.blocks[target].predecessors -= 1;
                            self.blocks[nt].predecessors = 1;
                            self.blocks[nt].next = self.blocks[target].next;
                            self.blocks[nt].label = next_lbl;
                            next_lbl += 1;
                            self.blocks[target].next = Some(nt);
                        }
                    }
                }
            }
            b = self.blocks[id].next;
        }
        // Remaining exit blocks without a line are reached only by falling through.
        let mut b = Some(self.entry);
        while let Some(id) = b {
            if self.blocks[id].has_fallthrough() && self.blocks[id].n > 0 {
                if let Some(nx) = self.blocks[id].next {
                    if self.is_exit_or_eval_check_without_lineno(nx) {
                        let loc = self.blocks[id].last().expect("non-empty").loc;
                        self.blocks[nx].slots[0].loc = loc;
                    }
                }
            }
            b = self.blocks[id].next;
        }
    }

    fn propagate_line_numbers(&mut self) {
        let mut b = Some(self.entry);
        while let Some(id) = b {
            b = self.blocks[id].next;
            let Some(last) = self.blocks[id].last().copied() else { continue };
            let mut prev_location = NO_LOCATION;
            for ins in self.blocks[id].instrs_mut() {
                if ins.loc.line == NO_LOCATION.line {
                    ins.loc = prev_location;
                } else {
                    prev_location = ins.loc;
                }
            }
            if self.blocks[id].has_fallthrough() {
                if let Some(nx) = self.blocks[id].next {
                    if self.blocks[nx].predecessors == 1 && self.blocks[nx].n > 0 && self.blocks[nx].slots[0].loc.line == NO_LOCATION.line {
                        self.blocks[nx].slots[0].loc = prev_location;
                    }
                }
            }
            if last.opc.is_jump() {
                let t = tgt(&last);
                if self.blocks[t].predecessors == 1 && self.blocks[t].slots.first().is_some_and(|i| i.loc.line == NO_LOCATION.line) {
                    self.blocks[t].slots[0].loc = prev_location;
                }
            }
        }
    }

    fn resolve_line_numbers(&mut self) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    // ------------------------------------------------------------------ to instructions

    fn convert_pseudo_conditional_jumps(&mut self) {
        for b in self.order() {
            let mut i = 0;
            while i < self.blocks[b].n {
                let ins = self.blocks[b].slots[i];
                if matches!(ins.opc, Opc::JumpIfFalse | Opc::JumpIfTrue) {
                    self.blocks[b].slots[i].opc = Opc::Real(if ins.opc == Opc::JumpIfFalse { Op::PopJumpIfFalse } else { Op::PopJumpIfTrue });
                    let mut copy = Ins::new(Opc::Real(Op::Copy), 1, ins.loc);
                    copy.handler = ins.handler;
                    self.blocks[b].insert(i, copy);
                    i += 1;
                    let mut to_bool = Ins::new(Opc::Real(Op::ToBool), 0, ins.loc);
                    to_bool.handler = ins.handler;
                    self.blocks[b].insert(i, to_bool);
                    i += 1;
                }
                i += 1;
            }
        }
    }

    /// CPython's `calculate_stackdepth`; also records each block's start depth (for
    /// the exception table).
    fn calculate_stackdepth(&mut self) -> Result<u32, CompileError> {
        for b in self.order() {
            self.blocks[b].startdepth = i32::MIN;
        }
        fn push(blocks: &mut [Block], sp: &mut Vec<BlockId>, b: BlockId, depth: i32) -> Result<(), CompileError> {
            let sd = blocks[b].startdepth;
            if !(sd < 0 || sd == depth) {
                return Err(CompileError::syntax("internal error: inconsistent stack depth", Default::default()));
            }
            if sd < depth && sd < 100 {
                blocks[b].startdepth = depth;
                sp.push(b);
            }
            Ok(())
        }
        let mut maxdepth = 0;
        let mut sp: Vec<BlockId> = Vec::new();
        let entry = self.entry;
        push(&mut self.blocks, &mut sp, entry, 0)?;
        while let Some(b) = sp.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for k in 0..self.blocks[b].n {
                let ins = self.blocks[b].slots[k];
                let new_depth = depth + stack_effect(ins.opc, ins.arg, false);
                if new_depth < 0 {
                    return Err(CompileError::syntax(format!("internal error: stack underflow at {}", ins.opc.name()), Default::default()));
                }
                maxdepth = maxdepth.max(depth);
                if ins.opc.has_target() {
                    let target_depth = depth + stack_effect(ins.opc, ins.arg, true);
                    maxdepth = maxdepth.max(depth);
                    push(&mut self.blocks, &mut sp, tgt(&ins), target_depth)?;
                }
                depth = new_depth;
                if ins.opc.is_unconditional_jump() || ins.opc.is_scope_exit() {
                    next = None;
                    break;
                }
            }
            if let Some(nx) = next {
                push(&mut self.blocks, &mut sp, nx, depth)?;
            }
        }
        Ok(maxdepth.max(0) as u32)
    }

    /// `insert_prefix_instructions`: generator start, cells, free variables.
    fn insert_prefix_instructions(&mut self, u: &Unit, cell_order: &[u32]) {
        let entry = self.entry;
        if u.flags.contains(CodeFlags::GENERATOR) {
            let line = u.firstlineno as i32;
            let loc = SrcLoc { line, end_line: line, col: -1, end_col: -1 };
            self.blocks[entry].insert(0, Ins::new(Opc::Real(Op::ReturnGenerator), 0, loc));
            self.blocks[entry].insert(1, Ins::new(Opc::Real(Op::PopTop), 0, loc));
        }
        for (used, &cell) in cell_order.iter().enumerate() {
            self.blocks[entry].insert(used, Ins::new(Opc::Real(Op::MakeCell), DEREF_CELL | cell, NO_LOCATION));
        }
        if !u.freevars.is_empty() {
            self.blocks[entry].insert(0, Ins::new(Opc::Real(Op::CopyFreeVars), u.freevars.len() as u32, NO_LOCATION));
        }
    }

    fn convert_pseudo_ops(&mut self) {
        for b in self.order() {
            for ins in self.blocks[b].instrs_mut() {
                if ins.opc.is_block_push() {
                    set_nop(ins);
                } else if ins.opc == Opc::LoadClosure {
                    ins.opc = Opc::Real(Op::LoadFast);
                } else if ins.opc == Opc::StoreFastMaybeNull {
                    ins.opc = Opc::Real(Op::StoreFast);
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
    }

    fn normalize_jumps(&mut self) {
        self.reset_visited();
        let mut b = Some(self.entry);
        while let Some(id) = b {
            self.blocks[id].visited = true;
            self.normalize_jumps_in_block(id);
            b = self.blocks[id].next;
        }
    }

    /// Conditional jumps forward get a NOT_TAKEN after them; backward ones are inverted
    /// over a new NOT_TAKEN + JUMP block.
    fn normalize_jumps_in_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].last().copied() else { return };
        if !last.opc.is_conditional_jump() {
            return;
        }
        let target = tgt(&last);
        let is_forward = !self.blocks[target].visited;
        if is_forward {
            self.blocks[b].addop(Opc::Real(Op::NotTaken), 0, NULL, last.loc);
            return;
        }
        let reversed = match last.opc {
            Opc::Real(Op::PopJumpIfNotNone) => Op::PopJumpIfNone,
            Opc::Real(Op::PopJumpIfNone) => Op::PopJumpIfNotNone,
            Opc::Real(Op::PopJumpIfFalse) => Op::PopJumpIfTrue,
            _ => Op::PopJumpIfFalse,
        };
        let bj = self.new_block();
        self.blocks[bj].addop(Opc::Real(Op::NotTaken), 0, NULL, last.loc);
        self.blocks[bj].addop(Opc::Jump, 0, target as u32, last.loc);
        self.blocks[bj].startdepth = self.blocks[target].startdepth;
        let old_next = self.blocks[b].next;
        let l = self.blocks[b].n - 1;
        self.blocks[b].slots[l].opc = Opc::Real(reversed);
        self.blocks[b].slots[l].target = old_next.expect("a fallthrough block") as u32;
        self.blocks[bj].cold = self.blocks[b].cold;
        self.blocks[bj].next = old_next;
        self.blocks[b].next = Some(bj);
    }
}

/// `PyFrozenSet_New`: equal items (by Python equality, so `1`, `1.0` and `True`) are
/// kept once, the first of them.
fn frozenset(items: Vec<Const>) -> Const {
    let mut out: Vec<Const> = Vec::with_capacity(items.len());
    for it in items {
        if !out.iter().any(|o| py_eq(o, &it)) {
            out.push(it);
        }
    }
    Const::FrozenSet(out)
}

/// The de-duplication key of a constant that is not a container or code.
fn scalar_key(c: &Const) -> Option<String> {
    match c {
        Const::Tuple(_) | Const::FrozenSet(_) | Const::Code(_) | Const::Slice(_) => None,
        _ => Some(c.key()),
    }
}

/// Equal constant keys (`_PyCode_ConstantKey`): same type and value; frozensets
/// regardless of order.
fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Tuple(x), Const::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q)),
        (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| same_const(p, q)))
        }
        (Const::Code(_), Const::Code(_)) => assemble::const_eq(a, b),
        _ => a.key() == b.key(),
    }
}

/// `==` between constants (numbers compare across bool/int/float).
fn py_eq(a: &Const, b: &Const) -> bool {
    fn num(c: &Const) -> Option<f64> {
        match c {
            Const::Bool(x) => Some(*x as i32 as f64),
            Const::Int(i) => num_traits::ToPrimitive::to_f64(i),
            Const::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (a, b) {
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q)),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a.key() == b.key(),
        },
    }
}

/// One instruction of the final sequence: jump targets are instruction indices.
#[derive(Clone, Copy, Debug)]
pub struct FinalIns {
    pub opc: Opc,
    pub arg: u32,
    pub target: u32,
    pub loc: SrcLoc,
    /// The handler's first instruction, its start depth and lasti flag.
    pub handler: Option<(u32, i32, bool)>,
    /// The handler block (to tell entries apart).
    pub handler_block: u32,
}

/// Net stack effect of an instruction (`jump`: along the jump edge), from CPython's
/// `_PyOpcode_num_pushed - _PyOpcode_num_popped`.
pub fn stack_effect(opc: Opc, arg: u32, jump: bool) -> i32 {
    let a = arg as i32;
    match opc {
        Opc::Jump | Opc::JumpNoInterrupt | Opc::PopBlock => 0,
        Opc::JumpIfFalse | Opc::JumpIfTrue => 0,
        Opc::SetupFinally | Opc::SetupWith => if jump { 1 } else { 0 },
        Opc::SetupCleanup => if jump { 2 } else { 0 },
        Opc::LoadClosure => 1,
        Opc::StoreFastMaybeNull => -1,
        Opc::Real(op) => match op {
            Op::Nop | Op::NotTaken | Op::Resume | Op::ToBool | Op::UnaryNegative | Op::UnaryNot | Op::UnaryInvert
            | Op::GetIter | Op::GetYieldFromIter | Op::CheckExcMatch | Op::FormatSimple | Op::ConvertValue
            | Op::CallIntrinsic1 | Op::MakeFunction | Op::Swap | Op::MakeCell | Op::CopyFreeVars
            | Op::DeleteFast | Op::DeleteDeref | Op::DeleteGlobal | Op::DeleteName | Op::LoadFromDictOrDeref
            | Op::JumpForward | Op::JumpBackward | Op::JumpBackwardNoInterrupt | Op::Send | Op::YieldValue
            | Op::SetupAnnotations | Op::StoreFastLoadFast | Op::ReturnGenerator => 0,
            Op::PopTop | Op::EndFor | Op::PopIter | Op::EndSend | Op::ReturnValue | Op::PopExcept
            | Op::StoreFast | Op::StoreDeref | Op::StoreGlobal | Op::StoreName | Op::DeleteAttr
            | Op::FormatWithSpec | Op::BinaryOp | Op::CompareOp | Op::IsOp | Op::ContainsOp
            | Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge
            | Op::CallIntrinsic2 | Op::SetFunctionAttribute | Op::Reraise | Op::ImportName
            | Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::CleanupThrow => -1,
            Op::PushNull | Op::PushExcInfo | Op::WithExceptStart | Op::LoadBuildClass | Op::LoadLocals
            | Op::LoadConst | Op::LoadSmallInt | Op::LoadFast | Op::LoadFastCheck | Op::LoadFastAndClear
            | Op::LoadDeref | Op::LoadName | Op::LoadCommonConstant | Op::Copy | Op::ImportFrom | Op::ForIter
            | Op::LoadSpecial => 1,
            Op::LoadFastLoadFast => 2,
            Op::StoreFastStoreFast => -2,
            Op::DeleteSubscr | Op::BinarySlice | Op::StoreAttr | Op::MapAdd => -2,
            Op::StoreSubscr | Op::CallFunctionEx => -3,
            Op::StoreSlice => -4,
            Op::LoadGlobal => 1 + (a & 1),
            Op::LoadAttr => a & 1,
            Op::LoadSuperAttr => -2 + (a & 1),
            Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildString | Op::BuildSlice => 1 - a,
            Op::BuildMap => 1 - 2 * a,
            Op::UnpackSequence => a - 1,
            Op::UnpackEx => (a & 0xff) + (a >> 8),
            Op::Call => -(a + 1),
            Op::CallKw => -(a + 2),
            Op::RaiseVarargs => -a,
            _ => 0,
        },
    }
}

/// The cells in the order of their final slots (MAKE_CELL order), as indices into
/// `u.cellvars`.
fn cell_order(u: &Unit) -> Vec<u32> {
    let nlocals = u.varnames.len();
    let mut fixed: Vec<(usize, u32)> = Vec::new();
    for (i, c) in u.cellvars.iter().enumerate() {
        let off = match u.varnames.iter().position(|v| v == c) {
            Some(arg) => arg,
            None => nlocals + i,
        };
        fixed.push((off, i as u32));
    }
    fixed.sort_unstable();
    fixed.into_iter().map(|(_, i)| i).collect()
}

/// Runs the flow-graph passes (`_PyCfg_OptimizeCodeUnit` and
/// `_PyCfg_OptimizedCfgToInstructionSequence`) and assembles the code unit.
pub fn optimize_and_assemble(u: Unit) -> Result<Rc<CodeUnit>, CompileError> {
    let mut cfg = Cfg::from_unit(&u);
    cfg.mark_except_handlers();
    cfg.label_exception_targets();
    cfg.optimize_cfg();
    cfg.remove_unused_consts();
    cfg.add_checks_for_loads_of_uninitialized_variables(u.varnames.len(), u.nparams as usize);
    cfg.insert_superinstructions();
    cfg.push_cold_blocks_to_end();
    cfg.resolve_line_numbers();
    // _PyCfg_OptimizedCfgToInstructionSequence
    cfg.convert_pseudo_conditional_jumps();
    let stacksize = cfg.calculate_stackdepth()?;
    let cells = cell_order(&u);
    cfg.insert_prefix_instructions(&u, &cells);
    cfg.convert_pseudo_ops();
    cfg.normalize_jumps();

    // _PyCfg_ToInstructionSequence: block starts, then jump targets and handlers.
    let order = cfg.order();
    let mut start = vec![u32::MAX; cfg.blocks.len()];
    let mut n = 0u32;
    for &b in &order {
        start[b] = n;
        n += cfg.blocks[b].n as u32;
    }
    let mut out: Vec<FinalIns> = Vec::with_capacity(n as usize);
    for &b in &order {
        for ins in cfg.blocks[b].instrs() {
            let target = if ins.opc.has_target() { start[tgt(ins)] } else { 0 };
            let handler = if ins.handler != NULL {
                let h = &cfg.blocks[ins.handler as usize];
                Some((start[ins.handler as usize], h.startdepth, h.preserve_lasti))
            } else {
                None
            };
            out.push(FinalIns { opc: ins.opc, arg: ins.arg, target, loc: ins.loc, handler, handler_block: ins.handler });
        }
    }
    // RETURN_GENERATOR + POP_TOP have no net stack effect: the generator's first
    // resume pushes onto a stack that is never empty-sized (CPython asserts depth > 0).
    assemble::assemble(u, out, cfg.consts, stacksize)
}
