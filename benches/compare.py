#!/usr/bin/env python3
"""monjit benchmark harness.

    python3 benches/compare.py [--runs N] [--only NAME,...] [--quick]
    python3 benches/compare.py --monitoring [--runs N] [--only loop,call] [--quick]
    python3 benches/compare.py --all            # both suites

Programs suite: runs every benches/programs/*.py under `monjit run --tier
interp`, `monjit run --tier jit`, CPython 3.14 and PyPy, interleaved
(round-robin over the implementations inside each run), timing the wall clock
of the whole process. Checks that every implementation prints the same
`checksum:` line(s) as CPython, prints a table of median times and speedups
vs CPython 3.14 (cpython_time / impl_time) with geometric means, and writes
BENCHMARKS.md (repo root) plus the chart benches/results.svg.

Monitoring suite (--monitoring): runs benches/monitoring/*_kernel.py in modes
1..5 under monjit interp, monjit jit and CPython 3.14, interleaved, and reports
each mode's in-program kernel time relative to mode 1 of the same
implementation, plus the per-event cost of mode 5 in ns.

Runs under the system python3 (3.11); standard library only. Nothing here
crashes on a missing or failing implementation: its cells read n/a or FAIL.
"""

import argparse
import datetime
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from xml.sax.saxutils import escape as xml_escape

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
PROGRAMS_DIR = os.path.join(BENCH_DIR, "programs")
MONITORING_DIR = os.path.join(BENCH_DIR, "monitoring")
ORACLE = os.path.join(REPO, "..", "shared", "tools", "cpython-oracle")
# MONJIT_BIN=/path/to/monjit in the environment overrides the binary (and skips
# the cargo build).
MONJIT_BIN = os.environ.get("MONJIT_BIN") or os.path.join(REPO, "target", "release", "monjit")
MONJIT_OVERRIDDEN = bool(os.environ.get("MONJIT_BIN"))
BENCHMARKS_MD = os.path.join(REPO, "BENCHMARKS.md")
RESULTS_SVG = os.path.join(BENCH_DIR, "results.svg")

# Program name -> argument used with --quick (about 1/8 of the default work).
# The default sizes live in the programs themselves (CPython 3.14: ~0.5-1.5 s).
PROGRAMS = {
    "fib": "29",
    "nested_loops": "500",
    "nbody": "25000",
    "spectral_norm": "130",
    "fannkuch": "8",
    "nqueens": "9",
    "richards": "3",
    "alloc_objects": "60000",
    "generators": "400000",
    "dict_strings": "40",
}

# Real programs: pyperformance's benchmark programs, unchanged, in the conformance
# suite (tests/conformance/real_programs/pyperformance/, with a pyperf stand-in that
# prints results instead of timings). Table name -> (file, arguments of a default
# run, arguments used with --quick). Their whole output must match CPython's.
REAL_DIR = os.path.join(REPO, "tests", "conformance", "real_programs", "pyperformance")
REAL_PROGRAMS = {
    "pp_richards": ("richards.py", ["--loops=5"], ["--loops=1"]),
    "pp_nbody": ("nbody.py", ["--loops=4"], ["--loops=1", "--iterations=2000"]),
    "pp_go": ("go.py", ["--loops=3"], ["--loops=1"]),
    "pp_chaos": ("chaos.py", ["--loops=6"], ["--loops=1"]),
    "pp_barnes_hut": ("barnes_hut.py", ["--loops=1"], ["--loops=1", "--iterations=10"]),
    "pp_unpack_sequence": ("unpack_sequence.py", ["--loops=20000"], ["--loops=2000"]),
    "pp_hexiom": ("hexiom.py", ["--loops=100"], ["--loops=1", "--level=10"]),
    "pp_meteor_contest": ("meteor_contest.py", ["--loops=6"], ["--loops=1"]),
    "pp_raytrace": ("raytrace.py", ["--loops=3"], ["--loops=1", "--width=40", "--height=30"]),
    "pp_scimark": ("scimark.py", ["--loops=1"], ["--loops=1"]),
    "pp_deltablue": ("deltablue.py", ["--loops=200"], ["--loops=20"]),
    # One loop is the least btree runs (200_000 nodes, fixed in the program): about 3 s
    # of CPython, quick mode included.
    "pp_btree": ("btree.py", ["--loops=1"], ["--loops=1"]),
}


def program_command(name, quick):
    """The script and its arguments for program `name` (benches/programs or real)."""
    if name in REAL_PROGRAMS:
        file, default, quick_args = REAL_PROGRAMS[name]
        return [os.path.join(REAL_DIR, file)] + (quick_args if quick else default)
    return [os.path.join(PROGRAMS_DIR, name + ".py")] + ([PROGRAMS[name]] if quick else [])


# Monitoring kernel name -> (script, argument used with --quick).
MONITORING_KERNELS = {
    "loop": ("loop_kernel.py", "400000"),
    "call": ("call_kernel.py", "150000"),
}
MONITORING_MODES = {
    1: "no tool",
    2: "tool registered, no events",
    3: "coverage (LINE+BRANCH, all DISABLEd)",
    4: "debugger (local LINE, DISABLEd)",
    5: "profiler (PY_START+PY_RETURN, Python callback)",
}

# Mode 6 (monjit only): the same kernels observed by a *native Rust* callback
# instead of a Python one. `--native-tool profiler` makes monjit register Rust
# callbacks counting PY_START/PY_RETURN on PROFILER_ID; the kernel script sets
# the events and reads the count of its timed run from `_monjit_counting_tool`.
MODE6_MONJIT_ARGS = ["--native-tool", "profiler"]
MODE6_LABEL = "native Rust callback (monjit only)"


def parse_mode6_events(stdout, stderr):
    """Number of native-callback events of the timed run."""
    fields = parse_fields(stdout)
    if fields and "events" in fields:
        return int(fields["events"])
    return None


class Impl:
    """One implementation column: how to run a script, or why it can't."""

    def __init__(self, key, label, argv_prefix=None, unavailable=None, failed=None,
                 version=""):
        self.key = key
        self.label = label
        self.argv_prefix = argv_prefix  # list, or None when not runnable
        self.unavailable = unavailable  # reason -> cells say "n/a"
        self.failed = failed            # reason -> cells say "FAIL"
        self.version = version

    @property
    def runnable(self):
        return self.argv_prefix is not None and not self.unavailable and not self.failed

    def status_cell(self):
        if self.failed:
            return "FAIL"
        return "n/a"

    def status_reason(self):
        return self.failed or self.unavailable or ""


# ----------------------------------------------------------------------------
# Discovering and preparing the implementations
# ----------------------------------------------------------------------------

def log(msg):
    print(msg, flush=True)


def run_capture(argv, timeout=120, cwd=None):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd)
        return p.returncode, p.stdout, p.stderr
    except FileNotFoundError as e:
        return 127, "", str(e)
    except subprocess.TimeoutExpired:
        return 124, "", f"timed out after {timeout}s"
    except OSError as e:
        return 126, "", str(e)


def first_error_line(text):
    """The most telling line of a failure's output (Rust panic, cargo error,
    Python traceback's last line)."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    for i, l in enumerate(lines):
        if "panicked at" in l:
            return l + (" " + lines[i + 1] if i + 1 < len(lines) else "")
    for l in lines:
        if l.startswith("error"):
            return l
    lines = [l for l in lines if not l.startswith("note:")]
    return lines[-1] if lines else ""


def prepare_monjit(build):
    """Returns (version, failed_reason, unavailable_reason)."""
    if build and not MONJIT_OVERRIDDEN:
        cargo = shutil.which("cargo")
        if cargo is None:
            if not os.path.exists(MONJIT_BIN):
                return "", None, "cargo not found and no target/release/monjit"
            log("cargo not found; using the existing target/release/monjit")
        elif not os.path.exists(os.path.join(REPO, "Cargo.toml")):
            return "", None, "no Cargo.toml in the repo root"
        else:
            log("building monjit: cargo build --release ...")
            t0 = time.perf_counter()
            rc, out, err = run_capture([cargo, "build", "--release"], timeout=3600, cwd=REPO)
            if rc != 0:
                reason = "cargo build --release failed: " + first_error_line(err or out)
                log("  " + reason)
                tail = "\n".join((err or out).splitlines()[-15:])
                log("  ... last lines of the build output:\n" + tail)
                return "", reason[:300], None
            log(f"  done in {time.perf_counter() - t0:.1f}s")
    if not os.path.exists(MONJIT_BIN):
        return "", None, f"{os.path.relpath(MONJIT_BIN, REPO)} not built"
    rc, out, err = run_capture([MONJIT_BIN, "--version"], timeout=20)
    version = out.strip().splitlines()[0] if rc == 0 and out.strip() else "monjit"
    rc, out, _ = run_capture(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], timeout=20)
    if rc == 0 and out.strip():
        version += f" (commit {out.strip()})"
    return version, None, None


def python_version(exe):
    rc, out, err = run_capture(
        [exe, "-c", "import sys; print(sys.version.replace(chr(10), ' '))"], timeout=60)
    return out.strip() if rc == 0 else ""


def find_cpython():
    """Returns (path, version, unavailable_reason)."""
    if not os.path.exists(ORACLE):
        return None, "", f"oracle script not found at {os.path.normpath(ORACLE)}"
    rc, out, err = run_capture([ORACLE], timeout=300)
    lines = [l.strip() for l in out.splitlines() if l.strip()]
    if rc != 0 or not lines or not os.path.exists(lines[-1]):
        return None, "", "cpython-oracle failed: " + first_error_line(err or out)
    path = lines[-1]
    version = python_version(path)
    if not version:
        return None, "", f"{path} does not run"
    return path, version, None


def find_pypy(install):
    """Returns (path, version, unavailable_reason); installs pypy3 if it can."""
    path = shutil.which("pypy3")
    if path is None and install and shutil.which("apt-get") and os.geteuid() == 0:
        log("pypy3 not found; installing it with apt-get ...")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        cmd = ["apt-get", "install", "-y", "-q", "pypy3"]
        try:
            rc = subprocess.run(cmd, env=env, capture_output=True, timeout=900).returncode
            if rc != 0:
                subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True,
                               timeout=900)
                subprocess.run(cmd, env=env, capture_output=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as e:
            log(f"  apt-get failed: {e}")
        path = shutil.which("pypy3")
    if path is None:
        return None, "", "pypy3 not installed"
    version = python_version(path)
    if not version:
        return None, "", "pypy3 does not run"
    return path, version, None


def discover(args, want_pypy=True):
    version, failed, unavail = prepare_monjit(build=not args.no_build)
    impls = []
    # Order = column order; CPython (the baseline) first.
    cpy, cpy_version, cpy_unavail = find_cpython()
    impls.append(Impl("cpython", "CPython 3.14", [cpy] if cpy else None, cpy_unavail,
                      version=cpy_version))
    for tier in ("interp", "jit"):
        impls.append(Impl(f"monjit-{tier}", f"monjit {tier}",
                          [MONJIT_BIN, "run", "--tier", tier], unavail, failed,
                          version=version))
    if want_pypy:
        pypy, pypy_version, pypy_unavail = find_pypy(install=not args.no_install)
        impls.append(Impl("pypy", "PyPy", [pypy] if pypy else None, pypy_unavail,
                          version=pypy_version))
    for im in impls:
        state = "ok" if im.runnable else f"{im.status_cell()}: {im.status_reason()}"
        log(f"  {im.label:14s} {state}" + (f"  [{im.version}]" if im.runnable else ""))
    return impls


# ----------------------------------------------------------------------------
# Running
# ----------------------------------------------------------------------------

class Outcome:
    def __init__(self, seconds=None, stdout="", error=None, stderr=""):
        self.seconds = seconds
        self.stdout = stdout
        self.stderr = stderr
        self.error = error  # None when the process exited 0


def run_timed(argv, timeout):
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(error=f"timeout after {timeout:g}s")
    except OSError as e:
        return Outcome(error=f"could not start: {e}")
    elapsed = time.perf_counter() - t0
    if p.returncode != 0:
        last = first_error_line(p.stderr) or first_error_line(p.stdout)
        if p.returncode < 0:
            why = f"killed by signal {-p.returncode}"
        else:
            why = f"exit {p.returncode}"
        return Outcome(elapsed, p.stdout, f"{why}: {last}" if last else why, p.stderr)
    return Outcome(elapsed, p.stdout, stderr=p.stderr)


def checksum_of(stdout, name=None):
    if name in REAL_PROGRAMS:
        return "\n".join(l.rstrip() for l in stdout.splitlines() if l.strip()) or None
    lines = [l.strip() for l in stdout.splitlines() if l.strip().startswith("checksum:")]
    return "\n".join(lines) if lines else None


def shorten(s, n=60):
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def rotate(seq, k):
    k %= max(1, len(seq))
    return seq[k:] + seq[:k]


def run_programs(impls, names, runs, quick, timeout):
    """Returns results[name][impl_key] = {"times": [...], "error": str|None, "checksum": str}."""
    runnable = [im for im in impls if im.runnable]
    results = {n: {im.key: {"times": [], "error": None, "checksum": None} for im in impls}
               for n in names}
    expected = {}
    for r in range(runs):
        log(f"run {r + 1}/{runs}")
        for name in names:
            command = program_command(name, quick)
            # Round-robin: every implementation runs this program once per run;
            # the starting implementation rotates from run to run.
            for im in rotate(runnable, r):
                res = results[name][im.key]
                if res["error"]:
                    continue  # failed before: do not waste time on it again
                out = run_timed(im.argv_prefix + command, timeout)
                if out.error:
                    res["error"] = out.error
                else:
                    cs = checksum_of(out.stdout, name)
                    if cs is None:
                        res["error"] = "no 'checksum:' line in the output"
                    else:
                        res["checksum"] = cs
                        res["times"].append(out.seconds)
                status = f"{out.seconds:.3f}s" if not res["error"] else "FAIL " + res["error"]
                log(f"  {name:14s} {im.label:14s} {shorten(status, 100)}")
            # Reference checksum: CPython's, else the first one seen.
            ref = results[name]["cpython"]["checksum"] if "cpython" in results[name] else None
            if ref is None:
                ref = next((results[name][im.key]["checksum"] for im in runnable
                            if results[name][im.key]["checksum"]), None)
            if ref is not None:
                expected[name] = ref
                for im in runnable:
                    res = results[name][im.key]
                    if res["checksum"] is not None and res["checksum"] != ref and not res["error"]:
                        res["error"] = (f"checksum mismatch: got '{shorten(res['checksum'], 50)}'"
                                        f", expected '{shorten(ref, 50)}'")
    return results


def median(xs):
    return statistics.median(xs) if xs else None


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def summarize_programs(impls, names, results):
    """Returns cells[name][key] = (median_s | None, speedup | None, text) and geomeans."""
    summary = {}
    for name in names:
        row = {}
        base = results[name].get("cpython", {})
        base_t = median(base.get("times", [])) if base and not base.get("error") else None
        for im in impls:
            res = results[name][im.key]
            if not im.runnable:
                row[im.key] = (None, None, im.status_cell())
            elif res["error"]:
                row[im.key] = (None, None, "FAIL")
            else:
                t = median(res["times"])
                sp = base_t / t if base_t and t else None
                row[im.key] = (t, sp, f"{t:.3f}s" + (f" ({sp:.2f}x)" if sp else ""))
        summary[name] = row
    gm = {}
    for im in impls:
        sps = [summary[n][im.key][1] for n in names if summary[n][im.key][1]]
        g = geomean(sps)
        gm[im.key] = (g, len(sps))
    return summary, gm


def failure_notes(impls, names, results):
    notes = []
    for im in impls:
        if not im.runnable:
            notes.append(f"{im.label}: {im.status_cell()} for every program ({im.status_reason()})")
            continue
        for name in names:
            err = results[name][im.key]["error"]
            if err:
                notes.append(f"{im.label} on {name}: {err}")
    return notes


def text_table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def fmt(r):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths)))
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), sep] + [fmt(r) for r in rows])


def md_table(header, rows, align=None):
    align = align or (["l"] + ["r"] * (len(header) - 1))
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
    return "\n".join(out)


def program_rows(impls, names, summary, gm, results, markdown):
    rows = []
    for name in names:
        row = [f"`{name}`" if markdown else name]
        for im in impls:
            t, sp, text = summary[name][im.key]
            if text == "FAIL" and im.runnable:
                err = shorten(results[name][im.key]["error"] or "", 40)
                text = f"FAIL ({err})"
            elif text == "FAIL" or text == "n/a":
                pass
            elif markdown:
                text = f"{t:.3f} s" + (f" ({sp:.2f}×)" if sp else "")
            row.append(text)
        rows.append(row)
    g_row = ["**geometric mean**" if markdown else "geomean (speedup)"]
    for im in impls:
        g, cnt = gm[im.key]
        if not im.runnable:
            g_row.append(im.status_cell())
        elif g is None:
            g_row.append("FAIL")
        else:
            x = "×" if markdown else "x"
            text = f"{g:.2f}{x}" + (f" ({cnt}/{len(names)})" if cnt != len(names) else "")
            g_row.append(f"**{text}**" if markdown else text)
    rows.append(g_row)
    return rows


# ----------------------------------------------------------------------------
# SVG chart (plain string building)
# ----------------------------------------------------------------------------

SVG_COLORS = {"monjit-interp": "#4e79a7", "monjit-jit": "#f28e2b", "pypy": "#59a14f",
              "cpython": "#9c9c9c"}


def nice_log_ticks(lo, hi):
    ticks = []
    e = math.floor(math.log10(lo))
    while 10 ** e <= hi * 1.0001:
        for m in (1, 2, 5):
            v = m * 10 ** e
            if lo * 0.9999 <= v <= hi * 1.0001:
                ticks.append(v)
        e += 1
    return ticks


def fmt_ratio(v):
    if v >= 100:
        return f"{v:.0f}×"
    if v >= 10:
        return f"{v:.1f}×"
    return f"{v:.2f}×"


def tick_label(v):
    return (f"{v:g}" if v >= 1 else f"{v:.3g}") + "×"


def write_svg(path, impls, names, summary, gm, subtitle):
    bars = [im for im in impls if im.key != "cpython"]
    groups = list(names) + ["geomean"]

    def value(group, im):
        if group == "geomean":
            return gm[im.key][0]
        return summary[group][im.key][1]

    def status(group, im):
        if group == "geomean":
            return "n/a" if not im.runnable else "-"
        return summary[group][im.key][2] if summary[group][im.key][1] is None else ""

    vals = [value(g, im) for g in groups for im in bars if value(g, im)]
    lo = min([0.5] + [v / 1.3 for v in vals])
    hi = max([2.0] + [v * 1.3 for v in vals])
    lo = 10 ** math.floor(math.log10(lo))
    hi = 10 ** math.ceil(math.log10(hi))
    if hi / lo < 100:  # keep at least two decades visible around 1x
        lo, hi = min(lo, 0.1), max(hi, 10)

    margin_l, margin_r, margin_t, margin_b = 70, 20, 70, 110
    group_w = max(60, 18 * len(bars) + 28)
    plot_w = group_w * len(groups)
    plot_h = 360
    width = margin_l + plot_w + margin_r
    height = margin_t + plot_h + margin_b

    def y_of(v):
        frac = (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        return margin_t + plot_h * (1 - frac)

    o = []
    o.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" '
             f'font-size="12">')
    o.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    o.append(f'<text x="{width / 2:.1f}" y="24" text-anchor="middle" font-size="16" '
             f'font-weight="bold">Speedup vs CPython 3.14 (higher is better, log scale)</text>')
    o.append(f'<text x="{width / 2:.1f}" y="42" text-anchor="middle" fill="#555">'
             f'{xml_escape(subtitle)}</text>')
    # grid + y axis labels
    for t in nice_log_ticks(lo, hi):
        y = y_of(t)
        major = abs(math.log10(t) - round(math.log10(t))) < 1e-9
        o.append(f'<line x1="{margin_l}" y1="{y:.1f}" x2="{margin_l + plot_w}" y2="{y:.1f}" '
                 f'stroke="{"#bbbbbb" if major else "#e4e4e4"}" stroke-width="1"/>')
        o.append(f'<text x="{margin_l - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
                 f'{xml_escape(tick_label(t))}</text>')
    o.append(f'<text x="16" y="{margin_t + plot_h / 2:.1f}" text-anchor="middle" '
             f'transform="rotate(-90 16 {margin_t + plot_h / 2:.1f})" fill="#333">'
             f'cpython_time / impl_time</text>')
    base_y = y_of(1.0)
    bar_w = 16
    for gi, g in enumerate(groups):
        gx = margin_l + gi * group_w
        if g == "geomean":
            o.append(f'<rect x="{gx}" y="{margin_t}" width="{group_w}" height="{plot_h}" '
                     f'fill="#f3f3f3"/>')
        x0 = gx + (group_w - bar_w * len(bars)) / 2
        for bi, im in enumerate(bars):
            x = x0 + bi * bar_w
            v = value(g, im)
            color = SVG_COLORS.get(im.key, "#777777")
            if v:
                y = y_of(v)
                top, h = min(y, base_y), max(1.0, abs(base_y - y))
                o.append(f'<rect x="{x + 1:.1f}" y="{top:.1f}" width="{bar_w - 2}" '
                         f'height="{h:.1f}" fill="{color}"><title>{xml_escape(g)} / '
                         f'{xml_escape(im.label)}: {fmt_ratio(v)}</title></rect>')
                ly = (top - 4) if v >= 1 else (top + h + 4)
                o.append(f'<text x="{x + bar_w / 2:.1f}" y="{ly:.1f}" font-size="9" '
                         f'text-anchor="{"start" if v >= 1 else "end"}" fill="#333" '
                         f'transform="rotate(-90 {x + bar_w / 2:.1f} {ly:.1f})" '
                         f'dominant-baseline="middle">{xml_escape(fmt_ratio(v))}</text>')
            else:
                st = status(g, im) or "n/a"
                o.append(f'<text x="{x + bar_w / 2:.1f}" y="{base_y - 4:.1f}" font-size="9" '
                         f'text-anchor="start" fill="{color}" '
                         f'transform="rotate(-90 {x + bar_w / 2:.1f} {base_y - 4:.1f})" '
                         f'dominant-baseline="middle">{xml_escape(st)}</text>')
        lx = gx + group_w / 2
        ly = margin_t + plot_h + 12
        weight = ' font-weight="bold"' if g == "geomean" else ""
        o.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="end" '
                 f'transform="rotate(-40 {lx:.1f} {ly:.1f})" fill="#222"{weight}>'
                 f'{xml_escape(g)}</text>')
    # baseline (CPython = 1x) and frame
    o.append(f'<line x1="{margin_l}" y1="{base_y:.1f}" x2="{margin_l + plot_w}" '
             f'y2="{base_y:.1f}" stroke="#222" stroke-width="1.5"/>')
    o.append(f'<rect x="{margin_l}" y="{margin_t}" width="{plot_w}" height="{plot_h}" '
             f'fill="none" stroke="#888"/>')
    # legend
    lx = margin_l
    ly = height - 18
    items = [(im.label + ("" if im.runnable else f" ({im.status_cell()})"),
              SVG_COLORS.get(im.key, "#777")) for im in bars]
    items.append(("CPython 3.14 = 1× (black line)", "#222222"))
    for label, color in items:
        o.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{color}"/>')
        o.append(f'<text x="{lx + 16}" y="{ly}" fill="#222">{xml_escape(label)}</text>')
        lx += 36 + 7 * len(label)
    o.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(o) + "\n")


# ----------------------------------------------------------------------------
# BENCHMARKS.md
# ----------------------------------------------------------------------------

def machine_info():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    os_name = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    os_name = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = "load average %.2f %.2f %.2f at start" % os.getloadavg()
    except OSError:
        load = ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 0,
        "os": f"{os_name}, Linux {platform.release()}" if platform.system() == "Linux"
        else f"{os_name} {platform.release()}",
        "mem": mem,
        "load": load,
    }


def header_block(impls, machine, config):
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"- **Machine:** {machine['cpu']}, {machine['cores']} cores{machine['mem']}; "
        f"{machine['os']}" + (f" ({machine['load']})" if machine["load"] else ""),
        f"- **Date:** {date}",
        "- **Versions:**",
    ]
    for im in impls:
        if im.runnable:
            lines.append(f"  - {im.label}: {im.version}")
        else:
            lines.append(f"  - {im.label}: {im.status_cell()} ({im.status_reason()})")
    lines.append(f"- **Configuration:** {config}")
    return "\n".join(lines)


SECTION_BEGIN = "<!-- BEGIN {} (generated by benches/compare.py) -->"
SECTION_END = "<!-- END {} -->"
PLACEHOLDERS = {
    "programs": "## Programs\n\n_Not run yet: `python3 benches/compare.py`._",
    "monitoring": "## sys.monitoring overhead\n\n_Not run yet: "
                  "`python3 benches/compare.py --monitoring`._",
}


def update_benchmarks_md(section, body):
    """Replaces one section of BENCHMARKS.md, keeping the other one."""
    existing = ""
    if os.path.exists(BENCHMARKS_MD):
        with open(BENCHMARKS_MD, encoding="utf-8") as f:
            existing = f.read()
    sections = {}
    for name in ("programs", "monitoring"):
        b, e = SECTION_BEGIN.format(name), SECTION_END.format(name)
        m = re.search(re.escape(b) + r"\n(.*?)\n" + re.escape(e), existing, re.S)
        sections[name] = m.group(1) if m else PLACEHOLDERS[name]
    sections[section] = body.strip()
    out = [
        "# monjit benchmarks",
        "",
        "Generated by `python3 benches/compare.py` (programs) and "
        "`python3 benches/compare.py --monitoring`; do not edit by hand. "
        "See `benches/README.md`.",
        "",
    ]
    for name in ("programs", "monitoring"):
        out += [SECTION_BEGIN.format(name), sections[name], SECTION_END.format(name), ""]
    with open(BENCHMARKS_MD, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def programs_markdown(impls, names, summary, gm, results, machine, config, notes):
    header = ["Program"] + [im.label for im in impls]
    rows = program_rows(impls, names, summary, gm, results, markdown=True)
    parts = [
        "## Programs",
        "",
        header_block(impls, machine, config),
        "",
        "Median wall-clock time of the whole process (startup included) and speedup "
        "vs CPython 3.14 (`cpython_time / impl_time`, higher is better). "
        "Every implementation must print the same checksum as CPython.",
        "",
        md_table(header, rows),
        "",
        "![Speedup vs CPython 3.14, log scale](benches/results.svg)",
        "",
    ]
    if notes:
        parts += ["**Failures and missing implementations:**", ""]
        parts += [f"- {n}" for n in notes]
        parts.append("")
    raw_rows = []
    for name in names:
        for im in impls:
            ts = results[name][im.key]["times"]
            if ts:
                raw_rows.append([name, im.label, " ".join(f"{t:.3f}" for t in ts),
                                 f"{min(ts):.3f}", f"{max(ts):.3f}"])
    if raw_rows:
        parts += ["<details><summary>All runs (seconds)</summary>", "",
                  md_table(["Program", "Implementation", "Runs", "Min", "Max"], raw_rows,
                           ["l", "l", "l", "r", "r"]),
                  "", "</details>"]
    return "\n".join(parts)


# ----------------------------------------------------------------------------
# Monitoring suite
# ----------------------------------------------------------------------------

def parse_fields(stdout):
    for line in reversed(stdout.splitlines()):
        if line.startswith("mode="):
            fields = {}
            for tok in line.split():
                if "=" in tok:
                    k, v = tok.split("=", 1)
                    fields[k] = v
            return fields
    return None


def monitoring_modes_for(im):
    modes = list(MONITORING_MODES)
    if MODE6_MONJIT_ARGS is not None and im.key.startswith("monjit"):
        modes.append(6)
    return modes


def monitoring_argv(im, script, mode, extra):
    prefix = list(im.argv_prefix)
    if mode == 6:
        prefix += list(MODE6_MONJIT_ARGS)
    return prefix + [script, str(mode)] + extra


def run_monitoring(impls, kernels, runs, quick, timeout):
    """res[kernel][impl][mode] = {"times": [], "events": [], "error": None, "result": None}"""
    runnable = [im for im in impls if im.runnable]
    res = {k: {im.key: {m: {"times": [], "events": [], "error": None, "result": None}
                        for m in list(MONITORING_MODES) + [6]}
               for im in impls} for k in kernels}
    for r in range(runs):
        log(f"run {r + 1}/{runs}")
        for k in kernels:
            script_name, quick_arg = MONITORING_KERNELS[k]
            script = os.path.join(MONITORING_DIR, script_name)
            extra = [quick_arg] if quick else []
            # Interleaved: modes in order, implementations round-robin per mode.
            for mode in list(MONITORING_MODES) + [6]:
                for im in rotate(runnable, r + mode):
                    if mode not in monitoring_modes_for(im):
                        continue
                    cell = res[k][im.key][mode]
                    if cell["error"]:
                        continue
                    out = run_timed(monitoring_argv(im, script, mode, extra), timeout)
                    if out.error:
                        cell["error"] = out.error
                    else:
                        f = parse_fields(out.stdout)
                        try:
                            t = float(f["time"])
                            ev = int(f["events"])
                            if mode == 6:
                                ev = parse_mode6_events(out.stdout, out.stderr)
                            cell["times"].append(t)
                            cell["events"].append(ev)
                            cell["result"] = f.get("result")
                        except (TypeError, KeyError, ValueError):
                            cell["error"] = "no 'mode=... time=... events=...' line in the output"
                    status = (f"{cell['times'][-1]:.4f}s events={cell['events'][-1]}"
                              if not cell["error"] else "FAIL " + cell["error"])
                    log(f"  {k:5s} mode {mode} {im.label:14s} {shorten(status, 100)}")
        # kernel results must agree with CPython mode 1 (else the first result seen)
        for k in kernels:
            ref = res[k].get("cpython", {}).get(1, {}).get("result")
            if ref is None:
                ref = next((res[k][im.key][m]["result"] for im in runnable
                            for m in MONITORING_MODES if res[k][im.key][m]["result"]), None)
            for im in runnable:
                for m, cell in res[k][im.key].items():
                    if cell["result"] is not None and ref is not None and \
                            cell["result"] != ref and not cell["error"]:
                        cell["error"] = f"kernel result {cell['result']} != expected {ref}"
    return res


def monitoring_tables(impls, kernels, res, markdown):
    """Returns list of (kernel, header, rows)."""
    mon_impls = [im for im in impls]
    x = "×" if markdown else "x"
    tables = []
    for k in kernels:
        header = ["Mode"] + [im.label for im in mon_impls]
        rows = []
        base = {}
        for im in mon_impls:
            c = res[k][im.key][1]
            base[im.key] = median(c["times"]) if im.runnable and not c["error"] else None
        all_modes = list(MONITORING_MODES) + ([6] if MODE6_MONJIT_ARGS is not None else [])
        for m in all_modes:
            label = MONITORING_MODES.get(m, MODE6_LABEL)
            row = [f"({m}) {label}"]
            for im in mon_impls:
                c = res[k][im.key][m]
                if not im.runnable:
                    row.append(im.status_cell())
                elif m not in monitoring_modes_for(im):
                    row.append("-")
                elif c["error"]:
                    row.append("FAIL (" + shorten(c["error"], 40) + ")")
                else:
                    t = median(c["times"])
                    ev = int(median(c["events"])) if c["events"] and None not in c["events"] else "?"
                    if m == 1:
                        row.append(f"{t * 1000:.1f} ms (events {ev})")
                    elif base[im.key]:
                        row.append(f"{t / base[im.key]:.3f}{x} (events {ev})")
                    else:
                        row.append(f"{t * 1000:.1f} ms (events {ev}; no mode 1)")
            rows.append(row)
        for m in [5] + ([6] if MODE6_MONJIT_ARGS is not None else []):
            row = [f"per-event cost, mode {m} (ns)"]
            for im in mon_impls:
                c = res[k][im.key][m]
                if not im.runnable:
                    row.append(im.status_cell())
                elif m not in monitoring_modes_for(im):
                    row.append("-")
                elif c["error"] or not base[im.key]:
                    row.append("FAIL" if c["error"] else "-")
                else:
                    t = median(c["times"])
                    evs = [e for e in c["events"] if e is not None]
                    ev = median(evs) if evs else 0
                    if ev < 1000:
                        row.append(f"- (only {int(ev)} events)")
                    else:
                        row.append(f"{(t - base[im.key]) / ev * 1e9:.1f}")
            rows.append(row)
        tables.append((k, header, rows))
    return tables


def monitoring_notes(impls, kernels, res):
    notes = []
    for im in impls:
        if not im.runnable:
            notes.append(f"{im.label}: {im.status_cell()} ({im.status_reason()})")
            continue
        for k in kernels:
            for m in monitoring_modes_for(im):
                err = res[k][im.key][m]["error"]
                if err:
                    notes.append(f"{im.label}, {k} kernel, mode {m}: {err}")
    return notes


def monitoring_markdown(impls, kernels, res, machine, config):
    parts = [
        "## sys.monitoring overhead",
        "",
        header_block(impls, machine, config),
        "",
        "Kernel time is measured inside the program (`time.perf_counter` around one run, "
        "after a warm-up run). Mode (1) shows the median time; other modes show the ratio "
        "to mode (1) of the same implementation (lower is better, 1.000× = free). "
        "`events` = callbacks that ran during the timed run. The per-event cost is "
        "`(t5 - t1) / events5`. Modes: (1) no tool; (2) `use_tool_id` only; "
        "(3) coverage: LINE + BRANCH_LEFT + BRANCH_RIGHT globally, every callback returns "
        "DISABLE; (4) debugger: `set_local_events(LINE)` on the kernel only, all lines "
        "DISABLEd but a never-run breakpoint line; (5) profiler: PY_START + PY_RETURN "
        "with a counting Python callback.",
        "",
    ]
    for k, header, rows in monitoring_tables(impls, kernels, res, markdown=True):
        script = MONITORING_KERNELS[k][0]
        parts += [f"### `{k}` kernel (`benches/monitoring/{script}`)", "", md_table(header, rows), ""]
    notes = monitoring_notes(impls, kernels, res)
    if notes:
        parts += ["**Failures and missing implementations:**", ""] + [f"- {n}" for n in notes]
    return "\n".join(parts)


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=None,
                   help="runs per program and implementation (default 5; 1 with --quick)")
    p.add_argument("--only", default="",
                   help="comma-separated program names (or, with --monitoring, kernels: "
                        "loop,call)")
    p.add_argument("--quick", action="store_true",
                   help="small sizes and 1 run: a smoke test, not a measurement")
    p.add_argument("--monitoring", action="store_true",
                   help="run the sys.monitoring overhead suite instead of the programs")
    p.add_argument("--all", action="store_true", help="run the programs and the monitoring suite")
    p.add_argument("--timeout", type=float, default=300.0,
                   help="per-process timeout in seconds (default 300)")
    p.add_argument("--no-build", action="store_true",
                   help="do not run cargo build; use target/release/monjit as it is")
    p.add_argument("--no-install", action="store_true", help="never apt-get install pypy3")
    p.add_argument("--no-write", action="store_true",
                   help="print only; do not write BENCHMARKS.md / benches/results.svg")
    args = p.parse_args(argv)
    if args.runs is None:
        args.runs = 1 if args.quick else 5
    if args.runs < 1:
        p.error("--runs must be >= 1")
    return args


def config_text(args, runs, items):
    c = (f"{runs} run(s) each, implementations interleaved round-robin; "
         f"{'--quick sizes' if args.quick else 'default sizes'}")
    if args.only:
        c += f"; only {', '.join(items)}"
    return c


def main_programs(args):
    names = list(PROGRAMS) + list(REAL_PROGRAMS)
    if args.only and not args.monitoring:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            sys.exit(f"unknown program(s): {', '.join(unknown)}; known: {', '.join(names)}")
        names = wanted
    log("== programs ==")
    machine = machine_info()
    impls = discover(args, want_pypy=True)
    results = run_programs(impls, names, args.runs, args.quick, args.timeout)
    summary, gm = summarize_programs(impls, names, results)
    header = ["program"] + [im.label for im in impls]
    log("")
    log("Median wall time, speedup vs CPython 3.14 in parentheses:")
    log(text_table(header, program_rows(impls, names, summary, gm, results, markdown=False)))
    notes = failure_notes(impls, names, results)
    if notes:
        log("")
        for n in notes:
            log("  - " + n)
    if not args.no_write:
        config = config_text(args, args.runs, names)
        write_svg(RESULTS_SVG, impls, names, summary, gm,
                  f"{machine['cpu']}, {machine['cores']} cores; median of {args.runs} run(s)"
                  + ("; --quick sizes" if args.quick else ""))
        update_benchmarks_md("programs", programs_markdown(impls, names, summary, gm, results,
                                                           machine, config, notes))
        log(f"\nwrote {os.path.relpath(BENCHMARKS_MD)} and {os.path.relpath(RESULTS_SVG)}")


def main_monitoring(args):
    kernels = list(MONITORING_KERNELS)
    if args.only and args.monitoring and not args.all:
        kernels = [k.strip() for k in args.only.split(",") if k.strip()]
        unknown = [k for k in kernels if k not in MONITORING_KERNELS]
        if unknown:
            sys.exit(f"unknown kernel(s): {', '.join(unknown)}; known: "
                     f"{', '.join(MONITORING_KERNELS)}")
    log("== sys.monitoring overhead ==")
    machine = machine_info()
    impls = discover(args, want_pypy=False)  # PyPy has no sys.monitoring
    res = run_monitoring(impls, kernels, args.runs, args.quick, args.timeout)
    for k, header, rows in monitoring_tables(impls, kernels, res, markdown=False):
        log(f"\n{k} kernel (mode 1: median ms; others: ratio to mode 1):")
        log(text_table(header, rows))
    notes = monitoring_notes(impls, kernels, res)
    if notes:
        log("")
        for n in notes:
            log("  - " + n)
    if not args.no_write:
        config = config_text(args, args.runs, kernels)
        update_benchmarks_md("monitoring", monitoring_markdown(impls, kernels, res, machine,
                                                               config))
        log(f"\nwrote {os.path.relpath(BENCHMARKS_MD)}")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.all or not args.monitoring:
        main_programs(args)
        # cargo build already ran (if asked): don't repeat it for the second suite
        args.no_build = True
    if args.all or args.monitoring:
        if args.all and args.only:
            args.only = ""  # --only names programs when combined with --all
        main_monitoring(args)


if __name__ == "__main__":
    main()
