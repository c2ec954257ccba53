//! Prints ranges as one figure on real news phrases (`tests/range_cases.tsv`):
//! the development part's cases that fail and its pass rate, and with
//! `--held-out` the held-out part's rate (its cases are never printed).

use newslens_evaluate::data_dir;
use newslens_evaluate::ranges::cases;
use newslens_evaluate::split::Part;

fn main() {
    let held_out = std::env::args().any(|a| a == "--held-out");
    let Some(data) = data_dir() else {
        println!("note: skipping ranges: set NEWSLENS_DATA to the shared data folder");
        return;
    };
    let all = cases(&data.join("data"));
    for c in all.iter().filter(|c| c.part == Part::Dev && !c.pass) {
        println!("FAIL {}:{} {:?} want {}\n     got {:?}", c.source, c.line, c.phrase, c.want, c.got);
    }
    let parts: &[Part] = if held_out { &[Part::Dev, Part::HeldOut] } else { &[Part::Dev] };
    for &part in parts {
        let of: Vec<_> = all.iter().filter(|c| c.part == part).collect();
        let pass = of.iter().filter(|c| c.pass).count();
        let ranges = of.iter().filter(|c| c.want != "NONE").count();
        let ranges_pass = of.iter().filter(|c| c.want != "NONE" && c.pass).count();
        println!(
            "ranges, {} part: {pass} / {} cases pass ({:.1}%); ranges read as one figure {ranges_pass} / {ranges}, \
             non-ranges left apart {} / {}",
            part.name(),
            of.len(),
            100.0 * pass as f64 / of.len().max(1) as f64,
            pass - ranges_pass,
            of.len() - ranges
        );
    }
}
