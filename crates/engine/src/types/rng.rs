//! CPython's Mersenne Twister (`_randommodule.c`), so seeded programs print what CPython prints.
//! `random.Random`'s state is one of these, boxed inside a native object.

use num_traits::Signed;

pub struct Rng {
    mt: [u32; 624],
    index: usize,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng { mt: [0; 624], index: 624 };
        r.seed_words(&[seed as u32, (seed >> 32) as u32]);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..624 {
            self.mt[i] = 1812433253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = 624;
    }

    /// CPython's `init_by_array` (random.seed(int) feeds the int's 32-bit words).
    pub fn seed_words(&mut self, key: &[u32]) {
        let key: Vec<u32> = if key.is_empty() { vec![0] } else { key.to_vec() };
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let n = 624;
        let mut k = n.max(key.len());
        while k > 0 {
            self.mt[i] =
                (self.mt[i] ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= n {
                self.mt[0] = self.mt[n - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = n - 1;
        while k > 0 {
            self.mt[i] = (self.mt[i] ^ (self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= n {
                self.mt[0] = self.mt[n - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
        self.index = 624;
    }

    pub fn seed_int(&mut self, n: &num_bigint::BigInt) {
        let (_, words) = n.abs().to_u32_digits();
        self.seed_words(&words);
    }

    pub fn genrand(&mut self) -> u32 {
        if self.index >= 624 {
            for i in 0..624 {
                let y = (self.mt[i] & 0x80000000) | (self.mt[(i + 1) % 624] & 0x7fffffff);
                let mut v = self.mt[(i + 397) % 624] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908b0df;
                }
                self.mt[i] = v;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    /// The 624 words and the position in them (random.getstate()).
    pub fn state(&self) -> ([u32; 624], usize) {
        (self.mt, self.index)
    }

    pub fn set_state(&mut self, mt: [u32; 624], index: usize) {
        self.mt = mt;
        self.index = index;
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k.min(64))) as u64;
        lo | (hi << 32)
    }

    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}
