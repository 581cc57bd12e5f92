//! Fuzz target `formula`: see `peps_engine::fuzz::formula`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::formula(data);
});
