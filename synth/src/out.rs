//! Writing the case files: one buffered CSV writer that owns the French exchange conventions
//! (`;` separator, `\n` line ends, UTF-8 without BOM, dates `JJ/MM/AAAA`, decimals with a comma and
//! two decimals, booleans `O`/`N`, an empty field for an absent value).
//!
//! Each row is assembled in one reused byte buffer, so writing a row allocates nothing once the
//! buffer has grown to the longest line: the same code writes a hundred rows or a hundred million.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

/// A CSV file being written, row by row.
pub(crate) struct CsvOut {
    writer: BufWriter<File>,
    path: PathBuf,
    line: Vec<u8>,
    n_fields: usize,
    n_rows: usize,
}

impl CsvOut {
    /// Creates `dir/name` and writes its header line.
    pub(crate) fn create(dir: &Path, name: &str, header: &[&str]) -> io::Result<Self> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|e| with_path(&path, e))?;
        let mut out =
            CsvOut { writer: BufWriter::with_capacity(1 << 16, file), path, line: Vec::with_capacity(256), n_fields: 0, n_rows: 0 };
        for field in header {
            out.str(field);
        }
        out.write_line()?;
        Ok(out)
    }

    fn sep(&mut self) {
        if self.n_fields > 0 {
            self.line.push(b';');
        }
        self.n_fields += 1;
    }

    /// A text field. The built-in texts never contain `;`, `"` or a line break, so no quoting.
    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) -> &mut Self {
        debug_assert!(!b.iter().any(|c| matches!(c, b';' | b'"' | b'\n' | b'\r')));
        self.sep();
        self.line.extend_from_slice(b);
        self
    }

    /// An absent value.
    pub(crate) fn empty(&mut self) -> &mut Self {
        self.sep();
        self
    }

    pub(crate) fn date(&mut self, d: NaiveDate) -> &mut Self {
        self.sep();
        push_date(&mut self.line, d);
        self
    }

    pub(crate) fn opt_date(&mut self, d: Option<NaiveDate>) -> &mut Self {
        match d {
            Some(d) => self.date(d),
            None => self.empty(),
        }
    }

    pub(crate) fn uint(&mut self, n: u64) -> &mut Self {
        self.sep();
        push_uint(&mut self.line, n);
        self
    }

    /// An amount in cents, written as euros with a comma and two decimals (`3000` → `30,00`).
    pub(crate) fn cents(&mut self, cents: i64) -> &mut Self {
        self.sep();
        push_hundredths(&mut self.line, cents);
        self
    }

    pub(crate) fn flag(&mut self, b: bool) -> &mut Self {
        self.bytes(if b { b"O" } else { b"N" })
    }

    /// Ends the row being assembled.
    pub(crate) fn end(&mut self) -> io::Result<()> {
        self.write_line()?;
        self.n_rows += 1;
        Ok(())
    }

    fn write_line(&mut self) -> io::Result<()> {
        self.line.push(b'\n');
        let result = self.writer.write_all(&self.line);
        self.line.clear();
        self.n_fields = 0;
        result.map_err(|e| with_path(&self.path, e))
    }

    /// Flushes the file and returns its number of data rows (the header excluded).
    pub(crate) fn finish(mut self) -> io::Result<usize> {
        self.writer.flush().map_err(|e| with_path(&self.path, e))?;
        Ok(self.n_rows)
    }
}

/// Writes a small text file in one go.
pub(crate) fn write_text(dir: &Path, name: &str, text: &str) -> io::Result<()> {
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| with_path(&path, e))
}

/// Adds the file to an I/O error, as every I/O error must name its file.
pub(crate) fn with_path(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
}

pub(crate) fn push_date(buf: &mut Vec<u8>, d: NaiveDate) {
    let (day, month) = (d.day(), d.month());
    let year = d.year().clamp(0, 9999) as u32;
    buf.extend_from_slice(&[
        b'0' + (day / 10) as u8,
        b'0' + (day % 10) as u8,
        b'/',
        b'0' + (month / 10) as u8,
        b'0' + (month % 10) as u8,
        b'/',
        b'0' + (year / 1000) as u8,
        b'0' + (year / 100 % 10) as u8,
        b'0' + (year / 10 % 10) as u8,
        b'0' + (year % 10) as u8,
    ]);
}

pub(crate) fn push_uint(buf: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[start..]);
}

/// Writes a number of hundredths as a decimal with a comma and two decimals.
pub(crate) fn push_hundredths(buf: &mut Vec<u8>, hundredths: i64) {
    if hundredths < 0 {
        buf.push(b'-');
    }
    let abs = hundredths.unsigned_abs();
    push_uint(buf, abs / 100);
    let rest = (abs % 100) as u8;
    buf.extend_from_slice(&[b',', b'0' + rest / 10, b'0' + rest % 10]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_formats() {
        let mut buf = Vec::new();
        push_date(&mut buf, NaiveDate::from_ymd_opt(2025, 3, 9).unwrap());
        buf.push(b' ');
        push_hundredths(&mut buf, 3000);
        buf.push(b' ');
        push_hundredths(&mut buf, 5);
        buf.push(b' ');
        push_hundredths(&mut buf, -1426);
        buf.push(b' ');
        push_uint(&mut buf, 0);
        assert_eq!(String::from_utf8(buf).unwrap(), "09/03/2025 30,00 0,05 -14,26 0");
    }
}
