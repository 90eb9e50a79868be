//! Classes (`type` objects, built-in and user-defined) and plain instances.
//!
//! Every type has a version number drawn from one global counter; changing a class's
//! namespace gives it and all its subclasses fresh versions. Look-up caches keyed by a
//! version are therefore valid exactly while nothing they depend on changed.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject, ValueCell};
use crate::objects::dict::DictObj;
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// What a type's instances are made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A built-in type whose instances are objects of this kind (or immediates).
    Builtin(ObjKind),
    /// `object` and user classes: `InstanceObj`.
    Instance,
    /// `BaseException` and subclasses: `ExceptionObj`.
    Exception,
}

bitflags::bitflags! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct TypeFlags: u32 {
        /// Built-in: attributes cannot be set.
        const IMMUTABLE = 1;
        /// Can be subclassed.
        const BASETYPE = 2;
        /// Defines `__getattr__` somewhere in its MRO (attribute misses call it).
        const HAS_GETATTR = 4;
        /// Defines `__del__` somewhere in its MRO (instances are finalized).
        const HAS_FINALIZER = 8;
        /// A class (not a built-in type) in its MRO defines `__getattribute__`.
        const CUSTOM_GETATTRIBUTE = 16;
        /// A class (not a built-in type) in its MRO defines `__setattr__` or `__delattr__`.
        const CUSTOM_SETATTR = 32;
        /// A C type of an extension module: messages name it `module.Name`, as
        /// CPython's `tp_name` (`'_io.StringIO' object has no attribute 'x'`).
        const QUALIFIED_NAME = 64;
    }
}

static NEXT_TYPE_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_TYPE_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[repr(C)]
pub struct TypeObj {
    header: ObjHeader,
    pub name: ValueCell,
    pub qualname: ValueCell,
    pub module: ValueCell,
    /// The base whose instance layout this type extends (CPython's `tp_base`: the
    /// first base for single inheritance), or NULL for `object`.
    pub base: Value,
    /// All the bases, in the order the class statement lists them (`__bases__`).
    bases: Vec<Value>,
    /// Method resolution order (C3 linearisation): this type first, `object` last.
    mro: RefCell<Vec<Value>>,
    pub dict: Value,
    pub layout: Layout,
    pub flags: Cell<TypeFlags>,
    version: Cell<u64>,
    /// Direct subclasses (not owned: each removes itself when freed).
    subclasses: RefCell<Vec<*const TypeObj>>,
    /// With `__slots__` (and no `__dict__` slot) along the MRO: the attribute names
    /// instances may have.
    pub slots: RefCell<Option<Vec<Value>>>,
    /// The metaclass when it is not `type` (a subclass of it); NULL for `type`.
    pub meta: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for TypeObj {
    const KIND: ObjKind = ObjKind::Type;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.name.traverse(visit);
        self.qualname.traverse(visit);
        self.module.traverse(visit);
        visit(&self.base);
        self.bases.iter().for_each(&mut *visit);
        if let Ok(mro) = self.mro.try_borrow() {
            mro.iter().for_each(&mut *visit);
        }
        visit(&self.dict);
        visit(&self.meta);
        if let Ok(slots) = self.slots.try_borrow() {
            slots.iter().flatten().for_each(&mut *visit);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.mro.borrow_mut());
        drop(old);
        if let Some(d) = self.dict.downcast::<DictObj>() {
            d.clear_all();
        }
    }
}

impl Drop for TypeObj {
    fn drop(&mut self) {
        let me = self as *const TypeObj;
        for base in self.bases.iter().filter_map(|b| b.downcast::<TypeObj>()) {
            base.subclasses.borrow_mut().retain(|p| *p != me);
        }
    }
}

pub struct TypeSpec {
    pub name: Value,
    pub qualname: Value,
    pub module: Value,
    pub base: Value,
    pub dict: Value,
    pub layout: Layout,
    pub flags: TypeFlags,
    /// The metaclass, NULL for `type`.
    pub meta: Value,
}

/// Makes a type with a single base (or none, for `object`); its MRO is itself followed
/// by its base's MRO.
pub fn new_type(spec: TypeSpec) -> Value {
    let mro_tail = spec.base.as_type().map(|b| b.mro()).unwrap_or_default();
    let bases = if spec.base.is_null() { Vec::new() } else { vec![spec.base.clone()] };
    new_type_with_bases(spec, bases, mro_tail)
}

/// Makes a type with the given `bases` (`spec.base` is the one whose layout it
/// extends) and MRO after itself, `mro_tail` (already linearised by the caller).
pub fn new_type_with_bases(spec: TypeSpec, bases: Vec<Value>, mro_tail: Vec<Value>) -> Value {
    let t = alloc(TypeObj {
        header: ObjHeader::new(ObjKind::Type),
        name: ValueCell::new(spec.name),
        qualname: ValueCell::new(spec.qualname),
        module: ValueCell::new(spec.module),
        base: spec.base,
        bases,
        mro: RefCell::new(Vec::new()),
        dict: spec.dict,
        layout: spec.layout,
        flags: Cell::new(spec.flags),
        version: Cell::new(next_version()),
        subclasses: RefCell::new(Vec::new()),
        slots: RefCell::new(None),
        meta: spec.meta,
    });
    let obj = t.downcast::<TypeObj>().expect("type");
    let mut mro = vec![t.clone()];
    mro.extend(mro_tail);
    // Every base lists the new type, so a change to any class in its MRO reaches it
    // (`modified`).
    for base in obj.bases.iter().filter_map(|b| b.downcast::<TypeObj>()) {
        base.subclasses.borrow_mut().push(obj as *const TypeObj);
    }
    *obj.mro.borrow_mut() = mro;
    obj.recompute_flags();
    t
}

impl TypeObj {
    /// Offset of the `u64` version (compiled code's inline cache checks, `tier2::layout`).
    pub const VERSION_OFFSET: usize = std::mem::offset_of!(TypeObj, version);

    pub fn name(&self) -> String {
        self.name.get().as_str().unwrap_or("?").to_string()
    }

    pub fn qualname(&self) -> String {
        self.qualname.get().as_str().unwrap_or("?").to_string()
    }

    /// `__bases__`: the bases as listed.
    pub fn bases(&self) -> &[Value] {
        &self.bases
    }

    pub fn mro(&self) -> Vec<Value> {
        self.mro.borrow().clone()
    }

    /// Calls `f` with the MRO without copying it. `f` must not run Python code.
    pub fn with_mro<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(&self.mro.borrow())
    }

    pub fn dict(&self) -> &DictObj {
        self.dict.downcast().expect("type dict")
    }

    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// The direct subclasses, as values.
    pub fn subclass_values(&self) -> Vec<Value> {
        self.subclasses.borrow().iter().map(|&p| {
            // SAFETY: subclasses unregister themselves in Drop, so each pointer is live.
            unsafe { &*p }.to_value()
        }).collect()
    }

    /// Whether instances of subclasses of this built-in type keep one of its instances
    /// in `InstanceObj::builtin` (the containers, `str`, `int` and `float`).
    pub fn holds_contents(&self) -> bool {
        self.flags.get().contains(TypeFlags::IMMUTABLE | TypeFlags::BASETYPE)
            && matches!(self.layout, Layout::Builtin(ObjKind::Dict | ObjKind::Tuple | ObjKind::List | ObjKind::Set | ObjKind::Str | ObjKind::BigInt))
    }

    /// For a subclass of a built-in type whose instances keep its contents in
    /// `InstanceObj::builtin` (`holds_contents`): that built-in type.
    pub fn builtin_base(&self) -> Option<Value> {
        self.with_mro(|mro| mro.iter().skip(1).find(|t| t.as_type().is_some_and(|t| t.holds_contents())).cloned())
    }

    pub fn is_subtype_of(&self, other: &TypeObj) -> bool {
        let target = other as *const TypeObj as *const ObjHeader;
        self.mro.borrow().iter().any(|t| t.header_ptr() == target)
    }

    /// Looks `name` (a str) up along the MRO without running Python code.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let mro = self.mro.borrow();
        for t in mro.iter() {
            let t = t.downcast::<TypeObj>().expect("mro entry is a type");
            if let Some(v) = t.dict().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// Flags that depend on which special methods the MRO defines.
    fn recompute_flags(&self) {
        let defines = |name: &str, user_only: bool| {
            self.mro.borrow().iter().any(|t| {
                t.downcast::<TypeObj>().is_some_and(|t| {
                    !(user_only && t.flags.get().contains(TypeFlags::IMMUTABLE))
                        && t.dict().keys().iter().any(|k| k.as_str() == Some(name))
                })
            })
        };
        let mut flags = self.flags.get();
        flags.set(TypeFlags::HAS_GETATTR, defines("__getattr__", false));
        flags.set(TypeFlags::HAS_FINALIZER, defines("__del__", false));
        flags.set(TypeFlags::CUSTOM_GETATTRIBUTE, defines("__getattribute__", true));
        flags.set(TypeFlags::CUSTOM_SETATTR, defines("__setattr__", true) || defines("__delattr__", true));
        self.flags.set(flags);
    }

    /// Invalidates caches after this class's namespace changed: new versions for it and
    /// every subclass (through every base, with multiple inheritance), and recomputed
    /// flags.
    pub fn modified(&self) {
        self.version.set(next_version());
        self.recompute_flags();
        let subs = self.subclasses.borrow().clone();
        for s in subs {
            // SAFETY: subclasses unregister themselves in Drop, so every pointer in the
            // list is a live type.
            unsafe { &*s }.modified();
        }
    }
}

/// An instance of a user class (or of `object`).
#[repr(C)]
pub struct InstanceObj {
    header: ObjHeader,
    pub cls: Value,
    /// The attribute dict (`__dict__`).
    pub dict: Value,
    /// For instances of subclasses of `dict` and `tuple`: the built-in object holding
    /// their contents, which the built-in type's methods work on (NULL otherwise).
    pub builtin: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for InstanceObj {
    const KIND: ObjKind = ObjKind::Instance;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cls);
        visit(&self.dict);
        visit(&self.builtin);
    }
    fn clear(&self) {
        if let Some(d) = self.dict.downcast::<DictObj>() {
            d.clear_all();
        }
    }
}

pub fn new_instance(cls: Value) -> Value {
    new_instance_with(cls, Value::NULL)
}

/// An instance of a subclass of a built-in type, with the built-in object holding its
/// contents (`InstanceObj::builtin`).
pub fn new_instance_with(cls: Value, builtin: Value) -> Value {
    // `InstanceObj::class` relies on this check.
    let finalized = cls.downcast::<TypeObj>().expect("an instance's class is a type").flags.get().contains(TypeFlags::HAS_FINALIZER);
    let v = alloc(InstanceObj { header: ObjHeader::new(ObjKind::Instance), cls, dict: crate::objects::dict::new_dict(), builtin });
    if finalized {
        v.header().expect("instance").set_needs_finalizer(true);
    }
    v
}

impl InstanceObj {
    #[inline(always)]
    pub fn dict(&self) -> &DictObj {
        // SAFETY: `new_instance`, the only constructor, stores a new dict, and the field
        // is never replaced.
        unsafe { self.dict.downcast_unchecked() }
    }

    /// The instance's class (`cls` as a type).
    #[inline(always)]
    pub fn class(&self) -> &TypeObj {
        // SAFETY: `new_instance`, the only constructor, checks that `cls` is a type, and
        // the field is never replaced.
        unsafe { self.cls.downcast_unchecked() }
    }
}

/// A str, or the str behind an instance of a subclass of str: what CPython's str
/// arguments accept (`'-'.join([Name('a')])`).
pub fn str_of(v: &Value) -> Option<&str> {
    builtin_value(v).as_str()
}

/// `str_of` as the `StrObj`.
pub fn str_obj_of(v: &Value) -> Option<&crate::objects::StrObj> {
    builtin_value(v).downcast()
}

/// The built-in object behind an instance of a subclass of a built-in type, or `v`
/// itself: what the built-in type's methods operate on.
pub fn builtin_value(v: &Value) -> &Value {
    match v.downcast::<InstanceObj>() {
        Some(i) if !i.builtin.is_null() => &i.builtin,
        _ => v,
    }
}
