//! Computed attributes of exception instances (`args`, `__cause__`, `value`, `code`...).

use crate::error::{type_error, ExcKind, PyResult};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn get(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let e = obj.downcast::<ExceptionObj>().expect("exception");
    let args = || e.args_vec();
    Ok(Some(match name {
        "args" => e.args.get(),
        "__cause__" => e.cause.get(),
        "__context__" => e.context.get(),
        "__suppress_context__" => Value::bool(e.suppress_context.get()),
        "__traceback__" => {
            if e.traceback.borrow().is_empty() {
                Value::NONE
            } else {
                crate::runtime::traceback::traceback_object(vm, obj)
            }
        }
        "__dict__" => e.dict.clone(),
        "value" if vm.isinstance_kind(obj, ExcKind::StopIteration) => args().into_iter().next().unwrap_or(Value::NONE),
        "code" if vm.isinstance_kind(obj, ExcKind::SystemExit) => {
            let a = args();
            match a.len() {
                0 => Value::NONE,
                1 => a[0].clone(),
                _ => e.args.get(),
            }
        }
        "errno" | "strerror" if vm.isinstance_kind(obj, ExcKind::OSError) => {
            let a = args();
            if a.len() >= 2 {
                if name == "errno" { a[0].clone() } else { a[1].clone() }
            } else {
                Value::NONE
            }
        }
        "filename" | "filename2" if vm.isinstance_kind(obj, ExcKind::OSError) => {
            e.dict().get_str(&vm.intern(name)).unwrap_or(Value::NONE)
        }
        "name" | "obj" | "path" | "msg" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" | "filename" => {
            if let Some(v) = e.dict().get_str(&vm.intern(name)) {
                v
            } else if matches!(name, "name" | "obj")
                && (vm.isinstance_kind(obj, ExcKind::NameError) || vm.isinstance_kind(obj, ExcKind::AttributeError)
                    || vm.isinstance_kind(obj, ExcKind::ImportError))
            {
                Value::NONE
            } else if name == "msg" && vm.isinstance_kind(obj, ExcKind::SyntaxError) {
                args().into_iter().next().unwrap_or(Value::NONE)
            } else {
                return Ok(None);
            }
        }
        _ => return Ok(None),
    }))
}

pub fn set(vm: &mut Vm, obj: &Value, name: &str, value: &Value) -> PyResult<bool> {
    let e = obj.downcast::<ExceptionObj>().expect("exception");
    match name {
        "args" => {
            let items = vm.collect(value)?;
            e.args.set(tuple::new_tuple(items));
        }
        "__cause__" => {
            if !value.is_none() && !value.is::<ExceptionObj>() {
                return Err(type_error("exception cause must be None or derive from BaseException"));
            }
            e.cause.set(value.clone());
            e.suppress_context.set(true);
        }
        "__context__" => {
            if !value.is_none() && !value.is::<ExceptionObj>() {
                return Err(type_error("exception context must be None or derive from BaseException"));
            }
            e.context.set(value.clone());
        }
        "__suppress_context__" => {
            let b = vm.truthy(value)?;
            e.suppress_context.set(b);
        }
        "__traceback__" => {
            if value.is_none() {
                e.traceback.borrow_mut().clear();
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
