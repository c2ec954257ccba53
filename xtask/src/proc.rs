//! Running the tools: PATH order, streamed output, and test counts read from it.

use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Puts the repository's `node_modules/.bin` (binaryen 132's wasm-opt) and cargo's
/// bin folder first on PATH, for this process and every tool it starts, so Trunk
/// finds the pinned tools and never a system binaryen.
pub fn prepare_path(root: &Path) {
    let mut dirs: Vec<PathBuf> = vec![root.join("node_modules").join(".bin")];
    dirs.push(cargo_bin());
    if let Some(old) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&old));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        // Single-threaded at this point: nothing else reads the environment yet.
        std::env::set_var("PATH", joined);
    }
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| OsString::from("."))).join(".cargo")
    });
    home.join("bin")
}

/// Is `program` on PATH (or an existing path)?
pub fn which(program: &str) -> Option<PathBuf> {
    let candidate = Path::new(program);
    if candidate.components().count() > 1 {
        return candidate.is_file().then(|| candidate.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(program)).find(|p| p.is_file())
}

/// Runs a command in `dir`, output straight to the terminal; error unless it succeeds.
pub fn run(dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    println!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// First line of a command's output (stdout, else stderr), if it runs at all.
pub fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).stdin(Stdio::null()).output().ok()?;
    let text = if out.stdout.is_empty() { out.stderr } else { out.stdout };
    String::from_utf8_lossy(&text).lines().next().map(|l| l.trim().to_string())
}

/// Test counts, and whether the run as a whole succeeded.
#[derive(Debug, Default, PartialEq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
    pub ok: bool,
}

/// `cargo test --workspace`, echoing its output and adding up every `test result:` line.
pub fn cargo_test(root: &Path) -> Result<Counts, String> {
    println!("$ cargo test --workspace");
    let mut child = Command::new("cargo")
        .args(["test", "--workspace"])
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    let mut counts = Counts::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            add_cargo_result(&mut counts, &line);
        }
    }
    let status = child.wait().map_err(|e| format!("cargo test: {e}"))?;
    counts.ok = status.success() && counts.failed == 0;
    Ok(counts)
}

/// Adds one `test result: ok. 3 passed; 1 failed; 2 ignored; ...` line to `counts`.
fn add_cargo_result(counts: &mut Counts, line: &str) {
    let Some(rest) = line.trim().strip_prefix("test result: ") else { return };
    for part in rest.split(';') {
        let mut words = part.split_whitespace().rev();
        let (Some(what), Some(n)) = (words.next(), words.next()) else { continue };
        let Ok(n) = n.parse::<u64>() else { continue };
        match what {
            "passed" => counts.passed += n,
            "failed" => counts.failed += n,
            "ignored" => counts.ignored += n,
            _ => {}
        }
    }
}

/// The browser tests: `node --test` over `tests/e2e/*.test.mjs`, spec output on the
/// terminal and a TAP copy whose summary gives the counts.
pub fn node_tests(root: &Path, url: &str, chromium: Option<&Path>) -> Result<Counts, String> {
    let e2e = root.join("tests").join("e2e");
    let mut files: Vec<String> = std::fs::read_dir(&e2e)
        .map_err(|e| format!("cannot read {}: {e}", e2e.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/e2e/{name}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no browser tests found in tests/e2e/".into());
    }
    let artifacts = e2e.join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create artifacts: {e}"))?;
    let tap = artifacts.join("results.tap");
    let _ = std::fs::remove_file(&tap);
    let mut args = vec![
        "--test".to_string(),
        "--test-reporter=spec".into(),
        "--test-reporter-destination=stdout".into(),
        "--test-reporter=tap".into(),
        format!("--test-reporter-destination={}", tap.display()),
    ];
    args.extend(files);
    println!("$ node {}", args.join(" "));
    let status =
        node_command(root, url, chromium).args(&args).status().map_err(|e| format!("cannot start node: {e}"))?;
    let text = std::fs::read_to_string(&tap).unwrap_or_default();
    let mut counts = tap_counts(&text);
    counts.ok = status.success() && counts.failed == 0 && counts.passed > 0;
    Ok(counts)
}

/// Runs one node script (a bench) against the served bundle.
pub fn node_script(root: &Path, script: &str, url: &str, chromium: Option<&Path>) -> Result<(), String> {
    println!("$ node {script}");
    let status =
        node_command(root, url, chromium).arg(script).status().map_err(|e| format!("cannot start node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`node {script}` failed ({status})"))
    }
}

fn node_command(root: &Path, url: &str, chromium: Option<&Path>) -> Command {
    let mut cmd = Command::new("node");
    cmd.current_dir(root).env("NEWSLENS_URL", url);
    // Browser tests start their own static servers (sub-path, stopped and restarted) with it.
    if let Ok(xtask) = std::env::current_exe() {
        cmd.env("NEWSLENS_XTASK", xtask);
    }
    if let Some(chromium) = chromium {
        cmd.env("NEWSLENS_CHROMIUM", chromium);
    }
    cmd
}

/// Reads the `# pass N` / `# fail N` / `# skipped N` summary of a TAP report.
fn tap_counts(text: &str) -> Counts {
    let mut counts = Counts::default();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("#") {
            continue;
        }
        let (Some(what), Some(n)) = (words.next(), words.next()) else { continue };
        let Ok(n) = n.parse::<u64>() else { continue };
        match what {
            "pass" => counts.passed = n,
            "fail" | "cancelled" => counts.failed += n,
            "skipped" | "todo" => counts.ignored += n,
            _ => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_result_lines_add_up() {
        let mut c = Counts::default();
        add_cargo_result(
            &mut c,
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        );
        add_cargo_result(&mut c, "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out");
        add_cargo_result(&mut c, "running 5 tests");
        assert_eq!((c.passed, c.failed, c.ignored), (15, 2, 1));
    }

    #[test]
    fn tap_summary_gives_counts() {
        let tap = "TAP version 13\nok 1 - loads\n# tests 7\n# suites 0\n# pass 5\n# fail 1\n# cancelled 0\n# skipped 1\n# todo 0\n# duration_ms 812.2\n";
        let c = tap_counts(tap);
        assert_eq!((c.passed, c.failed, c.ignored), (5, 1, 1));
    }
}
