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

/// A compile-time error: a SyntaxError (or IndentationError, TabError), located as
/// CPython locates it.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub kind: ExcKind,
    /// 1-based line and column offsets, in bytes until [`syntax_error`] counts the
    /// parser's in characters. An offset of 0 means "no column" (no caret is printed); an
    /// end offset of 0 or -1 means "no end".
    pub line: u32,
    pub offset: i64,
    pub end_line: u32,
    pub end_offset: i64,
    pub text: ErrorText,
}

/// Where a SyntaxError's `text` comes from, which decides what it is with and without a
/// source file to read lines from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorText {
    /// Compile-stage errors (symtable, codegen): the error line as read from the source
    /// file, or None for source that has no file (`<string>`).
    FileLine,
    /// Parser errors: the file's line, or without a file this text from the parser's
    /// buffers (the line with its newline, or without it when the tokenizer had read on
    /// past the line).
    ParserBuffer(String),
    /// Errors the tokenizer raises itself: always this (the line without its newline).
    Tokenizer(String),
}

impl CompileError {
    /// A compile-stage error on a node: offsets are the node's byte columns plus one.
    pub fn syntax(msg: impl Into<String>, loc: Loc) -> CompileError {
        CompileError {
            msg: msg.into(),
            kind: ExcKind::SyntaxError,
            line: loc.line,
            offset: loc.col as i64 + 1,
            end_line: loc.end_line,
            end_offset: loc.end_col as i64 + 1,
            text: ErrorText::FileLine,
        }
    }
}

/// How the source reached the compiler, which changes some of CPython's error details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Source text (`compile()`, `exec()`, imports, `-c`).
    String,
    /// The script file `python FILE` runs: its tokenizer reads line by line, so errors at
    /// the end of the file have no column.
    File,
}

/// A constant as the compiler sees it (becomes a Value at assembly).
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Int(num_bigint::BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
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
            Const::Bytes(b) => format!("Y{b:?}"),
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
            ast::Constant::Bytes(b) => Const::Bytes(b.clone()),
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
            Const::Bytes(b) => !b.is_empty(),
            Const::Ellipsis => true,
            Const::Tuple(t) => !t.is_empty(),
            Const::FrozenSet(t) => !t.is_empty(),
            Const::Slice(_) => true,
            Const::Code(_) => return None,
        })
    }
}

/// Turns a compile error into the SyntaxError exception Python code sees. A filename in
/// angle brackets (`<string>`) names no file to take the line's text from.
pub fn syntax_error(vm: &mut Vm, e: &CompileError, filename: &str, source: &str) -> PyErr {
    let file_line = || {
        let line = source.split_inclusive('\n').nth(e.line.checked_sub(1)? as usize)?;
        Some(match line.strip_suffix("\r\n") {
            Some(l) => format!("{l}\n"),
            None => line.to_string(),
        })
    };
    let has_file = !filename.starts_with('<');
    let (text, in_chars) = match &e.text {
        ErrorText::Tokenizer(t) => (Some(t.clone()), true),
        ErrorText::FileLine if has_file => (file_line(), false),
        ErrorText::FileLine => (None, false),
        ErrorText::ParserBuffer(t) => (has_file.then(file_line).flatten().or_else(|| Some(t.clone())), true),
    };
    let (offset, end_offset) = match &text {
        Some(t) if in_chars => (char_offset(t, e.offset), if e.end_offset > 0 { char_offset(t, e.end_offset) } else { e.end_offset }),
        _ => (e.offset, e.end_offset),
    };
    let msg = vm.str_from_string(e.msg.clone());
    let text = text.as_deref().map_or(Value::NONE, |t| vm.new_str(t));
    let fname = vm.new_str(filename);
    let fields = [
        ("filename", fname),
        ("lineno", Value::int(e.line as i64)),
        ("offset", Value::int(offset)),
        ("text", text),
        ("end_lineno", Value::int(e.end_line as i64)),
        ("end_offset", Value::int(end_offset)),
    ];
    let details = tuple::new_tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    let exc = vm.new_exception_of(e.kind, tuple::new_tuple(vec![msg.clone(), details]));
    if let Some(x) = exc.downcast::<ExceptionObj>() {
        let set = |vm: &mut Vm, k: &str, v: Value| {
            let key = vm.intern(k);
            x.dict().set_str(key, v);
        };
        set(vm, "msg", msg);
        for (k, v) in fields {
            set(vm, k, v);
        }
    }
    PyErr::Obj(exc)
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the characters in the first
/// `offset` bytes of `text` ("replace" decoding, so a split character counts as one), the
/// offset held to one past the text's end. An end offset on a later line is counted
/// against the first line's text too, as CPython does.
fn char_offset(text: &str, offset: i64) -> i64 {
    let bytes = text.as_bytes();
    let n = offset.clamp(0, bytes.len() as i64 + 1) as usize;
    let within = n.min(bytes.len());
    String::from_utf8_lossy(&bytes[..within]).chars().count() as i64 + (n - within) as i64
}

/// Compiles module source into a code object value. The `__main__` module read from a
/// file is compiled as CPython compiles the script it runs; everything else as source text.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, module_name: &str) -> PyResult<Value> {
    vm.sources.insert(filename.to_string(), std::rc::Rc::from(source));
    let kind = if module_name == "__main__" && !filename.starts_with('<') { SourceKind::File } else { SourceKind::String };
    match compile_as(source, kind) {
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

/// The compiler proper, independent of any VM, for source text.
pub fn compile(source: &str) -> Result<Compiled, CompileError> {
    compile_as(source, SourceKind::String)
}

/// [`compile`], for source that came as `kind`.
pub fn compile_as(source: &str, kind: SourceKind) -> Result<Compiled, CompileError> {
    // The parser (a recursive descent we do not own) and dropping a deep AST recurse
    // too; give the whole pipeline a roomy segment.
    stacker::maybe_grow(4 * 1024 * 1024, 64 * 1024 * 1024, || compile_on_this_stack(source, kind))
}

fn compile_on_this_stack(source: &str, kind: SourceKind) -> Result<Compiled, CompileError> {
    let (module, mut warnings) = lower::parse_module(source, kind)?;
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

#[cfg(test)]
mod tests {
    use super::char_offset;

    #[test]
    fn offsets_count_characters_up_to_one_past_the_text() {
        assert_eq!(char_offset("x = (1,\n", 5), 5);
        // 'é' is two bytes: byte offset 6 is character offset 5.
        assert_eq!(char_offset("é = (1,\n", 6), 5);
        // Half a character still counts as one.
        assert_eq!(char_offset("é", 1), 1);
        assert_eq!(char_offset("ab", 7), 3);
        assert_eq!(char_offset("ab", 0), 0);
    }
}
