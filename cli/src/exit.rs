//! The exit codes of `peps`: an interface scripts rely on.

/// Exit codes are an interface: 0 clean, 1 findings in rules or data, 2 usage or I/O.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_IO: u8 = 2;
