//! What the page and the engine's worker say to each other: small serde messages as JSON.
//!
//! A document travels in pieces so the page never parses one huge message: a [`Head`] with
//! what the list needs, the [`Groups`] and quotes for the panels, then batches of chunks
//! ([`Reply::Chunks`]), then [`Reply::Done`]. A chunk is a stretch of text with the
//! annotations inside it: its small [`ChunkMeta`] is in the JSON, while its text and its
//! annotations (as JSON) ride beside it as UTF-8 bytes, so the page reads a chunk only when
//! it needs it (rendering it near the viewport, showing one of its highlights' details).
//! The worker's replies are UTF-8 buffers handed over to the page, never copied or turned
//! into JavaScript strings.

use newslens::board::{Board, Region};
use newslens::corrections::UserLexicon;
use serde::{Deserialize, Serialize};

use crate::edits::{Edit, Patch};

/// Largest document the page accepts, in bytes of a file or UTF-16 units of a paste.
/// Above it the input is refused with a message (the engine's budget for a smooth page).
pub const MAX_DOC_BYTES: u64 = 10_000_000;

/// Target length of a chunk in code points; chunks end at a line break outside any annotation.
pub const CHUNK_CHARS: usize = 24_000;

/// About how many code points of text one message carries (chunks are batched up to it):
/// few messages, yet the page shows the first ones while the worker posts the rest.
pub const BATCH_CHARS: usize = 250_000;

/// Documents longer than this (code points) get a quick first look at their beginning
/// ([`Head::preview`]) before the whole is annotated.
pub const PREVIEW_ABOVE: usize = 200_000;

/// How much of a long document the first look covers, in bytes (cut at a line break).
pub const PREVIEW_BYTES: usize = 12_000;

/// Page -> worker: the header that rides along with a file or a pasted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Answer with [`Reply::Ready`].
    Ping,
    /// Annotate the payload (a `File` or a string) sent with this header.
    Annotate { id: u32, name: String, pasted: bool },
    /// Forget a document.
    Remove { id: u32 },
    /// Answer with [`Reply::Original`]: the whole readable text of the page a document came from.
    Original { id: u32 },
    /// Annotate a page's document again from the whole page's text (`whole`) or from its
    /// article; the answer is the usual head, chunks and done, under the same id.
    Use { id: u32, whole: bool },
    /// The reader's call on a region of a document: `keep` counts it as the article after
    /// all (taking the engine's call back), `false` leaves it out again. Answered like an
    /// edit (groups, `Saved`, [`Reply::Edited`] for undo), then with a board.
    Region { id: u32, region: Region, keep: bool },
    /// Open the second article found inside document `id` as a document of its own, `new_id`
    /// (answered like `Annotate` under `new_id`, or [`Reply::Failed`] for it).
    Split { id: u32, new_id: u32, name: String },
    /// Open a document kept from an earlier visit: the payload is its saved bytes
    /// ([`crate::persist::format::KeptDoc`] as JSON). Answered like `Annotate`, without `Saved`.
    Restore { id: u32, name: String },
    /// A reader's edit; answered with the changed documents sent again (head to done, then
    /// `Saved`) and [`Reply::Edited`], or [`Reply::Refused`].
    Edit { id: u32, edit: Edit },
    /// Undo or redo: apply a patch an edit made (or its inverse); the document is sent again.
    Patch { id: u32, patch: Patch },
    /// The names the reader labelled, kept from an earlier visit, for documents added from now on.
    Lexicon { lexicon: UserLexicon },
    /// Write documents `ids` (in this order) in `format` (`json`, `w3c`, `brat`, `conll`,
    /// `csv`, `html`); answered with [`Reply::Exported`].
    Export { format: String, ids: Vec<u32> },
    /// Read the payload (a `File`) as an export of native JSON, W3C Web Annotation or brat;
    /// answered with one [`Reply::Imported`] per document, or [`Reply::Refused`].
    Import { name: String },
}

/// Worker -> page, as `{"kind": {...}}`: the name first, so a large reply is read in one
/// pass (a tag inside the object makes serde copy the whole reply before reading it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The engine is loaded (or failed to load: `error`).
    Ready {
        error: Option<String>,
    },
    /// The input could not be read or annotated; `message` names the file.
    Failed {
        id: u32,
        message: String,
    },
    Head(Head),
    /// The next chunks of a document, in order. The message also holds `bodies`, a
    /// `Uint8Array` with each chunk's text then its annotations as a JSON array (UTF-8), at
    /// the places its [`ChunkMeta`] gives.
    Chunks {
        id: u32,
        chunks: Vec<ChunkMeta>,
    },
    /// Counts and groupings, sent before the text so the page takes them in while the
    /// worker is still sending chunks.
    Groups(Groups),
    /// The quotes by speaker: a message of its own, as the larger part of the groupings.
    Quotes {
        id: u32,
        quotes: Vec<QuoteGroupView>,
    },
    /// Every chunk has been sent; `millis` is how long the engine took.
    Done {
        id: u32,
        millis: f64,
    },
    /// Clusters changed after documents were lined up with each other.
    Clusters {
        id: u32,
        changes: Vec<(usize, String)>,
        entities: Vec<EntityGroupView>,
    },
    /// The whole page's text, or `None` when the worker no longer has the page (it restarted).
    Original {
        id: u32,
        text: Option<String>,
    },
    /// A document changed: its `bodies` hold what to keep of it
    /// ([`crate::persist::format::KeptDoc`] as JSON), for the page to save.
    Saved {
        id: u32,
    },
    /// An edit was made: what it changed, per document, and where the edited annotation of
    /// document `id` now is (sent after the changed documents).
    Edited {
        id: u32,
        changes: Vec<(u32, Patch)>,
        focus: Option<usize>,
    },
    /// An edit could not be made, and why (a sentence for the reader).
    Refused {
        message: String,
    },
    /// The names the reader labelled so far (to keep with the session).
    Lexicon {
        lexicon: UserLexicon,
    },
    /// An export: its `bodies` are the file, to save under `file_name`.
    Exported {
        file_name: String,
        media_type: String,
    },
    /// A document read from an imported file: its `bodies` are what to keep of it
    /// ([`crate::persist::format::KeptDoc`]), to open as a kept document.
    Imported {
        name: String,
        size: u64,
    },
    /// The boards across every open document, after documents came, went or a region call
    /// changed.
    Board(BoardUpdate),
}

/// The boards, and which document each of their document indices is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardUpdate {
    /// The page's id of each document the board's indices count.
    pub ids: Vec<u32>,
    /// Per document, the regions the reader took back as article (the rest are in
    /// `board.documents[d].regions`).
    pub kept: Vec<Vec<Region>>,
    pub board: Board,
}

/// What the document list needs, sent before any text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub id: u32,
    pub title: Option<String>,
    pub source: Option<String>,
    pub dateline: Option<String>,
    pub byline: Option<String>,
    /// Length of the text in code points.
    pub text_len: usize,
    pub chunks: usize,
    pub annotations: usize,
    /// A first look at the beginning of a long document; the full document follows and
    /// replaces it.
    #[serde(default)]
    pub preview: bool,
    /// The document came from an HTML page whose whole text can be shown and used instead.
    #[serde(default)]
    pub original: bool,
    /// The text is the whole page's, not the article found in it.
    #[serde(default)]
    pub whole: bool,
}

/// Where a chunk lies in its document, and how big it is (to size its place in the reader
/// before its text is read). Offsets stay document-wide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkMeta {
    pub index: usize,
    /// Code-point offset of the chunk's first character in the document.
    pub start: usize,
    /// Index of the chunk's first annotation in the document's `annotations`.
    pub first: usize,
    /// How many annotations it holds.
    pub count: usize,
    /// Its length in code points.
    pub chars: usize,
    /// How many line breaks it holds.
    pub lines: usize,
    /// Where its text starts in the message's `bodies`; its annotations' JSON follows it.
    pub at: usize,
    /// Bytes of its text.
    pub text_bytes: usize,
    /// Bytes of its annotations' JSON.
    pub json_bytes: usize,
}

/// A document's counts and groupings for the panels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Groups {
    pub id: u32,
    /// `(layer, label, count)` for every label present.
    pub counts: Vec<(String, String, usize)>,
    pub entities: Vec<EntityGroupView>,
}

/// One entity cluster of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityGroupView {
    pub cluster: String,
    pub label: String,
    /// How many mentions it has.
    pub count: usize,
    /// Annotation indices of its first mentions (at most [`MAX_LISTED`]).
    pub mentions: Vec<usize>,
}

/// Most mentions or quotes a group lists: a long document's panels stay light to send.
pub const MAX_LISTED: usize = 200;

/// The quotes of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroupView {
    pub speaker: Option<String>,
    /// How many quotes the speaker has.
    pub count: usize,
    /// The first of them (at most [`MAX_LISTED`]).
    pub quotes: Vec<QuoteBrief>,
}

/// A quote as the panel lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteBrief {
    pub index: usize,
    pub label: String,
    /// The beginning of the quote, shortened for the list.
    pub excerpt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_to_the_whole_page_is_one_small_message() {
        let json = serde_json::to_string(&Request::Use { id: 3, whole: true }).unwrap_or_default();
        assert_eq!(json, r#"{"kind":"use","id":3,"whole":true}"#);
        let back: Reply = serde_json::from_str(r#"{"original":{"id":3,"text":null}}"#).expect("a reply");
        assert_eq!(back, Reply::Original { id: 3, text: None });
    }

    #[test]
    fn a_head_without_page_flags_reads_as_plain_text() {
        let json = r#"{"head":{"id":1,"title":null,"source":null,"dateline":null,"byline":null,
            "text_len":5,"chunks":1,"annotations":0}}"#;
        let Ok(Reply::Head(head)) = serde_json::from_str::<Reply>(json) else { panic!("a head") };
        assert!(!head.original && !head.whole && !head.preview);
    }
}
