//! Article extraction measured on Mozilla Readability's test pages: token F1
//! between our article text and the expected article, and whether title and
//! byline match the expected metadata.

use std::collections::HashMap;
use std::path::Path;

use newslens::page::{self, Format};

/// One test page's outcome.
pub struct PageScore {
    pub name: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub title: Option<String>,
    pub expected_title: Option<String>,
    pub byline: Option<String>,
    pub expected_byline: Option<String>,
}

impl PageScore {
    pub fn title_ok(&self) -> bool {
        same(&self.title, &self.expected_title)
    }
    pub fn byline_ok(&self) -> bool {
        same(&self.byline, &self.expected_byline)
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    a.as_deref().map(norm).filter(|s| !s.is_empty()) == b.as_deref().map(norm).filter(|s| !s.is_empty())
}

/// Lower-cased letter/digit runs: the tokens F1 counts.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Bag-of-tokens precision, recall and F1 of `got` against `want`.
pub fn token_prf(got: &str, want: &str) -> (f64, f64, f64) {
    let mut bag: HashMap<String, i64> = HashMap::new();
    let g = tokens(got);
    let w = tokens(want);
    for t in &w {
        *bag.entry(t.clone()).or_default() += 1;
    }
    let mut tp = 0usize;
    for t in &g {
        if let Some(n) = bag.get_mut(t) {
            if *n > 0 {
                *n -= 1;
                tp += 1;
            }
        }
    }
    let p = if g.is_empty() { 0.0 } else { tp as f64 / g.len() as f64 };
    let r = if w.is_empty() { 0.0 } else { tp as f64 / w.len() as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Scores every page folder under `dir` (sorted by name).
pub fn score_all(dir: &Path) -> Vec<PageScore> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names.iter().filter_map(|p| score_page(p)).collect()
}

/// Scores one page folder (`source.html`, `expected.html`, `expected-metadata.json`).
pub fn score_page(folder: &Path) -> Option<PageScore> {
    let source = std::fs::read(folder.join("source.html")).ok()?;
    let expected = std::fs::read_to_string(folder.join("expected.html")).ok()?;
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("expected-metadata.json")).ok()?).ok()?;
    let got = page::from_bytes(&source, Format::Html).ok()?;
    let want = page::whole_page_text(&expected);
    let (precision, recall, f1) = token_prf(&got.text, &want);
    Some(PageScore {
        name: folder.file_name()?.to_string_lossy().into_owned(),
        precision,
        recall,
        f1,
        title: got.title,
        expected_title: meta["title"].as_str().map(str::to_string),
        byline: got.byline,
        expected_byline: meta["byline"].as_str().map(str::to_string),
    })
}
