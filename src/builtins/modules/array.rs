//! The `array` module (C in CPython): `array.array`, a sequence of machine numbers of
//! one type code (`b B h H i I l L q Q f d`), with CPython's conversions, overflow
//! messages, repr and comparisons.

use crate::builtins::argparse;
use crate::builtins::int::index_value;
use crate::error::{index_error, overflow_error, type_error, value_error, ExcKind, PyErr, PyResult};
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::{Args, NativeFn};
use crate::objects::opaque::{new_opaque, NativeData, OpaqueObj};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::runtime::subscript::slice_indices;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

const TYPECODES: &str = "bBuwhHiIlLqQfd";

#[derive(Clone, Copy, PartialEq)]
enum Elem {
    I(i128),
    F(f64),
}

struct ArrayData {
    code: char,
    items: Vec<Elem>,
}

impl NativeData for ArrayData {
}

struct ArrayIter {
    array: Value,
    index: usize,
}

impl NativeData for ArrayIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.array);
    }
    fn clear(&mut self) {
        self.array = Value::NONE;
    }
}

fn itemsize(code: char) -> usize {
    match code {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

fn is_float_code(code: char) -> bool {
    matches!(code, 'f' | 'd')
}

/// The out-of-range message CPython gives when storing `n` under `code`, if any.
fn int_range_error(code: char, n: &BigInt) -> Option<&'static str> {
    let neg = n.sign() == num_bigint::Sign::Minus;
    let small = |lo: i64, hi: i64, name: &'static str| -> Option<&'static str> {
        match n.to_i64() {
            None => Some("Python int too large to convert to C long"),
            Some(v) if v < lo => Some(match name {
                "b" => "signed char is less than minimum",
                "B" => "unsigned byte integer is less than minimum",
                "h" => "signed short integer is less than minimum",
                "H" => "unsigned short is less than minimum",
                _ => "signed integer is less than minimum",
            }),
            Some(v) if v > hi => Some(match name {
                "b" => "signed char is greater than maximum",
                "B" => "unsigned byte integer is greater than maximum",
                "h" => "signed short integer is greater than maximum",
                "H" => "unsigned short is greater than maximum",
                _ => "signed integer is greater than maximum",
            }),
            Some(_) => None,
        }
    };
    match code {
        'b' => small(-128, 127, "b"),
        'B' => small(0, 255, "B"),
        'h' => small(-32768, 32767, "h"),
        'H' => small(0, 65535, "H"),
        'i' => small(i32::MIN as i64, i32::MAX as i64, "i"),
        'I' if neg => Some("can't convert negative value to unsigned int"),
        'I' => match n.to_u64() {
            None => Some("Python int too large to convert to C unsigned long"),
            Some(v) if v > u32::MAX as u64 => Some("unsigned int is greater than maximum"),
            Some(_) => None,
        },
        'l' => n.to_i64().is_none().then_some("Python int too large to convert to C long"),
        'L' if neg => Some("can't convert negative value to unsigned int"),
        'L' => n.to_u64().is_none().then_some("Python int too large to convert to C unsigned long"),
        'q' => n.to_i64().is_none().then_some("int too big to convert"),
        'Q' if neg => Some("can't convert negative int to unsigned"),
        _ => n.to_u64().is_none().then_some("int too big to convert"),
    }
}

/// Converts a Python value to an element of `code`, as the array's setitem does.
fn to_elem(vm: &mut Vm, code: char, v: &Value) -> PyResult<Elem> {
    if is_float_code(code) {
        let x = if let Some(f) = v.as_float() {
            f
        } else if v.is_bool() {
            if v.is_true_const() { 1.0 } else { 0.0 }
        } else if let Some(i) = v.as_int() {
            let b = i.to_bigint();
            let f = b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| overflow_error("int too large to convert to float"))?;
            f
        } else if crate::runtime::ops::is_user_object(v) {
            let f = vm.call_method(v, "__float__", &[]).map_err(|_| type_error(format!("must be real number, not {}", vm.type_name(v))))?;
            f.as_float().ok_or_else(|| type_error(format!("must be real number, not {}", vm.type_name(v))))?
        } else {
            return Err(type_error(format!("must be real number, not {}", vm.type_name(v))));
        };
        return Ok(Elem::F(if code == 'f' { x as f32 as f64 } else { x }));
    }
    let i = index_value(vm, v)?;
    let b = i.as_int().expect("index gives an int").to_bigint();
    if let Some(msg) = int_range_error(code, &b) {
        return Err(overflow_error(msg));
    }
    Ok(Elem::I(b.to_i128().expect("in range")))
}

fn elem_value(e: Elem) -> Value {
    match e {
        Elem::I(i) => Value::int_from_i128(i),
        Elem::F(f) => Value::float(f),
    }
}

fn data_of<'a>(v: &'a Value) -> Option<std::cell::RefMut<'a, Box<dyn NativeData>>> {
    let o = v.downcast::<OpaqueObj>()?;
    let d = o.data.try_borrow_mut().ok()?;
    d.as_any().is::<ArrayData>().then_some(d)
}

/// Runs `f` on the array `s`.
fn with<R>(vm: &Vm, s: &Value, what: &str, f: impl FnOnce(&mut ArrayData) -> R) -> PyResult<R> {
    let mut d = data_of(s).ok_or_else(|| type_error(format!("descriptor '{what}' for 'array.array' objects doesn't apply to a '{}' object", vm.type_name(s))))?;
    Ok(f(d.as_any_mut().downcast_mut::<ArrayData>().expect("array")))
}

/// (typecode, items) of `v` if it is an array.
fn snapshot(v: &Value) -> Option<(char, Vec<Elem>)> {
    let d = data_of(v)?;
    let a = d.as_any().downcast_ref::<ArrayData>().expect("array");
    Some((a.code, a.items.clone()))
}

fn new_array(vm: &mut Vm, code: char, items: Vec<Elem>) -> Value {
    let cls = array_type(vm);
    new_opaque(cls, Box::new(ArrayData { code, items }), Value::NULL)
}

fn array_type(vm: &mut Vm) -> Value {
    let key = vm.intern("array");
    let m = vm.modules.downcast::<DictObj>().and_then(|d| d.get_str(&key)).expect("array module");
    let d = m.downcast::<ModuleObj>().expect("module").dict.clone();
    d.downcast::<DictObj>().expect("dict").get_str(&key).expect("array.array")
}

fn array_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let cls = pos.first().cloned().ok_or_else(|| type_error("array.__new__(): not enough arguments"))?;
    if args.has_kwargs() {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let rest = &pos[1..];
    if rest.is_empty() {
        return Err(type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(type_error(format!("array() takes at most 2 arguments ({} given)", rest.len())));
    }
    let code = match rest[0].as_str() {
        Some(s) if s.chars().count() == 1 => s.chars().next().expect("one char"),
        Some(s) => return Err(type_error(format!("array() argument 1 must be a unicode character, not a string of length {}", s.chars().count()))),
        _ => return Err(type_error(format!("array() argument 1 must be a unicode character, not {}", vm.type_name(&rest[0])))),
    };
    if !TYPECODES.contains(code) || matches!(code, 'u' | 'w') {
        return Err(value_error("bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let mut items = Vec::new();
    if let Some(init) = rest.get(1) {
        if let Some((c2, its)) = snapshot(init) {
            if is_float_code(code) == is_float_code(c2) {
                items = its;
            } else {
                for e in its {
                    items.push(to_elem(vm, code, &elem_value(e))?);
                }
            }
        } else if init.as_str().is_some() {
            return Err(type_error(format!("cannot use a str to initialize an array with typecode '{code}'")));
        } else {
            for v in vm.collect(init)? {
                items.push(to_elem(vm, code, &v)?);
            }
        }
    }
    Ok(new_opaque(cls, Box::new(ArrayData { code, items }), Value::NULL))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__len__", &args, 0, 0)?;
    with(vm, s, "__len__", |a| Value::int_from_usize(a.items.len()))
}

/// A subscript that is not a slice, as CPython's `array_subscr` reads it: an int or
/// an object with `__index__`; one too big for a C `ssize_t` is an IndexError naming
/// the subscript's type.
fn subscript_index(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    let mut has_index = || {
        let name = vm.names.dunder_index.clone();
        crate::runtime::ops::is_user_object(key) && vm.lookup_special(key, &name).is_some()
    };
    let int = if key.as_int().is_some() {
        key.clone()
    } else if has_index() {
        index_value(vm, key)?
    } else {
        return Err(type_error("array indices must be integers"));
    };
    let i = int.as_int().expect("index gives an int").to_i64();
    i.ok_or_else(|| index_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(key))))
}

/// Index `i` of a sequence of `len` items, negative counting from the end.
fn resolve_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (i >= 0 && (i as usize) < len).then_some(i as usize)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__getitem__", &args, 1, 1)?;
    let not_array = || type_error("descriptor '__getitem__' requires an 'array.array' object");
    if let Some(sl) = rest[0].downcast::<SliceObj>() {
        let (code, items) = snapshot(s).ok_or_else(not_array)?;
        let si = slice_indices(vm, sl, items.len())?;
        let picked = si.indices().map(|i| items[i]).collect();
        return Ok(new_array(vm, code, picked));
    }
    // The index may run `__index__`, so it is read before the array is borrowed; the
    // element is then copied out without copying the array.
    let i = subscript_index(vm, &rest[0])?;
    let elem = with(vm, s, "__getitem__", |a| resolve_index(i, a.items.len()).map(|i| a.items[i])).map_err(|_| not_array())?;
    elem.map(elem_value).ok_or_else(|| index_error("array index out of range"))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__setitem__", &args, 2, 2)?;
    let (code, len) = with(vm, s, "__setitem__", |a| (a.code, a.items.len())).map_err(|_| type_error("descriptor '__setitem__' requires an 'array.array' object"))?;
    if let Some(sl) = rest[0].downcast::<SliceObj>() {
        let new = match snapshot(&rest[1]) {
            Some((c2, its)) if c2 == code => its,
            Some(_) => return Err(type_error("bad argument type for built-in operation")),
            None => return Err(type_error(format!("can only assign array (not \"{}\") to array slice", vm.type_name(&rest[1])))),
        };
        let si = slice_indices(vm, sl, len)?;
        return with(vm, s, "__setitem__", |a| {
            if si.step == 1 {
                let start = si.start.max(0) as usize;
                let end = (start + si.len).min(a.items.len());
                a.items.splice(start..end, new);
                Ok(Value::NONE)
            } else if new.len() != si.len {
                Err(value_error(format!("attempt to assign array of size {} to extended slice of size {}", new.len(), si.len)))
            } else {
                for (k, i) in si.indices().enumerate() {
                    a.items[i] = new[k];
                }
                Ok(Value::NONE)
            }
        })?;
    }
    // The index is checked before the value is converted, as in CPython.
    let i = resolve_index(subscript_index(vm, &rest[0])?, len).ok_or_else(|| index_error("array assignment index out of range"))?;
    let e = to_elem(vm, code, &rest[1])?;
    with(vm, s, "__setitem__", |a| {
        if i < a.items.len() {
            a.items[i] = e;
        }
    })?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__delitem__", &args, 1, 1)?;
    let n = with(vm, s, "__delitem__", |a| a.items.len())?;
    if let Some(sl) = rest[0].downcast::<SliceObj>() {
        let si = slice_indices(vm, sl, n)?;
        let mut doomed: Vec<usize> = si.indices().collect();
        doomed.sort_unstable();
        return with(vm, s, "__delitem__", |a| {
            for i in doomed.into_iter().rev() {
                a.items.remove(i);
            }
            Value::NONE
        });
    }
    let i = resolve_index(subscript_index(vm, &rest[0])?, n).ok_or_else(|| index_error("array assignment index out of range"))?;
    with(vm, s, "__delitem__", |a| {
        a.items.remove(i);
        Value::NONE
    })
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("append", &args, 1, 1)?;
    let code = with(vm, s, "append", |a| a.code)?;
    let e = to_elem(vm, code, &rest[0])?;
    with(vm, s, "append", |a| a.items.push(e))?;
    Ok(Value::NONE)
}

/// `extend`/`+=`: another array of the same type code, or any iterable item by item.
fn extend_from(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    let code = with(vm, s, "extend", |a| a.code)?;
    if let Some((c2, its)) = snapshot(other) {
        if c2 != code {
            return Err(type_error("can only extend with array of same kind"));
        }
        return with(vm, s, "extend", |a| a.items.extend(its));
    }
    if other.is_same(s) {
        return with(vm, s, "extend", |a| a.items.extend_from_within(..));
    }
    let it = vm.iter(other)?;
    while let Some(v) = vm.next(&it)? {
        let e = to_elem(vm, code, &v)?;
        with(vm, s, "extend", |a| a.items.push(e))?;
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("extend", &args, 1, 1)?;
    extend_from(vm, s, &rest[0])?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("pop", &args, 0, 1)?;
    let i = match rest.first() {
        Some(v) => argparse::int_arg(vm, v)?,
        None => -1,
    };
    let r = with(vm, s, "pop", |a| {
        if a.items.is_empty() {
            return Err(index_error("pop from empty array"));
        }
        let n = a.items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(index_error("pop index out of range"));
        }
        Ok(a.items.remove(j as usize))
    })??;
    Ok(elem_value(r))
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("insert", &args, 2, 2)?;
    let i = argparse::int_arg(vm, &rest[0])?;
    let code = with(vm, s, "insert", |a| a.code)?;
    let e = to_elem(vm, code, &rest[1])?;
    with(vm, s, "insert", |a| {
        let n = a.items.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        a.items.insert(j as usize, e);
    })?;
    Ok(Value::NONE)
}

/// The first index whose element equals `x` (compared as Python values).
fn find(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<Option<usize>> {
    let (_, items) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    for (i, e) in items.into_iter().enumerate() {
        if vm.eq_bool(&elem_value(e), x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("index", &args, 1, 1)?;
    match find(vm, s, &rest[0])? {
        Some(i) => Ok(Value::int_from_usize(i)),
        None => Err(value_error("array.index(x): x not in array")),
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("remove", &args, 1, 1)?;
    match find(vm, s, &rest[0])? {
        Some(i) => with(vm, s, "remove", |a| {
            a.items.remove(i);
            Value::NONE
        }),
        None => Err(value_error("array.remove(x): x not in array")),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__contains__", &args, 1, 1)?;
    Ok(Value::bool(find(vm, s, &rest[0])?.is_some()))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("count", &args, 1, 1)?;
    let (_, items) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    let mut n = 0;
    for e in items {
        if vm.eq_bool(&elem_value(e), &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::int_from_usize(n))
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("reverse", &args, 0, 0)?;
    with(vm, s, "reverse", |a| a.items.reverse())?;
    Ok(Value::NONE)
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("tolist", &args, 0, 0)?;
    let items = with(vm, s, "tolist", |a| a.items.iter().map(|e| elem_value(*e)).collect())?;
    Ok(list::new_list(items))
}

/// `__copy__()` and `__deepcopy__(memo)`: numbers need no deeper copy.
fn array_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__copy__", &args, 0, 1)?;
    let (code, items) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    Ok(new_array(vm, code, items))
}

fn fromlist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("fromlist", &args, 1, 1)?;
    let Some(l) = rest[0].downcast::<ListObj>() else { return Err(type_error("arg must be list")) };
    let code = with(vm, s, "fromlist", |a| a.code)?;
    // All or nothing, as CPython.
    let mut new = Vec::new();
    for v in l.to_vec() {
        new.push(to_elem(vm, code, &v)?);
    }
    with(vm, s, "fromlist", |a| a.items.extend(new))?;
    Ok(Value::NONE)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__repr__", &args, 0, 0)?;
    let (code, items) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    if items.is_empty() {
        return Ok(vm.str_from_string(format!("array('{code}')")));
    }
    let parts: Vec<String> = items
        .iter()
        .map(|e| match e {
            Elem::I(i) => i.to_string(),
            Elem::F(f) => crate::objects::float::float_repr(*f),
        })
        .collect();
    Ok(vm.str_from_string(format!("array('{code}', [{}])", parts.join(", "))))
}

fn compare(vm: &mut Vm, args: &Args, op: CmpOp) -> PyResult<Value> {
    let (s, rest) = argparse::method("__eq__", args, 1, 1)?;
    let (Some((_, a)), Some((_, b))) = (snapshot(s), snapshot(&rest[0])) else { return Ok(Value::NOT_IMPLEMENTED) };
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    // Element by element as Python numbers: lexicographic like lists.
    let la = list::new_list(a.into_iter().map(elem_value).collect());
    let lb = list::new_list(b.into_iter().map(elem_value).collect());
    vm.rich_compare(&la, &lb, op)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Ne)
}
fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Lt)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Le)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, CmpOp::Ge)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__add__", &args, 1, 1)?;
    let (code, mut a) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    match snapshot(&rest[0]) {
        Some((c2, b)) if c2 == code => {
            a.extend(b);
            Ok(new_array(vm, code, a))
        }
        Some(_) => Err(type_error("bad argument type for built-in operation")),
        None => Err(type_error(format!("can only append array (not \"{}\") to array", vm.type_name(&rest[0])))),
    }
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__iadd__", &args, 1, 1)?;
    if snapshot(&rest[0]).is_none() {
        return Err(type_error(format!("can only extend array with array (not \"{}\")", vm.type_name(&rest[0]))));
    }
    extend_from(vm, s, &rest[0])?;
    Ok(s.clone())
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if v.as_int().is_none() && !crate::runtime::ops::is_user_object(v) {
        return Ok(None);
    }
    let n = argparse::int_arg(vm, v)?;
    Ok(Some(n.max(0) as usize))
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__mul__", &args, 1, 1)?;
    let Some(n) = repeat_count(vm, &rest[0])? else {
        // A sequence repeat: only a class's __rmul__ may still answer.
        if rest[0].kind() == Some(crate::object::ObjKind::Instance) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&rest[0]))));
    };
    let (code, a) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    if a.len().checked_mul(n).is_none() {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    Ok(new_array(vm, code, a.repeat(n)))
}

fn rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__rmul__", &args, 1, 1)?;
    let Some(n) = repeat_count(vm, &rest[0])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let (code, a) = snapshot(s).ok_or_else(|| type_error("array expected"))?;
    Ok(new_array(vm, code, a.repeat(n)))
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("__imul__", &args, 1, 1)?;
    let Some(n) = repeat_count(vm, &rest[0])? else { return Ok(Value::NOT_IMPLEMENTED) };
    with(vm, s, "__imul__", |a| a.items = a.items.repeat(n))?;
    Ok(s.clone())
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    with(vm, s, "__iter__", |_| ())?;
    let key = vm.intern("array");
    let m = vm.modules.downcast::<DictObj>().and_then(|d| d.get_str(&key)).expect("array module");
    let d = m.downcast::<ModuleObj>().expect("module").dict.clone();
    let k = vm.intern("_array_iterator");
    let cls = d.downcast::<DictObj>().expect("dict").get_str(&k).expect("arrayiterator");
    Ok(new_opaque(cls, Box::new(ArrayIter { array: s.clone(), index: 0 }), Value::NULL))
}

fn iter_next(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__next__", &args, 0, 0)?;
    let o = s.downcast::<OpaqueObj>().ok_or_else(|| type_error("arrayiterator expected"))?;
    let (array, index) = {
        let d = o.data.borrow();
        let it = d.as_any().downcast_ref::<ArrayIter>().ok_or_else(|| type_error("arrayiterator expected"))?;
        (it.array.clone(), it.index)
    };
    let item = data_of(&array).and_then(|d| d.as_any().downcast_ref::<ArrayData>().and_then(|a| a.items.get(index).copied()));
    let mut d = o.data.borrow_mut();
    let it = d.as_any_mut().downcast_mut::<ArrayIter>().expect("arrayiterator");
    match item {
        Some(e) => {
            it.index += 1;
            Ok(elem_value(e))
        }
        None => {
            it.array = Value::NONE;
            Err(PyErr::bare(ExcKind::StopIteration))
        }
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("__iter__", &args, 0, 0)?;
    Ok(s.clone())
}

fn get_typecode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("typecode", &args, 0, 0)?;
    let c = with(vm, s, "typecode", |a| a.code)?;
    Ok(vm.str_from_string(c.to_string()))
}

fn get_itemsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("itemsize", &args, 0, 0)?;
    let c = with(vm, s, "itemsize", |a| a.code)?;
    Ok(Value::int_from_usize(itemsize(c)))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", array_new),
    ("__len__", len),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__iter__", iter),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__imul__", imul),
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("index", index),
    ("remove", remove),
    ("count", count),
    ("reverse", reverse),
    ("tolist", tolist),
    ("__copy__", array_copy),
    ("__deepcopy__", array_copy),
    ("fromlist", fromlist),
];

pub fn init(vm: &mut Vm, d: &DictObj) {
    let object = vm.types.object.clone();
    let flags = TypeFlags::IMMUTABLE | TypeFlags::QUALIFIED_NAME | TypeFlags::BASETYPE;
    let cls = vm.make_type("array", object.clone(), Layout::Instance, flags, METHODS);
    let module = vm.intern("array");
    let t = cls.as_type().expect("type");
    t.module.set(module.clone());
    let td = t.dict.downcast::<DictObj>().expect("dict");
    let k = vm.intern("__hash__");
    td.set_str(k, Value::NONE);
    super::io::add_properties(vm, &cls, "array", &[("typecode", get_typecode), ("itemsize", get_itemsize)]);
    let it = vm.make_type("arrayiterator", object, Layout::Instance, TypeFlags::IMMUTABLE | TypeFlags::QUALIFIED_NAME, &[
        ("__iter__", iter_self),
        ("__next__", iter_next),
    ]);
    it.as_type().expect("type").module.set(module);
    super::add_value(vm, d, "array", cls.clone());
    super::add_value(vm, d, "ArrayType", cls);
    super::add_value(vm, d, "_array_iterator", it);
    let codes = vm.new_str(TYPECODES);
    super::add_value(vm, d, "typecodes", codes);
}
