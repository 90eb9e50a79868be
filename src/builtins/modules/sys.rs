//! The `sys` module.

use crate::builtins::argparse;
use crate::error::{value_error, ExcKind, PyErr, PyResult};
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("exc_info", exc_info),
        ("exception", exception),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("_getframemodulename", getframemodulename),
    ]);
    let argv = list::new_list(vm.argv.iter().map(|a| vm.new_str(a)).collect());
    super::add_value(vm, d, "argv", argv);
    let path = list::new_list(Vec::new());
    vm.sys_path = path.clone();
    super::add_value(vm, d, "path", path);
    super::add_value(vm, d, "modules", vm.modules.clone());
    super::add_value(vm, d, "maxsize", Value::int(i64::MAX));
    let plat = vm.new_str("linux");
    super::add_value(vm, d, "platform", plat);
    let bo = vm.new_str("little");
    super::add_value(vm, d, "byteorder", bo);
    let ver = vm.new_str("3.14.0 (monjit)");
    super::add_value(vm, d, "version", ver);
    let vi = tuple::new_tuple(vec![Value::small_int(3), Value::small_int(14), Value::small_int(0), vm.new_str("final"), Value::small_int(0)]);
    super::add_value(vm, d, "version_info", vi);
    let exe = vm.new_str(&std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default());
    super::add_value(vm, d, "executable", exe);
    crate::runtime::io_objects::install_std_streams(vm, d);
    let mon = super::monitoring::create(vm);
    super::add_value(vm, d, "monitoring", mon);
}

fn exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("exit", &args, 0, 1)?;
    Err(PyErr::with_args(ExcKind::SystemExit, a.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("getrecursionlimit", &args, 0)?;
    Ok(Value::int_from_usize(vm.recursion_limit))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::exact("setrecursionlimit", &args, 1)?;
    if a[0].is_float() {
        return Err(crate::error::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = argparse::int_arg(vm, &a[0])?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.frames.len() {
        return Err(PyErr::new(ExcKind::RecursionError, format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.frames.len())));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("get_int_max_str_digits", &args, 0)?;
    Ok(Value::int_from_usize(vm.int_max_str_digits))
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [mx] = argparse::kwargs("set_int_max_str_digits", &args, ["maxdigits"])?;
    let v = args.pos().first().or(mx).ok_or_else(|| crate::error::type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"))?;
    let n = argparse::int_arg(vm, v)?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be >= 640 or 0 for unlimited"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::NONE)
}

fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("exc_info", &args, 0)?;
    let e = vm.handled_exception();
    if e.is_none() {
        return Ok(tuple::new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let t = vm.type_of(&e);
    let tb = crate::runtime::exceptions::traceback_value(vm, &e);
    Ok(tuple::new_tuple(vec![t, e, tb]))
}

fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::exact("exception", &args, 0)?;
    Ok(vm.handled_exception())
}

fn intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(crate::error::type_error("sys.intern() takes no keyword arguments"));
    }
    let a = args.pos();
    crate::builtins::str::check_arity("sys", "intern", a.len(), crate::builtins::str::Arity::One)?;
    if !a[0].is::<StrObj>() {
        return Err(crate::error::type_error(format!("intern() argument must be str, not {}", vm.type_name(&a[0]))));
    }
    Ok(vm.intern_value(&a[0]))
}

fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = argparse::range("getsizeof", &args, 1, 2)?;
    let n = match a[0].kind() {
        None => 24,
        Some(_) => 56 + 8 * vm.len(&a[0]).unwrap_or(0),
    };
    Ok(Value::int_from_usize(n))
}

/// `sys._getframemodulename(depth=0)`: the `__name__` of the module whose code runs
/// `depth` frames below the caller (what `namedtuple` and `Enum` set `__module__` from).
fn getframemodulename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [kw] = argparse::kwargs("_getframemodulename", &args, ["depth"])?;
    let a = args.pos();
    if a.len() > 1 {
        return Err(crate::error::type_error(format!("_getframemodulename() takes at most 1 argument ({} given)", a.len())));
    }
    let depth = match a.first().or(kw) {
        Some(v) => argparse::int_arg(vm, v)?,
        None => 0,
    };
    if depth < 0 {
        return Err(value_error("depth must be non-negative"));
    }
    let Some(frame) = vm.frames.iter().rev().nth(depth as usize) else { return Ok(Value::NONE) };
    let globals: Value = (*frame.globals).clone();
    let name = vm.names.dunder_name.clone();
    Ok(globals.downcast::<DictObj>().and_then(|g| g.get_str(&name)).unwrap_or(Value::NONE))
}
