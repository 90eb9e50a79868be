//! Code objects: the compiler's output for one function, class body or module.
//!
//! Immutable except for three runtime parts: the instruction array (sys.monitoring
//! rewrites opcodes into their instrumented twins in place, as CPython does), the inline
//! caches, and the per-code runtime state (`CodeRuntime`) that monitoring and the JIT
//! keep.

use crate::bytecode::{CodeFlags, ExceptEntry, Instr, Position};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// An inline cache entry (look-up caches for globals and attributes).
#[derive(Clone, Copy, Default, Debug)]
pub struct CacheEntry {
    /// A version (dict keys version, type version) the entry is valid for; 0 = empty.
    pub version: u64,
    pub version2: u64,
    pub index: u32,
    pub aux: u32,
}

#[repr(C)]
pub struct CodeObj {
    header: ObjHeader,
    pub instrs: Box<[Cell<Instr>]>,
    pub caches: Box<[Cell<CacheEntry>]>,
    pub consts: Box<[Value]>,
    /// Interned names used by global/attribute/name instructions.
    pub names: Box<[Value]>,
    /// Names of locals, then cells, then free variables.
    pub localsplus_names: Box<[Value]>,
    pub localsplus_kinds: Box<[u8]>,
    pub positions: Box<[Position]>,
    pub exception_table: Box<[ExceptEntry]>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub nlocals: u32,
    pub ncells: u32,
    pub nfrees: u32,
    pub stacksize: u32,
    /// For each cell that is also an argument: (cell index in localsplus, arg index).
    pub cell_args: Box<[(u32, u32)]>,
    /// The positional-argument count of a call that needs no binding work (plain
    /// parameters, no `*args`/`**kwargs`/keyword-only, not a generator), else -1.
    pub fast_arity: i32,
    pub runtime: CodeRuntime,
}

/// Mutable per-code state owned by the runtime tiers.
#[derive(Default)]
pub struct CodeRuntime {
    /// Calls plus loop back-edges, for tiering.
    pub hotness: Cell<u32>,
    /// Monitoring: the original instructions while instrumented, and bookkeeping.
    pub monitoring: RefCell<Option<Box<crate::monitoring::instrument::CodeMonitoring>>>,
    /// The instrumentation version this code's instructions currently reflect.
    pub instrumentation_version: Cell<u64>,
    /// Tier 2: the compiled version, if any.
    pub tier2: crate::tier2::CodeTier2,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for CodeObj {
    const KIND: ObjKind = ObjKind::Code;
}

pub struct CodeParts {
    pub instrs: Vec<Instr>,
    pub ncaches: usize,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub localsplus_names: Vec<Value>,
    pub localsplus_kinds: Vec<u8>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptEntry>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub stacksize: u32,
}

pub fn new_code(p: CodeParts) -> Value {
    use crate::bytecode::{LOCALS_KIND_ARG, LOCALS_KIND_CELL, LOCALS_KIND_FREE};
    let nfrees = p.localsplus_kinds.iter().filter(|k| **k & LOCALS_KIND_FREE != 0).count() as u32;
    let ncells = p.localsplus_kinds.iter().filter(|k| **k & LOCALS_KIND_CELL != 0).count() as u32;
    let nlocals = p.localsplus_kinds.len() as u32 - nfrees - ncells
        + p.localsplus_kinds.iter().filter(|k| **k & LOCALS_KIND_CELL != 0 && **k & LOCALS_KIND_ARG != 0).count() as u32;
    let cell_args = Vec::new().into_boxed_slice();
    alloc(CodeObj {
        header: ObjHeader::new(ObjKind::Code),
        instrs: p.instrs.into_iter().map(Cell::new).collect(),
        caches: (0..p.ncaches).map(|_| Cell::new(CacheEntry::default())).collect(),
        consts: p.consts.into_boxed_slice(),
        names: p.names.into_boxed_slice(),
        localsplus_names: p.localsplus_names.into_boxed_slice(),
        localsplus_kinds: p.localsplus_kinds.into_boxed_slice(),
        positions: p.positions.into_boxed_slice(),
        exception_table: p.exception_table.into_boxed_slice(),
        name: p.name,
        qualname: p.qualname,
        filename: p.filename,
        firstlineno: p.firstlineno,
        argcount: p.argcount,
        posonlyargcount: p.posonlyargcount,
        kwonlyargcount: p.kwonlyargcount,
        flags: p.flags,
        nlocals,
        ncells,
        nfrees,
        stacksize: p.stacksize,
        cell_args,
        fast_arity: if p.kwonlyargcount == 0
            && !p.flags.intersects(crate::bytecode::CodeFlags::VARARGS | crate::bytecode::CodeFlags::VARKEYWORDS | crate::bytecode::CodeFlags::GENERATOR)
        {
            p.argcount as i32
        } else {
            -1
        },
        runtime: CodeRuntime::default(),
    })
}

impl CodeObj {
    pub fn len(&self) -> usize {
        self.instrs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.instrs.is_empty()
    }

    /// Slots of `localsplus`: locals, cells and free variables.
    pub fn nlocalsplus(&self) -> usize {
        self.localsplus_names.len()
    }

    /// Frame slots needed: localsplus plus the value stack.
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }

    #[inline]
    pub fn instr(&self, i: usize) -> Instr {
        self.instrs[i].get()
    }

    /// Instruction `i` as compiled: its opcode without sys.monitoring's rewriting.
    pub fn base_instr(&self, i: usize) -> Instr {
        let mut ins = self.instrs[i].get();
        if ins.op.is_instrumented() {
            if let Some(d) = self.runtime.monitoring.borrow().as_ref() {
                ins.op = d.base_op(i);
            }
        }
        ins
    }

    /// The line of instruction `i` (None for artificial instructions).
    pub fn line_of(&self, i: usize) -> Option<u32> {
        self.positions.get(i).and_then(|p| if p.line > 0 { Some(p.line as u32) } else { None })
    }

    /// The line of a Python-visible offset.
    pub fn line_of_offset(&self, offset: u32) -> Option<u32> {
        self.line_of(offset as usize / 2)
    }

    /// `co_lines()`: (start, end, line) offset ranges, equal lines merged.
    pub fn co_lines(&self) -> Vec<(u32, u32, Option<u32>)> {
        let mut out: Vec<(u32, u32, Option<u32>)> = Vec::new();
        for i in 0..self.instrs.len() {
            let line = self.line_of(i);
            let (start, end) = (2 * i as u32, 2 * i as u32 + 2);
            match out.last_mut() {
                Some(last) if last.2 == line && last.1 == start => last.1 = end,
                _ => out.push((start, end, line)),
            }
        }
        out
    }

    pub fn name_str(&self) -> &str {
        self.name.as_str().unwrap_or("?")
    }

    pub fn qualname_str(&self) -> &str {
        self.qualname.as_str().unwrap_or("?")
    }

    pub fn filename_str(&self) -> &str {
        self.filename.as_str().unwrap_or("?")
    }

    pub fn is_generator(&self) -> bool {
        self.flags.contains(CodeFlags::GENERATOR)
    }

    /// The exception handler covering instruction `i`, if any.
    pub fn handler_for(&self, i: u32) -> Option<ExceptEntry> {
        self.exception_table.iter().find(|e| e.start <= i && i < e.end).copied()
    }

    pub fn localsplus_name(&self, i: usize) -> &str {
        self.localsplus_names.get(i).and_then(|v| v.as_str()).unwrap_or("?")
    }

    pub fn cell_arg_pairs(&self) -> &[(u32, u32)] {
        &self.cell_args
    }
}
