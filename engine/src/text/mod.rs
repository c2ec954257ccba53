//! Text: newline normalisation, tokens and sentences, and the byte-to-code-point map.
//!
//! Every recogniser reads the same [`Analysis`]: the text, its tokens (UAX #29
//! word boundaries, with letter runs and digit runs split apart) and its
//! sentences. Offsets here are **bytes** into the text, so slicing is free;
//! [`CharMap`] turns them into the guide's code-point offsets at the end.

mod charmap;
mod sentences;
mod tokens;

pub use charmap::CharMap;
pub use tokens::{Token, TokenKind};

use std::ops::Range;

/// The one normalisation the guide allows: `\r\n` becomes `\n`. Nothing else moves.
pub fn normalize_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains("\r\n") {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A text cut into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    pub text: &'t str,
    /// Non-space tokens in text order.
    pub tokens: Vec<Token>,
    /// Each sentence as a range of token indices; together they cover every token.
    pub sentences: Vec<Range<usize>>,
}

impl<'t> Analysis<'t> {
    /// Tokenises and splits `text` into sentences. Linear in the text.
    pub fn new(text: &'t str) -> Analysis<'t> {
        let tokens = tokens::tokenize(text);
        let sentences = sentences::split(text, &tokens);
        Analysis { text, tokens, sentences }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The text between the start of token `first` and the end of token `last` (inclusive).
    pub fn text_of_tokens(&self, first: usize, last: usize) -> &'t str {
        &self.text[self.tokens[first].start..self.tokens[last].end]
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }

    /// Index of the first token that starts at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_crlf_is_normalised() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\rc\n");
        assert!(matches!(normalize_newlines("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
