//! `set` and `frozenset`: CPython's open-addressing table, reproduced exactly.
//!
//! Python code sees a set's iteration order (`print({3, 1, 2})`), which follows the hash
//! table's layout; for ints that layout is deterministic in CPython, so this table uses
//! the same probing (linear runs of 9, then perturbation), fill limits, resize sizes and
//! merge strategies as `Objects/setobject.c`.

use crate::error::PyResult;
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::objects::dict::pure_eq;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum Slot {
    Unused,
    Dummy,
    Active { hash: i64, key: Value },
}

pub struct SetTable {
    slots: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Bumped on every structural change (detects mutation during comparisons).
    version: u64,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable { slots: vec![Slot::Unused; MINSIZE], fill: 0, used: 0, version: 0 }
    }
}

enum Found {
    /// The key is at this slot.
    Active(usize),
    /// Absent; insert at this slot (the first dummy seen, or the unused slot ending the probe).
    Vacant(usize, bool),
    /// A comparison needs Python code.
    NeedsPython,
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }
    pub fn version(&self) -> u64 {
        self.version
    }

    /// CPython's probe sequence; `eq` decides equality of same-hash keys.
    fn probe(&self, key: &Value, hash: i64, eq: &mut dyn FnMut(&Value, &Value) -> Option<bool>) -> Found {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Unused => {
                        return match freeslot {
                            Some(f) => Found::Vacant(f, true),
                            None => Found::Vacant(j, false),
                        };
                    }
                    Slot::Active { hash: h, key: k } if *h == hash => {
                        if k.is_same(key) {
                            return Found::Active(j);
                        }
                        match eq(key, k) {
                            Some(true) => return Found::Active(j),
                            Some(false) => {}
                            None => return Found::NeedsPython,
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Inserts into a table known to hold no dummies and not the key (resizes, merges).
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Unused) {
                slots[i] = Slot::Active { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(slots[j], Slot::Unused) {
                        slots[j] = Slot::Active { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active { hash, key } = s {
                SetTable::insert_clean(&mut self.slots, key, hash);
            }
        }
        self.version += 1;
    }

    fn store_new(&mut self, at: usize, was_dummy: bool, key: Value, hash: i64) {
        self.slots[at] = Slot::Active { hash, key };
        self.used += 1;
        self.version += 1;
        if was_dummy {
            return;
        }
        self.fill += 1;
        let mask = self.mask();
        if self.fill * 5 >= mask * 3 {
            let target = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(target);
        }
    }

    fn discard_at(&mut self, at: usize) -> Value {
        let old = std::mem::replace(&mut self.slots[at], Slot::Dummy);
        self.used -= 1;
        self.version += 1;
        match old {
            Slot::Active { key, .. } => key,
            _ => unreachable!("discarding an inactive slot"),
        }
    }

    pub fn clear(&mut self) -> Vec<Slot> {
        self.fill = 0;
        self.used = 0;
        self.version += 1;
        std::mem::replace(&mut self.slots, vec![Slot::Unused; MINSIZE])
    }

    /// Keys in table order (new references).
    pub fn keys(&self) -> Vec<Value> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active { key, .. } => Some(key.clone()),
            _ => None,
        }).collect()
    }

    /// (key, hash) pairs in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active { key, hash } => Some((key.clone(), *hash)),
            _ => None,
        }).collect()
    }

    /// `set_merge` from another table: copies the layout when it can, as CPython does.
    fn merge_from(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            return true;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.slots {
                if let Slot::Active { hash, key } = s {
                    SetTable::insert_clean(&mut self.slots, key.clone(), *hash);
                }
            }
            self.version += 1;
            return true;
        }
        false
    }
}

#[repr(C)]
pub struct SetObj {
    header: ObjHeader,
    pub frozen: bool,
    table: RefCell<SetTable>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for SetObj {
    const KIND: ObjKind = ObjKind::Set;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(t) = self.table.try_borrow() {
            for s in &t.slots {
                if let Slot::Active { key, .. } = s {
                    visit(key);
                }
            }
        }
    }
    fn clear(&self) {
        let old = self.table.borrow_mut().clear();
        drop(old);
    }
}

pub fn new_set(frozen: bool) -> Value {
    alloc(SetObj { header: ObjHeader::new(ObjKind::Set), frozen, table: RefCell::new(SetTable::default()) })
}

impl SetObj {
    pub fn table(&self) -> std::cell::Ref<'_, SetTable> {
        self.table.borrow()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key`, running `__eq__` without holding the table when it must.
    fn find(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Found> {
        let pure = self.table.borrow().probe(key, hash, &mut |a, b| pure_eq(a, b));
        if !matches!(pure, Found::NeedsPython) {
            return Ok(pure);
        }
        loop {
            // Compare every same-hash candidate with no borrow held, then re-probe
            // using the answers; retry if the table changed meanwhile.
            let (version, candidates) = {
                let t = self.table.borrow();
                let cands: Vec<Value> = t.slots.iter().filter_map(|s| match s {
                    Slot::Active { hash: h, key: k } if *h == hash => Some(k.clone()),
                    _ => None,
                }).collect();
                (t.version, cands)
            };
            let mut equal = Vec::with_capacity(candidates.len());
            for c in &candidates {
                equal.push(c.is_same(key) || vm.eq_bool(key, c)?);
            }
            let t = self.table.borrow();
            if t.version != version {
                continue;
            }
            let found = t.probe(key, hash, &mut |_, k| {
                let pos = candidates.iter().position(|c| c.is_same(k));
                Some(pos.is_some_and(|p| equal[p]))
            });
            return Ok(found);
        }
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.find(vm, key, hash)?, Found::Active(_)))
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        if let Found::Vacant(at, was_dummy) = self.find(vm, &key, hash)? {
            self.table.borrow_mut().store_new(at, was_dummy, key, hash);
        }
        Ok(())
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.discard_hashed(vm, key, hash)
    }

    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Found::Active(at) => {
                let old = self.table.borrow_mut().discard_at(at);
                drop(old);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// Removes and returns an arbitrary element (CPython's `set.pop` order).
    pub fn pop_any(&self) -> Option<Value> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let at = t.slots.iter().position(|s| matches!(s, Slot::Active { .. }))?;
        Some(t.discard_at(at))
    }

    pub fn clear_all(&self) {
        let old = self.table.borrow_mut().clear();
        drop(old);
    }

    /// After many removals: resize when over a quarter of the table is dummies.
    pub fn shrink_if_many_dummies(&self) {
        let mut t = self.table.borrow_mut();
        if t.fill - t.used <= t.mask() / 4 {
            return;
        }
        let target = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
        t.resize(target);
    }

    /// Exchanges the two sets' tables (`set_swap_bodies`).
    pub fn swap_bodies(&self, other: &SetObj) {
        if std::ptr::eq(self, other) {
            return;
        }
        std::mem::swap(&mut *self.table.borrow_mut(), &mut *other.table.borrow_mut());
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }

    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.table.borrow().entries()
    }

    /// `set_update_internal` for another set: the layout-preserving merge when possible.
    pub fn update_from_set(&self, vm: &mut Vm, other: &SetObj) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let merged = {
            let o = other.table.borrow();
            self.table.borrow_mut().merge_from(&o)
        };
        if !merged {
            for (k, h) in other.entries() {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// `set_update_internal` for a dict: one resize up front, then insert in order.
    pub fn update_from_dict(&self, vm: &mut Vm, d: &crate::objects::dict::DictObj) -> PyResult<()> {
        let entries: Vec<(Value, i64)> = d.table().iter().map(|e| (e.key.clone(), e.hash)).collect();
        {
            let mut t = self.table.borrow_mut();
            if (t.fill + entries.len()) * 5 >= t.mask() * 3 {
                let target = (t.used + entries.len()) * 2;
                t.resize(target);
            }
        }
        for (k, h) in entries {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }

    /// Position of the next active slot at or after `pos` (iteration).
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table.borrow();
        (pos..t.slots.len()).find_map(|i| match &t.slots[i] {
            Slot::Active { key, .. } => Some((i, key.clone())),
            _ => None,
        })
    }
}
