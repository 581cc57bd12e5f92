//! Integration tests of the whole: the `peps` binary on the repository's rules, norms and
//! examples, and on edited copies of them. One test binary, one module per theme.

mod agreement;
mod capitation;
mod compute;
mod diagnostics;
mod editing;
mod evaluation_paths;
mod french;
mod house;
mod impact;
mod impact_report;
mod installed;
mod keys;
mod kit;
mod mechanisms;
mod messages;
mod national;
mod national_files;
mod patch;
mod plausible;
mod privacy;
mod promise;
mod robustness;
mod roots;
mod runs;
mod schedule;
mod sweep;
mod synth;
mod trust;
mod util;
mod validate;
mod words;
mod years;
