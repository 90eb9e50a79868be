//! Tier 2, the VM side of the JIT: when to compile, entering compiled code, and
//! leaving it (return, deoptimisation, errors). Code generation itself is the
//! VM-agnostic `monjit_jit` crate; `translate` turns a code object into its input and
//! `helpers` are the runtime functions compiled code calls.
//!
//! A code object is compiled when its calls reach the threshold (`--jit-threshold`;
//! `--tier jit` compiles before the first run, `--tier interp` never). The interpreter
//! enters compiled code at RESUME (`enter_at_resume`); compiled code calls other
//! compiled code directly from its CALL helper, without the interpreter. Generators
//! compile like functions: a yield leaves to the interpreter (which suspends the
//! frame), and the RESUME after it re-enters compiled code when the generator
//! resumes (`enter_at_resume` at a resume point, an entry like the OSR ones).
//!
//! On-stack replacement: the interpreter's JUMP_BACKWARD also counts, per code object
//! (`loop_is_hot`, only when the tier mode is not `interp`); when a code's back-edges
//! reach the threshold, the frame that took it continues compiled from the loop header
//! (`enter_at_loop`), with its exact state: locals from the frame's slots and the value
//! stack (a `for` loop's iterators) from its stack slots. So a hot loop in a function
//! called once, or after a deoptimisation, runs compiled.
//!
//! Probes: a compiled version is specialised to its code's live instrumentation
//! (`monitoring::instrument`'s layers) at one live version: at every live (event,
//! offset) it calls a probe helper (`helpers::probe_*`, `call_probed`,
//! `for_iter_probed`) that fires what the interpreter's `INSTRUMENTED_*` arm fires,
//! through the same `monitoring::fire` entry points; locations with nothing live get
//! no probe. RESUME's PY_START is fired by whoever enters the code (the interpreter's
//! INSTRUMENTED_RESUME, or `helpers::run_callee`), and a RETURN_VALUE with live
//! probes leaves to the interpreter, which runs the instruction, events included.
//!
//! Invalidation: each version has a [`ProbeState`]: the code's live version it
//! accepted and one byte per probe saying whether its events are still live. The
//! code's live version (`CodeMonitoring::live_version`, which only changes of this
//! code move) is compared with the accepted one wherever Python code may have run:
//! by every helper that can run it, on its way out (`helpers::checked`, which hands
//! compiled code [`monjit_jit::abi::EXIT_DEOPT`] through the error test compiled code
//! makes anyway, so the check costs compiled code nothing), and by compiled code
//! itself only after probes, which exist only while events are live. When it moved,
//! [`ProbeState::sync`] re-reads the layers: if every live event has a
//! probe (DISABLE, or events switched off), the version accepts the new live version
//! and clears the bytes of dead probes, which compiled code then skips with one load
//! and branch; otherwise the frame deoptimises to the interpreter at the next
//! instruction with its exact state, the version is dropped (freed once no frame runs
//! it: runners hold an `Rc`), and the code compiles again with the new probe set once
//! hot again. A version whose probes are at least half dead is replaced at its next
//! entry (batched recompile): a coverage tool DISABLing one line after another costs
//! no deopt and at most log2(probes) + 1 recompiles (see `ProbeState::stale`).

pub mod helpers;
mod helpers_objects;
mod layout;
pub mod stats;
pub mod translate;

use crate::error::PyResult;
use crate::interp::frame::Frame;
use crate::monitoring::events::{INSTRUCTION, LINE};
use crate::objects::CodeObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub use stats::Stats;

/// Which tiers run code (`--tier`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierMode {
    /// The interpreter only.
    Interp,
    /// Compile every code object before its first run.
    Jit,
    /// Compile code once it is hot.
    Auto,
}

/// Calls before a code object is compiled in `auto` mode.
pub const DEFAULT_THRESHOLD: u32 = 1000;

/// The VM's tier-2 state.
pub struct Tier2 {
    pub mode: TierMode,
    /// Calls before compiling (0 in `jit` mode).
    pub threshold: u32,
    /// Loop back-edges (per code object) before a loop is compiled and entered
    /// mid-function; at least 1.
    pub osr_threshold: u32,
    compiler: Option<monjit_jit::Compiler>,
    pub stats: Stats,
    /// (frame address, instruction, opcode) at which compiled code deoptimised right
    /// after firing the instruction's LINE/INSTRUCTION events (a callback made an event
    /// live that the version has no probe for): the interpreter's first dispatch of
    /// that instruction runs the opcode those events left to run (as
    /// `fire_line`/`fire_instruction` returned it) without firing them again, even if
    /// the instruction has become another instrumented one (CALL made live: its event
    /// stays silent this once, as in the interpreter). Set only when the instruction is
    /// still instrumented, so its first dispatch takes it.
    pub pre_fired: Option<(usize, usize, crate::bytecode::Op)>,
}

impl Default for Tier2 {
    fn default() -> Tier2 {
        Tier2 {
            mode: TierMode::Interp,
            threshold: DEFAULT_THRESHOLD,
            osr_threshold: DEFAULT_THRESHOLD,
            compiler: None,
            stats: Stats::default(),
            pre_fired: None,
        }
    }
}

impl Tier2 {
    /// Sets the mode; `threshold` applies to `auto` (`jit` compiles at once).
    pub fn configure(&mut self, mode: TierMode, threshold: Option<u32>) {
        self.mode = mode;
        self.threshold = match mode {
            TierMode::Jit => 0,
            _ => threshold.unwrap_or(DEFAULT_THRESHOLD),
        };
        self.osr_threshold = self.threshold.max(1);
    }
}

/// Per code object.
#[derive(Default)]
pub struct CodeTier2 {
    compiled: RefCell<Option<Rc<Compiled>>>,
    /// Translation failed: the code stays interpreted.
    rejected: Cell<bool>,
    /// A compiled version existed and was invalidated (the next one is a recompile).
    invalidated: Cell<bool>,
    /// JUMP_BACKWARDs the interpreter ran (counted only outside `interp` mode); OSR is
    /// tried when this equals the threshold, so code that cannot be compiled costs one
    /// attempt, not one per back-edge.
    pub backedges: Cell<u32>,
    /// Consecutive exits at an instruction without a translation that went round no
    /// loop since compiled code was entered (see `helpers_objects::unsupported`).
    pub wasted_entries: Cell<u32>,
}

/// Back-edges before OSR is tried again when it could not happen for a passing reason
/// (the code was instrumented).
const OSR_RETRY: u32 = 1000;

/// One compiled version of a code object.
pub struct Compiled {
    code: monjit_jit::CompiledCode,
    /// Its probes (compiled code reads the accepted version and the probe bytes
    /// through their addresses, which the box keeps fixed).
    pub(crate) state: Box<ProbeState>,
    /// The instruction a call starts at (past RESUME).
    entry: u32,
}

/// Compiled versions alive (the `--jit-stats` check that replaced code is freed).
static LIVE_VERSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Drop for Compiled {
    fn drop(&mut self) {
        LIVE_VERSIONS.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Compiled versions currently alive (not yet freed).
pub fn live_versions() -> usize {
    LIVE_VERSIONS.load(std::sync::atomic::Ordering::Relaxed)
}

/// One compiled version's probes and the live instrumentation it accepts.
pub struct ProbeState {
    /// The code's live version (`CodeMonitoring::live_version_ptr`: boxed, never
    /// replaced while the code lives).
    live_version: *const u64,
    /// The code's live version this version is known to cover.
    accepted: Cell<u64>,
    /// The probes compiled at each instruction.
    probes: Vec<monjit_jit::ir::Probe>,
    /// Per instruction, the (pre, event) probe bytes, as one `u16` so that the pair
    /// loads aligned: a byte is 1 while its probe's events are live.
    flags: Box<[Cell<u16>]>,
    /// Instructions compiled code can reach.
    reachable: Vec<bool>,
    /// Probes compiled, and probes whose events are no longer live.
    sites: u32,
    dead: Cell<u32>,
    /// Of the dead probes, those DISABLEd at their location (their event still on).
    dead_disabled: Cell<u32>,
    /// PY_START is live at the code's RESUME, at the accepted version: whoever enters
    /// the code fires it, so calls take the general path (`helpers::run_callee`).
    start_live: Cell<bool>,
}

impl ProbeState {
    fn new(probes: Vec<monjit_jit::ir::Probe>, reachable: Vec<bool>, n: usize, live_version: *const u64, start_live: bool) -> ProbeState {
        let sites = probes.iter().zip(&reachable).map(|(p, &r)| if r { p.pre as u32 + p.event as u32 } else { 0 }).sum();
        let flags = (0..n)
            .map(|i| {
                let p = probes.get(i).copied().unwrap_or_default();
                Cell::new(u16::from_ne_bytes([p.pre as u8, p.event as u8]))
            })
            .collect();
        ProbeState {
            live_version,
            // SAFETY: the caller passes the code's live-version address (see the field).
            accepted: Cell::new(unsafe { *live_version }),
            probes,
            flags,
            reachable,
            sites,
            dead: Cell::new(0),
            dead_disabled: Cell::new(0),
            start_live: Cell::new(start_live),
        }
    }

    /// The code's live version is the accepted one: nothing changed for this code
    /// since the version last looked.
    #[inline(always)]
    fn accepts_live(&self) -> bool {
        // SAFETY: `live_version` points into the code's monitoring data, boxed and
        // never replaced while the code lives, which outlives its compiled versions.
        unsafe { *self.live_version == self.accepted.get() }
    }

    /// This version may run on with `code`'s live instrumentation as it is now: it
    /// accepted the live version already, or `sync` finds it covers it.
    pub fn covers_live(&self, code: &CodeObj) -> bool {
        self.accepts_live() || self.sync(code)
    }

    /// Re-reads `code`'s live instrumentation: updates every probe byte, and accepts
    /// the current live version if every live event at a reachable instruction has a
    /// probe (true); false if this version must not run on.
    pub fn sync(&self, code: &CodeObj) -> bool {
        let slot = code.runtime.monitoring.borrow();
        let Some(d) = slot.as_ref() else { return false };
        let mut ok = true;
        let mut dead = 0;
        let mut disabled = 0;
        for i in 0..self.flags.len() {
            if !self.reachable.get(i).copied().unwrap_or(false) {
                continue;
            }
            let live = translate::live_probe(d, d.base_op(i), i);
            let p = self.probes.get(i).copied().unwrap_or_default();
            if (live.pre && !p.pre) || (live.event && !p.event) {
                ok = false;
            }
            let (pre, event) = (p.pre && live.pre, p.event && live.event);
            dead += (p.pre && !pre) as u32 + (p.event && !event) as u32;
            // A dead probe whose event is still on for this code was DISABLEd at
            // its location; otherwise its event was switched off.
            let active = |ev: usize| d.active.get(ev).is_some_and(|&tools| tools != 0);
            if p.pre && !pre && (active(LINE) || active(INSTRUCTION)) {
                disabled += 1;
            }
            let ev = crate::monitoring::instrument::event_for(d.base_op(i), code.base_instr(i).arg);
            if p.event && !event && ev.is_some_and(active) {
                disabled += 1;
            }
            self.flags[i].set(u16::from_ne_bytes([pre as u8, event as u8]));
        }
        self.dead.set(dead);
        self.dead_disabled.set(disabled);
        self.start_live.set(d.event_on(0));
        if ok {
            self.accepted.set(d.live_version());
        }
        ok
    }

    /// Batched recompile after DISABLEs: a version is replaced at its next entry once
    /// at least half of its probes are dead. Each replacement at least halves the
    /// probes, so a coverage tool disabling lines one after another costs at most
    /// log2(probes) + 1 recompiles, and no deopts (dead probes cost one load and
    /// branch until then).
    fn stale(&self) -> bool {
        self.sites > 0 && self.dead.get() * 2 >= self.sites
    }
}

/// The opcode to run at instruction `i` of frame `f` if compiled code deoptimised
/// there after firing its LINE/INSTRUCTION events (see [`Tier2::pre_fired`]); the
/// interpreter asks at an instrumented instruction.
pub fn take_pre_fired(vm: &mut Vm, f: *const crate::interp::frame::Frame, i: usize) -> Option<crate::bytecode::Op> {
    match vm.tier2.pre_fired {
        Some((frame, at, op)) if frame == f as usize && at == i => {
            vm.tier2.pre_fired = None;
            Some(op)
        }
        _ => None,
    }
}

/// What helpers see of an entry into compiled code: the context compiled code reads,
/// and where a failing helper leaves its error.
#[repr(C)]
pub struct EntryContext {
    pub rt: monjit_jit::abi::RuntimeContext,
    pub error: Option<crate::error::PyErr>,
    /// The last `for_iter_probed` ran the instrumented FOR_ITER (its BRANCH_LEFT
    /// probe then fires).
    pub for_iter_instrumented: bool,
    /// The instruction whose own event stays silent this execution: its INSTRUCTION
    /// event fired, and `fire_instruction` (as CPython) chose to run the opcode read
    /// before the callbacks, not the instrumented twin, even if a callback made the
    /// event live. Set by every `probe_pre`, taken by the next event probe; cleared
    /// when a compiled callee (which shares this context) starts and ends.
    pub silent_event: Option<u32>,
    /// `stack_guard::stack_floor` of this entry's thread, once a call asked.
    stack_floor: Option<usize>,
}

impl EntryContext {
    pub fn new(vm: &mut Vm) -> EntryContext {
        EntryContext {
            for_iter_instrumented: false,
            silent_event: None,
            stack_floor: None,
            rt: monjit_jit::abi::RuntimeContext {
                finalizers_pending: crate::object::finalizers_pending_flag(),
                vm: vm as *mut Vm as *mut core::ffi::c_void,
                loop_trips: 0,
                deopt_result: 0,
            },
            error: None,
        }
    }

    /// The native stack is far from its limit (as `stack_guard::ensure_stack` checks,
    /// at the cost of one compare once the floor is known).
    #[inline(always)]
    pub fn stack_ok(&mut self) -> bool {
        let floor = *self.stack_floor.get_or_insert_with(crate::stack_guard::stack_floor);
        crate::stack_guard::stack_pointer() > floor
    }
}

/// How a compiled run of a frame ended.
pub enum Outcome {
    /// The function returned this value; the frame is still on the stack.
    Returned(Value),
    /// The frame is to continue in the interpreter at its `pc`.
    Deopt,
    /// The error is to be raised in the frame at its `last_pc`.
    Error(crate::error::PyErr),
}

/// Runs `f` (the top frame) in compiled code from the function's entry.
///
/// # Safety
/// `f` must be the top frame, running `compiled`'s code, at its entry, and `ctx` must
/// have been made for `vm`, which is not otherwise used until this returns.
#[inline(always)]
pub unsafe fn run_compiled(ctx: *mut EntryContext, compiled: &Compiled, f: *mut Frame) -> Outcome {
    // SAFETY: the caller's guarantee.
    unsafe { run_compiled_at(ctx, compiled, f, compiled.entry) }
}

/// Runs `f` (the top frame) in compiled code from instruction `start`: its entry, or an
/// OSR entry with the frame's `pc` there and its exact state in its slots (compiled
/// code checks `start` and the frame's `sp`, and leaves untouched with a Deopt if
/// they do not fit).
///
/// # Safety
/// As `run_compiled`, with the frame's slots initialised up to its `sp`.
#[inline(always)]
unsafe fn run_compiled_at(ctx: *mut EntryContext, compiled: &Compiled, f: *mut Frame, start: u32) -> Outcome {
    // SAFETY: the caller's guarantee; the entry follows `monjit_jit::abi` (frames and
    // slots never move, the context outlives the call). The caller holds `compiled`,
    // so the probe state the frame names outlives the run.
    let r = unsafe {
        (*f).probes = &*compiled.state;
        (compiled.code.entry())(ctx as *mut monjit_jit::abi::RuntimeContext, f as *mut u8, start)
    };
    match r {
        monjit_jit::abi::EXIT_DEOPT => Outcome::Deopt,
        monjit_jit::abi::EXIT_ERROR => {
            // SAFETY: ctx is valid (caller's guarantee) and compiled code has returned.
            let e = unsafe { (*ctx).error.take() };
            Outcome::Error(e.unwrap_or_else(|| crate::error::PyErr::new(crate::error::ExcKind::SystemError, "compiled code failed without an error")))
        }
        // SAFETY: any other result is a Value whose reference compiled code passes on.
        bits => Outcome::Returned(unsafe { Value::from_raw(bits) }),
    }
}

/// The compiled version to run for a call of `code` now, compiling it if it just got
/// hot; None to interpret. Counts the call.
pub fn prepare(vm: &mut Vm, code: &CodeObj) -> Option<Rc<Compiled>> {
    let (calls, hot) = next_call_count(vm, code);
    code.runtime.hotness.set(calls);
    current(vm, code, hot)
}

/// `prepare`'s fast path, for compiled code calling a Python function: the code's
/// compiled version when a call can enter it with nothing else to do (the code's
/// instrumentation is current, the version covers its live events as they are now,
/// is not due for replacement, starts right past RESUME, and PY_START is not live
/// there), counting the call. None sends the call down the general path, which
/// decides every other case.
#[inline(always)]
pub(crate) fn ready_version(vm: &Vm, code: &CodeObj) -> Option<Rc<Compiled>> {
    let rt = &code.runtime;
    if rt.instrumentation_version.get() != vm.monitoring.version {
        return None;
    }
    let slot = rt.tier2.compiled.borrow();
    let c = slot.as_ref()?;
    let state = &c.state;
    if c.entry != 1 || !state.accepts_live() || state.start_live.get() || state.stale() {
        return None;
    }
    let (calls, _) = next_call_count(vm, code);
    rt.hotness.set(calls);
    Some(c.clone())
}

/// The code's call count once this call is counted, and whether that makes it hot.
#[inline(always)]
fn next_call_count(vm: &Vm, code: &CodeObj) -> (u32, bool) {
    let calls = code.runtime.hotness.get().saturating_add(1);
    (calls, calls > vm.tier2.threshold)
}

/// The code's back-edge count once this back-edge is counted, and whether that is
/// the one that makes its loops hot.
#[inline(always)]
fn next_backedge_count(vm: &Vm, code: &CodeObj) -> (u32, bool) {
    let n = code.runtime.tier2.backedges.get().wrapping_add(1);
    (n, n == vm.tier2.osr_threshold)
}

/// The valid compiled version of `code`, compiling it if there is none and `hot`.
fn current(vm: &mut Vm, code: &CodeObj, hot: bool) -> Option<Rc<Compiled>> {
    let rt = &code.runtime;
    if rt.instrumentation_version.get() != vm.monitoring.version {
        if vm.monitoring.tracing != 0 {
            // Inside a callback code is not re-instrumented (as at RESUME): interpret.
            return None;
        }
        crate::monitoring::instrument::instrument(&vm.monitoring, code);
    }
    let existing = rt.tier2.compiled.borrow().clone();
    let compiled = match existing {
        Some(c) => c,
        None if hot && !rt.tier2.rejected.get() => return compile(vm, code),
        None => return None,
    };
    if !compiled.state.covers_live(code) {
        invalidate(vm, code, &compiled.state);
        return None;
    }
    if compiled.state.stale() {
        // Most of its probes are dead: replace it now (batched recompile), counted
        // by what killed most of them.
        *rt.tier2.compiled.borrow_mut() = None;
        rt.tier2.invalidated.set(true);
        if compiled.state.dead_disabled.get() * 2 >= compiled.state.dead.get() {
            vm.tier2.stats.recompiles_after_disable += 1;
        } else {
            vm.tier2.stats.recompiles_after_events_off += 1;
        }
        return compile(vm, code).or(Some(compiled));
    }
    Some(compiled)
}

/// Drops the compiled version whose probe state is `state` from `code` (if it is
/// still the current one): events it has no probe for became live. The code
/// compiles again once hot.
pub fn invalidate(vm: &mut Vm, code: &CodeObj, state: &ProbeState) {
    let mut slot = code.runtime.tier2.compiled.borrow_mut();
    if slot.as_deref().is_some_and(|c| std::ptr::eq(&*c.state, state)) {
        *slot = None;
        code.runtime.tier2.invalidated.set(true);
        code.runtime.hotness.set(0);
        code.runtime.tier2.backedges.set(0);
        vm.tier2.stats.invalidations += 1;
    }
}

fn compile(vm: &mut Vm, code: &CodeObj) -> Option<Rc<Compiled>> {
    let start = std::time::Instant::now();
    let result = compile_inner(vm, code);
    let stats = &mut vm.tier2.stats;
    stats.compile_time += start.elapsed();
    match result {
        Ok(c) => {
            stats.compiled += 1;
            if code.runtime.tier2.invalidated.get() {
                stats.recompiles += 1;
            }
            stats.code_bytes += c.code.code_size;
            stats.compiled_names.push(code.qualname_str().to_string());
            *code.runtime.tier2.compiled.borrow_mut() = Some(c.clone());
            Some(c)
        }
        Err(reason) => {
            // Code whose instrumentation data is missing may compile later; anything
            // else never will.
            if !reason.starts_with("instrumented") {
                code.runtime.tier2.rejected.set(true);
            }
            *stats.not_compiled.entry(reason).or_default() += 1;
            None
        }
    }
}

fn compile_inner(vm: &mut Vm, code: &CodeObj) -> Result<Rc<Compiled>, String> {
    // The live version compiled code watches lives in the code's monitoring data:
    // make sure it exists (boxed, never replaced).
    let (live_ptr, start_live) = crate::monitoring::instrument::with_data(code, |d| (d.live_version_ptr(), d.event_on(0)));
    let (f, reachable) = translate::translate(code)?;
    if vm.tier2.compiler.is_none() {
        vm.tier2.compiler = Some(monjit_jit::Compiler::new().map_err(|e| e.to_string())?);
    }
    let compiler = vm.tier2.compiler.as_mut().expect("compiler just made");
    let state = Box::new(ProbeState::new(f.probes.clone(), reachable, f.instrs.len(), live_ptr, start_live));
    let target = monjit_jit::Target {
        helpers: &helpers::HELPERS,
        layout: helpers::FRAME_LAYOUT,
        objects: layout::object_layout(),
        live_version: live_ptr,
        accepted_version: state.accepted.as_ptr(),
        probe_flags: state.flags.as_ptr() as *const u8,
        probe_state: &*state as *const ProbeState as *const u8,
        builtins: vm.builtins.bits(),
        call_conv: compiler.call_conv(),
    };
    let machine_code = compiler.compile(&f, &target).map_err(|e| e.to_string())?;
    if state.sites > 0 {
        vm.tier2.stats.compiled_with_probes += 1;
        vm.tier2.stats.probe_sites += state.sites as u64;
    }
    LIVE_VERSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(Rc::new(Compiled { code: machine_code, state, entry: f.entry }))
}

/// The interpreter ran a RESUME of frame `f` (the top frame): at the start of a call,
/// or in a generator resumed after a yield. Runs the frame compiled from there if
/// possible. Some(Ok) when the frame is to continue in the interpreter at its `pc`
/// (its RETURN_VALUE, with the result pushed, if it returned; its YIELD_VALUE, with
/// the value pushed, if it yields), Some(Err) for an error to raise at its `last_pc`,
/// None to interpret it from here.
#[inline(never)]
pub fn enter_at_resume(vm: &mut Vm, f: *mut Frame) -> Option<PyResult<()>> {
    // The interpreter keeps `last_pc` (the RESUME), not `pc`, up to date.
    // SAFETY: `f` is the interpreter's current frame, alive while it runs.
    let resume = unsafe { (*f).last_pc };
    enter_past_resume(vm, f, resume)
}

/// `enter_at_resume` for the RESUME at instruction `resume` of frame `f`; the frame
/// is untouched when it returns None.
fn enter_past_resume(vm: &mut Vm, f: *mut Frame, resume: u32) -> Option<PyResult<()>> {
    // SAFETY: `f` is the top frame, alive while it runs; its code is kept alive by
    // the frame.
    let code = unsafe { &*(*f).code };
    let compiled = prepare(vm, code)?;
    let start = resume + 1;
    // The frame stands past the RESUME; one compiled code leaves untouched (no entry
    // there) continues at `pc`.
    // SAFETY: as above.
    unsafe {
        (*f).last_pc = resume;
        (*f).pc = start;
    }
    let mut ctx = EntryContext::new(vm);
    // SAFETY: `f` is the top frame, synced, just past a RESUME: the function's entry,
    // or a generator's resume point, with its stack (the sent value on top) in its
    // slots, which compiled code checks against the entry's depth (it leaves the
    // frame untouched if they disagree). `vm` is not used until the call returns.
    let outcome = unsafe { run_compiled_at(&mut ctx, &compiled, f, start) };
    Some(finish_in_interpreter(vm, f, outcome))
}

/// The interpreter's fast lane (interp/fast.rs) runs calls itself: whether it may run
/// this one (counting it, as `prepare` would) rather than leave the RESUME to
/// `run_with`, which enters compiled code. It must leave when the code is compiled
/// or this call makes it hot.
#[inline(always)]
pub fn lane_keeps_call(vm: &Vm, code: &CodeObj) -> bool {
    if vm.tier2.mode == TierMode::Interp {
        return true;
    }
    let rt = &code.runtime;
    if rt.tier2.compiled.borrow().is_some() {
        return false;
    }
    let (calls, hot) = next_call_count(vm, code);
    if hot && !rt.tier2.rejected.get() {
        return false;
    }
    rt.hotness.set(calls);
    true
}

/// The same for a back-edge: the lane counts it unless it is the one that makes the
/// code's loops hot, which `run_with` counts (`loop_is_hot`) before trying OSR.
#[inline(always)]
pub fn lane_keeps_backedge(vm: &Vm, code: &CodeObj) -> bool {
    if vm.tier2.mode == TierMode::Interp {
        return true;
    }
    let (n, hot) = next_backedge_count(vm, code);
    if hot {
        return false;
    }
    code.runtime.tier2.backedges.set(n);
    true
}

/// Counts a loop back-edge the interpreter took in `code`: true when the code's loops
/// just got hot (then `enter_at_loop`).
#[inline(always)]
pub fn loop_is_hot(vm: &Vm, code: &CodeObj) -> bool {
    let (n, hot) = next_backedge_count(vm, code);
    code.runtime.tier2.backedges.set(n);
    hot
}

/// On-stack replacement: frame `f` (the top frame), synced with its `pc` at a loop
/// header it just jumped back to, continues in compiled code from there, compiling its
/// code if need be. Returns as `enter_at_resume`; None to go on interpreting.
#[inline(never)]
pub fn enter_at_loop(vm: &mut Vm, f: *mut Frame) -> Option<PyResult<()>> {
    // SAFETY: `f` is the interpreter's current frame, alive while it runs; its code is
    // kept alive by the frame.
    let (code, target) = unsafe { (&*(*f).code, (*f).pc) };
    let Some(compiled) = current(vm, code, true) else {
        if !code.runtime.tier2.rejected.get() {
            // Just invalidated, or inside a callback: look again after a while.
            code.runtime.tier2.backedges.set(vm.tier2.osr_threshold.wrapping_sub(OSR_RETRY));
        }
        return None;
    };
    if !compiled.code.osr_entries.iter().any(|&(t, _)| t == target) {
        return None;
    }
    vm.tier2.stats.osr_entries += 1;
    let mut ctx = EntryContext::new(vm);
    // SAFETY: `f` is the top frame, synced (`sp`, `pc` at `target`), running this
    // compiled code's code object; `vm` is not used until the call returns.
    let outcome = unsafe { run_compiled_at(&mut ctx, &compiled, f, target) };
    Some(finish_in_interpreter(vm, f, outcome))
}

/// Resumes the generator frame just pushed (the top frame, standing at the RESUME
/// after its last yield, the sent value on its stack) in compiled code without the
/// interpreter's loop, when its RESUME has nothing to do (instrumentation current, no
/// events there) and its code has a compiled version: the yield compiled code leaves
/// at (a plain YIELD_VALUE) is done here. Anything else the frame still has to run
/// goes to the interpreter. None, with the frame untouched, when this does not apply.
pub fn resume_generator(vm: &mut Vm) -> Option<PyResult<crate::interp::eval::Exit>> {
    use crate::bytecode::Op;
    if vm.tier2.mode == TierMode::Interp {
        return None;
    }
    let f = vm.frames.top_ptr();
    // SAFETY: `f` is the top frame (the generator's), alive while it runs; the
    // generator keeps its code alive.
    let (code, resume) = unsafe { (&*(*f).code, (*f).pc as usize) };
    if code.runtime.instrumentation_version.get() != vm.monitoring.version || code.instr(resume).op != Op::Resume {
        return None;
    }
    if let Err(e) = enter_past_resume(vm, f, resume as u32)? {
        return Some(crate::interp::eval::run_raising(vm, e));
    }
    // SAFETY: as above; compiled code left the frame synced at its `pc`.
    unsafe {
        let at = (*f).pc as usize;
        if code.instr(at).op == Op::YieldValue {
            // What the interpreter's YIELD_VALUE does: the value leaves the stack and
            // the frame stands at the RESUME after it.
            (*f).sp -= 1;
            let v = std::ptr::read((*f).stack_base().add((*f).sp as usize));
            (*f).last_pc = at as u32;
            (*f).pc = at as u32 + 1;
            return Some(Ok(crate::interp::eval::Exit::Yield(v)));
        }
    }
    Some(crate::interp::eval::run(vm))
}

/// Hands a compiled run's outcome to the interpreter loop running frame `f`.
fn finish_in_interpreter(vm: &mut Vm, f: *mut Frame, outcome: Outcome) -> PyResult<()> {
    match outcome {
        Outcome::Returned(v) => {
            // SAFETY: `f` is still the top frame; compiled code left `sp` values on its
            // stack and `last_pc` at the RETURN_VALUE, which the interpreter now runs
            // with the result on top.
            unsafe {
                let frame = &mut *f;
                std::ptr::write(frame.stack_base().add(frame.sp as usize), v);
                frame.sp += 1;
                frame.pc = frame.last_pc;
            }
            Ok(())
        }
        Outcome::Deopt => Ok(()),
        Outcome::Error(e) => {
            vm.tier2.stats.error_exits += 1;
            Err(e)
        }
    }
}

/// `--jit-stats`.
pub fn report(vm: &Vm) -> String {
    vm.tier2.stats.report()
}
