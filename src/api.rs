//! The embedding API: running programs and source text on a [`Vm`].

use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// How a program run ended, as `python` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Exit status for the process (0 = success).
    Exit(i32),
}

impl Vm {
    /// Makes (or returns) the `__main__` module and its namespace.
    pub fn main_module(&mut self, file: Option<&str>) -> Value {
        let k = self.new_str("__main__");
        if let Some(m) = self.modules.downcast::<DictObj>().and_then(|d| d.get_str(&k)) {
            return m;
        }
        let d = dict::new_dict();
        let dd = d.downcast::<DictObj>().expect("dict");
        let name = self.intern("__main__");
        dd.set_str(self.names.dunder_name.clone(), name.clone());
        dd.set_str(self.names.dunder_doc.clone(), Value::NONE);
        dd.set_str(self.names.dunder_builtins.clone(), self.builtins_module.clone());
        if let Some(f) = file {
            let fv = self.new_str(f);
            dd.set_str(self.names.dunder_file.clone(), fv);
        }
        let m = module::new_module(name.clone(), d);
        self.modules.downcast::<DictObj>().expect("modules").set_str(name, m.clone());
        m
    }

    /// Compiles and runs source as the `__main__` module.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let file = if filename.starts_with('<') { None } else { Some(filename) };
        let m = self.main_module(file);
        let globals = m.downcast::<ModuleObj>().expect("module").dict.clone();
        let code = crate::compiler::compile_source(self, source, filename, "__main__")?;
        crate::interp::call::run_code_with_locals(self, &code, Value::NULL, globals.clone(), globals)
    }

    /// Runs source in a fresh namespace (not `__main__`), returning that namespace.
    pub fn exec(&mut self, source: &str) -> PyResult<Value> {
        let globals = dict::new_dict();
        let dd = globals.downcast::<DictObj>().expect("dict");
        let name = self.intern("__exec__");
        dd.set_str(self.names.dunder_name.clone(), name);
        dd.set_str(self.names.dunder_builtins.clone(), self.builtins_module.clone());
        let code = crate::compiler::compile_source(self, source, "<string>", "__exec__")?;
        crate::interp::call::run_code_with_locals(self, &code, Value::NULL, globals.clone(), globals.clone())?;
        Ok(globals)
    }

    /// Sets `sys.argv` and puts `dir` first on `sys.path`.
    pub fn set_argv(&mut self, argv: &[String], script_dir: Option<&str>) {
        self.argv = argv.to_vec();
        let items: Vec<Value> = argv.iter().map(|a| self.new_str(a)).collect();
        let k = self.intern("argv");
        self.sys_dict().set_str(k, list::new_list(items));
        let dir = self.new_str(script_dir.unwrap_or(""));
        if let Some(p) = self.sys_path.downcast::<ListObj>() {
            p.with_items_mut(|v| v.insert(0, dir));
        }
    }

    /// Runs a program like `python FILE`: prints an uncaught exception's traceback
    /// and turns `SystemExit` into the exit status.
    pub fn run_program(&mut self, source: &str, filename: &str) -> Outcome {
        let r = self.run_main_source(source, filename);
        let outcome = match r {
            Ok(_) => Outcome::Exit(0),
            Err(e) => self.report_uncaught(e),
        };
        self.finalize();
        self.stdout.flush();
        self.stderr.flush();
        outcome
    }

    /// Interpreter shutdown as CPython does it: modules leave `sys.modules`, garbage is
    /// collected, and the finalizers (`__del__`, generator `close`) of whatever dies
    /// run now, in the order the objects die.
    pub fn finalize(&mut self) {
        self.run_pending_finalizers();
        let sys_modules = self.modules.clone();
        if let Some(d) = sys_modules.downcast::<DictObj>() {
            // One at a time, so a module freed by its removal finalizes before the next.
            for name in d.keys() {
                d.set_str(name, Value::NONE);
                self.run_pending_finalizers();
            }
            d.clear_all();
        }
        // Module namespaces usually live on in cycles with their functions.
        crate::gc::collect_all();
        self.run_pending_finalizers();
    }

    /// What CPython does with an exception that reaches the top level.
    pub fn report_uncaught(&mut self, e: PyErr) -> Outcome {
        let exc = self.normalize(e);
        self.stdout.flush();
        if self.isinstance_kind(&exc, ExcKind::SystemExit) {
            let code = crate::runtime::exception_attrs::get(self, &exc, "code").ok().flatten().unwrap_or(Value::NONE);
            if code.is_none() {
                return Outcome::Exit(0);
            }
            if let Some(i) = code.as_int() {
                return Outcome::Exit(i.to_i64().map_or(-1, |v| v as i32));
            }
            let s = self.str_string(&code).unwrap_or_default();
            self.stderr.write_str(&format!("{s}\n"));
            return Outcome::Exit(1);
        }
        let text = crate::runtime::traceback::format_exception(self, &exc);
        self.stderr.write_str(&text);
        Outcome::Exit(1)
    }
}
