//! `list`: constructor, methods, and the stable sort behind `list.sort` and `sorted`.

use super::argparse;
use super::misc::method_args;
use crate::error::{index_error, type_error, value_error, PyResult};
use crate::objects::func::{Args, NativeFn};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

pub fn methods() -> Vec<(&'static str, NativeFn)> {
    let mut v: Vec<(&'static str, NativeFn)> = vec![
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__init__", init),
        ("__repr__", repr),
    ];
    v.extend(super::misc::list_operator_methods());
    v
}

fn self_list<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a ListObj> {
    v.downcast::<ListObj>().ok_or_else(|| super::misc::descr_error(vm, "list", name, v))
}

/// `list.__new__(cls, *args)`: an empty list (`__init__` fills it), or for a subclass
/// an instance holding one.
pub fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let list_type = vm.types.list.clone();
    if let Some(r) = crate::runtime::classes::new_for_subclass(vm, &args, &list_type, empty_list) {
        return r;
    }
    argparse::no_kwargs("list", &args)?;
    empty_list(vm, args)
}

/// What `list.__new__` makes for a subclass: a subclass's `__init__` may take any
/// arguments.
fn empty_list(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(list::new_list(Vec::new()))
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    argparse::no_kwargs("list", &args)?;
    let pos = args.pos();
    let Some(s) = pos.first() else { return Err(type_error("descriptor '__init__' of 'list' object needs an argument")) };
    let l = self_list(vm, s, "__init__")?;
    let items = match &pos[1..] {
        [] => Vec::new(),
        [x] => vm.collect(x)?,
        more => return Err(type_error(format!("list expected at most 1 argument, got {}", more.len()))),
    };
    let old = l.replace_items(items);
    drop(old);
    Ok(Value::NONE)
}

/// `list.__repr__` (reached by subclasses; plain lists are repr'd directly).
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "__repr__", &args, 0, 0)?;
    self_list(vm, s, "__repr__")?;
    let r = vm.repr_string(s)?;
    Ok(vm.str_from_string(r))
}

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "append", &args, 1, 1)?;
    self_list(vm, s, "append")?.push(rest[0].clone());
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "extend", &args, 1, 1)?;
    let l = self_list(vm, s, "extend")?;
    let items = vm.collect(&rest[0])?;
    l.with_items_mut(|v| v.extend(items));
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "insert", &args, 2, 2)?;
    let l = self_list(vm, s, "insert")?;
    let i = argparse::int_arg(vm, &rest[0])?;
    let v = rest[1].clone();
    l.with_items_mut(|items| {
        let n = items.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(at as usize, v);
    });
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "pop", &args, 0, 1)?;
    let l = self_list(vm, s, "pop")?;
    let i = match rest.first() {
        Some(v) => argparse::int_arg(vm, v)?,
        None => -1,
    };
    let n = l.len() as i64;
    if n == 0 {
        return Err(index_error("pop from empty list"));
    }
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(l.with_items_mut(|v| v.remove(at as usize)))
}

/// The first position in `start..stop` holding an item equal to `x`. The list is
/// re-read at every step: `__eq__` may change it.
fn find_index(vm: &mut Vm, l: &ListObj, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = l.get(i) else { break };
        if item.is_same(x) || vm.eq_bool(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "remove", &args, 1, 1)?;
    let l = self_list(vm, s, "remove")?;
    match find_index(vm, l, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            let old = l.with_items_mut(|v| (i < v.len()).then(|| v.remove(i)));
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

/// A start/stop argument of `index()` (`_PyEval_SliceIndexNotNone`): `__index__`, big
/// values clamped, resolved against `len`.
pub fn search_bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = crate::runtime::subscript::index_value(vm, v, true)
        .map_err(|e| if vm.error_is(&e, crate::error::ExcKind::TypeError) {
            type_error("slice indices must be integers or have an __index__ method")
        } else {
            e
        })?;
    let n = len as i64;
    Ok(if i < 0 { (i + n).max(0) as usize } else { i.min(n) as usize })
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "index", &args, 1, 3)?;
    let l = self_list(vm, s, "index")?;
    let start = search_bound(vm, rest.get(1), l.len(), 0)?;
    let stop = search_bound(vm, rest.get(2), l.len(), usize::MAX)?;
    match find_index(vm, l, &rest[0], start, stop)? {
        Some(i) => Ok(Value::int_from_usize(i)),
        None => Err(value_error("list.index(x): x not in list")),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "count", &args, 1, 1)?;
    let l = self_list(vm, s, "count")?;
    let mut c = 0;
    let mut i = 0;
    while let Some(it) = l.get(i) {
        if it.is_same(&rest[0]) || vm.eq_bool(&it, &rest[0])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::int(c))
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "reverse", &args, 0, 0)?;
    self_list(vm, s, "reverse")?.with_items_mut(|v| v.reverse());
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "copy", &args, 0, 0)?;
    Ok(list::new_list(self_list(vm, s, "copy")?.to_vec()))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "clear", &args, 0, 0)?;
    let old = self_list(vm, s, "clear")?.take_items();
    drop(old);
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "__len__", &args, 0, 0)?;
    Ok(Value::int_from_usize(self_list(vm, s, "__len__")?.len()))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "__getitem__", &args, 1, 1)?;
    vm.getitem(s, &rest[0])
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "__setitem__", &args, 2, 2)?;
    vm.setitem(s, &rest[0], rest[1].clone())?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "__delitem__", &args, 1, 1)?;
    vm.delitem(s, &rest[0])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = method_args("list", "__contains__", &args, 1, 1)?;
    Ok(Value::bool(vm.contains(s, &rest[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "__iter__", &args, 0, 0)?;
    vm.iter(s)
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = method_args("list", "__reversed__", &args, 0, 0)?;
    let n = self_list(vm, s, "__reversed__")?.len();
    Ok(iter::new_iterator(iter::IterState::ListReverse { seq: s.clone(), remaining: n }))
}

fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    sort_impl(vm, args)?;
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`: CPython's timsort, so user `__lt__`
/// methods see the same calls and a failed sort leaves the same permutation.
pub fn sort_impl(vm: &mut Vm, args: Args) -> PyResult<()> {
    let [key, reverse] = argparse::kwargs("sort", &args, ["key", "reverse"])?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = self_list(vm, &pos[0], "sort")?;
    let reverse = match reverse {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let key = key.filter(|k| !k.is_none()).cloned();
    // The list is empty while sorting; changes made meanwhile are an error.
    let mut items = l.take_items();
    let result = sort_values(vm, &mut items, key.as_ref(), reverse);
    let meddled = !l.is_empty();
    let old = l.replace_items(items);
    drop(old);
    result?;
    if meddled {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

/// Sorts values in place by key (stable; `reverse` keeps equal items in order). On
/// error the values are left in the order CPython would leave them.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let mut keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, std::slice::from_ref(it))?);
            }
            Some(ks)
        }
        None => None,
    };
    if items.len() < 2 {
        return Ok(());
    }
    if sort_builtin_keys(items, keys.as_deref(), reverse) {
        return Ok(());
    }
    if reverse {
        items.reverse();
        if let Some(k) = keys.as_mut() {
            k.reverse();
        }
    }
    let result = match keys.as_mut() {
        Some(k) => timsort::sort(vm, k, Some(items)),
        None => timsort::sort(vm, items, None),
    };
    if reverse {
        items.reverse();
    }
    result
}

/// Keys whose order no Python code can observe: all ints, all strs, or all floats
/// without NaN. Any stable sort gives CPython's result for them, so Rust's is used.
#[derive(Clone, Copy, PartialEq)]
enum KeyKind {
    Int,
    Str,
    Float,
}

fn key_kind(v: &Value) -> Option<KeyKind> {
    if v.as_int().is_some() {
        Some(KeyKind::Int)
    } else if v.is::<StrObj>() {
        Some(KeyKind::Str)
    } else {
        v.as_float().filter(|f| !f.is_nan()).map(|_| KeyKind::Float)
    }
}

fn cmp_builtin(kind: KeyKind, a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match kind {
        KeyKind::Int => match (a.as_int(), b.as_int()) {
            (Some(x), Some(y)) => crate::objects::int::int_cmp(x, y),
            _ => Ordering::Equal,
        },
        KeyKind::Str => a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")),
        KeyKind::Float => a.as_float().partial_cmp(&b.as_float()).unwrap_or(Ordering::Equal),
    }
}

/// The fast path; false when the keys need the general sort.
fn sort_builtin_keys(items: &mut Vec<Value>, keys: Option<&[Value]>, reverse: bool) -> bool {
    let ks = keys.unwrap_or(items);
    let Some(kind) = key_kind(&ks[0]) else { return false };
    if !ks.iter().all(|k| key_kind(k) == Some(kind)) {
        return false;
    }
    let order = |a: &Value, b: &Value| if reverse { cmp_builtin(kind, b, a) } else { cmp_builtin(kind, a, b) };
    match keys {
        None => items.sort_by(order),
        Some(ks) => {
            let mut idx: Vec<usize> = (0..items.len()).collect();
            idx.sort_by(|&i, &j| order(&ks[i], &ks[j]));
            let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
            *items = sorted;
        }
    }
    true
}

/// `a < b` for sorting: decided directly for built-in values, else by `<`.
fn sort_lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match pure_lt(a, b) {
        Some(r) => Ok(r),
        None => vm.compare_bool(a, b, CmpOp::Lt),
    }
}

/// `a < b` when no Python code can be involved (ints, floats, strs and tuples of them).
fn pure_lt(a: &Value, b: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return Some(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return Some(crate::objects::int::int_cmp(x, y).is_lt());
    }
    let (x, y) = (a.as_tuple()?, b.as_tuple()?);
    for (p, q) in x.iter().zip(y) {
        if !crate::objects::dict::pure_eq(p, q)? {
            return pure_lt(p, q);
        }
    }
    Some(x.len() < y.len())
}

/// A port of CPython's `listsort` (Objects/listobject.c): natural runs found by
/// `count_run`, extended by binary insertion to `minrun`, merged by the powersort
/// policy with galloping `merge_lo`/`merge_hi`. Only `<` is used.
mod timsort {
    use super::sort_lt;
    use crate::error::PyResult;
    use crate::value::Value;
    use crate::vm::Vm;

    const MIN_GALLOP: isize = 7;
    const MAX_MINRUN: usize = 64;

    struct Run {
        base: usize,
        len: usize,
        power: u32,
    }

    /// The arrays being sorted: keys, and the values that move with them.
    struct State<'a> {
        keys: &'a mut [Value],
        vals: Option<&'a mut Vec<Value>>,
        min_gallop: isize,
        pending: Vec<Run>,
        listlen: usize,
    }

    /// How a merge ended (CPython's `Succeed` and `CopyA`/`CopyB` labels).
    enum End {
        Done,
        Copy,
    }

    pub fn sort(vm: &mut Vm, keys: &mut [Value], vals: Option<&mut Vec<Value>>) -> PyResult<()> {
        let n = keys.len();
        let mut st = State { keys, vals, min_gallop: MIN_GALLOP, pending: Vec::new(), listlen: n };
        let minrun = compute_minrun(n);
        let (mut lo, mut remaining) = (0, n);
        while remaining > 0 {
            let mut run = st.count_run(vm, lo, remaining)?;
            if run < minrun {
                let force = remaining.min(minrun);
                st.binarysort(vm, lo, force, run)?;
                run = force;
            }
            st.found_new_run(vm, run)?;
            st.pending.push(Run { base: lo, len: run, power: 0 });
            lo += run;
            remaining -= run;
        }
        st.merge_force_collapse(vm)
    }

    fn compute_minrun(mut n: usize) -> usize {
        let mut r = 0;
        while n >= MAX_MINRUN {
            r |= n & 1;
            n >>= 1;
        }
        n + r
    }

    /// The "power" of the run boundary between two adjacent runs (powersort).
    fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
        let mut result = 0;
        let mut a = 2 * s1 + n1;
        let mut b = a + n1 + n2;
        loop {
            result += 1;
            if a >= n {
                a -= n;
                b -= n;
            } else if b >= n {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        result
    }

    /// Binary search in the sorted `a` for where `key` goes, left of equal items
    /// (`gallop_left`), starting from `hint`. Returns k with a[k-1] < key <= a[k].
    fn gallop_left(vm: &mut Vm, key: &Value, a: &[Value], hint: usize) -> PyResult<usize> {
        let n = a.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if sort_lt(vm, &a[hint as usize], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if sort_lt(vm, &a[(hint + ofs) as usize], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if sort_lt(vm, &a[(hint - ofs) as usize], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if sort_lt(vm, &a[m as usize], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// Like `gallop_left`, but right of equal items: a[k-1] <= key < a[k].
    fn gallop_right(vm: &mut Vm, key: &Value, a: &[Value], hint: usize) -> PyResult<usize> {
        let n = a.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if sort_lt(vm, key, &a[hint as usize])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if sort_lt(vm, key, &a[(hint - ofs) as usize])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if sort_lt(vm, key, &a[(hint + ofs) as usize])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if sort_lt(vm, key, &a[m as usize])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    impl State<'_> {
        fn reverse(&mut self, lo: usize, n: usize) {
            self.keys[lo..lo + n].reverse();
            if let Some(v) = self.vals.as_mut() {
                v[lo..lo + n].reverse();
            }
        }

        /// `binarysort`: a[lo..lo+ok] is sorted; insert the rest up to n.
        fn binarysort(&mut self, vm: &mut Vm, lo: usize, n: usize, ok: usize) -> PyResult<()> {
            for ok in ok.max(1)..n {
                let pivot = self.keys[lo + ok].clone();
                let (mut l, mut r) = (0, ok);
                while l < r {
                    let m = (l + r) >> 1;
                    if sort_lt(vm, &pivot, &self.keys[lo + m])? {
                        r = m;
                    } else {
                        l = m + 1;
                    }
                }
                self.keys[lo + l..=lo + ok].rotate_right(1);
                if let Some(v) = self.vals.as_mut() {
                    v[lo + l..=lo + ok].rotate_right(1);
                }
            }
            Ok(())
        }

        /// `count_run`: the length of the run at `lo`, made ascending in place.
        fn count_run(&mut self, vm: &mut Vm, lo: usize, remaining: usize) -> PyResult<usize> {
            let mut n = 1;
            while n < remaining {
                if self.lt_at(vm, lo + n, lo + n - 1)? {
                    break;
                }
                n += 1;
            }
            if n == remaining {
                return Ok(n);
            }
            if n > 1 {
                if self.lt_at(vm, lo, lo + n - 1)? {
                    return Ok(n);
                }
                self.reverse(lo, n);
            }
            n += 1;
            // A descending run; equal stretches are reversed on the fly so the final
            // reversal restores their order.
            let mut neq = 0;
            while n < remaining {
                if self.lt_at(vm, lo + n, lo + n - 1)? {
                    self.reverse_last_neq(lo, n, &mut neq);
                } else if self.lt_at(vm, lo + n - 1, lo + n)? {
                    break;
                } else {
                    neq += 1;
                }
                n += 1;
            }
            self.reverse_last_neq(lo, n, &mut neq);
            self.reverse(lo, n);
            while n < remaining {
                if self.lt_at(vm, lo + n, lo + n - 1)? {
                    break;
                }
                n += 1;
            }
            Ok(n)
        }

        fn reverse_last_neq(&mut self, lo: usize, n: usize, neq: &mut usize) {
            if *neq > 0 {
                let len = *neq + 1;
                self.reverse(lo + n - len, len);
                *neq = 0;
            }
        }

        fn lt_at(&self, vm: &mut Vm, i: usize, j: usize) -> PyResult<bool> {
            sort_lt(vm, &self.keys[i], &self.keys[j])
        }

        fn found_new_run(&mut self, vm: &mut Vm, n2: usize) -> PyResult<()> {
            let Some(last) = self.pending.last() else { return Ok(()) };
            let power = powerloop(last.base, last.len, n2, self.listlen);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                self.merge_at(vm, self.pending.len() - 2)?;
            }
            if let Some(last) = self.pending.last_mut() {
                last.power = power;
            }
            Ok(())
        }

        fn merge_force_collapse(&mut self, vm: &mut Vm) -> PyResult<()> {
            while self.pending.len() > 1 {
                let mut n = self.pending.len() - 2;
                if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                    n -= 1;
                }
                self.merge_at(vm, n)?;
            }
            Ok(())
        }

        /// Merges pending runs i and i+1.
        fn merge_at(&mut self, vm: &mut Vm, i: usize) -> PyResult<()> {
            let (mut a, mut na) = (self.pending[i].base, self.pending[i].len);
            let (b, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
            self.pending[i].len = na + nb;
            self.pending.remove(i + 1);
            // Items of a before b's first are already in place.
            let first_b = self.keys[b].clone();
            let k = gallop_right(vm, &first_b, &self.keys[a..a + na], 0)?;
            a += k;
            na -= k;
            if na == 0 {
                return Ok(());
            }
            // Items of b after a's last are already in place.
            let last_a = self.keys[a + na - 1].clone();
            let nb = gallop_left(vm, &last_a, &self.keys[b..b + nb], nb - 1)?;
            if nb == 0 {
                return Ok(());
            }
            if na <= nb { self.merge_lo(vm, a, na, b, nb) } else { self.merge_hi(vm, a, na, b, nb) }
        }

        fn copy_in(&mut self, dest: usize, from: &[Value], from_vals: Option<&[Value]>) {
            self.keys[dest..dest + from.len()].clone_from_slice(from);
            if let (Some(v), Some(fv)) = (self.vals.as_mut(), from_vals) {
                v[dest..dest + fv.len()].clone_from_slice(fv);
            }
        }

        /// Moves `n` items within the arrays from `src` to `dest` (overlap allowed).
        fn move_within(&mut self, src: usize, dest: usize, n: usize) {
            self.keys.copy_within_clone(src, dest, n);
            if let Some(v) = self.vals.as_mut() {
                v.as_mut_slice().copy_within_clone(src, dest, n);
            }
        }

        fn set(&mut self, dest: usize, key: &Value, val: Option<&Value>) {
            self.keys[dest] = key.clone();
            if let (Some(v), Some(x)) = (self.vals.as_mut(), val) {
                v[dest] = x.clone();
            }
        }

        fn set_from(&mut self, dest: usize, src: usize) {
            self.keys[dest] = self.keys[src].clone();
            if let Some(v) = self.vals.as_mut() {
                v[dest] = v[src].clone();
            }
        }

        /// `merge_lo`: na <= nb; run a is copied out and merged from the left.
        fn merge_lo(&mut self, vm: &mut Vm, a: usize, na: usize, b: usize, nb: usize) -> PyResult<()> {
            let tk: Vec<Value> = self.keys[a..a + na].to_vec();
            let tv: Option<Vec<Value>> = self.vals.as_ref().map(|v| v[a..a + na].to_vec());
            let mut m = LoMerge { pa: 0, na, pb: b, nb, dest: a };
            let result = self.merge_lo_body(vm, &tk, tv.as_deref(), &mut m);
            match result {
                Ok(End::Copy) => {
                    // The last item of a goes after what is left of b.
                    self.move_within(m.pb, m.dest, m.nb);
                    self.set(m.dest + m.nb, &tk[m.pa], tv.as_ref().map(|v| &v[m.pa]));
                }
                _ => {
                    if m.na > 0 {
                        self.copy_in(m.dest, &tk[m.pa..m.pa + m.na], tv.as_ref().map(|v| &v[m.pa..m.pa + m.na]));
                    }
                }
            }
            result.map(|_| ())
        }

        fn merge_lo_body(&mut self, vm: &mut Vm, tk: &[Value], tv: Option<&[Value]>, m: &mut LoMerge) -> PyResult<End> {
            self.set_from(m.dest, m.pb);
            m.dest += 1;
            m.pb += 1;
            m.nb -= 1;
            if m.nb == 0 {
                return Ok(End::Done);
            }
            if m.na == 1 {
                return Ok(End::Copy);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0isize, 0isize);
                loop {
                    if sort_lt(vm, &self.keys[m.pb], &tk[m.pa])? {
                        self.set_from(m.dest, m.pb);
                        m.dest += 1;
                        m.pb += 1;
                        bcount += 1;
                        acount = 0;
                        m.nb -= 1;
                        if m.nb == 0 {
                            return Ok(End::Done);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.set(m.dest, &tk[m.pa], tv.map(|v| &v[m.pa]));
                        m.dest += 1;
                        m.pa += 1;
                        acount += 1;
                        bcount = 0;
                        m.na -= 1;
                        if m.na == 1 {
                            return Ok(End::Copy);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as isize;
                    self.min_gallop = min_gallop;
                    let key = self.keys[m.pb].clone();
                    let k = gallop_right(vm, &key, &tk[m.pa..m.pa + m.na], 0)?;
                    acount = k as isize;
                    if k > 0 {
                        self.copy_in(m.dest, &tk[m.pa..m.pa + k], tv.map(|v| &v[m.pa..m.pa + k]));
                        m.dest += k;
                        m.pa += k;
                        m.na -= k;
                        if m.na == 1 {
                            return Ok(End::Copy);
                        }
                        if m.na == 0 {
                            return Ok(End::Done);
                        }
                    }
                    self.set_from(m.dest, m.pb);
                    m.dest += 1;
                    m.pb += 1;
                    m.nb -= 1;
                    if m.nb == 0 {
                        return Ok(End::Done);
                    }
                    let key = tk[m.pa].clone();
                    let k = gallop_left(vm, &key, &self.keys[m.pb..m.pb + m.nb], 0)?;
                    bcount = k as isize;
                    if k > 0 {
                        self.move_within(m.pb, m.dest, k);
                        m.dest += k;
                        m.pb += k;
                        m.nb -= k;
                        if m.nb == 0 {
                            return Ok(End::Done);
                        }
                    }
                    self.set(m.dest, &tk[m.pa], tv.map(|v| &v[m.pa]));
                    m.dest += 1;
                    m.pa += 1;
                    m.na -= 1;
                    if m.na == 1 {
                        return Ok(End::Copy);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }

        /// `merge_hi`: na >= nb; run b is copied out and merged from the right.
        fn merge_hi(&mut self, vm: &mut Vm, a: usize, na: usize, b: usize, nb: usize) -> PyResult<()> {
            let tk: Vec<Value> = self.keys[b..b + nb].to_vec();
            let tv: Option<Vec<Value>> = self.vals.as_ref().map(|v| v[b..b + nb].to_vec());
            let mut m = HiMerge {
                basea: a as isize,
                pa: (a + na) as isize - 1,
                na,
                pb: nb as isize - 1,
                nb,
                dest: (b + nb) as isize - 1,
            };
            let result = self.merge_hi_body(vm, &tk, tv.as_deref(), &mut m);
            match result {
                Ok(End::Copy) => {
                    // The first item of b goes before what is left of a.
                    let n = m.na as isize;
                    self.move_within((m.pa + 1 - n) as usize, (m.dest + 1 - n) as usize, m.na);
                    m.dest -= n;
                    let pb = m.pb as usize;
                    self.set(m.dest as usize, &tk[pb], tv.as_ref().map(|v| &v[pb]));
                }
                _ => {
                    if m.nb > 0 {
                        let at = (m.dest - (m.nb as isize - 1)) as usize;
                        self.copy_in(at, &tk[..m.nb], tv.as_ref().map(|v| &v[..m.nb]));
                    }
                }
            }
            result.map(|_| ())
        }

        fn merge_hi_body(&mut self, vm: &mut Vm, tk: &[Value], tv: Option<&[Value]>, m: &mut HiMerge) -> PyResult<End> {
            self.set_from(m.dest as usize, m.pa as usize);
            m.dest -= 1;
            m.pa -= 1;
            m.na -= 1;
            if m.na == 0 {
                return Ok(End::Done);
            }
            if m.nb == 1 {
                return Ok(End::Copy);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0isize, 0isize);
                loop {
                    if sort_lt(vm, &tk[m.pb as usize], &self.keys[m.pa as usize])? {
                        self.set_from(m.dest as usize, m.pa as usize);
                        m.dest -= 1;
                        m.pa -= 1;
                        acount += 1;
                        bcount = 0;
                        m.na -= 1;
                        if m.na == 0 {
                            return Ok(End::Done);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        let pb = m.pb as usize;
                        self.set(m.dest as usize, &tk[pb], tv.map(|v| &v[pb]));
                        m.dest -= 1;
                        m.pb -= 1;
                        bcount += 1;
                        acount = 0;
                        m.nb -= 1;
                        if m.nb == 1 {
                            return Ok(End::Copy);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as isize;
                    self.min_gallop = min_gallop;
                    let key = tk[m.pb as usize].clone();
                    let basea = m.basea as usize;
                    let k = gallop_right(vm, &key, &self.keys[basea..basea + m.na], m.na - 1)?;
                    let k = m.na - k;
                    acount = k as isize;
                    if k > 0 {
                        m.dest -= k as isize;
                        m.pa -= k as isize;
                        self.move_within((m.pa + 1) as usize, (m.dest + 1) as usize, k);
                        m.na -= k;
                        if m.na == 0 {
                            return Ok(End::Done);
                        }
                    }
                    let pb = m.pb as usize;
                    self.set(m.dest as usize, &tk[pb], tv.map(|v| &v[pb]));
                    m.dest -= 1;
                    m.pb -= 1;
                    m.nb -= 1;
                    if m.nb == 1 {
                        return Ok(End::Copy);
                    }
                    let key = self.keys[m.pa as usize].clone();
                    let k = gallop_left(vm, &key, &tk[..m.nb], m.nb - 1)?;
                    let k = m.nb - k;
                    bcount = k as isize;
                    if k > 0 {
                        m.dest -= k as isize;
                        m.pb -= k as isize;
                        let from = (m.pb + 1) as usize;
                        self.copy_in((m.dest + 1) as usize, &tk[from..from + k], tv.map(|v| &v[from..from + k]));
                        m.nb -= k;
                        if m.nb == 1 {
                            return Ok(End::Copy);
                        }
                        if m.nb == 0 {
                            return Ok(End::Done);
                        }
                    }
                    self.set_from(m.dest as usize, m.pa as usize);
                    m.dest -= 1;
                    m.pa -= 1;
                    m.na -= 1;
                    if m.na == 0 {
                        return Ok(End::Done);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        }
    }

    /// Positions during `merge_lo`: `pa` indexes the copy of run a.
    struct LoMerge {
        pa: usize,
        na: usize,
        pb: usize,
        nb: usize,
        dest: usize,
    }

    /// Positions during `merge_hi` (they may step one below the start): `pb` indexes
    /// the copy of run b.
    struct HiMerge {
        basea: isize,
        pa: isize,
        na: usize,
        pb: isize,
        nb: usize,
        dest: isize,
    }

    /// `memmove` for slices of reference-counted values.
    trait CopyWithinClone {
        fn copy_within_clone(&mut self, src: usize, dest: usize, n: usize);
    }

    impl CopyWithinClone for [Value] {
        fn copy_within_clone(&mut self, src: usize, dest: usize, n: usize) {
            if dest <= src {
                for i in 0..n {
                    self[dest + i] = self[src + i].clone();
                }
            } else {
                for i in (0..n).rev() {
                    self[dest + i] = self[src + i].clone();
                }
            }
        }
    }
}
