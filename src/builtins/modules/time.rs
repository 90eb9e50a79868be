//! The `time` module.

use crate::builtins::argparse;
use crate::error::{value_error, PyResult};
use crate::objects::func::Args;
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", process_time),
        ("time", time),
        ("time_ns", time_ns),
        ("sleep", sleep),
    ]);
}

thread_local! {
    static EPOCH: Instant = Instant::now();
}

fn elapsed() -> std::time::Duration {
    EPOCH.with(|e| e.elapsed())
}

fn perf_counter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("perf_counter", &args, 0)?;
    Ok(Value::float(elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("perf_counter_ns", &args, 0)?;
    Ok(Value::int_from_i128(elapsed().as_nanos() as i128))
}

fn process_time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("process_time", &args, 0)?;
    Ok(Value::float(elapsed().as_secs_f64()))
}

fn time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("time", &args, 0)?;
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    Ok(Value::float(d.as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("time_ns", &args, 0)?;
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    Ok(Value::int_from_i128(d.as_nanos() as i128))
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("sleep", &args, 1)?;
    if a[0].as_int().is_none() && a[0].as_float().is_none() && !crate::runtime::ops::is_user_object(&a[0]) {
        return Err(crate::error::type_error(format!("'{}' object cannot be interpreted as an integer or float", vm.type_name(&a[0]))));
    }
    let secs = crate::builtins::float::to_float(vm, &a[0])?;
    if secs < 0.0 || secs.is_nan() {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.stdout.flush();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::NONE)
}
