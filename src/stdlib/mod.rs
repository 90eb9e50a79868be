//! Standard-library modules written in Python and shipped inside the binary ("frozen").
//!
//! The rule for what lives here: a module (or part of one) that CPython 3.14 implements
//! in Python is written in Python here too, so its frames show in tracebacks and fire
//! monitoring events as CPython's do; what CPython implements in C is written in Rust
//! (`builtins/modules/`), so it shows no frames and fires only C_RETURN/C_RAISE.
//! A frozen module's source is compiled on first import, with the file name
//! `<frozen NAME>`, as CPython names its own frozen modules in tracebacks.

/// One frozen module: its dotted name, its source, and whether it is a package.
pub struct FrozenModule {
    pub name: &'static str,
    pub source: &'static str,
    pub is_package: bool,
}

/// Every frozen module. Add an entry here when adding a file under `src/stdlib/`.
pub static FROZEN: &[FrozenModule] = &[
    FrozenModule { name: "__future__", source: include_str!("__future__.py"), is_package: false },
    FrozenModule { name: "abc", source: include_str!("abc.py"), is_package: false },
    FrozenModule { name: "bisect", source: include_str!("bisect.py"), is_package: false },
    FrozenModule { name: "collections", source: include_str!("collections/__init__.py"), is_package: true },
    FrozenModule { name: "collections.abc", source: include_str!("collections/abc.py"), is_package: false },
    FrozenModule { name: "_collections_abc", source: include_str!("_collections_abc.py"), is_package: false },
    FrozenModule { name: "copy", source: include_str!("copy.py"), is_package: false },
    FrozenModule { name: "functools", source: include_str!("functools.py"), is_package: false },
    FrozenModule { name: "heapq", source: include_str!("heapq.py"), is_package: false },
    FrozenModule { name: "io", source: include_str!("io.py"), is_package: false },
    FrozenModule { name: "os", source: include_str!("os.py"), is_package: false },
    FrozenModule { name: "string", source: include_str!("string.py"), is_package: false },
];

pub fn find(name: &str) -> Option<&'static FrozenModule> {
    FROZEN.iter().find(|m| m.name == name)
}
