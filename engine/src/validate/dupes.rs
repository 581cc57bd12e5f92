//! Finding duplicate rows, and rows with the same key, in one pass with little memory: each row
//! (each key) is reduced to a 64-bit hash, kept with the line where it first appeared in a compact
//! open-addressing table.
//!
//! Trade-off: 12 bytes per slot (hash + line) and 4 slots for 3 rows, so 16 bytes per distinct row
//! (about 90 MB for 5 million rows; the table is sized once from the file's size) instead of the
//! rows themselves. A key's slot holds 4 more bytes, a fingerprint of the whole row, to tell two
//! rows with one key that are identical from two that differ (21 bytes per distinct key, 21 MB
//! for a national list of a million people). Two different rows (keys) share a hash with
//! probability about n²/2⁶⁵ (7·10⁻⁷ for 5 million rows): accepted. The hash is not
//! cryptographic: the input is the user's own file, not an adversary's.

/// The first line of every distinct hash seen so far, with `W - 3` words of its own per slot.
pub(crate) struct Seen<const W: usize> {
    /// Per slot: the hash (two halves), the first line, then the words the caller keeps, side by
    /// side so that one memory read finds them all.
    slots: Vec<[u32; W]>,
    len: usize,
}

/// The first line of every distinct row seen so far, by hash.
pub(crate) type RowSet = Seen<3>;

/// The first line of every distinct key seen so far, by hash, with a fingerprint of its row.
pub(crate) type KeySet = Seen<4>;

const MIN_SLOTS: usize = 1 << 10;
fn hash_of<const W: usize>(slot: &[u32; W]) -> u64 {
    u64::from(slot[0]) | (u64::from(slot[1]) << 32)
}

impl<const W: usize> Seen<W> {
    pub(crate) fn new() -> Self {
        Seen { slots: vec![[0; W]; MIN_SLOTS], len: 0 }
    }

    /// Makes room for `rows` rows in all, so that a good estimate avoids every regrowth (and its
    /// moment with two tables in memory).
    pub(crate) fn reserve(&mut self, rows: usize) {
        let slots = slots_for(rows);
        if slots > self.slots.len() {
            self.rebuild(slots);
        }
    }

    /// Reads the slot where `hash` would go, so that [`RowSet::insert`] finds it in the cache.
    #[inline]
    pub(crate) fn touch(&self, hash: u64) -> u32 {
        self.slots[home(hash.max(1), self.slots.len())][0]
    }

    /// Records hash `hash` seen on `line` with `extra` (its first `W - 3` words kept in the slot);
    /// returns the line and the words of the first line with that hash.
    fn insert_with(&mut self, hash: u64, line: u64, extra: u32) -> Option<(u64, u32)> {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.rebuild(self.slots.len() * 2);
        }
        // 0 marks an empty slot.
        let hash = hash.max(1);
        let n = self.slots.len();
        let mut i = home(hash, n);
        loop {
            let slot = &mut self.slots[i];
            let h = hash_of(slot);
            if h == 0 {
                slot[0] = hash as u32;
                slot[1] = (hash >> 32) as u32;
                slot[2] = u32::try_from(line).unwrap_or(u32::MAX);
                if W > 3 {
                    slot[W - 1] = extra;
                }
                self.len += 1;
                return None;
            }
            if h == hash {
                return Some((u64::from(slot[2]), if W > 3 { slot[W - 1] } else { 0 }));
            }
            i = if i + 1 == n { 0 } else { i + 1 };
        }
    }

    fn rebuild(&mut self, n_slots: usize) {
        let old = std::mem::replace(&mut self.slots, vec![[0; W]; n_slots]);
        for slot in old {
            let h = hash_of(&slot);
            if h != 0 {
                let mut i = home(h, n_slots);
                while hash_of(&self.slots[i]) != 0 {
                    i = if i + 1 == n_slots { 0 } else { i + 1 };
                }
                self.slots[i] = slot;
            }
        }
    }
}

impl RowSet {
    /// Records the row of hash `hash` seen on `line`; returns the line of an earlier identical row.
    pub(crate) fn insert(&mut self, hash: u64, line: u64) -> Option<u64> {
        self.insert_with(hash, line, 0).map(|(first, _)| first)
    }
}

impl KeySet {
    /// Records the key of hash `key` seen on `line`, in a row of hash `row`; returns the line where
    /// the key was first seen, and whether that row was the same row.
    pub(crate) fn insert(&mut self, key: u64, line: u64, row: u64) -> Option<(u64, bool)> {
        let fingerprint = row as u32;
        self.insert_with(key, line, fingerprint).map(|(first, seen)| (first, seen == fingerprint))
    }
}

/// The slots that hold `rows` rows at a load of 3/4 (any number: slots are found by
/// multiplication, not by masking, so the table need not round up to a power of two).
fn slots_for(rows: usize) -> usize {
    (rows.saturating_mul(4) / 3 + 1).max(MIN_SLOTS)
}

/// The slot where `hash` starts its search among `n`: the high bits of `hash × n`.
#[inline]
fn home(hash: u64, n: usize) -> usize {
    ((u128::from(hash) * n as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashing::hash64;

    #[test]
    fn finds_the_first_line_of_a_duplicate() {
        let mut set = RowSet::new();
        for line in 2..5000u64 {
            assert_eq!(set.insert(hash64(format!("row;{line}").as_bytes()), line), None);
        }
        assert_eq!(set.insert(hash64(b"row;17"), 6000), Some(17));
        assert_eq!(set.insert(hash64(b"row;4999"), 6001), Some(4999));
        assert!(set.slots.len() >= 5000 * 4 / 3);
    }

    #[test]
    fn a_key_seen_again_says_where_and_whether_its_row_is_the_same() {
        let mut set = KeySet::new();
        for line in 2..5000u64 {
            assert_eq!(set.insert(hash64(format!("key;{line}").as_bytes()), line, line * 7), None);
        }
        assert_eq!(set.insert(hash64(b"key;17"), 6000, 17 * 7), Some((17, true)));
        assert_eq!(set.insert(hash64(b"key;4999"), 6001, 1), Some((4999, false)));
        assert!(set.slots.len() >= 5000 * 4 / 3);
    }

    #[test]
    fn reserving_keeps_what_was_seen() {
        let mut set = RowSet::new();
        set.insert(hash64(b"a"), 2);
        set.reserve(100_000);
        assert_eq!(set.insert(hash64(b"a"), 3), Some(2));
        assert_eq!(slots_for(100_000), 133_334);
    }

    #[test]
    fn hashes_differ_for_near_rows() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000u32 {
            assert!(seen.insert(hash64(format!("920755329;10230288697;{i:015};1,00").as_bytes())));
        }
        assert_ne!(hash64(b""), hash64(b"\0"));
        assert_ne!(hash64(b"ab"), hash64(b"ba"));
    }
}
