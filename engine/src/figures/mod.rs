//! Figures: counts, money, percentages, quantities, ordinals, dates, times and durations.
//!
//! Entry point: [`find`]. Dateline detection: [`detect_dateline`].

mod describe;

pub use describe::describe;

use std::ops::Range;

use crate::calendar::Date;
use crate::doc::{NumberLabel, Value};
use crate::text::Analysis;

/// What the figures recogniser needs besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The date relative dates (`last Thursday`) resolve against.
    pub dateline: Option<Date>,
}

/// A figure found in the text; `span` is in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub span: Range<usize>,
    pub label: NumberLabel,
    pub value: Value,
    /// The thing counted, when the text names it.
    pub of: Option<String>,
}

/// Every figure in the text, sorted by start, none overlapping.
pub fn find(_analysis: &Analysis, _context: &Context) -> Vec<Figure> {
    Vec::new()
}

/// The date a piece was published, when the text states it near its top
/// (`2024-11-02 21:58`, `27 October 2024`).
pub fn detect_dateline(_analysis: &Analysis) -> Option<Date> {
    None
}
