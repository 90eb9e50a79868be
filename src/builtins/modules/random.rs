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
use crate::objects::opaque::{new_opaque, NativeData};
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
}

const METHODS: &[(&str, crate::objects::func::NativeFn)] = &[
    ("__new__", random_new),
    ("__init__", random_init),
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
    ("getstate", getstate),
    ("setstate", setstate),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("choices", choices),
    ("triangular", triangular),
    ("normalvariate", normalvariate),
    ("lognormvariate", lognormvariate),
    ("gauss", gauss),
    ("expovariate", expovariate),
    ("vonmisesvariate", vonmisesvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("binomialvariate", binomialvariate),
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
    let mut st = super::native::borrow_state::<RandomState>(s, bad, "random state in use")?;
    Ok(f(&mut st))
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
    let cls = args.pos().first().cloned().ok_or_else(|| type_error("_random.Random.__new__(): not enough arguments"))?;
    let Some(t) = cls.as_type() else {
        return Err(type_error(format!("_random.Random.__new__(X): X is not a type object ({})", vm.type_name(&cls))));
    };
    let new_name = vm.names.dunder_new.clone();
    let ours = vm
        .lookup_type_attr(t, &new_name)
        .is_some_and(|f| f.downcast::<NativeFunctionObj>().is_some_and(|n| n.name == "__new__" && n.owner == "Random"));
    if !ours {
        let name = t.name();
        return Err(type_error(format!("_random.Random.__new__({name}): {name} is not a subtype of _random.Random")));
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

/// The bit count of `getrandbits(k)`, with its errors.
fn bit_count(vm: &mut Vm, k: &Value) -> PyResult<u64> {
    let k = index_value(vm, k)?;
    let k = k.as_int().expect("int");
    if k.is_negative() {
        return Err(value_error("Cannot convert negative int"));
    }
    let k = k.to_bigint().to_u64().ok_or_else(|| PyErr::new(ExcKind::OverflowError, "Python int too large for C uint64_t"))?;
    if k > 1 << 32 {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    Ok(k)
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, rest) = argparse::method("Random.getrandbits", &args, 1, 1)?;
    let k = bit_count(vm, &rest[0])?;
    with_state(vm, s, "getrandbits", |st| {
        if k <= 47 {
            Value::int(st.mt.bits_u64(k as u32) as i64)
        } else {
            Value::big_int(BigInt::from_biguint(Sign::Plus, st.mt.bits_big(k)))
        }
    })
}

/// `randbytes(n)`: `self.getrandbits(n * 8).to_bytes(n, 'little')`.
fn randbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.randbytes", &args, &["self", "n"], 2, &[])?;
    let (s, n) = (a[0].expect("bound"), a[1].expect("required"));
    let bits = vm.binary_op(n, &Value::int(8), B::Multiply)?;
    let k = bit_count(vm, &bits)?;
    let mut data = with_state(vm, s, "randbytes", |st| st.mt.bits_big(k).to_bytes_le())?;
    data.resize((k / 8) as usize, 0);
    Ok(crate::objects::bytes::new_bytes(data))
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.seed", &args, &["self", "a", "version"], 1, &[])?;
    let two = Value::int(2);
    do_seed(vm, a[0].expect("bound"), a[1].unwrap_or(&Value::NONE), a[2].unwrap_or(&two))?;
    Ok(Value::NONE)
}

/// `Random.seed(a, version)` then `_random.Random.seed`.
fn do_seed(vm: &mut Vm, s: &Value, a: &Value, version: &Value) -> PyResult<()> {
    let is_str = a.as_str().is_some() || a.as_bytes().is_some();
    let key: Option<BigUint> = if is_str && vm.eq_bool(version, &Value::int(1))? {
        // bytes are decoded as latin-1: one code point per byte.
        let codes: Vec<u64> = match a.as_str() {
            Some(text) => text.chars().map(|c| c as u64).collect(),
            None => a.as_bytes().expect("bytes").iter().map(|&b| b as u64).collect(),
        };
        let mut x: u64 = codes.first().map_or(0, |c| c << 7);
        for &c in &codes {
            x = x.wrapping_mul(1_000_003) ^ c;
        }
        x ^= codes.len() as u64;
        Some(BigUint::from(x))
    } else if is_str && vm.eq_bool(version, &Value::int(2))? {
        use sha2::{Digest, Sha512};
        let mut bytes = match a.as_str() {
            Some(text) => text.as_bytes().to_vec(),
            None => a.as_bytes().expect("bytes").to_vec(),
        };
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
        if let (Some(x), None) = (start.as_small_int(), stop)
            && x > 0
        {
            return Ok(Value::int(with_state(vm, s, "randrange", |st| st.mt.below_u64(x as u64))? as i64));
        }
        if let (Some(x), Some(y)) = (start.as_small_int(), stop.and_then(|v| v.as_small_int()))
            && y > x
        {
            let r = with_state(vm, s, "randrange", |st| st.mt.below_u64((y - x) as u64))?;
            return Ok(Value::int(x + r as i64));
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
    if let (Some(x), Some(y)) = (a[1].expect("a").as_small_int(), a[2].expect("b").as_small_int())
        && y >= x
    {
        let r = with_state(vm, s, "randint", |st| st.mt.below_u64((y - x + 1) as u64))?;
        return Ok(Value::int(x + r as i64));
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
    if let Some(l) = seq.downcast::<ListObj>()
        && let Some(v) = l.get(i)
    {
        return Ok(v);
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
            let lo = bisect_right(vm, &cum, &Value::int_from_usize(p), cum.len())?;
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

/// `bisect.bisect_right(a, x, 0, hi)`.
fn bisect_right(vm: &mut Vm, a: &[Value], x: &Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if vm.compare_bool(x, &a[mid], CmpOp::Lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
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


// ------------------------------------------------------------------ distributions

const TWOPI: f64 = 2.0 * std::f64::consts::PI;

/// A number argument as the float Python's arithmetic would use; for anything else the
/// error of the first operation CPython applies to it (`op` with a float operand).
fn num(vm: &mut Vm, v: &Value, op: B, left: bool) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = v.as_int() {
        return match i {
            crate::objects::int::IntRef::Small(x) => Ok(x as f64),
            crate::objects::int::IntRef::Big(b) => b
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| PyErr::new(ExcKind::OverflowError, "int too large to convert to float")),
        };
    }
    let other = Value::float(1.0);
    let r = if left { vm.binary_op(v, &other, op)? } else { vm.binary_op(&other, v, op)? };
    r.as_float().ok_or_else(|| type_error(format!("unsupported operand type for random: '{}'", vm.type_name(v))))
}

/// `v <= 0.0`, as Python compares (ints of any size exactly).
fn not_positive(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    vm.compare_bool(v, &Value::float(0.0), CmpOp::Le)
}

/// A number argument whose first use is `gammavariate`'s `alpha <= 0.0`: the
/// ValueError for non-positive values comes before any conversion to float.
fn cmp_num(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if not_positive(vm, v)? {
        return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    num(vm, v, B::Subtract, true)
}

fn draw(vm: &Vm, s: &Value) -> PyResult<f64> {
    with_state(vm, s, "random", |st| st.mt.random())
}

fn mu_sigma(vm: &mut Vm, a: &[Option<&Value>]) -> PyResult<(f64, f64)> {
    let sigma = match a[2] {
        Some(v) => num(vm, v, B::Multiply, false)?,
        None => 1.0,
    };
    let mu = match a[1] {
        Some(v) => num(vm, v, B::Add, true)?,
        None => 0.0,
    };
    Ok((mu, sigma))
}

fn normal(vm: &Vm, s: &Value) -> PyResult<f64> {
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    loop {
        let u1 = draw(vm, s)?;
        let u2 = 1.0 - draw(vm, s)?;
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return Ok(z);
        }
    }
}

fn normalvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.normalvariate", &args, &["self", "mu", "sigma"], 1, &[])?;
    let z = normal(vm, a[0].expect("bound"))?;
    let (mu, sigma) = mu_sigma(vm, &a)?;
    Ok(Value::float(mu + z * sigma))
}

fn lognormvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.lognormvariate", &args, &["self", "mu", "sigma"], 3, &[])?;
    let z = normal(vm, a[0].expect("bound"))?;
    let (mu, sigma) = mu_sigma(vm, &a)?;
    let x = mu + z * sigma;
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::new(ExcKind::OverflowError, "math range error"));
    }
    Ok(Value::float(r))
}

fn gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.gauss", &args, &["self", "mu", "sigma"], 1, &[])?;
    let z = with_state(vm, a[0].expect("bound"), "gauss", |st| {
        let pending = std::mem::replace(&mut st.gauss_next, Value::NONE);
        match pending.as_float() {
            Some(z) => z,
            None => {
                let x2pi = st.mt.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - st.mt.random()).ln()).sqrt();
                st.gauss_next = Value::float(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        }
    })?;
    let (mu, sigma) = mu_sigma(vm, &a)?;
    Ok(Value::float(mu + z * sigma))
}

fn expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.expovariate", &args, &["self", "lambd"], 1, &[])?;
    let r = draw(vm, a[0].expect("bound"))?;
    let lambd = match a[1] {
        Some(v) => num(vm, v, B::TrueDivide, false)?,
        None => 1.0,
    };
    if lambd == 0.0 {
        return Err(crate::error::zero_division("division by zero"));
    }
    Ok(Value::float(-(1.0 - r).ln() / lambd))
}

fn triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.triangular", &args, &["self", "low", "high", "mode"], 1, &[])?;
    let mut u = draw(vm, a[0].expect("bound"))?;
    let mut low = a[1].cloned().unwrap_or(Value::float(0.0));
    let mut high = a[2].cloned().unwrap_or(Value::float(1.0));
    let mode = a[3].filter(|v| !v.is_none()).cloned();
    let numeric = |v: &Value| v.as_float().is_some() || v.is_small_int();
    if numeric(&low) && numeric(&high) && mode.as_ref().is_none_or(numeric) {
        let f = |v: &Value| v.as_float().unwrap_or_else(|| v.as_small_int().unwrap_or(0) as f64);
        let (mut lo, mut hi) = (f(&low), f(&high));
        let mut c = match &mode {
            None => 0.5,
            Some(m) => {
                if hi - lo == 0.0 {
                    return Ok(low);
                }
                (f(m) - lo) / (hi - lo)
            }
        };
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut lo, &mut hi);
        }
        return Ok(Value::float(lo + (hi - lo) * (u * c).sqrt()));
    }
    // The same expression on arbitrary objects, for CPython's errors.
    let mut c = match &mode {
        None => Value::float(0.5),
        Some(m) => {
            let num_ = vm.binary_op(m, &low, B::Subtract)?;
            let den = vm.binary_op(&high, &low, B::Subtract)?;
            match vm.binary_op(&num_, &den, B::TrueDivide) {
                Err(e) if e.lazy_kind() == Some(ExcKind::ZeroDivisionError) => return Ok(low),
                r => r?,
            }
        }
    };
    if vm.compare_bool(&Value::float(u), &c, CmpOp::Gt)? {
        u = 1.0 - u;
        c = vm.binary_op(&Value::float(1.0), &c, B::Subtract)?;
        std::mem::swap(&mut low, &mut high);
    }
    let width = vm.binary_op(&high, &low, B::Subtract)?;
    let uc = vm.binary_op(&Value::float(u), &c, B::Multiply)?;
    let root = num(vm, &uc, B::Multiply, true)?.sqrt();
    let scaled = vm.binary_op(&width, &Value::float(root), B::Multiply)?;
    vm.binary_op(&low, &scaled, B::Add)
}

fn paretovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.paretovariate", &args, &["self", "alpha"], 2, &[])?;
    let u = 1.0 - draw(vm, a[0].expect("bound"))?;
    let alpha = num(vm, a[1].expect("bound"), B::TrueDivide, false)?;
    if alpha == 0.0 {
        return Err(crate::error::zero_division("division by zero"));
    }
    Ok(Value::float(crate::objects::float::float_pow(u, -1.0 / alpha)?))
}

fn weibullvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.weibullvariate", &args, &["self", "alpha", "beta"], 3, &[])?;
    let u = 1.0 - draw(vm, a[0].expect("bound"))?;
    let beta = num(vm, a[2].expect("bound"), B::TrueDivide, false)?;
    if beta == 0.0 {
        return Err(crate::error::zero_division("division by zero"));
    }
    let alpha = num(vm, a[1].expect("bound"), B::Multiply, true)?;
    Ok(Value::float(alpha * crate::objects::float::float_pow(-u.ln(), 1.0 / beta)?))
}

fn vonmisesvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.vonmisesvariate", &args, &["self", "mu", "kappa"], 3, &[])?;
    let s = a[0].expect("bound");
    let kappa_v = a[2].expect("bound");
    if vm.compare_bool(kappa_v, &Value::float(1e-6), CmpOp::Le)? {
        return Ok(Value::float(TWOPI * draw(vm, s)?));
    }
    let kappa = num(vm, kappa_v, B::TrueDivide, false)?;
    let mu = a[1].expect("bound");
    let sh = 0.5 / kappa;
    let r = sh + (1.0 + sh * sh).sqrt();
    let z = loop {
        let u1 = draw(vm, s)?;
        let z = (std::f64::consts::PI * u1).cos();
        let d = z / (r + z);
        let u2 = draw(vm, s)?;
        if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let u3 = draw(vm, s)?;
    let op = if u3 > 0.5 { B::Add } else { B::Subtract };
    let theta = vm.binary_op(mu, &Value::float(f.acos()), op)?;
    vm.binary_op(&theta, &Value::float(TWOPI), B::Remainder)
}

fn gamma_draw(vm: &mut Vm, s: &Value, alpha: f64, beta: f64) -> PyResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - 4f64.ln();
        let ccc = alpha + ainv;
        let sg = 1.0 + 4.5f64.ln();
        loop {
            let u1 = draw(vm, s)?;
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - draw(vm, s)?;
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x * beta);
            }
        }
    } else if alpha == 1.0 {
        Ok(-(1.0 - draw(vm, s)?).ln() * beta)
    } else {
        let e = std::f64::consts::E;
        loop {
            let u = draw(vm, s)?;
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 { crate::objects::float::float_pow(p, 1.0 / alpha)? } else { -((b - p) / alpha).ln() };
            let u1 = draw(vm, s)?;
            if p > 1.0 {
                if u1 <= crate::objects::float::float_pow(x, alpha - 1.0)? {
                    return Ok(x * beta);
                }
            } else if u1 <= (-x).exp() {
                return Ok(x * beta);
            }
        }
    }
}

fn gammavariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.gammavariate", &args, &["self", "alpha", "beta"], 3, &[])?;
    let (alpha, beta) = (a[1].expect("bound"), a[2].expect("bound"));
    if not_positive(vm, alpha)? || not_positive(vm, beta)? {
        return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    let alpha = num(vm, alpha, B::Subtract, true)?;
    let beta = num(vm, beta, B::Multiply, false)?;
    Ok(Value::float(gamma_draw(vm, a[0].expect("bound"), alpha, beta)?))
}

fn betavariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.betavariate", &args, &["self", "alpha", "beta"], 3, &[])?;
    let s = a[0].expect("bound");
    let alpha = cmp_num(vm, a[1].expect("bound"))?;
    let y = gamma_draw(vm, s, alpha, 1.0)?;
    if y != 0.0 {
        let beta = cmp_num(vm, a[2].expect("bound"))?;
        let y2 = gamma_draw(vm, s, beta, 1.0)?;
        return Ok(Value::float(y / (y + y2)));
    }
    Ok(Value::float(0.0))
}

fn choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.choices", &args, &["self", "population", "weights"], 2, &["cum_weights", "k"])?;
    let (s, population) = (a[0].expect("bound"), a[1].expect("bound"));
    let weights = a[2].filter(|v| !v.is_none());
    let cum_weights = a[3].filter(|v| !v.is_none());
    let n = vm.len(population)?;
    let count = |vm: &mut Vm| -> PyResult<usize> {
        match a[4] {
            None => Ok(1),
            Some(k) => Ok(argparse::int_arg(vm, k)?.max(0) as usize),
        }
    };
    let cum: Vec<Value> = match (weights, cum_weights) {
        (None, None) => {
            let k = count(vm)?;
            let nf = n as f64;
            let mut out = Vec::with_capacity(k.min(1 << 20));
            for _ in 0..k {
                let i = (draw(vm, s)? * nf).floor() as usize;
                out.push(vm.getitem(population, &Value::int_from_usize(i))?);
            }
            return Ok(list::new_list(out));
        }
        (Some(_), Some(_)) => return Err(type_error("Cannot specify both weights and cumulative weights")),
        (None, Some(c)) => vm.collect(c)?,
        (Some(w), None) => {
            let items = match vm.collect(w) {
                Ok(items) => items,
                Err(e) => {
                    if let Some(i) = w.as_int() {
                        return Err(type_error(format!("The number of choices must be a keyword argument: k={}", i.to_bigint())));
                    }
                    return Err(e);
                }
            };
            let mut cum = Vec::with_capacity(items.len());
            for x in items {
                let next = match cum.last() {
                    None => x,
                    Some(t) => vm.binary_op(t, &x, B::Add)?,
                };
                cum.push(next);
            }
            cum
        }
    };
    if cum.len() != n {
        return Err(value_error("The number of weights does not match the population"));
    }
    let last = cum.last().cloned().ok_or_else(|| index_error("list index out of range"))?;
    let total_v = vm.binary_op(&last, &Value::float(0.0), B::Add)?;
    let total = total_v.as_float().unwrap_or(f64::NAN);
    if !vm.compare_bool(&total_v, &Value::float(0.0), CmpOp::Gt)? {
        return Err(value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(value_error("Total of weights must be finite"));
    }
    let k = count(vm)?;
    let mut out = Vec::with_capacity(k.min(1 << 20));
    for _ in 0..k {
        let x = Value::float(draw(vm, s)? * total);
        let lo = bisect_right(vm, &cum, &x, n - 1)?;
        out.push(vm.getitem(population, &Value::int_from_usize(lo))?);
    }
    Ok(list::new_list(out))
}

fn lgamma(x: f64) -> f64 {
    super::math::m_lgamma(x).0
}

/// `binomialvariate(n=1, p=0.5)`: random.py's geometric skipping for small `n*p`,
/// BTRS rejection otherwise. `n` must be an int here (CPython also takes floats).
fn binomialvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = bind("Random.binomialvariate", &args, &["self", "n", "p"], 1, &[])?;
    let s = a[0].expect("bound");
    let one = Value::int(1);
    let n_v = a[1].unwrap_or(&one);
    let half = Value::float(0.5);
    let p_v = a[2].unwrap_or(&half);
    if vm.compare_bool(n_v, &Value::int(0), CmpOp::Lt)? {
        return Err(value_error("n must be non-negative"));
    }
    if p_v.as_float().is_none() && p_v.as_int().is_none() {
        vm.compare_bool(p_v, &Value::float(0.0), CmpOp::Le)?;
    }
    let p = num(vm, p_v, B::Subtract, true)?;
    if p <= 0.0 || p >= 1.0 {
        if p == 0.0 {
            return Ok(Value::int(0));
        }
        if p == 1.0 {
            return Ok(n_v.clone());
        }
        return Err(value_error("p must be in the range 0.0 <= p <= 1.0"));
    }
    let n = match n_v.as_int().and_then(|i| i.to_i64()) {
        Some(n) => n,
        None => return Err(type_error(format!("binomialvariate() n must be an int, not {}", vm.type_name(n_v)))),
    };
    Ok(Value::int(binomial(vm, s, n, p)?))
}

fn binomial(vm: &Vm, s: &Value, n: i64, p: f64) -> PyResult<i64> {
    if n == 1 {
        return Ok((draw(vm, s)? < p) as i64);
    }
    if p > 0.5 {
        return Ok(n - binomial(vm, s, n, 1.0 - p)?);
    }
    if (n as f64) * p < 10.0 {
        let (mut x, mut y) = (0i64, 0i64);
        let c = (1.0 - p).log2();
        if c == 0.0 {
            return Ok(x);
        }
        loop {
            let r = draw(vm, s)?;
            if r == 0.0 {
                continue; // log2(0.0) raises ValueError, which random.py skips
            }
            y += (r.log2() / c).floor() as i64 + 1;
            if y > n {
                return Ok(x);
            }
            x += 1;
        }
    }
    let nf = n as f64;
    let spq = (nf * p * (1.0 - p)).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = nf * p + 0.5;
    let vr = 0.92 - 4.2 / b;
    let mut setup: Option<(f64, f64, i64, f64)> = None;
    loop {
        let mut u = draw(vm, s)?;
        u -= 0.5;
        let us = 0.5 - u.abs();
        if us == 0.0 {
            continue; // ZeroDivisionError, skipped
        }
        let kf = ((2.0 * a / us + b) * u + c).floor();
        if kf < 0.0 || kf > nf {
            continue;
        }
        let k = kf as i64;
        let mut v = draw(vm, s)?;
        if us >= 0.07 && v <= vr {
            return Ok(k);
        }
        let (alpha, lpq, m, h) = *setup.get_or_insert_with(|| {
            let alpha = (2.83 + 5.1 / b) * spq;
            let lpq = (p / (1.0 - p)).ln();
            let m = ((n + 1) as f64 * p).floor() as i64;
            let h = lgamma((m + 1) as f64) + lgamma((n - m + 1) as f64);
            (alpha, lpq, m, h)
        });
        v *= alpha / (a / (us * us) + b);
        if v <= 0.0 {
            return Err(value_error("math domain error"));
        }
        if v.ln() <= h - lgamma((k + 1) as f64) - lgamma((n - k + 1) as f64) + (k - m) as f64 * lpq {
            return Ok(k);
        }
    }
}
