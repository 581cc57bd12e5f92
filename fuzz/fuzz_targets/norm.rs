//! Fuzz target `norm`: see `peps_engine::fuzz::norm`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::norm(peps_fuzz::fixture(), data);
});
