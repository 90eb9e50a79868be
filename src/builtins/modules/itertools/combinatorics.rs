//! product, permutations, combinations and combinations_with_replacement: index
//! vectors over materialised pools, stepped as CPython does (same output order).

use super::{clinic, make, new_args, size_arg, It};
use crate::error::{type_error, value_error, PyResult};
use crate::objects::func::Args;
use crate::objects::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;

pub enum Kind {
    Product,
    /// `cycles` as in the reference implementation in the docs.
    Permutations { cycles: Vec<usize> },
    Combinations,
    WithReplacement,
}

pub struct Combo {
    kind: Kind,
    /// Product: one pool per position; the others: the single pool.
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    r: usize,
    first: bool,
    stopped: bool,
}

impl Combo {
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(visit)
    }

    fn result(&self) -> Value {
        let items = match self.kind {
            Kind::Product => self.indices.iter().zip(&self.pools).map(|(&i, p)| p[i].clone()).collect(),
            _ => self.indices[..self.r].iter().map(|&i| self.pools[0][i].clone()).collect(),
        };
        new_tuple(items)
    }

    /// Advances the indices; false when there is no next result.
    fn advance(&mut self) -> bool {
        let r = self.r;
        let n = self.pools.first().map_or(0, |p| p.len());
        match &mut self.kind {
            Kind::Product => {
                for i in (0..self.indices.len()).rev() {
                    self.indices[i] += 1;
                    if self.indices[i] < self.pools[i].len() {
                        return true;
                    }
                    self.indices[i] = 0;
                }
                false
            }
            Kind::Permutations { cycles } => {
                for i in (0..r).rev() {
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        self.indices[i..].rotate_left(1);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        self.indices.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
            Kind::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else { return false };
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
                true
            }
            Kind::WithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else { return false };
                let v = self.indices[i] + 1;
                self.indices[i..].fill(v);
                true
            }
        }
    }

    pub fn next_result(&mut self) -> Option<Value> {
        if self.stopped {
            return None;
        }
        if self.first {
            self.first = false;
            return Some(self.result());
        }
        if self.advance() {
            Some(self.result())
        } else {
            self.stopped = true;
            self.pools.clear();
            None
        }
    }
}

fn combo(kind: Kind, pools: Vec<Vec<Value>>, r: usize, empty: bool) -> It {
    let indices = match kind {
        Kind::Product => vec![0; pools.len()],
        Kind::WithReplacement => vec![0; r],
        _ => (0..pools[0].len()).collect(),
    };
    It::Combo(Combo { kind, pools, indices, r, first: true, stopped: empty })
}

pub fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [repeat] = crate::builtins::argparse::kwargs("product", &args, ["repeat"])?;
    let (cls, pos) = new_args(&args)?;
    let repeat = match repeat {
        Some(v) => crate::builtins::argparse::int_arg(vm, v)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(pos.len());
    for p in pos {
        base.push(vm.collect(p)?);
    }
    let count = base.len().checked_mul(repeat as usize).ok_or_else(|| crate::error::overflow_error("repeat argument too large"))?;
    let mut pools = Vec::with_capacity(count);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let empty = pools.iter().any(|p| p.is_empty());
    Ok(make(cls, combo(Kind::Product, pools, 0, empty)))
}

pub fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [iterable, r] = clinic("permutations", &args, ["iterable", "r"], 1)?;
    let pool = vm.collect(iterable.expect("required"))?;
    let n = pool.len();
    let r = match r {
        Some(v) if !v.is_none() => {
            if v.as_int().is_none() {
                return Err(type_error("Expected int as r"));
            }
            size_arg(vm, v, "r must be non-negative")?
        }
        _ => n,
    };
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(make(&args.pos()[0], combo(Kind::Permutations { cycles }, vec![pool], r, r > n)))
}

fn pool_and_r(vm: &mut Vm, name: &str, args: &Args) -> PyResult<(Vec<Value>, usize)> {
    let [iterable, r] = clinic(name, args, ["iterable", "r"], 2)?;
    let pool = vm.collect(iterable.expect("required"))?;
    let r = size_arg(vm, r.expect("required"), "r must be non-negative")?;
    Ok((pool, r))
}

pub fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, "combinations", &args)?;
    let empty = r > pool.len();
    Ok(make(&args.pos()[0], combo(Kind::Combinations, vec![pool], r, empty)))
}

pub fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, "combinations_with_replacement", &args)?;
    let empty = pool.is_empty() && r > 0;
    Ok(make(&args.pos()[0], combo(Kind::WithReplacement, vec![pool], r, empty)))
}
