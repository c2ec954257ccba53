//! Keeping the reader's work in the browser (IndexedDB) between visits.

pub mod format;
pub mod saver;
