//! The reference samples (`gold/` beside `samples/` in the shared data folder), as guide
//! documents with their text filled in. The folder is `$NEWSLENS_DATA`, else `shared`
//! beside the repository; without it the callers print a note and skip.
#![allow(dead_code)] // each test uses part of it

use std::path::PathBuf;

use newslens::Document;

/// The shared data folder, if there is one.
pub fn data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("NEWSLENS_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// The reference documents, sorted by file name, each with `source` set to its sample's
/// file name; `None` (with a printed note naming `what` is skipped) without the data.
pub fn documents(what: &str) -> Option<Vec<Document>> {
    let gold = data_dir().map(|d| d.join("gold")).filter(|d| d.is_dir());
    let Some(gold) = gold else {
        println!("note: skipping {what}: no shared data (set NEWSLENS_DATA to the shared data folder)");
        return None;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&gold)
        .expect("gold folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|path| {
            let name = format!("{}.txt", path.file_stem().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(gold.join("../samples").join(&name)).expect("the sample of a gold file");
            let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let obj = value.as_object_mut().expect("a gold file is a JSON object");
            obj.insert("text".into(), text.into());
            obj.insert("source".into(), name.into());
            for key in ["title", "byline"] {
                obj.entry(key).or_insert(serde_json::Value::Null);
            }
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    assert!(!docs.is_empty(), "no reference documents in {}", gold.display());
    Some(docs)
}
