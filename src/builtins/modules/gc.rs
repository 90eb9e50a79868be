//! The `gc` module: the cycle collector's switches.

use crate::builtins::argparse;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::objects::func::Args;
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[("collect", collect), ("enable", enable), ("disable", disable), ("isenabled", isenabled)]);
}

/// `gc.collect()`: a full collection, with the finalizers of unreachable objects run
/// before they are freed (PEP 442); returns how many objects were unreachable. Called
/// by a finalizer that a collection runs, it returns 0 at once, as in CPython.
/// Every generation is collected in full: monjit's collector has one generation, so
/// `generation` is only checked.
fn collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [generation] = crate::builtins::str::bind_params(&args, args.pos(), "collect", ["generation"], 0)?;
    if let Some(g) = generation {
        let g = argparse::int_arg(vm, g).map_err(|e| match e {
            PyErr::Msg { kind: ExcKind::OverflowError, .. } => PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int"),
            e => e,
        })?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::new(ExcKind::ValueError, "invalid generation"));
        }
    }
    if crate::gc::is_collecting() {
        return Ok(Value::small_int(0));
    }
    vm.run_pending_finalizers();
    let n = crate::gc::collect_all();
    vm.run_pending_finalizers();
    Ok(Value::int(n as i64))
}

fn enable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("enable", &args, 0)?;
    crate::gc::set_enabled(true);
    Ok(Value::NONE)
}

fn disable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("disable", &args, 0)?;
    crate::gc::set_enabled(false);
    Ok(Value::NONE)
}

fn isenabled(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("isenabled", &args, 0)?;
    Ok(Value::bool(crate::gc::is_enabled()))
}
