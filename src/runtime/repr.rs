//! `repr()` and `str()` of every built-in object, CPython's text exactly, with
//! recursion markers for self-containing containers.

use crate::error::{type_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::dict::DictViewKind;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;

pub fn addr(v: &Value) -> String {
    format!("0x{:x}", v.bits() & crate::value::PAYLOAD_MASK)
}

/// CPython refuses to print ints with more than this many digits.
pub const INT_MAX_STR_DIGITS: usize = 4300;

pub fn int_to_decimal(vm: &Vm, b: &num_bigint::BigInt) -> PyResult<String> {
    let limit = vm.int_max_str_digits;
    if limit > 0 && b.bits() as f64 * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        let s = b.to_string();
        if s.trim_start_matches('-').len() > limit {
            return Err(PyErr::new(ExcKind::ValueError, format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

/// Guards against infinite recursion when a container contains itself.
pub(crate) fn enter(vm: &mut Vm, v: &Value) -> bool {
    let id = v.bits();
    if vm.repr_active.contains(&id) {
        return false;
    }
    vm.repr_active.push(id);
    true
}

pub(crate) fn leave(vm: &mut Vm) {
    vm.repr_active.pop();
}

fn join_reprs(vm: &mut Vm, items: &[Value], sep: &str) -> PyResult<String> {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&vm.repr_string(x)?);
    }
    Ok(out)
}

/// repr of a heap object that is not a str.
pub fn repr_object(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let Some(kind) = v.kind() else {
        return Ok(if v.is_ellipsis() { "Ellipsis" } else if v.is_not_implemented() { "NotImplemented" } else { "?" }.into());
    };
    match kind {
        ObjKind::BigInt => int_to_decimal(vm, &v.downcast::<int::BigIntObj>().expect("int").value),
        ObjKind::Tuple => {
            let items = v.as_tuple().expect("tuple").to_vec();
            if items.is_empty() {
                return Ok("()".into());
            }
            if !enter(vm, v) {
                return Ok("(...)".into());
            }
            let r = join_reprs(vm, &items, ", ");
            leave(vm);
            let inner = r?;
            Ok(if items.len() == 1 { format!("({inner},)") } else { format!("({inner})") })
        }
        ObjKind::List => {
            if !enter(vm, v) {
                return Ok("[...]".into());
            }
            let items = v.downcast::<ListObj>().expect("list").to_vec();
            let r = join_reprs(vm, &items, ", ");
            leave(vm);
            Ok(format!("[{}]", r?))
        }
        ObjKind::Dict => {
            if !enter(vm, v) {
                return Ok("{...}".into());
            }
            let r = dict_body(vm, v);
            leave(vm);
            Ok(format!("{{{}}}", r?))
        }
        ObjKind::Set => {
            let s = v.downcast::<SetObj>().expect("set");
            let frozen = s.frozen;
            let items = s.keys();
            if items.is_empty() {
                return Ok(if frozen { "frozenset()" } else { "set()" }.into());
            }
            if !enter(vm, v) {
                return Ok(format!("{}(...)", vm.type_name(v)));
            }
            let r = join_reprs(vm, &items, ", ");
            leave(vm);
            let body = r?;
            Ok(if frozen { format!("frozenset({{{body}}})") } else { format!("{{{body}}}") })
        }
        ObjKind::Range => Ok(v.downcast::<RangeObj>().expect("range").repr()),
        ObjKind::Slice => {
            let s = v.downcast::<SliceObj>().expect("slice");
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            Ok(format!("slice({}, {}, {})", vm.repr_string(&a)?, vm.repr_string(&b)?, vm.repr_string(&c)?))
        }
        ObjKind::Function => {
            let f = v.downcast::<FunctionObj>().expect("function");
            Ok(format!("<function {} at {}>", f.qualname.get().as_str().unwrap_or("?"), addr(v)))
        }
        ObjKind::NativeFunction => {
            let n = v.downcast::<NativeFunctionObj>().expect("native");
            if n.bound.is_null() {
                if n.owner.is_empty() {
                    Ok(format!("<built-in function {}>", n.name))
                } else {
                    Ok(format!("<method '{}' of '{}' objects>", n.name, n.owner))
                }
            } else if n.bound.is::<ModuleObj>() {
                Ok(format!("<built-in function {}>", n.name))
            } else {
                let b = n.bound.clone();
                if b.is::<TypeObj>() {
                    return Ok(format!("<built-in method {} of type object at {}>", n.name, addr(&b)));
                }
                Ok(format!("<built-in method {} of {} object at {}>", n.name, vm.type_name(&b), addr(&b)))
            }
        }
        ObjKind::BoundMethod => {
            let m = v.downcast::<BoundMethodObj>().expect("method");
            let (f, s) = (m.func.clone(), m.self_.clone());
            let name = match f.downcast::<FunctionObj>() {
                Some(fo) => fo.qualname.get().as_str().unwrap_or("?").to_string(),
                None => {
                    let q = vm.getattr_str(&f, "__qualname__").unwrap_or(Value::NONE);
                    vm.str_string(&q)?
                }
            };
            Ok(format!("<bound method {name} of {}>", vm.repr_string(&s)?))
        }
        ObjKind::Code => {
            let c = v.downcast::<CodeObj>().expect("code");
            Ok(format!("<code object {} at {}, file \"{}\", line {}>", c.name_str(), addr(v), c.filename_str(), c.firstlineno))
        }
        ObjKind::Cell => {
            let c = v.downcast::<CellObj>().expect("cell");
            let inner = c.value.get();
            if inner.is_null() {
                Ok(format!("<cell at {}: empty>", addr(v)))
            } else {
                Ok(format!("<cell at {}: {} object at {}>", addr(v), vm.type_name(&inner), addr(&inner)))
            }
        }
        ObjKind::Type => {
            let t = v.as_type().expect("type");
            let m = t.module.get();
            match m.as_str() {
                Some("builtins") | None => Ok(format!("<class '{}'>", t.qualname())),
                Some(m) => Ok(format!("<class '{m}.{}'>", t.qualname())),
            }
        }
        ObjKind::Module => {
            let m = v.downcast::<ModuleObj>().expect("module");
            let file = m.dict().get_str(&vm.names.dunder_file.clone());
            match file.as_ref().and_then(|f| f.as_str()) {
                Some(f) => Ok(format!("<module '{}' from '{f}'>", m.name_str())),
                None => Ok(format!("<module '{}' (built-in)>", m.name_str())),
            }
        }
        ObjKind::Generator => {
            let g = v.downcast::<crate::interp::generator::GeneratorObj>().expect("gen");
            Ok(format!("<generator object {} at {}>", g.qualname.get().as_str().unwrap_or("?"), addr(v)))
        }
        ObjKind::DictView => {
            let view = v.downcast::<DictViewObj>().expect("view");
            let d = view.dict.downcast::<DictObj>().expect("dict");
            let (name, items) = match view.kind {
                DictViewKind::Keys => ("dict_keys", d.keys()),
                DictViewKind::Values => ("dict_values", d.values()),
                DictViewKind::Items => ("dict_items", d.items().into_iter().map(|(k, v)| tuple::new_tuple(vec![k, v])).collect()),
            };
            if !enter(vm, v) {
                return Ok("...".into());
            }
            let r = join_reprs(vm, &items, ", ");
            leave(vm);
            Ok(format!("{name}([{}])", r?))
        }
        ObjKind::StaticMethod => {
            let f = v.downcast::<StaticMethodObj>().expect("sm").func.clone();
            Ok(format!("<staticmethod({})>", vm.repr_string(&f)?))
        }
        ObjKind::ClassMethod => {
            let f = v.downcast::<ClassMethodObj>().expect("cm").func.clone();
            Ok(format!("<classmethod({})>", vm.repr_string(&f)?))
        }
        ObjKind::Super => {
            let s = v.downcast::<SuperObj>().expect("super");
            let (a, b) = (s.this_class.clone(), s.obj_type.clone());
            Ok(format!("<super: {}, <{} object>>", vm.repr_string(&a)?, b.as_type().map(|t| t.name()).unwrap_or_default()))
        }
        ObjKind::Instance | ObjKind::Exception | ObjKind::Opaque => {
            let s = repr_value(vm, v)?;
            Ok(s.as_str().unwrap_or("").to_string())
        }
        ObjKind::Str => Ok(crate::runtime::strings::repr_str(v.as_str().expect("str"))),
        ObjKind::Bytes => Ok(crate::builtins::bytes::repr_bytes(v.as_bytes().expect("bytes"))),
        ObjKind::Property | ObjKind::Iterator => Ok(format!("<{} object at {}>", vm.type_name(v), addr(v))),
    }
}

fn dict_body(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let items = v.downcast::<DictObj>().expect("dict").items();
    let mut out = String::new();
    for (i, (k, x)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(k)?);
        out.push_str(": ");
        out.push_str(&vm.repr_string(x)?);
    }
    Ok(out)
}

/// `object.__repr__`: `<__main__.A object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    let t = t.as_type().expect("type");
    let m = t.module.get();
    let module = m.as_str().unwrap_or("builtins");
    if module == "builtins" {
        format!("<{} object at {}>", t.qualname(), addr(v))
    } else {
        format!("<{module}.{} object at {}>", t.qualname(), addr(v))
    }
}

/// `repr()` of an object whose class may define `__repr__`.
pub fn repr_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::stack_guard::ensure_stack(vm)?;
    let name = vm.names.dunder_repr.clone();
    match vm.lookup_special(v, &name) {
        Some(m) => {
            let r = vm.call_method_value(&m, v, &[])?;
            if !r.is::<StrObj>() {
                return Err(type_error(format!("__repr__ returned non-string (type {})", vm.type_name(&r))));
            }
            Ok(r)
        }
        None => {
            let s = default_repr(vm, v);
            Ok(vm.str_from_string(s))
        }
    }
}

/// `str()` of an object whose class may define `__str__` (falling back to `__repr__`).
pub fn str_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::stack_guard::ensure_stack(vm)?;
    let name = vm.names.dunder_str.clone();
    match vm.lookup_special(v, &name) {
        Some(m) => {
            let r = vm.call_method_value(&m, v, &[])?;
            if !r.is::<StrObj>() {
                return Err(type_error(format!("__str__ returned non-string (type {})", vm.type_name(&r))));
            }
            Ok(r)
        }
        None => repr_value(vm, v),
    }
}
