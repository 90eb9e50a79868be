//! `_functools._lru_cache_wrapper`: CPython's C lru_cache. The cache is a Python dict
//! (so keys hash and compare as in CPython); a bounded cache maps each key to a slot
//! of a Rust doubly linked list that keeps the recency order.

use super::super::native::{self, self_arg};
use crate::error::{type_error, PyResult};
use crate::objects::func::Args;
use crate::objects::opaque::new_opaque;
use crate::objects::*;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefMut;

const NIL: usize = usize::MAX;

struct Node {
    key: Value,
    hash: i64,
    result: Value,
    prev: usize,
    next: usize,
}

struct Lru {
    func: Value,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    cache: Value,
    info_type: Value,
    /// Separates positional from keyword arguments in keys (`_make_key`'s `kwd_mark`).
    kwd_mark: Value,
    hits: u64,
    misses: u64,
    /// Bounded caches: the entries, most recent at `head`.
    nodes: Vec<Node>,
    head: usize,
    tail: usize,
}

impl Lru {
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        [&self.func, &self.cache, &self.info_type, &self.kwd_mark].into_iter().for_each(&mut *visit);
        for n in &self.nodes {
            visit(&n.key);
            visit(&n.result);
        }
    }
    fn clear_refs(&mut self) {
        self.nodes.clear();
        self.head = NIL;
        self.tail = NIL;
        self.func = Value::NONE;
        self.cache = dict::new_dict();
    }

    fn unlink(&mut self, i: usize) {
        let (p, n) = (self.nodes[i].prev, self.nodes[i].next);
        if p == NIL { self.head = n } else { self.nodes[p].next = n }
        if n == NIL { self.tail = p } else { self.nodes[n].prev = p }
    }

    fn push_front(&mut self, i: usize) {
        self.nodes[i].prev = NIL;
        self.nodes[i].next = self.head;
        if self.head != NIL {
            self.nodes[self.head].prev = i;
        }
        self.head = i;
        if self.tail == NIL {
            self.tail = i;
        }
    }
}

crate::native_data!(Lru, None, Some(lru_call));

pub fn init(vm: &mut Vm, d: &DictObj) {
    native::add_type(vm, d, "functools", "_lru_cache_wrapper", &[
        ("__new__", lru_new),
        ("__call__", lru_call_method),
        ("__get__", super::bind_get),
        ("cache_info", cache_info),
        ("cache_clear", cache_clear),
        ("__copy__", same),
        ("__deepcopy__", same),
    ]);
}

fn st<'a>(vm: &Vm, s: &'a Value) -> PyResult<RefMut<'a, Lru>> {
    native::state::<Lru>(vm, s, "_lru_cache_wrapper")
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, func, maxsize, typed, info] = args.pos() else {
        return Err(type_error(format!("_lru_cache_wrapper() takes exactly 4 arguments ({} given)", args.pos().len().saturating_sub(1))));
    };
    if !vm.is_callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize.is_none() {
        None
    } else if maxsize.as_int().is_some() {
        Some(crate::builtins::argparse::int_arg(vm, maxsize)?.max(0) as usize)
    } else {
        return Err(type_error("maxsize should be integer or None"));
    };
    let typed = vm.truthy(typed)?;
    let kwd_mark = vm.call(&vm.types.object.clone(), &[])?;
    let st = Lru {
        func: func.clone(),
        maxsize,
        typed,
        cache: dict::new_dict(),
        info_type: info.clone(),
        kwd_mark,
        hits: 0,
        misses: 0,
        nodes: Vec::new(),
        head: NIL,
        tail: NIL,
    };
    Ok(new_opaque(args.pos()[0].clone(), Box::new(st), dict::new_dict()))
}

/// CPython's `lru_cache_make_key`.
fn make_key(vm: &Vm, args: &Args, typed: bool, mark: &Value) -> Value {
    let pos = args.pos();
    if !typed && !args.has_kwargs() {
        if let [a] = pos
            && (a.is::<StrObj>() || (!a.is_bool() && a.as_int().is_some()))
        {
            return a.clone();
        }
        return tuple::new_tuple(pos.to_vec());
    }
    let mut items = pos.to_vec();
    if args.has_kwargs() {
        items.push(mark.clone());
        for (k, v) in args.kwnames.iter().zip(&args.values[pos.len()..]) {
            items.push(k.clone());
            items.push(v.clone());
        }
    }
    if typed {
        for v in args.values {
            items.push(vm.type_of(v));
        }
    }
    tuple::new_tuple(items)
}

fn lru_call(vm: &mut Vm, s: &Value, args: Args) -> PyResult<Value> {
    let (func, maxsize, typed, cache, mark) = {
        let l = st(vm, s)?;
        (l.func.clone(), l.maxsize, l.typed, l.cache.clone(), l.kwd_mark.clone())
    };
    if maxsize == Some(0) {
        st(vm, s)?.misses += 1;
        return vm.call_args(&func, args);
    }
    let key = make_key(vm, &args, typed, &mark);
    let hash = vm.hash(&key)?;
    let d = cache.downcast::<DictObj>().expect("dict");
    if let Some(v) = d.get_with_hash(vm, &key, hash)? {
        let mut l = st(vm, s)?;
        l.hits += 1;
        if maxsize.is_none() {
            return Ok(v);
        }
        let i = v.as_small_int().unwrap_or(0) as usize;
        if i < l.nodes.len() {
            l.unlink(i);
            l.push_front(i);
            return Ok(l.nodes[i].result.clone());
        }
    }
    st(vm, s)?.misses += 1;
    let result = vm.call_args(&func, args)?;
    let Some(maxsize) = maxsize else {
        d.set_with_hash(vm, key, hash, result.clone())?;
        return Ok(result);
    };
    // The call may have cached this key itself (recursion): keep that entry.
    if d.get_with_hash(vm, &key, hash)?.is_some() {
        return Ok(result);
    }
    let full = st(vm, s)?.nodes.len() >= maxsize;
    let slot = if full {
        let (old_key, old_hash, slot) = {
            let l = st(vm, s)?;
            let t = l.tail;
            (l.nodes[t].key.clone(), l.nodes[t].hash, t)
        };
        if let Some(ix) = d.find(vm, &old_key, old_hash)? {
            d.remove_at(ix);
        }
        let mut l = st(vm, s)?;
        if slot >= l.nodes.len() {
            return Ok(result); // cleared meanwhile
        }
        l.unlink(slot);
        let n = &mut l.nodes[slot];
        n.key = key.clone();
        n.hash = hash;
        n.result = result.clone();
        l.push_front(slot);
        slot
    } else {
        let mut l = st(vm, s)?;
        l.nodes.push(Node { key: key.clone(), hash, result: result.clone(), prev: NIL, next: NIL });
        let slot = l.nodes.len() - 1;
        l.push_front(slot);
        slot
    };
    d.set_with_hash(vm, key, hash, Value::int(slot as i64))?;
    Ok(result)
}

fn lru_call_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_arg(&args, "__call__")?;
    lru_call(vm, s, Args::with_kw(&args.values[1..], args.kwnames))
}

fn cache_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = crate::builtins::argparse::method("cache_info", &args, 0, 0)?;
    let (info, hits, misses, maxsize, cache) = {
        let l = st(vm, s)?;
        (l.info_type.clone(), l.hits, l.misses, l.maxsize, l.cache.clone())
    };
    let size = cache.downcast::<DictObj>().map_or(0, |d| d.len());
    let maxsize = maxsize.map_or(Value::NONE, |m| Value::int(m as i64));
    vm.call(&info, &[Value::int(hits as i64), Value::int(misses as i64), maxsize, Value::int(size as i64)])
}

fn cache_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = crate::builtins::argparse::method("cache_clear", &args, 0, 0)?;
    let (cache, nodes) = {
        let mut l = st(vm, s)?;
        l.hits = 0;
        l.misses = 0;
        l.head = NIL;
        l.tail = NIL;
        (l.cache.clone(), std::mem::take(&mut l.nodes))
    };
    // Dropping cached values may run finalizers: outside the borrow.
    drop(nodes);
    cache.downcast::<DictObj>().expect("dict").clear_all();
    Ok(Value::NONE)
}

fn same(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(self_arg(&args, "__copy__")?.clone())
}
