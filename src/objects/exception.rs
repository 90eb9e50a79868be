//! Exception instances.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::objects::dict::{new_dict, DictObj};
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// One traceback entry: the code object and the offset of the instruction that was
/// running in that frame.
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Value,
    pub offset: u32,
}

#[repr(C)]
pub struct ExceptionObj {
    header: ObjHeader,
    pub cls: Value,
    pub args: ValueCell,
    pub cause: ValueCell,
    pub context: ValueCell,
    pub suppress_context: Cell<bool>,
    /// Innermost frame last, as CPython prints it.
    pub traceback: RefCell<Vec<TraceEntry>>,
    /// Other attributes (`e.code`, `e.name`, user attributes).
    pub dict: Value,
    /// A NameError's "Did you mean" candidate, found when it was raised.
    pub suggestion: RefCell<Option<String>>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for ExceptionObj {
    const KIND: ObjKind = ObjKind::Exception;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cls);
        self.args.traverse(visit);
        self.cause.traverse(visit);
        self.context.traverse(visit);
        if let Ok(tb) = self.traceback.try_borrow() {
            tb.iter().for_each(|e| visit(&e.code));
        }
        visit(&self.dict);
    }
    fn clear(&self) {
        self.cause.set(Value::NONE);
        self.context.set(Value::NONE);
        self.args.set(crate::objects::tuple::new_tuple(Vec::new()));
        let old = std::mem::take(&mut *self.traceback.borrow_mut());
        drop(old);
        if let Some(d) = self.dict.downcast::<DictObj>() {
            d.clear_all();
        }
    }
}

pub fn new_exception(cls: Value, args: Value) -> Value {
    alloc(ExceptionObj {
        header: ObjHeader::new(ObjKind::Exception),
        cls,
        args: ValueCell::new(args),
        cause: ValueCell::new(Value::NONE),
        context: ValueCell::new(Value::NONE),
        suppress_context: Cell::new(false),
        traceback: RefCell::new(Vec::new()),
        dict: new_dict(),
        suggestion: RefCell::new(None),
    })
}

impl ExceptionObj {
    pub fn dict(&self) -> &DictObj {
        self.dict.downcast().expect("exception dict")
    }
    pub fn args_vec(&self) -> Vec<Value> {
        self.args.get().as_tuple().map(|t| t.to_vec()).unwrap_or_default()
    }
}
