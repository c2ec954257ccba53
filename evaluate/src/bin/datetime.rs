//! Prints dates and times as whole expressions on Recognizers-Text's English
//! DateTime extractor specs: pass rates per file on the development part, the
//! failures there, and with `--held-out` the held-out part's figure (its
//! failures are never printed: see the protocol in `newslens_evaluate::split`).

use newslens_evaluate::data_path;
use newslens_evaluate::datetime::{cases, tally, KNOWN_FAILURES};
use newslens_evaluate::figures::known_failures;
use newslens_evaluate::split::Part;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let held_out = std::env::args().any(|a| a == "--held-out");
    let Some(dir) = data_path("data/recognizers/DateTime", "Recognizers-Text DateTime spec cases") else { return };
    let all = cases(&dir);
    let known = known_failures(KNOWN_FAILURES);
    for c in all.iter().filter(|c| c.part == Part::Dev && !c.pass) {
        if verbose || !known.contains_key(&c.id) {
            println!("FAIL {}\t{:?}\n     expected {:?}\n     got      {:?}", c.id, c.input, c.expected, c.got);
        }
    }
    let parts: &[Part] = if held_out { &[Part::Dev, Part::HeldOut] } else { &[Part::Dev] };
    for &part in parts {
        println!("\nDateTime extractor cases, {} part (span and type right / total):", part.name());
        let (mut p, mut n) = (0, 0);
        for ((file, fpart), (pass, total)) in tally(&all) {
            if fpart == part {
                println!("  {file:<30} {pass:>4} / {total:<4} {:>6.1}%", 100.0 * pass as f64 / total as f64);
                p += pass;
                n += total;
            }
        }
        println!("  {:<30} {p:>4} / {n:<4} {:>6.1}%", "all", 100.0 * p as f64 / n.max(1) as f64);
    }
    let listed = all.iter().filter(|c| known.contains_key(&c.id)).count();
    let by_design = all.iter().filter(|c| known.get(&c.id).is_some_and(|r| r.starts_with("by design"))).count();
    println!("  known failures listed (dev): {listed}, of which by design: {by_design}");
}
