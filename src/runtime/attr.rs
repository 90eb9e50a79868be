//! Attribute access: `getattr`, `setattr`, `delattr` and method look-up, with CPython's
//! descriptor rules (data descriptors, instance dict, methods, `__getattr__`).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::class::{TypeFlags, TypeObj};
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

/// An AttributeError with `name` and `obj` set, as CPython 3.10+ (for "Did you mean").
pub fn attribute_error(vm: &mut Vm, obj: &Value, name: &Value, msg: String) -> PyErr {
    let exc = vm.new_error(ExcKind::AttributeError, tuple::new_tuple(vec![vm.str_from_string(msg)]));
    if let Some(e) = exc.downcast::<ExceptionObj>() {
        let (kn, ko) = (vm.intern("name"), vm.intern("obj"));
        e.dict().set_str(kn, name.clone());
        e.dict().set_str(ko, obj.clone());
    }
    PyErr::Obj(exc)
}

fn no_attribute(vm: &mut Vm, obj: &Value, name: &Value) -> PyErr {
    let n = name.as_str().unwrap_or("?").to_string();
    let msg = match obj.kind() {
        Some(ObjKind::Type) => format!("type object '{}' has no attribute '{n}'", crate::runtime::attr::type_display_name(obj.as_type().expect("type"))),
        Some(ObjKind::Module) => {
            format!("module '{}' has no attribute '{n}'", obj.downcast::<ModuleObj>().expect("module").name_str())
        }
        _ => format!("'{}' object has no attribute '{n}'", vm.type_name(obj)),
    };
    attribute_error(vm, obj, name, msg)
}

/// What a type-level attribute does when fetched through an instance.
enum Bound {
    /// Return as is.
    Plain(Value),
    /// A method: (function, self) — callers may call without allocating a bound method.
    Method(Value, Value),
}

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_inner(obj, name)? {
            Some(Bound::Plain(v)) => Ok(v),
            Some(Bound::Method(f, s)) => Ok(bind(f, s)),
            None => Err(no_attribute(self, obj, name)),
        }
    }

    /// `getattr` that returns None instead of raising AttributeError.
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.error_is(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// LOAD_ATTR's method form: (callable, Some(self)) when the attribute is a method,
    /// so the call can pass `self` without allocating a bound method.
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
        match self.getattr_inner(obj, name)? {
            Some(Bound::Plain(v)) => Ok((v, None)),
            Some(Bound::Method(f, s)) => Ok((f, Some(s))),
            None => Err(no_attribute(self, obj, name)),
        }
    }

    fn getattr_inner(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Bound>> {
        match obj.kind() {
            Some(ObjKind::Type) => return self.type_getattr(obj, name).map(|o| o.map(Bound::Plain)),
            Some(ObjKind::Module) => {
                let m = obj.downcast::<ModuleObj>().expect("module");
                if let Some(v) = m.dict().get_str(name) {
                    return Ok(Some(Bound::Plain(v)));
                }
                if let Some(ga) = m.dict().get_str(&self.names.dunder_getattr.clone()) {
                    return self.call(&ga, std::slice::from_ref(name)).map(|v| Some(Bound::Plain(v)));
                }
                return Ok(None);
            }
            Some(ObjKind::Super) => return crate::runtime::classes::super_getattr(self, obj, name).map(|o| o.map(Bound::Plain)),
            _ => {}
        }
        let ty = self.type_of(obj);
        let t = ty.as_type().expect("type");
        let descr = self.lookup_type_attr(t, name);
        // Data descriptors win over the instance dict.
        if let Some(d) = &descr {
            if let Some(p) = d.downcast::<PropertyObj>() {
                if p.fget.is_none() || p.fget.is_null() {
                    let msg = format!("property '{}' of '{}' object has no getter", name.as_str().unwrap_or("?"), t.name());
                    return Err(attribute_error(self, obj, name, msg));
                }
                let fget = p.fget.clone();
                return self.call(&fget, std::slice::from_ref(obj)).map(|v| Some(Bound::Plain(v)));
            }
        }
        if let Some(v) = instance_dict(obj).and_then(|d| d.get_str(name)) {
            return Ok(Some(Bound::Plain(v)));
        }
        // An instance's special attributes are all dunders (`__class__`, `__dict__`).
        if obj.kind() != Some(ObjKind::Instance) || name.as_str().is_some_and(|n| n.starts_with("__")) {
            if let Some(v) = crate::runtime::special_attrs::get(self, obj, name)? {
                return Ok(Some(Bound::Plain(v)));
            }
        }
        if let Some(d) = descr {
            return self.bind_descriptor(d, obj, &ty).map(Some);
        }
        // An instance of a subclass of int or float: the computed attributes of its value
        // (`real`, `numerator`...), which CPython's int and float types define.
        let inner = crate::objects::class::builtin_value(obj);
        if !inner.is_same(obj) && name.as_str().is_some_and(|n| !n.starts_with("__")) {
            if let Some(v) = crate::runtime::special_attrs::get(self, &inner.clone(), name)? {
                return Ok(Some(Bound::Plain(v)));
            }
        }
        if t.flags.get().contains(TypeFlags::HAS_GETATTR) {
            let ga_name = self.names.dunder_getattr.clone();
            if let Some(ga) = self.lookup_type_attr(t, &ga_name) {
                return self.call_method_value(&ga, obj, std::slice::from_ref(name)).map(|v| Some(Bound::Plain(v)));
            }
        }
        Ok(None)
    }

    /// The descriptor protocol for a value found on the type, fetched via `obj`.
    fn bind_descriptor(&mut self, d: Value, obj: &Value, ty: &Value) -> PyResult<Bound> {
        match d.kind() {
            Some(ObjKind::Function) => Ok(Bound::Method(d, obj.clone())),
            Some(ObjKind::NativeFunction) if d.downcast::<NativeFunctionObj>().expect("native").is_method_descriptor() => {
                Ok(Bound::Method(d, obj.clone()))
            }
            Some(ObjKind::StaticMethod) => Ok(Bound::Plain(d.downcast::<StaticMethodObj>().expect("sm").func.clone())),
            Some(ObjKind::ClassMethod) => {
                Ok(Bound::Method(d.downcast::<ClassMethodObj>().expect("cm").func.clone(), ty.clone()))
            }
            // A user-defined descriptor, or a native one (partial, lru_cache wrappers).
            Some(ObjKind::Instance | ObjKind::Opaque) => {
                let get = self.names.dunder_get.clone();
                if let Some(g) = self.lookup_special(&d, &get) {
                    return self.call_method_value(&g, &d, &[obj.clone(), ty.clone()]).map(Bound::Plain);
                }
                Ok(Bound::Plain(d))
            }
            _ => Ok(Bound::Plain(d)),
        }
    }

    /// Attribute look-up on a class object.
    fn type_getattr(&mut self, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
        let t = cls.as_type().expect("type");
        if let Some(v) = crate::runtime::special_attrs::type_attr(self, cls, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = self.lookup_type_attr(t, name) {
            return Ok(Some(match d.kind() {
                Some(ObjKind::StaticMethod) => d.downcast::<StaticMethodObj>().expect("sm").func.clone(),
                Some(ObjKind::ClassMethod) => {
                    func::new_bound_method(d.downcast::<ClassMethodObj>().expect("cm").func.clone(), cls.clone())
                }
                Some(ObjKind::Instance | ObjKind::Opaque) => {
                    let get = self.names.dunder_get.clone();
                    if let Some(g) = self.lookup_special(&d, &get) {
                        self.call_method_value(&g, &d, &[Value::NONE, cls.clone()])?
                    } else {
                        d
                    }
                }
                _ => d,
            }));
        }
        // Methods of the metaclass (`type`'s mro, __subclasses__...; a metaclass's own).
        let meta = self.type_of(cls);
        if let Some(d) = self.lookup_type_attr(meta.as_type().expect("type"), name) {
            if meta.is_same(&self.types.type_) {
                return Ok(if d.is::<NativeFunctionObj>() { Some(bind(d, cls.clone())) } else { None });
            }
            return Ok(match d.kind() {
                Some(ObjKind::NativeFunction) if d.downcast::<NativeFunctionObj>().expect("native").name != "__new__" => Some(bind(d, cls.clone())),
                Some(ObjKind::NativeFunction) => None,
                Some(ObjKind::Function) => Some(func::new_bound_method(d, cls.clone())),
                Some(ObjKind::ClassMethod) => Some(func::new_bound_method(d.downcast::<ClassMethodObj>().expect("cm").func.clone(), meta)),
                Some(ObjKind::StaticMethod) => Some(d.downcast::<StaticMethodObj>().expect("sm").func.clone()),
                Some(ObjKind::Property) => {
                    let fget = d.downcast::<PropertyObj>().expect("p").fget.clone();
                    Some(self.call(&fget, std::slice::from_ref(cls))?)
                }
                _ => Some(d),
            });
        }
        Ok(None)
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::Type) => return crate::runtime::classes::type_setattr(self, obj, name, Some(value)),
            Some(ObjKind::Module) => {
                obj.downcast::<ModuleObj>().expect("module").dict().set_str(name.clone(), value);
                return Ok(());
            }
            _ => {}
        }
        let ty = self.type_of(obj);
        let t = ty.as_type().expect("type");
        if let Some(d) = self.lookup_type_attr(t, name) {
            if let Some(p) = d.downcast::<PropertyObj>() {
                if p.fset.is_none() || p.fset.is_null() {
                    let msg = format!("property '{}' of '{}' object has no setter", name.as_str().unwrap_or("?"), t.name());
                    return Err(attribute_error(self, obj, name, msg));
                }
                let fset = p.fset.clone();
                self.call(&fset, &[obj.clone(), value])?;
                return Ok(());
            }
        }
        if crate::runtime::ops::is_user_object(obj) {
            let sa = self.names.dunder_setattr.clone();
            if let Some(m) = self.lookup_type_attr(t, &sa) {
                if !m.is::<NativeFunctionObj>() {
                    self.call_method_value(&m, obj, &[name.clone(), value])?;
                    return Ok(());
                }
            }
            crate::runtime::classes::check_slots(self, obj, t, name)?;
        }
        if crate::runtime::special_attrs::set(self, obj, name, &value)? {
            return Ok(());
        }
        if let Some(d) = instance_dict(obj) {
            d.set_str(name.clone(), value);
            return Ok(());
        }
        let n = name.as_str().unwrap_or("?");
        let msg = if t.lookup(name).is_some() {
            format!("'{}' object attribute '{n}' is read-only", t.name())
        } else {
            format!("'{}' object has no attribute '{n}' and no __dict__ for setting new attributes", t.name())
        };
        Err(attribute_error(self, obj, name, msg))
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        match obj.kind() {
            Some(ObjKind::Type) => return crate::runtime::classes::type_setattr(self, obj, name, None),
            Some(ObjKind::Module) => {
                if obj.downcast::<ModuleObj>().expect("module").dict().remove_str(name).is_none() {
                    return Err(no_attribute(self, obj, name));
                }
                return Ok(());
            }
            _ => {}
        }
        let ty = self.type_of(obj);
        let t = ty.as_type().expect("type");
        if let Some(d) = self.lookup_type_attr(t, name) {
            if let Some(p) = d.downcast::<PropertyObj>() {
                if p.fdel.is_none() || p.fdel.is_null() {
                    let msg = format!("property '{}' of '{}' object has no deleter", name.as_str().unwrap_or("?"), t.name());
                    return Err(attribute_error(self, obj, name, msg));
                }
                let fdel = p.fdel.clone();
                self.call(&fdel, std::slice::from_ref(obj))?;
                return Ok(());
            }
        }
        if crate::runtime::ops::is_user_object(obj) {
            let da = self.names.dunder_delattr.clone();
            if let Some(m) = self.lookup_type_attr(t, &da) {
                if !m.is::<NativeFunctionObj>() {
                    self.call_method_value(&m, obj, std::slice::from_ref(name))?;
                    return Ok(());
                }
            }
        }
        if let Some(d) = instance_dict(obj) {
            if d.remove_str(name).is_some() {
                return Ok(());
            }
        }
        // An empty slot: CPython's member descriptor raises AttributeError(name).
        if t.slots.borrow().as_ref().is_some_and(|s| s.iter().any(|a| a.as_str() == name.as_str())) {
            return Err(PyErr::with_args(ExcKind::AttributeError, vec![name.clone()]));
        }
        Err(no_attribute(self, obj, name))
    }

    /// Whether `err` is (a subclass of) the built-in exception `kind`.
    pub fn error_is(&mut self, err: &PyErr, kind: ExcKind) -> bool {
        match err {
            PyErr::Lazy { kind: k, .. } | PyErr::Msg { kind: k, .. } => exc_kind_is_subclass(*k, kind),
            PyErr::Obj(v) => self.isinstance_kind(v, kind),
        }
    }
}

pub fn exc_kind_is_subclass(mut k: ExcKind, of: ExcKind) -> bool {
    loop {
        if k == of {
            return true;
        }
        if k == ExcKind::BaseException {
            return false;
        }
        k = k.base();
    }
}

/// The attribute dict of an object that has one.
pub fn instance_dict(obj: &Value) -> Option<&DictObj> {
    match obj.kind()? {
        ObjKind::Instance => {
            let inst = obj.downcast::<InstanceObj>()?;
            // Bare `object()` instances have no __dict__ (only `object` has no base).
            if inst.cls.downcast::<TypeObj>().is_some_and(|t| t.base.is_null()) {
                return None;
            }
            Some(inst.dict())
        }
        ObjKind::Exception => Some(obj.downcast::<ExceptionObj>()?.dict()),
        ObjKind::Function => None,
        ObjKind::Opaque => obj.downcast::<OpaqueObj>()?.dict.downcast::<DictObj>(),
        _ => None,
    }
}

/// A bound method (Python functions) or bound native.
pub fn bind(f: Value, s: Value) -> Value {
    if let Some(n) = f.downcast::<NativeFunctionObj>() {
        return n.bind(s);
    }
    func::new_bound_method(f, s)
}

pub fn type_of_attr_owner(t: &TypeObj) -> String {
    t.name()
}

/// A type's name as CPython's messages show it (its `tp_name`: `module.Name` for the C
/// types of library modules).
pub fn type_display_name(t: &TypeObj) -> String {
    if t.flags.get().contains(crate::objects::class::TypeFlags::QUALIFIED_NAME) {
        if let Some(m) = t.module.get().as_str() {
            return format!("{m}.{}", t.name());
        }
    }
    t.name()
}
