//! Fuzz target `dataset`: see `peps_engine::fuzz::dataset`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::dataset(peps_fuzz::fixture(), data);
});
