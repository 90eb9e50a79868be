"""The io module: the classes and open() of the _io module (written in Rust)."""

from _io import StringIO, TextIOWrapper, UnsupportedOperation, open

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
