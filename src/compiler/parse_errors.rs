//! CPython's words and locations for source the parser rejects.
//!
//! ruff's parser recovers from errors and describes them in its own terms; CPython stops at
//! the first one and picks its message in three layers, which this module reproduces:
//!
//! 1. its tokenizer ([`Lexer`], a port of `Parser/lexer/lexer.c`) raises errors such as
//!    unterminated strings, bad number literals, mismatched brackets and bad dedents as
//!    soon as the parser asks for the token;
//! 2. when the parser itself fails, a second pass of "invalid_" grammar rules names the
//!    mistake ("expected ':'", "Perhaps you forgot a comma?", "cannot assign to literal"
//!    ...), else the error is a plain "invalid syntax" at the furthest token reached;
//! 3. a parser error is then overridden by any error the tokenizer raises in the rest of
//!    the file, or by "'(' was never closed" when an earlier bracket is still open at EOF.
//!
//! ruff's first error tells where the parser fails and roughly why; [`check`] turns that
//! into CPython's message using the CPython token stream and ruff's recovered tree.

use super::{CompileError, ErrorText, SourceKind};
use crate::error::ExcKind;
use ruff_python_ast as r;
use ruff_python_parser::{InterpolatedStringErrorType as FErr, LexicalErrorType, ParseError, ParseErrorType as P};
use ruff_text_size::{Ranged, TextRange};

// ------------------------------------------------------------------ the error value

/// A SyntaxError as CPython builds it: 1-based line, and 1-based byte offsets that may be
/// 0 or -1 (CPython's "no end column"), before conversion to character offsets.
#[derive(Clone, Debug, PartialEq)]
struct Report {
    kind: Kind,
    msg: String,
    line: u32,
    offset: i64,
    end_line: u32,
    end_offset: i64,
    /// Raised by the tokenizer itself, which words its own `text`.
    by_tokenizer: bool,
    /// The line the tokenizer had reached, when past `line` (the error line's text then
    /// comes from the parser's buffers without its newline).
    reached_line: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Syntax,
    Indentation,
    Tab,
}

impl Report {
    fn new(kind: Kind, msg: impl Into<String>, line: u32, offset: i64, end_line: u32, end_offset: i64) -> Report {
        Report { kind, msg: msg.into(), line, offset, end_line, end_offset, by_tokenizer: false, reached_line: line }
    }

    fn syntax(msg: impl Into<String>, line: u32, offset: i64, end_line: u32, end_offset: i64) -> Report {
        Report::new(Kind::Syntax, msg, line, offset, end_line, end_offset)
    }

    /// `src` is the source as the tokenizer saw it (ending in a newline). The offsets stay
    /// in bytes: `syntax_error` counts them in characters of the text it reports.
    fn into_compile_error(self, src: &[u8]) -> CompileError {
        let line_text = src.split_inclusive(|&c| c == b'\n').nth(self.line.saturating_sub(1) as usize).unwrap_or(b"");
        let line_text = String::from_utf8_lossy(line_text).into_owned();
        let kind = match self.kind {
            Kind::Syntax => ExcKind::SyntaxError,
            Kind::Indentation => ExcKind::IndentationError,
            Kind::Tab => ExcKind::TabError,
        };
        let text = if self.by_tokenizer {
            ErrorText::Tokenizer(line_text.trim_end_matches(['\n', '\r']).to_string())
        } else if self.reached_line > self.line {
            ErrorText::ParserBuffer(line_text.trim_end_matches(['\n', '\r']).to_string())
        } else {
            ErrorText::ParserBuffer(line_text)
        };
        CompileError {
            msg: self.msg,
            kind,
            line: self.line,
            offset: self.offset,
            end_line: if self.end_line == 0 { self.line } else { self.end_line },
            end_offset: self.end_offset,
            text,
        }
    }
}

// ------------------------------------------------------------------ the tokenizer

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    Name,
    Number,
    Str,
    FStart,
    FMiddle,
    FEnd,
    Op,
    Newline,
    Indent,
    Dedent,
    End,
}

/// One CPython token. Columns are byte offsets from the start of their line.
#[derive(Clone, Debug)]
struct Tok {
    kind: T,
    start: usize,
    end: usize,
    line: u32,
    col: u32,
    end_line: u32,
    end_col: u32,
    /// Bracket depth after the token, as CPython's `token->level`.
    level: usize,
    /// INDENT, DEDENT and ENDMARKER carry no columns in CPython: errors placed on them
    /// use the tokenizer's position instead (stored in `col`).
    nopos: bool,
}

/// Why the tokenizer stopped without raising (CPython's `tok->done` codes); the parser
/// words these itself, and only when it reaches them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Done {
    Dedent,
    TabSpace,
    TooDeep,
    LineCont,
    Eof,
}

#[derive(Clone, Debug)]
enum LexFail {
    /// A SyntaxError the tokenizer raised itself.
    Raised { report: Report, in_fstring: bool },
    /// An ERRORTOKEN with `tok->done` set.
    Done { code: Done, line: u32, col: u32, buf_col: u32 },
}

#[derive(Clone, Debug)]
struct FMode {
    /// True while tokenizing a replacement field's expression.
    regular: bool,
    quote: u8,
    quote_size: usize,
    raw: bool,
    is_t: bool,
    start: usize,
    multi_line_start: usize,
    line_start_no: u32,
    curly_depth: i32,
    expr_start_depth: i32,
    in_format_spec: bool,
    debug: bool,
}

const TABSIZE: i32 = 8;
const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

fn is_id_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_id_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Python's `str.isprintable` for one character, approximately (no Unicode database).
fn is_printable(ch: char) -> bool {
    if ch == ' ' {
        return true;
    }
    if ch.is_control() || ch.is_whitespace() {
        return false;
    }
    !matches!(ch as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF
        | 0xD800..=0xDFFF | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..=0x10FFFF)
}

struct Lexer<'a> {
    /// The source, with the newline CPython adds when the last line has none.
    src: Vec<u8>,
    /// Byte ranges ruff lexed as names (its identifier rules are Python's: XID + NFKC).
    names: &'a [TextRange],
    cur: usize,
    line_start: usize,
    next_line_start: usize,
    lineno: u32,
    /// Start of the token being read (CPython's `tok->start`).
    start: usize,
    atbol: bool,
    indstack: Vec<i32>,
    altindstack: Vec<i32>,
    pendin: i32,
    parens: Vec<(u8, u32, usize)>,
    modes: Vec<FMode>,
    first_lineno: u32,
    multi_line_start: usize,
    eof: bool,
    /// Reading the script file (see [`SourceKind::File`]), not source text.
    reading_file: bool,
}

type LexResult = Result<Tok, LexFail>;

impl<'a> Lexer<'a> {
    fn new(source: &str, names: &'a [TextRange], kind: SourceKind) -> Lexer<'a> {
        let mut src = source.as_bytes().to_vec();
        if src.last().is_some_and(|&c| c != b'\n') {
            src.push(b'\n');
        }
        Lexer {
            src,
            names,
            cur: 0,
            line_start: 0,
            next_line_start: 0,
            lineno: 0,
            start: 0,
            atbol: true,
            indstack: vec![0],
            altindstack: vec![0],
            pendin: 0,
            parens: Vec::new(),
            modes: Vec::new(),
            first_lineno: 0,
            multi_line_start: 0,
            eof: false,
            reading_file: kind == SourceKind::File,
        }
    }

    fn nextc(&mut self) -> Option<u8> {
        if self.cur >= self.src.len() {
            self.eof = true;
            return None;
        }
        if self.cur == self.next_line_start {
            self.lineno += 1;
            self.line_start = self.cur;
            self.next_line_start = match self.src[self.cur..].iter().position(|&c| c == b'\n') {
                Some(i) => self.cur + i + 1,
                None => self.src.len(),
            };
        }
        let c = self.src[self.cur];
        self.cur += 1;
        Some(c)
    }

    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.cur -= 1;
        }
    }

    fn level(&self) -> usize {
        self.parens.len()
    }

    fn col_of(&self, pos: usize) -> u32 {
        (pos - self.line_start) as u32
    }

    fn make(&self, kind: T) -> Tok {
        let line = if matches!(kind, T::Str | T::FMiddle) { self.first_lineno } else { self.lineno };
        let line_start = self.src[..self.start].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
        Tok {
            kind,
            start: self.start,
            end: self.cur,
            line,
            col: (self.start - line_start) as u32,
            end_line: self.lineno,
            end_col: self.col_of(self.cur),
            level: self.level(),
            nopos: false,
        }
    }

    fn make_nopos(&self, kind: T) -> Tok {
        // Reading a file, CPython empties its line buffer at EOF: no column there. Source
        // text keeps its last line, and the column is that line's length.
        let col = if self.eof && self.reading_file { 0 } else { self.col_of(self.cur) };
        Tok {
            kind,
            start: self.cur,
            end: self.cur,
            line: self.lineno,
            col,
            end_line: self.lineno,
            end_col: col,
            level: self.level(),
            nopos: true,
        }
    }

    /// `_PyTokenizer_syntaxerror`: located at the current position of the current line.
    fn error(&self, msg: impl Into<String>) -> LexFail {
        let col = self.col_of(self.cur) as i64;
        self.error_range(msg, col, col)
    }

    fn error_range(&self, msg: impl Into<String>, offset: i64, end_offset: i64) -> LexFail {
        let mut report = Report::syntax(msg, self.lineno, offset, self.lineno, end_offset);
        report.by_tokenizer = true;
        LexFail::Raised { report, in_fstring: !self.modes.is_empty() }
    }

    fn done(&self, code: Done) -> LexFail {
        LexFail::Done { code, line: self.lineno, col: self.col_of(self.cur), buf_col: self.col_of(self.cur) }
    }

    fn next_token(&mut self) -> LexResult {
        match self.modes.last() {
            Some(m) if !m.regular => self.fstring_mode(),
            _ => self.normal_mode(),
        }
    }

    fn continuation_line(&mut self) -> Result<(), LexFail> {
        let mut c = self.nextc();
        if c == Some(b'\r') {
            c = self.nextc();
        }
        if c != Some(b'\n') {
            return Err(self.done(Done::LineCont));
        }
        let c = self.nextc();
        if c.is_none() {
            return Err(self.done(Done::Eof));
        }
        self.backup(c);
        Ok(())
    }

    fn normal_mode(&mut self) -> LexResult {
        'nextline: loop {
            let mut blankline = false;
            if self.atbol {
                let (mut col, mut altcol, mut cont_line_col) = (0i32, 0i32, 0i32);
                self.atbol = false;
                let c = loop {
                    let c = self.nextc();
                    match c {
                        Some(b' ') => {
                            col += 1;
                            altcol += 1;
                        }
                        Some(b'\t') => {
                            col = (col / TABSIZE + 1) * TABSIZE;
                            altcol += 1;
                        }
                        Some(0x0c) => {
                            col = 0;
                            altcol = 0;
                        }
                        Some(b'\\') => {
                            cont_line_col = if cont_line_col != 0 { cont_line_col } else { col };
                            self.continuation_line()?;
                        }
                        _ => break c,
                    }
                };
                self.backup(c);
                if matches!(c, Some(b'#' | b'\n' | b'\r')) {
                    blankline = true;
                }
                if !blankline && self.level() == 0 {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = *self.indstack.last().unwrap();
                    let alttop = *self.altindstack.last().unwrap();
                    if col == top {
                        if altcol != alttop {
                            return Err(self.indent_error());
                        }
                    } else if col > top {
                        if self.indstack.len() >= MAXINDENT {
                            return Err(self.done(Done::TooDeep));
                        }
                        if altcol <= alttop {
                            return Err(self.indent_error());
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap() {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        if col != *self.indstack.last().unwrap() {
                            let mut f = self.done(Done::Dedent);
                            if let LexFail::Done { col: fc, .. } = &mut f {
                                // CPython reports a bad dedent at the end of the line,
                                // whose "\r\n" its tokenizer has read as "\n".
                                let line = &self.src[self.line_start..self.next_line_start];
                                *fc = (line.len() - usize::from(line.ends_with(b"\r\n"))) as u32;
                            }
                            return Err(f);
                        }
                        if altcol != *self.altindstack.last().unwrap() {
                            return Err(self.indent_error());
                        }
                    }
                }
            }
            self.start = self.cur;
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Ok(self.make_nopos(T::Dedent));
                }
                self.pendin -= 1;
                return Ok(self.make_nopos(T::Indent));
            }
            // `again:` (after a line continuation)
            loop {
                let mut c = loop {
                    let c = self.nextc();
                    if !matches!(c, Some(b' ' | b'\t' | 0x0c)) {
                        break c;
                    }
                };
                self.start = self.cur - usize::from(c.is_some());
                if c == Some(b'#') {
                    while !matches!(c, None | Some(b'\n' | b'\r')) {
                        c = self.nextc();
                    }
                }
                let Some(ch) = c else {
                    self.start = self.cur;
                    if self.level() > 0 {
                        return Err(self.done(Done::Eof));
                    }
                    return Ok(self.make_nopos(T::End));
                };
                if is_id_start(ch) {
                    return self.name_or_prefixed_string(ch);
                }
                let mut ch = ch;
                if ch == b'\r' {
                    match self.nextc() {
                        Some(n) => ch = n,
                        None => return Ok(self.make_nopos(T::End)),
                    }
                }
                if ch == b'\n' {
                    self.atbol = true;
                    if blankline || self.level() > 0 {
                        continue 'nextline;
                    }
                    return Ok(self.make(T::Newline));
                }
                if ch == b'.' {
                    let c2 = self.nextc();
                    if c2.is_some_and(|d| d.is_ascii_digit()) {
                        return self.number_fraction(c2);
                    }
                    if c2 == Some(b'.') {
                        let c3 = self.nextc();
                        if c3 == Some(b'.') {
                            return Ok(self.make(T::Op));
                        }
                        self.backup(c3);
                        self.backup(c2);
                    } else {
                        self.backup(c2);
                    }
                    return Ok(self.make(T::Op));
                }
                if ch.is_ascii_digit() {
                    return self.number(ch);
                }
                if ch == b'\'' || ch == b'"' {
                    return self.string(ch);
                }
                if ch == b'\\' {
                    self.continuation_line()?;
                    continue;
                }
                return self.punctuation(ch);
            }
        }
    }

    fn indent_error(&self) -> LexFail {
        self.done(Done::TabSpace)
    }

    fn name_or_prefixed_string(&mut self, first: u8) -> LexResult {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f, mut saw_t) = (false, false, false, false, false);
        let mut c = Some(first);
        loop {
            let ch = c.unwrap_or(0);
            match ch.to_ascii_lowercase() {
                b'b' if !saw_b => saw_b = true,
                b'u' if !saw_u => saw_u = true,
                b'r' if !saw_r => saw_r = true,
                b'f' if !saw_f => saw_f = true,
                b't' if !saw_t => saw_t = true,
                _ => break,
            }
            c = self.nextc();
            if let Some(q @ (b'"' | b'\'')) = c {
                let clash = [(saw_u, saw_b, "u", "b"), (saw_u, saw_r, "u", "r"), (saw_u, saw_f, "u", "f"), (saw_u, saw_t, "u", "t"),
                    (saw_b, saw_f, "b", "f"), (saw_b, saw_t, "b", "t"), (saw_f, saw_t, "f", "t")];
                if let Some((_, _, a, b)) = clash.iter().find(|(x, y, _, _)| *x && *y) {
                    let start = (self.start - self.line_start) as i64 + 1;
                    let end = (self.cur - self.line_start) as i64;
                    return Err(self.error_range(format!("'{a}' and '{b}' prefixes are incompatible"), start, end));
                }
                if saw_f || saw_t {
                    return self.fstring_start(q, saw_r, saw_t);
                }
                return self.string(q);
            }
        }
        let mut nonascii = false;
        while let Some(ch) = c {
            if !is_id_char(ch) {
                break;
            }
            nonascii |= ch >= 128;
            c = self.nextc();
        }
        self.backup(c);
        if nonascii {
            self.verify_identifier()?;
        }
        Ok(self.make(T::Name))
    }

    /// Non-ASCII identifiers: the first character ruff did not lex as part of a name is
    /// CPython's "invalid character".
    fn verify_identifier(&mut self) -> Result<(), LexFail> {
        let text = String::from_utf8_lossy(&self.src[self.start..self.cur]).into_owned();
        for (i, ch) in text.char_indices() {
            if ch.is_ascii() {
                continue;
            }
            let pos = self.start + i;
            let ok = self.names.iter().any(|r| usize::from(r.start()) <= pos && pos < usize::from(r.end()));
            if !ok {
                self.cur = pos + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.error(msg));
            }
        }
        Ok(())
    }

    fn decimal_tail(&mut self) -> Result<Option<u8>, LexFail> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !c.is_some_and(|d| d.is_ascii_digit()) {
                    break;
                }
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            c = self.nextc();
            if !c.is_some_and(|d| d.is_ascii_digit()) {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    fn lookahead(&mut self, test: &[u8]) -> bool {
        let saved = self.cur;
        for &t in test {
            if self.nextc() != Some(t) {
                self.cur = saved;
                return false;
            }
        }
        let c = self.nextc();
        self.cur = saved;
        !c.is_some_and(is_id_char)
    }

    fn verify_end_of_number(&mut self, c: Option<u8>, kind: &str) -> Result<(), LexFail> {
        let r = match c {
            Some(b'a') => self.lookahead(b"nd"),
            Some(b'e') => self.lookahead(b"lse"),
            Some(b'f') => self.lookahead(b"or"),
            Some(b'i') => {
                let c2 = self.nextc();
                self.backup(c2);
                matches!(c2, Some(b'f' | b'n' | b's'))
            }
            Some(b'o') => self.lookahead(b"r"),
            Some(b'n') => self.lookahead(b"ot"),
            _ => false,
        };
        if r {
            // Only a SyntaxWarning in CPython.
            return Ok(());
        }
        if let Some(ch) = c
            && ch < 128
            && is_id_char(ch)
        {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn number(&mut self, first: u8) -> LexResult {
        let mut c;
        if first == b'0' {
            c = self.nextc();
            match c {
                Some(b'x' | b'X') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !c.is_some_and(|d| d.is_ascii_hexdigit()) {
                            self.backup(c);
                            return Err(self.error("invalid hexadecimal literal"));
                        }
                        loop {
                            c = self.nextc();
                            if !c.is_some_and(|d| d.is_ascii_hexdigit()) {
                                break;
                            }
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    self.verify_end_of_number(c, "hexadecimal")?;
                }
                Some(b'o' | b'O') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !c.is_some_and(|d| (b'0'..b'8').contains(&d)) {
                            if let Some(d) = c.filter(u8::is_ascii_digit) {
                                return Err(self.error(format!("invalid digit '{}' in octal literal", d as char)));
                            }
                            self.backup(c);
                            return Err(self.error("invalid octal literal"));
                        }
                        loop {
                            c = self.nextc();
                            if !c.is_some_and(|d| (b'0'..b'8').contains(&d)) {
                                break;
                            }
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    if let Some(d) = c.filter(u8::is_ascii_digit) {
                        return Err(self.error(format!("invalid digit '{}' in octal literal", d as char)));
                    }
                    self.verify_end_of_number(c, "octal")?;
                }
                Some(b'b' | b'B') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !matches!(c, Some(b'0' | b'1')) {
                            if let Some(d) = c.filter(u8::is_ascii_digit) {
                                return Err(self.error(format!("invalid digit '{}' in binary literal", d as char)));
                            }
                            self.backup(c);
                            return Err(self.error("invalid binary literal"));
                        }
                        loop {
                            c = self.nextc();
                            if !matches!(c, Some(b'0' | b'1')) {
                                break;
                            }
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    if let Some(d) = c.filter(u8::is_ascii_digit) {
                        return Err(self.error(format!("invalid digit '{}' in binary literal", d as char)));
                    }
                    self.verify_end_of_number(c, "binary")?;
                }
                _ => {
                    let mut nonzero = false;
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                            if !c.is_some_and(|d| d.is_ascii_digit()) {
                                self.backup(c);
                                return Err(self.error("invalid decimal literal"));
                            }
                        }
                        if c != Some(b'0') {
                            break;
                        }
                        c = self.nextc();
                    }
                    let zeros_end = self.cur;
                    if c.is_some_and(|d| d.is_ascii_digit()) {
                        nonzero = true;
                        c = self.decimal_tail()?;
                    }
                    match c {
                        Some(b'.') => {
                            let c2 = self.nextc();
                            return self.number_fraction(c2);
                        }
                        Some(b'e' | b'E') => return self.number_exponent(c),
                        Some(b'j' | b'J') => return self.number_imaginary(),
                        _ if nonzero => {
                            self.backup(c);
                            let start = (self.start - self.line_start) as i64 + 1;
                            let end = (zeros_end - self.line_start) as i64;
                            return Err(self.error_range(
                                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                                start,
                                end,
                            ));
                        }
                        _ => self.verify_end_of_number(c, "decimal")?,
                    }
                }
            }
        } else {
            c = self.decimal_tail()?;
            match c {
                Some(b'.') => {
                    let c2 = self.nextc();
                    return self.number_fraction(c2);
                }
                Some(b'e' | b'E') => return self.number_exponent(c),
                Some(b'j' | b'J') => return self.number_imaginary(),
                _ => self.verify_end_of_number(c, "decimal")?,
            }
        }
        self.backup(c);
        Ok(self.make(T::Number))
    }

    /// After the '.' of a float; `c` is the character following it.
    fn number_fraction(&mut self, mut c: Option<u8>) -> LexResult {
        if c.is_some_and(|d| d.is_ascii_digit()) {
            c = self.decimal_tail()?;
        }
        match c {
            Some(b'e' | b'E') => self.number_exponent(c),
            Some(b'j' | b'J') => self.number_imaginary(),
            _ => {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(self.make(T::Number))
            }
        }
    }

    fn number_exponent(&mut self, e: Option<u8>) -> LexResult {
        let mut c = self.nextc();
        if matches!(c, Some(b'+' | b'-')) {
            c = self.nextc();
            if !c.is_some_and(|d| d.is_ascii_digit()) {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        } else if !c.is_some_and(|d| d.is_ascii_digit()) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.make(T::Number));
        }
        c = self.decimal_tail()?;
        if matches!(c, Some(b'j' | b'J')) {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.make(T::Number))
    }

    fn number_imaginary(&mut self) -> LexResult {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(self.make(T::Number))
    }

    fn fstring_start(&mut self, quote: u8, raw: bool, is_t: bool) -> LexResult {
        let mut quote_size = 1;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let after = self.nextc();
        if after == Some(quote) {
            let after2 = self.nextc();
            if after2 == Some(quote) {
                quote_size = 3;
            } else {
                self.backup(after2);
                self.backup(after);
            }
        } else {
            self.backup(after);
        }
        if self.modes.len() + 1 >= 150 {
            return Err(self.error(if is_t { "too many nested t-strings" } else { "too many nested f-strings" }));
        }
        self.modes.push(FMode {
            regular: false,
            quote,
            quote_size,
            raw,
            is_t,
            start: self.start,
            multi_line_start: self.line_start,
            line_start_no: self.lineno,
            curly_depth: 0,
            expr_start_depth: -1,
            in_format_spec: false,
            debug: false,
        });
        Ok(self.make(T::FStart))
    }

    fn string(&mut self, quote: u8) -> LexResult {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut c = self.nextc();
        if c == Some(quote) {
            c = self.nextc();
            if c == Some(quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != Some(quote) {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c.is_none() || (quote_size == 1 && c == Some(b'\n')) {
                self.cur = self.start + 1;
                self.line_start = self.multi_line_start;
                let detected = self.lineno;
                self.lineno = self.first_lineno;
                if let Some(m) = self.modes.last()
                    && m.quote == quote
                    && m.quote_size == quote_size
                {
                    let msg = if m.is_t { "t-string: expecting '}'" } else { "f-string: expecting '}'" };
                    return Err(self.error(msg));
                }
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {detected})")
                } else if has_escaped_quote {
                    format!("unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?")
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                return Err(self.error(msg));
            }
            if c == Some(quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == Some(b'\\') {
                    c = self.nextc();
                    if c == Some(quote) {
                        has_escaped_quote = true;
                    }
                    if c == Some(b'\r') {
                        self.nextc();
                    }
                }
            }
        }
        Ok(self.make(T::Str))
    }

    fn punctuation(&mut self, c: u8) -> LexResult {
        let in_expr = self.modes.last().is_some_and(|m| m.expr_start_depth >= 0);
        if matches!(c, b':' | b'}' | b'!' | b'{') && in_expr {
            let m = self.modes.last_mut().unwrap();
            let cursor = m.curly_depth - i32::from(c != b'{');
            if c == b':' && cursor == m.expr_start_depth {
                m.regular = false;
                m.in_format_spec = true;
                return Ok(self.make(T::Op));
            }
        }
        // Two- and three-character operators.
        let c2 = self.nextc();
        if let Some(d) = c2
            && is_two_char_op(c, d)
        {
            let c3 = self.nextc();
            if !c3.is_some_and(|e| is_three_char_op(c, d, e)) {
                self.backup(c3);
            }
            return Ok(self.make(T::Op));
        }
        self.backup(c2);
        match c {
            b'(' | b'[' | b'{' => {
                if self.level() >= MAXLEVEL {
                    return Err(self.error("too many nested parentheses"));
                }
                let col = self.start - self.line_start;
                self.parens.push((c, self.lineno, col));
                if let Some(m) = self.modes.last_mut() {
                    m.curly_depth += 1;
                }
            }
            b')' | b']' | b'}' => {
                if let Some(m) = self.modes.last()
                    && m.curly_depth == 0
                    && c == b'}'
                {
                    let msg = if m.is_t { "t-string: single '}' is not allowed" } else { "f-string: single '}' is not allowed" };
                    return Err(self.error(msg));
                }
                let Some((opening, open_line, _)) = self.parens.pop() else {
                    return Err(self.error(format!("unmatched '{}'", c as char)));
                };
                let matched = matches!((opening, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matched {
                    if let Some(m) = self.modes.last()
                        && opening == b'{'
                        && m.curly_depth - 1 == m.expr_start_depth
                    {
                        let p = if m.is_t { "t-string" } else { "f-string" };
                        return Err(self.error(format!("{p}: unmatched '{}'", c as char)));
                    }
                    let msg = if open_line != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            c as char, opening as char
                        )
                    } else {
                        format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, opening as char)
                    };
                    return Err(self.error(msg));
                }
                if let Some(m) = self.modes.last_mut() {
                    m.curly_depth -= 1;
                    if m.curly_depth < 0 {
                        let p = if m.is_t { "t-string" } else { "f-string" };
                        return Err(self.error(format!("{p}: unmatched '{}'", c as char)));
                    }
                    if c == b'}' && m.curly_depth == m.expr_start_depth {
                        m.expr_start_depth -= 1;
                        m.regular = false;
                        m.in_format_spec = false;
                        m.debug = false;
                    }
                }
            }
            _ => {}
        }
        if c >= 128 {
            // A stray non-ASCII byte outside a name cannot happen (names take them all).
            return Ok(self.make(T::Op));
        }
        if c < 0x20 || c == 0x7f {
            return Err(self.error(format!("invalid non-printable character U+{:04X}", c)));
        }
        if c == b'='
            && let Some(m) = self.modes.last_mut()
            && m.expr_start_depth >= 0
        {
            m.debug = true;
        }
        Ok(self.make(T::Op))
    }

    fn fstring_mode(&mut self) -> LexResult {
        self.start = self.cur;
        self.first_lineno = self.lineno;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        let start_char = self.nextc();
        if start_char == Some(b'{') {
            let peek = self.nextc();
            self.backup(peek);
            self.backup(start_char);
            if peek != Some(b'{') {
                let m = self.modes.last_mut().unwrap();
                m.expr_start_depth += 1;
                if m.expr_start_depth >= 2 {
                    let p = if m.is_t { "t-string" } else { "f-string" };
                    return Err(self.error(format!("{p}: expressions nested too deeply")));
                }
                self.modes.last_mut().unwrap().regular = true;
                return self.normal_mode();
            }
        } else {
            self.backup(start_char);
        }
        let (quote, quote_size) = {
            let m = self.modes.last().unwrap();
            (m.quote, m.quote_size)
        };
        // At the end of the string?
        let saved = self.cur;
        let mut at_end = true;
        for _ in 0..quote_size {
            if self.nextc() != Some(quote) {
                at_end = false;
                break;
            }
        }
        if at_end {
            self.modes.pop();
            return Ok(self.make(T::FEnd));
        }
        self.cur = saved;
        self.multi_line_start = self.line_start;
        while end_quote_size != quote_size {
            let c = self.nextc();
            let m = self.modes.last().unwrap().clone();
            let in_format_spec = m.in_format_spec && m.expr_start_depth >= 0;
            if c.is_none() || (m.quote_size == 1 && c == Some(b'\n')) {
                if in_format_spec && c == Some(b'\n') {
                    self.backup(c);
                    let m = self.modes.last_mut().unwrap();
                    m.regular = true;
                    m.in_format_spec = false;
                    return Ok(self.make(T::FMiddle));
                }
                self.cur = m.start + 1;
                self.line_start = m.multi_line_start;
                let detected = self.lineno;
                self.lineno = m.line_start_no;
                let p = if m.is_t { "t-string" } else { "f-string" };
                let msg = if m.quote_size == 3 {
                    format!("unterminated triple-quoted {p} literal (detected at line {detected})")
                } else {
                    format!("unterminated {p} literal (detected at line {detected})")
                };
                return Err(self.error(msg));
            }
            if c == Some(m.quote) {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match c {
                Some(b'{') => {
                    let peek = self.nextc();
                    if peek != Some(b'{') || in_format_spec {
                        self.backup(peek);
                        self.backup(c);
                        let mm = self.modes.last_mut().unwrap();
                        mm.expr_start_depth += 1;
                        if mm.expr_start_depth >= 2 {
                            let p = if mm.is_t { "t-string" } else { "f-string" };
                            return Err(self.error(format!("{p}: expressions nested too deeply")));
                        }
                        mm.regular = true;
                        mm.in_format_spec = false;
                    }
                    return Ok(self.make(T::FMiddle));
                }
                Some(b'}') => {
                    if unicode_escape {
                        return Ok(self.make(T::FMiddle));
                    }
                    let peek = self.nextc();
                    if !(peek == Some(b'}') && !in_format_spec && m.curly_depth == 0) {
                        self.backup(peek);
                        self.backup(c);
                        let mm = self.modes.last_mut().unwrap();
                        mm.regular = true;
                        mm.in_format_spec = false;
                    }
                    return Ok(self.make(T::FMiddle));
                }
                Some(b'\\') => {
                    let mut peek = self.nextc();
                    if peek == Some(b'\r') {
                        peek = self.nextc();
                    }
                    if matches!(peek, Some(b'{' | b'}')) {
                        self.backup(peek);
                        continue;
                    }
                    if !m.raw && peek == Some(b'N') {
                        let p2 = self.nextc();
                        if p2 == Some(b'{') {
                            unicode_escape = true;
                        } else {
                            self.backup(p2);
                        }
                    }
                }
                _ => {}
            }
        }
        for _ in 0..quote_size {
            self.cur -= 1;
        }
        Ok(self.make(T::FMiddle))
    }
}

fn is_two_char_op(c1: u8, c2: u8) -> bool {
    matches!(
        (c1, c2),
        (b'!', b'=')
            | (b'%', b'=')
            | (b'&', b'=')
            | (b'*', b'*' | b'=')
            | (b'+', b'=')
            | (b'-', b'=' | b'>')
            | (b'/', b'/' | b'=')
            | (b':', b'=')
            | (b'<', b'<' | b'=' | b'>')
            | (b'=', b'=')
            | (b'>', b'=' | b'>')
            | (b'@', b'=')
            | (b'^', b'=')
            | (b'|', b'=')
    )
}

fn is_three_char_op(c1: u8, c2: u8, c3: u8) -> bool {
    matches!((c1, c2, c3), (b'*', b'*', b'=') | (b'.', b'.', b'.') | (b'/', b'/', b'=') | (b'<', b'<', b'=') | (b'>', b'>', b'='))
}

/// CPython's token stream up to its first tokenizer error.
struct Lexed {
    toks: Vec<Tok>,
    fail: Option<LexFail>,
    /// Open brackets when the tokenizer stopped: (char, line, byte column).
    parens: Vec<(u8, u32, usize)>,
    /// The source lines as the tokenizer saw them (with the added final newline).
    src: Vec<u8>,
    /// The line the tokenizer stopped on.
    lineno: u32,
}

fn tokenize(source: &str, names: &[TextRange], kind: SourceKind) -> Lexed {
    let mut lx = Lexer::new(source, names, kind);
    let mut toks = Vec::new();
    let fail = loop {
        match lx.next_token() {
            Ok(t) => {
                let end = t.kind == T::End;
                if t.kind == T::FMiddle && t.start == t.end {
                    continue;
                }
                toks.push(t);
                if end {
                    break None;
                }
            }
            Err(f) => break Some(f),
        }
    };
    Lexed { toks, fail, parens: lx.parens.clone(), src: lx.src, lineno: lx.lineno }
}

// ------------------------------------------------------------------ the parser's messages

/// Collects every expression and statement of ruff's (recovered) tree.
#[derive(Default)]
struct Nodes<'a> {
    exprs: Vec<&'a r::Expr>,
    stmts: Vec<&'a r::Stmt>,
}

impl<'a> r::visitor::Visitor<'a> for Nodes<'a> {
    fn visit_stmt(&mut self, stmt: &'a r::Stmt) {
        self.stmts.push(stmt);
        super::deep(|| r::visitor::walk_stmt(self, stmt));
    }
    fn visit_expr(&mut self, expr: &'a r::Expr) {
        self.exprs.push(expr);
        super::deep(|| r::visitor::walk_expr(self, expr));
    }
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &r::Expr) -> &'static str {
    use r::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::Generator(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::FString(_) => "f-string expression",
        E::TString(_) => "t-string expression",
        E::NoneLiteral(_) => "None",
        E::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        E::EllipsisLiteral(_) => "ellipsis",
        E::StringLiteral(_) | E::BytesLiteral(_) | E::NumberLiteral(_) => "literal",
        E::Compare(_) => "comparison",
        E::If(_) => "conditional expression",
        E::Named(_) => "named expression",
        E::Slice(_) | E::IpyEscapeCommand(_) => "expression",
    }
}

/// An expression CPython's `bitwise_or` rule produces (no comparison, `not`, boolean
/// operator, conditional, lambda, walrus, star or yield at the top).
fn is_bitwise_or(e: &r::Expr) -> bool {
    use r::Expr as E;
    match e {
        E::Compare(_) | E::BoolOp(_) | E::If(_) | E::Lambda(_) | E::Named(_) | E::Starred(_) | E::Yield(_) | E::YieldFrom(_) => false,
        E::UnaryOp(u) => u.op != r::UnaryOp::Not,
        E::Tuple(t) => t.parenthesized,
        E::Slice(_) => false,
        _ => true,
    }
}

/// An expression CPython's `disjunction` rule produces.
fn is_disjunction(e: &r::Expr) -> bool {
    use r::Expr as E;
    match e {
        E::If(_) | E::Lambda(_) | E::Named(_) | E::Starred(_) | E::Yield(_) | E::YieldFrom(_) | E::Slice(_) => false,
        E::Tuple(t) => t.parenthesized,
        _ => true,
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
];

struct Ctx<'a> {
    src: &'a str,
    lx: Lexed,
    nodes: Nodes<'a>,
    line_starts: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn pos(&self, off: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|s| *s <= off);
        (line as u32, (off - self.line_starts[line - 1]) as u32)
    }

    fn text(&self, i: usize) -> &str {
        self.lx.toks.get(i).map_or("", |t| std::str::from_utf8(&self.lx.src[t.start..t.end]).unwrap_or(""))
    }

    fn kind(&self, i: usize) -> Option<T> {
        self.lx.toks.get(i).map(|t| t.kind)
    }

    fn is_op(&self, i: usize, op: &str) -> bool {
        self.kind(i) == Some(T::Op) && self.text(i) == op
    }

    fn is_kw(&self, i: usize, kw: &str) -> bool {
        self.kind(i) == Some(T::Name) && self.text(i) == kw
    }

    fn is_keyword(&self, i: usize) -> bool {
        self.kind(i) == Some(T::Name) && KEYWORDS.contains(&self.text(i))
    }

    /// The CPython token at a byte offset: the first one ending after it or starting at it.
    fn tok_at(&self, off: usize) -> usize {
        self.lx.toks.iter().position(|t| t.end > off || t.start >= off).unwrap_or(self.lx.toks.len())
    }

    /// The CPython token where ruff reports `range`: a DEDENT only when ruff points at
    /// nothing (the parser consumes DEDENTs before failing on the next real token).
    fn tok_at_range(&self, range: TextRange) -> usize {
        let mut i = self.tok_at(usize::from(range.start()));
        if !range.is_empty() {
            while self.kind(i) == Some(T::Dedent) {
                i += 1;
            }
        }
        i
    }

    /// First token of the logical line holding token `i`.
    fn line_start_tok(&self, i: usize) -> usize {
        let mut j = i.min(self.lx.toks.len());
        while j > 0 && !matches!(self.lx.toks[j - 1].kind, T::Newline | T::Indent | T::Dedent) {
            j -= 1;
        }
        j
    }

    /// A report on token `i` (RAISE_SYNTAX_ERROR_KNOWN_LOCATION).
    fn at_tok(&self, i: usize, kind: Kind, msg: impl Into<String>) -> Report {
        match self.lx.toks.get(i) {
            Some(t) if t.nopos => Report::new(kind, msg, t.line, t.col as i64, t.line, -1),
            Some(t) => Report::new(kind, msg, t.line, t.col as i64 + 1, t.end_line, t.end_col as i64 + 1),
            None => self.at_failure(kind, msg),
        }
    }

    /// A report where the tokenizer stopped (past the last good token).
    fn at_failure(&self, kind: Kind, msg: impl Into<String>) -> Report {
        match &self.lx.fail {
            Some(LexFail::Done { line, col, .. }) => Report::new(kind, msg, *line, *col as i64, *line, -1),
            Some(LexFail::Raised { report, .. }) => Report::new(kind, msg, report.line, report.offset, report.line, -1),
            None => {
                let (line, col) = self.pos(self.src.len());
                Report::new(kind, msg, line, col as i64, line, -1)
            }
        }
    }

    /// A report spanning byte offsets (RAISE_SYNTAX_ERROR_KNOWN_RANGE).
    fn at_range(&self, start: usize, end: usize, msg: impl Into<String>) -> Report {
        let (line, col) = self.pos(start);
        let (end_line, end_col) = self.pos(end);
        Report::syntax(msg, line, col as i64 + 1, end_line, end_col as i64 + 1)
    }

    fn expr_exact(&self, range: TextRange) -> Option<&'a r::Expr> {
        self.nodes.exprs.iter().copied().find(|e| e.range() == range)
    }

    /// The largest expression satisfying `ok` that ends at `end` and starts at or after `min_start`.
    fn largest_ending_at(&self, end: usize, min_start: usize, ok: impl Fn(&r::Expr) -> bool) -> Option<&'a r::Expr> {
        self.nodes
            .exprs
            .iter()
            .copied()
            .filter(|e| usize::from(e.end()) == end && usize::from(e.start()) >= min_start && ok(e))
            .min_by_key(|e| e.start())
    }

    /// The largest expression satisfying `ok` that starts at `start` and ends before `max_end`.
    fn largest_starting_at(&self, start: usize, max_end: usize, ok: impl Fn(&r::Expr) -> bool) -> Option<&'a r::Expr> {
        self.nodes
            .exprs
            .iter()
            .copied()
            .filter(|e| usize::from(e.start()) == start && usize::from(e.end()) <= max_end && ok(e))
            .max_by_key(|e| e.end())
    }

    fn innermost_stmt(&self, off: usize) -> Option<&'a r::Stmt> {
        self.nodes
            .stmts
            .iter()
            .copied()
            .filter(|s| usize::from(s.start()) <= off && off < usize::from(s.end()).max(usize::from(s.start()) + 1))
            .min_by_key(|s| s.range().len())
    }

    /// Index of the unmatched opening bracket enclosing token `i` (on the same level).
    fn enclosing_open(&self, i: usize) -> Option<usize> {
        let mut depth = 0i32;
        let mut j = i.min(self.lx.toks.len());
        while j > 0 {
            j -= 1;
            if self.kind(j) != Some(T::Op) {
                if matches!(self.kind(j), Some(T::Newline | T::Indent | T::Dedent)) {
                    return None;
                }
                continue;
            }
            match self.text(j) {
                ")" | "]" | "}" => depth += 1,
                "(" | "[" | "{" => {
                    if depth == 0 {
                        return Some(j);
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        None
    }

    fn is_fstring_field(&self, open: usize) -> bool {
        self.is_op(open, "{") && open > 0 && matches!(self.kind(open - 1), Some(T::FStart | T::FMiddle))
    }

    /// The message and location CPython's parser gives for ruff's first error, and the
    /// index of the furthest token it reads.
    fn parser_report(&self, err: &ParseError) -> (Report, usize) {
        let off = usize::from(err.location.start());
        let x = self.tok_at_range(err.location);
        let generic = || (self.generic(x), x);
        match &err.error {
            P::InvalidAssignmentTarget => (self.invalid_assignment(err.location, x), x),
            P::InvalidAugmentedAssignmentTarget => match self.expr_exact(err.location) {
                Some(e) => (
                    self.at_range(
                        off,
                        usize::from(err.location.end()),
                        format!("'{}' is an illegal expression for augmented assignment", expr_name(e)),
                    ),
                    x,
                ),
                None => generic(),
            },
            P::InvalidDeleteTarget => match self.expr_exact(err.location) {
                Some(e) => (self.node_report(e, format!("cannot delete {}", expr_name(e))), x),
                None => generic(),
            },
            P::InvalidNamedAssignmentTarget => match self.expr_exact(err.location) {
                Some(e) => (self.node_report(e, format!("cannot use assignment expressions with {}", expr_name(e))), x),
                None => generic(),
            },
            P::InvalidAnnotatedAssignmentTarget => match self.expr_exact(err.location) {
                Some(e @ (r::Expr::List(_) | r::Expr::Tuple(_))) => {
                    (self.node_report(e, format!("only single target (not {}) can be annotated", expr_name(e))), x)
                }
                Some(e) => (self.node_report(e, "illegal target for annotation"), x),
                None => generic(),
            },
            P::ExpectedToken { expected, found } => self.expected_token(*expected, *found, x),
            P::ExpectedExpression => self.expected_expression(x),
            P::SimpleStatementsOnSameLine => self.same_line(x),
            P::NonDefaultParamAfterDefaultParam => {
                (self.err_range(err.location, "parameter without a default follows parameter with a default"), x)
            }
            P::ParamAfterVarKeywordParam => (self.err_range(err.location, "arguments cannot follow var-keyword argument"), x),
            P::VarParameterWithDefault => {
                // The '=' after `*name` or `**name`.
                let star = (0..x).rev().find(|&j| self.is_op(j, "*") || self.is_op(j, "**"));
                let what = if star.is_some_and(|j| self.is_op(j, "**")) { "var-keyword" } else { "var-positional" };
                (self.at_tok(x, Kind::Syntax, format!("{what} argument cannot have default value")), x)
            }
            P::ExpectedKeywordParam => {
                // `lambda *: ...` fails on the token after the star; `def f(*)` at the star.
                let msg = "named arguments must follow bare *";
                let star = (0..=x.min(self.lx.toks.len().saturating_sub(1))).rev().find(|&j| self.is_op(j, "*")).unwrap_or(x);
                if self.is_op(star + 1, ":") {
                    (self.at_tok(star + 1, Kind::Syntax, msg), star + 1)
                } else {
                    (self.at_tok(star, Kind::Syntax, msg), star)
                }
            }
            P::Lexical(LexicalErrorType::InvalidByteLiteral) => {
                (self.at_tok(x, Kind::Syntax, "bytes can only contain ASCII literal characters"), x)
            }
            P::PositionalAfterKeywordArgument | P::PositionalAfterKeywordUnpacking => {
                let msg = if matches!(err.error, P::PositionalAfterKeywordUnpacking) {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                let close = self.call_close(x);
                (self.at_tok(close, Kind::Syntax, msg), close)
            }
            P::InvalidArgumentUnpackingOrder => {
                let comma = if x > 0 && self.is_op(x - 1, ",") { x - 1 } else { x };
                let close = self.call_close(x);
                let t = &self.lx.toks[comma.min(self.lx.toks.len() - 1)];
                let end = self.lx.toks.get(close).map_or(t.end_col as i64, |c| c.end_col as i64);
                let end_line = self.lx.toks.get(close).map_or(t.line, |c| c.end_line);
                let msg = "iterable argument unpacking follows keyword argument unpacking";
                (Report::syntax(msg, t.line, t.col as i64 + 1, end_line, end), close)
            }
            P::UnparenthesizedGeneratorExpression => (self.err_range(err.location, "Generator expression must be parenthesized"), x),
            P::EmptyImportNames => {
                let t = &self.lx.toks[x.min(self.lx.toks.len() - 1)];
                let msg = "Expected one or more names after 'import'";
                (Report::syntax(msg, t.line, t.col as i64 + 1, t.end_line, t.end_col as i64), x)
            }
            P::OtherError(m) => self.other_error(m, err, x),
            P::FStringError(f) | P::TStringError(f) => {
                let p = if matches!(err.error, P::TStringError(_)) { "t-string" } else { "f-string" };
                self.fstring_error(f, p, x)
            }
            P::UnexpectedIndentation => generic(),
            _ => generic(),
        }
    }

    fn err_range(&self, range: TextRange, msg: &str) -> Report {
        self.at_range(usize::from(range.start()), usize::from(range.end()), msg)
    }

    fn node_report(&self, e: &r::Expr, msg: impl Into<String>) -> Report {
        self.at_range(usize::from(e.start()), usize::from(e.end()), msg)
    }

    /// "invalid syntax" (or "unexpected indent") at the token where the parse stopped.
    fn generic(&self, i: usize) -> Report {
        match self.kind(i) {
            Some(T::Indent) => self.at_tok(i, Kind::Indentation, "unexpected indent"),
            Some(T::Dedent) => self.at_tok(i, Kind::Indentation, "unexpected unindent"),
            // RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a token without columns (ENDMARKER):
            // its column -1 becomes offset 0, and so does its end.
            Some(_) if self.lx.toks[i].nopos => {
                let line = self.lx.toks[i].line;
                Report::syntax("invalid syntax", line, 0, line, 0)
            }
            _ => self.at_tok(i, Kind::Syntax, "invalid syntax"),
        }
    }

    /// The closing parenthesis of the call holding token `i`.
    fn call_close(&self, i: usize) -> usize {
        let Some(open) = self.enclosing_open(i) else { return i };
        let mut depth = 0;
        for j in open..self.lx.toks.len() {
            if self.kind(j) == Some(T::Op) {
                match self.text(j) {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => {
                        depth -= 1;
                        if depth == 0 {
                            return j;
                        }
                    }
                    _ => {}
                }
            }
        }
        self.lx.toks.len()
    }

    fn invalid_assignment(&self, range: TextRange, x: usize) -> Report {
        let Some(e) = self.expr_exact(range) else { return self.generic(x) };
        let is_yield = matches!(e, r::Expr::Yield(_) | r::Expr::YieldFrom(_));
        // Past the parentheses of a parenthesized target: `(a + b) = 1`, which makes even
        // a yield an atom.
        let mut eq = self.tok_at(usize::from(e.end()));
        while self.is_op(eq, ")") {
            eq += 1;
        }
        let parenthesized = eq > self.tok_at(usize::from(e.end()));
        if let Some(r::Stmt::Assign(a)) = self.innermost_stmt(usize::from(range.start()))
            && a.targets.len() == 1
            && a.targets[0].range() == range
            && (is_bitwise_or(e) || (is_yield && parenthesized))
            && !matches!(e, r::Expr::List(_) | r::Expr::Tuple(_) | r::Expr::Generator(_) | r::Expr::BooleanLiteral(_) | r::Expr::NoneLiteral(_))
        {
            // invalid_named_expression: `a = b` where `b` starts with a bitwise_or.
            let rhs = eq + 1;
            let starts_ok = !(self.is_kw(rhs, "not") || self.is_kw(rhs, "lambda") || self.is_kw(rhs, "yield") || self.is_op(rhs, "*") || self.is_op(rhs, "**"));
            if self.is_op(eq, "=") && starts_ok {
                return self.node_report(e, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)));
            }
        }
        if is_yield && !parenthesized {
            return self.node_report(e, "assignment to yield expression not possible");
        }
        self.node_report(e, format!("cannot assign to {}", expr_name(e)))
    }

    /// CPython's `invalid_named_expression` for `a = b` inside a condition or display:
    /// `i` is the '=' token and `start` the first token of `a`.
    fn named_expression_eq(&self, start: usize, i: usize) -> Option<Report> {
        let a_start = self.lx.toks.get(start)?.start;
        let a_end = self.lx.toks.get(i.checked_sub(1)?)?.end;
        let b = self.largest_starting_at(self.lx.toks.get(i + 1)?.start, usize::MAX, is_bitwise_or)?;
        let after = self.tok_at(usize::from(b.end()));
        if self.is_op(after, "=") || self.is_op(after, ":=") {
            return None;
        }
        if start + 1 == i && self.kind(start) == Some(T::Name) && !self.is_keyword(start) {
            return Some(self.at_range(a_start, usize::from(b.end()), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
        }
        let first = self.text(start);
        if matches!(first, "[" | "True" | "None" | "False") {
            return None;
        }
        let a = self.nodes.exprs.iter().copied().find(|e| usize::from(e.start()) == a_start && usize::from(e.end()) == a_end)?;
        if !is_bitwise_or(a) || matches!(a, r::Expr::Tuple(_) | r::Expr::Generator(_)) {
            return None;
        }
        Some(self.node_report(a, format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(a))))
    }

    /// "Perhaps you forgot a comma?" (and the string-concatenation variant) for an
    /// expression at token `x` right after another one, with the furthest token read
    /// (the one after that expression).
    fn missing_comma(&self, x: usize) -> Option<(Report, usize)> {
        let rep = self.missing_comma_report(x)?;
        let b_end = self.nodes.exprs.iter().filter(|e| usize::from(e.start()) == self.lx.toks[x].start).map(|e| e.end()).max();
        Some((rep, b_end.map_or(x, |e| self.tok_at(usize::from(e)))))
    }

    fn missing_comma_report(&self, x: usize) -> Option<Report> {
        if x == 0 || x >= self.lx.toks.len() {
            return None;
        }
        let prev_end = self.lx.toks[x - 1].end;
        let x_start = self.lx.toks[x].start;
        let b = self.largest_starting_at(x_start, usize::MAX, |e| is_disjunction(e) || matches!(e, r::Expr::If(_) | r::Expr::Lambda(_)))?;
        let open = self.enclosing_open(x);
        let min_start = open.map_or(0, |o| self.lx.toks[o].end);
        // "STRING expr STRING": the expression was meant to be inside the string.
        let after_b = self.tok_at(usize::from(b.end()));
        if self.kind(x - 1) == Some(T::Str) && self.kind(after_b) == Some(T::Str) && self.kind(x) != Some(T::Str) {
            return Some(self.node_report(b, "invalid syntax. Is this intended to be part of the string?"));
        }
        let a = self.largest_ending_at(prev_end, min_start, is_disjunction)?;
        let a_tok = self.tok_at(usize::from(a.start()));
        // !(NAME STRING | SOFT_KEYWORD)
        if self.kind(a_tok) == Some(T::Name) && matches!(self.kind(a_tok + 1), Some(T::Str | T::FStart)) {
            return None;
        }
        if self.kind(a_tok) == Some(T::Name) && matches!(self.text(a_tok), "_" | "match" | "case" | "type") {
            return None;
        }
        if matches!(a, r::Expr::Name(n) if n.id.as_str() == "print" || n.id.as_str() == "exec") {
            return None;
        }
        let last = self.tok_at(usize::from(b.end()).saturating_sub(1));
        if self.lx.toks.get(last).is_none_or(|t| t.level == 0) {
            return None;
        }
        Some(self.at_range(usize::from(a.start()), usize::from(b.end()), "invalid syntax. Perhaps you forgot a comma?"))
    }

    fn header_keyword(&self, i: usize) -> (usize, String) {
        let mut s = self.line_start_tok(i);
        if self.is_kw(s, "async") {
            s += 1;
        }
        (s, if self.kind(s) == Some(T::Name) { self.text(s).to_string() } else { String::new() })
    }

    fn expected_token(&self, expected: r::token::TokenKind, found: r::token::TokenKind, x: usize) -> (Report, usize) {
        use r::token::TokenKind as K;
        let (kw_tok, kw) = self.header_keyword(x);
        let open = self.enclosing_open(x);
        match expected {
            K::Colon => {
                if self.kind(x) == Some(T::Newline)
                    && matches!(
                        kw.as_str(),
                        "if" | "elif" | "else" | "while" | "for" | "with" | "class" | "def" | "try" | "except" | "finally" | "match" | "case"
                    )
                    && open.is_none()
                {
                    return (self.at_tok(x, Kind::Syntax, "expected ':'"), x);
                }
                if open.is_none() && matches!(kw.as_str(), "def" | "else" | "try" | "finally") && !self.is_op(x, "=") {
                    return (self.at_tok(x, Kind::Syntax, "expected ':'"), x);
                }
                if open.is_none() && self.is_op(x, "=") && matches!(kw.as_str(), "if" | "elif" | "while") {
                    if let Some(rep) = self.named_expression_eq(kw_tok + 1, x) {
                        return (rep, x);
                    }
                    return (self.generic(x), x);
                }
                if let Some(o) = open
                    && self.is_op(o, "{")
                    && !self.is_fstring_field(o)
                {
                    // invalid_kvpair: a key with no ':' after an earlier `key: value`.
                    if let Some(a) = self.largest_ending_at(self.lx.toks[x - 1].end, self.lx.toks[o].end, is_disjunction) {
                        let (line, end_col) = self.pos(usize::from(a.end()));
                        let (end_line, _) = self.pos(usize::from(a.end()));
                        let _ = end_line;
                        return (Report::syntax("':' expected after dictionary key", line, end_col as i64, line, 0), x);
                    }
                }
            }
            K::In => {
                // A comprehension's `for` (not at the start of the line).
                let for_tok = (0..x).rev().find(|&j| self.is_kw(j, "for"));
                if let Some(f) = for_tok
                    && f != kw_tok
                    && open.is_some()
                {
                    return (self.at_tok(x, Kind::Syntax, "'in' expected after for-loop variables"), x);
                }
                return (self.generic(x), x);
            }
            K::Lpar if kw == "def" => return (self.at_tok(x, Kind::Syntax, "expected '('"), x),
            K::Else => {
                // `a if b` with no else.
                if let Some(iff) = (0..x).rev().find(|&j| self.is_kw(j, "if"))
                    && iff > 0
                    && let Some(a) = self.largest_ending_at(self.lx.toks[iff - 1].end, 0, is_disjunction)
                    && let Some(b) = self.largest_starting_at(self.lx.toks[iff + 1].start, self.lx.toks[x].start, is_disjunction)
                {
                    return (self.at_range(usize::from(a.start()), usize::from(b.end()), "expected 'else' after 'if' expression"), x);
                }
            }
            _ => {}
        }
        let _ = found;
        if self.is_op(x, "=")
            && let Some(o) = open
            && (self.is_op(o, "[") || (self.is_op(o, "{") && !self.is_fstring_field(o)))
        {
            let start = (o + 1..x).rev().find(|&j| self.is_op(j, ",")).map_or(o + 1, |c| c + 1);
            if let Some(rep) = self.named_expression_eq(start, x) {
                return (rep, x);
            }
        }
        if let Some(found) = self.missing_comma(x) {
            return found;
        }
        (self.generic(x), x)
    }

    fn expected_expression(&self, x: usize) -> (Report, usize) {
        let prev = x.checked_sub(1);
        if let Some(p) = prev {
            // f-string replacement field with nothing in it.
            if self.is_op(p, "{") && self.is_fstring_field(p) {
                let t = self.text(x);
                if matches!(t, "=" | "!" | ":" | "}") {
                    return (self.at_tok(x, Kind::Syntax, format!("f-string: valid expression required before '{t}'")), x);
                }
            }
            // dict value missing.
            if self.is_op(p, ":")
                && (self.is_op(x, "}") || self.is_op(x, ","))
                && let Some(o) = self.enclosing_open(x)
                && self.is_op(o, "{")
                && !self.is_fstring_field(o)
            {
                return (self.at_tok(p, Kind::Syntax, "expression expected after dictionary key and ':'"), x);
            }
            // A lone star in brackets.
            if self.is_op(p, "*") && self.lx.toks[p].level > 0 && p > 0 && (self.is_op(p - 1, "(") || self.is_op(p - 1, "[") || self.is_op(p - 1, ",") || self.is_op(p - 1, "{")) {
                return (self.at_tok(x, Kind::Syntax, "Invalid star expression"), x);
            }
            // `a if b else` and nothing.
            if self.is_kw(p, "else") && p > 0 && !matches!(self.kind(p - 1), Some(T::Newline | T::Indent | T::Dedent)) && self.line_start_tok(p) != p {
                return (self.at_tok(x, Kind::Syntax, "expected expression after 'else', but statement is given"), x);
            }
        }
        (self.generic(x), x)
    }

    /// Two statements on one line: `print x`, or just "invalid syntax".
    fn same_line(&self, x: usize) -> (Report, usize) {
        let s = self.line_start_tok(x);
        if s + 1 == x && self.kind(s) == Some(T::Name) && matches!(self.text(s), "print" | "exec") && !self.is_op(x, "(") {
            let name = self.text(s);
            let start = self.lx.toks[x].start;
            let b = self
                .nodes
                .stmts
                .iter()
                .find_map(|st| match st {
                    r::Stmt::Expr(e) if usize::from(st.start()) == start => Some(e.value.end()),
                    _ => None,
                })
                .or_else(|| self.largest_starting_at(start, usize::MAX, |_| true).map(|e| e.end()));
            if let Some(end) = b {
                let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return (self.at_range(self.lx.toks[s].start, usize::from(end), msg), x);
            }
        }
        if let Some(found) = self.missing_comma(x) {
            return found;
        }
        (self.generic(x), x)
    }

    fn other_error(&self, m: &str, err: &ParseError, x: usize) -> (Report, usize) {
        if let Some(rest) = m.strip_prefix("Expected an indented block after ") {
            return self.expected_block(rest, x);
        }
        if m.starts_with("Expected class, function definition") {
            // ruff fails on the token after the decorator line's NEWLINE, which at the end
            // of a file without a final newline is where the added newline starts: CPython
            // is at its ENDMARKER then.
            // After `async` CPython still hopes for a `def`.
            let x = if self.kind(x) == Some(T::Newline) || self.is_kw(x, "async") { x + 1 } else { x };
            return (self.generic(x), x);
        }
        if m.starts_with("Expected `except` or `finally`") {
            return (self.at_tok(x, Kind::Syntax, "expected 'except' or 'finally' block"), x);
        }
        if m == "Bytes literal cannot be mixed with non-bytes literals" {
            // CPython's action for `strings` raises at the last token it read: the one
            // after the literals.
            let after = self.tok_at(usize::from(err.location.end()));
            return (self.at_tok(after, Kind::Syntax, "cannot mix bytes and nonbytes literals"), after);
        }
        if m == "Trailing comma not allowed" {
            return (self.at_tok(x + 1, Kind::Syntax, "trailing comma not allowed without surrounding parentheses"), x + 1);
        }
        if m == "Expected a parameter name" {
            // invalid_kwarg: `f(expr=value)`.
            let end = self.tok_at(usize::from(err.location.end()));
            if self.is_op(end, "=") {
                let t = self.text(x);
                let msg = if matches!(t, "True" | "False" | "None") && end == x + 1 {
                    format!("cannot assign to {t}")
                } else {
                    "expression cannot contain assignment, perhaps you meant \"==\"?".to_string()
                };
                let e = &self.lx.toks[end];
                let (line, col) = self.pos(usize::from(err.location.start()));
                return (Report::syntax(msg, line, col as i64 + 1, e.end_line, e.end_col as i64 + 1), end);
            }
        }
        if m == "Expected a statement" && self.is_kw(x, "elif") && self.follows_else_block(x) {
            return (self.at_tok(x, Kind::Syntax, "'elif' block follows an 'else' block"), x);
        }
        if m.starts_with("Expected an expression") && self.is_op(x, "=") {
            if let Some(o) = self.enclosing_open(x)
                && (self.is_op(o, "[") || (self.is_op(o, "{") && !self.is_fstring_field(o)) || (self.is_op(o, "(") && !self.is_call_paren(o)))
            {
                let start = (o + 1..x).rev().find(|&j| self.is_op(j, ",")).map_or(o + 1, |c| c + 1);
                if let Some(rep) = self.named_expression_eq(start, x) {
                    return (rep, x);
                }
            }
        }
        if m.starts_with("Expected an expression or a") {
            // ruff's "missing element" is CPython's expected_expression.
            return self.expected_expression(x);
        }
        (self.generic(x), x)
    }

    fn is_call_paren(&self, open: usize) -> bool {
        open > 0
            && (matches!(self.kind(open - 1), Some(T::Name | T::Str | T::FEnd)) && !self.is_keyword(open - 1)
                || self.is_op(open - 1, ")")
                || self.is_op(open - 1, "]"))
    }

    /// Whether the clause before the `elif` at token `i` is an `else:` block.
    fn follows_else_block(&self, i: usize) -> bool {
        let col = self.lx.toks[i].col;
        let mut j = i;
        while j > 0 {
            j -= 1;
            let s = self.line_start_tok(j);
            if s < i && self.lx.toks[s].col == col && matches!(self.kind(s), Some(T::Name)) && s != i {
                return self.is_kw(s, "else");
            }
            j = s;
        }
        false
    }

    fn expected_block(&self, _ruff_clause: &str, x: usize) -> (Report, usize) {
        // The error sits on the token after the header's NEWLINE.
        let mut nl = x;
        while nl > 0 && self.kind(nl) != Some(T::Newline) {
            nl -= 1;
        }
        if self.kind(nl) != Some(T::Newline) {
            return (self.generic(x), x);
        }
        let target = nl + 1;
        let (kw_tok, kw) = self.header_keyword(nl);
        let clause = match kw.as_str() {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "except" if self.is_op(kw_tok + 1, "*") => "'except*' statement".to_string(),
            k => format!("'{k}' statement"),
        };
        let line = self.lx.toks[kw_tok].line;
        let msg = format!("expected an indented block after {clause} on line {line}");
        (self.at_tok(target, Kind::Indentation, msg), target)
    }

    fn fstring_error(&self, f: &FErr, p: &str, x: usize) -> (Report, usize) {
        match f {
            FErr::UnclosedLbrace => {
                if let Some(found) = self.missing_comma(x) {
                    return found;
                }
                // What the replacement field had before the bad token decides the wording.
                let open = self.enclosing_open(x).unwrap_or(x);
                let mut depth = 0;
                let (mut colon, mut bang) = (false, false);
                for j in open + 1..x {
                    match (self.kind(j), self.text(j)) {
                        (Some(T::Op), "(" | "[" | "{") => depth += 1,
                        (Some(T::Op), ")" | "]" | "}") => depth -= 1,
                        (Some(T::Op), ":") if depth == 0 => colon = true,
                        (Some(T::Op), "!") if depth == 0 => bang = true,
                        _ => {}
                    }
                }
                let want = if colon {
                    "'}', or format specs"
                } else if bang {
                    "':' or '}'"
                } else if x > 0 && self.is_op(x - 1, "=") {
                    "'!', or ':', or '}'"
                } else {
                    "'=', or '!', or ':', or '}'"
                };
                (self.at_tok(x, Kind::Syntax, format!("{p}: expecting {want}")), x)
            }
            FErr::InvalidConversionFlag => {
                // x is the token after '!'.
                let i = if self.is_op(x, "!") { x + 1 } else { x };
                if self.is_op(i, ":") || self.is_op(i, "}") {
                    return (self.at_tok(i, Kind::Syntax, format!("{p}: missing conversion character")), i);
                }
                if self.kind(i) == Some(T::Name) {
                    let name = self.text(i);
                    let msg = format!("{p}: invalid conversion character '{name}': expected 's', 'r', or 'a'");
                    return (self.at_tok(i, Kind::Syntax, msg), i);
                }
                (self.at_tok(i, Kind::Syntax, format!("{p}: invalid conversion character")), i)
            }
            FErr::ConversionFlagNotImmediatelyAfterExclamation => {
                let bang = (0..=x.min(self.lx.toks.len().saturating_sub(1))).rev().find(|&j| self.is_op(j, "!")).unwrap_or(x);
                let name = (bang + 1..self.lx.toks.len()).find(|&j| self.kind(j) == Some(T::Name)).unwrap_or(x);
                let msg = format!("{p}: conversion type must come right after the exclamation mark");
                (self.at_range(self.lx.toks[bang].start, self.lx.toks[name].end, msg), name)
            }
            FErr::LambdaWithoutParentheses => {
                let lam = (0..=x.min(self.lx.toks.len().saturating_sub(1))).rev().find(|&j| self.is_kw(j, "lambda")).unwrap_or(x);
                let colon = (lam..self.lx.toks.len()).find(|&j| self.is_op(j, ":")).unwrap_or(x);
                let msg = format!("{p}: lambda expressions are not allowed without parentheses");
                (self.at_range(self.lx.toks[lam].start, self.lx.toks[colon].end, msg), colon)
            }
            _ => (self.generic(x), x),
        }
    }

    /// The tokenizer's own error, as the parser words it when it reads the bad token.
    fn tokenizer_report(&self, fail: &LexFail) -> Report {
        match fail {
            LexFail::Raised { report, .. } => report.clone(),
            LexFail::Done { code, line, col, buf_col } => match code {
                Done::Dedent => {
                    Report::new(Kind::Indentation, "unindent does not match any outer indentation level", *line, *col as i64, *line, -1)
                }
                Done::TabSpace => Report::new(Kind::Tab, "inconsistent use of tabs and spaces in indentation", *line, 1, *line, 0),
                Done::TooDeep => Report::new(Kind::Indentation, "too many levels of indentation", *line, 1, *line, 0),
                Done::LineCont => {
                    Report::syntax("unexpected character after line continuation character", *line, *buf_col as i64, *line, 0)
                }
                Done::Eof => match self.lx.parens.last() {
                    Some(&(c, pl, pc)) => self.never_closed(c, pl, pc),
                    None => Report::syntax("unexpected EOF while parsing", *line, *col as i64, *line, -1),
                },
            },
        }
    }

    /// Found at EOF, when the tokenizer has read every line.
    fn never_closed(&self, c: u8, line: u32, col: usize) -> Report {
        let mut r = Report::syntax(format!("'{}' was never closed", c as char), line, col as i64 + 1, line, 0);
        r.reached_line = self.lx.lineno;
        r
    }
}

/// CPython's SyntaxError for the source, if it has one: ruff's first error worded as
/// CPython words it, or an error only CPython's tokenizer finds (ruff accepts brackets
/// nested too deep and ambiguous tab indentation).
pub fn check(source: &str, parsed: &ruff_python_parser::Parsed<r::ModModule>, kind: SourceKind) -> Option<CompileError> {
    use r::visitor::Visitor;
    let names: Vec<TextRange> =
        parsed.tokens().iter().filter(|t| t.kind() == r::token::TokenKind::Name).map(|t| t.range()).collect();
    let lx = tokenize(source, &names, kind);
    if parsed.errors().is_empty() && lx.fail.is_none() {
        return None;
    }
    let mut nodes = Nodes::default();
    for s in &parsed.syntax().body {
        nodes.visit_stmt(s);
    }
    let mut line_starts = vec![0];
    line_starts.extend(lx.src.iter().enumerate().filter(|(_, c)| **c == b'\n').map(|(i, _)| i + 1));
    let ctx = Ctx { src: source, lx, nodes, line_starts };
    Some(ctx_report(&ctx, parsed.errors()).into_compile_error(&ctx.lx.src))
}

fn ctx_report(ctx: &Ctx, errors: &[ParseError]) -> Report {
    let first = errors.iter().min_by_key(|e| e.location.start());
    let n = ctx.lx.toks.len();
    // Where ruff's parser fails, in CPython tokens (past the end when only the tokenizer failed).
    let k_p = first.map_or(n, |e| ctx.tok_at_range(e.location));
    if let Some(fail) = &ctx.lx.fail
        && n <= k_p
    {
        // The parser reads the bad token before it can fail.
        return ctx.tokenizer_report(fail);
    }
    let Some(err) = first else {
        return ctx.generic(k_p);
    };
    let err = match &err.error {
        // A token ruff's lexer rejects that CPython's accepts: the parser fails on it.
        P::Lexical(l) if !matches!(l, LexicalErrorType::InvalidByteLiteral) && (ctx.lx.fail.is_none() || n > k_p) => {
            &ParseError { error: P::OtherError(String::new()), location: err.location }
        }
        _ => err,
    };
    let (mut rep, furthest) = ctx.parser_report(err);
    // The tokenizer has read at least as far as the parser looked.
    let looked = ctx.lx.toks.get(furthest).map_or(ctx.lx.lineno, |t| t.end_line);
    rep.reached_line = rep.reached_line.max(rep.end_line).max(looked);
    // Then the rest of the file is tokenized: its errors win.
    match &ctx.lx.fail {
        Some(LexFail::Raised { in_fstring: false, report: r }) => r.clone(),
        Some(LexFail::Done { .. }) if !ctx.lx.parens.is_empty() => {
            let &(c, pl, pc) = ctx.lx.parens.last().unwrap();
            let reached_eof = matches!(ctx.lx.fail, Some(LexFail::Done { code: Done::Eof, .. })) && n <= furthest.max(k_p);
            let err_line = ctx.lx.toks.get(furthest).map_or(u32::MAX, |t| t.line);
            if reached_eof || err_line > pl { ctx.never_closed(c, pl, pc) } else { rep }
        }
        _ => rep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(src: &str) -> CompileError {
        let parsed = ruff_python_parser::parse_unchecked_source(src, r::PySourceType::Python);
        check(src, &parsed, SourceKind::String).expect("a syntax error")
    }

    fn msg(src: &str) -> (String, u32, i64, &'static str) {
        let e = error(src);
        (e.msg, e.line, e.offset, e.kind.name())
    }

    #[test]
    fn tokenizer_errors() {
        assert_eq!(msg("x = (1, 2\ny = 3\n"), ("'(' was never closed".into(), 1, 5, "SyntaxError"));
        assert_eq!(msg("x = foo(1, 2]\n").0, "closing parenthesis ']' does not match opening parenthesis '('");
        assert_eq!(msg("name = 'hello\n"), ("unterminated string literal (detected at line 1)".into(), 1, 8, "SyntaxError"));
        assert_eq!(msg("x = 0123\n").0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(msg("if True:\n        x = 1\n    y = 2\n").3, "IndentationError");
    }

    #[test]
    fn parser_errors() {
        assert_eq!(msg("if x > 0\n    pass\n"), ("expected ':'".into(), 1, 9, "SyntaxError"));
        assert_eq!(msg("x = [1 2 3]\n"), ("invalid syntax. Perhaps you forgot a comma?".into(), 1, 6, "SyntaxError"));
        assert_eq!(msg("print \"hello\"\n").0, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        assert_eq!(msg("1 = x\n").0, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
        assert_eq!(msg("def f(a=1, b):\n    pass\n").0, "parameter without a default follows parameter with a default");
        assert_eq!(
            msg("if True:\nprint(1)\n"),
            ("expected an indented block after 'if' statement on line 1".into(), 2, 1, "IndentationError")
        );
    }

    #[test]
    fn brackets_nest_at_most_200_deep() {
        let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
        assert!(crate::compiler::check_syntax(&ok).is_ok());
        let deep = format!("x = {}{}\n", "[".repeat(201), "]".repeat(201));
        let e = crate::compiler::check_syntax(&deep).unwrap_err();
        assert_eq!((e.msg.as_str(), e.line, e.offset), ("too many nested parentheses", 1, 205));
    }

    #[test]
    fn ambiguous_tab_indentation_is_a_tab_error_where_ruff_parses_it() {
        // Tabs to 8 columns say line 3 is indented more; tabs as 1 column say it is not.
        let e = crate::compiler::check_syntax("if x:\n    \ta\n\t    b\n").unwrap_err();
        assert_eq!((e.kind, e.line, e.offset, e.end_offset), (ExcKind::TabError, 3, 1, 0));
        assert!(crate::compiler::check_syntax("if x:\n\ta\n\tb\n").is_ok());
    }

    #[test]
    fn errors_at_eof_have_no_column_in_a_script_file() {
        let src = "class C:\n";
        let parsed = ruff_python_parser::parse_unchecked_source(src, r::PySourceType::Python);
        let at = |kind| check(src, &parsed, kind).map(|e| (e.line, e.offset, e.end_offset));
        assert_eq!(at(SourceKind::String), Some((1, 9, -1)));
        assert_eq!(at(SourceKind::File), Some((1, 0, -1)));
    }

    #[test]
    fn text_of_a_line_the_tokenizer_read_past_has_no_newline() {
        assert_eq!(error("x = (\n").text, ErrorText::ParserBuffer("x = (\n".into()));
        assert_eq!(error("x = (\n\n").text, ErrorText::ParserBuffer("x = (".into()));
        assert_eq!(error("x = 'abc\n").text, ErrorText::Tokenizer("x = 'abc".into()));
    }

    #[test]
    fn tokenizer_error_later_in_file_wins() {
        assert_eq!(msg("x = = 1\ny = 'abc\n").0, "unterminated string literal (detected at line 2)");
    }
}
