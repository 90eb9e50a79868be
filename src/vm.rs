//! The VM: built-in types and modules, the frame stack, and the entry points that run
//! code. One `Vm` per thread of Python execution; values never leave it.

use crate::error::{ExcKind, PyErr};
use crate::interp::frame::ValueStack;
use crate::object::PyObject;
use crate::objects::class::{new_type, Layout, TypeFlags, TypeObj, TypeSpec};
use crate::objects::dict::{new_dict, DictObj};
use crate::objects::func::NativeFn;
use crate::objects::iter::IterState;
use crate::objects::*;
use crate::value::Value;
use rustc_hash::FxHashMap;

/// The built-in type objects.
pub struct Types {
    pub object: Value,
    pub type_: Value,
    pub int: Value,
    pub bool_: Value,
    pub float: Value,
    pub str_: Value,
    pub bytes: Value,
    pub list: Value,
    pub tuple: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub range: Value,
    pub slice: Value,
    pub none: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub function: Value,
    pub builtin_function: Value,
    pub method_descriptor: Value,
    pub method: Value,
    pub code: Value,
    pub cell: Value,
    pub module: Value,
    pub property: Value,
    pub staticmethod: Value,
    pub classmethod: Value,
    pub super_: Value,
    pub generator: Value,
    pub dict_keys: Value,
    pub dict_values: Value,
    pub dict_items: Value,
    pub list_iterator: Value,
    pub list_reverseiterator: Value,
    pub tuple_iterator: Value,
    pub str_ascii_iterator: Value,
    pub str_iterator: Value,
    pub bytes_iterator: Value,
    pub range_iterator: Value,
    pub dict_keyiterator: Value,
    pub dict_valueiterator: Value,
    pub dict_itemiterator: Value,
    pub set_iterator: Value,
    pub enumerate: Value,
    pub zip: Value,
    pub map: Value,
    pub filter: Value,
    pub reversed: Value,
    pub seq_iterator: Value,
    pub callable_iterator: Value,
    pub traceback: Value,
}

/// Interned strings the runtime uses by identity.
pub struct Names {
    pub dunder_init: Value,
    pub dunder_new: Value,
    pub dunder_repr: Value,
    pub dunder_str: Value,
    pub dunder_hash: Value,
    pub dunder_eq: Value,
    pub dunder_ne: Value,
    pub dunder_lt: Value,
    pub dunder_le: Value,
    pub dunder_gt: Value,
    pub dunder_ge: Value,
    pub dunder_len: Value,
    pub dunder_bool: Value,
    pub dunder_getitem: Value,
    pub dunder_setitem: Value,
    pub dunder_delitem: Value,
    pub dunder_contains: Value,
    pub dunder_iter: Value,
    pub dunder_next: Value,
    pub dunder_call: Value,
    pub dunder_getattr: Value,
    pub dunder_getattribute: Value,
    pub dunder_setattr: Value,
    pub dunder_delattr: Value,
    pub dunder_enter: Value,
    pub dunder_exit: Value,
    pub dunder_name: Value,
    pub dunder_qualname: Value,
    pub dunder_module: Value,
    pub dunder_doc: Value,
    pub dunder_class: Value,
    pub dunder_dict: Value,
    pub dunder_builtins: Value,
    pub dunder_file: Value,
    pub dunder_get: Value,
    pub dunder_set: Value,
    pub dunder_index: Value,
    pub dunder_format: Value,
    pub dunder_neg: Value,
    pub dunder_pos: Value,
    pub dunder_abs: Value,
    pub dunder_invert: Value,
    pub dunder_int: Value,
    pub dunder_float: Value,
    pub dunder_round: Value,
    pub dunder_reversed: Value,
    pub dunder_init_subclass: Value,
    pub dunder_set_name: Value,
    pub dunder_slots: Value,
    pub dunder_missing: Value,
    pub dunder_firstlineno: Value,
    pub dunder_static_attributes: Value,
    pub dunder_classcell: Value,
}

/// The per-VM look-up cache of type attributes, keyed by (type version, interned name).
/// Entries in the type-attribute cache (a power of two).
const METHOD_CACHE_SIZE: usize = 4096;

#[derive(Clone)]
pub(crate) struct MethodCacheEntry {
    pub version: u64,
    pub name: u64,
    pub value: Option<Value>,
}

pub struct Vm {
    pub(crate) frames: crate::interp::frame::FrameStack,
    pub(crate) stack: ValueStack,
    pub types: Types,
    pub exc_types: Vec<Value>,
    pub names: Names,
    interned: FxHashMap<Box<str>, Value>,
    pub builtins: Value,
    pub builtins_module: Value,
    pub sys_module: Value,
    /// `sys.modules`.
    pub modules: Value,
    pub recursion_limit: usize,
    /// The stack of "currently handled" exceptions (CPython's exc_info chain).
    pub(crate) exc_chain: Vec<Value>,
    pub(crate) method_cache: Vec<MethodCacheEntry>,
    pub stdout: crate::runtime::io::OutputStream,
    pub stderr: crate::runtime::io::OutputStream,
    pub argv: Vec<String>,
    /// sys.path, as a list value.
    pub sys_path: Value,
    pub(crate) small_strs: Vec<Value>,
    pub(crate) empty_tuple: Value,
    /// Set by RERAISE and bare `raise`: the exception in flight keeps its traceback.
    pub(crate) pending_reraise: bool,
    /// Containers whose repr is being computed (recursion markers).
    pub(crate) repr_active: Vec<u64>,
    /// `sys.set_int_max_str_digits` (0 = no limit).
    pub int_max_str_digits: usize,
    /// `object.__new__`, `object.__init__` and the built-in `super`, compared by identity.
    pub(crate) object_new: Value,
    pub(crate) object_init: Value,
    pub(crate) builtin_super: Value,
    /// Source text of compiled files, for traceback lines.
    pub sources: FxHashMap<String, std::rc::Rc<str>>,
    /// Warnings already shown (the default filters' "once per location" registry).
    pub(crate) warnings_shown: rustc_hash::FxHashSet<(String, u32, ExcKind, String)>,
    /// sys.monitoring: tools, event sets, callbacks and versions.
    pub(crate) monitoring: crate::monitoring::Monitoring,
    /// Set when a jump event's callback raised: the handler search starts there.
    pub(crate) error_pc: Option<u32>,
    /// Tier 2 (the JIT): mode, compiler, statistics.
    pub tier2: crate::tier2::Tier2,
    /// Must stay the last field: fields drop in order, so this one collects once all
    /// the others have released what they held. Never read: only its drop matters.
    #[allow(dead_code)]
    collect_on_drop: crate::gc::CollectOnDrop,
}

impl Vm {
    pub fn new() -> Vm {
        crate::runtime::init::new_vm()
    }

    pub(crate) fn from_parts(types: Types, names: Names, interned: FxHashMap<Box<str>, Value>) -> Vm {
        Vm {
            frames: crate::interp::frame::FrameStack::new(),
            stack: ValueStack::new(),
            types,
            exc_types: Vec::new(),
            names,
            interned,
            builtins: new_dict(),
            builtins_module: Value::NONE,
            sys_module: Value::NONE,
            modules: new_dict(),
            recursion_limit: 1000,
            exc_chain: vec![Value::NONE],
            method_cache: vec![MethodCacheEntry { version: 0, name: 0, value: None }; METHOD_CACHE_SIZE],
            stdout: crate::runtime::io::OutputStream::stdout(),
            stderr: crate::runtime::io::OutputStream::stderr(),
            argv: Vec::new(),
            sys_path: Value::NONE,
            small_strs: Vec::new(),
            empty_tuple: tuple::new_tuple(Vec::new()),
            pending_reraise: false,
            repr_active: Vec::new(),
            int_max_str_digits: crate::runtime::repr::INT_MAX_STR_DIGITS,
            object_new: Value::NULL,
            object_init: Value::NULL,
            builtin_super: Value::NULL,
            sources: FxHashMap::default(),
            warnings_shown: Default::default(),
            monitoring: Default::default(),
            error_pc: None,
            tier2: Default::default(),
            collect_on_drop: crate::gc::CollectOnDrop,
        }
    }

    // ------------------------------------------------------------- strings

    /// The interned string for `s` (one object per distinct text).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = str::new_str(s);
        v.downcast::<StrObj>().expect("str").mark_interned();
        self.interned.insert(Box::from(s), v.clone());
        v
    }

    /// Interns an existing str value (returns the canonical object).
    pub fn intern_value(&mut self, v: &Value) -> Value {
        let s = v.downcast::<StrObj>().expect("intern a str");
        if s.is_interned() {
            return v.clone();
        }
        if let Some(existing) = self.interned.get(s.as_str()) {
            return existing.clone();
        }
        s.mark_interned();
        self.interned.insert(Box::from(s.as_str()), v.clone());
        v.clone()
    }

    /// A new str value (single ASCII characters are shared).
    pub fn new_str(&self, s: &str) -> Value {
        if s.len() == 1 {
            let b = s.as_bytes()[0];
            if (b as usize) < self.small_strs.len() {
                return self.small_strs[b as usize].clone();
            }
        }
        str::new_str(s)
    }

    pub fn str_from_string(&self, s: String) -> Value {
        if s.len() == 1 {
            return self.new_str(&s);
        }
        str::str_from_string(s)
    }

    pub fn empty_tuple(&self) -> Value {
        self.empty_tuple.clone()
    }

    // ------------------------------------------------------------- types

    pub fn exc_type(&self, kind: ExcKind) -> &Value {
        &self.exc_types[kind as usize]
    }

    /// The type object of any value.
    pub fn type_of(&self, v: &Value) -> Value {
        self.type_ref(v).clone()
    }

    /// Borrows the type object of a value.
    pub fn type_ref<'a>(&'a self, v: &'a Value) -> &'a Value {
        let t = &self.types;
        if v.is_small_int() {
            return &t.int;
        }
        if v.is_float() {
            return &t.float;
        }
        if v.is_bool() {
            return &t.bool_;
        }
        if v.is_none() {
            return &t.none;
        }
        let Some(h) = v.header() else {
            return if v.is_not_implemented() { &t.not_implemented } else { &t.ellipsis };
        };
        use crate::object::ObjKind as K;
        match h.kind() {
            K::Str => &t.str_,
            K::Bytes => &t.bytes,
            K::BigInt => &t.int,
            K::Tuple => &t.tuple,
            K::List => &t.list,
            K::Dict => &t.dict,
            K::Set => {
                if v.downcast::<SetObj>().is_some_and(|s| s.frozen) { &t.frozenset } else { &t.set }
            }
            K::Range => &t.range,
            K::Slice => &t.slice,
            K::Code => &t.code,
            K::Function => &t.function,
            K::NativeFunction => {
                if v.downcast::<NativeFunctionObj>().is_some_and(|n| n.is_method_descriptor()) {
                    &t.method_descriptor
                } else {
                    &t.builtin_function
                }
            }
            K::BoundMethod => &t.method,
            K::Cell => &t.cell,
            K::Type => {
                let meta = &v.downcast::<TypeObj>().expect("type").meta;
                if meta.is_null() { &t.type_ } else { meta }
            }
            K::Instance => &v.downcast::<InstanceObj>().expect("instance").cls,
            K::Exception => &v.downcast::<ExceptionObj>().expect("exception").cls,
            K::Opaque => &v.downcast::<OpaqueObj>().expect("opaque").cls,
            K::Generator => &t.generator,
            K::Module => &t.module,
            K::Property => &t.property,
            K::StaticMethod => &t.staticmethod,
            K::ClassMethod => &t.classmethod,
            K::Super => &t.super_,
            K::DictView => match v.downcast::<DictViewObj>().expect("view").kind {
                dict::DictViewKind::Keys => &t.dict_keys,
                dict::DictViewKind::Values => &t.dict_values,
                dict::DictViewKind::Items => &t.dict_items,
            },
            K::Iterator => {
                let it = v.downcast::<IteratorObj>().expect("iterator");
                let state = it.state.borrow();
                match &*state {
                    IterState::List { .. } => &t.list_iterator,
                    IterState::Tuple { .. } => &t.tuple_iterator,
                    IterState::Str { seq, .. } => {
                        if seq.downcast::<StrObj>().is_some_and(|s| s.is_ascii()) { &t.str_ascii_iterator } else { &t.str_iterator }
                    }
                    IterState::Bytes { .. } => &t.bytes_iterator,
                    IterState::Range { .. } => &t.range_iterator,
                    IterState::Dict { kind, .. } => match kind {
                        dict::DictViewKind::Keys => &t.dict_keyiterator,
                        dict::DictViewKind::Values => &t.dict_valueiterator,
                        dict::DictViewKind::Items => &t.dict_itemiterator,
                    },
                    IterState::Set { .. } => &t.set_iterator,
                    IterState::ListReverse { .. } => &t.list_reverseiterator,
                    IterState::Reversed { .. } => &t.reversed,
                    IterState::Enumerate { .. } => &t.enumerate,
                    IterState::Zip { .. } => &t.zip,
                    IterState::Map { .. } => &t.map,
                    IterState::Filter { .. } => &t.filter,
                    IterState::SeqIter { .. } => &t.seq_iterator,
                    IterState::Callable { .. } => &t.callable_iterator,
                    IterState::Exhausted => &t.list_iterator,
                }
            }
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        self.type_ref(v).downcast::<TypeObj>().map(crate::runtime::attr::type_display_name).unwrap_or_else(|| "?".into())
    }

    /// Looks `name` (interned str) up on a type's MRO, through the method cache.
    pub fn lookup_type_attr(&mut self, ty: &TypeObj, name: &Value) -> Option<Value> {
        let version = ty.version();
        let name_bits = name.bits();
        // Mix both words before taking the top bits: names of one type must spread
        // over the whole cache (pointer bits alone barely vary at the top).
        let slot = ((version ^ name_bits.rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - METHOD_CACHE_SIZE.trailing_zeros())) as usize;
        let e = &self.method_cache[slot];
        // Only interned names are ever stored, and interned strings are never freed, so
        // an entry whose name bits match was stored for this very string.
        if e.version == version && e.name == name_bits {
            return e.value.clone();
        }
        let found = ty.lookup(name);
        if name.downcast::<StrObj>().is_some_and(|s| s.is_interned()) {
            self.method_cache[slot] = MethodCacheEntry { version, name: name_bits, value: found.clone() };
        }
        found
    }

    /// Type-level look-up of a special method on a value's type.
    pub fn lookup_special(&mut self, v: &Value, name: &Value) -> Option<Value> {
        let ty = self.type_of(v);
        let t = ty.downcast::<TypeObj>().expect("type");
        self.lookup_type_attr(t, name)
    }

    pub fn isinstance_kind(&self, v: &Value, kind: ExcKind) -> bool {
        let ty = self.type_ref(v);
        match (ty.downcast::<TypeObj>(), self.exc_type(kind).downcast::<TypeObj>()) {
            (Some(a), Some(b)) => a.is_subtype_of(b),
            _ => false,
        }
    }

    /// Makes a built-in or user type.
    pub fn make_type(&mut self, name: &str, base: Value, layout: Layout, flags: TypeFlags, methods: &[(&'static str, NativeFn)]) -> Value {
        let dict = new_dict();
        let owner: &'static str = Box::leak(name.to_string().into_boxed_str());
        {
            let d = dict.downcast::<DictObj>().expect("dict");
            for (mname, f) in methods {
                let key = self.intern(mname);
                d.set_str(key, func::new_native(mname, owner, *f));
            }
        }
        let name_v = self.intern(name);
        let module = self.intern("builtins");
        new_type(TypeSpec { name: name_v.clone(), qualname: name_v, module, base, dict, layout, flags, meta: Value::NULL })
    }

    // ------------------------------------------------------------- errors

    /// Turns any error into an exception object.
    pub fn normalize(&mut self, err: PyErr) -> Value {
        match err {
            PyErr::Obj(v) => v,
            PyErr::Msg { kind, msg } => {
                let args = tuple::new_tuple(vec![self.str_from_string(msg)]);
                self.new_error(kind, args)
            }
            PyErr::Lazy { kind, args } => {
                let args = tuple::new_tuple(args);
                self.new_error(kind, args)
            }
        }
    }

    /// A newly raised built-in exception: created, with `__context__` set to the
    /// exception being handled.
    pub fn new_error(&mut self, kind: ExcKind, args: Value) -> Value {
        let exc = self.new_exception_of(kind, args);
        crate::runtime::exceptions::set_context(self, &exc);
        exc
    }

    pub fn new_exception_of(&mut self, kind: ExcKind, args: Value) -> Value {
        let cls = self.exc_type(kind).clone();
        crate::runtime::exceptions::make_exception(self, cls, args)
    }

    /// The exception currently being handled (`sys.exc_info()[1]`), or None.
    pub fn handled_exception(&self) -> Value {
        self.exc_chain.iter().rev().find(|v| !v.is_none()).cloned().unwrap_or(Value::NONE)
    }

    // ------------------------------------------------------------- globals

    pub fn builtins_dict(&self) -> &DictObj {
        self.builtins.downcast().expect("builtins dict")
    }

    pub fn set_builtin(&mut self, name: &str, v: Value) {
        let k = self.intern(name);
        self.builtins_dict().set_str(k, v);
    }

    pub fn sys_dict(&self) -> &DictObj {
        self.sys_module.downcast::<ModuleObj>().expect("sys").dict()
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Vm {
    /// Whether an object with a finalizer belongs to this VM, so that this VM (and no
    /// other VM on the thread) runs that finalizer: an instance whose class derives from
    /// this VM's `object`, or a generator running code this VM compiled (the compiler
    /// interns code names, and each VM has its own interned strings).
    pub(crate) fn owns_finalizable(&self, obj: &Value) -> bool {
        if let Some(inst) = obj.downcast::<InstanceObj>() {
            let mut root = &inst.cls;
            while let Some(base) = root.as_type().map(|t| &t.base).filter(|b| b.is::<TypeObj>()) {
                root = base;
            }
            return root.is_same(&self.types.object);
        }
        if let Some(g) = obj.downcast::<crate::interp::generator::GeneratorObj>() {
            let name = &g.code_obj().name;
            let interned = name.downcast::<StrObj>().and_then(|s| self.interned.get(s.as_str()));
            return interned.is_some_and(|v| v.is_same(name));
        }
        // No other kind has a finalizer; any VM may run one.
        true
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // Shut down as at the end of a program: modules are released, garbage is
        // collected, and the finalizers of whatever dies run here, with this VM's output
        // streams. No Python code runs while a panic unwinds.
        if !std::thread::panicking() {
            // The attribute cache holds functions, and so their module globals.
            self.method_cache.fill(MethodCacheEntry { version: 0, name: 0, value: None });
            self.finalize();
        }
        // What has not been finalized by now never will be: no other VM may run this
        // VM's finalizers.
        self.forgo_finalizers();
        self.stdout.flush();
        self.stderr.flush();
        // The fields drop next, and last of them `collect_on_drop` frees the cycles the
        // VM's own structures form (types <-> their dicts, modules <-> their functions).
    }
}

/// Borrow helpers for common downcasts.
impl Value {
    pub fn as_type(&self) -> Option<&TypeObj> {
        self.downcast::<TypeObj>()
    }
}

pub(crate) fn _assert_obj<T: PyObject>() {}
