//! Built-in modules: created on first import (`sys` at start-up).

pub mod array;
pub mod bisect;
pub mod collections;
pub mod functools;
pub mod gc;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod math;
pub mod monitoring;
pub mod mt19937;
pub mod native;
pub mod operator;
pub mod posix;
pub mod random;
pub mod sys;
pub mod time;

use crate::objects::func::NativeFn;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// A module's initialiser: fills the module dict.
pub type ModuleInit = fn(&mut Vm, &DictObj);

/// The built-in modules by name.
pub fn registry() -> &'static [(&'static str, ModuleInit)] {
    &[("sys", sys::init), ("math", math::init), ("time", time::init), ("gc", gc::init), ("random", random::init), ("_collections", collections::init), ("itertools", itertools::init), ("operator", operator::init), ("_functools", functools::init), ("_io", io::init), ("posix", posix::init), ("array", array::init), ("_heapq", heapq::init), ("_bisect", bisect::init)]
}

pub fn install(vm: &mut Vm) {
    let m = create(vm, "sys", sys::init);
    vm.sys_module = m.clone();
    let k = vm.new_str("builtins");
    let bm = vm.builtins_module.clone();
    vm.modules.downcast::<DictObj>().expect("modules").set_str(k, bm);
    let (name, open) = io::builtin_open();
    vm.set_builtin(name, func::new_native(name, "", open));
}

/// Makes module `name`, runs its initialiser and records it in `sys.modules`.
pub fn create(vm: &mut Vm, name: &str, init: ModuleInit) -> Value {
    let d = dict::new_dict();
    let name_v = vm.intern(name);
    d.downcast::<DictObj>().expect("dict").set_str(vm.names.dunder_name.clone(), name_v.clone());
    d.downcast::<DictObj>().expect("dict").set_str(vm.names.dunder_doc.clone(), Value::NONE);
    let m = module::new_module(name_v.clone(), d.clone());
    vm.modules.downcast::<DictObj>().expect("modules").set_str(name_v, m.clone());
    init(vm, d.downcast::<DictObj>().expect("dict"));
    m
}

/// Adds native functions to a module dict.
pub fn add_functions(vm: &mut Vm, d: &DictObj, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        let k = vm.intern(name);
        d.set_str(k, func::new_native(name, "", *f));
    }
}

pub fn add_value(vm: &mut Vm, d: &DictObj, name: &str, v: Value) {
    let k = vm.intern(name);
    d.set_str(k, v);
}
