//! The board: many documents side by side. Who is named where
//! ([`entities`]), who said what and how each outlet quoted it ([`quotes`]),
//! which figures count the same thing and how they disagree ([`figures`],
//! [`things`]), and what in each text is not its article ([`regions`]),
//! left out of all of these.
//!
//! [`build`] makes every board at once; it is what the page's worker and
//! `newslens board` run after [`unify_clusters`]. The per-document groupings
//! the reader's side panels show are here too ([`entity_groups`], [`quote_groups`]).

pub mod attribution;
mod boilerplate;
mod context;
pub mod diff;
pub mod entities;
pub mod figures;
pub mod quotes;
pub mod regions;
pub mod things;

use std::borrow::Borrow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::doc::{Annotation, Document, EntityLabel};
pub use context::Passage;
pub use entities::EntityRow;
pub use figures::{DateGroup, FigureGroup, FigureMember};
pub use quotes::{QuoteBoard, QuoteMatch};
pub use regions::{Mask, Region, RegionKind};

/// Every board for the open documents, as the page draws them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Per open document, in order: what the boards call it, and its regions in force.
    pub documents: Vec<DocumentInfo>,
    pub figures: Vec<FigureGroup>,
    /// Dates with a day or month, in time order.
    pub timeline: Vec<DateGroup>,
    pub quotes: QuoteBoard,
    pub entities: Vec<EntityRow>,
}

/// An open document as the boards know it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub source: Option<String>,
    pub title: Option<String>,
    /// The regions left out of the boards (those the reader has not undone).
    pub regions: Vec<Region>,
}

/// A document with the regions in force for it.
pub(crate) struct Open<'d> {
    pub doc: &'d Document,
    pub mask: Mask,
    pub index: context::ByteIndex<'d>,
}

/// Every board, each document's regions found afresh (see [`regions::find`]).
pub fn build<D: Borrow<Document>>(documents: &[D]) -> Board {
    let documents: Vec<&Document> = documents.iter().map(Borrow::borrow).collect();
    let indices: Vec<context::ByteIndex> = documents.iter().map(|d| context::ByteIndex::new(&d.text)).collect();
    let regions: Vec<Vec<Region>> = documents.iter().zip(&indices).map(|(d, i)| regions::find_in(d, i)).collect();
    assemble(&documents, indices, &regions)
}

/// Every board, with the regions given for each document (the reader may
/// have undone some calls); a document without an entry has none.
pub fn build_with<D: Borrow<Document>>(documents: &[D], regions: &[Vec<Region>]) -> Board {
    let documents: Vec<&Document> = documents.iter().map(Borrow::borrow).collect();
    let indices = documents.iter().map(|d| context::ByteIndex::new(&d.text)).collect();
    assemble(&documents, indices, regions)
}

fn assemble<'d>(documents: &[&'d Document], indices: Vec<context::ByteIndex<'d>>, regions: &[Vec<Region>]) -> Board {
    let none = Vec::new();
    let region_of = |d: usize| regions.get(d).unwrap_or(&none);
    let open: Vec<Open> = documents
        .iter()
        .zip(indices)
        .enumerate()
        .map(|(d, (doc, index))| Open { doc, mask: Mask::new(region_of(d)), index })
        .collect();
    Board {
        documents: documents
            .iter()
            .enumerate()
            .map(|(d, doc)| DocumentInfo {
                source: doc.source.clone(),
                title: doc.title.clone(),
                regions: region_of(d).clone(),
            })
            .collect(),
        figures: figures::groups(&open),
        timeline: figures::timeline(&open),
        quotes: quotes::board(&open),
        entities: entities::board(&open),
    }
}

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
            label: labels
                .into_iter()
                .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
                .map_or(EntityLabel::MISC, |(l, _)| l),
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
    groups.sort_by(|a, b| a.speaker.is_none().cmp(&b.speaker.is_none()).then(b.quotes.len().cmp(&a.quotes.len())));
    groups
}

/// Makes clusters agree across documents: the same person gets one
/// canonical name in every document that mentions them (`Zelensky` in one,
/// `Volodymyr Zelenskyy` in another), and quote speakers follow. Run it
/// whenever the set of open documents changes; see
/// [`crate::resolve::clusters`] for the rules.
pub fn unify_clusters(documents: &mut [Document]) {
    crate::resolve::clusters::unify(documents);
}
