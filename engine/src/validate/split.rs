//! Splitting a byte stream into records and fields, keeping each record's original bytes and
//! noting every quoting problem instead of silently repairing it.
//!
//! Hand-written rather than the csv crate because a validator needs what csv hides: the exact
//! bytes of a record (for the rejects file), stray quotes (csv accepts `a"b` and `"a"b`), and a
//! recovery from an unclosed quote that loses one line instead of swallowing the rest of the file.
//! Lines without a quote, nearly all of them, take a fast path: one `memchr` for the line end, one
//! for a quote, one pass for the separators.

use std::io::{self, Read};

use memchr::memchr;

/// A single line longer than this cannot be held and makes the file unreadable.
pub(crate) const MAX_LINE: usize = 64 << 20;
/// A quoted field running over a line break past this many bytes is taken as a quote never closed.
const MULTILINE_LIMIT: usize = 1 << 20;
const CHUNK: usize = 256 << 10;

/// A quoting problem of one field of the current record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteIssue {
    /// A `"` inside a field that does not start with one.
    QuoteInUnquoted,
    /// Characters between a closing quote and the next separator.
    TextAfterClosing,
    /// A quote opened and not closed on its line; the record was cut at the line's end.
    Unclosed,
    /// A quoted field holds a line break (legal CSV, suspicious in an exchange file).
    LineBreak,
}

pub(crate) struct Splitter<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    pub(crate) sep: u8,
    next_line: u64,
    /// The width of a regular record, once the header is read: a record that spans lines and has
    /// another width is taken as an unclosed quote and cut at its first line.
    pub(crate) expected_width: Option<usize>,
    rec_start: usize,
    rec_end: usize,
    rec_term_end: usize,
    /// The line on which the current record starts (1-based) and how many lines it spans.
    pub(crate) line: u64,
    pub(crate) lines: u64,
    fields: Vec<(usize, usize)>,
    scratch: Vec<u8>,
    unescaped: bool,
    /// Quoting problems of the current record: (field index, issue).
    pub(crate) issues: Vec<(usize, QuoteIssue)>,
    /// Bytes consumed before the current position, for size estimates.
    consumed: u64,
}

impl<R: Read> Splitter<R> {
    #[cfg(test)]
    pub(crate) fn new(input: R, sep: u8) -> Self {
        Splitter::sized(input, sep, None)
    }

    /// A splitter over an input of `size` bytes, when known: a small file gets a small buffer
    /// (a national run reads thousands of them, and a zeroed 256 KiB each cost as much system
    /// time as their reading); the buffer grows for a longer line anyway.
    pub(crate) fn sized(input: R, sep: u8, size: Option<u64>) -> Self {
        Splitter {
            input,
            buf: vec![0; buffer_size(size)],
            pos: 0,
            len: 0,
            eof: false,
            sep,
            next_line: 1,
            expected_width: None,
            rec_start: 0,
            rec_end: 0,
            rec_term_end: 0,
            line: 0,
            lines: 0,
            fields: Vec::with_capacity(32),
            scratch: Vec::new(),
            unescaped: false,
            issues: Vec::new(),
            consumed: 0,
        }
    }

    /// The next `n` bytes (fewer at the end of the input), without consuming them.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.len - self.pos < n && !self.eof {
            self.fill()?;
        }
        let end = (self.pos + n).min(self.len);
        Ok(&self.buf[self.pos..end])
    }

    /// The first line still unread (without its line break), without consuming it.
    pub(crate) fn peek_line(&mut self) -> io::Result<&[u8]> {
        loop {
            if let Some(i) = memchr(b'\n', &self.buf[self.pos..self.len]) {
                return Ok(&self.buf[self.pos..self.pos + i]);
            }
            if self.eof {
                return Ok(&self.buf[self.pos..self.len]);
            }
            self.fill()?;
        }
    }

    /// Drops `n` bytes that [`Splitter::peek`] showed (a byte-order mark).
    pub(crate) fn skip(&mut self, n: usize) {
        let n = n.min(self.len - self.pos);
        self.pos += n;
        self.consumed += n as u64;
    }

    /// The input read so far (a hashing reader gives its digest at the end).
    pub(crate) fn input_mut(&mut self) -> &mut R {
        &mut self.input
    }

    pub(crate) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Numbers the records from `line` on (a splitter over a chunk of a file).
    pub(crate) fn set_first_line(&mut self, line: u64) {
        self.next_line = line;
    }

    /// How many lines the records read so far span.
    pub(crate) fn lines_read(&self) -> u64 {
        self.next_line - 1
    }

    /// Reads the next record; `false` at the end of the input.
    pub(crate) fn next_record(&mut self) -> io::Result<bool> {
        loop {
            if self.pos == self.len && self.eof {
                return Ok(false);
            }
            if self.pos < self.len && self.scan(self.eof) {
                self.consumed += (self.rec_term_end - self.rec_start) as u64;
                self.line = self.next_line;
                self.next_line += self.lines;
                return Ok(true);
            }
            self.fill()?;
        }
    }

    /// Whether the current record had quotes (its fields are then unescaped copies).
    pub(crate) fn quoted(&self) -> bool {
        self.unescaped
    }

    pub(crate) fn width(&self) -> usize {
        self.fields.len()
    }

    /// The bytes the current record's fields are slices of, and the offset of their start in the
    /// spans [`Splitter::field_span`] gives. Fields are apart by an ASCII byte in them.
    pub(crate) fn record_bytes(&self) -> (&[u8], usize) {
        if self.unescaped { (&self.scratch, 0) } else { (&self.buf[self.rec_start..self.rec_end], self.rec_start) }
    }

    /// Where field `i` lies (see [`Splitter::record_bytes`]).
    pub(crate) fn field_span(&self, i: usize) -> (usize, usize) {
        self.fields[i]
    }

    pub(crate) fn field(&self, i: usize) -> &[u8] {
        let (a, b) = self.fields[i];
        if self.unescaped { &self.scratch[a..b] } else { &self.buf[a..b] }
    }

    /// The record's bytes as they are in the input, without its line break.
    pub(crate) fn raw(&self) -> &[u8] {
        &self.buf[self.rec_start..self.rec_end]
    }

    /// The record's line break as it is in the input (empty on a last line without one).
    pub(crate) fn terminator(&self) -> &[u8] {
        &self.buf[self.rec_end..self.rec_term_end]
    }

    /// Makes room and reads more input; sets `eof` when there is none.
    fn fill(&mut self) -> io::Result<()> {
        let line = self.next_line;
        let too_long = || {
            io::Error::new(
                io::ErrorKind::InvalidData,
                crate::message::IoMessage(msg!("data-line-too-long", line = line, size = MAX_LINE >> 20)),
            )
        };
        refill(&mut self.input, &mut self.buf, (&mut self.pos, &mut self.len), &mut self.eof, too_long)
    }

    /// Tries to read one record at `pos`; `false` when more input is needed to finish it.
    fn scan(&mut self, at_eof: bool) -> bool {
        let data = &self.buf[self.pos..self.len];
        let nl = memchr(b'\n', data);
        let line_end = match nl {
            Some(i) => i,
            None if at_eof => data.len(),
            None => return false,
        };
        let end = if line_end > 0 && data[line_end - 1] == b'\r' { line_end - 1 } else { line_end };
        let start = self.pos;
        self.fields.clear();
        let mut field_start = start;
        let quoted = for_each_byte(&data[..line_end], self.sep, b'"', |i| {
            self.fields.push((field_start, start + i));
            field_start = start + i + 1;
        });
        if quoted {
            return self.scan_quoted(at_eof, false) || self.cut_unclosed(at_eof);
        }
        self.fields.push((field_start, start + end));
        self.unescaped = false;
        self.issues.clear();
        self.lines = 1;
        self.rec_start = start;
        self.rec_end = start + end;
        self.rec_term_end = start + nl.map_or(line_end, |i| i + 1);
        self.pos = self.rec_term_end;
        true
    }

    /// After [`Splitter::scan_quoted`] declined: if the record cannot be finished as CSV (a quote
    /// seemingly never closed), cut it at the end of its first line.
    fn cut_unclosed(&mut self, at_eof: bool) -> bool {
        let data = &self.buf[self.pos..self.len];
        let too_long = data.len() > MULTILINE_LIMIT && memchr(b'\n', data).is_some();
        if at_eof || too_long { self.scan_quoted(true, true) } else { false }
    }

    /// The slow path, for records with quotes: field contents are copied (unescaped) into
    /// `scratch`. With `one_line`, a line break inside quotes ends the record (the quote is
    /// reported unclosed). Returns `false` when more input is needed, or when the record would
    /// span lines with the wrong width or without closing its quote (then the caller cuts it).
    fn scan_quoted(&mut self, at_eof: bool, one_line: bool) -> bool {
        let sep = self.sep;
        let data = &self.buf[self.pos..self.len];
        let scratch = &mut self.scratch;
        let fields = &mut self.fields;
        let issues = &mut self.issues;
        scratch.clear();
        fields.clear();
        issues.clear();
        let mut i = 0usize;
        let mut lines = 1u64;
        let mut multiline_fields = Vec::new();
        let (rec_end, term_end) = 'record: loop {
            let field_idx = fields.len();
            let field_start = scratch.len();
            let mut field_end_trim = 0usize;
            if i < data.len() && data[i] == b'"' {
                i += 1;
                'quoted: loop {
                    let Some(j) = memchr::memchr2(b'"', b'\n', &data[i..]) else {
                        if !at_eof {
                            return false;
                        }
                        // The input ends inside quotes.
                        if !one_line && lines > 1 {
                            return false;
                        }
                        scratch.extend_from_slice(&data[i..]);
                        issues.push((field_idx, QuoteIssue::Unclosed));
                        i = data.len();
                        break 'quoted;
                    };
                    let at = i + j;
                    if data[at] == b'\n' {
                        if one_line {
                            let content_end = if at > i && data[at - 1] == b'\r' { at - 1 } else { at };
                            scratch.extend_from_slice(&data[i..content_end]);
                            issues.push((field_idx, QuoteIssue::Unclosed));
                            fields.push((field_start, scratch.len()));
                            break 'record (content_end, at + 1);
                        }
                        if multiline_fields.last() != Some(&field_idx) {
                            multiline_fields.push(field_idx);
                        }
                        lines += 1;
                        scratch.extend_from_slice(&data[i..=at]);
                        i = at + 1;
                        continue 'quoted;
                    }
                    scratch.extend_from_slice(&data[i..at]);
                    i = at + 1;
                    if i == data.len() && !at_eof {
                        return false;
                    }
                    if i < data.len() && data[i] == b'"' {
                        scratch.push(b'"');
                        i += 1;
                        continue 'quoted;
                    }
                    break 'quoted;
                }
                if i + 1 == data.len() && data[i] == b'\r' && !at_eof {
                    return false;
                }
                if i < data.len() && data[i] != sep && data[i] != b'\n' && !(data[i] == b'\r' && data.get(i + 1) == Some(&b'\n')) {
                    issues.push((field_idx, QuoteIssue::TextAfterClosing));
                    i = unquoted(data, i, sep, scratch, &mut field_end_trim);
                }
            } else {
                let before = scratch.len();
                i = unquoted(data, i, sep, scratch, &mut field_end_trim);
                if memchr(b'"', &scratch[before..]).is_some() {
                    issues.push((field_idx, QuoteIssue::QuoteInUnquoted));
                }
            }
            // A `\r` before the line break belongs to the line break, not to the field.
            scratch.truncate(scratch.len() - field_end_trim);
            fields.push((field_start, scratch.len()));
            // Fields stay apart in `scratch` by an ASCII byte, so that a field boundary is never
            // inside a character of text read from `scratch` as a whole.
            scratch.push(sep);
            if i >= data.len() {
                if !at_eof {
                    return false;
                }
                break 'record (data.len(), data.len());
            }
            match data[i] {
                b'\n' => break 'record (i - field_end_trim, i + 1),
                b'\r' => break 'record (i, i + 2),
                _ => i += 1,
            }
        };
        // A record over several lines is believed only if it is otherwise regular.
        let irregular = !issues.is_empty() || self.expected_width.is_some_and(|w| w != fields.len());
        if lines > 1 && irregular && !one_line {
            return self.scan_quoted(true, true);
        }
        for f in multiline_fields {
            issues.push((f, QuoteIssue::LineBreak));
        }
        self.unescaped = true;
        self.lines = lines;
        self.rec_start = self.pos;
        self.rec_end = self.pos + rec_end;
        self.rec_term_end = self.pos + term_end;
        self.pos = self.rec_term_end;
        true
    }
}

/// The first size of the buffer of a reader of records over an input of `size` bytes, when known:
/// a small input gets a small buffer (see [`Splitter::sized`]).
pub(crate) fn buffer_size(size: Option<u64>) -> usize {
    size.map_or(CHUNK, |n| usize::try_from(n.saturating_add(1)).unwrap_or(CHUNK).clamp(4 << 10, CHUNK))
}

/// Moves the unread bytes `buf[pos..len]` to the front of `buf` and reads more after them,
/// growing `buf` when they fill it, up to [`MAX_LINE`] (then the error `too_long` makes); sets
/// `eof` when the input has no more. The reading of every reader of records by line.
pub(crate) fn refill<R: Read>(
    input: &mut R,
    buf: &mut Vec<u8>,
    (pos, len): (&mut usize, &mut usize),
    eof: &mut bool,
    too_long: impl FnOnce() -> io::Error,
) -> io::Result<()> {
    if *pos > 0 {
        buf.copy_within(*pos..*len, 0);
        *len -= *pos;
        *pos = 0;
    }
    if *len == buf.len() {
        if buf.len() >= MAX_LINE {
            return Err(too_long());
        }
        let grown = (buf.len() * 2).min(MAX_LINE);
        buf.resize(grown, 0);
    }
    loop {
        match input.read(&mut buf[*len..]) {
            Ok(0) => {
                *eof = true;
                return Ok(());
            }
            Ok(n) => {
                *len += n;
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// Calls `f` with the position of each `byte` in `data`, eight bytes at a time (a line has a
/// separator every few bytes, too often for `memchr` to pay for its calls); returns whether
/// `data` holds `stop` too, in which case the positions given are not to be used.
#[inline]
fn for_each_byte(data: &[u8], byte: u8, stop: u8, mut f: impl FnMut(usize)) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each byte of the result is set exactly where `x` has a zero byte.
    let zeros = |x: u64| !(((x & LOW7) + LOW7) | x | LOW7);
    let (pattern, stops) = (u64::from_le_bytes([byte; 8]), u64::from_le_bytes([stop; 8]));
    let mut chunks = data.chunks_exact(8);
    let mut base = 0;
    let mut seen_stop = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of 8 bytes"));
        seen_stop |= zeros(word ^ stops);
        let mut found = zeros(word ^ pattern);
        while found != 0 {
            f(base + found.trailing_zeros() as usize / 8);
            found &= found - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        seen_stop |= u64::from(b == stop);
        if b == byte {
            f(base + i);
        }
    }
    seen_stop != 0
}

/// Copies an unquoted field from `data[i..]` up to the separator or line break into `scratch`;
/// returns where it stopped. `trim` is set to 1 when the field ends with the `\r` of a `\r\n`.
fn unquoted(data: &[u8], mut i: usize, sep: u8, scratch: &mut Vec<u8>, trim: &mut usize) -> usize {
    let start = i;
    while i < data.len() && data[i] != sep && data[i] != b'\n' {
        i += 1;
    }
    scratch.extend_from_slice(&data[start..i]);
    *trim = usize::from(i < data.len() && data[i] == b'\n' && i > start && data[i - 1] == b'\r');
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `text` and shows each record as `line:[fields]{issues}`.
    fn split(text: &str, width: Option<usize>) -> Vec<String> {
        let mut s = Splitter::new(text.as_bytes(), b';');
        s.expected_width = width;
        let mut out = Vec::new();
        while s.next_record().unwrap() {
            let fields: Vec<String> = (0..s.width()).map(|i| String::from_utf8_lossy(s.field(i)).into_owned()).collect();
            let mut item = format!("{}:{}", s.line, fields.join("|"));
            if !s.issues.is_empty() {
                item.push_str(&format!(" {:?}", s.issues));
            }
            assert!(s.raw().is_empty() || text.as_bytes().windows(s.raw().len()).any(|w| w == s.raw()), "raw bytes are verbatim");
            out.push(item);
        }
        out
    }

    #[test]
    fn plain_lines_and_line_breaks() {
        assert_eq!(split("a;b\r\nc;d\n\ne;\n", None), ["1:a|b", "2:c|d", "3:", "4:e|"]);
        assert_eq!(split("a;b", None), ["1:a|b"]);
        assert_eq!(split("", None), Vec::<String>::new());
    }

    #[test]
    fn quotes_are_unescaped_and_problems_noted() {
        assert_eq!(split("\"a;b\";\"say \"\"hi\"\"\"\r\n", None), ["1:a;b|say \"hi\""]);
        assert_eq!(split("a\"b;c\n", None), ["1:a\"b|c [(0, QuoteInUnquoted)]"]);
        assert_eq!(split("\"a\"b;c\n", None), ["1:ab|c [(0, TextAfterClosing)]"]);
        assert_eq!(split("x;\"a\nb\";c\nd;e;f\n", Some(3)), ["1:x|a\nb|c [(1, LineBreak)]", "3:d|e|f"]);
    }

    #[test]
    fn an_unclosed_quote_costs_one_line() {
        // Closed three lines later, the record would have the wrong width: cut at the first line.
        assert_eq!(split("x;\"abc;z\nd;e;f\ng;\"h\";i\n", Some(3)), ["1:x|abc;z [(1, Unclosed)]", "2:d|e|f", "3:g|h|i"]);
        // Never closed before the end of the input.
        assert_eq!(split("x;\"abc;z\r\nd;e;f\n", Some(3)), ["1:x|abc;z [(1, Unclosed)]", "2:d|e|f"]);
        assert_eq!(split("d;e;\"f", Some(3)), ["1:d|e|f [(2, Unclosed)]"]);
    }

    #[test]
    fn records_span_reads_of_any_size() {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(3);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let text = "aa;\"b\"\"b\";cc\r\nd;e;f\n";
        let mut s = Splitter::new(Trickle(text.as_bytes()), b';');
        let mut n = 0;
        while s.next_record().unwrap() {
            n += 1;
        }
        assert_eq!(n, 2);
        assert_eq!(s.consumed(), text.len() as u64);
    }
}
