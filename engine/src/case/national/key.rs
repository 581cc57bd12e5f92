//! A key of a national file as the maps of a cut hold it: the bytes of an identifier inline,
//! without an allocation of their own, longer keys boxed. A file others link to gives one key
//! per row (a million in the peers' workload): a boxed key per row was an allocation each and
//! a pointer to follow on every lookup of a linked row (about a tenth of the cut's CPU time).
//!
//! The map keeps its keys in the order the file gives them, and a linked file's rows look for
//! their key first where the row before found its own, then a few keys further: files written
//! by one extraction list the rows of a key together, their keys in the same order in both files
//! (the peers' linking file follows the rows it links to), so that most rows find their key without hashing it
//! nor reading a random place of a map of a million keys. Measured on the peers' workload
//! (`perf`, load 5, noisy): the linked rows' lookups took 146 of the cut's 633 samples, 2 of 370 now.
//!
//! While the keys come in strictly ascending order (a file sorted by its key, as the peers'
//! first file is), the map is that list, searched by halves when the guess fails, and no hash
//! table is built: inserting a million keys in one took 151 of the 451 `perf` samples of the
//! cut of the peers' first file (a random place of a large table for each). The first key out of
//! order turns the list into a hash map.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use indexmap::IndexMap;

type Hashed = IndexMap<KeyBytes, u32, foldhash::fast::RandomState>;

/// The case of each key of a file other files link to (its first row's case), in the order the
/// keys are first met (see the module's documentation).
#[derive(Debug)]
pub(crate) enum KeyCases {
    /// Keys in strictly ascending order.
    Sorted(Vec<(KeyBytes, u32)>),
    Hashed(Hashed),
}

impl Default for KeyCases {
    fn default() -> Self {
        KeyCases::Sorted(Vec::new())
    }
}

impl KeyCases {
    pub(crate) fn len(&self) -> usize {
        match self {
            KeyCases::Sorted(v) => v.len(),
            KeyCases::Hashed(m) => m.len(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Room for `n` more keys.
    pub(crate) fn reserve(&mut self, n: usize) {
        match self {
            KeyCases::Sorted(v) => v.reserve(n),
            KeyCases::Hashed(m) => m.reserve(n),
        }
    }

    /// Gives `key` the case `case`, unless it has one already (a key given by two cases' rows
    /// stays with the first).
    pub(crate) fn insert_first(&mut self, key: &[u8], case: u32) {
        if let KeyCases::Sorted(v) = self {
            match v.last().map(|(last, _)| last.as_slice().cmp(key)) {
                None | Some(Ordering::Less) => return v.push((KeyBytes::from(key), case)),
                Some(Ordering::Equal) => return,
                Some(Ordering::Greater) => {}
            }
        }
        let mut m = std::mem::take(self).into_hashed();
        m.entry(KeyBytes::from(key)).or_insert(case);
        *self = KeyCases::Hashed(m);
    }

    /// The case of `key`, if the map has it.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &[u8]) -> Option<u32> {
        Lookup::new(self).case(key)
    }

    /// The keys in a hash map, if they were a list.
    pub(crate) fn hash(&mut self) {
        *self = KeyCases::Hashed(std::mem::take(self).into_hashed());
    }

    /// Every key's case renumbered by `f`.
    pub(crate) fn renumber(&mut self, f: impl Fn(u32) -> u32) {
        match self {
            KeyCases::Sorted(v) => v.iter_mut().for_each(|(_, case)| *case = f(*case)),
            KeyCases::Hashed(m) => m.values_mut().for_each(|case| *case = f(*case)),
        }
    }

    /// Takes in `other`'s keys, met after its own: a key of both stays with its case here.
    pub(crate) fn append(&mut self, other: KeyCases) {
        if self.is_empty() {
            *self = other;
            return;
        }
        if let (KeyCases::Sorted(a), KeyCases::Sorted(b)) = (&mut *self, &other)
            && let (Some((last, _)), Some((first, _))) = (a.last(), b.first())
            && last.as_slice() < first.as_slice()
        {
            let KeyCases::Sorted(b) = other else { return };
            a.extend(b);
            return;
        }
        let mut m = std::mem::take(self).into_hashed();
        m.reserve(other.len());
        let entries: Box<dyn Iterator<Item = (KeyBytes, u32)>> = match other {
            KeyCases::Sorted(v) => Box::new(v.into_iter()),
            KeyCases::Hashed(h) => Box::new(h.into_iter()),
        };
        for (key, case) in entries {
            m.entry(key).or_insert(case);
        }
        *self = KeyCases::Hashed(m);
    }

    /// The keys in a hash map (a list's keys are unique: each its own entry, in its order).
    fn into_hashed(self) -> Hashed {
        match self {
            KeyCases::Sorted(v) => {
                let mut m = Hashed::with_capacity_and_hasher(v.capacity(), Default::default());
                m.extend(v);
                m
            }
            KeyCases::Hashed(m) => m,
        }
    }
}

/// Keys looked at after the last one found before hashing a key: the peers' keys that no row
/// links to (one in nine) leave gaps of one or two keys in the linking file's order.
const AHEAD: usize = 4;

/// Finds the case of linked rows' keys in the map of the file they link to, guessed first from
/// where the row before found its key (see the module's documentation).
pub(crate) struct Lookup<'m> {
    map: &'m KeyCases,
    /// Where the last key found is in the map.
    at: usize,
    /// Keys found where the guess looked.
    pub(crate) guessed: u64,
}

impl<'m> Lookup<'m> {
    pub(crate) fn new(map: &'m KeyCases) -> Self {
        Lookup { map, at: 0, guessed: 0 }
    }

    /// The case of `key`, if the map has it.
    #[inline]
    pub(crate) fn case(&mut self, key: &[u8]) -> Option<u32> {
        let end = (self.at + AHEAD).min(self.map.len());
        // Keys are unique in the map: the first equal is the one.
        let (at, case) = match self.map {
            KeyCases::Sorted(v) => {
                let near = v.get(self.at..end).unwrap_or_default();
                match near.iter().position(|(k, _)| k.as_slice() == key) {
                    Some(k) => {
                        self.guessed += 1;
                        (self.at + k, near[k].1)
                    }
                    None => {
                        let at = v.binary_search_by(|(k, _)| k.as_slice().cmp(key)).ok()?;
                        (at, v[at].1)
                    }
                }
            }
            KeyCases::Hashed(m) => {
                let near = m.as_slice().get_range(self.at..end).unwrap_or_default();
                match near.iter().position(|(k, _)| k.as_slice() == key) {
                    Some(k) => {
                        self.guessed += 1;
                        (self.at + k, near[k])
                    }
                    None => m.get_full(key).map(|(at, _, &case)| (at, case))?,
                }
            }
        };
        self.at = at;
        Some(case)
    }
}

/// Bytes kept inline up to this length.
const INLINE: usize = 22;

/// A key's bytes.
#[derive(Clone, Debug)]
pub(crate) enum KeyBytes {
    Inline { len: u8, bytes: [u8; INLINE] },
    Boxed(Box<[u8]>),
}

impl KeyBytes {
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            KeyBytes::Inline { len, bytes } => &bytes[..*len as usize],
            KeyBytes::Boxed(b) => b,
        }
    }
}

impl From<&[u8]> for KeyBytes {
    fn from(key: &[u8]) -> Self {
        if key.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..key.len()].copy_from_slice(key);
            KeyBytes::Inline { len: key.len() as u8, bytes }
        } else {
            KeyBytes::Boxed(key.into())
        }
    }
}

// Hashed and compared as the byte slice it holds, so that a map of keys is looked up by `&[u8]`.
impl Hash for KeyBytes {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl PartialEq for KeyBytes {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for KeyBytes {}

impl Borrow<[u8]> for KeyBytes {
    fn borrow(&self) -> &[u8] {
        self.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use foldhash::{HashMap, HashMapExt};

    use super::*;

    /// What a map of keys gives, as a hash map where the first case of a key stays.
    fn reference(keys: &[(&[u8], u32)]) -> HashMap<Vec<u8>, u32> {
        let mut map = HashMap::new();
        for &(key, case) in keys {
            map.entry(key.to_vec()).or_insert(case);
        }
        map
    }

    fn built(keys: &[(&[u8], u32)]) -> KeyCases {
        let mut map = KeyCases::default();
        for &(key, case) in keys {
            map.insert_first(key, case);
        }
        map
    }

    /// Sorted keys (a repeat included) stay a list; the first out of order makes a hash map; in
    /// any order they are looked for, a lookup finds the first case of each key, and no other key.
    #[test]
    fn a_map_of_keys_gives_each_key_its_first_case_sorted_or_not() {
        let names: Vec<Vec<u8>> = (0..40u32).map(|i| format!("P{i:03}").into_bytes()).collect();
        let sorted: Vec<(&[u8], u32)> = names.iter().enumerate().flat_map(|(i, k)| [(&k[..], i as u32 % 7), (&k[..], 99)]).collect();
        let mut unsorted = sorted.clone();
        unsorted.swap(10, 30);
        unsorted.push((&names[3][..], 98));
        let mut wanted: Vec<&[u8]> = Vec::new();
        // In the map's order with repeats and gaps, backwards, far jumps, unknown keys, the empty key.
        for i in [0, 0, 1, 3, 3, 3, 4, 9, 10, 39, 39, 2, 1, 0, 20, 25, 24, 30, 5] {
            wanted.push(&names[i]);
        }
        wanted.extend([&b"P999"[..], b"", b"P00", b"P0", &names[6], &names[7]]);
        for (keys, is_sorted) in [(&sorted, true), (&unsorted, false)] {
            let (map, want) = (built(keys), reference(keys));
            assert_eq!(matches!(map, KeyCases::Sorted(_)), is_sorted);
            assert_eq!(map.len(), want.len());
            let mut lookup = Lookup::new(&map);
            for key in &wanted {
                assert_eq!(lookup.case(key), want.get(*key).copied(), "{}", String::from_utf8_lossy(key));
            }
        }
        assert_eq!(Lookup::new(&KeyCases::default()).case(b"P001"), None, "an empty map has no key");
    }

    /// Two halves' maps, the second appended to the first, give what one map of both gives:
    /// sorted halves that follow each other stay a list, any other pair makes a hash map.
    #[test]
    fn a_second_half_appended_gives_what_one_piece_gives() {
        let names: Vec<Vec<u8>> = (0..20u32).map(|i| format!("K{i:02}").into_bytes()).collect();
        let key = |i: usize, case: u32| (&names[i][..], case);
        type Keys<'k> = Vec<(&'k [u8], u32)>;
        let halves: [(Keys, Keys, bool); 4] = [
            ((0..10).map(|i| key(i, 1)).collect(), (10..20).map(|i| key(i, 2)).collect(), true),
            // A key in both halves keeps the first half's case.
            ((0..11).map(|i| key(i, 1)).collect(), (10..20).map(|i| key(i, 2)).collect(), false),
            ((0..10).rev().map(|i| key(i, 1)).collect(), (10..20).map(|i| key(i, 2)).collect(), false),
            ((0..10).map(|i| key(i, 1)).collect(), (5..15).rev().map(|i| key(i, 2)).collect(), false),
        ];
        for (first, second, stays_sorted) in halves {
            let mut map = built(&first);
            map.append(built(&second));
            assert_eq!(matches!(map, KeyCases::Sorted(_)), stays_sorted);
            let both: Vec<(&[u8], u32)> = first.iter().chain(&second).copied().collect();
            let want = reference(&both);
            assert_eq!(map.len(), want.len());
            for name in &names {
                assert_eq!(map.get(name), want.get(name).copied());
            }
        }
        let mut empty = KeyCases::default();
        empty.append(built(&[key(3, 1), key(1, 2)]));
        assert_eq!((empty.get(&names[3]), empty.get(&names[1]), empty.len()), (Some(1), Some(2), 2));
    }

    #[test]
    fn short_and_long_keys_are_found_by_their_bytes() {
        let long = [b'x'; 40];
        let mut map = HashMap::new();
        for (i, key) in [&b""[..], b"P000000001", &[b'y'; INLINE], &long].into_iter().enumerate() {
            map.insert(KeyBytes::from(key), i);
        }
        assert!(matches!(KeyBytes::from(&b"P000000001"[..]), KeyBytes::Inline { .. }));
        assert!(matches!(KeyBytes::from(&long[..]), KeyBytes::Boxed(_)));
        assert_eq!(map.get(&b"P000000001"[..]), Some(&1));
        assert_eq!(map.get(&[b'y'; INLINE][..]), Some(&2));
        assert_eq!(map.get(&long[..]), Some(&3));
        assert_eq!(map.get(&b""[..]), Some(&0));
        assert_eq!(map.get(&b"P00000000"[..]), None, "a prefix is another key");
        assert_eq!(map.get(&b"P000000001\0"[..]), None, "a key is not its padding");
    }
}
