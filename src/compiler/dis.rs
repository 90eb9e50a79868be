//! `monjit dis`: a listing in the style of `python -m dis`.

use super::assemble::CodeUnit;
use super::Const;
use crate::bytecode::{Op, BINARY_OP_SYMBOLS, CMP_NAMES};
use std::fmt::Write;

fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True".into() } else { "False".into() },
        Const::Int(i) => i.to_string(),
        Const::Float(f) => crate::objects::float::float_repr(*f),
        Const::Str(s) => crate::runtime::strings::repr_str(s),
        Const::Bytes(b) => crate::builtins::bytes::repr_bytes(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if items.len() == 1 { format!("({},)", inner[0]) } else { format!("({})", inner.join(", ")) }
        }
        Const::FrozenSet(items) => format!("frozenset({{{}}})", items.iter().map(const_repr).collect::<Vec<_>>().join(", ")),
        Const::Slice(b) => format!("slice({}, {}, {})", const_repr(&b.0), const_repr(&b.1), const_repr(&b.2)),
        Const::Code(u) => format!("<code object {}, line {}>", u.name, u.firstlineno),
    }
}

/// Disassembles a unit and every code object nested in it.
pub fn disassemble(u: &CodeUnit) -> String {
    let mut out = String::new();
    one(u, &mut out);
    for c in &u.consts {
        if let Const::Code(inner) = c {
            let _ = writeln!(out, "\nDisassembly of <code object {}, line {}>:", inner.name, inner.firstlineno);
            out.push_str(&disassemble_body(inner));
        }
    }
    out
}

fn disassemble_body(u: &CodeUnit) -> String {
    let mut s = String::new();
    one(u, &mut s);
    for c in &u.consts {
        if let Const::Code(inner) = c {
            let _ = writeln!(s, "\nDisassembly of <code object {}, line {}>:", inner.name, inner.firstlineno);
            s.push_str(&disassemble_body(inner));
        }
    }
    s
}

fn one(u: &CodeUnit, out: &mut String) {
    let mut targets: Vec<usize> = u.instrs.iter().filter(|i| i.op.is_jump()).map(|i| i.arg as usize).collect();
    targets.extend(u.exception_table.iter().flat_map(|e| [e.start as usize, e.end as usize, e.target as usize]));
    targets.sort_unstable();
    targets.dedup();
    let label = |i: usize| targets.iter().position(|t| *t == i).map(|p| format!("L{}", p + 1));
    let mut last_line = i32::MIN;
    for (i, ins) in u.instrs.iter().enumerate() {
        let line = u.positions[i].line;
        let line_col = if line != last_line {
            if i > 0 {
                out.push('\n');
            }
            last_line = line;
            if line > 0 { format!("{line:>4}") } else { "  --".to_string() }
        } else {
            "    ".to_string()
        };
        let lab = label(i).map(|l| format!("{l}:")).unwrap_or_default();
        let argrepr = match ins.op {
            Op::LoadConst => format!("({})", u.consts.get(ins.arg as usize).map(const_repr).unwrap_or_default()),
            Op::LoadGlobal => {
                let n = u.names.get((ins.arg >> 1) as usize).cloned().unwrap_or_default();
                if ins.arg & 1 != 0 { format!("({n} + NULL)") } else { format!("({n})") }
            }
            Op::LoadAttr => {
                let n = u.names.get((ins.arg >> 1) as usize).cloned().unwrap_or_default();
                if ins.arg & 1 != 0 { format!("({n} + NULL|self)") } else { format!("({n})") }
            }
            Op::LoadName | Op::StoreName | Op::DeleteName | Op::StoreAttr | Op::DeleteAttr | Op::StoreGlobal
            | Op::DeleteGlobal | Op::ImportName | Op::ImportFrom => {
                format!("({})", u.names.get(ins.arg as usize).cloned().unwrap_or_default())
            }
            Op::LoadFast | Op::StoreFast | Op::DeleteFast | Op::LoadFastCheck | Op::LoadFastAndClear | Op::LoadDeref
            | Op::StoreDeref | Op::DeleteDeref | Op::MakeCell | Op::LoadFromDictOrDeref => {
                format!("({})", u.localsplus_names.get(ins.arg as usize).cloned().unwrap_or_default())
            }
            Op::BinaryOp => format!("({})", BINARY_OP_SYMBOLS.get(ins.arg as usize).unwrap_or(&"?")),
            Op::CompareOp => {
                let name = CMP_NAMES.get((ins.arg >> 5) as usize).unwrap_or(&"?");
                if ins.arg & 16 != 0 { format!("(bool({name}))") } else { format!("({name})") }
            }
            op if op.is_jump() => format!("(to {})", label(ins.arg as usize).unwrap_or_default()),
            _ => String::new(),
        };
        let arg = if ins.op.has_arg() { ins.arg.to_string() } else { String::new() };
        let _ = writeln!(out, "{line_col}  {lab:>6}  {:<24} {arg:>4} {argrepr}", ins.op.name()).map(|_| ());
    }
    if !u.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &u.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                label(e.start as usize).unwrap_or_default(),
                label(e.end as usize).unwrap_or_default(),
                label(e.target as usize).unwrap_or_default(),
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A machine-readable dump of a unit and its nested code objects (`monjit dis
/// --json`), for tests/tools/dis_compare.py. Offsets are instruction indices.
pub fn to_json(u: &CodeUnit) -> String {
    let mut out = String::new();
    json_unit(u, &mut out);
    out.push('\n');
    out
}

fn json_unit(u: &CodeUnit, out: &mut String) {
    let strs = |v: &[String]| v.iter().map(|s| json_str(s)).collect::<Vec<_>>().join(",");
    let _ = write!(
        out,
        "{{\"name\":{},\"qualname\":{},\"firstlineno\":{},\"argcount\":{},\"posonlyargcount\":{},\"kwonlyargcount\":{},\"flags\":{},\"stacksize\":{},",
        json_str(&u.name),
        json_str(&u.qualname),
        u.firstlineno,
        u.argcount,
        u.posonlyargcount,
        u.kwonlyargcount,
        u.flags.bits(),
        u.stacksize
    );
    let _ = write!(out, "\"names\":[{}],\"localsplus\":[{}],", strs(&u.names), strs(&u.localsplus_names));
    let kinds: Vec<String> = u.localsplus_kinds.iter().map(|k| k.to_string()).collect();
    let _ = write!(out, "\"localspluskinds\":[{}],", kinds.join(","));
    out.push_str("\"consts\":[");
    let mut first = true;
    for c in &u.consts {
        if !first {
            out.push(',');
        }
        first = false;
        match c {
            Const::Code(inner) => json_unit(inner, out),
            // Sets have no order: items sorted by repr (as dis_compare.py does).
            Const::FrozenSet(items) => {
                let mut r: Vec<String> = items.iter().map(const_repr).collect();
                r.sort();
                out.push_str(&json_str(&format!("frozenset{{{}}}", r.join(","))));
            }
            other => out.push_str(&json_str(&const_repr(other))),
        }
    }
    out.push_str("],\"code\":[");
    for (i, ins) in u.instrs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let p = u.positions[i];
        let pos = if p.line > 0 {
            format!("[{},{},{},{}]", p.line, p.end_line, p.col, p.end_col)
        } else {
            "null".to_string()
        };
        let _ = write!(out, "[{},{},{}]", json_str(ins.op.name()), ins.arg, pos);
    }
    out.push_str("],\"exc\":[");
    for (i, e) in u.exception_table.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "[{},{},{},{},{}]", e.start, e.end, e.target, e.depth, e.lasti);
    }
    out.push_str("]}");
}
