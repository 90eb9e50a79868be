//! Printing uncaught exceptions exactly as CPython's `traceback` module does: chained
//! exceptions, one `File` line per frame with its source line, and the final
//! `Type: message` line with "Did you mean" suggestions.

use crate::error::ExcKind;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// Modules CPython's `sys.stdlib_module_names` lists that programs commonly forget.
const STDLIB_NAMES: &[&str] = &[
    "abc", "argparse", "array", "ast", "asyncio", "base64", "bisect", "builtins", "calendar", "cmath",
    "collections", "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal", "dis", "enum",
    "errno", "fractions", "functools", "gc", "glob", "hashlib", "heapq", "inspect", "io", "itertools",
    "json", "keyword", "logging", "math", "operator", "os", "pathlib", "pickle", "platform", "pprint",
    "queue", "random", "re", "shutil", "signal", "socket", "statistics", "string", "struct",
    "subprocess", "sys", "tempfile", "textwrap", "threading", "time", "timeit", "traceback", "types",
    "typing", "unittest", "uuid", "warnings", "weakref", "zlib",
];

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's `_levenshtein_distance` (Python/suggestions.c).
fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, CPython's rules.
pub fn closest_name(candidates: &[String], wrong: &str) -> Option<String> {
    if candidates.len() > MAX_CANDIDATES || wrong.chars().count() > MAX_STRING {
        return None;
    }
    let wlen = wrong.chars().count();
    let mut best = wlen;
    let mut suggestion: Option<String> = None;
    for name in candidates {
        if name == wrong {
            continue;
        }
        let max_distance = ((name.chars().count() + wlen + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = levenshtein(wrong, name, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(name.clone());
            best = d;
        }
    }
    suggestion
}

/// Computes and stores a NameError's suggestion from the frame it was raised in.
pub fn note_name_suggestion(vm: &mut Vm, exc: &Value, name: &str) {
    let Some(frame) = vm.frames.last() else { return };
    let mut cands: Vec<String> = Vec::new();
    let code = frame.code();
    let mut self_obj = None;
    for i in 0..code.nlocalsplus() {
        let v = frame.local(i);
        if !v.is_null() {
            let n = code.localsplus_name(i).to_string();
            if n == "self" {
                self_obj = Some(v.clone());
            }
            cands.push(n);
        }
    }
    if let Some(g) = frame.globals.downcast::<DictObj>() {
        cands.extend(g.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
    }
    cands.extend(vm.builtins_dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
    let mut suggestion = None;
    if let Some(s) = self_obj {
        let n = vm.intern(name);
        if matches!(vm.getattr_opt(&s, &n), Ok(Some(_))) {
            suggestion = Some(format!("self.{name}"));
        }
    }
    if suggestion.is_none() {
        suggestion = closest_name(&cands, name);
    }
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        *e.suggestion.borrow_mut() = suggestion;
    }
}

/// `dir()`-like candidates for an AttributeError on `obj`.
fn attribute_candidates(vm: &mut Vm, obj: &Value, wrong: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if let Some(t) = obj.as_type() {
        for c in t.mro() {
            names.extend(c.as_type().expect("type").dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
        }
    } else if let Some(m) = obj.downcast::<ModuleObj>() {
        names.extend(m.dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
    } else {
        let t = vm.type_of(obj);
        for c in t.as_type().expect("type").mro() {
            names.extend(c.as_type().expect("type").dict().keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
        }
        if let Some(d) = crate::runtime::attr::instance_dict(obj) {
            names.extend(d.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
        }
    }
    names.sort();
    names.dedup();
    if !wrong.starts_with('_') {
        names.retain(|n| !n.starts_with('_'));
    }
    names
}

/// The last line: `Type: message` plus any suggestion.
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let label = crate::runtime::exceptions::exception_type_label(vm, exc);
    let msg = match crate::runtime::exceptions::exception_str_for_print(vm, exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    let mut line = if msg.is_empty() { label } else { format!("{label}: {msg}") };
    let is_name = vm.isinstance_kind(exc, ExcKind::NameError);
    let is_attr = vm.isinstance_kind(exc, ExcKind::AttributeError);
    if is_name || is_attr {
        let e = exc.downcast::<ExceptionObj>().expect("exception");
        let name = e.dict().get_str(&vm.intern("name")).and_then(|n| n.as_str().map(str::to_string));
        if let Some(name) = name {
            let suggestion = if is_attr {
                let obj = e.dict().get_str(&vm.intern("obj")).unwrap_or(Value::NONE);
                let cands = attribute_candidates(vm, &obj, &name);
                closest_name(&cands, &name)
            } else {
                e.suggestion.borrow().clone()
            };
            if let Some(s) = &suggestion {
                line.push_str(&format!(". Did you mean: '{s}'?"));
            }
            if is_name && STDLIB_NAMES.contains(&name.as_str()) {
                if suggestion.is_some() {
                    line.push_str(&format!(" Or did you forget to import '{name}'?"));
                } else {
                    line.push_str(&format!(". Did you forget to import '{name}'?"));
                }
            }
        }
    }
    line
}

/// One traceback entry as traceback.py's `FrameSummary` sees it: file, position, name.
struct Summary {
    filename: String,
    name: String,
    span: crate::runtime::carets::Span,
}

fn summary(entry: &crate::objects::exception::TraceEntry) -> Summary {
    let code = entry.code.downcast::<CodeObj>().expect("code");
    let pos = code.positions.get(entry.offset as usize / 2).copied();
    let col = |c: i32| if c >= 0 { Some(c as i64) } else { None };
    let span = match pos {
        Some(p) if p.line > 0 => crate::runtime::carets::Span {
            lineno: p.line as i64,
            end_lineno: (p.end_line > 0).then_some(p.end_line as i64),
            colno: col(p.col),
            end_colno: col(p.end_col),
        },
        // No position: tb_lineno, and no columns.
        _ => crate::runtime::carets::Span {
            lineno: code.line_of_offset(entry.offset).unwrap_or(code.firstlineno) as i64,
            end_lineno: None,
            colno: None,
            end_colno: None,
        },
    };
    Summary { filename: code.filename_str().to_string(), name: code.name_str().to_string(), span }
}

/// `StackSummary.format`: one block per entry, runs of the same place cut after
/// `RECURSIVE_CUTOFF` with a "[Previous line repeated N more times]" line.
fn format_stack(vm: &Vm, entries: &[crate::objects::exception::TraceEntry], out: &mut String) {
    use crate::runtime::carets::{repeated_line, source_block, RECURSIVE_CUTOFF};
    let mut last: Option<(String, i64, String)> = None;
    let mut count = 0usize;
    for entry in entries.iter().rev() {
        let s = summary(entry);
        let key = (s.filename.clone(), s.span.lineno, s.name.clone());
        if last.as_ref() != Some(&key) {
            if count > RECURSIVE_CUTOFF {
                out.push_str(&repeated_line(count - RECURSIVE_CUTOFF));
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format!("  File \"{}\", line {}, in {}\n", s.filename, s.span.lineno, s.name));
        out.push_str(&source_block(vm.sources.get(&s.filename).map(|t| &**t), &s.span));
    }
    if count > RECURSIVE_CUTOFF {
        out.push_str(&repeated_line(count - RECURSIVE_CUTOFF));
    }
}

fn format_one(vm: &mut Vm, exc: &Value, out: &mut String) {
    let e = exc.downcast::<ExceptionObj>().expect("exception");
    let entries = e.traceback.borrow().clone();
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        format_stack(vm, &entries, out);
    }
    if vm.isinstance_kind(exc, ExcKind::SyntaxError) {
        format_syntax_error(vm, exc, out);
        return;
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

/// The location block and message line of a SyntaxError (traceback.py's
/// `_format_syntax_error`): the offending line, stripped, with carets under the range.
fn format_syntax_error(vm: &mut Vm, exc: &Value, out: &mut String) {
    let attr = |vm: &mut Vm, name: &str| crate::runtime::exception_attrs::get(vm, exc, name).ok().flatten();
    let as_int = |v: &Option<Value>| v.as_ref().and_then(|v| v.as_int().and_then(|i| i.to_i64()));
    let filename = attr(vm, "filename").filter(|v| !v.is_none());
    let lineno = as_int(&attr(vm, "lineno"));
    let end_lineno = as_int(&attr(vm, "end_lineno"));
    let offset = as_int(&attr(vm, "offset"));
    let end_offset = as_int(&attr(vm, "end_offset"));
    let text = attr(vm, "text").and_then(|t| t.as_str().map(str::to_string));
    let msg = attr(vm, "msg").filter(|m| !m.is_none());
    let filename_str = match &filename {
        Some(f) => Some(vm.str_string(f).unwrap_or_default()),
        None => None,
    };
    let mut suffix = String::new();
    if let Some(line) = lineno {
        out.push_str(&format!("  File \"{}\", line {line}\n", filename_str.as_deref().unwrap_or("<string>")));
    } else if let Some(f) = &filename_str {
        suffix = format!(" ({f})");
    }
    if let Some(text) = text {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
        out.push_str(&format!("    {ltext}\n"));
        if let Some(mut offset) = offset {
            let text_len = text.chars().count() as i64;
            let rtext_len = rtext.chars().count() as i64;
            let mut end = if lineno == end_lineno { end_offset.filter(|e| *e != 0).unwrap_or(offset) } else { rtext_len + 1 };
            if offset > text_len {
                offset = rtext_len + 1;
            }
            if end > text_len {
                end = rtext_len + 1;
            }
            if offset >= end || end < 0 {
                end = offset + 1;
            }
            let col = offset - 1 - spaces;
            let end_col = end - 1 - spaces;
            if col >= 0 {
                // Whitespace other than spaces (tabs) is kept so the carets line up.
                let lead: String =
                    ltext.chars().take(col as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                out.push_str(&format!("    {lead}{}\n", "^".repeat((end_col - col).max(0) as usize)));
            }
        }
    }
    let label = crate::runtime::exceptions::exception_type_label(vm, exc);
    let msg = match msg {
        Some(m) => vm.str_string(&m).unwrap_or_default(),
        None => String::new(),
    };
    let msg = if msg.is_empty() { "<no detail available>".to_string() } else { msg };
    out.push_str(&format!("{label}: {msg}{suffix}\n"));
}

/// The full report CPython prints for an uncaught exception.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut chain: Vec<(Value, &'static str)> = Vec::new();
    let mut seen: Vec<u64> = Vec::new();
    let mut cur = exc.clone();
    let mut link = "";
    loop {
        seen.push(cur.bits());
        chain.push((cur.clone(), link));
        let e = cur.downcast::<ExceptionObj>().expect("exception");
        let cause = e.cause.get();
        let context = e.context.get();
        let (next, l) = if !cause.is_none() {
            (cause, "\nThe above exception was the direct cause of the following exception:\n\n")
        } else if !context.is_none() && !e.suppress_context.get() {
            (context, "\nDuring handling of the above exception, another exception occurred:\n\n")
        } else {
            break;
        };
        if !next.is::<ExceptionObj>() || seen.contains(&next.bits()) {
            break;
        }
        cur = next;
        link = l;
    }
    let mut out = String::new();
    for (i, (e, _)) in chain.iter().enumerate().rev() {
        format_one(vm, e, &mut out);
        if i > 0 {
            out.push_str(chain[i].1);
        }
    }
    out
}

/// A `traceback` object for `__traceback__` / `__exit__`: tb_lineno, tb_lasti, tb_next.
pub fn traceback_object(vm: &mut Vm, exc: &Value) -> Value {
    let Some(e) = exc.downcast::<ExceptionObj>() else { return Value::NONE };
    let entries = e.traceback.borrow().clone();
    let mut next = Value::NONE;
    // Entries are innermost first; the traceback chain starts at the outermost frame.
    for entry in entries.iter() {
        let code = entry.code.downcast::<CodeObj>().expect("code");
        let tb = class::new_instance(vm.types.traceback.clone());
        let d = tb.downcast::<InstanceObj>().expect("tb").dict();
        let line = code.line_of_offset(entry.offset).map_or(Value::NONE, |l| Value::int(l as i64));
        d.set_str(vm.intern("tb_lineno"), line);
        d.set_str(vm.intern("tb_lasti"), Value::int(entry.offset as i64));
        d.set_str(vm.intern("tb_next"), next);
        d.set_str(vm.intern("tb_frame"), Value::NONE);
        d.set_str(vm.intern("tb_code"), entry.code.clone());
        next = tb;
    }
    next
}
