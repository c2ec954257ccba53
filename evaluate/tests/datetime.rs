//! Bars for dates and times as whole expressions: every development case of
//! Recognizers-Text's English DateTime extractor specs passes or is on the
//! reviewed list (see `newslens_evaluate::datetime` for the protocol and the
//! type mapping).

use newslens_evaluate::data_path;
use newslens_evaluate::datetime::{cases, KNOWN_FAILURES};
use newslens_evaluate::figures::known_failures;
use newslens_evaluate::split::Part;

#[test]
fn datetime_dev_cases_pass_unless_listed_as_known_failures() {
    let Some(dir) = data_path("data/recognizers/DateTime", "Recognizers-Text DateTime spec cases") else { return };
    let all = cases(&dir);
    assert!(all.len() > 800, "expected the ten extractor files, read {} cases", all.len());
    let known = known_failures(KNOWN_FAILURES);
    let dev: Vec<_> = all.iter().filter(|c| c.part == Part::Dev).collect();
    let mut unexpected = Vec::new();
    for c in &dev {
        if !c.pass && !known.contains_key(&c.id) {
            unexpected.push(format!("{} {:?}\n  expected {:?}\n  got      {:?}", c.id, c.input, c.expected, c.got));
        }
        if c.pass && known.contains_key(&c.id) {
            println!("warning: {} passes now: take it off the known-failures list", c.id);
        }
    }
    for id in known.keys() {
        let case = all.iter().find(|c| &c.id == id);
        assert!(case.is_some_and(|c| c.part == Part::Dev), "known failure {id} is no development case");
    }
    let passed = dev.iter().filter(|c| c.pass).count();
    println!(
        "DateTime extractor, dev: {passed} / {} pass ({:.1}%)",
        dev.len(),
        100.0 * passed as f64 / dev.len() as f64
    );
    assert!(
        unexpected.is_empty(),
        "{} cases fail that are not known failures:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

/// The held-out part was run once, at the end, for the figure reported (75.2%,
/// 212 of 282). It is no longer untouched: this bar only keeps it from
/// falling, and its failures are still never printed.
#[test]
fn datetime_held_out_figure_does_not_fall() {
    let Some(dir) = data_path("data/recognizers/DateTime", "Recognizers-Text DateTime spec cases") else { return };
    let held: Vec<_> = cases(&dir).into_iter().filter(|c| c.part == Part::HeldOut).collect();
    let passed = held.iter().filter(|c| c.pass).count();
    println!("DateTime extractor, held-out: {passed} / {}", held.len());
    assert!(passed >= 212, "held-out cases passing fell to {passed} of {}", held.len());
}
