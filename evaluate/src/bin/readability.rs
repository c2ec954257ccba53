//! Prints article-extraction figures on the Readability test pages: per page
//! token P/R/F1, title and byline matches, and the averages: for the 12 news
//! pages of `readability/`, and for the development part of
//! `readability-more/` (with `--held-out`, that folder's held-out average too;
//! its pages are never listed: see the protocol in `newslens_evaluate::split`).

use newslens_evaluate::readability::{score_all, PageScore};
use newslens_evaluate::split::Part;

fn main() {
    let held_out = std::env::args().any(|a| a == "--held-out");
    let quiet = std::env::args().any(|a| a == "-q" || a == "--quiet");
    if let Some(dir) = newslens_evaluate::data_path("data/readability", "readability report") {
        let scores = score_all(&dir);
        report("readability (news)", &scores, !quiet);
    }
    if let Some(dir) = newslens_evaluate::data_path("data/readability-more", "readability-more report") {
        let scores = score_all(&dir);
        let (dev, held): (Vec<PageScore>, Vec<PageScore>) =
            scores.into_iter().partition(|s| Part::of(&s.name) == Part::Dev);
        report("readability-more, dev", &dev, !quiet);
        if held_out {
            report("readability-more, held-out", &held, false);
        }
    }
}

fn report(what: &str, scores: &[PageScore], pages: bool) {
    println!("\n{what}:");
    if pages {
        println!("{:<34} {:>6} {:>6} {:>6}  title  byline", "page", "P", "R", "F1");
        for s in scores {
            println!(
                "{:<34} {:>6.3} {:>6.3} {:>6.3}  {:<5}  {}",
                s.name,
                s.precision,
                s.recall,
                s.f1,
                if s.title_ok() { "ok" } else { "MISS" },
                if s.byline_ok() { "ok" } else { "MISS" },
            );
            if !s.title_ok() {
                println!("    title  got {:?}\n           want {:?}", s.title, s.expected_title);
            }
        }
    }
    let n = scores.len().max(1) as f64;
    let avg = |f: fn(&PageScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    println!(
        "{:<34} {:>6.3} {:>6.3} {:>6.3}  {}/{}  {}/{}",
        format!("average of {} pages", scores.len()),
        avg(|s| s.precision),
        avg(|s| s.recall),
        avg(|s| s.f1),
        scores.iter().filter(|s| s.title_ok()).count(),
        scores.len(),
        scores.iter().filter(|s| s.byline_ok()).count(),
        scores.len(),
    );
}
