//! The reader's edits, as the worker applies them to its documents with the engine's
//! corrections ([`newslens::corrections`]), and the [`Patch`]es they make: exact, small
//! records of what changed, which the store keeps for undo and redo.

use newslens::board::Region;
use newslens::corrections::{self, UserLexicon, Verdict};
use newslens::doc::{Entity, EntityLabel, Number, NumberLabel, Origin, Quote, QuoteLabel, Rejection, Span, Value};
use newslens::{Annotation, Document, Layer};
use serde::{Deserialize, Serialize};

/// Where an edit spreads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The annotation alone.
    One,
    /// Every occurrence of its text in its document.
    Document,
    /// Every occurrence in every open document.
    All,
}

/// One edit of the reader's, on the annotation numbered `index` of a document (its place in
/// the document's `annotations`) or on a span of its text (code points).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Label `start..end` (an annotation of the label's layer replaces what it overlaps there).
    Label {
        start: usize,
        end: usize,
        label: String,
        scope: Scope,
    },
    /// Give an annotation another label (of any layer), or spread its label (`scope`).
    Relabel {
        index: usize,
        label: String,
        scope: Scope,
    },
    Delete {
        index: usize,
        scope: Scope,
    },
    /// Move an end by whole words: `start_words` < 0 widens to the left, `end_words` > 0
    /// widens to the right.
    Resize {
        index: usize,
        start_words: i32,
        end_words: i32,
    },
    /// The quote `index` is said by the name `speaker` (an entity's index).
    Speaker {
        index: usize,
        speaker: usize,
    },
    /// Every mention of cluster `from` joins cluster `to` (in this document or all).
    Merge {
        from: String,
        to: String,
        scope: Scope,
    },
    /// The name `index` leaves its cluster for one of its own text.
    Split {
        index: usize,
    },
}

/// What an edit changed in one document: annotations out and in, the rejected list before
/// and after, and the regions the reader took back as article before and after (`None`: the
/// edit left them alone). Undoing applies the [`Patch::inverse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub removed: Vec<Annotation>,
    pub added: Vec<Annotation>,
    pub rejected_before: Vec<Rejection>,
    pub rejected_after: Vec<Rejection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<(Vec<Region>, Vec<Region>)>,
}

impl Patch {
    /// The change from `before` to `after` (two states of one document's annotations).
    pub fn between(before: &Document, after: &Document) -> Patch {
        let key = |a: &Annotation| {
            let (s, e) = a.range();
            (s, a.layer(), e)
        };
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        let (mut i, mut j) = (0, 0);
        let (old, new) = (&before.annotations, &after.annotations);
        while i < old.len() || j < new.len() {
            match (old.get(i), new.get(j)) {
                (Some(a), Some(b)) if key(a) == key(b) => {
                    if a != b {
                        removed.push(a.clone());
                        added.push(b.clone());
                    }
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if key(a) < key(b) => {
                    removed.push(a.clone());
                    i += 1;
                    let _ = b;
                }
                (Some(_), Some(b)) => {
                    added.push(b.clone());
                    j += 1;
                }
                (Some(a), None) => {
                    removed.push(a.clone());
                    i += 1;
                }
                (None, Some(b)) => {
                    added.push(b.clone());
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Patch {
            removed,
            added,
            rejected_before: before.rejected.clone(),
            rejected_after: after.rejected.clone(),
            kept: None,
        }
    }

    /// A change of the regions the reader took back as article, and of nothing else.
    pub fn kept_regions(doc: &Document, before: Vec<Region>, after: Vec<Region>) -> Patch {
        Patch {
            removed: Vec::new(),
            added: Vec::new(),
            rejected_before: doc.rejected.clone(),
            rejected_after: doc.rejected.clone(),
            kept: Some((before, after)),
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.touches_annotations() && self.kept.as_ref().is_none_or(|(before, after)| before == after)
    }

    /// Whether the patch changes the document's annotations (or its rejected list).
    pub fn touches_annotations(&self) -> bool {
        !self.removed.is_empty() || !self.added.is_empty() || self.rejected_before != self.rejected_after
    }

    /// The patch that undoes this one.
    pub fn inverse(&self) -> Patch {
        Patch {
            removed: self.added.clone(),
            added: self.removed.clone(),
            rejected_before: self.rejected_after.clone(),
            rejected_after: self.rejected_before.clone(),
            kept: self.kept.as_ref().map(|(before, after)| (after.clone(), before.clone())),
        }
    }

    /// Applies the patch to the annotations (the worker keeps the regions, see [`Patch::kept`]).
    /// Annotations are found by layer and offsets (unique in a
    /// document, as spans of one layer never overlap), so a JSON round trip of the patch
    /// does not matter.
    pub fn apply(&self, doc: &mut Document) {
        let key = |a: &Annotation| (a.layer(), a.range());
        doc.annotations.retain(|a| !self.removed.iter().any(|r| key(r) == key(a)));
        doc.annotations.extend(self.added.iter().cloned());
        doc.annotations.sort_by_key(|a| {
            let (s, e) = a.range();
            (s, a.layer(), e)
        });
        doc.rejected = self.rejected_after.clone();
    }
}

/// What an edit did: the patch of each document it changed (by index), and where the edited
/// annotation now is.
pub type Applied = (Vec<(usize, Patch)>, Option<usize>);

/// Why an edit was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// Applies `edit` to document `at` of `docs` (all open documents, for edits that spread) and
/// returns, per document changed, its index in `docs` and the patch, and the index of the
/// edited annotation afterwards (to keep the reader's focus on it).
///
/// # Errors
/// [`Refused`] with a sentence for the reader when the edit does not fit (no such
/// annotation, a span off the text, a label that does not exist).
pub fn apply(docs: &mut [Document], at: usize, edit: &Edit) -> Result<Applied, Refused> {
    let before: Vec<Document> = docs.to_vec();
    let doc = docs.get_mut(at).ok_or_else(|| Refused("That document is no longer open.".into()))?;
    let mut focus_range: Option<(Layer, usize, usize)> = None;
    let mut spread: Option<(Annotation, Scope)> = None;
    match edit {
        Edit::Label { start, end, label, scope } => {
            let (start, end) = trim_span(&doc.text, *start, *end);
            let a = new_annotation(doc, start, end, label)?;
            focus_range = Some((a.layer(), start, end));
            put(doc, a.clone())?;
            spread = Some((a, *scope));
        }
        Edit::Relabel { index, label, scope } => {
            let old = annotation(doc, *index)?.clone();
            let (start, end) = old.range();
            let mut a = new_annotation(doc, start, end, label)?;
            if a.layer() == old.layer() {
                a = with_label(&old, label).unwrap_or(a);
            } else {
                corrections::remove(doc, *index);
            }
            focus_range = Some((a.layer(), start, end));
            put(doc, a.clone())?;
            spread = Some((a, *scope));
        }
        Edit::Delete { index, scope } => {
            let old = annotation(doc, *index)?.clone();
            corrections::remove(doc, *index);
            if *scope != Scope::One {
                if let Annotation::Entity(e) = &old {
                    let mut lexicon = UserLexicon::new();
                    lexicon.remember(&e.text, Verdict::NotAName);
                    spread_lexicon(docs, at, &lexicon, *scope);
                }
            }
        }
        Edit::Resize { index, start_words, end_words } => {
            let old = annotation(doc, *index)?.clone();
            let (start, end) = old.range();
            let (start, end) = trim_span(
                &doc.text,
                move_by_words(&doc.text, start, *start_words),
                move_by_words(&doc.text, end, *end_words),
            );
            if start >= end {
                return Err(Refused("A highlight cannot be narrower than one word.".into()));
            }
            let a = resized(&old, start, end, &doc.text);
            focus_range = Some((a.layer(), start, end));
            put(doc, a)?;
        }
        Edit::Speaker { index, speaker } => {
            let Annotation::Entity(name) = annotation(doc, *speaker)?.clone() else {
                return Err(Refused("A speaker is a name: pick a name.".into()));
            };
            let Annotation::Quote(mut q) = annotation(doc, *index)?.clone() else {
                return Err(Refused("Only a quote has a speaker.".into()));
            };
            q.speaker = Some(Span { start: name.start, end: name.end, text: name.text.clone() });
            q.speaker_cluster = Some(name.cluster.clone());
            q.nominal = false;
            focus_range = Some((Layer::Quote, q.start, q.end));
            put(doc, Annotation::Quote(q))?;
        }
        Edit::Merge { from, to, scope } => {
            let targets: Vec<usize> = if *scope == Scope::All { (0..docs.len()).collect() } else { vec![at] };
            for t in targets {
                corrections::rename_cluster(&mut docs[t], from, to);
            }
        }
        Edit::Split { index } => {
            let Annotation::Entity(mut e) = annotation(doc, *index)?.clone() else {
                return Err(Refused("Only a name belongs to a cluster.".into()));
            };
            if e.cluster == e.text {
                return Err(Refused(format!("“{}” is already a cluster of its own.", e.text)));
            }
            e.cluster = e.text.clone();
            focus_range = Some((Layer::Entity, e.start, e.end));
            put(doc, Annotation::Entity(e))?;
        }
    }
    if let Some((a, scope)) = spread.filter(|(_, s)| *s != Scope::One) {
        match &a {
            Annotation::Entity(e) => {
                let mut lexicon = UserLexicon::new();
                lexicon.remember(&e.text, Verdict::Name { label: e.label, cluster: e.cluster.clone() });
                spread_lexicon(docs, at, &lexicon, scope);
            }
            _ => return Err(Refused("“Apply to all” spreads names; label figures and quotes one by one.".into())),
        }
    }
    let focus = focus_range
        .and_then(|(layer, s, e)| docs[at].annotations.iter().position(|a| a.layer() == layer && a.range() == (s, e)));
    let patches = before
        .iter()
        .zip(docs.iter())
        .enumerate()
        .map(|(i, (b, a))| (i, Patch::between(b, a)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    Ok((patches, focus))
}

fn spread_lexicon(docs: &mut [Document], at: usize, lexicon: &UserLexicon, scope: Scope) {
    for (i, d) in docs.iter_mut().enumerate() {
        if i == at || scope == Scope::All {
            lexicon.apply(d);
        }
    }
}

fn put(doc: &mut Document, a: Annotation) -> Result<(), Refused> {
    corrections::put(doc, a).map(|_| ()).map_err(|e| Refused(format!("That highlight does not fit the text ({e}).")))
}

fn annotation(doc: &Document, index: usize) -> Result<&Annotation, Refused> {
    doc.annotations.get(index).ok_or_else(|| Refused("That highlight is no longer there.".into()))
}

/// The text of code points `start..end`.
fn slice(text: &str, start: usize, end: usize) -> Option<String> {
    let mut it = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let s = it.nth(start)?;
    let e = if end == start { s } else { it.nth(end - start - 1)? };
    Some(text[s..e].to_string())
}

/// A new annotation of the reader's with `label` over `start..end`.
fn new_annotation(doc: &Document, start: usize, end: usize, label: &str) -> Result<Annotation, Refused> {
    let text = slice(&doc.text, start, end)
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| Refused("Select some text first, then press the label's key.".into()))?;
    let source = Origin::User;
    if let Some(&l) = EntityLabel::ALL.iter().find(|l| l.as_str() == label) {
        return Ok(Annotation::Entity(Entity { label: l, start, end, cluster: text.clone(), text, source }));
    }
    if let Some(&l) = NumberLabel::ALL.iter().find(|l| l.as_str() == label) {
        return Ok(Annotation::Number(Number {
            label: l,
            start,
            end,
            text,
            value: Value::default(),
            of: None,
            source,
        }));
    }
    if let Some(&l) = QuoteLabel::ALL.iter().find(|l| l.as_str() == label) {
        return Ok(Annotation::Quote(Quote {
            label: l,
            start,
            end,
            text,
            cue: None,
            speaker: None,
            speaker_cluster: None,
            nominal: false,
            co_speakers: vec![],
            truncated: false,
            source,
        }));
    }
    Err(Refused(format!("There is no label {label}.")))
}

/// `a` with another label of its own layer, keeping its other fields.
fn with_label(a: &Annotation, label: &str) -> Option<Annotation> {
    let mut a = a.clone();
    match &mut a {
        Annotation::Entity(e) => e.label = *EntityLabel::ALL.iter().find(|l| l.as_str() == label)?,
        Annotation::Number(n) => n.label = *NumberLabel::ALL.iter().find(|l| l.as_str() == label)?,
        Annotation::Quote(q) => q.label = *QuoteLabel::ALL.iter().find(|l| l.as_str() == label)?,
    }
    Some(a)
}

/// `a` over `start..end` instead; a name whose cluster was its text follows its new text.
fn resized(a: &Annotation, start: usize, end: usize, text: &str) -> Annotation {
    let covered = slice(text, start, end).unwrap_or_default();
    let mut a = a.clone();
    match &mut a {
        Annotation::Entity(e) => {
            if e.cluster == e.text {
                e.cluster = covered.clone();
            }
            (e.start, e.end, e.text) = (start, end, covered);
        }
        Annotation::Number(n) => (n.start, n.end, n.text) = (start, end, covered),
        Annotation::Quote(q) => (q.start, q.end, q.text) = (start, end, covered),
    }
    a
}

/// The offset `words` whole words away from `at` (negative: to the left), stopping at the
/// text's ends. A word is a run of letters and digits, with hyphens, apostrophes, and points
/// or commas between digits or letters (`Jong-un`, `Ukraine’s`, `8,000`, `U.S`).
pub fn move_by_words(text: &str, at: usize, words: i32) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let word = |i: usize| {
        let c = chars[i];
        let joins = matches!(c, '-' | '\'' | '’' | '.' | ',');
        c.is_alphanumeric()
            || (joins
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
    };
    let mut at = at.min(chars.len());
    for _ in 0..words.unsigned_abs() {
        if words > 0 {
            while at < chars.len() && !word(at) {
                at += 1;
            }
            while at < chars.len() && word(at) {
                at += 1;
            }
        } else {
            while at > 0 && !word(at - 1) {
                at -= 1;
            }
            while at > 0 && word(at - 1) {
                at -= 1;
            }
        }
    }
    at
}

/// `start..end` without white space at either end.
fn trim_span(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests;
