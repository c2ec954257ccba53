//! Exports of annotated documents, and imports of the formats that carry everything.
//!
//! | [`Format`] | file | carries | import |
//! |---|---|---|---|
//! | [`Format::Native`] | `.json` | everything: the guide's documents with the reader's corrections | exact |
//! | [`Format::W3c`] | `.jsonld` | everything, as W3C Web Annotations | exact |
//! | [`Format::Brat`] | `.zip` | everything: a `.txt` + `.ann` per document, plus `newslens.json` | exact |
//! | [`Format::Conll`] | `.conll` | entities only, as CoNLL-2003 IOB2 tags on tokens | no |
//! | [`Format::Csv`] | `.csv` | one row per annotation, every field | no |
//! | [`Format::Html`] | `.html` | the text with its highlights, for reading | no |
//!
//! Offsets everywhere are Unicode **code points**, as in the guide; each format says so
//! where it has room to (a field, a header, a comment). An import checks every document
//! against the guide ([`crate::check`]) before handing it back, so what it returns is as
//! trustworthy as what the engine makes.
//!
//! ```
//! use newslens::export::{self, Format};
//! use newslens::{page, Engine};
//!
//! let engine = Engine::new().unwrap();
//! let doc = engine.annotate(&page::from_str("Kim Jong-un met Putin.", page::Format::Text), Some("a.txt"));
//! let docs = vec![doc];
//! for format in [Format::Native, Format::W3c, Format::Brat] {
//!     let bytes = export::export(format, &docs).unwrap();
//!     assert_eq!(export::import(&bytes).unwrap(), docs);
//! }
//! ```

mod brat;
mod conll;
mod csv;
mod html;
pub use html::escape_into;
mod native;
mod w3c;
mod zip;

use std::fmt;

use crate::check::{check, Invalid};
use crate::doc::Document;
use crate::error::{Error, Result};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `{"format": "newslens", "version": 1, "documents": [...]}`.
    Native,
    /// W3C Web Annotation JSON-LD: an `AnnotationCollection`.
    W3c,
    /// brat standoff, as a zip of `.txt` + `.ann` files.
    Brat,
    /// CoNLL-2003 columns with IOB2 entity tags.
    Conll,
    /// One row per annotation, UTF-8 with a byte-order mark.
    Csv,
    /// A standalone page with the highlights; no script.
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [Format::Native, Format::W3c, Format::Brat, Format::Conll, Format::Csv, Format::Html];

    /// The name the command line takes (`json`, `w3c`, `brat`, `conll`, `csv`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "json",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format called `name` (see [`Format::name`]).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Native => "json",
            Format::W3c => "jsonld",
            Format::Brat => "zip",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The media type, for a download.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Native => "application/json",
            Format::W3c => "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"",
            Format::Brat => "application/zip",
            Format::Conll => "text/plain; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// Whether [`import`] reads this format back (it carries everything).
    pub fn imports(self) -> bool {
        matches!(self, Format::Native | Format::W3c | Format::Brat)
    }

    /// Whether the export is text (all but the brat zip).
    pub fn is_text(self) -> bool {
        self != Format::Brat
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes `docs` in `format`: one file's bytes (UTF-8 text, or a zip for brat).
///
/// # Errors
/// [`Error::Export`] only if the zip cannot be written, which does not happen in memory.
pub fn export(format: Format, docs: &[Document]) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Native => native::write(docs).into_bytes(),
        Format::W3c => w3c::write(docs).into_bytes(),
        Format::Brat => brat::write(docs)?,
        Format::Conll => conll::write(docs).into_bytes(),
        Format::Csv => csv::write(docs).into_bytes(),
        Format::Html => html::write(docs).into_bytes(),
    })
}

/// Which importable format `bytes` are in: a zip is brat, JSON with `"format":
/// "newslens"` native, JSON-LD with an `@context` W3C. `None` for anything else.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(Format::Brat);
    }
    let text = std::str::from_utf8(bytes).ok()?.trim_start_matches('\u{feff}');
    let head: String = text.chars().take(4096).collect();
    if !head.trim_start().starts_with('{') {
        return None;
    }
    if head.contains("\"@context\"") {
        Some(Format::W3c)
    } else if head.contains("\"newslens\"") {
        Some(Format::Native)
    } else {
        None
    }
}

/// Reads back a session exported as native JSON, W3C Web Annotation or brat, whichever
/// `bytes` are ([`detect`]).
///
/// # Errors
/// [`Error::Import`]: [`ImportError::UnknownFormat`] when the bytes are none of the
/// three, else as [`import_as`].
pub fn import(bytes: &[u8]) -> Result<Vec<Document>> {
    let format = detect(bytes).ok_or(ImportError::UnknownFormat)?;
    import_as(format, bytes)
}

/// Reads back documents exported in `format`. Each document is checked against the
/// guide ([`crate::check::check`]).
///
/// # Errors
/// [`Error::Import`] with what is wrong: [`ImportError::CannotImport`] for a format that
/// does not carry everything, [`ImportError::Syntax`] or [`ImportError::Structure`] for a
/// file that is not what it claims, [`ImportError::Version`] for a newer native file,
/// [`ImportError::Invalid`] for a document that breaks the guide.
pub fn import_as(format: Format, bytes: &[u8]) -> Result<Vec<Document>> {
    let docs = match format {
        Format::Native => native::read(bytes)?,
        Format::W3c => w3c::read(bytes)?,
        Format::Brat => brat::read(bytes)?,
        other => return Err(ImportError::CannotImport(other).into()),
    };
    for (index, doc) in docs.iter().enumerate() {
        check(doc).map_err(|problem| ImportError::Invalid { document: index, problem })?;
    }
    Ok(docs)
}

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not a native, W3C or brat export.
    UnknownFormat,
    /// This format does not carry everything, so it is not read back.
    CannotImport(Format),
    /// The bytes are not well-formed JSON, UTF-8 or zip.
    Syntax { format: Format, reason: String },
    /// Well-formed, but not shaped as this format's export (`what` says where).
    Structure { format: Format, what: String },
    /// A native file of a version this engine does not read.
    Version { found: u64, supported: u64 },
    /// Document number `document` breaks the guide.
    Invalid { document: usize, problem: Invalid },
    /// More data than an import accepts (a zip that inflates past the limit).
    TooLarge { limit: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::UnknownFormat => {
                f.write_str("not a NewsLens export (native JSON, W3C Web Annotation or brat zip)")
            }
            ImportError::CannotImport(format) => write!(f, "{format} exports cannot be imported"),
            ImportError::Syntax { format, reason } => write!(f, "{format}: {reason}"),
            ImportError::Structure { format, what } => write!(f, "{format}: {what}"),
            ImportError::Version { found, supported } => {
                write!(f, "format version {found}; this NewsLens reads version {supported} and older")
            }
            ImportError::Invalid { document, problem } => write!(f, "document {}: {problem}", document + 1),
            ImportError::TooLarge { limit } => write!(f, "more than {limit} bytes once unpacked"),
        }
    }
}

impl std::error::Error for ImportError {}

/// The import error for a file that is not shaped as `format`'s export.
fn structure(format: Format, what: impl Into<String>) -> Error {
    Error::Import(ImportError::Structure { format, what: what.into() })
}

/// The import error for bytes that do not parse.
fn syntax(format: Format, reason: impl fmt::Display) -> Error {
    Error::Import(ImportError::Syntax { format, reason: reason.to_string() })
}

/// `text` with the characters Python's `str.splitlines` breaks lines at escaped as
/// `\uXXXX`: JSON stays valid, and a line-oriented reader sees one line.
fn one_line_json(json: String) -> String {
    if !json.contains(is_line_break) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 12);
    for c in json.chars() {
        if is_line_break(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Line boundaries as Python's `str.splitlines` sees them (brat's readers are Python).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}
