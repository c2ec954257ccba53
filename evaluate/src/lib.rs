//! Measurement of the engine against the shared data sets: where they are,
//! how to read them, and how to score. Binaries in `src/bin/` print reports;
//! tests in `tests/` hold the bars.
//!
//! Figures are reported on data no choice was made on: [`split`] puts each
//! case or page, by a fixed rule on its own text, in a development part
//! (looked at, tuned on) or a held-out part (run at the end for the figure).
//!
//! The data live outside the repository. [`data_dir`] finds them through the
//! `NEWSLENS_DATA` setting (default: `shared` beside the repository); when
//! they are missing, tests print a note and skip instead of failing.

use std::path::{Path, PathBuf};

pub mod bench;
pub mod board;
pub mod clusters;
pub mod conll;
pub mod datetime;
pub mod figures;
pub mod quotes;
pub mod ranges;
pub mod readability;
pub mod score;
pub mod split;

/// The shared data folder, if it exists: `$NEWSLENS_DATA`, else `../shared`
/// from the repository root.
pub fn data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("NEWSLENS_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    dir.is_dir().then(|| dir.canonicalize().unwrap_or(dir))
}

/// `data_dir()/relative`, or `None` with a printed note saying what is skipped.
pub fn data_path(relative: &str, skipping: &str) -> Option<PathBuf> {
    match data_dir().map(|d| d.join(relative)) {
        Some(path) if path.exists() => Some(path),
        _ => {
            println!(
                "note: skipping {skipping}: shared data `{relative}` not found \
                 (set NEWSLENS_DATA to the shared data folder)"
            );
            None
        }
    }
}

/// A sample article with its reference annotations.
pub struct GoldSample {
    /// File name of the sample (`002_....txt`).
    pub name: String,
    pub text: String,
    /// The reference document (its `text` is filled in from the sample).
    pub gold: newslens::Document,
}

/// The samples that have reference annotations in `gold/`.
pub fn gold_samples() -> Vec<GoldSample> {
    let Some(gold_dir) = data_path("gold", "gold-sample evaluation") else { return Vec::new() };
    let samples_dir = gold_dir.join("../samples");
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&gold_dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let name = format!("{stem}.txt");
        let Ok(text) = std::fs::read_to_string(samples_dir.join(&name)) else { continue };
        let Ok(json) = std::fs::read_to_string(&path) else { continue };
        let mut value: serde_json::Value = match serde_json::from_str(&json) {
            Ok(v) => v,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let obj = value.as_object_mut().expect("gold file is a JSON object");
        obj.insert("text".into(), text.clone().into());
        for key in ["title", "byline", "source"] {
            obj.entry(key).or_insert(serde_json::Value::Null);
        }
        let gold: newslens::Document =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{}: not a guide document: {e}", path.display()));
        out.push(GoldSample { name, text, gold });
    }
    out
}
