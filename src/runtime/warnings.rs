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
        let line = self
            .sources
            .get(filename)
            .and_then(|src| src.lines().nth(lineno.saturating_sub(1) as usize).map(|l| l.trim().to_string()));
        if let Some(line) = line.filter(|l| !l.is_empty()) {
            text.push_str(&format!("  {line}\n"));
        }
        self.stdout.flush();
        self.stderr.write_str(&text);
    }
}
