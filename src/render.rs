//! A chunk of text as HTML with nested `<mark>`s: the reading view's markup, built as a string
//! so a long document costs one `innerHTML` per chunk instead of thousands of DOM calls.
//!
//! Marks nest: a quote's mark holds the marks of the names and figures inside it. When two
//! spans cross (rare: a figure that starts inside a name and ends after it), the inner one is
//! closed and reopened as a continuation (`data-cont`), so every character stays marked.

use std::collections::BTreeSet;

use newslens::board::RegionKind;
use newslens::{Annotation, Layer};

use crate::pieces::excerpt;

/// What the legend has switched off: layer names (`entity`) and labels (`PER`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden {
    pub layers: BTreeSet<String>,
    pub labels: BTreeSet<String>,
}

impl Hidden {
    /// True when the annotation should be highlighted.
    pub fn shows(&self, a: &Annotation) -> bool {
        !self.layers.contains(a.layer().as_str()) && !self.labels.contains(a.label())
    }
}

/// Outer marks first when spans start together: regions hold quotes, quotes hold names,
/// names hold figures.
fn rank(layer: Layer) -> u8 {
    match layer {
        Layer::Quote => 1,
        Layer::Entity => 2,
        Layer::Number => 3,
    }
}

/// A stretch the engine calls not the article (document offsets), as the reader shows it:
/// dimmed, or `kept` when the reader took the call back, with buttons to change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionMark {
    pub start: usize,
    pub end: usize,
    pub kind: RegionKind,
    pub kept: bool,
}

/// What the reader calls a kind of region.
pub fn region_label(kind: RegionKind) -> &'static str {
    match kind {
        RegionKind::Boilerplate => "page furniture",
        RegionKind::Caption => "photo caption",
        RegionKind::Duplicate => "printed twice",
        RegionKind::SecondArticle => "another article",
    }
}

/// The accessible name of a highlight, e.g. `PER: Volodymyr Zelenskyy`.
pub fn accessible_name(a: &Annotation) -> String {
    match a {
        Annotation::Quote(q) => {
            let who = q.speaker_cluster.as_deref().or(q.speaker.as_ref().map(|s| s.text.as_str()));
            let mut s = format!("{} quote: {}", a.label(), excerpt(&q.text, 60));
            if let Some(who) = who {
                s.push_str(", said by ");
                s.push_str(who);
            }
            s
        }
        _ => format!("{}: {}", a.label(), a.text()),
    }
    .to_string()
        + if a.source().is_user() { " (your correction)" } else { "" }
}

/// Escapes text for HTML content and attribute values: the engine's, as its HTML export uses.
pub use newslens::export::escape_into;

struct Item {
    /// Index into the annotations, or into the regions for a region.
    index: usize,
    start: usize,
    end: usize,
    rank: u8,
}

const REGION_RANK: u8 = 0;

/// The HTML of one chunk: `text` starts at code point `start` of the document and its
/// annotations (`anns`, document offsets, `first` = index of `anns[0]`) lie inside it.
/// `regions` (document offsets) wrap what they cover in a dimmed `span.region`.
pub fn chunk_html(
    text: &str,
    start: usize,
    first: usize,
    anns: &[Annotation],
    regions: &[RegionMark],
    hidden: &Hidden,
) -> String {
    let len = text.chars().count();
    let mut items: Vec<Item> = anns
        .iter()
        .enumerate()
        .filter(|(_, a)| hidden.shows(a))
        .filter_map(|(i, a)| {
            let (s, e) = a.range();
            let s = s.checked_sub(start)?.min(len);
            let e = e.checked_sub(start)?.min(len);
            (s < e).then(|| Item { index: i, start: s, end: e, rank: rank(a.layer()) })
        })
        .collect();
    items.extend(regions.iter().enumerate().filter_map(|(k, r)| {
        let s = r.start.saturating_sub(start).min(len);
        let e = r.end.checked_sub(start)?.min(len);
        (s < e).then_some(Item { index: k, start: s, end: e, rank: REGION_RANK })
    }));
    items.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rank.cmp(&b.rank)));

    // Byte offset of every boundary, found in one walk over the text.
    let mut points: Vec<usize> = items.iter().flat_map(|i| [i.start, i.end]).collect();
    points.sort_unstable();
    points.dedup();
    let mut bytes = Vec::with_capacity(points.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let mut at = 0usize;
    let mut current = chars.next().unwrap_or(0);
    for &p in &points {
        while at < p {
            current = chars.next().unwrap_or(text.len());
            at += 1;
        }
        bytes.push(current);
    }

    let mut out = String::with_capacity(text.len() + items.len() * 120);
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0usize;
    let mut last = 0usize;
    for (&p, &b) in points.iter().zip(&bytes) {
        escape_into(&mut out, &text[last..b]);
        last = b;
        if let Some(low) = stack.iter().position(|&i| items[i].end == p) {
            let popped = stack.split_off(low);
            for &i in popped.iter().rev() {
                close(&mut out, &items[i]);
            }
            for i in popped.into_iter().filter(|&i| items[i].end != p) {
                open_item(&mut out, &items[i], anns, regions, (first, start), true);
                stack.push(i);
            }
        }
        while next < items.len() && items[next].start == p {
            open_item(&mut out, &items[next], anns, regions, (first, start), false);
            stack.push(next);
            next += 1;
        }
    }
    escape_into(&mut out, &text[last..]);
    for &i in stack.iter().rev() {
        close(&mut out, &items[i]);
    }
    out
}

fn close(out: &mut String, item: &Item) {
    out.push_str(if item.rank == REGION_RANK { "</span>" } else { "</mark>" });
}

/// Opens an annotation's mark or a region's span; `(first, chunk_start)` place the chunk.
fn open_item(
    out: &mut String,
    item: &Item,
    anns: &[Annotation],
    regions: &[RegionMark],
    (first, chunk_start): (usize, usize),
    continuation: bool,
) {
    if item.rank != REGION_RANK {
        open(out, &anns[item.index], first + item.index, continuation);
        return;
    }
    let r = &regions[item.index];
    let kind = r.kind.as_str();
    out.push_str("<span class=\"region\" data-kind=\"");
    out.push_str(kind);
    out.push_str(if r.kept { "\" data-kept=\"1\">" } else { "\">" });
    // Its buttons where it begins (not where a chunk or a crossing mark reopens it). Their
    // words are drawn by the stylesheet from `data-label`, so the text itself is unchanged.
    if continuation || r.start < chunk_start {
        return;
    }
    let region = format!("{} {} {}", r.start, r.end, kind);
    let label = region_label(r.kind);
    if r.kept {
        button(out, &region, "drop", &format!("{label}: kept as article; leave it out again"), "kept · leave out");
    } else {
        button(out, &region, "keep", &format!("{label}: left out; keep it as article"), label);
    }
    if r.kind == RegionKind::SecondArticle && !r.kept {
        button(out, &region, "split", "Open this article as a document of its own", "open as its own document");
    }
}

/// A button inside the text, its words in `data-label` for the stylesheet to draw.
fn button(out: &mut String, region: &str, action: &str, name: &str, shown: &str) {
    out.push_str("<span class=\"region-tag\" role=\"button\" tabindex=\"0\" data-region=\"");
    out.push_str(region);
    out.push_str("\" data-act=\"");
    out.push_str(action);
    out.push_str("\" aria-label=\"");
    escape_into(out, name);
    out.push_str("\" data-label=\"");
    escape_into(out, shown);
    out.push_str("\"></span>");
}

fn open(out: &mut String, a: &Annotation, index: usize, continuation: bool) {
    out.push_str("<mark data-layer=\"");
    out.push_str(a.layer().as_str());
    out.push_str("\" data-label=\"");
    out.push_str(a.label());
    out.push_str("\" data-i=\"");
    out.push_str(&index.to_string());
    if a.source().is_user() {
        out.push_str("\" data-user=\"1");
    }
    if continuation {
        out.push_str("\" data-cont=\"1\" aria-hidden=\"true\">");
        return;
    }
    out.push_str("\" tabindex=\"0\" aria-label=\"");
    escape_into(out, &accessible_name(a));
    out.push_str("\">");
}

#[cfg(test)]
mod tests {
    use super::*;
    use newslens::doc::{Entity, EntityLabel, Number, NumberLabel, Quote, QuoteLabel, Span, Value};

    fn entity(start: usize, end: usize, text: &str) -> Annotation {
        Annotation::Entity(Entity {
            label: EntityLabel::PER,
            start,
            end,
            text: text.into(),
            cluster: text.into(),
            source: Default::default(),
        })
    }
    fn number(start: usize, end: usize, text: &str) -> Annotation {
        Annotation::Number(Number {
            label: NumberLabel::CARDINAL,
            start,
            end,
            text: text.into(),
            value: Value::exact(3.0),
            of: None,
            source: Default::default(),
        })
    }
    fn quote(start: usize, end: usize, text: &str) -> Annotation {
        Annotation::Quote(Quote {
            label: QuoteLabel::DIRECT,
            start,
            end,
            text: text.into(),
            cue: Some("said".into()),
            speaker: Some(Span { start: 0, end: 3, text: "Ann".into() }),
            speaker_cluster: Some("Ann Lee".into()),
            nominal: false,
            co_speakers: vec![],
            truncated: false,
            source: Default::default(),
        })
    }

    /// The text of the HTML with tags removed and entities decoded.
    fn strip(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn names_and_figures_nest_inside_the_quote_that_holds_them() {
        //          0123456789012345678901234
        let text = "“Ann saw 3 cats,” he said";
        let anns = vec![quote(0, 17, "“Ann saw 3 cats,”"), entity(1, 4, "Ann"), number(9, 10, "3")];
        let html = chunk_html(text, 0, 0, &anns, &[], &Hidden::default());
        assert_eq!(strip(&html), text);
        let q = html.find("data-layer=\"quote\"").unwrap();
        let e = html.find("data-layer=\"entity\"").unwrap();
        let n = html.find("data-layer=\"number\"").unwrap();
        assert!(q < e && e < n);
        assert!(html.contains("aria-label=\"PER: Ann\">Ann</mark>"), "{html}");
        assert!(html.contains(">3</mark>"));
        assert!(html.ends_with("</mark> he said"), "the quote closes after its text: {html}");
        assert_eq!(html.matches("<mark").count(), 3);
    }

    #[test]
    fn hidden_layers_and_labels_leave_plain_text() {
        let text = "“Ann saw 3 cats,” he said";
        let anns = vec![quote(0, 17, "“Ann saw 3 cats,”"), entity(1, 4, "Ann"), number(9, 10, "3")];
        let mut hidden = Hidden::default();
        hidden.layers.insert("quote".into());
        hidden.labels.insert("CARDINAL".into());
        let html = chunk_html(text, 0, 0, &anns, &[], &hidden);
        assert_eq!(html.matches("<mark").count(), 1);
        assert_eq!(strip(&html), text);
    }

    #[test]
    fn offsets_count_code_points_and_chunks_keep_document_indices() {
        let text = "🙂 Zoë <b>&</b> Ann";
        // The chunk starts at code point 100 of its document; its first annotation is #7.
        let anns = vec![entity(102, 105, "Zoë"), entity(116, 119, "Ann")];
        let html = chunk_html(text, 100, 7, &anns, &[], &Hidden::default());
        assert!(html.starts_with("🙂 <mark"), "{html}");
        assert!(html.contains("data-i=\"7\""));
        assert!(html.contains("data-i=\"8\""));
        assert!(html.contains(">Zoë</mark>"));
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "markup in the text is shown, never parsed");
        assert_eq!(strip(&html), text);
    }

    #[test]
    fn crossing_spans_keep_every_character_marked() {
        let text = "abcdefgh";
        let anns = vec![entity(1, 5, "bcde"), number(3, 7, "defg")];
        let html = chunk_html(text, 0, 0, &anns, &[], &Hidden::default());
        assert_eq!(strip(&html), text);
        assert_eq!(html.matches("<mark").count(), 3);
        assert_eq!(html.matches("data-cont").count(), 1);
        assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    }

    #[test]
    fn hostile_text_in_attributes_is_escaped() {
        let text = "\"><script>x</script>";
        let anns = vec![entity(0, text.chars().count(), text)];
        let html = chunk_html(text, 0, 0, &anns, &[], &Hidden::default());
        assert!(!html.contains("<script"), "{html}");
        assert_eq!(strip(&html).len(), text.len());
    }

    #[test]
    fn regions_wrap_what_they_cover_and_carry_their_buttons_without_changing_the_text() {
        //          0         1         2
        //          0123456789012345678901234567
        let text = "Skip to Content\n“Ann left,” he said\n";
        let anns = vec![quote(16, 27, "“Ann left,”"), entity(17, 20, "Ann")];
        let regions = [
            RegionMark { start: 0, end: 15, kind: RegionKind::Boilerplate, kept: false },
            RegionMark { start: 16, end: 35, kind: RegionKind::SecondArticle, kept: false },
        ];
        let html = chunk_html(text, 0, 0, &anns, &regions, &Hidden::default());
        assert_eq!(strip(&html), text);
        assert_eq!(html.matches("<span class=\"region\"").count(), 2);
        assert_eq!(html.matches("data-act=\"keep\"").count(), 2);
        assert_eq!(html.matches("data-act=\"split\"").count(), 1);
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        // The quote nests inside the second article's region.
        let region = html.find("data-kind=\"second_article\"").unwrap();
        assert!(region < html.find("data-layer=\"quote\"").unwrap(), "{html}");
        // A chunk that starts inside a region reopens it without its buttons.
        let html = chunk_html(&text[16..], 16, 0, &anns, &regions[1..], &Hidden::default());
        let kept = [RegionMark { kept: true, ..regions[1] }];
        assert!(html.contains("data-act=\"keep\""));
        let html = chunk_html("d\n", 34, 0, &[], &kept, &Hidden::default());
        assert!(html.contains("data-kind=\"second_article\" data-kept=\"1\"") && !html.contains("data-act"), "{html}");
    }

    #[test]
    fn spans_outside_the_chunk_are_ignored() {
        let anns = vec![entity(0, 3, "Ann"), entity(50, 60, "far")];
        let html = chunk_html("Ann", 0, 0, &anns, &[], &Hidden::default());
        assert_eq!(html.matches("<mark").count(), 1);
    }
}
