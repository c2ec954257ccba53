//! `board`: what the boilerplate calls mark on Readability's test pages (and
//! whether any of it is the expected article), and the boards on the samples.
//!
//! cargo run --release -p newslens-evaluate --bin board [-- --more]

use newslens::Engine;
use newslens_evaluate::{board, data_path};

fn main() {
    let more = std::env::args().any(|a| a == "--more");
    let engine = match Engine::new() {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("board: the engine does not load: {e}");
            std::process::exit(1);
        }
    };
    let folder = if more { "data/readability-more" } else { "data/readability" };
    let Some(dir) = data_path(folder, "the boilerplate audit") else { return };
    let audits = board::audit_all(&engine, &dir);
    let (mut marked, mut wrong) = (0, 0);
    for a in &audits {
        marked += a.marked.len();
        wrong += a.article_marked.len();
        println!("{}: {} lines marked, {} of them the article's", a.name, a.marked.len(), a.article_marked.len());
        for (kind, line) in &a.marked {
            let flag = if a.article_marked.iter().any(|(_, l)| l == line) { "ARTICLE" } else { "" };
            let shown: String = line.chars().take(110).collect();
            println!("    {:<14} {flag:<7} {shown}", kind.as_str());
        }
    }
    println!("\n{} pages: {marked} lines marked, {wrong} of them paragraphs of the expected article", audits.len());
}
