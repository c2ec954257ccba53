//! Bars for the number layer: F1 on the reference samples, and every
//! Recognizers-Text English spec case passes or is on the reviewed list.

use newslens_evaluate::figures::{gold_report, known_failures, recognizers_cases, KNOWN_FAILURES};
use newslens_evaluate::{data_path, gold_samples};

#[test]
fn number_layer_f1_on_reference_samples_is_at_least_0_95() {
    let samples = gold_samples();
    if samples.is_empty() {
        return;
    }
    let report = gold_report(&samples);
    println!("number layer (span + label + value): {}", report.overall);
    for (name, kind, key, text) in &report.errors {
        println!("  {kind} {name} {}..{} {} {text:?} {}", key.0, key.1, key.2, key.3);
    }
    assert!(report.overall.f1() >= 0.95, "F1 {:.4} < 0.95", report.overall.f1());
}

#[test]
fn recognizers_cases_pass_unless_listed_as_known_failures() {
    let Some(dir) = data_path("data/recognizers", "Recognizers-Text spec cases") else { return };
    let cases = recognizers_cases(&dir);
    assert!(cases.len() > 500, "expected the five spec files, read {} cases", cases.len());
    let known = known_failures(KNOWN_FAILURES);
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for c in &cases {
        match (c.pass, known.contains_key(&c.id)) {
            (false, false) => {
                unexpected.push(format!("{} {:?}\n  expected {:?}\n  got      {:?}", c.id, c.input, c.expected, c.got))
            }
            (true, true) => fixed.push(c.id.clone()),
            _ => {}
        }
    }
    let passed = cases.iter().filter(|c| c.pass).count();
    println!("Recognizers-Text: {passed} / {} pass ({:.1}%)", cases.len(), 100.0 * passed as f64 / cases.len() as f64);
    for id in &fixed {
        println!("warning: {id} passes now: take it off the known-failures list");
    }
    for id in known.keys() {
        assert!(cases.iter().any(|c| &c.id == id), "known failure {id} is no case");
    }
    assert!(
        unexpected.is_empty(),
        "{} cases fail that are not known failures:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}
