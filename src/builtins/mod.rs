//! The `builtins` module: built-in functions, the built-in types' methods and
//! constructors, and the built-in modules (`sys`, `math`, `time`).

pub mod argparse;
pub mod bytes;
pub mod codecs;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod functions;
pub mod int;
pub mod list;
pub mod misc;
pub mod modules;
pub mod object;
pub mod set;
pub mod str;
pub mod str_methods;
pub mod tuple;
pub mod types_type;

use crate::objects::func::NativeFn;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// `__new__` of each built-in type that can be called.
pub fn constructors(vm: &Vm) -> Vec<(Value, NativeFn)> {
    let t = &vm.types;
    vec![
        (t.int.clone(), int::int_new as NativeFn),
        (t.bool_.clone(), int::bool_new),
        (t.float.clone(), float::float_new),
        (t.str_.clone(), str::str_new),
        (t.bytes.clone(), bytes::bytes_new),
        (t.list.clone(), list::list_new),
        (t.tuple.clone(), tuple::tuple_new),
        (t.dict.clone(), dict::dict_new),
        (t.set.clone(), set::set_new),
        (t.frozenset.clone(), set::frozenset_new),
        (t.range.clone(), misc::range_new),
        (t.slice.clone(), misc::slice_new),
        (t.property.clone(), misc::property_new),
        (t.staticmethod.clone(), misc::staticmethod_new),
        (t.classmethod.clone(), misc::classmethod_new),
        (t.super_.clone(), misc::super_new),
        (t.enumerate.clone(), misc::enumerate_new),
        (t.zip.clone(), misc::zip_new),
        (t.map.clone(), misc::map_new),
        (t.filter.clone(), misc::filter_new),
        (t.reversed.clone(), misc::reversed_new),
    ]
}

/// Fills the builtins namespace and registers the built-in modules.
pub fn install(vm: &mut Vm) {
    for (name, f) in functions::functions() {
        let v = func::new_native(name, "", f);
        vm.set_builtin(name, v);
    }
    let t = &vm.types;
    let types: Vec<(&str, Value)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("str", t.str_.clone()),
        ("bytes", t.bytes.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("classmethod", t.classmethod.clone()),
        ("super", t.super_.clone()),
        ("enumerate", t.enumerate.clone()),
        ("zip", t.zip.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("reversed", t.reversed.clone()),
    ];
    for (name, v) in types {
        vm.set_builtin(name, v);
    }
    vm.builtin_super = vm.types.super_.clone();
    for kind in crate::error::ExcKind::ALL {
        let v = vm.exc_type(*kind).clone();
        vm.set_builtin(kind.name(), v);
    }
    vm.set_builtin("None", Value::NONE);
    vm.set_builtin("True", Value::TRUE);
    vm.set_builtin("False", Value::FALSE);
    vm.set_builtin("Ellipsis", Value::ELLIPSIS);
    vm.set_builtin("NotImplemented", Value::NOT_IMPLEMENTED);
    let bn = vm.new_str("builtins");
    vm.set_builtin("__name__", bn.clone());
    // dict.fromkeys is a class method.
    let k = vm.intern("fromkeys");
    let d = vm.types.dict.as_type().expect("dict").dict();
    if let Some(f) = d.get_str(&k) {
        d.set_str(k, descr::new_classmethod(f));
    }
    // float.fromhex and bytes.fromhex are class methods.
    let k = vm.intern("fromhex");
    for t in [&vm.types.float, &vm.types.bytes] {
        let d = t.as_type().expect("type").dict();
        if let Some(f) = d.get_str(&k) {
            d.set_str(k.clone(), descr::new_classmethod(f));
        }
    }
    // str.maketrans is a static method.
    let k = vm.intern("maketrans");
    let d = vm.types.str_.as_type().expect("str").dict();
    if let Some(f) = d.get_str(&k) {
        d.set_str(k, descr::new_staticmethod(f));
    }
    let builtins_module = module::new_module(bn, vm.builtins.clone());
    vm.builtins_module = builtins_module.clone();
    modules::install(vm);
}
