//! How the reader's work is written in the browser's storage, versioned so a newer page
//! reads what an older one saved. Pure serde: the page writes the session, the worker writes
//! and reads the documents.
//!
//! Two kinds of record: one [`Session`] (the list, the selection, the legend's switches) and,
//! per document, a [`KeptDoc`] (the guide's document as annotated and corrected, with what is
//! needed to annotate it again).

use std::collections::BTreeSet;

use newslens::board::Region;
use newslens::corrections::UserLexicon;
use newslens::Document;
use serde::{Deserialize, Serialize};

/// The version this page writes. Version 1 had no corrections: its documents read as
/// documents without any, and its session as one with no names remembered. Version 2 kept
/// no calls on regions: its documents read as ones where the reader took none back.
pub const VERSION: u32 = 3;

/// Why a saved record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Written by a newer NewsLens than this page.
    Newer(u32),
    /// Not a record NewsLens wrote, or damaged.
    Unreadable(String),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Newer(v) => {
                write!(f, "saved by a newer version of NewsLens (format {v}, this page reads up to {VERSION})")
            }
            FormatError::Unreadable(e) => write!(f, "the saved work could not be read ({e})"),
        }
    }
}

impl std::error::Error for FormatError {}

/// One open document in the session, in list order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptRow {
    pub id: u32,
    /// File name, or `Pasted text N`.
    pub name: String,
    /// Bytes of the file, or characters of the paste.
    pub size: u64,
}

/// What the page shows and how, apart from the documents themselves.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    pub docs: Vec<KeptRow>,
    pub selected: Option<u32>,
    /// The legend's switches that are off: layers (`entity`) and labels (`PER`).
    #[serde(default)]
    pub hidden_layers: BTreeSet<String>,
    #[serde(default)]
    pub hidden_labels: BTreeSet<String>,
    /// The names the reader labelled, applied to documents added later (since version 2).
    #[serde(default)]
    pub lexicon: UserLexicon,
}

/// A document as kept: the guide's JSON (corrections included), and, for an HTML page, its
/// whole text so "use the whole page" still works after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptDoc {
    pub version: u32,
    pub document: Document,
    /// Milliseconds the engine took.
    #[serde(default)]
    pub millis: f64,
    #[serde(default)]
    pub page: Option<KeptPage>,
    /// The regions the engine called not the article that the reader took back (since version 3).
    #[serde(default)]
    pub kept_regions: Vec<Region>,
}

/// A [`KeptDoc`] to write, borrowing the worker's document.
#[derive(Debug, Serialize)]
pub struct KeptDocRef<'a> {
    pub version: u32,
    pub document: &'a Document,
    pub millis: f64,
    pub page: Option<KeptPage>,
    pub kept_regions: &'a [Region],
}

/// What a document made from an HTML page needs to be annotated again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptPage {
    /// The readable text of the whole page.
    pub full_text: String,
    /// The article found in the page, when the document shows the whole page instead.
    pub article: Option<String>,
    /// The document shows the whole page.
    pub whole: bool,
}

/// Reads a session record, from any version this page knows.
///
/// # Errors
/// [`FormatError::Newer`] for a record from a newer page, [`FormatError::Unreadable`] for
/// anything else that is not a session.
pub fn read_session(json: &str) -> Result<Session, FormatError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| FormatError::Unreadable(e.to_string()))?;
    check_version(&value)?;
    let mut session: Session = serde_json::from_value(value).map_err(|e| FormatError::Unreadable(e.to_string()))?;
    session.version = VERSION;
    Ok(session)
}

/// Reads a kept document, from any version this page knows.
///
/// # Errors
/// As [`read_session`].
pub fn read_doc(bytes: &[u8]) -> Result<KeptDoc, FormatError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| FormatError::Unreadable(e.to_string()))?;
    check_version(&value)?;
    let mut doc: KeptDoc = serde_json::from_value(value).map_err(|e| FormatError::Unreadable(e.to_string()))?;
    doc.version = VERSION;
    Ok(doc)
}

fn check_version(value: &serde_json::Value) -> Result<u32, FormatError> {
    let v =
        value.get("version").and_then(|v| v.as_u64()).ok_or_else(|| FormatError::Unreadable("no version".into()))?;
    let v = u32::try_from(v).unwrap_or(u32::MAX);
    if v > VERSION {
        return Err(FormatError::Newer(v));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_reads_back_as_written() {
        let session = Session {
            version: VERSION,
            docs: vec![KeptRow { id: 3, name: "a.txt".into(), size: 120 }],
            selected: Some(3),
            hidden_layers: ["quote".to_string()].into(),
            hidden_labels: BTreeSet::new(),
            lexicon: UserLexicon::new(),
        };
        let json = serde_json::to_string(&session).unwrap();
        assert_eq!(read_session(&json), Ok(session));
    }

    /// Records exactly as the first version of this format wrote them (no corrections).
    const SESSION_V1: &str = r#"{"version":1,"docs":[{"id":1,"name":"Pasted text 1","size":52},{"id":4,"name":"kursk.txt","size":812}],"selected":4,"hidden_layers":["number"],"hidden_labels":[]}"#;
    const DOC_V1: &str = r#"{"version":1,"document":{"text":"Kim met Putin in Kursk.","text_len":23,"title":null,"byline":null,"source":"kursk.txt","dateline":null,"annotations":[{"layer":"entity","label":"PER","start":0,"end":3,"text":"Kim","cluster":"Kim"},{"layer":"entity","label":"LOC","start":17,"end":22,"text":"Kursk","cluster":"Kursk"}]},"millis":4.5,"page":null}"#;

    #[test]
    fn version_1_records_read_as_the_current_version() {
        let session = read_session(SESSION_V1).unwrap();
        assert_eq!(session.version, VERSION);
        assert_eq!(session.docs.iter().map(|r| r.id).collect::<Vec<_>>(), [1, 4]);
        assert_eq!(session.selected, Some(4));
        assert!(session.hidden_layers.contains("number"));
        assert!(session.lexicon.is_empty(), "version 1 remembered no names");
        let kept = read_doc(DOC_V1.as_bytes()).unwrap();
        assert_eq!(kept.version, VERSION);
        assert_eq!(kept.document.annotations.len(), 2);
        assert!(kept.document.rejected.is_empty());
        assert!(kept.document.annotations.iter().all(|a| a.source().is_engine()), "no corrections in version 1");
        assert_eq!(kept.millis, 4.5);
        // Written again, it is the current version and reads back the same.
        let again = serde_json::to_vec(&kept).unwrap();
        assert_eq!(read_doc(&again).unwrap(), kept);
    }

    /// A document exactly as version 2 wrote it (a correction, no calls on regions).
    const DOC_V2: &str = r#"{"version":2,"document":{"text":"Kim met Putin in Kursk.","text_len":23,"title":null,"byline":null,"source":"kursk.txt","dateline":null,"annotations":[{"layer":"entity","label":"PER","start":0,"end":3,"text":"Kim","cluster":"Kim","source":"user"}],"rejected":[]},"millis":2.0,"page":null}"#;

    #[test]
    fn version_2_documents_read_with_no_region_taken_back_and_keep_those_written_since() {
        let mut kept = read_doc(DOC_V2.as_bytes()).unwrap();
        assert_eq!(kept.version, VERSION);
        assert!(kept.kept_regions.is_empty());
        assert!(kept.document.annotations[0].source().is_user(), "the correction survives");
        let region = Region { start: 8, end: 22, kind: newslens::board::RegionKind::Boilerplate };
        kept.kept_regions.push(region);
        let written = KeptDocRef {
            version: VERSION,
            document: &kept.document,
            millis: kept.millis,
            page: None,
            kept_regions: &kept.kept_regions,
        };
        let back = read_doc(&serde_json::to_vec(&written).unwrap()).unwrap();
        assert_eq!(back.kept_regions, [region]);
        assert_eq!(back, kept);
    }

    #[test]
    fn records_from_a_newer_page_or_not_ours_are_refused_with_a_reason() {
        assert_eq!(read_session(r#"{"version": 99, "docs": []}"#), Err(FormatError::Newer(99)));
        assert!(matches!(read_session("{}"), Err(FormatError::Unreadable(_))));
        assert!(matches!(read_doc(b"not json"), Err(FormatError::Unreadable(_))));
    }
}
