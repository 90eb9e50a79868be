//! The only module that knows `ruff_python_parser`: parses source and lowers ruff's tree
//! into monjit's [`ast`](super::ast), rejecting syntax outside the supported subset with a
//! `SyntaxError` that names it.

use super::ast::*;
use super::diagnostics::{scan_escapes, CompileWarning};
use super::{CompileError, SourceKind};
use num_bigint::BigInt;
use ruff_python_ast as r;
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Maps byte offsets to CPython-style (line, column).
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// (1-based line, 0-based byte column) of an offset.
    pub fn position(&self, offset: TextSize) -> (u32, u32) {
        let off = u32::from(offset);
        let line = self.starts.partition_point(|s| *s <= off);
        (line as u32, off - self.starts[line - 1])
    }

    pub fn loc(&self, range: TextRange) -> Loc {
        let (line, col) = self.position(range.start());
        let (end_line, end_col) = self.position(range.end());
        Loc { line, col, end_line, end_col }
    }
}

/// Parses a module: its statements, and the tokenizer's warnings (invalid escapes).
pub fn parse_module(source: &str, kind: SourceKind) -> Result<(Vec<Stmt>, Vec<CompileWarning>), CompileError> {
    let index = LineIndex::new(source);
    let parsed = ruff_python_parser::parse_unchecked_source(source, r::PySourceType::Python);
    if !parsed.errors().is_empty() || too_deeply_bracketed(parsed.tokens()) || tab_indented(source) {
        // CPython's tokenizer also refuses brackets nested past 200 levels and indentation
        // that tabs and spaces make ambiguous, which ruff accepts; its own tokenizer (in
        // `check`) words those errors.
        if let Some(e) = super::parse_errors::check(source, &parsed, kind) {
            return Err(e);
        }
    }
    let lowerer = Lowerer { index: &index, source, scopes: Default::default() };
    let body = lowerer.stmts(&parsed.syntax().body)?;
    Ok((body, escape_warnings(source, parsed.tokens(), &index)))
}

/// Whether some line's indentation has a tab, which CPython's tokenizer checks against
/// the same indentation measured with tabs one column wide (TabError when they disagree).
fn tab_indented(source: &str) -> bool {
    source.split('\n').any(|line| line.bytes().take_while(|c| matches!(c, b' ' | b'\t' | b'\x0c')).any(|c| c == b'\t'))
}

/// Whether brackets nest deeper than CPython's tokenizer allows (`MAXLEVEL`).
fn too_deeply_bracketed(tokens: &ruff_python_ast::token::Tokens) -> bool {
    use ruff_python_ast::token::TokenKind as K;
    let mut depth = 0usize;
    for tok in tokens.iter() {
        match tok.kind() {
            K::Lpar | K::Lsqb | K::Lbrace => {
                depth += 1;
                if depth > 200 {
                    return true;
                }
            }
            K::Rpar | K::Rsqb | K::Rbrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Invalid escape sequences in non-raw string literals and f-string literal parts.
fn escape_warnings(source: &str, tokens: &ruff_python_ast::token::Tokens, index: &LineIndex) -> Vec<CompileWarning> {
    use ruff_python_ast::StringFlags;
    use ruff_python_ast::token::TokenKind;
    let mut out = Vec::new();
    for tok in tokens.iter() {
        let Some(flags) = tok.string_flags() else { continue };
        if flags.is_raw_string() {
            continue;
        }
        let range = tok.range();
        let body = match tok.kind() {
            TokenKind::String => {
                TextRange::new(range.start() + flags.opener_len(), range.end() - flags.closer_len())
            }
            TokenKind::FStringMiddle => range,
            _ => continue,
        };
        let (line, _) = index.position(body.start());
        scan_escapes(&source[body], line, flags.is_byte_string(), &mut out);
    }
    out
}

struct Lowerer<'a> {
    index: &'a LineIndex,
    source: &'a str,
    /// Enclosing functions and comprehensions, for CPython's errors on `await`.
    scopes: std::cell::RefCell<Vec<(AwaitScope, Loc)>>,
}

/// Where an `await` can appear, innermost last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitScope {
    Function,
    Comprehension,
    Generator,
}

type R<T> = Result<T, CompileError>;

impl Lowerer<'_> {
    fn loc(&self, node: &impl Ranged) -> Loc {
        self.index.loc(node.range())
    }

    fn unsupported<T>(&self, what: &str, node: &impl Ranged) -> R<T> {
        Err(CompileError::syntax(format!("{what} is not supported by monjit"), self.loc(node)))
    }

    /// Lowers `f` inside a function or comprehension scope.
    fn scoped<T>(&self, scope: AwaitScope, node: &impl Ranged, f: impl FnOnce() -> R<T>) -> R<T> {
        self.scopes.borrow_mut().push((scope, self.loc(node)));
        let out = f();
        self.scopes.borrow_mut().pop();
        out
    }

    /// `await` is only valid in `async def`, which monjit does not support, so every
    /// other `await` is CPython's compile error (or, in a generator expression, that
    /// makes an async generator: unsupported).
    fn await_error<T>(&self, e: &r::Expr) -> R<T> {
        let inner = self.scopes.borrow().last().copied();
        match inner {
            None => Err(CompileError::syntax("'await' outside function", self.loc(e))),
            Some((AwaitScope::Function, _)) => Err(CompileError::syntax("'await' outside async function", self.loc(e))),
            Some((AwaitScope::Comprehension, loc)) => {
                Err(CompileError::syntax("asynchronous comprehension outside of an asynchronous function", loc))
            }
            Some((AwaitScope::Generator, _)) => self.unsupported("'await'", e),
        }
    }

    /// CPython 3.14 rejects `*x` as a comprehension's element.
    fn comprehension_elt(&self, elt: &r::Expr) -> R<Box<Expr>> {
        if let r::Expr::Starred(_) = elt {
            return Err(CompileError::syntax("iterable unpacking cannot be used in comprehension", self.loc(elt)));
        }
        Ok(Box::new(self.expr(elt)?))
    }

    fn stmts(&self, body: &[r::Stmt]) -> R<Vec<Stmt>> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&self, s: &r::Stmt) -> R<Stmt> {
        super::deep(|| self.stmt_inner(s))
    }

    fn stmt_inner(&self, s: &r::Stmt) -> R<Stmt> {
        let loc = self.loc(s);
        let kind = match s {
            r::Stmt::FunctionDef(f) => {
                if f.is_async {
                    return self.unsupported("'async def'", s);
                }
                if f.type_params.is_some() {
                    return self.unsupported("type parameters", s);
                }
                StmtKind::FunctionDef(Box::new(FunctionDef {
                    name: f.name.id.to_string(),
                    args: self.parameters(&f.parameters)?,
                    body: self.scoped(AwaitScope::Function, s, || self.stmts(&f.body))?,
                    decorator_list: f.decorator_list.iter().map(|d| self.expr(&d.expression)).collect::<R<_>>()?,
                    returns: f.returns.as_deref().map(|e| self.expr(e)).transpose()?,
                }))
            }
            r::Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return self.unsupported("type parameters", s);
                }
                let (bases, keywords) = match &c.arguments {
                    Some(a) => self.arguments(a)?,
                    None => (Vec::new(), Vec::new()),
                };
                StmtKind::ClassDef(Box::new(ClassDef {
                    name: c.name.id.to_string(),
                    bases,
                    keywords,
                    body: self.stmts(&c.body)?,
                    decorator_list: c.decorator_list.iter().map(|d| self.expr(&d.expression)).collect::<R<_>>()?,
                }))
            }
            r::Stmt::Return(x) => StmtKind::Return(x.value.as_deref().map(|e| self.expr(e)).transpose()?),
            r::Stmt::Delete(x) => StmtKind::Delete(x.targets.iter().map(|e| self.target(e, Ctx::Del)).collect::<R<_>>()?),
            r::Stmt::TypeAlias(_) => return self.unsupported("'type' statement", s),
            r::Stmt::Assign(x) => StmtKind::Assign {
                targets: x.targets.iter().map(|e| self.target(e, Ctx::Store)).collect::<R<_>>()?,
                value: self.expr(&x.value)?,
            },
            r::Stmt::AugAssign(x) => StmtKind::AugAssign {
                target: self.target(&x.target, Ctx::Store)?,
                op: binop(x.op),
                value: self.expr(&x.value)?,
            },
            r::Stmt::AnnAssign(x) => StmtKind::AnnAssign {
                target: self.target(&x.target, Ctx::Store)?,
                annotation: self.expr(&x.annotation)?,
                value: x.value.as_deref().map(|e| self.expr(e)).transpose()?,
                simple: x.simple,
            },
            r::Stmt::For(x) => {
                if x.is_async {
                    return self.unsupported("'async for'", s);
                }
                StmtKind::For {
                    target: self.target(&x.target, Ctx::Store)?,
                    iter: self.expr(&x.iter)?,
                    body: self.stmts(&x.body)?,
                    orelse: self.stmts(&x.orelse)?,
                }
            }
            r::Stmt::While(x) => StmtKind::While {
                test: self.expr(&x.test)?,
                body: self.stmts(&x.body)?,
                orelse: self.stmts(&x.orelse)?,
            },
            r::Stmt::If(x) => {
                // elif chains become nested ifs in `orelse`, as in CPython's tree.
                let mut orelse = Vec::new();
                for clause in x.elif_else_clauses.iter().rev() {
                    let body = self.stmts(&clause.body)?;
                    match &clause.test {
                        Some(test) => {
                            let nested = Stmt {
                                kind: StmtKind::If { test: self.expr(test)?, body, orelse },
                                loc: self.index.loc(TextRange::new(clause.range.start(), clause_chain_end(x, clause))),
                            };
                            orelse = vec![nested];
                        }
                        None => orelse = body,
                    }
                }
                StmtKind::If { test: self.expr(&x.test)?, body: self.stmts(&x.body)?, orelse }
            }
            r::Stmt::With(x) => {
                if x.is_async {
                    return self.unsupported("'async with'", s);
                }
                StmtKind::With {
                    items: x.items.iter().map(|i| Ok(WithItem {
                        context_expr: self.expr(&i.context_expr)?,
                        optional_vars: i.optional_vars.as_deref().map(|e| self.target(e, Ctx::Store)).transpose()?,
                    })).collect::<R<_>>()?,
                    body: self.stmts(&x.body)?,
                }
            }
            r::Stmt::Match(_) => return self.unsupported("'match' statement", s),
            r::Stmt::Raise(x) => StmtKind::Raise {
                exc: x.exc.as_deref().map(|e| self.expr(e)).transpose()?,
                cause: x.cause.as_deref().map(|e| self.expr(e)).transpose()?,
            },
            r::Stmt::Try(x) => {
                if x.is_star {
                    return self.unsupported("'except*'", s);
                }
                StmtKind::Try {
                    body: self.stmts(&x.body)?,
                    handlers: x.handlers.iter().map(|h| {
                        let r::ExceptHandler::ExceptHandler(h) = h;
                        Ok(ExceptHandler {
                            typ: h.type_.as_deref().map(|e| self.expr(e)).transpose()?,
                            name: h.name.as_ref().map(|n| n.id.to_string()),
                            body: self.stmts(&h.body)?,
                            loc: self.loc(h),
                        })
                    }).collect::<R<_>>()?,
                    orelse: self.stmts(&x.orelse)?,
                    finalbody: self.stmts(&x.finalbody)?,
                }
            }
            r::Stmt::Assert(x) => StmtKind::Assert {
                test: self.expr(&x.test)?,
                msg: x.msg.as_deref().map(|e| self.expr(e)).transpose()?,
            },
            r::Stmt::Import(x) => StmtKind::Import(x.names.iter().map(|a| self.alias(a)).collect()),
            r::Stmt::ImportFrom(x) => StmtKind::ImportFrom {
                module: x.module.as_ref().map(|m| m.id.to_string()),
                names: x.names.iter().map(|a| self.alias(a)).collect(),
                level: x.level,
            },
            r::Stmt::Global(x) => StmtKind::Global(x.names.iter().map(|n| n.id.to_string()).collect()),
            r::Stmt::Nonlocal(x) => StmtKind::Nonlocal(x.names.iter().map(|n| n.id.to_string()).collect()),
            r::Stmt::Expr(x) => StmtKind::Expr(self.expr(&x.value)?),
            r::Stmt::Pass(_) => StmtKind::Pass,
            r::Stmt::Break(_) => StmtKind::Break,
            r::Stmt::Continue(_) => StmtKind::Continue,
            r::Stmt::IpyEscapeCommand(_) => return self.unsupported("IPython escape command", s),
        };
        Ok(Stmt { kind, loc })
    }

    fn alias(&self, a: &r::Alias) -> Alias {
        Alias { name: a.name.id.to_string(), asname: a.asname.as_ref().map(|n| n.id.to_string()), loc: self.loc(a) }
    }

    fn parameters(&self, p: &r::Parameters) -> R<Arguments> {
        let arg = |x: &r::Parameter| -> R<Arg> {
            Ok(Arg {
                name: x.name.id.to_string(),
                annotation: x.annotation.as_deref().map(|e| self.expr(e)).transpose()?,
                loc: self.loc(x),
            })
        };
        let mut out = Arguments::default();
        for x in &p.posonlyargs {
            out.posonlyargs.push(arg(&x.parameter)?);
            if let Some(d) = &x.default {
                out.defaults.push(self.expr(d)?);
            }
        }
        for x in &p.args {
            out.args.push(arg(&x.parameter)?);
            if let Some(d) = &x.default {
                out.defaults.push(self.expr(d)?);
            }
        }
        out.vararg = p.vararg.as_deref().map(arg).transpose()?;
        for x in &p.kwonlyargs {
            out.kwonlyargs.push(arg(&x.parameter)?);
            out.kw_defaults.push(x.default.as_deref().map(|e| self.expr(e)).transpose()?);
        }
        out.kwarg = p.kwarg.as_deref().map(arg).transpose()?;
        Ok(out)
    }

    fn arguments(&self, a: &r::Arguments) -> R<(Vec<Expr>, Vec<Keyword>)> {
        let args = a.args.iter().map(|e| self.expr(e)).collect::<R<_>>()?;
        let keywords = a.keywords.iter().map(|k| Ok(Keyword {
            arg: k.arg.as_ref().map(|n| n.id.to_string()),
            value: self.expr(&k.value)?,
            loc: self.loc(k),
        })).collect::<R<_>>()?;
        Ok((args, keywords))
    }

    fn target(&self, e: &r::Expr, ctx: Ctx) -> R<Expr> {
        let mut x = self.expr(e)?;
        set_ctx(&mut x, ctx);
        Ok(x)
    }

    fn comprehensions(&self, gens: &[r::Comprehension]) -> R<Vec<Comprehension>> {
        gens.iter().map(|g| {
            if g.is_async {
                return self.unsupported("asynchronous comprehension", g);
            }
            Ok(Comprehension {
                target: self.target(&g.target, Ctx::Store)?,
                iter: self.expr(&g.iter)?,
                ifs: g.ifs.iter().map(|e| self.expr(e)).collect::<R<_>>()?,
            })
        }).collect()
    }

    fn expr(&self, e: &r::Expr) -> R<Expr> {
        super::deep(|| self.expr_inner(e))
    }

    fn expr_inner(&self, e: &r::Expr) -> R<Expr> {
        let loc = self.loc(e);
        let boxed = |x: &r::Expr| -> R<Box<Expr>> { Ok(Box::new(self.expr(x)?)) };
        let kind = match e {
            r::Expr::BoolOp(x) => ExprKind::BoolOp {
                op: match x.op {
                    r::BoolOp::And => BoolOp::And,
                    r::BoolOp::Or => BoolOp::Or,
                },
                values: x.values.iter().map(|v| self.expr(v)).collect::<R<_>>()?,
            },
            r::Expr::Named(x) => ExprKind::NamedExpr { target: Box::new(self.target(&x.target, Ctx::Store)?), value: boxed(&x.value)? },
            r::Expr::BinOp(x) => ExprKind::BinOp { left: boxed(&x.left)?, op: binop(x.op), right: boxed(&x.right)? },
            r::Expr::UnaryOp(x) => ExprKind::UnaryOp {
                op: match x.op {
                    r::UnaryOp::Invert => UnaryOp::Invert,
                    r::UnaryOp::Not => UnaryOp::Not,
                    r::UnaryOp::UAdd => UnaryOp::UAdd,
                    r::UnaryOp::USub => UnaryOp::USub,
                },
                operand: boxed(&x.operand)?,
            },
            r::Expr::Lambda(x) => ExprKind::Lambda {
                args: Box::new(match &x.parameters {
                    Some(p) => self.parameters(p)?,
                    None => Arguments::default(),
                }),
                body: self.scoped(AwaitScope::Function, e, || boxed(&x.body))?,
            },
            r::Expr::If(x) => ExprKind::IfExp { test: boxed(&x.test)?, body: boxed(&x.body)?, orelse: boxed(&x.orelse)? },
            r::Expr::Dict(x) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for item in &x.items {
                    keys.push(item.key.as_ref().map(|k| self.expr(k)).transpose()?);
                    values.push(self.expr(&item.value)?);
                }
                ExprKind::Dict { keys, values }
            }
            r::Expr::Set(x) => ExprKind::Set(x.elts.iter().map(|v| self.expr(v)).collect::<R<_>>()?),
            r::Expr::ListComp(x) => self.scoped(AwaitScope::Comprehension, e, || {
                Ok(ExprKind::ListComp { elt: self.comprehension_elt(&x.elt)?, generators: self.comprehensions(&x.generators)? })
            })?,
            r::Expr::SetComp(x) => self.scoped(AwaitScope::Comprehension, e, || {
                Ok(ExprKind::SetComp { elt: self.comprehension_elt(&x.elt)?, generators: self.comprehensions(&x.generators)? })
            })?,
            r::Expr::DictComp(x) => match &x.key {
                Some(k) => self.scoped(AwaitScope::Comprehension, e, || {
                    Ok(ExprKind::DictComp { key: boxed(k)?, value: boxed(&x.value)?, generators: self.comprehensions(&x.generators)? })
                })?,
                None => {
                    // `{**d for d in ds}`: CPython 3.14 points at the `**`.
                    let before = &self.source[..usize::from(x.value.range().start())];
                    let loc = match before.rfind("**") {
                        Some(i) => self.index.loc(TextRange::at(TextSize::from(i as u32), TextSize::from(2))),
                        None => self.loc(x.value.as_ref()),
                    };
                    return Err(CompileError::syntax("dict unpacking cannot be used in dict comprehension", loc));
                }
            },
            r::Expr::Generator(x) => self.scoped(AwaitScope::Generator, e, || {
                Ok(ExprKind::GeneratorExp { elt: self.comprehension_elt(&x.elt)?, generators: self.comprehensions(&x.generators)? })
            })?,
            r::Expr::Await(_) => return self.await_error(e),
            r::Expr::Yield(x) => ExprKind::Yield(x.value.as_deref().map(boxed).transpose()?),
            r::Expr::YieldFrom(x) => ExprKind::YieldFrom(boxed(&x.value)?),
            r::Expr::Compare(x) => ExprKind::Compare {
                left: boxed(&x.left)?,
                ops: x.ops.iter().map(|op| cmpop(*op)).collect(),
                comparators: x.comparators.iter().map(|v| self.expr(v)).collect::<R<_>>()?,
            },
            r::Expr::Call(x) => {
                let (args, keywords) = self.arguments(&x.arguments)?;
                ExprKind::Call { func: boxed(&x.func)?, args, keywords }
            }
            r::Expr::FString(x) => self.fstring(x)?,
            r::Expr::TString(_) => return self.unsupported("template string", e),
            r::Expr::StringLiteral(x) => ExprKind::Constant(Constant::Str(x.value.to_str().to_string())),
            r::Expr::BytesLiteral(x) => ExprKind::Constant(Constant::Bytes(x.value.bytes().collect())),
            r::Expr::NumberLiteral(x) => match &x.value {
                r::Number::Int(i) => {
                    let text = i.to_string();
                    let v = crate::objects::int::parse_int(&text, 0)
                        .or_else(|| text.parse::<BigInt>().ok())
                        .ok_or_else(|| CompileError::syntax(format!("invalid integer literal '{text}'"), loc))?;
                    ExprKind::Constant(Constant::Int(v))
                }
                r::Number::Float(f) => ExprKind::Constant(Constant::Float(*f)),
                r::Number::Complex { .. } => return self.unsupported("complex literal", e),
            },
            r::Expr::BooleanLiteral(x) => ExprKind::Constant(Constant::Bool(x.value)),
            r::Expr::NoneLiteral(_) => ExprKind::Constant(Constant::None),
            r::Expr::EllipsisLiteral(_) => ExprKind::Constant(Constant::Ellipsis),
            r::Expr::Attribute(x) => ExprKind::Attribute { value: boxed(&x.value)?, attr: x.attr.id.to_string(), ctx: Ctx::Load },
            r::Expr::Subscript(x) => ExprKind::Subscript { value: boxed(&x.value)?, slice: boxed(&x.slice)?, ctx: Ctx::Load },
            r::Expr::Starred(x) => ExprKind::Starred { value: boxed(&x.value)?, ctx: Ctx::Load },
            r::Expr::Name(x) => ExprKind::Name { id: x.id.to_string(), ctx: Ctx::Load },
            r::Expr::List(x) => ExprKind::List { elts: x.elts.iter().map(|v| self.expr(v)).collect::<R<_>>()?, ctx: Ctx::Load },
            r::Expr::Tuple(x) => ExprKind::Tuple { elts: x.elts.iter().map(|v| self.expr(v)).collect::<R<_>>()?, ctx: Ctx::Load },
            r::Expr::Slice(x) => ExprKind::Slice {
                lower: x.lower.as_deref().map(boxed).transpose()?,
                upper: x.upper.as_deref().map(boxed).transpose()?,
                step: x.step.as_deref().map(boxed).transpose()?,
            },
            r::Expr::IpyEscapeCommand(_) => return self.unsupported("IPython escape command", e),
        };
        Ok(Expr { kind, loc })
    }

    /// An f-string (possibly implicitly concatenated with plain strings) as a JoinedStr
    /// of constant strings and formatted values, adjacent literals merged as CPython does.
    /// Each literal keeps its own place in the source (a plain string's token, an
    /// f-string's literal text, a `{x=}`'s text), which the LOAD_CONST that pushes it
    /// reports; merged literals span from the first one's start to the last one's end.
    fn fstring(&self, x: &r::ExprFString) -> R<ExprKind> {
        let mut parts: Vec<Expr> = Vec::new();
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(lit) => push_literal(&mut parts, &lit.value, self.loc(lit)),
                r::FStringPart::FString(f) => self.fstring_elements(&f.elements, &mut parts)?,
            }
        }
        Ok(ExprKind::JoinedStr(parts))
    }

    fn fstring_elements(&self, elements: &r::InterpolatedStringElements, parts: &mut Vec<Expr>) -> R<()> {
        for el in elements.iter() {
            match el {
                r::InterpolatedStringElement::Literal(lit) => push_literal(parts, &lit.value, self.loc(lit)),
                r::InterpolatedStringElement::Interpolation(i) => {
                    let value = self.expr(&i.expression)?;
                    let mut conversion = match i.conversion {
                        r::ConversionFlag::None => -1,
                        r::ConversionFlag::Str => b's' as i32,
                        r::ConversionFlag::Ascii => b'a' as i32,
                        r::ConversionFlag::Repr => b'r' as i32,
                    };
                    if let Some(debug) = &i.debug_text {
                        // f"{x=}": the source text, then repr unless a spec/conversion says
                        // otherwise. The text runs from after the '{' to the '!', ':' or '}'.
                        let text = debug.as_str();
                        let start = i.range.start() + TextSize::from(1);
                        let end = start + TextSize::of(text);
                        push_literal(parts, text, self.index.loc(TextRange::new(start, end)));
                        if conversion == -1 && i.format_spec.is_none() {
                            conversion = b'r' as i32;
                        }
                    }
                    let format_spec = match &i.format_spec {
                        Some(spec) => {
                            let mut spec_parts = Vec::new();
                            self.fstring_elements(&spec.elements, &mut spec_parts)?;
                            // CPython's spec node starts at its ':'; ruff's just after it.
                            let range = TextRange::new(spec.range.start() - TextSize::from(1), spec.range.end());
                            Some(Box::new(Expr { kind: ExprKind::JoinedStr(spec_parts), loc: self.index.loc(range) }))
                        }
                        None => None,
                    };
                    parts.push(Expr {
                        kind: ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec },
                        loc: self.loc(i),
                    });
                }
            }
        }
        Ok(())
    }
}

fn push_literal(parts: &mut Vec<Expr>, text: &str, loc: Loc) {
    if text.is_empty() {
        return;
    }
    if let Some(Expr { kind: ExprKind::Constant(Constant::Str(prev)), loc: prev_loc }) = parts.last_mut() {
        prev.push_str(text);
        (prev_loc.end_line, prev_loc.end_col) = (loc.end_line, loc.end_col);
        return;
    }
    parts.push(Expr { kind: ExprKind::Constant(Constant::Str(text.to_string())), loc });
}

/// The end of an `elif` clause's statement: the end of the whole if statement (CPython's
/// nested If spans to the end of its own else/elif chain).
fn clause_chain_end(stmt: &r::StmtIf, _clause: &r::ElifElseClause) -> TextSize {
    stmt.range.end()
}

fn set_ctx(e: &mut Expr, ctx: Ctx) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. } | ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_ctx(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_ctx(x, ctx);
            }
        }
        _ => {}
    }
}

fn binop(op: r::Operator) -> BinOp {
    match op {
        r::Operator::Add => BinOp::Add,
        r::Operator::Sub => BinOp::Sub,
        r::Operator::Mult => BinOp::Mult,
        r::Operator::MatMult => BinOp::MatMult,
        r::Operator::Div => BinOp::Div,
        r::Operator::Mod => BinOp::Mod,
        r::Operator::Pow => BinOp::Pow,
        r::Operator::LShift => BinOp::LShift,
        r::Operator::RShift => BinOp::RShift,
        r::Operator::BitOr => BinOp::BitOr,
        r::Operator::BitXor => BinOp::BitXor,
        r::Operator::BitAnd => BinOp::BitAnd,
        r::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: r::CmpOp) -> CmpOp {
    match op {
        r::CmpOp::Eq => CmpOp::Eq,
        r::CmpOp::NotEq => CmpOp::NotEq,
        r::CmpOp::Lt => CmpOp::Lt,
        r::CmpOp::LtE => CmpOp::LtE,
        r::CmpOp::Gt => CmpOp::Gt,
        r::CmpOp::GtE => CmpOp::GtE,
        r::CmpOp::Is => CmpOp::Is,
        r::CmpOp::IsNot => CmpOp::IsNot,
        r::CmpOp::In => CmpOp::In,
        r::CmpOp::NotIn => CmpOp::NotIn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of the f-string assigned by the first statement of `src`, as
    /// (constant text or "{}" for a field, (line, col, end_line, end_col)).
    fn parts(src: &str) -> Vec<(String, (u32, u32, u32, u32))> {
        let (module, _) = parse_module(src, SourceKind::String).expect("parses");
        let StmtKind::Assign { value, .. } = &module[0].kind else { panic!("not an assignment") };
        let ExprKind::JoinedStr(parts) = &value.kind else { panic!("not an f-string") };
        parts
            .iter()
            .map(|p| {
                let text = match &p.kind {
                    ExprKind::Constant(Constant::Str(s)) => s.clone(),
                    ExprKind::FormattedValue { format_spec: Some(spec), .. } => format!("{{:{}}}", parts_text(spec)),
                    _ => "{}".to_string(),
                };
                (text, (p.loc.line, p.loc.col, p.loc.end_line, p.loc.end_col))
            })
            .collect()
    }

    fn parts_text(spec: &Expr) -> String {
        let ExprKind::JoinedStr(parts) = &spec.kind else { return String::new() };
        let l = spec.loc;
        let inner: Vec<String> = parts
            .iter()
            .map(|p| match &p.kind {
                ExprKind::Constant(Constant::Str(s)) => format!("{s}@{}-{}", p.loc.col, p.loc.end_col),
                _ => "{}".into(),
            })
            .collect();
        format!("{}@{}-{}", inner.join(","), l.col, l.end_col)
    }

    #[test]
    fn fstring_literals_keep_their_own_columns() {
        assert_eq!(
            parts("x = f'ab{n}cd'\n"),
            vec![("ab".into(), (1, 6, 1, 8)), ("{}".into(), (1, 8, 1, 11)), ("cd".into(), (1, 11, 1, 13))]
        );
        // A format spec node starts at its ':'; its literal is at its own place.
        assert_eq!(parts("x = f'{v:.2f}'\n"), vec![("{:.2f@9-12@8-12}".into(), (1, 6, 1, 13))]);
    }

    #[test]
    fn fstring_literal_on_a_later_line_has_that_line() {
        let p = parts("x = f'''one\n{n} two'''\n");
        assert_eq!(p[0], ("one\n".into(), (1, 8, 2, 0)));
        assert_eq!(p[2], (" two".into(), (2, 3, 2, 7)));
    }

    #[test]
    fn merged_literals_span_first_to_last() {
        // The debug text `n=` runs from after the '{' up to the '}'.
        assert_eq!(parts("x = f'{n=}'\n")[0], ("n=".into(), (1, 7, 1, 9)));
        assert_eq!(parts("x = f'a{n=}'\n")[0], ("an=".into(), (1, 6, 1, 10)));
        // A plain string's part is its whole token, quotes included.
        assert_eq!(parts("x = 'pre' f'mid{n}'\n")[0], ("premid".into(), (1, 4, 1, 15)));
    }
}

/// Parses `source` as `ast.parse` does: `None` when CPython's parser would raise.
fn parse_clean(source: &str) -> Option<ruff_python_parser::Parsed<r::ModModule>> {
    let parsed = ruff_python_parser::parse_unchecked_source(source, r::PySourceType::Python);
    if !parsed.errors().is_empty() {
        return None;
    }
    if (too_deeply_bracketed(parsed.tokens()) || tab_indented(source))
        && super::parse_errors::check(source, &parsed, SourceKind::String).is_some()
    {
        return None;
    }
    Some(parsed)
}

/// What traceback.py's `_should_show_carets` learns from `ast.parse(lines)`.
pub enum FirstStatement {
    /// `ast.parse` raised SyntaxError.
    Unparsable,
    /// The module has no statements.
    Empty,
    /// The first statement; for `return NAME(...)` and `NAME = CALL` the call's location
    /// (1-based lines, byte columns).
    Stmt(Option<Loc>),
}

pub fn first_statement_call(source: &str) -> FirstStatement {
    let Some(parsed) = parse_clean(source) else { return FirstStatement::Unparsable };
    let Some(first) = parsed.syntax().body.first() else { return FirstStatement::Empty };
    let call = match first {
        r::Stmt::Return(s) => match s.value.as_deref() {
            Some(r::Expr::Call(c)) if matches!(*c.func, r::Expr::Name(_)) => Some(c.range()),
            _ => None,
        },
        r::Stmt::Assign(s) => match &*s.value {
            r::Expr::Call(c) if s.targets.len() == 1 && matches!(s.targets[0], r::Expr::Name(_)) => Some(c.range()),
            _ => None,
        },
        _ => None,
    };
    FirstStatement::Stmt(call.map(|range| LineIndex::new(source).loc(range)))
}

/// The sub-expression positions traceback.py's `_extract_caret_anchors_from_line_segment`
/// uses, for a source whose only statement is an expression statement (1-based lines,
/// byte columns).
pub enum SegmentAnchor {
    /// A binary operation: where its left operand ends and its right operand starts.
    BinOp { left_end: (u32, u32), right_start: (u32, u32) },
    /// A subscript: where the subscripted value ends and the whole expression ends.
    Subscript { value_end: (u32, u32), end: (u32, u32) },
    /// A call: where the called expression ends and the whole call ends.
    Call { func_end: (u32, u32), end: (u32, u32) },
}

/// `None` when `source` does not parse, is not one expression statement, or the
/// expression is none of those three.
pub fn segment_anchor(source: &str) -> Option<SegmentAnchor> {
    let parsed = parse_clean(source)?;
    let [r::Stmt::Expr(stmt)] = parsed.syntax().body.as_slice() else { return None };
    let index = LineIndex::new(source);
    let end = |e: &r::Expr| index.position(e.range().end());
    Some(match &*stmt.value {
        r::Expr::BinOp(b) => SegmentAnchor::BinOp { left_end: end(&b.left), right_start: index.position(b.right.range().start()) },
        r::Expr::Subscript(s) => SegmentAnchor::Subscript { value_end: end(&s.value), end: index.position(s.range().end()) },
        r::Expr::Call(c) => SegmentAnchor::Call { func_end: end(&c.func), end: index.position(c.range().end()) },
        _ => return None,
    })
}
