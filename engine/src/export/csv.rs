//! CSV: one row per annotation, for a spreadsheet.
//!
//! UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), CRLF line ends,
//! every text field in double quotes (RFC 4180). Columns: `document` (its source file
//! name, else its number), `layer`, `label`, `start`, `end` (code points, as the header
//! says), `text`, `cluster`, `value` (JSON), `of`, `cue`, `speaker`, `speaker_start`,
//! `speaker_end`, `speaker_cluster`, `nominal`, `co_speakers` (JSON), `truncated`,
//! `source` (`user` for the reader's).
//!
//! A field that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab
//! or carriage return) gets a leading `'`, as OWASP advises, and so does one that
//! already starts with `'`: to read a field back, drop one leading `'`.

use std::fmt::Write as _;

use crate::doc::{Annotation, Document, Span};

const HEADER: [&str; 18] = [
    "document",
    "layer",
    "label",
    "start (code points)",
    "end (code points)",
    "text",
    "cluster",
    "value",
    "of",
    "cue",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_cluster",
    "nominal",
    "co_speakers",
    "truncated",
    "source",
];

pub(super) fn write(docs: &[Document]) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, HEADER.iter().map(|h| Field::Text(h)));
    for (i, doc) in docs.iter().enumerate() {
        let name = doc.source.clone().unwrap_or_else(|| format!("document {}", i + 1));
        for a in &doc.annotations {
            let (start, end) = a.range();
            let mut fields = vec![
                Field::Text(&name),
                Field::Text(a.layer().as_str()),
                Field::Text(a.label()),
                Field::Number(start),
                Field::Number(end),
                Field::Text(a.text()),
            ];
            let (mut cluster, mut value, mut of, mut cue) = (None, None, None, None);
            let (mut speaker, mut speaker_cluster, mut co_speakers) = (None::<&Span>, None, None);
            let (mut nominal, mut truncated) = (None, None);
            match a {
                Annotation::Entity(e) => cluster = Some(e.cluster.as_str()),
                Annotation::Number(n) => {
                    value = Some(serde_json::to_string(&n.value).unwrap_or_default());
                    of = n.of.as_deref();
                }
                Annotation::Quote(q) => {
                    cue = q.cue.as_deref();
                    speaker = q.speaker.as_ref();
                    speaker_cluster = q.speaker_cluster.as_deref();
                    nominal = Some(q.nominal);
                    truncated = Some(q.truncated);
                    if !q.co_speakers.is_empty() {
                        co_speakers = Some(serde_json::to_string(&q.co_speakers).unwrap_or_default());
                    }
                }
            }
            fn text(s: Option<&str>) -> Field<'_> {
                s.map_or(Field::Empty, Field::Text)
            }
            let flag = |b: Option<bool>| b.map_or(Field::Empty, |b| Field::Text(if b { "true" } else { "false" }));
            fields.extend([
                text(cluster),
                text(value.as_deref()),
                text(of),
                text(cue),
                text(speaker.map(|s| s.text.as_str())),
                speaker.map_or(Field::Empty, |s| Field::Number(s.start)),
                speaker.map_or(Field::Empty, |s| Field::Number(s.end)),
                text(speaker_cluster),
                flag(nominal),
                text(co_speakers.as_deref()),
                flag(truncated),
                text(a.source().is_user().then_some("user")),
            ]);
            row(&mut out, fields.into_iter());
        }
    }
    out
}

enum Field<'a> {
    Empty,
    Number(usize),
    Text(&'a str),
}

fn row<'a>(out: &mut String, fields: impl Iterator<Item = Field<'a>>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        match field {
            Field::Empty => {}
            Field::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Field::Text(s) => {
                out.push('"');
                if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
                    out.push('\'');
                }
                out.push_str(&s.replace('"', "\"\""));
                out.push('"');
            }
        }
    }
    out.push_str("\r\n");
}
