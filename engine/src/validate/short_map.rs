//! A map from short byte strings, scanned linearly while it is small: a row's few distinct
//! values are found faster by comparing bytes than by hashing them.

use std::collections::HashMap;

/// A map from short byte strings: a list scanned in order while it is small (a file's codes,
/// a condition's few cases), a hash map beyond.
#[derive(Clone)]
pub(crate) struct ShortMap<V> {
    pub(crate) few: Vec<(Box<[u8]>, V)>,
    pub(crate) many: HashMap<Box<[u8]>, V>,
}

impl<V> Default for ShortMap<V> {
    fn default() -> Self {
        ShortMap { few: Vec::new(), many: HashMap::new() }
    }
}

pub(crate) const SHORT_MAP_SCAN: usize = 32;

impl<V> ShortMap<V> {
    pub(crate) fn get(&self, key: &[u8]) -> Option<&V> {
        match self.few.iter().find(|(k, _)| same(k, key)) {
            Some((_, v)) => Some(v),
            None => self.many.get(key),
        }
    }

    pub(crate) fn get_mut(&mut self, key: &[u8]) -> Option<&mut V> {
        match self.few.iter_mut().find(|(k, _)| same(k, key)) {
            Some((_, v)) => Some(v),
            None => self.many.get_mut(key),
        }
    }

    pub(crate) fn insert(&mut self, key: &[u8], value: V) {
        if self.few.len() < SHORT_MAP_SCAN {
            self.few.push((key.into(), value));
        } else {
            self.many.insert(key.into(), value);
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.few.len() + self.many.len()
    }

    pub(crate) fn clear(&mut self) {
        self.few.clear();
        self.many.clear();
    }
}

/// Byte-string equality without a call to `memcmp` for the short values of a row.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // Overlapping first and last words cover every byte.
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
        8..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
        _ => a == b,
    }
}
