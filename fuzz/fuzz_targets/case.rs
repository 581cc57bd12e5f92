//! Fuzz target `case`: see `peps_engine::fuzz::case`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = peps_engine::fuzz::case(peps_fuzz::fixture(), peps_fuzz::scratch(), data);
});
