//! Tokens: UAX #29 word boundaries, then letter runs and digit runs split apart.
//!
//! `Ukraine10` is two tokens and so is `155mm` (the figures recogniser glues
//! `155` + `mm` back through [`Token::space_before`]). Initialisms keep their
//! final stop (`U.S.`), and the possessive `’s` is a token of its own, as in
//! CoNLL-2003, so a name never carries it.

use unicode_segmentation::UnicodeSegmentation;

/// One non-space token. Offsets are bytes into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Line breaks in that whitespace (2 or more is a paragraph break).
    pub newlines_before: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with inner apostrophes and stops: `don’t`, `U.S.`).
    Word,
    /// Digits, with inner separators: `8,000`, `2.5`.
    Number,
    /// One punctuation character: `.`, `“`, `—`.
    Punct,
    /// Anything else: currency signs, emoji, maths symbols.
    Symbol,
}

pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut space_before = false;
    let mut newlines_before = 0;
    let mut runs = Vec::new();
    for (start, piece) in text.split_word_bound_indices() {
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            space_before = true;
            newlines_before += piece.matches('\n').count() as u32;
            continue;
        }
        let mut push = |tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind| {
            tokens.push(Token { start, end, kind, space_before, newlines_before });
            space_before = false;
            newlines_before = 0;
        };
        if first.is_alphanumeric() {
            alnum_runs(piece, &mut runs);
            for &(s, e, kind) in &runs {
                push(&mut tokens, start + s, start + e, kind);
            }
        } else {
            let kind = if first.is_ascii_punctuation() || is_unicode_punctuation(first) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(&mut tokens, start, start + piece.len(), kind);
        }
    }
    merge_initialism_stops(text, &mut tokens);
    tokens
}

/// Splits a UAX #29 word at letter/digit changes, and splits off a final `’s`.
/// Punctuation inside a run stays in it (`8,000`, `don’t`); punctuation at a
/// change of run becomes a token of its own, so no character is lost.
fn alnum_runs(word: &str, runs: &mut Vec<(usize, usize, TokenKind)>) {
    runs.clear();
    for (i, c) in word.char_indices() {
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else if c.is_alphabetic() || c.is_mark() {
            TokenKind::Word
        } else {
            continue;
        };
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some(last) if last.2 == kind => last.1 = end,
            Some(last) => {
                let gap = (last.1, i);
                if gap.0 < gap.1 {
                    runs.push((gap.0, gap.1, TokenKind::Punct));
                }
                runs.push((i, end, kind));
            }
            None => runs.push((i, end, kind)),
        }
    }
    if let Some(last) = runs.last().copied() {
        if last.1 < word.len() {
            runs.push((last.1, word.len(), TokenKind::Punct));
        }
    }
    // Possessive: `Ukraine’s` -> `Ukraine` + `’s`.
    if let Some(last) = runs.last().copied() {
        let s = &word[last.0..last.1];
        for suffix in ["’s", "'s", "’S", "'S"] {
            if last.2 == TokenKind::Word && s.len() > suffix.len() + 1 && s.ends_with(suffix) {
                let cut = last.1 - suffix.len();
                if let Some(stem) = runs.last_mut() {
                    stem.1 = cut;
                }
                runs.push((cut, last.1, TokenKind::Word));
                break;
            }
        }
    }
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining marks continue the letter they sit on.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    }
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}'
        | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}'
        | '\u{300C}'..='\u{300F}' | '\u{FF01}'..='\u{FF0F}')
}

/// `U.S` + `.` -> `U.S.`: a word of single letters joined by stops keeps its final stop.
fn merge_initialism_stops(text: &str, tokens: &mut Vec<Token>) {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for tok in tokens.drain(..) {
        if let Some(prev) = out.last_mut() {
            if tok.kind == TokenKind::Punct
                && !tok.space_before
                && &text[tok.start..tok.end] == "."
                && prev.kind == TokenKind::Word
                && is_initialism(&text[prev.start..prev.end])
            {
                prev.end = tok.end;
                continue;
            }
        }
        out.push(tok);
    }
    *tokens = out;
}

fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    for (i, part) in word.split('.').enumerate() {
        if part.chars().count() != 1 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        letters = i + 1;
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_letters_from_digits_and_possessives_from_names() {
        assert_eq!(words("Ukraine10 December"), ["Ukraine", "10", "December"]);
        assert_eq!(words("155mm shells"), ["155", "mm", "shells"]);
        assert_eq!(words("Ukraine’s army"), ["Ukraine", "’s", "army"]);
        assert_eq!(words("Russia's"), ["Russia", "'s"]);
        assert_eq!(words("some 8,000 troops."), ["some", "8,000", "troops", "."]);
        assert_eq!(words("2.5%"), ["2.5", "%"]);
    }

    #[test]
    fn initialisms_keep_their_stop() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("in the U.S."), ["in", "the", "U.S."]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn records_spacing_and_line_breaks() {
        let toks = tokenize("a b\n\nc$5");
        assert!(!toks[0].space_before && toks[1].space_before);
        assert_eq!(toks[2].newlines_before, 2);
        assert!(!toks[3].space_before && !toks[4].space_before);
    }
}
