//! File-like objects: `sys.stdout` and `sys.stderr`, and writing to any object with a
//! `write` method (`print(file=...)`).

use crate::builtins::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::Args;
use crate::objects::opaque::{new_opaque, NativeData, OpaqueObj};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// Which standard stream a `sys.stdout`/`sys.stderr` object writes to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Std {
    Out,
    Err,
}

struct StdStream(Std);

impl NativeData for StdStream {
}

fn std_of(v: &Value) -> Option<Std> {
    let o = v.downcast::<OpaqueObj>()?;
    let d = o.data.borrow();
    d.as_any().downcast_ref::<StdStream>().map(|s| s.0)
}

pub fn install_std_streams(vm: &mut Vm, d: &DictObj) {
    let object = vm.types.object.clone();
    let cls = vm.make_type("TextIOWrapper", object, Layout::Instance, TypeFlags::IMMUTABLE, &[
        ("write", write),
        ("flush", flush),
        ("writelines", writelines),
        ("isatty", isatty),
    ]);
    let module = vm.new_str("_io");
    cls.as_type().expect("type").module.set(module);
    let out = new_opaque(cls.clone(), Box::new(StdStream(Std::Out)), Value::NULL);
    let err = new_opaque(cls, Box::new(StdStream(Std::Err)), Value::NULL);
    for (name, v) in [("stdout", &out), ("__stdout__", &out), ("stderr", &err), ("__stderr__", &err)] {
        let k = vm.intern(name);
        d.set_str(k, v.clone());
    }
}

fn stream_write(vm: &mut Vm, which: Std, s: &str) {
    match which {
        Std::Out => vm.stdout.write_str(s),
        Std::Err => {
            vm.stdout.flush();
            vm.stderr.write_str(s)
        }
    }
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("write", &args, 1, 1)?;
    let which = std_of(s).ok_or_else(|| type_error("write() on a closed stream"))?;
    let text = rest[0].as_str().ok_or_else(|| type_error(format!("write() argument must be str, not {}", vm.type_name(&rest[0]))))?.to_string();
    stream_write(vm, which, &text);
    Ok(Value::int_from_usize(text.chars().count()))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("writelines", &args, 1, 1)?;
    let which = std_of(s).ok_or_else(|| type_error("writelines() on a closed stream"))?;
    for line in vm.collect(&rest[0])? {
        let t = line.as_str().ok_or_else(|| type_error("write() argument must be str"))?.to_string();
        stream_write(vm, which, &t);
    }
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("flush", &args, 0, 0)?;
    match std_of(s) {
        Some(Std::Out) => vm.stdout.flush(),
        Some(Std::Err) => vm.stderr.flush(),
        None => {}
    }
    Ok(Value::NONE)
}

fn isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("isatty", &args, 0, 0)?;
    use std::io::IsTerminal;
    Ok(Value::bool(match std_of(s) {
        Some(Std::Out) => std::io::stdout().is_terminal(),
        Some(Std::Err) => std::io::stderr().is_terminal(),
        None => false,
    }))
}

/// `print(..., file=f)`: the standard streams directly, anything else via `f.write`.
pub fn write_to(vm: &mut Vm, f: &Value, s: &str) -> PyResult<()> {
    if let Some(which) = std_of(f) {
        stream_write(vm, which, s);
        return Ok(());
    }
    let text = vm.new_str(s);
    vm.call_method(f, "write", &[text])?;
    Ok(())
}
