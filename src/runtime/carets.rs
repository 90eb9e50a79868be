//! The source lines of one traceback entry with their position markers (`~~~~^^`), ported
//! from CPython 3.14's Lib/traceback.py (`StackSummary.format_frame_summary`,
//! `_should_show_carets`, `_extract_caret_anchors_from_line_segment`, `_display_width`).
//! CPython's default `sys.excepthook` prints through that module
//! (`traceback._print_exception_bltin`), so this is what an uncaught exception shows.
//!
//! Offsets follow traceback.py: columns from `co_positions()` are UTF-8 byte offsets,
//! slicing is by characters, and caret columns are display columns (wide characters
//! count two).

use crate::compiler::lower::{self, FirstStatement, SegmentAnchor};
use crate::runtime::strings::{is_linebreak, is_space as py_space, is_wide};

fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

fn is_blank(s: &str) -> bool {
    s.chars().all(py_space)
}

/// `str.splitlines()`: each line without and with its line break.
fn split_lines(s: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut next = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    it.next();
                    next = j + 1;
                }
            }
            out.push((&s[start..i], &s[start..next]));
            start = next;
        }
    }
    if start < s.len() {
        out.push((&s[start..], &s[start..]));
    }
    out
}

/// `str.splitlines(keepends=True)`.
fn splitlines_keepends(s: &str) -> Vec<&str> {
    split_lines(s).into_iter().map(|(_, l)| l).collect()
}

/// `str.splitlines()`.
fn splitlines(s: &str) -> Vec<&str> {
    split_lines(s).into_iter().map(|(l, _)| l).collect()
}

/// `textwrap.dedent`.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let non_blank = lines.iter().filter(|l| !l.is_empty() && !is_blank(l));
    let (l1, l2) = (non_blank.clone().min().copied().unwrap_or(""), non_blank.max().copied().unwrap_or(""));
    let mut margin = 0;
    for (i, (a, b)) in l1.bytes().zip(l2.bytes().chain(std::iter::repeat(0))).enumerate() {
        margin = i;
        if a != b || !matches!(a, b' ' | b'\t') {
            break;
        }
    }
    lines.iter().map(|l| if is_blank(l) { "" } else { l.get(margin..).unwrap_or("") }).collect::<Vec<_>>().join("\n")
}

/// `textwrap.indent(text, prefix, lambda line: True)`.
fn indent_all(text: &str, prefix: &str) -> String {
    splitlines_keepends(text).into_iter().map(|l| format!("{prefix}{l}")).collect()
}

/// `_byte_offset_to_character_offset`: characters in the first `offset` UTF-8 bytes (a
/// cut character counts, as the decoder's replacement character does).
fn byte_to_char(s: &str, offset: usize) -> usize {
    s.char_indices().take_while(|(i, _)| *i < offset).count()
}

/// `_display_width(line, offset)`.
fn display_width(line: &str, offset: usize) -> usize {
    if line.is_ascii() {
        return offset;
    }
    line.chars().take(offset).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `s[start:stop]` with Python's slice rules (by characters).
fn py_slice(s: &str, start: i64, stop: i64) -> String {
    let n = char_len(s) as i64;
    let fix = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let (a, b) = (fix(start), fix(stop));
    if a >= b {
        return String::new();
    }
    s.chars().skip(a as usize).take((b - a) as usize).collect()
}

struct Anchors {
    left_end_lineno: usize,
    left_end_offset: usize,
    right_start_lineno: usize,
    right_start_offset: usize,
}

/// `_extract_caret_anchors_from_line_segment`; `None` also where traceback.py's code
/// raises (its caller suppresses the exception).
fn extract_anchors(segment: &str) -> Option<Anchors> {
    let anchor = lower::segment_anchor(&format!("(\n{segment}\n)"))?;
    let strs = splitlines(segment);
    let lines: Vec<Vec<char>> = strs.iter().map(|l| l.chars().collect()).collect();
    let row = |lineno: i64| -> Option<&Vec<char>> { lines.get(usize::try_from(lineno).ok()?) };
    let normalize = |lineno: i64, offset: u32| -> Option<i64> {
        Some(byte_to_char(strs.get(usize::try_from(lineno).ok()?)?, offset as usize) as i64)
    };
    let next_valid_char = |mut lineno: i64, mut col: i64| -> Option<(i64, i64)> {
        while lineno >= 0 && (lineno as usize) < lines.len() && col >= lines[lineno as usize].len() as i64 {
            col = 0;
            lineno += 1;
        }
        (col >= 0 && col < row(lineno)?.len() as i64).then_some((lineno, col))
    };
    let increment_until = |mut lineno: i64, mut col: i64, stop: &dyn Fn(char) -> bool| -> Option<(i64, i64)> {
        loop {
            let ch = *row(lineno)?.get(usize::try_from(col).ok()?)?;
            if ch == '\\' || ch == '#' {
                (lineno, col) = next_valid_char(lineno + 1, 0)?;
            } else if !stop(ch) {
                (lineno, col) = next_valid_char(lineno, col + 1)?;
            } else {
                return Some((lineno, col));
            }
        }
    };
    let setup_positions = |(line, col): (u32, u32), force_valid: bool| -> Option<(i64, i64)> {
        let lineno = line as i64 - 2;
        let col = normalize(lineno, col)?;
        if force_valid { next_valid_char(lineno, col) } else { Some((lineno, col)) }
    };
    let brackets = |value_end: (u32, u32), end: (u32, u32), open: char| -> Option<(i64, i64, i64, i64)> {
        let (l, c) = setup_positions(value_end, true)?;
        let (l, c) = increment_until(l, c, &|x| x == open)?;
        let (rl, rc) = setup_positions(end, false)?;
        Some((l, c, rl, rc))
    };
    let (l, c, rl, rc) = match anchor {
        SegmentAnchor::BinOp { left_end, right_start } => {
            let (lineno, col) = setup_positions(left_end, true)?;
            let (lineno, col) = increment_until(lineno, col, &|x| !py_space(x) && x != ')')?;
            let line = row(lineno)?;
            let mut right_col = col + 1;
            if right_col < line.len() as i64
                && (right_start.0 as i64 - 2 > lineno || right_col < normalize(right_start.0 as i64 - 2, right_start.1)?)
                && !py_space(line[right_col as usize])
                && !matches!(line[right_col as usize], '\\' | '#')
            {
                right_col += 1;
            }
            (lineno, col, lineno, right_col)
        }
        SegmentAnchor::Subscript { value_end, end } => brackets(value_end, end, '[')?,
        SegmentAnchor::Call { func_end, end } => brackets(func_end, end, '(')?,
    };
    Some(Anchors {
        left_end_lineno: usize::try_from(l).ok()?,
        left_end_offset: usize::try_from(c).ok()?,
        right_start_lineno: usize::try_from(rl).ok()?,
        right_start_offset: usize::try_from(rc).ok()?,
    })
}

/// `StackSummary._should_show_carets`.
fn should_show_carets(start_offset: usize, end_offset: usize, all_lines: &[&str], anchors: bool) -> bool {
    match lower::first_statement_call(&all_lines.join("\n")) {
        FirstStatement::Empty => return false,
        FirstStatement::Stmt(Some(call))
            if call.line == 1
                && call.end_line as usize == all_lines.len()
                && call.col as usize == start_offset
                && call.end_col as usize == end_offset =>
        {
            return false
        }
        _ => {}
    }
    if anchors {
        return true;
    }
    let first: String = all_lines[0].chars().take(start_offset).collect();
    let last: String = all_lines[all_lines.len() - 1].chars().skip(end_offset).collect();
    !is_blank(&first) || !is_blank(&last)
}

/// An instruction's `co_positions()` entry as traceback.py receives it.
pub struct Span {
    pub lineno: i64,
    pub end_lineno: Option<i64>,
    pub colno: Option<i64>,
    pub end_colno: Option<i64>,
}

/// What `format_frame_summary` prints under the `File` line: the source line(s), and
/// the markers when traceback.py shows them. `source` is the file's text.
pub fn source_block(source: Option<&str>, span: &Span) -> String {
    let lineno = span.lineno;
    let end_lineno = span.end_lineno.unwrap_or(lineno);
    // linecache: universal newlines, each line right-stripped ('' past the end).
    let normalized = source.map(|s| s.replace("\r\n", "\n").replace('\r', "\n")).unwrap_or_default();
    let file_lines: Vec<&str> = normalized.split_inclusive('\n').collect();
    let getline = |n: i64| -> &str {
        usize::try_from(n - 1).ok().and_then(|i| file_lines.get(i)).map_or("", |l| l.trim_end_matches(py_space))
    };
    let lines: Vec<&str> = (lineno..=end_lineno).map(getline).collect();
    let original = format!("{}\n", lines.join("\n"));
    let dedented = dedent(&original);
    if dedented.is_empty() || is_blank(&dedented) {
        return String::new();
    }
    let first_only = || {
        let line = py_strip(original.split('\n').next().unwrap_or(""));
        let mut out: String = splitlines_keepends(line).into_iter().map(|l| if is_blank(l) { l.to_string() } else { format!("    {l}") }).collect();
        out.push('\n');
        out
    };
    let (Some(colno), Some(end_colno)) = (span.colno, span.end_colno) else { return first_only() };
    let originals = splitlines(&original);
    let Some(first_line) = originals.first() else { return first_only() };
    let Some(last_line) = usize::try_from(end_lineno - lineno).ok().and_then(|i| originals.get(i)) else { return first_only() };
    let start_offset = byte_to_char(first_line, colno.max(0) as usize);
    let end_offset = byte_to_char(last_line, end_colno.max(0) as usize);
    let mut all_lines = splitlines(&dedented);
    all_lines.truncate((end_lineno - lineno + 1).max(0) as usize);
    if all_lines.is_empty() {
        return first_only();
    }
    let n = all_lines.len();
    let dedent_chars = char_len(first_line) as i64 - char_len(all_lines[0]) as i64;
    let start_offset = (start_offset as i64 - dedent_chars).max(0) as usize;
    let end_offset = (end_offset as i64 - dedent_chars).max(0) as usize;
    let dp_start_offset = display_width(all_lines[0], start_offset);
    let dp_end_offset = display_width(all_lines[n - 1], end_offset);
    let joined = all_lines.join("\n");
    let stop = char_len(&joined) as i64 - (char_len(all_lines[n - 1]) as i64 - end_offset as i64);
    let segment = py_slice(&joined, start_offset as i64, stop);
    let anchors = extract_anchors(&segment).and_then(|a| {
        // Positions relative to the segment's first line start at the instruction.
        let left = a.left_end_offset + if a.left_end_lineno == 0 { start_offset } else { 0 };
        let right = a.right_start_offset + if a.right_start_lineno == 0 { start_offset } else { 0 };
        Some(Anchors {
            left_end_offset: display_width(all_lines.get(a.left_end_lineno)?, left),
            right_start_offset: display_width(all_lines.get(a.right_start_lineno)?, right),
            ..a
        })
    });
    let show_carets = should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());

    let mut significant: Vec<i64> = vec![0, n as i64 - 1];
    if let Some(a) = &anchors {
        for l in [a.left_end_lineno as i64, a.right_start_lineno as i64] {
            significant.extend([l - 1, l, l + 1]);
        }
    }
    significant.retain(|&l| l >= 0 && l < n as i64);
    significant.sort_unstable();
    significant.dedup();

    let mut result = String::new();
    let output_line = |result: &mut String, lineno: usize| {
        let line = all_lines[lineno];
        result.push_str(line);
        result.push('\n');
        if !show_carets {
            return;
        }
        let num_spaces = char_len(line) - char_len(line.trim_start_matches(py_space));
        let num_carets = if lineno == n - 1 { dp_end_offset } else { display_width(line, char_len(line)) };
        for col in 0..num_carets {
            let c = if col < num_spaces || (lineno == 0 && col < dp_start_offset) {
                ' '
            } else if anchors.as_ref().is_some_and(|a| {
                (lineno > a.left_end_lineno || (lineno == a.left_end_lineno && col >= a.left_end_offset))
                    && (lineno < a.right_start_lineno || (lineno == a.right_start_lineno && col < a.right_start_offset))
            }) {
                '^' // within the anchors: the secondary character
            } else if anchors.is_some() {
                '~'
            } else {
                '^'
            };
            result.push(c);
        }
        result.push('\n');
    };
    for (i, &l) in significant.iter().enumerate() {
        if i > 0 {
            let diff = l - significant[i - 1];
            if diff == 2 {
                output_line(&mut result, (l - 1) as usize);
            } else if diff > 2 {
                result.push_str(&format!("...<{} lines>...\n", diff - 1));
            }
        }
        output_line(&mut result, l as usize);
    }
    indent_all(&dedent(&result), "    ")
}

/// Consecutive entries for the same place beyond this many are summarised
/// (`_RECURSIVE_CUTOFF`).
pub const RECURSIVE_CUTOFF: usize = 3;

/// The `[Previous line repeated N more times]` line.
pub fn repeated_line(count: usize) -> String {
    format!("  [Previous line repeated {count} more time{}]\n", if count > 1 { "s" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(src: &str, line: i64, end_line: i64, col: i64, end_col: i64) -> String {
        source_block(Some(src), &Span { lineno: line, end_lineno: Some(end_line), colno: Some(col), end_colno: Some(end_col) })
    }

    #[test]
    fn call_statement_alone_is_marked() {
        assert_eq!(block("main()\n", 1, 1, 0, 6), "    main()\n    ~~~~^^\n");
    }

    #[test]
    fn attribute_in_return() {
        assert_eq!(block("def f():\n    return self.nope\n", 2, 2, 11, 20), "    return self.nope\n           ^^^^^^^^^\n");
    }

    #[test]
    fn whole_line_without_anchors_has_no_carets() {
        assert_eq!(block("raise ValueError\n", 1, 1, 0, 16), "    raise ValueError\n");
        assert_eq!(block("x = f(1)\n", 1, 1, 4, 8), "    x = f(1)\n");
    }

    #[test]
    fn binop_and_subscript_anchors() {
        assert_eq!(block("y = a + b\n", 1, 1, 4, 9), "    y = a + b\n        ~~^~~\n");
        assert_eq!(block("y = d[k]\n", 1, 1, 4, 8), "    y = d[k]\n        ~^^^\n");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for (l, el, c, ec) in [(0, 0, 0, 0), (5, 2, 3, 1), (1, 3, 100, 0), (1, 1, 3, 2), (-1, 1, 0, 0)] {
            let _ = block("a = (b +\n  c)\n", l, el, c, ec);
            let _ = block("", l, el, c, ec);
            let _ = block("\u{4e2d}\u{6587} = 1 + \"\u{4e2d}\"\n", l, el, c, ec);
        }
    }
}
