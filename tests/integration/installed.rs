//! An installed `peps`: a copy of the binary outside the repository, run from a folder that holds
//! only a team's files, reads the rules and norms built into it; `rules export` writes them out.

use std::path::Path;
use std::process::Command;

use crate::util::{Run, compute_json, copy_dir, peps, repo};

/// Runs the copy `bin` in `dir` with its own home (so its cache is the test's).
fn installed(bin: &Path, home: &Path, dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env_remove("XDG_CACHE_HOME")
        .env("PEPS_LANG", "en")
        .env("PEPS_LOCALE", "plain")
        .env("NO_COLOR", "1")
        .output()
        .expect("run the installed peps");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn an_installed_peps_computes_from_any_folder_with_its_built_in_rules() {
    let root = tempfile::tempdir().unwrap();
    let (bin_dir, home, work) = (root.path().join("bin"), root.path().join("home"), root.path().join("work"));
    for d in [&bin_dir, &home, &work] {
        std::fs::create_dir_all(d).unwrap();
    }
    let bin = bin_dir.join("peps");
    std::fs::copy(env!("CARGO_BIN_EXE_peps"), &bin).unwrap();
    copy_dir(&repo().join("examples/msp"), &work.join("moncentre"));
    copy_dir(&repo().join("examples/capitation/centre"), &work.join("moncap"));

    for (scheme, case, year, repo_case) in
        [(None, "moncentre", "2025", "examples/msp"), (Some("capitation"), "moncap", "2026", "examples/capitation/centre")]
    {
        let scheme_args: Vec<&str> = scheme.iter().flat_map(|s| ["--scheme", s]).collect();
        let mut args = vec!["compute", "--year", year, "--format", "json"];
        args.extend(&scheme_args);
        let run = installed(&bin, &home, &work, &[args.as_slice(), &[case]].concat());
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let here = compute_json(&peps(&[args.as_slice(), &[repo_case]].concat()));
        assert_eq!(compute_json(&run)["total"], here["total"], "the built-in rules are the repository's");
    }

    let run = installed(&bin, &home, &work, &["compute", "--year", "2025", "--manifest", "m.json", "moncentre"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(work.join("m.json")).unwrap()).unwrap();
    assert_eq!(manifest["rules"][0]["origin"], "built-in", "{manifest}");
    assert_eq!(manifest["rules"][0]["fingerprint"].as_str().map(str::len), Some(64), "{manifest}");

    let run = installed(&bin, &home, &work, &["compute", "--year", "1999", "moncentre"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("the rules built into the program") && run.stderr.contains("--rules DIR"), "{}", run.stderr);

    let run = installed(&bin, &home, &work, &["rules", "export", "copie"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in ["rules/2025/rulebook.toml", "rules/capitation/2026/rulebook.toml", "norms/patients/v1.toml"] {
        assert_eq!(std::fs::read(work.join("copie").join(file)).unwrap(), std::fs::read(repo().join(file)).unwrap(), "{file}");
    }
    let run = installed(&bin, &home, &work, &["rules", "check", "--rules", "copie/rules", "--norms", "copie/norms"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = installed(&bin, &home, &work, &["rules", "export", "copie"]);
    assert_eq!(run.code, 2, "an export never replaces a folder: {}", run.stderr);
}
