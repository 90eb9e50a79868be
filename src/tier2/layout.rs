//! The object offsets compiled code's inline fast paths read (`abi::ObjectLayout`),
//! computed from the VM's own definitions.
//!
//! Fields of the VM's structs come from `std::mem::offset_of!` (through the
//! `*_OFFSET` constants next to each private field). Two steps go through standard
//! library types whose field order Rust leaves unspecified: the value inside a
//! `RefCell` (dict tables, list items) and a `Vec`'s buffer pointer and length. Those
//! are measured once on the running build (`RefCell::as_ptr`, and a `Vec` whose three
//! words are told apart by value). The unit tests read real lists, dicts and instances
//! through the result and compare with the safe accessors.
//!
//! What the layout depends on, for anyone changing these objects: `InstanceObj`'s
//! `cls` and `dict` fields (class and attribute dict, both always present),
//! `TypeObj`'s version, `DictObj`'s table of `Entry { hash, key, value }` in a `Vec`,
//! `ListObj`'s items as a `RefCell<Vec<Value>>`, and `CacheEntry` (the inline cache).

use crate::object::{ObjHeader, ObjKind};
use crate::objects::code::CacheEntry;
use crate::objects::dict::{DictTable, Entry};
use crate::objects::iter::{IterState, IteratorObj};
use crate::objects::{DictObj, InstanceObj, ListObj, ModuleObj, TypeObj};
use crate::value::Value;
use monjit_jit::abi::{CacheLayout, GlobalCacheLayout, ObjectLayout};
use std::cell::RefCell;

/// Offset of the value inside a `RefCell<T>`, measured on one holding `value`.
fn refcell_value_offset<T>(value: T) -> usize {
    let cell = RefCell::new(value);
    cell.as_ptr() as usize - &cell as *const RefCell<T> as usize
}

/// Offsets of a `Vec<T>`'s buffer pointer and length within it.
fn vec_ptr_len_offsets<T>(make: impl Fn() -> T) -> (usize, usize) {
    const WORDS: usize = 3;
    assert_eq!(std::mem::size_of::<Vec<T>>(), WORDS * std::mem::size_of::<usize>(), "Vec is three words");
    // Length 3, capacity 7 and a heap address: three different numbers.
    let mut v: Vec<T> = Vec::with_capacity(7);
    v.extend((0..3).map(|_| make()));
    // SAFETY: a Vec is three plain machine words (asserted above: a pointer, a
    // capacity and a length, no padding); they are only read as integers.
    let words: [usize; WORDS] = unsafe { std::mem::transmute_copy(&v) };
    let find = |x: usize| words.iter().position(|&w| w == x).expect("Vec field found") * std::mem::size_of::<usize>();
    (find(v.as_ptr() as usize), find(v.len()))
}

/// Where a built-in iterator's tag and its range and list fields are, as offsets
/// from the iterator object, with the tags of range and list iterators.
struct IterLayout {
    tag: usize,
    range_tag: u8,
    list_tag: u8,
    range_next: usize,
    range_step: usize,
    range_remaining: usize,
    list_seq: usize,
    list_index: usize,
}

/// Measures `IterLayout` on real iterator states: `IterState` is `repr(u8)`, so its
/// tag is its first byte; the fields' offsets are read off references into the state.
fn iter_layout() -> IterLayout {
    let state = std::mem::offset_of!(IteratorObj, state) + refcell_value_offset(IterState::Exhausted);
    let tag_of = |s: &IterState| {
        // SAFETY: a `repr(u8)` enum starts with its `u8` tag.
        unsafe { *(s as *const IterState as *const u8) }
    };
    let at = |s: &IterState, field: *const u8| state + (field as usize - s as *const IterState as usize);
    let range = IterState::Range { next: 0, step: 0, remaining: 0 };
    let IterState::Range { next, step, remaining } = &range else { unreachable!("made as a range") };
    let list = IterState::List { seq: Value::NONE, index: 0 };
    let IterState::List { seq, index } = &list else { unreachable!("made as a list") };
    IterLayout {
        tag: state,
        range_tag: tag_of(&range),
        list_tag: tag_of(&list),
        range_next: at(&range, next as *const i64 as _),
        range_step: at(&range, step as *const i64 as _),
        range_remaining: at(&range, remaining as *const i64 as _),
        list_seq: at(&list, seq as *const Value as _),
        list_index: at(&list, index as *const usize as _),
    }
}

/// Computes the layout (once per process: it is the same for every object).
pub fn object_layout() -> ObjectLayout {
    static LAYOUT: std::sync::OnceLock<ObjectLayout> = std::sync::OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let (entries_ptr, entries_len) = vec_ptr_len_offsets(|| Entry { hash: 0, key: Value::NULL, value: Value::NULL });
        let (items_ptr, items_len) = vec_ptr_len_offsets(|| Value::NONE);
        let dict_table = DictObj::TABLE_OFFSET + refcell_value_offset(DictTable::default());
        let table = dict_table + DictTable::ENTRIES_OFFSET;
        let items = ListObj::ITEMS_OFFSET + refcell_value_offset(Vec::<Value>::new());
        let i = |x: usize| i32::try_from(x).expect("small offset");
        let it = iter_layout();
        ObjectLayout {
            kind: i(ObjHeader::KIND_OFFSET),
            kind_instance: ObjKind::Instance as u8,
            kind_list: ObjKind::List as u8,
            instance_class: i(std::mem::offset_of!(InstanceObj, cls)),
            instance_dict: i(std::mem::offset_of!(InstanceObj, dict)),
            type_version: i(TypeObj::VERSION_OFFSET),
            dict_entries: i(table + entries_ptr),
            dict_entries_len: i(table + entries_len),
            dict_keys_version: i(dict_table + DictTable::KEYS_VERSION_OFFSET),
            entry_size: i(std::mem::size_of::<Entry>()),
            entry_hash: i(std::mem::offset_of!(Entry, hash)),
            entry_key: i(std::mem::offset_of!(Entry, key)),
            entry_value: i(std::mem::offset_of!(Entry, value)),
            list_items: i(items + items_ptr),
            list_len: i(items + items_len),
            kind_module: ObjKind::Module as u8,
            module_dict: i(std::mem::offset_of!(ModuleObj, dict)),
            kind_iterator: ObjKind::Iterator as u8,
            iter_tag: i(it.tag),
            iter_tag_range: it.range_tag,
            iter_tag_list: it.list_tag,
            range_next: i(it.range_next),
            range_step: i(it.range_step),
            range_remaining: i(it.range_remaining),
            list_iter_seq: i(it.list_seq),
            list_iter_index: i(it.list_index),
            for_iter_range: crate::interp::instrumented::FOR_ITER_RANGE,
            for_iter_list: crate::interp::instrumented::FOR_ITER_LIST,
            cache: CacheLayout {
                version: i(std::mem::offset_of!(CacheEntry, version)),
                version2: i(std::mem::offset_of!(CacheEntry, version2)),
                index: i(std::mem::offset_of!(CacheEntry, index)),
            },
            global_cache: GlobalCacheLayout {
                globals_version: i(std::mem::offset_of!(CacheEntry, version)),
                builtins_version: i(std::mem::offset_of!(CacheEntry, version2)),
                index: i(std::mem::offset_of!(CacheEntry, index)),
                aux: i(std::mem::offset_of!(CacheEntry, aux)),
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use monjit_jit::abi::PTR_BASE;

    /// Reads a `T` at `offset` from the address of `base` (a pointer Value) or of a
    /// plain address.
    ///
    /// # Safety
    /// `addr + offset` must hold a live, aligned `T`.
    unsafe fn read<T: Copy>(addr: usize, offset: i32) -> T {
        // SAFETY: the caller's guarantee.
        unsafe { *((addr as isize + offset as isize) as *const T) }
    }

    fn addr(v: &Value) -> usize {
        (v.bits() - PTR_BASE) as usize
    }

    #[test]
    fn lists_read_through_the_layout_match_their_items() {
        let l = object_layout();
        let items = vec![Value::small_int(4), Value::NONE, Value::small_int(-2)];
        let list = crate::objects::list::new_list(items);
        let a = addr(&list);
        // SAFETY: `list` is alive and the offsets are its fields (what is tested).
        unsafe {
            assert_eq!(read::<u8>(a, l.kind), ObjKind::List as u8);
            assert_eq!(read::<usize>(a, l.list_len), 3);
            let data: usize = read(a, l.list_items);
            let lo = list.downcast::<ListObj>().unwrap();
            for k in 0..3 {
                assert_eq!(read::<u64>(data, (k * 8) as i32), lo.get(k).unwrap().bits());
            }
        }
    }

    #[test]
    fn instances_read_through_the_layout_match_their_class_and_dict() {
        let l = object_layout();
        let mut vm = crate::vm::Vm::new();
        let globals = vm.exec("class C:\n    pass\nc = C()\nc.a = 1\nc.b = 'x'\n").expect("runs");
        let name = vm.intern("c");
        let c = globals.downcast::<DictObj>().unwrap().get_str(&name).expect("c defined");
        let inst = c.downcast::<InstanceObj>().unwrap();
        let a = addr(&c);
        // SAFETY: `c` is alive and the offsets are its fields (what is tested).
        unsafe {
            assert_eq!(read::<u8>(a, l.kind), ObjKind::Instance as u8);
            let cls: u64 = read(a, l.instance_class);
            assert_eq!(cls, inst.cls.bits());
            assert_eq!(read::<u64>((cls - PTR_BASE) as usize, l.type_version), inst.class().version());
            let dict: u64 = read(a, l.instance_dict);
            assert_eq!(dict, inst.dict.bits());
            let d = (dict - PTR_BASE) as usize;
            let t = inst.dict().table();
            let entries = t.entries();
            assert_eq!(read::<usize>(d, l.dict_entries_len), entries.len());
            assert_eq!(read::<u64>(d, l.dict_keys_version), t.keys_version());
            let data: usize = read(d, l.dict_entries);
            for (k, e) in entries.iter().enumerate() {
                let at = data + k * l.entry_size as usize;
                assert_eq!(read::<i64>(at, l.entry_hash), e.hash);
                assert_eq!(read::<u64>(at, l.entry_key), e.key.bits());
                assert_eq!(read::<u64>(at, l.entry_value), e.value.bits());
            }
        }
    }

    #[test]
    fn iterators_read_through_the_layout_match_their_state() {
        let l = object_layout();
        let mut vm = crate::vm::Vm::new();
        let globals = vm.exec("r = iter(range(5, 50, 7))\nnext(r)\nxs = [1, 2, 3]\nli = iter(xs)\nnext(li)\n").expect("runs");
        let get = |vm: &mut crate::vm::Vm, name: &str| {
            let key = vm.intern(name);
            globals.downcast::<DictObj>().unwrap().get_str(&key).expect("defined")
        };
        let (r, li, xs) = (get(&mut vm, "r"), get(&mut vm, "li"), get(&mut vm, "xs"));
        // SAFETY: the iterators are alive and the offsets are their fields (what is
        // tested); no borrow of their states is active.
        unsafe {
            let a = addr(&r);
            assert_eq!(read::<u8>(a, l.kind), ObjKind::Iterator as u8);
            assert_eq!(read::<u8>(a, l.iter_tag), l.iter_tag_range);
            assert_eq!(read::<i64>(a, l.range_next), 12);
            assert_eq!(read::<i64>(a, l.range_step), 7);
            assert_eq!(read::<i64>(a, l.range_remaining), 6);
            let a = addr(&li);
            assert_eq!(read::<u8>(a, l.iter_tag), l.iter_tag_list);
            assert_ne!(l.iter_tag_list, l.iter_tag_range);
            assert_eq!(read::<u64>(a, l.list_iter_seq), xs.bits());
            assert_eq!(read::<usize>(a, l.list_iter_index), 1);
        }
    }

    #[test]
    fn cache_entries_read_through_the_layout_match() {
        let l = object_layout().cache;
        let e = std::cell::Cell::new(CacheEntry { version: 11, version2: 22, index: 33, aux: 44 });
        let a = e.as_ptr() as usize;
        // SAFETY: `e` is alive and the offsets are its fields (what is tested).
        unsafe {
            assert_eq!(read::<u64>(a, l.version), 11);
            assert_eq!(read::<u64>(a, l.version2), 22);
            assert_eq!(read::<u32>(a, l.index), 33);
            let g = object_layout().global_cache;
            assert_eq!(read::<u64>(a, g.globals_version), 11);
            assert_eq!(read::<u64>(a, g.builtins_version), 22);
            assert_eq!(read::<u32>(a, g.index), 33);
            assert_eq!(read::<u32>(a, g.aux), 44);
        }
    }
}
