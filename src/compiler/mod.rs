//! The front end: source text to code objects.
//!
//! `lower` parses (the only module that knows the parser) into `ast`; `symtable`
//! resolves scopes; `codegen` emits an instruction sequence with labels and
//! pseudo-instructions per code object; `flowgraph` builds the control-flow graph and
//! applies CPython's optimisations and line-number rules; `assemble` lays out the final
//! instructions, the exception table and the line table. Each stage mirrors the CPython
//! 3.14 source file of the same name, because line numbers, jumps and branches decide
//! which monitoring events fire and where.

pub mod assemble;
pub mod ast;
pub mod codegen;
pub mod diagnostics;
pub mod dis;
pub mod flowgraph;
pub mod fold;
pub mod instr;
pub mod lower;
pub mod parse_errors;
pub mod symtable;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use ast::Loc;

/// A compile-time error: always a SyntaxError (or IndentationError) with a location.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
    pub kind: ExcKind,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError { msg: msg.into(), loc, kind: ExcKind::SyntaxError }
    }
}

/// A constant as the compiler sees it (becomes a Value at assembly).
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Int(num_bigint::BigInt),
    Float(f64),
    Str(String),
    Ellipsis,
    Tuple(Vec<Const>),
    FrozenSet(Vec<Const>),
    /// `x[1:2]`: a constant slice (start, stop, step).
    Slice(Box<(Const, Const, Const)>),
    Code(std::rc::Rc<assemble::CodeUnit>),
}

impl Const {
    /// Identity key for de-duplication: equal values of the same type share a slot
    /// (floats by bits, so 0.0 and -0.0 stay apart, as CPython).
    pub fn key(&self) -> String {
        match self {
            Const::None => "N".into(),
            Const::Bool(b) => format!("B{b}"),
            Const::Int(i) => format!("I{i}"),
            Const::Float(f) => format!("F{:x}", f.to_bits()),
            Const::Str(s) => format!("S{}:{s}", s.len()),
            Const::Ellipsis => "E".into(),
            Const::Tuple(items) => format!("T({})", items.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")),
            Const::FrozenSet(items) => format!("Z({})", items.iter().map(|c| c.key()).collect::<Vec<_>>().join(",")),
            Const::Slice(b) => format!("L({},{},{})", b.0.key(), b.1.key(), b.2.key()),
            Const::Code(c) => format!("C{:p}", std::rc::Rc::as_ptr(c)),
        }
    }

    pub fn from_ast(c: &ast::Constant) -> Const {
        match c {
            ast::Constant::None => Const::None,
            ast::Constant::Bool(b) => Const::Bool(*b),
            ast::Constant::Int(i) => Const::Int(i.clone()),
            ast::Constant::Float(f) => Const::Float(*f),
            ast::Constant::Str(s) => Const::Str(s.clone()),
            ast::Constant::Ellipsis => Const::Ellipsis,
            ast::Constant::Tuple(items) => Const::Tuple(items.iter().map(Const::from_ast).collect()),
        }
    }

    /// Python truth value, when known at compile time.
    pub fn truthy(&self) -> Option<bool> {
        Some(match self {
            Const::None => false,
            Const::Bool(b) => *b,
            Const::Int(i) => !num_traits::Zero::is_zero(i),
            Const::Float(f) => *f != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Ellipsis => true,
            Const::Tuple(t) => !t.is_empty(),
            Const::FrozenSet(t) => !t.is_empty(),
            Const::Slice(_) => true,
            Const::Code(_) => return None,
        })
    }
}

/// Turns a compile error into the SyntaxError exception Python code sees.
pub fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str, source: &str) -> PyErr {
    let text = source.lines().nth(e.loc.line.saturating_sub(1) as usize).map(|l| format!("{l}\n"));
    let msg = vm.str_from_string(e.msg.clone());
    let details = tuple::new_tuple(vec![
        vm.new_str(filename),
        Value::int(e.loc.line as i64),
        Value::int(e.loc.col as i64 + 1),
        text.as_deref().map_or(Value::NONE, |t| vm.new_str(t)),
        Value::int(e.loc.end_line as i64),
        Value::int(e.loc.end_col as i64 + 1),
    ]);
    let exc = vm.new_exception_of(e.kind, tuple::new_tuple(vec![msg.clone(), details]));
    if let Some(x) = exc.downcast::<ExceptionObj>() {
        let set = |vm: &mut Vm, k: &str, v: Value| {
            let key = vm.intern(k);
            x.dict().set_str(key, v);
        };
        set(vm, "msg", msg);
        let f = vm.new_str(filename);
        set(vm, "filename", f);
        set(vm, "lineno", Value::int(e.loc.line as i64));
        set(vm, "offset", Value::int(e.loc.col as i64 + 1));
        set(vm, "end_lineno", Value::int(e.loc.end_line as i64));
        set(vm, "end_offset", Value::int(e.loc.end_col as i64 + 1));
        let t = text.as_deref().map_or(Value::NONE, |t| vm.new_str(t));
        set(vm, "text", t);
    }
    PyErr::Obj(exc)
}

/// Compiles module source into a code object value.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, module_name: &str) -> PyResult<Value> {
    vm.sources.insert(filename.to_string(), std::rc::Rc::from(source));
    match compile(source) {
        Ok(compiled) => {
            for w in &compiled.warnings {
                vm.warn_explicit(ExcKind::SyntaxWarning, &w.message, filename, w.line, module_name == "__main__");
            }
            Ok(assemble::materialize(vm, &compiled.unit, filename))
        }
        Err(e) => Err(syntax_error(vm, &e, filename, source)),
    }
}

/// A compiled module and the SyntaxWarnings its source earned, in CPython's order.
pub struct Compiled {
    pub unit: std::rc::Rc<assemble::CodeUnit>,
    pub warnings: Vec<diagnostics::CompileWarning>,
}

/// Runs one level of the compiler's recursion (over nested expressions and statements),
/// moving to a fresh stack segment when the current one runs low, so deeply nested
/// source compiles on any thread instead of overflowing the native stack.
#[inline]
pub(crate) fn deep<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// The compiler proper, independent of any VM.
pub fn compile(source: &str) -> Result<Compiled, CompileError> {
    // The parser (a recursive descent we do not own) and dropping a deep AST recurse
    // too; give the whole pipeline a roomy segment.
    stacker::maybe_grow(4 * 1024 * 1024, 64 * 1024 * 1024, || compile_on_this_stack(source))
}

fn compile_on_this_stack(source: &str) -> Result<Compiled, CompileError> {
    let (module, mut warnings) = lower::parse_module(source)?;
    diagnostics::control_flow_in_finally(&module, &mut warnings);
    let table = symtable::build(&module)?;
    let unit = codegen::compile_module(&module, &table)?;
    Ok(Compiled { unit, warnings })
}

/// [`compile`] without the warnings.
pub fn compile_to_unit(source: &str) -> Result<std::rc::Rc<assemble::CodeUnit>, CompileError> {
    compile(source).map(|c| c.unit)
}

/// Parses and compiles without running, for `monjit dis` and tests.
pub fn check_syntax(source: &str) -> Result<(), CompileError> {
    compile_to_unit(source).map(|_| ())
}

