//! The web worker that owns the engine: reads a file or pasted text, annotates it, and posts
//! the document back in pieces (see `newslens_app::protocol`). The page never blocks on it.

#[cfg(target_arch = "wasm32")]
fn main() {
    newslens_app::worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the NewsLens worker runs in a browser; build it with Trunk");
}
