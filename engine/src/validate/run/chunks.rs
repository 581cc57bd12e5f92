//! One file validated in chunks on several threads, with exactly the report and the sink's calls
//! of one pass over it.
//!
//! The rows after the header are cut into chunks of a few megabytes at line starts. Each chunk is
//! checked on a thread of its own by a run of its own that keeps its blocks of rows instead of
//! finishing them (`Deferred`); the run of the whole file takes the chunks in line order and
//! finishes their blocks as it would its own: duplicates and keys looked up in one table,
//! problems counted and kept as examples in line order, rows handed to the sink in line order,
//! the keys other files refer to collected in line order.
//!
//! A chunk is believed only if the chunk before it ended exactly where it starts: a line start
//! inside a quoted field that spans lines is not a record start, and a chunk that started there is
//! checked again from where the records really start. A chunk whose thread failed (a line too
//! long, a disk error) is checked again on the run's own thread, whose error then names the file's
//! own line. At most `WINDOW` chunks per thread wait to be finished, so memory does not grow
//! with the file.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use crate::validate::links::Links;
use crate::validate::run::{Collector, Deferred, Pending, Run};
use crate::validate::split::Splitter;
use crate::validate::{NoSink, Options, Validator};
use crate::value::Period;

/// Chunks per thread checked ahead of the one being finished.
const WINDOW: usize = 4;

/// How a file is cut into chunks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunking {
    pub(crate) threads: usize,
    /// Rows after the header below this size are read in one pass: threads would not pay.
    pub(crate) from: u64,
    /// The bounds of a chunk's size: small enough for every thread to be busy on a file of a
    /// few megabytes, large enough for a national file to make few of them.
    pub(crate) min: u64,
    pub(crate) max: u64,
}

impl Chunking {
    /// On every core of the machine.
    pub(crate) fn on_every_core() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        // A file of a few megabytes (2.6 MB, 33,000 rows) gained 3 % of its
        // wall time in chunks for 15 % more CPU and 6 MiB more memory (farm-bench, 6 December
        // 2026): chunks are for larger files.
        Chunking { threads, from: 4 << 20, min: 256 << 10, max: 4 << 20 }
    }

    /// Whether the rows after the header, from `data_start` in a source of `size` bytes, are
    /// worth reading in chunks.
    pub(crate) fn worth(&self, size: u64, data_start: u64) -> bool {
        self.threads > 1 && size.saturating_sub(data_start) >= self.from
    }
}

/// Bytes several threads can read at any offset at once: a file, or bytes in memory.
pub trait Positioned: Sync {
    /// Reads into `buf` from `offset`; 0 at the end.
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
}

impl Positioned for std::fs::File {
    #[cfg(unix)]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(self, buf, offset)
    }

    #[cfg(windows)]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        std::os::windows::fs::FileExt::seek_read(self, buf, offset)
    }
}

impl Positioned for &[u8] {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        let start = usize::try_from(offset).unwrap_or(usize::MAX).min(self.len());
        let n = buf.len().min(self.len() - start);
        buf[..n].copy_from_slice(&self[start..start + n]);
        Ok(n)
    }
}

/// A reader of a [`Positioned`] from an offset on.
pub(crate) struct At<'s> {
    source: &'s dyn Positioned,
    pos: u64,
}

impl<'s> At<'s> {
    pub(crate) fn new(source: &'s dyn Positioned, pos: u64) -> Self {
        At { source, pos }
    }
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.source.read_at(buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// What the header said, that every chunk's run reads its rows with.
#[derive(Clone)]
struct Layout {
    columns: Vec<Option<usize>>,
    column_fields: Vec<Option<usize>>,
    width: usize,
    sep: u8,
    period: Option<Period>,
    typed: bool,
    keeps: Vec<bool>,
    every_problem: bool,
    records: bool,
}

/// The rows of one chunk, checked and not finished.
struct Checked {
    /// Where its records start and end in the file.
    start: u64,
    end: u64,
    /// The line its first record was numbered, and the lines its records span.
    first_line: u64,
    lines: u64,
    rows: u64,
    blocks: Vec<Pending>,
    collectors: Vec<Collector>,
}

/// What the threads and the run of the whole file share: the chunks checked and not yet
/// finished, how many are finished, and whether the run stopped.
#[derive(Default)]
struct Slots {
    checked: BTreeMap<usize, Option<Checked>>,
    finished: usize,
    stopped: bool,
}

/// Blocks finished and emptied, for the threads to fill again: blocks allocated by one thread and
/// freed by another made the kernel's work of mapping and unmapping memory a tenth of `peps
/// validate`'s time on the peers' first file (`perf record`).
type Spare = Arc<Mutex<Vec<Pending>>>;

/// What every chunk is checked with.
struct Job<'j, 'a> {
    plan: &'j Validator<'a>,
    options: &'j Options,
    name: &'j str,
    links: &'j Links,
    source: &'j dyn Positioned,
    size: u64,
    layout: Layout,
}

impl Job<'_, '_> {
    /// Checks the records that start at `start` or after and before `stop`, numbered from
    /// `first_line`; the last one may end after `stop`.
    fn check(&self, plan: &Validator<'_>, (start, stop): (u64, u64), first_line: u64, spare: &Spare) -> io::Result<Checked> {
        let mut sink = NoSink;
        let mut run = Run::new(plan, self.options, &mut sink, self.name, self.layout.period);
        run.link(self.links);
        let layout = self.layout.clone();
        (run.columns, run.column_fields, run.width, run.sep) = (layout.columns, layout.column_fields, layout.width, layout.sep);
        (run.typed, run.keeps, run.every_problem, run.records) = (layout.typed, layout.keeps, layout.every_problem, layout.records);
        run.deferred = Some(Deferred { spare: Some(Arc::clone(spare)), ..Deferred::default() });
        let mut s = Splitter::sized(At::new(self.source, start), run.sep, Some(self.size));
        s.expected_width = Some(run.width);
        s.set_first_line(first_line);
        while start + s.consumed() < stop && s.next_record()? {
            run.check_row(&s)?;
        }
        if !run.pending.rows.is_empty() {
            run.end_block()?;
        }
        let blocks = run.deferred.take().map(|d| d.blocks).unwrap_or_default();
        Ok(Checked {
            start,
            end: start + s.consumed(),
            first_line,
            lines: s.lines_read() + 1 - first_line,
            rows: run.report.rows,
            blocks,
            collectors: std::mem::take(&mut run.collectors),
        })
    }

    /// The first line start at `offset` or after (the end of the file when there is none).
    fn line_start(&self, offset: u64) -> io::Result<u64> {
        let mut at = offset - 1;
        let mut window = vec![0u8; 64 << 10];
        loop {
            let n = self.source.read_at(&mut window, at)?;
            if n == 0 {
                return Ok(at);
            }
            if let Some(i) = memchr::memchr(b'\n', &window[..n]) {
                return Ok(at + i as u64 + 1);
            }
            at += n as u64;
        }
    }
}

impl<'p, 'a> Run<'p, 'a> {
    /// Reads the rows after the header in chunks (see the module's comment); `s` has just read
    /// the header from `source`.
    pub(crate) fn read_chunks(
        &mut self,
        s: &Splitter<At<'_>>,
        source: &dyn Positioned,
        size: u64,
        chunking: Chunking,
        links: &Links,
    ) -> io::Result<()> {
        let threads = chunking.threads;
        let data_start = s.consumed();
        let chunk = (size.saturating_sub(data_start) / (threads as u64 * WINDOW as u64)).clamp(chunking.min, chunking.max);
        let offsets: Vec<u64> = (data_start..size).step_by(chunk as usize).collect();
        let name = self.report.file.clone();
        let job = Job {
            plan: self.plan,
            options: self.options,
            name: &name,
            links,
            source,
            size,
            layout: Layout {
                columns: self.columns.clone(),
                column_fields: self.column_fields.clone(),
                width: self.width,
                sep: self.sep,
                period: self.report.period,
                typed: self.typed,
                keeps: self.keeps.clone(),
                every_problem: self.every_problem,
                records: self.records,
            },
        };
        let (slots, ready, next) = (Mutex::new(Slots::default()), Condvar::new(), AtomicUsize::new(0));
        let spare: Spare = Arc::default();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    // A validator of its own: patterns matched with scratch space of its own.
                    let plan = job.plan.clone();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= offsets.len() || !wait_turn(&slots, &ready, k, threads * WINDOW) {
                            return;
                        }
                        // A chunk whose thread failed (an error, a panic) is left empty: the run
                        // checks it again itself, and its error or panic is the run's own.
                        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            let start = if k == 0 { data_start } else { job.line_start(offsets[k])? };
                            job.check(&plan, (start, stop_of(&offsets, k)), 1, &spare)
                        }));
                        lock(&slots).checked.insert(k, checked.ok().and_then(Result::ok));
                        ready.notify_all();
                    }
                });
            }
            // However the run ends (an error, a panic), the threads stop waiting for their turn.
            let _stop = StopOnDrop(&slots, &ready);
            self.finish_chunks(&job, &offsets, s.lines_read(), (&slots, &ready, &spare))
        })?;
        self.finish_rows()
    }

    /// Finishes the chunks in line order as their threads check them.
    fn finish_chunks(
        &mut self,
        job: &Job<'_, '_>,
        offsets: &[u64],
        header_lines: u64,
        (slots, ready, spare): (&Mutex<Slots>, &Condvar, &Spare),
    ) -> io::Result<()> {
        // Where the records finished so far end, and the lines they and the header span.
        let (mut end, mut lines) = (offsets[0], header_lines);
        for k in 0..offsets.len() {
            let checked = {
                let mut guard = lock(slots);
                loop {
                    if let Some(c) = guard.checked.remove(&k) {
                        break c;
                    }
                    guard = ready.wait(guard).unwrap_or_else(std::sync::PoisonError::into_inner);
                }
            };
            let stop = stop_of(offsets, k);
            let checked = match checked {
                Some(c) if c.start == end => c,
                // Started inside a record, or its thread failed: checked again from the end of
                // the records before, numbered as they are in the file.
                _ => job.check(job.plan, (end, stop), lines + 1, spare)?,
            };
            let offset = lines + 1 - checked.first_line;
            (end, lines) = (checked.end, lines + checked.lines);
            if k == 0 {
                self.reserve_for(checked.rows, checked.end - offsets[0], job.size);
            }
            let emptied = self.absorb(checked, offset)?;
            spare.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(emptied);
            lock(slots).finished = k + 1;
            ready.notify_all();
        }
        Ok(())
    }

    /// Sizes the duplicate table once, from the rows of the first chunk.
    fn reserve_for(&mut self, rows: u64, bytes: u64, size: u64) {
        let per_row = (bytes / rows.max(1)).max(1);
        let rows = (size / per_row + size / per_row / 10) as usize;
        if self.plan.key.is_empty() {
            self.dupes.reserve(rows);
        } else {
            self.keys.reserve(rows);
        }
    }

    /// Finishes the blocks of a chunk as if its rows had been read here, their lines moved by
    /// `offset`; takes in the keys it collected. Gives back the blocks, emptied.
    fn absorb(&mut self, checked: Checked, offset: u64) -> io::Result<Vec<Pending>> {
        self.flush()?;
        self.report.rows += checked.rows;
        let mut emptied = Vec::with_capacity(checked.blocks.len() + 1);
        for mut block in checked.blocks {
            if offset != 0 {
                block.rows.iter_mut().for_each(|r| r.line += offset);
                block.problems.iter_mut().filter_map(|p| p.row.as_mut()).for_each(|row| *row += offset);
            }
            emptied.push(std::mem::replace(&mut self.pending, block));
            self.flush()?;
        }
        emptied.push(std::mem::take(&mut self.pending));
        for (mine, theirs) in self.collectors.iter_mut().zip(checked.collectors) {
            for (key, spans) in theirs.index.map {
                mine.index.map.entry(key).or_default().extend(spans);
            }
        }
        Ok(emptied)
    }
}

/// Where the records of chunk `k` stop starting: the next chunk's offset (none after the last).
fn stop_of(offsets: &[u64], k: usize) -> u64 {
    offsets.get(k + 1).copied().unwrap_or(u64::MAX)
}

/// Waits until chunk `k` is within `ahead` chunks of the one being finished; `false` when the
/// run stopped.
fn wait_turn(slots: &Mutex<Slots>, ready: &Condvar, k: usize, ahead: usize) -> bool {
    let mut guard = lock(slots);
    while !guard.stopped && k >= guard.finished + ahead {
        guard = ready.wait(guard).unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    !guard.stopped
}

/// Stops the threads' waiting when the run of the whole file ends, however it ends.
struct StopOnDrop<'s>(&'s Mutex<Slots>, &'s Condvar);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        lock(self.0).stopped = true;
        self.1.notify_all();
    }
}

fn lock(slots: &Mutex<Slots>) -> std::sync::MutexGuard<'_, Slots> {
    slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
