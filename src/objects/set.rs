//! `set` and `frozenset`: CPython's open-addressing table, reproduced exactly.
//!
//! Python code sees a set's iteration order (`print({3, 1, 2})`), which follows the hash
//! table's layout; for ints that layout is deterministic in CPython, so this table uses
//! the same probing (linear runs of 9, then perturbation), fill limits, resize sizes and
//! merge strategies as `Objects/setobject.c`. Look-ups compare keys in CPython's probe
//! order, stored key on the left (`stored == probe`), so user `__eq__` methods see the
//! same calls.

use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::objects::dict::pure_eq;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, Ordering};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Source of table identities: a look-up that ran Python code restarts when the table
/// it was probing was replaced (CPython compares the table pointer).
static NEXT_TABLE_ID: AtomicU64 = AtomicU64::new(1);

fn new_table_id() -> u64 {
    NEXT_TABLE_ID.fetch_add(1, Ordering::Relaxed)
}

/// One table entry, 16 bytes like CPython's `setentry`: a NULL key with hash 0 is
/// unused, a NULL key with hash -1 a dummy (deleted), anything else active.
#[derive(Clone)]
pub struct Slot {
    hash: i64,
    key: Value,
}

/// A slot as seen by code reading the table.
pub enum SlotRef<'a> {
    Unused,
    Dummy,
    Active(i64, &'a Value),
}

impl Slot {
    const UNUSED: Slot = Slot { hash: 0, key: Value::NULL };
    const DUMMY: Slot = Slot { hash: -1, key: Value::NULL };

    fn active(hash: i64, key: Value) -> Slot {
        Slot { hash, key }
    }

    #[inline]
    pub fn get(&self) -> SlotRef<'_> {
        if !self.key.is_null() {
            SlotRef::Active(self.hash, &self.key)
        } else if self.hash == -1 {
            SlotRef::Dummy
        } else {
            SlotRef::Unused
        }
    }

    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash != -1
    }

    #[inline]
    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

fn unused_table(size: usize) -> Vec<Slot> {
    let mut v = Vec::with_capacity(size);
    v.resize_with(size, || Slot::UNUSED);
    v
}

pub struct SetTable {
    slots: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Changes whenever `slots` is replaced (resize, clear, swap).
    table_id: u64,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable { slots: unused_table(MINSIZE), fill: 0, used: 0, table_id: new_table_id() }
    }
}

enum Found {
    /// The key is at this slot.
    Active(usize),
    /// Absent; insert at this slot (the last dummy seen, or the unused slot ending the
    /// probe) — the flag says whether it is a dummy.
    Vacant(usize, bool),
}

/// CPython's probe order: runs of `LINEAR_PROBES + 1` slots (when they fit before the
/// end of the table), then a perturbed jump.
struct ProbeSeq {
    i: usize,
    j: usize,
    end: usize,
    perturb: u64,
    mask: usize,
}

impl ProbeSeq {
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let i = (hash as u64 as usize) & mask;
        ProbeSeq { i, j: i, end: run_end(i, mask), perturb: hash as u64, mask }
    }

    /// The next slot to look at.
    fn next_slot(&mut self) -> usize {
        let cur = self.j;
        if self.j < self.end {
            self.j += 1;
        } else {
            self.perturb >>= PERTURB_SHIFT;
            self.i = (self.i.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
            self.j = self.i;
            self.end = run_end(self.i, self.mask);
        }
        cur
    }
}

fn run_end(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask { i + LINEAR_PROBES } else { i }
}

/// What one probe step found.
enum Step {
    Done(Found),
    Next,
    /// A same-hash key whose equality needs Python code.
    Compare(Value),
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

    /// Looks at slot `j` for `key`; `freeslot` remembers the last dummy passed.
    fn step(&self, j: usize, key: &Value, hash: i64, freeslot: &mut Option<usize>) -> Step {
        match self.slots[j].get() {
            SlotRef::Unused => Step::Done(match *freeslot {
                Some(f) => Found::Vacant(f, true),
                None => Found::Vacant(j, false),
            }),
            SlotRef::Dummy => {
                *freeslot = Some(j);
                Step::Next
            }
            SlotRef::Active(h, k) if h == hash => {
                if k.is_same(key) {
                    return Step::Done(Found::Active(j));
                }
                match pure_eq(k, key) {
                    Some(true) => Step::Done(Found::Active(j)),
                    Some(false) => Step::Next,
                    None => Step::Compare(k.clone()),
                }
            }
            SlotRef::Active(..) => Step::Next,
        }
    }

    /// A look-up that runs no Python code; None when a comparison needs Python.
    fn probe_pure(&self, key: &Value, hash: i64) -> Option<Found> {
        let mut seq = ProbeSeq::new(hash, self.mask());
        let mut freeslot = None;
        loop {
            match self.step(seq.next_slot(), key, hash, &mut freeslot) {
                Step::Done(f) => return Some(f),
                Step::Next => {}
                Step::Compare(_) => return None,
            }
        }
    }

    /// Inserts into a table known to hold no dummies and not the key (resizes, merges).
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if slots[i].is_unused() {
                slots[i] = Slot::active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if slots[j].is_unused() {
                        slots[j] = Slot::active(hash, key);
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
        // CPython keeps a minimum-size table with no dummies as it is.
        if newsize == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, unused_table(newsize));
        self.fill = self.used;
        self.table_id = new_table_id();
        for s in old {
            if s.is_active() {
                SetTable::insert_clean(&mut self.slots, s.key, s.hash);
            }
        }
    }

    fn store_new(&mut self, at: usize, was_dummy: bool, key: Value, hash: i64) {
        self.slots[at] = Slot::active(hash, key);
        self.used += 1;
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

    fn discard_at(&mut self, at: usize) -> Option<Value> {
        if !self.slots[at].is_active() {
            return None;
        }
        let old = std::mem::replace(&mut self.slots[at], Slot::DUMMY);
        self.used -= 1;
        Some(old.key)
    }

    pub fn clear(&mut self) -> Vec<Slot> {
        self.fill = 0;
        self.used = 0;
        self.table_id = new_table_id();
        std::mem::replace(&mut self.slots, unused_table(MINSIZE))
    }

    /// Keys in table order (new references).
    pub fn keys(&self) -> Vec<Value> {
        self.slots.iter().filter(|s| s.is_active()).map(|s| s.key.clone()).collect()
    }

    /// (key, hash) pairs in table order.
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.slots.iter().filter(|s| s.is_active()).map(|s| (s.key.clone(), s.hash)).collect()
    }

    /// `set_merge` from another table: copies the layout when it can, as CPython does.
    /// Returns false when entries must be added one by one (they may compare equal).
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
            self.table_id = new_table_id();
            return true;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in other.slots.iter().filter(|s| s.is_active()) {
                SetTable::insert_clean(&mut self.slots, s.key.clone(), s.hash);
            }
            return true;
        }
        false
    }
}

/// The hash of a set element, with CPython 3.14's wording when it is unhashable.
pub fn elem_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    vm.hash(key).map_err(|e| crate::objects::dict::unhashable_as(vm, key, e, "a set element"))
}

/// For a mutable set used as a key: the hash of the equal frozenset (None otherwise).
fn set_key_hash(key: &Value) -> Option<i64> {
    match key.downcast::<SetObj>() {
        Some(s) if !s.frozen => Some(crate::runtime::sets::frozenset_hash(s)),
        _ => None,
    }
}

#[repr(C)]
pub struct SetObj {
    header: ObjHeader,
    pub frozen: bool,
    table: RefCell<SetTable>,
    /// Where `pop()` starts looking (CPython's `finger`; it stays with the object).
    finger: Cell<usize>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for SetObj {
    const KIND: ObjKind = ObjKind::Set;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(t) = self.table.try_borrow() {
            for s in t.slots.iter().filter(|s| s.is_active()) {
                visit(&s.key);
            }
        }
    }
    fn clear(&self) {
        let old = self.table.borrow_mut().clear();
        drop(old);
    }
}

pub fn new_set(frozen: bool) -> Value {
    alloc(SetObj { header: ObjHeader::new(ObjKind::Set), frozen, table: RefCell::new(SetTable::default()), finger: Cell::new(0) })
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

    /// `set_lookkey`: finds `key`, comparing same-hash keys in probe order with no
    /// borrow held while `__eq__` runs; restarts when the table was replaced or the
    /// compared entry changed meanwhile.
    fn find(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Found> {
        if let Some(f) = self.table.borrow().probe_pure(key, hash) {
            return Ok(f);
        }
        'restart: loop {
            let (table_id, mask) = {
                let t = self.table.borrow();
                (t.table_id, t.mask())
            };
            let mut seq = ProbeSeq::new(hash, mask);
            let mut freeslot = None;
            loop {
                let j = seq.next_slot();
                let step = self.table.borrow().step(j, key, hash, &mut freeslot);
                let startkey = match step {
                    Step::Done(f) => return Ok(f),
                    Step::Next => continue,
                    Step::Compare(k) => k,
                };
                let equal = vm.eq_bool(&startkey, key)?;
                let t = self.table.borrow();
                let unchanged = t.table_id == table_id
                    && matches!(t.slots[j].get(), SlotRef::Active(_, k) if k.is_same(&startkey));
                if !unchanged {
                    continue 'restart;
                }
                if equal {
                    return Ok(Found::Active(j));
                }
            }
        }
    }

    /// `set_contains_key`: an unhashable key is a TypeError.
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = elem_hash(vm, key)?;
        self.contains_hashed(vm, key, hash)
    }

    /// `key in s` / `s.__contains__(key)`: a (mutable) set key is looked up as the
    /// equal frozenset, as CPython does.
    pub fn contains_member(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = match set_key_hash(key) {
            Some(h) => h,
            None => elem_hash(vm, key)?,
        };
        self.contains_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.find(vm, key, hash)?, Found::Active(_)))
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = elem_hash(vm, &key)?;
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
        let hash = elem_hash(vm, key)?;
        self.discard_hashed(vm, key, hash)
    }

    /// `s.remove(key)` / `s.discard(key)`: like `contains_member`, a set key stands for
    /// the equal frozenset.
    pub fn discard_member(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = match set_key_hash(key) {
            Some(h) => h,
            None => elem_hash(vm, key)?,
        };
        self.discard_hashed(vm, key, hash)
    }

    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Found::Active(at) => {
                let old = self.table.borrow_mut().discard_at(at);
                Ok(old.is_some())
            }
            Found::Vacant(..) => Ok(false),
        }
    }

    /// `set.pop()`: the first active slot from the finger on (wrapping), as CPython.
    pub fn pop_any(&self) -> Option<Value> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut at = self.finger.get() & mask;
        while !t.slots[at].is_active() {
            at = if at == mask { 0 } else { at + 1 };
        }
        self.finger.set(at + 1);
        t.discard_at(at)
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

    /// `_PySet_NextEntry`: the first active entry at or after slot `*pos` of the
    /// current table, moving `*pos` past it. Walking a set this way copies nothing up
    /// front, and stays safe (if not exhaustive) when comparisons made between steps
    /// change the set, as CPython's walk does.
    pub fn next_entry(&self, pos: &mut usize) -> Option<(Value, i64)> {
        let t = self.table.borrow();
        while let Some(slot) = t.slots.get(*pos) {
            *pos += 1;
            if slot.is_active() {
                return Some((slot.key.clone(), slot.hash));
            }
        }
        None
    }

    /// `set_merge` for another set: the layout-preserving merge when possible.
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

    /// `set_update_dict`: one resize up front, then insert in order.
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
        (pos..t.slots.len()).find(|&i| t.slots[i].is_active()).map(|i| (i, t.slots[i].key.clone()))
    }
}

/// `KeyError(key)` for `set.remove`.
pub fn key_error(key: &Value) -> PyErr {
    PyErr::with_args(ExcKind::KeyError, vec![key.clone()])
}
