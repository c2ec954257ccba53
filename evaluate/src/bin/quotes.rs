//! Prints the quote layer's figures: gold samples and PolNeAR's dev part (`-v`: its
//! errors); `--held-out` prints the held-out part instead, the figure taken once at
//! the end (see the protocol in `newslens_evaluate::quotes`).

use newslens::Engine;
use newslens_evaluate::{data_path, quotes};

fn main() {
    let engine = match Engine::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("engine: {e}");
            std::process::exit(1);
        }
    };
    let verbose = std::env::args().any(|a| a == "-v" || a == "--verbose");
    let held_out = std::env::args().any(|a| a == "--held-out");
    let (part, name) = if held_out {
        (quotes::PolnearPart::HeldOut, "polnear held-out part")
    } else {
        (quotes::PolnearPart::Dev, "polnear dev part")
    };
    let gold = quotes::gold_report(&engine);
    println!("gold samples: quote spans {}", gold.spans);
    println!(
        "gold samples: speaker accuracy {:.4} ({}/{})",
        gold.speaker_accuracy(),
        gold.speaker_right,
        gold.speaker_total
    );
    for n in &gold.notes {
        println!("  {n}");
    }
    if let Some(dir) = data_path("data/polnear/dev", "PolNeAR evaluation") {
        let r = quotes::polnear_report(&engine, &dir, part);
        println!(
            "{name}: {} articles, {} quoted segments in attributed content ({} direct)",
            r.articles, r.gold_quotes, r.gold_direct
        );
        println!("{name}: quote recall {:.4} ({}/{})", r.recall(), r.found, r.gold_quotes);
        println!(
            "{name}: quote precision {:.4} ({}/{}); over quotes we attribute to a speaker {:.4} ({}/{})",
            r.precision(),
            r.ours_matched,
            r.ours,
            r.attributed_precision(),
            r.ours_attributed_matched,
            r.ours_attributed
        );
        println!(
            "{name}: speaker accuracy on direct quotes {:.4} ({}/{})",
            r.speaker_accuracy(),
            r.speaker_right,
            r.speaker_total
        );
        if verbose {
            for n in &r.notes {
                println!("  {n}");
            }
        }
    }
}
