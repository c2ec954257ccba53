//! Prints article-extraction figures on the Readability test pages: per page
//! token P/R/F1, title and byline matches, and the averages.

fn main() {
    let Some(dir) = newslens_evaluate::data_path("data/readability", "readability report") else {
        return;
    };
    let scores = newslens_evaluate::readability::score_all(&dir);
    println!("{:<16} {:>6} {:>6} {:>6}  title  byline", "page", "P", "R", "F1");
    for s in &scores {
        println!(
            "{:<16} {:>6.3} {:>6.3} {:>6.3}  {:<5}  {}",
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
        if !s.byline_ok() {
            println!("    byline got {:?}\n           want {:?}", s.byline, s.expected_byline);
        }
    }
    let n = scores.len().max(1) as f64;
    let avg = |f: fn(&newslens_evaluate::readability::PageScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    println!(
        "{:<16} {:>6.3} {:>6.3} {:>6.3}  {}/{}  {}/{}",
        "average",
        avg(|s| s.precision),
        avg(|s| s.recall),
        avg(|s| s.f1),
        scores.iter().filter(|s| s.title_ok()).count(),
        scores.len(),
        scores.iter().filter(|s| s.byline_ok()).count(),
        scores.len(),
    );
}
