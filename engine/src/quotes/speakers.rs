//! Speakers: the reporting verb (cue) of each quotation and the mention that says it.
//!
//! Patterns, tried in this order for each quote:
//! 1. a cue right before the quote (`X said: “…”`, `X replied “…”`, `Asked if “…”`);
//! 2. an attribution right after it (`“…,” X said`, `“…,” said X, the …`);
//! 3. `according to X` in the same sentence;
//! 4. the nearest cue earlier in the sentence (`X said … “…”`, `X, in a statement, warned that “…”`);
//! 5. a quote that opens its sentence right after another quote continues that
//!    speaker (`cue` null unless the attribution sits between the two halves);
//! 6. a quote standing as its own sentence takes the speaker of the sentence before,
//!    when that one attributes without quoting (`Reyes called him a genius. “…”`);
//! 7. a headline `Name: “…”`.
//!
//! Mentions are found from the tokens alone: a capitalised name with titles
//! stripped (`House Intelligence Committee Chair Mike Turner` -> `Mike Turner`),
//! a pronoun (`he`), or an unnamed speaker (`a South Korean official` ->
//! `South Korean official`, nominal). [`crate::resolve`] snaps names to the
//! tagger's entity spans when it has them and resolves pronouns.

use std::ops::Range;

use super::cues::{is_cue, is_weak};
use super::words::{BETWEEN, DETERMINERS, DOCUMENTS, NOMINAL_HEADS, PREPOSITIONS, STOPWORDS, SUBORDINATORS, TITLES};
use super::{Speaker, SpeakerKind};
use crate::text::{Analysis, TokenKind};

/// A speaker mention with the tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: SpeakerKind,
}

/// What the patterns found for one quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub cue: Option<String>,
    pub speaker: Option<Speaker>,
    pub co_speakers: Vec<Range<usize>>,
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "He" | "She" | "They")
}

pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word) || crate::calendar::names_a_day_or_month(word)
}

/// A word token that starts with a capital letter (or an initialism like `U.S.`).
pub(crate) fn is_capitalised(a: &Analysis, i: usize) -> bool {
    let t = &a.tokens[i];
    t.kind == TokenKind::Word && a.token_text(i).chars().next().is_some_and(char::is_uppercase)
}

fn word<'t>(a: &Analysis<'t>, i: usize) -> &'t str {
    a.token_text(i)
}

fn lower_is(a: &Analysis, i: usize, set: &[&str]) -> bool {
    let w = word(a, i);
    w.len() < 24 && set.contains(&w.to_lowercase().as_str())
}

/// Token `i` joins the name run going leftwards from `i + 1`.
fn joins_name(a: &Analysis, i: usize, next: usize) -> bool {
    let w = word(a, i);
    let glued = !a.tokens[next].space_before;
    if a.tokens[next].newlines_before > 0 {
        return false;
    }
    if is_capitalised(a, i) {
        return true;
    }
    // `Mr. Clarke`: the stop of a title abbreviation.
    if w == "." && i > 0 && !a.tokens[i].space_before && is_title(word(a, i - 1)) {
        return true;
    }
    // `Jong-un`, `bin`, `de`, `al-`.
    if glued && (w == "-" || a.tokens[i].kind == TokenKind::Word) {
        return true;
    }
    matches!(w, "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "del" | "la" | "le" | "du")
        && next < a.tokens.len()
        && is_capitalised(a, next)
}

/// Cuts a run of capitalised tokens `first..=last` down to the name: words
/// after the last title, leading stopwords dropped.
pub(crate) fn strip_run(a: &Analysis, mut first: usize, last: usize) -> Option<(usize, usize)> {
    for i in (first..=last).rev() {
        if is_title(word(a, i)) {
            first = i + 1;
            break;
        }
    }
    while first <= last && (is_stopword(word(a, first)) || !is_capitalised(a, first)) {
        first += 1;
    }
    (first <= last).then_some((first, last))
}

/// The capitalised run that ends at token `last` (inclusive): its first token.
pub(crate) fn run_start(a: &Analysis, last: usize) -> usize {
    let mut first = last;
    loop {
        while first > 0 && last - first < 8 && joins_name(a, first - 1, first) {
            first -= 1;
        }
        // `Marcia “Cia” Price`: a nickname in marks inside the name.
        let nickname = first >= 4
            && last - first < 6
            && is_mark(word(a, first - 1))
            && is_capitalised(a, first - 2)
            && is_mark(word(a, first - 3))
            && is_capitalised(a, first - 4)
            && a.tokens[first].newlines_before == 0
            && a.tokens[first - 3].newlines_before == 0;
        if !nickname {
            break;
        }
        first -= 4;
    }
    // A glued hyphen or particle cannot start the run.
    while first < last && !is_capitalised(a, first) {
        first += 1;
    }
    first
}

/// The capitalised run that starts at token `first`: its last token.
pub(crate) fn run_end(a: &Analysis, first: usize, limit: usize) -> usize {
    let mut last = first;
    while last + 1 < limit.min(a.tokens.len()) && last - first < 8 {
        let n = last + 1;
        if a.tokens[n].newlines_before > 0 {
            break;
        }
        let w = word(a, n);
        if w.starts_with(['’', '\'']) {
            break;
        }
        let glued = !a.tokens[n].space_before;
        if w == "." && glued && is_title(word(a, last)) && n + 1 < a.tokens.len() && is_capitalised(a, n + 1) {
            last = n;
            continue;
        }
        let particle = matches!(w, "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "del" | "la" | "le" | "du")
            && n + 1 < a.tokens.len()
            && is_capitalised(a, n + 1);
        let ok = is_capitalised(a, n) || (glued && (w == "-" || a.tokens[n].kind == TokenKind::Word)) || particle;
        if !ok {
            break;
        }
        last = n;
    }
    while last > first && word(a, last) == "-" {
        last -= 1;
    }
    last
}

/// The speaker mention that ends at token `e` (inclusive), reading leftwards.
/// `floor` is the first token it may use.
pub(crate) fn mention_ending_at(a: &Analysis, e: usize, floor: usize) -> Option<Mention> {
    if e < floor || e >= a.tokens.len() {
        return None;
    }
    let w = word(a, e);
    // `it said`, `it added`: a body or a writing speaks (resolved to an organisation).
    if is_pronoun(w) || matches!(w, "it" | "It") {
        return Some(Mention { first: e, last: e, kind: SpeakerKind::Pronoun });
    }
    if w == ")" {
        // `Mike Turner (R-Ohio) said`.
        let open = (e.saturating_sub(8).max(floor)..e).rev().find(|&i| word(a, i) == "(")?;
        return mention_ending_at(a, open.checked_sub(1)?, floor);
    }
    if is_capitalised(a, e) && !is_stopword(w) && !is_cue(w) {
        let first = run_start(a, e).max(floor);
        if let Some((f, l)) = strip_run(a, first, e) {
            return Some(Mention { first: f, last: l, kind: SpeakerKind::Named });
        }
        // Only a title (`the President said`): an unnamed speaker.
        return Some(Mention { first, last: e, kind: SpeakerKind::Nominal });
    }
    if lower_is(a, e, DOCUMENTS) && a.tokens[e].kind == TokenKind::Word {
        // `A *Washington Post* article reported`: the named outlet speaks.
        let mut k = e;
        while k > floor && matches!(word(a, k - 1), "*" | "_") {
            k -= 1;
        }
        if k > floor && is_capitalised(a, k - 1) {
            let last = k - 1;
            let first = run_start(a, last).max(floor);
            let lw = word(a, last);
            let nationality = ["an", "ese", "ish", "ch", "i"].iter().any(|s| lw.ends_with(s));
            if !nationality {
                if let Some((f, l)) = strip_run(a, first, last) {
                    return Some(Mention { first: f, last: l, kind: SpeakerKind::Named });
                }
            }
        }
    }
    if lower_is(a, e, NOMINAL_HEADS) && a.tokens[e].kind == TokenKind::Word {
        let mut first = e;
        while first > floor && e - first < 6 {
            let p = first - 1;
            let pw = word(a, p);
            if a.tokens[p].kind != TokenKind::Word && pw != "-" && pw != "’s" && pw != "'s" {
                break;
            }
            if lower_is(a, p, DETERMINERS) || lower_is(a, p, PREPOSITIONS) || is_cue(pw) || pw == "and" {
                break;
            }
            first = p;
        }
        while first < e && (word(a, first) == "-" || word(a, first).starts_with(['’', '\''])) {
            first += 1;
        }
        return Some(Mention { first, last: e, kind: SpeakerKind::Nominal });
    }
    // `the New York businessman said`: any short noun phrase after a determiner.
    if a.tokens[e].kind == TokenKind::Word
        && w.chars().all(char::is_lowercase)
        && !lower_is(a, e, BETWEEN)
        && !lower_is(a, e, PREPOSITIONS)
        && !lower_is(a, e, DETERMINERS)
        && !is_cue(w)
    {
        let mut i = e;
        while i > floor && e - i < 5 {
            i -= 1;
            let pw = word(a, i);
            if matches!(pw.to_lowercase().as_str(), "a" | "an" | "the" | "another") {
                if i < e {
                    return Some(Mention { first: i + 1, last: e, kind: SpeakerKind::Nominal });
                }
                return None;
            }
            let ok = (a.tokens[i].kind == TokenKind::Word || a.tokens[i].kind == TokenKind::Number || pw == "-")
                && !is_cue(pw)
                && !lower_is(a, i, PREPOSITIONS)
                && !lower_is(a, i, BETWEEN)
                && !matches!(pw, "and" | "or" | "that" | "which" | "who");
            if !ok {
                return None;
            }
        }
    }
    None
}

/// The speaker mention that starts at token `s`, reading rightwards (after a cue:
/// `said Turner`, `said a senior official`, `said White House spokesman John Kirby`).
fn mention_starting_at(a: &Analysis, s: usize, limit: usize) -> Option<Mention> {
    if s >= limit {
        return None;
    }
    let w = word(a, s);
    if is_pronoun(w) {
        return Some(Mention { first: s, last: s, kind: SpeakerKind::Pronoun });
    }
    let mut start = s;
    if lower_is(a, s, &["a", "an", "the", "one", "another"]) {
        start = s + 1;
    }
    if start >= limit {
        return None;
    }
    // Walk over the noun phrase: capitalised runs and lower-case modifiers,
    // up to a comma, a verb-like word or the limit; keep the last name or head.
    let mut best: Option<Mention> = None;
    let mut i = start;
    while i < limit && i - start < 10 {
        if a.tokens[i].newlines_before > 0 && i > start {
            break;
        }
        if is_capitalised(a, i) && !is_cue(word(a, i)) {
            let end = run_end(a, i, limit);
            if let Some((f, l)) = strip_run(a, i, end) {
                best = Some(Mention { first: f, last: l, kind: SpeakerKind::Named });
            } else if best.is_none() {
                best = Some(Mention { first: i, last: end, kind: SpeakerKind::Nominal });
            }
            i = end + 1;
            continue;
        }
        if a.tokens[i].kind == TokenKind::Word && lower_is(a, i, NOMINAL_HEADS) {
            if best.as_ref().is_none_or(|m| m.kind != SpeakerKind::Named) {
                best = Some(Mention { first: start, last: i, kind: SpeakerKind::Nominal });
            }
            i += 1;
            continue;
        }
        if a.tokens[i].kind == TokenKind::Number || (word(a, i) == "/" && !a.tokens[i].space_before) {
            i += 1;
            continue;
        }
        // Lower-case modifiers (`national security`) may sit between.
        if a.tokens[i].kind == TokenKind::Word
            && word(a, i).chars().all(char::is_lowercase)
            && !lower_is(a, i, PREPOSITIONS)
            && !lower_is(a, i, DETERMINERS)
            && !is_cue(word(a, i))
            && !matches!(word(a, i), "and" | "who" | "which" | "that" | "as")
        {
            i += 1;
            continue;
        }
        break;
    }
    let m = best?;
    // A nominal that is only modifiers with a name after is handled above; a
    // nominal span never starts with a determiner.
    Some(m)
}

/// `Kim Yong Hyun and EU foreign policy chief Josep Borrell`: the first-named
/// person leads, the rest are co-speakers.
fn joint_before(a: &Analysis, m: &Mention, floor: usize) -> Option<Mention> {
    if m.kind != SpeakerKind::Named {
        return None;
    }
    let mut i = m.first;
    let mut steps = 0;
    while i > floor && steps < 6 {
        i -= 1;
        steps += 1;
        let w = word(a, i);
        if w == "and" {
            let prev = i.checked_sub(1)?;
            let other = mention_ending_at(a, prev, floor)?;
            return (other.kind == SpeakerKind::Named).then_some(other);
        }
        if a.tokens[i].kind != TokenKind::Word || is_cue(w) || lower_is(a, i, PREPOSITIONS) {
            return None;
        }
    }
    None
}

/// Steps left from `i` over words that may stand between a speaker and its cue.
fn skip_between_left(a: &Analysis, mut i: usize, floor: usize) -> usize {
    while i > floor && lower_is(a, i, BETWEEN) {
        i -= 1;
    }
    i
}

/// Longest apposition, in tokens, between a speaker and its cue (`Leonard Burman,
/// director of … and a professor at …, said`).
const APPOSITION: usize = 32;

/// The first token after `i` that is not a title (`state`, `Del.`, `Sen.`): where a
/// name in an apposition starts.
fn first_word_after(a: &Analysis, i: usize) -> usize {
    let mut j = i + 1;
    while j < a.tokens.len()
        && (is_title(word(a, j)) || word(a, j) == "." || lower_is(a, j, &["state", "the", "former"]))
    {
        j += 1;
    }
    j
}

fn is_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'")
}

/// The speaker of the cue at token `c`: the mention right before it, across an
/// apposition (`Kirby, the spokesman, said`) or a parenthesis.
fn subject_of(a: &Analysis, c: usize, floor: usize) -> Option<(Mention, Vec<Mention>)> {
    let e = skip_between_left(a, c.checked_sub(1)?, floor);
    if e < floor {
        return None;
    }
    let found = if word(a, e) == "," {
        // Apposition (one or two): go back to the comma that opens it.
        // A name wins over a role noun met first (`John Kirby, White House
        // spokesman, commenting on …, declared`).
        let mut close = e;
        let mut nominal = None;
        let mut named = None;
        for _ in 0..3 {
            let Some(open) = (close.saturating_sub(APPOSITION).max(floor)..close).rev().find(|&i| word(a, i) == ",")
            else {
                break;
            };
            let Some(before) = open.checked_sub(1) else { break };
            let before = skip_between_left(a, before, floor);
            match mention_ending_at(a, before, floor) {
                Some(m) if m.kind != SpeakerKind::Nominal => {
                    named = Some(m);
                    break;
                }
                found => {
                    // `the mayor’s sister, state Sen. Ana Ruiz (D-Tucson), told`: the
                    // role before the commas is the name between them.
                    let inner = mention_ending_at(a, close - 1, open + 1).filter(|m| {
                        m.kind == SpeakerKind::Named
                            && (first_word_after(a, open)..m.first).all(|i| is_capitalised(a, i) || is_mark(word(a, i)))
                    });
                    if let Some(m) = inner {
                        named = Some(m);
                        break;
                    }
                    if nominal.is_none() {
                        nominal = found;
                    }
                }
            }
            close = open;
        }
        named.or(nominal)
    } else if matches!(word(a, e), "’s" | "'s" | "’") {
        mention_ending_at(a, e.checked_sub(1)?, floor)
    } else {
        mention_ending_at(a, e, floor)
    }?;
    let mut co = Vec::new();
    let mut lead = found;
    if let Some(first) = joint_before(a, &lead, floor) {
        co.push(lead);
        lead = first;
    }
    Some((lead, co))
}

/// The first mention in `from..to` that is not inside a prepositional phrase:
/// the subject of the sentence, for cues that have none right before them
/// (`Austin weighed in, declaring …`, `He branded … and called …`).
fn sentence_subject(a: &Analysis, from: usize, to: usize, in_quote: &[bool]) -> Option<Mention> {
    let mut i = from;
    while i < to {
        if in_quote[i] {
            i += 1;
            continue;
        }
        let prev_prep = i > from && (lower_is(a, i - 1, PREPOSITIONS) || lower_is(a, i - 1, DETERMINERS));
        let w = word(a, i);
        if is_pronoun(w) {
            return Some(Mention { first: i, last: i, kind: SpeakerKind::Pronoun });
        }
        if is_capitalised(a, i) {
            let end = run_end(a, i, to);
            if !prev_prep {
                if let Some((f, l)) = strip_run(a, i, end) {
                    return Some(Mention { first: f, last: l, kind: SpeakerKind::Named });
                }
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    None
}

/// Nothing but the end of the sentence follows the quote's last token `ql`.
fn quote_ends_sentence(a: &Analysis, ql: usize, in_quote: &[bool]) -> bool {
    let n = a.tokens.len();
    let next = ql + 1;
    next >= n || a.tokens[next].newlines_before > 0 || stop_at(a, next) || (in_quote[next] && next > ql + 1)
}

/// The speaker of the sentence right before token `qf`, in the same paragraph, when
/// that sentence has a cue and no quotation of its own.
fn previous_sentence_speaker(a: &Analysis, qf: usize, in_quote: &[bool]) -> Option<Mention> {
    if qf == 0 || a.tokens[qf].newlines_before > 0 {
        return None;
    }
    let end = qf - 1;
    if !stop_at(a, end) || in_quote[end] {
        return None;
    }
    let start = clause_start(a, end, in_quote);
    if (start..end).any(|i| in_quote[i]) || end - start > 50 {
        return None;
    }
    let c = (start..end).rev().find(|&i| usable_cue(a, i, in_quote) && !is_weak(word(a, i)))?;
    let m = subject_of(a, c, start).map(|(m, _)| m).or_else(|| sentence_subject(a, start, c, in_quote))?;
    (m.kind != SpeakerKind::Nominal).then_some(m)
}

/// `Name: “…”` as a line of its own (a headline): the name before the colon.
fn headline_speaker(a: &Analysis, qf: usize, ql: usize, start: usize) -> Option<Mention> {
    let n = a.tokens.len();
    let line_ends = ql + 1 >= n || a.tokens[ql + 1].newlines_before > 0;
    if qf < 2 || !line_ends || word(a, qf - 1) != ":" || qf - start > 12 {
        return None;
    }
    let m = mention_ending_at(a, qf - 2, start)?;
    (m.kind == SpeakerKind::Named).then_some(m)
}

fn to_speaker(a: &Analysis, m: &Mention) -> Speaker {
    Speaker { span: a.tokens[m.first].start..a.tokens[m.last].end, kind: m.kind }
}

fn is_terminal(w: &str) -> bool {
    matches!(w, "." | "!" | "?")
}

/// Token `i` is a stop that ends a sentence (not the stop of `Mr.` or `Sept.`).
fn stop_at(a: &Analysis, i: usize) -> bool {
    let w = word(a, i);
    if !is_terminal(w) {
        return false;
    }
    if w != "." || i + 1 >= a.tokens.len() {
        return true;
    }
    a.sentence_of(i + 1) != a.sentence_of(i) || matches!(word(a, i + 1), "”" | "\"" | "’" | "'" | "»")
}

/// Token ranges of each quote (first token, last token), and which tokens lie inside one.
fn quote_tokens(a: &Analysis, spans: &[Range<usize>]) -> (Vec<(usize, usize)>, Vec<bool>) {
    let mut in_quote = vec![false; a.tokens.len()];
    let mut ranges = Vec::with_capacity(spans.len());
    for s in spans {
        let first = a.token_at_or_after(s.start);
        let end = a.tokens.partition_point(|t| t.end <= s.end);
        let last = end.saturating_sub(1).max(first);
        for flag in in_quote.iter_mut().take(end).skip(first) {
            *flag = true;
        }
        ranges.push((first, last));
    }
    (ranges, in_quote)
}

/// Where the clause holding token `q` begins: after the last terminal stop
/// outside quotes, or a line break that is not a broken sentence.
fn clause_start(a: &Analysis, q: usize, in_quote: &[bool]) -> usize {
    let mut i = q;
    let mut steps = 0;
    while i > 0 && steps < 80 {
        let t = &a.tokens[i];
        if t.newlines_before > 0 {
            let prev_end = stop_at(a, i - 1) || in_quote[i - 1] || word(a, i - 1) == ":";
            let lower = word(a, i).chars().next().is_some_and(char::is_lowercase);
            // `X said:` then the quote in the next paragraph.
            let introduced = i == q && word(a, i - 1) == ":";
            if !introduced && (prev_end || !lower || i == q) {
                return i;
            }
        }
        if !in_quote[i - 1] && stop_at(a, i - 1) {
            return i;
        }
        if i != q && ends_sentence_in_quote(a, i - 1, in_quote) && is_capitalised(a, i) && !in_quote[i] {
            return i;
        }
        i -= 1;
        steps += 1;
    }
    i
}

/// Token `c` closes a quote whose words end a sentence (`… anything.”`).
fn ends_sentence_in_quote(a: &Analysis, c: usize, in_quote: &[bool]) -> bool {
    in_quote[c] && c > 0 && in_quote[c - 1] && matches!(word(a, c), "”" | "\"" | "’" | "'" | "»") && stop_at(a, c - 1)
}

/// Where the clause after token `q` ends (exclusive).
fn clause_end(a: &Analysis, q: usize, in_quote: &[bool]) -> usize {
    let mut i = q + 1;
    while i < a.tokens.len() && i - q < 60 {
        if a.tokens[i].newlines_before > 0 {
            return i;
        }
        if !in_quote[i] && stop_at(a, i) {
            return i;
        }
        if i > q + 1 && ends_sentence_in_quote(a, i - 1, in_quote) && is_capitalised(a, i) && !in_quote[i] {
            return i;
        }
        i += 1;
    }
    i.min(a.tokens.len())
}

fn cue_text(a: &Analysis, c: usize) -> String {
    word(a, c).to_string()
}

/// A cue at token `c` counts here: strong cues always, weak ones (`warning`,
/// `statement`) only after a possessive name (`Austin’s warning`).
fn usable_cue(a: &Analysis, c: usize, in_quote: &[bool]) -> bool {
    if in_quote[c] || a.tokens[c].kind != TokenKind::Word {
        return false;
    }
    // `the article read`, `the statement reads`: a writing speaks.
    if matches!(word(a, c), "read" | "reads") {
        return c > 0 && lower_is(a, c - 1, DOCUMENTS);
    }
    // `as The New Yorker put it, “…”`.
    if matches!(word(a, c), "put" | "puts") {
        return c + 1 < a.tokens.len() && word(a, c + 1) == "it";
    }
    if !is_cue(word(a, c)) {
        return false;
    }
    // `so-called`
    if c > 0 && word(a, c - 1) == "-" && !a.tokens[c].space_before {
        return false;
    }
    if is_weak(word(a, c)) {
        return c > 0 && matches!(word(a, c - 1), "’s" | "'s" | "’");
    }
    // A capitalised cue mid-sentence is a name (`Said`, `Post`).
    !(is_capitalised(a, c) && c > 0 && !stop_at(a, c - 1) && a.tokens[c].newlines_before == 0 && !in_quote[c - 1])
        || matches!(word(a, c), "Asked" | "Speaking" | "Commenting" | "Writing" | "Responding" | "Asking")
}

/// `Ruiz attacked the plan, saying, “…”`: a participle after a comma has the
/// sentence's subject, not the words before the comma (`later in the day, saying`).
fn participle_subject(a: &Analysis, c: usize, start: usize, in_quote: &[bool]) -> Option<(Mention, Vec<Mention>)> {
    let participle = word(a, c).ends_with("ing") && c > start && word(a, c - 1) == ",";
    if !participle {
        return None;
    }
    sentence_subject(a, start, c, in_quote).map(|m| (m, Vec::new()))
}

/// Finds cue, speaker and co-speakers for every quote (spans in bytes, sorted).
pub(crate) fn attribute(a: &Analysis, spans: &[Range<usize>]) -> Vec<Attribution> {
    let (ranges, in_quote) = quote_tokens(a, spans);
    let n = a.tokens.len();
    let mut out: Vec<Attribution> = Vec::with_capacity(spans.len());
    // Token range of the attribution found after each quote, for split quotes.
    let mut post_span: Vec<Option<(usize, usize)>> = Vec::with_capacity(spans.len());
    for (qi, &(qf, ql)) in ranges.iter().enumerate() {
        if n == 0 || qf >= n {
            out.push(Attribution::default());
            post_span.push(None);
            continue;
        }
        let start = clause_start(a, qf, &in_quote);
        let end = clause_end(a, ql, &in_quote);
        let mut found: Option<(Option<String>, Option<Mention>, Vec<Mention>)> = None;
        let mut post: Option<(usize, usize)> = None;

        // 1. A cue right before the quote.
        {
            let mut i = qf;
            let mut steps = 0;
            while i > start && steps < 5 {
                i -= 1;
                steps += 1;
                if in_quote[i] {
                    break;
                }
                // `Lopez’s statement: “…”`, `She continued, “…”`.
                let weak_with_colon = !in_quote[i]
                    && is_cue(word(a, i))
                    && is_weak(word(a, i))
                    && (word(a, i + 1) == ":" || (word(a, i + 1) == "," && i + 2 == qf))
                    && subject_of(a, i, start).is_some();
                if usable_cue(a, i, &in_quote) || weak_with_colon {
                    let subject = participle_subject(a, i, start, &in_quote)
                        .or_else(|| subject_of(a, i, start))
                        .or_else(|| sentence_subject(a, start, i, &in_quote).map(|m| (m, Vec::new())))
                        // `Said Ellis: “…”`
                        .or_else(|| mention_starting_at(a, i + 1, qf).map(|m| (m, Vec::new())));
                    let (m, co) = match subject {
                        Some((m, co)) => (Some(m), co),
                        None => (None, Vec::new()),
                    };
                    found = Some((Some(cue_text(a, i)), m, co));
                    break;
                }
                let w = word(a, i);
                let allowed = matches!(w, "," | ":" | "that" | "if" | "whether" | "as" | "—" | "-" | "on" | "in")
                    || is_capitalised(a, i)
                    || lower_is(
                        a,
                        i,
                        &[
                            "reporters",
                            "journalists",
                            "me",
                            "us",
                            "him",
                            "her",
                            "them",
                            "cnn",
                            "today",
                            "yesterday",
                            "simply",
                            "again",
                        ],
                    );
                if !allowed {
                    break;
                }
            }
        }

        // 2. An attribution right after the quote (not after `.”` + a new sentence).
        let new_sentence = ql + 1 < n && ql > 0 && word(a, ql - 1) == "." && in_quote[ql] && is_capitalised(a, ql + 1);
        // `“…” ― Pamela Padilla`: a name after a dash, closing the line.
        if found.is_none()
            && ql + 2 < n
            && matches!(word(a, ql + 1), "―" | "—" | "–" | "-")
            && is_capitalised(a, ql + 2)
        {
            let last = run_end(a, ql + 2, n);
            let closes = last + 1 >= n || a.tokens[last + 1].newlines_before > 0 || stop_at(a, last + 1);
            if closes {
                if let Some((f, l)) = strip_run(a, ql + 2, last) {
                    found = Some((None, Some(Mention { first: f, last: l, kind: SpeakerKind::Named }), Vec::new()));
                }
            }
        }
        if found.is_none() && !new_sentence {
            let mut p = ql + 1;
            while p < end && matches!(word(a, p), "," | "—" | "–") {
                p += 1;
            }
            if p < end && a.tokens[p].newlines_before == 0 && !lower_is(a, p, SUBORDINATORS) {
                let mut c = p;
                let reach = 8 + APPOSITION;
                while c < end && c - p < reach && !in_quote[c] {
                    if usable_cue(a, c, &in_quote) && !is_capitalised(a, c) {
                        break;
                    }
                    c += 1;
                }
                if c < end && c - p < reach && !in_quote[c] && usable_cue(a, c, &in_quote) {
                    if c == p {
                        if let Some(m) = mention_starting_at(a, c + 1, end.min(c + 14)) {
                            post = Some((p, m.last));
                            found = Some((Some(cue_text(a, c)), Some(m), Vec::new()));
                        }
                    } else if let Some((m, co)) = subject_of(a, c, p) {
                        post = Some((p, c));
                        found = Some((Some(cue_text(a, c)), Some(m), co));
                    }
                }
            }
        }

        // 3. `according to X` in the clause.
        if found.is_none() {
            let lo = start;
            let hi = end;
            let mut i = lo;
            while i + 2 < hi {
                if !in_quote[i] && word(a, i).eq_ignore_ascii_case("according") && word(a, i + 1) == "to" {
                    if let Some(m) = mention_starting_at(a, i + 2, hi.min(i + 14)) {
                        found = Some((Some("according to".to_string()), Some(m), Vec::new()));
                    }
                    break;
                }
                i += 1;
            }
        }

        // 4. The nearest cue earlier in the clause.
        if found.is_none() {
            let mut i = qf;
            while i > start {
                i -= 1;
                if usable_cue(a, i, &in_quote) {
                    let subject = subject_of(a, i, start)
                        .or_else(|| sentence_subject(a, start, i, &in_quote).map(|m| (m, Vec::new())));
                    if let Some((m, co)) = subject {
                        found = Some((Some(cue_text(a, i)), Some(m), co));
                    }
                    break;
                }
            }
        }

        // 5. A follow-on quote of the previous speaker.
        if found.is_none() && qi > 0 && start == qf {
            let (pf, pl) = ranges[qi - 1];
            let prev = &out[qi - 1];
            let gap_lines: u32 = ((pl + 1)..=qf).map(|i| a.tokens[i].newlines_before).sum();
            let close = qf.saturating_sub(pl) < 40 && gap_lines <= 2 && pf < qf;
            if let (true, Some(sp)) = (close, prev.speaker.clone()) {
                let same_cue = post_span[qi - 1].is_some_and(|(s, e)| s > pl && e < qf && gap_lines == 0);
                let cue = if same_cue { prev.cue.clone() } else { None };
                out.push(Attribution { cue, speaker: Some(sp), co_speakers: prev.co_speakers.clone() });
                post_span.push(None);
                continue;
            }
        }

        // 6. A quote standing as its own sentence after a sentence that attributes
        //    without quoting (`Reyes called him a genius at deals. “He never gave up.”`).
        if found.is_none() && start == qf && quote_ends_sentence(a, ql, &in_quote) {
            if let Some(m) = previous_sentence_speaker(a, qf, &in_quote) {
                found = Some((None, Some(m), Vec::new()));
            }
        }

        // 7. A headline `Name: “…”` (`A lesson from Ana Ruiz: ‘Be the voice.’`).
        if found.is_none() {
            if let Some(m) = headline_speaker(a, qf, ql, start) {
                found = Some((None, Some(m), Vec::new()));
            }
        }

        let attribution = match found {
            Some((cue, m, co)) => Attribution {
                cue,
                speaker: m.as_ref().map(|m| to_speaker(a, m)),
                co_speakers: co.iter().map(|m| to_speaker(a, m).span).collect(),
            },
            None => Attribution::default(),
        };
        out.push(attribution);
        post_span.push(post);
    }
    out
}
