//! Fuzz target `rejects`: see `peps_engine::fuzz::rejects`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::rejects(peps_fuzz::fixture(), data);
});
