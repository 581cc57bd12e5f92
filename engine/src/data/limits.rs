//! The bounds every input file is read within, and the reader that enforces them while the bytes
//! stream past: a line that grows past its limit, or a NUL byte, stops the reading with a located
//! reason instead of exhausting memory; line endings are counted on the way. (A record spanning
//! lines is bounded by the validator's splitter, which takes a quoted field running past 1 MiB of
//! lines for a quote never closed.)
//!
//! The limits are far above what a real exchange file needs (a row of the widest norm is a few
//! hundred bytes and a dozen columns), so they only ever stop broken or hostile files.

use std::io::{self, Read};
use std::path::Path;

use memchr::memchr3;

use crate::hashing::StreamHash;
use crate::message::Message;

/// Longest physical line of a data file, in bytes.
pub(crate) const MAX_LINE_BYTES: usize = 1 << 20;
/// Largest magnitude of a number in a data file (10^15, a thousand million million), whatever its
/// norm declares: no count, distance or amount of one case comes near it, and ten million rows
/// of such values summed then multiplied by a rate of a million stay under the 7.9·10^28 that
/// the evaluation's decimals hold, so no value a file may hold can overflow an evaluation.
pub(crate) const MAX_NUMBER: rust_decimal::Decimal = rust_decimal::Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0);
/// Largest case description (the rulebook's case file): a few hundred lines at most in practice.
pub(crate) const MAX_CASE_FILE_BYTES: u64 = 1 << 20;

/// Why a guarded read stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Line `line` (1-based) is longer than [`MAX_LINE_BYTES`].
    LineTooLong { line: usize },
    /// Line `line` holds a NUL byte: the file is binary, or UTF-16.
    Nul { line: usize },
}

/// How the lines of a file end, counted as the bytes pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LineEndings {
    pub(crate) crlf: u64,
    pub(crate) lf: u64,
    /// A carriage return alone (old Mac style, or a stray `\r`).
    pub(crate) cr: u64,
}

impl LineEndings {
    /// Whether more than one style of line ending occurs.
    pub(crate) fn mixed(&self) -> bool {
        [self.crlf, self.lf, self.cr].iter().filter(|&&n| n > 0).count() > 1
    }
}

/// A reader that hashes what passes, counts lines and line endings, and stops at the first
/// [`Fault`]. The bytes before a fault are delivered; the read after them fails, so a parser on
/// top sees every complete record that precedes the problem.
pub(crate) struct Guarded<R> {
    inner: R,
    /// None: the bytes are known by another hash (a part of a national file already hashed).
    hasher: Option<StreamHash>,
    /// Current line (1-based) at the end of what was delivered.
    line: usize,
    line_len: usize,
    pending_cr: bool,
    last_byte: Option<u8>,
    endings: LineEndings,
    fault: Option<Fault>,
    max_line: usize,
    /// Bytes delivered so far.
    delivered: u64,
    /// NUL bytes before this offset pass: the reader on top looks at the start of the file
    /// itself, to say what binary file it is (a spreadsheet, UTF-16 text).
    nul_from: u64,
}

impl<R: Read> Guarded<R> {
    pub(crate) fn new(inner: R) -> Self {
        Guarded::with_limits(inner, MAX_LINE_BYTES)
    }

    /// A guard with other limits (tests use small ones).
    pub(crate) fn with_limits(inner: R, max_line: usize) -> Self {
        Guarded {
            inner,
            hasher: Some(StreamHash::default()),
            line: 1,
            line_len: 0,
            pending_cr: false,
            last_byte: None,
            endings: LineEndings::default(),
            fault: None,
            max_line,
            delivered: 0,
            nul_from: 0,
        }
    }

    /// Lets NUL bytes pass in the first `n` bytes (the reader on top judges them).
    pub(crate) fn nul_from(mut self, n: u64) -> Self {
        self.nul_from = n;
        self
    }

    /// A guard that does not hash what passes (its `sha256` is empty).
    pub(crate) fn unhashed(mut self) -> Self {
        self.hasher = None;
        self
    }

    /// The fault that stopped the reading, if any.
    pub(crate) fn fault(&self) -> Option<Fault> {
        self.fault
    }

    pub(crate) fn endings(&self) -> LineEndings {
        let mut e = self.endings;
        if self.pending_cr {
            e.cr += 1;
        }
        e
    }

    /// Whether the bytes read so far end with a line break (an empty input does not).
    pub(crate) fn ends_with_newline(&self) -> bool {
        matches!(self.last_byte, Some(b'\n' | b'\r'))
    }

    /// Hex SHA-256 of the bytes delivered so far (all of them once the reader is exhausted).
    pub(crate) fn sha256(&self) -> String {
        self.hasher.as_ref().map_or_else(String::new, StreamHash::hex)
    }

    /// Scans `buf` and returns how many of its bytes may be delivered.
    fn scan(&mut self, buf: &[u8]) -> usize {
        let mut pos = 0;
        if self.pending_cr && !buf.is_empty() {
            self.pending_cr = false;
            if buf[0] != b'\n' {
                self.endings.cr += 1;
            }
        }
        loop {
            let next = memchr3(b'\n', b'\r', 0, &buf[pos..]).map(|i| pos + i);
            let end = next.unwrap_or(buf.len());
            let run = end - pos;
            let room_line = self.max_line.saturating_sub(self.line_len);
            if run > room_line {
                let cut = pos + room_line;
                self.fault = Some(Fault::LineTooLong { line: self.line });
                return cut;
            }
            self.line_len += run;
            let Some(i) = next else { return buf.len() };
            match buf[i] {
                0 if self.delivered + (i as u64) < self.nul_from => self.line_len += 1,
                0 => {
                    self.fault = Some(Fault::Nul { line: self.line });
                    return i;
                }
                b'\n' => {
                    let after_cr = if i > 0 { buf[i - 1] == b'\r' } else { self.last_byte == Some(b'\r') };
                    if after_cr {
                        self.endings.crlf += 1;
                    } else {
                        self.endings.lf += 1;
                    }
                    self.line += 1;
                    self.line_len = 0;
                }
                _ => match buf.get(i + 1) {
                    Some(b'\n') => {}
                    Some(_) => {
                        self.endings.cr += 1;
                        self.line_len = 0;
                    }
                    None => {
                        self.pending_cr = true;
                        self.line_len = 0;
                    }
                },
            }
            pos = i + 1;
        }
    }
}

impl<R: Read> Read for Guarded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(fault) = self.fault {
            return Err(io::Error::other(format!("{fault:?}")));
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            return Ok(0);
        }
        let keep = self.scan(&buf[..n]);
        if keep == 0 && self.fault.is_some() {
            return Err(io::Error::other("input limit"));
        }
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&buf[..keep]);
        }
        self.delivered += keep as u64;
        self.last_byte = Some(buf[keep - 1]);
        Ok(keep)
    }
}

/// Why a path cannot be opened as a regular file.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// The path is a folder.
    Folder,
    /// The path is a pipe, a device or a socket: reading it could block or never end.
    NotRegular,
    Io(io::Error),
}

/// Opens `path` for reading if it is a regular file (after following symbolic links). A named
/// pipe is refused before it is opened, since opening one blocks until a writer comes.
pub(crate) fn open_regular(path: &Path) -> Result<std::fs::File, OpenError> {
    let meta = std::fs::metadata(path).map_err(OpenError::Io)?;
    if meta.is_dir() {
        return Err(OpenError::Folder);
    }
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    std::fs::File::open(path).map_err(OpenError::Io)
}

impl OpenError {
    /// The reason, for people.
    pub(crate) fn message(&self) -> Message {
        match self {
            OpenError::Folder => msg!("data-open-folder"),
            OpenError::NotRegular => msg!("data-open-not-regular"),
            OpenError::Io(e) => crate::rules::source::io_reason(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(mut g: Guarded<&[u8]>) -> (Vec<u8>, Guarded<&[u8]>) {
        let mut out = Vec::new();
        let mut buf = [0u8; 7];
        loop {
            match g.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        (out, g)
    }

    #[test]
    fn counts_line_endings_across_reads() {
        let (out, g) = drain(Guarded::new(b"a\r\nbb\ncc\rdd\r\nee\r".as_slice()));
        assert_eq!(out.len(), 16);
        assert_eq!(g.endings(), LineEndings { crlf: 2, lf: 1, cr: 2 });
        assert!(g.endings().mixed());
        assert!(g.ends_with_newline());
        assert_eq!(g.fault(), None);
    }

    #[test]
    fn stops_at_a_nul_byte_after_delivering_what_precedes_it() {
        let (out, g) = drain(Guarded::new(b"ab\ncd\nef\0gh\n".as_slice()));
        assert_eq!(out, b"ab\ncd\nef");
        assert_eq!(g.fault(), Some(Fault::Nul { line: 3 }));
    }

    #[test]
    fn stops_a_line_past_its_limit() {
        let (out, g) = drain(Guarded::with_limits(b"abc\nabcdefgh\nx".as_slice(), 5));
        assert_eq!(out, b"abc\nabcde");
        assert_eq!(g.fault(), Some(Fault::LineTooLong { line: 2 }));
    }

    #[test]
    fn lets_nul_bytes_pass_at_the_start_when_asked() {
        let (out, g) = drain(Guarded::new(b"a\0b\ncd\0\n".as_slice()).nul_from(4));
        assert_eq!(out, b"a\0b\ncd");
        assert_eq!(g.fault(), Some(Fault::Nul { line: 2 }));
    }

    #[test]
    fn hashes_every_byte() {
        let (_, g) = drain(Guarded::new(b"hello\n".as_slice()));
        assert_eq!(g.sha256(), crate::hashing::sha256_hex(b"hello\n"));
        assert!(!Guarded::new(b"".as_slice()).ends_with_newline());
    }

    #[test]
    fn refuses_folders() {
        assert!(matches!(open_regular(Path::new(".")), Err(OpenError::Folder)));
        assert!(matches!(open_regular(Path::new("/dev/null")), Err(OpenError::NotRegular)));
        assert!(matches!(open_regular(Path::new("no/such/file")), Err(OpenError::Io(_))));
    }
}
