//! The `random` module: CPython 3.14's `Lib/random.py` over `_random.Random`, in Rust.
//!
//! `random.Random` instances hold an MT19937 state (`mt19937.rs`); every method draws
//! from it exactly as CPython does (same calls to the generator in the same order), so a
//! seed gives CPython's numbers. Methods written in Python in CPython check their
//! arguments like Python functions (`Random.randint() missing 1 required positional
//! argument: 'b'`), those written in C like C methods. The module-level functions are
//! bound methods of one hidden instance seeded from OS entropy, as `random._inst`.

use super::mt19937::{Mt, N};
use crate::builtins::argparse;
use crate::builtins::int::index_value;
use crate::bytecode::BinaryOpArg as B;
use crate::error::{index_error, type_error, value_error, ExcKind, PyErr, PyResult};
use crate::object::ObjKind;
use crate::objects::class::{Layout, TypeFlags};
use crate::objects::func::{new_bound_method, Args};
use crate::objects::opaque::{new_opaque, NativeData, OpaqueObj};
use crate::objects::*;
use crate::runtime::ops::CmpOp;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

struct RandomState {
    mt: Mt,
    gauss_next: Value,
}

impl NativeData for RandomState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.gauss_next);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

const METHODS: &[(&str, crate::objects::func::NativeFn)] = &[
    ("__new__", random_new),
    ("__init__", random_init),
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("getstate", getstate),
    ("setstate", setstate),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
];

pub fn init(vm: &mut Vm, d: &DictObj) {
    let object = vm.types.object.clone();
    let cls = vm.make_type("Random", object, Layout::Instance, TypeFlags::IMMUTABLE, METHODS);
    let module = vm.intern("random");
    cls.as_type().expect("type").module.set(module);
    let mut mt = Mt::default();
    seed_from_entropy(&mut mt);
    let inst = new_opaque(cls.clone(), Box::new(RandomState { mt, gauss_next: Value::NONE }), Value::NULL);
    super::add_value(vm, d, "Random", cls.clone());
    for (name, _) in METHODS.iter().filter(|(n, _)| !n.starts_with("__")) {
        let k = vm.intern(name);
        let f = cls.as_type().expect("type").dict.downcast::<DictObj>().expect("dict").get_str(&k);
        if let Some(f) = f {
            d.set_str(k, new_bound_method(f, inst.clone()));
        }
    }
    super::add_value(vm, d, "_inst", inst);
}

/// CPython's `random_seed_urandom`, falling back on `random_seed_time_pid`.
fn seed_from_entropy(mt: &mut Mt) {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        let key: Vec<u32> = buf.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        mt.init_by_array(&key);
        return;
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64;
    let mono = std::time::Instant::now().elapsed().as_nanos() as u64;
    let key = [now as u32, (now >> 32) as u32, std::process::id(), mono as u32, (mono >> 32) as u32];
    mt.init_by_array(&key);
}

// ------------------------------------------------------------------ helpers

fn with_state<R>(vm: &Vm, s: &Value, what: &str, f: impl FnOnce(&mut RandomState) -> R) -> PyResult<R> {
    let bad = || type_error(format!("descriptor '{what}' requires a 'random.Random' object but received '{}'", vm.type_name(s)));
    let o = s.downcast::<OpaqueObj>().ok_or_else(bad)?;
    let mut d = o.data.try_borrow_mut().map_err(|_| PyErr::new(ExcKind::RuntimeError, "random state in use"))?;
    let st = d.as_any_mut().downcast_mut::<RandomState>().ok_or_else(bad)?;
    Ok(f(st))
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {one}s") }
}

/// Binds arguments the way CPython binds a Python function's, with its messages.
/// `params` includes `self`; the first `required` have no default.
fn bind<'a>(qual: &str, args: &Args<'a>, params: &[&str], required: usize, kwonly: &[&str]) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = args.pos();
    let mut out: Vec<Option<&'a Value>> = vec![None; params.len() + kwonly.len()];
    for (i, v) in pos.iter().enumerate().take(params.len()) {
        out[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        let i = match params.iter().position(|p| *p == k) {
            Some(i) => i,
            None => match kwonly.iter().position(|p| *p == k) {
                Some(i) => params.len() + i,
                None => return Err(type_error(format!("{qual}() got an unexpected keyword argument '{k}'"))),
            },
        };
        if out[i].is_some() {
            return Err(type_error(format!("{qual}() got multiple values for argument '{k}'")));
        }
        out[i] = Some(v);
    }
    if pos.len() > params.len() {
        let takes = if required == params.len() {
            plural(params.len(), "positional argument")
        } else {
            format!("from {required} to {} positional arguments", params.len())
        };
        let were = if pos.len() == 1 { "was" } else { "were" };
        return Err(type_error(format!("{qual}() takes {takes} but {} {were} given", pos.len())));
    }
    let missing: Vec<String> = (0..required).filter(|&i| out[i].is_none()).map(|i| format!("'{}'", params[i])).collect();
    if !missing.is_empty() {
        let names = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(type_error(format!(
            "{qual}() missing {} required positional argument{}: {names}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(out)
}

fn big_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = index_value(vm, v)?;
    Ok(i.as_int().expect("index gives an int").to_bigint())
}

/// `self._randbelow(n)` for `n > 0`.
fn below(st: &mut RandomState, n: &BigInt) -> BigInt {
    match n.to_u64() {
        Some(s) => BigInt::from(st.mt.below_u64(s)),
        None => BigInt::from_biguint(Sign::Plus, st.mt.below_big(n.magnitude())),
    }
}

fn randbelow(vm: &Vm, s: &Value, n: &BigInt) -> PyResult<BigInt> {
    with_state(vm, s, "_randbelow", |st| below(st, n))
}

fn randbelow_usize(vm: &Vm, s: &Value, n: usize) -> PyResult<usize> {
    with_state(vm, s, "_randbelow", |st| st.mt.below_u64(n as u64) as usize)
}

// ------------------------------------------------------------------ core (C) methods

fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos().first().cloned().ok_or_else(|| type_error("Random.__new__(): not enough arguments"))?;
    if cls.as_type().is_none() {
        return Err(type_error(format!("Random.__new__(X): X is not a type object ({})", vm.type_name(&cls))));
    }
    Ok(new_opaque(cls, Box::new(RandomState { mt: Mt::default(), gauss_next: Value::NONE }), Value::NULL))
}

fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.__init__", &args, &["self", "x"], 1, &[])?;
    let s = a[0].expect("bound");
    do_seed(vm, s, a[1].unwrap_or(&Value::NONE), &Value::int(2))?;
    Ok(Value::NONE)
}

fn random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, _) = argparse::method("Random.random", &args, 0, 0)?;
    Ok(Value::float(with_state(vm, s, "random", |st| st.mt.random())?))
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("Random.getrandbits", &args, 1, 1)?;
    let k = index_value(vm, &rest[0])?;
    let k = k.as_int().expect("int");
    if k.is_negative() {
        return Err(value_error("Cannot convert negative int"));
    }
    let k = k.to_bigint().to_u64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large for C uint64_t"))?;
    if k > 1 << 36 {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    with_state(vm, s, "getrandbits", |st| {
        if k <= 47 {
            Value::int(st.mt.bits_u64(k as u32) as i64)
        } else {
            Value::big_int(BigInt::from_biguint(Sign::Plus, st.mt.bits_big(k)))
        }
    })
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.seed", &args, &["self", "a", "version"], 1, &[])?;
    let two = Value::int(2);
    do_seed(vm, a[0].expect("bound"), a[1].unwrap_or(&Value::NONE), a[2].unwrap_or(&two))?;
    Ok(Value::NONE)
}

/// `Random.seed(a, version)` then `_random.Random.seed`.
fn do_seed(vm: &mut Vm, s: &Value, a: &Value, version: &Value) -> PyResult<()> {
    let is_str = a.as_str().is_some();
    let key: Option<BigUint> = if is_str && vm.eq_bool(version, &Value::int(1))? {
        let text = a.as_str().expect("str");
        let len = text.chars().count() as u64;
        let mut x: u64 = text.chars().next().map_or(0, |c| (c as u64) << 7);
        for c in text.chars() {
            x = x.wrapping_mul(1_000_003) ^ c as u64;
        }
        x ^= len;
        Some(BigUint::from(x))
    } else if is_str && vm.eq_bool(version, &Value::int(2))? {
        use sha2::{Digest, Sha512};
        let mut bytes = a.as_str().expect("str").as_bytes().to_vec();
        let digest = Sha512::digest(&bytes);
        bytes.extend_from_slice(&digest);
        Some(BigUint::from_bytes_be(&bytes))
    } else if a.is_none() {
        None
    } else if let Some(i) = a.as_int() {
        Some(i.to_bigint().magnitude().clone())
    } else if a.as_float().is_some() || is_str {
        Some(BigUint::from(vm.hash(a)? as u64))
    } else {
        return Err(type_error("The only supported seed types are:\nNone, int, float, str, bytes, and bytearray."));
    };
    with_state(vm, s, "seed", |st| {
        match &key {
            Some(k) => st.mt.seed_biguint(k),
            None => seed_from_entropy(&mut st.mt),
        }
        st.gauss_next = Value::NONE;
    })
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.getstate", &args, &["self"], 1, &[])?;
    let (words, index, gauss) = with_state(vm, a[0].expect("bound"), "getstate", |st| (st.mt.state, st.mt.index, st.gauss_next.clone()))?;
    let mut items: Vec<Value> = words.iter().map(|w| Value::int(*w as i64)).collect();
    items.push(Value::int(index as i64));
    Ok(tuple::new_tuple(vec![Value::int(3), tuple::new_tuple(items), gauss]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.setstate", &args, &["self", "state"], 2, &[])?;
    let (s, state) = (a[0].expect("bound"), a[1].expect("bound"));
    let version = vm.getitem(state, &Value::int(0))?;
    let v3 = vm.eq_bool(&version, &Value::int(3))?;
    let v2 = !v3 && vm.eq_bool(&version, &Value::int(2))?;
    if !v3 && !v2 {
        let shown = vm.str_string(&version)?;
        return Err(value_error(format!("state with version {shown} passed to Random.setstate() of version 3")));
    }
    let parts = vm.collect(state)?;
    if parts.len() != 3 {
        return Err(value_error(if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!("not enough values to unpack (expected 3, got {})", parts.len())
        }));
    }
    let gauss = parts[2].clone();
    let mut internal = parts[1].clone();
    if v2 {
        let modulus = Value::big_int(BigInt::one() << 32);
        let mut conv = Vec::new();
        for x in vm.collect(&internal)? {
            conv.push(vm.binary_op(&x, &modulus, B::Remainder)?);
        }
        internal = tuple::new_tuple(conv);
    }
    // _random.Random.setstate
    let items = internal.as_tuple().ok_or_else(|| type_error("state vector must be a tuple"))?.to_vec();
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, x) in words.iter_mut().zip(&items) {
        *w = to_c_ulong(vm, x)? as u32;
    }
    let index = match items[N].as_int() {
        Some(i) => i.to_i64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C long"))?,
        None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&items[N])))),
    };
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    with_state(vm, s, "setstate", |st| {
        st.mt.state = words;
        st.mt.index = index as usize;
        st.gauss_next = gauss;
    })?;
    Ok(Value::NONE)
}

/// `PyLong_AsUnsignedLong`.
fn to_c_ulong(vm: &Vm, x: &Value) -> PyResult<u64> {
    let Some(i) = x.as_int() else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(x))));
    };
    if i.is_negative() {
        return Err(PyErr::new(ExcKind::OverflowError, "can't convert negative value to unsigned int"));
    }
    i.to_bigint().to_u64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C unsigned long"))
}

// ------------------------------------------------------------------ Python-level methods

fn randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.randrange", &args, &["self", "start", "stop", "step"], 2, &[])?;
    let s = a[0].expect("bound");
    let start = a[1].expect("bound");
    let stop = a[2].filter(|v| !v.is_none());
    let step = a[3];
    // Fast path: randrange(stop) / randrange(start, stop) on small ints.
    if step.is_none() {
        if let (Some(x), None) = (start.as_small_int(), stop) {
            if x > 0 {
                return Ok(Value::int(with_state(vm, s, "randrange", |st| st.mt.below_u64(x as u64))? as i64));
            }
        }
        if let (Some(x), Some(y)) = (start.as_small_int(), stop.and_then(|v| v.as_small_int())) {
            if y > x {
                let r = with_state(vm, s, "randrange", |st| st.mt.below_u64((y - x) as u64))?;
                return Ok(Value::int(x + r as i64));
            }
        }
    }
    let istart = big_of(vm, start)?;
    let Some(stop) = stop else {
        if step.is_some_and(|v| !(v.is_int_exact() && v.as_small_int() == Some(1))) {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(Value::big_int(randbelow(vm, s, &istart)?));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let istop = big_of(vm, stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(v) => big_of(vm, v)?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            return Ok(Value::big_int(&istart + randbelow(vm, s, &width)?));
        }
        let (a1, a2) = (vm.str_string(start)?, vm.str_string(stop)?);
        return Err(value_error(format!("empty range in randrange({a1}, {a2})")));
    }
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::one()).div_floor(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::one()).div_floor(&istep)
    } else {
        return Err(value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        let (a1, a2) = (vm.str_string(start)?, vm.str_string(stop)?);
        let a3 = vm.str_string(step.expect("step"))?;
        return Err(value_error(format!("empty range in randrange({a1}, {a2}, {a3})")));
    }
    Ok(Value::big_int(&istart + &istep * randbelow(vm, s, &n)?))
}

fn randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.randint", &args, &["self", "a", "b"], 3, &[])?;
    let s = a[0].expect("bound");
    if let (Some(x), Some(y)) = (a[1].expect("a").as_small_int(), a[2].expect("b").as_small_int()) {
        if y >= x {
            let r = with_state(vm, s, "randint", |st| st.mt.below_u64((y - x + 1) as u64))?;
            return Ok(Value::int(x + r as i64));
        }
    }
    let lo = big_of(vm, a[1].expect("a"))?;
    let hi = big_of(vm, a[2].expect("b"))?;
    if hi < lo {
        return Err(value_error(format!("empty range in randint({lo}, {hi})")));
    }
    let width = &hi - &lo + 1;
    Ok(Value::big_int(lo + randbelow(vm, s, &width)?))
}

fn choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.choice", &args, &["self", "seq"], 2, &[])?;
    let (s, seq) = (a[0].expect("bound"), a[1].expect("bound"));
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(index_error("Cannot choose from an empty sequence"));
    }
    let n = vm.len(seq)?;
    let i = if n == 0 { 0 } else { randbelow_usize(vm, s, n)? };
    if let Some(l) = seq.downcast::<ListObj>() {
        if let Some(v) = l.get(i) {
            return Ok(v);
        }
    }
    vm.getitem(seq, &Value::int_from_usize(i))
}

fn shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.shuffle", &args, &["self", "x"], 2, &[])?;
    let (s, x) = (a[0].expect("bound"), a[1].expect("bound"));
    let n = vm.len(x)?;
    if let Some(l) = x.downcast::<ListObj>() {
        let mut items = l.take_items();
        let r = with_state(vm, s, "shuffle", |st| {
            for i in (1..items.len()).rev() {
                let j = st.mt.below_u64(i as u64 + 1) as usize;
                items.swap(i, j);
            }
        });
        l.replace_items(items);
        r?;
        return Ok(Value::NONE);
    }
    for i in (1..n).rev() {
        let j = randbelow_usize(vm, s, i + 1)?;
        let (vi, vj) = (Value::int_from_usize(i), Value::int_from_usize(j));
        let xj = vm.getitem(x, &vj)?;
        let xi = vm.getitem(x, &vi)?;
        vm.setitem(x, &vi, xj)?;
        vm.setitem(x, &vj, xi)?;
    }
    Ok(Value::NONE)
}

fn is_sequence(v: &Value) -> bool {
    v.as_str().is_some()
        || v.header().is_some_and(|h| matches!(h.kind(), ObjKind::List | ObjKind::Tuple | ObjKind::Range | ObjKind::Str))
}

fn sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.sample", &args, &["self", "population", "k"], 3, &["counts"])?;
    let (s, population, k) = (a[0].expect("bound"), a[1].expect("bound"), a[2].expect("bound"));
    if !is_sequence(population) {
        return Err(type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let n = vm.len(population)?;
    if let Some(counts) = a[3].filter(|v| !v.is_none()) {
        let mut cum = Vec::new();
        let mut acc: Option<Value> = None;
        for c in vm.collect(counts)? {
            let next = match &acc {
                None => c,
                Some(t) => vm.binary_op(t, &c, B::Add)?,
            };
            cum.push(next.clone());
            acc = Some(next);
        }
        if cum.len() != n {
            return Err(value_error("The number of counts does not match the population"));
        }
        let total = cum.pop().unwrap_or(Value::int(0));
        let Some(t) = total.as_int() else {
            return Err(type_error("Counts must be integers"));
        };
        if t.is_negative() {
            return Err(value_error("Counts must be non-negative"));
        }
        let total = t
            .to_i64()
            .and_then(|t| usize::try_from(t).ok())
            .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C ssize_t"))?;
        let picks = sample_indices(vm, s, total, k)?;
        let mut out = Vec::with_capacity(picks.len());
        for p in picks {
            // bisect_right(cum_counts, p)
            let pv = Value::int_from_usize(p);
            let (mut lo, mut hi) = (0usize, cum.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.compare_bool(&pv, &cum[mid], CmpOp::Lt)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out.push(vm.getitem(population, &Value::int_from_usize(lo))?);
        }
        return Ok(list::new_list(out));
    }
    let picks = sample_indices(vm, s, n, k)?;
    let mut out = Vec::with_capacity(picks.len());
    for p in picks {
        out.push(vm.getitem(population, &Value::int_from_usize(p))?);
    }
    Ok(list::new_list(out))
}

/// The indices `sample` picks from a population of `n`: CPython's choice between a
/// pool (an `n`-list) and a set of selections, which decides the draws.
fn sample_indices(vm: &mut Vm, s: &Value, n: usize, k: &Value) -> PyResult<Vec<usize>> {
    let k = match k.as_int() {
        Some(i) => match i.to_i64() {
            Some(k) if k >= 0 && k as u64 <= n as u64 => k as usize,
            _ => return Err(value_error("Sample larger than population or is negative")),
        },
        None => {
            let ok = vm.compare_bool(&Value::int(0), k, CmpOp::Le)? && vm.compare_bool(k, &Value::int_from_usize(n), CmpOp::Le)?;
            if !ok {
                return Err(value_error("Sample larger than population or is negative"));
            }
            return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(k))));
        }
    };
    let mut setsize: u128 = 21;
    if k > 5 {
        let e = (((k * 3) as f64).ln() / 4f64.ln()).ceil();
        setsize += 4u128.checked_pow(e as u32).unwrap_or(u128::MAX - 21);
    }
    let mut result = Vec::with_capacity(k);
    if (n as u128) <= setsize {
        let mut pool: Vec<usize> = (0..n).collect();
        with_state(vm, s, "sample", |st| {
            for i in 0..k {
                let j = st.mt.below_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        })?;
    } else {
        let mut selected = rustc_hash::FxHashSet::default();
        with_state(vm, s, "sample", |st| {
            for _ in 0..k {
                let mut j = st.mt.below_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = st.mt.below_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        })?;
    }
    Ok(result)
}

fn uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.uniform", &args, &["self", "a", "b"], 3, &[])?;
    let (s, lo, hi) = (a[0].expect("bound"), a[1].expect("bound"), a[2].expect("bound"));
    if let (Some(x), Some(y)) = (lo.as_float(), hi.as_float()) {
        let r = with_state(vm, s, "uniform", |st| st.mt.random())?;
        return Ok(Value::float(x + (y - x) * r));
    }
    let width = vm.binary_op(hi, lo, B::Subtract)?;
    let r = Value::float(with_state(vm, s, "uniform", |st| st.mt.random())?);
    let scaled = vm.binary_op(&width, &r, B::Multiply)?;
    vm.binary_op(lo, &scaled, B::Add)
}

