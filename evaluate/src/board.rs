//! The board measured: what the engine marks as "not the article" on pages
//! whose article is known (Readability's test pages after extraction, and
//! plain-text news that is all article), and the boards' speed with many
//! documents open.

use std::collections::HashMap;
use std::path::Path;

use newslens::board::{self, Region, RegionKind};
use newslens::page::{self, Format};
use newslens::{Document, Engine};

/// One page's marked lines, and those among them the expected article has.
pub struct PageAudit {
    pub name: String,
    /// Every marked line: kind and text.
    pub marked: Vec<(RegionKind, String)>,
    /// Marked lines that are (part of) a paragraph of the expected article.
    pub article_marked: Vec<(RegionKind, String)>,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A marked line of this many words or more counts against the article when a
/// paragraph of it merely contains the line; shorter ones (`News`) only when equal.
const CONTAINED_WORDS: usize = 5;

/// The lines of `doc` inside `regions`, with their kinds, and the lines outside.
fn split_lines(doc: &Document, regions: &[Region]) -> (Vec<(RegionKind, String)>, Vec<String>) {
    let mut marked = Vec::new();
    let mut unmarked = Vec::new();
    let mut pos = 0usize;
    for line in doc.text.split_inclusive('\n') {
        let len = line.chars().count();
        let text = norm(line);
        if !text.is_empty() {
            // A line is marked when its first non-blank code point is in a region.
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            let first = pos + lead;
            match regions.iter().filter(|r| r.start <= first && first < r.end).map(|r| r.kind).min() {
                Some(kind) => marked.push((kind, text)),
                None => unmarked.push(text),
            }
        }
        pos += len;
    }
    (marked, unmarked)
}

/// Audits one Readability page folder: its article as NewsLens extracts it,
/// annotated, its regions found, each marked line checked against `expected.html`.
pub fn audit_page(engine: &Engine, folder: &Path) -> Option<PageAudit> {
    let source = std::fs::read(folder.join("source.html")).ok()?;
    let expected = std::fs::read_to_string(folder.join("expected.html")).ok()?;
    let got = page::from_bytes(&source, Format::Html).ok()?;
    let doc = engine.annotate(&got, None);
    let regions = board::regions::find(&doc);
    let expected_lines: Vec<String> =
        page::whole_page_text(&expected).lines().map(norm).filter(|l| !l.is_empty()).collect();
    Some(audit(folder.file_name()?.to_string_lossy().into_owned(), &doc, &regions, &expected_lines))
}

/// Checks marked lines against the lines of the expected article: a marked line
/// counts against the engine when the article has more copies of it than the
/// engine left unmarked.
pub fn audit(name: String, doc: &Document, regions: &[Region], expected_lines: &[String]) -> PageAudit {
    let (marked, unmarked) = split_lines(doc, regions);
    let mut unmarked_count: HashMap<&str, usize> = HashMap::new();
    for l in &unmarked {
        *unmarked_count.entry(l).or_default() += 1;
    }
    let mut article_marked = Vec::new();
    let mut charged: HashMap<&str, usize> = HashMap::new();
    for (kind, line) in &marked {
        let words = line.split_whitespace().count();
        let in_article = expected_lines
            .iter()
            .filter(|e| *e == line || (words >= CONTAINED_WORDS && e.contains(line.as_str())))
            .count();
        let left = unmarked_count.get(line.as_str()).copied().unwrap_or(0);
        let used = charged.entry(line).or_default();
        if in_article > left + *used {
            *used += 1;
            article_marked.push((*kind, line.clone()));
        }
    }
    PageAudit { name, marked, article_marked }
}

/// Every page folder under `dir`, sorted by name.
pub fn audit_all(engine: &Engine, dir: &Path) -> Vec<PageAudit> {
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    folders.sort();
    folders.iter().filter_map(|f| audit_page(engine, f)).collect()
}

/// The five samples annotated and opened together, as the page opens them.
pub fn open_samples(engine: &Engine) -> Option<Vec<Document>> {
    let dir = crate::data_path("samples", "the samples on the board")?;
    let mut paths: Vec<_> = std::fs::read_dir(dir).ok()?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let mut docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let page = page::from_bytes(&bytes, Format::Text).ok()?;
            Some(engine.annotate(&page, p.file_name()?.to_str()))
        })
        .collect();
    board::unify_clusters(&mut docs);
    Some(docs)
}

/// `count` documents of about `bytes` each for timing the boards: whole
/// articles (the samples, Readability's pages as extracted, generated news)
/// strung together in a different order per document, annotated.
pub fn bench_documents(engine: &Engine, count: usize, bytes: usize) -> (Vec<Document>, String) {
    let mut articles = crate::bench::sample_articles();
    let samples = articles.len();
    if let Some(dir) = crate::data_path("data/readability", "Readability pages in the board bench") {
        let mut folders: Vec<_> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect())
            .unwrap_or_default();
        folders.sort();
        for f in folders {
            if let Some(p) =
                std::fs::read(f.join("source.html")).ok().and_then(|b| page::from_bytes(&b, Format::Html).ok())
            {
                articles.push(p.text);
            }
        }
    }
    let pages = articles.len() - samples;
    articles.extend(crate::bench::generated_articles());
    let what = format!("{samples} samples, {pages} Readability pages and 5 generated articles, {count} documents");
    let docs = (0..count)
        .map(|d| {
            let mut text = String::new();
            let mut k = d;
            while text.len() < bytes {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(articles[k % articles.len()].trim());
                k += d % 7 + 1;
            }
            engine.annotate(&page::from_str(&text, Format::Text), Some(&format!("bench{d:03}.txt")))
        })
        .collect();
    (docs, what)
}
