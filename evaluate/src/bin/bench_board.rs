//! `bench_board`: how long the boards take with many documents open, as the
//! page's worker runs them after the last document arrives: clusters made to
//! agree across documents, every board built, and the boards as JSON.
//!
//! cargo run --release -p newslens-evaluate --bin bench_board [-- --docs 100 --kb 40 --runs 5]

use std::time::{Duration, Instant};

use newslens::{board, Engine};
use newslens_evaluate::board::bench_documents;

/// The page's budget from the last document to a ready board.
const BUDGET_MS: f64 = 300.0;

fn main() {
    let (mut docs, mut kb, mut runs) = (100usize, 40usize, 5usize);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |d: usize| args.next().and_then(|s| s.parse().ok()).unwrap_or(d);
        match arg.as_str() {
            "--docs" => docs = value(docs),
            "--kb" => kb = value(kb),
            "--runs" => runs = value(runs).max(1),
            _ => {
                eprintln!("usage: bench_board [--docs N] [--kb KILOBYTES_EACH] [--runs N]");
                std::process::exit(2);
            }
        }
    }
    if cfg!(debug_assertions) {
        println!("warning: a debug build; run with --release for figures that mean anything");
    }
    let engine = match Engine::new() {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("bench_board: the engine does not load: {e}");
            std::process::exit(1);
        }
    };
    let (annotated, what) = bench_documents(&engine, docs, kb * 1024);
    let bytes: usize = annotated.iter().map(|d| d.text.len()).sum();
    let annotations: usize = annotated.iter().map(|d| d.annotations.len()).sum();
    println!("input: {what}: {:.2} MB, {annotations} annotations", bytes as f64 / 1_048_576.0);

    // Wall time, and the time this thread was on a CPU (Linux): on a machine shared with
    // other work the second is what the boards cost.
    let mut best: Option<[Step; 3]> = None;
    let mut last = None;
    for _ in 0..runs {
        let mut open = annotated.clone();
        let mut steps = [Step::default(); 3];
        steps[0].time(|| board::unify_clusters(&mut open));
        let boards = steps[1].time(|| board::build(&open));
        let json = steps[2].time(|| serde_json::to_string(&boards).expect("the boards serialise"));
        if best.as_ref().is_none_or(|b| total(&steps).0 < total(b).0) {
            best = Some(steps);
        }
        last = Some((boards, json.len()));
    }
    let steps = best.expect("at least one run");
    let (boards, json_len) = last.expect("at least one run");
    let (wall, cpu) = total(&steps);
    let show = |s: &Step| match s.cpu {
        Some(cpu) => format!("{:.1} ms ({:.1} ms on the CPU)", ms(s.wall), ms(cpu)),
        None => format!("{:.1} ms", ms(s.wall)),
    };
    println!("best of {runs}:");
    println!("  unify clusters  {}", show(&steps[0]));
    println!("  build boards    {}", show(&steps[1]));
    println!("  boards as JSON  {} ({:.2} MB)", show(&steps[2]), json_len as f64 / 1_048_576.0);
    let spent = cpu.unwrap_or(wall);
    println!(
        "  total           {:.1} ms wall{}: budget {BUDGET_MS:.0} ms {}",
        ms(wall),
        cpu.map_or(String::new(), |c| format!(", {:.1} ms on the CPU", ms(c))),
        if ms(spent) <= BUDGET_MS { "met" } else { "MISSED" }
    );
    let regions: usize = boards.documents.iter().map(|d| d.regions.len()).sum();
    println!(
        "boards: {} figure groups, {} dates, {} speakers, {} matched quotations, {} entities, {regions} regions",
        boards.figures.len(),
        boards.timeline.len(),
        boards.quotes.speakers.len(),
        boards.quotes.matches.len(),
        boards.entities.len()
    );
}

/// One timed step: wall time and, where the system tells, time on a CPU.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    wall: Duration,
    cpu: Option<Duration>,
}

impl Step {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (cpu0, t0) = (on_cpu(), Instant::now());
        let out = f();
        self.wall = t0.elapsed();
        self.cpu = on_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
        out
    }
}

fn total(steps: &[Step]) -> (Duration, Option<Duration>) {
    let wall = steps.iter().map(|s| s.wall).sum();
    let cpu = steps.iter().map(|s| s.cpu).sum::<Option<Duration>>();
    (wall, cpu)
}

/// How long this thread has run on a CPU, from `/proc/thread-self/schedstat` (Linux).
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
