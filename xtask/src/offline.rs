//! After every Trunk build (its post-build hook runs `cargo xtask post-build`): the build id,
//! the service worker's list of files, and the single file `newslens.html`.
//!
//! The build id is a hash of every file the app is made of, so any change makes a new one;
//! index.html carries it (`<meta name="newslens-build">`) and sw.js names its cache after it
//! and lists each file with its SHA-256, so it installs a build whole or not at all.

use std::path::{Path, PathBuf};

use crate::codec::{hex, sha256, sri};
use crate::single_file;

const SERVICE_WORKER: &str = "sw.js";
const BUILD_META: &str = r#"<meta name="newslens-build" content=""#;
/// A debug build: no offline copy (sw.js removes itself), no single file.
const DEV_BUILD: &str = "dev";

/// Finishes the built folder `dir`. Running it again on a finished folder changes nothing.
pub fn post_build(dir: &Path, release: bool) -> Result<(), String> {
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let files = app_files(dir)?;
    let build = if release { build_id(dir, &files)? } else { DEV_BUILD.to_string() };
    std::fs::write(&index_path, with_build(&index, &build)?).map_err(|e| format!("{}: {e}", index_path.display()))?;

    let listed = if release { Some(integrity_list(dir, &files)?) } else { None };
    let sw_path = dir.join(SERVICE_WORKER);
    let sw = std::fs::read_to_string(&sw_path).map_err(|e| format!("{}: {e}", sw_path.display()))?;
    std::fs::write(&sw_path, stamp_service_worker(&sw, &build, listed.as_deref())?)
        .map_err(|e| format!("{}: {e}", sw_path.display()))?;

    let single = dir.join(single_file::FILE_NAME);
    if release {
        single_file::make(dir, &build)?;
        println!("post-build: build {build}, {} files for offline use, {}", files.len(), single_file::FILE_NAME);
    } else {
        let _ = std::fs::remove_file(single);
        println!("post-build: debug build: no offline copy, no {}", single_file::FILE_NAME);
    }
    Ok(())
}

/// Every file of the app, relative to `dir`, sorted: all but sw.js and the single file.
pub fn app_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    collect(dir, dir, &mut out).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    out.retain(|f| f != SERVICE_WORKER && f != single_file::FILE_NAME);
    out.sort();
    Ok(out)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path: PathBuf = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Hash of the files' names and contents, index.html taken without its build id.
fn build_id(dir: &Path, files: &[String]) -> Result<String, String> {
    let mut all = Vec::new();
    for name in files {
        let mut bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        if name == "index.html" {
            let text = String::from_utf8(bytes).map_err(|_| "index.html is not UTF-8".to_string())?;
            bytes = with_build(&text, "")?.into_bytes();
        }
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(&sha256(&bytes));
    }
    Ok(hex(&sha256(&all))[..16].to_string())
}

/// index.html with `build` in its `newslens-build` meta.
fn with_build(index: &str, build: &str) -> Result<String, String> {
    let start = index.find(BUILD_META).ok_or("index.html has no <meta name=\"newslens-build\" content=\"...\">")?
        + BUILD_META.len();
    let end = start + index[start..].find('"').ok_or("index.html: unterminated newslens-build meta")?;
    Ok(format!("{}{build}{}", &index[..start], &index[end..]))
}

/// `[["./index.html","sha256-..."],...]`: what sw.js fetches and checks.
fn integrity_list(dir: &Path, files: &[String]) -> Result<String, String> {
    let mut entries = Vec::new();
    for name in files {
        let bytes = std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
        if name.contains(['"', '\\']) {
            return Err(format!("file name {name:?} cannot be listed"));
        }
        entries.push(format!("[\"./{name}\",\"{}\"]", sri(&bytes)));
    }
    Ok(format!("[\n  {},\n]", entries.join(",\n  ")))
}

/// sw.js with its `const BUILD = ...;` and `const FILES = ...;` statements filled in
/// (FILES null: a debug build's worker, which removes itself).
fn stamp_service_worker(sw: &str, build: &str, files: Option<&str>) -> Result<String, String> {
    let replace = |text: &str, name: &str, value: &str| -> Result<String, String> {
        let head = format!("\nconst {name} = ");
        let start = text.find(&head).ok_or(format!("sw.js has no `const {name} = ...;` line"))? + 1;
        let end = start + text[start..].find(";\n").ok_or(format!("sw.js: `const {name}` does not end"))?;
        Ok(format!("{}const {name} = {value}{}", &text[..start], &text[end..]))
    };
    let sw = replace(sw, "BUILD", &format!("'{build}'"))?;
    replace(&sw, "FILES", files.unwrap_or("null"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_id_goes_into_index_and_sw_and_restamping_is_stable() {
        let index = r#"<head><meta name="newslens-build" content="dev" /></head>"#;
        let once = with_build(index, "abc123").unwrap();
        assert_eq!(once, r#"<head><meta name="newslens-build" content="abc123" /></head>"#);
        assert_eq!(with_build(&once, "abc123").unwrap(), once);
        assert!(with_build("<head></head>", "x").is_err());

        let sw = "// note\nconst BUILD = 'dev';\nconst FILES = null;\nconst CACHE = BUILD;\n";
        let stamped = stamp_service_worker(sw, "abc", Some("[\n  [\"./a.js\",\"sha256-x\"],\n]")).unwrap();
        assert_eq!(
            stamped,
            "// note\nconst BUILD = 'abc';\nconst FILES = [\n  [\"./a.js\",\"sha256-x\"],\n];\nconst CACHE = BUILD;\n"
        );
        assert_eq!(stamp_service_worker(&stamped, "dev", None).unwrap(), sw);
    }

    #[test]
    fn the_build_id_follows_every_file_but_not_its_own_stamp() {
        let dir = std::env::temp_dir().join(format!("xtask-offline-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("index.html"), r#"<meta name="newslens-build" content="old">"#).unwrap();
        std::fs::write(dir.join("icons/a.png"), b"png").unwrap();
        std::fs::write(dir.join("sw.js"), "changes with every build").unwrap();
        let files = app_files(&dir).unwrap();
        assert_eq!(files, ["icons/a.png", "index.html"]);
        let first = build_id(&dir, &files).unwrap();
        std::fs::write(dir.join("index.html"), r#"<meta name="newslens-build" content="other">"#).unwrap();
        assert_eq!(build_id(&dir, &files).unwrap(), first, "the stamp itself does not count");
        std::fs::write(dir.join("icons/a.png"), b"png2").unwrap();
        assert_ne!(build_id(&dir, &files).unwrap(), first, "a changed file makes a new build");
        let list = integrity_list(&dir, &files).unwrap();
        assert!(list.contains(&format!("[\"./icons/a.png\",\"{}\"]", sri(b"png2"))), "{list}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
