//! The Mersenne Twister MT19937 exactly as CPython's `Modules/_randommodule.c` uses it:
//! `init_by_array` seeding, 32-bit output, the 53-bit `random()` and `getrandbits`.

use num_bigint::BigUint;

pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[derive(Clone)]
pub struct Mt {
    pub state: [u32; N],
    /// Next word to temper; `N` means the block must be regenerated first.
    pub index: usize,
}

impl Default for Mt {
    fn default() -> Self {
        let mut mt = Mt { state: [0; N], index: N + 1 };
        mt.init_genrand(19_650_218);
        mt
    }
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// CPython's `init_by_array`; `key` must not be empty.
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Seeds from a non-negative integer: its 32-bit words, least significant first.
    pub fn seed_biguint(&mut self, n: &BigUint) {
        let mut key = n.to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: 53 random bits in [0, 1).
    #[inline]
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    #[inline]
    pub fn bits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.next_u32() as u64;
                let hi = (self.next_u32() >> (64 - k)) as u64;
                lo | (hi << 32)
            }
        }
    }

    /// `getrandbits(k)` for any `k`: words from least to most significant, the last
    /// one shifted right to drop its surplus low bits.
    pub fn bits_big(&mut self, mut k: u64) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.bits_u64(k as u32));
        }
        let words = (k - 1) / 32 + 1;
        let mut v = Vec::with_capacity(words as usize);
        for _ in 0..words {
            let mut r = self.next_u32();
            if k < 32 {
                r >>= 32 - k;
            }
            v.push(r);
            k = k.saturating_sub(32);
        }
        BigUint::new(v)
    }

    /// `_randbelow_with_getrandbits(n)` for `0 < n < 2**64`.
    #[inline]
    pub fn below_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for any `n > 0`.
    pub fn below_big(&mut self, n: &BigUint) -> BigUint {
        if let Ok(s) = u64::try_from(n) {
            return BigUint::from(self.below_u64(s));
        }
        let k = n.bits();
        loop {
            let r = self.bits_big(k);
            if &r < n {
                return r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_seed_42() {
        // CPython 3.14: random.seed(42); random.getrandbits(32) twice, then random().
        let mut mt = Mt::default();
        mt.seed_biguint(&BigUint::from(42u32));
        assert_eq!(mt.next_u32(), 2_746_317_213);
        let mut mt = Mt::default();
        mt.seed_biguint(&BigUint::from(42u32));
        assert_eq!(mt.random(), 0.6394267984578837);
    }
}
