//! CPU clocks for `--timings`: the CPU time of the calling thread and of the whole process
//! (user + system), so that a phase run on many threads is reported as the CPU it cost, and
//! wall time separately.

use std::time::Duration;

use rustix::time::{ClockId, clock_gettime};

fn read(clock: ClockId) -> Duration {
    let t = clock_gettime(clock);
    Duration::new(u64::try_from(t.tv_sec).unwrap_or(0), u32::try_from(t.tv_nsec).unwrap_or(0))
}

/// CPU time the calling thread has used.
pub fn thread() -> Duration {
    read(ClockId::ThreadCPUTime)
}

/// CPU time the whole process has used, every thread included.
pub fn process() -> Duration {
    read(ClockId::ProcessCPUTime)
}
