//! Inline fast paths on objects (`abi::ObjectLayout`): attribute loads and stores on
//! plain instances through the VM's inline cache, method loads, and exact-list
//! indexing. Each is guarded test by test and branches to the instruction's helper on
//! any miss, so the helper alone decides every error and unusual case.

use super::{mem, Emitter, I32, I64};
use crate::abi;
use crate::ir::AttrSite;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{Block, BlockArg, InstBuilder, Value as Ssa};

/// Method loads scan the instance dict for a key that might shadow the method; past
/// this many entries they take the helper instead.
const METHOD_SCAN_LIMIT: i64 = 16;

impl Emitter<'_, '_> {
    /// The object address of pointer Value `v`.
    fn obj_addr(&mut self, v: Ssa) -> Ssa {
        self.b.ins().iadd_imm_s(v, (abi::PTR_BASE as i64).wrapping_neg())
    }

    /// Continues (in a new block) when `v` is a heap object of kind `kind`; returns
    /// its address. Branches to `miss` otherwise.
    pub(super) fn guard_kind(&mut self, v: Ssa, kind: u8, miss: Block) -> Ssa {
        let is_ptr = self.is_ptr(v);
        let ptr_b = self.b.create_block();
        self.b.ins().brif(is_ptr, ptr_b, &[], miss, &[]);
        self.b.switch_to_block(ptr_b);
        let addr = self.obj_addr(v);
        let k = self.b.ins().uload8(I32, mem(), addr, self.t.objects.kind);
        let same = self.b.ins().icmp_imm_s(IntCC::Equal, k, kind as i64);
        self.continue_if(same, miss);
        addr
    }

    /// Continues in a new block when `c` holds, else branches to `miss`.
    pub(super) fn continue_if(&mut self, c: Ssa, miss: Block) {
        let next = self.b.create_block();
        self.b.ins().brif(c, next, &[], miss, &[]);
        self.b.switch_to_block(next);
    }

    /// For an instance `owner` whose class has the version in `site`'s cache (or,
    /// with `second_version`, its `version2`): the address of the owner's instance
    /// dict. Branches to `miss` otherwise.
    fn cached_instance_dict(&mut self, owner: Ssa, site: AttrSite, second_version: bool, miss: Block) -> Ssa {
        let o = self.t.objects;
        let addr = self.guard_kind(owner, o.kind_instance, miss);
        let cls = self.b.ins().load(I64, mem(), addr, o.instance_class);
        let cls_addr = self.obj_addr(cls);
        let version = self.b.ins().load(I64, mem(), cls_addr, o.type_version);
        let cache = self.b.ins().iconst(I64, site.cache as i64);
        let cached = self.b.ins().load(I64, mem(), cache, o.cache.version);
        let same = self.b.ins().icmp(IntCC::Equal, version, cached);
        if second_version {
            // The second version is read only when the first differs.
            let hit = self.b.create_block();
            let second = self.b.create_block();
            self.b.ins().brif(same, hit, &[], second, &[]);
            self.b.switch_to_block(second);
            let other = self.b.ins().load(I64, mem(), cache, o.cache.version2);
            let same2 = self.b.ins().icmp(IntCC::Equal, version, other);
            self.b.ins().brif(same2, hit, &[], miss, &[]);
            self.b.switch_to_block(hit);
        } else {
            self.continue_if(same, miss);
        }
        let dict = self.b.ins().load(I64, mem(), addr, o.instance_dict);
        self.obj_addr(dict)
    }

    /// The address of the instance-dict entry holding `site`'s attribute of `owner`,
    /// when the inline cache holds for it (attribute form and STORE_ATTR: the type
    /// defines no such name and the entry the cache gives has the name as its key).
    fn cached_attr_entry(&mut self, owner: Ssa, site: AttrSite, miss: Block) -> Ssa {
        let dict = self.cached_instance_dict(owner, site, true, miss);
        self.cached_name_entry(dict, site, miss)
    }

    /// The address of the entry at the cache's `index` of the dict at address `dict`
    /// when that entry's key is the very name of `site`; branches to `miss` otherwise.
    fn cached_name_entry(&mut self, dict: Ssa, site: AttrSite, miss: Block) -> Ssa {
        let o = self.t.objects;
        let cache = self.b.ins().iconst(I64, site.cache as i64);
        let ix = self.b.ins().uload32(mem(), cache, o.cache.index);
        let entry = self.dict_entry(dict, ix, miss);
        let key = self.b.ins().load(I64, mem(), entry, o.entry_key);
        let same = self.b.ins().icmp_imm_s(IntCC::Equal, key, site.name as i64);
        self.continue_if(same, miss);
        entry
    }

    /// The address of entry `ix` (an `I64`) of the dict at address `dict`, holes
    /// included; branches to `miss` when it is past the end.
    fn dict_entry(&mut self, dict: Ssa, ix: Ssa, miss: Block) -> Ssa {
        let o = self.t.objects;
        let len = self.b.ins().load(I64, mem(), dict, o.dict_entries_len);
        let in_range = self.b.ins().icmp(IntCC::UnsignedLessThan, ix, len);
        self.continue_if(in_range, miss);
        let entries = self.b.ins().load(I64, mem(), dict, o.dict_entries);
        let off = self.b.ins().imul_imm_s(ix, o.entry_size as i64);
        self.b.ins().iadd(entries, off)
    }

    /// The address of item `key` of exact list `list`, when `key` is a small int in
    /// range (negative counts from the end). Branches to `miss` otherwise.
    fn list_item(&mut self, list: Ssa, key: Ssa, miss: Block) -> Ssa {
        let o = self.t.objects;
        let is_int = self.is_int(key);
        self.continue_if(is_int, miss);
        let addr = self.guard_kind(list, o.kind_list, miss);
        let len = self.b.ins().load(I64, mem(), addr, o.list_len);
        let ix = self.unbox_int(key);
        let from_end = self.b.ins().iadd(ix, len);
        let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, ix, 0);
        let ix = self.b.ins().select(negative, from_end, ix);
        let in_range = self.b.ins().icmp(IntCC::UnsignedLessThan, ix, len);
        self.continue_if(in_range, miss);
        self.list_item_at(addr, ix)
    }

    /// The address of item `ix` (in range) of the list at address `list`.
    pub(super) fn list_item_at(&mut self, list: Ssa, ix: Ssa) -> Ssa {
        let items = self.b.ins().load(I64, mem(), list, self.t.objects.list_items);
        let off = self.b.ins().ishl_imm_s(ix, 3);
        self.b.ins().iadd(items, off)
    }

    /// BINARY_OP `[]`'s inline path: jumps to `done` with the item of an exact list at
    /// a small int index (consuming both operands), or to `miss`.
    pub(super) fn subscr_list(&mut self, container: Ssa, key: Ssa, done: Block, miss: Block) {
        let item = self.list_item(container, key, miss);
        let v = self.b.ins().load(I64, mem(), item, 0);
        self.incref(v);
        // The key is a small int: nothing to release.
        self.decref(container);
        self.b.ins().jump(done, &[BlockArg::Value(v)]);
    }

    /// LOAD_GLOBAL at `i`: the dict entry its inline cache at `cache` names, while the
    /// globals' (and for a builtin, the builtins') key set is the one the cache was
    /// filled at; the helper otherwise.
    pub(super) fn load_global(&mut self, i: u32, cache: u64) {
        let o = self.t.objects;
        let g = o.global_cache;
        let miss = self.cold_block();
        let builtin = self.b.create_block();
        let lookup = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(lookup, I64);
        self.b.append_block_param(join, I64);
        let cache = self.b.ins().iconst(I64, cache as i64);
        let globals = self.b.ins().load(I64, mem(), self.frame, self.t.layout.globals);
        let globals = self.obj_addr(globals);
        let keys = self.b.ins().load(I64, mem(), globals, o.dict_keys_version);
        let cached = self.b.ins().load(I64, mem(), cache, g.globals_version);
        let keys = self.b.ins().iadd_imm_s(keys, 1);
        let same = self.b.ins().icmp(IntCC::Equal, keys, cached);
        self.continue_if(same, miss);
        let aux = self.b.ins().load(I32, mem(), cache, g.aux);
        self.b.ins().brif(aux, builtin, &[], lookup, &[BlockArg::Value(globals)]);

        self.b.switch_to_block(builtin);
        let builtins = self.b.ins().iconst(I64, self.t.builtins.wrapping_sub(abi::PTR_BASE) as i64);
        let keys = self.b.ins().load(I64, mem(), builtins, o.dict_keys_version);
        let cached = self.b.ins().load(I64, mem(), cache, g.builtins_version);
        let keys = self.b.ins().iadd_imm_s(keys, 1);
        let same = self.b.ins().icmp(IntCC::Equal, keys, cached);
        self.b.ins().brif(same, lookup, &[BlockArg::Value(builtins)], miss, &[]);

        // The entry must still be there: a deleted key is NULL at once.
        self.b.switch_to_block(lookup);
        let dict = self.b.block_params(lookup)[0];
        let ix = self.b.ins().uload32(mem(), cache, g.index);
        let entry = self.dict_entry(dict, ix, miss);
        let key = self.b.ins().load(I64, mem(), entry, o.entry_key);
        let live = self.b.ins().icmp_imm_s(IntCC::NotEqual, key, abi::NULL_BITS as i64);
        self.continue_if(live, miss);
        let v = self.b.ins().load(I64, mem(), entry, o.entry_value);
        self.incref(v);
        self.b.ins().jump(join, &[BlockArg::Value(v)]);

        self.b.switch_to_block(miss);
        let r = self.call_value_at(i, self.t.helpers.load_global as usize, &[], &[]);
        self.b.ins().jump(join, &[BlockArg::Value(r)]);

        self.b.switch_to_block(join);
        let v = self.b.block_params(join)[0];
        self.push(v);
    }

    /// LOAD_ATTR's attribute form at `i`.
    pub(super) fn load_attr(&mut self, i: u32, site: AttrSite) {
        let owner = self.pop();
        let miss = self.cold_block();
        let join = self.b.create_block();
        let hit = self.b.create_block();
        self.b.append_block_param(hit, I64);
        let not_module = self.b.create_block();
        self.module_attr(owner, site, hit, not_module, miss);
        self.b.switch_to_block(not_module);
        let entry = self.cached_attr_entry(owner, site, miss);
        let v = self.b.ins().load(I64, mem(), entry, self.t.objects.entry_value);
        self.b.ins().jump(hit, &[BlockArg::Value(v)]);
        self.b.switch_to_block(hit);
        let v = self.b.block_params(hit)[0];
        self.incref(v);
        // Releasing the owner runs no Python code (finalizers are queued; the
        // interpreter's arm has no finalizer point either).
        self.decref(owner);
        self.push(v);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(miss);
        self.depth -= 1;
        let r = self.call_result_at(i, self.t.helpers.load_attr as usize, &[I64], &[owner]);
        self.push(r);
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
    }

    /// A module attribute through the interpreter's module-attribute cache (the
    /// entry at the cache's `index` of the module dict has the name as its key, in
    /// either form of LOAD_ATTR): jumps to `hit` with the value (borrowed), to
    /// `not_module` when `owner` is not a module, to `miss` when the cache misses.
    fn module_attr(&mut self, owner: Ssa, site: AttrSite, hit: Block, not_module: Block, miss: Block) {
        let o = self.t.objects;
        let addr = self.guard_kind(owner, o.kind_module, not_module);
        let dict = self.b.ins().load(I64, mem(), addr, o.module_dict);
        let dict = self.obj_addr(dict);
        let entry = self.cached_name_entry(dict, site, miss);
        let v = self.b.ins().load(I64, mem(), entry, o.entry_value);
        self.b.ins().jump(hit, &[BlockArg::Value(v)]);
    }

    /// LOAD_ATTR's method form at `i`: (function, owner) inline, else the helper. A
    /// module attribute is a plain value here too: (attribute, NULL).
    pub(super) fn load_method(&mut self, i: u32, site: AttrSite) {
        let o = self.t.objects;
        let owner = self.peek(1);
        let miss = self.cold_block();
        let join = self.b.create_block();
        let module_hit = self.b.create_block();
        self.b.append_block_param(module_hit, I64);
        let not_module = self.b.create_block();
        self.module_attr(owner, site, module_hit, not_module, miss);
        self.b.switch_to_block(module_hit);
        let v = self.b.block_params(module_hit)[0];
        self.incref(v);
        self.decref(owner);
        self.set_peek(1, v);
        let null = self.b.ins().iconst(I64, abi::NULL_BITS as i64);
        self.push(null);
        self.b.ins().jump(join, &[]);
        self.depth -= 1;
        self.b.switch_to_block(not_module);
        let dict = self.cached_instance_dict(owner, site, false, miss);
        // The instance dict must not shadow the method: no key may hash like its name
        // (equal keys hash alike; a deleted entry or a collision just misses).
        let len = self.b.ins().load(I64, mem(), dict, o.dict_entries_len);
        let small = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThanOrEqual, len, METHOD_SCAN_LIMIT);
        self.continue_if(small, miss);
        let entries = self.b.ins().load(I64, mem(), dict, o.dict_entries);
        let size = self.b.ins().imul_imm_s(len, o.entry_size as i64);
        let end = self.b.ins().iadd(entries, size);
        let scan = self.b.create_block();
        let step = self.b.create_block();
        let found = self.b.create_block();
        self.b.append_block_param(scan, I64);
        self.b.ins().jump(scan, &[BlockArg::Value(entries)]);
        self.b.switch_to_block(scan);
        let at = self.b.block_params(scan)[0];
        let done = self.b.ins().icmp(IntCC::Equal, at, end);
        self.b.ins().brif(done, found, &[], step, &[]);
        self.b.switch_to_block(step);
        let h = self.b.ins().load(I64, mem(), at, o.entry_hash);
        let clash = self.b.ins().icmp_imm_s(IntCC::Equal, h, site.hash);
        let next = self.b.ins().iadd_imm_s(at, o.entry_size as i64);
        self.b.ins().brif(clash, miss, &[], scan, &[BlockArg::Value(next)]);
        self.b.switch_to_block(found);
        let cache = self.b.ins().iconst(I64, site.cache as i64);
        let func = self.b.ins().load(I64, mem(), cache, o.cache.version2);
        self.incref(func);
        self.set_peek(1, func);
        self.push(owner);
        self.b.ins().jump(join, &[]);

        self.b.switch_to_block(miss);
        self.depth -= 1;
        self.stack_op_with(self.t.helpers.load_method as usize, i, 1, 2, 0, |e, _| e.exit_deopt(i + 1));
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
    }

    /// STORE_ATTR at `i`: in place in the instance dict, else through `stack_op`.
    pub(super) fn store_attr(&mut self, i: u32, site: AttrSite) {
        let owner = self.pop();
        let value = self.pop();
        let miss = self.cold_block();
        let join = self.b.create_block();
        let entry = self.cached_attr_entry(owner, site, miss);
        let off = self.t.objects.entry_value;
        let old = self.b.ins().load(I64, mem(), entry, off);
        self.b.ins().store(mem(), value, entry, off);
        self.decref(old);
        self.decref(owner);
        self.store_miss(i, 2, self.t.helpers.store_attr as usize, miss, join);
    }

    /// Ends the inline path of a store that took `pops` operands (jumping to `join`);
    /// its `miss` runs the store through `helper` (`stack_op`'s convention); both then
    /// reach the finalizer point after the store.
    fn store_miss(&mut self, i: u32, pops: u32, helper: usize, miss: Block, join: Block) {
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(miss);
        self.depth += pops;
        self.stack_op_with(helper, i, pops, 0, 0, |e, _| e.exit_deopt(i + 1));
        self.b.ins().jump(join, &[]);
        self.b.switch_to_block(join);
        self.finalize_point(i, i + 1);
    }

    /// STORE_SUBSCR at `i`: in place in an exact list, else through `stack_op`.
    pub(super) fn store_subscr(&mut self, i: u32) {
        let key = self.pop();
        let list = self.pop();
        let value = self.pop();
        let miss = self.cold_block();
        let join = self.b.create_block();
        let item = self.list_item(list, key, miss);
        let old = self.b.ins().load(I64, mem(), item, 0);
        self.b.ins().store(mem(), value, item, 0);
        self.decref(old);
        // The key is a small int: nothing to release.
        self.decref(list);
        self.store_miss(i, 3, self.t.helpers.stack_op as usize, miss, join);
    }
}
