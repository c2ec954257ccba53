//! Relative ordinals (`last`, `next one`, `the second to last`): positions in a list, read on request only.
//!
//! These are no figures in the guide (a position, not a rank or a count), so
//! [`super::find`] never calls this and the news layer highlights none of
//! them; `last Thursday` stays a DATE there. Plain ordinal recognisers report
//! them, and this reader lets the evaluation compare like with like.

use super::Toks;

/// A position relative to the end of a list or to the current item, in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct RelativeOrdinal {
    pub span: std::ops::Range<usize>,
    /// `end` or `current`.
    pub relative_to: &'static str,
    /// `-1` for `penultimate`, `+1` for `next`.
    pub offset: i32,
}

/// Phrases, longest first where one starts another: (words, relative to, offset).
const PHRASES: &[(&[&str], &str, i32)] = &[
    (&["the", "one", "before", "the", "last", "one"], "end", -1),
    (&["the", "one", "before", "the", "last"], "end", -1),
    (&["the", "last", "but", "one"], "end", -1),
    (&["the", "second", "to", "last"], "end", -1),
    (&["second", "to", "last"], "end", -1),
    (&["next", "to", "last"], "end", -1),
    (&["antepenultimate"], "end", -2),
    (&["penultimate"], "end", -1),
    (&["next", "one"], "current", 1),
    (&["previous", "one"], "current", -1),
    (&["current", "one"], "current", 0),
    (&["last"], "end", 0),
    (&["next"], "current", 1),
    (&["previous"], "current", -1),
    (&["current"], "current", 0),
];

/// Every relative ordinal in the text, left to right, not overlapping.
pub fn relative_ordinals(analysis: &crate::text::Analysis) -> Vec<RelativeOrdinal> {
    let t = Toks::new(analysis);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let found = PHRASES.iter().find(|(words, _, _)| words.iter().enumerate().all(|(k, w)| t.low(i + k) == *w));
        match found {
            Some((words, relative_to, offset)) => {
                let end = i + words.len();
                out.push(RelativeOrdinal { span: t.start(i)..t.end(end - 1), relative_to, offset: *offset });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Analysis;

    fn read(s: &str) -> Vec<(String, String)> {
        let a = Analysis::new(s);
        relative_ordinals(&a)
            .into_iter()
            .map(|r| (s[r.span].to_string(), format!("{}{:+}", r.relative_to, r.offset)))
            .collect()
    }

    #[test]
    fn positions_relative_to_the_end_or_the_current_item() {
        assert_eq!(read("Show me the second to last."), [("the second to last".into(), "end-1".into())]);
        assert_eq!(read("The one before the last one is it"), [("The one before the last one".into(), "end-1".into())]);
        assert_eq!(
            read("the next one, then the antepenultimate"),
            [("next one".into(), "current+1".into()), ("antepenultimate".into(), "end-2".into())]
        );
        assert!(read("a lasting peace").is_empty());
    }
}
