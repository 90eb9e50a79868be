//! `import`: built-in modules, and modules and packages found on `sys.path`.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

fn modules_dict(vm: &Vm) -> &DictObj {
    vm.modules.downcast::<DictObj>().expect("sys.modules")
}

fn module_not_found(vm: &mut Vm, name: &str) -> PyErr {
    let msg = format!("No module named '{name}'");
    let exc = vm.new_error(ExcKind::ModuleNotFoundError, tuple::new_tuple(vec![vm.str_from_string(msg)]));
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        let k = vm.intern("name");
        let n = vm.new_str(name);
        e.dict().set_str(k, n);
    }
    PyErr::Obj(exc)
}

/// IMPORT_NAME.
pub fn import_name(vm: &mut Vm, frame: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let globals = frame.globals.clone();
    import_module_level(vm, name, fromlist, level, Some(&globals))
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(vm: &mut Vm, name: &Value, fromlist: &Value, level: &Value, globals: Option<&Value>) -> PyResult<Value> {
    let name_s = name.as_str().ok_or_else(|| type_error("module name must be str"))?.to_string();
    let level = level.as_int().and_then(|i| i.to_i64()).unwrap_or(0);
    let full = if level > 0 {
        let package = current_package(vm, globals);
        resolve_relative(vm, &name_s, &package, level)?
    } else {
        if name_s.is_empty() {
            return Err(PyErr::new(ExcKind::ValueError, "Empty module name"));
        }
        name_s.clone()
    };
    let module = import_dotted(vm, &full)?;
    let has_fromlist = !fromlist.is_none() && fromlist.as_tuple().is_none_or(|t| !t.is_empty());
    if has_fromlist {
        // Submodules named in the fromlist are imported too.
        if is_package(vm, &module) {
            for item in vm.collect(fromlist)? {
                if let Some(attr) = item.as_str() {
                    if attr == "*" {
                        continue;
                    }
                    let iattr = vm.intern(attr);
                    if vm.getattr_opt(&module, &iattr)?.is_none() {
                        let sub = format!("{full}.{attr}");
                        match import_dotted(vm, &sub) {
                            Ok(_) => {}
                            Err(e) if vm.error_is(&e, ExcKind::ModuleNotFoundError) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
        return Ok(module);
    }
    if level > 0 && name_s.is_empty() {
        return Ok(module);
    }
    // `import a.b.c` binds the top-level package.
    let top = if level > 0 {
        let first = name_s.split('.').next().unwrap_or("");
        let prefix_len = full.len() - name_s.len();
        format!("{}{}", &full[..prefix_len], first)
    } else {
        full.split('.').next().unwrap_or("").to_string()
    };
    let k = vm.new_str(&top);
    Ok(modules_dict(vm).get_str(&k).unwrap_or(module))
}

fn is_package(vm: &mut Vm, m: &Value) -> bool {
    let k = vm.intern("__path__");
    m.downcast::<ModuleObj>().is_some_and(|mo| mo.dict().get_str(&k).is_some())
}

fn current_package(vm: &mut Vm, globals: Option<&Value>) -> String {
    let Some(g) = globals.and_then(|g| g.downcast::<DictObj>()) else { return String::new() };
    let pk = vm.intern("__package__");
    if let Some(p) = g.get_str(&pk).and_then(|p| p.as_str().map(str::to_string)) {
        return p;
    }
    let name = g.get_str(&vm.names.dunder_name.clone()).and_then(|n| n.as_str().map(str::to_string)).unwrap_or_default();
    let path_k = vm.intern("__path__");
    if g.get_str(&path_k).is_some() {
        return name;
    }
    match name.rfind('.') {
        Some(i) => name[..i].to_string(),
        None => String::new(),
    }
}

fn resolve_relative(_vm: &mut Vm, name: &str, package: &str, level: i64) -> PyResult<String> {
    if package.is_empty() {
        return Err(PyErr::new(ExcKind::ImportError, "attempted relative import with no known parent package"));
    }
    let mut parts: Vec<&str> = package.split('.').collect();
    for _ in 1..level {
        if parts.pop().is_none() {
            return Err(PyErr::new(ExcKind::ImportError, "attempted relative import beyond top-level package"));
        }
    }
    let base = parts.join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// Imports `a`, `a.b`, `a.b.c` in turn and returns the last.
fn import_dotted(vm: &mut Vm, full: &str) -> PyResult<Value> {
    let mut prefix = String::new();
    let mut module = Value::NONE;
    for part in full.split('.') {
        let parent = if prefix.is_empty() { None } else { Some(module.clone()) };
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        module = import_one(vm, &prefix, parent.as_ref())?;
        if let Some(p) = parent {
            let k = vm.intern(part);
            if let Some(pm) = p.downcast::<ModuleObj>() {
                pm.dict().set_str(k, module.clone());
            }
        }
    }
    Ok(module)
}

fn import_one(vm: &mut Vm, full: &str, parent: Option<&Value>) -> PyResult<Value> {
    let key = vm.new_str(full);
    if let Some(m) = modules_dict(vm).get_str(&key) {
        if m.is_none() {
            return Err(module_not_found(vm, full));
        }
        return Ok(m);
    }
    if parent.is_none() {
        if let Some((_, init)) = crate::builtins::modules::registry().iter().find(|(n, _)| *n == full) {
            return Ok(crate::builtins::modules::create(vm, full, *init));
        }
    }
    // Search the parent's __path__ or sys.path for name.py or name/__init__.py.
    let dirs: Vec<String> = match parent {
        Some(p) => {
            let k = vm.intern("__path__");
            let paths = p.downcast::<ModuleObj>().and_then(|m| m.dict().get_str(&k)).unwrap_or(Value::NONE);
            if paths.is_none() {
                return Err(module_not_found(vm, full));
            }
            vm.collect(&paths)?.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
        }
        None => {
            let sp = vm.sys_path.clone();
            vm.collect(&sp)?.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
        }
    };
    let last = full.rsplit('.').next().unwrap_or(full);
    for dir in dirs {
        let base = std::path::Path::new(if dir.is_empty() { "." } else { &dir }).join(last);
        let pkg_init = base.join("__init__.py");
        if pkg_init.is_file() {
            return exec_module_file(vm, full, &pkg_init, Some(&base));
        }
        let file = base.with_extension("py");
        if file.is_file() {
            return exec_module_file(vm, full, &file, None);
        }
    }
    // The Python-written standard library comes after sys.path, as CPython's stdlib
    // directory does: a program's own `copy.py` shadows it.
    if let Some(frozen) = crate::stdlib::find(full) {
        let filename = format!("<frozen {full}>");
        let pkg_path = frozen.is_package.then(Vec::new);
        return exec_module_source(vm, full, &filename, frozen.source, None, pkg_path);
    }
    Err(module_not_found(vm, full))
}

fn exec_module_file(vm: &mut Vm, name: &str, path: &std::path::Path, pkg_dir: Option<&std::path::Path>) -> PyResult<Value> {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let filename = abs.display().to_string();
    let source = std::fs::read_to_string(&abs).map_err(|e| PyErr::new(ExcKind::ImportError, format!("{filename}: {e}")))?;
    let pkg_path = pkg_dir.map(|dir| vec![std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).display().to_string()]);
    exec_module_source(vm, name, &filename, &source, Some(&filename), pkg_path)
}

/// Compiles and runs a module's source in a fresh module recorded in `sys.modules`
/// (removed again if it raises). `pkg_path` is the package's `__path__`, if it is one.
fn exec_module_source(vm: &mut Vm, name: &str, filename: &str, source: &str, file_attr: Option<&str>, pkg_path: Option<Vec<String>>) -> PyResult<Value> {
    let code = crate::compiler::compile_source(vm, source, filename, name)?;
    let d = dict::new_dict();
    let dd = d.downcast::<DictObj>().expect("dict");
    let name_v = vm.intern(name);
    dd.set_str(vm.names.dunder_name.clone(), name_v.clone());
    if let Some(f) = file_attr {
        let file_v = vm.new_str(f);
        dd.set_str(vm.names.dunder_file.clone(), file_v);
    }
    dd.set_str(vm.names.dunder_doc.clone(), Value::NONE);
    dd.set_str(vm.names.dunder_builtins.clone(), vm.builtins_module.clone());
    let pk = vm.intern("__package__");
    if let Some(paths) = pkg_path {
        let pathk = vm.intern("__path__");
        let items = paths.iter().map(|p| vm.new_str(p)).collect();
        dd.set_str(pathk, list::new_list(items));
        dd.set_str(pk, name_v.clone());
    } else {
        let pkg = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        let pv = vm.new_str(pkg);
        dd.set_str(pk, pv);
    }
    let m = module::new_module(name_v.clone(), d.clone());
    modules_dict(vm).set_str(name_v.clone(), m.clone());
    if let Err(e) = crate::interp::call::run_code_with_locals(vm, &code, Value::NULL, d.clone(), d) {
        modules_dict(vm).remove_str(&name_v);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(modules_dict(vm).get_str(&name_v).unwrap_or(m))
}

/// IMPORT_FROM.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(module, name)? {
        return Ok(v);
    }
    let mname = module.downcast::<ModuleObj>().map(|m| m.name_str()).unwrap_or_default();
    let full = format!("{mname}.{}", name.as_str().unwrap_or(""));
    let k = vm.new_str(&full);
    if let Some(m) = modules_dict(vm).get_str(&k) {
        return Ok(m);
    }
    let file = module.downcast::<ModuleObj>().and_then(|m| m.dict().get_str(&vm.names.dunder_file.clone()));
    let loc = match file.as_ref().and_then(|f| f.as_str()) {
        Some(f) => format!(" ({f})"),
        None => " (unknown location)".to_string(),
    };
    let msg = format!("cannot import name '{}' from '{mname}'{loc}", name.as_str().unwrap_or(""));
    let exc = vm.new_error(ExcKind::ImportError, tuple::new_tuple(vec![vm.str_from_string(msg)]));
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        let (kn, kp) = (vm.intern("name"), vm.intern("name_from"));
        let mv = vm.new_str(&mname);
        e.dict().set_str(kn, mv);
        e.dict().set_str(kp, name.clone());
    }
    Err(PyErr::Obj(exc))
}

/// `from m import *`.
pub fn import_star(vm: &mut Vm, frame: &Frame, module: &Value) -> PyResult<()> {
    let m = module.downcast::<ModuleObj>().ok_or_else(|| type_error("import * needs a module"))?;
    let all_k = vm.intern("__all__");
    let names: Vec<Value> = match m.dict().get_str(&all_k) {
        Some(all) => vm.collect(&all)?,
        None => m.dict().keys().into_iter().filter(|k| !k.as_str().is_some_and(|s| s.starts_with('_'))).collect(),
    };
    let target = if frame.locals.is_null() { frame.globals.clone() } else { frame.locals.clone() };
    for n in names {
        let n = vm.intern_value(&n);
        let v = vm.getattr(module, &n)?;
        crate::interp::ops::mapping_set(vm, &target, n, v)?;
    }
    Ok(())
}
