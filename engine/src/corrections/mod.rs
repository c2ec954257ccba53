//! The reader's corrections (the guide's "The reader's corrections"): edits that
//! keep a document's promises, carrying them onto a new engine run, and names the
//! reader labelled, remembered for documents added later ([`UserLexicon`]).
//!
//! A correction is never an edit of the text. It is an annotation marked
//! [`Origin::User`], or a [`Rejection`] of an engine annotation in
//! [`Document::rejected`]. So the whole state of a document is the document itself;
//! the app edits it with [`put`], [`remove`] and [`rename_cluster`], and after
//! re-running the engine over the same text restores the reader's work with
//! [`Corrections::apply`]:
//!
//! ```
//! use newslens::corrections::{self, Corrections};
//! use newslens::doc::{Annotation, Entity, EntityLabel, Origin};
//! use newslens::{page, Engine};
//!
//! let engine = Engine::new().unwrap();
//! let page = page::from_str("Kursk is far from Kyiv.", page::Format::Text);
//! let mut doc = engine.annotate(&page, None);
//! // The reader labels "Kyiv" an organisation...
//! let kyiv = Entity { label: EntityLabel::ORG, start: 18, end: 22, text: "Kyiv".into(),
//!                     cluster: "Kyiv".into(), source: Origin::User };
//! corrections::put(&mut doc, Annotation::Entity(kyiv)).unwrap();
//! // ...and a new engine run keeps it.
//! let mut fresh = engine.annotate(&page, None);
//! let stale = Corrections::of(&doc).apply(&mut fresh);
//! assert!(stale.is_empty());
//! assert_eq!(fresh, doc);
//! ```

mod lexicon;

pub use lexicon::{LearnedName, UserLexicon, Verdict};

use crate::check::{fits, Invalid};
use crate::doc::{Annotation, Document, Layer, Origin, Rejection};
use crate::text::CharMap;

/// What the reader changed in one document: their annotations and the engine
/// annotations they removed. Taken from a document with [`Corrections::of`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrections {
    /// The reader's annotations ([`Origin::User`]).
    pub annotations: Vec<Annotation>,
    /// Engine annotations the reader removed.
    pub rejected: Vec<Rejection>,
}

impl Corrections {
    /// The corrections `doc` carries.
    pub fn of(doc: &Document) -> Corrections {
        Corrections {
            annotations: doc.annotations.iter().filter(|a| a.source().is_user()).cloned().collect(),
            rejected: doc.rejected.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.rejected.is_empty()
    }

    /// Applies these corrections to `doc`, a new engine run over the same text: rejected
    /// annotations are dropped, and each of the reader's annotations replaces the
    /// annotations of its layer it overlaps. Quote speakers and clusters the reader set
    /// are in their annotations, so they come back with them.
    ///
    /// Returns the reader's annotations that do not fit `doc`'s text (the offsets run past
    /// it or cover other characters), or that overlap another of the reader's in their
    /// layer: they are left out rather than placed wrongly, so the caller can tell the reader.
    pub fn apply(&self, doc: &mut Document) -> Vec<Annotation> {
        let chars = CharMap::new(&doc.text);
        let mut placed = Vec::with_capacity(self.annotations.len());
        let mut stale = Vec::new();
        let mut ranges = LayerRanges::default();
        for a in &self.annotations {
            if fits(&chars, 0, a).is_ok() && !ranges.overlaps(a) {
                ranges.add(a);
                let mut a = a.clone();
                a.set_source(Origin::User);
                placed.push(a);
            } else {
                stale.push(a.clone());
            }
        }
        for r in &self.rejected {
            if !doc.rejected.contains(r) {
                doc.rejected.push(r.clone());
            }
        }
        doc.rejected.sort();
        let rejected = &doc.rejected;
        doc.annotations.retain(|a| !ranges.overlaps(a) && !rejected.iter().any(|r| r.matches(a)));
        doc.annotations.extend(placed);
        sort(&mut doc.annotations);
        stale
    }
}

/// The reader adds or changes an annotation: it is marked [`Origin::User`] and
/// replaces every annotation of its layer it overlaps. Replaced engine annotations
/// are recorded as rejected (so deleting the reader's version later does not bring
/// them back); a rejection of exactly this annotation is lifted. A changed entity's
/// cluster follows into the quotes it is the speaker of (marked as the reader's).
///
/// Returns the annotations it replaced.
///
/// # Errors
/// [`Invalid::OutOfText`] or [`Invalid::TextMismatch`] when the annotation (or its
/// speaker) does not lie on the document's text as it says; the document is unchanged.
pub fn put(doc: &mut Document, mut annotation: Annotation) -> Result<Vec<Annotation>, Invalid> {
    fits(&CharMap::new(&doc.text), doc.annotations.len(), &annotation)?;
    annotation.set_source(Origin::User);
    let layer = annotation.layer();
    let (start, end) = annotation.range();
    let (replaced, kept): (Vec<Annotation>, Vec<Annotation>) = std::mem::take(&mut doc.annotations)
        .into_iter()
        .partition(|a| a.layer() == layer && overlap(a.range(), (start, end)));
    doc.annotations = kept;
    for old in &replaced {
        if old.source().is_engine() {
            reject(doc, Rejection::of(old));
        }
    }
    let own = Rejection::of(&annotation);
    doc.rejected.retain(|r| *r != own);
    if let Annotation::Entity(new) = &annotation {
        for old in &replaced {
            if let Annotation::Entity(old) = old {
                if (old.start, old.end) == (new.start, new.end) && old.cluster != new.cluster {
                    follow_speaker(doc, (old.start, old.end), &old.cluster, &new.cluster);
                }
            }
        }
    }
    let at = doc.annotations.partition_point(|a| sort_key(a) <= sort_key(&annotation));
    doc.annotations.insert(at, annotation);
    Ok(replaced)
}

/// The reader deletes annotation number `index`. An engine annotation is recorded as
/// rejected, so a new engine run does not bring it back. `None` when there is no such
/// annotation.
pub fn remove(doc: &mut Document, index: usize) -> Option<Annotation> {
    if index >= doc.annotations.len() {
        return None;
    }
    let removed = doc.annotations.remove(index);
    if removed.source().is_engine() {
        reject(doc, Rejection::of(&removed));
    }
    Some(removed)
}

/// Merges cluster `from` into cluster `to`: every entity of `from` and every quote whose
/// speaker (`speaker_cluster`) is `from` now says `to`, marked as the reader's. Splitting a
/// cluster is [`put`] of the mentions that leave it with their new cluster. Returns how
/// many annotations changed.
pub fn rename_cluster(doc: &mut Document, from: &str, to: &str) -> usize {
    if from == to {
        return 0;
    }
    let mut changed = 0;
    for a in &mut doc.annotations {
        match a {
            Annotation::Entity(e) if e.cluster == from => {
                e.cluster = to.to_string();
                e.source = Origin::User;
                changed += 1;
            }
            Annotation::Quote(q) if q.speaker_cluster.as_deref() == Some(from) => {
                q.speaker_cluster = Some(to.to_string());
                q.source = Origin::User;
                changed += 1;
            }
            _ => {}
        }
    }
    changed
}

/// Quotes spoken by the mention at `range` that resolved to cluster `from` now resolve to `to`.
fn follow_speaker(doc: &mut Document, range: (usize, usize), from: &str, to: &str) {
    for a in &mut doc.annotations {
        if let Annotation::Quote(q) = a {
            let speaks = q.speaker.as_ref().is_some_and(|s| (s.start, s.end) == range);
            if speaks && q.speaker_cluster.as_deref() == Some(from) {
                q.speaker_cluster = Some(to.to_string());
                q.source = Origin::User;
            }
        }
    }
}

fn reject(doc: &mut Document, rejection: Rejection) {
    if let Err(at) = doc.rejected.binary_search(&rejection) {
        doc.rejected.insert(at, rejection);
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The order the engine writes annotations in: `(start, layer, end)`.
fn sort_key(a: &Annotation) -> (usize, Layer, usize) {
    let (start, end) = a.range();
    (start, a.layer(), end)
}

pub(crate) fn sort(annotations: &mut [Annotation]) {
    annotations.sort_by_key(sort_key);
}

/// Non-overlapping ranges per layer, sorted by start: "does this annotation overlap one
/// already placed in its layer?" in logarithmic time.
#[derive(Default)]
struct LayerRanges([Vec<(usize, usize)>; 3]);

impl LayerRanges {
    fn overlaps(&self, a: &Annotation) -> bool {
        let ranges = &self.0[a.layer() as usize];
        let (start, end) = a.range();
        // The first range that ends after `start` is the only one that can overlap.
        let i = ranges.partition_point(|r| r.1 <= start);
        ranges.get(i).is_some_and(|r| r.0 < end)
    }

    /// Adds a range that overlaps none already there.
    fn add(&mut self, a: &Annotation) {
        let ranges = &mut self.0[a.layer() as usize];
        let range = a.range();
        let at = ranges.partition_point(|r| r.0 < range.0);
        ranges.insert(at, range);
    }
}

#[cfg(test)]
mod tests;
