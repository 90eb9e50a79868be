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
    assert!(stat_line(&jit.stats, "jit: invalidations").contains("error exits: 3"), "{}", jit.stats);
    assert!(stat_line(&interp.stats, "jit: compiled ").starts_with("jit: compiled 0 "), "interp compiled:\n{}", interp.stats);
}

/// Code too large to compile well (`translate::HUGE_CODE`) stays in the interpreter,
/// even under `--tier jit`, and says so in `--jit-stats`; what it calls compiles.
#[test]
fn huge_code_stays_in_the_interpreter() {
    let interp = run("huge_code.py", "interp");
    let jit = run("huge_code.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    assert!(!interp.stdout.is_empty());
    assert!(stat_line(&jit.stats, "jit: not compiled").contains("more than 2000 instructions: 1"), "{}", jit.stats);
    assert_compiled(&jit.stats, &["small"]);
}

/// Generator functions compile: each yield leaves to the interpreter, which suspends
/// the frame, and resuming enters compiled code again past the RESUME after the
/// yield; `yield from` sends from compiled code; PY_YIELD/PY_RESUME switched on
/// while a compiled generator is suspended fire as in the interpreter. (The
/// conformance suite checks the program's output against CPython.)
#[test]
fn generators_compile_and_match_the_interpreter() {
    let program = "../conformance/generators/suspend_resume_compiled.py";
    let interp = run(program, "interp");
    assert!(interp.stdout.contains("events [0, 2, 4, 6, 8"), "{}", interp.stdout);
    for tier in ["jit", "auto"] {
        assert_eq!(run(program, tier).stdout, interp.stdout, "--tier {tier}");
    }
    let jit = run(program, "jit");
    assert_compiled(&jit.stats, &["count", "fib_gen", "accumulate", "guarded", "delegate", "tree", "big_ints", "<genexpr>"]);
    assert!(stat_line(&jit.stats, "jit: not compiled").starts_with("jit: not compiled: 0 "), "{}", jit.stats);
    assert!(stat_line(&jit.stats, "jit: deopts").starts_with("jit: deopts: 0 "), "{}", jit.stats);
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

fn run_args(program: &str, args: &[&str]) -> Run {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2").join(program);
    let out = Command::new(env!("CARGO_BIN_EXE_monjit"))
        .arg("run")
        .args(args)
        .arg("--jit-stats")
        .arg(&path)
        .output()
        .expect("run monjit");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stats: String::from_utf8_lossy(&out.stderr).lines().filter(|l| l.starts_with("jit: ")).collect::<Vec<_>>().join("\n"),
    }
}

fn osr_entries(stats: &str) -> u64 {
    let line = stat_line(stats, "jit: invalidations");
    line.rsplit("osr entries: ").next().and_then(|n| n.trim().parse().ok()).unwrap_or_else(|| panic!("{line}"))
}

/// Functions called once with hot loops (empty stack, iterators on the stack, big-int
/// overflow, a return from inside the loop, monitoring switched on from a call in the
/// first compiled iteration) run compiled after an OSR entry, with the interpreter's
/// output and LINE events.
#[test]
fn hot_loops_in_functions_called_once_enter_compiled_code() {
    let interp = run_args("osr.py", &["--tier", "interp"]);
    let auto = run_args("osr.py", &["--tier", "auto", "--jit-threshold", "50"]);
    let jit = run_args("osr.py", &["--tier", "jit"]);
    assert_eq!(auto.stdout, interp.stdout);
    assert_eq!(jit.stdout, interp.stdout);
    assert!(interp.stdout.contains("('toggled', "), "no LINE events:\n{}", interp.stdout);
    let names = stat_line(&auto.stats, "jit: compiled: ");
    for f in ["while_loop", "nested_for", "overflow", "early_return", "toggled"] {
        assert!(names.contains(f), "{f} not compiled:\n{}", auto.stats);
    }
    assert!(osr_entries(&auto.stats) >= 5, "{}", auto.stats);
    assert!(stat_line(&auto.stats, "jit: deopts").contains("new live events: 1"), "{}", auto.stats);
    assert_eq!(osr_entries(&interp.stats), 0);
}

/// The benchmark kernel (called once) runs compiled under `--tier auto`.
#[test]
fn nested_loops_kernel_enters_by_osr() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs/nested_loops.py");
    let out = |tier: &str| {
        Command::new(env!("CARGO_BIN_EXE_monjit"))
            .args(["run", "--tier", tier, "--jit-stats"])
            .arg(&path)
            .arg("60")
            .output()
            .expect("run monjit")
    };
    let (interp, auto) = (out("interp"), out("auto"));
    assert_eq!(auto.stdout, interp.stdout);
    let stats = String::from_utf8_lossy(&auto.stderr).into_owned();
    assert!(stats.contains("jit: compiled: kernel"), "{stats}");
    assert!(osr_entries(&stats) >= 1, "{stats}");
}

/// Code with live events compiles with probes, and events toggled from callbacks
/// mid-loop give exactly the expected deopts and recompiles: LINE probes first; a LINE
/// callback switching JUMP on deopts once (new live events) and the loop re-enters a
/// recompiled version by OSR; CALL switched on between calls invalidates at the next
/// entry (OSR again); after restart_events and no events, the CALL version's probes
/// are all dead and it is replaced once at entry (batched recompile, no deopt), counted
/// as events switched off (nothing was DISABLEd).
#[test]
fn events_toggled_from_callbacks_recompile_with_probes() {
    let interp = run("probes.py", "interp");
    let jit = run("probes.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    assert!(jit.stdout.contains("('jump', "), "{}", jit.stdout);
    let s = &jit.stats;
    assert!(stat_line(s, "jit: compiled ").starts_with("jit: compiled 9 code objects (3 recompiles)"), "{s}");
    assert_eq!(stat_line(s, "jit: compiled: "), "jit: compiled: <module>, loop, on_line, step, on_jump, loop, loop, on_call, loop", "{s}");
    assert_eq!(stat_line(s, "jit: deopts"), "jit: deopts: 1 (new live events: 1)", "{s}");
    assert_eq!(stat_line(s, "jit: invalidations"), "jit: invalidations: 2, error exits: 0, osr entries: 1", "{s}");
    assert!(
        stat_line(s, "jit: probes").starts_with(
            "jit: probes: 3 versions compiled with probes (16 probe sites), batched recompiles of versions with dead probes: 0 after DISABLE, 1 after events switched off;"
        ),
        "{s}"
    );
}

/// 10,000 toggle-and-recompile cycles of one function: every replaced version is
/// freed (one version of it alive at the end, besides the module's), and memory stays flat.
#[test]
fn toggle_and_recompile_cycles_free_replaced_code() {
    let interp = run("recompile_cycles.py", "interp");
    let jit = run("recompile_cycles.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    let s = &jit.stats;
    assert!(stat_line(s, "jit: compiled ").starts_with("jit: compiled 10002 code objects (9999 recompiles)"), "{s}");
    assert!(stat_line(s, "jit: probes").contains("5000 versions compiled with probes"), "{s}");
    assert!(stat_line(s, "jit: probes").ends_with("; 2 versions alive"), "{s}");
}

/// Monitoring conformance programs (which the conformance suite runs under both tiers
/// with identical output) really run compiled code with probes under `--tier jit`.
#[test]
fn conformance_programs_with_events_compile_with_probes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/monitoring");
    for program in ["branch_boolean_operators.py", "branch_for_loops.py", "branch_while_loops.py", "call_python_from_c_builtins.py"] {
        let out = Command::new(env!("CARGO_BIN_EXE_monjit"))
            .args(["run", "--tier", "jit", "--jit-stats"])
            .arg(dir.join(program))
            .output()
            .expect("run monjit");
        let stats = String::from_utf8_lossy(&out.stderr).into_owned();
        let line = stat_line(&stats, "jit: probes: ");
        let n: u64 = line["jit: probes: ".len()..].split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        assert!(n > 0, "{program}: no version compiled with probes:\n{stats}");
    }
}

fn assert_compiled(stats: &str, names: &[&str]) {
    let line = stat_line(stats, "jit: compiled: ");
    for f in names {
        assert!(line.trim_start_matches("jit: compiled: ").split(", ").any(|n| n == *f), "{f} not compiled:\n{stats}");
    }
}

/// Attribute access, subscripts, containers, closures, keyword calls, f-strings,
/// imports and `with` compile (through the object helpers), errors raised by them
/// inside compiled code are caught with the interpreter's traceback lines, and an
/// uncaught one prints the interpreter's traceback.
#[test]
fn object_instructions_compile_and_match_the_interpreter() {
    let interp = run("objects.py", "interp");
    for tier in ["jit", "auto"] {
        let r = run("objects.py", tier);
        assert_eq!(r.stdout, interp.stdout, "--tier {tier}");
    }
    let jit = run("objects.py", "jit");
    assert_compiled(&jit.stats, &["<module>", "attrs", "containers", "closures", "make_counter.<locals>.bump", "strings", "withs", "errors", "module_import", "Point.swapped"]);
    assert!(stat_line(&jit.stats, "jit: not compiled").starts_with("jit: not compiled: 0 "), "{}", jit.stats);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2/objects_error.py");
    let outputs: Vec<_> = ["interp", "jit"]
        .iter()
        .map(|tier| Command::new(env!("CARGO_BIN_EXE_monjit")).args(["run", "--tier", tier]).arg(&path).output().expect("run monjit"))
        .collect();
    assert_eq!(outputs[0].stdout, outputs[1].stdout);
    assert_eq!(String::from_utf8_lossy(&outputs[0].stderr), String::from_utf8_lossy(&outputs[1].stderr));
    assert!(String::from_utf8_lossy(&outputs[1].stderr).contains("return b.w + x"));
    assert_eq!(outputs[0].status.code(), outputs[1].status.code());
}

/// LINE, INSTRUCTION and CALL events at object instructions in compiled code.
#[test]
fn monitoring_events_at_object_instructions() {
    let interp = run("objects_monitoring.py", "interp");
    for tier in ["jit", "auto"] {
        assert_eq!(run("objects_monitoring.py", tier).stdout, interp.stdout, "--tier {tier}");
    }
    let jit = run("objects_monitoring.py", "jit");
    assert_compiled(&jit.stats, &["work", "kw"]);
    assert!(!stat_line(&jit.stats, "jit: probes").starts_with("jit: probes: 0 "), "{}", jit.stats);
}

/// Instructions without a translation leave to the interpreter, counted by reason,
/// and loops re-enter compiled code; module-level loops run compiled after OSR.
#[test]
fn untranslated_instructions_exit_and_loops_reenter() {
    let interp = run("unsupported.py", "interp");
    let jit = run("unsupported.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    assert_compiled(&jit.stats, &["<module>", "rare_raise", "every_raise"]);
    assert!(stat_line(&jit.stats, "jit: deopts").contains("unsupported RAISE_VARARGS"), "{}", jit.stats);
    assert!(osr_entries(&jit.stats) >= 40, "{}", jit.stats);
    let auto = run_args("unsupported.py", &["--tier", "auto"]);
    assert_eq!(auto.stdout, interp.stdout);
    assert_compiled(&auto.stats, &["<module>", "rare_raise"]);
}

/// Divergences the differential test (tests/differential.rs) found, shrunk: each
/// `tests/tier2/fuzz_*.py` (its comment says what was wrong) prints the interpreter's
/// output under `--tier jit` and under `--tier auto` with a threshold low enough to
/// tier up (and enter by OSR) mid-run.
#[test]
fn differential_test_findings_match_the_interpreter() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2");
    let mut programs: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/tier2")
        .map(|e| e.expect("dir entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("fuzz_") && n.ends_with(".py"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    for program in &programs {
        let interp = run_args(program, &["--tier", "interp"]);
        assert!(!interp.stdout.is_empty(), "{program} printed nothing");
        for tier in [&["--tier", "jit"][..], &["--tier", "auto", "--jit-threshold", "2"]] {
            assert_eq!(run_args(program, tier).stdout, interp.stdout, "{program} under {tier:?}");
        }
    }
}

/// The inline fast paths (instance attributes through the inline cache, method loads,
/// exact-list indexing and item stores) and each of their misses: `__getattr__`,
/// properties, slots, dicts changing shape mid-loop, instance attributes shadowing a
/// method, class changes, wide instance dicts, subclasses, lists resized mid-loop,
/// other containers, bool and big-int indices, index errors (caught, and uncaught with
/// the interpreter's traceback), and a subclass of list.
#[test]
fn inline_fast_paths_fall_back_on_every_miss() {
    let interp = run("fast_paths.py", "interp");
    assert!(interp.stdout.contains("read 3 IndexError list index out of range"), "{}", interp.stdout);
    for tier in ["jit", "auto"] {
        assert_eq!(run("fast_paths.py", tier).stdout, interp.stdout, "--tier {tier}");
    }
    let jit = run("fast_paths.py", "jit");
    assert_compiled(
        &jit.stats,
        &["attribute_hooks", "shape_changes", "method_changes", "many_attributes", "subclasses", "list_indexing", "other_containers", "index_errors", "global_changes", "Point.norm2", "Wide.get"],
    );
    for program in ["fast_paths_error.py", "fast_paths_list_subclass.py"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2").join(program);
        let outputs: Vec<_> = ["interp", "jit"]
            .iter()
            .map(|tier| Command::new(env!("CARGO_BIN_EXE_monjit")).args(["run", "--tier", tier]).arg(&path).output().expect("run monjit"))
            .collect();
        assert_eq!(outputs[0].stdout, outputs[1].stdout, "{program}");
        assert_eq!(String::from_utf8_lossy(&outputs[0].stderr), String::from_utf8_lossy(&outputs[1].stderr), "{program}");
        assert_eq!(outputs[0].status.code(), outputs[1].status.code(), "{program}");
        if program == "fast_paths_list_subclass.py" {
            // What CPython 3.14 prints for it.
            assert_eq!(String::from_utf8_lossy(&outputs[1].stdout), "3559 [39, 37, 38] [39, 37, 38] t\n");
        }
    }
    let err = Command::new(env!("CARGO_BIN_EXE_monjit"))
        .args(["run", "--tier", "jit"])
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tier2/fast_paths_error.py"))
        .output()
        .expect("run monjit");
    let stderr = String::from_utf8_lossy(&err.stderr);
    assert!(stderr.contains("    total += xs[i]\n") && stderr.ends_with("IndexError: list index out of range\n"), "{stderr}");
}

/// A tool DISABLing every LINE location: the version whose probes died is replaced at
/// a later entry, and `--jit-stats` counts it as a recompile after DISABLE (not after
/// events switched off).
#[test]
fn recompiles_after_disable_are_counted_as_such() {
    let interp = run("disable_recompile.py", "interp");
    let jit = run("disable_recompile.py", "jit");
    assert_eq!(jit.stdout, interp.stdout);
    let line = stat_line(&jit.stats, "jit: probes");
    assert!(line.contains("batched recompiles of versions with dead probes: ") && line.contains(", 0 after events switched off;"), "{line}");
    assert!(!line.contains("dead probes: 0 after DISABLE"), "{line}");
    assert_eq!(stat_line(&jit.stats, "jit: deopts"), "jit: deopts: 0 ()", "{}", jit.stats);
}
