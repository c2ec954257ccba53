//! Resolve: where the layers meet. Entity mentions get clusters; quote
//! speakers (names, pronouns, nominal phrases) get the entity cluster they mean.
//!
//! Within one document here; across documents in [`crate::board`].

pub mod aliases;
pub mod clusters;
mod speakers;

use std::ops::Range;

use crate::entities::EntityFound;
use crate::quotes::QuoteFound;
use crate::text::Analysis;

/// Clusters for the entities and speakers for the quotes, index for index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// The canonical name of each entity in the input order.
    pub clusters: Vec<String>,
    /// Who says each quote, in the input order.
    pub speakers: Vec<ResolvedSpeaker>,
}

/// A quote's speaker after resolution; `span` is in bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolvedSpeaker {
    pub span: Option<Range<usize>>,
    pub cluster: Option<String>,
    pub nominal: bool,
}

/// Resolves clusters and speakers within one document.
pub fn resolve(analysis: &Analysis, entities: &[EntityFound], quotes: &[QuoteFound]) -> Resolution {
    let clusters = clusters::cluster(analysis, entities);
    let speakers = speakers::resolve(analysis, entities, &clusters, quotes);
    Resolution { clusters, speakers }
}
