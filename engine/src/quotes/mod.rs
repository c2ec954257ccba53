//! Quotations: spans between quotation marks, their kind, cue and speaker mention.
//!
//! Entry point: [`find`]. Speakers are found here as mentions in the text
//! (a name, a pronoun, `a South Korean official`); [`crate::resolve`] ties
//! them to entity clusters.

pub mod cues;
pub mod kind;
pub mod marks;
pub(crate) mod speakers;

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

/// Every quotation in the text, sorted by start, none overlapping.
pub fn find(analysis: &Analysis) -> Vec<QuoteFound> {
    let text = analysis.text;
    let marked = marks::find(text);
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
