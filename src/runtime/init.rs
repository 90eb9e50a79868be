//! Building a fresh VM: the built-in types, the exception hierarchy, interned names, the
//! `builtins` and `sys` modules.

use crate::builtins;
use crate::error::ExcKind;
use crate::object::ObjKind;
use crate::objects::class::{new_type, Layout, TypeFlags, TypeSpec};
use crate::objects::dict::{new_dict, DictObj};
use crate::objects::func::NativeFn;
use crate::objects::*;
use crate::value::Value;
use crate::vm::{Names, Types, Vm};
use rustc_hash::FxHashMap;

struct Interner(FxHashMap<Box<str>, Value>);

impl Interner {
    fn get(&mut self, s: &str) -> Value {
        if let Some(v) = self.0.get(s) {
            return v.clone();
        }
        let v = str::new_str(s);
        v.downcast::<StrObj>().expect("str").mark_interned();
        self.0.insert(Box::from(s), v.clone());
        v
    }
}

fn make(i: &mut Interner, name: &str, base: &Value, layout: Layout, flags: TypeFlags, methods: &[(&'static str, NativeFn)]) -> Value {
    let dict = new_dict();
    let owner: &'static str = Box::leak(name.to_string().into_boxed_str());
    {
        let d = dict.downcast::<DictObj>().expect("dict");
        for (mname, f) in methods {
            d.set_str(i.get(mname), func::new_native(mname, owner, *f));
        }
    }
    let n = i.get(name);
    new_type(TypeSpec { name: n.clone(), qualname: n, module: i.get("builtins"), base: base.clone(), dict, layout, flags, meta: Value::NULL })
}

pub fn new_vm() -> Vm {
    let mut i = Interner(FxHashMap::default());
    let b = Layout::Builtin;
    let immut = TypeFlags::IMMUTABLE;
    let base_ok = TypeFlags::IMMUTABLE | TypeFlags::BASETYPE;
    let object = make(&mut i, "object", &Value::NULL, b(ObjKind::Instance), base_ok, &builtins::object::methods());
    let o = &object;
    let type_ = make(&mut i, "type", o, b(ObjKind::Type), base_ok, &builtins::types_type::methods());
    let int = make(&mut i, "int", o, b(ObjKind::BigInt), base_ok, &builtins::int::methods());
    let types = Types {
        bool_: make(&mut i, "bool", &int, b(ObjKind::BigInt), immut, &builtins::int::bool_methods()),
        float: make(&mut i, "float", o, b(ObjKind::BigInt), base_ok, &builtins::float::methods()),
        str_: make(&mut i, "str", o, b(ObjKind::Str), base_ok, &builtins::str::methods()),
        bytes: make(&mut i, "bytes", o, b(ObjKind::Bytes), immut, &builtins::bytes::methods()),
        list: make(&mut i, "list", o, b(ObjKind::List), base_ok, &builtins::list::methods()),
        tuple: make(&mut i, "tuple", o, b(ObjKind::Tuple), base_ok, &builtins::tuple::methods()),
        dict: make(&mut i, "dict", o, b(ObjKind::Dict), base_ok, &builtins::dict::methods()),
        set: make(&mut i, "set", o, b(ObjKind::Set), base_ok, &builtins::set::methods()),
        frozenset: make(&mut i, "frozenset", o, b(ObjKind::Set), base_ok, &builtins::set::frozenset_methods()),
        range: make(&mut i, "range", o, b(ObjKind::Range), immut, &builtins::misc::range_methods()),
        slice: make(&mut i, "slice", o, b(ObjKind::Slice), immut, &builtins::misc::slice_methods()),
        none: make(&mut i, "NoneType", o, b(ObjKind::Str), immut, &[]),
        not_implemented: make(&mut i, "NotImplementedType", o, b(ObjKind::Str), immut, &[]),
        ellipsis: make(&mut i, "ellipsis", o, b(ObjKind::Str), immut, &[]),
        function: make(&mut i, "function", o, b(ObjKind::Function), immut, &builtins::misc::function_methods()),
        builtin_function: make(&mut i, "builtin_function_or_method", o, b(ObjKind::NativeFunction), immut, &[]),
        method_descriptor: make(&mut i, "method_descriptor", o, b(ObjKind::NativeFunction), immut, &[]),
        method: make(&mut i, "method", o, b(ObjKind::BoundMethod), immut, &[]),
        code: make(&mut i, "code", o, b(ObjKind::Code), immut, &builtins::misc::code_methods()),
        cell: make(&mut i, "cell", o, b(ObjKind::Cell), immut, &[]),
        module: make(&mut i, "module", o, b(ObjKind::Module), base_ok, &[]),
        property: make(&mut i, "property", o, b(ObjKind::Property), base_ok, &builtins::misc::property_methods()),
        staticmethod: make(&mut i, "staticmethod", o, b(ObjKind::StaticMethod), base_ok, &builtins::misc::staticmethod_methods()),
        classmethod: make(&mut i, "classmethod", o, b(ObjKind::ClassMethod), base_ok, &builtins::misc::classmethod_methods()),
        super_: make(&mut i, "super", o, b(ObjKind::Super), base_ok, &builtins::misc::super_methods()),
        generator: make(&mut i, "generator", o, b(ObjKind::Generator), immut, &builtins::misc::generator_methods()),
        dict_keys: make(&mut i, "dict_keys", o, b(ObjKind::DictView), immut, &builtins::dict::view_methods()),
        dict_values: make(&mut i, "dict_values", o, b(ObjKind::DictView), immut, &builtins::dict::view_methods()),
        dict_items: make(&mut i, "dict_items", o, b(ObjKind::DictView), immut, &builtins::dict::view_methods()),
        list_iterator: make(&mut i, "list_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        list_reverseiterator: make(&mut i, "list_reverseiterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        tuple_iterator: make(&mut i, "tuple_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        str_ascii_iterator: make(&mut i, "str_ascii_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        str_iterator: make(&mut i, "str_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        bytes_iterator: make(&mut i, "bytes_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        range_iterator: make(&mut i, "range_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        dict_keyiterator: make(&mut i, "dict_keyiterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        dict_valueiterator: make(&mut i, "dict_valueiterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        dict_itemiterator: make(&mut i, "dict_itemiterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        set_iterator: make(&mut i, "set_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        enumerate: make(&mut i, "enumerate", o, b(ObjKind::Iterator), base_ok, &builtins::misc::iterator_methods()),
        zip: make(&mut i, "zip", o, b(ObjKind::Iterator), base_ok, &builtins::misc::iterator_methods()),
        map: make(&mut i, "map", o, b(ObjKind::Iterator), base_ok, &builtins::misc::iterator_methods()),
        filter: make(&mut i, "filter", o, b(ObjKind::Iterator), base_ok, &builtins::misc::iterator_methods()),
        reversed: make(&mut i, "reversed", o, b(ObjKind::Iterator), base_ok, &builtins::misc::iterator_methods()),
        seq_iterator: make(&mut i, "iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        callable_iterator: make(&mut i, "callable_iterator", o, b(ObjKind::Iterator), immut, &builtins::misc::iterator_methods()),
        traceback: make(&mut i, "traceback", o, Layout::Instance, immut, &[]),
        int,
        type_,
        object,
    };
    let names = Names {
        dunder_init: i.get("__init__"),
        dunder_new: i.get("__new__"),
        dunder_repr: i.get("__repr__"),
        dunder_str: i.get("__str__"),
        dunder_hash: i.get("__hash__"),
        dunder_eq: i.get("__eq__"),
        dunder_ne: i.get("__ne__"),
        dunder_lt: i.get("__lt__"),
        dunder_le: i.get("__le__"),
        dunder_gt: i.get("__gt__"),
        dunder_ge: i.get("__ge__"),
        dunder_len: i.get("__len__"),
        dunder_bool: i.get("__bool__"),
        dunder_getitem: i.get("__getitem__"),
        dunder_setitem: i.get("__setitem__"),
        dunder_delitem: i.get("__delitem__"),
        dunder_contains: i.get("__contains__"),
        dunder_iter: i.get("__iter__"),
        dunder_next: i.get("__next__"),
        dunder_call: i.get("__call__"),
        dunder_getattr: i.get("__getattr__"),
        dunder_getattribute: i.get("__getattribute__"),
        dunder_setattr: i.get("__setattr__"),
        dunder_delattr: i.get("__delattr__"),
        dunder_enter: i.get("__enter__"),
        dunder_exit: i.get("__exit__"),
        dunder_name: i.get("__name__"),
        dunder_qualname: i.get("__qualname__"),
        dunder_module: i.get("__module__"),
        dunder_doc: i.get("__doc__"),
        dunder_class: i.get("__class__"),
        dunder_dict: i.get("__dict__"),
        dunder_builtins: i.get("__builtins__"),
        dunder_file: i.get("__file__"),
        dunder_get: i.get("__get__"),
        dunder_set: i.get("__set__"),
        dunder_index: i.get("__index__"),
        dunder_format: i.get("__format__"),
        dunder_neg: i.get("__neg__"),
        dunder_pos: i.get("__pos__"),
        dunder_abs: i.get("__abs__"),
        dunder_invert: i.get("__invert__"),
        dunder_int: i.get("__int__"),
        dunder_float: i.get("__float__"),
        dunder_round: i.get("__round__"),
        dunder_reversed: i.get("__reversed__"),
        dunder_init_subclass: i.get("__init_subclass__"),
        dunder_set_name: i.get("__set_name__"),
        dunder_slots: i.get("__slots__"),
        dunder_missing: i.get("__missing__"),
        dunder_firstlineno: i.get("__firstlineno__"),
        dunder_static_attributes: i.get("__static_attributes__"),
        dunder_classcell: i.get("__classcell__"),
    };
    let mut vm = Vm::from_parts(types, names, i.0);
    vm.small_strs = (0u8..128).map(|c| {
        let s = (c as char).to_string();
        str::new_str(&s)
    }).collect();
    // object.__new__ / __init__ are compared by identity when instantiating classes.
    let (kn, ki) = (vm.names.dunder_new.clone(), vm.names.dunder_init.clone());
    let obj_dict = vm.types.object.as_type().expect("object").dict.clone();
    let obj_dict = obj_dict.downcast::<DictObj>().expect("dict");
    vm.object_new = obj_dict.get_str(&kn).expect("object.__new__");
    vm.object_init = obj_dict.get_str(&ki).expect("object.__init__");
    // Constructors (`__new__`) of the built-in types.
    for (ty, ctor) in builtins::constructors(&vm) {
        let k = vm.names.dunder_new.clone();
        ty.as_type().expect("type").dict().set_str(k, func::new_native_with_data("__new__", "builtins", ctor, ty.clone()));
    }
    // type.__new__(mcls, name, bases, ns): how metaclasses make classes.
    let k = vm.names.dunder_new.clone();
    vm.types.type_.as_type().expect("type").dict().set_str(k, func::new_native("__new__", "type", crate::runtime::classes::type_new));
    let k = vm.intern("__init__");
    vm.types.type_.as_type().expect("type").dict().set_str(k, func::new_native("__init__", "type", crate::runtime::classes::type_init));
    let k = vm.intern("__call__");
    vm.types.type_.as_type().expect("type").dict().set_str(k, func::new_native("__call__", "type", crate::runtime::classes::type_call_method));
    // The mutable containers' __hash__ is None (subclasses of dict are unhashable too,
    // and collections.abc.Hashable's check reads it).
    let hash_name = vm.names.dunder_hash.clone();
    for t in [&vm.types.dict, &vm.types.list, &vm.types.set, &vm.types.dict_keys, &vm.types.dict_items] {
        t.as_type().expect("type").dict().set_str(hash_name.clone(), Value::NONE);
    }
    make_exceptions(&mut vm);
    builtins::install(&mut vm);
    vm
}

fn make_exceptions(vm: &mut Vm) {
    let mut made: Vec<Value> = Vec::new();
    for &kind in ExcKind::ALL {
        let base = if kind == ExcKind::BaseException { vm.types.object.clone() } else { made[kind.base() as usize].clone() };
        let methods = if kind == ExcKind::BaseException { builtins::exceptions::methods() } else { Vec::new() };
        let t = vm.make_type(kind.name(), base, Layout::Exception, TypeFlags::BASETYPE | TypeFlags::IMMUTABLE, &methods);
        made.push(t);
    }
    vm.exc_types = made;
}

