//! Whether a document keeps the guide's promises: what imports and the reader's
//! corrections are checked against before they are trusted.

use std::fmt;

use crate::doc::{Annotation, Document, Span};
use crate::text::CharMap;

/// The first promise a document breaks. `index` is the annotation's position in
/// `annotations` (or in `rejected` for [`Invalid::Rejection`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// `text_len` is not the text's length in code points.
    TextLen { stated: usize, actual: usize },
    /// A span (the annotation's, its speaker's or a co-speaker's) is empty or runs past the text.
    OutOfText { index: usize, start: usize, end: usize },
    /// A span's `text` is not the document text at its offsets.
    TextMismatch { index: usize, start: usize, end: usize },
    /// Annotations are not sorted by `(start, layer)`.
    Unsorted { index: usize },
    /// The annotation overlaps an earlier one of its layer.
    Overlap { index: usize },
    /// A rejection that is empty or runs past the text.
    Rejection { index: usize },
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::TextLen { stated, actual } => {
                write!(f, "text_len is {stated} but the text has {actual} code points")
            }
            Invalid::OutOfText { index, start, end } => {
                write!(f, "annotation {index}: span {start}..{end} is empty or outside the text")
            }
            Invalid::TextMismatch { index, start, end } => {
                write!(f, "annotation {index}: its text is not the document's text at {start}..{end}")
            }
            Invalid::Unsorted { index } => write!(f, "annotation {index} is out of (start, layer) order"),
            Invalid::Overlap { index } => write!(f, "annotation {index} overlaps another of its layer"),
            Invalid::Rejection { index } => write!(f, "rejection {index} is empty or outside the text"),
        }
    }
}

/// Checks everything an import or a correction must keep: `text_len`; every span
/// (annotation, speaker, co-speakers) non-empty, inside the text, with its `text`
/// equal to the covered code points; annotations sorted by `(start, layer)`; no
/// overlap within a layer; rejections inside the text.
///
/// # Errors
/// The first broken promise, as an [`Invalid`].
pub fn check(doc: &Document) -> Result<(), Invalid> {
    let chars = CharMap::new(&doc.text);
    let actual = chars.char_len();
    if doc.text_len != actual {
        return Err(Invalid::TextLen { stated: doc.text_len, actual });
    }
    let mut last_end = [0usize; 3];
    let mut previous = None;
    for (index, a) in doc.annotations.iter().enumerate() {
        fits(&chars, index, a)?;
        let (start, end) = a.range();
        let key = (start, a.layer());
        if previous.is_some_and(|p| p > key) {
            return Err(Invalid::Unsorted { index });
        }
        previous = Some(key);
        let layer_end = &mut last_end[a.layer() as usize];
        if start < *layer_end {
            return Err(Invalid::Overlap { index });
        }
        *layer_end = end;
    }
    for (index, r) in doc.rejected.iter().enumerate() {
        if r.start >= r.end || r.end > actual {
            return Err(Invalid::Rejection { index });
        }
    }
    Ok(())
}

/// Whether annotation `a` (reported as number `index`) lies on `chars`'s text as it says.
pub(crate) fn fits(chars: &CharMap<'_>, index: usize, a: &Annotation) -> Result<(), Invalid> {
    let (start, end) = a.range();
    span_fits(chars, index, start, end, a.text())?;
    if let Annotation::Quote(q) = a {
        for s in q.speaker.iter().chain(&q.co_speakers) {
            let Span { start, end, text } = s;
            span_fits(chars, index, *start, *end, text)?;
        }
    }
    Ok(())
}

fn span_fits(chars: &CharMap<'_>, index: usize, start: usize, end: usize, text: &str) -> Result<(), Invalid> {
    if start >= end {
        return Err(Invalid::OutOfText { index, start, end });
    }
    match chars.slice(start, end) {
        None => Err(Invalid::OutOfText { index, start, end }),
        Some(covered) if covered != text => Err(Invalid::TextMismatch { index, start, end }),
        Some(_) => Ok(()),
    }
}
