//! Bars for the quote layer: gold samples, PolNeAR's dev part and all of PolNeAR dev
//! (skipped when the data is absent; the split is in `newslens_evaluate::quotes`).

use newslens::Engine;
use newslens_evaluate::{data_path, gold_samples, quotes};

#[test]
fn gold_quote_spans_and_speakers_hold_the_bar() {
    if gold_samples().is_empty() {
        return;
    }
    let engine = Engine::new().expect("engine loads");
    let r = quotes::gold_report(&engine);
    println!("gold quotes: {}  speaker accuracy {:.4}", r.spans, r.speaker_accuracy());
    for n in &r.notes {
        println!("  {n}");
    }
    assert!(r.spans.f1() >= 0.95, "quote span F1 {:.4} < 0.95", r.spans.f1());
    assert!(r.speaker_accuracy() >= 0.9, "speaker accuracy {:.4} < 0.9", r.speaker_accuracy());
}

#[test]
fn polnear_dev_part_speakers_hold_the_bar() {
    let Some(dir) = data_path("data/polnear/dev", "PolNeAR quote evaluation") else { return };
    let engine = Engine::new().expect("engine loads");
    let r = quotes::polnear_report(&engine, &dir, quotes::PolnearPart::Dev);
    println!(
        "polnear dev part: speaker accuracy {:.4} ({}/{})",
        r.speaker_accuracy(),
        r.speaker_right,
        r.speaker_total
    );
    assert_eq!(r.articles, 42, "the dev part is every other article");
    assert!(r.speaker_accuracy() >= 0.93, "speaker accuracy {:.4} < 0.93", r.speaker_accuracy());
}

#[test]
fn polnear_direct_quote_speakers_hold_the_bar() {
    let Some(dir) = data_path("data/polnear/dev", "PolNeAR quote evaluation") else { return };
    let engine = Engine::new().expect("engine loads");
    let r = quotes::polnear_report(&engine, &dir, quotes::PolnearPart::All);
    println!(
        "polnear: recall {:.4}  precision {:.4}  speaker accuracy {:.4} ({}/{})",
        r.recall(),
        r.precision(),
        r.speaker_accuracy(),
        r.speaker_right,
        r.speaker_total
    );
    assert!(r.articles >= 80, "read {} articles", r.articles);
    assert!(r.recall() >= 0.95, "quote recall {:.4} < 0.95", r.recall());
    assert!(r.speaker_accuracy() >= 0.9, "speaker accuracy {:.4} < 0.9", r.speaker_accuracy());
}

#[test]
fn polnear_gold_pairs_marks_inside_content() {
    let text: Vec<char> = "Lopez said “we will go” today.".chars().collect();
    let ann = "T1\tSource 0 5\tLopez\nT2\tCue 6 10\tsaid\nT3\tContent 11 23\t“we will go”\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
    let gold = quotes::polnear_gold(&text, ann);
    assert_eq!(gold.len(), 1);
    assert_eq!((gold[0].start, gold[0].end), (11, 23));
    assert!(gold[0].direct);
    assert_eq!(gold[0].sources, vec![(0, 5)]);
}
