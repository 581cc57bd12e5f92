//! A file read in chunks on several threads gives what one pass over it gives: the same report,
//! the same calls of the sink in the same order (every problem, the rejected rows, the typed
//! rows), the same keys collected for the files that refer to it. Chunks here are a few bytes,
//! so that every kind of row sits on a chunk's edge somewhere: quoted line breaks, unclosed
//! quotes, blank lines, CRLF, duplicates and keys seen again in a later chunk.

use super::*;
use crate::data::row::TypedRow;
use crate::validate::run::Chunking;
use crate::value::Value;

/// Every call of the sink, in order, as text.
#[derive(Default)]
struct Record {
    calls: Vec<String>,
    every: bool,
}

impl Sink for Record {
    fn problem(&mut self, p: &Problem) -> io::Result<()> {
        // A sink that does not take every problem in full may see more words on some than one
        // pass gives (a chunk counts its own examples; the report's examples are in full either
        // way): only their line and code are compared, and a row's problems in any order (they
        // are ordered by field, and a problem only counted names none).
        self.calls.push(if self.every { format!("problem {p:?}") } else { format!("problem {:?} {}", p.row, p.code) });
        Ok(())
    }
    fn header(&mut self, raw: &[u8], terminator: &[u8]) -> io::Result<()> {
        self.calls.push(format!("header {raw:?} {terminator:?}"));
        Ok(())
    }
    fn rejected(&mut self, row: u64, record: &[u8], terminator: &[u8], problems: &[Problem]) -> io::Result<()> {
        let mut problems: Vec<String> =
            problems.iter().map(|p| if self.every { format!("{p:?}") } else { format!("{:?} {}", p.row, p.code) }).collect();
        if !self.every {
            problems.sort();
        }
        self.calls.push(format!("rejected {row} {:?} {terminator:?} {problems:?}", String::from_utf8_lossy(record)));
        Ok(())
    }
    fn wants_rejected_rows(&self) -> bool {
        true
    }
    fn wants_every_problem(&self) -> bool {
        self.every
    }
    fn wants_rows(&self) -> bool {
        true
    }
    fn accepted(&mut self, row: u64, values: TypedRow<'_>) {
        let values: Vec<Value> = (0..values.cells().len()).map(|i| values.value(i)).collect();
        self.calls.push(format!("accepted {row} {values:?}"));
    }
}

/// The keys a run collected for the files that refer to its file, in a fixed order.
fn collected(links: &Links) -> Vec<String> {
    let mut keys: Vec<String> = links
        .indexes
        .iter()
        .flat_map(|i| i.map.iter().map(move |(k, spans)| format!("{}:{} {spans:?}", i.spec.norm, String::from_utf8_lossy(k))))
        .collect();
    keys.sort();
    keys
}

/// Reads `text` in one pass, then in chunks as each of `chunkings` says, and asserts that
/// everything is the same; `links` makes the run's links afresh.
fn same_in_chunks(plan: &Validator<'_>, name: &str, text: &[u8], links: &dyn Fn() -> Links, chunkings: &[Chunking]) {
    let options = Options { show_identifiers: false, examples_per_code: 3, any_file_name: false };
    for every in [true, false] {
        let mut one = Record { every, ..Record::default() };
        let mut one_links = links();
        let expected = plan.run_linked(name, text, Some(text.len() as u64), &options, &mut one, &mut one_links).map_err(|e| e.to_string());
        for &chunking in chunkings {
            let mut many = Record { every, ..Record::default() };
            let mut many_links = links();
            let got =
                plan.run_chunked(name, &text, text.len() as u64, &options, &mut many, &mut many_links, chunking).map_err(|e| e.to_string());
            let at = format!("{chunking:?} every={every}\n{}", String::from_utf8_lossy(text));
            assert_eq!(format!("{expected:?}"), format!("{got:?}"), "the report, {at}");
            if !every {
                one.calls.sort();
                many.calls.sort();
            }
            assert_eq!(one.calls, many.calls, "the sink's calls, {at}");
            assert_eq!(collected(&one_links), collected(&many_links), "the keys collected, {at}");
        }
    }
}

/// Chunks of `sizes` bytes on two and three threads, from the first byte on.
fn chunkings(sizes: &[u64]) -> Vec<Chunking> {
    sizes.iter().flat_map(|&n| [2, 3].map(|threads| Chunking { threads, from: 0, min: n, max: n })).collect()
}

/// A small deterministic generator (no crate: the sequence must not change with a version).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Rows of the demo norm, most of them valid, the others of every kind of trouble.
fn demo_rows(seed: u64, n: usize) -> String {
    let mut r = Lcg(seed);
    let mut rows: Vec<String> = Vec::new();
    for _ in 0..n {
        let day = format!("{:02}/{:02}/2025", 1 + r.below(28), 1 + r.below(3));
        let code = ["A", "K", "LATE", "B"][r.below(4) as usize];
        let km = if code == "K" && r.below(3) > 0 { "12,5" } else { "" };
        let qty = 1 + r.below(9);
        let row = match r.below(24) {
            0 => "184127645108947;01/01/2025;A;1;".to_string(),
            1 => format!("{ID};31/02/2025;A;{qty};"),
            2 => format!("{ID};{day};A;0;"),
            3 => format!("{ID};{day};K;1;"),
            4 if !rows.is_empty() => rows[r.below(rows.len() as u64) as usize].clone(),
            5 => String::new(),
            6 => "a;b".to_string(),
            7 => format!("{ID};{day};\"A\";{qty};"),
            8 => format!("{ID};{day};\"A\nB\";{qty};"),
            9 => format!("{ID};{day};A\"B;{qty};"),
            10 => format!("{ID};{day};\"A;{qty};"),
            11 => format!("{ID};{day};\"say \"\"A\"\"\";{qty};"),
            12 => format!("{ID};{day}; A ;{qty};"),
            13 => format!("{ID};{day};É;{qty};"),
            14 => format!("{ID};{day};{code};{qty};{km}\r"),
            15 => format!("{ID};{day};\"x\n\ny\";{qty};"),
            _ => format!("{ID};{day};{code};{qty};{km}"),
        };
        rows.push(row);
    }
    rows.join("\n")
}

#[test]
fn a_file_read_in_chunks_gives_what_one_pass_gives() {
    let (n, lists, checks) = (norm(NORM), lists(), checks());
    let plan = Validator::new(&n, &lists, &checks).expect("plan");
    for seed in 0..12 {
        let rows = demo_rows(seed, 60);
        let starts = [format!("{HEADER}{rows}\n"), format!("\u{feff}{HEADER}{rows}"), format!("{rows}\n"), format!("ID;DAY\r\n{rows}\n")];
        for text in &starts {
            same_in_chunks(&plan, "DEMO_20250101_20250331.csv", text.as_bytes(), &Links::none, &chunkings(&[7, 50, 400]));
        }
    }
    // Chunks of one byte: every line start is a chunk's.
    let text = format!("{HEADER}{}\n", demo_rows(99, 12));
    same_in_chunks(&plan, "DEMO_20250101_20250331.csv", text.as_bytes(), &Links::none, &chunkings(&[1]));
}

#[test]
fn keys_and_duplicates_are_found_across_chunks() {
    let (lists, checks) = (lists(), checks());
    for key in [r#"["ID", "DAY"]"#, r#"["DAY"]"#] {
        let n = norm(&keyed(key));
        let plan = Validator::new(&n, &lists, &checks).expect("plan");
        for seed in 0..6 {
            let text = format!("{HEADER}{}\n", demo_rows(seed, 80));
            same_in_chunks(&plan, "DEMO_20250101_20250331.csv", text.as_bytes(), &Links::none, &chunkings(&[9, 120]));
        }
    }
}

#[test]
fn references_and_the_keys_given_to_other_files_are_the_same_in_chunks() {
    let (staff, visits) = (norm_named("staff", STAFF), norm_named("visits", VISITS));
    let mut r = Lcg(7);
    let mut staff_text = String::from("WHO;KIND;FROM;TO\n");
    for i in 0..120 {
        let to = if r.below(2) == 0 { format!("{:02}/06/2025", 1 + r.below(28)) } else { String::new() };
        let kind = ["A", "B", "C"][r.below(3) as usize];
        staff_text.push_str(&format!("{}{};{kind};{:02}/01/2025;{to}\n", ["B", "X"][r.below(2) as usize], i % 40, 1 + r.below(28)));
    }
    let mut visits_text = String::from("BY;ON\n");
    for _ in 0..150 {
        visits_text.push_str(&format!(
            "{}{};{:02}/{:02}/2025\n",
            ["B", "X"][r.below(2) as usize],
            r.below(50),
            1 + r.below(28),
            1 + r.below(12)
        ));
    }
    let staff_plan = Validator::new(&staff, &[], &[]).expect("plan");
    let fresh = || Links::new([&staff, &visits]).0;
    // The staff's keys, collected in chunks, are those of one pass.
    same_in_chunks(&staff_plan, "staff.csv", staff_text.as_bytes(), &fresh, &chunkings(&[5, 64, 300]));
    // The visits read against them, in chunks.
    let read_staff = || {
        let mut links = fresh();
        let options = Options { show_identifiers: false, examples_per_code: 3, any_file_name: false };
        staff_plan.run_linked("staff.csv", staff_text.as_bytes(), None, &options, &mut NoSink, &mut links).expect("run");
        links
    };
    let visits_plan = Validator::new(&visits, &[], &[]).expect("plan");
    same_in_chunks(&visits_plan, "visits.csv", visits_text.as_bytes(), &read_staff, &chunkings(&[5, 64, 300]));
}

#[test]
fn a_file_ending_inside_quotes_is_read_as_in_one_pass() {
    let (n, lists, checks) = (norm(NORM), lists(), checks());
    let plan = Validator::new(&n, &lists, &checks).expect("plan");
    let text = format!("{HEADER}{}\n{ID};01/01/2025;\"A;1;\n", demo_rows(3, 30));
    same_in_chunks(&plan, "DEMO_20250101_20250331.csv", text.as_bytes(), &Links::none, &chunkings(&[3, 40]));
}

/// Bytes whose first read at or after `at` fails once, whichever thread makes it.
struct FailsOnce<'b> {
    bytes: &'b [u8],
    at: u64,
    failed: std::sync::atomic::AtomicBool,
}

impl crate::validate::Positioned for FailsOnce<'_> {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        if offset >= self.at && !self.failed.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        self.bytes.read_at(buf, offset)
    }
}

#[test]
fn a_chunk_whose_thread_failed_is_read_again_by_the_run() {
    let (n, lists, checks) = (norm(NORM), lists(), checks());
    let plan = Validator::new(&n, &lists, &checks).expect("plan");
    let text = format!("{HEADER}{}\n", demo_rows(5, 200));
    let options = Options { show_identifiers: false, examples_per_code: 3, any_file_name: false };
    let mut one = Record { every: true, ..Record::default() };
    let expected = plan.run(NAME, text.as_bytes(), None, &options, &mut one).expect("one pass");
    for at in [text.len() as u64 / 3, text.len() as u64 / 2, text.len() as u64 - 40] {
        let source = FailsOnce { bytes: text.as_bytes(), at, failed: false.into() };
        let mut many = Record { every: true, ..Record::default() };
        let chunking = Chunking { threads: 2, from: 0, min: 300, max: 300 };
        let got =
            plan.run_chunked(NAME, &source, text.len() as u64, &options, &mut many, &mut Links::none(), chunking).expect("read again");
        assert!(source.failed.into_inner(), "a read failed");
        assert_eq!(format!("{expected:?}"), format!("{got:?}"));
        assert_eq!(one.calls, many.calls);
    }
}

const NAME: &str = "DEMO_20250101_20250331.csv";
