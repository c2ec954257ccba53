//! `bench`: native engine throughput on the samples repeated to 5 MB, each
//! stage's share; the same articles as many small documents, and distinct
//! articles separately vs joined; documents/s on one thread and on every core;
//! and the peers (spaCy small, compromise) timed on the same text in the same
//! run, with the NewsLens/peer ratios and the bars they must clear.
//!
//! cargo run --release -p newslens-evaluate --bin bench [-- --mb 5 --runs 3 --no-peers]

use std::time::{Duration, Instant};

use newslens::pipeline::Stage;
use newslens::text::Analysis;
use newslens::Engine;
use newslens_evaluate::bench::{
    corpus, corpus_documents, distinct_articles, documents_runs, engine_runs, hostile_shapes, parallel_seconds,
    run_peer, stage_shares, PeerRun, Run,
};

/// Bars: NewsLens at least this many times the peer's throughput.
const BARS: [(&str, f64); 2] = [("spaCy", 20.0), ("compromise", 10.0)];

fn main() {
    let mut mb = 5.0_f64;
    let mut runs = 3;
    let mut peers = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mb" => mb = args.next().and_then(|s| s.parse().ok()).unwrap_or(mb),
            "--runs" => runs = args.next().and_then(|s| s.parse().ok()).unwrap_or(runs),
            "--no-peers" => peers = false,
            _ => {
                eprintln!("usage: bench [--mb MEGABYTES] [--runs N] [--no-peers]");
                std::process::exit(2);
            }
        }
    }
    if cfg!(debug_assertions) {
        println!("warning: a debug build; run with --release for figures that mean anything");
    }

    let (text, what) = corpus((mb * 1_048_576.0) as usize);
    let tokens = Analysis::new(&text).tokens.len();
    println!(
        "input: {what}: {:.2} MB, {} code points, {tokens} tokens, {} paragraphs",
        text.len() as f64 / 1_048_576.0,
        text.chars().count(),
        text.split("\n\n").filter(|p| !p.trim().is_empty()).count()
    );

    let load = Instant::now();
    let engine = match Engine::new() {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("bench: the engine does not load: {e}");
            std::process::exit(1);
        }
    };
    let load = load.elapsed();
    let all = engine_runs(&engine, &text, runs);
    let best = *all.iter().min_by_key(|r| r.total).expect("at least one run");
    let secs = best.total.as_secs_f64();
    let slowest = all.iter().map(|r| r.total).max().unwrap_or(best.total).as_secs_f64();
    let doc = engine.annotate(&newslens::page::from_str(&text, newslens::page::Format::Text), None);
    println!(
        "\nNewsLens (engine load {:.0} ms, not counted): one {:.1} MB document, best of {} runs: \
         {:.0} ms = {:.0} tokens/s, {:.1} MB/s, {} annotations",
        ms(load),
        text.len() as f64 / 1_048_576.0,
        all.len(),
        ms(best.total),
        tokens as f64 / secs,
        text.len() as f64 / 1_048_576.0 / secs,
        doc.annotations.len()
    );
    println!("  runs: {}", all.iter().map(|r| format!("{:.0} ms", ms(r.total))).collect::<Vec<_>>().join(", "));
    println!("  {:<10} {:>10} {:>7}", "stage", "ms", "share");
    for (stage, time, share) in stage_shares(&best.stages) {
        println!("  {:<10} {:>10.1} {:>6.1}%", stage.as_str(), ms(time), share * 100.0);
    }
    drop(doc);

    // Linear passes cost the same per MB at any size: compare with a fifth of the text.
    let fifth_len = (0..=text.len() / 5).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
    let fifth_len = text[..fifth_len].rfind("\n\n").unwrap_or(fifth_len);
    let fifth = engine_runs(&engine, &text[..fifth_len], runs);
    let fifth = fifth.iter().min_by_key(|r| r.total).expect("at least one run");
    let scale = text.len() as f64 / fifth_len.max(1) as f64;
    println!(
        "  scaling, ms per MB at {:.1} MB vs {:.1} MB:",
        fifth_len as f64 / 1_048_576.0,
        text.len() as f64 / 1_048_576.0
    );
    for stage in Stage::ALL {
        let (small, big) = (ms(fifth.stages.get(stage)) * scale, ms(best.stages.get(stage)));
        let grows = big > 2.0 * small && big > 0.05 * ms(best.total);
        println!(
            "    {:<10} {:>9.1} {:>9.1}{}",
            stage.as_str(),
            small / (text.len() as f64 / 1_048_576.0),
            big / (text.len() as f64 / 1_048_576.0),
            if grows { "  <- grows faster than the text: not linear" } else { "" }
        );
    }

    // The same articles, each a document of its own: no dearer per token than one document.
    let docs = corpus_documents(text.len());
    let doc_bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "\nmany small documents vs one big one (one thread, best of {runs}; a big document that repeats \
         articles does their names and spellings once, so distinct articles are the fair comparison):"
    );
    small_vs_big(&engine, "the same articles", &docs, Some((&text, &best)), runs);
    let distinct = distinct_articles();
    if !distinct.is_empty() {
        small_vs_big(&engine, "distinct articles (PolNeAR dev)", &distinct, None, runs);
    }
    let tiny = vec!["Maria Lopez said on Friday that 8,000 people left Ottawa.".to_string(); 2_000];
    let tiny_run = documents_runs(&engine, &tiny, runs);
    let tiny_best = tiny_run.iter().map(|r| r.total).min().unwrap_or_default();
    println!("  fixed cost of a document: {:.1} µs for a one-sentence one", ms(tiny_best) * 1000.0 / tiny.len() as f64);

    // Documents on every core, as `newslens annotate` runs them.
    let cores = newslens::parallel::all_cores();
    let one = parallel_seconds(&engine, &docs, 1, runs);
    let all = parallel_seconds(&engine, &docs, cores, runs);
    let rate = |secs: f64| {
        format!("{:.0} documents/s, {:.1} MB/s", docs.len() as f64 / secs, doc_bytes as f64 / 1_048_576.0 / secs)
    };
    println!(
        "
threads, the {} documents (best of {runs}):",
        docs.len()
    );
    println!("  1 thread:   {:>7.0} ms = {}", one * 1000.0, rate(one));
    println!(
        "  {cores} threads: {:>7.0} ms = {} ({:.2}x one thread{})",
        all * 1000.0,
        rate(all),
        one / all,
        if cores == 1 { "; this machine gives one core" } else { "" }
    );

    // Same speed on text shaped to find passes that are not linear.
    let shape_bytes = (text.len() / 5).max(1);
    println!("\nhostile shapes, {:.1} MB each (one run):", shape_bytes as f64 / 1_048_576.0);
    for (name, shape) in hostile_shapes(shape_bytes) {
        let page = newslens::page::from_str(&shape, newslens::page::Format::Text);
        let start = Instant::now();
        let (doc, stages) = engine.annotate_timed(&page, None);
        let time = start.elapsed();
        let slowest = stage_shares(&stages).into_iter().max_by(|a, b| a.1.cmp(&b.1)).expect("six stages");
        println!(
            "  {name:<26} {:>8.0} ms = {:>6.1} MB/s, {:>7} annotations (slowest stage: {} {:.0}%)",
            ms(time),
            shape.len() as f64 / 1_048_576.0 / time.as_secs_f64(),
            doc.annotations.len(),
            slowest.0.as_str(),
            slowest.2 * 100.0
        );
    }

    if !peers {
        return;
    }
    let path = std::env::temp_dir().join(format!("newslens-bench-{}.txt", std::process::id()));
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("bench: cannot write the peers' input: {e}");
        std::process::exit(1);
    }
    println!("\npeers on the same text, paragraph by paragraph (install: evaluate/peers/README.md):");
    let results: Vec<(&str, Result<PeerRun, String>)> = vec![
        ("spaCy", run_peer("python3", "spacy_bench.py", &path)),
        ("compromise", run_peer("node", "compromise_bench.mjs", &path)),
    ];
    let _ = std::fs::remove_file(&path);
    for (name, result) in &results {
        match result {
            Ok(p) => {
                let ratio = p.seconds / secs;
                let bar = BARS.iter().find(|b| b.0 == *name).map_or(0.0, |b| b.1);
                println!(
                    "  {}: {:.1} s = {:.0} tokens/s (its own tokens: {}), {} entities/figures, {} sentences",
                    p.peer,
                    p.seconds,
                    p.tokens as f64 / p.seconds,
                    p.tokens,
                    p.entities,
                    p.sentences
                );
                println!(
                    "  NewsLens / {name} = {ratio:.1}x on the same text, {:.1}x with NewsLens's slowest run \
                     (bar >= {bar:.0}x: {})",
                    p.seconds / slowest,
                    if p.seconds / slowest >= bar { "holds" } else { "FAILS" }
                );
            }
            Err(e) => println!("  note: skipping {name}: {e}"),
        }
    }
}

/// `texts` as separate documents vs joined as one, per token and per stage.
fn small_vs_big(engine: &Engine, what: &str, texts: &[String], big: Option<(&str, &Run)>, runs: usize) {
    let joined;
    let (big_text, big_run) = match big {
        Some((text, run)) => (text, *run),
        None => {
            joined = texts.join("\n\n");
            let all = engine_runs(engine, &joined, runs);
            (joined.as_str(), *all.iter().min_by_key(|r| r.total).expect("at least one run"))
        }
    };
    let big_tokens = Analysis::new(big_text).tokens.len();
    let small_tokens: usize = texts.iter().map(|d| Analysis::new(d).tokens.len()).sum();
    let small = documents_runs(engine, texts, runs);
    let small = *small.iter().min_by_key(|r| r.total).expect("at least one run");
    let per_token = |run: &Run, tokens: usize| run.total.as_secs_f64() / tokens as f64;
    println!(
        "  {what}: {} documents, {:.2} MB: {:.0} ms = {:.0} documents/s, {:.0} tokens/s; as one document \
         {:.0} ms = {:.0} tokens/s; per token the documents cost {:.2}x the one document",
        texts.len(),
        texts.iter().map(String::len).sum::<usize>() as f64 / 1_048_576.0,
        ms(small.total),
        texts.len() as f64 / small.total.as_secs_f64(),
        small_tokens as f64 / small.total.as_secs_f64(),
        ms(big_run.total),
        big_tokens as f64 / big_run.total.as_secs_f64(),
        per_token(&small, small_tokens) / per_token(&big_run, big_tokens),
    );
    let stages: Vec<String> = Stage::ALL
        .iter()
        .map(|&stage| {
            let ns = |run: &Run, tokens: usize| run.stages.get(stage).as_secs_f64() * 1e9 / tokens as f64;
            format!("{} {:.0}/{:.0}", stage.as_str(), ns(&small, small_tokens), ns(&big_run, big_tokens))
        })
        .collect();
    println!("    ns per token, documents/one: {}", stages.join(", "));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
