//! Quotations: spans between quotation marks, their kind, cue and speaker mention.
//!
//! Entry point: [`find`]. Speakers are found here as mentions in the text
//! (a name, a pronoun, `a South Korean official`); [`crate::resolve`] ties
//! them to entity clusters.

pub mod cues;
pub mod kind;
pub mod marks;
pub(crate) mod speakers;
mod words;

use std::ops::Range;

use crate::doc::QuoteLabel;
use crate::text::Analysis;

/// A quotation found in the text; spans are in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFound {
    pub span: Range<usize>,
    pub label: QuoteLabel,
    /// The reporting verb, as written.
    pub cue: Option<String>,
    pub speaker: Option<Speaker>,
    pub co_speakers: Vec<Range<usize>>,
    /// The closing mark was not found and the quote was cut at a limit.
    pub truncated: bool,
}

/// Who says a quotation, as the text names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub span: Range<usize>,
    pub kind: SpeakerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A name (`Zelenskyy`, `the Kremlin`).
    Named,
    /// `he`, `she`, `they`: resolved to the person meant by [`crate::resolve`].
    Pronoun,
    /// An unnamed speaker (`a South Korean official`).
    Nominal,
}

/// `Robert C. “Bobby” Scott`: one or two capitalised words in marks between the
/// parts of a name are a nickname, not a quotation.
fn is_nickname(text: &str, span: &Range<usize>) -> bool {
    let inner = text[span.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split_whitespace().count();
    let capitalised = inner.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let before = text[..span.start].strip_suffix(' ').and_then(|b| b.split(' ').next_back()).unwrap_or("");
    let after = text[span.end..].strip_prefix(' ').and_then(|a| a.split(' ').next()).unwrap_or("");
    let name_part =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.');
    // A headline in title case capitalises every word: no sign of a name there.
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let running_text = text[line_start..line_end]
        .split_whitespace()
        .any(|w| w.chars().count() > 3 && w.chars().all(|c| c.is_lowercase()));
    (1..=2).contains(&words) && capitalised && name_part(before) && name_part(after) && running_text
}

/// Every quotation in the text, sorted by start, none overlapping.
pub fn find(analysis: &Analysis) -> Vec<QuoteFound> {
    let text = analysis.text;
    let mut marked = marks::find(text);
    marked.retain(|m| !is_nickname(text, &m.span));
    let spans: Vec<Range<usize>> = marked.iter().map(|m| m.span.clone()).collect();
    let attributions = speakers::attribute(analysis, &spans);
    marked
        .into_iter()
        .zip(attributions)
        .map(|(m, who)| QuoteFound {
            label: kind::classify(&text[m.span.clone()]),
            span: m.span,
            cue: who.cue,
            speaker: who.speaker,
            co_speakers: who.co_speakers,
            truncated: m.truncated,
        })
        .collect()
}
