//! Classes at run time: calling a class, `__build_class__`, `super`, class attribute
//! assignment, and `__slots__`.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::class::{Layout, TypeFlags, TypeObj, TypeSpec};
use crate::objects::func::NativeFn;
use crate::objects::func::Args;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// `cls(*args, **kwargs)`: `__new__` then `__init__`, as `type.__call__`.
pub fn call_type(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    if cls.is_same(&vm.types.type_) {
        let pos = args.pos();
        if pos.len() == 1 && !args.has_kwargs() {
            return Ok(vm.type_of(&pos[0]));
        }
        if pos.len() == 3 {
            return type_new3(vm, &pos[0], &pos[1], &pos[2]);
        }
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let t = cls.as_type().expect("type");
    // A metaclass's own __call__ (singletons, instance registries) runs instead.
    if !t.meta.is_null() {
        let call = vm.intern("__call__");
        if let Some(m) = t.meta.as_type().expect("type").lookup(&call).filter(|m| m.is::<FunctionObj>()) {
            let mut v = Vec::with_capacity(args.values.len() + 1);
            v.push(cls.clone());
            v.extend_from_slice(args.values);
            return vm.call_args(&m, Args::with_kw(&v, args.kwnames));
        }
    }
    type_call(vm, cls, args)
}

/// `type.__call__(cls, *args, **kwargs)`, which a metaclass's __call__ reaches through
/// super().
pub fn type_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.pos().first().filter(|c| c.as_type().is_some()) else {
        return Err(type_error("descriptor '__call__' of 'type' object needs a type argument"));
    };
    let rest = Args::with_kw(&args.values[1..], args.kwnames);
    type_call(vm, cls, rest)
}

/// `type.__init__(cls, name, bases, ns)`: checks the arguments; `type.__new__` did
/// the work (reached by a metaclass's `super().__init__(...)`).
pub fn type_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if !matches!(args.pos().len(), 2 | 4) {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

/// `__new__` then `__init__`.
fn type_call(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let t = cls.as_type().expect("type");
    let new_name = vm.names.dunder_new.clone();
    let init_name = vm.names.dunder_init.clone();
    let new = vm.lookup_type_attr(t, &new_name);
    let obj = match &new {
        Some(n) if !is_object_new(vm, n) => {
            let f = match n.downcast::<StaticMethodObj>() {
                Some(sm) => sm.func.clone(),
                None => n.clone(),
            };
            let mut v = Vec::with_capacity(args.values.len() + 1);
            v.push(cls.clone());
            v.extend_from_slice(args.values);
            vm.call_args(&f, Args::with_kw(&v, args.kwnames))?
        }
        _ => {
            // object.__new__: complain about arguments only if __init__ is not overridden.
            let init = vm.lookup_type_attr(t, &init_name);
            if !args.values.is_empty() && init.as_ref().is_none_or(|i| is_object_init(vm, i)) {
                return Err(type_error(format!("{}() takes no arguments", t.name())));
            }
            new_object(vm, cls)?
        }
    };
    // __init__ runs only when __new__ returned an instance of cls.
    let ot = vm.type_of(&obj);
    if !ot.as_type().expect("type").is_subtype_of(t) {
        return Ok(obj);
    }
    let init = vm.lookup_type_attr(ot.as_type().expect("type"), &init_name);
    if let Some(init) = init {
        if !is_object_init(vm, &init) {
            let mut v = Vec::with_capacity(args.values.len() + 1);
            v.push(obj.clone());
            v.extend_from_slice(args.values);
            let r = vm.call_args(&init, Args::with_kw(&v, args.kwnames))?;
            if !r.is_none() {
                return Err(type_error(format!("__init__() should return None, not '{}'", vm.type_name(&r))));
            }
        } else if !args.values.is_empty() && new.as_ref().is_some_and(|n| is_object_new(vm, n)) {
            return Err(type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    Ok(obj)
}

/// `T.__new__(cls, *args)` of a built-in type `exact` whose subclasses' instances hold
/// one of its instances: None when `cls` is `exact` itself (the caller makes a plain
/// value); otherwise an instance of `cls` holding what `ctor(exact, *args)` makes, or
/// CPython's error when cls is not a subtype of `exact`.
pub fn new_for_subclass(vm: &mut Vm, args: &Args, exact: &Value, ctor: NativeFn) -> Option<PyResult<Value>> {
    let cls = args.pos().first()?;
    if cls.is_same(exact) {
        return None;
    }
    let name = exact.as_type().expect("type").name();
    let Some(t) = cls.as_type() else {
        return Some(Err(type_error(format!("{name}.__new__(X): X is not a type object ({})", vm.type_name(cls)))));
    };
    if !t.builtin_base().is_some_and(|b| b.is_same(exact)) {
        return Some(Err(type_error(format!("{name}.__new__({}): {} is not a subtype of {name}", t.name(), t.name()))));
    }
    let mut inner = args.values.to_vec();
    inner[0] = exact.clone();
    Some(ctor(vm, Args::with_kw(&inner, args.kwnames)).map(|v| class::new_instance_with(cls.clone(), v)))
}

fn is_object_new(vm: &Vm, v: &Value) -> bool {
    v.is_same(&vm.object_new)
}

fn is_object_init(vm: &Vm, v: &Value) -> bool {
    v.is_same(&vm.object_init)
}

/// `object.__new__(cls)`: an empty instance of the right layout.
pub fn new_object(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let t = cls.as_type().expect("type");
    if !t.meta.is_null() {
        check_abstract(vm, t)?;
    }
    if t.builtin_base().is_some() {
        // CPython names the nearest class whose `__new__` is not one defined in Python.
        let new_name = vm.names.dunder_new.clone();
        let owner = t.with_mro(|mro| {
            mro.iter()
                .find(|c| c.as_type().expect("type").dict().get_str(&new_name).is_none_or(|n| !n.is::<StaticMethodObj>() && !n.is::<FunctionObj>()))
                .map(|c| c.as_type().expect("type").name())
        });
        let owner = owner.unwrap_or_else(|| t.name());
        return Err(type_error(format!("object.__new__({}) is not safe, use {owner}.__new__()", t.name())));
    }
    match t.layout {
        Layout::Instance | Layout::Builtin(ObjKind::Instance) => Ok(class::new_instance(cls.clone())),
        Layout::Exception => Ok(exception::new_exception(cls.clone(), vm.empty_tuple())),
        Layout::Builtin(_) => Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()", t.name(), t.name()))),
    }
}

/// Refuses to instantiate a class whose `__abstractmethods__` (set by `abc.ABCMeta`)
/// is not empty, as CPython's `object_new`.
fn check_abstract(vm: &mut Vm, t: &TypeObj) -> PyResult<()> {
    let k = vm.intern("__abstractmethods__");
    let Some(abstracts) = t.dict().get_str(&k) else { return Ok(()) };
    let mut names = Vec::new();
    for n in vm.collect(&abstracts)? {
        names.push(vm.str_string(&n)?);
    }
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    Err(type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        t.name(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )))
}

/// `type(name, bases, dict)`: a class of the bases' most derived metaclass.
fn type_new3(vm: &mut Vm, name: &Value, bases: &Value, dict: &Value) -> PyResult<Value> {
    if let Some(items) = bases.as_tuple() {
        if let Some(meta) = calculate_meta(vm, None, items)? {
            return vm.call(&meta, &[name.clone(), bases.clone(), dict.clone()]);
        }
    }
    class_from_parts(vm, name.clone(), bases, dict, Value::NULL)
}

/// A class from `type.__new__`'s arguments: the namespace is copied and gets a
/// `__module__`.
fn class_from_parts(vm: &mut Vm, name: Value, bases: &Value, dict: &Value, meta: Value) -> PyResult<Value> {
    let bases = bases.as_tuple().ok_or_else(|| type_error("type.__new__() argument 2 must be tuple"))?.to_vec();
    let d = dict.downcast::<DictObj>().ok_or_else(|| type_error("type.__new__() argument 3 must be dict"))?;
    let ns = d.copy();
    let module = vm.names.dunder_module.clone();
    if ns.downcast::<DictObj>().expect("dict").get_str(&module).is_none() {
        let main = vm.new_str("__main__");
        ns.downcast::<DictObj>().expect("dict").set_str(module, main);
    }
    make_class_with_meta(vm, name, &bases, ns, meta, &[])
}

/// Builds a class object from its name, bases, namespace and metaclass (`meta`; NULL
/// for `type`); the class statement's other keywords (`class_kw`, names then values) go
/// to `__init_subclass__`.
pub fn make_class_with_meta(vm: &mut Vm, name: Value, bases: &[Value], ns: Value, meta: Value, class_kw: &[Value]) -> PyResult<Value> {
    let bases: Vec<Value> = if bases.is_empty() { vec![vm.types.object.clone()] } else { bases.to_vec() };
    for (i, b) in bases.iter().enumerate() {
        let Some(bt) = b.as_type() else {
            return Err(type_error(format!("bases must be types, not {}", vm.type_name(b))));
        };
        if !bt.flags.get().contains(TypeFlags::BASETYPE) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
        if bases[..i].iter().any(|o| o.is_same(b)) {
            return Err(type_error(format!("duplicate base class {}", bt.name())));
        }
    }
    let base = best_base(vm, &bases)?;
    let bt = base.as_type().expect("type");
    let layout = match bt.layout {
        Layout::Builtin(k) if base.is_same(&vm.types.object) || k == ObjKind::Instance => Layout::Instance,
        // Instances of subclasses of the containers, str, int and float hold one of the
        // built-in type's instances (`InstanceObj::builtin`) that its methods work on.
        Layout::Builtin(_) if bt.holds_contents() => Layout::Instance,
        // A metaclass: its instances are classes, made by type.__new__.
        Layout::Builtin(ObjKind::Type) => Layout::Builtin(ObjKind::Type),
        Layout::Builtin(_) => {
            return Err(type_error(format!("subclassing the built-in type '{}' is not supported by monjit", bt.name())));
        }
        l => l,
    };
    let mro_tail = linearize(vm, &bases)?;
    let d = ns.downcast::<DictObj>().expect("namespace dict");
    let qualname = d.remove_str(&vm.names.dunder_qualname.clone()).unwrap_or_else(|| name.clone());
    let module = d.get_str(&vm.names.dunder_module.clone()).unwrap_or(Value::NONE);
    let classcell = d.remove_str(&vm.names.dunder_classcell.clone());
    // The compiler stores a `__classdict__` cell for annotation scopes as
    // `__classdictcell__`; it refers to the class namespace (type_new_set_classdictcell).
    let classdictcell_name = vm.intern("__classdictcell__");
    if let Some(cell) = d.remove_str(&classdictcell_name) {
        if let Some(c) = cell.downcast::<CellObj>() {
            c.value.set(ns.clone());
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable (CPython sets
    // __hash__ = None in its namespace).
    let hash_name = vm.names.dunder_hash.clone();
    if d.get_str(&vm.names.dunder_eq.clone()).is_some() && d.get_str(&hash_name).is_none() {
        d.set_str(hash_name, Value::NONE);
    }
    // `__init_subclass__` and `__class_getitem__` are implicitly class methods.
    for special in [vm.names.dunder_init_subclass.clone(), vm.intern("__class_getitem__")] {
        if let Some(f) = d.get_str(&special).filter(|f| f.is::<FunctionObj>()) {
            d.set_str(special, descr::new_classmethod(f));
        }
    }
    // Functions in the namespace become methods; staticmethod etc. stay as they are.
    let spec = TypeSpec { name, qualname, module, base: base.clone(), dict: ns.clone(), layout, flags: TypeFlags::BASETYPE, meta };
    let cls = class::new_type_with_bases(spec, bases, mro_tail);
    crate::runtime::slots::init_slots(vm, &cls)?;
    if let Some(cell) = classcell {
        if let Some(c) = cell.downcast::<CellObj>() {
            c.value.set(cls.clone());
        }
    }
    // __set_name__ on descriptors, then __init_subclass__ of the base.
    let set_name = vm.names.dunder_set_name.clone();
    for (k, v) in d.items() {
        if crate::runtime::ops::is_user_object(&v) {
            if let Some(m) = vm.lookup_special(&v, &set_name) {
                vm.call_method_value(&m, &v, &[cls.clone(), k])?;
            }
        }
    }
    // `super(cls, cls).__init_subclass__()`: the first definition after cls in its MRO.
    let init_sub = vm.names.dunder_init_subclass.clone();
    let inherited = cls.as_type().expect("type").with_mro(|mro| {
        mro[1..].iter().find_map(|t| t.as_type().expect("mro entry is a type").dict().get_str(&init_sub))
    });
    if let Some(m) = inherited {
        let f = match m.downcast::<ClassMethodObj>() {
            Some(cm) => cm.func.clone(),
            None => m.clone(),
        };
        let mut v = Vec::with_capacity(class_kw.len() + 1);
        v.push(cls.clone());
        v.extend_from_slice(&class_kw[class_kw.len() / 2..]);
        vm.call_args(&f, Args::with_kw(&v, &class_kw[..class_kw.len() / 2]))?;
    }
    Ok(cls)
}

/// The base whose instance layout a new class extends (CPython's `best_base`): of the
/// bases' solid bases (`solid_base`), the one that is a subclass of all the others;
/// bases whose solid bases are unrelated cannot be combined (`class X(list, dict)`).
fn best_base(vm: &Vm, bases: &[Value]) -> PyResult<Value> {
    let mut winner: Option<(Value, Value)> = None;
    for b in bases {
        let solid = solid_base(vm, b);
        let st = solid.as_type().expect("type");
        winner = match winner {
            None => Some((solid, b.clone())),
            Some((ws, wb)) => {
                let wt = ws.as_type().expect("type");
                if wt.is_subtype_of(st) {
                    Some((ws, wb))
                } else if st.is_subtype_of(wt) {
                    Some((solid, b.clone()))
                } else {
                    return Err(type_error("multiple bases have instance lay-out conflict"));
                }
            }
        };
    }
    Ok(winner.expect("at least one base").1)
}

/// The nearest class along `t`'s bases that fixes its instances' layout: `object`, a
/// built-in type with its own instance kind (list, dict, int...), `BaseException` for
/// exceptions (monjit's exceptions share one layout), or a class with its own
/// non-empty `__slots__`.
fn solid_base(vm: &Vm, t: &Value) -> Value {
    let tt = t.as_type().expect("type");
    if tt.base.is_null() {
        return t.clone();
    }
    let builtin = tt.flags.get().contains(TypeFlags::IMMUTABLE);
    if builtin && tt.layout != Layout::Exception {
        return t.clone();
    }
    // Exceptions whose CPython structs add fields to BaseException's.
    const EXTENDED_EXCEPTIONS: [&str; 7] =
        ["StopIteration", "SystemExit", "ImportError", "OSError", "SyntaxError", "AttributeError", "NameError"];
    if builtin
        && (tt.base.as_type().is_none_or(|b| b.layout != Layout::Exception)
            || EXTENDED_EXCEPTIONS.contains(&tt.name().as_str()))
    {
        return t.clone();
    }
    if !builtin && declares_slots(vm, tt) {
        return t.clone();
    }
    solid_base(vm, &tt.base)
}

/// Whether a class's own namespace declares instance attributes in `__slots__`.
fn declares_slots(vm: &Vm, t: &TypeObj) -> bool {
    let Some(decl) = t.dict().get_str(&vm.names.dunder_slots) else { return false };
    let names: Vec<Value> = match decl.as_tuple() {
        _ if decl.is::<StrObj>() => vec![decl.clone()],
        Some(items) => items.to_vec(),
        None => match decl.downcast::<ListObj>() {
            Some(l) => l.to_vec(),
            None => return false,
        },
    };
    names.iter().any(|n| !matches!(n.as_str(), Some("__dict__" | "__weakref__")))
}

/// The MRO of a class with these bases, after the class itself: CPython's C3
/// linearisation, merging the bases' MROs and the list of bases.
fn linearize(vm: &Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    if let [b] = bases {
        return Ok(b.as_type().expect("type").mro());
    }
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| b.as_type().expect("type").mro()).collect();
    seqs.push(bases.to_vec());
    let mut heads = vec![0usize; seqs.len()];
    let mut out = Vec::new();
    loop {
        let live: Vec<usize> = (0..seqs.len()).filter(|&i| heads[i] < seqs[i].len()).collect();
        if live.is_empty() {
            return Ok(out);
        }
        // The first head that is in no other list's tail.
        let in_tail = |c: &Value| live.iter().any(|&j| seqs[j][heads[j] + 1..].iter().any(|x| x.is_same(c)));
        let Some(next) = live.iter().map(|&i| seqs[i][heads[i]].clone()).find(|c| !in_tail(c)) else {
            return Err(mro_error(vm, &seqs, &heads));
        };
        for (i, seq) in seqs.iter().enumerate() {
            if heads[i] < seq.len() && seq[heads[i]].is_same(&next) {
                heads[i] += 1;
            }
        }
        out.push(next);
    }
}

/// CPython's `set_mro_error`: the bases still to place, each named once, in the order of
/// the lists they head.
fn mro_error(_vm: &Vm, seqs: &[Vec<Value>], heads: &[usize]) -> PyErr {
    let mut names: Vec<Value> = Vec::new();
    for (seq, &h) in seqs.iter().zip(heads) {
        if let Some(c) = seq.get(h) {
            if !names.iter().any(|n| n.is_same(c)) {
                names.push(c.clone());
            }
        }
    }
    let names: Vec<String> = names.iter().map(|n| n.as_type().expect("type").name()).collect();
    type_error(format!("Cannot create a consistent method resolution order (MRO) for bases {}", names.join(", ")))
}

/// `__build_class__(func, name, *bases, **kwds)`.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let mut explicit_meta = None;
    let (mut kw_names, mut kw_values) = (Vec::new(), Vec::new());
    for ((k, v), name) in args.kwargs().zip(args.kwnames) {
        if k == "metaclass" {
            explicit_meta = Some(v.clone());
        } else {
            kw_names.push(name.clone());
            kw_values.push(v.clone());
        }
    }
    let func = pos[0].clone();
    let name = pos[1].clone();
    let bases = pos[2..].to_vec();
    let meta = calculate_meta(vm, explicit_meta, &bases)?;
    let f = func.downcast::<FunctionObj>().ok_or_else(|| type_error("__build_class__: func must be a function"))?;
    let ns = dict::new_dict();
    let globals = f.globals.clone();
    let code = f.code.clone();
    let cell = crate::interp::call::run_code_with_locals(vm, &code, func.clone(), globals, ns.clone())?;
    if cell.is::<CellObj>() {
        let k = vm.names.dunder_classcell.clone();
        ns.downcast::<DictObj>().expect("ns").set_str(k, cell);
    }
    match meta {
        None => {
            kw_names.extend(kw_values);
            make_class_with_meta(vm, name, &bases, ns, Value::NULL, &kw_names)
        }
        Some(meta) => {
            if let Some(k) = kw_names.first() {
                return Err(type_error(format!("__init_subclass__() takes no keyword arguments ({})", k.as_str().unwrap_or("?"))));
            }
            let bases = tuple::new_tuple(bases);
            vm.call(&meta, &[name, bases, ns])
        }
    }
}

/// The metaclass of a new class (`_PyType_CalculateMetaclass`): the explicit one or
/// `type`, replaced by any base's metaclass that is a subclass of it. None for `type`.
fn calculate_meta(vm: &mut Vm, explicit: Option<Value>, bases: &[Value]) -> PyResult<Option<Value>> {
    let mut winner = explicit.unwrap_or_else(|| vm.types.type_.clone());
    let Some(mut wt) = winner.as_type() else {
        // A callable that is not a class is called as is.
        return Ok(Some(winner));
    };
    for b in bases {
        let bm = vm.type_of(b);
        let bt = bm.as_type().expect("type");
        if wt.is_subtype_of(bt) {
            continue;
        }
        if bt.is_subtype_of(wt) {
            winner = bm.clone();
            wt = winner.as_type().expect("type");
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(if winner.is_same(&vm.types.type_) { None } else { Some(winner) })
}

/// `type.__new__(mcls, name, bases, namespace)`: a class whose metaclass is `mcls`.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(mcls) = pos.first() else { return Err(type_error("type.__new__(): not enough arguments")) };
    let Some(mt) = mcls.as_type() else {
        return Err(type_error(format!("type.__new__(X): X is not a type object ({})", vm.type_name(mcls))));
    };
    if !mt.is_subtype_of(vm.types.type_.as_type().expect("type")) {
        return Err(type_error(format!("type.__new__({}): {} is not a subtype of type", mt.name(), mt.name())));
    }
    if pos.len() != 4 {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    }
    let name = pos[1].clone();
    if name.as_str().is_none() {
        return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", vm.type_name(&name))));
    }
    let meta = if mcls.is_same(&vm.types.type_) { Value::NULL } else { mcls.clone() };
    class_from_parts(vm, name, &pos[2], &pos[3], meta)
}

/// Setting or deleting an attribute on a class.
pub fn type_setattr(vm: &mut Vm, cls: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let t = cls.as_type().expect("type");
    if matches!(t.layout, Layout::Builtin(_)) || t.flags.get().contains(TypeFlags::IMMUTABLE) {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_str().unwrap_or("?"),
            t.name()
        )));
    }
    match (name.as_str(), &value) {
        (Some("__name__"), Some(v)) => {
            t.name.set(v.clone());
            return Ok(());
        }
        (Some("__qualname__"), Some(v)) => {
            t.qualname.set(v.clone());
            return Ok(());
        }
        _ => {}
    }
    let d = t.dict();
    match value {
        Some(v) => d.set_str(name.clone(), v),
        None => {
            if d.remove_str(name).is_none() {
                let msg = format!("type object '{}' has no attribute '{}'", t.name(), name.as_str().unwrap_or("?"));
                return Err(crate::runtime::attr::attribute_error(vm, cls, name, msg));
            }
        }
    }
    t.modified();
    Ok(())
}

/// Restricts instance attributes of classes that define `__slots__`.
pub fn check_slots(vm: &mut Vm, obj: &Value, t: &TypeObj, name: &Value) -> PyResult<()> {
    crate::runtime::slots::check(vm, obj, t, name)
}

/// `super(cls, obj)` look-up: the attribute after `this_class` in obj's MRO.
fn super_lookup(vm: &mut Vm, this_class: &Value, obj: &Value, obj_type: &Value, name: &Value) -> PyResult<Option<Value>> {
    let mro = obj_type.as_type().expect("type").mro();
    let start = mro.iter().position(|t| t.is_same(this_class)).map_or(mro.len(), |p| p + 1);
    for t in &mro[start..] {
        let tt = t.as_type().expect("type");
        if let Some(d) = tt.dict().get_str(name) {
            let instance_bound = !obj.is_same(obj_type);
            return Ok(Some(match d.kind() {
                Some(ObjKind::Function) if instance_bound => func::new_bound_method(d, obj.clone()),
                Some(ObjKind::NativeFunction) if instance_bound => crate::runtime::attr::bind(d, obj.clone()),
                // object.__init_subclass__ is a class method.
                Some(ObjKind::NativeFunction) if name.is_same(&vm.names.dunder_init_subclass) => {
                    crate::runtime::attr::bind(d, obj_type.clone())
                }
                Some(ObjKind::ClassMethod) => {
                    func::new_bound_method(d.downcast::<ClassMethodObj>().expect("cm").func.clone(), obj_type.clone())
                }
                Some(ObjKind::StaticMethod) => d.downcast::<StaticMethodObj>().expect("sm").func.clone(),
                Some(ObjKind::Property) if instance_bound => {
                    let fget = d.downcast::<PropertyObj>().expect("p").fget.clone();
                    vm.call(&fget, std::slice::from_ref(obj))?
                }
                _ => d,
            }));
        }
    }
    Ok(None)
}

/// The type whose MRO `super` searches: obj's type, or obj itself for class methods.
fn super_obj_type(vm: &mut Vm, this_class: &Value, obj: &Value) -> PyResult<Value> {
    let tc = this_class.as_type().ok_or_else(|| type_error("super() argument 1 must be a type"))?;
    if let Some(ot) = obj.as_type() {
        if ot.is_subtype_of(tc) {
            return Ok(obj.clone());
        }
    }
    let t = vm.type_of(obj);
    if t.as_type().expect("type").is_subtype_of(tc) {
        return Ok(t);
    }
    Err(type_error("super(type, obj): obj must be an instance or subtype of type"))
}

pub fn new_super_object(vm: &mut Vm, this_class: &Value, obj: &Value) -> PyResult<Value> {
    let obj_type = super_obj_type(vm, this_class, obj)?;
    Ok(descr::new_super(this_class.clone(), obj.clone(), obj_type))
}

pub fn super_getattr(vm: &mut Vm, sup: &Value, name: &Value) -> PyResult<Option<Value>> {
    let s = sup.downcast::<SuperObj>().expect("super");
    let (this_class, obj, obj_type) = (s.this_class.clone(), s.obj.clone(), s.obj_type.clone());
    if name.as_str() == Some("__class__") {
        return Ok(Some(vm.types.super_.clone()));
    }
    if let Some(v) = super_lookup(vm, &this_class, &obj, &obj_type, name)? {
        return Ok(Some(v));
    }
    let msg = format!("'super' object has no attribute '{}'", name.as_str().unwrap_or("?"));
    Err(crate::runtime::attr::attribute_error(vm, sup, name, msg))
}

/// LOAD_SUPER_ATTR: `super().name` without building the super object when `super` is
/// the built-in.
pub fn load_super_attr(
    vm: &mut Vm,
    global_super: &Value,
    class: &Value,
    self_: &Value,
    name: &Value,
    method: bool,
    two_args: bool,
) -> PyResult<(Value, Option<Value>)> {
    let _ = two_args;
    if !global_super.is_same(&vm.builtin_super) {
        let sup = vm.call(global_super, &[class.clone(), self_.clone()])?;
        let v = vm.getattr(&sup, name)?;
        return Ok((v, None));
    }
    let obj_type = super_obj_type(vm, class, self_)?;
    if method && !self_.is_same(&obj_type) {
        // Return the plain function with self, avoiding a bound method.
        let mro = obj_type.as_type().expect("type").mro();
        let start = mro.iter().position(|t| t.is_same(class)).map_or(mro.len(), |p| p + 1);
        for t in &mro[start..] {
            if let Some(d) = t.as_type().expect("type").dict().get_str(name) {
                if d.is::<FunctionObj>() || d.downcast::<NativeFunctionObj>().is_some_and(|n| n.is_method_descriptor()) {
                    return Ok((d, Some(self_.clone())));
                }
                break;
            }
        }
    }
    match super_lookup(vm, class, self_, &obj_type, name)? {
        Some(v) => Ok((v, None)),
        None => {
            let sup = descr::new_super(class.clone(), self_.clone(), obj_type);
            let msg = format!("'super' object has no attribute '{}'", name.as_str().unwrap_or("?"));
            Err(crate::runtime::attr::attribute_error(vm, &sup, name, msg))
        }
    }
}

/// Zero-argument `super()`: the enclosing method's `__class__` cell and first argument.
pub fn zero_arg_super(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): no current frame"));
    };
    let code = frame.code();
    if code.argcount == 0 {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments"));
    }
    let first = frame.local(0);
    let first = match first.downcast::<CellObj>() {
        Some(c) if code.localsplus_kinds[0] & crate::bytecode::LOCALS_KIND_CELL != 0 => c.value.get(),
        _ => first,
    };
    if first.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): arg[0] deleted"));
    }
    let idx = (0..code.nlocalsplus()).find(|&i| code.localsplus_name(i) == "__class__");
    let Some(i) = idx else {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): __class__ cell not found"));
    };
    let cell = frame.local(i);
    let cls = cell.downcast::<CellObj>().map(|c| c.value.get()).unwrap_or(Value::NULL);
    if cls.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): empty __class__ cell"));
    }
    new_super_object(vm, &cls, &first)
}
