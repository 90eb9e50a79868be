//! Module objects.

use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::objects::dict::DictObj;
use crate::value::Value;

#[repr(C)]
pub struct ModuleObj {
    header: ObjHeader,
    pub name: Value,
    pub dict: Value,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for ModuleObj {
    const KIND: ObjKind = ObjKind::Module;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.dict);
    }
    fn clear(&self) {
        if let Some(d) = self.dict.downcast::<DictObj>() {
            d.clear_all();
        }
    }
}

pub fn new_module(name: Value, dict: Value) -> Value {
    alloc(ModuleObj { header: ObjHeader::new(ObjKind::Module), name, dict })
}

impl ModuleObj {
    #[inline]
    pub fn dict(&self) -> &DictObj {
        self.dict.downcast().expect("module dict")
    }
    pub fn name_str(&self) -> String {
        self.name.as_str().unwrap_or("?").to_string()
    }
}
