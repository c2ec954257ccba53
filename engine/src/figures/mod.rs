//! Figures: counts, money, percentages, quantities, ordinals, dates, times and durations.
//!
//! Entry point: [`find`]. Dateline detection: [`detect_dateline`].
//!
//! One left-to-right pass over the tokens; at each token the recognisers are
//! tried in turn and the first that matches consumes its tokens, so the pass
//! is linear and spans never overlap. The module tree is the pipeline:
//!
//! - [`guard`]: what is never a figure (URLs, phone numbers, identifiers, names);
//! - [`dates`]: dates, times and the dateline (uses [`calendar`](crate::calendar));
//! - [`amounts`]: a number with its qualifiers, unit or currency and range,
//!   built from [`qualifiers`], [`numbers`] (digits and [`words`]), [`unit_words`] and [`units`];
//! - [`durations`]: lengths of time with no plain count (`half an hour`, `all day`);
//! - [`ranges`]: whether two numbers are one range (bounds joined, changes, scores);
//! - [`of`]: the thing counted;
//! - [`describe`]: a value in words for the page.

mod amounts;
mod dates;
mod describe;
mod durations;
mod guard;
mod numbers;
mod of;
mod qualifiers;
mod ranges;
mod relative;
mod unit_words;
mod units;
pub mod words;

pub use describe::{describe, describe_value};
pub use numbers::{scan_numbers, RawNumber};
pub use relative::{relative_ordinals, RelativeOrdinal};

use std::ops::Range;

use crate::calendar::Date;
use crate::doc::{NumberLabel, Value};
use crate::text::{Analysis, TokenKind};

/// What the figures recogniser needs besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The date relative dates (`last Thursday`) resolve against.
    pub dateline: Option<Date>,
}

/// A figure found in the text; `span` is in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub span: Range<usize>,
    pub label: NumberLabel,
    pub value: Value,
    /// The thing counted, when the text names it.
    pub of: Option<String>,
    /// Where the number itself starts, after qualifiers (`some 8,000` -> at `8`):
    /// for comparing with recognisers whose spans leave qualifiers out.
    pub core_start: usize,
}

/// Every figure in the text, sorted by start, none overlapping.
pub fn find(analysis: &Analysis, context: &Context) -> Vec<Figure> {
    let toks = Toks::new(analysis);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let amount_start = may_start(&toks, i);
        let date_start = toks.near_anchor(i)
            && (amount_start
                || !toks.is_word(i)
                || toks.anchor(i)
                || dates::may_start(toks.low(i))
                || dates::anchors_dates(toks.low(i)));
        if toks.blocked[i] || !(amount_start || date_start) {
            i += 1;
            continue;
        }
        // `nrs. 22,24,26,31`: a list of numbers in one token, a figure each
        if let Some(groups) = numbers::comma_list(toks.text(i)).filter(|_| toks.is_num(i)) {
            let at = toks.start(i);
            out.extend(groups.into_iter().map(|(s, e, v)| Figure {
                span: at + s..at + e,
                label: NumberLabel::CARDINAL,
                value: Value::exact(v),
                of: None,
                core_start: at + s,
            }));
            i += 1;
            continue;
        }
        let date = if date_start { dates::at(&toks, i, context) } else { None };
        let hit = date.or_else(|| if amount_start { amounts::at(&toks, i, context) } else { None });
        match hit {
            Some(hit) if hit.end > i && finite(&hit.value) => {
                let of = if matches!(hit.label, NumberLabel::CARDINAL | NumberLabel::MONEY | NumberLabel::QUANTITY) {
                    of::counted(&toks, hit.end)
                } else {
                    None
                };
                let mut hit = hit;
                // A time takes its day from a full date just before it in the same sentence
                // (`Oct. 30, 2024 at 10:00`), else from the dateline.
                if hit.label == NumberLabel::TIME {
                    if let Some(prev) = out.last().filter(|p: &&Figure| p.label == NumberLabel::DATE) {
                        let same_sentence = analysis.sentence_of(hit.start)
                            == analysis.sentence_of(toks.a.token_at_or_after(prev.span.start));
                        if let (
                            true,
                            crate::doc::Amount::Exact(Some(crate::doc::Scalar::Text(d))),
                            crate::doc::Amount::Exact(Some(crate::doc::Scalar::Text(tm))),
                        ) = (same_sentence, &prev.value.amount, &hit.value.amount)
                        {
                            if d.len() == 10 && !d.starts_with('-') {
                                let clock = tm.rsplit('T').next().unwrap_or(tm).to_string();
                                hit.value.amount =
                                    crate::doc::Amount::Exact(Some(crate::doc::Scalar::Text(format!("{d}T{clock}"))));
                            }
                        }
                    }
                }
                let (label, end) = (hit.label, hit.end);
                out.push(Figure {
                    span: toks.start(hit.start)..toks.end(hit.end - 1),
                    label: hit.label,
                    value: hit.value,
                    of,
                    core_start: toks.start(hit.core),
                });
                i = hit.end;
                // `moved the ten am meeting to 4.`
                if label == NumberLabel::TIME {
                    if let Some(moved) = dates::moved_to(&toks, end) {
                        out.push(Figure {
                            span: toks.start(moved.start)..toks.end(moved.end - 1),
                            label: moved.label,
                            value: moved.value,
                            of: None,
                            core_start: toks.start(moved.core),
                        });
                        i = moved.end;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// A cheap test that token `i` can begin an amount, so most words (`said`,
/// `Ukraine`) cost one table lookup: numbers, signs and symbols, number words,
/// qualifiers, currency words, and the words the old date forms start with
/// (dates have their own test, [`dates::may_start`], near a date word).
fn may_start(t: &Toks, i: usize) -> bool {
    if !t.is_word(i) {
        return true;
    }
    let w = t.low(i);
    matches!(
        w,
        "a" | "an"
            | "the"
            | "half"
            | "quarter"
            | "minus"
            | "negative"
            | "several"
            | "another"
            | "all"
            | "full"
            | "few"
            | "many"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "dozens"
            | "tens"
            | "no"
            | "as"
            | "in"
            | "upwards"
            | "more"
            | "greater"
            | "higher"
            | "at"
            | "fewer"
            | "less"
            | "up"
            | "close"
            | "just"
            | "well"
            | "some"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "estimated"
            | "circa"
            | "approx"
            | "over"
            | "under"
            | "between"
            | "from"
            | "last"
            | "next"
            | "this"
            | "past"
            | "coming"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "recent"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "years"
            | "decades"
            | "centuries"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "dollar"
            | "mex"
            | "percent"
            | "percents"
            | "per"
            | "rs"
            | "sen"
    ) || t.numeric(i)
        || (w.len() <= 4 && (units::currency_code(w).is_some() || units::dollar_prefix(w).is_some()))
}

/// Whether every number in a value is finite (a 400-digit run is no figure).
fn finite(v: &Value) -> bool {
    use crate::doc::{Amount, Scalar};
    let ok = |s: &Option<Scalar>| !matches!(s, Some(Scalar::Number(x)) if !x.is_finite());
    let amount = match &v.amount {
        Amount::Exact(x) => ok(x),
        Amount::Range { min, max } => ok(min) && ok(max),
    };
    amount && v.total.is_none_or(f64::is_finite)
}

/// The date a piece was published, when the text states it near its top
/// (`2024-11-02 21:58`, `27 October 2024`).
pub fn detect_dateline(analysis: &Analysis) -> Option<Date> {
    dates::dateline(&Toks::new_head(analysis, 400))
}

/// One recogniser's match: tokens `start..end`, the number itself from `core`.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub core: usize,
    pub end: usize,
    pub label: NumberLabel,
    pub value: Value,
}

/// Tokens with their lower-case forms and the never-a-figure mask.
pub(crate) struct Toks<'a> {
    pub a: &'a Analysis<'a>,
    n: usize,
    low: Vec<std::borrow::Cow<'a, str>>,
    /// Tokens inside URLs, e-mail addresses, phone numbers and identifiers.
    pub blocked: Vec<bool>,
    /// Per token: bit 0 set when it anchors a date (a number or a date word),
    /// bit 1 when an anchor is at most four tokens on (where a date may start).
    anchors: Vec<u8>,
    /// Whether a token is numeric ([`Toks::numeric`]), worked out when first asked.
    numeric_memo: Vec<std::cell::Cell<u8>>,
}

const UNKNOWN: u8 = 2;

impl<'a> Toks<'a> {
    fn new(a: &'a Analysis<'a>) -> Toks<'a> {
        Toks::new_head(a, usize::MAX)
    }

    /// Only the first `limit` tokens (the dateline is near the top).
    fn new_head(a: &'a Analysis<'a>, limit: usize) -> Toks<'a> {
        let n = a.tokens.len().min(limit);
        let low: Vec<std::borrow::Cow<'a, str>> = a.tokens[..n]
            .iter()
            .map(|t| {
                let s = &a.text[t.start..t.end];
                if t.kind != TokenKind::Word || s.len() > 24 {
                    std::borrow::Cow::Borrowed("")
                } else if s.chars().any(char::is_uppercase) {
                    std::borrow::Cow::Owned(s.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(s)
                }
            })
            .collect();
        // A date or time is looked for only near an anchor (a number or a date word).
        let anchor = |i: usize| {
            let s = &a.text[a.tokens[i].start..a.tokens[i].end];
            match a.tokens[i].kind {
                TokenKind::Number => true,
                TokenKind::Word => {
                    let w = low[i].as_ref();
                    // verbs first (`may`, `march`, `fall`): anchors only capitalised
                    let verb = matches!(w, "may" | "march" | "fall" | "sat" | "sun" | "wed" | "mon");
                    dates::anchors_dates(w) && (!verb || s.starts_with(char::is_uppercase))
                }
                _ => matches!(s, "'" | "’" | ":"),
            }
        };
        // per token: bit 0 an anchor, bit 1 an anchor at most four tokens on
        let mut anchors = vec![0u8; n];
        let mut next_anchor = usize::MAX;
        for i in (0..n).rev() {
            let here = anchor(i);
            if here {
                next_anchor = i;
            }
            anchors[i] = u8::from(here) | u8::from(next_anchor - i <= 4) << 1;
        }
        let numeric_memo = (0..n).map(|_| std::cell::Cell::new(UNKNOWN)).collect();
        let mut toks = Toks { a, n, low, blocked: vec![false; n], anchors, numeric_memo };
        guard::mark(&mut toks);
        toks
    }

    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether token `i` is digits or a number word (cardinal or ordinal):
    /// where a number may start.
    pub fn numeric(&self, i: usize) -> bool {
        let Some(memo) = self.numeric_memo.get(i) else { return false };
        if memo.get() == UNKNOWN {
            let w = self.low(i);
            let yes = self.is_num(i)
                || (1..=14).contains(&w.len()) && (words::cardinal(w).is_some() || words::ordinal(w).is_some());
            memo.set(u8::from(yes));
        }
        memo.get() == 1
    }

    /// Whether an anchor is among tokens `i..=i + 4`: where a date may start.
    pub fn near_anchor(&self, i: usize) -> bool {
        self.anchors.get(i).is_some_and(|a| a & 2 != 0)
    }

    /// Whether token `i` is a number or a date word.
    pub fn anchor(&self, i: usize) -> bool {
        self.anchors.get(i).is_some_and(|a| a & 1 != 0)
    }

    /// The token's text ("" past the end).
    pub fn text(&self, i: usize) -> &'a str {
        if i < self.n {
            let t = &self.a.tokens[i];
            &self.a.text[t.start..t.end]
        } else {
            ""
        }
    }

    /// The lower-case form of a word token ("" for other tokens and past the end).
    pub fn low(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |c| c.as_ref())
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.a.tokens.get(i).filter(|_| i < self.n).map(|t| t.kind)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Token `i` follows token `i - 1` with no space between.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.n && !self.a.tokens[i].space_before
    }

    /// Token `i` starts a new line.
    pub fn line_start(&self, i: usize) -> bool {
        i == 0 || (i < self.n && self.a.tokens[i].newlines_before > 0)
    }

    pub fn start(&self, i: usize) -> usize {
        self.a.tokens.get(i).map_or(self.a.text.len(), |t| t.start)
    }

    pub fn end(&self, i: usize) -> usize {
        self.a.tokens.get(i).map_or(self.a.text.len(), |t| t.end)
    }

    /// Whether word `i` starts with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is the first of its sentence (or follows a line break).
    pub fn sentence_start(&self, i: usize) -> bool {
        if self.line_start(i) {
            return true;
        }
        let prev = self.text(i - 1);
        matches!(prev, "." | "!" | "?" | "“" | "\"" | ":" | "‘" | "(" | "—")
    }

    /// Whether the words at `i..` are `phrase` (space-separated, lower-case);
    /// returns the index after them.
    pub fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        // Most calls fail on the first word: rule that out before splitting the phrase.
        let head = if phrase.starts_with('-') { self.text(i) } else { self.low(i) };
        if head.is_empty()
            || !phrase.starts_with(head)
            || !matches!(phrase.as_bytes().get(head.len()), None | Some(b' '))
        {
            return None;
        }
        let mut j = i;
        for w in phrase.split(' ') {
            if w == "-" {
                if self.text(j) != "-" {
                    return None;
                }
            } else if self.low(j) != w {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}
