//! Compile-time warnings CPython 3.14 emits as `SyntaxWarning`: invalid escape
//! sequences in string literals (its tokenizer) and `return`/`break`/`continue` that
//! would leave a `finally` block (PEP 765, its `ast_preprocess.c`). The compiler only
//! collects them; the VM reports them through the warnings machinery.

use super::ast::*;

/// One warning, located at a source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub line: u32,
    pub message: String,
}

/// The escape-sequence warning for one literal body (the text between the quotes of a
/// non-raw string, or an f-string's literal middle): CPython's decoder reports only the
/// first invalid escape. `first_line` is the body's line.
pub fn scan_escapes(body: &str, first_line: u32, is_bytes: bool, out: &mut Vec<CompileWarning>) {
    let bytes = body.as_bytes();
    let mut line = first_line;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'\\' if i + 1 < bytes.len() => {
                let c = bytes[i + 1];
                match c {
                    b'\n' => {
                        line += 1;
                        i += 2;
                    }
                    b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' => i += 2,
                    b'N' | b'u' | b'U' if !is_bytes => i += 2,
                    b'0'..=b'7' => {
                        let digits = bytes[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
                        let text = &body[i + 1..i + 1 + digits];
                        if u32::from_str_radix(text, 8).unwrap_or(0) > 0o377 {
                            out.push(CompileWarning {
                                line,
                                message: format!(
                                    "\"\\{text}\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{text}\"? A raw string is also an option."
                                ),
                            });
                            return;
                        }
                        i += 1 + digits;
                    }
                    _ => {
                        let ch = body[i + 1..].chars().next().unwrap_or('?');
                        out.push(CompileWarning {
                            line,
                            message: format!(
                                "\"\\{ch}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{ch}\"? A raw string is also an option."
                            ),
                        });
                        return;
                    }
                }
            }
            _ => i += 1,
        }
    }
}

/// PEP 765: `return`, `break` or `continue` whose innermost enclosing construct (among
/// finally blocks, function bodies and loop bodies) is a `finally` block.
pub fn control_flow_in_finally(module: &[Stmt], out: &mut Vec<CompileWarning>) {
    let mut walker = FinallyWalker { contexts: Vec::new(), out };
    walker.body(module);
}

#[derive(Clone, Copy, PartialEq)]
enum Context {
    Finally,
    FunctionBody,
    LoopBody,
}

struct FinallyWalker<'a> {
    contexts: Vec<Context>,
    out: &'a mut Vec<CompileWarning>,
}

impl FinallyWalker<'_> {
    fn body(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn within(&mut self, ctx: Context, stmts: &[Stmt]) {
        self.contexts.push(ctx);
        self.body(stmts);
        self.contexts.pop();
    }

    fn warn_if_innermost_finally(&mut self, keyword: &str, loc: &Loc) {
        if self.contexts.last() == Some(&Context::Finally) {
            self.out.push(CompileWarning { line: loc.line, message: format!("'{keyword}' in a 'finally' block") });
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.within(Context::FunctionBody, &f.body),
            StmtKind::ClassDef(c) => self.body(&c.body),
            // Only the innermost context counts, as in CPython: a loop between the
            // finally and the `return` silences the warning.
            StmtKind::Return(_) => self.warn_if_innermost_finally("return", &s.loc),
            StmtKind::Break => self.warn_if_innermost_finally("break", &s.loc),
            StmtKind::Continue => self.warn_if_innermost_finally("continue", &s.loc),
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                self.within(Context::LoopBody, body);
                self.body(orelse);
            }
            StmtKind::If { body, orelse, .. } => {
                self.body(body);
                self.body(orelse);
            }
            StmtKind::With { body, .. } => self.body(body),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.body(body);
                for h in handlers {
                    self.body(&h.body);
                }
                self.body(orelse);
                self.within(Context::Finally, finalbody);
            }
            _ => {}
        }
    }
}
