//! One module per part of the page.

pub mod board;
pub mod details;
pub mod dialogs;
pub mod doc_list;
pub mod entities_panel;
pub mod exchange;
pub mod intake;
pub mod keys;
pub mod legend;
pub mod notices;
pub mod quotes_panel;
pub mod reader;
pub mod show_more;
pub mod storage;
