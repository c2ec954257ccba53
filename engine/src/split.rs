//! One long document on two workers at once: the entity tagger (the engine's longest stage,
//! about half its time, which reads nothing but the text) on one, and the text analysis,
//! figures and quotations on the other, then resolution over both.
//!
//! ```text
//! worker A: Engine::names(text) -> Names ─┐ (serde, a few bytes a name)
//! worker B: Prepared::new(page) ──────────┴─> Prepared::finish(names) -> Document
//! ```
//!
//! The result is [`Engine::annotate`]'s, exactly: both sides run the very functions the
//! pipeline runs, on the same normalised text; only the order in time changes. The tagger
//! itself is not cut at paragraphs: it reads the whole document (which types it gave a word
//! earlier, how the word is written elsewhere), so a part would tag differently.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::calendar::Date;
use crate::doc::{Document, EntityLabel};
use crate::entities::EntityFound;
use crate::error::{Error, Result};
use crate::figures::{self, Figure};
use crate::page::Page;
use crate::pipeline::{document, Engine, Found};
use crate::quotes::{self, QuoteFound};
use crate::text::{normalize_newlines, Analysis, Token};

/// The names the tagger found in one text: byte spans into the text with `\r\n` normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Length in bytes of the text they were found in, to refuse names of another text.
    pub text_len: usize,
    /// `(start, end, label)`, sorted by start, none overlapping.
    pub spans: Vec<(usize, usize, EntityLabel)>,
}

/// A page with everything but its names found: tokens, sentences, dateline, figures, quotes.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The page, its text with `\r\n` normalised.
    page: Page,
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
    dateline: Option<Date>,
    figures: Vec<Figure>,
    quotes: Vec<QuoteFound>,
}

impl Engine {
    /// The tagger's names in a page's text (the first half of [`Engine::annotate`]'s work
    /// split in two; see the module's notes).
    pub fn names(&self, text: &str) -> Names {
        let text = normalize_newlines(text);
        let analysis = Analysis::new(&text);
        let spans = self.entities(&analysis).into_iter().map(|e| (e.span.start, e.span.end, e.label)).collect();
        Names { text_len: text.len(), spans }
    }
}

impl Prepared {
    /// Everything of [`Engine::annotate`] but the names and resolution (the other half;
    /// no model is needed for it).
    pub fn new(page: &Page) -> Prepared {
        let text = normalize_newlines(&page.text).into_owned();
        let analysis = Analysis::new(&text);
        let dateline = page.dateline.or_else(|| figures::detect_dateline(&analysis));
        let figures = figures::find(&analysis, &figures::Context { dateline });
        let quotes = quotes::find(&analysis);
        let Analysis { tokens, sentences, .. } = analysis;
        Prepared { page: Page { text, ..page.clone() }, tokens, sentences, dateline, figures, quotes }
    }

    /// Resolves the prepared page with its names into the [`Document`] that
    /// [`Engine::annotate`] gives for the page.
    ///
    /// # Errors
    /// [`Error::Parts`] when the names cannot be of this text (another length, a span out of
    /// the text or off a character boundary, out of order or overlapping).
    pub fn finish(self, source: Option<&str>, names: Names) -> Result<Document> {
        let Prepared { page, tokens, sentences, dateline, figures, quotes } = self;
        let entities = checked(&page.text, names)?;
        let analysis = Analysis { text: &page.text, tokens, sentences };
        let found = Found { dateline, figures, quotes, entities };
        Ok(document(&analysis, &page, source, found, |_| {}))
    }
}

/// The names as the tagger's findings, once they are known to fit `text`.
fn checked(text: &str, names: Names) -> Result<Vec<EntityFound>> {
    let refuse = |reason: String| Err(Error::Parts { reason });
    if names.text_len != text.len() {
        return refuse(format!("names of a text of {} bytes for one of {}", names.text_len, text.len()));
    }
    let mut at = 0;
    let mut out = Vec::with_capacity(names.spans.len());
    for (start, end, label) in names.spans {
        if start < at || end <= start || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return refuse(format!("a name at bytes {start}..{end} does not fit the text"));
        }
        at = end;
        out.push(EntityFound { span: start..end, label });
    }
    Ok(out)
}
