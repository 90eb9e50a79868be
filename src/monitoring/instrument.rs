//! Per-code instrumentation: which events are live at which instructions, for which
//! tools, realised by rewriting instructions into their `INSTRUMENTED_*` twins.
//!
//! This ports CPython 3.14's model (`force_instrument_lock_held` and friends) so that
//! DISABLE, restarts and multi-tool bookkeeping behave identically. Three layers can
//! cover an instruction, outermost first: LINE events (`INSTRUMENTED_LINE`),
//! INSTRUCTION events (`INSTRUMENTED_INSTRUCTION`), and the instruction's own event (its twin, e.g. `INSTRUMENTED_CALL`). The base opcodes are
//! kept, so every layer can be recomputed from flags.

use super::events::*;
use super::Monitoring;
use crate::bytecode::Op;
use crate::objects::CodeObj;

/// FOR_ITER's adaptive counter after (de)instrumentation (CPython's warmup: value 1,
/// backoff 1). FOR_ITER keeps it in its `cache` field; see `interp::eval`.
pub const FOR_ITER_WARMUP: u16 = 1 << 4 | 1;

/// One code object's instrumentation state (CPython's `_PyCoMonitoringData`).
pub struct CodeMonitoring {
    /// Tools per local event set on this code (`set_local_events`).
    pub(crate) local: [u8; LOCAL_EVENTS],
    /// Global | local, as last applied to the instructions.
    pub(crate) active: [u8; LOCAL_EVENTS],
    pub(crate) tool_versions: [u64; TOOL_SLOTS],
    /// The uninstrumented opcode of every instruction.
    base: Box<[Op]>,
    first_traceable: usize,
    /// Line of each instruction (-1: none) and whether it may carry a LINE event;
    /// computed the first time LINE is active.
    lines: Option<Box<[(i32, bool)]>>,
    /// The event, INSTRUCTION and LINE layers (indexed by [`Layer`]).
    layers: [LayerState; 3],
    /// Bumped whenever the live (event, offset, tools) triples change.
    pub(crate) live_version: u64,
}

/// The three ways an instruction can be instrumented, innermost first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    /// The instruction's own event (its `INSTRUMENTED_*` twin).
    Event = 0,
    Instruction = 1,
    Line = 2,
}

/// One layer's state: where it is instrumented, and (once several tools are active)
/// which tools each location calls.
#[derive(Clone, PartialEq, Eq)]
struct LayerState {
    on: Box<[bool]>,
    tools: Option<Box<[u8]>>,
}

/// The event an instruction reports, for instrumentable opcodes.
pub fn event_for(op: Op, arg: u32) -> Option<usize> {
    Some(match op {
        Op::Resume => {
            if arg & crate::bytecode::RESUME_OPARG_LOCATION_MASK == 0 { PY_START } else { PY_RESUME }
        }
        Op::ReturnValue => PY_RETURN,
        Op::YieldValue => PY_YIELD,
        Op::Call | Op::CallKw | Op::CallFunctionEx | Op::LoadSuperAttr => CALL,
        Op::JumpForward | Op::JumpBackward => JUMP,
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => BRANCH_RIGHT,
        Op::NotTaken | Op::ForIter => BRANCH_LEFT,
        Op::PopIter => BRANCH_RIGHT,
        Op::EndFor | Op::EndSend => STOP_ITERATION,
        _ => return None,
    })
}

/// The `INSTRUMENTED_*` twin of an instrumentable opcode.
pub fn twin(op: Op) -> Op {
    match op {
        Op::Resume => Op::InstrumentedResume,
        Op::ReturnValue => Op::InstrumentedReturnValue,
        Op::YieldValue => Op::InstrumentedYieldValue,
        Op::Call => Op::InstrumentedCall,
        Op::CallKw => Op::InstrumentedCallKw,
        Op::CallFunctionEx => Op::InstrumentedCallFunctionEx,
        Op::LoadSuperAttr => Op::InstrumentedLoadSuperAttr,
        Op::JumpForward => Op::InstrumentedJumpForward,
        Op::JumpBackward => Op::InstrumentedJumpBackward,
        Op::PopJumpIfFalse => Op::InstrumentedPopJumpIfFalse,
        Op::PopJumpIfTrue => Op::InstrumentedPopJumpIfTrue,
        Op::PopJumpIfNone => Op::InstrumentedPopJumpIfNone,
        Op::PopJumpIfNotNone => Op::InstrumentedPopJumpIfNotNone,
        Op::NotTaken => Op::InstrumentedNotTaken,
        Op::ForIter => Op::InstrumentedForIter,
        Op::EndFor => Op::InstrumentedEndFor,
        Op::PopIter => Op::InstrumentedPopIter,
        Op::EndSend => Op::InstrumentedEndSend,
        other => other,
    }
}

impl CodeMonitoring {
    fn new(code: &CodeObj) -> CodeMonitoring {
        let n = code.instrs.len();
        let base: Box<[Op]> = code.instrs.iter().map(|c| c.get().op).collect();
        debug_assert!(base.iter().all(|op| !op.is_instrumented()));
        let first_traceable = base.iter().position(|&op| op == Op::Resume).unwrap_or(n);
        CodeMonitoring {
            local: [0; LOCAL_EVENTS],
            active: [0; LOCAL_EVENTS],
            tool_versions: [0; TOOL_SLOTS],
            base,
            first_traceable,
            lines: None,
            layers: std::array::from_fn(|_| LayerState { on: vec![false; n].into(), tools: None }),
            live_version: 0,
        }
    }

    pub fn base_op(&self, i: usize) -> Op {
        self.base[i]
    }

    /// The instruction's own event is instrumented at `i` (its `INSTRUMENTED_*` twin).
    pub fn event_on(&self, i: usize) -> bool {
        self.layers[Layer::Event as usize].on[i]
    }

    /// A LINE event is instrumented at `i`.
    pub fn line_on(&self, i: usize) -> bool {
        self.layers[Layer::Line as usize].on[i]
    }

    /// An INSTRUCTION event is instrumented at `i`.
    pub fn instruction_on(&self, i: usize) -> bool {
        self.layers[Layer::Instruction as usize].on[i]
    }

    /// The live version (see [`LiveEvents::version`]).
    pub fn live_version(&self) -> u64 {
        self.live_version
    }

    /// Where the live version lives: the data is boxed and never replaced, so
    /// compiled code can compare it through this address.
    pub fn live_version_ptr(&self) -> *const u64 {
        &self.live_version
    }

    /// The opcode under the INSTRUCTION layer (what INSTRUMENTED_INSTRUCTION runs).
    pub fn event_layer_op(&self, i: usize) -> Op {
        if self.layers[Layer::Event as usize].on[i] { twin(self.base[i]) } else { self.base[i] }
    }

    /// The opcode under the LINE layer, which is outermost (what INSTRUMENTED_LINE
    /// runs after firing).
    pub fn instruction_layer_op(&self, i: usize) -> Op {
        if self.layers[Layer::Instruction as usize].on[i] { Op::InstrumentedInstruction } else { self.event_layer_op(i) }
    }

    fn top_op(&self, i: usize) -> Op {
        if self.layers[Layer::Line as usize].on[i] { Op::InstrumentedLine } else { self.instruction_layer_op(i) }
    }

    /// The line of instruction `i` as LINE events see it (-1: none).
    pub fn line(&self, i: usize) -> i32 {
        self.lines.as_ref().map_or(-1, |l| l[i].0)
    }

    /// Tools to call for `event` (not LINE/INSTRUCTION) at instruction `i`.
    pub fn tools_at(&self, i: usize, event: usize) -> u8 {
        match &self.layers[Layer::Event as usize].tools {
            Some(t) => t[i],
            None => self.active[event],
        }
    }

    pub fn line_tools_at(&self, i: usize, global_line: u8) -> u8 {
        match &self.layers[Layer::Line as usize].tools {
            Some(t) => t[i],
            None => global_line | self.local[LINE],
        }
    }

    pub fn instruction_tools_at(&self, i: usize, global_instr: u8) -> u8 {
        match &self.layers[Layer::Instruction as usize].tools {
            Some(t) => t[i],
            None => global_instr | self.local[INSTRUCTION],
        }
    }

    fn multitools(all: &[u8; LOCAL_EVENTS]) -> bool {
        all.iter().any(|t| t.count_ones() > 1)
    }

    /// `update_instrumentation_data`: drop stale local events and allocate the tables
    /// the now-active events need.
    fn update_data(&mut self, mon: &Monitoring, code: &CodeObj) {
        for tool in 0..TOOL_SLOTS {
            if self.tool_versions[tool] != mon.tool_versions[tool] {
                for t in self.local.iter_mut() {
                    *t &= !(1 << tool);
                }
            }
        }
        let all = self.union(mon);
        let multi = Self::multitools(&all);
        let n = self.base.len();
        if self.layers[Layer::Event as usize].tools.is_none() && multi {
            // Tools per instruction start as "the active tools" wherever the event
            // layer is instrumented, so earlier DISABLEs survive.
            let t = (0..n)
                .map(|i| match event_for(self.base[i], code.instrs[i].get().arg) {
                    Some(ev) if self.layers[Layer::Event as usize].on[i] => self.active[ev],
                    _ => 0,
                })
                .collect();
            self.layers[Layer::Event as usize].tools = Some(t);
        }
        if all[LINE] != 0 {
            if self.lines.is_none() {
                self.lines = Some(compute_lines(code, &self.base, self.first_traceable));
            }
            let line = &mut self.layers[Layer::Line as usize];
            if multi && line.tools.is_none() {
                line.tools = Some(vec![all[LINE]; n].into());
            }
        }
        let instruction = &mut self.layers[Layer::Instruction as usize];
        if all[INSTRUCTION] != 0 && multi && instruction.tools.is_none() {
            instruction.tools = Some(vec![0; n].into());
        }
    }

    fn union(&self, mon: &Monitoring) -> [u8; LOCAL_EVENTS] {
        std::array::from_fn(|e| mon.global[e] | self.local[e])
    }

    fn write(&self, code: &CodeObj, i: usize) {
        let cell = &code.instrs[i];
        let mut ins = cell.get();
        ins.op = self.top_op(i);
        cell.set(ins);
    }

    /// FOR_ITER loses its specialisation and restarts its counter when a layer over it
    /// changes (CPython rewrites the instruction and resets its cache).
    fn reset_for_iter(&self, code: &CodeObj, i: usize, counter: bool) {
        if self.base[i] == Op::ForIter {
            let cell = &code.instrs[i];
            let mut ins = cell.get();
            ins.aux = 0;
            if counter {
                ins.cache = FOR_ITER_WARMUP;
            }
            cell.set(ins);
        }
    }

    /// Instruments or de-instruments one layer at instruction `i`.
    fn set_layer(&mut self, code: &CodeObj, layer: Layer, i: usize, on: bool) {
        let l = &mut self.layers[layer as usize];
        if l.on[i] != on {
            l.on[i] = on;
            // The event layer restarts FOR_ITER's counter either way; the layers over
            // it only when they come off (CPython's de_instrument_line/_per_instruction).
            self.reset_for_iter(code, i, layer == Layer::Event || !on);
            self.write(code, i);
            self.live_version += 1;
        }
    }

    /// `remove_tools` / `remove_line_tools` / `remove_per_instruction_tools`: also what
    /// DISABLE does. With per-location tools the location goes when none is left;
    /// with a single tool (`active[event]`) when that tool is removed.
    fn remove(&mut self, code: &CodeObj, layer: Layer, i: usize, event: usize, tools: u8) {
        let deinstrument = match &mut self.layers[layer as usize].tools {
            Some(t) => {
                t[i] &= !tools;
                self.live_version += 1;
                t[i] == 0
            }
            None => {
                let single = self.active[event];
                single & tools == single
            }
        };
        if deinstrument {
            self.set_layer(code, layer, i, false);
        }
    }

    /// `add_tools` and its LINE/INSTRUCTION twins.
    fn add(&mut self, code: &CodeObj, layer: Layer, i: usize, tools: u8) {
        if let Some(t) = &mut self.layers[layer as usize].tools {
            t[i] |= tools;
            self.live_version += 1;
        }
        self.set_layer(code, layer, i, true);
    }

    pub fn remove_tools(&mut self, code: &CodeObj, i: usize, event: usize, tools: u8) {
        self.remove(code, Layer::Event, i, event, tools);
    }

    pub fn remove_line_tools(&mut self, code: &CodeObj, i: usize, tools: u8) {
        self.remove(code, Layer::Line, i, LINE, tools);
    }

    pub fn remove_instruction_tools(&mut self, code: &CodeObj, i: usize, tools: u8) {
        self.remove(code, Layer::Instruction, i, INSTRUCTION, tools);
    }
}

/// `initialize_lines`: each instruction's line, and which instructions can report a
/// LINE event (line starts, jump targets and handlers that have a line).
fn compute_lines(code: &CodeObj, base: &[Op], first_traceable: usize) -> Box<[(i32, bool)]> {
    let n = base.len();
    let line_of = |i: usize| code.positions.get(i).map_or(-1, |p| if p.line > 0 { p.line } else { -1 });
    let mut out: Vec<(i32, bool)> = (0..n).map(|i| (line_of(i), false)).collect();
    let mut current = -1;
    for i in first_traceable..n {
        match base[i] {
            Op::EndFor | Op::EndSend | Op::Resume | Op::PopIter => {}
            _ => {
                let line = out[i].0;
                out[i].1 = line != current && line >= 0;
                current = line;
            }
        }
    }
    for i in first_traceable..n {
        let ins = code.instrs[i].get();
        let target = match base[i] {
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone | Op::JumpForward
            | Op::JumpBackward | Op::JumpBackwardNoInterrupt => ins.arg as usize,
            Op::ForIter | Op::Send => ins.arg as usize + 1,
            _ => continue,
        };
        if target < n && out[target].0 >= 0 && base[target] != Op::PopIter {
            out[target].1 = true;
        }
    }
    for h in code.exception_table.iter() {
        let t = h.target as usize;
        if t < n && out[t].0 >= 0 {
            out[t].1 = true;
        }
    }
    out.into()
}

/// Runs `f` on the code's monitoring data, creating it first if needed.
pub fn with_data<T>(code: &CodeObj, f: impl FnOnce(&mut CodeMonitoring) -> T) -> T {
    let mut slot = code.runtime.monitoring.borrow_mut();
    let data = slot.get_or_insert_with(|| Box::new(CodeMonitoring::new(code)));
    f(data)
}

/// `_Py_Instrument`: brings the code's instrumentation up to date if it is stale.
#[inline]
pub fn instrument(mon: &Monitoring, code: &CodeObj) {
    if code.runtime.instrumentation_version.get() != mon.version {
        force_instrument(mon, code);
    }
}

/// `force_instrument_lock_held`: applies the difference between the tools active now
/// (global | local) and those last applied; after a restart, re-applies everything.
pub fn force_instrument(mon: &Monitoring, code: &CodeObj) {
    if code.instrs.is_empty() {
        return;
    }
    with_data(code, |d| {
        d.update_data(mon, code);
        let active = d.union(mon);
        let restarted = mon.last_restart_version > code.runtime.instrumentation_version.get();
        // A restart re-applies everything; if nothing was DISABLEd here the result is
        // what it was, and this code's live version must not move.
        let before = restarted.then(|| (d.live_version, d.active, d.layers.clone()));
        let (removed, new): ([u8; LOCAL_EVENTS], [u8; LOCAL_EVENTS]) = if restarted {
            (d.active, active)
        } else {
            (std::array::from_fn(|e| d.active[e] & !active[e]), std::array::from_fn(|e| active[e] & !d.active[e]))
        };
        d.active = active;
        if removed.iter().chain(new.iter()).any(|&t| t != 0) {
            let n = d.base.len();
            for i in d.first_traceable..n {
                let Some(ev) = event_for(d.base[i], code.instrs[i].get().arg) else { continue };
                if removed[ev] != 0 {
                    d.remove_tools(code, i, ev, removed[ev]);
                }
                if new[ev] != 0 {
                    d.add(code, Layer::Event, i, new[ev]);
                }
            }
            let is_line_start = |d: &CodeMonitoring, i: usize| d.lines.as_ref().is_some_and(|l| l[i].1);
            let per_instruction = |d: &CodeMonitoring, i: usize| !matches!(d.base[i], Op::Resume | Op::EndFor);
            if removed[LINE] != 0 {
                for i in d.first_traceable..n {
                    if is_line_start(d, i) {
                        d.remove_line_tools(code, i, removed[LINE]);
                    }
                }
            }
            if removed[INSTRUCTION] != 0 {
                for i in d.first_traceable..n {
                    if per_instruction(d, i) {
                        d.remove_instruction_tools(code, i, removed[INSTRUCTION]);
                    }
                }
            }
            if new[LINE] != 0 {
                for i in d.first_traceable..n {
                    if is_line_start(d, i) {
                        d.add(code, Layer::Line, i, new[LINE]);
                    }
                }
            }
            if new[INSTRUCTION] != 0 {
                for i in d.first_traceable..n {
                    if per_instruction(d, i) {
                        d.add(code, Layer::Instruction, i, new[INSTRUCTION]);
                    }
                }
            }
            d.live_version += 1;
        }
        if let Some((version, active, layers)) = before {
            if d.active == active && d.layers == layers {
                d.live_version = version;
            }
        }
    });
    code.runtime.instrumentation_version.set(mon.version);
}

/// The live instrumentation of one code object: what tier 2 compiles probes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveEvents {
    /// Changes whenever anything below changes (for this code object only).
    pub version: u64,
    /// Per instruction: the tools its own event (if any) calls.
    pub event_tools: Vec<u8>,
    /// Per instruction: the tools a LINE event there calls (0: no LINE probe).
    pub line_tools: Vec<u8>,
    /// Per instruction: the tools an INSTRUCTION event there calls.
    pub instruction_tools: Vec<u8>,
}

impl LiveEvents {
    /// No probes anywhere: the code can run uninstrumented.
    pub fn is_empty(&self) -> bool {
        self.event_tools.iter().chain(&self.line_tools).chain(&self.instruction_tools).all(|&t| t == 0)
    }
}

/// Which events are live at which offsets of `code`, for which tools, after bringing
/// its instrumentation up to date. The version lets a compiled copy check cheaply
/// whether it is still valid.
pub fn live_events(mon: &Monitoring, code: &CodeObj) -> LiveEvents {
    instrument(mon, code);
    let n = code.instrs.len();
    let slot = code.runtime.monitoring.borrow();
    let Some(d) = slot.as_ref() else {
        return LiveEvents { version: 0, event_tools: vec![0; n], line_tools: vec![0; n], instruction_tools: vec![0; n] };
    };
    let event_tools = (0..n)
        .map(|i| match event_for(d.base[i], code.instrs[i].get().arg) {
            Some(ev) if d.layers[Layer::Event as usize].on[i] => d.tools_at(i, ev),
            _ => 0,
        })
        .collect();
    let on = |layer: Layer, i: usize| d.layers[layer as usize].on[i];
    let line_tools = (0..n).map(|i| if on(Layer::Line, i) { d.line_tools_at(i, mon.global[LINE]) } else { 0 }).collect();
    let instruction_tools =
        (0..n).map(|i| if on(Layer::Instruction, i) { d.instruction_tools_at(i, mon.global[INSTRUCTION]) } else { 0 }).collect();
    LiveEvents { version: d.live_version, event_tools, line_tools, instruction_tools }
}

/// RESUME's check: code whose instrumentation is out of date (events changed since
/// it last ran) is brought up to date; true if it was, so the RESUME runs again as
/// what it has become.
#[inline(always)]
pub fn catch_up(mon: &Monitoring, code: &CodeObj) -> bool {
    if code.runtime.instrumentation_version.get() == mon.version || mon.tracing != 0 {
        return false;
    }
    instrument(mon, code);
    true
}

/// `instrument_all_executing_code_objects`: code on the stack sees a change at once.
pub fn instrument_running(vm: &crate::vm::Vm) {
    for f in vm.frames.iter() {
        instrument(&vm.monitoring, f.code());
    }
}
