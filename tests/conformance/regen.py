#!/usr/bin/env python3
"""Regenerate the conformance goldens from CPython 3.14 (the oracle).

A conformance program is any `tests/conformance/<topic>/<name>.py` whose name does not
start with `_` (underscore files and sub-folders are modules the programs import). For each
program this writes, next to it:

    <name>.stdout   what CPython printed on stdout (always written)
    <name>.stderr   what it printed on stderr, with the program's folder removed from
                    paths (only when non-empty)
    <name>.exit     its exit code (only when non-zero)

Every program runs twice, under PYTHONHASHSEED=0 and =1; a program whose output differs
between the two depends on string hashing (set order of strings, hash()) and is rejected.

    python3 tests/conformance/regen.py                 # every program
    python3 tests/conformance/regen.py core/ints.py    # some programs or topic folders
    python3 tests/conformance/regen.py --check         # verify goldens, write nothing

The oracle is `$CPYTHON_ORACLE`, or the python3.14 that `../shared/tools/cpython-oracle`
(relative to the repository root) prints. Goldens are never edited by hand.
"""
import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def oracle():
    if os.environ.get("CPYTHON_ORACLE"):
        return os.environ["CPYTHON_ORACLE"]
    tool = ROOT.parent / "shared" / "tools" / "cpython-oracle"
    out = subprocess.run([str(tool)], check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def programs(args):
    found = []
    targets = [pathlib.Path(a) for a in args] or [HERE]
    for t in targets:
        if not t.is_absolute():
            t = (HERE / t) if (HERE / t).exists() else t.resolve()
        if t.is_file():
            found.append(t)
        else:
            found.extend(sorted(t.rglob("*.py")))
    result = []
    for p in found:
        rel = p.relative_to(HERE)
        # Programs sit directly in a topic folder; deeper files are imported modules.
        if len(rel.parts) == 2 and not p.name.startswith("_"):
            result.append(p)
    return result


def run(py, prog, seed):
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONDONTWRITEBYTECODE="1",
               PYTHONIOENCODING="utf-8", PYTHONUTF8="1")
    env.pop("PYTHONPATH", None)
    p = subprocess.run([py, prog.name], cwd=prog.parent, env=env, capture_output=True,
                       stdin=subprocess.DEVNULL, timeout=120)
    err = p.stderr.replace(str(prog.parent).encode() + b"/", b"")
    return p.stdout, err, p.returncode


def expected(prog):
    base = prog.with_suffix("")
    read = lambda ext, default: (base.with_suffix(ext).read_bytes()
                                 if base.with_suffix(ext).exists() else default)
    return read(".stdout", None), read(".stderr", b""), int(read(".exit", b"0"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, write nothing")
    ap.add_argument("paths", nargs="*")
    opts = ap.parse_args()
    py = oracle()
    failures = 0
    for prog in programs(opts.paths):
        rel = prog.relative_to(HERE)
        first = run(py, prog, 0)
        if run(py, prog, 1) != first:
            print(f"NONDETERMINISTIC {rel}: output depends on the hash seed", file=sys.stderr)
            failures += 1
            continue
        out, err, code = first
        if opts.check:
            if expected(prog) != first:
                print(f"STALE {rel}", file=sys.stderr)
                failures += 1
            continue
        base = prog.with_suffix("")
        base.with_suffix(".stdout").write_bytes(out)
        for ext, data in ((".stderr", err if err else None),
                          (".exit", f"{code}\n".encode() if code else None)):
            path = base.with_suffix(ext)
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        print(f"{rel}: exit {code}, {len(out)} bytes")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
