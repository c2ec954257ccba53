//! The board: many documents side by side. Clusters shared across documents.

use crate::doc::Document;

/// Makes clusters agree across documents: the same person gets one
/// canonical name in every document that mentions them.
pub fn unify_clusters(_documents: &mut [Document]) {}
