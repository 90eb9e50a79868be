#!/usr/bin/env python3
"""Compare monjit's bytecode with CPython 3.14's, code object by code object.

Run with the oracle interpreter (CPython 3.14):

    python3.14 tests/tools/dis_compare.py [options] PATH...

PATH is a .py file or a directory (searched recursively).  For each file the script
compiles the source with CPython and walks the code objects (co_consts nesting), and
runs `monjit dis --json FILE` for monjit's view.  Both are normalised to the form
monjit uses: offsets are instruction indices (CPython's CACHE entries and
EXTENDED_ARG prefixes are dropped; monjit has 32-bit arguments and out-of-line
caches), jump arguments become target instruction indices, and opcodes that differ
only in reference-count strategy are mapped to one name (LOAD_FAST_BORROW ->
LOAD_FAST, LOAD_FAST_BORROW_LOAD_FAST_BORROW -> LOAD_FAST_LOAD_FAST).

Compared, in order of importance (the first difference per code object is reported
with context):
  instructions  opcode and resolved argument of every instruction
  lines         the line of every instruction (co_lines; None and 0 are the same)
  exctable      exception table entries (start, end, target, depth, lasti)
  consts        co_consts (code objects by name), names, localsplus names
  positions     full (line, end_line, col, end_col) of every instruction
  meta          flags, arg counts, firstlineno, stacksize

Options:
  --monjit PATH     the monjit binary (default: ./target/debug/monjit)
  --only KINDS      comma-separated subset of the categories above
  --ignore KINDS    categories not to report (e.g. positions,meta)
  --verbose / -v    show every difference category per code object, not the first
  --summary         one line per file plus a per-topic table
  --list            print both listings side by side for each differing code object
Exit status: 0 when every file is identical in the compared categories.
"""

import argparse
import dis
import json
import os
import subprocess
import sys

CATEGORIES = ["instructions", "lines", "exctable", "consts", "positions", "meta"]

OPNAME_MAP = {
    "LOAD_FAST_BORROW": "LOAD_FAST",
    "LOAD_FAST_BORROW_LOAD_FAST_BORROW": "LOAD_FAST_LOAD_FAST",
}

# co_flags bits both sides know about.
FLAG_MASK = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x40 | 0x4000000 | 0x8000000

HASCONST = {"LOAD_CONST"}
NAME_OPS = {"LOAD_NAME", "STORE_NAME", "DELETE_NAME", "STORE_ATTR", "DELETE_ATTR", "STORE_GLOBAL",
            "DELETE_GLOBAL", "IMPORT_NAME", "IMPORT_FROM"}
LOCAL_OPS = {"LOAD_FAST", "STORE_FAST", "DELETE_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_AND_CLEAR", "LOAD_DEREF",
             "STORE_DEREF", "DELETE_DEREF", "MAKE_CELL", "LOAD_FROM_DICT_OR_DEREF", "LOAD_CLOSURE"}
LOCAL_PAIR_OPS = {"LOAD_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST", "STORE_FAST_LOAD_FAST"}
JUMP_OPS = {"JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "POP_JUMP_IF_FALSE",
            "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE", "FOR_ITER", "SEND"}


# ----------------------------------------------------------------------------- model

class Unit:
    """One code object in the normalised form."""

    def __init__(self):
        self.name = self.qualname = ""
        self.meta = {}
        self.names = []
        self.localsplus = []
        self.consts = []      # str reprs, or Unit for code objects
        self.instrs = []      # (opname, resolved-arg) per instruction
        self.lines = []       # line per instruction (0 = none)
        self.positions = []   # (line, end_line, col, end_col) or None
        self.exc = []         # (start, end, target, depth, lasti)

    def children(self):
        return [c for c in self.consts if isinstance(c, Unit)]

    def const_reprs(self):
        return ["<code %s>" % c.name if isinstance(c, Unit) else c for c in self.consts]

    def listing(self):
        targets = sorted({a for (op, a) in self.instrs if op in JUMP_OPS} |
                         {x for e in self.exc for x in e[:3]})
        out = []
        for i, (op, a) in enumerate(self.instrs):
            lab = ("L%d:" % (targets.index(i) + 1)) if i in targets else ""
            arg = ("to L%d" % (targets.index(a) + 1)) if op in JUMP_OPS and a in targets else repr(a)
            out.append("%4d %5s %4s  %-28s %s" % (i, self.lines[i] or "--", lab, op, arg))
        for e in self.exc:
            out.append("  exc: %d to %d -> %d [%d]%s" % (e[0], e[1], e[2], e[3], " lasti" if e[4] else ""))
        return out


def resolve_arg(op, arg, consts, names, localsplus):
    """The instruction's argument in a form independent of table order."""
    try:
        if op in HASCONST:
            c = consts[arg]
            return "<code %s>" % c.name if isinstance(c, Unit) else c
        if op in NAME_OPS:
            return names[arg]
        if op == "LOAD_GLOBAL":
            return (names[arg >> 1], arg & 1)
        if op == "LOAD_ATTR":
            return (names[arg >> 1], arg & 1)
        if op == "LOAD_SUPER_ATTR":
            return (names[arg >> 2], arg & 3)
        if op in LOCAL_OPS:
            return localsplus[arg]
        if op in LOCAL_PAIR_OPS:
            return (localsplus[arg >> 4], localsplus[arg & 15])
    except (IndexError, TypeError):
        return ("?", arg)
    return arg


# ----------------------------------------------------------------------------- CPython

def const_repr(c):
    if isinstance(c, frozenset):
        # Sets have no order: compare the items' reprs sorted (as monjit's --json).
        return "frozenset{%s}" % ",".join(sorted(repr(x) for x in c))
    return repr(c)


def from_cpython(code):
    u = Unit()
    u.name, u.qualname = code.co_name, code.co_qualname
    u.meta = {"firstlineno": code.co_firstlineno, "argcount": code.co_argcount,
              "posonlyargcount": code.co_posonlyargcount, "kwonlyargcount": code.co_kwonlyargcount,
              "flags": code.co_flags & FLAG_MASK, "stacksize": code.co_stacksize}
    u.names = list(code.co_names)
    u.localsplus = list(code.co_varnames) + [c for c in code.co_cellvars if c not in code.co_varnames] + list(code.co_freevars)
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            u.consts.append(from_cpython(c))
        else:
            u.consts.append(const_repr(c))
    instrs = [i for i in dis.get_instructions(code)]
    # offset -> index (EXTENDED_ARG belongs to the instruction it prefixes).
    index_of = {}
    real = []
    pending = []
    for ins in instrs:
        if ins.opname == "EXTENDED_ARG":
            pending.append(ins.offset)
            continue
        for off in pending:
            index_of[off] = len(real)
        pending = []
        index_of[ins.offset] = len(real)
        real.append(ins)
    end = len(code.co_code)
    index_of[end] = len(real)

    def idx(off):
        while off not in index_of and off < end:
            off += 2
        return index_of.get(off, len(real))

    # Localsplus in CPython's actual slot order: dis uses co_varnames etc., which we
    # rebuilt above; LOAD_FAST args index that combined list.
    line_at = {}
    for start, stop, line in code.co_lines():
        for off in range(start, stop, 2):
            line_at[off] = line or 0
    for ins in real:
        op = OPNAME_MAP.get(ins.opname, ins.opname)
        if op in JUMP_OPS:
            a = idx(ins.jump_target)
        elif ins.arg is None:
            a = 0
        else:
            a = resolve_arg(op, ins.arg, u.consts, u.names, u.localsplus)
            if op == "COMPARE_OP":
                a = ins.arg
        u.instrs.append((op, a))
        u.lines.append(line_at.get(ins.offset, 0))
        p = ins.positions
        if p is None or p.lineno is None:
            u.positions.append(None)
        else:
            u.positions.append((p.lineno, p.end_lineno, -1 if p.col_offset is None else p.col_offset,
                                -1 if p.end_col_offset is None else p.end_col_offset))
    for e in dis._parse_exception_table(code):
        u.exc.append((idx(e.start), idx(e.end), idx(e.target), e.depth, bool(e.lasti)))
    return u


# ----------------------------------------------------------------------------- monjit

def from_monjit_json(d):
    u = Unit()
    u.name, u.qualname = d["name"], d["qualname"]
    u.meta = {k: d[k] for k in ("firstlineno", "argcount", "posonlyargcount", "kwonlyargcount", "stacksize")}
    u.meta["flags"] = d["flags"] & FLAG_MASK
    u.names = d["names"]
    u.localsplus = d["localsplus"]
    for c in d["consts"]:
        u.consts.append(from_monjit_json(c) if isinstance(c, dict) else c)
    for op, arg, pos in d["code"]:
        op = OPNAME_MAP.get(op, op)
        a = arg if op in JUMP_OPS or op == "COMPARE_OP" else resolve_arg(op, arg, u.consts, u.names, u.localsplus)
        u.instrs.append((op, a))
        u.lines.append(pos[0] if pos else 0)
        u.positions.append(tuple(pos) if pos else None)
    u.exc = [(s, e, t, dep, bool(l)) for s, e, t, dep, l in d["exc"]]
    return u


def monjit_units(monjit, path):
    r = subprocess.run([monjit, "dis", "--json", path], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("monjit dis failed: " + (r.stderr.strip().splitlines() or ["?"])[-1])
    return from_monjit_json(json.loads(r.stdout))


# ----------------------------------------------------------------------------- compare

def norm_pos(p):
    if p is None or not p[0]:
        return None
    return tuple(p)


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    if len(a) != len(b):
        return min(len(a), len(b))
    return None


FULL_LISTING = False


def context(cp, mj, i, width=4):
    lc, lm = cp.listing(), mj.listing()
    lo = max(0, i - width)
    hi = i + width + 1
    if FULL_LISTING:
        lo, hi = 0, max(len(lc), len(lm))
    rows = ["      %-56s | %s" % ("CPython", "monjit")]
    for k in range(lo, max(min(hi, len(lc)), min(hi, len(lm)))):
        a = lc[k] if k < len(lc) else ""
        b = lm[k] if k < len(lm) else ""
        mark = ">>" if k == i else "  "
        rows.append("   %s %-56s | %s" % (mark, a[:56], b))
    return "\n".join(rows)


def compare_unit(cp, mj, cats, out, path=""):
    """Appends (category, message) for differences in this unit and its children."""
    where = (path + "." if path else "") + cp.name
    found = []
    if "instructions" in cats:
        i = first_diff(cp.instrs, mj.instrs)
        if i is not None:
            found.append(("instructions", "%s: instruction %d: CPython %s, monjit %s\n%s" % (
                where, i, cp.instrs[i] if i < len(cp.instrs) else "<end>",
                mj.instrs[i] if i < len(mj.instrs) else "<end>", context(cp, mj, i))))
    if "lines" in cats:
        i = first_diff(cp.lines, mj.lines)
        if i is not None and len(cp.lines) == len(mj.lines):
            found.append(("lines", "%s: line of instruction %d (%s): CPython %s, monjit %s\n%s" % (
                where, i, cp.instrs[i][0], cp.lines[i], mj.lines[i], context(cp, mj, i))))
    if "exctable" in cats and cp.exc != mj.exc:
        k = first_diff(cp.exc, mj.exc)
        found.append(("exctable", "%s: exception table entry %d: CPython %s, monjit %s\n%s" % (
            where, k, cp.exc[k] if k < len(cp.exc) else "<end>", mj.exc[k] if k < len(mj.exc) else "<end>",
            context(cp, mj, (cp.exc[k] if k < len(cp.exc) else mj.exc[k])[0]))))
    if "consts" in cats:
        if cp.const_reprs() != mj.const_reprs():
            found.append(("consts", "%s: co_consts: CPython %s, monjit %s" % (where, cp.const_reprs(), mj.const_reprs())))
        if cp.names != mj.names:
            found.append(("consts", "%s: co_names: CPython %s, monjit %s" % (where, cp.names, mj.names)))
        if cp.localsplus != mj.localsplus:
            found.append(("consts", "%s: localsplus: CPython %s, monjit %s" % (where, cp.localsplus, mj.localsplus)))
    if "positions" in cats and len(cp.positions) == len(mj.positions):
        pa = [norm_pos(p) for p in cp.positions]
        pb = [norm_pos(p) for p in mj.positions]
        i = first_diff(pa, pb)
        if i is not None:
            found.append(("positions", "%s: position of instruction %d (%s): CPython %s, monjit %s" % (
                where, i, cp.instrs[i][0], pa[i], pb[i])))
    if "meta" in cats and cp.meta != mj.meta:
        diffs = {k: (cp.meta[k], mj.meta.get(k)) for k in cp.meta if cp.meta[k] != mj.meta.get(k)}
        found.append(("meta", "%s: %s" % (where, ", ".join("%s CPython %s monjit %s" % (k, a, b) for k, (a, b) in diffs.items()))))
    out.extend(found)
    ca, cb = cp.children(), mj.children()
    if len(ca) != len(cb):
        out.append(("consts", "%s: %d nested code objects in CPython, %d in monjit" % (where, len(ca), len(cb))))
    for a, b in zip(ca, cb):
        compare_unit(a, b, cats, out, where)


def compare_file(path, monjit, cats):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    try:
        code = compile(src, path, "exec")
    except SyntaxError as e:
        code = None
        cp_err = "SyntaxError: %s" % e.msg
    try:
        mj = monjit_units(monjit, path)
    except Exception as e:  # noqa: BLE001
        if code is None:
            return []
        return [("error", str(e))]
    if code is None:
        return [("error", "CPython: %s; monjit compiled it" % cp_err)]
    out = []
    compare_unit(from_cpython(code), mj, cats, out)
    return out


def gather(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                # A directory of topic folders (tests/conformance): only the topics.
                if root == p and dirs:
                    continue
                files += [os.path.join(root, n) for n in names if n.endswith(".py") and not n.startswith("_")]
        else:
            files.append(p)
    return sorted(files)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--monjit", default=os.environ.get("MONJIT", "./target/debug/monjit"))
    ap.add_argument("--only", default="")
    ap.add_argument("--ignore", default="")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    global FULL_LISTING
    FULL_LISTING = args.list
    cats = set(args.only.split(",")) if args.only else set(CATEGORIES)
    cats -= set(args.ignore.split(",")) if args.ignore else set()
    files = gather(args.paths)
    topics = {}
    ndiff = 0
    for path in files:
        diffs = compare_file(path, args.monjit, cats)
        topic = os.path.basename(os.path.dirname(path))
        t = topics.setdefault(topic, [0, 0])
        t[0] += 1
        if not diffs:
            print("%s: identical" % path)
            continue
        t[1] += 1
        ndiff += 1
        kinds = sorted({k for k, _ in diffs}, key=lambda k: (CATEGORIES + ["error"]).index(k))
        if args.summary:
            print("%s: differs (%s)" % (path, ", ".join(kinds)))
            continue
        print("%s: differs (%s)" % (path, ", ".join(kinds)))
        shown = diffs if args.verbose else [diffs[0]]
        for _, msg in shown:
            print("  " + msg.replace("\n", "\n  "))
    print()
    print("%-16s %6s %9s %7s" % ("topic", "files", "identical", "differ"))
    for topic in sorted(topics):
        n, d = topics[topic]
        print("%-16s %6d %9d %7d" % (topic, n, n - d, d))
    total = sum(n for n, _ in topics.values())
    print("%-16s %6d %9d %7d" % ("total", total, total - ndiff, ndiff))
    return 1 if ndiff else 0


if __name__ == "__main__":
    sys.exit(main())
