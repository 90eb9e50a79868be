//! Attributes that built-in objects compute rather than store: `__class__`,
//! `__name__`, `__code__`, `co_name`, `args`, `start`... (CPython's getset descriptors).

use crate::error::{type_error, PyResult};
use crate::interp::generator::{GenState, GeneratorObj};
use crate::object::ObjKind;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

fn str_tuple(vm: &mut Vm, items: &[Value]) -> Value {
    let _ = vm;
    tuple::new_tuple(items.to_vec())
}

/// Computed attributes of instances of built-in types; None when `name` is not one.
pub fn get(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(n) = name.as_str() else { return Ok(None) };
    if n == "__class__" {
        return Ok(Some(vm.type_of(obj)));
    }
    let v = match obj.kind() {
        Some(ObjKind::Function) => {
            let f = obj.downcast::<FunctionObj>().expect("function");
            match n {
                "__name__" => f.name.get(),
                "__qualname__" => f.qualname.get(),
                "__code__" => f.code.clone(),
                "__globals__" => f.globals.clone(),
                "__module__" => f.module.get(),
                "__doc__" => f.doc.get(),
                "__defaults__" => null_to_none(f.defaults.get()),
                "__kwdefaults__" => null_to_none(f.kwdefaults.get()),
                "__closure__" => null_to_none(f.closure.get()),
                "__annotations__" => dict::new_dict(),
                "__dict__" => function_dict(f),
                "__type_params__" => vm.empty_tuple(),
                _ => {
                    let d = f.dict.get();
                    return Ok(d.downcast::<DictObj>().and_then(|d| d.get_str(name)));
                }
            }
        }
        Some(ObjKind::BoundMethod) => {
            let m = obj.downcast::<BoundMethodObj>().expect("method");
            match n {
                "__self__" => m.self_.clone(),
                "__func__" => m.func.clone(),
                _ => {
                    let f = m.func.clone();
                    return vm.getattr_opt(&f, name);
                }
            }
        }
        Some(ObjKind::NativeFunction) => {
            let f = obj.downcast::<NativeFunctionObj>().expect("native");
            match n {
                "__name__" => vm.new_str(f.name),
                "__qualname__" => vm.str_from_string(f.qualname()),
                "__self__" => if f.bound.is_null() { Value::NONE } else { f.bound.clone() },
                "__module__" => if f.owner.is_empty() { vm.new_str("builtins") } else { Value::NONE },
                "__doc__" => Value::NONE,
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Code) => {
            let c = obj.downcast::<CodeObj>().expect("code");
            match n {
                "co_name" => c.name.clone(),
                "co_qualname" => c.qualname.clone(),
                "co_filename" => c.filename.clone(),
                "co_firstlineno" => Value::int(c.firstlineno as i64),
                "co_argcount" => Value::int(c.argcount as i64),
                "co_posonlyargcount" => Value::int(c.posonlyargcount as i64),
                "co_kwonlyargcount" => Value::int(c.kwonlyargcount as i64),
                "co_flags" => Value::int(c.flags.bits() as i64),
                "co_stacksize" => Value::int(c.stacksize as i64),
                "co_nlocals" => Value::int(c.nlocals as i64),
                "co_consts" => str_tuple(vm, &c.consts),
                "co_names" => str_tuple(vm, &c.names),
                "co_varnames" => locals_of_kind(c, |k| k & crate::bytecode::LOCALS_KIND_LOCAL != 0 || k & crate::bytecode::LOCALS_KIND_ARG != 0),
                "co_cellvars" => locals_of_kind(c, |k| k & crate::bytecode::LOCALS_KIND_CELL != 0),
                "co_freevars" => locals_of_kind(c, |k| k & crate::bytecode::LOCALS_KIND_FREE != 0),
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Exception) => return crate::runtime::exception_attrs::get(vm, obj, n),
        Some(ObjKind::Module) => {
            let m = obj.downcast::<ModuleObj>().expect("module");
            match n {
                "__dict__" => m.dict.clone(),
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Instance) => match n {
            // Instances of a class with __slots__ all the way up have no __dict__ (their
            // slot values live in a dict the program cannot see).
            "__dict__" if vm.type_ref(obj).as_type().is_some_and(|t| t.slots.borrow().is_some()) => return Ok(None),
            "__dict__" => obj.downcast::<InstanceObj>().expect("instance").dict.clone(),
            _ => return Ok(None),
        },
        Some(ObjKind::Opaque) => match n {
            "__dict__" if !obj.downcast::<OpaqueObj>().expect("opaque").dict.is_null() => {
                obj.downcast::<OpaqueObj>().expect("opaque").dict.clone()
            }
            _ => return Ok(None),
        },
        Some(ObjKind::Range) => {
            let r = obj.downcast::<RangeObj>().expect("range");
            match n {
                "start" => r.start_value(),
                "stop" => r.stop_value(),
                "step" => r.step_value(),
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Slice) => {
            let s = obj.downcast::<SliceObj>().expect("slice");
            match n {
                "start" => s.start.clone(),
                "stop" => s.stop.clone(),
                "step" => s.step.clone(),
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Property) => {
            let p = obj.downcast::<PropertyObj>().expect("property");
            match n {
                "fget" => null_to_none(p.fget.clone()),
                "fset" => null_to_none(p.fset.clone()),
                "fdel" => null_to_none(p.fdel.clone()),
                "__doc__" => p.doc.get(),
                _ => return Ok(None),
            }
        }
        Some(ObjKind::StaticMethod) => match n {
            "__func__" | "__wrapped__" => obj.downcast::<StaticMethodObj>().expect("sm").func.clone(),
            _ => return Ok(None),
        },
        Some(ObjKind::ClassMethod) => match n {
            "__func__" | "__wrapped__" => obj.downcast::<ClassMethodObj>().expect("cm").func.clone(),
            _ => return Ok(None),
        },
        Some(ObjKind::Generator) => {
            let g = obj.downcast::<GeneratorObj>().expect("generator");
            match n {
                "__name__" => g.name.get(),
                "__qualname__" => g.qualname.get(),
                "gi_code" => g.code.clone(),
                "gi_running" => Value::bool(g.state() == GenState::Running),
                "gi_suspended" => Value::bool(g.state() == GenState::Suspended),
                "gi_frame" => Value::NONE,
                "gi_yieldfrom" => Value::NONE,
                _ => return Ok(None),
            }
        }
        Some(ObjKind::Cell) => match n {
            "cell_contents" => {
                let v = obj.downcast::<CellObj>().expect("cell").value.get();
                if v.is_null() {
                    return Err(crate::error::PyErr::new(crate::error::ExcKind::ValueError, "Cell is empty"));
                }
                v
            }
            _ => return Ok(None),
        },
        Some(ObjKind::DictView) => match n {
            "mapping" => obj.downcast::<DictViewObj>().expect("view").dict.clone(),
            _ => return Ok(None),
        },
        Some(ObjKind::Super) => return Ok(None),
        None if obj.is_small_int() || obj.is_bool() => match n {
            "real" | "numerator" => Value::int(obj.as_int().expect("int").to_i64().unwrap_or(0)),
            "imag" => Value::small_int(0),
            "denominator" => Value::small_int(1),
            _ => return Ok(None),
        },
        Some(ObjKind::BigInt) => match n {
            "real" | "numerator" => obj.clone(),
            "imag" => Value::small_int(0),
            "denominator" => Value::small_int(1),
            _ => return Ok(None),
        },
        None if obj.is_float() => match n {
            "real" => obj.clone(),
            "imag" => Value::float(0.0),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(v))
}

fn null_to_none(v: Value) -> Value {
    if v.is_null() { Value::NONE } else { v }
}

fn function_dict(f: &FunctionObj) -> Value {
    let d = f.dict.get();
    if !d.is_null() {
        return d;
    }
    let d = dict::new_dict();
    f.dict.set(d.clone());
    d
}

fn locals_of_kind(c: &CodeObj, pred: impl Fn(u8) -> bool) -> Value {
    let names: Vec<Value> = c.localsplus_names.iter().zip(c.localsplus_kinds.iter())
        .filter(|(_, k)| pred(**k)).map(|(n, _)| n.clone()).collect();
    tuple::new_tuple(names)
}

/// Assigns computed attributes of built-in objects; Ok(false) when `name` is not one.
pub fn set(vm: &mut Vm, obj: &Value, name: &Value, value: &Value) -> PyResult<bool> {
    let Some(n) = name.as_str() else { return Ok(false) };
    match obj.kind() {
        Some(ObjKind::Function) => {
            let f = obj.downcast::<FunctionObj>().expect("function");
            match n {
                "__name__" => {
                    if !value.is::<StrObj>() {
                        return Err(type_error("__name__ must be set to a string object"));
                    }
                    f.name.set(value.clone())
                }
                "__qualname__" => f.qualname.set(value.clone()),
                "__doc__" => f.doc.set(value.clone()),
                "__module__" => f.module.set(value.clone()),
                "__defaults__" => f.defaults.set(if value.is_none() { Value::NULL } else { value.clone() }),
                "__kwdefaults__" => f.kwdefaults.set(if value.is_none() { Value::NULL } else { value.clone() }),
                "__code__" => return Err(type_error("monjit does not support replacing __code__")),
                _ => {
                    let d = function_dict(f);
                    d.downcast::<DictObj>().expect("dict").set_str(name.clone(), value.clone());
                }
            }
            Ok(true)
        }
        Some(ObjKind::Exception) => crate::runtime::exception_attrs::set(vm, obj, n, value),
        _ => Ok(false),
    }
}

/// Computed attributes of classes (`__name__`, `__mro__`, `__dict__`...).
pub fn type_attr(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(n) = name.as_str() else { return Ok(None) };
    let t = cls.as_type().expect("type");
    Ok(Some(match n {
        "__name__" => t.name.get(),
        "__qualname__" => t.qualname.get(),
        "__module__" => {
            if let Some(m) = t.dict().get_str(name) {
                m
            } else {
                t.module.get()
            }
        }
        "__mro__" => tuple::new_tuple(t.mro()),
        "__bases__" => tuple::new_tuple(t.bases().to_vec()),
        "__base__" => if t.base.is_null() { Value::NONE } else { t.base.clone() },
        "__dict__" => t.dict().copy(),
        "__class__" => vm.type_of(cls),
        "__doc__" => t.dict().get_str(name).unwrap_or(Value::NONE),
        _ => return Ok(None),
    }))
}
