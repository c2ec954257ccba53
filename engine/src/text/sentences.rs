//! Sentences: ranges of tokens, cut at terminal punctuation and at line breaks.
//!
//! A stop after a known abbreviation (`Sept.`, `Gen.`) or a lone initial
//! (`John F. Kennedy`) does not end a sentence; closing quotes and brackets
//! after the stop stay with the sentence they close.

use std::ops::Range;

use super::tokens::{Token, TokenKind};

/// Words that end with a stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep", "gov",
    "pres", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "approx", "fig", "vol", "dept", "est", "mt", "ft", "pp", "al", "del", "atty", "supt", "amb",
];

pub(super) fn split(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let line_break_next = tokens.get(i + 1).is_some_and(|t| t.newlines_before > 0);
        let mut end = i + 1;
        let mut boundary = line_break_next;
        if is_terminal(text, tokens, i) {
            // Keep closing quotes and brackets with the sentence they close.
            while end < tokens.len()
                && tokens[end].newlines_before == 0
                && is_closer(&text[tokens[end].start..tokens[end].end])
            {
                end += 1;
            }
            boundary = match tokens.get(end) {
                None => true,
                Some(next) => next.newlines_before > 0 || starts_sentence(&text[next.start..next.end]),
            };
        }
        if boundary || end >= tokens.len() {
            sentences.push(start..end.min(tokens.len()));
            start = end.min(tokens.len());
        }
        i = end;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

fn is_terminal(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let s = &text[t.start..t.end];
    match s {
        "!" | "?" | "…" => true,
        "." => {
            let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else { return true };
            if prev.kind != TokenKind::Word || t.space_before {
                return true;
            }
            let word = &text[prev.start..prev.end];
            let lone_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            !(lone_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str()))
        }
        // `U.S.` carries its stop inside the token: it ends a sentence only
        // before a word that usually opens one (`in the U.S. The ...`).
        _ => {
            t.kind == TokenKind::Word
                && s.ends_with('.')
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.newlines_before == 0 && SENTENCE_OPENERS.contains(&&text[n.start..n.end]))
        }
    }
}

const SENTENCE_OPENERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "A", "An", "This", "That", "There", "His",
    "Her", "Their", "Its", "Our", "As", "At", "If", "When", "While",
];

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "*")
}

fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '—' | '-' | '*' | '#')
    })
}

#[cfg(test)]
mod tests {
    use crate::text::Analysis;

    fn sentences(text: &str) -> Vec<String> {
        let a = Analysis::new(text);
        a.sentences.iter().map(|r| a.text_of_tokens(r.start, r.end - 1).to_string()).collect()
    }

    #[test]
    fn cuts_at_stops_and_lines_but_not_abbreviations() {
        assert_eq!(
            sentences("Gen. Kim met Mr. Putin on Sept. 12. They talked.\nHeadline here\nNext."),
            ["Gen. Kim met Mr. Putin on Sept. 12.", "They talked.", "Headline here", "Next."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(sentences("He said: “We will win.” Then he left."), ["He said: “We will win.”", "Then he left."]);
    }

    #[test]
    fn every_token_is_in_exactly_one_sentence() {
        let text = "a. b! “c?” (d.) e… f\n\ng . . . ";
        let a = Analysis::new(text);
        let mut next = 0;
        for s in &a.sentences {
            assert_eq!(s.start, next);
            assert!(s.end > s.start);
            next = s.end;
        }
        assert_eq!(next, a.tokens.len());
    }
}
