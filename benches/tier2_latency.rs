//! What tier 2's own work costs, measured in-process through the Rust API:
//!
//! - `compile/<N>`: compiling one code object of N instructions (issue-6 target: a
//!   100-instruction code object in at most 1.5 ms). Each sample compiles fresh code
//!   objects; the time is the compiler's own (`Stats::compile_time`), so the run that
//!   follows the compile is not counted.
//! - `deopt`: a compiled loop whose body calls `sys.monitoring.set_local_events` on its
//!   own code at its last iteration, so the compiled frame notices after the call and
//!   leaves to the interpreter at the next instruction; against the same loop toggling
//!   another code object's events (which must not invalidate it). The difference is the
//!   deopt's latency: version check, frame write-back, the interpreter taking over.
//! - `recompile`: switching a compiled code object's local events on and off again and
//!   calling it, which compiles a new version (threshold 0), minus the call alone.
//!
//! `cargo bench --bench tier2_latency`

use criterion::{BenchmarkId, Criterion};
use monjit::monitoring::events::{EventSet, JUMP, LINE};
use monjit::objects::{CodeObj, DictObj};
use monjit::tier2::TierMode;
use monjit::{Value, Vm};
use std::time::{Duration, Instant};

const TOOL: i64 = 4;

fn jit_vm() -> Vm {
    let mut vm = Vm::new();
    vm.tier2.configure(TierMode::Jit, None);
    vm
}

fn global(vm: &mut Vm, ns: &Value, name: &str) -> Value {
    let key = vm.intern(name);
    ns.downcast::<DictObj>().expect("namespace").get_str(&key).unwrap_or_else(|| panic!("{name} defined"))
}

/// A function of about `statements` lines of int arithmetic and branches, the mix the
/// numeric kernels compile.
fn function_source(statements: usize) -> String {
    let mut src = String::from("def f(n):\n    x = 0\n    y = 1\n");
    for i in 0..statements {
        match i % 3 {
            0 => src += &format!("    x = x + n * {i}\n"),
            1 => src += &format!("    if x > {i}:\n        y = y - x % 7\n"),
            _ => src += "    y = y + 1\n",
        }
    }
    src += "    return x + y\n";
    src
}

fn instruction_count(vm: &mut Vm, f: &Value) -> usize {
    let code = vm.getattr_str(f, "__code__").expect("__code__");
    code.downcast::<CodeObj>().expect("code object").instrs.len()
}

/// (statements, instructions) of the smallest functions with at least 25, 50, 100, 200
/// and 400 instructions, found in one pass over growing statement counts.
fn sizes(vm: &mut Vm) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut targets = [25usize, 50, 100, 200, 400].into_iter().peekable();
    for statements in 1.. {
        if targets.peek().is_none() {
            break;
        }
        let ns = vm.exec(&function_source(statements)).expect("compiles");
        let f = global(vm, &ns, "f");
        let instrs = instruction_count(vm, &f);
        while targets.next_if(|&t| instrs >= t).is_some() {
            found.push((statements, instrs));
        }
    }
    found
}

/// Compile time of `iters` fresh code objects made from `source`.
fn compile_time(vm: &mut Vm, source: &str, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let ns = vm.exec(source).expect("compiles");
        let f = global(vm, &ns, "f");
        let before = vm.tier2.stats.compile_time;
        let compiled = vm.tier2.stats.compiled;
        vm.call(&f, &[Value::small_int(3)]).expect("runs");
        assert_eq!(vm.tier2.stats.compiled, compiled + 1, "f compiled: {:?}", vm.tier2.stats.not_compiled);
        total += vm.tier2.stats.compile_time - before;
    }
    total
}

// After the toggle at the last iteration, the rest of the call runs interpreted and
// delivers one JUMP event (the back-edge) to a native callback that does nothing, a few
// tens of ns: almost all of the difference is the exit itself. No attribute loads in
// the kernel, so it compiles.
const DEOPT_KERNEL: &str = "\
import sys
set_local_events = sys.monitoring.set_local_events
JUMP = sys.monitoring.events.JUMP
TOOL = 4

def other():
    pass

def kernel(n, target):
    total = 0
    for i in range(n):
        total += i
        if i == n - 1:
            set_local_events(TOOL, target, JUMP)
    return total
";

struct Deopt {
    vm: Vm,
    kernel: Value,
    own_code: Value,
    other_code: Value,
}

impl Deopt {
    fn new() -> Deopt {
        let mut vm = jit_vm();
        vm.use_tool_id(TOOL, "bench").expect("free tool id");
        vm.register_native_callback(TOOL, JUMP, |_, _| Ok(false)).expect("register");
        let ns = vm.exec(DEOPT_KERNEL).expect("kernel compiles");
        let kernel = global(&mut vm, &ns, "kernel");
        let other = global(&mut vm, &ns, "other");
        let own_code = vm.getattr_str(&kernel, "__code__").expect("__code__");
        let other_code = vm.getattr_str(&other, "__code__").expect("__code__");
        Deopt { vm, kernel, own_code, other_code }
    }

    /// Clears both codes' local events and runs the kernel once untimed, so it is
    /// compiled without probes before the timed call.
    fn reset(&mut self) {
        for code in [&self.own_code, &self.other_code] {
            self.vm.set_local_events(TOOL, code, EventSet::empty()).expect("set_local_events");
        }
        self.vm.call(&self.kernel, &[Value::small_int(1), self.other_code.clone()]).expect("kernel runs");
    }

    /// One timed call of the kernel whose last iteration retargets `target`'s events.
    fn timed_call(&mut self, target: &Value) -> Duration {
        self.reset();
        let deopts = self.deopt_count();
        let t = Instant::now();
        self.vm.call(&self.kernel, &[Value::small_int(100), target.clone()]).expect("kernel runs");
        let elapsed = t.elapsed();
        let expected = if target.bits() == self.own_code.bits() { deopts + 1 } else { deopts };
        assert_eq!(self.deopt_count(), expected, "deopts: {:?}", self.vm.tier2.stats.deopts);
        elapsed
    }

    /// LINE on, a call (compiles a version with LINE probes), LINE off, a call
    /// (compiles one without).
    fn toggle_line_and_call(&mut self, args: &[Value]) {
        self.vm.set_local_events(TOOL, &self.own_code, EventSet::LINE).expect("set_local_events");
        self.vm.call(&self.kernel, args).expect("kernel runs");
        self.vm.set_local_events(TOOL, &self.own_code, EventSet::empty()).expect("set_local_events");
        self.vm.call(&self.kernel, args).expect("kernel runs");
    }

    fn deopt_count(&self) -> u64 {
        self.vm.tier2.stats.deopts.values().sum()
    }
}

fn main() {
    let mut c = Criterion::default().sample_size(20).warm_up_time(Duration::from_millis(500)).configure_from_args();

    let mut vm = jit_vm();
    let sizes = sizes(&mut vm);
    let mut group = c.benchmark_group("compile");
    for &(statements, instrs) in &sizes {
        let source = function_source(statements);
        group.bench_function(BenchmarkId::from_parameter(instrs), |b| b.iter_custom(|iters| compile_time(&mut vm, &source, iters)));
    }
    group.finish();

    let mut d = Deopt::new();
    let (own, other) = (d.own_code.clone(), d.other_code.clone());
    let mut group = c.benchmark_group("deopt");
    group.bench_function("other_code_toggled", |b| b.iter_custom(|iters| (0..iters).map(|_| d.timed_call(&other)).sum()));
    group.bench_function("own_code_toggled", |b| b.iter_custom(|iters| (0..iters).map(|_| d.timed_call(&own)).sum()));
    group.finish();

    // Recompile: LINE goes live on the kernel (the compiled version is invalid; the
    // call compiles one with LINE probes) and off again (the next call compiles one
    // without): two recompiles per iteration. The calls deliver a handful of LINE
    // events to a native no-op callback, about 0.1 µs, next to milliseconds.
    let mut r = Deopt::new();
    r.vm.register_native_callback(TOOL, LINE, |_, _| Ok(false)).expect("register");
    r.reset();
    let args = [Value::small_int(1), r.other_code.clone()];
    let mut group = c.benchmark_group("recompile");
    group.bench_function("call_only", |b| b.iter(|| r.vm.call(&r.kernel, &args).expect("kernel runs")));
    group.bench_function("line_on_call_off_call", |b| b.iter(|| r.toggle_line_and_call(&args)));
    group.finish();
    c.final_summary();

    // Interleaved summary, robust to drift: medians of paired measurements.
    println!("\ncompile time by size (median of 15 compiles each)");
    for &(statements, instrs) in &sizes {
        let source = function_source(statements);
        let mut times: Vec<f64> = (0..15).map(|_| compile_time(&mut vm, &source, 1).as_secs_f64() * 1e3).collect();
        times.sort_by(f64::total_cmp);
        println!("  {instrs:>4} instructions: {:>7.3} ms", times[times.len() / 2]);
    }
    let mut deltas: Vec<f64> = (0..31)
        .map(|_| {
            let base = d.timed_call(&other).as_secs_f64();
            (d.timed_call(&own).as_secs_f64() - base) * 1e6
        })
        .collect();
    deltas.sort_by(f64::total_cmp);
    println!("deopt latency (own toggle - other toggle, median of 31 pairs): {:.2} µs", deltas[deltas.len() / 2]);
    let recompiles_before = r.vm.tier2.stats.recompiles;
    let mut deltas: Vec<f64> = (0..31)
        .map(|_| {
            let t = Instant::now();
            r.vm.call(&r.kernel, &args).expect("kernel runs");
            r.vm.call(&r.kernel, &args).expect("kernel runs");
            let base = t.elapsed().as_secs_f64();
            let t = Instant::now();
            r.toggle_line_and_call(&args);
            (t.elapsed().as_secs_f64() - base) * 1e3 / 2.0
        })
        .collect();
    assert_eq!(r.vm.tier2.stats.recompiles, recompiles_before + 62, "every toggle recompiles");
    deltas.sort_by(f64::total_cmp);
    println!(
        "recompile latency of kernel ({} instructions; per recompile, median of 31 pairs): {:.3} ms",
        instruction_count(&mut r.vm, &r.kernel),
        deltas[deltas.len() / 2]
    );
}
