//! The engine's one error type.

use std::fmt;

/// Result with the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong inside the engine. The engine never panics on
/// input text: text problems are not errors, they are simply annotated less.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A model or gazetteer file does not start with the expected magic header.
    ModelFormat { what: &'static str },
    /// A model file was written by another version of the model format.
    ModelVersion { what: &'static str, found: u32, expected: u32 },
    /// A model file is truncated or its payload cannot be decoded.
    ModelCorrupt { what: &'static str, reason: String },
    /// A dateline that is not a valid `YYYY-MM-DD` date.
    BadDateline(String),
    /// Input bytes that are not text (binary data, or an encoding we cannot read).
    NotText { reason: String },
    /// A file that cannot be imported (see [`crate::export`]).
    Import(crate::export::ImportError),
    /// An export that could not be written (see [`crate::export`]).
    Export { format: &'static str, reason: String },
    /// A document's halves annotated apart do not belong together (see [`crate::split`]).
    Parts { reason: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ModelFormat { what } => write!(f, "{what}: not a NewsLens model file"),
            Error::ModelVersion { what, found, expected } => {
                write!(f, "{what}: model format version {found}, this engine reads version {expected}")
            }
            Error::ModelCorrupt { what, reason } => write!(f, "{what}: corrupt model ({reason})"),
            Error::BadDateline(s) => write!(f, "dateline {s:?} is not a YYYY-MM-DD date"),
            Error::NotText { reason } => write!(f, "not a text file: {reason}"),
            Error::Import(e) => write!(f, "cannot import: {e}"),
            Error::Export { format, reason } => write!(f, "cannot write {format}: {reason}"),
            Error::Parts { reason } => write!(f, "cannot put the document together: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<crate::export::ImportError> for Error {
    fn from(e: crate::export::ImportError) -> Error {
        Error::Import(e)
    }
}
