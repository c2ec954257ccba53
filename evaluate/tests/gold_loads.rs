//! The reference annotations load as guide documents whose spans match their text.

use newslens_evaluate::gold_samples;

#[test]
fn gold_spans_match_the_sample_text() {
    let samples = gold_samples();
    for s in &samples {
        let chars: Vec<char> = s.text.chars().collect();
        assert_eq!(s.gold.text_len, chars.len(), "{}", s.name);
        for a in &s.gold.annotations {
            let (start, end) = a.range();
            let covered: String = chars[start..end].iter().collect();
            assert_eq!(covered, a.text(), "{}: {start}..{end}", s.name);
        }
    }
    println!("checked {} gold samples", samples.len());
}
