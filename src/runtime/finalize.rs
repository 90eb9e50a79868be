//! Finalizers: `__del__` methods and the implicit `close()` of a suspended generator.
//!
//! Freeing an object never runs Python code (a drop can happen anywhere in Rust, with
//! borrows held). An object with a due finalizer is queued instead (`object.rs`), and
//! the interpreter calls [`Vm::run_pending_finalizers`] at its next safe point: right
//! after the instruction that released the last reference, so output order matches
//! CPython, which finalizes at the decref itself.

use crate::error::PyErr;
use crate::interp::generator::{self, GeneratorObj};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Runs every due finalizer, then the collection that was waiting for them;
    /// returns the number of objects that collection found unreachable.
    pub fn run_pending_finalizers(&mut self) -> usize {
        let mut collected = 0;
        loop {
            let batch = crate::object::take_pending_finalizers();
            if batch.is_empty() {
                if crate::gc::take_collect_after_finalizers() {
                    collected += crate::gc::collect_all();
                    continue;
                }
                return collected;
            }
            for obj in batch {
                self.finalize_object(obj);
            }
        }
    }

    /// Runs one object's finalizer; errors are reported as unraisable, as in CPython.
    fn finalize_object(&mut self, obj: Value) {
        // A finalizer runs as if nothing were being handled or re-raised around it.
        let saved_reraise = std::mem::replace(&mut self.pending_reraise, false);
        if obj.is::<GeneratorObj>() {
            if let Err(e) = generator::gen_close(self, &obj) {
                let what = self.repr_string(&obj).unwrap_or_default();
                self.write_unraisable(e, &format!("Exception ignored while closing generator {what}"));
            }
        } else if let Some(inst) = obj.downcast::<InstanceObj>() {
            let name = self.intern("__del__");
            let del = inst.cls.as_type().and_then(|t| t.lookup(&name));
            if let Some(del) = del {
                if let Err(e) = self.call(&del, &[obj.clone()]) {
                    let what = self.repr_string(&del).unwrap_or_default();
                    self.write_unraisable(e, &format!("Exception ignored while calling deallocator {what}"));
                }
            }
        }
        self.pending_reraise = saved_reraise;
        drop(obj);
    }

    /// `sys.unraisablehook`'s default output: the context line, then the traceback.
    /// An exception without a traceback gets the running frame's line, as CPython's
    /// hook does.
    pub fn write_unraisable(&mut self, err: PyErr, context: &str) {
        let exc = self.normalize(err);
        let bare = exc.downcast::<ExceptionObj>().is_some_and(|e| e.traceback.borrow().is_empty());
        if let (true, Some(frame)) = (bare, self.frames.last()) {
            crate::runtime::exceptions::add_traceback(&exc, frame.code_ref.clone(), frame.last_pc * 2);
        }
        let text = crate::runtime::traceback::format_exception(self, &exc);
        self.stdout.flush();
        self.stderr.write_str(&format!("{context}:\n{text}"));
    }
}
