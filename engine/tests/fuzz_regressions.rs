//! Past fuzz findings, replayed: every file in `tests/fuzz-regressions/` is fed
//! to the engine as a dropped file and as a paste, and must keep the contract.
//! Findings not yet fixed by their owners wait in `fuzz-regressions/open/`.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

use newslens::Engine;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
    files.sort();
    files
}

/// Replays every finding in `dir`; returns how many there were.
fn replay(dir: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(dir);
    let engine = Engine::new().expect("embedded models load");
    let files = files(&dir);
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("finding is readable");
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        // A panic is a finding too: report it by file rather than stopping.
        match std::panic::catch_unwind(|| invariants::bytes_violations(&engine, &bytes)) {
            Ok(v) if v.is_empty() => {}
            Ok(v) => failures.push(format!("{name}:\n    {}", v.join("\n    "))),
            Err(_) => failures.push(format!("{name}: the engine panicked")),
        }
    }
    assert!(failures.is_empty(), "{} finding(s) fail again:\n  {}", failures.len(), failures.join("\n  "));
    files.len()
}

#[test]
fn every_past_finding_keeps_the_contract() {
    let n = replay("");
    assert!(n >= 5, "the regression corpus went missing ({n} files)");
}

/// Findings reported to the owners of the code they break; moved up a folder once fixed.
#[test]
#[ignore = "open findings in others' recognisers; see fuzz-regressions/open/README.md"]
fn open_findings_keep_the_contract() {
    replay("open");
}
