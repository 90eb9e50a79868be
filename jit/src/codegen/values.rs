//! Values in compiled code: tag tests, (un)boxing, reference counts.

use super::{mem, Emitter, I32, I64};
use crate::abi;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value as Ssa};

impl Emitter<'_, '_> {
    pub(super) fn is_ptr(&mut self, v: Ssa) -> Ssa {
        self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, v, abi::PTR_BASE as i64)
    }

    pub(super) fn is_int(&mut self, v: Ssa) -> Ssa {
        let tag = self.b.ins().ushr_imm_s(v, abi::TAG_SHIFT);
        self.b.ins().icmp_imm_s(IntCC::Equal, tag, abi::TAG_INT as i64)
    }

    pub(super) fn is_float(&mut self, v: Ssa) -> Ssa {
        self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, v, abi::FLOAT_LIMIT as i64)
    }

    pub(super) fn unbox_int(&mut self, v: Ssa) -> Ssa {
        let s = self.b.ins().ishl_imm_s(v, 16);
        self.b.ins().sshr_imm_s(s, 16)
    }

    pub(super) fn box_int(&mut self, r: Ssa) -> Ssa {
        let p = self.b.ins().band_imm_s(r, abi::PAYLOAD_MASK as i64);
        self.b.ins().bor_imm_s(p, abi::INT_BASE as i64)
    }

    pub(super) fn fits_small(&mut self, r: Ssa) -> Ssa {
        let x = self.unbox_int(r);
        self.b.ins().icmp(IntCC::Equal, x, r)
    }

    pub(super) fn bool_value(&mut self, c: Ssa) -> Ssa {
        let t = self.b.ins().iconst(I64, abi::TRUE_BITS as i64);
        let f = self.b.ins().iconst(I64, abi::FALSE_BITS as i64);
        self.b.ins().select(c, t, f)
    }

    /// A float result as a Value: NaNs become one of the two canonical NaNs
    /// (`Value::float`).
    pub(super) fn box_float(&mut self, x: Ssa) -> Ssa {
        let bits = self.b.ins().bitcast(I64, MemFlagsData::new(), x);
        let is_nan = self.b.ins().fcmp(FloatCC::Unordered, x, x);
        let neg_canon = self.b.ins().icmp_imm_s(IntCC::Equal, bits, (abi::CANONICAL_NAN | (1 << 63)) as i64);
        let canon = self.b.ins().iconst(I64, abi::CANONICAL_NAN as i64);
        let nan_bits = self.b.ins().select(neg_canon, bits, canon);
        self.b.ins().select(is_nan, nan_bits, bits)
    }

    pub(super) fn incref(&mut self, v: Ssa) {
        let p = self.is_ptr(v);
        let inc = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(p, inc, &[], cont, &[]);
        self.b.switch_to_block(inc);
        let addr = self.b.ins().iadd_imm_s(v, (abi::PTR_BASE as i64).wrapping_neg());
        let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
        let rc = self.b.ins().iadd_imm_s(rc, 1);
        self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// Increments the count of a constant known at compile time.
    pub(super) fn incref_const(&mut self, bits: u64) {
        if bits >= abi::PTR_BASE {
            let addr = self.b.ins().iconst(I64, bits.wrapping_sub(abi::PTR_BASE) as i64);
            let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
            let rc = self.b.ins().iadd_imm_s(rc, 1);
            self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        }
    }

    pub(super) fn decref(&mut self, v: Ssa) {
        let p = self.is_ptr(v);
        let dec = self.b.create_block();
        let release = self.cold_block();
        let cont = self.b.create_block();
        self.b.ins().brif(p, dec, &[], cont, &[]);
        self.b.switch_to_block(dec);
        let addr = self.b.ins().iadd_imm_s(v, (abi::PTR_BASE as i64).wrapping_neg());
        let rc = self.b.ins().load(I32, mem(), addr, abi::REFCOUNT_OFFSET);
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        let store = self.b.create_block();
        self.b.ins().brif(last, release, &[], store, &[]);
        self.b.switch_to_block(store);
        let rc = self.b.ins().iadd_imm_s(rc, -1);
        self.b.ins().store(mem(), rc, addr, abi::REFCOUNT_OFFSET);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(release);
        self.call_helper(self.t.helpers.release as usize, &[I64], false, &[v]);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }
}
