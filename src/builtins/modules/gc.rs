//! The `gc` module: the cycle collector's switches.

use crate::builtins::argparse;
use crate::error::PyResult;
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
fn collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::range("collect", &args, 0, 1)?;
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
