//! The `itertools` module (CPython's `Modules/itertoolsmodule.c`, in Rust).
//!
//! Every iterator type's instances are `OpaqueObj`s holding one `It` state; all share
//! one `__next__` (`step`), which dispatches on the state. A step that runs Python code
//! (another iterator's `__next__`, a key or predicate function) takes what it needs out
//! of the state, releases it, and writes back afterwards, so re-entrant calls see a
//! consistent state instead of a borrow error. Steps allocate nothing but their result.

mod combinatorics;
mod grouping;
mod simple;

use super::native::{self, self_arg, stop};
use crate::builtins::argparse;
use crate::error::{type_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::opaque::new_opaque;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefMut;

pub use combinatorics::Combo;

/// The state of one itertools iterator. `Value::NULL` marks a released reference
/// (an exhausted source), as CPython's `Py_CLEAR`.
pub enum It {
    Count { cur: Value, step: Value },
    Cycle { it: Value, saved: Vec<Value>, index: usize },
    Repeat { obj: Value, remaining: i64 },
    Chain { source: Value, active: Value },
    Islice { it: Value, next: usize, stop: Option<usize>, step: usize, cnt: usize },
    Combo(Combo),
    Accumulate { it: Value, func: Value, total: Value, initial: Value },
    ZipLongest { its: Vec<Value>, active: usize, fill: Value },
    GroupBy(grouping::GroupBy),
    Grouper { parent: Value, tgtkey: Value },
    Tee { data: Value, index: usize },
    TeeData(grouping::TeeData),
    Starmap { func: Value, it: Value },
    TakeWhile { pred: Value, it: Value, stopped: bool },
    DropWhile { pred: Value, it: Value, started: bool },
    FilterFalse { pred: Value, it: Value },
    Compress { data: Value, selectors: Value },
    Pairwise { it: Value, old: Value },
    Batched { it: Value, n: usize, strict: bool },
}

impl It {
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        match self {
            It::Count { cur, step } => {
                visit(cur);
                visit(step)
            }
            It::Cycle { it, saved, .. } => {
                visit(it);
                saved.iter().for_each(visit)
            }
            It::Repeat { obj, .. } => visit(obj),
            It::Chain { source, active } => {
                visit(source);
                visit(active)
            }
            It::Islice { it, .. } | It::Batched { it, .. } => visit(it),
            It::Combo(c) => c.visit(visit),
            It::Accumulate { it, func, total, initial } => [it, func, total, initial].into_iter().for_each(visit),
            It::ZipLongest { its, fill, .. } => {
                its.iter().for_each(&mut *visit);
                visit(fill)
            }
            It::GroupBy(g) => g.visit(visit),
            It::Grouper { parent, tgtkey } => {
                visit(parent);
                visit(tgtkey)
            }
            It::Tee { data, .. } => visit(data),
            It::TeeData(t) => t.visit(visit),
            It::Starmap { func: a, it: b }
            | It::TakeWhile { pred: a, it: b, .. }
            | It::DropWhile { pred: a, it: b, .. }
            | It::FilterFalse { pred: a, it: b }
            | It::Compress { data: a, selectors: b }
            | It::Pairwise { it: a, old: b } => {
                visit(a);
                visit(b)
            }
        }
    }

    fn clear_refs(&mut self) {
        // Replacing the state drops every reference it held.
        *self = It::Repeat { obj: Value::NONE, remaining: 0 };
    }
}

crate::native_data!(It, Some(step), None);

const MODULE: &str = "itertools";

pub fn init(vm: &mut Vm, d: &DictObj) {
    let iter_methods: [(&'static str, NativeFn); 2] = [("__iter__", iter_self), ("__next__", next)];
    let with = |extra: &[(&'static str, NativeFn)]| -> Vec<(&'static str, NativeFn)> {
        iter_methods.iter().chain(extra).copied().collect()
    };
    let types: Vec<(&str, Vec<(&'static str, NativeFn)>)> = vec![
        ("count", with(&[("__new__", simple::count_new), ("__repr__", simple::count_repr)])),
        ("cycle", with(&[("__new__", simple::cycle_new)])),
        ("repeat", with(&[("__new__", simple::repeat_new), ("__repr__", simple::repeat_repr), ("__length_hint__", simple::repeat_len)])),
        ("chain", with(&[("__new__", simple::chain_new)])),
        ("islice", with(&[("__new__", simple::islice_new)])),
        ("product", with(&[("__new__", combinatorics::product_new)])),
        ("permutations", with(&[("__new__", combinatorics::permutations_new)])),
        ("combinations", with(&[("__new__", combinatorics::combinations_new)])),
        ("combinations_with_replacement", with(&[("__new__", combinatorics::cwr_new)])),
        ("accumulate", with(&[("__new__", simple::accumulate_new)])),
        ("zip_longest", with(&[("__new__", simple::zip_longest_new)])),
        ("groupby", with(&[("__new__", grouping::groupby_new)])),
        ("_grouper", with(&[])),
        ("_tee", with(&[("__copy__", grouping::tee_copy)])),
        ("_tee_dataobject", vec![]),
        ("starmap", with(&[("__new__", simple::starmap_new)])),
        ("takewhile", with(&[("__new__", simple::takewhile_new)])),
        ("dropwhile", with(&[("__new__", simple::dropwhile_new)])),
        ("filterfalse", with(&[("__new__", simple::filterfalse_new)])),
        ("compress", with(&[("__new__", simple::compress_new)])),
        ("pairwise", with(&[("__new__", simple::pairwise_new)])),
        ("batched", with(&[("__new__", simple::batched_new)])),
    ];
    for (name, methods) in &types {
        native::add_type(vm, d, MODULE, name, methods);
    }
    // chain.from_iterable is a classmethod.
    let chain = d.get_str(&vm.intern("chain")).expect("chain type");
    let f = func::new_native("from_iterable", "chain", simple::chain_from_iterable);
    let k = vm.intern("from_iterable");
    chain.as_type().expect("type").dict.downcast::<DictObj>().expect("dict").set_str(k, descr::new_classmethod(f));
    super::add_functions(vm, d, &[("tee", grouping::tee)]);
}

// ------------------------------------------------------------------ shared plumbing

/// A new iterator of class `cls` (the first argument of `__new__`).
fn make(cls: &Value, st: It) -> Value {
    new_opaque(cls.clone(), Box::new(st), Value::NULL)
}

/// A new iterator of one of this module's own classes, by name.
fn make_named(vm: &mut Vm, name: &str, st: It) -> PyResult<Value> {
    let cls = native::module_attr(vm, MODULE, name)?;
    Ok(make(&cls, st))
}

/// The state of an itertools iterator.
fn st<'a>(vm: &Vm, v: &'a Value) -> PyResult<RefMut<'a, It>> {
    native::state::<It>(vm, v, "__next__")
}

/// `__new__`'s arguments: (cls, the rest).
fn new_args<'a>(args: &Args<'a>) -> PyResult<(&'a Value, &'a [Value])> {
    args.pos().split_first().ok_or_else(|| type_error("__new__(): not enough arguments"))
}

/// Arguments bound CPython's argument-clinic way: positional or keyword `names`, the
/// first `required` of them mandatory (`groupby() missing required argument 'iterable' (pos 1)`).
fn clinic<'a, const N: usize>(fname: &str, args: &Args<'a>, names: [&str; N], required: usize) -> PyResult<[Option<&'a Value>; N]> {
    let (_, pos) = new_args(args)?;
    if pos.len() > N {
        return Err(type_error(format!("{fname}() takes at most {N} argument{} ({} given)", if N == 1 { "" } else { "s" }, pos.len() + args.kwnames.len())));
    }
    let mut out: [Option<&Value>; N] = [None; N];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => {
                return Err(type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)));
            }
            Some(i) => out[i] = Some(v),
            None => return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    if let Some(i) = (0..required).find(|&i| out[i].is_none()) {
        return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(out)
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(self_arg(&args, "__iter__")?.clone())
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__next__")?;
    step(vm, s)?.ok_or_else(stop)
}

/// One step of any itertools iterator: `Some(item)`, or `None` when exhausted.
fn step(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    let mut state = st(vm, s)?;
    match &mut *state {
        It::Combo(c) => Ok(c.next_result()),
        It::GroupBy(_) => {
            drop(state);
            grouping::groupby_step(vm, s)
        }
        It::Grouper { .. } => {
            drop(state);
            grouping::grouper_step(vm, s)
        }
        It::Tee { .. } => {
            drop(state);
            grouping::tee_step(vm, s)
        }
        It::TeeData(_) => Err(type_error("'_tee_dataobject' object is not an iterator")),
        _ => simple::step(vm, s, state),
    }
}

/// Runs `vm.next` on an iterator taken out of the state (None when it was released).
fn next_of(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if it.is_null() { Ok(None) } else { vm.next(it) }
}

/// A non-negative size argument (`r`, `n`), with CPython's messages.
fn size_arg(vm: &mut Vm, v: &Value, negative: &str) -> PyResult<usize> {
    let n = argparse::int_arg(vm, v)?;
    if n < 0 {
        return Err(crate::error::value_error(negative.to_string()));
    }
    Ok(n as usize)
}
