//! Calling any callable from Rust: functions, natives, bound methods, classes, and
//! instances with `__call__`.

use crate::error::{type_error, PyResult};
use crate::object::ObjKind;
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Calls `f` with positional arguments.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_args(f, Args::new(args))
    }

    /// Calls `f` with positional and keyword arguments.
    pub fn call_args(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match f.kind() {
            Some(ObjKind::Function) => crate::interp::call::call_function(self, f, args),
            Some(ObjKind::NativeFunction) => {
                let n = f.downcast::<NativeFunctionObj>().expect("native");
                if n.bound.is_null() {
                    if args.values.first().is_some_and(|s| s.is::<InstanceObj>()) {
                        return self.call_native_on_subclass(n, args);
                    }
                    (n.func)(self, args)
                } else {
                    let mut v = Vec::with_capacity(args.values.len() + 1);
                    v.push(n.bound.clone());
                    v.extend_from_slice(args.values);
                    if n.bound.is::<InstanceObj>() {
                        return self.call_native_on_subclass(n, Args::with_kw(&v, args.kwnames));
                    }
                    (n.func)(self, Args::with_kw(&v, args.kwnames))
                }
            }
            Some(ObjKind::BoundMethod) => {
                let m = f.downcast::<BoundMethodObj>().expect("method");
                let mut v = Vec::with_capacity(args.values.len() + 1);
                v.push(m.self_.clone());
                v.extend_from_slice(args.values);
                let func = m.func.clone();
                self.call_args(&func, Args::with_kw(&v, args.kwnames))
            }
            Some(ObjKind::Type) => crate::runtime::classes::call_type(self, f, args),
            _ => {
                if let Some(o) = f.downcast::<crate::objects::OpaqueObj>() {
                    let call = o.data.try_borrow().ok().and_then(|d| d.native_call());
                    if let Some(call) = call {
                        return call(self, f, args);
                    }
                }
                if crate::runtime::ops::is_user_object(f) {
                    let name = self.names.dunder_call.clone();
                    if let Some(m) = self.lookup_special(f, &name) {
                        let mut v = Vec::with_capacity(args.values.len() + 1);
                        v.push(f.clone());
                        v.extend_from_slice(args.values);
                        return self.call_args(&m, Args::with_kw(&v, args.kwnames));
                    }
                }
                Err(type_error(format!("'{}' object is not callable", self.type_name(f))))
            }
        }
    }

    /// Calls a built-in method whose receiver is an instance of a user class. For an
    /// instance of a subclass of the method's own type (`class L(list)`), the method works
    /// on the built-in object holding the contents (`InstanceObj::builtin`), as CPython's
    /// C methods work on the subclass instance's base part; operator methods also take a
    /// subclass instance as their other operand that way (`int.__add__(1, MyInt(2))`).
    /// dict and tuple methods unwrap their receiver themselves (`dict.__getitem__` needs
    /// the instance, for `__missing__`).
    fn call_native_on_subclass(&mut self, n: &NativeFunctionObj, args: Args) -> PyResult<Value> {
        let receiver = &args.values[0];
        let inner = crate::objects::class::builtin_value(receiver);
        let unwraps = matches!(n.owner, "int" | "float" | "str" | "list" | "set" | "frozenset")
            && !inner.is_same(receiver)
            && self.type_ref(inner).as_type().is_some_and(|t| t.name.get().as_str() == Some(n.owner))
            // set's repr names the subclass: `S({1})`.
            && !(n.name == "__repr__" && matches!(n.owner, "set" | "frozenset"));
        if !unwraps {
            return (n.func)(self, args);
        }
        let inner = inner.clone();
        let mut v = args.values.to_vec();
        v[0] = inner.clone();
        if v.len() == 2 && unwraps_operand(n.owner, n.name) {
            v[1] = crate::objects::class::builtin_value(&v[1]).clone();
        }
        let r = (n.func)(self, Args::with_kw(&v, args.kwnames))?;
        // In-place operators return self: the instance, not its contents.
        if r.is_same(&inner) && n.name.starts_with("__i") && crate::runtime::arith::is_inplace_dunder(n.name) {
            return Ok(args.values[0].clone());
        }
        Ok(r)
    }

    /// Calls a value found on a type as a method of `self_` (functions get `self_`
    /// prepended; other descriptors are bound first).
    pub fn call_method_value(&mut self, m: &Value, self_: &Value, args: &[Value]) -> PyResult<Value> {
        match m.kind() {
            // No extra arguments (`__next__`, `__len__`, `__repr__`...): no vector.
            Some(ObjKind::Function) | Some(ObjKind::NativeFunction) if args.is_empty() => {
                self.call(m, std::slice::from_ref(self_))
            }
            // One or two (`__getitem__`, `__setitem__`, binary operators): on the stack.
            Some(ObjKind::Function) | Some(ObjKind::NativeFunction) if args.len() <= 2 => {
                let mut v = [self_.clone(), Value::NULL, Value::NULL];
                v[1..=args.len()].clone_from_slice(args);
                self.call(m, &v[..=args.len()])
            }
            Some(ObjKind::Function) | Some(ObjKind::NativeFunction) => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(self_.clone());
                v.extend_from_slice(args);
                self.call(m, &v)
            }
            Some(ObjKind::StaticMethod) => {
                let f = m.downcast::<StaticMethodObj>().expect("sm").func.clone();
                self.call(&f, args)
            }
            Some(ObjKind::ClassMethod) => {
                let f = m.downcast::<ClassMethodObj>().expect("cm").func.clone();
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(self.type_of(self_));
                v.extend_from_slice(args);
                self.call(&f, &v)
            }
            _ => self.call(m, args),
        }
    }

    /// Calls method `name` of `obj`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (f, s) = self.load_method(obj, &n)?;
        match s {
            Some(s) => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(s);
                v.extend_from_slice(args);
                self.call(&f, &v)
            }
            None => self.call(&f, args),
        }
    }

    pub fn is_callable(&mut self, v: &Value) -> bool {
        match v.kind() {
            Some(ObjKind::Function | ObjKind::NativeFunction | ObjKind::BoundMethod | ObjKind::Type) => true,
            _ if crate::runtime::ops::is_user_object(v) => {
                let name = self.names.dunder_call.clone();
                self.lookup_special(v, &name).is_some()
            }
            _ => false,
        }
    }
}

/// How CPython names a callable in argument errors (`_PyObject_FunctionStr`):
/// `__main__.f()`, `A.m()` for built-in modules' classes, `print()`.
pub fn callable_name(vm: &mut Vm, c: &Value) -> String {
    let qualname = match c.kind() {
        Some(ObjKind::Function) => c.downcast::<FunctionObj>().expect("f").qualname.get().as_str().unwrap_or("?").to_string(),
        Some(ObjKind::BoundMethod) => {
            let f = c.downcast::<BoundMethodObj>().expect("m").func.clone();
            return callable_name(vm, &f);
        }
        Some(ObjKind::NativeFunction) => c.downcast::<NativeFunctionObj>().expect("n").qualname(),
        Some(ObjKind::Type) => c.as_type().expect("type").qualname(),
        _ => return format!("{} object", vm.type_name(c)),
    };
    let module = match c.kind() {
        Some(ObjKind::Function) => c.downcast::<FunctionObj>().expect("f").module.get(),
        Some(ObjKind::Type) => c.as_type().expect("type").module.get(),
        _ => Value::NONE,
    };
    match module.as_str() {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// Whether a built-in type's method `name` takes an instance of a subclass of a built-in
/// type as its operand by its contents: the operators and comparisons (not `str % x`,
/// which formats the object itself), and `str.__contains__`, whose operand must be a str.
fn unwraps_operand(owner: &str, name: &str) -> bool {
    match name {
        "__mod__" | "__rmod__" => owner != "str",
        "__contains__" => owner == "str",
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__divmod__" | "__rdivmod__" => true,
        _ => crate::runtime::arith::is_operator_dunder(name),
    }
}
