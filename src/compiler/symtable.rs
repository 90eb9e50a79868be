//! Scope analysis: which names are local, global, free or cell in each scope.
//!
//! Follows CPython's `Python/symtable.c`: a first pass records how each scope uses each
//! name, a second pass resolves scopes from the innermost outwards. List, set and dict
//! comprehensions are inlined into their enclosing scope (PEP 709); generator expressions,
//! lambdas, functions and classes get scopes of their own.

use super::ast::*;
use super::CompileError;
use rustc_hash::{FxHashMap, FxHashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_COMP_CELL: u32 = 1024;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
    /// Generator expressions and (inlined) comprehensions.
    Comprehension,
    /// The `__annotate__` scope of a function's annotations (PEP 649). monjit does not
    /// compile annotations, but the scope exists as in CPython: in a class it makes the
    /// class keep a `__classdict__` cell.
    Annotation,
}

impl BlockKind {
    /// `_PyST_IsFunctionLike`.
    pub fn is_function_like(self) -> bool {
        matches!(self, BlockKind::Function | BlockKind::Comprehension | BlockKind::Annotation)
    }
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

pub type ScopeId = usize;

#[derive(Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<(String, Symbol)>,
    index: FxHashMap<String, usize>,
    pub children: Vec<ScopeId>,
    /// Parameter names in order.
    pub varnames: Vec<String>,
    pub is_generator: bool,
    /// Nested in a function (so implicit globals may really be free).
    pub nested: bool,
    /// A class whose methods use `super`/`__class__`: it has a `__class__` cell.
    pub needs_class_closure: bool,
    /// A class with an annotation scope that sees it: it has a `__classdict__` cell.
    pub needs_classdict: bool,
    /// An annotation scope that can see its class's namespace.
    pub can_see_class_scope: bool,
    /// An annotation scope with at least one annotation.
    pub annotations_used: bool,
    /// A list/set/dict comprehension compiled inline into its parent.
    pub comp_inlined: bool,
    pub has_free: bool,
    pub child_free: bool,
    /// Line of the construct, for errors.
    pub line: u32,
}

impl Block {
    fn new(kind: BlockKind, name: &str, line: u32, nested: bool) -> Block {
        Block {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: FxHashMap::default(),
            children: Vec::new(),
            varnames: Vec::new(),
            is_generator: false,
            nested,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            annotations_used: false,
            comp_inlined: false,
            has_free: false,
            child_free: false,
            line,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.lookup(name).map(|s| s.scope)
    }

    fn flags_mut(&mut self, name: &str) -> &mut u32 {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push((name.to_string(), Symbol { flags: 0, scope: Scope::GlobalImplicit }));
                self.index.insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i].1.flags
    }

    fn set_scope(&mut self, name: &str, scope: Scope) {
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].1.scope = scope;
        }
    }

    /// Names with the given scope, sorted (CPython's order for cellvars and freevars).
    pub fn names_with_scope(&self, scope: Scope) -> Vec<String> {
        let mut v: Vec<String> = self.symbols.iter().filter(|(_, s)| s.scope == scope).map(|(n, _)| n.clone()).collect();
        v.sort();
        v
    }

    /// `dictbytype(symbols, CELL, DEF_COMP_CELL)`: the cell variables, sorted.
    pub fn cellvars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Scope::Cell || s.flags & DEF_COMP_CELL != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// Keys scopes by the address of the AST node that opens them.
#[derive(Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    by_node: FxHashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope opened by the AST node at this address.
    pub fn scope_for<T>(&self, node: *const T) -> ScopeId {
        self.by_node[&(node as usize)]
    }
    pub fn block(&self, id: ScopeId) -> &Block {
        &self.blocks[id]
    }
}

/// Private name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle(class_name: Option<&str>, name: &str) -> String {
    let Some(cls) = class_name else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

pub fn build(module: &[Stmt]) -> Result<SymbolTable, CompileError> {
    let mut b = Builder { blocks: Vec::new(), by_node: FxHashMap::default(), stack: Vec::new(), class_names: Vec::new() };
    let top = b.enter(BlockKind::Module, "top", 0, module as *const [Stmt] as *const u8 as usize);
    for s in module {
        b.stmt(s)?;
    }
    b.leave();
    let mut table = SymbolTable { blocks: b.blocks, by_node: b.by_node };
    analyze(&mut table, top)?;
    Ok(table)
}

struct Builder {
    blocks: Vec<Block>,
    by_node: FxHashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    /// Enclosing class names for mangling (None for non-class scopes).
    class_names: Vec<Option<String>>,
}

type R = Result<(), CompileError>;

impl Builder {
    fn cur(&mut self) -> &mut Block {
        let id = *self.stack.last().expect("in a scope");
        &mut self.blocks[id]
    }

    fn enter(&mut self, kind: BlockKind, name: &str, line: u32, key: usize) -> ScopeId {
        let nested = self.stack.last().is_some_and(|&p| {
            let pb = &self.blocks[p];
            pb.nested || pb.kind.is_function_like()
        });
        let id = self.blocks.len();
        self.blocks.push(Block::new(kind, name, line, nested));
        if let Some(&p) = self.stack.last() {
            self.blocks[p].children.push(id);
        }
        self.by_node.insert(key, id);
        self.stack.push(id);
        self.class_names.push(if kind == BlockKind::Class { Some(name.to_string()) } else { None });
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
        self.class_names.pop();
    }

    fn mangled(&self, name: &str) -> String {
        // The innermost enclosing class (methods inside a class still mangle).
        let cls = self.class_names.iter().rev().find_map(|c| c.as_deref());
        mangle(cls, name)
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let name = self.mangled(name);
        let block = self.cur();
        let flags = block.flags_mut(&name);
        if flag & DEF_PARAM != 0 && *flags & DEF_PARAM != 0 {
            return Err(CompileError::syntax(format!("duplicate argument '{name}' in function definition"), loc));
        }
        *flags |= flag;
        if flag & DEF_PARAM != 0 {
            block.varnames.push(name);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        super::deep(|| self.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.arg_defaults(&f.args)?;
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.annotations(&f.args, f.returns.as_ref(), s.loc)?;
                self.enter(BlockKind::Function, &f.name, s.loc.line, &**f as *const FunctionDef as usize);
                self.params(&f.args, s.loc)?;
                self.stmts(&f.body)?;
                self.leave();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                for e in &c.bases {
                    self.expr(e)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                self.enter(BlockKind::Class, &c.name, s.loc.line, &**c as *const ClassDef as usize);
                self.stmts(&c.body)?;
                self.leave();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t)?;
                }
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    // `x += 1` both reads and writes x.
                    self.add_def(id, USE, target.loc)?;
                }
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let mangled = self.mangled(id);
                    let flags = self.cur().lookup(&mangled).map_or(0, |s| s.flags);
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && *simple {
                        let what = if flags & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(CompileError::syntax(format!("annotated name '{id}' can't be {what}"), s.loc));
                    }
                    if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    } else {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                // Annotations are evaluated lazily in 3.14 and never at function level.
                let _ = annotation;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for i in items {
                    self.expr(&i.context_expr)?;
                    if let Some(v) = &i.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(e) = cause {
                    self.expr(e)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != BlockKind::Module {
                            return Err(CompileError::syntax("import * only allowed at module level", a.loc));
                        }
                        continue;
                    }
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&bound, DEF_IMPORT, a.loc)?;
                }
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let is_global = matches!(s.kind, StmtKind::Global(_));
                for n in names {
                    let name = self.mangled(n);
                    let block = self.cur();
                    let flags = block.lookup(&name).map_or(0, |s| s.flags);
                    let what = if is_global { "global" } else { "nonlocal" };
                    if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_IMPORT) != 0 {
                        let msg = if flags & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and {what}")
                        } else if flags & USE != 0 {
                            format!("name '{n}' is used prior to {what} declaration")
                        } else {
                            format!("name '{n}' is assigned to before {what} declaration")
                        };
                        return Err(CompileError::syntax(msg, s.loc));
                    }
                    if !is_global && block.kind == BlockKind::Module {
                        return Err(CompileError::syntax("nonlocal declaration not allowed at module level", s.loc));
                    }
                    *block.flags_mut(&name) |= if is_global { DEF_GLOBAL } else { DEF_NONLOCAL };
                    if is_global {
                        // symtable_add_def_helper also records DEF_GLOBAL in the module's
                        // symbols (st_global), so the module itself uses *_GLOBAL for it.
                        *self.blocks[0].flags_mut(&name) |= DEF_GLOBAL;
                    }
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn arg_defaults(&mut self, a: &Arguments) -> R {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    /// `symtable_visit_annotations`: every function gets an annotation scope (keyed by
    /// its arguments), which in a class sees the class namespace through
    /// `__classdict__`.
    fn annotations(&mut self, a: &Arguments, returns: Option<&Expr>, loc: Loc) -> R {
        let parent = *self.stack.last().expect("in a scope");
        let is_in_class = self.blocks[parent].can_see_class_scope;
        let current_type = self.blocks[parent].kind;
        let id = self.enter(BlockKind::Annotation, "__annotate__", loc.line, a as *const Arguments as usize);
        if is_in_class || current_type == BlockKind::Class {
            self.blocks[id].can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        let mut annos: Vec<&Expr> = Vec::new();
        for p in a.posonlyargs.iter().chain(&a.args) {
            annos.extend(p.annotation.as_ref());
        }
        for p in [&a.vararg, &a.kwarg].into_iter().flatten() {
            annos.extend(p.annotation.as_ref());
        }
        for p in &a.kwonlyargs {
            annos.extend(p.annotation.as_ref());
        }
        annos.extend(returns);
        for e in annos {
            self.blocks[id].annotations_used = true;
            self.expr(e)?;
        }
        self.leave();
        Ok(())
    }

    fn params(&mut self, a: &Arguments, loc: Loc) -> R {
        for p in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&p.name, DEF_PARAM, p.loc)?;
        }
        // CPython orders varargs after keyword-only parameters in co_varnames.
        let _ = loc;
        if let Some(v) = &a.vararg {
            self.add_def(&v.name, DEF_PARAM, v.loc)?;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.loc)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn expr(&mut self, e: &Expr) -> R {
        super::deep(|| self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                // In a comprehension the target binds in the enclosing scope (decided
                // first), and is then visited like any store target.
                if self.cur().kind == BlockKind::Comprehension {
                    self.named_target(target)?;
                } else if !matches!(target.kind, ExprKind::Name { .. }) {
                    return self.named_target(target);
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                self.enter(BlockKind::Function, "lambda", e.loc.line, e as *const Expr as usize);
                self.params(args, e.loc)?;
                self.expr(body)?;
                self.leave();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(elts) => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, "listcomp", generators, elt, None, false)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, "setcomp", generators, elt, None, false)?,
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, "dictcomp", generators, key, Some(value), false)?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, "genexpr", generators, elt, None, true)?,
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                self.mark_generator(e.loc)?;
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.mark_generator(e.loc)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == Ctx::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                // A function that mentions `super` needs its class's `__class__` cell.
                if *ctx == Ctx::Load && id == "super" && self.cur().kind.is_function_like() {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn mark_generator(&mut self, loc: Loc) -> R {
        let block = self.cur();
        match block.kind {
            BlockKind::Function => {
                block.is_generator = true;
                Ok(())
            }
            BlockKind::Comprehension if !block.comp_inlined => {
                block.is_generator = true;
                Ok(())
            }
            BlockKind::Comprehension => Err(CompileError::syntax("'yield' inside list comprehension", loc)),
            _ => Err(CompileError::syntax("'yield' outside function", loc)),
        }
    }

    /// The target of `:=` binds in the nearest enclosing non-comprehension scope.
    fn named_target(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Err(CompileError::syntax("cannot use assignment expressions with this target", target.loc));
        };
        // symtable_extend_namedexpr_scope: skip comprehensions, bind in the nearest
        // function (local there, nonlocal/global in the comprehension) or module
        // (global in both).
        let cur = *self.stack.last().expect("scope");
        let mut depth = self.stack.len() - 1;
        loop {
            let b = self.stack[depth];
            if self.blocks[b].kind == BlockKind::Comprehension {
                if self.blocks[b].lookup(id).is_some_and(|s| s.flags & DEF_COMP_ITER != 0) {
                    return Err(CompileError::syntax(format!(
                        "assignment expression cannot rebind comprehension iteration variable '{id}'"), target.loc));
                }
                if depth == 0 {
                    break;
                }
                depth -= 1;
                continue;
            }
            break;
        }
        let outer = self.stack[depth];
        if depth == self.stack.len() - 1 {
            // Not in a comprehension: an ordinary binding.
            return self.add_def(id, DEF_LOCAL, target.loc);
        }
        let mangled = self.mangled(id);
        match self.blocks[outer].kind {
            BlockKind::Function | BlockKind::Annotation => {
                let in_scope = self.blocks[outer].lookup(&mangled).map_or(0, |s| s.flags);
                if in_scope & DEF_GLOBAL != 0 {
                    *self.blocks[cur].flags_mut(&mangled) |= DEF_GLOBAL;
                    *self.blocks[0].flags_mut(&mangled) |= DEF_GLOBAL;
                } else {
                    *self.blocks[cur].flags_mut(&mangled) |= DEF_NONLOCAL;
                }
                *self.blocks[outer].flags_mut(&mangled) |= DEF_LOCAL;
            }
            BlockKind::Module => {
                *self.blocks[cur].flags_mut(&mangled) |= DEF_GLOBAL;
                *self.blocks[0].flags_mut(&mangled) |= DEF_GLOBAL;
            }
            _ => {
                return Err(CompileError::syntax("assignment expression within a comprehension cannot be used in a class body", target.loc));
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Expr, name: &str, gens: &[Comprehension], elt: &Expr, value: Option<&Expr>, is_genexp: bool) -> R {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let id = self.enter(BlockKind::Comprehension, name, e.loc.line, e as *const Expr as usize);
        self.blocks[id].comp_inlined = !is_genexp;
        if is_genexp {
            self.blocks[id].is_generator = true;
        }
        // Implicit parameter `.0`: the outermost iterator.
        self.cur().flags_mut(".0");
        *self.cur().flags_mut(".0") |= DEF_PARAM;
        self.cur().varnames.push(".0".into());
        for (i, g) in gens.iter().enumerate() {
            self.comp_target(&g.target)?;
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            // symtable_handle_comprehension visits a dict comprehension's value first.
            self.expr(v)?;
            self.expr(elt)?;
        } else {
            self.expr(elt)?;
        }
        self.leave();
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> R {
        match &t.kind {
            ExprKind::Name { id, .. } => {
                self.add_def(id, DEF_LOCAL | DEF_COMP_ITER, t.loc)?;
                Ok(())
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|x| self.comp_target(x)),
            ExprKind::Starred { value, .. } => self.comp_target(value),
            _ => self.expr(t),
        }
    }
}

// ---------------------------------------------------------------- analysis

type NameSet = FxHashSet<String>;

fn analyze(t: &mut SymbolTable, top: ScopeId) -> Result<(), CompileError> {
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    analyze_block(t, top, None, &mut free, &mut global)
}

fn analyze_block(
    t: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), CompileError> {
    let mut local = NameSet::default();
    let mut scopes: FxHashMap<String, Scope> = FxHashMap::default();
    let mut newglobal = NameSet::default();
    let mut newfree = NameSet::default();
    let mut newbound = NameSet::default();
    let kind = t.blocks[id].kind;

    if kind == BlockKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }

    let names: Vec<(String, u32)> = t.blocks[id].symbols.iter().map(|(n, s)| (n.clone(), s.flags)).collect();
    for (name, flags) in &names {
        analyze_name(t, id, &mut scopes, name, *flags, bound, &mut local, free, global)?;
    }

    if kind != BlockKind::Class {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".into());
        newbound.insert("__classdict__".into());
    }

    let mut inlined_cells = NameSet::default();
    let mut allfree = NameSet::default();
    let children = t.blocks[id].children.clone();
    for child in children {
        let mut child_free = NameSet::default();
        let mut child_global = newglobal.clone();
        // Each child analyses with copies, so siblings do not see each other's frees.
        analyze_block(t, child, Some(&newbound.clone()), &mut child_free, &mut child_global)?;
        if t.blocks[child].comp_inlined {
            inline_comprehension(t, id, child, &mut scopes, &mut child_free, &mut inlined_cells);
        }
        if t.blocks[child].has_free || t.blocks[child].child_free {
            t.blocks[id].child_free = true;
        }
        allfree.extend(child_free);
    }
    newfree.extend(allfree);

    if kind.is_function_like() {
        // analyze_cells: a local that some child uses free (or an inlined
        // comprehension keeps in a cell) becomes a cell.
        for (name, sc) in scopes.iter_mut() {
            if *sc == Scope::Local && (newfree.contains(name) || inlined_cells.contains(name)) {
                *sc = Scope::Cell;
                newfree.remove(name);
            }
        }
    } else if kind == BlockKind::Class {
        // drop_class_free
        if newfree.remove("__class__") {
            t.blocks[id].needs_class_closure = true;
        }
        if newfree.remove("__classdict__") {
            t.blocks[id].needs_classdict = true;
        }
    }

    // update_symbols
    let block = &mut t.blocks[id];
    for (name, sc) in &scopes {
        block.set_scope(name, *sc);
    }
    for name in &inlined_cells {
        if let Some(&i) = block.index.get(name) {
            block.symbols[i].1.flags |= DEF_COMP_CELL;
        }
    }
    for name in &newfree {
        if let Some(&i) = block.index.get(name) {
            if kind == BlockKind::Class {
                block.symbols[i].1.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound {
            if !b.contains(name) {
                continue;
            }
        }
        if bound.is_none() {
            continue;
        }
        // Implicitly free: passes through this scope to a child.
        block.symbols.push((name.clone(), Symbol { flags: 0, scope: Scope::Free }));
        block.index.insert(name.clone(), block.symbols.len() - 1);
        block.has_free = true;
    }
    free.extend(newfree);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    t: &mut SymbolTable,
    id: ScopeId,
    scopes: &mut FxHashMap<String, Scope>,
    name: &str,
    flags: u32,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), CompileError> {
    let block = &mut t.blocks[id];
    let err = |msg: String| CompileError::syntax(msg, Loc { line: block_line(block), ..Loc::default() });
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(err(format!("name '{name}' is nonlocal and global")));
        }
        scopes.insert(name.into(), Scope::GlobalExplicit);
        global.insert(name.into());
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        match bound {
            None => return Err(err("nonlocal declaration not allowed at module level".into())),
            Some(b) if !b.contains(name) => {
                if block.kind == BlockKind::Comprehension {
                    // A walrus target inside a comprehension binds in the enclosing scope.
                    scopes.insert(name.into(), Scope::Free);
                    block.has_free = true;
                    free.insert(name.into());
                    return Ok(());
                }
                return Err(err(format!("no binding for nonlocal '{name}' found")));
            }
            _ => {}
        }
        scopes.insert(name.into(), Scope::Free);
        block.has_free = true;
        free.insert(name.into());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.into(), Scope::Local);
        local.insert(name.into());
        global.remove(name);
        return Ok(());
    }
    if let Some(b) = bound {
        if b.contains(name) {
            scopes.insert(name.into(), Scope::Free);
            block.has_free = true;
            free.insert(name.into());
            return Ok(());
        }
    }
    scopes.insert(name.into(), Scope::GlobalImplicit);
    Ok(())
}

fn block_line(b: &Block) -> u32 {
    b.line
}

/// Merges an inlined comprehension's symbols into its parent (CPython's
/// `inline_comprehension`).
fn inline_comprehension(
    t: &mut SymbolTable,
    parent: ScopeId,
    comp: ScopeId,
    scopes: &mut FxHashMap<String, Scope>,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) {
    let parent_kind = t.blocks[parent].kind;
    let comp_syms: Vec<(String, Symbol)> = t.blocks[comp].symbols.clone();
    let mut remove_dunder_class = false;
    let mut remove_dunder_classdict = false;
    for (name, sym) in comp_syms {
        if sym.flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = sym.scope;
        if scope == Scope::Cell || sym.flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name.clone());
        }
        if scope == Scope::Free && parent_kind == BlockKind::Class && (name == "__class__" || name == "__classdict__") {
            scope = Scope::GlobalImplicit;
            if !is_free_in_any_child(t, comp, &name) {
                comp_free.remove(&name);
            }
            if name == "__class__" {
                remove_dunder_class = true;
            } else {
                remove_dunder_classdict = true;
            }
        }
        let existing = t.blocks[parent].lookup(&name).map(|s| s.flags);
        match existing {
            None => {
                let pb = &mut t.blocks[parent];
                pb.symbols.push((name.clone(), Symbol { flags: sym.flags, scope }));
                pb.index.insert(name.clone(), pb.symbols.len() - 1);
                scopes.insert(name.clone(), scope);
            }
            Some(flags) => {
                if flags & DEF_BOUND != 0 && parent_kind != BlockKind::Class && !is_free_in_any_child(t, comp, &name) {
                    comp_free.remove(&name);
                }
            }
        }
    }
    t.blocks[comp].has_free = !comp_free.is_empty();
    for (flag, name) in [(remove_dunder_class, "__class__"), (remove_dunder_classdict, "__classdict__")] {
        if !flag {
            continue;
        }
        let cb = &mut t.blocks[comp];
        if let Some(i) = cb.index.remove(name) {
            cb.symbols.remove(i);
            cb.index = cb.symbols.iter().enumerate().map(|(i, (n, _))| (n.clone(), i)).collect();
        }
    }
}

fn is_free_in_any_child(t: &SymbolTable, id: ScopeId, name: &str) -> bool {
    t.blocks[id].children.iter().any(|&c| {
        t.blocks[c].scope_of(name) == Some(Scope::Free) || is_free_in_any_child(t, c, name)
    })
}
