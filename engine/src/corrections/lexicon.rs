//! Names the reader labelled (or said are not names), remembered across documents so a
//! document added later starts with them applied.

use serde::{Deserialize, Serialize};

use super::{overlap, reject, sort, LayerRanges};
use crate::doc::{Annotation, Document, Entity, EntityLabel, Layer, Origin, Rejection};
use crate::text::CharMap;

/// What the reader said about a name. JSON: `{"verdict": "name", "label": "PER",
/// "cluster": "Kim Jong-un"}` or `{"verdict": "not_a_name"}`, beside the name's `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// An entity with this label and cluster.
    Name { label: EntityLabel, cluster: String },
    /// The reader removed the engine's entity here: not an entity at all.
    NotAName,
}

/// One remembered name: its exact text (case and all) and the reader's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedName {
    pub text: String,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// The names the reader labelled, one verdict per text, the latest winning. Save it with
/// the session (it is plain serde: `{"names": [...]}`); [`UserLexicon::learn`] from a
/// document after the reader corrects it, [`UserLexicon::apply`] to each new document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserLexicon {
    /// Sorted by `text`, one entry per text.
    names: Vec<LearnedName>,
}

impl UserLexicon {
    pub fn new() -> UserLexicon {
        UserLexicon::default()
    }

    /// The remembered names, sorted by text.
    pub fn names(&self) -> &[LearnedName] {
        &self.names
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Remembers `verdict` for `text` (replacing an earlier one). Blank text is ignored.
    pub fn remember(&mut self, text: &str, verdict: Verdict) {
        if text.trim().is_empty() {
            return;
        }
        let name = LearnedName { text: text.to_string(), verdict };
        match self.names.binary_search_by(|n| n.text.as_str().cmp(text)) {
            Ok(i) => self.names[i] = name,
            Err(i) => self.names.insert(i, name),
        }
    }

    /// Forgets `text`; true if it was remembered. For a reader who deletes their own label.
    pub fn forget(&mut self, text: &str) -> bool {
        match self.names.binary_search_by(|n| n.text.as_str().cmp(text)) {
            Ok(i) => {
                self.names.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// The verdict remembered for `text`.
    pub fn get(&self, text: &str) -> Option<&Verdict> {
        self.names.binary_search_by(|n| n.text.as_str().cmp(text)).ok().map(|i| &self.names[i].verdict)
    }

    /// Remembers the entity corrections `doc` carries: each entity the reader labelled,
    /// and each engine entity they removed without labelling anything over it (a
    /// "not a name"; a removal under a wider or relabelled span is not one). Calling it
    /// again on the same document changes nothing.
    pub fn learn(&mut self, doc: &Document) {
        let chars = CharMap::new(&doc.text);
        let user_entities: Vec<&Entity> = doc
            .annotations
            .iter()
            .filter_map(|a| match a {
                Annotation::Entity(e) if e.source.is_user() => Some(e),
                _ => None,
            })
            .collect();
        for r in doc.rejected.iter().filter(|r| r.layer == Layer::Entity) {
            let covered = user_entities.iter().any(|e| overlap((e.start, e.end), (r.start, r.end)));
            if let (false, Some(text)) = (covered, chars.slice(r.start, r.end)) {
                self.remember(text, Verdict::NotAName);
            }
        }
        for e in user_entities {
            self.remember(&e.text, Verdict::Name { label: e.label, cluster: e.cluster.clone() });
        }
    }

    /// Applies the remembered names to `doc` (a document just added): every occurrence of
    /// a name, as a whole word, gets the reader's label and cluster (longer names first;
    /// not where the reader already labelled or rejected something), replacing the
    /// engine's entities it overlaps; engine entities whose text is a "not a name" are
    /// removed. Changes are the reader's: marked [`Origin::User`] or recorded as rejected,
    /// so they survive a new engine run. Returns how many annotations were added or removed.
    pub fn apply(&self, doc: &mut Document) -> usize {
        if self.names.is_empty() {
            return 0;
        }
        let chars = CharMap::new(&doc.text);
        let mut taken = LayerRanges::default();
        for a in doc.annotations.iter().filter(|a| a.layer() == Layer::Entity && a.source().is_user()) {
            taken.add(a);
        }
        let mut names: Vec<&LearnedName> = self.names.iter().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.text.chars().count()));

        let mut added = Vec::new();
        let mut unwanted = Vec::new();
        for name in names {
            match &name.verdict {
                Verdict::Name { label, cluster } => {
                    for (from, to) in whole_words(&doc.text, &name.text) {
                        let (start, end) = (chars.char_offset(from), chars.char_offset(to));
                        let entity = Annotation::Entity(Entity {
                            label: *label,
                            start,
                            end,
                            text: name.text.clone(),
                            cluster: cluster.clone(),
                            source: Origin::User,
                        });
                        let rejected = doc.rejected.iter().any(|r| r.matches(&entity));
                        if rejected || taken.overlaps(&entity) || engine_agrees(doc, &entity) {
                            continue;
                        }
                        taken.add(&entity);
                        added.push(entity);
                    }
                }
                Verdict::NotAName => unwanted.push(name.text.as_str()),
            }
        }

        let mut changes = added.len();
        let mut removed = Vec::new();
        doc.annotations.retain(|a| {
            let engine_entity = a.layer() == Layer::Entity && a.source().is_engine();
            let drop = engine_entity && (taken.overlaps(a) || unwanted.contains(&a.text()));
            if drop {
                removed.push(a.clone());
            }
            !drop
        });
        for old in &removed {
            reject(doc, Rejection::of(old));
            let replaced_by = added.iter().find(|a| a.range() == old.range());
            if let (Annotation::Entity(old), Some(Annotation::Entity(new))) = (old, replaced_by) {
                if old.cluster != new.cluster {
                    super::follow_speaker(doc, (old.start, old.end), &old.cluster, &new.cluster);
                }
            } else if replaced_by.is_none() {
                changes += 1;
            }
        }
        doc.annotations.extend(added);
        sort(&mut doc.annotations);
        changes
    }
}

/// Whether the engine already has exactly this entity (same span, label and cluster):
/// then it is left as the engine's, not copied as the reader's.
fn engine_agrees(doc: &Document, entity: &Annotation) -> bool {
    let (start, _) = entity.range();
    let at = doc.annotations.partition_point(|a| a.range().0 < start);
    doc.annotations[at..].iter().take_while(|a| a.range().0 == start).any(|a| match (a, entity) {
        (Annotation::Entity(a), Annotation::Entity(e)) => {
            a.source.is_engine() && a.end == e.end && a.label == e.label && a.cluster == e.cluster
        }
        _ => false,
    })
}

/// Byte ranges where `name` occurs in `text` as a whole word: no letter or digit right
/// before or after it.
fn whole_words<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(name).filter_map(move |(from, _)| {
        let to = from + name.len();
        let bounded = !word(text[..from].chars().next_back()) && !word(text[to..].chars().next());
        bounded.then_some((from, to))
    })
}
