//! The `posix` module (C in CPython), the part `os` re-exports here: removing files,
//! the process id and the working directory.

use crate::builtins::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::func::Args;
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[("remove", remove), ("unlink", unlink), ("getpid", getpid), ("getcwd", getcwd)]);
}

fn remove_file(vm: &mut Vm, name: &str, args: &Args) -> PyResult<Value> {
    let a = argparse::exact(name, args, 1)?;
    let path = a[0].as_str().ok_or_else(|| type_error(format!("{name}: path should be string, bytes or os.PathLike, not {}", vm.type_name(&a[0]))))?;
    match std::fs::remove_file(path) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(5);
            let text = crate::runtime::exceptions::errno_text(errno, &e);
            let strerror = vm.str_from_string(text);
            Err(crate::runtime::exceptions::os_error(vm, errno, strerror, a[0].clone()))
        }
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_file(vm, "remove", &args)
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_file(vm, "unlink", &args)
}

fn getpid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("getpid", &args, 0)?;
    Ok(Value::small_int(std::process::id() as i64))
}

fn getcwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("getcwd", &args, 0)?;
    let cwd = std::env::current_dir().map_err(|e| crate::error::PyErr::new(crate::error::ExcKind::OSError, e.to_string()))?;
    Ok(vm.str_from_string(cwd.to_string_lossy().into_owned()))
}
