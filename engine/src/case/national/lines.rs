//! Reading a range of a national file for a cut in halves, line by line: each line is a record,
//! split only as far as the fields the cut reads. It gives what the validator's splitter gives a
//! line without a quote (the record's bytes, its line break, its fields), and stops at the first
//! line with a quote (a quoted field can hold a line break: the splitter reads such a file, in
//! one piece, since a quoted line break could sit on the cut anyway).
//!
//! Measured on the peers' national files (1 M + 5 M lines, cut in halves on 2 cores; `perf`
//! samples of the cut's threads, load 5, noisy): splitting every field of every line with the
//! splitter, 64 of the cut's 370 samples; finding the lines and the one or two fields the cut
//! reads, 38 of 281.

use std::io::{self, Read};

use memchr::memchr2;

use crate::validate::split::{buffer_size, refill};

/// A range of a file read line by line (see the module's documentation).
pub(crate) struct Lines<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    sep: u8,
    /// The current record: where it starts, where it ends (before its line break), and where its
    /// line break ends.
    start: usize,
    end: usize,
    term_end: usize,
    /// The line of the current record (1 for the range's first; 0 before it).
    pub(crate) line: u64,
    consumed: u64,
    /// A line with a quote was met, and the reading stopped before it.
    pub(crate) quoted: bool,
}

impl<R: Read> Lines<R> {
    /// A reader of `input`, `size` bytes, whose fields are apart by `sep`.
    pub(crate) fn new(input: R, sep: u8, size: u64) -> Self {
        Lines {
            input,
            buf: vec![0; buffer_size(Some(size))],
            pos: 0,
            len: 0,
            eof: false,
            sep,
            start: 0,
            end: 0,
            term_end: 0,
            line: 0,
            consumed: 0,
            quoted: false,
        }
    }

    /// Reads the next line; `false` at the end of the range, or at a line with a quote.
    pub(crate) fn next_record(&mut self) -> io::Result<bool> {
        if self.quoted {
            return Ok(false);
        }
        loop {
            if self.pos == self.len && self.eof {
                return Ok(false);
            }
            let data = &self.buf[self.pos..self.len];
            let (line_end, term) = match memchr2(b'\n', b'"', data) {
                Some(i) if data[i] == b'"' => {
                    self.quoted = true;
                    return Ok(false);
                }
                Some(i) => (i, i + 1),
                None if self.eof => (data.len(), data.len()),
                None => {
                    self.fill()?;
                    continue;
                }
            };
            // A `\r` before the line break (or at the end of the input) belongs to the line break.
            let end = if line_end > 0 && data[line_end - 1] == b'\r' { line_end - 1 } else { line_end };
            self.start = self.pos;
            self.end = self.pos + end;
            self.term_end = self.pos + term;
            self.pos = self.term_end;
            self.consumed += term as u64;
            self.line += 1;
            return Ok(true);
        }
    }

    /// The current record's bytes, without its line break.
    pub(crate) fn raw(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// The current record's line break (empty on a last line without one).
    pub(crate) fn terminator(&self) -> &[u8] {
        &self.buf[self.end..self.term_end]
    }

    /// Field `i` of the current record (absent: empty).
    pub(crate) fn field(&self, i: usize) -> &[u8] {
        self.raw().split(|&b| b == self.sep).nth(i).unwrap_or_default()
    }

    /// Bytes read up to the end of the current record.
    pub(crate) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Makes room and reads more input; sets `eof` when there is none.
    fn fill(&mut self) -> io::Result<()> {
        // The splitter tells which line is too long, when the file is read again in one piece.
        let too_long = || io::ErrorKind::InvalidData.into();
        refill(&mut self.input, &mut self.buf, (&mut self.pos, &mut self.len), &mut self.eof, too_long)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::split::Splitter;

    /// Each record as `line:raw|terminator|fields`, fields as the cut reads them (up to 4).
    fn records(text: &str, lines: bool) -> Vec<String> {
        let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let mut out = Vec::new();
        if lines {
            // A small buffer first: lines across reads.
            let mut r = Lines::new(text.as_bytes(), b';', 3);
            r.buf = vec![0; 5];
            while r.next_record().unwrap() {
                let fields: Vec<String> = (0..4).map(|i| show(r.field(i))).collect();
                out.push(format!("{}:{}|{:?}|{}", r.line, show(r.raw()), show(r.terminator()), fields.join(",")));
            }
            assert_eq!(r.consumed(), text.len() as u64, "every byte read");
        } else {
            let mut s = Splitter::new(text.as_bytes(), b';');
            while s.next_record().unwrap() {
                let fields: Vec<String> = (0..4).map(|i| if i < s.width() { show(s.field(i)) } else { String::new() }).collect();
                out.push(format!("{}:{}|{:?}|{}", s.line, show(s.raw()), show(s.terminator()), fields.join(",")));
            }
        }
        out
    }

    #[test]
    fn lines_without_quotes_are_read_as_the_splitter_reads_them() {
        for text in
            ["a;b;c\nd;e;f\n", "a;b\r\nc;d\r\n\n e ;\n;;;;\nlast;line", "a;b\r", "x\r\r\ny\n", "", "\n\n", "P0001;T01;é;x\nP0002;;;\n"]
        {
            assert_eq!(records(text, true), records(text, false), "{text:?}");
        }
    }

    #[test]
    fn a_line_with_a_quote_stops_the_reading() {
        let mut r = Lines::new(&b"a;b\nc;\"d\"\ne;f\n"[..], b';', 12);
        assert!(r.next_record().unwrap());
        assert!(!r.quoted);
        assert!(!r.next_record().unwrap(), "the quoted line is not read");
        assert!(r.quoted);
        assert!(!r.next_record().unwrap(), "nor any after it");
    }
}
