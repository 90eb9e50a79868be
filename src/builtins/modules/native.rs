//! Helpers for library modules whose types CPython writes in C: their instances are
//! `OpaqueObj`s holding Rust state (`NativeData`).

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::NativeFn;
use crate::objects::opaque::{NativeData, OpaqueObj};
use crate::objects::DictObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefMut;

/// Implements `NativeData` for a type with `visit` and `clear_refs` methods, and
/// optionally a `NativeNext` step and a `NativeCall` (`native_data!(T, Some(step), None)`).
#[macro_export]
macro_rules! native_data {
    ($t:ty) => {
        $crate::native_data!($t, None, None);
    };
    ($t:ty, $next:expr, $call:expr) => {
        impl $crate::objects::opaque::NativeData for $t {
            fn native_next(&self) -> Option<$crate::objects::opaque::NativeNext> {
                $next
            }
            fn native_call(&self) -> Option<$crate::objects::opaque::NativeCall> {
                $call
            }
            fn traverse(&self, visit: &mut dyn FnMut(&$crate::value::Value)) {
                self.visit(visit)
            }
            fn clear(&mut self) {
                self.clear_refs()
            }
        }
    };
}

/// A built-in type `module.name` (not subclassable, attributes read-only) added to `d`.
pub fn add_type(vm: &mut Vm, d: &DictObj, module: &str, name: &str, methods: &[(&'static str, NativeFn)]) -> Value {
    let object = vm.types.object.clone();
    let cls = vm.make_type(name, object, Layout::Instance, TypeFlags::IMMUTABLE, methods);
    let m = vm.intern(module);
    cls.as_type().expect("type").module.set(m);
    super::add_value(vm, d, name, cls.clone());
    cls
}

/// The state of `v` as a `T`, mutably. Errors: `v` is not a `T` (TypeError naming
/// `what`), or its state is in use by a call further up the stack (RuntimeError).
pub fn state<'a, T: NativeData>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<RefMut<'a, T>> {
    let bad = || type_error(format!("descriptor '{what}' requires a '{}' object but received '{}'", std::any::type_name::<T>().rsplit("::").next().unwrap_or("?"), vm.type_name(v)));
    borrow_state(v, bad, &format!("{what}: object in use"))
}

/// The state of `v` as a `T`, mutably, with the caller's errors: `bad()` when `v` is
/// not a `T`, a RuntimeError saying `busy` when a call further up the stack holds it.
pub fn borrow_state<'a, T: NativeData>(v: &'a Value, bad: impl Fn() -> PyErr, busy: &str) -> PyResult<RefMut<'a, T>> {
    let o = v.downcast::<OpaqueObj>().ok_or_else(&bad)?;
    let d = o.data.try_borrow_mut().map_err(|_| PyErr::new(ExcKind::RuntimeError, busy))?;
    RefMut::filter_map(d, |d| d.as_any_mut().downcast_mut::<T>()).map_err(|_| bad())
}

/// Whether `v` is an opaque object whose state is a `T`.
pub fn is<T: NativeData>(v: &Value) -> bool {
    v.downcast::<OpaqueObj>().is_some_and(|o| o.data.try_borrow().is_ok_and(|d| d.as_any().is::<T>()))
}

/// An attribute of an already imported built-in module (`itertools._grouper`).
pub fn module_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult<Value> {
    let m = vm.intern(module);
    let n = vm.intern(name);
    let found = vm
        .modules
        .downcast::<DictObj>()
        .and_then(|mods| mods.get_str(&m))
        .and_then(|m| m.downcast::<crate::objects::ModuleObj>().and_then(|m| m.dict().get_str(&n)));
    found.ok_or_else(|| PyErr::new(ExcKind::RuntimeError, format!("{module}.{name} is missing")))
}

/// The first argument of a method (`self`).
pub fn self_arg<'a>(args: &crate::objects::func::Args<'a>, what: &str) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| type_error(format!("descriptor '{what}' needs an argument")))
}

/// StopIteration, as a native `__next__` reports exhaustion.
pub fn stop() -> PyErr {
    PyErr::bare(ExcKind::StopIteration)
}
