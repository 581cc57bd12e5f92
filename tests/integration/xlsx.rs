//! `--format xlsx`: every workbook is read back with calamine. Its figures are number cells (not
//! text) equal to the cent to the JSON output of the same command on the same case, with the euro
//! format; its dates are date cells; each sheet has its header row, frozen. Expected values come
//! from the JSON output, so a new year or changed values never break these tests.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx};
use rust_decimal::Decimal;

use crate::sweep::{g_spec, tariff};
use crate::util::{Run, Sandbox, peps_default_in, peps_in, repo, shipped_years};

/// The format code of an amount in euros, as the workbook writes it.
const EUR: &str = "#,##0.00 \"€\"";

/// A workbook read back: its bytes (for what calamine does not read) and calamine's reader.
struct Book {
    bytes: Vec<u8>,
    xlsx: Xlsx<Cursor<Vec<u8>>>,
}

impl Book {
    fn read(path: &Path) -> Book {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let xlsx = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).expect("an xlsx workbook");
        Book { bytes, xlsx }
    }

    fn names(&self) -> Vec<String> {
        self.xlsx.sheet_names()
    }

    fn sheet(&mut self, name: &str) -> Sheet {
        let range = self.xlsx.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
        let styles = self.xlsx.worksheet_style(name).unwrap_or_else(|e| panic!("styles of {name}: {e}"));
        let formats = range
            .cells()
            .map(|(r, c, _)| {
                let at = (range.start().unwrap().0 + r as u32, range.start().unwrap().1 + c as u32);
                styles.get(at).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone()).unwrap_or_default()
            })
            .collect();
        Sheet { range, formats }
    }

    /// Every text of the workbook (its shared strings, as XML).
    fn texts(&self) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).expect("a zip file");
        let mut xml = String::new();
        zip.by_name("xl/sharedStrings.xml").expect("shared strings").read_to_string(&mut xml).expect("their XML");
        xml
    }

    /// Whether every sheet's first row is frozen (read from the sheet's XML: calamine does not
    /// read panes).
    fn every_header_frozen(&self) -> bool {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).expect("a zip file");
        let sheets: Vec<String> =
            zip.file_names().flatten().filter(|n| n.starts_with("xl/worksheets/sheet")).map(|n| n.to_string()).collect();
        assert!(!sheets.is_empty());
        sheets.iter().all(|name| {
            let mut xml = String::new();
            zip.by_name(name).expect("the sheet").read_to_string(&mut xml).expect("its XML");
            xml.contains("<pane ySplit=\"1\"") && xml.contains("state=\"frozen\"")
        })
    }
}

/// A sheet's cells and each cell's number format, by row and column from A1.
struct Sheet {
    range: Range<Data>,
    formats: Vec<String>,
}

impl Sheet {
    fn header(&self) -> Vec<String> {
        self.range.rows().next().expect("a header row").iter().map(|c| c.to_string()).collect()
    }

    fn column(&self, header: &str) -> usize {
        self.header().iter().position(|h| h == header).unwrap_or_else(|| panic!("no column `{header}` in {:?}", self.header()))
    }

    fn rows(&self) -> Vec<&[Data]> {
        self.range.rows().skip(1).collect()
    }

    /// The row whose cell in column `col` reads `text`.
    fn row(&self, col: usize, text: &str) -> (usize, &[Data]) {
        self.range
            .rows()
            .enumerate()
            .find(|(_, r)| r.get(col).is_some_and(|c| *c == *text))
            .unwrap_or_else(|| panic!("no row `{text}` in column {col}"))
    }

    fn format(&self, row: usize, col: usize) -> &str {
        let width = self.range.width();
        &self.formats[row * width + col]
    }
}

fn dec(v: &serde_json::Value) -> Decimal {
    match v {
        serde_json::Value::String(s) => s.parse().unwrap_or_else(|_| panic!("not a decimal: {v}")),
        other => other.to_string().parse().unwrap_or_else(|_| panic!("not a decimal: {v}")),
    }
}

/// A cell that holds `expected` as a number, to the cent (never text).
#[track_caller]
fn assert_amount(cell: &Data, expected: Decimal) {
    let Data::Float(f) = cell else { panic!("{cell:?} is not a number cell (expected {expected})") };
    let cents = (expected * Decimal::ONE_HUNDRED).round();
    let got = Decimal::try_from((f * 100.0).round()).expect("a number");
    assert_eq!(got, cents, "{f} is not {expected} to the cent");
}

/// A date cell of day `iso` (`2025-04-07`).
#[track_caller]
fn assert_date(cell: &Data, iso: &str) {
    let Data::DateTime(d) = cell else { panic!("{cell:?} is not a date cell (expected {iso})") };
    assert!(d.is_datetime());
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    assert_eq!(format!("{y:04}-{m:02}-{day:02}"), iso);
}

fn json(run: &Run) -> serde_json::Value {
    assert_eq!(run.code, 0, "peps failed:\n{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("a JSON report")
}

/// Runs `args` with `--format json`, then with `--format xlsx -o FILE` as a user runs it (French
/// by default), and gives both.
fn both(args: &[&str], out: &Path) -> (serde_json::Value, Book) {
    let mut with = args.to_vec();
    with.extend(["--format", "json"]);
    let report = json(&peps_in(&repo(), &with));
    let mut with = args.to_vec();
    let file = out.display().to_string();
    with.extend(["--format", "xlsx", "-o", &file]);
    let run = peps_default_in(&repo(), &with);
    assert!(run.code <= 1, "peps failed:\n{}{}", run.stdout, run.stderr);
    assert!(run.stdout.is_empty(), "nothing on stdout with -o: {}", run.stdout);
    (report, Book::read(out))
}

fn first_year() -> i32 {
    shipped_years(&repo().join("rules"))[0]
}

#[test]
fn compute_writes_results_waterfall_and_warnings_as_numbers_equal_to_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let year = first_year().to_string();
    let (report, mut book) = both(&["compute", "--year", &year, "examples/msp"], &dir.path().join("msp.xlsx"));
    assert_eq!(book.names(), ["Synthèse", "Résultats", "Cascade", "Hypothèses", "Avertissements"]);
    assert!(book.every_header_frozen());

    let results = book.sheet("Résultats");
    assert_eq!(results.header(), ["Libellé", "Valeur", "Composante du total", "Éléments supposés", "Nom dans les règles"]);
    let (value, name) = (results.column("Valeur"), results.column("Nom dans les règles"));
    let mut amounts = 0;
    for o in report["outputs"].as_array().unwrap() {
        let (at, row) = results.row(name, o["name"].as_str().unwrap());
        match &o["value"] {
            serde_json::Value::Bool(b) => assert_eq!(row[value], Data::Bool(*b), "{}", o["name"]),
            serde_json::Value::String(s) if s.parse::<Decimal>().is_ok() => {
                assert_amount(&row[value], dec(&o["value"]));
                if o["unit"] == "EUR" {
                    assert_eq!(results.format(at, value), EUR, "{}", o["name"]);
                    amounts += 1;
                }
            }
            _ => {}
        }
    }
    assert!(amounts > 3, "amounts in euros: {amounts}");
    let (at, total) = results.row(0, "Total");
    assert_amount(&total[value], dec(&report["total"]));
    assert_eq!(results.format(at, value), EUR);

    let waterfall = book.sheet("Cascade");
    let bars = report["waterfall"].as_array().unwrap();
    assert_eq!(waterfall.rows().len(), bars.len());
    for (row, bar) in waterfall.rows().iter().zip(bars) {
        assert_eq!(row[0].to_string(), bar["label"].as_str().unwrap());
        assert_amount(&row[1], dec(&bar["delta"]));
        assert_amount(&row[2], dec(&bar["running"]));
    }
    // The warnings quote data, never an identifier in clear (a NIR has 13 digits and a key).
    let nir = regex::Regex::new(r"[12][0-9]{12}").unwrap();
    assert!(!nir.is_match(&book.texts()), "a NIR in the workbook");
    let warnings = book.sheet("Avertissements");
    assert_eq!(warnings.header()[0], "Code");
    let codes: Vec<String> = warnings.rows().iter().map(|r| r[0].to_string()).collect();
    for d in report["diagnostics"].as_array().unwrap() {
        assert!(codes.contains(&d["code"].as_str().unwrap().to_string()), "{} missing from {codes:?}", d["code"]);
    }
}

#[test]
fn a_workbook_speaks_english_with_lang_en_and_goes_to_a_redirected_output() {
    let year = first_year().to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_peps"))
        .args(["compute", "--year", &year, "examples/msp", "--format", "xlsx", "--lang", "en"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"PK"), "an xlsx file is a zip file");
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(out.stdout)).unwrap();
    assert_eq!(xlsx.sheet_names(), ["Summary", "Results", "Waterfall", "Assumptions", "Warnings"]);
    let results = xlsx.worksheet_range("Results").unwrap();
    assert_eq!(results.rows().next().unwrap()[0].to_string(), "Label");
}

#[test]
fn a_workbook_never_replaces_a_file_of_the_case_and_an_existing_file_only_with_force() {
    let sandbox = Sandbox::new();
    let year = first_year().to_string();
    let case_file = sandbox.path().join("examples/msp/team.toml");
    let before = std::fs::read(&case_file).unwrap();
    let args = ["compute", "--year", &year, "--rules", "rules", "--norms", "norms", "examples/msp", "--format", "xlsx", "-o"];
    for force in [false, true] {
        let mut with = args.to_vec();
        with.push("examples/msp/team.toml");
        if force {
            with.push("--force");
        }
        let run = sandbox.peps(&with);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("team.toml"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read(&case_file).unwrap(), before);
    let mut with = args.to_vec();
    with.push("out.xlsx");
    assert_eq!(sandbox.peps(&with).code, 0);
    assert_eq!(sandbox.peps(&with).code, 2, "an existing file is kept without --force");
    with.push("--force");
    assert_eq!(sandbox.peps(&with).code, 0);
}

#[test]
fn a_batch_has_one_row_per_case_and_the_totals_equal_to_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let year = first_year().to_string();
    let (report, mut book) = both(&["compute", "--year", &year, "examples"], &dir.path().join("batch.xlsx"));
    assert_eq!(book.names(), ["Cas", "Totaux"]);
    assert!(book.every_header_frozen());
    let cases = book.sheet("Cas");
    let (folder, total, status) = (cases.column("Dossier"), cases.column("Total"), cases.column("État"));
    let rows = report["cases"].as_array().unwrap();
    assert_eq!(cases.rows().len(), rows.len());
    for c in rows {
        let (at, row) = cases.row(folder, c["case"].as_str().unwrap());
        if c["status"] == "ok" {
            assert_amount(&row[total], dec(&c["total"]));
            assert_eq!(cases.format(at, total), EUR);
            for (k, v) in c["components"].as_array().unwrap().iter().enumerate() {
                assert_amount(&row[total + 1 + k], dec(v));
            }
        } else {
            assert_eq!(row[status].to_string(), "en erreur");
            assert_eq!(row[total], Data::Empty, "a case in error has no figure");
        }
    }
    let totals = book.sheet("Totaux");
    assert_amount(&totals.row(0, "Total").1[1], dec(&report["totals"]["total"]));
    assert_amount(&totals.row(0, "Cas").1[1], dec(&report["totals"]["cases"]));
}

#[test]
fn a_schedule_has_its_payments_and_deadlines_as_dates_and_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let year = first_year().to_string();
    let (report, mut book) = both(&["schedule", "--year", &year, "examples/msp"], &dir.path().join("schedule.xlsx"));
    assert_eq!(book.names(), ["Synthèse", "Versements", "Dépôts", "Autres dates"]);
    assert!(book.every_header_frozen());
    let payments = book.sheet("Versements");
    let (date, amount, name) = (payments.column("Date"), payments.column("Montant"), payments.column("Nom dans les règles"));
    let listed = report["payments"].as_array().unwrap();
    assert!(!listed.is_empty());
    for p in listed {
        let (at, row) = payments.row(name, p["name"].as_str().unwrap());
        assert_date(&row[date], p["date"].as_str().unwrap());
        assert_amount(&row[amount], dec(&p["amount"]));
        assert_eq!(payments.format(at, amount), EUR);
    }
    let balance = &report["balance"];
    let row = payments.row(name, balance["name"].as_str().unwrap()).1;
    assert_date(&row[date], balance["date"].as_str().unwrap());
    assert_amount(&row[amount], dec(&balance["amount"]));

    let deposits = book.sheet("Dépôts");
    let deadlines = report["deadlines"].as_array().unwrap();
    assert_eq!(deposits.rows().len(), deadlines.len());
    for (row, d) in deposits.rows().iter().zip(deadlines) {
        assert_date(&row[0], d["due"].as_str().unwrap());
        assert_date(&row[1], d["period"]["start"].as_str().unwrap());
        assert_date(&row[2], d["period"]["end"].as_str().unwrap());
    }
}

#[test]
fn an_impact_gives_its_totals_items_and_outputs_as_numbers_for_one_case_many_and_a_sweep() {
    let dir = tempfile::tempdir().unwrap();
    let years = shipped_years(&repo().join("rules"));
    let [from, to] = [years[0], years[1]].map(|y| y.to_string());
    let (report, mut book) = both(&["impact", "--from", &from, "--to", &to, "examples/msp"], &dir.path().join("one.xlsx"));
    assert_eq!(book.names(), ["Synthèse", "Éléments modifiés", "Résultats comparés"]);
    assert!(book.every_header_frozen());
    let summary = book.sheet("Synthèse");
    assert_amount(&summary.row(0, "Écart").1[1], dec(&report["delta"]));
    assert_amount(&summary.row(0, &format!("Total {from}")).1[1], dec(&report["total_from"]));
    let items = book.sheet("Éléments modifiés");
    let delta = items.column("Écart");
    // In the order of the JSON (the name of a frame item is in the run's language).
    let listed = report["items"].as_array().unwrap();
    assert_eq!(items.rows().len(), listed.len());
    for (row, i) in items.rows().iter().zip(listed) {
        assert_amount(&row[delta], dec(&i["delta"]));
    }
    let outputs = book.sheet("Résultats comparés");
    let (name, delta) = (outputs.column("Nom dans les règles"), outputs.column("Écart"));
    for o in report["outputs"].as_array().unwrap().iter().filter(|o| o["delta"].is_string()) {
        assert_amount(&outputs.row(name, o["name"].as_str().unwrap()).1[delta], dec(&o["delta"]));
    }

    let (report, mut book) = both(&["impact", "--from", &from, "--to", &to, "examples"], &dir.path().join("many.xlsx"));
    assert_eq!(book.names(), ["Synthèse", "Cas", "Éléments modifiés"]);
    let cases = book.sheet("Cas");
    let (folder, delta) = (cases.column("Dossier"), cases.column("Écart"));
    for c in report["cases"].as_array().unwrap().iter().filter(|c| c["status"] == "ok") {
        assert_amount(&cases.row(folder, c["case"].as_str().unwrap()).1[delta], dec(&c["delta"]));
    }
    assert_amount(&book.sheet("Synthèse").row(0, "Écart").1[1], dec(&report["delta"]));

    // A cost curve: G's tariff around its own value.
    let spec = g_spec(tariff(&repo().join("rules"), years[0], "G"));
    let sweep = ["impact", "--year", &from, "--rules", "rules", "--sweep", &spec, "examples/msp"];
    let (report, mut book) = both(&sweep, &dir.path().join("sweep.xlsx"));
    assert_eq!(book.names(), ["Courbe de coût", "Éléments modifiés"]);
    let curve = book.sheet("Courbe de coût");
    let values = report["values"].as_array().unwrap();
    assert_eq!(curve.rows().len(), values.len());
    for (row, v) in curve.rows().iter().zip(values) {
        assert_amount(&row[0], dec(&v["value"]));
        assert_amount(&row[1], dec(&v["total"]));
        assert_amount(&row[4], dec(&v["cases"][0]));
    }
}

#[test]
fn the_matrix_has_a_sheet_per_case_with_each_years_total_as_compute_gives_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("matrix.xlsx");
    let file = out.display().to_string();
    let run = peps_default_in(&repo(), &["rules", "matrix", "examples/msp", "--format", "xlsx", "-o", &file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book = Book::read(&out);
    assert_eq!(book.names(), ["msp", "Remarques"]);
    assert!(book.every_header_frozen());
    let matrix = book.sheet("msp");
    let years = shipped_years(&repo().join("rules"));
    assert_eq!(matrix.header()[0], "Résultat");
    let (at, total) = matrix.row(0, "(total)");
    for (k, year) in years.iter().enumerate() {
        assert_eq!(matrix.header()[1 + k], year.to_string());
        let report = json(&peps_in(&repo(), &["compute", "--year", &year.to_string(), "examples/msp", "--format", "json"]));
        assert_amount(&total[1 + k], dec(&report["total"]));
        assert_eq!(matrix.format(at, 1 + k), EUR);
    }
    assert!(matches!(matrix.row(0, "(éligible)").1[1], Data::Bool(_)), "eligibility is a yes/no cell");
}
