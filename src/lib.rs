//! NewsLens in the browser: the Leptos page, and the worker that runs the engine off the UI
//! thread. The page holds only the guide's types; the engine and its models live in the
//! worker's bundle.

pub mod app;
pub mod edits;
pub mod offline;
pub mod persist;
pub mod pieces;
pub mod pool;
pub mod protocol;
pub mod render;
pub mod store;
pub mod views;
pub mod worker;
pub mod worker_client;

pub use app::App;
