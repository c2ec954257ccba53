//! The entity board: every cluster of the open documents with its label,
//! how often each document names it, its first mention, and every mention
//! (for the page to step through), mentions in regions left out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Open;
use crate::doc::{Annotation, EntityLabel};

/// A mention: document, index into its annotations, code points `start..end`.
/// Serialised as `[doc, annotation, start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct At(pub usize, pub usize, pub usize, pub usize);

impl At {
    pub fn doc(&self) -> usize {
        self.0
    }
}

/// One entity across the open documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    pub cluster: String,
    /// The label most of its mentions carry.
    pub label: EntityLabel,
    /// Mentions in all documents.
    pub total: usize,
    /// `(document, mentions)`, documents in order, those that name it only.
    pub counts: Vec<(usize, usize)>,
    /// The first mention as written, in the first document that names it.
    pub first: String,
    /// Every mention, by document then position.
    pub mentions: Vec<At>,
}

impl EntityRow {
    /// How many documents name it.
    pub fn documents(&self) -> usize {
        self.counts.len()
    }
}

/// Every cluster of the open documents (after [`super::unify_clusters`]),
/// those in the most documents first, then the most mentioned, then by name.
pub(crate) fn board(open: &[Open]) -> Vec<EntityRow> {
    struct Acc<'d> {
        mentions: Vec<At>,
        labels: BTreeMap<EntityLabel, usize>,
        first: &'d str,
    }
    let mut by_cluster: BTreeMap<&str, Acc> = BTreeMap::new();
    for (d, o) in open.iter().enumerate() {
        for (i, a) in o.doc.annotations.iter().enumerate() {
            let Annotation::Entity(e) = a else { continue };
            if o.mask.covers(e.start) {
                continue;
            }
            let acc = by_cluster.entry(e.cluster.as_str()).or_insert_with(|| Acc {
                mentions: Vec::new(),
                labels: BTreeMap::new(),
                first: &e.text,
            });
            acc.mentions.push(At(d, i, e.start, e.end));
            *acc.labels.entry(e.label).or_default() += 1;
        }
    }
    let mut rows: Vec<EntityRow> = by_cluster
        .into_iter()
        .map(|(cluster, acc)| {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in &acc.mentions {
                match counts.last_mut() {
                    Some((d, n)) if *d == m.0 => *n += 1,
                    _ => counts.push((m.0, 1)),
                }
            }
            EntityRow {
                cluster: cluster.to_string(),
                label: acc
                    .labels
                    .into_iter()
                    .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
                    .map_or(EntityLabel::MISC, |(l, _)| l),
                total: acc.mentions.len(),
                counts,
                first: acc.first.to_string(),
                mentions: acc.mentions,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.documents().cmp(&a.documents()).then(b.total.cmp(&a.total)).then_with(|| a.cluster.cmp(&b.cluster))
    });
    rows
}
