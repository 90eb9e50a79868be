//! Exceptions at run time: creation, `raise`, matching, chaining and tracebacks.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::class::Layout;
use crate::objects::exception::{new_exception, TraceEntry};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// A new exception instance of class `cls` with `args` (a tuple), without running
/// `__init__` (built-in raises).
pub fn make_exception(_vm: &mut Vm, cls: Value, args: Value) -> Value {
    new_exception(cls, args)
}

/// Is `v` an exception class?
pub fn is_exception_class(vm: &Vm, v: &Value) -> bool {
    let base = vm.exc_type(ExcKind::BaseException).as_type().expect("BaseException");
    v.as_type().is_some_and(|t| t.is_subtype_of(base))
}

pub fn is_exception_instance(v: &Value) -> bool {
    v.is::<ExceptionObj>()
}

/// Instantiates an exception class or accepts an instance (`raise X` / `raise X()`).
pub fn exception_from(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_exception_instance(&v) {
        return Ok(v);
    }
    if is_exception_class(vm, &v) {
        let e = vm.call(&v, &[])?;
        if !is_exception_instance(&e) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::runtime::call::callable_name(vm, &v).trim_end_matches("()"),
                vm.type_name(&e)
            )));
        }
        return Ok(e);
    }
    Err(type_error("exceptions must derive from BaseException"))
}

/// `raise exc [from cause]`.
pub fn do_raise(vm: &mut Vm, exc: Value, cause: Option<Value>) -> PyErr {
    let exc = match exception_from(vm, exc) {
        Ok(e) => e,
        Err(e) => return e,
    };
    if let Some(c) = cause {
        let cause = if c.is_none() {
            Value::NONE
        } else if is_exception_instance(&c) {
            c
        } else if is_exception_class(vm, &c) {
            match vm.call(&c, &[]) {
                Ok(v) => v,
                Err(e) => return e,
            }
        } else {
            return type_error("exception causes must derive from BaseException");
        };
        let e = exc.downcast::<ExceptionObj>().expect("exception");
        e.cause.set(cause);
        e.suppress_context.set(true);
    }
    set_context(vm, &exc);
    PyErr::Obj(exc)
}

/// Records the exception being handled as `exc.__context__` (breaking cycles), as
/// CPython does whenever an exception is raised.
pub fn set_context(vm: &mut Vm, exc: &Value) {
    let handled = vm.handled_exception();
    if handled.is_none() || handled.is_same(exc) {
        return;
    }
    // Avoid a cycle: if exc is already in handled's context chain, cut it there.
    let mut o = handled.clone();
    let mut steps = 0;
    while let Some(e) = o.downcast::<ExceptionObj>() {
        let next = e.context.get();
        if next.is_same(exc) {
            e.context.set(Value::NONE);
            break;
        }
        o = next;
        steps += 1;
        if steps > 10000 {
            break;
        }
    }
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        e.context.set(handled);
    }
}

/// CHECK_EXC_MATCH: does `exc` match an `except` clause's type (or tuple of types)?
pub fn exception_matches(vm: &mut Vm, exc: &Value, typ: &Value) -> PyResult<bool> {
    let check = |vm: &Vm, t: &Value| -> PyResult<()> {
        if !is_exception_class(vm, t) {
            return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        Ok(())
    };
    let et = vm.type_of(exc);
    let et = et.as_type().expect("type");
    if let Some(items) = typ.as_tuple() {
        for t in items {
            check(vm, t)?;
        }
        return Ok(items.iter().any(|t| t.as_type().is_some_and(|tt| et.is_subtype_of(tt))));
    }
    check(vm, typ)?;
    Ok(et.is_subtype_of(typ.as_type().expect("type")))
}

pub fn add_traceback(exc: &Value, code: Value, offset: u32) {
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        e.traceback.borrow_mut().push(TraceEntry { code, offset });
    }
}

/// The `__traceback__` value passed to `__exit__` and exposed on exceptions.
pub fn traceback_value(vm: &mut Vm, exc: &Value) -> Value {
    crate::runtime::traceback::traceback_object(vm, exc)
}

/// `StopIteration.value`.
pub fn stop_iteration_value(vm: &mut Vm, exc: &Value) -> Value {
    let Some(e) = exc.downcast::<ExceptionObj>() else { return Value::NONE };
    let key = vm.intern("value");
    if let Some(v) = e.dict().get_str(&key) {
        return v;
    }
    e.args_vec().into_iter().next().unwrap_or(Value::NONE)
}

/// `StopIteration(value)` as an object (what STOP_ITERATION events report); a None
/// value gives a bare `StopIteration()`, as CPython.
pub fn stop_iteration_object(vm: &mut Vm, v: Value) -> Value {
    let args = if v.is_none() { Vec::new() } else { vec![v] };
    vm.new_exception_of(ExcKind::StopIteration, tuple::new_tuple(args))
}

/// A StopIteration carrying a generator's return value.
pub fn stop_iteration_with(vm: &mut Vm, v: Value) -> PyErr {
    if v.is_none() {
        return PyErr::bare(ExcKind::StopIteration);
    }
    let exc = vm.new_exception_of(ExcKind::StopIteration, tuple::new_tuple(vec![v]));
    PyErr::Obj(exc)
}

/// `NameError: name 'x' is not defined` (with `name` set, for suggestions).
pub fn name_error(vm: &mut Vm, name: &Value) -> PyErr {
    let msg = format!("name '{}' is not defined", name.as_str().unwrap_or("?"));
    let exc = vm.new_error(ExcKind::NameError, tuple::new_tuple(vec![vm.str_from_string(msg)]));
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        let k = vm.intern("name");
        e.dict().set_str(k, name.clone());
    }
    crate::runtime::traceback::note_name_suggestion(vm, &exc, name.as_str().unwrap_or(""));
    PyErr::Obj(exc)
}

/// `str(exc)` for the traceback's last line (user `__str__` allowed).
pub fn exception_str_for_print(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    vm.str_string(exc)
}

/// `str(exc)`.
pub fn exception_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    if vm.isinstance_kind(exc, ExcKind::SyntaxError) {
        return syntax_error_str(vm, exc);
    }
    let e = exc.downcast::<ExceptionObj>().expect("exception");
    let args = e.args_vec();
    if args.len() == 2 && vm.isinstance_kind(exc, ExcKind::OSError) {
        // `[Errno 2] No such file or directory: 'x'` (CPython's OSError_str).
        let errno = vm.str_string(&args[0])?;
        let strerror = vm.str_string(&args[1])?;
        let filename = e.dict().get_str(&vm.intern("filename")).filter(|f| !f.is_none());
        return Ok(match filename {
            Some(f) => format!("[Errno {errno}] {strerror}: {}", vm.repr_string(&f)?),
            None => format!("[Errno {errno}] {strerror}"),
        });
    }
    let is_key_error = vm.isinstance_kind(exc, ExcKind::KeyError) && args.len() == 1;
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => vm.repr_string(&args[0]),
        1 => vm.str_string(&args[0]),
        _ => {
            let t = e.args.get();
            vm.repr_string(&t)
        }
    }
}

/// `str(SyntaxError)`: the message with "(file, line N)" (file as a base name).
fn syntax_error_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let msg = crate::runtime::exception_attrs::get(vm, exc, "msg")?.unwrap_or(Value::NONE);
    let msg = vm.str_string(&msg)?;
    let filename = crate::runtime::exception_attrs::get(vm, exc, "filename")?
        .and_then(|f| f.as_str().map(|s| s.rsplit('/').next().unwrap_or(s).to_string()));
    let lineno = crate::runtime::exception_attrs::get(vm, exc, "lineno")?.and_then(|l| l.as_int().and_then(|i| i.to_i64()));
    Ok(match (filename, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// `repr(exc)`: `ValueError('msg')`.
pub fn exception_repr(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let e = exc.downcast::<ExceptionObj>().expect("exception");
    let name = e.cls.as_type().expect("type").name();
    let args = e.args_vec();
    if args.len() == 1 {
        return Ok(format!("{name}({})", vm.repr_string(&args[0])?));
    }
    let t = e.args.get();
    let r = vm.repr_string(&t)?;
    Ok(format!("{name}{}", if args.is_empty() { "()".to_string() } else { r }))
}

/// The class line CPython prints: `ValueError`, `mymod.MyError` (not for `__main__`).
pub fn exception_type_label(vm: &mut Vm, exc: &Value) -> String {
    let cls = vm.type_of(exc);
    let t = cls.as_type().expect("type");
    let qual = t.qualname();
    let module = t.module.get();
    match module.as_str() {
        Some("__main__") | Some("builtins") | None => qual,
        Some(m) => format!("{m}.{qual}"),
    }
}

/// Is this exception class one whose instances are `ExceptionObj`s?
pub fn class_is_exception_layout(cls: &Value) -> bool {
    cls.as_type().is_some_and(|t| t.layout == Layout::Exception)
}

pub fn exc_of_kind(v: &Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Exception))
}

/// The `OSError` subclass CPython picks for an errno (`OSError(2, ...)` is a
/// `FileNotFoundError`).
pub fn os_error_kind(errno: i64) -> ExcKind {
    match errno {
        2 => ExcKind::FileNotFoundError,
        1 | 13 => ExcKind::PermissionError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        _ => ExcKind::OSError,
    }
}

/// An `OSError` for `errno`, as CPython raises from a failed system call on `filename`:
/// args `(errno, strerror)`, `filename` an attribute.
pub fn os_error(vm: &mut Vm, errno: i32, strerror: Value, filename: Value) -> PyErr {
    let args = tuple::new_tuple(vec![Value::small_int(errno as i64), strerror]);
    let exc = vm.new_error(os_error_kind(errno as i64), args);
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        let k = vm.intern("filename");
        e.dict().set_str(k, filename);
    }
    PyErr::Obj(exc)
}

/// The C library's text for an errno (Rust's message without " (os error N)").
pub fn errno_text(errno: i32, e: &std::io::Error) -> String {
    let s = e.to_string();
    let suffix = format!(" (os error {errno})");
    s.strip_suffix(&suffix).unwrap_or(&s).to_string()
}
