//! The dateline: the date a piece was published, when the text states it near its top.

use super::super::{Context, Toks};
use super::{expr, Kind, Val};
use crate::calendar::Date;

/// The first full date near the top that stands in a line of its own
/// (`27 October 2024`, `2024-11-02 21:58 Last Updated ...`), or opens a short
/// line after a few words (`Published: Oct. 30, 2024`, `NEW YORK
/// 1996-08-30`), or ends before a dash (`KYIV, Oct. 30, 2024 —`).
pub(in crate::figures) fn dateline(t: &Toks) -> Option<Date> {
    let ctx = Context::default();
    let mut line_start = 0;
    let mut i = 0;
    while i < t.len() {
        if t.line_start(i) {
            line_start = i;
        }
        if i - line_start > 6 || !(t.is_num(i) || t.is_word(i)) {
            i += 1;
            continue;
        }
        let Some(e) = expr(t, i, &ctx) else {
            i += 1;
            continue;
        };
        if let (Kind::Day | Kind::Clock, Val::At(w)) = (e.kind, e.val) {
            if let Some(d) = w.as_date() {
                let line_end = (e.end..t.len()).find(|&k| t.line_start(k)).unwrap_or(t.len());
                let short = line_end - e.end <= 12;
                let dash = matches!(t.text(e.end), "—" | "–" | "-" | "(")
                    || (t.text(e.end) == "," && matches!(t.text(e.end + 1), "—" | "–"));
                if short || dash {
                    return Some(d);
                }
            }
        }
        i = e.end.max(i + 1);
    }
    None
}
