//! The thing counted: the noun phrase after a count or amount
//! (`8,000 North Korean soldiers`, `thousands of troops`, `one of the parties`).

use super::Toks;
use crate::text::TokenKind;

/// Words that end the counted phrase (verbs, prepositions, determiners, pronouns).
fn stop(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "as"
            | "into"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "until"
            | "during"
            | "against"
            | "about"
            | "over"
            | "under"
            | "between"
            | "through"
            | "per"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "he"
            | "she"
            | "his"
            | "her"
            | "we"
            | "our"
            | "you"
            | "your"
            | "i"
            | "not"
            | "no"
            | "said"
            | "says"
            | "say"
            | "worth"
            | "each"
            | "more"
            | "less"
            | "according"
            | "also"
            | "already"
            | "now"
            | "still"
            | "just"
            | "only"
            | "ago"
            | "reportedly"
            | "there"
            | "here"
            | "if"
            | "so"
            | "than,"
            | "out"
            | "up"
            | "off"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "a-piece"
            | "apiece"
            | "away"
            | "s"
            | "’s"
            | "'s"
            | "of"
            | "all"
            | "both"
            | "some"
            | "across"
            | "near"
            | "toward"
            | "towards"
            | "via"
            | "because"
            | "too"
            | "very"
            | "again"
            | "back"
            | "yet"
            | "even"
            | "ever"
            | "never"
            | "each,"
            | "every"
            | "or more"
            | "total"
            | "altogether"
            | "respectively"
            | "along"
            | "alongside"
            | "including"
            | "like"
            | "such"
            | "amid"
            | "among"
            | "without"
            | "within"
            | "inside"
            | "outside"
            | "beyond"
            | "despite"
            | "instead"
            | "behind"
            | "above"
            | "below"
            | "across,"
            | "since,"
            | "because,"
            | "then"
            | "once"
    )
}

/// The counted thing after a figure ending at token `end`, if the text names it.
pub(super) fn counted(t: &Toks, end: usize) -> Option<String> {
    let mut k = end;
    if t.low(k) == "of" {
        k += 1;
        if matches!(t.low(k), "them" | "us" | "those" | "these" | "you" | "which" | "whom" | "it") {
            return None;
        }
        if matches!(t.low(k), "the" | "their" | "its" | "his" | "her" | "our") {
            k += 1;
        }
    }
    let mut first = None;
    let mut last = None;
    let mut j = k;
    let mut inner_of = false;
    let mut after_of = false;
    let mut skipped = false;
    let mut count = 0;
    while j < t.len() && count < 7 {
        let kind = t.kind(j);
        let low = t.low(j);
        match kind {
            Some(TokenKind::Word) => {
                if low == "of" && last.is_some() && !inner_of && !stop(t.low(j + 1)) && t.is_word(j + 1) {
                    inner_of = true;
                    after_of = true;
                    j += 1;
                    continue;
                }
                // `increasingly sophisticated and deadly military hardware`: coordinated
                // modifiers after an adverb go with it
                if low == "and" && first.is_none() && skipped && t.is_word(j + 1) && !stop(t.low(j + 1)) {
                    j += 2;
                    continue;
                }
                if stop(low) {
                    break;
                }
                // `increasingly sophisticated military hardware` -> `military hardware`
                if first.is_none() && low.len() > 4 && low.ends_with("ly") {
                    skipped = true;
                    j += 2;
                    continue;
                }
                // a participle ends it (`8,000 killed`, `troops equipped with`)
                // unless it qualifies a noun after it (`armoured vehicles`)
                if low.ends_with("ed") && low.len() > 4 && !t.capitalised(j) {
                    let next = t.low(j + 1);
                    if !t.is_word(j + 1) || stop(next) || next.ends_with("ed") {
                        break;
                    }
                }
                // a name after a common noun starts something else (`lifelines Moscow`)
                if !after_of && last.is_some_and(|l: usize| !t.capitalised(l) && t.is_word(l)) && t.capitalised(j) {
                    break;
                }
                after_of = false;
                first.get_or_insert(j);
                last = Some(j);
            }
            Some(TokenKind::Number) if first.is_none() || t.glued(j) => {
                // `500,000 155mm shells`: a measured noun keeps its figure
                first.get_or_insert(j);
            }
            Some(TokenKind::Punct) if t.text(j) == "-" && t.glued(j) && t.glued(j + 1) && first.is_some() => {}
            _ => break,
        }
        j += 1;
        count += 1;
    }
    let (first, last) = (first?, last?);
    if t.low(last) == "of" || last < first {
        return None;
    }
    Some(t.a.text[t.start(first)..t.end(last)].to_string())
}
