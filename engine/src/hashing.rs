//! Hashing, in one place: SHA-256 identities of files and rulebooks (hex, as manifests print
//! them), and a fast non-cryptographic 64-bit hash of a row's bytes for duplicate detection.

use sha2::{Digest, Sha256};

/// Lower-case hexadecimal of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of `bytes`, in hexadecimal.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A SHA-256 computed while bytes stream past.
#[derive(Clone, Default)]
pub(crate) struct StreamHash(Sha256);

impl StreamHash {
    pub(crate) fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The hash of everything seen so far, in hexadecimal.
    pub(crate) fn hex(&self) -> String {
        hex(&self.0.clone().finalize())
    }
}

/// A fast 64-bit hash of `bytes` (folded 128-bit multiplications over 16-byte blocks, the
/// construction of wyhash and foldhash).
pub(crate) fn hash64(bytes: &[u8]) -> u64 {
    const K0: u64 = 0xa076_1d64_78bd_642f;
    const K1: u64 = 0xe703_7ed1_a0b4_28db;
    const K2: u64 = 0x8ebc_6af0_9c88_c6e3;
    let mut h = K0 ^ (bytes.len() as u64).wrapping_mul(K2);
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let (a, b) = block.split_at(8);
        h = fold(read8(a) ^ h ^ K1, read8(b) ^ K2);
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let mut pad = [0u8; 16];
        pad[..rest.len()].copy_from_slice(rest);
        let (a, b) = pad.split_at(8);
        h = fold(read8(a) ^ h ^ K1, read8(b) ^ K2 ^ rest.len() as u64);
    }
    fold(h ^ K0, K1)
}

fn read8(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("8 bytes"))
}

fn fold(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_bytes() {
        assert_eq!(sha256_hex(b"hello\n"), "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    }

    #[test]
    fn a_stream_hash_is_the_hash_of_its_bytes() {
        let mut h = StreamHash::default();
        h.update(b"hel");
        h.update(b"lo\n");
        assert_eq!(h.hex(), sha256_hex(b"hello\n"));
    }
}
