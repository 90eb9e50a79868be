//! The `operator` module (CPython's `Modules/_operator.c` plus the aliases
//! `Lib/operator.py` adds). Every function goes through the VM path its operator
//! uses, so dunder methods, reflected operands and error messages are the operators'.
//! itemgetter, attrgetter and methodcaller are callable opaque objects.

use super::native::{self, self_arg};
use crate::bytecode::BinaryOpArg as B;
use crate::error::{type_error, value_error, ExcKind, PyResult};
use crate::object::ObjKind;
use crate::objects::func::{Args, NativeFn};
use crate::objects::opaque::new_opaque;
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

/// A one-argument function (CPython's METH_O: `_operator.not_() takes exactly one
/// argument (0 given)`).
fn one<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    match args.pos() {
        [a] => Ok(a),
        p => Err(type_error(format!("_operator.{name}() takes exactly one argument ({} given)", p.len()))),
    }
}

/// A two-argument positional-only function (`add expected 2 arguments, got 1`).
fn two<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    if args.has_kwargs() {
        return Err(type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    match args.pos() {
        [a, b] => Ok((a, b)),
        p => Err(type_error(format!("{name} expected 2 arguments, got {}", p.len()))),
    }
}

macro_rules! binary {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two($name, &args)?;
            vm.binary_op(a, b, B::$op)
        })*
    };
}

binary! {
    add "add" Add; sub "sub" Subtract; mul "mul" Multiply; truediv "truediv" TrueDivide;
    floordiv "floordiv" FloorDivide; mod_ "mod" Remainder; pow "pow" Power; matmul "matmul" MatrixMultiply;
    and_ "and_" And; or_ "or_" Or; xor "xor" Xor; lshift "lshift" Lshift; rshift "rshift" Rshift;
    iadd "iadd" InplaceAdd; isub "isub" InplaceSubtract; imul "imul" InplaceMultiply;
    itruediv "itruediv" InplaceTrueDivide; ifloordiv "ifloordiv" InplaceFloorDivide;
    imod "imod" InplaceRemainder; ipow "ipow" InplacePower; imatmul "imatmul" InplaceMatrixMultiply;
    iand "iand" InplaceAnd; ior "ior" InplaceOr; ixor "ixor" InplaceXor;
    ilshift "ilshift" InplaceLshift; irshift "irshift" InplaceRshift;
}

macro_rules! compare {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, b) = two($name, &args)?;
            vm.rich_compare(a, b, CmpOp::$op)
        })*
    };
}

compare! { lt "lt" Lt; le "le" Le; eq "eq" Eq; ne "ne" Ne; gt "gt" Gt; ge "ge" Ge; }

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("neg", &args)?;
    vm.negative(a)
}

fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("pos", &args)?;
    vm.positive(a)
}

fn invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("invert", &args)?;
    vm.invert(a)
}

fn inv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("inv", &args)?;
    vm.invert(a)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    one("abs", &args)?;
    crate::builtins::functions::abs(vm, args)
}

fn not_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("not_", &args)?;
    Ok(Value::bool(!vm.truthy(a)?))
}

fn truth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("truth", &args)?;
    Ok(Value::bool(vm.truthy(a)?))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = one("index", &args)?;
    crate::builtins::int::index_value(vm, a)
}

fn is_(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("is_", &args)?;
    Ok(Value::bool(a.is_same(b)))
}

fn is_not(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("is_not", &args)?;
    Ok(Value::bool(!a.is_same(b)))
}

fn is_none(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(one("is_none", &args)?.is_none()))
}

fn is_not_none(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(!one("is_not_none", &args)?.is_none()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("getitem", &args)?;
    vm.getitem(a, b)
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("_operator.setitem() takes no keyword arguments"));
    }
    let [a, b, c] = args.pos() else {
        return Err(type_error(format!("setitem expected 3 arguments, got {}", args.pos().len())));
    };
    vm.setitem(a, b, c.clone())?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("delitem", &args)?;
    vm.delitem(a, b)?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("contains", &args)?;
    Ok(Value::bool(vm.contains(a, b)?))
}

/// CPython's `PySequence_Check`.
fn is_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.kind() {
        Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Range) => true,
        Some(ObjKind::Dict) => false,
        _ if crate::runtime::ops::is_user_object(v) => {
            let dict = vm.types.dict.clone();
            let ty = vm.type_of(v);
            let is_dict = ty.as_type().zip(dict.as_type()).is_some_and(|(t, d)| t.is_subtype_of(d));
            let gi = vm.names.dunder_getitem.clone();
            !is_dict && vm.lookup_special(v, &gi).is_some()
        }
        _ => false,
    }
}

fn concat_with(vm: &mut Vm, name: &str, args: &Args, op: B) -> PyResult<Value> {
    let (a, b) = two(name, args)?;
    if !is_sequence(vm, a) {
        return Err(type_error(format!("'{}' object can't be concatenated", vm.type_name(a))));
    }
    vm.binary_op(a, b, op)
}

fn concat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_with(vm, "concat", &args, B::Add)
}

fn iconcat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    concat_with(vm, "iconcat", &args, B::InplaceAdd)
}

/// CPython's `_PySequence_IterSearch`: calls `found(index)` for each match of `b` in
/// `a` (identity or equality) until it returns false.
fn search(vm: &mut Vm, a: &Value, b: &Value, mut found: impl FnMut(usize) -> bool) -> PyResult<()> {
    let it = vm.iter(a).map_err(|e| {
        if vm.error_is(&e, ExcKind::TypeError) {
            type_error(format!("argument of type '{}' is not iterable", vm.type_name(a)))
        } else {
            e
        }
    })?;
    let mut i = 0;
    while let Some(x) = vm.next(&it)? {
        if (x.is_same(b) || vm.eq_bool(&x, b)?) && !found(i) {
            return Ok(());
        }
        i += 1;
    }
    Ok(())
}

fn count_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("countOf", &args)?;
    let mut n = 0i64;
    search(vm, a, b, |_| {
        n += 1;
        true
    })?;
    Ok(Value::int(n))
}

fn index_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two("indexOf", &args)?;
    let mut at = None;
    search(vm, a, b, |i| {
        at = Some(i);
        false
    })?;
    at.map(|i| Value::int(i as i64)).ok_or_else(|| value_error("sequence.index(x): x not in sequence"))
}

fn length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("_operator.length_hint() takes no keyword arguments"));
    }
    let (obj, default) = match args.pos() {
        [o] => (o, Value::int(0)),
        [o, d] => (o, d.clone()),
        p => {
            let q = if p.is_empty() { "at least 1 argument" } else { "at most 2 arguments" };
            return Err(type_error(format!("length_hint expected {q}, got {}", p.len())));
        }
    };
    if default.as_int().is_none() {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&default))));
    }
    let len_name = vm.names.dunder_len.clone();
    let has_len = matches!(
        obj.kind(),
        Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Dict | ObjKind::Set | ObjKind::Range | ObjKind::DictView)
    ) || (crate::runtime::ops::is_user_object(obj) && vm.lookup_special(obj, &len_name).is_some());
    if has_len {
        return vm.len(obj).map(|n| Value::int(n as i64));
    }
    if let Some(n) = builtin_iter_hint(obj) {
        return Ok(Value::int(n as i64));
    }
    let hint = vm.intern("__length_hint__");
    let Some(m) = (if crate::runtime::ops::is_user_object(obj) { vm.lookup_special(obj, &hint) } else { None }) else {
        return Ok(default);
    };
    let r = vm.call_method_value(&m, obj, &[])?;
    if r.is_not_implemented() {
        return Ok(default);
    }
    match r.as_int() {
        Some(i) if i.is_negative() => Err(value_error("__length_hint__() should return >= 0")),
        Some(_) => Ok(r),
        None => Err(type_error(format!("__length_hint__ must be an integer, not {}", vm.type_name(&r)))),
    }
}

/// The `__length_hint__` of the built-in sequence iterators.
fn builtin_iter_hint(obj: &Value) -> Option<usize> {
    use crate::objects::iter::IterState;
    let it = obj.downcast::<IteratorObj>()?;
    let st = it.state.try_borrow().ok()?;
    Some(match &*st {
        IterState::List { seq, index } => seq.downcast::<ListObj>().map_or(0, |l| l.len()).saturating_sub(*index),
        IterState::Tuple { seq, index } => seq.as_tuple().map_or(0, |t| t.len()).saturating_sub(*index),
        IterState::Bytes { seq, index } => seq.as_bytes().map_or(0, |b| b.len()).saturating_sub(*index),
        IterState::Range { remaining, .. } => (*remaining).max(0) as usize,
        IterState::ListReverse { remaining, .. } => *remaining,
        IterState::Dict { remaining, .. } => *remaining,
        IterState::Exhausted => 0,
        _ => return None,
    })
}

fn call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((f, rest)) = args.values.split_first() else {
        return Err(type_error("call() missing required argument 'obj' (pos 1)"));
    };
    if args.pos().is_empty() {
        return Err(type_error("call() missing required argument 'obj' (pos 1)"));
    }
    vm.call_args(f, Args::with_kw(rest, args.kwnames))
}

// ------------------------------------------------------------------ the callable types

enum Getter {
    /// `itemgetter(*items)`.
    Items(Vec<Value>),
    /// `attrgetter(*attrs)`: each name split at dots into interned parts; `names`
    /// keeps the originals for the repr.
    Attrs { paths: Vec<Vec<Value>>, names: Vec<Value> },
    /// `methodcaller(name, /, *args, **kwargs)`: `args` holds the positional then the
    /// keyword values, as a call passes them.
    Method { name: Value, args: Vec<Value>, kwnames: Vec<Value> },
}

impl Getter {
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            Getter::Items(v) => v.iter().for_each(visit),
            Getter::Attrs { paths, names } => {
                paths.iter().flatten().for_each(&mut *visit);
                names.iter().for_each(visit)
            }
            Getter::Method { name, args, kwnames } => {
                visit(name);
                args.iter().chain(kwnames).for_each(visit)
            }
        }
    }
    fn clear_refs(&mut self) {
        *self = Getter::Items(Vec::new());
    }
}

crate::native_data!(Getter, None, Some(call_getter));

pub fn init(vm: &mut Vm, d: &DictObj) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("abs", abs), ("add", add), ("and_", and_), ("call", call), ("concat", concat), ("contains", contains),
        ("countOf", count_of), ("delitem", delitem), ("eq", eq), ("floordiv", floordiv), ("ge", ge),
        ("getitem", getitem), ("gt", gt), ("iadd", iadd), ("iand", iand), ("iconcat", iconcat),
        ("ifloordiv", ifloordiv), ("ilshift", ilshift), ("imatmul", imatmul), ("imod", imod), ("imul", imul),
        ("index", index), ("indexOf", index_of), ("inv", inv), ("invert", invert), ("ior", ior), ("ipow", ipow),
        ("irshift", irshift), ("is_", is_), ("is_none", is_none), ("is_not", is_not), ("is_not_none", is_not_none),
        ("isub", isub), ("itruediv", itruediv), ("ixor", ixor), ("le", le), ("length_hint", length_hint),
        ("lshift", lshift), ("lt", lt), ("matmul", matmul), ("mod", mod_), ("mul", mul), ("ne", ne), ("neg", neg),
        ("not_", not_), ("or_", or_), ("pos", pos), ("pow", pow), ("rshift", rshift), ("setitem", setitem),
        ("sub", sub), ("truediv", truediv), ("truth", truth), ("xor", xor),
    ];
    super::add_functions(vm, d, fns);
    // Lib/operator.py's dunder aliases (`__add__ = add`), `__not__` for `not_`.
    for (name, _) in fns {
        let alias = match *name {
            "not_" => "__not__".to_string(),
            "and_" | "or_" => format!("__{}__", name.trim_end_matches('_')),
            "countOf" | "indexOf" | "is_" | "is_not" | "is_none" | "is_not_none" | "length_hint" | "truth" => continue,
            n => format!("__{n}__"),
        };
        let f = d.get_str(&vm.intern(name)).expect("just added");
        super::add_value(vm, d, &alias, f);
    }
    native::add_type(vm, d, "operator", "itemgetter", &[("__new__", itemgetter_new), ("__call__", getter_call), ("__repr__", getter_repr)]);
    native::add_type(vm, d, "operator", "attrgetter", &[("__new__", attrgetter_new), ("__call__", getter_call), ("__repr__", getter_repr)]);
    native::add_type(vm, d, "operator", "methodcaller", &[("__new__", methodcaller_new), ("__call__", getter_call), ("__repr__", getter_repr)]);
}

fn new_getter(args: &Args, name: &str) -> PyResult<(Value, Vec<Value>)> {
    if args.has_kwargs() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let (cls, items) = args.pos().split_first().ok_or_else(|| type_error("__new__(): not enough arguments"))?;
    if items.is_empty() {
        return Err(type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok((cls.clone(), items.to_vec()))
}

fn itemgetter_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, items) = new_getter(&args, "itemgetter")?;
    Ok(new_opaque(cls, Box::new(Getter::Items(items)), Value::NULL))
}

fn attrgetter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, names) = new_getter(&args, "attrgetter")?;
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let s = n.as_str().ok_or_else(|| type_error("attribute name must be a string"))?;
        paths.push(s.split('.').map(|p| vm.intern(p)).collect());
    }
    Ok(new_opaque(cls, Box::new(Getter::Attrs { paths, names }), Value::NULL))
}

fn methodcaller_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let Some(cls) = pos.first() else { return Err(type_error("__new__(): not enough arguments")) };
    let Some(name) = pos.get(1) else {
        return Err(type_error("methodcaller needs at least one argument, the method name"));
    };
    let Some(s) = name.as_str() else { return Err(type_error("method name must be a string")) };
    let name = vm.intern(s);
    let st = Getter::Method { name, args: args.values[2..].to_vec(), kwnames: args.kwnames.to_vec() };
    Ok(new_opaque(cls.clone(), Box::new(st), Value::NULL))
}

fn getter<'a>(vm: &Vm, s: &'a Value) -> PyResult<std::cell::RefMut<'a, Getter>> {
    native::state::<Getter>(vm, s, "__call__")
}

fn getter_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__call__")?;
    call_getter(vm, s, Args::with_kw(&args.values[1..], args.kwnames))
}

/// Calls an itemgetter, attrgetter or methodcaller `s`.
fn call_getter(vm: &mut Vm, s: &Value, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if args.has_kwargs() || pos.len() != 1 {
        let name = vm.type_name(s);
        if args.has_kwargs() {
            return Err(type_error(format!("{name}() takes no keyword arguments")));
        }
        return Err(type_error(format!("{name} expected 1 argument, got {}", pos.len())));
    }
    let obj = &pos[0];
    // Single item or attribute: no copies of the state.
    let single = match &*getter(vm, s)? {
        Getter::Items(items) if items.len() == 1 => Some(Ok(items[0].clone())),
        Getter::Attrs { paths, .. } if paths.len() == 1 && paths[0].len() == 1 => Some(Err(paths[0][0].clone())),
        _ => None,
    };
    match single {
        Some(Ok(key)) => return vm.getitem(obj, &key),
        Some(Err(attr)) => return vm.getattr(obj, &attr),
        None => {}
    }
    enum Plan {
        Items(Vec<Value>),
        Attrs(Vec<Vec<Value>>),
        Method(Value, Vec<Value>, Vec<Value>),
    }
    let plan = match &*getter(vm, s)? {
        Getter::Items(items) => Plan::Items(items.clone()),
        Getter::Attrs { paths, .. } => Plan::Attrs(paths.clone()),
        Getter::Method { name, args, kwnames } => Plan::Method(name.clone(), args.clone(), kwnames.clone()),
    };
    match plan {
        Plan::Items(items) => {
            let out = items.iter().map(|k| vm.getitem(obj, k)).collect::<PyResult<Vec<_>>>()?;
            Ok(tuple::new_tuple(out))
        }
        Plan::Attrs(paths) => {
            let mut out = Vec::with_capacity(paths.len());
            for path in &paths {
                let mut v = obj.clone();
                for part in path {
                    v = vm.getattr(&v, part)?;
                }
                out.push(v);
            }
            Ok(if out.len() == 1 { out.pop().expect("one") } else { tuple::new_tuple(out) })
        }
        Plan::Method(name, margs, kwnames) => {
            let (f, bound) = vm.load_method(obj, &name)?;
            match bound {
                Some(self_) => {
                    let mut v = Vec::with_capacity(margs.len() + 1);
                    v.push(self_);
                    v.extend(margs);
                    vm.call_args(&f, Args::with_kw(&v, &kwnames))
                }
                None => vm.call_args(&f, Args::with_kw(&margs, &kwnames)),
            }
        }
    }
}

fn getter_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__repr__")?;
    let parts: Vec<(Option<Value>, Value)> = match &*getter(vm, s)? {
        Getter::Items(items) => items.iter().map(|v| (None, v.clone())).collect(),
        Getter::Attrs { names, .. } => names.iter().map(|v| (None, v.clone())).collect(),
        Getter::Method { name, args, kwnames } => {
            let npos = args.len() - kwnames.len();
            std::iter::once((None, name.clone()))
                .chain(args[..npos].iter().map(|v| (None, v.clone())))
                .chain(kwnames.iter().zip(&args[npos..]).map(|(k, v)| (Some(k.clone()), v.clone())))
                .collect()
        }
    };
    let mut text = Vec::with_capacity(parts.len());
    for (k, v) in &parts {
        let r = vm.repr_string(v)?;
        text.push(match k {
            Some(k) => format!("{}={r}", k.as_str().unwrap_or("?")),
            None => r,
        });
    }
    let name = vm.type_name(s);
    let out = format!("operator.{name}({})", text.join(", "));
    Ok(vm.str_from_string(out))
}
