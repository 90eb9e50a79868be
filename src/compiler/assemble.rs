//! Assembly: the flow graph laid out as final instructions, with the locals layout,
//! prefix instructions, exception table and per-instruction positions
//! (CPython's `Python/assemble.c` and `prepare_localsplus`). The result, a
//! [`CodeUnit`], is independent of any VM; [`materialize`] turns it into a code object.

use super::codegen::{Unit, DEREF_CELL, DEREF_FREE};
use super::flowgraph::FinalIns;
use super::instr::Opc;
use super::{CompileError, Const};
use crate::bytecode::{self as bc, CodeFlags, ExceptEntry, Instr, Op, Position};
use crate::objects::code::{new_code, CodeParts};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// A compiled code object, before it becomes a runtime value.
#[derive(Debug)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub instrs: Vec<Instr>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptEntry>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub localsplus_names: Vec<String>,
    pub localsplus_kinds: Vec<u8>,
    pub stacksize: u32,
    pub ncaches: usize,
    /// Free variable names in slot order (the closure the parent must build).
    pub freevars: Vec<String>,
}

pub fn assemble(u: Unit, seq: Vec<FinalIns>, consts: Vec<Const>, stacksize: u32) -> Result<Rc<CodeUnit>, CompileError> {
    // ---- locals layout: varnames, then cells that are not arguments, then frees
    // (`compute_localsplus_info` / `fix_cell_offsets`).
    let nlocals = u.varnames.len();
    let mut localsplus_names: Vec<String> = u.varnames.clone();
    let mut localsplus_kinds: Vec<u8> = vec![bc::LOCALS_KIND_LOCAL; nlocals];
    let nargs = (u.argcount + u.kwonlyargcount
        + u.flags.contains(CodeFlags::VARARGS) as u32
        + u.flags.contains(CodeFlags::VARKEYWORDS) as u32) as usize;
    for k in localsplus_kinds.iter_mut().take(nargs.min(nlocals)) {
        *k |= bc::LOCALS_KIND_ARG;
    }
    let mut cell_slot = Vec::with_capacity(u.cellvars.len());
    for c in &u.cellvars {
        match u.varnames.iter().position(|v| v == c) {
            Some(i) => {
                localsplus_kinds[i] |= bc::LOCALS_KIND_CELL;
                cell_slot.push(i);
            }
            None => {
                cell_slot.push(localsplus_names.len());
                localsplus_names.push(c.clone());
                localsplus_kinds.push(bc::LOCALS_KIND_CELL);
            }
        }
    }
    let free_base = localsplus_names.len();
    for f in &u.freevars {
        localsplus_names.push(f.clone());
        localsplus_kinds.push(bc::LOCALS_KIND_FREE);
    }
    let map_deref = |arg: u32| -> u32 {
        if arg & DEREF_CELL != 0 {
            cell_slot[(arg & !DEREF_CELL) as usize] as u32
        } else if arg & DEREF_FREE != 0 {
            (free_base + (arg & !DEREF_FREE) as usize) as u32
        } else {
            arg
        }
    };

    // ---- instructions (`resolve_unconditional_jumps`), caches and positions.
    let n = seq.len();
    let mut instrs: Vec<Instr> = Vec::with_capacity(n);
    let mut positions: Vec<Position> = Vec::with_capacity(n);
    let mut ncaches = 0usize;
    for (here, ins) in seq.iter().enumerate() {
        let t = ins.target as usize;
        let (op, arg) = match ins.opc {
            Opc::Real(op) if op.is_jump() => (op, ins.target),
            Opc::Jump => (if t > here { Op::JumpForward } else { Op::JumpBackward }, ins.target),
            Opc::JumpNoInterrupt => (if t > here { Op::JumpForward } else { Op::JumpBackwardNoInterrupt }, ins.target),
            Opc::Real(op @ (Op::LoadFast | Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::MakeCell | Op::LoadFromDictOrDeref)) => {
                (op, map_deref(ins.arg))
            }
            Opc::Real(op) => (op, ins.arg),
            other => {
                return Err(CompileError::syntax(format!("internal error: pseudo-instruction {} left in code", other.name()), Default::default()));
            }
        };
        let mut out = Instr::new(op, arg);
        if matches!(op, Op::LoadGlobal | Op::LoadAttr | Op::StoreAttr | Op::Call | Op::BinaryOp) {
            out.cache = ncaches as u16;
            ncaches += 1;
            if ncaches > u16::MAX as usize {
                return Err(CompileError::syntax("code object too large", Default::default()));
            }
        }
        if op == Op::ForIter {
            // FOR_ITER's adaptive counter (see interp/instrumented.rs).
            out.cache = crate::monitoring::instrument::FOR_ITER_WARMUP;
        }
        instrs.push(out);
        positions.push(if ins.loc.line < 0 {
            Position::default()
        } else {
            Position { line: ins.loc.line, end_line: ins.loc.end_line, col: ins.loc.col, end_col: ins.loc.end_col }
        });
    }

    // ---- exception table (`assemble_exception_table`): runs with the same handler.
    let mut table = Vec::new();
    let mut i = 0;
    while i < n {
        let h = seq[i].handler_block;
        let mut j = i + 1;
        while j < n && seq[j].handler_block == h {
            j += 1;
        }
        if let Some((target, startdepth, lasti)) = seq[i].handler {
            let depth = startdepth - 1 - lasti as i32;
            table.push(ExceptEntry { start: i as u32, end: j as u32, target, depth: depth.max(0) as u32, lasti });
        }
        i = j;
    }

    Ok(Rc::new(CodeUnit {
        name: u.name.clone(),
        qualname: u.qualname.clone(),
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: u.flags,
        instrs,
        positions,
        exception_table: table,
        consts,
        names: u.names.clone(),
        localsplus_names,
        localsplus_kinds,
        // init_code: a stack size of 0 becomes 1.
        stacksize: stacksize.max(1),
        ncaches,
        freevars: u.freevars.clone(),
    }))
}

/// `code_richcompare`: two code objects that compile to the same thing are equal, so
/// a constant table keeps only one of them (e.g. a generator expression compiled
/// twice by the `all()`/`any()`/`tuple()` fast path).
pub fn code_eq(a: &CodeUnit, b: &CodeUnit) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.instrs.len() == b.instrs.len()
        && a.instrs.iter().zip(&b.instrs).all(|(x, y)| x.op == y.op && x.arg == y.arg)
        && a.consts.len() == b.consts.len()
        && a.consts.iter().zip(&b.consts).all(|(x, y)| const_eq(x, y))
        && a.names == b.names
        && a.localsplus_names == b.localsplus_names
        && a.positions == b.positions
        && a.exception_table == b.exception_table
}

/// Constant equality as CPython's constant keys see it.
pub fn const_eq(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Code(x), Const::Code(y)) => Rc::ptr_eq(x, y) || code_eq(x, y),
        (Const::Tuple(x), Const::Tuple(y)) | (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q))
        }
        _ => a.key() == b.key(),
    }
}

/// CPython interns string constants that look like identifiers.
fn is_identifier_like(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn const_value(vm: &mut Vm, c: &Const, filename: &str) -> Value {
    match c {
        Const::None => Value::NONE,
        Const::Bool(b) => Value::bool(*b),
        Const::Int(i) => Value::big_int(i.clone()),
        Const::Float(f) => Value::float(*f),
        Const::Str(s) => {
            if is_identifier_like(s) {
                vm.intern(s)
            } else {
                vm.new_str(s)
            }
        }
        Const::Bytes(b) => crate::objects::bytes::new_bytes(b.as_slice()),
        Const::Ellipsis => Value::ELLIPSIS,
        Const::Tuple(items) => tuple::new_tuple(items.iter().map(|x| const_value(vm, x, filename)).collect()),
        Const::FrozenSet(items) => {
            let vals: Vec<Value> = items.iter().map(|x| const_value(vm, x, filename)).collect();
            crate::runtime::sets::set_from_values(vm, vals, true).unwrap_or_else(|_| set::new_set(true))
        }
        Const::Slice(b) => {
            let (start, stop, step) = (const_value(vm, &b.0, filename), const_value(vm, &b.1, filename), const_value(vm, &b.2, filename));
            range::new_slice(start, stop, step)
        }
        Const::Code(u) => materialize(vm, u, filename),
    }
}

/// Turns a compiled unit (and its nested units) into a code object.
pub fn materialize(vm: &mut Vm, u: &CodeUnit, filename: &str) -> Value {
    let consts: Vec<Value> = u.consts.iter().map(|c| const_value(vm, c, filename)).collect();
    let names: Vec<Value> = u.names.iter().map(|n| vm.intern(n)).collect();
    let localsplus_names: Vec<Value> = u.localsplus_names.iter().map(|n| vm.intern(n)).collect();
    let name = vm.intern(&u.name);
    let qualname = vm.intern(&u.qualname);
    let filename_v = vm.intern(filename);
    new_code(CodeParts {
        instrs: u.instrs.clone(),
        ncaches: u.ncaches,
        consts,
        names,
        localsplus_names,
        localsplus_kinds: u.localsplus_kinds.clone(),
        positions: u.positions.clone(),
        exception_table: u.exception_table.clone(),
        name,
        qualname,
        filename: filename_v,
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: u.flags,
        stacksize: u.stacksize,
    })
}
