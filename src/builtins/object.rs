//! `object`: the root class's methods (the defaults every class inherits).

use super::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("__new__", object_new),
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__getattribute__", object_getattribute),
        ("__format__", object_format),
        ("__init_subclass__", object_init_subclass),
        ("__lt__", not_implemented),
        ("__le__", not_implemented),
        ("__gt__", not_implemented),
        ("__ge__", not_implemented),
    ]
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos().first().ok_or_else(|| type_error("object.__new__(): not enough arguments"))?;
    if !cls.is::<crate::objects::TypeObj>() {
        return Err(type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    crate::runtime::classes::new_object(vm, cls)
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() > 1 || args.has_kwargs() {
        let t = vm.type_of(&pos[0]);
        let t = t.as_type().expect("type");
        let init = vm.names.dunder_init.clone();
        let overrides_init = vm.lookup_type_attr(t, &init).is_some_and(|i| !i.is_same(&vm.object_init));
        if overrides_init {
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        return Err(type_error(format!("{}() takes no arguments", t.name())));
    }
    Ok(Value::NONE)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__repr__", &args, 0, 0)?;
    if s.is::<crate::objects::ExceptionObj>() {
        let r = crate::runtime::exceptions::exception_repr(vm, s)?;
        return Ok(vm.str_from_string(r));
    }
    let r = crate::runtime::repr::default_repr(vm, s);
    Ok(vm.str_from_string(r))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__str__", &args, 0, 0)?;
    if crate::runtime::ops::is_user_object(s) {
        return crate::runtime::repr::repr_value(vm, s);
    }
    vm.repr(s)
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__eq__", &args, 1, 1)?;
    Ok(if s.is_same(&rest[0]) { Value::TRUE } else { Value::NOT_IMPLEMENTED })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__ne__", &args, 1, 1)?;
    let r = vm.rich_compare(s, &rest[0], crate::runtime::ops::CmpOp::Eq)?;
    if r.is_not_implemented() {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(&r)?))
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__hash__", &args, 0, 0)?;
    Ok(Value::int(crate::runtime::ops::identity_hash(s)))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__setattr__", &args, 2, 2)?;
    let name = vm.intern_value(&rest[0]);
    match crate::runtime::attr::instance_dict(s) {
        Some(d) => {
            d.set_str(name, rest[1].clone());
            Ok(Value::NONE)
        }
        None => {
            vm.setattr(s, &name, rest[1].clone())?;
            Ok(Value::NONE)
        }
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__delattr__", &args, 1, 1)?;
    let name = vm.intern_value(&rest[0]);
    match crate::runtime::attr::instance_dict(s) {
        Some(d) if d.remove_str(&name).is_some() => Ok(Value::NONE),
        _ => {
            vm.delattr(s, &name)?;
            Ok(Value::NONE)
        }
    }
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getattribute__", &args, 1, 1)?;
    let name = vm.intern_value(&rest[0]);
    vm.getattr(s, &name)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__format__", &args, 1, 1)?;
    let spec = argparse::str_arg(vm, &rest[0], "format spec")?;
    if !spec.is_empty() {
        return Err(type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(s))));
    }
    vm.str(s)
}

/// `object.__init_subclass__(cls)`: the end of the chain of `__init_subclass__` calls,
/// where any class keyword nobody consumed is an error.
fn object_init_subclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        let cls = args.pos().first().and_then(|c| c.as_type()).map_or_else(|| "object".to_string(), |t| t.name());
        return Err(crate::error::type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::NONE)
}

fn not_implemented(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}
