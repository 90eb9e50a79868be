//! groupby (whose groups share the underlying iterator) and tee (whose copies share a
//! buffer of linked blocks, freed as the slowest copy moves past them), as CPython.

use super::{clinic, make, make_named, st, It};
use crate::error::{runtime_error, type_error, value_error, PyResult};
use crate::objects::func::Args;
use crate::objects::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefMut;

pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Value,
    currkey: Value,
    currvalue: Value,
    /// The identity (bits) of the group iterator currently allowed to advance; CPython
    /// keeps a borrowed pointer for the same comparison.
    currgrouper: u64,
}

impl GroupBy {
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        [&self.it, &self.keyfunc, &self.tgtkey, &self.currkey, &self.currvalue].into_iter().for_each(visit)
    }
}

fn gb<'a>(vm: &Vm, s: &'a Value) -> PyResult<RefMut<'a, GroupBy>> {
    RefMut::filter_map(st(vm, s)?, |x| match x {
        It::GroupBy(g) => Some(g),
        _ => None,
    })
    .map_err(|_| type_error("expected a groupby object"))
}

pub fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [iterable, key] = clinic("groupby", &args, ["iterable", "key"], 1)?;
    let it = vm.iter(iterable.expect("required"))?;
    let keyfunc = key.cloned().unwrap_or(Value::NONE);
    let g = GroupBy { it, keyfunc, tgtkey: Value::NULL, currkey: Value::NULL, currvalue: Value::NULL, currgrouper: 0 };
    Ok(make(&args.pos()[0], It::GroupBy(g)))
}

/// CPython's `groupby_step`: reads the next value and its key; false at the end.
fn advance(vm: &mut Vm, s: &Value) -> PyResult<bool> {
    let (it, keyfunc) = {
        let g = gb(vm, s)?;
        (g.it.clone(), g.keyfunc.clone())
    };
    let Some(v) = vm.next(&it)? else { return Ok(false) };
    let key = if keyfunc.is_none() { v.clone() } else { vm.call(&keyfunc, std::slice::from_ref(&v))? };
    let mut g = gb(vm, s)?;
    g.currvalue = v;
    g.currkey = key;
    Ok(true)
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)`: identity first.
fn same_key(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is_same(b) {
        return Ok(true);
    }
    vm.eq_bool(a, b)
}

pub fn groupby_step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    gb(vm, s)?.currgrouper = 0;
    loop {
        let (tgt, curr) = {
            let g = gb(vm, s)?;
            (g.tgtkey.clone(), g.currkey.clone())
        };
        if !curr.is_null() && (tgt.is_null() || !same_key(vm, &tgt, &curr)?) {
            break;
        }
        if !advance(vm, s)? {
            return Ok(None);
        }
    }
    let key = {
        let mut g = gb(vm, s)?;
        g.tgtkey = g.currkey.clone();
        g.currkey.clone()
    };
    let grouper = make_named(vm, "_grouper", It::Grouper { parent: s.clone(), tgtkey: key.clone() })?;
    gb(vm, s)?.currgrouper = grouper.bits();
    Ok(Some(new_tuple(vec![key, grouper])))
}

pub fn grouper_step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    let (parent, tgtkey) = match &*st(vm, s)? {
        It::Grouper { parent, tgtkey } => (parent.clone(), tgtkey.clone()),
        _ => unreachable!("dispatched by super::step"),
    };
    let (current, has_value) = {
        let g = gb(vm, &parent)?;
        (g.currgrouper == s.bits(), !g.currvalue.is_null())
    };
    if !current {
        return Ok(None);
    }
    if !has_value && !advance(vm, &parent)? {
        return Ok(None);
    }
    let currkey = gb(vm, &parent)?.currkey.clone();
    if !same_key(vm, &tgtkey, &currkey)? {
        return Ok(None);
    }
    let mut g = gb(vm, &parent)?;
    g.currkey = Value::NULL;
    Ok(Some(std::mem::replace(&mut g.currvalue, Value::NULL)))
}

// ------------------------------------------------------------------ tee

/// Values per block, as CPython's `LINKCELLS`.
const LINKCELLS: usize = 57;

/// One block of a tee buffer: the values read so far from the shared iterator, and the
/// next block once this one is full.
pub struct TeeData {
    it: Value,
    values: Vec<Value>,
    next: Value,
    running: bool,
}

impl TeeData {
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        self.values.iter().for_each(&mut *visit);
        visit(&self.next);
    }
}

fn td<'a>(vm: &Vm, s: &'a Value) -> PyResult<RefMut<'a, TeeData>> {
    RefMut::filter_map(st(vm, s)?, |x| match x {
        It::TeeData(t) => Some(t),
        _ => None,
    })
    .map_err(|_| type_error("expected a _tee_dataobject"))
}

fn new_data(vm: &mut Vm, it: Value) -> PyResult<Value> {
    make_named(vm, "_tee_dataobject", It::TeeData(TeeData { it, values: Vec::new(), next: Value::NULL, running: false }))
}

pub fn tee_step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    let (mut data, mut index) = match &*st(vm, s)? {
        It::Tee { data, index } => (data.clone(), *index),
        _ => unreachable!("dispatched by super::step"),
    };
    if index >= LINKCELLS {
        let (next, it) = {
            let t = td(vm, &data)?;
            (t.next.clone(), t.it.clone())
        };
        let next = if next.is_null() {
            let n = new_data(vm, it)?;
            td(vm, &data)?.next = n.clone();
            n
        } else {
            next
        };
        data = next;
        index = 0;
        if let It::Tee { data: d, index: i } = &mut *st(vm, s)? {
            *d = data.clone();
            *i = 0;
        }
    }
    let (have, it) = {
        let mut t = td(vm, &data)?;
        if index < t.values.len() {
            (Some(t.values[index].clone()), Value::NULL)
        } else {
            if t.running {
                return Err(runtime_error("cannot re-enter the tee iterator"));
            }
            t.running = true;
            (None, t.it.clone())
        }
    };
    let v = match have {
        Some(v) => v,
        None => {
            let got = vm.next(&it);
            let mut t = td(vm, &data)?;
            t.running = false;
            let Some(v) = got? else { return Ok(None) };
            t.values.push(v.clone());
            v
        }
    };
    if let It::Tee { index: i, .. } = &mut *st(vm, s)? {
        *i = index + 1;
    }
    Ok(Some(v))
}

fn copy_of(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    let (data, index) = match &*st(vm, s)? {
        It::Tee { data, index } => (data.clone(), *index),
        _ => return Err(type_error("expected a _tee object")),
    };
    make_named(vm, "_tee", It::Tee { data, index })
}

pub fn tee_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = super::self_arg(&args, "__copy__")?;
    copy_of(vm, s)
}

/// `tee(iterable, n=2, /)`.
pub fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::argparse::no_kwargs("tee", &args)?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        let (q, n) = if pos.is_empty() { ("at least", 1) } else { ("at most", 2) };
        return Err(type_error(format!("tee expected {q} {n} argument{}, got {}", if n == 1 { "" } else { "s" }, pos.len())));
    }
    let n = match pos.get(1) {
        Some(v) => crate::builtins::argparse::int_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let it = vm.iter(&pos[0])?;
    // A tee of a tee starts from a copy, so all n are new (CPython 3.13+).
    let first = if super::native::is::<It>(&it) && matches!(&*st(vm, &it)?, It::Tee { .. }) {
        copy_of(vm, &it)?
    } else {
        let data = new_data(vm, it)?;
        make_named(vm, "_tee", It::Tee { data, index: 0 })?
    };
    let mut out = Vec::with_capacity(n as usize);
    out.push(first.clone());
    for _ in 1..n {
        out.push(copy_of(vm, &first)?);
    }
    Ok(new_tuple(out))
}
