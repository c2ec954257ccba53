//! The native export: the guide's documents, corrections included, in one JSON file.
//!
//! ```json
//! {"format": "newslens", "version": 1, "offsets": "unicode code points", "documents": [
//! {"text": "...", "text_len": 8508, ..., "annotations": [...], "rejected": [...]}
//! ]}
//! ```
//!
//! One document per line, so two exports diff well. Importing gives back exactly the
//! documents exported.

use serde::Deserialize;

use super::{one_line_json, structure, syntax, Format, ImportError};
use crate::doc::Document;
use crate::error::Result;

/// The version this engine writes and the newest it reads.
pub const VERSION: u64 = 1;

/// What the `offsets` field says.
const OFFSETS: &str = "unicode code points";

pub(super) fn write(docs: &[Document]) -> String {
    let mut out = format!("{{\"format\":\"newslens\",\"version\":{VERSION},\"offsets\":\"{OFFSETS}\",\"documents\":[");
    for (i, doc) in docs.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        // A document is plain data: serialising it cannot fail.
        out.push_str(&one_line_json(serde_json::to_string(doc).unwrap_or_default()));
    }
    out.push_str("\n]}\n");
    out
}

#[derive(Deserialize)]
struct NativeFile {
    format: String,
    version: u64,
    #[serde(default)]
    offsets: Option<String>,
    documents: Vec<Document>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Document>> {
    // Read from bytes, as the page's own messages are: one JSON reader in the bundle.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let file: NativeFile = serde_json::from_slice(bytes).map_err(|e| syntax(Format::Native, e))?;
    if file.format != "newslens" {
        return Err(structure(Format::Native, format!("`format` is {:?}, not \"newslens\"", file.format)));
    }
    if file.version > VERSION {
        return Err(ImportError::Version { found: file.version, supported: VERSION }.into());
    }
    if let Some(offsets) = file.offsets.filter(|o| o != OFFSETS) {
        return Err(structure(Format::Native, format!("offsets in {offsets:?}, not {OFFSETS}")));
    }
    Ok(file.documents)
}
