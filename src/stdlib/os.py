"""The os module: the few operating-system services monjit has, from posix (Rust)."""

from posix import getcwd, getpid, remove, unlink

name = "posix"
sep = "/"
curdir = "."
pardir = ".."
extsep = "."
linesep = "\n"
