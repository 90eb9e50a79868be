//! What sys.monitoring costs when no tool has any event: this build (hooks present,
//! nothing set) against the same VM built without the `monitoring` cargo feature
//! (hooks compiled out), under each tier: the interpreter (its RESUME version check,
//! LINE's previous-instruction load) and compiled code (its instrumentation-version
//! checks after calls, which the hooks-out build does not emit). The target is a
//! ratio of at most 1.02.
//!
//! `cargo bench --bench monitoring_off` builds the hooks-out binary into
//! `target/hooks-out` (once; cargo makes later runs incremental), measures both
//! binaries on the same programs with criterion, then runs them interleaved
//! (A B A B ...) and prints the median ratio per program: on a noisy machine a
//! ratio measured in one interleaved run is what can be trusted.
//!
//! `MONJIT_BENCH_ROUNDS=N` sets the interleaved rounds (default 15).

use criterion::{BenchmarkId, Criterion};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// (program in benches/programs, argument): each runs for roughly 0.1–0.3 s.
const PROGRAMS: &[(&str, &str)] = &[("fib", "29"), ("nested_loops", "500"), ("nbody", "30000")];

/// Each program runs under both tiers: `--tier jit` compiles every code object
/// before its first run, so its figure is compiled code's alone.
const TIERS: &[&str] = &["interp", "jit"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `monjit` without default features (so without `monitoring`) with the
/// profile this bench was built with, and returns its path.
fn hooks_out_binary() -> PathBuf {
    let target = root().join("target/hooks-out");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--no-default-features", "--bin", "monjit", "--target-dir"])
        .arg(&target)
        .current_dir(root())
        .status()
        .expect("running cargo to build the hooks-out binary");
    assert!(status.success(), "building monjit without the `monitoring` feature failed");
    target.join("release/monjit")
}

fn program_path(program: &str) -> PathBuf {
    root().join("benches/programs").join(format!("{program}.py"))
}

/// Runs one program to completion; panics if it fails, since a failing run would
/// make the timing meaningless.
fn run(bin: &Path, tier: &str, program: &str, arg: &str) -> Duration {
    let start = Instant::now();
    let out = monjit(bin, tier, program, arg).output().expect("spawn monjit");
    let elapsed = start.elapsed();
    assert!(out.status.success(), "{} {program} failed: {}", bin.display(), String::from_utf8_lossy(&out.stderr));
    elapsed
}

fn monjit(bin: &Path, tier: &str, program: &str, arg: &str) -> Command {
    let mut cmd = Command::new(bin);
    cmd.args(["run", "--tier", tier]).arg(program_path(program)).arg(arg);
    cmd
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 }
}

fn main() {
    let present = PathBuf::from(env!("CARGO_BIN_EXE_monjit"));
    let hooks_out = hooks_out_binary();
    // Both binaries must print the same thing, or they are not the same interpreter.
    for &tier in TIERS {
        for &(program, arg) in PROGRAMS {
            let outputs: Vec<_> = [&present, &hooks_out]
                .iter()
                .map(|b| monjit(b, tier, program, arg).output().expect("spawn monjit").stdout)
                .collect();
            assert_eq!(outputs[0], outputs[1], "{program} --tier {tier}: the two builds disagree");
        }
    }

    let mut c = Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).configure_from_args();
    for &tier in TIERS {
        for &(program, arg) in PROGRAMS {
            let mut group = c.benchmark_group(format!("monitoring_off/{tier}/{program}"));
            group.measurement_time(Duration::from_secs(4));
            for (label, bin) in [("hooks_present_off", &present), ("hooks_compiled_out", &hooks_out)] {
                group.bench_function(BenchmarkId::from_parameter(label), |b| {
                    b.iter_custom(|iters| (0..iters).map(|_| run(bin, tier, program, arg)).sum())
                });
            }
            group.finish();
        }
    }
    c.final_summary();

    let rounds: usize = std::env::var("MONJIT_BENCH_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(15);
    println!("\ninterleaved, {rounds} rounds: present-but-off / compiled-out (median of per-round ratios)");
    for &tier in TIERS {
        let mut all = Vec::new();
        for &(program, arg) in PROGRAMS {
            let ratios: Vec<f64> = (0..rounds)
                .map(|i| {
                    // Alternate which binary goes first so neither always runs on a warm cache.
                    let (a, b) = if i % 2 == 0 {
                        let a = run(&present, tier, program, arg);
                        (a, run(&hooks_out, tier, program, arg))
                    } else {
                        let b = run(&hooks_out, tier, program, arg);
                        (run(&present, tier, program, arg), b)
                    };
                    a.as_secs_f64() / b.as_secs_f64()
                })
                .collect();
            let m = median(ratios);
            all.push(m);
            println!("  --tier {tier:<7} {program:<14} {m:.4}");
        }
        let geo = all.iter().map(|r| r.ln()).sum::<f64>() / all.len() as f64;
        println!("  --tier {tier:<7} {:<14} {:.4}  (target <= 1.02)", "geomean", geo.exp());
    }
}
