//! Warnings as CPython's `warnings` module shows them with its default filters:
//! `filename:lineno: Category: message` and the stripped source line, on stderr, once
//! per (location, category, message).

use crate::error::ExcKind;
use crate::vm::Vm;

/// Categories the default filters ignore (`python -W default` would show them).
const IGNORED_BY_DEFAULT: &[ExcKind] =
    &[ExcKind::PendingDeprecationWarning, ExcKind::ImportWarning, ExcKind::ResourceWarning];

impl Vm {
    /// `warnings.warn_explicit` under the default filters. DeprecationWarning shows
    /// only when attributed to `__main__`, as in CPython.
    pub fn warn_explicit(&mut self, category: ExcKind, message: &str, filename: &str, lineno: u32, in_main: bool) {
        if IGNORED_BY_DEFAULT.contains(&category) || (category == ExcKind::DeprecationWarning && !in_main) {
            return;
        }
        let key = (filename.to_string(), lineno, category, message.to_string());
        if !self.warnings_shown.insert(key) {
            return;
        }
        let mut text = format!("{filename}:{lineno}: {}: {message}\n", category.name());
        // Like linecache, no source line for pseudo-files such as "<string>".
        let line = self
            .sources
            .get(filename)
            .filter(|_| !filename.starts_with('<'))
            .and_then(|src| src.lines().nth(lineno.saturating_sub(1) as usize).map(|l| l.trim().to_string()));
        if let Some(line) = line.filter(|l| !l.is_empty()) {
            text.push_str(&format!("  {line}\n"));
        }
        self.stdout.flush();
        self.stderr.write_str(&text);
    }

    /// `warnings.warn(message, category)` from native code: attributed to the Python
    /// frame that is running (stacklevel 1).
    pub fn warn(&mut self, category: ExcKind, message: &str) {
        let Some(frame) = self.frames.last() else { return };
        let code = frame.code();
        let filename = code.filename_str().to_string();
        let line = code.line_of_offset(frame.last_pc * 2).unwrap_or(code.firstlineno);
        let in_main = frame
            .globals
            .downcast::<crate::objects::DictObj>()
            .and_then(|g| g.get_str(&self.names.dunder_name.clone()))
            .is_some_and(|n| n.as_str() == Some("__main__"));
        self.warn_explicit(category, message, &filename, line, in_main);
    }
}
