//! DIRECT or PARTIAL: does the quoted material hold a clause of its own?
//!
//! A clause shows itself by a subject pronoun, an auxiliary or modal, or a
//! finite verb after a subject; a complete short reply (`“Yes.”`) is DIRECT too.
//! Everything shorter (`“red line”`, `“a clear escalation by Russia”`) is PARTIAL.

use crate::doc::QuoteLabel;

/// Words that only occur where a clause does.
const CLAUSE_WORDS: &[&str] = &[
    "am",
    "are",
    "aren’t",
    "can",
    "can’t",
    "cannot",
    "could",
    "couldn’t",
    "did",
    "didn’t",
    "do",
    "does",
    "doesn’t",
    "don’t",
    "had",
    "hadn’t",
    "has",
    "hasn’t",
    "have",
    "haven’t",
    "he",
    "i",
    "is",
    "isn’t",
    "it’s",
    "let’s",
    "may",
    "might",
    "must",
    "shall",
    "she",
    "should",
    "shouldn’t",
    "that’s",
    "there’s",
    "they",
    "they’re",
    "was",
    "wasn’t",
    "we",
    "we’re",
    "were",
    "weren’t",
    "what’s",
    "will",
    "won’t",
    "would",
    "wouldn’t",
    "you",
    "you’re",
    "i’m",
    "i’ve",
    "we’ve",
    "i’ll",
    "we’ll",
    "he’s",
    "she’s",
    "remains",
    "seems",
    "knows",
    "thinks",
    "believes",
    "wants",
    "needs",
    "says",
    "said",
    "think",
    "know",
    "believe",
    "want",
    "need",
    "see",
    "saw",
    "went",
    "came",
    "got",
    "made",
    "told",
    "took",
    "gave",
    "became",
    "nobody",
    "everybody",
    "everyone",
    "someone",
    "somebody",
    "anybody",
    "anyone",
    "let",
];

/// A whole reply with no clause of its own.
const REPLIES: &[&str] = &[
    "yes",
    "no",
    "absolutely",
    "never",
    "nope",
    "yeah",
    "thanks",
    "exactly",
    "sure",
    "okay",
    "ok",
    "maybe",
    "perhaps",
    "correct",
    "right",
    "wrong",
    "nonsense",
    "nothing",
    "why",
    "no comment",
];

/// The label of a quotation whose text (marks included) is `quoted`.
pub fn classify(quoted: &str) -> QuoteLabel {
    let inner: &str = quoted.trim_matches(|c: char| !c.is_alphanumeric());
    let words: Vec<String> = inner
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).replace('\'', "’").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return QuoteLabel::PARTIAL;
    }
    let lower = inner.to_lowercase();
    let ends_utterance = quoted.trim_end_matches(['”', '"', '’', '\'', '»', ' ']).ends_with(['.', '!', '?', '…']);
    if words.len() <= 2 && ends_utterance && REPLIES.contains(&lower.as_str()) {
        return QuoteLabel::DIRECT;
    }
    if words.iter().any(|w| CLAUSE_WORDS.contains(&w.as_str())) {
        return QuoteLabel::DIRECT;
    }
    // `I` alone is a clause word in any case; `?` marks a question.
    if inner.split_whitespace().any(|w| w == "I" || w.starts_with("I’") || w.starts_with("I'")) {
        return QuoteLabel::DIRECT;
    }
    if quoted.contains('?') && words.len() >= 2 {
        return QuoteLabel::DIRECT;
    }
    // Several sentences inside one quote are speech, not a phrase.
    let stops = inner
        .char_indices()
        .filter(|&(i, c)| matches!(c, '.' | '!' | '?') && inner[i + 1..].starts_with(char::is_whitespace))
        .count();
    if stops >= 1 && words.len() >= 6 {
        return QuoteLabel::DIRECT;
    }
    QuoteLabel::PARTIAL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_direct_phrases_partial() {
        assert_eq!(classify("“We don’t know what they’re going to do,”"), QuoteLabel::DIRECT);
        assert_eq!(classify("“Yes.”"), QuoteLabel::DIRECT);
        assert_eq!(classify("“red line”"), QuoteLabel::PARTIAL);
        assert_eq!(classify("“North Korea’s actual involvement in combat.”"), QuoteLabel::PARTIAL);
        assert_eq!(classify("“the French position remains that troops are possible,”"), QuoteLabel::DIRECT);
    }
}
