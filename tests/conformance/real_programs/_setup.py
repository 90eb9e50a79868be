"""Shared by the checkers: puts the unchanged pyperformance programs (and the pyperf
stand-in) on sys.path. The programs print only that they ran; each checker imports
one, runs its pieces at a size small enough for CI and prints what they compute."""
import sys

HERE = __file__.rsplit("/", 1)[0]
sys.path.insert(0, HERE + "/pyperformance")


class CaptureRunner:
    """Takes the place of pyperf.Runner for a program's main(): records what it would
    benchmark instead of running it."""

    def __init__(self):
        self.metadata = {}
        self.benchmarks = []

    def bench_func(self, name, func, *args, **kwargs):
        self.benchmarks.append((name, func, args))

    def bench_time_func(self, name, func, *args, **kwargs):
        self.benchmarks.append((name, func, args))


class Args:
    def __init__(self, **kwargs):
        for k in kwargs:
            setattr(self, k, kwargs[k])
