"""A stand-in for pyperf, so that pyperformance's benchmark programs run unchanged.

pyperf's `Runner` spawns worker processes, calibrates loop counts and prints timing
statistics. This one runs each benchmark in-process a fixed number of times and
prints what it returns instead of how long it took: the conformance harness compares
that output with CPython's, and `benches/compare.py` times the whole process.

Command line: the options a program registers on `runner.argparser`, as pyperf
accepts them (`--name=value` or `--name value`), plus `--loops=N` (default 1): how
many times each benchmark function runs.
"""

import sys
import time

perf_counter = time.perf_counter


class _Namespace:
    def __repr__(self):
        return "Namespace(%s)" % ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))


class _Option:
    def __init__(self, names, kwargs):
        self.names = names
        self.dest = kwargs.get("dest") or names[-1].lstrip("-").replace("-", "_")
        self.type = kwargs.get("type")
        self.action = kwargs.get("action")
        if self.action == "store_true":
            self.default = kwargs.get("default", False)
        else:
            self.default = kwargs.get("default")
        self.nargs = kwargs.get("nargs")

    def convert(self, text):
        if self.type is None:
            return text
        return self.type(text)


class _ArgumentParser:
    def __init__(self):
        self.options = []
        self.positionals = []

    def add_argument(self, *names, **kwargs):
        if names[0].startswith("-"):
            self.options.append(_Option(names, kwargs))
        else:
            self.positionals.append(_Option(names, kwargs))

    def _find(self, name):
        for opt in self.options:
            if name in opt.names:
                return opt
        raise SystemExit("pyperf stand-in: unknown option %s" % name)

    def parse_args(self, argv):
        ns = _Namespace()
        for opt in self.options + self.positionals:
            setattr(ns, opt.dest, opt.default)
        i = 0
        rest = []
        while i < len(argv):
            arg = argv[i]
            if not arg.startswith("--"):
                rest.append(arg)
                i += 1
                continue
            if "=" in arg:
                name, value = arg.split("=", 1)
                opt = self._find(name)
            else:
                opt = self._find(arg)
                if opt.action == "store_true":
                    setattr(ns, opt.dest, True)
                    i += 1
                    continue
                i += 1
                if i >= len(argv):
                    raise SystemExit("pyperf stand-in: %s needs a value" % arg)
                value = argv[i]
            setattr(ns, opt.dest, opt.convert(value))
            i += 1
        for opt, value in zip(self.positionals, rest):
            setattr(ns, opt.dest, opt.convert(value))
        return ns


class Runner:
    def __init__(self, *args, **kwargs):
        self.metadata = {}
        self.argparser = _ArgumentParser()
        self.argparser.add_argument("--loops", type=int, default=1)
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(sys.argv[1:] if args is None else args)
        return self.args

    def _loops(self):
        return self.parse_args().loops

    def bench_func(self, name, func, *args, **kwargs):
        result = None
        for _ in range(self._loops()):
            result = func(*args)
        print("%s: %r" % (name, result))

    def bench_time_func(self, name, time_func, *args, **kwargs):
        loops = self._loops()
        elapsed = time_func(loops, *args)
        print("%s: %d loops, %s" % (name, loops, "timed" if elapsed >= 0 else "no time"))
