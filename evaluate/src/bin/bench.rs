//! `bench`: native engine throughput on the samples repeated to 5 MB, each
//! stage's share, and the peers (spaCy small, compromise) timed on the same text
//! in the same run, with the NewsLens/peer ratios and the bars they must clear.
//!
//! cargo run --release -p newslens-evaluate --bin bench [-- --mb 5 --runs 3 --no-peers]

use std::time::{Duration, Instant};

use newslens::pipeline::Stage;
use newslens::text::Analysis;
use newslens::Engine;
use newslens_evaluate::bench::{corpus, engine_runs, hostile_shapes, run_peer, stage_shares, PeerRun};

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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
