//! Fuzz target `file_name`: see `peps_engine::fuzz::file_name`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::file_name(peps_fuzz::fixture(), data);
});
