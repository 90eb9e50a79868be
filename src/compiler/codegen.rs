//! Code generation: AST to an instruction sequence per code object, following
//! CPython 3.14's `Python/codegen.c` construct by construct (same instructions, same
//! locations, same pseudo-instructions), so the flow graph built from it matches
//! CPython's and line/branch events come out identical.

use super::assemble::CodeUnit;
use super::ast::*;
use super::instr::{Ins, Label, Opc, SrcLoc, NO_LABEL, NO_LOCATION};
use super::symtable::{self, Scope, ScopeId, SymbolTable};
use super::{CompileError, Const};
use crate::bytecode::{self as bc, BinaryOpArg, CodeFlags, Op};
use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

type R<T = ()> = Result<T, CompileError>;

/// CPython's `_PY_STACK_USE_GUIDELINE`: longer displays are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

/// Deref instruction arguments are resolved at assembly: cells and frees are tagged.
pub const DEREF_CELL: u32 = 1 << 30;
pub const DEREF_FREE: u32 = 1 << 29;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    GenExpr,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    StopIteration,
}

#[derive(Clone)]
struct FBlock {
    kind: FBlockKind,
    block: Label,
    exit: Label,
    loc: SrcLoc,
    /// FinallyTry: the finally body; HandlerCleanup: the bound name.
    finally_body: Option<*const Vec<Stmt>>,
    name: Option<String>,
}

pub struct Unit {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: String,
    pub qualname: String,
    pub seq: Vec<Ins>,
    /// Label id -> index of the instruction it precedes.
    pub labels: Vec<usize>,
    pub consts: Vec<Const>,
    const_map: FxHashMap<String, u32>,
    pub names: Vec<String>,
    name_map: FxHashMap<String, u32>,
    pub varnames: Vec<String>,
    var_map: FxHashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    fblocks: Vec<FBlock>,
    pub argcount: u32,
    /// Parameters (the symbol table's varnames), for LOAD_FAST_CHECK analysis.
    pub nparams: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub firstlineno: u32,
    private: Option<String>,
    in_inlined_comp: u32,
    fast_hidden: FxHashSet<String>,
    /// Temporary scope overrides while compiling an inlined comprehension.
    scope_overrides: FxHashMap<String, (Scope, u32)>,
    /// Names stored as `self.<name>` in methods (for `__static_attributes__`).
    static_attributes: std::collections::BTreeSet<String>,
    pub has_docstring: bool,
}

pub struct Codegen<'a> {
    table: &'a SymbolTable,
    units: Vec<Unit>,
    /// The location CPython gives a generator expression that is a call's only
    /// argument (it includes the call's parentheses), keyed by the node's address.
    genexp_locs: FxHashMap<usize, Loc>,
}

/// Compiles a whole module.
pub fn compile_module(module: &[Stmt], table: &SymbolTable) -> R<Rc<CodeUnit>> {
    let mut g = Codegen { table, units: Vec::new(), genexp_locs: FxHashMap::default() };
    // The module is always the first scope.
    let top = 0;
    g.enter_scope(UnitKind::Module, "<module>", top, 1, None);
    g.body(module)?;
    g.finish_unit(true)
}

impl<'a> Codegen<'a> {
    // ------------------------------------------------------------ units

    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit")
    }

    fn ur(&self) -> &Unit {
        self.units.last().expect("a unit")
    }

    fn block(&self) -> &symtable::Block {
        self.table.block(self.ur().scope)
    }

    fn enter_scope(&mut self, kind: UnitKind, name: &str, scope: ScopeId, firstlineno: u32, private: Option<String>) {
        let block = self.table.block(scope);
        let qualname = self.qualname_for(name, kind);
        let mut varnames = Vec::new();
        let mut var_map = FxHashMap::default();
        for v in &block.varnames {
            var_map.insert(v.clone(), varnames.len() as u32);
            varnames.push(v.clone());
        }
        let mut cellvars = block.cellvars();
        if kind == UnitKind::Class && block.needs_class_closure {
            // Cooked up after the sorted cells, as CPython's compiler_enter_scope.
            cellvars.push("__class__".into());
        }
        if kind == UnitKind::Class && block.needs_classdict {
            cellvars.push("__classdict__".into());
        }
        // Free variables, plus names a class passes through to its methods while
        // also binding them itself (CPython's DEF_FREE_CLASS).
        let mut freevars: Vec<String> = block.symbols.iter()
            .filter(|(_, s)| s.scope == Scope::Free || s.flags & symtable::DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        let mut flags = CodeFlags::empty();
        if matches!(kind, UnitKind::Function | UnitKind::Lambda | UnitKind::GenExpr) {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
            if block.nested {
                flags |= CodeFlags::NESTED;
            }
        }
        if block.is_generator {
            flags |= CodeFlags::GENERATOR;
        }
        // ste_method: a function (or lambda, or comprehension) directly in a class body.
        if matches!(kind, UnitKind::Function | UnitKind::Lambda | UnitKind::GenExpr)
            && self.units.last().is_some_and(|p| p.kind == UnitKind::Class)
        {
            flags |= CodeFlags::METHOD;
        }
        self.units.push(Unit {
            kind,
            scope,
            name: name.to_string(),
            qualname,
            seq: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_map: FxHashMap::default(),
            names: Vec::new(),
            name_map: FxHashMap::default(),
            varnames,
            var_map,
            cellvars,
            freevars,
            fblocks: Vec::new(),
            argcount: 0,
            nparams: block.varnames.len() as u32,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            firstlineno,
            private,
            in_inlined_comp: 0,
            fast_hidden: FxHashSet::default(),
            scope_overrides: FxHashMap::default(),
            static_attributes: Default::default(),
            has_docstring: false,
        });
        // Every code object starts with RESUME (module: line 0, others: first line).
        let line = if kind == UnitKind::Module { 0 } else { firstlineno as i32 };
        let loc = SrcLoc { line, end_line: firstlineno as i32, col: 0, end_col: 0 };
        self.emit(Op::Resume, bc::RESUME_AT_FUNC_START, loc);
    }

    /// CPython's qualname rules: nested in a function adds `<locals>`.
    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        if kind == UnitKind::Module {
            return name.to_string();
        }
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        // A global declaration of the name in the enclosing scope makes it top-level.
        let parent_block = self.table.block(parent.scope);
        let mangled = symtable::mangle(parent.private.as_deref(), name);
        if matches!(parent_block.scope_of(&mangled), Some(Scope::GlobalExplicit)) {
            return name.to_string();
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda | UnitKind::GenExpr => format!("{}.<locals>.{name}", parent.qualname),
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// `_PyCompile_OptimizeAndAssemble`: adds the return at the end
    /// (`_PyCodegen_AddReturnAtEnd`), then optimises and assembles.
    fn finish_unit(&mut self, add_none: bool) -> R<Rc<CodeUnit>> {
        if add_none {
            self.load_none(NO_LOCATION);
        }
        self.emit(Op::ReturnValue, 0, NO_LOCATION);
        let u = self.units.pop().expect("unit");
        super::flowgraph::optimize_and_assemble(u)
    }

    // ------------------------------------------------------------ emission

    fn emit(&mut self, op: Op, arg: u32, loc: SrcLoc) {
        self.u().seq.push(Ins::new(Opc::Real(op), arg, loc));
    }

    fn emit_pseudo(&mut self, opc: Opc, arg: u32, loc: SrcLoc) {
        self.u().seq.push(Ins::new(opc, arg, loc));
    }

    fn emit_jump(&mut self, opc: Opc, target: Label, loc: SrcLoc) {
        let mut i = Ins::new(opc, 0, loc);
        i.target = target;
        self.u().seq.push(i);
    }

    fn jump(&mut self, op: Op, target: Label, loc: SrcLoc) {
        self.emit_jump(Opc::Real(op), target, loc);
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(usize::MAX);
        (u.labels.len() - 1) as Label
    }

    fn use_label(&mut self, l: Label) {
        let u = self.u();
        u.labels[l as usize] = u.seq.len();
    }

    fn add_const(&mut self, c: Const) -> u32 {
        if let Const::Code(_) = &c {
            if let Some(i) = self.ur().consts.iter().position(|x| super::assemble::const_eq(x, &c)) {
                return i as u32;
            }
        }
        let key = c.key();
        let u = self.u();
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        u.consts.push(c);
        let i = (u.consts.len() - 1) as u32;
        u.const_map.insert(key, i);
        i
    }

    /// `ADDOP_LOAD_CONST`: always LOAD_CONST (the flow graph turns small ints into
    /// LOAD_SMALL_INT, and the constant keeps its slot).
    fn load_const(&mut self, c: Const, loc: SrcLoc) {
        let ci = self.add_const(c);
        self.emit(Op::LoadConst, ci, loc);
    }

    fn load_none(&mut self, loc: SrcLoc) {
        self.load_const(Const::None, loc);
    }

    fn add_name(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        let u = self.u();
        if let Some(&i) = u.name_map.get(&mangled) {
            return i;
        }
        u.names.push(mangled.clone());
        let i = (u.names.len() - 1) as u32;
        u.name_map.insert(mangled, i);
        i
    }

    /// Index of a fast local, adding it to varnames on first use.
    fn varname(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.var_map.get(name) {
            return i;
        }
        u.varnames.push(name.to_string());
        let i = (u.varnames.len() - 1) as u32;
        u.var_map.insert(name.to_string(), i);
        i
    }

    fn mangle(&self, name: &str) -> String {
        // The innermost class's name applies (methods mangle with their class).
        let private = self.units.iter().rev().find_map(|u| u.private.clone());
        symtable::mangle(private.as_deref(), name)
    }

    fn err<T>(&self, msg: impl Into<String>, loc: Loc) -> R<T> {
        Err(CompileError::syntax(msg, loc))
    }

    // ------------------------------------------------------------ names

    fn is_function_like(&self) -> bool {
        matches!(self.ur().kind, UnitKind::Function | UnitKind::Lambda | UnitKind::GenExpr)
    }

    fn scope_of(&self, mangled: &str) -> Option<Scope> {
        if let Some(s) = self.ur().scope_overrides.get(mangled) {
            return Some(s.0);
        }
        self.block().scope_of(mangled)
    }

    /// CPython's `compiler_nameop`: picks FAST, DEREF, GLOBAL or NAME instructions.
    fn nameop(&mut self, name: &str, ctx: Ctx, loc: SrcLoc) -> R {
        let mangled = self.mangle(name);
        let scope = self.scope_of(&mangled);
        let fast_hidden = self.ur().fast_hidden.contains(&mangled);
        #[derive(PartialEq)]
        enum T {
            Fast,
            Global,
            Deref,
            Name,
        }
        let t = match scope {
            Some(Scope::Free) | Some(Scope::Cell) => T::Deref,
            Some(Scope::Local) if self.is_function_like() || fast_hidden => T::Fast,
            Some(Scope::GlobalImplicit) if self.is_function_like() => T::Global,
            Some(Scope::GlobalExplicit) => T::Global,
            _ => T::Name,
        };
        match t {
            T::Fast => {
                let i = self.varname(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, i, loc);
            }
            T::Deref => {
                let arg = self.deref_index(&mangled, scope == Some(Scope::Free));
                match ctx {
                    Ctx::Load => {
                        if self.ur().kind == UnitKind::Class && self.ur().in_inlined_comp == 0 {
                            self.emit(Op::LoadLocals, 0, loc);
                            self.emit(Op::LoadFromDictOrDeref, arg, loc);
                        } else {
                            self.emit(Op::LoadDeref, arg, loc);
                        }
                    }
                    Ctx::Store => self.emit(Op::StoreDeref, arg, loc),
                    Ctx::Del => self.emit(Op::DeleteDeref, arg, loc),
                }
            }
            T::Global => {
                let i = self.add_name(name);
                match ctx {
                    Ctx::Load => self.emit(Op::LoadGlobal, i << 1, loc),
                    Ctx::Store => self.emit(Op::StoreGlobal, i, loc),
                    Ctx::Del => self.emit(Op::DeleteGlobal, i, loc),
                }
            }
            T::Name => {
                let i = self.add_name(name);
                match ctx {
                    Ctx::Load => {
                        if self.ur().kind == UnitKind::Class && self.ur().in_inlined_comp > 0 {
                            self.emit(Op::LoadGlobal, i << 1, loc);
                        } else {
                            self.emit(Op::LoadName, i, loc);
                        }
                    }
                    Ctx::Store => self.emit(Op::StoreName, i, loc),
                    Ctx::Del => self.emit(Op::DeleteName, i, loc),
                }
            }
        }
        Ok(())
    }

    fn deref_index(&mut self, mangled: &str, free: bool) -> u32 {
        let u = self.u();
        if free {
            if let Some(i) = u.freevars.iter().position(|n| n == mangled) {
                return DEREF_FREE | i as u32;
            }
            u.freevars.push(mangled.to_string());
            return DEREF_FREE | (u.freevars.len() - 1) as u32;
        }
        if let Some(i) = u.cellvars.iter().position(|n| n == mangled) {
            return DEREF_CELL | i as u32;
        }
        u.cellvars.push(mangled.to_string());
        DEREF_CELL | (u.cellvars.len() - 1) as u32
    }

    fn store_name(&mut self, name: &str, loc: SrcLoc) -> R {
        self.nameop(name, Ctx::Store, loc)
    }

    // ------------------------------------------------------------ frame blocks

    fn push_fblock(&mut self, kind: FBlockKind, block: Label, exit: Label, loc: SrcLoc) {
        self.u().fblocks.push(FBlock { kind, block, exit, loc, finally_body: None, name: None });
    }

    fn pop_fblock(&mut self, kind: FBlockKind) {
        let f = self.u().fblocks.pop().expect("fblock");
        debug_assert_eq!(f.kind, kind);
    }

    /// Emits the cleanup for leaving one frame block early (return/break/continue).
    fn unwind_fblock(&mut self, info: &FBlock, loc: &mut SrcLoc, preserve_tos: bool) -> R {
        match info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                // Pop the iterator.
                if preserve_tos {
                    self.emit(Op::Swap, 2, *loc);
                }
                self.emit(Op::PopTop, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Opc::PopBlock, 0, *loc),
            FBlockKind::FinallyTry => {
                self.emit_pseudo(Opc::PopBlock, 0, *loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_LABEL, NO_LABEL, *loc);
                }
                // SAFETY-free: the finally body outlives code generation of its try.
                let body = info.finally_body.expect("finally body");
                // The AST is borrowed for the whole compilation; the pointer came from it.
                let body: &Vec<Stmt> = unsafe_deref(body);
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock(FBlockKind::PopValue);
                }
                *loc = NO_LOCATION;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2, *loc);
                }
                self.emit(Op::PopTop, 0, *loc);
                if preserve_tos {
                    self.emit(Op::Swap, 2, *loc);
                }
                self.emit_pseudo(Opc::PopBlock, 0, *loc);
                self.emit(Op::PopExcept, 0, *loc);
            }
            FBlockKind::With => {
                *loc = info.loc;
                self.emit_pseudo(Opc::PopBlock, 0, *loc);
                if preserve_tos {
                    self.emit(Op::Swap, 3, *loc);
                    self.emit(Op::Swap, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                self.emit(Op::PopTop, 0, *loc);
                *loc = NO_LOCATION;
            }
            FBlockKind::HandlerCleanup => {
                if info.name.is_some() {
                    self.emit_pseudo(Opc::PopBlock, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2, *loc);
                }
                self.emit_pseudo(Opc::PopBlock, 0, *loc);
                self.emit(Op::PopExcept, 0, *loc);
                if let Some(n) = &info.name {
                    self.load_none(*loc);
                    self.nameop(n, Ctx::Store, *loc)?;
                    self.nameop(n, Ctx::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2, *loc);
                }
                self.emit(Op::PopTop, 0, *loc);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks up to (not including) the innermost loop when `want_loop`.
    fn unwind_fblock_stack(&mut self, loc: &mut SrcLoc, preserve_tos: bool, want_loop: bool) -> R<Option<FBlock>> {
        let Some(top) = self.ur().fblocks.last().cloned() else { return Ok(None) };
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        let copy = self.u().fblocks.pop().expect("fblock");
        self.unwind_fblock(&copy, loc, preserve_tos)?;
        let r = self.unwind_fblock_stack(loc, preserve_tos, want_loop)?;
        self.u().fblocks.push(copy);
        Ok(r)
    }

    fn call_exit_with_nones(&mut self, loc: SrcLoc) {
        self.load_none(loc);
        self.load_none(loc);
        self.load_none(loc);
        self.emit(Op::Call, 3, loc);
    }

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// `codegen_body` (module and class bodies): a docstring is stored as `__doc__`.
    fn body(&mut self, stmts: &[Stmt]) -> R {
        let mut body = stmts;
        if let Some(doc) = docstring(stmts) {
            let StmtKind::Expr(e) = &stmts[0].kind else { unreachable!() };
            self.load_const(Const::Str(clean_doc(doc)), SrcLoc::from_ast(e.loc));
            self.store_name("__doc__", NO_LOCATION)?;
            body = &stmts[1..];
        }
        self.stmts(body)
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        super::deep(|| self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        let loc = SrcLoc::from_ast(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.loc),
            StmtKind::ClassDef(c) => self.class_def(c, s.loc),
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.loc),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy, 1, loc);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value, loc),
            StmtKind::AnnAssign { target, value, .. } => {
                // `codegen_annassign` (annotations themselves are not evaluated).
                if let Some(v) = value {
                    self.expr(v)?;
                    self.expr(target)?;
                } else {
                    match &target.kind {
                        ExprKind::Attribute { value, .. } => self.check_ann_expr(value)?,
                        ExprKind::Subscript { value, slice, .. } => {
                            self.check_ann_expr(value)?;
                            self.check_ann_subscr(slice)?;
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            StmtKind::For { target, iter, body, orelse } => self.for_stmt(target, iter, body, orelse, s.loc),
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse, loc),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse, loc),
            StmtKind::With { items, body } => self.with_stmt(items, body, 0, loc),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n, loc);
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, loc)
                } else {
                    self.try_except(body, handlers, orelse, loc)
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref(), loc),
            StmtKind::Import(names) => self.import(names, loc),
            StmtKind::ImportFrom { module, names, level } => self.import_from(module.as_deref(), names, *level, loc),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(()),
            StmtKind::Expr(e) => {
                if e.constant().is_some() {
                    // A lone constant (docstring-like) still marks its line.
                    self.emit(Op::Nop, 0, loc);
                    return Ok(());
                }
                self.expr(e)?;
                self.emit(Op::PopTop, 0, NO_LOCATION);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Op::Nop, 0, loc);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s.loc),
            StmtKind::Continue => self.continue_stmt(s.loc),
        }
    }

    fn return_stmt(&mut self, value: Option<&Expr>, sloc: Loc) -> R {
        if !self.is_function_like() {
            return self.err("'return' outside function", sloc);
        }
        let mut loc = SrcLoc::from_ast(sloc);
        let preserve_tos = value.is_some_and(|v| v.constant().is_none());
        if preserve_tos {
            self.expr(value.expect("value"))?;
        } else if let Some(v) = value {
            // Emit an instruction with the value's line; the constant loads there.
            loc = SrcLoc::from_ast(v.loc);
            self.emit(Op::Nop, 0, loc);
        }
        if value.is_none_or(|v| v.loc.line != sloc.line) {
            loc = SrcLoc::from_ast(sloc);
            self.emit(Op::Nop, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match value {
            None => self.load_none(loc),
            Some(v) if !preserve_tos => self.load_const(Const::from_ast(v.constant().expect("constant")), loc),
            _ => {}
        }
        self.emit(Op::ReturnValue, 0, loc);
        Ok(())
    }

    fn break_stmt(&mut self, sloc: Loc) -> R {
        let mut loc = SrcLoc::from_ast(sloc);
        self.emit(Op::Nop, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return self.err("'break' outside loop", sloc);
        };
        self.unwind_fblock(&lp, &mut loc, false)?;
        self.emit_jump(Opc::Jump, lp.exit, loc);
        Ok(())
    }

    fn continue_stmt(&mut self, sloc: Loc) -> R {
        let mut loc = SrcLoc::from_ast(sloc);
        self.emit(Op::Nop, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return self.err("'continue' not properly in loop", sloc);
        };
        self.emit_jump(Opc::Jump, lp.block, loc);
        Ok(())
    }

    fn if_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt], loc: SrcLoc) -> R {
        let end = self.new_label();
        let next = if orelse.is_empty() { end } else { self.new_label() };
        self.jump_if(test, next, false, loc)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
            self.use_label(next);
            self.stmts(orelse)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt], loc: SrcLoc) -> R {
        let lp = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end, loc);
        self.jump_if(test, anchor, false, loc)?;
        self.stmts(body)?;
        self.emit_jump(Opc::Jump, lp, NO_LOCATION);
        self.pop_fblock(FBlockKind::WhileLoop);
        self.use_label(anchor);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt], sloc: Loc) -> R {
        let loc = SrcLoc::from_ast(sloc);
        let start = self.new_label();
        let body_l = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, start, end, loc);
        self.expr(iter)?;
        let iloc = SrcLoc::from_ast(iter.loc);
        self.emit(Op::GetIter, 0, iloc);
        self.use_label(start);
        self.jump(Op::ForIter, cleanup, iloc);
        // NOP so multi-line for statements trace the target's line.
        self.emit(Op::Nop, 0, SrcLoc::from_ast(target.loc));
        self.use_label(body_l);
        self.expr(target)?;
        self.stmts(body)?;
        self.emit_jump(Opc::Jump, start, NO_LOCATION);
        self.use_label(cleanup);
        self.emit(Op::EndFor, 0, NO_LOCATION);
        self.emit(Op::PopIter, 0, NO_LOCATION);
        self.pop_fblock(FBlockKind::ForLoop);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn try_finally(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt], finalbody: &Vec<Stmt>, loc: SrcLoc) -> R {
        let body_l = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opc::SetupFinally, end, loc);
        self.use_label(body_l);
        self.u().fblocks.push(FBlock {
            kind: FBlockKind::FinallyTry,
            block: body_l,
            exit: end,
            loc,
            finally_body: Some(finalbody as *const Vec<Stmt>),
            name: None,
        });
        if !handlers.is_empty() {
            self.try_except(body, handlers, orelse, loc)?;
        } else {
            self.stmts(body)?;
        }
        self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
        self.pop_fblock(FBlockKind::FinallyTry);
        self.stmts(finalbody)?;
        self.emit_jump(Opc::JumpNoInterrupt, exit, NO_LOCATION);
        // The finally block for the exceptional path.
        self.use_label(end);
        self.emit_jump(Opc::SetupCleanup, cleanup, NO_LOCATION);
        self.emit(Op::PushExcInfo, 0, NO_LOCATION);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_LABEL, NO_LOCATION);
        self.stmts(finalbody)?;
        self.pop_fblock(FBlockKind::FinallyEnd);
        self.emit(Op::Reraise, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self, loc: SrcLoc) {
        self.emit(Op::Copy, 3, loc);
        self.emit(Op::PopExcept, 0, loc);
        self.emit(Op::Reraise, 1, loc);
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[ExceptHandler], orelse: &[Stmt], loc: SrcLoc) -> R {
        let body_l = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opc::SetupFinally, except, loc);
        self.use_label(body_l);
        self.push_fblock(FBlockKind::TryExcept, body_l, NO_LABEL, loc);
        self.stmts(body)?;
        self.pop_fblock(FBlockKind::TryExcept);
        self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
        self.stmts(orelse)?;
        self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
        self.use_label(except);
        self.emit_jump(Opc::SetupCleanup, cleanup, NO_LOCATION);
        self.emit(Op::PushExcInfo, 0, NO_LOCATION);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_LABEL, NO_LABEL, loc);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let hloc = SrcLoc::from_ast(h.loc);
            if h.typ.is_none() && i + 1 < n {
                return self.err("default 'except:' must be last", h.loc);
            }
            let next_except = self.new_label();
            except = next_except;
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Op::CheckExcMatch, 0, hloc);
                self.jump(Op::PopJumpIfFalse, except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, Ctx::Store, hloc)?;
                self.emit_jump(Opc::SetupCleanup, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.u().fblocks.push(FBlock {
                    kind: FBlockKind::HandlerCleanup,
                    block: cleanup_body,
                    exit: NO_LABEL,
                    loc: hloc,
                    finally_body: None,
                    name: Some(name.clone()),
                });
                self.stmts(&h.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup);
                self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
                self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
                self.emit(Op::PopExcept, 0, NO_LOCATION);
                self.load_none(NO_LOCATION);
                self.nameop(name, Ctx::Store, NO_LOCATION)?;
                self.nameop(name, Ctx::Del, NO_LOCATION)?;
                self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
                self.use_label(cleanup_end);
                self.load_none(NO_LOCATION);
                self.nameop(name, Ctx::Store, NO_LOCATION)?;
                self.nameop(name, Ctx::Del, NO_LOCATION)?;
                self.emit(Op::Reraise, 1, NO_LOCATION);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Op::PopTop, 0, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_LABEL, hloc);
                self.stmts(&h.body)?;
                self.pop_fblock(FBlockKind::HandlerCleanup);
                self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
                self.emit(Op::PopExcept, 0, NO_LOCATION);
                self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
            }
            self.use_label(except);
        }
        self.pop_fblock(FBlockKind::ExceptionHandler);
        self.emit(Op::Reraise, 0, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &[WithItem], body: &[Stmt], pos: usize, sloc: SrcLoc) -> R {
        let item = &items[pos];
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        let loc = SrcLoc::from_ast(item.context_expr.loc);
        self.emit(Op::Copy, 1, loc);
        self.emit(Op::LoadSpecial, bc::SPECIAL_EXIT, loc);
        self.emit(Op::Swap, 2, loc);
        self.emit(Op::Swap, 3, loc);
        self.emit(Op::LoadSpecial, bc::SPECIAL_ENTER, loc);
        self.emit(Op::Call, 0, loc);
        self.emit_jump(Opc::SetupWith, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With, block, final_, loc);
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Op::PopTop, 0, loc),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(items, body, pos + 1, sloc)?;
        }
        self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
        self.pop_fblock(FBlockKind::With);
        self.call_exit_with_nones(loc);
        self.emit(Op::PopTop, 0, loc);
        self.emit_jump(Opc::Jump, exit, loc);
        self.use_label(final_);
        self.emit_jump(Opc::SetupCleanup, cleanup, loc);
        self.emit(Op::PushExcInfo, 0, loc);
        self.emit(Op::WithExceptStart, 0, loc);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        self.emit(Op::ToBool, 0, NO_LOCATION);
        self.jump(Op::PopJumpIfTrue, suppress, NO_LOCATION);
        self.emit(Op::Reraise, 2, NO_LOCATION);
        self.use_label(suppress);
        self.emit(Op::PopTop, 0, NO_LOCATION);
        self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
        self.emit(Op::PopExcept, 0, NO_LOCATION);
        self.emit(Op::PopTop, 0, NO_LOCATION);
        self.emit(Op::PopTop, 0, NO_LOCATION);
        self.emit(Op::PopTop, 0, NO_LOCATION);
        let exit = self.new_label();
        self.emit_jump(Opc::JumpNoInterrupt, exit, NO_LOCATION);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOCATION);
        self.use_label(exit);
    }

    fn assert_stmt(&mut self, test: &Expr, msg: Option<&Expr>, loc: SrcLoc) -> R {
        let end = self.new_label();
        self.jump_if(test, end, true, loc)?;
        self.emit(Op::LoadCommonConstant, bc::CONSTANT_ASSERTIONERROR, loc);
        if let Some(m) = msg {
            self.expr(m)?;
            self.emit(Op::Call, 0, loc);
        }
        self.emit(Op::RaiseVarargs, 1, SrcLoc::from_ast(test.loc));
        self.use_label(end);
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &Expr) -> R {
        self.expr(e)?;
        self.emit(Op::PopTop, 0, SrcLoc::from_ast(e.loc));
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }

    fn import(&mut self, names: &[Alias], loc: SrcLoc) -> R {
        for a in names {
            let aloc = loc;
            self.load_const(Const::Int(0.into()), loc);
            self.load_none(loc);
            let ni = self.add_name(&a.name);
            self.emit(Op::ImportName, ni, loc);
            match &a.asname {
                Some(asname) => {
                    // `import a.b.c as d`: fetch the submodule from the package.
                    let parts: Vec<&str> = a.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, p) in parts[1..].iter().enumerate() {
                            let pi = self.add_name(p);
                            self.emit(Op::ImportFrom, pi, aloc);
                            if k + 2 < parts.len() {
                                self.emit(Op::Swap, 2, aloc);
                                self.emit(Op::PopTop, 0, aloc);
                            }
                        }
                        self.store_name(asname, loc)?;
                        self.emit(Op::PopTop, 0, loc);
                    } else {
                        self.store_name(asname, loc)?;
                    }
                }
                None => {
                    let top = a.name.split('.').next().unwrap_or("").to_string();
                    self.store_name(&top, loc)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &[Alias], level: u32, loc: SrcLoc) -> R {
        self.load_const(Const::Int(level.into()), loc);
        let fromlist = Const::Tuple(names.iter().map(|a| Const::Str(a.name.clone())).collect());
        let ci = self.add_const(fromlist);
        self.emit(Op::LoadConst, ci, loc);
        let mi = self.add_name(module.unwrap_or(""));
        self.emit(Op::ImportName, mi, loc);
        for a in names {
            if a.name == "*" {
                self.emit(Op::CallIntrinsic1, bc::INTRINSIC_IMPORT_STAR, loc);
                self.emit(Op::PopTop, 0, NO_LOCATION);
                return Ok(());
            }
            let ni = self.add_name(&a.name);
            self.emit(Op::ImportFrom, ni, loc);
            let store = a.asname.clone().unwrap_or_else(|| a.name.clone());
            self.store_name(&store, loc)?;
        }
        self.emit(Op::PopTop, 0, loc);
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr, loc: SrcLoc) -> R {
        let inplace = inplace_arg(op);
        let tloc = SrcLoc::from_ast(target.loc);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.nameop(id, Ctx::Load, tloc)?;
                self.expr(value)?;
                self.emit(Op::BinaryOp, inplace, loc);
                self.nameop(id, Ctx::Store, tloc)?;
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.expr(obj)?;
                self.emit(Op::Copy, 1, tloc);
                let aloc = update_start_location_to_match_attr(tloc, target);
                let ni = self.add_name(attr);
                self.emit(Op::LoadAttr, ni << 1, aloc);
                self.expr(value)?;
                self.emit(Op::BinaryOp, inplace, loc);
                self.emit(Op::Swap, 2, aloc);
                self.emit(Op::StoreAttr, ni, aloc);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.expr(obj)?;
                if should_apply_two_element_slice_optimization(slice) {
                    self.slice_two_parts(slice)?;
                    self.emit(Op::Copy, 3, tloc);
                    self.emit(Op::Copy, 3, tloc);
                    self.emit(Op::Copy, 3, tloc);
                    self.emit(Op::BinarySlice, 0, tloc);
                    self.expr(value)?;
                    self.emit(Op::BinaryOp, inplace, loc);
                    self.emit(Op::Swap, 4, tloc);
                    self.emit(Op::Swap, 3, tloc);
                    self.emit(Op::Swap, 2, tloc);
                    self.emit(Op::StoreSlice, 0, tloc);
                } else {
                    self.expr(slice)?;
                    self.emit(Op::Copy, 2, tloc);
                    self.emit(Op::Copy, 2, tloc);
                    self.emit(Op::BinaryOp, BinaryOpArg::Subscr as u32, tloc);
                    self.expr(value)?;
                    self.emit(Op::BinaryOp, inplace, loc);
                    self.emit(Op::Swap, 3, tloc);
                    self.emit(Op::Swap, 2, tloc);
                    self.emit(Op::StoreSubscr, 0, tloc);
                }
            }
            _ => return self.err("'expression' is an illegal expression for augmented assignment", target.loc),
        }
        Ok(())
    }

    /// `codegen_slice_two_parts`: a missing bound is None at the slice's location.
    fn slice_two_parts(&mut self, s: &Expr) -> R {
        let ExprKind::Slice { lower, upper, .. } = &s.kind else { unreachable!() };
        let sloc = SrcLoc::from_ast(s.loc);
        for part in [lower, upper] {
            match part {
                Some(e) => self.expr(e)?,
                None => self.load_none(sloc),
            }
        }
        Ok(())
    }


    // ------------------------------------------------------------ functions and classes

    fn function_def(&mut self, f: &FunctionDef, loc: Loc) -> R {
        let firstlineno = f.decorator_list.first().map_or(loc.line, |d| d.loc.line);
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let floc = def_location(loc, &f.decorator_list);
        let flags = self.defaults(&f.args, floc)?;
        let scope = self.table.scope_for(f as *const FunctionDef);
        self.enter_scope(UnitKind::Function, &f.name, scope, firstlineno, None);
        // Docstring: the first statement if it is a string constant (cleaned, as
        // inspect.cleandoc); it is co_consts[0].
        let mut body: &[Stmt] = &f.body;
        if let Some(doc) = docstring(&f.body) {
            self.add_const(Const::Str(clean_doc(doc)));
            self.u().has_docstring = true;
            self.u().flags |= CodeFlags::HAS_DOCSTRING;
            body = &f.body[1..];
        }
        self.set_arg_counts(&f.args);
        let is_gen = self.ur().flags.contains(CodeFlags::GENERATOR);
        if is_gen {
            // The handler wrap_in_stopiteration_handler adds is a frame block.
            self.push_fblock(FBlockKind::StopIteration, NO_LABEL, NO_LABEL, NO_LOCATION);
        }
        self.stmts(body)?;
        if is_gen {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock(FBlockKind::StopIteration);
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, flags, floc)?;
        for d in f.decorator_list.iter().rev() {
            self.emit(Op::Call, 0, SrcLoc::from_ast(d.loc));
        }
        self.store_name(&f.name, floc)
    }

    fn set_arg_counts(&mut self, a: &Arguments) {
        let u = self.u();
        u.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
        u.posonlyargcount = a.posonlyargs.len() as u32;
        u.kwonlyargcount = a.kwonlyargs.len() as u32;
        if a.vararg.is_some() {
            u.flags |= CodeFlags::VARARGS;
        }
        if a.kwarg.is_some() {
            u.flags |= CodeFlags::VARKEYWORDS;
        }
    }

    /// Pushes defaults and keyword defaults; returns the MAKE_FUNCTION flags.
    fn defaults(&mut self, a: &Arguments, loc: SrcLoc) -> R<u32> {
        let mut flags = 0;
        if !a.defaults.is_empty() {
            for d in &a.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, a.defaults.len() as u32, loc);
            flags |= bc::FN_DEFAULTS;
        }
        let kw: Vec<(&Arg, &Expr)> = a.kwonlyargs.iter().zip(&a.kw_defaults).filter_map(|(k, d)| d.as_ref().map(|d| (k, d))).collect();
        if !kw.is_empty() {
            for (k, d) in &kw {
                let name = self.mangle(&k.name);
                self.load_const(Const::Str(name), loc);
                self.expr(d)?;
            }
            self.emit(Op::BuildMap, kw.len() as u32, loc);
            flags |= bc::FN_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Closure tuple (if any), code constant, MAKE_FUNCTION, attribute setters.
    fn make_closure(&mut self, code: Rc<CodeUnit>, mut flags: u32, loc: SrcLoc) -> R {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                // The cell lives in this unit as a cell or free variable.
                let arg = if self.ur().freevars.contains(&name) || self.scope_of(&name) == Some(Scope::Free) {
                    self.deref_index(&name, true)
                } else {
                    self.deref_index(&name, false)
                };
                self.emit_pseudo(Opc::LoadClosure, arg, loc);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32, loc);
            flags |= bc::FN_CLOSURE;
        }
        let ci = self.add_const(Const::Code(code));
        self.emit(Op::LoadConst, ci, loc);
        self.emit(Op::MakeFunction, 0, loc);
        for f in [bc::FN_CLOSURE, bc::FN_ANNOTATE, bc::FN_ANNOTATIONS, bc::FN_KWDEFAULTS, bc::FN_DEFAULTS] {
            if flags & f != 0 {
                self.emit(Op::SetFunctionAttribute, f, loc);
            }
        }
        Ok(())
    }

    /// `codegen_wrap_in_stopiteration_handler`: a SETUP_CLEANUP inserted at the very
    /// start (before RESUME) covers the whole body.
    fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let mut setup = Ins::new(Opc::SetupCleanup, 0, NO_LOCATION);
        setup.target = handler;
        let u = self.u();
        u.seq.insert(0, setup);
        for l in u.labels.iter_mut() {
            if *l != usize::MAX {
                *l += 1;
            }
        }
        self.load_none(NO_LOCATION);
        self.emit(Op::ReturnValue, 0, NO_LOCATION);
        self.use_label(handler);
        self.emit(Op::CallIntrinsic1, bc::INTRINSIC_STOPITERATION_ERROR, NO_LOCATION);
        self.emit(Op::Reraise, 1, NO_LOCATION);
    }

    fn lambda(&mut self, args: &Arguments, body: &Expr, e: &Expr) -> R {
        let loc = SrcLoc::from_ast(e.loc);
        let flags = self.defaults(args, loc)?;
        let scope = self.table.scope_for(e as *const Expr);
        self.enter_scope(UnitKind::Lambda, "<lambda>", scope, e.loc.line, None);
        self.set_arg_counts(args);
        let is_gen = self.ur().flags.contains(CodeFlags::GENERATOR);
        self.expr(body)?;
        // A generator lambda returns its body's value (no StopIteration handler).
        let code = if is_gen {
            self.finish_unit(false)?
        } else {
            self.emit(Op::ReturnValue, 0, SrcLoc::from_ast(body.loc));
            self.finish_unit(true)?
        };
        self.make_closure(code, flags, loc)
    }

    fn class_def(&mut self, c: &ClassDef, sloc: Loc) -> R {
        let firstlineno = c.decorator_list.first().map_or(sloc.line, |d| d.loc.line);
        let loc = def_location(sloc, &c.decorator_list);
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        let scope = self.table.scope_for(c as *const ClassDef);
        self.enter_scope(UnitKind::Class, &c.name, scope, firstlineno, Some(c.name.clone()));
        let qualname = self.ur().qualname.clone();
        {
            let loc = SrcLoc { line: firstlineno as i32, end_line: firstlineno as i32, col: 0, end_col: 0 };
            self.nameop("__name__", Ctx::Load, loc)?;
            self.store_name("__module__", loc)?;
            self.load_const(Const::Str(qualname), loc);
            self.store_name("__qualname__", loc)?;
            self.load_const(Const::Int(firstlineno.into()), loc);
            self.store_name("__firstlineno__", loc)?;
            if self.block().needs_classdict {
                self.emit(Op::LoadLocals, 0, loc);
                let arg = self.deref_index("__classdict__", false);
                self.emit(Op::StoreDeref, arg, loc);
            }
        }
        self.body(&c.body)?;
        let statics: Vec<Const> = self.ur().static_attributes.iter().map(|s| Const::Str(s.clone())).collect();
        self.load_const(Const::Tuple(statics), NO_LOCATION);
        self.store_name("__static_attributes__", NO_LOCATION)?;
        if self.block().needs_classdict {
            let arg = self.deref_index("__classdict__", false);
            self.emit_pseudo(Opc::LoadClosure, arg, NO_LOCATION);
            self.store_name("__classdictcell__", NO_LOCATION)?;
        }
        if self.block().needs_class_closure {
            let arg = self.deref_index("__class__", false);
            self.emit_pseudo(Opc::LoadClosure, arg, NO_LOCATION);
            self.emit(Op::Copy, 1, NO_LOCATION);
            self.store_name("__classcell__", NO_LOCATION)?;
        } else {
            self.load_none(NO_LOCATION);
        }
        self.emit(Op::ReturnValue, 0, NO_LOCATION);
        let code = self.finish_unit(true)?;
        // __build_class__(func, name, *bases, **keywords)
        self.emit(Op::LoadBuildClass, 0, loc);
        self.emit(Op::PushNull, 0, loc);
        self.make_closure(code, 0, loc)?;
        self.load_const(Const::Str(c.name.clone()), loc);
        self.call_helper(2, &c.bases, &c.keywords, loc)?;
        for d in c.decorator_list.iter().rev() {
            self.emit(Op::Call, 0, SrcLoc::from_ast(d.loc));
        }
        self.store_name(&c.name, loc)
    }

    // ------------------------------------------------------------ conditions

    /// Jumps to `next` when `e`'s truth equals `cond` (CPython's `codegen_jump_if`).
    fn jump_if(&mut self, e: &Expr, next: Label, cond: bool, loc: SrcLoc) -> R {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond, loc),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2, loc)?;
                }
                self.jump_if(&values[n], next, cond, loc)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false, loc)?;
                self.jump_if(body, next, cond, loc)?;
                self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
                self.use_label(next2);
                self.jump_if(orelse, next, cond, loc)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let eloc = SrcLoc::from_ast(e.loc);
                let cleanup = self.new_label();
                self.expr(left)?;
                let n = ops.len() - 1;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Op::Swap, 2, eloc);
                    self.emit(Op::Copy, 2, eloc);
                    self.compare_op(ops[i], eloc);
                    self.emit(Op::ToBool, 0, eloc);
                    self.jump(Op::PopJumpIfFalse, cleanup, eloc);
                }
                self.expr(&comparators[n])?;
                self.compare_op(ops[n], eloc);
                self.emit(Op::ToBool, 0, eloc);
                self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, next, eloc);
                let end = self.new_label();
                self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
                self.use_label(cleanup);
                self.emit(Op::PopTop, 0, eloc);
                if !cond {
                    self.emit_jump(Opc::JumpNoInterrupt, next, NO_LOCATION);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let eloc = SrcLoc::from_ast(e.loc);
        self.emit(Op::ToBool, 0, eloc);
        self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, next, eloc);
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp, loc: SrcLoc) {
        match op {
            CmpOp::Is => self.emit(Op::IsOp, 0, loc),
            CmpOp::IsNot => self.emit(Op::IsOp, 1, loc),
            CmpOp::In => self.emit(Op::ContainsOp, 0, loc),
            CmpOp::NotIn => self.emit(Op::ContainsOp, 1, loc),
            _ => {
                let c = match op {
                    CmpOp::Lt => bc::CMP_LT,
                    CmpOp::LtE => bc::CMP_LE,
                    CmpOp::Eq => bc::CMP_EQ,
                    CmpOp::NotEq => bc::CMP_NE,
                    CmpOp::Gt => bc::CMP_GT,
                    _ => bc::CMP_GE,
                };
                // The low four bits are the comparison mask (COMPARISON_*).
                const MASKS: [u32; 6] = [2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8];
                self.emit(Op::CompareOp, (c << 5) | MASKS[c as usize], loc);
            }
        }
    }

    // ------------------------------------------------------------ expressions

    fn exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        super::deep(|| self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        let loc = SrcLoc::from_ast(e.loc);
        match &e.kind {
            ExprKind::Constant(c) => {
                self.load_const(Const::from_ast(c), loc);
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == Ctx::Store && matches!(id.as_str(), "__debug__") {
                    return self.err("cannot assign to __debug__", e.loc);
                }
                if *ctx == Ctx::Load && id == "__debug__" {
                    // The AST preprocessor makes `__debug__` a constant.
                    self.load_const(Const::Bool(true), loc);
                    return Ok(());
                }
                self.nameop(id, *ctx, loc)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jumpi = if *op == BoolOp::And { Opc::JumpIfFalse } else { Opc::JumpIfTrue };
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.expr(v)?;
                    self.emit_jump(jumpi, end, loc);
                    self.emit(Op::PopTop, 0, loc);
                }
                self.expr(&values[n])?;
                self.use_label(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Copy, 1, loc);
                self.expr(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                // `"..." % (a, b)` with only %s/%r/%a becomes an f-string
                // (ast_preprocess.c's optimize_format).
                if *op == BinOp::Mod {
                    if let (ExprKind::Constant(Constant::Str(fmt)), ExprKind::Tuple { elts, .. }) = (&left.kind, &right.kind) {
                        if !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
                            if let Some(parts) = optimize_format(fmt, elts) {
                                return self.joined_str_parts(&parts, loc);
                            }
                        }
                    }
                }
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::BinaryOp, binop_arg(*op), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                match op {
                    UnaryOp::UAdd => self.emit(Op::CallIntrinsic1, bc::INTRINSIC_UNARY_POSITIVE, loc),
                    UnaryOp::Not => {
                        self.emit(Op::ToBool, 0, loc);
                        self.emit(Op::UnaryNot, 0, loc);
                    }
                    UnaryOp::USub => self.emit(Op::UnaryNegative, 0, loc),
                    UnaryOp::Invert => self.emit(Op::UnaryInvert, 0, loc),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(args, body, e)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false, loc)?;
                self.expr(body)?;
                self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
                self.use_label(next);
                self.expr(orelse)?;
                self.use_label(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, loc)?,
            ExprKind::Set(elts) => self.starunpack(elts, 0, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false, loc)?,
            ExprKind::List { elts, ctx } => match ctx {
                Ctx::Load => self.starunpack(elts, 0, Op::BuildList, Op::ListAppend, Op::ListExtend, false, loc)?,
                Ctx::Store => self.assign_sequence(elts, loc)?,
                Ctx::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                Ctx::Load => self.starunpack(elts, 0, Op::BuildList, Op::ListAppend, Op::ListExtend, true, loc)?,
                Ctx::Store => self.assign_sequence(elts, loc)?,
                Ctx::Del => {
                    for x in elts {
                        self.expr(x)?;
                    }
                }
            },
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, CompKind::Dict, generators, key, Some(value))?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, CompKind::Gen, generators, elt, None)?,
            ExprKind::Yield(v) => {
                if !self.is_function_like() {
                    return self.err("'yield' outside function", e.loc);
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(loc),
                }
                self.yield_value(loc);
            }
            ExprKind::YieldFrom(v) => {
                if !self.is_function_like() {
                    return self.err("'yield' outside function", e.loc);
                }
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter, 0, loc);
                self.load_none(loc);
                self.add_yield_from(loc);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.compare_op(ops[0], loc);
                } else {
                    let cleanup = self.new_label();
                    let n = ops.len() - 1;
                    for i in 0..n {
                        self.expr(&comparators[i])?;
                        self.emit(Op::Swap, 2, loc);
                        self.emit(Op::Copy, 2, loc);
                        self.compare_op(ops[i], loc);
                        self.emit(Op::Copy, 1, loc);
                        self.emit(Op::ToBool, 0, loc);
                        self.jump(Op::PopJumpIfFalse, cleanup, loc);
                        self.emit(Op::PopTop, 0, loc);
                    }
                    self.expr(&comparators[n])?;
                    self.compare_op(ops[n], loc);
                    let end = self.new_label();
                    self.emit_jump(Opc::JumpNoInterrupt, end, NO_LOCATION);
                    self.use_label(cleanup);
                    self.emit(Op::Swap, 2, loc);
                    self.emit(Op::PopTop, 0, loc);
                    self.use_label(end);
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, e)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.expr(value)?;
                match *conversion {
                    c if c == b's' as i32 => self.emit(Op::ConvertValue, bc::CONV_STR, loc),
                    c if c == b'r' as i32 => self.emit(Op::ConvertValue, bc::CONV_REPR, loc),
                    c if c == b'a' as i32 => self.emit(Op::ConvertValue, bc::CONV_ASCII, loc),
                    _ => {}
                }
                match format_spec {
                    Some(spec) => {
                        self.expr(spec)?;
                        self.emit(Op::FormatWithSpec, 0, loc);
                    }
                    None => self.emit(Op::FormatSimple, 0, loc),
                }
            }
            ExprKind::JoinedStr(parts) => {
                let parts: Vec<FmtPart> = parts.iter().map(FmtPart::Expr).collect();
                self.joined_str_parts(&parts, loc)?;
            }
            ExprKind::Attribute { value, attr, ctx } => {
                if *ctx == Ctx::Load && self.can_optimize_super_call(value, attr) {
                    let ExprKind::Call { args, .. } = &value.kind else { unreachable!() };
                    self.load_args_for_super(value)?;
                    let ni = self.add_name(attr);
                    let arg = if args.is_empty() { ni << 2 } else { (ni << 2) | 2 };
                    self.emit(Op::LoadSuperAttr, arg, loc);
                    let nloc = update_start_location_to_match_attr(loc, e);
                    self.emit(Op::Nop, 0, nloc);
                    return Ok(());
                }
                if *ctx == Ctx::Store {
                    self.maybe_add_static_attribute(value, attr);
                }
                self.expr(value)?;
                let aloc = update_start_location_to_match_attr(loc, e);
                let ni = self.add_name(attr);
                match ctx {
                    Ctx::Load => self.emit(Op::LoadAttr, ni << 1, aloc),
                    Ctx::Store => self.emit(Op::StoreAttr, ni, aloc),
                    Ctx::Del => self.emit(Op::DeleteAttr, ni, aloc),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                if should_apply_two_element_slice_optimization(slice) && *ctx != Ctx::Del {
                    self.slice_two_parts(slice)?;
                    if *ctx == Ctx::Load {
                        self.emit(Op::BinarySlice, 0, loc);
                    } else {
                        self.emit(Op::StoreSlice, 0, loc);
                    }
                } else {
                    self.expr(slice)?;
                    match ctx {
                        Ctx::Load => self.emit(Op::BinaryOp, BinaryOpArg::Subscr as u32, loc),
                        Ctx::Store => self.emit(Op::StoreSubscr, 0, loc),
                        Ctx::Del => self.emit(Op::DeleteSubscr, 0, loc),
                    }
                }
            }
            ExprKind::Starred { ctx, .. } => {
                return match ctx {
                    Ctx::Store => self.err("starred assignment target must be in a list or tuple", e.loc),
                    _ => self.err("can't use starred expression here", e.loc),
                };
            }
            ExprKind::Slice { lower, upper, step } => {
                if is_constant_slice(e) {
                    let part = |x: &Option<Box<Expr>>| x.as_ref().and_then(|x| x.constant()).map_or(Const::None, Const::from_ast);
                    self.load_const(Const::Slice(Box::new((part(lower), part(upper), part(step)))), loc);
                    return Ok(());
                }
                self.slice_two_parts(e)?;
                let mut n = 2;
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.emit(Op::BuildSlice, n, loc);
            }
        }
        Ok(())
    }

    /// `_PyCompile_MaybeAddStaticAttributeToClass`: `self.x = ...` anywhere inside a
    /// class (in a unit enclosing this one) records `x` in `__static_attributes__`.
    fn maybe_add_static_attribute(&mut self, obj: &Expr, attr: &str) {
        let ExprKind::Name { id, .. } = &obj.kind else { return };
        if id != "self" {
            return;
        }
        let n = self.units.len();
        for i in (0..n.saturating_sub(1)).rev() {
            if self.units[i].kind == UnitKind::Class {
                self.units[i].static_attributes.insert(attr.to_string());
                break;
            }
        }
    }

    /// `codegen_joined_str` over the values of an f-string (or of a `%` format that
    /// the preprocessor turned into one).
    fn joined_str_parts(&mut self, parts: &[FmtPart], loc: SrcLoc) -> R {
        let n = parts.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Const::Str(String::new()), loc);
            let ni = self.add_name("join");
            self.emit(Op::LoadAttr, (ni << 1) | 1, loc);
            self.emit(Op::BuildList, 0, loc);
            for p in parts {
                self.fmt_part(p)?;
                self.emit(Op::ListAppend, 1, loc);
            }
            self.emit(Op::Call, 1, loc);
        } else {
            for p in parts {
                self.fmt_part(p)?;
            }
            if n > 1 {
                self.emit(Op::BuildString, n as u32, loc);
            } else if n == 0 {
                self.load_const(Const::Str(String::new()), loc);
            }
        }
        Ok(())
    }

    fn fmt_part(&mut self, p: &FmtPart) -> R {
        match p {
            FmtPart::Expr(e) => self.expr(e),
            // Constants the preprocessor made have no location.
            FmtPart::Literal(s) => {
                self.load_const(Const::Str(s.clone()), NO_LOCATION);
                Ok(())
            }
            FmtPart::Format { arg, conversion, spec } => {
                self.expr(arg)?;
                let loc = SrcLoc::from_ast(arg.loc);
                let c = match conversion {
                    b's' => bc::CONV_STR,
                    b'r' => bc::CONV_REPR,
                    _ => bc::CONV_ASCII,
                };
                self.emit(Op::ConvertValue, c, loc);
                match spec {
                    Some(spec) => {
                        self.load_const(Const::Str(spec.clone()), NO_LOCATION);
                        self.emit(Op::FormatWithSpec, 0, loc);
                    }
                    None => self.emit(Op::FormatSimple, 0, loc),
                }
                Ok(())
            }
        }
    }

    fn yield_value(&mut self, loc: SrcLoc) {
        self.emit(Op::YieldValue, 0, loc);
        self.emit(Op::Resume, bc::RESUME_AFTER_YIELD, loc);
    }

    /// SEND/YIELD_VALUE loop of `yield from` (CPython's `codegen_add_yield_from`).
    fn add_yield_from(&mut self, loc: SrcLoc) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.jump(Op::Send, exit, loc);
        // Set up a handler: exceptions thrown in go to CLEANUP_THROW.
        self.emit_jump(Opc::SetupFinally, fail, loc);
        self.emit(Op::YieldValue, 1, loc);
        self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
        self.emit(Op::Resume, bc::RESUME_AFTER_YIELD_FROM, loc);
        self.emit_jump(Opc::JumpNoInterrupt, send, loc);
        self.use_label(fail);
        self.emit(Op::CleanupThrow, 0, loc);
        self.use_label(exit);
        self.emit(Op::EndSend, 0, loc);
    }

    /// `codegen_subdict`: keys and values `begin..end` as one dict.
    fn subdict(&mut self, keys: &[Option<Expr>], values: &[Expr], begin: usize, end: usize, loc: SrcLoc) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Op::BuildMap, 0, loc);
        }
        for i in begin..end {
            self.expr(keys[i].as_ref().expect("key"))?;
            self.expr(&values[i])?;
            if big {
                self.emit(Op::MapAdd, 1, loc);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32, loc);
        }
        Ok(())
    }

    /// `codegen_dict`.
    fn dict_display(&mut self, keys: &[Option<Expr>], values: &[Expr], loc: SrcLoc) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            let is_unpacking = keys[i].is_none();
            if is_unpacking {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i, loc)?;
                    if have_dict {
                        self.emit(Op::DictUpdate, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BuildMap, 0, loc);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Op::DictUpdate, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1, loc)?;
                if have_dict {
                    self.emit(Op::DictUpdate, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n, loc)?;
            if have_dict {
                self.emit(Op::DictUpdate, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0, loc);
        }
        Ok(())
    }

    /// List/tuple/set displays, with `*iterable` unpacking (`starunpack_helper_impl`;
    /// `pushed` values are already on the stack).
    #[allow(clippy::too_many_arguments)]
    fn starunpack(&mut self, elts: &[Expr], pushed: u32, build: Op, add: Op, extend: Op, tuple: bool, loc: SrcLoc) -> R {
        let n = elts.len();
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            self.exprs(elts)?;
            self.emit(if tuple { Op::BuildTuple } else { build }, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.emit(build, pushed, loc);
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !sequence_built {
                    self.emit(build, i as u32 + pushed, loc);
                    sequence_built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1, loc);
            } else {
                self.expr(e)?;
                if sequence_built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(Op::CallIntrinsic1, bc::INTRINSIC_LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// Tuple/list assignment targets: UNPACK_SEQUENCE or UNPACK_EX, then each target.
    fn assign_sequence(&mut self, elts: &[Expr], loc: SrcLoc) -> R {
        let star = elts.iter().position(|e| matches!(e.kind, ExprKind::Starred { .. }));
        match star {
            Some(i) => {
                if elts.iter().filter(|e| matches!(e.kind, ExprKind::Starred { .. })).count() > 1 {
                    return self.err("multiple starred expressions in assignment", Loc { line: loc.line as u32, col: loc.col as u32, end_line: loc.end_line as u32, end_col: loc.end_col as u32 });
                }
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return self.err("too many expressions in star-unpacking assignment", Loc { line: loc.line as u32, col: loc.col as u32, end_line: loc.end_line as u32, end_col: loc.end_col as u32 });
                }
                self.emit(Op::UnpackEx, (i as u32) | ((after as u32) << 8), loc);
            }
            None => self.emit(Op::UnpackSequence, elts.len() as u32, loc),
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ calls

    /// `codegen_call`.
    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], e: &Expr) -> R {
        self.validate_keywords(keywords)?;
        // `f(x for x in y)`: the generator expression's node spans the parentheses.
        // The parser's range leaves them out (when it does not, the ends agree).
        if let [g @ Expr { kind: ExprKind::GeneratorExp { .. }, .. }] = args {
            if keywords.is_empty() && (g.loc.end_line, g.loc.end_col) != (e.loc.end_line, e.loc.end_col) {
                let l = Loc { line: func.loc.end_line, col: func.loc.end_col, end_line: e.loc.end_line, end_col: e.loc.end_col };
                self.genexp_locs.insert(g as *const Expr as usize, l);
            }
        }
        if self.maybe_optimize_method_call(func, args, keywords, e)? {
            return Ok(());
        }
        let skip_normal_call = self.new_label();
        self.expr(func)?;
        self.maybe_optimize_function_call(func, args, keywords, skip_normal_call)?;
        self.emit(Op::PushNull, 0, SrcLoc::from_ast(func.loc));
        self.call_helper(0, args, keywords, SrcLoc::from_ast(e.loc))?;
        self.use_label(skip_normal_call);
        Ok(())
    }

    fn validate_keywords(&mut self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(a) = &k.arg {
                if a == "__debug__" {
                    return self.err("cannot assign to __debug__", k.loc);
                }
                if keywords[i + 1..].iter().any(|o| o.arg.as_deref() == Some(a)) {
                    let dup = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(a)).expect("dup");
                    return self.err(format!("keyword argument repeated: {a}"), dup.loc);
                }
            }
        }
        Ok(())
    }

    /// `all(genexp)`, `any(genexp)`, `tuple(genexp)` run the generator inline when the
    /// name still refers to the builtin (CPython 3.14's `maybe_optimize_function_call`).
    fn maybe_optimize_function_call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], end: Label) -> R<bool> {
        let ExprKind::Name { id, .. } = &func.kind else { return Ok(false) };
        if args.len() != 1 || !keywords.is_empty() || !matches!(args[0].kind, ExprKind::GeneratorExp { .. }) {
            return Ok(false);
        }
        let loc = SrcLoc::from_ast(func.loc);
        let skip = self.new_label();
        let (const_oparg, initial, continue_op) = match id.as_str() {
            "all" => (bc::CONSTANT_BUILTIN_ALL, Some(true), Op::PopJumpIfTrue),
            "any" => (bc::CONSTANT_BUILTIN_ANY, Some(false), Op::PopJumpIfFalse),
            "tuple" => (bc::CONSTANT_BUILTIN_TUPLE, None, Op::PopJumpIfFalse),
            _ => {
                self.use_label(skip);
                return Ok(false);
            }
        };
        self.emit(Op::Copy, 1, loc);
        self.emit(Op::LoadCommonConstant, const_oparg, loc);
        self.emit(Op::IsOp, 0, loc);
        self.jump(Op::PopJumpIfFalse, skip, loc);
        self.emit(Op::PopTop, 0, loc);
        if initial.is_none() {
            self.emit(Op::BuildList, 0, loc);
        }
        self.expr(&args[0])?;
        let lp = self.new_label();
        let cleanup = self.new_label();
        self.use_label(lp);
        self.jump(Op::ForIter, cleanup, loc);
        match initial {
            None => {
                self.emit(Op::ListAppend, 2, loc);
                self.emit_jump(Opc::Jump, lp, loc);
            }
            Some(_) => {
                self.emit(Op::ToBool, 0, loc);
                self.jump(continue_op, lp, loc);
            }
        }
        self.emit(Op::PopIter, 0, NO_LOCATION);
        if let Some(init) = initial {
            self.load_const(Const::Bool(!init), loc);
        }
        self.emit_jump(Opc::Jump, end, loc);
        self.use_label(cleanup);
        self.emit(Op::EndFor, 0, NO_LOCATION);
        self.emit(Op::PopIter, 0, NO_LOCATION);
        match initial {
            None => self.emit(Op::CallIntrinsic1, bc::INTRINSIC_LIST_TO_TUPLE, loc),
            Some(init) => self.load_const(Const::Bool(init), loc),
        }
        self.emit_jump(Opc::Jump, end, loc);
        self.use_label(skip);
        Ok(true)
    }

    /// `is_import_originated`: a name the module binds by import (method calls on it
    /// are not optimised).
    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else { return false };
        // The module's symbols, as an inlined comprehension may have tweaked them.
        if let Some((_, flags)) = self.units[0].scope_overrides.get(id) {
            return flags & symtable::DEF_IMPORT != 0;
        }
        self.table.block(0).lookup(id).is_some_and(|s| s.flags & symtable::DEF_IMPORT != 0)
    }

    /// `obj.method(args)` loads the method with LOAD_ATTR's method form
    /// (`maybe_optimize_method_call`).
    fn maybe_optimize_method_call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], e: &Expr) -> R<bool> {
        let ExprKind::Attribute { value, attr, ctx: Ctx::Load } = &func.kind else { return Ok(false) };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let (argsl, kwdsl) = (args.len(), keywords.len());
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = SrcLoc::from_ast(func.loc);
        if self.can_optimize_super_call(value, attr) {
            let ExprKind::Call { args: sargs, .. } = &value.kind else { unreachable!() };
            self.load_args_for_super(value)?;
            let ni = self.add_name(attr);
            let arg = if sargs.is_empty() { (ni << 2) | 1 } else { (ni << 2) | 3 };
            self.emit(Op::LoadSuperAttr, arg, loc);
            loc = update_start_location_to_match_attr(loc, func);
            self.emit(Op::Nop, 0, loc);
        } else {
            self.expr(value)?;
            loc = update_start_location_to_match_attr(loc, func);
            let ni = self.add_name(attr);
            self.emit(Op::LoadAttr, (ni << 1) | 1, loc);
        }
        self.exprs(args)?;
        if kwdsl > 0 {
            for k in keywords {
                self.expr(&k.value)?;
            }
            let names: Vec<Const> = keywords.iter().map(|k| Const::Str(k.arg.clone().expect("named"))).collect();
            self.load_const(Const::Tuple(names), loc);
            let cloc = update_start_location_to_match_attr(SrcLoc::from_ast(e.loc), func);
            self.emit(Op::CallKw, (argsl + kwdsl) as u32, cloc);
        } else {
            let cloc = update_start_location_to_match_attr(SrcLoc::from_ast(e.loc), func);
            self.emit(Op::Call, argsl as u32, cloc);
        }
        Ok(true)
    }

    /// `can_optimize_super_call`: `super().attr` and `super(C, x).attr` that can use
    /// LOAD_SUPER_ATTR.
    fn can_optimize_super_call(&self, value: &Expr, attr: &str) -> bool {
        let ExprKind::Call { func, args, keywords } = &value.kind else { return false };
        let ExprKind::Name { id, .. } = &func.kind else { return false };
        if id != "super" || attr == "__class__" || !keywords.is_empty() {
            return false;
        }
        if self.scope_of("super") != Some(Scope::GlobalImplicit) {
            return false;
        }
        if self.table.block(0).lookup("super").is_some() {
            return false;
        }
        if args.len() == 2 {
            return !args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }));
        }
        if !args.is_empty() {
            return false;
        }
        let u = self.ur();
        if u.argcount == 0 && u.posonlyargcount == 0 {
            return false;
        }
        if u.kind == UnitKind::Class {
            return false;
        }
        self.scope_of("__class__") == Some(Scope::Free)
    }

    /// `load_args_for_super`.
    fn load_args_for_super(&mut self, e: &Expr) -> R {
        let ExprKind::Call { func, args, .. } = &e.kind else { unreachable!() };
        let loc = SrcLoc::from_ast(e.loc);
        self.nameop("super", Ctx::Load, SrcLoc::from_ast(func.loc))?;
        if args.len() == 2 {
            self.expr(&args[0])?;
            self.expr(&args[1])?;
            return Ok(());
        }
        self.nameop("__class__", Ctx::Load, loc)?;
        let first = self.ur().varnames[0].clone();
        self.nameop(&first, Ctx::Load, loc)?;
        Ok(())
    }

    /// Arguments of a call whose callable (and self/NULL) are pushed: CALL, CALL_KW or
    /// CALL_FUNCTION_EX (`n` values already pushed, for classes;
    /// `codegen_call_helper_impl`).
    fn call_helper(&mut self, n: u32, args: &[Expr], keywords: &[Keyword], loc: SrcLoc) -> R {
        self.validate_keywords(keywords)?;
        let (nelts, nkwelts) = (args.len(), keywords.len());
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            self.exprs(args)?;
            if nkwelts > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                let names: Vec<Const> = keywords.iter().map(|k| Const::Str(k.arg.clone().expect("named"))).collect();
                self.load_const(Const::Tuple(names), loc);
                self.emit(Op::CallKw, n + (nelts + nkwelts) as u32, loc);
            } else {
                self.emit(Op::Call, n + nelts as u32, loc);
            }
            return Ok(());
        }
        // Positional arguments.
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.expr(value)?;
            } else {
                self.starunpack(args, n, Op::BuildList, Op::ListAppend, Op::ListExtend, true, loc)?;
            }
        } else {
            self.starunpack(args, n, Op::BuildList, Op::ListAppend, Op::ListExtend, true, loc)?;
        }
        // Keyword arguments.
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i, loc)?;
                        if have_dict {
                            self.emit(Op::DictMerge, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0, loc);
                        have_dict = true;
                    }
                    self.expr(&kw.value)?;
                    self.emit(Op::DictMerge, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts, loc)?;
                if have_dict {
                    self.emit(Op::DictMerge, 1, loc);
                }
            }
        } else {
            self.emit(Op::PushNull, 0, loc);
        }
        self.emit(Op::CallFunctionEx, 0, loc);
        Ok(())
    }

    /// `codegen_subkwargs`.
    fn subkwargs(&mut self, keywords: &[Keyword], begin: usize, end: usize, loc: SrcLoc) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Op::BuildMap, 0, NO_LOCATION);
        }
        for kw in &keywords[begin..end] {
            self.load_const(Const::Str(kw.arg.clone().expect("named")), loc);
            self.expr(&kw.value)?;
            if big {
                self.emit(Op::MapAdd, 1, NO_LOCATION);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32, loc);
        }
        Ok(())
    }

    // ------------------------------------------------------------ comprehensions

    fn comprehension(&mut self, e: &Expr, kind: CompKind, generators: &[Comprehension], elt: &Expr, val: Option<&Expr>) -> R {
        let eloc = self.genexp_locs.get(&(e as *const Expr as usize)).copied().unwrap_or(e.loc);
        let loc = SrcLoc::from_ast(eloc);
        let scope = self.table.scope_for(e as *const Expr);
        let inlined = self.table.block(scope).comp_inlined;
        let outermost = &generators[0];
        let mut state = None;
        if inlined {
            self.expr(&outermost.iter)?;
            self.emit(Op::GetIter, 0, SrcLoc::from_ast(outermost.iter.loc));
            state = Some(self.push_inlined_comprehension_state(loc, scope)?);
        } else {
            let name = match kind {
                CompKind::Gen => "<genexpr>",
                CompKind::List => "<listcomp>",
                CompKind::Set => "<setcomp>",
                CompKind::Dict => "<dictcomp>",
            };
            self.enter_scope(UnitKind::GenExpr, name, scope, eloc.line, None);
            self.u().argcount = 1;
        }
        if kind != CompKind::Gen {
            let op = match kind {
                CompKind::List => Op::BuildList,
                CompKind::Set => Op::BuildSet,
                _ => Op::BuildMap,
            };
            self.emit(op, 0, loc);
            if inlined {
                self.emit(Op::Swap, 2, loc);
            }
        }
        self.comprehension_generator(loc, generators, 0, 0, elt, val, kind, inlined)?;
        if let Some(st) = state {
            self.pop_inlined_comprehension_state(loc, st)?;
            return Ok(());
        }
        if kind != CompKind::Gen {
            self.emit(Op::ReturnValue, 0, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, 0, loc)?;
        self.expr(&outermost.iter)?;
        self.emit(Op::GetIter, 0, SrcLoc::from_ast(outermost.iter.loc));
        self.emit(Op::Call, 0, loc);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        loc: SrcLoc,
        generators: &[Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &Expr,
        val: Option<&Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let mut start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let g = &generators[gen_index];
        if !iter_on_stack {
            if gen_index == 0 {
                self.emit(Op::LoadFast, 0, loc);
            } else {
                // `for y in [expr]` binds without a loop.
                let single = match &g.iter.kind {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                        if matches!(elts[0].kind, ExprKind::Starred { .. }) { None } else { Some(&elts[0]) }
                    }
                    _ => None,
                };
                match single {
                    Some(x) => {
                        self.expr(x)?;
                        start = NO_LABEL;
                    }
                    None => {
                        self.expr(&g.iter)?;
                        self.emit(Op::GetIter, 0, SrcLoc::from_ast(g.iter.loc));
                    }
                }
            }
        }
        let iloc = SrcLoc::from_ast(g.iter.loc);
        if start != NO_LABEL {
            depth += 1;
            self.use_label(start);
            self.jump(Op::ForIter, anchor, iloc);
        }
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false, loc)?;
        }
        let mut elt_loc = SrcLoc::from_ast(elt.loc);
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(loc, generators, gen_index + 1, depth, elt, val, kind, false)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.yield_value(elt_loc);
                    self.emit(Op::PopTop, 0, elt_loc);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    let v = val.expect("dict comprehension value");
                    self.expr(elt)?;
                    self.expr(v)?;
                    elt_loc = SrcLoc { line: elt.loc.line as i32, end_line: v.loc.end_line as i32, col: elt.loc.col as i32, end_col: v.loc.end_col as i32 };
                    self.emit(Op::MapAdd, depth + 1, elt_loc);
                }
            }
        }
        self.use_label(if_cleanup);
        if start != NO_LABEL {
            self.emit_jump(Opc::Jump, start, elt_loc);
            self.use_label(anchor);
            self.emit(Op::EndFor, 0, NO_LOCATION);
            self.emit(Op::PopIter, 0, NO_LOCATION);
        }
        Ok(())
    }

    /// `_PyCompile_TweakInlinedComprehensionScopes` then
    /// `codegen_push_inlined_comprehension_locals`.
    fn push_inlined_comprehension_state(&mut self, loc: SrcLoc, comp: ScopeId) -> R<InlineState> {
        let table = self.table;
        let comp_block = table.block(comp);
        let mut state = InlineState { pushed_locals: Vec::new(), temp_overrides: Vec::new(), fast_hidden: Vec::new(), cleanup: NO_LABEL, end: NO_LABEL };
        let outer_block = table.block(self.ur().scope);
        let outer_symbol = |u: &Unit, k: &str| -> Option<(Scope, u32)> {
            u.scope_overrides.get(k).copied().or_else(|| outer_block.lookup(k).map(|s| (s.scope, s.flags)))
        };
        // Tweak: names whose scope differs inside take the comprehension's symbol.
        let in_class_block = self.ur().kind == UnitKind::Class && self.ur().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let function_like = self.is_function_like();
        let symbols: Vec<(String, symtable::Symbol)> = comp_block.symbols.clone();
        for (k, sym) in &symbols {
            let scope = sym.scope;
            let outsc = outer_symbol(self.ur(), k).map(|x| x.0);
            let differs = Some(scope) != outsc && scope != Scope::Free && !(scope == Scope::Cell && outsc == Some(Scope::Free));
            if differs || in_class_block {
                let prev = self.u().scope_overrides.insert(k.clone(), (scope, sym.flags));
                state.temp_overrides.push((k.clone(), prev));
            }
            if ((sym.flags & symtable::DEF_LOCAL != 0 && sym.flags & symtable::DEF_NONLOCAL == 0) || in_class_block)
                && !function_like
                && !self.ur().fast_hidden.contains(k)
            {
                self.u().fast_hidden.insert(k.clone());
                state.fast_hidden.push(k.clone());
            }
        }
        // Push the values of the names the comprehension binds.
        for (k, sym) in &symbols {
            let scope = sym.scope;
            let outsc = outer_symbol(self.ur(), k).map(|x| x.0);
            if sym.flags & symtable::DEF_LOCAL != 0 && sym.flags & symtable::DEF_NONLOCAL == 0 {
                let vi = self.varname(k);
                self.emit(Op::LoadFastAndClear, vi, loc);
                if scope == Scope::Cell {
                    let arg = if outsc == Some(Scope::Free) { self.deref_index(k, true) } else { self.deref_index(k, false) };
                    self.emit(Op::MakeCell, arg, loc);
                }
                state.pushed_locals.push(k.clone());
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Op::Swap, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            let end = self.new_label();
            state.cleanup = cleanup;
            state.end = end;
            self.emit_jump(Opc::SetupFinally, cleanup, loc);
        }
        Ok(state)
    }

    fn pop_inlined_comprehension_state(&mut self, loc: SrcLoc, state: InlineState) -> R {
        self.u().in_inlined_comp -= 1;
        for (k, prev) in state.temp_overrides.into_iter().rev() {
            match prev {
                Some(p) => self.u().scope_overrides.insert(k, p),
                None => self.u().scope_overrides.remove(&k),
            };
        }
        if !state.pushed_locals.is_empty() {
            self.emit_pseudo(Opc::PopBlock, 0, NO_LOCATION);
            self.emit_jump(Opc::JumpNoInterrupt, state.end, NO_LOCATION);
            self.use_label(state.cleanup);
            self.emit(Op::Swap, 2, NO_LOCATION);
            self.emit(Op::PopTop, 0, NO_LOCATION);
            self.restore_inlined_locals(loc, &state.pushed_locals);
            self.emit(Op::Reraise, 0, NO_LOCATION);
            self.use_label(state.end);
            self.restore_inlined_locals(loc, &state.pushed_locals);
        }
        for k in state.fast_hidden {
            self.u().fast_hidden.remove(&k);
        }
        Ok(())
    }

    fn restore_inlined_locals(&mut self, loc: SrcLoc, pushed: &[String]) {
        self.emit(Op::Swap, pushed.len() as u32 + 1, loc);
        for k in pushed.iter().rev() {
            let vi = self.varname(k);
            self.emit_pseudo(Opc::StoreFastMaybeNull, vi, loc);
        }
    }
}

struct InlineState {
    pushed_locals: Vec<String>,
    temp_overrides: Vec<(String, Option<(Scope, u32)>)>,
    fast_hidden: Vec<String>,
    cleanup: Label,
    end: Label,
}

/// One value of an f-string being compiled.
enum FmtPart<'e> {
    Expr(&'e Expr),
    Literal(String),
    /// `%s`/`%r`/`%a` of a `%` format: `{arg!conversion:spec}`.
    Format { arg: &'e Expr, conversion: u8, spec: Option<String> },
}

/// `optimize_format` (ast_preprocess.c): `fmt % (args...)` as f-string values, when the
/// format has only `%s`, `%r` and `%a` units (with small width/precision) and one
/// unit per argument.
fn optimize_format<'e>(fmt: &str, elts: &'e [Expr]) -> Option<Vec<FmtPart<'e>>> {
    let b = fmt.as_bytes();
    let size = b.len();
    let mut pos = 0usize;
    let mut cnt = 0usize;
    let mut seq: Vec<FmtPart<'e>> = Vec::new();
    loop {
        // parse_literal
        let start = pos;
        let mut has_percents = false;
        while pos < size {
            if b[pos] != b'%' {
                pos += 1;
            } else if pos + 1 < size && b[pos + 1] == b'%' {
                has_percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            let mut lit = fmt[start..pos].to_string();
            if has_percents {
                lit = lit.replace("%%", "%");
            }
            seq.push(FmtPart::Literal(lit));
        }
        if pos >= size {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        // simple_format_arg_parse
        const MAXDIGITS: usize = 3;
        let next = |pos: &mut usize| -> Option<u8> {
            if *pos >= size {
                return None;
            }
            let c = b[*pos];
            *pos += 1;
            Some(c)
        };
        let mut ljust = false;
        let mut ch;
        loop {
            ch = next(&mut pos)?;
            match ch {
                b'-' => ljust = true,
                b'+' | b' ' | b'#' | b'0' => {}
                _ => break,
            }
        }
        let mut width: i64 = -1;
        let mut prec: i64 = -1;
        if ch.is_ascii_digit() {
            width = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                width = width * 10 + (ch - b'0') as i64;
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
        if ch == b'.' {
            ch = next(&mut pos)?;
            prec = 0;
            if ch.is_ascii_digit() {
                let mut digits = 0;
                while ch.is_ascii_digit() {
                    prec = prec * 10 + (ch - b'0') as i64;
                    ch = next(&mut pos)?;
                    digits += 1;
                    if digits >= MAXDIGITS {
                        return None;
                    }
                }
            }
        }
        // parse_format
        if !matches!(ch, b's' | b'r' | b'a') {
            return None;
        }
        let mut spec = String::new();
        if !ljust && width > 0 {
            spec.push('>');
        }
        if width >= 0 {
            spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec.push_str(&format!(".{prec}"));
        }
        seq.push(FmtPart::Format { arg: &elts[cnt], conversion: ch, spec: if spec.is_empty() { None } else { Some(spec) } });
        cnt += 1;
    }
    if cnt < elts.len() {
        return None;
    }
    Some(seq)
}

fn is_constant_slice(s: &Expr) -> bool {
    let ExprKind::Slice { lower, upper, step } = &s.kind else { return false };
    [lower, upper, step].iter().all(|x| x.as_ref().is_none_or(|x| x.constant().is_some()))
}

fn should_apply_two_element_slice_optimization(s: &Expr) -> bool {
    !is_constant_slice(s) && matches!(&s.kind, ExprKind::Slice { step: None, .. })
}

/// If an attribute access spans lines, the location starts at the attribute name.
fn update_start_location_to_match_attr(mut loc: SrcLoc, attr: &Expr) -> SrcLoc {
    let ExprKind::Attribute { attr: name, .. } = &attr.kind else { return loc };
    let end_line = attr.loc.end_line as i32;
    if loc.line != end_line {
        loc.line = end_line;
        let len = name.chars().count() as i32;
        let end_col = attr.loc.end_col as i32;
        if len <= end_col {
            loc.col = end_col - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        loc.end_line = loc.line.max(loc.end_line);
        if loc.line == loc.end_line {
            loc.end_col = loc.col.max(loc.end_col);
        }
    }
    loc
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

/// CPython's location of a decorated `def`/`class` statement starts at the keyword,
/// not at the first decorator (where the parser's range starts). The AST does not keep
/// the keyword's position, so it is taken to be on the line after the last decorator,
/// at the decorators' indentation.
fn def_location(loc: Loc, decorators: &[Expr]) -> SrcLoc {
    let mut l = SrcLoc::from_ast(loc);
    if let Some(last) = decorators.last() {
        l.line = (last.loc.end_line + 1).min(loc.end_line) as i32;
    }
    l
}

/// The docstring of a body: its first statement, when that is a string constant.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(e) => match e.constant() {
            Some(Constant::Str(s)) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// `str.expandtabs()` with the default tab size.
fn expandtabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    for ch in s.chars() {
        match ch {
            '\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(ch);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// `_PyCompile_CleanDoc`: expand tabs, strip the first line's leading spaces and the
/// common indentation of the later lines (as `inspect.cleandoc`, without trimming
/// blank lines).
fn clean_doc(doc: &str) -> String {
    let doc = expandtabs(doc);
    let b = doc.as_bytes();
    let pend = b.len();
    let mut p = 0;
    while p < pend {
        p += 1;
        if b[p - 1] == b'\n' {
            break;
        }
    }
    let mut margin = usize::MAX;
    while p < pend {
        let s0 = p;
        while p < pend && b[p] == b' ' {
            p += 1;
        }
        if p < pend && b[p] != b'\n' {
            margin = margin.min(p - s0);
        }
        while p < pend {
            p += 1;
            if b[p - 1] == b'\n' {
                break;
            }
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut p = 0;
    while p < pend && b[p] == b' ' {
        p += 1;
    }
    if p == 0 && margin == 0 {
        return doc;
    }
    let mut w: Vec<u8> = Vec::with_capacity(pend);
    while p < pend {
        let ch = b[p];
        w.push(ch);
        p += 1;
        if ch == b'\n' {
            break;
        }
    }
    while p < pend {
        let mut i = 0;
        while i < margin && p < pend {
            if b[p] != b' ' {
                break;
            }
            i += 1;
            p += 1;
        }
        while p < pend {
            let ch = b[p];
            w.push(ch);
            p += 1;
            if ch == b'\n' {
                break;
            }
        }
    }
    String::from_utf8(w).unwrap_or(doc)
}

/// The AST is borrowed for the whole compilation, so a pointer into it taken while
/// compiling a `try` stays valid until that `try` is done.
fn unsafe_deref<'x>(p: *const Vec<Stmt>) -> &'x Vec<Stmt> {
    // SAFETY: `p` points into the module AST, which the caller of compile_module keeps
    // borrowed (immutably) until code generation returns; frame blocks holding the
    // pointer never outlive the statement that created them.
    unsafe { &*p }
}

fn binop_arg(op: BinOp) -> u32 {
    (match op {
        BinOp::Add => BinaryOpArg::Add,
        BinOp::Sub => BinaryOpArg::Subtract,
        BinOp::Mult => BinaryOpArg::Multiply,
        BinOp::MatMult => BinaryOpArg::MatrixMultiply,
        BinOp::Div => BinaryOpArg::TrueDivide,
        BinOp::Mod => BinaryOpArg::Remainder,
        BinOp::Pow => BinaryOpArg::Power,
        BinOp::LShift => BinaryOpArg::Lshift,
        BinOp::RShift => BinaryOpArg::Rshift,
        BinOp::BitOr => BinaryOpArg::Or,
        BinOp::BitXor => BinaryOpArg::Xor,
        BinOp::BitAnd => BinaryOpArg::And,
        BinOp::FloorDiv => BinaryOpArg::FloorDivide,
    }) as u32
}

fn inplace_arg(op: BinOp) -> u32 {
    binop_arg(op) + 13
}
