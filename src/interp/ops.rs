//! The slower instructions' bodies, kept out of the dispatch loop.

use crate::bytecode::{self as bc, Instr};
use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::interp::frame::Frame;
use crate::object::ObjKind;
use crate::objects::func::{Args, FunctionParts};
use crate::objects::code::CacheEntry;
use crate::objects::iter::IterState;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// `mapping[name]` for a namespace (dict fast path), None if missing.
pub fn mapping_get(vm: &mut Vm, mapping: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(d) = mapping.downcast::<DictObj>() {
        return Ok(d.get_str(name));
    }
    match vm.getitem(mapping, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.error_is(&e, ExcKind::KeyError) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn mapping_set(vm: &mut Vm, mapping: &Value, name: Value, v: Value) -> PyResult<()> {
    if let Some(d) = mapping.downcast::<DictObj>() {
        d.set_str(name, v);
        return Ok(());
    }
    vm.setitem(mapping, &name, v)
}

pub fn mapping_del(vm: &mut Vm, mapping: &Value, name: &Value) -> PyResult<()> {
    if let Some(d) = mapping.downcast::<DictObj>() {
        if d.remove_str(name).is_none() {
            return Err(crate::runtime::exceptions::name_error(vm, name));
        }
        return Ok(());
    }
    vm.delitem(mapping, name)
}

/// LOAD_GLOBAL with an inline cache: the entry index in globals (`aux` 0) or builtins
/// (`aux` 1). A globals entry stays valid while the globals' key set is unchanged (the
/// builtins cannot shadow it); a builtins entry also needs the builtins' key set
/// unchanged (and the globals' one, which says the name is still not global).
#[inline]
pub fn load_global(vm: &mut Vm, frame: &Frame, code: &CodeObj, ins: Instr) -> PyResult<Value> {
    match cached_global(vm, frame, code, ins) {
        Some(v) => Ok(v),
        None => load_global_miss(vm, frame.globals.downcast::<DictObj>().expect("globals dict"), code, ins),
    }
}

/// LOAD_GLOBAL's cache hit alone (see `load_global`).
#[inline(always)]
pub fn cached_global(vm: &Vm, frame: &Frame, code: &CodeObj, ins: Instr) -> Option<Value> {
    let globals = frame.globals.downcast::<DictObj>().expect("globals dict");
    let cache = &code.caches[ins.cache as usize];
    let c = cache.get();
    {
        // One look at the globals' table for the version check and the read.
        // SAFETY: the tables are only read, and cloning a value runs no code.
        let gt = unsafe { globals.table_unguarded() };
        if c.version == gt.keys_version() + 1 {
            if c.aux == 0 {
                if let Some(e) = gt.entries().get(c.index as usize) {
                    if !e.key.is_null() {
                        return Some(e.value.clone());
                    }
                }
            } else {
                // SAFETY: as above.
                let bt = unsafe { vm.builtins_dict().table_unguarded() };
                if c.version2 == bt.keys_version() + 1 {
                    if let Some(e) = bt.entries().get(c.index as usize) {
                        if !e.key.is_null() {
                            return Some(e.value.clone());
                        }
                    }
                }
            }
        }
    }
    None
}

/// LOAD_GLOBAL's cache miss: the full look-up, refilling the cache.
#[inline(never)]
fn load_global_miss(vm: &mut Vm, globals: &DictObj, code: &CodeObj, ins: Instr) -> PyResult<Value> {
    let builtins = vm.builtins_dict();
    let cache = &code.caches[ins.cache as usize];
    let (gv, bv) = (globals.keys_version() + 1, builtins.keys_version() + 1);
    let name = &code.names[(ins.arg >> 1) as usize];
    if let Some(ix) = globals.index_of_str(name) {
        cache.set(crate::objects::code::CacheEntry { version: gv, version2: bv, index: ix as u32, aux: 0 });
        return Ok(globals.value_at(ix).expect("live entry"));
    }
    if let Some(ix) = builtins.index_of_str(name) {
        cache.set(crate::objects::code::CacheEntry { version: gv, version2: bv, index: ix as u32, aux: 1 });
        return Ok(builtins.value_at(ix).expect("live entry"));
    }
    let name = name.clone();
    Err(crate::runtime::exceptions::name_error(vm, &name))
}

/// LOAD_NAME: locals, then globals, then builtins.
pub fn load_name(vm: &mut Vm, frame: &Frame, name: &Value) -> PyResult<Value> {
    if !frame.locals.is_null() {
        let locals = frame.locals.clone();
        if let Some(v) = mapping_get(vm, &locals, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = frame.globals.downcast::<DictObj>().and_then(|d| d.get_str(name)) {
        return Ok(v);
    }
    if let Some(v) = vm.builtins_dict().get_str(name) {
        return Ok(v);
    }
    Err(crate::runtime::exceptions::name_error(vm, name))
}

/// How CALL can run a Python function in the interpreter loop itself (no Rust
/// recursion, no argument binding).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DirectCall {
    /// The positional arguments fill the parameters exactly.
    Exact,
    /// They fill the first parameters and defaults cover the rest.
    WithDefaults,
    No,
}

#[inline(always)]
pub fn direct_call(fo: &FunctionObj, nargs: usize) -> DirectCall {
    let arity = fo.code().fast_arity;
    if arity == nargs as i32 {
        return DirectCall::Exact;
    }
    if arity > nargs as i32 {
        let defaults = fo.defaults.get();
        if defaults.as_tuple().is_some_and(|d| nargs + d.len() >= arity as usize) {
            return DirectCall::WithDefaults;
        }
    }
    DirectCall::No
}

/// For `cls(args...)` with `argc` positional arguments: the `__init__` function the
/// interpreter can run directly (CPython's CALL_ALLOC_AND_ENTER_INIT) when instances
/// come from object.__new__ and `__init__` is a Python function that takes them.
#[inline]
pub fn direct_init(vm: &mut Vm, t: &TypeObj, argc: usize) -> Option<(Value, DirectCall)> {
    // A class with a metaclass other than type may have its own __call__ or abstract
    // methods: it goes through call_type.
    if t.layout != crate::objects::class::Layout::Instance || t.base.is_null() || !t.meta.is_null() {
        return None;
    }
    let new_name = vm.names.dunder_new.clone();
    if !vm.lookup_type_attr(t, &new_name).is_some_and(|n| n.is_same(&vm.object_new)) {
        return None;
    }
    let init_name = vm.names.dunder_init.clone();
    let init = vm.lookup_type_attr(t, &init_name)?;
    let kind = direct_call(init.downcast::<FunctionObj>()?, argc + 1);
    (kind != DirectCall::No).then_some((init, kind))
}

/// The getter to call for `owner.name` when `name` is a property of the owner's class
/// whose getter is a Python function taking just `self`.
#[inline]
pub fn property_getter(vm: &mut Vm, owner: &Value, name: &Value) -> Option<Value> {
    let inst = owner.downcast::<InstanceObj>()?;
    let t = inst.class();
    let prop = vm.lookup_type_attr(t, name)?;
    let fget = prop.downcast::<PropertyObj>()?.fget.clone();
    (fget.downcast::<FunctionObj>().map(|f| direct_call(f, 1)) == Some(DirectCall::Exact)).then_some(fget)
}

/// LOAD_ATTR (attribute form) with the instance-attribute cache.
///
/// The cache entry is valid for one version of the owner's type and records two facts:
/// the type (with its MRO) defines nothing called `name`, so no descriptor or
/// attribute hook can intervene, and the attribute sits at `index` in the instance
/// dict. Instances of a class usually store their attributes in the same order, so
/// one index serves them all; a hit is a version compare and a key-identity check.
/// At a site that sees several classes (methods inherited by subclasses) the version
/// differs, and the same facts are re-established through the type-attribute cache.
#[inline]
pub fn load_attr(vm: &mut Vm, code: &CodeObj, ins: Instr, owner: &Value, name: &Value) -> PyResult<Value> {
    let Some(inst) = owner.downcast::<InstanceObj>() else {
        if let Some(m) = owner.downcast::<ModuleObj>() {
            return module_attr(vm, code, ins, owner, m, name);
        }
        return vm.getattr(owner, name);
    };
    let cache = &code.caches[ins.cache as usize];
    let t = inst.class();
    let c = cache.get();
    if c.version == t.version() {
        if let Some(v) = inst.dict().value_at_if_key(c.index as usize, name) {
            return Ok(v);
        }
    } else if instance_attr_cacheable(vm, t, name, false) {
        let d = inst.dict();
        if let Some(v) = d.value_at_if_key(c.index as usize, name) {
            cache.set(CacheEntry { version: t.version(), ..c });
            return Ok(v);
        }
        if let Some(ix) = d.index_of_str(name) {
            cache.set(CacheEntry { version: t.version(), version2: 0, index: ix as u32, aux: 0 });
            return Ok(d.value_at(ix).expect("live entry"));
        }
    }
    vm.getattr(owner, name)
}

/// LOAD_ATTR on a module (`math.sqrt`): a module attribute is its dict's entry, so the
/// cache holds just the entry index and a hit is the key-identity check at that index
/// (the entry holding the very key object `name` is the name's entry, whatever else
/// changed). The entry's `index` is shared with the instance cache, whose hits make
/// the same check, so a site that sees both stays correct.
#[inline]
fn module_attr(vm: &mut Vm, code: &CodeObj, ins: Instr, owner: &Value, m: &ModuleObj, name: &Value) -> PyResult<Value> {
    if let Some(v) = cached_module_attr(code, ins, m, name) {
        return Ok(v);
    }
    let cache = &code.caches[ins.cache as usize];
    if let Some(ix) = m.dict().index_of_str(name) {
        cache.set(CacheEntry { index: ix as u32, ..cache.get() });
    }
    vm.getattr(owner, name)
}

/// The module-attribute cache's hit path alone (see `module_attr`).
#[inline(always)]
pub fn cached_module_attr(code: &CodeObj, ins: Instr, m: &ModuleObj, name: &Value) -> Option<Value> {
    let c = code.caches[ins.cache as usize].get();
    m.dict().value_at_if_key(c.index as usize, name)
}

/// `CacheEntry::aux` of a LOAD_ATTR method-form entry for a method of a built-in type
/// (`version` the type's version, `version2` the method's bits).
const BUILTIN_METHOD_ENTRY: u32 = 0xB1;

/// LOAD_ATTR's method form on a value of a built-in type (`list.append`, `str.join`,
/// `dict.get`): the type's method descriptor, to be called with the value as `self`.
/// Such values have no instance dict, and their computed attributes (`real`, `imag`...)
/// are not names of their type's methods, so the method is the type's entry, found by
/// a version compare at a site that saw this type before.
#[inline]
pub fn builtin_method(vm: &mut Vm, code: &CodeObj, ins: Instr, owner: &Value, name: &Value) -> Option<Value> {
    let plain_builtin = match owner.kind() {
        Some(ObjKind::Str | ObjKind::List | ObjKind::Dict | ObjKind::Set | ObjKind::Tuple | ObjKind::BigInt) => true,
        Some(_) => false,
        None => owner.is_small_int() || owner.is_float(),
    };
    if !plain_builtin {
        return None;
    }
    let ty = vm.type_ref(owner).as_type().expect("type");
    let version = ty.version();
    let cache = &code.caches[ins.cache as usize];
    let c = cache.get();
    if c.version == version && c.aux == BUILTIN_METHOD_ENTRY {
        // SAFETY: the entry was stored below with the bits of a method held by this
        // type's dict when the type had this version; every change to a type's dict
        // moves its version, so the dict still holds that method and it is alive.
        let m = unsafe { crate::value::Borrowed::from_bits(c.version2) };
        return Some((*m).clone());
    }
    let ty = vm.type_ref(owner).clone();
    let f = vm.lookup_type_attr(ty.as_type().expect("type"), name)?;
    let is_method = f.downcast::<NativeFunctionObj>().is_some_and(|n| n.is_method_descriptor());
    if !is_method {
        return None;
    }
    cache.set(CacheEntry { version, version2: f.bits(), index: 0, aux: BUILTIN_METHOD_ENTRY });
    Some(f)
}

/// LOAD_ATTR's method form on an instance whose class defines `name` as a Python
/// function that the instance dict does not shadow: the function, to be called with
/// the instance as `self` (no bound method is made).
#[inline]
pub fn instance_method(vm: &mut Vm, owner: &Value, name: &Value) -> Option<Value> {
    let inst = owner.downcast::<InstanceObj>()?;
    let t = inst.class();
    if t.flags.get().contains(crate::objects::class::TypeFlags::CUSTOM_GETATTRIBUTE) {
        return None;
    }
    let f = vm.lookup_type_attr(t, name)?;
    if !f.is::<FunctionObj>() || inst.dict().get_str(name).is_some() {
        return None;
    }
    Some(f)
}

/// Records in the inline cache of LOAD_ATTR's method form `ins` that at `t`'s current
/// version `name` is the plain function `f` on the type, with no attribute hook in the
/// way: `version` is the type version, `version2` the function's bits (borrowed: the
/// type keeps it while its version holds), `index` stays the module cache's. Compiled
/// code reads it (`tier2::layout`); the instance dict must still be checked not to
/// shadow the name.
pub fn fill_method_cache(vm: &mut Vm, code: &CodeObj, ins: Instr, t: &TypeObj, name: &Value, f: &Value) {
    use crate::objects::class::TypeFlags;
    if t.flags.get().contains(TypeFlags::CUSTOM_GETATTRIBUTE) || !f.is::<FunctionObj>() {
        return;
    }
    if vm.lookup_type_attr(t, name).is_some_and(|m| m.is_same(f)) {
        let cache = &code.caches[ins.cache as usize];
        cache.set(CacheEntry { version: t.version(), version2: f.bits(), ..cache.get() });
    }
}

/// The instance-attribute cache's hit path alone (see `load_attr`).
#[inline(always)]
pub fn cached_instance_attr(code: &CodeObj, ins: Instr, owner: &Value, name: &Value) -> Option<Value> {
    let (d, ix) = cached_instance_entry(code, ins, owner)?;
    d.value_at_if_key(ix, name)
}

/// The instance dict of `owner` and the entry index the instance-attribute cache
/// gives, when the cache is valid for the owner's type (the entry must still be checked
/// to hold the name).
#[inline(always)]
pub fn cached_instance_entry<'a>(code: &CodeObj, ins: Instr, owner: &'a Value) -> Option<(&'a DictObj, usize)> {
    let inst = owner.downcast::<InstanceObj>()?;
    let c = code.caches[ins.cache as usize].get();
    (c.version == inst.class().version()).then(|| (inst.dict(), c.index as usize))
}

/// STORE_ATTR with the instance-attribute cache (see `load_attr`): a hit replaces the
/// value in the instance dict in place.
#[inline]
pub fn store_attr(vm: &mut Vm, code: &CodeObj, ins: Instr, owner: &Value, name: &Value, value: Value) -> PyResult<()> {
    let Some(inst) = owner.downcast::<InstanceObj>() else { return vm.setattr(owner, name, value) };
    let cache = &code.caches[ins.cache as usize];
    let t = inst.class();
    let c = cache.get();
    let mut value = value;
    let hit_version = c.version == t.version();
    if hit_version || instance_attr_cacheable(vm, t, name, true) {
        match inst.dict().replace_at_if_key(c.index as usize, name, value) {
            Ok(old) => {
                if !hit_version {
                    cache.set(CacheEntry { version: t.version(), ..c });
                }
                drop(old);
                return Ok(());
            }
            Err(back) => value = back,
        }
        let d = inst.dict();
        if let Some(ix) = d.index_of_str(name) {
            cache.set(CacheEntry { version: t.version(), version2: 0, index: ix as u32, aux: 0 });
            if let Ok(old) = d.replace_at_if_key(ix, name, value) {
                drop(old);
                return Ok(());
            }
            unreachable!("entry {ix} holds the key just found");
        }
    }
    vm.setattr(owner, name, value)?;
    if instance_attr_cacheable(vm, t, name, true) {
        if let Some(ix) = inst.dict().index_of_str(name) {
            cache.set(CacheEntry { version: t.version(), version2: 0, index: ix as u32, aux: 0 });
        }
    }
    Ok(())
}

/// Whether attribute `name` of instances of `t` lives only in the instance dict: the
/// type defines no such name, attribute access is object's own, and (for stores) the
/// type has a dict for instances and no `__setattr__` of its own.
#[inline]
fn instance_attr_cacheable(vm: &mut Vm, t: &TypeObj, name: &Value, store: bool) -> bool {
    use crate::objects::class::TypeFlags;
    let hooks = if store {
        TypeFlags::HAS_GETATTR | TypeFlags::CUSTOM_GETATTRIBUTE | TypeFlags::CUSTOM_SETATTR
    } else {
        TypeFlags::HAS_GETATTR | TypeFlags::CUSTOM_GETATTRIBUTE
    };
    if t.base.is_null() || t.flags.get().intersects(hooks) || (store && t.slots.borrow().is_some()) {
        return false;
    }
    vm.lookup_type_attr(t, name).is_none()
}

/// LOAD_SPECIAL: `__enter__`/`__exit__` looked up on the type, as (method, self).
pub fn load_special(vm: &mut Vm, owner: &Value, which: u32) -> PyResult<(Value, Value)> {
    let name = if which == bc::SPECIAL_ENTER { vm.names.dunder_enter.clone() } else { vm.names.dunder_exit.clone() };
    match vm.lookup_special(owner, &name) {
        Some(m) => match m.kind() {
            Some(ObjKind::Function) => Ok((m, owner.clone())),
            Some(ObjKind::NativeFunction) => Ok((m, owner.clone())),
            _ => {
                let bound = vm.getattr(owner, &name)?;
                Ok((bound, Value::NULL))
            }
        },
        None => {
            let what = if which == bc::SPECIAL_ENTER { "__enter__" } else { "__exit__" };
            Err(type_error(format!(
                "'{}' object does not support the context manager protocol (missed {what} method)",
                vm.type_name(owner)
            )))
        }
    }
}

/// FOR_ITER's next step with fast paths for lists, ranges and tuples.
#[inline]
pub fn for_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match for_iter_builtin(it) {
        Some((next, _)) => Ok(next),
        None => vm.next(it),
    }
}

/// One step of a list, tuple or range iterator, with the FOR_ITER specialisation kind
/// it is (`instrumented::FOR_ITER_LIST`/`FOR_ITER_TUPLE`/`FOR_ITER_RANGE`); None for
/// other iterators.
/// Such a step never fails and runs no Python code.
#[inline]
pub fn for_iter_builtin(it: &Value) -> Option<(Option<Value>, u8)> {
    let io = it.downcast::<IteratorObj>()?;
    let mut st = io.state.borrow_mut();
    match &mut *st {
        IterState::Range { next, step, remaining } => {
            if *remaining <= 0 {
                return Some((None, crate::interp::instrumented::FOR_ITER_RANGE));
            }
            let v = *next;
            *next = next.wrapping_add(*step);
            *remaining -= 1;
            Some((Some(Value::int(v)), crate::interp::instrumented::FOR_ITER_RANGE))
        }
        IterState::List { seq, index } => {
            let l = seq.downcast::<ListObj>()?;
            let next = match l.get(*index) {
                Some(v) => {
                    *index += 1;
                    Some(v)
                }
                None => {
                    // Exhausted for good, even if the list grows later.
                    *index = usize::MAX;
                    None
                }
            };
            Some((next, crate::interp::instrumented::FOR_ITER_LIST))
        }
        IterState::Tuple { seq, index } => {
            let next = seq.as_tuple()?.get(*index).cloned();
            if next.is_some() {
                *index += 1;
            }
            Some((next, crate::interp::instrumented::FOR_ITER_TUPLE))
        }
        _ => None,
    }
}

/// The items LIST_EXTEND adds (any iterable).
pub fn extend_items(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    match vm.collect(iterable) {
        Ok(v) => Ok(v),
        Err(e) if vm.error_is(&e, ExcKind::TypeError) && !vm.has_iter(iterable) => Err(type_error(format!(
            "Value after * must be an iterable, not {}",
            vm.type_name(iterable)
        ))),
        Err(e) => Err(e),
    }
}

/// DICT_UPDATE (`{**a}`) and DICT_MERGE (`f(**a)`, duplicate keys are errors).
pub fn dict_update(vm: &mut Vm, d: &Value, other: &Value, callee: Option<&Value>) -> PyResult<()> {
    let target = d.downcast::<DictObj>().expect("dict");
    let pairs: Vec<(Value, Value)> = if let Some(o) = other.downcast::<DictObj>() {
        o.items()
    } else {
        let keys_name = vm.intern("keys");
        let Some(keys) = vm.getattr_opt(other, &keys_name)? else {
            return Err(match callee {
                Some(c) => type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    crate::runtime::call::callable_name(vm, c),
                    vm.type_name(other)
                )),
                None => type_error(format!("'{}' object is not a mapping", vm.type_name(other))),
            });
        };
        let ks = vm.call(&keys, &[])?;
        let ks = vm.collect(&ks)?;
        let mut out = Vec::with_capacity(ks.len());
        for k in ks {
            let v = vm.getitem(other, &k)?;
            out.push((k, v));
        }
        out
    };
    for (k, v) in pairs {
        if let Some(c) = callee {
            if !k.is::<StrObj>() {
                return Err(type_error(format!("{} keywords must be strings", crate::runtime::call::callable_name(vm, c))));
            }
            if target.get_item(vm, &k)?.is_some() {
                return Err(type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    crate::runtime::call::callable_name(vm, c),
                    k.as_str().unwrap_or("?")
                )));
            }
        }
        target.set_item(vm, k, v)?;
    }
    Ok(())
}

/// UNPACK_SEQUENCE (after = None) and UNPACK_EX (before, Some(after)).
pub fn unpack(vm: &mut Vm, seq: &Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    let items: Vec<Value> = if let Some(t) = seq.as_tuple() {
        t.to_vec()
    } else if let Some(l) = seq.downcast::<ListObj>() {
        l.to_vec()
    } else {
        if !vm.has_iter(seq) {
            return Err(type_error(format!("cannot unpack non-iterable {} object", vm.type_name(seq))));
        }
        let it = vm.iter(seq)?;
        let mut out = Vec::new();
        match after {
            None => {
                // Stop after one extra item, like CPython.
                while let Some(v) = vm.next(&it)? {
                    out.push(v);
                    if out.len() > before {
                        return Err(PyErr::new(ExcKind::ValueError, format!("too many values to unpack (expected {before})")));
                    }
                }
            }
            Some(_) => {
                while let Some(v) = vm.next(&it)? {
                    out.push(v);
                }
            }
        }
        out
    };
    match after {
        None => {
            if items.len() < before {
                return Err(PyErr::new(ExcKind::ValueError, format!(
                    "not enough values to unpack (expected {before}, got {})", items.len())));
            }
            if items.len() > before {
                let known = seq.is::<TupleObj>() || seq.is::<ListObj>();
                let msg = if known {
                    format!("too many values to unpack (expected {before}, got {})", items.len())
                } else {
                    format!("too many values to unpack (expected {before})")
                };
                return Err(PyErr::new(ExcKind::ValueError, msg));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(PyErr::new(ExcKind::ValueError, format!(
                    "not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
            }
            let mut out = Vec::with_capacity(before + after + 1);
            out.extend(items[..before].iter().cloned());
            let mid_end = items.len() - after;
            out.push(list::new_list(items[before..mid_end].to_vec()));
            out.extend(items[mid_end..].iter().cloned());
            Ok(out)
        }
    }
}

/// BINARY_OP [] with list/tuple/dict fast paths.
#[inline]
pub fn subscript(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        if let Some(l) = container.downcast::<ListObj>() {
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j >= 0 && j < n {
                return Ok(l.get(j as usize).expect("in range"));
            }
        } else if let Some(t) = container.as_tuple() {
            let n = t.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j >= 0 && j < n {
                return Ok(t[j as usize].clone());
            }
        }
    }
    vm.getitem(container, key)
}

pub fn intrinsic1(vm: &mut Vm, frame: &Frame, which: u32, v: Value) -> PyResult<Value> {
    match which {
        bc::INTRINSIC_UNARY_POSITIVE => vm.positive(&v),
        bc::INTRINSIC_LIST_TO_TUPLE => {
            let items = v.downcast::<ListObj>().map(|l| l.to_vec()).unwrap_or_default();
            Ok(tuple::new_tuple(items))
        }
        bc::INTRINSIC_STOPITERATION_ERROR => {
            // PEP 479: StopIteration escaping a generator becomes RuntimeError.
            if vm.isinstance_kind(&v, ExcKind::StopIteration) {
                let e = vm.new_exception_of(ExcKind::RuntimeError, tuple::new_tuple(vec![vm.new_str("generator raised StopIteration")]));
                if let Some(x) = e.downcast::<ExceptionObj>() {
                    x.cause.set(v.clone());
                    x.context.set(v.clone());
                    x.suppress_context.set(true);
                }
                return Ok(e);
            }
            Ok(v)
        }
        bc::INTRINSIC_IMPORT_STAR => {
            crate::runtime::import::import_star(vm, frame, &v)?;
            Ok(Value::NONE)
        }
        _ => Err(PyErr::new(ExcKind::SystemError, format!("unknown intrinsic {which}"))),
    }
}

pub fn make_function(vm: &mut Vm, frame: &Frame, codev: Value) -> Value {
    let code = codev.downcast::<CodeObj>().expect("code");
    let name = code.name.clone();
    let qualname = code.qualname.clone();
    let module = frame.globals.downcast::<DictObj>().and_then(|g| g.get_str(&vm.names.dunder_name.clone())).unwrap_or(Value::NONE);
    let doc = if code.flags.contains(bc::CodeFlags::HAS_DOCSTRING) {
        code.consts.first().cloned().unwrap_or(Value::NONE)
    } else {
        Value::NONE
    };
    func::new_function(FunctionParts {
        code: codev.clone(),
        globals: frame.globals.clone(),
        name,
        qualname,
        closure: Value::NULL,
        module,
        doc,
    })
}

pub fn set_function_attribute(func: &Value, flag: u32, attr: Value) {
    let f = func.downcast::<FunctionObj>().expect("function");
    match flag {
        bc::FN_DEFAULTS => f.defaults.set(attr),
        bc::FN_KWDEFAULTS => f.kwdefaults.set(attr),
        bc::FN_CLOSURE => f.closure.set(attr),
        _ => drop(attr),
    }
}

/// CALL_FUNCTION_EX: `f(*args, **kwargs)`.
pub fn call_function_ex(vm: &mut Vm, callable: &Value, args: &Value, kwargs: &Value) -> PyResult<Value> {
    let pos: Vec<Value> = if let Some(t) = args.as_tuple() {
        t.to_vec()
    } else {
        if !vm.has_iter(args) {
            return Err(type_error(format!(
                "{} argument after * must be an iterable, not {}",
                crate::runtime::call::callable_name(vm, callable),
                vm.type_name(args)
            )));
        }
        vm.collect(args)?
    };
    if kwargs.is_null() || kwargs.downcast::<DictObj>().is_some_and(|d| d.is_empty()) {
        return vm.call_args(callable, Args::new(&pos));
    }
    let d = kwargs.downcast::<DictObj>().expect("kwargs dict");
    let mut values = pos;
    let mut names = Vec::new();
    for (k, v) in d.items() {
        names.push(k);
        values.push(v);
    }
    vm.call_args(callable, Args::with_kw(&values, &names))
}

/// BINARY_OP on two small ints (`a`, `b` in 48 bits) for the operators whose result
/// needs no error and, but for `+`, `-`, `*`, `//` at the edges, no allocation: the
/// result, or None for the general path (`vm.binary_op`), which also raises the errors
/// (division by zero, negative shift counts). Results equal `int.rs`'s.
#[inline(always)]
pub fn small_int_binop(op: u32, a: i64, b: i64) -> Option<Value> {
    match small_int_result(op, a, b) {
        Some(r) => Some(Value::int(r)),
        // A product of two 48-bit ints may exceed an i64.
        None if matches!(op, 5 | 18) => Some(crate::objects::int::small_mul(a, b)),
        None => None,
    }
}

/// `small_int_binop`'s result as an i64, which may exceed 48 bits (then it is a heap
/// int); None also for a product beyond an i64.
#[inline(always)]
pub fn small_int_result(op: u32, a: i64, b: i64) -> Option<i64> {
    // The in-place forms (13..=25) behave as the plain ones on ints.
    Some(match op {
        // |a|,|b| < 2**47 cannot overflow an i64.
        0 | 13 => a + b,
        10 | 23 => a - b,
        5 | 18 => a.checked_mul(b)?,
        // Bitwise results of two 48-bit two's-complement values fit 48 bits.
        1 | 14 => a & b,
        7 | 20 => a | b,
        12 | 25 => a ^ b,
        6 | 19 if b != 0 => {
            // Python's modulo takes the sign of the divisor; |result| < |b|.
            let r = a % b;
            if r != 0 && (r ^ b) < 0 { r + b } else { r }
        }
        2 | 15 if b != 0 => {
            // Floor division; -2**47 // -1 leaves 48 bits.
            let q = a / b;
            if a % b != 0 && (a ^ b) < 0 { q - 1 } else { q }
        }
        9 | 22 if b >= 0 => if b >= 64 { a >> 63 } else { a >> b },
        // |a| < 2**47, so a << 16 fits an i64.
        3 | 16 if (0..=16).contains(&b) => a << b,
        _ => return None,
    })
}

/// BINARY_OP on two floats without a call (`+ - * /`, the division by nonzero), or
/// None.
#[inline(always)]
pub fn float_binop(op: u32, a: f64, b: f64) -> Option<Value> {
    Some(Value::float(match op {
        0 | 13 => a + b,
        10 | 23 => a - b,
        5 | 18 => a * b,
        11 | 24 if b != 0.0 => a / b,
        _ => return None,
    }))
}

/// COMPARE_OP's comparison `op` (`arg >> 5`) on two ints, without a branch on `op`
/// (a jump table there is one more indirect branch per comparison): bit `3 * op + k`
/// of `OUTCOMES` says whether `op` holds when the operands compare as `k` (0 less, 1
/// equal, 2 greater); ops 0 to 5 are <, <=, ==, !=, >, >=.
#[inline(always)]
pub fn compare_ints(op: u32, a: i64, b: i64) -> bool {
    const OUTCOMES: u32 = 0b110_100_101_010_011_001;
    let k = (a >= b) as u32 + (a > b) as u32;
    (OUTCOMES >> (3 * op.min(5) + k)) & 1 != 0
}

/// COMPARE_OP on two small ints or two floats, which needs no call: the truth of
/// `lhs op rhs` (`op` is the argument's comparison, `arg >> 5`), or None for other
/// operands. Float comparisons are IEEE's, as Python's.
#[inline(always)]
pub fn fast_compare(op: u32, lhs: &Value, rhs: &Value) -> Option<bool> {
    macro_rules! test {
        ($a:expr, $b:expr) => {
            Some(match op {
                0 => $a < $b,
                1 => $a <= $b,
                2 => $a == $b,
                3 => $a != $b,
                4 => $a > $b,
                _ => $a >= $b,
            })
        };
    }
    if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        return Some(compare_ints(op, a, b));
    }
    if let (Some(a), Some(b)) = (lhs.as_float(), rhs.as_float()) {
        return test!(a, b);
    }
    None
}

#[cfg(test)]
mod compare_tests {
    use super::compare_ints;

    #[test]
    fn compare_ints_agrees_with_rust_comparisons() {
        for a in -2..=2i64 {
            for b in -2..=2i64 {
                let expected = [a < b, a <= b, a == b, a != b, a > b, a >= b];
                for (op, &want) in expected.iter().enumerate() {
                    assert_eq!(compare_ints(op as u32, a, b), want, "{a} op{op} {b}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::small_int_binop;
    use crate::value::{SMALL_INT_MAX, SMALL_INT_MIN};

    /// Python's result for two ints, in i128 (None: an error or no fast path expected).
    fn reference(op: u32, a: i64, b: i64) -> Option<i128> {
        let (a, b) = (a as i128, b as i128);
        Some(match op % 13 {
            0 => a + b,
            10 => a - b,
            5 => a * b,
            1 => a & b,
            7 => a | b,
            12 => a ^ b,
            6 if b != 0 => a.rem_euclid(b) + if b < 0 && a.rem_euclid(b) != 0 { b } else { 0 },
            2 if b != 0 => (a - (a.rem_euclid(b) + if b < 0 && a.rem_euclid(b) != 0 { b } else { 0 })) / b,
            9 if b >= 0 => a >> b.min(127),
            3 if (0..=16).contains(&b) => a << b,
            _ => return None,
        })
    }

    #[test]
    fn small_int_binop_matches_python() {
        let vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 16, 17, 63, 64, 100, -100, 65521, -65521,
                    SMALL_INT_MAX, SMALL_INT_MIN, SMALL_INT_MAX - 1, SMALL_INT_MIN + 1];
        for op in 0..=26u32 {
            for &a in &vals {
                for &b in &vals {
                    let got = small_int_binop(op, a, b);
                    let want = if op == 26 { None } else { reference(op, a, b) };
                    match (got, want) {
                        (None, None) => {}
                        (Some(v), Some(w)) => {
                            let v: i128 = v.as_int().expect("an int").to_bigint().try_into().expect("fits i128");
                            assert_eq!(v, w, "op {op}: {a}, {b}");
                        }
                        (g, w) => panic!("op {op}: {a}, {b}: fast path {g:?}, expected {w:?}"),
                    }
                }
            }
        }
    }
}
