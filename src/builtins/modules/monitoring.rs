//! `sys.monitoring`: the Python face of [`crate::monitoring`], with CPython's
//! argument handling and error messages.

use crate::builtins::argparse;
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::monitoring::{api, events::*};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// Builds the `sys.monitoring` namespace (a module object, as CPython's).
pub fn create(vm: &mut Vm) -> Value {
    let d = dict::new_dict();
    let dd = d.downcast::<DictObj>().expect("dict");
    let name = vm.intern("sys.monitoring");
    dd.set_str(vm.names.dunder_name.clone(), name.clone());
    dd.set_str(vm.names.dunder_doc.clone(), Value::NONE);
    super::add_functions(vm, dd, &[
        ("use_tool_id", use_tool_id),
        ("clear_tool_id", clear_tool_id),
        ("free_tool_id", free_tool_id),
        ("get_tool", get_tool),
        ("register_callback", register_callback),
        ("get_events", get_events),
        ("set_events", set_events),
        ("get_local_events", get_local_events),
        ("set_local_events", set_local_events),
        ("restart_events", restart_events),
    ]);
    for (n, id) in [("DEBUGGER_ID", 0), ("COVERAGE_ID", 1), ("PROFILER_ID", 2), ("OPTIMIZER_ID", 5)] {
        super::add_value(vm, dd, n, Value::small_int(id));
    }
    // Events: a namespace of their bit values.
    let ed = dict::new_dict();
    let edd = ed.downcast::<DictObj>().expect("dict");
    let ename = vm.intern("sys.monitoring.events");
    edd.set_str(vm.names.dunder_name.clone(), ename.clone());
    for (e, n) in NAMES.iter().enumerate() {
        super::add_value(vm, edd, n, Value::small_int(1 << e));
    }
    super::add_value(vm, edd, "NO_EVENTS", Value::small_int(0));
    super::add_value(vm, dd, "events", module::new_module(ename, ed.clone()));
    if vm.monitoring.disable.is_null() {
        vm.monitoring.disable = crate::objects::class::new_instance(vm.types.object.clone());
        vm.monitoring.missing = crate::objects::class::new_instance(vm.types.object.clone());
    }
    super::add_value(vm, dd, "DISABLE", vm.monitoring.disable.clone());
    super::add_value(vm, dd, "MISSING", vm.monitoring.missing.clone());
    module::new_module(name, d.clone())
}

/// Argument Clinic's positional-only check ("f expected 2 arguments, got 1").
fn positional<'a>(name: &str, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    let a = args.pos();
    if a.len() != n {
        return Err(type_error(format!("{name} expected {n} arguments, got {}", a.len())));
    }
    Ok(a)
}

/// A METH_O function's check.
fn one<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    no_kwargs(name, args)?;
    match args.pos() {
        [a] => Ok(a),
        a => Err(type_error(format!("sys.monitoring.{name}() takes exactly one argument ({} given)", a.len()))),
    }
}

fn no_kwargs(name: &str, args: &Args) -> PyResult<()> {
    if args.kwargs().next().is_some() {
        return Err(type_error(format!("sys.monitoring.{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// A C `int` argument.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    match argparse::int_arg(vm, v) {
        Ok(i) if i32::try_from(i).is_ok() => Ok(i),
        Ok(_) => Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int")),
        Err(e) if vm.error_is(&e, ExcKind::OverflowError) => {
            Err(PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"))
        }
        Err(e) => Err(e),
    }
}

fn use_tool_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional("use_tool_id", &args, 2)?;
    let tool = c_int(vm, &a[0])?;
    api::use_tool_id_value(vm, tool, a[1].clone())?;
    Ok(Value::NONE)
}

fn clear_tool_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("clear_tool_id", &args)?;
    let tool = c_int(vm, a)?;
    vm.clear_tool_id(tool)?;
    Ok(Value::NONE)
}

fn free_tool_id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("free_tool_id", &args)?;
    let tool = c_int(vm, a)?;
    vm.free_tool_id(tool)?;
    Ok(Value::NONE)
}

fn get_tool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("get_tool", &args)?;
    let tool = c_int(vm, a)?;
    Ok(vm.get_tool(tool)?.unwrap_or(Value::NONE))
}

fn register_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional("register_callback", &args, 3)?;
    let tool = api::check_valid_tool(c_int(vm, &a[0])?)?;
    let ev = api::event_id(c_int(vm, &a[1])?)?;
    let cb = (!a[2].is_none()).then(|| crate::monitoring::Callback::Python(a[2].clone()));
    Ok(api::register(vm, tool, ev, cb).unwrap_or(Value::NONE))
}

fn get_events(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("get_events", &args)?;
    let tool = c_int(vm, a)?;
    Ok(Value::int(vm.get_events(tool)?.bits() as i64))
}

fn set_events(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional("set_events", &args, 2)?;
    let tool = c_int(vm, &a[0])?;
    let set = c_int(vm, &a[1])?;
    api::set_events_raw(vm, tool, set)?;
    Ok(Value::NONE)
}

fn get_local_events(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional("get_local_events", &args, 2)?;
    let tool = c_int(vm, &a[0])?;
    Ok(Value::int(vm.get_local_events(tool, &a[1])?.bits() as i64))
}

fn set_local_events(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = positional("set_local_events", &args, 3)?;
    let tool = c_int(vm, &a[0])?;
    let set = c_int(vm, &a[2])?;
    api::set_local_events_raw(vm, tool, &a[1], set)?;
    Ok(Value::NONE)
}

fn restart_events(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("restart_events", &args)?;
    if !args.pos().is_empty() {
        return Err(type_error(format!("sys.monitoring.restart_events() takes no arguments ({} given)", args.pos().len())));
    }
    vm.restart_events();
    Ok(Value::NONE)
}
