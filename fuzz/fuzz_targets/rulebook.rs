//! Fuzz target `rulebook`: see `peps_engine::fuzz::rulebook`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::rulebook(peps_fuzz::fixture(), data);
});
