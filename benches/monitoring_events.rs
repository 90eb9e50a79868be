//! What sys.monitoring costs when it is on, measured in-process through the Rust API:
//!
//! - `event/<KIND>`: one kernel run with a native (Rust) callback on one event kind
//!   against the same run with no events. Criterion's throughput is the number of
//!   events the run delivers, so its "elements/s" is events per second; the
//!   per-event cost printed at the end is (time on - time off) / events.
//! - `api/set_events`, `api/set_local_events`: latency of switching events on and off
//!   again (the issue-6 target is 50 µs).
//!
//! `cargo bench --bench monitoring_events`

use criterion::{BenchmarkId, Criterion, Throughput};
use monjit::monitoring::events::*;
use monjit::objects::DictObj;
use monjit::{Value, Vm};
use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// A kernel that produces every local event kind: calls to a Python function
/// (PY_START, PY_RETURN, CALL), lines, an `if` (branches), a `while` (jumps).
const KERNEL: &str = "\
def leaf(x):
    return x + 1

def kernel(n):
    total = 0
    i = 0
    while i < n:
        if i & 1:
            total += leaf(i)
        else:
            total -= 1
        i += 1
    return total
";

const N: i64 = 20_000;
const TOOL: i64 = 3;

/// The event kinds measured, with their `EventSet`.
const KINDS: &[(&str, usize)] = &[
    ("PY_START", PY_START),
    ("PY_RETURN", PY_RETURN),
    ("CALL", CALL),
    ("LINE", LINE),
    ("INSTRUCTION", INSTRUCTION),
    ("JUMP", JUMP),
    ("BRANCH_LEFT", BRANCH_LEFT),
    ("BRANCH_RIGHT", BRANCH_RIGHT),
];

struct Setup {
    vm: Vm,
    kernel: Value,
    count: Rc<Cell<u64>>,
}

fn setup() -> Setup {
    let mut vm = Vm::new();
    let ns = vm.exec(KERNEL).expect("kernel compiles");
    let key = vm.intern("kernel");
    let kernel = ns.downcast::<DictObj>().expect("namespace").get_str(&key).expect("kernel defined");
    vm.use_tool_id(TOOL, "bench").expect("free tool id");
    let count = Rc::new(Cell::new(0u64));
    for &(_, event) in KINDS {
        let c = count.clone();
        vm.register_native_callback(TOOL, event, move |_, _| {
            c.set(c.get() + 1);
            Ok(false)
        })
        .expect("register");
    }
    Setup { vm, kernel, count }
}

fn run_kernel(s: &mut Setup) {
    s.vm.call(&s.kernel, &[Value::small_int(N)]).expect("kernel runs");
}

/// Events one kernel run delivers for `event`.
fn events_per_run(s: &mut Setup, event: usize) -> u64 {
    s.vm.set_events(TOOL, EventSet::from_bits_truncate(1 << event)).expect("set_events");
    s.count.set(0);
    run_kernel(s);
    s.vm.set_events(TOOL, EventSet::empty()).expect("set_events");
    s.count.get()
}

fn main() {
    let mut c = Criterion::default().sample_size(20).warm_up_time(Duration::from_millis(500)).configure_from_args();
    let mut s = setup();

    let mut group = c.benchmark_group("event");
    group.measurement_time(Duration::from_secs(2));
    group.bench_function(BenchmarkId::from_parameter("none"), |b| b.iter(|| run_kernel(&mut s)));
    for &(name, event) in KINDS {
        let events = events_per_run(&mut s, event);
        group.throughput(Throughput::Elements(events));
        s.vm.set_events(TOOL, EventSet::from_bits_truncate(1 << event)).expect("set_events");
        group.bench_function(BenchmarkId::from_parameter(name), |b| b.iter(|| run_kernel(&mut s)));
        s.vm.set_events(TOOL, EventSet::empty()).expect("set_events");
    }
    group.finish();

    let mut group = c.benchmark_group("api");
    group.bench_function("set_events", |b| {
        b.iter(|| {
            s.vm.set_events(TOOL, EventSet::LINE | EventSet::PY_START).expect("set_events");
            s.vm.set_events(TOOL, EventSet::empty()).expect("set_events");
        })
    });
    let kernel_code = s.vm.getattr_str(&s.kernel, "__code__").expect("__code__");
    group.bench_function("set_local_events", |b| {
        b.iter(|| {
            s.vm.set_local_events(TOOL, &kernel_code, EventSet::LINE | EventSet::BRANCH).expect("set_local_events");
            s.vm.set_local_events(TOOL, &kernel_code, EventSet::empty()).expect("set_local_events");
        })
    });
    group.finish();
    c.final_summary();

    // Per-event cost, interleaved: off and on alternate so drift cancels.
    println!("\nper-event cost of a native callback (median of 15 interleaved pairs)");
    for &(name, event) in KINDS {
        let events = events_per_run(&mut s, event);
        let mut costs: Vec<f64> = (0..15)
            .map(|_| {
                let t = Instant::now();
                run_kernel(&mut s);
                let off = t.elapsed();
                s.vm.set_events(TOOL, EventSet::from_bits_truncate(1 << event)).expect("set_events");
                let t = Instant::now();
                run_kernel(&mut s);
                let on = t.elapsed();
                s.vm.set_events(TOOL, EventSet::empty()).expect("set_events");
                (on.as_secs_f64() - off.as_secs_f64()) * 1e9 / events as f64
            })
            .collect();
        costs.sort_by(f64::total_cmp);
        println!("  {name:<13} {:>7.1} ns/event  ({events} events per run)", costs[costs.len() / 2]);
    }
}
