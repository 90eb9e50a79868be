//! Callables: Python functions, native (Rust) functions, bound methods, and closure cells.

use crate::error::PyResult;
use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::value::Value;
use crate::vm::Vm;

#[repr(C)]
pub struct FunctionObj {
    header: ObjHeader,
    pub code: Value,
    pub globals: Value,
    pub name: ValueCell,
    pub qualname: ValueCell,
    /// Tuple of default values for the trailing positional parameters, or NULL.
    pub defaults: ValueCell,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: ValueCell,
    /// Tuple of cells for the free variables, or NULL (set right after creation).
    pub closure: ValueCell,
    /// `__dict__` (function attributes, `__doc__`...), created on first use.
    pub dict: ValueCell,
    pub module: ValueCell,
    pub doc: ValueCell,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for FunctionObj {
    const KIND: ObjKind = ObjKind::Function;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        self.name.traverse(visit);
        self.qualname.traverse(visit);
        self.defaults.traverse(visit);
        self.kwdefaults.traverse(visit);
        self.closure.traverse(visit);
        self.dict.traverse(visit);
        self.module.traverse(visit);
        self.doc.traverse(visit);
    }
    fn clear(&self) {
        self.defaults.set(Value::NULL);
        self.kwdefaults.set(Value::NULL);
        self.dict.set(Value::NULL);
        self.doc.set(Value::NONE);
    }
}

pub struct FunctionParts {
    pub code: Value,
    pub globals: Value,
    pub name: Value,
    pub qualname: Value,
    pub closure: Value,
    pub module: Value,
    pub doc: Value,
}

pub fn new_function(p: FunctionParts) -> Value {
    assert!(p.code.is::<crate::objects::CodeObj>(), "a function's code must be a code object");
    alloc(FunctionObj {
        header: ObjHeader::new(ObjKind::Function),
        code: p.code,
        globals: p.globals,
        name: ValueCell::new(p.name),
        qualname: ValueCell::new(p.qualname),
        defaults: ValueCell::new(Value::NULL),
        kwdefaults: ValueCell::new(Value::NULL),
        closure: ValueCell::new(p.closure),
        dict: ValueCell::new(Value::NULL),
        module: ValueCell::new(p.module),
        doc: ValueCell::new(p.doc),
    })
}

impl FunctionObj {
    #[inline(always)]
    pub fn code(&self) -> &crate::objects::CodeObj {
        debug_assert!(self.code.is::<crate::objects::CodeObj>());
        // SAFETY: a function's code is a code object (set at creation, never replaced).
        unsafe { &*(self.code.header_ptr() as *const crate::objects::CodeObj) }
    }
}

/// Arguments of a call in vectorcall form: positional values, then the values of the
/// keyword arguments whose names are `kwnames` (same order).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }
    pub fn with_kw(values: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        debug_assert!(kwnames.len() <= values.len());
        Args { values, kwnames }
    }
    /// The positional arguments.
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }
    /// (name, value) of each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.values[start..]).map(|(k, v)| (k.as_str().unwrap_or(""), v))
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A function implemented in Rust (`builtin_function_or_method` / `method_descriptor`).
#[repr(C)]
pub struct NativeFunctionObj {
    header: ObjHeader,
    pub name: &'static str,
    /// The owning type's name for methods (`list` for `list.append`), "" for functions.
    pub owner: &'static str,
    pub func: NativeFn,
    /// For a method looked up on an object: that object (passed as the first argument).
    pub bound: Value,
    /// Extra data some natives keep (a module for module functions, a type for
    /// constructors); NULL when unused.
    pub data: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for NativeFunctionObj {
    const KIND: ObjKind = ObjKind::NativeFunction;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.bound);
        visit(&self.data);
    }
}

pub fn new_native(name: &'static str, owner: &'static str, func: NativeFn) -> Value {
    alloc(NativeFunctionObj {
        header: ObjHeader::new(ObjKind::NativeFunction),
        name,
        owner,
        func,
        bound: Value::NULL,
        data: Value::NULL,
    })
}

pub fn new_native_with_data(name: &'static str, owner: &'static str, func: NativeFn, data: Value) -> Value {
    alloc(NativeFunctionObj {
        header: ObjHeader::new(ObjKind::NativeFunction),
        name,
        owner,
        func,
        bound: Value::NULL,
        data,
    })
}

impl NativeFunctionObj {
    /// The same native bound to `obj` (`[].append`).
    pub fn bind(&self, obj: Value) -> Value {
        alloc(NativeFunctionObj {
            header: ObjHeader::new(ObjKind::NativeFunction),
            name: self.name,
            owner: self.owner,
            func: self.func,
            bound: obj,
            data: self.data.clone(),
        })
    }

    pub fn is_method_descriptor(&self) -> bool {
        !self.owner.is_empty() && self.bound.is_null()
    }

    pub fn qualname(&self) -> String {
        if self.owner.is_empty() { self.name.to_string() } else { format!("{}.{}", self.owner, self.name) }
    }
}

/// A Python function bound to an instance.
#[repr(C)]
pub struct BoundMethodObj {
    header: ObjHeader,
    pub func: Value,
    pub self_: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for BoundMethodObj {
    const KIND: ObjKind = ObjKind::BoundMethod;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

pub fn new_bound_method(func: Value, self_: Value) -> Value {
    alloc(BoundMethodObj { header: ObjHeader::new(ObjKind::BoundMethod), func, self_ })
}

/// A closure cell.
#[repr(C)]
pub struct CellObj {
    header: ObjHeader,
    pub value: ValueCell,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for CellObj {
    const KIND: ObjKind = ObjKind::Cell;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.value.traverse(visit);
    }
    fn clear(&self) {
        self.value.set(Value::NULL);
    }
}

pub fn new_cell(v: Value) -> Value {
    alloc(CellObj { header: ObjHeader::new(ObjKind::Cell), value: ValueCell::new(v) })
}
