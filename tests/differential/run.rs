//! Running a program under one tier (a `monjit run` child with a time limit) and
//! comparing tiers.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const PRELUDE: &str = include_str!("prelude.py");

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit code, or None when the run was killed (time limit or a signal).
    pub code: Option<i32>,
    pub timed_out: bool,
}

/// The tiers every program runs under; the first is the reference.
pub fn tiers(seed: u64) -> Vec<Vec<String>> {
    let threshold = if seed % 2 == 0 { "2" } else { "5" };
    vec![vec!["interp".into()], vec!["jit".into()], vec!["auto".into(), "--jit-threshold".into(), threshold.into()]]
}

pub fn full_source(generated: &str) -> String {
    format!("{PRELUDE}\n\n# ---- generated ----\n{generated}")
}

fn scratch_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("differential");
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Runs `source` with `monjit run --tier <tier...>`, killed after `limit`.
pub fn run(source: &str, tier: &[String], tag: &str, limit: Duration) -> Outcome {
    let dir = scratch_dir();
    let program = dir.join(format!("{tag}.py"));
    std::fs::write(&program, source).expect("write program");
    let out_path = dir.join(format!("{tag}.out"));
    let err_path = dir.join(format!("{tag}.err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_monjit"))
        .arg("run")
        .arg("--tier")
        .args(tier)
        .arg(&program)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).expect("create stdout file"))
        .stderr(File::create(&err_path).expect("create stderr file"))
        .spawn()
        .expect("spawn monjit");
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for monjit") {
            break status;
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("reap monjit");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let read = |p: &PathBuf| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    Outcome { stdout: read(&out_path), stderr: read(&err_path), code: status.code(), timed_out }
}

/// A tier whose outcome differs from the interpreter's.
#[derive(Debug)]
#[allow(dead_code, reason = "the outcomes are read through Debug when a test prints one")]
pub struct Divergence {
    pub tier: Vec<String>,
    pub reference: Outcome,
    pub other: Outcome,
}

/// Runs `generated` under every tier; the first that differs from the interpreter, if
/// any. A reference run that timed out or failed is reported as `Err` (a generator
/// bug: every generated program catches its exceptions and exits normally).
pub fn check(generated: &str, seed: u64, tag: &str, limit: Duration) -> Result<Option<Divergence>, Outcome> {
    let source = full_source(generated);
    let all = tiers(seed);
    let reference = run(&source, &all[0], tag, limit);
    if reference.timed_out || reference.code != Some(0) {
        return Err(reference);
    }
    for tier in &all[1..] {
        let other = run(&source, tier, tag, limit);
        if other != reference {
            return Ok(Some(Divergence { tier: tier.clone(), reference, other }));
        }
    }
    Ok(None)
}
