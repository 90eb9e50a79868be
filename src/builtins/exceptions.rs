//! `BaseException`'s methods (inherited by the whole hierarchy).

use super::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__new__", exc_new),
        ("__init__", exc_init),
        ("__str__", exc_str),
        ("__repr__", exc_repr),
        ("with_traceback", with_traceback),
        ("add_note", add_note),
    ]
}

/// Keyword arguments some exception classes accept (name=, obj=, path=).
fn store_kwargs(vm: &mut Vm, e: &ExceptionObj, args: &Args) -> PyResult<()> {
    for (k, v) in args.kwargs() {
        match k {
            "name" | "obj" | "path" | "name_from" => {
                let key = vm.intern(k);
                e.dict().set_str(key, v.clone());
            }
            _ => {
                let cls = e.cls.as_type().expect("type").name();
                return Err(type_error(format!("{cls}() got an unexpected keyword argument '{k}'")));
            }
        }
    }
    Ok(())
}

fn exc_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let cls = pos.first().ok_or_else(|| type_error("BaseException.__new__(): not enough arguments"))?;
    if !crate::runtime::exceptions::is_exception_class(vm, cls) {
        return Err(type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    let mut cls = cls.clone();
    if cls.is_same(vm.exc_type(crate::error::ExcKind::OSError)) && pos.len() >= 3 {
        // OSError(errno, ...) makes the subclass for errno (CPython's errnomap).
        if let Some(n) = pos[1].as_int().and_then(|i| i.to_i64()) {
            cls = vm.exc_type(crate::runtime::exceptions::os_error_kind(n)).clone();
        }
    }
    let e = exception::new_exception(cls, tuple::new_tuple(pos[1..].to_vec()));
    Ok(e)
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let s = pos.first().ok_or_else(|| type_error("BaseException.__init__(): not enough arguments"))?;
    let e = s.downcast::<ExceptionObj>().ok_or_else(|| type_error("descriptor '__init__' requires a 'BaseException' object"))?;
    let takes_kw = vm.isinstance_kind(s, crate::error::ExcKind::AttributeError)
        || vm.isinstance_kind(s, crate::error::ExcKind::NameError)
        || vm.isinstance_kind(s, crate::error::ExcKind::ImportError);
    if args.has_kwargs() {
        if !takes_kw {
            return Err(type_error(format!("{}() takes no keyword arguments", e.cls.as_type().expect("type").name())));
        }
        store_kwargs(vm, e, &args)?;
    }
    e.args.set(tuple::new_tuple(pos[1..].to_vec()));
    if (4..=6).contains(&pos.len()) && vm.isinstance_kind(s, crate::error::ExcKind::OSError) {
        // OSError(errno, strerror, filename[, winerror[, filename2]]): args keep two.
        e.args.set(tuple::new_tuple(pos[1..3].to_vec()));
        let k = vm.intern("filename");
        e.dict().set_str(k, pos[3].clone());
        if let Some(f2) = pos.get(5) {
            let k = vm.intern("filename2");
            e.dict().set_str(k, f2.clone());
        }
    }
    if vm.isinstance_kind(s, crate::error::ExcKind::SyntaxError) {
        init_syntax_error(vm, e, &pos[1..])?;
    }
    Ok(Value::NONE)
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`.
fn init_syntax_error(vm: &mut Vm, e: &ExceptionObj, args: &[Value]) -> PyResult<()> {
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let key = vm.intern(k);
        e.dict().set_str(key, v);
    };
    if let Some(msg) = args.first() {
        set(vm, "msg", msg.clone());
    }
    if args.len() == 2 {
        let info = vm.collect(&args[1])?;
        if info.len() != 4 && info.len() != 6 {
            return Err(crate::error::PyErr::new(
                crate::error::ExcKind::IndexError,
                "tuple index out of range",
            ));
        }
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (name, v) in names.iter().zip(info) {
            set(vm, name, v);
        }
    }
    Ok(())
}

fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__str__", &args, 0, 0)?;
    if !s.is::<ExceptionObj>() {
        return vm.str(s);
    }
    let r = crate::runtime::exceptions::exception_str(vm, s)?;
    Ok(vm.str_from_string(r))
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__repr__", &args, 0, 0)?;
    let r = crate::runtime::exceptions::exception_repr(vm, s)?;
    Ok(vm.str_from_string(r))
}

fn with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("with_traceback", &args, 1, 1)?;
    if rest[0].is_none() {
        if let Some(e) = s.downcast::<ExceptionObj>() {
            e.traceback.borrow_mut().clear();
        }
    }
    Ok(s.clone())
}

fn add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("add_note", &args, 1, 1)?;
    if !rest[0].is::<StrObj>() {
        return Err(type_error(format!("note must be a str, not '{}'", vm.type_name(&rest[0]))));
    }
    let e = s.downcast::<ExceptionObj>().expect("exception");
    let key = vm.intern("__notes__");
    let notes = match e.dict().get_str(&key) {
        Some(n) => n,
        None => {
            let l = list::new_list(Vec::new());
            e.dict().set_str(key, l.clone());
            l
        }
    };
    if let Some(l) = notes.downcast::<ListObj>() {
        l.push(rest[0].clone());
    }
    Ok(Value::NONE)
}
