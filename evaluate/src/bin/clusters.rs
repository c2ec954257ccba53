//! Prints entity-cluster accuracy on the reference samples (`cargo run -p newslens-evaluate --bin clusters`).

use newslens_evaluate::clusters::{report, speed};

fn main() {
    if let Some(split) = std::env::args().nth(1).and_then(|a| a.strip_prefix("--audit=").map(str::to_string)) {
        // Every join of differently written names in CoNLL-2003 documents, for reading.
        let joins = newslens_evaluate::clusters::conll_joins(&split);
        for (doc, cluster, mentions) in &joins {
            println!("{doc}\t{cluster}\t{}", mentions.join(" | "));
        }
        println!("{} joins", joins.len());
        return;
    }
    if let Some(folder) = std::env::args().nth(1).and_then(|a| a.strip_prefix("--audit-unify=").map(str::to_string)) {
        // Every cross-document join the board makes over a folder of articles, for reading.
        let joins = newslens_evaluate::clusters::unify_joins(&folder);
        for (cluster, olds) in &joins {
            let olds: Vec<String> = olds.iter().map(|(o, n)| format!("{o} ({n} docs)")).collect();
            println!("{cluster}\t{}", olds.join(" | "));
        }
        println!("{} cross-document joins", joins.len());
        return;
    }
    let bytes = 5_000_000;
    let (mentions, seconds) = speed(bytes);
    println!(
        "Speed: {mentions} mentions in a {:.0} MB synthetic text clustered in {:.3} s ({:.0} mentions/s)",
        bytes as f64 / 1e6,
        seconds,
        mentions as f64 / seconds.max(1e-9)
    );
    let Some(r) = report() else {
        println!("no reference samples: nothing to measure");
        return;
    };
    println!("Entity clusters on the reference samples, given the reference mentions");
    for (name, s) in &r.alone {
        println!("  alone   {name:<28} {s}");
    }
    println!("  alone   {:<28} {}", "all", r.alone_total);
    println!("  reference documents open together     {}", r.together);
    println!("  every sample open (others by engine)  {}", r.with_samples);
    let (found, total) = r.engine_span_recall;
    println!("Given the engine's own entities, every sample open:");
    println!("  reference mentions found with exact span: {found}/{total}");
    println!("  clusters on those mentions            {}", r.engine_matched);
    if !r.misses.is_empty() {
        println!("Mentions clustered unlike the reference (every sample open): doc | text | predicted | reference");
        for (doc, text, p, g) in &r.misses {
            println!("  {doc} | {text} | {p} | {g}");
        }
    }
    println!("Figures the board lines up across the reference documents (thing: document, figure, of):");
    for (thing, rows) in &r.figure_lineup {
        println!("  {thing}");
        for (doc, text, of) in rows {
            println!("    {doc}: {text} ({of})");
        }
    }
}
