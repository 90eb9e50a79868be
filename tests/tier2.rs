//! Tier 2 end to end: specific kernels actually compile (a conformance program whose
//! code is not compiled passes trivially), and compiled code leaves to the interpreter
//! when monitoring is switched on under it. Each program's output must be the
//! interpreter's, byte for byte.

use std::process::Command;

struct Run {
    stdout: String,
    stats: String,
}

fn run(program: &str, tier: &str) -> Run {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2").join(program);
    let out = Command::new(env!("CARGO_BIN_EXE_monjit"))
        .args(["run", "--tier", tier, "--jit-stats"])
        .arg(&path)
        .output()
        .expect("run monjit");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stats: String::from_utf8_lossy(&out.stderr).lines().filter(|l| l.starts_with("jit: ")).collect::<Vec<_>>().join("\n"),
    }
}

fn stat_line<'a>(stats: &'a str, prefix: &str) -> &'a str {
    stats.lines().find(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("no `{prefix}` line in:\n{stats}"))
}

#[test]
fn kernels_compile_and_match_the_interpreter() {
    let interp = run("kernels.py", "interp");
    let jit = run("kernels.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    let names = stat_line(&jit.stats, "jit: compiled: ");
    for f in ["fib", "kernel", "floats", "grow", "add_one", "div"] {
        assert!(names.split(", ").any(|n| n.trim_start_matches("jit: compiled: ") == f), "{f} not compiled:\n{}", jit.stats);
    }
    assert!(stat_line(&jit.stats, "jit: invalidations").contains("error exits: 2"), "{}", jit.stats);
    assert!(stat_line(&interp.stats, "jit: compiled ").starts_with("jit: compiled 0 "), "interp compiled:\n{}", interp.stats);
}

#[test]
fn monitoring_switched_on_under_compiled_code_deoptimises() {
    let interp = run("toggle_mid_loop.py", "interp");
    let jit = run("toggle_mid_loop.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    assert!(jit.stdout.contains("('work', "), "no LINE events reported:\n{}", jit.stdout);
    assert!(!stat_line(&jit.stats, "jit: deopts").starts_with("jit: deopts: 0"), "{}", jit.stats);
    assert!(!stat_line(&jit.stats, "jit: compiled ").contains("(0 recompiles)"), "{}", jit.stats);
}
