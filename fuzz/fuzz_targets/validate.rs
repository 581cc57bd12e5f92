//! Fuzz target `validate`: see `peps_engine::fuzz::validate`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::validate(peps_fuzz::fixture(), data);
});
