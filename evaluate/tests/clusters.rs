//! Bars for entity clusters on the reference samples, given the reference mentions.

use newslens_evaluate::clusters::report;

#[test]
fn clusters_given_reference_mentions_hold_their_bars() {
    let Some(r) = report() else {
        println!("note: skipping cluster bars: no reference samples");
        return;
    };
    println!("alone {}\ntogether {}\nwith samples {}", r.alone_total, r.together, r.with_samples);
    // Each document alone: names the text itself never gives (`Joe Biden`
    // for a bare `Biden`) are out of reach, the grouping is not.
    assert!(r.alone_total.accuracy() >= 0.95, "alone: {}", r.alone_total);
    assert!(r.alone_total.b3_f1() >= 0.99, "alone: {}", r.alone_total);
    // Open together, `Zelensky` in one document meets `Volodymyr Zelenskyy` in the other.
    assert!(r.together.accuracy() >= 0.97, "together: {}", r.together);
    assert!(r.together.b3_f1() >= 0.99, "together: {}", r.together);
    assert!(r.with_samples.accuracy() >= r.together.accuracy() - 0.01, "with samples: {}", r.with_samples);
    // With the engine's own entities (once a tagger finds them), on the mentions it gets right.
    let (found, total) = r.engine_span_recall;
    println!("engine: {found}/{total} reference mentions found; {}", r.engine_matched);
    if found * 2 > total {
        assert!(r.engine_matched.accuracy() >= 0.95, "engine entities: {}", r.engine_matched);
        assert!(r.engine_matched.b3_f1() >= 0.98, "engine entities: {}", r.engine_matched);
    }
}
