//! Resolve: where the layers meet. Entity mentions get clusters; quote
//! speakers (names, pronouns, nominal phrases) get the entity cluster they mean.
//!
//! Within one document here; across documents in [`crate::board`].

pub mod aliases;
pub mod clusters;

use std::ops::Range;

use crate::entities::EntityFound;
use crate::quotes::{QuoteFound, SpeakerKind};
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
    let text = analysis.text;
    let clusters = clusters::cluster(analysis, entities);
    let speakers = quotes
        .iter()
        .map(|q| match &q.speaker {
            Some(s) if s.kind == SpeakerKind::Named => ResolvedSpeaker {
                span: Some(s.span.clone()),
                cluster: Some(text[s.span.clone()].to_string()),
                nominal: false,
            },
            Some(s) if s.kind == SpeakerKind::Nominal => {
                ResolvedSpeaker { span: Some(s.span.clone()), cluster: None, nominal: true }
            }
            _ => ResolvedSpeaker::default(),
        })
        .collect();
    Resolution { clusters, speakers }
}
