//! `__slots__`: classes that list their instances' attributes.
//!
//! Instances still keep attributes in their dict; a class with `__slots__` (all the way
//! up its MRO, and without a `__dict__` slot) only restricts which names may be set.

use crate::error::{type_error, PyResult};
use crate::objects::class::TypeObj;

use crate::value::Value;
use crate::vm::Vm;

/// Reads `__slots__` from a new class's namespace.
pub fn init_slots(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let t = cls.as_type().expect("type");
    let key = vm.names.dunder_slots.clone();
    let Some(decl) = t.dict().get_str(&key) else { return Ok(()) };
    let names: Vec<Value> = if decl.is::<crate::objects::StrObj>() { vec![decl] } else { vm.collect(&decl)? };
    let mut allowed = Vec::new();
    for n in names {
        let Some(s) = n.as_str() else {
            return Err(type_error(format!("__slots__ items must be strings, not '{}'", vm.type_name(&n))));
        };
        if s == "__dict__" {
            return Ok(());
        }
        if s == "__weakref__" {
            continue;
        }
        let mangled = crate::compiler::symtable::mangle(Some(&t.name()), s);
        allowed.push(vm.intern(&mangled));
    }
    // Inherit the bases' restrictions; a base without __slots__ means no restriction.
    for base in t.bases() {
        if !base.is_same(&vm.types.object) {
            match &*base.as_type().expect("type").slots.borrow() {
                Some(b) => allowed.extend(b.iter().cloned()),
                None => return Ok(()),
            }
        }
    }
    *t.slots.borrow_mut() = Some(allowed);
    Ok(())
}

/// Refuses attribute names outside a slotted class's list.
pub fn check(vm: &mut Vm, obj: &Value, t: &TypeObj, name: &Value) -> PyResult<()> {
    let slots = t.slots.borrow();
    let Some(allowed) = &*slots else { return Ok(()) };
    if allowed.iter().any(|a| a.is_same(name) || a.as_str() == name.as_str()) {
        return Ok(());
    }
    drop(slots);
    let msg = format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
        t.name(), name.as_str().unwrap_or("?"));
    Err(crate::runtime::attr::attribute_error(vm, obj, name, msg))
}

