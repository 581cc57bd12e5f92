//! A key of a national file as the maps of a cut hold it: the bytes of an identifier inline,
//! without an allocation of their own, longer keys boxed. A file others link to gives one key
//! per row (a million in the peers' workload): a boxed key per row was an allocation each and
//! a pointer to follow on every lookup of a linked row (about a tenth of the cut's CPU time).

use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

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
