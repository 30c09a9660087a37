//! `set` and `frozenset` storage laid out as CPython's Objects/setobject.c lays it out: an open
//! addressing table (linear probes, then perturbed jumps), dummies left by removals, resizes at
//! the same fill, copies and merges that keep or rebuild the layout as CPython's do. A set's
//! iteration order is its table order, so `{3, 1, 2}` prints `{1, 2, 3}` as under CPython (for
//! numbers and tuples, whose hashes are CPython's; strings hash differently in every CPython
//! run anyway).

use crate::types::value::Key;

const MIN_SIZE: usize = 8;

const LINEAR_PROBES: usize = 9;

const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    Dummy,
    Full(Key),
}

#[derive(Clone)]
pub struct PySet {
    table: Vec<Slot>,
    /// Active entries.
    used: usize,
    /// Active entries and dummies.
    fill: usize,
    /// Where `pop` looks first.
    finger: usize,
}

impl Default for PySet {
    fn default() -> Self {
        PySet { table: vec![Slot::Empty; MIN_SIZE], used: 0, fill: 0, finger: 0 }
    }
}

impl std::fmt::Debug for PySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PySet({} items)", self.used)
    }
}

/// The slots a lookup of `hash` visits in a table of `mask + 1` slots, in CPython's order:
/// slot `i` and, where the table goes on that far, the nine after it; then a jump.
struct Probe {
    mask: usize,
    i: usize,
    perturb: u64,
    /// The next slot of the current run is `i + offset`; the run ends after `i + run`.
    offset: usize,
    run: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let i = hash as u64 as usize & mask;
        let run = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        Probe { mask, i, perturb: hash as u64, offset: 0, run }
    }
}

impl Iterator for Probe {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.offset > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.i = self.i.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize) & self.mask;
            self.run = if self.i + LINEAR_PROBES <= self.mask { LINEAR_PROBES } else { 0 };
            self.offset = 0;
        }
        let pos = self.i + self.offset;
        self.offset += 1;
        Some(pos)
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The stored key equal to `key` (Key's own equality: values, not Python `__eq__`).
    pub fn get(&self, key: &Key) -> Option<&Key> {
        for pos in Probe::new(key.hash, self.mask()) {
            match &self.table[pos] {
                Slot::Empty => return None,
                Slot::Full(k) if k == key => return Some(k),
                _ => {}
            }
        }
        None
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.get(key).is_some()
    }

    /// The keys whose hash is `hash` (where a key defining `__eq__` may have its equal).
    pub fn with_hash(&self, hash: i64) -> impl Iterator<Item = &Key> {
        self.iter().filter(move |k| k.hash == hash)
    }

    /// set_add_entry: the probe path up to its first empty slot; the key goes into the last
    /// dummy passed on the way if there was one (as CPython 3.11 and 3.12 do), else into that
    /// empty slot, and the table grows once three fifths of it is filled.
    pub fn add(&mut self, key: Key) {
        let mask = self.mask();
        let mut freeslot = None;
        let mut found_empty = None;
        for pos in Probe::new(key.hash, mask) {
            match &self.table[pos] {
                Slot::Empty => {
                    found_empty = Some(pos);
                    break;
                }
                Slot::Full(k) if *k == key => return,
                Slot::Dummy => freeslot = Some(pos),
                Slot::Full(_) => {}
            }
        }
        if let Some(pos) = freeslot {
            self.table[pos] = Slot::Full(key);
            self.used += 1;
            return;
        }
        let pos = found_empty.expect("a set's table always has an empty slot");
        self.table[pos] = Slot::Full(key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Removes `key`, leaving a dummy in its slot.
    pub fn discard(&mut self, key: &Key) -> Option<Key> {
        for pos in Probe::new(key.hash, self.mask()) {
            match &self.table[pos] {
                Slot::Empty => return None,
                Slot::Full(k) if k == key => {
                    let Slot::Full(k) = std::mem::replace(&mut self.table[pos], Slot::Dummy) else { unreachable!() };
                    self.used -= 1;
                    return Some(k);
                }
                _ => {}
            }
        }
        None
    }

    /// set.pop(): the first entry from the finger on, in table order.
    pub fn pop(&mut self) -> Option<Key> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut pos = self.finger & mask;
        while !matches!(self.table[pos], Slot::Full(_)) {
            pos = (pos + 1) & mask;
        }
        let Slot::Full(k) = std::mem::replace(&mut self.table[pos], Slot::Dummy) else { unreachable!() };
        self.used -= 1;
        self.finger = pos + 1;
        Some(k)
    }

    pub fn clear(&mut self) {
        self.table = vec![Slot::Empty; MIN_SIZE];
        self.used = 0;
        self.fill = 0;
    }

    /// Entries in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    /// The entry in slot `pos`, for an iterator that walks the table: None past its end,
    /// Some(None) for a free slot.
    pub fn slot(&self, pos: usize) -> Option<Option<&Key>> {
        self.table.get(pos).map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    fn insert_clean(table: &mut [Slot], key: Key) {
        let mask = table.len() - 1;
        for pos in Probe::new(key.hash, mask) {
            if matches!(table[pos], Slot::Empty) {
                table[pos] = Slot::Full(key);
                return;
            }
        }
    }

    /// set_table_resize: the smallest power of two above `minused`, entries reinserted in the
    /// old table's order, dummies dropped.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        // A small table without dummies stays as it is (CPython's smalltable case).
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        for slot in old {
            if let Slot::Full(k) = slot {
                Self::insert_clean(&mut self.table, k);
            }
        }
        self.fill = self.used;
    }

    /// set_merge: `other`'s entries added, after one resize up front; into an empty set of the
    /// same size the layout is copied as it is.
    pub fn merge(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for k in other.iter() {
                Self::insert_clean(&mut self.table, k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for k in other.iter() {
            self.add(k.clone());
        }
    }

    /// set_update from a dict: one resize for its size up front, then its keys in order.
    pub fn update_from_dict<'a>(&mut self, keys: impl ExactSizeIterator<Item = &'a Key>) {
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for k in keys {
            self.add(k.clone());
        }
    }

    /// make_new_set from a set: an empty set merged with it.
    pub fn copy(&self) -> PySet {
        let mut s = PySet::new();
        s.merge(self);
        s
    }

    /// Takes `other`'s table in place of this one (set_swap_bodies: the pop finger stays).
    pub fn replace_body(&mut self, other: PySet) {
        let finger = self.finger;
        *self = other;
        self.finger = finger;
    }

    /// Takes the entries out (for dropping a graph of objects without recursion).
    pub fn take(&mut self) -> Vec<Key> {
        let table = std::mem::replace(&mut self.table, vec![Slot::Empty; MIN_SIZE]);
        self.used = 0;
        self.fill = 0;
        table
            .into_iter()
            .filter_map(|s| match s {
                Slot::Full(k) => Some(k),
                _ => None,
            })
            .collect()
    }
}

impl FromIterator<Key> for PySet {
    fn from_iter<I: IntoIterator<Item = Key>>(iter: I) -> Self {
        let mut s = PySet::new();
        for k in iter {
            s.add(k);
        }
        s
    }
}

// CPython's set algebra, in its own order of operations.

/// `a | b`: a copy of `a`, merged with `b`.
pub fn union(a: &PySet, b: &PySet) -> PySet {
    let mut out = a.copy();
    out.merge(b);
    out
}

/// `a & b`: the smaller set's entries (in its order) that the larger one has.
pub fn intersection(a: &PySet, b: &PySet) -> PySet {
    let (small, large) = if b.len() > a.len() { (a, b) } else { (b, a) };
    let mut out = PySet::new();
    for k in small.iter() {
        if large.contains(k) {
            out.add(k.clone());
        }
    }
    out
}

/// `a - b`: a copy of `a` with `b`'s entries removed when `a` is much larger, else `a`'s
/// entries that `b` lacks.
pub fn difference(a: &PySet, b: &PySet) -> PySet {
    if (a.len() >> 2) > b.len() {
        let mut out = a.copy();
        difference_update(&mut out, b);
        return out;
    }
    let mut out = PySet::new();
    for k in a.iter() {
        if !b.contains(k) {
            out.add(k.clone());
        }
    }
    out
}

/// `a -= b`, dummies swept away when they pass a quarter of the table.
pub fn difference_update(a: &mut PySet, b: &PySet) {
    let narrowed;
    let b = if (b.len() >> 3) > a.len() {
        narrowed = intersection(a, b);
        &narrowed
    } else {
        b
    };
    let keys: Vec<Key> = b.iter().cloned().collect();
    for k in &keys {
        a.discard(k);
    }
    a.sweep_dummies();
}

/// `a ^ b`: a copy of `b`, with each of `a`'s entries removed if there, else added.
pub fn symmetric_difference(a: &PySet, b: &PySet) -> PySet {
    let mut out = b.copy();
    symmetric_difference_update(&mut out, a);
    out
}

/// `a ^= b`.
pub fn symmetric_difference_update(a: &mut PySet, b: &PySet) {
    for k in b.iter() {
        if a.discard(k).is_none() {
            a.add(k.clone());
        }
    }
}

impl PySet {
    /// After removals: a table more than a quarter dummies is rebuilt (set_difference_update).
    pub fn sweep_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }
}
