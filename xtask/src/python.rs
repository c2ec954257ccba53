//! The Python package's step of `cargo xtask test`: a virtual environment under the target
//! folder with pinned tools from PyPI, the wheel built by maturin and installed into it,
//! then pytest on `python/tests/` against the CLI's output.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::proc::{first_line, run, which, Counts};

/// What the step installs from PyPI, pinned. Bump together, and the stamp makes the
/// next run reinstall.
const PINS: &[&str] =
    &["maturin==1.16.0", "pytest==9.2.0", "dask[distributed]==2026.8.0", "pyarrow==26.0.1", "pandas==3.1.1"];

/// The step as `cargo xtask test` runs it: its summary line, and a failure when it fails.
pub fn step(root: &Path, summary: &mut Vec<String>, failures: &mut Vec<String>) {
    let line = match test(root) {
        Ok(counts) => {
            if !counts.ok {
                failures.push("Python tests failed".into());
            }
            format!("python: {} passed, {} failed, {} skipped", counts.passed, counts.failed, counts.ignored)
        }
        Err(e) => {
            failures.push(format!("Python step: {e}"));
            "python: not run (see the error above)".to_string()
        }
    };
    println!("{line}");
    summary.push(line);
}

/// `cargo xtask python`: the step on its own.
pub fn alone(root: &Path) -> Result<(), String> {
    let (mut summary, mut failures) = (Vec::new(), Vec::new());
    step(root, &mut summary, &mut failures);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

/// Builds, installs and tests the package; the counts come from pytest's summary line.
fn test(root: &Path) -> Result<Counts, String> {
    let started = Instant::now();
    let target = target_dir(root);
    let venv = target.join("python-venv");
    let python = venv_python(root, &venv)?;
    let tools_time = started.elapsed();

    // The CLI the tests compare with: the debug build `cargo test` has just made.
    run(root, "cargo", &["build", "--bin", "newslens"])?;
    let cli = target.join("debug").join(format!("newslens{}", std::env::consts::EXE_SUFFIX));

    let wheel_started = Instant::now();
    let wheels = target.join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    let maturin = venv_bin(&venv, "maturin");
    let (manifest, out) = (root.join("python").join("Cargo.toml"), wheels.to_string_lossy().into_owned());
    let manifest = manifest.to_string_lossy().into_owned();
    run(root, &maturin, &["build", "--manifest-path", &manifest, "--out", &out])?;
    let wheel = only_wheel(&wheels)?;
    let size = std::fs::metadata(&wheel).map_or(0, |m| m.len());
    let wheel = wheel.to_string_lossy().into_owned();
    run(root, &python, &["-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", &wheel])?;
    println!("python: wheel {} ({:.1} MB)", wheel, size as f64 / 1_048_576.0);
    let wheel_time = wheel_started.elapsed();

    let pytest_started = Instant::now();
    let tests = root.join("python").join("tests");
    println!("$ {python} -m pytest -rs {}", tests.display());
    let mut child = Command::new(&python)
        .args(["-m", "pytest", "-rs", "-p", "no:cacheprovider"])
        .arg(&tests)
        .current_dir(root)
        .env("NEWSLENS_CLI", &cli)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start pytest: {e}"))?;
    let mut counts = Counts::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(summary) = pytest_summary(&line) {
                counts = summary;
            }
        }
    }
    let status = child.wait().map_err(|e| format!("pytest: {e}"))?;
    counts.ok = status.success() && counts.failed == 0 && counts.passed > 0;
    println!(
        "python: took {:.0} s (tools {:.0} s, wheel {:.0} s, pytest {:.0} s)",
        started.elapsed().as_secs_f64(),
        tools_time.as_secs_f64(),
        wheel_time.as_secs_f64(),
        pytest_started.elapsed().as_secs_f64()
    );
    Ok(counts)
}

/// The cargo target folder (CARGO_TARGET_DIR, else `target/`).
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn venv_bin(venv: &Path, program: &str) -> String {
    let dir = if cfg!(windows) { venv.join("Scripts") } else { venv.join("bin") };
    dir.join(format!("{program}{}", std::env::consts::EXE_SUFFIX)).to_string_lossy().into_owned()
}

/// The virtual environment's Python, made and filled with [`PINS`] unless its stamp says
/// it already holds them.
fn venv_python(root: &Path, venv: &Path) -> Result<String, String> {
    let python = venv_bin(venv, "python");
    let stamp = venv.join("newslens-pins.txt");
    let wanted = PINS.join("\n");
    if Path::new(&python).is_file() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    let system = system_python()?;
    let _ = std::fs::remove_dir_all(venv);
    let venv_arg = venv.to_string_lossy().into_owned();
    if run(root, &system, &["-m", "venv", &venv_arg]).is_err() {
        // Debian splits venv out of its Python.
        crate::setup::apt_install(&["python3-venv"], "the Python tests' virtual environment")?;
        run(root, &system, &["-m", "venv", &venv_arg])?;
    }
    let mut args = vec!["-m", "pip", "install", "--quiet", "--disable-pip-version-check"];
    args.extend_from_slice(PINS);
    run(root, &python, &args)?;
    std::fs::write(&stamp, wanted).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(python)
}

/// A Python 3.9 or later: NEWSLENS_PYTHON, else `python3` on PATH (apt-get when missing).
fn system_python() -> Result<String, String> {
    let candidate = std::env::var("NEWSLENS_PYTHON").unwrap_or_else(|_| "python3".into());
    if which(&candidate).is_none() && std::env::var_os("NEWSLENS_PYTHON").is_none() {
        crate::setup::apt_install(&["python3", "python3-venv"], "the Python package's tests")?;
    }
    let version = first_line(&candidate, &["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .ok_or_else(|| format!("cannot run {candidate} (set NEWSLENS_PYTHON to a Python 3.9 or later)"))?;
    let minor = version.strip_prefix("3.").and_then(|m| m.parse::<u32>().ok());
    if minor.is_none_or(|m| m < 9) {
        return Err(format!("{candidate} is Python {version}; the package needs 3.9 or later (NEWSLENS_PYTHON)"));
    }
    Ok(candidate)
}

fn only_wheel(dir: &Path) -> Result<PathBuf, String> {
    let mut wheels: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("maturin wrote no {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "whl"))
        .collect();
    match wheels.len() {
        1 => Ok(wheels.remove(0)),
        n => Err(format!("expected one wheel in {}, found {n}", dir.display())),
    }
}

/// Counts from pytest's closing line, such as `==== 9 passed, 1 skipped in 12.3s ====` or
/// `11 passed, 2 warnings in 77.36s (0:01:17)`.
fn pytest_summary(line: &str) -> Option<Counts> {
    let line = line.trim().trim_matches('=').trim();
    let (counts_part, time) = line.rsplit_once(" in ")?;
    if !time.split_whitespace().next().is_some_and(|t| t.ends_with('s') && t.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let mut counts = Counts::default();
    let mut any = false;
    for part in counts_part.split(',') {
        let mut words = part.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else { return None };
        let n = n.parse::<u64>().ok()?;
        any = true;
        match what {
            "passed" | "xpassed" => counts.passed += n,
            "failed" | "error" | "errors" => counts.failed += n,
            "skipped" | "xfailed" | "deselected" => counts.ignored += n,
            "warning" | "warnings" | "rerun" => {}
            _ => return None,
        }
    }
    any.then_some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pytest_closing_lines_give_counts() {
        let c = pytest_summary("======= 9 passed, 1 skipped in 12.34s =======").expect("a summary");
        assert_eq!((c.passed, c.failed, c.ignored), (9, 0, 1));
        let c = pytest_summary("2 failed, 7 passed, 1 error in 3.01s").expect("a summary");
        assert_eq!((c.passed, c.failed, c.ignored), (7, 3, 0));
        let c = pytest_summary("============= 11 passed, 1 skipped, 2 warnings in 77.36s (0:01:17) =============");
        assert_eq!(c.map(|c| (c.passed, c.failed, c.ignored)), Some((11, 0, 1)));
        assert!(pytest_summary("tests/test_annotate.py ......  [ 80%]").is_none());
        assert!(pytest_summary("the council met in Ottawa").is_none());
    }
}
