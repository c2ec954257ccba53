//! Installs what the build and the tests need, if missing, at pinned versions.
//!
//! Nothing here downloads a prebuilt binary: Rust tools are compiled by
//! `cargo install`, binaryen, playwright-core and puppeteer-core come from the npm
//! lock file, and Chromium and Firefox from the system's package manager.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::proc::{first_line, run, which};

/// Trunk 0.22 needs a newer rustc than 1.95; 0.21.14 builds with it.
const TRUNK_VERSION: &str = "0.21.14";
/// binaryen's wasm-opt from npm (`package-lock.json`); Trunk.toml names it exactly.
const WASM_OPT_VERSION: &str = "version_132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What later steps need to know about the set-up.
pub struct Tools {
    /// The Chromium the browser tests drive (None when only building).
    pub chromium: Option<PathBuf>,
}

/// Makes sure every tool is present; with `browser`, Chromium too. Prints each
/// step's time, so set-up cost on a fresh machine is on record.
pub fn ensure(root: &Path, browser: bool) -> Result<Tools, String> {
    let started = Instant::now();
    let mut timings: Vec<(String, f64, bool)> = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut() -> Result<bool, String>| {
        let t = Instant::now();
        let installed = f()?;
        timings.push((name.to_string(), t.elapsed().as_secs_f64(), installed));
        Ok::<(), String>(())
    };

    step("wasm32 target", &mut || wasm_target())?;
    step("trunk", &mut || trunk())?;
    step("wasm-bindgen-cli", &mut || wasm_bindgen(root))?;
    step("npm packages", &mut || npm_packages(root))?;
    let mut chromium = None;
    if browser {
        step("chromium", &mut || {
            let (path, installed) = chromium_browser()?;
            chromium = Some(path);
            Ok(installed)
        })?;
        step("firefox", &mut || {
            let (path, installed) = firefox_browser()?;
            // For the browser tests (node inherits it); nothing else runs yet.
            if let Some(path) = path {
                std::env::set_var("NEWSLENS_FIREFOX", path);
            }
            Ok(installed)
        })?;
    }

    let parts: Vec<String> = timings
        .iter()
        .map(
            |(name, secs, installed)| {
                if *installed {
                    format!("{name} installed in {secs:.1} s")
                } else {
                    format!("{name} present")
                }
            },
        )
        .collect();
    println!("setup: {} ({:.1} s)", parts.join(", "), started.elapsed().as_secs_f64());
    Ok(Tools { chromium })
}

fn wasm_target() -> Result<bool, String> {
    let rustup =
        which("rustup").ok_or("rustup not found: install Rust with rustup (https://rustup.rs), then run this again")?;
    let out =
        Command::new(&rustup).args(["target", "list", "--installed"]).output().map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(false);
    }
    run(Path::new("."), "rustup", &["target", "add", WASM_TARGET])?;
    Ok(true)
}

fn trunk() -> Result<bool, String> {
    let want = format!("trunk {TRUNK_VERSION}");
    if first_line("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        return Ok(false);
    }
    println!("setup: building Trunk {TRUNK_VERSION} from source (several minutes, once)");
    run(Path::new("."), "cargo", &["install", "trunk", "--locked", "--version", TRUNK_VERSION])?;
    Ok(true)
}

/// The CLI must equal the `wasm-bindgen` crate in Cargo.lock, or the bundle breaks.
fn wasm_bindgen(root: &Path) -> Result<bool, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let Some(version) = locked_version(&lock, "wasm-bindgen") else {
        println!("setup: Cargo.lock has no wasm-bindgen yet; skipping wasm-bindgen-cli");
        return Ok(false);
    };
    let want = format!("wasm-bindgen {version}");
    if first_line("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str()) {
        return Ok(false);
    }
    println!("setup: building wasm-bindgen-cli {version} from source (a few minutes, once)");
    // No --locked: one of the CLI's locked dependencies is no longer on crates.io.
    run(Path::new("."), "cargo", &["install", "wasm-bindgen-cli", "--version", &version])?;
    Ok(true)
}

/// Version of package `name` in a Cargo.lock (the first entry of that name).
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let next = lines.next()?.trim();
            let v = next.strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(v.to_string());
        }
    }
    None
}

/// `npm ci` unless node_modules already holds exactly what package-lock.json pins.
fn npm_packages(root: &Path) -> Result<bool, String> {
    if which("node").is_none() || which("npm").is_none() {
        return Err("Node.js 20+ and npm are needed (for wasm-opt and the browser tests): \
                    install them, e.g. `apt-get install nodejs npm`"
            .into());
    }
    let lock = std::fs::read_to_string(root.join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let wanted = ["binaryen", "playwright-core", "axe-core", "puppeteer-core"];
    let up_to_date = wanted.iter().all(|name| {
        let pinned = npm_locked_version(&lock, name);
        let manifest = root.join("node_modules").join(name).join("package.json");
        let installed = std::fs::read_to_string(manifest).ok().and_then(|m| json_string(&m, "version"));
        pinned.is_some() && pinned == installed
    });
    let mut installed = false;
    if !up_to_date {
        run(root, "npm", &["ci", "--no-audit", "--no-fund"])?;
        installed = true;
    }
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    let version = first_line(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !version.contains(WASM_OPT_VERSION) {
        return Err(format!("node_modules/.bin/wasm-opt says `{version}`, expected {WASM_OPT_VERSION}"));
    }
    Ok(installed)
}

/// `"version"` of `node_modules/<name>` in a package-lock.json (v2/v3 layout).
fn npm_locked_version(lock: &str, name: &str) -> Option<String> {
    let key = format!("\"node_modules/{name}\"");
    let at = lock.find(&key)?;
    json_string(&lock[at + key.len()..], "version")
}

/// The first `"key": "value"` string value in a JSON text (enough for manifests).
fn json_string(text: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    let after = &text[text.find(&quoted)? + quoted.len()..];
    let after = after.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(after[..after.find('"')?].to_string())
}

/// Chromium (and ChromeDriver) from the system's packages; apt-get when missing.
fn chromium_browser() -> Result<(PathBuf, bool), String> {
    if let Some(path) = std::env::var_os("NEWSLENS_CHROMIUM") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok((path, false))
        } else {
            Err(format!("NEWSLENS_CHROMIUM={} does not exist", path.display()))
        };
    }
    let found = || which("chromium").filter(|_| which("chromedriver").is_some());
    if let Some(path) = found() {
        return Ok((path, false));
    }
    apt_install(&["chromium", "chromium-driver"], "the browser tests")
        .map_err(|e| format!("{e} (or set NEWSLENS_CHROMIUM to a Chromium or Chrome binary), then run this again"))?;
    let path = found().ok_or("chromium still not on PATH after apt-get install")?;
    Ok((path, true))
}

/// Firefox (Debian's firefox-esr, driven over WebDriver BiDi) where the system can have it;
/// without apt-get its tests skip with a note.
fn firefox_browser() -> Result<(Option<PathBuf>, bool), String> {
    if let Some(path) = std::env::var_os("NEWSLENS_FIREFOX") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok((Some(path), false))
        } else {
            Err(format!("NEWSLENS_FIREFOX={} does not exist", path.display()))
        };
    }
    let found = || which("firefox-esr").or_else(|| which("firefox"));
    if let Some(path) = found() {
        return Ok((Some(path), false));
    }
    if which("apt-get").is_none() {
        println!("setup: no Firefox and no apt-get: the Firefox browser tests will be skipped");
        return Ok((None, false));
    }
    apt_install(&["firefox-esr"], "the Firefox browser tests")?;
    Ok((Some(found().ok_or("firefox-esr still not on PATH after apt-get install")?), true))
}

/// Installs Debian packages with apt-get (with sudo unless root), for `why`.
pub fn apt_install(packages: &[&str], why: &str) -> Result<(), String> {
    if which("apt-get").is_none() {
        return Err(format!(
            "{why} need the packages {} and this machine has no apt-get: install them with your package manager",
            packages.join(", ")
        ));
    }
    let root_user = first_line("id", &["-u"]).as_deref() == Some("0");
    let sudo: &[&str] = if root_user { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let program = all.remove(0);
        let status = Command::new(program)
            .args(&all)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{program} {}` failed; install the Debian packages {}", all.join(" "), packages.join(", ")))
        }
    };
    println!("setup: installing Debian's {} for {why}", packages.join(", "));
    apt(&["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// Trunk must never download a tool: `offline = true` and the exact wasm-opt version.
pub fn check_trunk_config(root: &Path) -> Result<(), String> {
    let path = root.join("Trunk.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|_| "no Trunk.toml (and so no app to build) in this tree".to_string())?;
    let mut section = String::new();
    let (mut offline, mut wasm_opt) = (false, false);
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        offline |= section == "[build]" && compact == "offline=true";
        wasm_opt |= section == "[tools]" && compact == format!("wasm_opt=\"{WASM_OPT_VERSION}\"");
    }
    if !offline {
        return Err("Trunk.toml must set `offline = true` under [build] (Trunk would download tools)".into());
    }
    if !wasm_opt {
        return Err(format!("Trunk.toml must pin `wasm_opt = \"{WASM_OPT_VERSION}\"` under [tools]"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_versions_from_lock_files() {
        let cargo_lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(cargo_lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(cargo_lock, "leptos"), None);
        let npm_lock = r#"{"packages": {"node_modules/binaryen": {"version": "132.0.0", "dev": true}, "node_modules/playwright-core": { "version" : "1.65.1" }}}"#;
        assert_eq!(npm_locked_version(npm_lock, "binaryen").as_deref(), Some("132.0.0"));
        assert_eq!(npm_locked_version(npm_lock, "playwright-core").as_deref(), Some("1.65.1"));
        assert_eq!(npm_locked_version(npm_lock, "vite"), None);
    }

    #[test]
    fn this_repository_pins_the_tools() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let lock = std::fs::read_to_string(root.join("package-lock.json")).unwrap();
        assert_eq!(npm_locked_version(&lock, "binaryen").as_deref(), Some("132.0.0"));
        if root.join("Trunk.toml").exists() {
            check_trunk_config(root).unwrap();
        }
    }
}
