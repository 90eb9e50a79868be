//! Randomised differential test of the tiers: generated programs (tests/differential/
//! gen.rs) run under `--tier interp`, `--tier jit` and `--tier auto` with a low
//! threshold (tier-up and OSR mid-run) while their sys.monitoring tool toggles
//! instrumentation from its callbacks, and from special methods the programs' operators,
//! truth tests and loops call, at points chosen by an LCG in the program
//! (tests/differential/prelude.py). Stdout, stderr and exit status must match byte for
//! byte; a divergence is shrunk to a small program and reported with its seed.
//!
//! CI runs a fixed seed range. Longer runs:
//! `MONJIT_FUZZ_SEED=<first seed> MONJIT_FUZZ_COUNT=<programs> cargo test --release --test differential -- --nocapture`
//! (`MONJIT_FUZZ_PRINT=<seed>` prints one seed's program instead; `MONJIT_FUZZ_SCAN=1`
//! lists every failing seed without shrinking and does not fail).

#[path = "differential/gen.rs"]
mod generator;
#[path = "differential/program.rs"]
mod program;
#[path = "differential/run.rs"]
mod run;
#[path = "differential/shrink.rs"]
mod shrink;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const CI_SEED: u64 = 0x6d6f_6e6a_6974_0000;
const CI_COUNT: u64 = 350;
const LIMIT: Duration = Duration::from_secs(20);

fn env_u64(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={text} is not a number")))
}

/// Shrinks the divergence `seed` produced and describes the smallest program found.
fn report(seed: u64, first: &run::Divergence) -> String {
    let nodes = generator::generate(seed);
    let tier = first.tier.clone();
    let mut tries = 0;
    let mut interesting = |candidate: &[program::Node]| {
        tries += 1;
        let source = run::full_source(&program::render(candidate));
        let tag = format!("shrink-{seed:x}");
        let reference = run::run(&source, &run::tiers(seed)[0], &tag, LIMIT);
        !reference.timed_out && run::run(&source, &tier, &tag, LIMIT) != reference
    };
    let small = shrink::shrink(nodes, &mut interesting);
    let text = program::render(&small);
    let source = run::full_source(&text);
    let reference = run::run(&source, &run::tiers(seed)[0], "final", LIMIT);
    let other = run::run(&source, &tier, "final", LIMIT);
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("differential/divergence-{seed:x}.py"));
    std::fs::write(&path, &source).expect("write shrunk program");
    format!(
        "seed {seed:#x} diverges under --tier {}; shrunk in {tries} runs to (after tests/differential/prelude.py; full program in {}):\n{text}\n\
         --- interp: exit {:?}\nstdout:\n{}\nstderr:\n{}\n--- {}: exit {:?}{}\nstdout:\n{}\nstderr:\n{}",
        tier.join(" "),
        path.display(),
        reference.code,
        reference.stdout,
        reference.stderr,
        tier.join(" "),
        other.code,
        if other.timed_out { " (timed out)" } else { "" },
        other.stdout,
        other.stderr,
    )
}

/// Checks `count` programs from `first` on two threads; the first failure, described
/// and shrunk (or, when `scan`, every failing seed listed on stderr and no failure).
fn fuzz(first: u64, count: u64, scan: bool) -> Option<String> {
    let next = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let failure: Mutex<Option<(u64, Result<run::Divergence, run::Outcome>)>> = Mutex::new(None);
    std::thread::scope(|s| {
        for worker in 0..2 {
            let (next, stop, failure) = (&next, &stop, &failure);
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let seed = first.wrapping_add(i);
                    let text = program::render(&generator::generate(seed));
                    let result = match run::check(&text, seed, &format!("w{worker}"), LIMIT) {
                        Ok(None) => continue,
                        Ok(Some(d)) => Ok(d),
                        Err(timeout) => Err(timeout),
                    };
                    if scan {
                        let what = match &result {
                            Ok(d) => format!("diverges under --tier {}", d.tier.join(" ")),
                            Err(_) => "fails under the interpreter".to_string(),
                        };
                        eprintln!("seed {seed:#x} {what}");
                        continue;
                    }
                    stop.store(true, Ordering::Relaxed);
                    let mut slot = failure.lock().unwrap();
                    if slot.as_ref().is_none_or(|(s, _)| *s > seed) {
                        *slot = Some((seed, result));
                    }
                }
            });
        }
    });
    let (seed, result) = failure.into_inner().unwrap()?;
    Some(match result {
        Ok(divergence) => report(seed, &divergence),
        Err(timeout) => format!(
            "seed {seed:#x}: the interpreter failed or did not finish within {LIMIT:?} (a generator bug)\n{}\nexit {:?}\nstdout:\n{}\nstderr:\n{}",
            program::render(&generator::generate(seed)),
            timeout.code,
            timeout.stdout,
            timeout.stderr
        ),
    })
}

#[test]
fn tiers_agree_on_generated_programs() {
    if let Some(seed) = env_u64("MONJIT_FUZZ_PRINT") {
        println!("{}", run::full_source(&program::render(&generator::generate(seed))));
        return;
    }
    let first = env_u64("MONJIT_FUZZ_SEED").unwrap_or(CI_SEED);
    let count = env_u64("MONJIT_FUZZ_COUNT").unwrap_or(CI_COUNT);
    let start = Instant::now();
    let scan = std::env::var_os("MONJIT_FUZZ_SCAN").is_some();
    if let Some(failure) = fuzz(first, count, scan) {
        panic!("{failure}");
    }
    eprintln!("{count} programs from seed {first:#x} agree under every tier ({:.1?})", start.elapsed());
}

/// Seeds that once diverged (most fixes also keep a shrunk case in tests/tier2/fuzz_*.py).
const FOUND: &[(u64, &str)] = &[
    (0x6d6f_6e6a_6974_000f, "a comparison fused with its branch left itself as LINE's previous instruction"),
    (0x6d6f_6e6a_6974_00a4, "an event made live by a LINE callback at the probed instruction itself was missed"),
    (0xf473f, "a return left to the interpreter lost its LINE event"),
    (0x1e852b, "after an INSTRUCTION callback's deopt the interpreter ran the opcode read after the callback"),
    (0x3d136d, "an INSTRUCTION callback's restart_events revived its own instruction's JUMP probe, which fired"),
    (0x294, "an INSTRUCTION callback made CALL live at its own instruction; after the deopt the interpreter fired CALL, which stays silent this once"),
    (0x2337, "a return with only LINE live left to the interpreter with itself as the previous instruction, losing its LINE"),
    (0x7ac8, "a compiled callee's last INSTRUCTION probe left its 'silent event' index in the shared context, silencing the caller's branch event at the same index"),
];

#[test]
fn seeds_that_diverged_once_agree() {
    for &(seed, what) in FOUND {
        let text = program::render(&generator::generate(seed));
        match run::check(&text, seed, &format!("found-{seed:x}"), LIMIT) {
            Ok(None) => {}
            Ok(Some(divergence)) => panic!("{what}, again:\n{}", report(seed, &divergence)),
            Err(outcome) => panic!("seed {seed:#x}: the interpreter failed: {outcome:?}"),
        }
    }
}
