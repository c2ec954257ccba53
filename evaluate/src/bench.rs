//! Throughput benchmark helpers: the benchmark text (the samples repeated to a
//! size, or generated news-like text when the samples are absent), the engine's
//! timed runs, and the peers' scripts in `evaluate/peers/`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use newslens::pipeline::{Stage, StageTimes};
use newslens::{page, Engine};

/// The benchmark text: whole articles separated by blank lines, at least `bytes` long.
/// Returns the text and where it came from.
pub fn corpus(bytes: usize) -> (String, String) {
    let articles = sample_articles();
    let what = if articles.is_empty() {
        "generated news-like text (samples not found)".to_string()
    } else {
        format!("the {} samples repeated", articles.len())
    };
    let articles = if articles.is_empty() { generated_articles() } else { articles };
    let mut text = String::with_capacity(bytes + 16_384);
    for article in articles.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(article.trim());
    }
    (text, what)
}

/// The same articles as [`corpus`], each a document of its own, at least `bytes` in all.
pub fn corpus_documents(bytes: usize) -> Vec<String> {
    let articles = sample_articles();
    let articles = if articles.is_empty() { generated_articles() } else { articles };
    let mut total = 0;
    let mut docs = Vec::new();
    for article in articles.iter().cycle() {
        if total >= bytes {
            break;
        }
        total += article.trim().len() + 2;
        docs.push(article.trim().to_string());
    }
    docs
}

/// Distinct real articles (the PolNeAR dev texts), sorted by name; empty without the data.
/// Unlike the repeated samples, joining them gives a document with no repeated text.
pub fn distinct_articles() -> Vec<String> {
    let Some(dir) = crate::data_path("data/polnear/dev/text", "the distinct articles in the benchmark") else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| t.trim().to_string()).collect()
}

/// The shared samples' texts, sorted by name (empty when the data are absent).
pub fn sample_articles() -> Vec<String> {
    let Some(dir) = crate::data_path("samples", "the samples in the benchmark") else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// Deterministic news-like articles (names, figures, dates, quotations) for when
/// no samples are at hand; written here, not taken from any data set.
pub fn generated_articles() -> Vec<String> {
    const WHO: &[&str] = &[
        "Maria Lopez",
        "the finance minister",
        "Ahmed Karimi",
        "a police spokesperson",
        "Chen Wei",
        "the mayor of Springfield",
    ];
    const ORG: &[&str] = &["the World Bank", "Acme Corp.", "the U.N. Security Council", "Reuters", "the city council"];
    const PLACE: &[&str] = &["Nairobi", "northern Italy", "the Gulf of Mexico", "Ottawa", "São Paulo"];
    const FIG: &[&str] = &[
        "8,000 workers",
        "$3.2 billion",
        "12 percent",
        "nearly half",
        "155mm shells",
        "about 40 km",
        "the third time",
        "two weeks",
    ];
    const WHEN: &[&str] = &["on Tuesday", "last month", "on March 3, 2024", "by 2030", "at 9:30 a.m.", "in the 1990s"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    (0..5)
        .map(|_| {
            let mut article = String::new();
            for p in 0..12 {
                if p > 0 {
                    article.push_str("\n\n");
                }
                let (who, org, place) = (WHO[next(WHO.len())], ORG[next(ORG.len())], PLACE[next(PLACE.len())]);
                let (fig, when, fig2) = (FIG[next(FIG.len())], WHEN[next(WHEN.len())], FIG[next(FIG.len())]);
                article.push_str(&format!(
                    "{org} said {when} that {fig} in {place} were affected, up from {fig2} a year earlier. \
                     “We are watching this very closely,” {who} told reporters, adding that talks with \
                     {org} would resume. Officials in {place} did not comment."
                ));
            }
            article
        })
        .collect()
}

/// Texts of `bytes` bytes shaped to find superlinear passes: one endless line,
/// an unclosed quotation, nothing but figures, names or quote marks.
pub fn hostile_shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| {
        let mut s = String::with_capacity(bytes + unit.len());
        while s.len() < bytes {
            s.push_str(unit);
        }
        s
    };
    vec![
        ("one line, no sentence end", fill("the council met again and talked about roads ")),
        ("unclosed quotation", format!("He said “{}", fill("we will not stop, not now and not later "))),
        ("figures only", fill("8,000 12% $3.5 billion 3 March 2024 9:30 a.m. 155mm ")),
        ("capitalised words only", fill("Maria Lopez Acme Corp Ottawa United Nations Chen Wei ")),
        ("quote marks only", fill("“ ” \" ' ‘ ’ « » ")),
        ("quotes, names, pronouns", fill("Maria Lopez of Acme Corp spoke. “Yes,” she said. “No,” said Chen Wei. ")),
        ("one long word", fill("x")),
    ]
}

/// One timed annotation of the benchmark text.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub total: Duration,
    pub stages: StageTimes,
}

/// Annotates `text` as one document `runs` times (after one warm-up on a
/// slice of it) and returns every run.
pub fn engine_runs(engine: &Engine, text: &str, runs: usize) -> Vec<Run> {
    let warm_up: String = text.chars().take(50_000).collect();
    let _ = engine.annotate(&page::from_str(&warm_up, page::Format::Text), None);
    let page = page::from_str(text, page::Format::Text);
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let (doc, stages) = engine.annotate_timed(&page, None);
            let total = start.elapsed();
            std::hint::black_box(doc);
            Run { total, stages }
        })
        .collect()
}

/// Annotates `texts` one after another, each a document of its own, `runs` times; returns
/// every run, stage times summed over the documents.
pub fn documents_runs(engine: &Engine, texts: &[String], runs: usize) -> Vec<Run> {
    let pages: Vec<page::Page> = texts.iter().map(|t| page::from_str(t, page::Format::Text)).collect();
    for p in pages.iter().take(20) {
        let _ = engine.annotate(p, None);
    }
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let mut stages = StageTimes::default();
            for p in &pages {
                let (doc, times) = engine.annotate_timed(p, None);
                std::hint::black_box(doc);
                stages += times;
            }
            Run { total: start.elapsed(), stages }
        })
        .collect()
}

/// Seconds to annotate `texts` as separate documents on `threads` threads, best of `runs`.
pub fn parallel_seconds(engine: &Engine, texts: &[String], threads: usize, runs: usize) -> f64 {
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let docs = newslens::parallel::map_ordered(texts.iter().collect(), threads, |t: &String| {
                engine.annotate(&page::from_str(t, page::Format::Text), None).annotations.len()
            });
            std::hint::black_box(docs);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Each stage's share of a run, in pipeline order.
pub fn stage_shares(stages: &StageTimes) -> Vec<(Stage, Duration, f64)> {
    let total = stages.total().as_secs_f64().max(1e-12);
    Stage::ALL.iter().map(|&s| (s, stages.get(s), stages.get(s).as_secs_f64() / total)).collect()
}

/// What a peer script printed about its run.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PeerRun {
    pub peer: String,
    pub tokens: u64,
    pub seconds: f64,
    pub entities: u64,
    pub sentences: u64,
}

/// The peers' scripts and their package files.
pub fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("peers")
}

/// Runs a peer script (`program script file`) and reads its JSON line, or says why not.
pub fn run_peer(program: &str, script: &str, file: &Path) -> Result<PeerRun, String> {
    let output = Command::new(program)
        .arg(peers_dir().join(script))
        .arg(file)
        .current_dir(peers_dir())
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(format!("{script} failed: {last}"));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().rev().find(|l| l.starts_with('{')).ok_or("no JSON line")?;
    serde_json::from_str(line).map_err(|e| format!("{script}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_reaches_its_size_with_whole_articles() {
        let (text, _) = corpus(200_000);
        assert!(text.len() >= 200_000);
        assert!(!text.ends_with('\n') && !text.starts_with('\n'));
        let articles = generated_articles();
        assert_eq!(articles.len(), 5);
        assert!(articles[0].contains('“') && articles[0] != articles[1]);
    }

    #[test]
    fn every_stage_gets_a_share_summing_to_one() {
        let engine = Engine::new().unwrap();
        let runs = engine_runs(&engine, &generated_articles().join("\n\n"), 1);
        let shares = stage_shares(&runs[0].stages);
        assert_eq!(shares.len(), 6);
        let sum: f64 = shares.iter().map(|s| s.2).sum();
        assert!((sum - 1.0).abs() < 1e-6, "{sum}");
        assert!(runs[0].stages.total() <= runs[0].total);
    }
}
