//! Runs every program in tests/conformance/ under every tier and compares stdout, the
//! exit status and stderr with what CPython 3.14 printed (the goldens made by
//! tests/conformance/regen.py). Stderr is compared whole where a `.stderr` golden exists,
//! after the same normalisation regen.py applies (the program's folder removed from
//! paths); a program without one must leave stderr blank.
//!
//! `MONJIT_CONFORMANCE=topic[,topic]` limits the run to some topics;
//! `MONJIT_CONFORMANCE_TIERS=interp` limits the tiers.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

const TIERS: &[&str] = &["interp", "jit", "auto"];

/// A program that runs longer than this has hung.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

fn wait_with_timeout(mut child: std::process::Child, limit: std::time::Duration) -> Result<std::process::Output, String> {
    use std::io::Read;
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {}s", limit.as_secs()));
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    Ok(std::process::Output { status, stdout: out_reader.join().unwrap(), stderr: err_reader.join().unwrap() })
}

/// Topics whose features land with a later issue; they run once that issue is done.
const PENDING: &[&str] = &[];

/// Programs with a known, open difference from CPython (each named in the issue's
/// notes). They still run: their output is shown, and one that starts matching
/// fails the run so it is taken off this list.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

struct Case {
    topic: String,
    path: PathBuf,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let only: Option<Vec<String>> = std::env::var("MONJIT_CONFORMANCE").ok().map(|s| s.split(',').map(str::to_string).collect());
    let mut out = Vec::new();
    let mut topics: Vec<_> = std::fs::read_dir(&root).expect("conformance dir").flatten().filter(|e| e.path().is_dir()).collect();
    topics.sort_by_key(|e| e.file_name());
    for t in topics {
        let topic = t.file_name().to_string_lossy().to_string();
        if topic == "monitoring" && !cfg!(feature = "monitoring") {
            continue; // events are compiled out of this build
        }
        match &only {
            Some(list) if !list.contains(&topic) => continue,
            None if PENDING.contains(&topic.as_str()) => continue,
            _ => {}
        }
        let mut files: Vec<_> = std::fs::read_dir(t.path()).expect("topic dir").flatten().map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py") && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
            .collect();
        files.sort();
        for path in files {
            out.push(Case { topic: topic.clone(), path });
        }
    }
    out
}

fn read_or(path: &Path, default: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|_| default.as_bytes().to_vec())
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).lines().filter(|l| !l.trim().is_empty()).last().unwrap_or("").to_string()
}

/// regen.py's normalisation: every `<program folder>/` removed from stderr.
fn strip_folder(bytes: &[u8], dir: &Path) -> Vec<u8> {
    let folder = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let needle = format!("{}/", folder.display()).into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(&needle) {
            i += needle.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn check(case: &Case, tier: &str) -> Result<(), String> {
    let dir = case.path.parent().expect("dir");
    let name = case.path.file_name().expect("name");
    let child = Command::new(env!("CARGO_BIN_EXE_monjit"))
        .args(["run", "--tier", tier])
        .arg(name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    let out = wait_with_timeout(child, TIMEOUT)?;
    let base = case.path.with_extension("");
    let want_out = read_or(&base.with_extension("stdout"), "");
    let want_err = read_or(&base.with_extension("stderr"), "");
    let want_code: i32 = String::from_utf8_lossy(&read_or(&base.with_extension("exit"), "0")).trim().parse().unwrap_or(0);
    let code = out.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if out.stdout != want_out {
        let got = String::from_utf8_lossy(&out.stdout);
        let want = String::from_utf8_lossy(&want_out);
        let first_diff = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(got.lines().count().min(want.lines().count()));
        problems.push(format!(
            "stdout differs at line {}:\n    want: {:?}\n    got:  {:?}",
            first_diff + 1,
            want.lines().nth(first_diff).unwrap_or("<end>"),
            got.lines().nth(first_diff).unwrap_or("<end>")
        ));
    }
    if code != want_code {
        problems.push(format!("exit status {code}, want {want_code}"));
    }
    let err_golden = base.with_extension("stderr");
    if err_golden.exists() {
        let got_err = strip_folder(&out.stderr, dir);
        if got_err != want_err {
            let (got, want) = (String::from_utf8_lossy(&got_err), String::from_utf8_lossy(&want_err));
            let (got, want): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
            let at = got.iter().zip(&want).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
            problems.push(format!(
                "stderr differs at line {}:\n    want: {:?}\n    got:  {:?}",
                at + 1,
                want.get(at).copied().unwrap_or("<end>"),
                got.get(at).copied().unwrap_or("<end>")
            ));
        }
    } else if let (got_last, want_last) = (last_line(&out.stderr), last_line(&want_err)) && got_last != want_last {
        problems.push(format!("last stderr line:\n    want: {want_last:?}\n    got:  {got_last:?}"));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n  ")) }
}

#[test]
fn conformance() {
    let tiers: Vec<String> = std::env::var("MONJIT_CONFORMANCE_TIERS")
        .map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_else(|_| TIERS.iter().map(|s| s.to_string()).collect());
    let work: Vec<(Case, String)> = cases().into_iter().flat_map(|c| {
        tiers.iter().map(move |t| (Case { topic: c.topic.clone(), path: c.path.clone() }, t.clone())).collect::<Vec<_>>()
    }).collect();
    let total = work.len();
    assert!(total > 0, "no conformance programs found");
    let queue = Arc::new(Mutex::new(work));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
    let handles: Vec<_> = (0..threads).map(|_| {
        let queue = Arc::clone(&queue);
        let failures = Arc::clone(&failures);
        std::thread::spawn(move || loop {
            let item = queue.lock().unwrap().pop();
            let Some((case, tier)) = item else { break };
            let rel = format!("{}/{}", case.topic, case.path.file_name().unwrap().to_string_lossy());
            let known = KNOWN_DIFFERENCES.iter().find(|(p, _)| *p == rel);
            match (check(&case, &tier), known) {
                (Err(e), None) => failures.lock().unwrap().push(format!("{rel} [{tier}]\n  {e}")),
                (Err(e), Some((_, why))) => eprintln!("known difference: {rel} [{tier}] ({why})\n  {e}"),
                (Ok(()), Some(_)) => {
                    failures.lock().unwrap().push(format!("{rel} [{tier}]\n  now matches CPython: take it off KNOWN_DIFFERENCES"))
                }
                (Ok(()), None) => {}
            }
        })
    }).collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut f = failures.lock().unwrap().clone();
    f.sort();
    if !f.is_empty() {
        panic!("{} of {} conformance runs failed:\n\n{}", f.len(), total, f.join("\n\n"));
    }
}
