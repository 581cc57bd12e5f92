//! A key of a national file as the maps of a cut hold it: the bytes of an identifier inline,
//! without an allocation of their own, longer keys boxed. A file others link to gives one key
//! per row (a million in the peers' workload): a boxed key per row was an allocation each and
//! a pointer to follow on every lookup of a linked row (about a tenth of the cut's CPU time).
//!
//! The map keeps its keys in the order the file gives them, and a linked file's rows look for
//! their key first where the row before found its own, then a few keys further: files written
//! by one extraction list the rows of a key together, their keys in the same order in both files
//! (the peers' acts follow their patients), so that most rows find their key without hashing it
//! nor reading a random place of a map of a million keys. Measured on the peers' workload
//! (`perf`, load 5, noisy): the acts' lookups took 146 of the cut's 633 samples, 2 of 370 now.

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

use indexmap::IndexMap;

/// The case of each key of a file other files link to (its first row's case), in the order the
/// keys are first met.
pub(crate) type KeyCases = IndexMap<KeyBytes, u32, foldhash::fast::RandomState>;

/// Keys looked at after the last one found before hashing a key: the peers' patients without
/// acts (one in nine) leave gaps of one or two keys in the acts' order.
const AHEAD: usize = 4;

/// Finds the case of linked rows' keys in the map of the file they link to: what `map.get`
/// gives, guessed first from where the row before found its key (see the module's documentation).
pub(crate) struct Lookup<'m> {
    map: &'m KeyCases,
    /// Where the last key found is in the map.
    at: usize,
}

impl<'m> Lookup<'m> {
    pub(crate) fn new(map: &'m KeyCases) -> Self {
        Lookup { map, at: 0 }
    }

    /// The case of `key`, if the map has it.
    #[inline]
    pub(crate) fn case(&mut self, key: &[u8]) -> Option<u32> {
        let entries = self.map.as_slice();
        let near = entries.get_range(self.at..(self.at + AHEAD).min(entries.len())).unwrap_or_default();
        // Keys are unique in the map: the first equal is the one.
        if let Some((k, (_, &case))) = near.iter().enumerate().find(|(_, (k, _))| k.as_slice() == key) {
            self.at += k;
            return Some(case);
        }
        let (at, _, &case) = self.map.get_full(key)?;
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

    /// Whatever order the keys are looked for in, a lookup finds what the map holds.
    #[test]
    fn a_lookup_finds_what_the_map_gives_in_any_order() {
        let mut map = KeyCases::default();
        let keys: Vec<Vec<u8>> = (0..40u32).map(|i| format!("P{i:03}").into_bytes()).collect();
        for (i, key) in keys.iter().enumerate() {
            // A key met twice keeps its first case.
            map.entry(KeyBytes::from(&key[..])).or_insert(i as u32 % 7);
            map.entry(KeyBytes::from(&key[..])).or_insert(99);
        }
        let mut wanted: Vec<Vec<u8>> = Vec::new();
        // In the map's order with repeats and gaps, backwards, far jumps, unknown keys, the empty key.
        for i in [0, 0, 1, 3, 3, 3, 4, 9, 10, 39, 39, 2, 1, 0, 20, 25, 24, 30, 5] {
            wanted.push(keys[i].clone());
        }
        wanted.extend([b"P999".to_vec(), b"".to_vec(), b"P00".to_vec(), keys[6].clone(), keys[7].clone()]);
        let mut lookup = Lookup::new(&map);
        for key in &wanted {
            assert_eq!(lookup.case(key), map.get(&key[..]).copied(), "{}", String::from_utf8_lossy(key));
        }
        assert_eq!(Lookup::new(&KeyCases::default()).case(b"P001"), None, "an empty map has no key");
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
