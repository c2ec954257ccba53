//! Quotation marks: pairs them into spans, tells apostrophes apart, joins a
//! quote reopened at each paragraph, and contains an unbalanced mark.
//!
//! One pass over the characters with a small stack of open marks. Only the
//! outermost pair becomes a span (a nested `‘World-Island’` does not). A mark
//! left open is cut at the end of its paragraph (or at [`MAX_OPEN`] bytes) and
//! flagged `truncated`, so it never swallows the rest of the document.

use std::ops::Range;

/// An open quote is never carried past this many bytes: at the next paragraph
/// break after it, it is cut instead of continued.
pub const MAX_OPEN: usize = 6000;

/// A pair of marks (or a contained unbalanced opening), in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// From the opening mark to the closing mark, both included.
    pub span: Range<usize>,
    /// The closing mark was never found; the span ends at a paragraph end or limit.
    pub truncated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight `"` whose direction only the open quotes can tell.
    Toggle,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    start: usize,
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '"' | '\'' | ':')
        }
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || !c.is_alphanumeric(),
    }
}

/// What the character `c` between `prev` and `next` is, as a quotation mark.
fn classify(prev: Option<char>, c: char, next: Option<char>) -> Option<Mark> {
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    match c {
        '“' | '„' => Some(Mark::Open(Family::Double)),
        '”' => Some(Mark::Close(Family::Double)),
        '«' => Some(Mark::Open(Family::Guillemet)),
        '»' => Some(Mark::Close(Family::Guillemet)),
        '"' => {
            let opens = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
            let closes = prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next);
            match (opens, closes) {
                (true, false) => Some(Mark::Open(Family::Double)),
                (false, true) => Some(Mark::Close(Family::Double)),
                _ => Some(Mark::Toggle),
            }
        }
        '‘' | '’' | '\'' => {
            // Apostrophes: `don’t`, `Ukraine’s`, `’90s`, `‘90s`.
            if alnum(prev) && alnum(next) {
                return None;
            }
            if digit(next) {
                return None;
            }
            if c != '’' && is_opening_context(prev) && alnum(next) {
                return Some(Mark::Open(Family::Single));
            }
            if c != '‘' && prev.is_some_and(|p| !p.is_whitespace()) && !alnum(next) {
                return Some(Mark::Close(Family::Single));
            }
            None
        }
        _ => None,
    }
}

/// Every outermost quotation in `text`, sorted, none overlapping.
pub fn find(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // End of the last non-space character, to cut an unclosed quote cleanly.
    let mut last_visible = 0;
    // An opening mark at this byte reopens the running quote; skip it.
    let mut reopen_at: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c == '\n' {
            if let Some(outer) = stack.first().copied() {
                // Continue only if the next paragraph reopens the same quote, or
                // the line break cuts a sentence in two (a page artefact).
                let rest = &text[i..];
                let ahead = rest.char_indices().find(|(_, ch)| !ch.is_whitespace());
                let reopens = ahead.and_then(|(k, ch)| {
                    let after = rest[k + ch.len_utf8()..].chars().next();
                    match classify(Some(' '), ch, after) {
                        Some(Mark::Open(f)) if f == outer.family => Some(i + k),
                        Some(Mark::Toggle) if outer.family == Family::Double => Some(i + k),
                        _ => None,
                    }
                });
                let ended = text[..last_visible].chars().next_back().is_some_and(|p| {
                    matches!(p, '.' | '!' | '?' | ':' | ';' | '…' | '—' | '-' | ',' | '"' | '”' | '’')
                });
                let lower_next = ahead.is_some_and(|(_, ch)| ch.is_lowercase());
                let within = i - outer.start <= MAX_OPEN;
                if outer.family != Family::Single && within && reopens.is_some() {
                    reopen_at = reopens;
                    stack.truncate(1);
                } else if outer.family != Family::Single && within && !ended && lower_next {
                    stack.truncate(1);
                } else {
                    if outer.family != Family::Single && last_visible > outer.start + 1 {
                        out.push(Marked { span: outer.start..last_visible, truncated: true });
                    }
                    stack.clear();
                }
            }
            prev = Some(c);
            continue;
        }
        if !c.is_whitespace() {
            last_visible = i + c.len_utf8();
        }
        if reopen_at == Some(i) {
            reopen_at = None;
            prev = Some(c);
            continue;
        }
        // `''` (two straight singles, as some archives write a double mark).
        let doubled = c == '\'' && next == Some('\'');
        let width = if doubled { 2 } else { c.len_utf8() };
        let mark = if doubled {
            iter.next();
            let after = iter.peek().map(|&(_, n)| n);
            classify(prev, '"', after)
        } else {
            classify(prev, c, next)
        };
        let Some(mark) = mark else {
            prev = Some(c);
            continue;
        };
        let mark = match mark {
            Mark::Toggle => {
                if stack.iter().any(|o| o.family == Family::Double) {
                    Mark::Close(Family::Double)
                } else {
                    Mark::Open(Family::Double)
                }
            }
            m => m,
        };
        match mark {
            Mark::Open(family) => {
                // A second double opening while one is open: the first one lost its
                // closing mark. Cut it before this one.
                if family == Family::Double
                    && stack.first().is_some_and(|o| o.family == Family::Double)
                    && !stack[1..].iter().any(|o| o.family == Family::Single)
                {
                    if let Some(outer) = stack.first().copied() {
                        let end = text[..i].trim_end().len();
                        if end > outer.start + 1 {
                            out.push(Marked { span: outer.start..end, truncated: true });
                        }
                    }
                    stack.clear();
                }
                stack.push(Open { family, start: i });
            }
            Mark::Close(family) => {
                if let Some(k) = stack.iter().rposition(|o| o.family == family) {
                    let open = stack[k];
                    stack.truncate(k);
                    if k == 0 {
                        out.push(Marked { span: open.start..i + width, truncated: false });
                    }
                }
                // A closing mark with nothing open is a stray (or a plural possessive).
            }
            Mark::Toggle => {}
        }
        prev = Some(c);
    }
    if let Some(outer) = stack.first().copied() {
        if outer.family != Family::Single && last_visible > outer.start + 1 {
            out.push(Marked { span: outer.start..last_visible, truncated: true });
        }
    }
    // Drop empty pairs (`""`) and keep the output sorted and disjoint.
    out.retain(|m| text[m.span.clone()].chars().any(char::is_alphanumeric));
    out.sort_by_key(|m| m.span.start);
    let mut clean: Vec<Marked> = Vec::with_capacity(out.len());
    for m in out {
        if clean.last().is_some_and(|l| l.span.end > m.span.start) {
            continue;
        }
        clean.push(m);
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|m| &text[m.span]).collect()
    }

    #[test]
    fn pairs_curly_and_straight() {
        assert_eq!(spans("He said “yes” and \"no\"."), ["“yes”", "\"no\""]);
    }

    #[test]
    fn apostrophes_do_not_pair() {
        assert_eq!(spans("Ukraine’s army, don’t, the ’90s and ‘80s."), Vec::<&str>::new());
    }

    #[test]
    fn doubled_singles_are_a_double_mark() {
        assert_eq!(spans("''This isn't reform,'' said Holt."), ["''This isn't reform,''"]);
    }

    #[test]
    fn nested_singles_stay_inside() {
        assert_eq!(
            spans("“get back to ‘boots on the ground’ now,” he said"),
            ["“get back to ‘boots on the ground’ now,”"]
        );
    }
}
