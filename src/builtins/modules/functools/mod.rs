//! `_functools` (CPython's `Modules/_functoolsmodule.c`, in Rust): reduce, partial,
//! cmp_to_key and the lru_cache wrapper. `functools` itself is a frozen Python module
//! (`src/stdlib/functools.py`) built on these, as CPython's `Lib/functools.py` is.

use super::native::{self, self_arg};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::opaque::new_opaque;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefMut;

mod lru;

pub fn init(vm: &mut Vm, d: &DictObj) {
    super::add_functions(vm, d, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let partial = native::add_type(vm, d, "functools", "partial", &[
        ("__new__", partial_new),
        ("__call__", partial_call_method),
        ("__get__", bind_get),
        ("__repr__", partial_repr),
    ]);
    add_readonly(vm, &partial, &[("func", partial_func), ("args", partial_args), ("keywords", partial_keywords)]);
    let key = native::add_type(vm, d, "functools", "KeyWrapper", &[
        ("__call__", key_call_method),
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ]);
    let hash = vm.names.dunder_hash.clone();
    key.as_type().expect("type").dict.downcast::<DictObj>().expect("dict").set_str(hash, Value::NONE);
    add_readonly(vm, &key, &[("obj", key_obj)]);
    lru::init(vm, d);
}

/// Read-only attributes (properties over native getters) of a native type.
fn add_readonly(vm: &mut Vm, cls: &Value, getters: &[(&'static str, NativeFn)]) {
    let dict = cls.as_type().expect("type").dict.clone();
    for (name, f) in getters {
        let fget = func::new_native(name, "", *f);
        let p = descr::new_property(fget, Value::NONE, Value::NONE, Value::NONE);
        let k = vm.intern(name);
        dict.downcast::<DictObj>().expect("dict").set_str(k, p);
    }
}

/// `__get__` of partial and the lru_cache wrapper: bound to instances like functions.
pub fn bind_get(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__get__")?;
    match args.pos().get(1) {
        Some(obj) if !obj.is_none() => Ok(func::new_bound_method(s.clone(), obj.clone())),
        _ => Ok(s.clone()),
    }
}

// ------------------------------------------------------------------ reduce

/// `reduce(function, iterable, /[, initial])` (`initial` may be a keyword since 3.14).
fn reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [initial_kw] = crate::builtins::argparse::kwargs("reduce", &args, ["initial"])?;
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(type_error(format!("reduce() takes at least 2 positional arguments ({} given)", pos.len())));
    }
    if pos.len() > 3 || (pos.len() == 3 && initial_kw.is_some()) {
        return Err(type_error(format!("reduce() takes at most 3 arguments ({} given)", pos.len() + args.kwnames.len())));
    }
    let func = &pos[0];
    let it = vm.iter(&pos[1]).map_err(|e| {
        if vm.error_is(&e, ExcKind::TypeError) { type_error("reduce() arg 2 must support iteration") } else { e }
    })?;
    let mut acc = pos.get(2).or(initial_kw).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(func, &[a, x])?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

// ------------------------------------------------------------------ partial

struct Partial {
    func: Value,
    /// A tuple.
    args: Value,
    /// A dict of str keys.
    kw: Value,
}

impl Partial {
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        [&self.func, &self.args, &self.kw].into_iter().for_each(visit)
    }
    fn clear_refs(&mut self) {
        self.func = Value::NONE;
        self.args = tuple::new_tuple(Vec::new());
        self.kw = dict::new_dict();
    }
}

crate::native_data!(Partial, None, Some(partial_call));

fn partial_state<'a>(vm: &Vm, s: &'a Value) -> PyResult<RefMut<'a, Partial>> {
    native::state::<Partial>(vm, s, "partial")
}

fn partial_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let cls = pos.first().ok_or_else(|| type_error("partial.__new__(): not enough arguments"))?;
    let Some(func) = pos.get(1) else { return Err(type_error("type 'partial' takes at least one argument")) };
    if !vm.is_callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    let mut func = func.clone();
    let mut items: Vec<Value> = Vec::new();
    let kw = dict::new_dict();
    // A partial of a partial (with no attributes of its own) flattens, as CPython.
    let inner = if native::is::<Partial>(&func) {
        let plain = func.downcast::<OpaqueObj>().is_some_and(|o| o.dict.downcast::<DictObj>().is_none_or(|d| d.is_empty()));
        if plain {
            let p = partial_state(vm, &func)?;
            Some((p.func.clone(), p.args.clone(), p.kw.clone()))
        } else {
            None
        }
    } else {
        None
    };
    if let Some((f, a, k)) = inner {
        func = f;
        items.extend_from_slice(a.as_tuple().unwrap_or(&[]));
        for (key, v) in k.downcast::<DictObj>().expect("dict").items() {
            kw.downcast::<DictObj>().expect("dict").set_str(key, v);
        }
    }
    items.extend_from_slice(&pos[2..]);
    for (k, v) in args.kwargs() {
        let key = vm.intern(k);
        kw.downcast::<DictObj>().expect("dict").set_str(key, v.clone());
    }
    let st = Partial { func, args: tuple::new_tuple(items), kw };
    Ok(new_opaque(cls.clone(), Box::new(st), dict::new_dict()))
}

fn partial_call(vm: &mut Vm, s: &Value, args: Args) -> PyResult<Value> {
    let (func, pargs, pkw) = {
        let p = partial_state(vm, s)?;
        (p.func.clone(), p.args.clone(), p.kw.clone())
    };
    let stored = pargs.as_tuple().unwrap_or(&[]);
    let pkw = pkw.downcast::<DictObj>().expect("dict");
    if pkw.is_empty() {
        if stored.is_empty() {
            return vm.call_args(&func, args);
        }
        let mut v = Vec::with_capacity(stored.len() + args.values.len());
        v.extend_from_slice(stored);
        v.extend_from_slice(args.values);
        return vm.call_args(&func, Args::with_kw(&v, args.kwnames));
    }
    // Stored keywords, overridden (in place) by the call's.
    let mut names: Vec<Value> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    for (k, v) in pkw.items() {
        names.push(k);
        values.push(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| n.as_str() == Some(k)) {
            Some(i) => values[i] = v.clone(),
            None => {
                names.push(vm.intern(k));
                values.push(v.clone());
            }
        }
    }
    let mut all = Vec::with_capacity(stored.len() + args.values.len() + values.len());
    all.extend_from_slice(stored);
    all.extend_from_slice(args.pos());
    all.extend(values);
    vm.call_args(&func, Args::with_kw(&all, &names))
}

fn partial_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__call__")?;
    partial_call(vm, s, Args::with_kw(&args.values[1..], args.kwnames))
}

fn partial_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__repr__")?;
    let (func, pargs, pkw) = {
        let p = partial_state(vm, s)?;
        (p.func.clone(), p.args.clone(), p.kw.clone())
    };
    let mut parts = vec![vm.repr_string(&func)?];
    for a in pargs.as_tuple().unwrap_or(&[]) {
        parts.push(vm.repr_string(a)?);
    }
    for (k, v) in pkw.downcast::<DictObj>().expect("dict").items() {
        let r = vm.repr_string(&v)?;
        parts.push(format!("{}={r}", k.as_str().unwrap_or("?")));
    }
    let ty = vm.type_of(s);
    let t = ty.as_type().expect("type");
    let module = t.module.get();
    let text = format!("{}.{}({})", module.as_str().unwrap_or("?"), t.qualname(), parts.join(", "));
    Ok(vm.str_from_string(text))
}

fn partial_func(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(partial_state(vm, self_arg(&args, "func")?)?.func.clone())
}

fn partial_args(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(partial_state(vm, self_arg(&args, "args")?)?.args.clone())
}

fn partial_keywords(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(partial_state(vm, self_arg(&args, "keywords")?)?.kw.clone())
}

// ------------------------------------------------------------------ cmp_to_key

/// `cmp_to_key(mycmp)` gives a KeyWrapper with no object; calling it wraps one.
struct Key {
    cmp: Value,
    obj: Value,
}

impl Key {
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        visit(&self.obj)
    }
    fn clear_refs(&mut self) {
        self.cmp = Value::NONE;
        self.obj = Value::NULL;
    }
}

crate::native_data!(Key, None, Some(key_call));

fn cmp_to_key(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [kw] = crate::builtins::argparse::kwargs("cmp_to_key", &args, ["mycmp"])?;
    let pos = args.pos();
    if pos.len() + usize::from(kw.is_some()) > 1 {
        return Err(type_error(format!("cmp_to_key() takes at most 1 argument ({} given)", pos.len() + args.kwnames.len())));
    }
    let cmp = pos.first().or(kw).ok_or_else(|| type_error("cmp_to_key() missing required argument 'mycmp' (pos 1)"))?;
    let cls = native::module_attr(vm, "_functools", "KeyWrapper")?;
    Ok(new_opaque(cls, Box::new(Key { cmp: cmp.clone(), obj: Value::NULL }), Value::NULL))
}

fn key_call(vm: &mut Vm, s: &Value, args: Args) -> PyResult<Value> {
    let [kw] = crate::builtins::argparse::kwargs("K", &args, ["obj"])?;
    let pos = args.pos();
    let obj = match (pos, kw) {
        ([o], None) | ([], Some(o)) => o.clone(),
        ([], None) => return Err(type_error("K() missing required argument 'obj' (pos 1)")),
        _ => return Err(type_error(format!("K() takes at most 1 argument ({} given)", pos.len() + args.kwnames.len()))),
    };
    let cmp = native::state::<Key>(vm, s, "K")?.cmp.clone();
    let cls = vm.type_of(s);
    Ok(new_opaque(cls, Box::new(Key { cmp, obj }), Value::NULL))
}

fn key_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__call__")?;
    key_call(vm, s, Args::with_kw(&args.values[1..], args.kwnames))
}

fn key_obj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = native::state::<Key>(vm, self_arg(&args, "obj")?, "obj")?.obj.clone();
    if o.is_null() {
        return Err(PyErr::new(ExcKind::AttributeError, "obj"));
    }
    Ok(o)
}

fn key_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult<Value> {
    let (s, rest) = crate::builtins::argparse::method("__lt__", &args, 1, 1)?;
    let other = &rest[0];
    if !native::is::<Key>(other) {
        return Err(type_error("other argument must be K instance"));
    }
    let (cmp, x) = {
        let k = native::state::<Key>(vm, s, "K")?;
        (k.cmp.clone(), k.obj.clone())
    };
    let y = native::state::<Key>(vm, other, "K")?.obj.clone();
    if x.is_null() || y.is_null() {
        return Err(PyErr::new(ExcKind::AttributeError, "object"));
    }
    let r = vm.call(&cmp, &[x, y])?;
    vm.rich_compare(&r, &Value::int(0), op)
}

macro_rules! key_cmps {
    ($($f:ident $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            key_compare(vm, args, CmpOp::$op)
        })*
    };
}

key_cmps! { key_lt Lt; key_le Le; key_eq Eq; key_ne Ne; key_gt Gt; key_ge Ge; }
