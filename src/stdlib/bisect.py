"""Bisection algorithms: the functions of _bisect (written in Rust), and the aliases."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

bisect = bisect_right
insort = insort_right
