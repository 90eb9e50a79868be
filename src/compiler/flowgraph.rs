//! The control-flow graph: CPython 3.14's `Python/flowgraph.c` passes, in the same
//! order and with the same rules, because they decide the final instruction order, the
//! line of every instruction and which jumps exist, and so every LINE, JUMP and BRANCH
//! event. Passes that only change performance in CPython (superinstructions, borrowed
//! loads, swap scheduling) are left out: they never change lines or control flow.

use super::assemble::{self, CodeUnit};
use super::codegen::Unit;
use super::instr::{Ins, Opc, SrcLoc, NO_LABEL, NO_LOCATION};
use super::{CompileError, Const};
use crate::bytecode::{self as bc, BinaryOpArg, Op};
use std::rc::Rc;

pub type BlockId = usize;
const NONE: BlockId = usize::MAX;

#[derive(Clone, Default)]
pub struct Block {
    pub instrs: Vec<Ins>,
    pub next: Option<BlockId>,
    pub label: Option<u32>,
    pub except_handler: bool,
    pub preserve_lasti: bool,
    visited: bool,
    cold: bool,
    warm: bool,
    pub predecessors: u32,
    pub startdepth: i32,
}

impl Block {
    fn last(&self) -> Option<&Ins> {
        self.instrs.last()
    }
    fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.opc.is_scope_exit())
    }
    fn has_eval_break(&self) -> bool {
        self.instrs.iter().any(|i| i.opc.has_eval_break())
    }
    fn no_fallthrough(&self) -> bool {
        self.last().is_some_and(|i| i.opc.is_scope_exit() || i.opc.is_unconditional_jump())
    }
    fn has_fallthrough(&self) -> bool {
        !self.no_fallthrough()
    }
    fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.line < 0)
    }
}

pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub consts: Vec<Const>,
}

fn nop() -> Opc {
    Opc::Real(Op::Nop)
}

fn set_nop(i: &mut Ins) {
    i.opc = nop();
    i.arg = 0;
    i.target = NO_LABEL;
}

impl Cfg {
    /// Blocks in layout order.
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
        self.blocks.push(Block { startdepth: i32::MIN, ..Default::default() });
        self.blocks.len() - 1
    }

    fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = b {
            if !self.blocks[id].instrs.is_empty() {
                return Some(id);
            }
            b = self.blocks[id].next;
        }
        None
    }

    fn max_label(&self) -> u32 {
        self.blocks.iter().filter_map(|b| b.label).max().map_or(0, |m| m + 1)
    }

    /// Builds the graph from codegen's sequence: a block starts at every jump target
    /// and after every terminator (CPython's `_PyCfg_FromInstructionSequence`).
    fn from_unit(u: &Unit) -> Cfg {
        let n = u.seq.len();
        let mut seq = u.seq.clone();
        // Label ids become instruction indices.
        let mut is_target = vec![false; n + 1];
        for ins in seq.iter_mut() {
            if ins.opc.has_target() {
                let pos = u.labels[ins.target as usize];
                debug_assert!(pos != usize::MAX && pos < n, "jump to an unplaced label");
                ins.target = pos as u32;
                is_target[pos] = true;
            }
        }
        let mut cfg = Cfg { blocks: Vec::new(), entry: 0, consts: u.consts.clone() };
        let mut cur = cfg.new_block();
        cfg.entry = cur;
        let mut pos_to_block = vec![NONE; n + 1];
        for (i, ins) in seq.into_iter().enumerate() {
            let terminated = cfg.blocks[cur].last().is_some_and(|l| l.opc.is_terminator());
            if is_target[i] {
                if terminated || !cfg.blocks[cur].instrs.is_empty() || cfg.blocks[cur].label.is_some() {
                    let nb = cfg.new_block();
                    cfg.blocks[cur].next = Some(nb);
                    cur = nb;
                }
                cfg.blocks[cur].label = Some(i as u32);
            } else if terminated {
                let nb = cfg.new_block();
                cfg.blocks[cur].next = Some(nb);
                cur = nb;
            }
            if is_target[i] {
                pos_to_block[i] = cur;
            }
            cfg.blocks[cur].instrs.push(ins);
        }
        // Targets: instruction index -> block.
        for b in cfg.blocks.iter_mut() {
            for ins in b.instrs.iter_mut() {
                if ins.opc.has_target() {
                    ins.target = pos_to_block[ins.target as usize] as u32;
                }
            }
        }
        cfg
    }

    fn target(ins: &Ins) -> BlockId {
        ins.target as BlockId
    }

    // ---------------------------------------------------------------- preprocessing

    fn mark_except_handlers(&mut self) {
        let targets: Vec<BlockId> = self.blocks.iter().flat_map(|b| b.instrs.iter().filter(|i| i.opc.is_block_push()).map(Cfg::target)).collect();
        for t in targets {
            self.blocks[t].except_handler = true;
        }
    }

    /// Gives every instruction its handler; POP_BLOCK becomes NOP.
    fn label_exception_targets(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let mut todo: Vec<(BlockId, Vec<BlockId>)> = vec![(self.entry, Vec::new())];
        self.blocks[self.entry].visited = true;
        while let Some((b, mut stack)) = todo.pop() {
            let mut handler = stack.last().copied().unwrap_or(NONE);
            let mut last_yield_depth: Option<usize> = None;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.is(Op::YieldValue) {
                    last_yield_depth = Some(stack.len());
                } else if ins.is(Op::Resume) && ins.arg != bc::RESUME_AT_FUNC_START {
                    // A yield outside any try (only the implicit StopIteration
                    // handler): close() may finish the generator without running it.
                    if last_yield_depth == Some(1) {
                        self.blocks[b].instrs[i].arg |= bc::RESUME_OPARG_DEPTH1_MASK;
                    }
                    last_yield_depth = None;
                }
                if ins.opc.is_block_push() {
                    let t = Cfg::target(&ins);
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        todo.push((t, stack.clone()));
                    }
                    if matches!(ins.opc, Opc::SetupWith | Opc::SetupCleanup) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = t;
                } else if ins.opc == Opc::PopBlock {
                    stack.pop();
                    handler = stack.last().copied().unwrap_or(NONE);
                    set_nop(&mut self.blocks[b].instrs[i]);
                } else if ins.opc.is_jump() {
                    self.blocks[b].instrs[i].handler = handler as u32;
                    let t = Cfg::target(&ins);
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        todo.push((t, stack.clone()));
                    }
                } else {
                    self.blocks[b].instrs[i].handler = handler as u32;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        todo.push((n, stack));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- optimisations

    fn remove_unreachable(&mut self) {
        for b in self.blocks.iter_mut() {
            b.predecessors = 0;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].predecessors = 1;
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs.iter().filter(|i| i.opc.has_target()).map(Cfg::target).collect();
            for t in targets {
                if !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
                self.blocks[t].predecessors += 1;
            }
        }
        for b in self.blocks.iter_mut() {
            if b.predecessors == 0 {
                b.instrs.clear();
                b.except_handler = false;
            }
        }
    }

    fn block_remove_redundant_nops(&mut self, b: BlockId) -> usize {
        let n = self.blocks[b].instrs.len();
        let mut out: Vec<Ins> = Vec::with_capacity(n);
        let mut prev_lineno = -1;
        let next_block = self.next_nonempty(self.blocks[b].next);
        for src in 0..n {
            let ins = self.blocks[b].instrs[src];
            let lineno = ins.loc.line;
            if ins.opc == nop() {
                if lineno < 0 {
                    continue;
                }
                if prev_lineno == lineno {
                    continue;
                }
                if src + 1 < n {
                    let next_lineno = self.blocks[b].instrs[src + 1].loc.line;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        self.blocks[b].instrs[src + 1].loc = ins.loc;
                        continue;
                    }
                } else if let Some(nb) = next_block {
                    let mut next_loc = NO_LOCATION;
                    for i in &self.blocks[nb].instrs {
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
            out.push(self.blocks[b].instrs[src]);
            prev_lineno = lineno;
        }
        let removed = n - out.len();
        self.blocks[b].instrs = out;
        removed
    }

    fn remove_redundant_nops(&mut self) -> usize {
        self.order().into_iter().map(|b| self.block_remove_redundant_nops(b)).sum()
    }

    fn remove_redundant_nops_and_pairs(&mut self) {
        loop {
            let mut done = true;
            let mut prev: Option<(BlockId, usize)> = None;
            let mut cur: Option<(BlockId, usize)> = None;
            for b in self.order() {
                self.block_remove_redundant_nops(b);
                if self.blocks[b].label.is_some() {
                    cur = None;
                }
                for i in 0..self.blocks[b].instrs.len() {
                    prev = cur;
                    cur = Some((b, i));
                    let ins = self.blocks[b].instrs[i];
                    if ins.is(Op::PopTop) {
                        if let Some((pb, pi)) = prev {
                            let p = self.blocks[pb].instrs[pi];
                            let pair = p.is(Op::LoadConst) || p.is(Op::LoadSmallInt) || (p.is(Op::Copy) && p.arg == 1);
                            if pair {
                                set_nop(&mut self.blocks[pb].instrs[pi]);
                                set_nop(&mut self.blocks[b].instrs[i]);
                                done = false;
                            }
                        }
                    }
                }
                let last_is_jump = cur.is_some_and(|(cb, ci)| self.blocks[cb].instrs.get(ci).is_some_and(|x| x.opc.is_jump()));
                if last_is_jump || !self.blocks[b].has_fallthrough() {
                    cur = None;
                }
            }
            if done {
                break;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> usize {
        let mut changes = 0;
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else { continue };
            if last.opc.is_unconditional_jump() {
                let jump_target = self.next_nonempty(Some(Cfg::target(&last)));
                let next = self.next_nonempty(self.blocks[b].next);
                if jump_target == next {
                    changes += 1;
                    let l = self.blocks[b].instrs.len() - 1;
                    set_nop(&mut self.blocks[b].instrs[l]);
                }
            }
        }
        changes
    }

    fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let n = self.remove_redundant_nops();
            let j = self.remove_redundant_jumps();
            if n + j == 0 {
                break;
            }
        }
    }

    fn inline_small_or_no_lineno_blocks(&mut self) {
        loop {
            let mut changes = false;
            for b in self.order() {
                let Some(last) = self.blocks[b].last().copied() else { continue };
                if !last.opc.is_unconditional_jump() {
                    continue;
                }
                let t = Cfg::target(&last);
                let small_exit = self.blocks[t].exits_scope() && self.blocks[t].instrs.len() <= 4;
                let no_lineno_no_ft = self.blocks[t].has_no_lineno() && !self.blocks[t].has_fallthrough();
                if small_exit || no_lineno_no_ft {
                    let removed_op = last.opc;
                    let l = self.blocks[b].instrs.len() - 1;
                    set_nop(&mut self.blocks[b].instrs[l]);
                    let copy = self.blocks[t].instrs.clone();
                    self.blocks[b].instrs.extend(copy);
                    if no_lineno_no_ft {
                        let l = self.blocks[b].instrs.len() - 1;
                        let li = &mut self.blocks[b].instrs[l];
                        if li.opc.is_unconditional_jump() && removed_op == Opc::Jump {
                            li.opc = Opc::Jump;
                        }
                    }
                    self.blocks[t].predecessors = self.blocks[t].predecessors.saturating_sub(1);
                    changes = true;
                }
            }
            if !changes {
                break;
            }
        }
    }

    fn is_exit_or_eval_check_without_lineno(&self, b: BlockId) -> bool {
        let bl = &self.blocks[b];
        (bl.exits_scope() || bl.has_eval_break()) && bl.has_no_lineno()
    }

    fn duplicate_exits_without_lineno(&mut self) {
        let mut next_lbl = self.max_label();
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else { continue };
            if !last.opc.is_jump() {
                continue;
            }
            let Some(target) = self.next_nonempty(Some(Cfg::target(&last))) else { continue };
            if self.is_exit_or_eval_check_without_lineno(target) && self.blocks[target].predecessors > 1 {
                let nb = self.new_block();
                self.blocks[nb].instrs = self.blocks[target].instrs.clone();
                self.blocks[nb].instrs[0].loc = last.loc;
                let l = self.blocks[b].instrs.len() - 1;
                self.blocks[b].instrs[l].target = nb as u32;
                self.blocks[target].predecessors -= 1;
                self.blocks[nb].predecessors = 1;
                self.blocks[nb].next = self.blocks[target].next;
                self.blocks[nb].label = Some(next_lbl);
                self.blocks[nb].startdepth = self.blocks[target].startdepth;
                self.blocks[nb].except_handler = self.blocks[target].except_handler;
                self.blocks[nb].preserve_lasti = self.blocks[target].preserve_lasti;
                next_lbl += 1;
                self.blocks[target].next = Some(nb);
            }
        }
        for b in self.order() {
            if self.blocks[b].has_fallthrough() && !self.blocks[b].instrs.is_empty() {
                if let Some(n) = self.blocks[b].next {
                    if self.is_exit_or_eval_check_without_lineno(n) {
                        let loc = self.blocks[b].last().expect("non-empty").loc;
                        self.blocks[n].instrs[0].loc = loc;
                    }
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            let Some(last) = self.blocks[b].last().copied() else { continue };
            let mut prev = NO_LOCATION;
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.loc.line < 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].predecessors == 1 && !self.blocks[n].instrs.is_empty() && self.blocks[n].instrs[0].loc.line < 0 {
                        self.blocks[n].instrs[0].loc = prev;
                    }
                }
            }
            if last.opc.is_jump() {
                let t = Cfg::target(&last);
                if self.blocks[t].predecessors == 1 && !self.blocks[t].instrs.is_empty() && self.blocks[t].instrs[0].loc.line < 0 {
                    self.blocks[t].instrs[0].loc = prev;
                }
            }
        }
    }

    fn resolve_line_numbers(&mut self) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    fn const_of(&self, ins: &Ins) -> Option<Const> {
        if ins.is(Op::LoadSmallInt) {
            return Some(Const::Int(ins.arg.into()));
        }
        if ins.is(Op::LoadConst) {
            return Some(self.consts[ins.arg as usize].clone());
        }
        None
    }

    fn add_const(&mut self, c: Const) -> u32 {
        let key = c.key();
        if let Some(i) = self.consts.iter().position(|x| x.key() == key) {
            return i as u32;
        }
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }

    /// LOAD_SMALL_INT for small int constants, LOAD_CONST otherwise.
    fn make_load_const(&mut self, ins: &mut Ins, c: Const) {
        if let Const::Int(i) = &c {
            if let Some(v) = num_traits::ToPrimitive::to_i64(i) {
                if (0..256).contains(&v) {
                    ins.opc = Opc::Real(Op::LoadSmallInt);
                    ins.arg = v as u32;
                    return;
                }
            }
        }
        let idx = self.add_const(c);
        ins.opc = Opc::Real(Op::LoadConst);
        ins.arg = idx;
    }

    fn optimize_load_const(&mut self) {
        for b in self.order() {
            let mut prev: Option<Ins> = None;
            let mut i = 0;
            while i < self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.is(Op::LoadConst) {
                    let c = self.consts[ins.arg as usize].clone();
                    let mut x = ins;
                    if let Const::Int(v) = &c {
                        if let Some(v) = num_traits::ToPrimitive::to_i64(v) {
                            if (0..256).contains(&v) {
                                x.opc = Opc::Real(Op::LoadSmallInt);
                                x.arg = v as u32;
                                self.blocks[b].instrs[i] = x;
                            }
                        }
                    }
                }
                let ins = self.blocks[b].instrs[i];
                let is_copy_of_load_const = prev.is_some_and(|p| p.is(Op::LoadConst)) && ins.is(Op::Copy) && ins.arg == 1;
                if !is_copy_of_load_const {
                    prev = Some(ins);
                }
                let p = prev.expect("set");
                if !(p.is(Op::LoadConst) || p.is(Op::LoadSmallInt)) {
                    i += 1;
                    continue;
                }
                let Some(next) = self.blocks[b].instrs.get(i + 1).copied() else {
                    i += 1;
                    continue;
                };
                let c = self.const_of(&p).expect("const");
                match next.opc {
                    Opc::Real(Op::PopJumpIfFalse | Op::PopJumpIfTrue) | Opc::JumpIfFalse | Opc::JumpIfTrue => {
                        let Some(is_true) = c.truthy() else {
                            i += 1;
                            continue;
                        };
                        if matches!(next.opc, Opc::Real(Op::PopJumpIfFalse | Op::PopJumpIfTrue)) {
                            set_nop(&mut self.blocks[b].instrs[i]);
                        }
                        let jump_if_true = matches!(next.opc, Opc::Real(Op::PopJumpIfTrue) | Opc::JumpIfTrue);
                        if is_true == jump_if_true {
                            self.blocks[b].instrs[i + 1].opc = Opc::Jump;
                        } else {
                            set_nop(&mut self.blocks[b].instrs[i + 1]);
                        }
                    }
                    Opc::Real(Op::IsOp) => {
                        if !matches!(c, Const::None) || i + 2 >= self.blocks[b].instrs.len() {
                            i += 1;
                            continue;
                        }
                        let is_ins = self.blocks[b].instrs[i + 1];
                        let mut j = i + 2;
                        if self.blocks[b].instrs[j].is(Op::ToBool) {
                            set_nop(&mut self.blocks[b].instrs[j]);
                            if j + 1 >= self.blocks[b].instrs.len() {
                                i += 1;
                                continue;
                            }
                            j += 1;
                        }
                        let jump = self.blocks[b].instrs[j];
                        let mut invert = is_ins.arg != 0;
                        if jump.is(Op::PopJumpIfFalse) {
                            invert = !invert;
                        } else if !jump.is(Op::PopJumpIfTrue) {
                            i += 1;
                            continue;
                        }
                        set_nop(&mut self.blocks[b].instrs[i]);
                        set_nop(&mut self.blocks[b].instrs[i + 1]);
                        self.blocks[b].instrs[j].opc = Opc::Real(if invert { Op::PopJumpIfNotNone } else { Op::PopJumpIfNone });
                    }
                    Opc::Real(Op::ToBool) => {
                        let Some(t) = c.truthy() else {
                            i += 1;
                            continue;
                        };
                        let idx = self.add_const(Const::Bool(t));
                        set_nop(&mut self.blocks[b].instrs[i]);
                        let n = &mut self.blocks[b].instrs[i + 1];
                        n.opc = Opc::Real(Op::LoadConst);
                        n.arg = idx;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
    }

    /// Collects `size` constant loads ending at `start` (skipping NOPs).
    fn const_loads(&self, b: BlockId, start: isize, size: usize) -> Option<Vec<usize>> {
        let mut out = Vec::with_capacity(size);
        let mut i = start;
        while i >= 0 && out.len() < size {
            let ins = &self.blocks[b].instrs[i as usize];
            if ins.is(Op::Nop) {
                i -= 1;
                continue;
            }
            if !(ins.is(Op::LoadConst) || ins.is(Op::LoadSmallInt)) {
                return None;
            }
            out.push(i as usize);
            i -= 1;
        }
        if out.len() < size {
            return None;
        }
        out.reverse();
        Some(out)
    }

    fn nop_out(&mut self, b: BlockId, idx: &[usize]) {
        for &i in idx {
            let ins = &mut self.blocks[b].instrs[i];
            set_nop(ins);
            ins.loc = NO_LOCATION;
        }
    }

    fn fold_tuple_of_constants(&mut self, b: BlockId, i: usize) {
        let n = self.blocks[b].instrs[i].arg as usize;
        if n > 30 {
            return;
        }
        let Some(loads) = self.const_loads(b, i as isize - 1, n) else { return };
        let items: Vec<Const> = loads.iter().map(|&k| self.const_of(&self.blocks[b].instrs[k]).expect("const")).collect();
        self.nop_out(b, &loads);
        let mut ins = self.blocks[b].instrs[i];
        self.make_load_const(&mut ins, Const::Tuple(items));
        self.blocks[b].instrs[i] = ins;
    }

    fn optimize_lists_and_sets(&mut self, b: BlockId, i: usize, nextop: Option<Opc>) {
        let ins = self.blocks[b].instrs[i];
        let contains_or_iter = matches!(nextop, Some(Opc::Real(Op::GetIter | Op::ContainsOp)));
        let n = ins.arg as usize;
        if n > 30 || (n < 3 && !contains_or_iter) {
            return;
        }
        let Some(loads) = self.const_loads(b, i as isize - 1, n) else {
            if contains_or_iter && ins.is(Op::BuildList) {
                self.blocks[b].instrs[i].opc = Opc::Real(Op::BuildTuple);
            }
            return;
        };
        let items: Vec<Const> = loads.iter().map(|&k| self.const_of(&self.blocks[b].instrs[k]).expect("const")).collect();
        let c = if ins.is(Op::BuildSet) { Const::FrozenSet(items) } else { Const::Tuple(items) };
        let idx = self.add_const(c);
        self.nop_out(b, &loads);
        if contains_or_iter {
            let x = &mut self.blocks[b].instrs[i];
            x.opc = Opc::Real(Op::LoadConst);
            x.arg = idx;
        } else {
            let build = ins.opc;
            let loc = ins.loc;
            let x = &mut self.blocks[b].instrs[i - 2];
            x.loc = loc;
            x.opc = build;
            x.arg = 0;
            let y = &mut self.blocks[b].instrs[i - 1];
            y.opc = Opc::Real(Op::LoadConst);
            y.arg = idx;
            let z = &mut self.blocks[b].instrs[i];
            z.opc = Opc::Real(if build == Opc::Real(Op::BuildList) { Op::ListExtend } else { Op::SetUpdate });
            z.arg = 1;
        }
    }

    /// `[c1, c2, ...]` built by append then turned into a tuple: one constant.
    fn fold_constant_list_to_tuple(&mut self, b: BlockId, i: usize) {
        let mut consts_found = 0;
        let mut expect_append = true;
        let mut pos = i as isize - 1;
        while pos >= 0 {
            let ins = self.blocks[b].instrs[pos as usize];
            if ins.is(Op::Nop) {
                pos -= 1;
                continue;
            }
            if ins.is(Op::BuildList) && ins.arg == 0 {
                if !expect_append {
                    return;
                }
                let mut items = Vec::new();
                for k in (pos as usize..i).rev() {
                    let x = self.blocks[b].instrs[k];
                    if x.is(Op::Nop) {
                        continue;
                    }
                    if let Some(c) = self.const_of(&x) {
                        items.push(c);
                    }
                    self.nop_out(b, &[k]);
                }
                items.reverse();
                debug_assert_eq!(items.len(), consts_found);
                let mut x = self.blocks[b].instrs[i];
                self.make_load_const(&mut x, Const::Tuple(items));
                self.blocks[b].instrs[i] = x;
                return;
            }
            if expect_append {
                if !(ins.is(Op::ListAppend) && ins.arg == 1) {
                    return;
                }
            } else {
                if self.const_of(&ins).is_none() {
                    return;
                }
                consts_found += 1;
            }
            expect_append = !expect_append;
            pos -= 1;
        }
    }

    fn fold_binop(&mut self, b: BlockId, i: usize) {
        let Some(loads) = self.const_loads(b, i as isize - 1, 2) else { return };
        let l = self.const_of(&self.blocks[b].instrs[loads[0]]).expect("const");
        let r = self.const_of(&self.blocks[b].instrs[loads[1]]).expect("const");
        let op = BinaryOpArg::from_u32(self.blocks[b].instrs[i].arg).expect("binop");
        let Some(result) = super::fold::eval_binop(&l, op, &r) else { return };
        self.nop_out(b, &loads);
        let mut x = self.blocks[b].instrs[i];
        self.make_load_const(&mut x, result);
        self.blocks[b].instrs[i] = x;
    }

    fn fold_unaryop(&mut self, b: BlockId, i: usize) {
        let Some(loads) = self.const_loads(b, i as isize - 1, 1) else { return };
        let v = self.const_of(&self.blocks[b].instrs[loads[0]]).expect("const");
        let ins = self.blocks[b].instrs[i];
        let Some(result) = super::fold::eval_unaryop(&v, ins.opc, ins.arg) else { return };
        self.nop_out(b, &loads);
        let mut x = ins;
        self.make_load_const(&mut x, result);
        self.blocks[b].instrs[i] = x;
    }

    /// Replaces a jump whose target is another jump with a direct jump.
    fn jump_thread(&mut self, b: BlockId, i: usize, target_ins: Ins, opc: Opc) -> bool {
        let ins = self.blocks[b].instrs[i];
        if ins.target != target_ins.target {
            set_nop(&mut self.blocks[b].instrs[i]);
            let mut j = Ins::new(opc, 0, target_ins.loc);
            j.target = target_ins.target;
            j.handler = ins.handler;
            self.blocks[b].instrs.push(j);
            return true;
        }
        false
    }

    fn optimize_basic_block(&mut self, b: BlockId) {
        let mut i = 0isize;
        while (i as usize) < self.blocks[b].instrs.len() {
            let iu = i as usize;
            let ins = self.blocks[b].instrs[iu];
            let target_ins = if ins.opc.has_target() { self.blocks[Cfg::target(&ins)].instrs.first().copied() } else { None };
            let nextop = self.blocks[b].instrs.get(iu + 1).map(|x| x.opc);
            let next_arg = self.blocks[b].instrs.get(iu + 1).map(|x| x.arg);
            let topc = target_ins.map(|t| t.opc);
            match ins.opc {
                Opc::Real(Op::BuildTuple) => {
                    if nextop == Some(Opc::Real(Op::UnpackSequence)) && next_arg == Some(ins.arg) {
                        match ins.arg {
                            1 => {
                                set_nop(&mut self.blocks[b].instrs[iu]);
                                set_nop(&mut self.blocks[b].instrs[iu + 1]);
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                set_nop(&mut self.blocks[b].instrs[iu]);
                                self.blocks[b].instrs[iu + 1].opc = Opc::Real(Op::Swap);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    self.fold_tuple_of_constants(b, iu);
                }
                Opc::Real(Op::BuildList | Op::BuildSet) => self.optimize_lists_and_sets(b, iu, nextop),
                Opc::Real(Op::PopJumpIfNotNone | Op::PopJumpIfNone | Op::PopJumpIfFalse | Op::PopJumpIfTrue) => {
                    if topc == Some(Opc::Jump) && self.jump_thread(b, iu, target_ins.expect("t"), ins.opc) {
                        i -= 1;
                    }
                }
                Opc::JumpIfFalse | Opc::JumpIfTrue => {
                    let same = ins.opc;
                    let other = if same == Opc::JumpIfFalse { Opc::JumpIfTrue } else { Opc::JumpIfFalse };
                    if topc == Some(Opc::Jump) || topc == Some(same) {
                        if self.jump_thread(b, iu, target_ins.expect("t"), same) {
                            i -= 1;
                        }
                        i += 1;
                        continue;
                    } else if topc == Some(other) {
                        let t = Cfg::target(&ins);
                        let nt = self.blocks[t].next.expect("a next block");
                        self.blocks[b].instrs[iu].target = nt as u32;
                        continue;
                    }
                }
                Opc::Jump | Opc::JumpNoInterrupt => {
                    if topc == Some(Opc::Jump) {
                        if self.jump_thread(b, iu, target_ins.expect("t"), Opc::Jump) {
                            i -= 1;
                        }
                        i += 1;
                        continue;
                    } else if topc == Some(Opc::JumpNoInterrupt) {
                        if self.jump_thread(b, iu, target_ins.expect("t"), ins.opc) {
                            i -= 1;
                        }
                        i += 1;
                        continue;
                    }
                }
                Opc::Real(Op::StoreFast) => {
                    let n = self.blocks[b].instrs.get(iu + 1).copied();
                    if let Some(n) = n {
                        if n.opc == ins.opc && n.arg == ins.arg && n.loc.line == ins.loc.line {
                            let x = &mut self.blocks[b].instrs[iu];
                            x.opc = Opc::Real(Op::PopTop);
                            x.arg = 0;
                        }
                    }
                }
                Opc::Real(Op::Swap) => {
                    if ins.arg == 1 {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                    }
                }
                Opc::Real(Op::LoadGlobal) => {
                    if nextop == Some(Opc::Real(Op::PushNull)) && ins.arg & 1 == 0 {
                        self.blocks[b].instrs[iu].arg |= 1;
                        set_nop(&mut self.blocks[b].instrs[iu + 1]);
                    }
                }
                Opc::Real(Op::CompareOp) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        let n = &mut self.blocks[b].instrs[iu + 1];
                        n.opc = Opc::Real(Op::CompareOp);
                        n.arg = ins.arg | 16;
                        i += 1;
                        continue;
                    }
                }
                Opc::Real(Op::ContainsOp | Op::IsOp) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        let n = &mut self.blocks[b].instrs[iu + 1];
                        n.opc = ins.opc;
                        n.arg = ins.arg;
                        i += 1;
                        continue;
                    }
                    if nextop == Some(Opc::Real(Op::UnaryNot)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        let n = &mut self.blocks[b].instrs[iu + 1];
                        n.opc = ins.opc;
                        n.arg = ins.arg ^ 1;
                        i += 1;
                        continue;
                    }
                }
                Opc::Real(Op::ToBool) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        i += 1;
                        continue;
                    }
                }
                Opc::Real(Op::UnaryNot) => {
                    if nextop == Some(Opc::Real(Op::ToBool)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        let n = &mut self.blocks[b].instrs[iu + 1];
                        n.opc = Opc::Real(Op::UnaryNot);
                        n.arg = 0;
                        i += 1;
                        continue;
                    }
                    if nextop == Some(Opc::Real(Op::UnaryNot)) {
                        set_nop(&mut self.blocks[b].instrs[iu]);
                        set_nop(&mut self.blocks[b].instrs[iu + 1]);
                        i += 1;
                        continue;
                    }
                    self.fold_unaryop(b, iu);
                }
                Opc::Real(Op::UnaryInvert | Op::UnaryNegative) => self.fold_unaryop(b, iu),
                Opc::Real(Op::CallIntrinsic1) => {
                    if ins.arg == bc::INTRINSIC_LIST_TO_TUPLE {
                        if nextop == Some(Opc::Real(Op::GetIter)) {
                            set_nop(&mut self.blocks[b].instrs[iu]);
                        } else {
                            self.fold_constant_list_to_tuple(b, iu);
                        }
                    } else if ins.arg == bc::INTRINSIC_UNARY_POSITIVE {
                        self.fold_unaryop(b, iu);
                    }
                }
                Opc::Real(Op::BinaryOp) => self.fold_binop(b, iu),
                _ => {}
            }
            i += 1;
        }
    }

    fn optimize(&mut self) {
        self.inline_small_or_no_lineno_blocks();
        self.remove_unreachable();
        self.resolve_line_numbers();
        self.optimize_load_const();
        for b in self.order() {
            self.optimize_basic_block(b);
        }
        self.remove_redundant_nops_and_pairs();
        self.remove_unreachable();
        self.remove_redundant_nops_and_jumps();
    }

    // ---------------------------------------------------------------- layout

    fn mark_warm(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs.iter().filter(|i| i.opc.is_jump()).map(Cfg::target).collect();
            for t in targets {
                if !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
    }

    fn mark_cold(&mut self) {
        self.mark_warm();
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler {
                self.blocks[b].visited = true;
                stack.push(b);
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].warm && !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                }
            }
            let targets: Vec<BlockId> = self.blocks[b].instrs.iter().filter(|i| i.opc.is_jump()).map(Cfg::target).collect();
            for t in targets {
                if !self.blocks[t].warm && !self.blocks[t].visited {
                    self.blocks[t].visited = true;
                    stack.push(t);
                }
            }
        }
    }

    fn push_cold_blocks_to_end(&mut self) {
        if self.blocks[self.entry].next.is_none() {
            return;
        }
        self.mark_cold();
        let mut next_lbl = self.max_label();
        for b in self.order() {
            let bl = &self.blocks[b];
            if bl.cold && bl.has_fallthrough() {
                if let Some(n) = bl.next {
                    if self.blocks[n].warm {
                        let j = self.new_block();
                        if self.blocks[n].label.is_none() {
                            self.blocks[n].label = Some(next_lbl);
                            next_lbl += 1;
                        }
                        let mut ins = Ins::new(Opc::JumpNoInterrupt, 0, NO_LOCATION);
                        ins.target = n as u32;
                        ins.handler = NO_LABEL;
                        self.blocks[j].instrs.push(ins);
                        self.blocks[j].cold = true;
                        self.blocks[j].next = Some(n);
                        self.blocks[j].predecessors = 1;
                        self.blocks[b].next = Some(j);
                    }
                }
            }
        }
        // Move each cold streak to the end, keeping their order.
        let mut cold_head: Option<BlockId> = None;
        let mut cold_tail: Option<BlockId> = None;
        let mut b = self.entry;
        while let Some(_) = self.blocks[b].next {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].cold {
                    break;
                }
                b = n;
            }
            let Some(start) = self.blocks[b].next else { break };
            let mut end = start;
            while let Some(n) = self.blocks[end].next {
                if !self.blocks[n].cold {
                    break;
                }
                end = n;
            }
            match cold_tail {
                None => cold_head = Some(start),
                Some(t) => self.blocks[t].next = Some(start),
            }
            cold_tail = Some(end);
            self.blocks[b].next = self.blocks[end].next;
            self.blocks[end].next = None;
        }
        self.blocks[b].next = cold_head;
        if cold_head.is_some() {
            self.remove_redundant_nops_and_jumps();
        }
    }

    fn convert_pseudo_conditional_jumps(&mut self) {
        for b in self.order() {
            let mut i = 0;
            while i < self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if matches!(ins.opc, Opc::JumpIfFalse | Opc::JumpIfTrue) {
                    self.blocks[b].instrs[i].opc = Opc::Real(if ins.opc == Opc::JumpIfFalse { Op::PopJumpIfFalse } else { Op::PopJumpIfTrue });
                    let mut copy = Ins::new(Opc::Real(Op::Copy), 1, ins.loc);
                    copy.handler = ins.handler;
                    let mut tb = Ins::new(Opc::Real(Op::ToBool), 0, ins.loc);
                    tb.handler = ins.handler;
                    self.blocks[b].instrs.insert(i, tb);
                    self.blocks[b].instrs.insert(i, copy);
                    i += 2;
                }
                i += 1;
            }
        }
    }

    /// CPython's `calculate_stackdepth`; also records each block's start depth (for
    /// the exception table).
    fn calculate_stackdepth(&mut self) -> Result<u32, CompileError> {
        for b in self.blocks.iter_mut() {
            b.startdepth = i32::MIN;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<BlockId>, b: BlockId, depth: i32| -> Result<(), CompileError> {
            let sd = blocks[b].startdepth;
            if !(sd < 0 || sd == depth) {
                return Err(CompileError::syntax("internal error: inconsistent stack depth", Default::default()));
            }
            if sd < depth && sd < 100000 {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
            Ok(())
        };
        let mut maxdepth = 0;
        push(&mut self.blocks, &mut stack, self.entry, 0)?;
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for k in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[k];
                let eff = stack_effect(ins.opc, ins.arg, false);
                let new_depth = depth + eff;
                if new_depth < 0 {
                    return Err(CompileError::syntax(format!("internal error: stack underflow at {}", ins.opc.name()), Default::default()));
                }
                maxdepth = maxdepth.max(depth);
                if ins.opc.has_target() {
                    let te = stack_effect(ins.opc, ins.arg, true);
                    let target_depth = depth + te;
                    maxdepth = maxdepth.max(depth);
                    push(&mut self.blocks, &mut stack, Cfg::target(&ins), target_depth)?;
                }
                depth = new_depth;
                if ins.opc.is_unconditional_jump() || ins.opc.is_scope_exit() {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth)?;
            }
        }
        Ok(maxdepth.max(0) as u32)
    }

    fn convert_pseudo_ops(&mut self) {
        for b in self.order() {
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.opc.is_block_push() {
                    ins.opc = nop();
                    ins.arg = 0;
                    ins.target = NO_LABEL;
                } else if ins.opc == Opc::LoadClosure {
                    ins.opc = Opc::Real(Op::LoadFast);
                } else if ins.opc == Opc::StoreFastMaybeNull {
                    ins.opc = Opc::Real(Op::StoreFast);
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
    }

    /// Conditional jumps forward get a NOT_TAKEN after them; backward ones are inverted
    /// over a new NOT_TAKEN + JUMP block.
    fn normalize_jumps(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let order = self.order();
        for b in order {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].last().copied() else { continue };
            if !last.opc.is_conditional_jump() {
                continue;
            }
            let t = Cfg::target(&last);
            let is_forward = !self.blocks[t].visited;
            if is_forward {
                let mut nt = Ins::new(Opc::Real(Op::NotTaken), 0, last.loc);
                nt.handler = last.handler;
                self.blocks[b].instrs.push(nt);
                continue;
            }
            let reversed = match last.opc {
                Opc::Real(Op::PopJumpIfNotNone) => Op::PopJumpIfNone,
                Opc::Real(Op::PopJumpIfNone) => Op::PopJumpIfNotNone,
                Opc::Real(Op::PopJumpIfFalse) => Op::PopJumpIfTrue,
                _ => Op::PopJumpIfFalse,
            };
            let bj = self.new_block();
            let mut nt = Ins::new(Opc::Real(Op::NotTaken), 0, last.loc);
            nt.handler = last.handler;
            let mut j = Ins::new(Opc::Jump, 0, last.loc);
            j.target = t as u32;
            j.handler = last.handler;
            self.blocks[bj].instrs = vec![nt, j];
            self.blocks[bj].startdepth = self.blocks[t].startdepth;
            self.blocks[bj].cold = self.blocks[b].cold;
            let old_next = self.blocks[b].next;
            let l = self.blocks[b].instrs.len() - 1;
            self.blocks[b].instrs[l].opc = Opc::Real(reversed);
            self.blocks[b].instrs[l].target = old_next.expect("a fallthrough block") as u32;
            self.blocks[bj].next = old_next;
            self.blocks[b].next = Some(bj);
        }
    }
}

/// Net stack effect of an instruction (`jump`: along the jump edge).
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
            | Op::SetupAnnotations => 0,
            Op::PopTop | Op::EndFor | Op::PopIter | Op::EndSend | Op::ReturnValue | Op::PopExcept
            | Op::StoreFast | Op::StoreDeref | Op::StoreGlobal | Op::StoreName | Op::DeleteAttr
            | Op::FormatWithSpec | Op::CleanupThrow | Op::BinaryOp | Op::CompareOp | Op::IsOp | Op::ContainsOp
            | Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge
            | Op::CallIntrinsic2 | Op::SetFunctionAttribute | Op::Reraise | Op::ImportName
            | Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::PushNull | Op::PushExcInfo | Op::WithExceptStart | Op::LoadBuildClass | Op::LoadLocals
            | Op::LoadConst | Op::LoadSmallInt | Op::LoadFast | Op::LoadFastCheck | Op::LoadFastAndClear
            | Op::LoadDeref | Op::LoadName | Op::LoadCommonConstant | Op::Copy | Op::ImportFrom | Op::ForIter
            | Op::LoadSpecial | Op::ReturnGenerator => 1,
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

/// Runs the flow-graph passes and assembles the code unit.
pub fn optimize_and_assemble(u: Unit) -> Result<Rc<CodeUnit>, CompileError> {
    let mut cfg = Cfg::from_unit(&u);
    cfg.mark_except_handlers();
    cfg.label_exception_targets();
    cfg.optimize();
    cfg.push_cold_blocks_to_end();
    cfg.resolve_line_numbers();
    cfg.convert_pseudo_conditional_jumps();
    let stacksize = cfg.calculate_stackdepth()?;
    let is_gen = u.flags.contains(crate::bytecode::CodeFlags::GENERATOR);
    // Prefix: generators start with RETURN_GENERATOR + POP_TOP (before RESUME).
    let entry = cfg.entry;
    let mut prefix: Vec<Ins> = Vec::new();
    if is_gen {
        let loc = SrcLoc { line: u.firstlineno as i32, end_line: u.firstlineno as i32, col: -1, end_col: -1 };
        prefix.push(Ins::new(Opc::Real(Op::ReturnGenerator), 0, loc));
        prefix.push(Ins::new(Opc::Real(Op::PopTop), 0, loc));
    }
    let tail = std::mem::take(&mut cfg.blocks[entry].instrs);
    cfg.blocks[entry].instrs = prefix.into_iter().chain(tail).collect();
    cfg.convert_pseudo_ops();
    cfg.normalize_jumps();
    assemble::assemble(u, cfg, stacksize + if is_gen { 1 } else { 0 })
}
