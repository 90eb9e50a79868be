//! A native (Rust) profiler tool that counts PY_START and PY_RETURN events: what
//! `monjit run --native-tool profiler` installs. It is how the benchmarks measure
//! the cost of an event delivered to a Rust closure (monitoring mode 6), and a
//! worked example of `Vm::register_native_callback`.
//!
//! `install` claims `sys.monitoring.PROFILER_ID` and registers the callbacks but
//! sets no events: the program chooses when to watch with
//! `sys.monitoring.set_events(2, E.PY_START | E.PY_RETURN)`, as it would for any
//! tool. It also adds the module `_monjit_counting_tool` with `count()` and
//! `reset()`, so a program can read the count around the part it times.

use super::events::{PY_RETURN, PY_START};
use crate::builtins::argparse;
use crate::error::PyResult;
use crate::objects::func::Args;
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// The module a program imports to read the count.
pub const MODULE: &str = "_monjit_counting_tool";

/// `sys.monitoring.PROFILER_ID`.
const TOOL: i64 = 2;

thread_local! {
    // The VM is single-threaded; the count lives beside it so the module's plain
    // native functions can read it.
    static COUNT: Cell<u64> = const { Cell::new(0) };
}

/// Events counted since the last reset.
pub fn count() -> u64 {
    COUNT.with(Cell::get)
}

/// Claims the profiler tool id, registers the counting callbacks and adds the
/// module. Fails if the tool id is already taken.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    vm.use_tool_id(TOOL, "monjit native counting profiler")?;
    for event in [PY_START, PY_RETURN] {
        vm.register_native_callback(TOOL, event, |_, _| {
            COUNT.with(|c| c.set(c.get() + 1));
            Ok(false)
        })?;
    }
    crate::builtins::modules::create(vm, MODULE, init);
    Ok(())
}

fn init(vm: &mut Vm, d: &DictObj) {
    crate::builtins::modules::add_functions(vm, d, &[("count", count_fn), ("reset", reset_fn)]);
}

fn count_fn(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("count", &args, 0)?;
    Ok(Value::int_from_i128(count() as i128))
}

fn reset_fn(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("reset", &args, 0)?;
    COUNT.with(|c| c.set(0));
    Ok(Value::NONE)
}
