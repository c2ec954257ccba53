//! NewsLens engine: who is named, every figure, and every quotation with its
//! speaker, in news text. Pure Rust, no I/O, no web dependencies.
//!
//! ```
//! use newslens::{page, Engine};
//!
//! let engine = Engine::new().expect("embedded models load");
//! let page = page::from_str("Some 8,000 troops arrived.", page::Format::Text);
//! let doc = engine.annotate(&page, Some("note.txt"));
//! assert_eq!(doc.text_len, 26);
//! ```
//!
//! The module tree is the pipeline (see [`pipeline`]):
//! [`page`] -> [`text`] -> [`figures`], [`quotes`], [`entities`] -> [`resolve`]
//! -> [`doc`]; [`board`] lines many documents up; [`corrections`] keeps the reader's
//! edits across engine runs.

pub mod board;
pub mod calendar;
pub mod check;
pub mod corrections;
pub mod doc;
pub mod entities;
pub mod error;
pub mod export;
pub mod figures;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;
pub mod pipeline;
pub mod quotes;
pub mod resolve;
pub mod split;
pub mod text;
mod warmup;

pub use calendar::Date;
pub use doc::{Annotation, Document, Layer, Origin, Rejection};
pub use error::{Error, Result};
pub use page::Page;
pub use pipeline::Engine;
