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
    /// Runs every due finalizer of this VM's objects, in the order they became due (the
    /// finalizers of another VM's objects on this thread wait for that VM). Those a
    /// collection found run as part of it (see `gc.rs`), which then frees what is still
    /// unreachable; returns how many objects that freed.
    pub fn run_pending_finalizers(&mut self) -> usize {
        let mut freed = 0;
        loop {
            let mine = crate::object::take_pending_finalizers(|obj| self.owns_finalizable(obj));
            let mut batch = mine.into_iter().peekable();
            if batch.peek().is_none() {
                return freed;
            }
            while let Some(p) = batch.next() {
                if !p.by_collector {
                    self.finalize_object(&p.obj);
                    continue;
                }
                // One collection queues its finalizers together.
                let mut found = vec![p.obj];
                while let Some(q) = batch.next_if(|q| q.by_collector) {
                    found.push(q.obj);
                }
                freed += self.finish_collection(found);
            }
        }
    }

    /// Gives up the finalizers of this VM's objects that have not run, queued or not
    /// (for a VM going away).
    pub(crate) fn forgo_finalizers(&mut self) {
        crate::object::forgo_finalizers(|obj| self.owns_finalizable(obj));
        drop(crate::object::take_pending_finalizers(|obj| self.owns_finalizable(obj)));
    }

    /// The rest of the collection that found `found` unreachable: their finalizers run
    /// while it counts as running, then what is still unreachable is freed.
    fn finish_collection(&mut self, found: Vec<Value>) -> usize {
        let _collecting = crate::gc::Collecting::begin();
        for obj in &found {
            self.finalize_object(obj);
        }
        crate::gc::collect_finalized(&found)
    }

    /// Runs one object's finalizer; errors are reported as unraisable, as in CPython.
    fn finalize_object(&mut self, obj: &Value) {
        // A finalizer runs as if nothing were being handled or re-raised around it.
        let saved_reraise = std::mem::replace(&mut self.pending_reraise, false);
        if obj.is::<GeneratorObj>() {
            if let Err(e) = generator::gen_close(self, obj) {
                let what = self.repr_string(obj).unwrap_or_default();
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
