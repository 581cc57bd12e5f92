//! Reading the header of a file: the separator, the columns by name (misspelt, missing, unknown,
//! duplicated or out of order), or no header at all.

use std::io::{self, Read};

use crate::data::norm::Encoding;
use crate::diagnostic::Code;
use crate::message::Message;
use crate::validate::encoding::{binary_kind, encoding_name, show_sep};
use crate::validate::run::*;
use crate::validate::split::Splitter;
use crate::validate::{Problem, is_misspelling};

impl<'p, 'a> Run<'p, 'a> {
    /// Reads the byte-order mark and the header; `false` when there is nothing more to read.
    pub(crate) fn read_header<R: Read>(&mut self, s: &mut Splitter<R>) -> io::Result<bool> {
        let start = s.peek(3)?;
        if start.starts_with(b"\xEF\xBB\xBF") {
            s.skip(3);
            if self.plan.norm.encoding == Encoding::Windows1252 {
                self.emit(Problem::new(Code::EncodingSuspect, Some(1), msg!("data-file-bom-in-windows-1252")))?;
            }
        } else if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
            self.emit(
                Problem::new(Code::FileEncoding, None, msg!("data-file-utf16"))
                    .hint(msg!("data-file-save-as", encoding = encoding_name(self.plan.norm.encoding))),
            )?;
            return Ok(false);
        }
        if s.peek(1)?.is_empty() {
            self.emit(crate::validate::empty_file_problem())?;
            return Ok(false);
        }
        if let Some(what) = binary_kind(s.peek(crate::validate::BINARY_SNIFF as usize)?) {
            self.emit(
                Problem::new(Code::NotText, None, msg!("data-file-not-text", what = what))
                    .hint(msg!("data-file-save-as-csv", separator = show_sep(self.plan.norm.separator))),
            )?;
            return Ok(false);
        }
        let line = s.peek_line()?.to_vec();
        if line.iter().position(|&b| b == b'\r').is_some_and(|i| i + 1 < line.len()) {
            self.emit(Problem::new(Code::LineEndings, Some(1), msg!("data-file-lone-cr")).hint(msg!("data-file-lone-cr-hint")))?;
            return Ok(false);
        }
        self.check_separator(s, &line)?;
        self.sep = s.sep;
        if !s.next_record()? {
            return Ok(false);
        }
        let cells: Vec<Message> = (0..s.width()).map(|i| self.unless_identifier(self.header_text(s.field(i)))).collect();
        let is_header = self.map_columns(&cells)?;
        self.width = cells.len();
        s.expected_width = Some(self.width);
        if is_header {
            // A header is column names; a number in it is masked as in a row no one can map.
            let mut header = Vec::new();
            if self.options.show_identifiers {
                header.extend_from_slice(s.raw());
            } else {
                let (min, mask) = (crate::data::mask::unmapped_min_digits(self.plan.norm), crate::data::mask::MASK);
                crate::data::mask::mask_runs_into(s.raw(), min, s.sep, mask, &mut header);
            }
            self.sink.header(&header, s.terminator())?;
            self.check_quoting(s, true)?;
        } else {
            let names: Vec<&str> = self.plan.norm.fields.iter().map(|f| f.name.as_str()).collect();
            let terminator = if s.terminator().is_empty() { b"\n".as_slice() } else { s.terminator() };
            self.sink.header(names.join(&char::from(s.sep).to_string()).as_bytes(), terminator)?;
            // The first line is data: it is the first row.
            self.check_row(s)?;
        }
        Ok(true)
    }

    pub(crate) fn header_text(&self, bytes: &[u8]) -> String {
        let text = match (self.plan.norm.encoding, std::str::from_utf8(bytes)) {
            (Encoding::Utf8, Ok(s)) => s.to_string(),
            (Encoding::Utf8, Err(_)) => String::from_utf8_lossy(bytes).into_owned(),
            (Encoding::Windows1252, _) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        };
        text.trim().to_string()
    }

    /// When the header holds no separator of the norm but another usual one, reads the file
    /// with that one (so that its other problems are found too) and reports it.
    pub(crate) fn check_separator<R: Read>(&mut self, s: &mut Splitter<R>, line: &[u8]) -> io::Result<()> {
        let sep = self.plan.norm.separator;
        if self.plan.fields.len() < 2 || line.contains(&sep) {
            return Ok(());
        }
        let found = [b';', b',', b'\t', b'|']
            .into_iter()
            .filter(|&c| c != sep)
            .map(|c| (line.iter().filter(|&&b| b == c).count(), c))
            .max()
            .filter(|(n, _)| *n > 0);
        if let Some((_, other)) = found {
            s.sep = other;
            self.emit(
                Problem::new(
                    Code::WrongSeparator,
                    Some(1),
                    msg!("data-file-wrong-separator", found = show_sep(other), wanted = show_sep(sep)),
                )
                .hint(msg!("data-file-wrong-separator-hint")),
            )?;
        }
        Ok(())
    }

    /// Maps header cells to the norm's fields and reports missing, unknown, misspelt,
    /// duplicated and disordered columns. Returns `false` when the first line is no header.
    pub(crate) fn map_columns(&mut self, shown: &[Message]) -> io::Result<bool> {
        // A masked cell names no field: it is matched as an empty one (too short to be misspelt).
        let cells: Vec<&str> = shown.iter().map(|c| c.as_text().unwrap_or("")).collect();
        let norm = self.plan.norm;
        let n = norm.fields.len();
        let mut columns: Vec<Option<usize>> = vec![None; n];
        let mut column_fields: Vec<Option<usize>> = vec![None; cells.len()];
        let mut problems = Vec::new();
        let mut unmatched = Vec::new();
        for (j, cell) in cells.iter().enumerate() {
            match norm.field_index(cell) {
                Some(f) if columns[f].is_none() => {
                    columns[f] = Some(j);
                    column_fields[j] = Some(f);
                }
                Some(f) => problems.push(
                    Problem::new(
                        Code::HeaderDuplicateColumn,
                        Some(1),
                        msg!("data-header-duplicate-column", column = j + 1, first = columns[f].unwrap_or(0) + 1),
                    )
                    .field(*cell),
                ),
                None => unmatched.push(j),
            }
        }
        let mut unknown = Vec::new();
        let mut n_fuzzy = 0;
        for j in unmatched {
            let cell = &cells[j];
            let free = || norm.fields.iter().enumerate().filter(|(f, _)| columns[*f].is_none());
            let by_case = free().find(|(_, f)| f.name.eq_ignore_ascii_case(cell));
            let close = by_case
                .or_else(|| {
                    n_fuzzy += 1;
                    free().find(|(_, f)| is_misspelling(cell, &f.name))
                })
                .map(|(f, _)| f);
            match close {
                Some(f) => {
                    columns[f] = Some(j);
                    column_fields[j] = Some(f);
                    let name = &norm.fields[f].name;
                    let message = match by_case {
                        Some(_) => msg!("data-header-column-case", column = j + 1, cell = cell, name = name),
                        None => msg!("data-header-column-misspelt", column = j + 1, cell = cell, name = name),
                    };
                    problems.push(
                        Problem::new(Code::HeaderMisspeltColumn, Some(1), message)
                            .field(name)
                            .hint(msg!("data-header-column-misspelt-hint", name = name)),
                    );
                }
                None => {
                    n_fuzzy -= 1;
                    unknown.push(j);
                }
            }
        }
        let n_named = columns.iter().flatten().count();
        // A line that names no column, or only seems to by likeness, is data.
        if n_named == 0 || (n_named == n_fuzzy && n_fuzzy * 2 < n) {
            // No column is named: the first line is data. Columns are read in the norm's order.
            self.columns = (0..n).map(|f| (f < cells.len()).then_some(f)).collect();
            self.column_fields = (0..cells.len()).map(|j| (j < n).then_some(j)).collect();
            let names: Vec<&str> = norm.fields.iter().map(|f| f.name.as_str()).collect();
            self.emit(
                Problem::new(Code::NoHeader, Some(1), msg!("data-header-none", norm = &norm.name))
                    .hint(msg!("data-header-none-hint", header = names.join(&char::from(norm.separator).to_string()))),
            )?;
            return Ok(false);
        }
        for j in unknown {
            problems.push(
                Problem::new(
                    Code::HeaderUnknownColumn,
                    Some(1),
                    msg!("data-header-unknown-column", column = j + 1, cell = &shown[j], norm = &norm.name),
                )
                .field(shown[j].clone())
                .hint(msg!("data-header-unknown-column-hint")),
            );
        }
        let all = || norm.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ");
        for (f, field) in norm.fields.iter().enumerate() {
            if columns[f].is_none() {
                problems.push(
                    Problem::new(Code::HeaderMissingColumn, Some(1), msg!("data-header-missing-column", name = &field.name))
                        .field(&field.name)
                        .hint(msg!("data-header-columns-in-order", columns = all())),
                );
            }
        }
        let order: Vec<usize> = columns.iter().flatten().copied().collect();
        if order.windows(2).any(|w| w[0] > w[1]) {
            problems.push(
                Problem::new(Code::HeaderColumnOrder, Some(1), msg!("data-header-column-order"))
                    .hint(msg!("data-header-norm-order", columns = all())),
            );
        }
        problems.sort_by_key(|p| p.code);
        for p in problems {
            self.emit(p)?;
        }
        self.columns = columns;
        self.column_fields = column_fields;
        Ok(true)
    }
}
