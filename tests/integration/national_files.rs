//! National files: every team's rows of a data input in one file with a team column, read by
//! `peps compute --partition-by` with no split step. The nation of `peps synth --teams` is
//! written both ways (a folder per team, and national files made from those folders), and both
//! layouts give the same rows, sorted or not, with diagnostics at the national file's lines.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::util::peps;

/// The team column the national files get.
const COLUMN: &str = "equipe";

/// A synthetic nation, one folder per team.
fn synth_nation(dir: &Path) {
    let out = dir.display().to_string();
    let run = peps(&["synth", "--teams", "4", "--patients", "2400", "--seed", "5", "-o", &out]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The team folders of `dir`, sorted.
fn teams(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.join("team.toml").is_file()).collect();
    out.sort();
    out
}

/// Each data input of a team (the `[fichiers]` of its team.toml): its name and file name.
fn data_files(team: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(team.join("team.toml")).unwrap();
    let doc: toml_edit::DocumentMut = text.parse().unwrap();
    doc["fichiers"].as_table().unwrap().iter().map(|(k, v)| (k.to_string(), v.as_str().unwrap().to_string())).collect()
}

/// A file's header and rows, as lines with their line breaks (a byte-order mark stays on the header).
fn lines(path: &Path) -> (Vec<u8>, Vec<Vec<u8>>) {
    let bytes = std::fs::read(path).unwrap();
    let mut all: Vec<Vec<u8>> = bytes.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let header = all.remove(0);
    (header, all)
}

/// The team column put first: after the byte-order mark, if any.
fn with_column(line: &[u8], value: &[u8]) -> Vec<u8> {
    let bom = if line.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    [&line[..bom], value, b";", &line[bom..]].concat()
}

/// Writes one national file per data input into `out` from the team folders of `nation`, rows in
/// team order, or interleaved (round-robin over the teams) when `shuffled`. Returns the files'
/// names by input.
fn national_files(nation: &Path, out: &Path, shuffled: bool) -> Vec<(String, String)> {
    std::fs::create_dir_all(out).unwrap();
    let teams = teams(nation);
    let files = data_files(&teams[0]);
    for (input, name) in &files {
        let mut header = Vec::new();
        let mut per_team: Vec<Vec<Vec<u8>>> = Vec::new();
        for team in &teams {
            let key = team.file_name().unwrap().to_string_lossy().into_owned();
            let file = data_files(team).into_iter().find(|(i, _)| i == input).unwrap().1;
            let (h, rows) = lines(&team.join(file));
            header = with_column(&h, COLUMN.as_bytes());
            per_team.push(rows.iter().map(|r| with_column(r, key.as_bytes())).collect());
        }
        let mut rows: Vec<Vec<u8>> = Vec::new();
        if shuffled {
            let longest = per_team.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..longest {
                for team in per_team.iter().rev() {
                    rows.extend(team.get(k).cloned());
                }
            }
        } else {
            rows = per_team.concat();
        }
        // The activity file keeps the name its norm expects; the others are named after their input.
        let target = if name.starts_with("A51_") { name.clone() } else { format!("{input}.csv") };
        std::fs::write(out.join(&target), [header, rows.concat()].concat()).unwrap();
    }
    files
        .into_iter()
        .map(|(input, name)| if name.starts_with("A51_") { (input, name) } else { (input.clone(), format!("{input}.csv")) })
        .collect()
}

fn national_args(files: &[(String, String)], out: &mut Vec<String>) {
    for (input, name) in files {
        out.push("--input".into());
        out.push(format!("{input}={name}"));
    }
}

/// `compute --format json --outputs all` on a folder of teams, or on national files.
/// National files to read: their names by input, the case folders, whether sorted.
type NationalRun<'a> = (&'a [(String, String)], &'a Path, bool);

fn compute(dir: &Path, national: Option<NationalRun<'_>>) -> (Json, String, i32) {
    let mut args: Vec<String> = ["compute", "--year", "2025", "--format", "json", "--outputs", "all"].map(String::from).to_vec();
    if let Some((files, cases, sorted)) = national {
        args.extend(["--partition-by".into(), COLUMN.into(), "--cases".into(), cases.display().to_string()]);
        national_args(files, &mut args);
        if sorted {
            args.push("--sorted".into());
        }
    }
    args.push(dir.display().to_string());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = peps(&refs);
    let json = serde_json::from_str(&run.stdout).unwrap_or(Json::Null);
    (json, run.stderr, run.code)
}

/// What must not depend on the layout: every team's row and the totals.
fn rows_and_totals(json: &Json) -> Json {
    serde_json::json!({ "cases": json["cases"], "totals": json["totals"], "outputs": json["outputs"] })
}

#[test]
fn national_files_and_team_folders_give_identical_rows_sorted_or_not() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    synth_nation(&nation);
    let (folders, stderr, code) = compute(&nation, None);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(folders["cases"].as_array().unwrap().len(), 4);

    let sorted_dir = tmp.path().join("sorted");
    let files = national_files(&nation, &sorted_dir, false);
    let shuffled_dir = tmp.path().join("shuffled");
    national_files(&nation, &shuffled_dir, true);
    for (dir, sorted) in [(&sorted_dir, false), (&sorted_dir, true), (&shuffled_dir, false)] {
        let (national, stderr, code) = compute(dir, Some((&files, &nation, sorted)));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(rows_and_totals(&national), rows_and_totals(&folders), "{} sorted={sorted}", dir.display());
        // The run names each whole national file with its hash.
        let inputs = national["inputs"].as_array().unwrap();
        assert_eq!(inputs.len(), files.len());
        for i in inputs {
            let file = Path::new(i["file"].as_str().unwrap());
            let bytes = std::fs::read(file).unwrap();
            assert_eq!(i["sha256"].as_str().unwrap(), sha256(&bytes), "{}", file.display());
        }
    }

    // Files that are not sorted are refused case by case, with the line where the order breaks.
    let (_, stderr, code) = compute(&shuffled_dir, Some((&files, &nation, true)));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("D232"), "{stderr}");
}

#[test]
fn a_bad_value_is_cited_at_the_national_files_line() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    synth_nation(&nation);
    let dir = tmp.path().join("national");
    let files = national_files(&nation, &dir, true);
    // Line 7 of the shuffled patient file (a row of some team) gets a sex no norm allows.
    let patients = dir.join(&files.iter().find(|(i, _)| i == "patients").unwrap().1);
    let text = std::fs::read_to_string(&patients).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let header: Vec<&str> = lines[0].split(';').collect();
    let sex = header.iter().position(|h| *h == "SEXE").expect("a SEXE column");
    let mut cells: Vec<String> = lines[6].split(';').map(String::from).collect();
    let team = cells[0].clone();
    cells[sex] = "9".into();
    lines[6] = cells.join(";");
    std::fs::write(&patients, lines.join("\n") + "\n").unwrap();

    let (json, stderr, code) = compute(&dir, Some((&files, &nation, false)));
    assert_eq!(code, 1, "{stderr}");
    let at = format!("{}:7:SEXE", patients.display());
    assert!(stderr.contains(&at), "the national file and its line, {at}: {stderr}");
    let failed: Vec<&Json> = json["cases"].as_array().unwrap().iter().filter(|c| c["status"] == "error").collect();
    assert_eq!(failed.len(), 1, "only the team of that row is refused");
    assert_eq!(failed[0]["case"], team.as_str());
    assert!(failed[0]["errors"].as_array().unwrap().iter().any(|c| c.as_str().unwrap().starts_with('V')), "{}", failed[0]);
}

#[test]
fn a_row_of_no_team_gets_a_row_in_error_and_the_others_are_computed() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    synth_nation(&nation);
    let dir = tmp.path().join("national");
    let files = national_files(&nation, &dir, false);
    let patients = dir.join(&files.iter().find(|(i, _)| i == "patients").unwrap().1);
    let mut text = std::fs::read_to_string(&patients).unwrap();
    let last = text.lines().last().unwrap().to_string();
    let orphan = last.split_once(';').map(|(_, rest)| format!(";{rest}\n")).unwrap();
    text.push_str(&orphan);
    std::fs::write(&patients, text).unwrap();
    for sorted in [false, true] {
        let (json, stderr, code) = compute(&dir, Some((&files, &nation, sorted)));
        assert_eq!(code, 1, "rows not computed make the run fail: {stderr}");
        assert!(stderr.contains("D231"), "{stderr}");
        // They have their row: how many rows of each file were not computed.
        let cases = json["cases"].as_array().unwrap();
        let none = cases.iter().find(|c| c["case"] == "(no case)").unwrap_or_else(|| panic!("a row of no case: {json}"));
        assert_eq!((&none["status"], &none["errors"]), (&Json::from("error"), &serde_json::json!(["D231"])));
        let patients = json["datasets"].as_array().unwrap().iter().position(|d| d == "patients").unwrap();
        assert_eq!(none["rows"][patients], 1);
        assert_eq!(cases.iter().filter(|c| c["status"] == "ok").count(), 4, "the teams are computed");
        assert_eq!(json["totals"]["errors"], 1);
    }
}

/// A case with rows but no case file in `--cases`, and a case folder no row names: each gets a
/// row in error with its code, sorted or not, and the others are computed.
#[test]
fn a_case_without_its_folder_and_a_folder_without_rows_each_get_a_row() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    synth_nation(&nation);
    let dir = tmp.path().join("national");
    let files = national_files(&nation, &dir, false);
    // The case folder of equipe_00002 under another name: its rows name no folder, and the
    // folder is named by no row.
    std::fs::rename(nation.join("equipe_00002"), nation.join("equipe_2")).unwrap();
    for sorted in [false, true] {
        let (json, stderr, code) = compute(&dir, Some((&files, &nation, sorted)));
        assert_eq!(code, 1, "{stderr}");
        let cases = json["cases"].as_array().unwrap();
        let row = |key: &str| cases.iter().find(|c| c["case"] == key).unwrap_or_else(|| panic!("no row for {key}: {json}"));
        assert_eq!(cases.len(), 5, "every case and every folder has its row: {json}");
        assert_eq!(row("equipe_00002")["status"], "error");
        assert_eq!(row("equipe_00002")["errors"], serde_json::json!(["D234"]));
        assert_eq!(row("equipe_2")["status"], "error");
        assert_eq!(row("equipe_2")["errors"], serde_json::json!(["D235"]));
        for key in ["equipe_00001", "equipe_00003", "equipe_00004"] {
            assert_eq!(row(key)["status"], "ok", "{key}: {stderr}");
        }
        assert_eq!(json["totals"]["errors"], 2);
        assert!(stderr.contains("equipe_00002") && stderr.contains("equipe_2"), "{stderr}");
    }
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The peers' workload of `bench/peers` in small: patients with their team, acts with their
/// patient only, large enough (over 16 MB) for the acts to be cut in two halves on two threads.
fn peers_files(dir: &Path, patients: usize, teams: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let mut p = String::from("patient_id;team_id;birth_date;sex;ald_count;c2s;ame;consuming\n");
    let mut a = String::from("ps_id;patient_id;act_date;act_code;quantity;coefficient;amount\n");
    for i in 0..patients {
        // Teams in a scattered order, as gen_data.py draws them.
        let team = (i * 7919) % teams + 1;
        let sex = if i % 2 == 0 { "F" } else { "M" };
        p.push_str(&format!(
            "P{i:09};T{team:03};{:02}/06/{};{sex};{};{};{};{}\n",
            i % 28 + 1,
            1930 + i % 90,
            i % 4,
            i % 9 / 8,
            i % 97 / 96,
            u8::from(i % 13 != 0)
        ));
        for k in 0..(i % 9) {
            a.push_str(&format!(
                "{:011};P{i:09};{:02}/{:02}/2025;G;1;1,00;{},{:02}\n",
                10_000_000_000u64 + k as u64,
                k + 1,
                k % 12 + 1,
                25 + k,
                (i * 7 + k) % 100
            ));
        }
    }
    std::fs::write(dir.join("patients.csv"), p).unwrap();
    std::fs::write(dir.join("activity.csv"), a).unwrap();
}

/// The national files cut into one folder per team, as the per-team layout holds them.
fn split_peers(national: &Path, out: &Path) {
    let patients = std::fs::read_to_string(national.join("patients.csv")).unwrap();
    let activity = std::fs::read_to_string(national.join("activity.csv")).unwrap();
    let (ph, prows) = patients.split_once('\n').unwrap();
    let (ah, arows) = activity.split_once('\n').unwrap();
    let mut team_of = std::collections::HashMap::new();
    let mut files: std::collections::BTreeMap<String, (String, String)> = Default::default();
    for row in prows.lines() {
        let mut cells = row.split(';');
        let (id, team) = (cells.next().unwrap(), cells.next().unwrap());
        team_of.insert(id.to_string(), team.to_string());
        files.entry(team.to_string()).or_insert_with(|| (format!("{ph}\n"), format!("{ah}\n"))).0.push_str(&format!("{row}\n"));
    }
    for row in arows.lines() {
        let team = &team_of[row.split(';').nth(1).unwrap()];
        files.get_mut(team).unwrap().1.push_str(&format!("{row}\n"));
    }
    for (team, (p, a)) in files {
        let dir = out.join(team);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("team.toml"), "[files]\npatients = \"patients.csv\"\nactivity = \"activity.csv\"\n").unwrap();
        std::fs::write(dir.join("patients.csv"), p).unwrap();
        std::fs::write(dir.join("activity.csv"), a).unwrap();
    }
}

/// Acts find their team through their patient, the files cut on one thread or two, every group
/// of teams held at once or a few teams at a time (`--held`, the files then read again per group).
#[test]
fn acts_find_their_team_through_their_patient_on_one_thread_or_two_in_one_group_or_several() {
    let tmp = tempfile::tempdir().unwrap();
    let national = tmp.path().join("national");
    peers_files(&national, 90_000, 40);
    assert!(std::fs::metadata(national.join("activity.csv")).unwrap().len() > 16 << 20, "large enough to be cut in halves");
    let folders = tmp.path().join("folders");
    split_peers(&national, &folders);
    let bench = crate::util::repo().join("bench/peers");
    let (rules, norms) = (bench.join("rules").display().to_string(), bench.join("norms").display().to_string());
    let run = |dir: &Path, extra: &[&str]| {
        let mut args = vec!["compute", "--year", "2025", "--rules", &rules, "--norms", &norms, "--format", "csv", "--outputs", "all"];
        args.extend_from_slice(extra);
        let dir = dir.display().to_string();
        args.push(&dir);
        let run = peps(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let by_folder = run(&folders, &[]);
    assert_eq!(by_folder.lines().count(), 40 + 2, "a row per team, the header and the totals");
    for threads in ["1", "2"] {
        let national = run(&national, &["--partition-by", "team_id", "--threads", threads]);
        assert_eq!(national, by_folder, "national files on {threads} thread(s)");
    }
    let dir = national.display().to_string();
    let mut args = vec!["compute", "--year", "2025", "--rules", &rules, "--norms", &norms, "--format", "csv", "--outputs", "all"];
    args.extend(["--partition-by", "team_id", "--held", "4", "--timings", &dir]);
    let groups = peps(&args);
    assert_eq!(groups.stdout, by_folder, "national files read again for each group of teams that fits in 4 MiB");
    let count: usize = groups.stderr.split("again (").nth(1).and_then(|t| t.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(count >= 4, "over 16 MB of acts in groups of at most 4 MiB: {count}");
}

/// A file with the team column, large enough (over 16 MB) to be cut in two halves on two
/// threads: the teams met in either half, their rows in the national order, each patient's team
/// the first row's (a patient listed in two teams, once in each half, takes the acts to the first
/// team) and the duplicate's lines: all as on one thread, byte for byte, diagnostics included.
#[test]
fn a_file_with_the_team_column_is_cut_in_halves_as_in_one_piece() {
    let tmp = tempfile::tempdir().unwrap();
    let national = tmp.path().join("national");
    std::fs::create_dir_all(&national).unwrap();
    let rows: usize = 460_000;
    let mut p = String::from("patient_id;team_id;birth_date;sex;ald_count;c2s;ame;consuming\n");
    let mut a = String::from("ps_id;patient_id;act_date;act_code;quantity;coefficient;amount\n");
    for i in 0..rows {
        // Teams in a scattered order; team T031 only in the second half.
        let team = if i > rows / 2 && i % 1000 == 0 { 31 } else { (i * 7919) % 30 + 1 };
        p.push_str(&format!("P{i:09};T{team:03};{:02}/06/{};F;{};0;0;1\n", i % 28 + 1, 1930 + i % 90, i % 4));
        if i % 50 == 0 {
            a.push_str(&format!("10000000000;P{i:09};{:02}/03/2025;G;1;1,00;{},00\n", i % 28 + 1, 25 + i % 7));
        }
    }
    // The first patient again, in another team, in the second half: its acts stay with its first team.
    p.push_str("P000000000;T029;01/06/1950;F;0;0;0;1\n");
    a.push_str("10000000001;P000000000;02/03/2025;G;1;1,00;30,00\n");
    std::fs::write(national.join("patients.csv"), p).unwrap();
    std::fs::write(national.join("activity.csv"), a).unwrap();
    assert!(std::fs::metadata(national.join("patients.csv")).unwrap().len() > 16 << 20, "large enough to be cut in halves");
    let run = |threads: &str| peers_by_team(&national, "json", threads);
    let one = run("1");
    let json: Json = serde_json::from_str(&one.1).unwrap();
    let cases = json["cases"].as_array().or_else(|| json.as_array()).map_or(0, Vec::len);
    assert_eq!(cases, 31, "every team, the one of the second half only too");
    assert!(run("2") == one, "two halves on two threads give what one piece gives");
}

/// `peps compute` of the peers' rulebook over the national files of `national`, cut by their
/// `team_id` column, in `format`, on `threads` threads: its exit code, output and diagnostics.
fn peers_by_team(national: &std::path::Path, format: &str, threads: &str) -> (i32, String, String) {
    let bench = crate::util::repo().join("bench/peers");
    let (rules, norms) = (bench.join("rules").display().to_string(), bench.join("norms").display().to_string());
    let dir = national.display().to_string();
    let args = [
        "compute",
        "--year",
        "2025",
        "--rules",
        &rules,
        "--norms",
        &norms,
        "--format",
        format,
        "--outputs",
        "all",
        "--partition-by",
        "team_id",
        "--threads",
        threads,
        &dir,
    ];
    let run = peps(&args);
    assert!(!run.stdout.is_empty(), "{}", run.stderr);
    (run.code, run.stdout, run.stderr)
}

/// A file cut in halves is read line by line (`national/lines`), as the validator's splitter
/// reads it in one piece: Windows line breaks, spaces around a team, a last line without a line
/// break; and a quoted field anywhere (here in the second half) makes the file be cut in one
/// piece, so that no row after the quote is lost.
#[test]
fn a_file_cut_in_halves_reads_its_lines_as_one_piece_does_quotes_included() {
    let tmp = tempfile::tempdir().unwrap();
    let rows: usize = 470_000;
    for quoted in [false, true] {
        let national = tmp.path().join(format!("national-{quoted}"));
        std::fs::create_dir_all(&national).unwrap();
        let mut p = String::from("patient_id;team_id;birth_date;sex;ald_count;c2s;ame;consuming\r\n");
        let mut a = String::from("ps_id;patient_id;act_date;act_code;quantity;coefficient;amount\r\n");
        for i in 0..rows {
            let team = (i * 7919) % 30 + 1;
            let pad = if i % 1000 == 7 { " " } else { "" };
            // A patient with acts, in the second half, quoted: their team and their key.
            let (id, team) = match quoted && i == 352_520 {
                true => (format!("\"P{i:09}\""), format!("\"T{team:03}\"")),
                false => (format!("P{i:09}"), format!("{pad}T{team:03}{pad}")),
            };
            p.push_str(&format!("{id};{team};{:02}/06/{};F;{};0;0;1\r\n", i % 28 + 1, 1930 + i % 90, i % 4));
            if i % 40 == 0 {
                a.push_str(&format!("10000000000;P{i:09};{:02}/03/2025;G;1;1,00;{},00\r\n", i % 28 + 1, 25 + i % 7));
            }
        }
        p.push_str("P999999999;T001;01/06/1950;F;0;0;0;1");
        std::fs::write(national.join("patients.csv"), p).unwrap();
        std::fs::write(national.join("activity.csv"), a).unwrap();
        assert!(std::fs::metadata(national.join("patients.csv")).unwrap().len() > 16 << 20, "large enough to be cut in halves");
        let run = |threads: &str| peers_by_team(&national, "csv", threads);
        let one = run("1");
        assert_eq!(one.1.lines().count(), 30 + 2, "a row per team, the header and the totals");
        assert!(run("2") == one, "two halves give what one piece gives (quoted: {quoted})");
    }
}

/// Keys are per case: a national file is every team's file side by side, so a key repeats across
/// teams (each team's IK table has its professions; a nurse works in two teams) and is refused
/// only twice in one team. The duplicate and its first row are both cited at the national lines.
#[test]
fn a_key_twice_in_one_team_is_refused_at_both_national_lines_and_across_teams_is_not() {
    let tmp = tempfile::tempdir().unwrap();
    let nation = tmp.path().join("nation");
    synth_nation(&nation);
    let dir = tmp.path().join("national");
    let files = national_files(&nation, &dir, true);
    let patients = dir.join(&files.iter().find(|(i, _)| i == "patients").unwrap().1);
    let text = std::fs::read_to_string(&patients).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header: Vec<&str> = lines[0].split(';').collect();
    let site = header.iter().position(|h| *h == "SITE").expect("a SITE column");
    // Line 9 of the shuffled file, a patient of some team, again at the end with another site.
    let mut cells: Vec<String> = lines[8].split(';').map(String::from).collect();
    let team = cells[0].clone();
    cells[site] = "AILLEURS".into();
    let again = lines.len() + 1;
    std::fs::write(&patients, format!("{text}{}\n", cells.join(";"))).unwrap();
    let (json, stderr, code) = compute(&dir, Some((&files, &nation, false)));
    assert_eq!(code, 1, "{stderr}");
    let at = format!("the same key (NIR_PATIENT) as row 9\n = note: at {}:{again}:NIR_PATIENT", patients.display());
    assert!(stderr.contains(&at), "both national lines, {at}: {stderr}");
    let failed: Vec<&Json> = json["cases"].as_array().unwrap().iter().filter(|c| c["status"] == "error").collect();
    assert_eq!(failed.len(), 1, "only the team of that row is refused");
    assert_eq!(failed[0]["case"], team.as_str());

    // The same patient in another team's list is that team's own row.
    let other = lines[1..].iter().map(|l| l.split(';').next().unwrap()).find(|t| *t != team).expect("another team").to_string();
    cells[0] = other;
    std::fs::write(&patients, format!("{text}{}\n", cells.join(";"))).unwrap();
    let (_, stderr, code) = compute(&dir, Some((&files, &nation, false)));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("V434"), "{stderr}");
}
