//! `dict`: CPython's compact, insertion-ordered hash table.
//!
//! An index table (open addressing, CPython's perturbed probing) points into a dense
//! entry vector kept in insertion order; deleted entries leave a hole (NULL key) until the
//! next resize compacts them.
//!
//! Key comparison may run Python code (`__eq__`), which may mutate the very dict being
//! searched. So probing happens under a short borrow with "pure" comparisons only; when a
//! candidate needs Python, the candidates are copied out, compared with no borrow held,
//! and the search restarts if the table changed meanwhile (as CPython does).

use crate::error::{ExcKind, PyErr, PyResult};
use crate::object::{alloc, ObjHeader, ObjKind, PyObject};
use crate::value::Value;
use std::cell::{Ref, RefCell};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;

pub struct Entry {
    pub hash: i64,
    /// `Value::NULL` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<i32>,
    entries: Vec<Entry>,
    used: usize,
    /// Bumped whenever the set of keys (or their positions) changes; value updates keep
    /// it. Look-up caches and in-flight searches compare it.
    keys_version: u64,
}

impl DictTable {
    /// Offset of the entries `Vec` (compiled code's inline attribute access, `tier2::layout`).
    pub const ENTRIES_OFFSET: usize = std::mem::offset_of!(DictTable, entries);
    /// Offset of the keys version (compiled code's inline LOAD_GLOBAL).
    pub const KEYS_VERSION_OFFSET: usize = std::mem::offset_of!(DictTable, keys_version);

    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }
    /// Entries in insertion order, holes included (their key is NULL).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Probes for `hash`, calling `check` on each live entry with that hash until it
    /// returns `Some`. Returns the entry index found, or the result of `check`.
    #[inline]
    fn probe(&self, hash: i64, mut check: impl FnMut(usize, &Entry) -> Option<bool>) -> Probe {
        if self.indices.is_empty() {
            return Probe::Absent;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Absent;
            }
            if ix >= 0 {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    match check(ix as usize, e) {
                        Some(true) => return Probe::Found(ix as usize),
                        Some(false) => {}
                        None => return Probe::NeedsPython,
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Finds a key by identity or a comparison that runs no Python code.
    #[inline]
    pub fn find_pure(&self, key: &Value, hash: i64) -> Probe {
        self.probe(hash, |_, e| if e.key.is_same(key) { Some(true) } else { pure_eq(key, &e.key) })
    }

    /// Every live entry with this hash, in probe order (for the slow path).
    fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        self.probe(hash, |ix, e| {
            out.push((ix, e.key.clone()));
            Some(false)
        });
        out
    }

    fn slot_for_new(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        i
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        // Grow when the index table would pass 2/3 full (holes count as used).
        if (self.entries.len() + 1) * 3 > self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let slot = self.slot_for_new(hash);
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.keys_version += 1;
    }

    fn resize(&mut self, min_size: usize) {
        let mut size = 8;
        while size < min_size {
            size <<= 1;
        }
        if self.entries.len() != self.used {
            self.entries.retain(|e| !e.key.is_null());
        }
        self.indices = vec![EMPTY; size];
        for k in 0..self.entries.len() {
            let slot = self.slot_for_new(self.entries[k].hash);
            self.indices[slot] = k as i32;
        }
        self.keys_version += 1;
    }

    /// Replaces the value of entry `ix`, returning the old one.
    pub fn replace_value(&mut self, ix: usize, value: Value) -> Value {
        std::mem::replace(&mut self.entries[ix].value, value)
    }

    /// Removes entry `ix`, returning its key and value.
    pub fn remove_entry(&mut self, ix: usize) -> (Value, Value) {
        let hash = self.entries[ix].hash;
        // Find the index slot pointing at ix and mark it dummy.
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != ix as i32 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.indices[i] = DUMMY;
        let e = &mut self.entries[ix];
        let key = std::mem::replace(&mut e.key, Value::NULL);
        let value = std::mem::replace(&mut e.value, Value::NULL);
        self.used -= 1;
        self.keys_version += 1;
        (key, value)
    }

    /// Removes everything, returning the entries so they drop after the borrow.
    pub fn clear(&mut self) -> Vec<Entry> {
        self.indices = Vec::new();
        self.used = 0;
        self.keys_version += 1;
        std::mem::take(&mut self.entries)
    }

    /// The next live entry at or after position `pos`.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// Last live entry (for `popitem`).
    pub fn last_entry(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_null())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }
}

pub enum Probe {
    Found(usize),
    Absent,
    NeedsPython,
}

/// Equality decided without running Python code, or `None` when `__eq__` may be needed.
pub fn pure_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is_same(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (a.as_bytes(), b.as_bytes()) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        return Some(crate::objects::int::int_cmp(x, y).is_eq());
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(x == y);
    }
    let mixed = match (a.as_float(), b.as_float()) {
        (Some(f), None) => b.as_int().map(|i| (i, f)),
        (None, Some(f)) => a.as_int().map(|i| (i, f)),
        _ => None,
    };
    if let Some((i, f)) = mixed {
        return Some(crate::objects::float::compare_int_float(i, f) == Some(std::cmp::Ordering::Equal));
    }
    if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
        if x.len() != y.len() {
            return Some(false);
        }
        for (p, q) in x.iter().zip(y) {
            match pure_eq(p, q)? {
                true => {}
                false => return Some(false),
            }
        }
        return Some(true);
    }
    // Different immediate kinds (None vs int...) are simply unequal.
    if !a.is_ptr() && !b.is_ptr() {
        return Some(false);
    }
    // A user class may define __eq__ against anything; only built-in pairs are decided.
    let builtin = |v: &Value| !v.is_ptr() || matches!(v.kind(), Some(ObjKind::Str | ObjKind::Bytes | ObjKind::BigInt | ObjKind::Tuple));
    if builtin(a) && builtin(b) {
        return Some(false);
    }
    None
}

/// The hash of a dict key, with CPython 3.14's wording when it is unhashable.
pub fn key_hash(vm: &mut crate::vm::Vm, key: &Value) -> PyResult<i64> {
    vm.hash(key).map_err(|e| unhashable_as(vm, key, e, "a dict key"))
}

/// Rewords a TypeError raised while hashing `key` the way CPython 3.14's dicts and sets
/// do: `cannot use 'list' as a dict key (unhashable type: 'list')`. Other errors (and
/// TypeError subclasses) pass through unchanged.
pub fn unhashable_as(vm: &mut crate::vm::Vm, key: &Value, err: PyErr, role: &str) -> PyErr {
    let detail = match err {
        PyErr::Msg { kind: ExcKind::TypeError, msg } => msg,
        PyErr::Msg { .. } => return err,
        PyErr::Lazy { kind, .. } if kind != ExcKind::TypeError => return err,
        other => {
            let exc = vm.normalize(other);
            if !vm.type_ref(&exc).is_same(vm.exc_type(ExcKind::TypeError)) {
                return PyErr::Obj(exc);
            }
            match crate::runtime::exceptions::exception_str(vm, &exc) {
                Ok(s) => s,
                Err(_) => return PyErr::Obj(exc),
            }
        }
    };
    PyErr::new(ExcKind::TypeError, format!("cannot use '{}' as {role} ({detail})", vm.type_name(key)))
}

#[repr(C)]
pub struct DictObj {
    header: ObjHeader,
    table: RefCell<DictTable>,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for DictObj {
    const KIND: ObjKind = ObjKind::Dict;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(t) = self.table.try_borrow() {
            for e in t.iter() {
                visit(&e.key);
                visit(&e.value);
            }
        }
    }
    fn clear(&self) {
        let old = self.table.borrow_mut().clear();
        drop(old);
    }
}

pub fn new_dict() -> Value {
    alloc(DictObj { header: ObjHeader::new(ObjKind::Dict), table: RefCell::new(DictTable::default()) })
}

impl DictObj {
    /// Offset of the table's `RefCell` (compiled code's inline attribute access, `tier2::layout`).
    pub const TABLE_OFFSET: usize = std::mem::offset_of!(DictObj, table);

    /// Borrows the table for reading. Hold it only while no Python code runs.
    pub fn table(&self) -> Ref<'_, DictTable> {
        self.table.borrow()
    }

    /// The table, with no borrow guard kept (`RefCell::try_borrow_unguarded`).
    ///
    /// # Safety
    /// Nothing may borrow the table mutably while the reference lives: the caller only
    /// reads, and runs no code that could change the dict meanwhile.
    #[inline(always)]
    pub unsafe fn table_unguarded(&self) -> &DictTable {
        // SAFETY: the caller's guarantee.
        unsafe { self.table.try_borrow_unguarded() }.expect("dict table borrowed mutably")
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys_version(&self) -> u64 {
        self.table.borrow().keys_version
    }

    /// Finds the entry index of `key` (hash given), running `__eq__` when needed.
    pub fn find(&self, vm: &mut crate::vm::Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        match self.table.borrow().find_pure(key, hash) {
            Probe::Found(ix) => return Ok(Some(ix)),
            Probe::Absent => return Ok(None),
            Probe::NeedsPython => {}
        }
        'restart: loop {
            let (version, candidates) = {
                let t = self.table.borrow();
                (t.keys_version, t.candidates(hash))
            };
            for (ix, k) in candidates {
                // CPython compares `stored == probe`, the stored key on the left.
                let equal = k.is_same(key) || vm.eq_bool(&k, key)?;
                if self.table.borrow().keys_version != version {
                    continue 'restart;
                }
                if equal {
                    return Ok(Some(ix));
                }
            }
            return Ok(None);
        }
    }

    pub fn get_item(&self, vm: &mut crate::vm::Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(vm, key)?;
        self.get_with_hash(vm, key, hash)
    }

    pub fn get_with_hash(&self, vm: &mut crate::vm::Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        Ok(self.find(vm, key, hash)?.map(|ix| self.table.borrow().entries[ix].value.clone()))
    }

    pub fn set_item(&self, vm: &mut crate::vm::Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = key_hash(vm, &key)?;
        self.set_with_hash(vm, key, hash, value)
    }

    pub fn set_with_hash(&self, vm: &mut crate::vm::Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Some(ix) => {
                let old = self.table.borrow_mut().replace_value(ix, value);
                drop(old);
            }
            None => self.table.borrow_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    /// `d.setdefault(key, default)`: one hash and one look-up, as CPython.
    pub fn setdefault(&self, vm: &mut crate::vm::Vm, key: Value, default: Value) -> PyResult<Value> {
        let hash = key_hash(vm, &key)?;
        if let Some(ix) = self.find(vm, &key, hash)? {
            return Ok(self.table.borrow().entries[ix].value.clone());
        }
        self.table.borrow_mut().insert_new(hash, key, default.clone());
        Ok(default)
    }

    /// Removes `key`, returning its value if it was present.
    pub fn remove(&self, vm: &mut crate::vm::Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = key_hash(vm, key)?;
        match self.find(vm, key, hash)? {
            Some(ix) => {
                let (_k, v) = self.table.borrow_mut().remove_entry(ix);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }

    // ----- string-keyed access that never runs Python code (namespaces) -----

    /// Looks up a `str` key (interned or not) without running Python code.
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let s = key.downcast::<crate::objects::StrObj>()?;
        let t = self.table.borrow();
        match t.find_pure(key, s.hash()) {
            Probe::Found(ix) => Some(t.entries[ix].value.clone()),
            _ => None,
        }
    }

    /// Entry index of a `str` key (for look-up caches).
    pub fn index_of_str(&self, key: &Value) -> Option<usize> {
        let s = key.downcast::<crate::objects::StrObj>()?;
        match self.table.borrow().find_pure(key, s.hash()) {
            Probe::Found(ix) => Some(ix),
            _ => None,
        }
    }

    /// The value of entry `ix` when that entry's key is `key` itself: the check an
    /// attribute cache makes (instances of a class usually store their attributes in
    /// the same order, so one index serves them all).
    #[inline(always)]
    pub fn value_at_if_key(&self, ix: usize, key: &Value) -> Option<Value> {
        // SAFETY: the table is only read here, and cloning a value runs no code that
        // could borrow it mutably while the reference lives.
        let t = unsafe { self.table_unguarded() };
        let e = t.entries.get(ix)?;
        if e.key.is_same(key) { Some(e.value.clone()) } else { None }
    }

    /// Replaces the value of entry `ix` when its key is `key` itself, returning the old
    /// value (for the caller to drop once no borrow is held); gives `value` back if the
    /// entry does not match.
    #[inline(always)]
    pub fn replace_at_if_key(&self, ix: usize, key: &Value, value: Value) -> Result<Value, Value> {
        self.replace_at_if_key_when(ix, key, value, |_| true)
    }

    /// `replace_at_if_key`, when also `ok` holds for the old value (only looked at).
    #[inline(always)]
    pub fn replace_at_if_key_when(&self, ix: usize, key: &Value, value: Value, ok: impl FnOnce(&Value) -> bool) -> Result<Value, Value> {
        let mut t = self.table.borrow_mut();
        match t.entries.get_mut(ix) {
            Some(e) if e.key.is_same(key) && ok(&e.value) => Ok(std::mem::replace(&mut e.value, value)),
            _ => Err(value),
        }
    }

    /// The value of entry `ix` if it is still live.
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<Value> {
        let t = self.table.borrow();
        t.entries.get(ix).filter(|e| !e.key.is_null()).map(|e| e.value.clone())
    }

    /// Sets a `str` key without running Python code.
    pub fn set_str(&self, key: Value, value: Value) {
        let hash = key.downcast::<crate::objects::StrObj>().expect("str key").hash();
        let found = self.table.borrow().find_pure(&key, hash);
        match found {
            Probe::Found(ix) => {
                let old = self.table.borrow_mut().replace_value(ix, value);
                drop(old);
            }
            _ => self.table.borrow_mut().insert_new(hash, key, value),
        }
    }

    /// Removes a `str` key without running Python code.
    pub fn remove_str(&self, key: &Value) -> Option<Value> {
        let hash = key.downcast::<crate::objects::StrObj>()?.hash();
        let found = self.table.borrow().find_pure(key, hash);
        match found {
            Probe::Found(ix) => Some(self.table.borrow_mut().remove_entry(ix).1),
            _ => None,
        }
    }

    /// Appends an entry whose key is known to be absent (building a fresh dict).
    pub fn insert_new(&self, hash: i64, key: Value, value: Value) {
        self.table.borrow_mut().insert_new(hash, key, value);
    }

    pub fn remove_at(&self, ix: usize) -> (Value, Value) {
        self.table.borrow_mut().remove_entry(ix)
    }

    pub fn clear_all(&self) {
        let old = self.table.borrow_mut().clear();
        drop(old);
    }

    /// (key, value) pairs in order (new references).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.value.clone()).collect()
    }

    /// (key, value, hash) of the next live entry at or after `pos`, and its position.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value, Value, i64)> {
        let t = self.table.borrow();
        t.next_entry(pos).map(|(p, e)| (p, e.key.clone(), e.value.clone(), e.hash))
    }

    /// A copy with the same order and hashes.
    pub fn copy(&self) -> Value {
        let d = new_dict();
        {
            let src = self.table.borrow();
            let dst = d.downcast::<DictObj>().expect("dict");
            let mut t = dst.table.borrow_mut();
            for e in src.iter() {
                t.insert_new(e.hash, e.key.clone(), e.value.clone());
            }
        }
        d
    }
}

/// A view object: `d.keys()`, `d.values()`, `d.items()`.
#[repr(C)]
pub struct DictViewObj {
    header: ObjHeader,
    pub dict: Value,
    pub kind: DictViewKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

// SAFETY: repr(C), header first, kind matches the registry.
unsafe impl PyObject for DictViewObj {
    const KIND: ObjKind = ObjKind::DictView;
    const CONTAINER: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

pub fn new_dict_view(dict: Value, kind: DictViewKind) -> Value {
    alloc(DictViewObj { header: ObjHeader::new(ObjKind::DictView), dict, kind })
}
