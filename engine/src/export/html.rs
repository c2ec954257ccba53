//! A standalone HTML page of the documents with their highlights, for reading anywhere:
//! no script, no external file, a Content-Security-Policy that forbids both, and every
//! piece of text escaped, so a hostile article stays inert text.
//!
//! The cues do not rely on colour: names are underlined, figures boxed with a dotted
//! line, quotes set in italics on a tint, speakers in bold, and each highlight ends with
//! its label in small capitals (drawn by the style sheet, so copying the text copies
//! only the text). The reader's own annotations are underlined twice.

use std::fmt::Write as _;

use crate::doc::{Annotation, Document, Layer};
use crate::figures::describe_value;
use crate::text::CharMap;

const STYLE: &str = "\
body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;background:#fff}
header,nav,.meta,.legend{font-family:system-ui,sans-serif;font-size:14px}
article{border-top:1px solid #999;margin-top:2em}
.text{white-space:pre-wrap;overflow-wrap:break-word}
.e{text-decoration:underline 2px;text-underline-offset:3px}
.e.PER{text-decoration-color:#1f5fa8}.e.ORG{text-decoration-color:#7a3fa0}.e.LOC{text-decoration-color:#1b7a3a}.e.MISC{text-decoration-color:#8a6d00}
.n{outline:1px dotted #a33;outline-offset:1px}
.q{font-style:italic;background:#f1efe6}
.spk{font-weight:bold}
.user{text-decoration-style:double}
.tag::after{content:attr(data-l);font:600 10px/1 system-ui,sans-serif;letter-spacing:.04em;\
vertical-align:super;margin:0 .15em 0 .1em;color:#333;font-style:normal}
.legend span{margin-right:1em}
";

pub(super) fn write(docs: &[Document]) -> String {
    let mut out = String::with_capacity(docs.iter().map(|d| d.text.len() * 2).sum::<usize>() + 4096);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"NewsLens\">\n",
    );
    let heading = match docs {
        [one] => one.title.clone().or_else(|| one.source.clone()).unwrap_or_else(|| "Untitled document".into()),
        _ => format!("{} documents", docs.len()),
    };
    let _ = write!(out, "<title>NewsLens: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n", escape(&heading));
    out.push_str(
        "<header>\n<h1>NewsLens annotations</h1>\n<p class=\"legend\">\
         <span class=\"e PER\">Name</span> <span class=\"n\">figure</span> \
         <span class=\"q\">“quote”</span> <span class=\"spk\">speaker</span> \
         <span class=\"e PER user\">your annotation</span>; the label follows each highlight.</p>\n",
    );
    if docs.len() > 1 {
        out.push_str("<nav><ol>\n");
        for (i, doc) in docs.iter().enumerate() {
            let _ = writeln!(out, "<li><a href=\"#doc-{}\">{}</a></li>", i + 1, escape(&doc_title(doc, i)));
        }
        out.push_str("</ol></nav>\n");
    }
    out.push_str("</header>\n");
    for (i, doc) in docs.iter().enumerate() {
        let _ = write!(out, "<article id=\"doc-{}\">\n<h2>{}</h2>\n", i + 1, escape(&doc_title(doc, i)));
        let meta: Vec<String> = [doc.byline.as_deref(), doc.source.as_deref(), doc.dateline.as_deref()]
            .into_iter()
            .flatten()
            .map(escape)
            .collect();
        let counts = Layer::ALL.map(|l| doc.annotations.iter().filter(|a| a.layer() == l).count());
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}{}{} names, {} figures, {} quotes</p>",
            meta.join(" · "),
            if meta.is_empty() { "" } else { " · " },
            counts[0],
            counts[1],
            counts[2]
        );
        out.push_str("<div class=\"text\">");
        write_text(&mut out, doc);
        out.push_str("</div>\n</article>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn doc_title(doc: &Document, i: usize) -> String {
    doc.title.clone().or_else(|| doc.source.clone()).unwrap_or_else(|| format!("Document {}", i + 1))
}

/// The text cut at every annotation boundary; each piece a `<span>` with the classes of
/// the annotations over it, each annotation followed by its label.
fn write_text(out: &mut String, doc: &Document) {
    let text = doc.text.as_str();
    let chars = CharMap::new(text);
    let len = chars.char_len();
    let in_text = |(s, e): (usize, usize)| s < e && e <= len;
    let annotations: Vec<&Annotation> = doc.annotations.iter().filter(|a| in_text(a.range())).collect();
    let mut speakers: Vec<(usize, usize)> = doc
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Quote(q) => q.speaker.as_ref().map(|s| (s.start, s.end)),
            _ => None,
        })
        .filter(|&r| in_text(r))
        .collect();
    speakers.sort_unstable();
    // Merged into disjoint ranges, so one pointer walks them.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(speakers.len());
    for (s, e) in speakers {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let speakers = merged;
    let mut cuts: Vec<usize> = annotations.iter().flat_map(|a| [a.range().0, a.range().1]).collect();
    cuts.extend(speakers.iter().flat_map(|&(s, e)| [s, e]));
    cuts.extend([0, len]);
    cuts.sort_unstable();
    cuts.dedup();

    // Per layer, the annotations in order and the first that has not ended yet: one
    // layer never overlaps itself, so at most one of each covers a point.
    let layers = Layer::ALL.map(|l| annotations.iter().copied().filter(|a| a.layer() == l).collect::<Vec<_>>());
    let mut next = [0usize; 3];
    let mut next_speaker = 0;
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mut over = Vec::with_capacity(3);
        for (layer, at) in layers.iter().zip(next.iter_mut()) {
            while layer.get(*at).is_some_and(|a| a.range().1 <= from) {
                *at += 1;
            }
            if let Some(a) = layer.get(*at).filter(|a| a.range().0 <= from) {
                over.push(*a);
            }
        }
        while speakers.get(next_speaker).is_some_and(|r| r.1 <= from) {
            next_speaker += 1;
        }
        let speaking = speakers.get(next_speaker).is_some_and(|r| r.0 <= from);
        let piece = chars.slice(from, to).unwrap_or_default();
        if over.is_empty() && !speaking {
            out.push_str(&escape(piece));
        } else {
            let mut classes = Vec::new();
            let mut titles = Vec::new();
            for a in &over {
                classes.push(match a.layer() {
                    Layer::Entity => "e",
                    Layer::Number => "n",
                    Layer::Quote => "q",
                });
                classes.push(a.label());
                if a.source().is_user() {
                    classes.push("user");
                }
                titles.push(describe_annotation(a));
            }
            if speaking {
                classes.push("spk");
                titles.push("speaker".to_string());
            }
            let _ = write!(
                out,
                "<span class=\"{}\" title=\"{}\">{}</span>",
                classes.join(" "),
                escape(&titles.join("\n")),
                escape(piece)
            );
        }
        for a in over.iter().filter(|a| a.range().1 == to) {
            let _ = write!(out, "<span class=\"tag\" data-l=\"{}\"></span>", escape(&tag(a)));
        }
    }
}

/// The label shown after a highlight: `PER`, `DIRECT · Volodymyr Zelenskyy`.
fn tag(a: &Annotation) -> String {
    match a {
        Annotation::Quote(q) => match q.speaker_cluster.as_deref().or(q.speaker.as_ref().map(|s| s.text.as_str())) {
            Some(who) => format!("{} · {who}", q.label),
            None => q.label.to_string(),
        },
        _ => a.label().to_string(),
    }
}

/// The hover text: the label and what the annotation knows.
fn describe_annotation(a: &Annotation) -> String {
    let by = if a.source().is_user() { " (yours)" } else { "" };
    match a {
        Annotation::Entity(e) => format!("{}{by}: {}", e.label, e.cluster),
        Annotation::Number(n) => {
            let of = n.of.as_deref().map(|of| format!(" of {of}")).unwrap_or_default();
            format!("{}{by}: {}{of}", n.label, describe_value(&n.value))
        }
        Annotation::Quote(q) => {
            let who = q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("no speaker found");
            let cluster = q.speaker_cluster.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
            let cue = q.cue.as_deref().map(|c| format!(", {c}")).unwrap_or_default();
            format!("{}{by}: {who}{cluster}{cue}", q.label)
        }
    }
}

/// Text safe in HTML content and in double- or single-quoted attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` to `out`, safe in HTML content and in double- or single-quoted attribute
/// values. The page draws its highlights with it too, so both escape alike.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
