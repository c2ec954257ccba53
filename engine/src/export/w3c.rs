//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` holding every annotation.
//!
//! - Each annotation targets its document with a `TextPositionSelector` (`start`/`end`
//!   in Unicode code points, as that selector defines them) and a `TextQuoteSelector`
//!   (`exact`, with up to 32 code points of `prefix`/`suffix`). Its bodies are
//!   `TextualBody`s: `classifying` the layer (`entity`, `number`, `quote`), `tagging` the
//!   label, `identifying` an entity's cluster, and `describing` (JSON) a number's
//!   `value`/`of` or a quote's `cue`/`nominal`/`truncated`.
//! - A quote's speaker is a `linking` annotation whose target is the quote annotation
//!   and whose body is the speaker mention (a `SpecificResource` with the same
//!   selectors) plus an `identifying` body with the speaker's cluster; co-speakers are
//!   `linking` annotations with a `classifying` body `co-speaker`.
//! - The reader's annotations have a `Person` as `creator`, the engine's the `Software`.
//!   An engine annotation the reader removed is an `assessing` annotation, body `rejected`.
//! - The documents themselves (text and metadata) are in the collection's
//!   `nl:documents`, in the `nl:` vocabulary (`urn:newslens:terms#`), each with the `id`
//!   the annotations' `source` names.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value as Json};

use super::{structure, syntax, Format};
use crate::doc::{
    Annotation, Document, Entity, EntityLabel, Layer, Number, NumberLabel, Origin, Quote, QuoteLabel, Rejection, Span,
    Value,
};
use crate::error::Result;
use crate::text::CharMap;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const VOCABULARY: &str = "urn:newslens:terms#";
const CONTEXT_CHARS: usize = 32;

/// A number's fields the selectors and labels do not carry.
#[derive(Serialize, Deserialize)]
struct NumberFields {
    value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<String>,
}

/// A quote's fields the selectors, labels and links do not carry.
#[derive(Serialize, Deserialize)]
struct QuoteFields {
    cue: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    nominal: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    truncated: bool,
}

pub(super) fn write(docs: &[Document]) -> String {
    let mut documents = Vec::with_capacity(docs.len());
    let mut items = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let doc_id = format!("urn:newslens:doc:{}", i + 1);
        let mut d = Map::new();
        d.insert("id".into(), json!(doc_id));
        d.insert("type".into(), json!("Text"));
        d.insert("format".into(), json!("text/plain"));
        if let Some(lang) = &doc.lang {
            d.insert("language".into(), json!(lang));
        }
        for (key, value) in [
            ("nl:title", &doc.title),
            ("nl:byline", &doc.byline),
            ("nl:source", &doc.source),
            ("nl:dateline", &doc.dateline),
            ("nl:siteName", &doc.site_name),
        ] {
            if let Some(value) = value {
                d.insert(key.into(), json!(value));
            }
        }
        d.insert("nl:textLength".into(), json!(doc.text_len));
        d.insert("nl:text".into(), json!(doc.text));
        documents.push(Json::Object(d));

        let chars = CharMap::new(&doc.text);
        let target = |start: usize, end: usize| json!({"source": doc_id, "selector": selectors(&chars, start, end)});
        for (j, a) in doc.annotations.iter().enumerate() {
            let id = format!("{doc_id}:a{}", j + 1);
            let (start, end) = a.range();
            let mut body = vec![textual("classifying", a.layer().as_str()), textual("tagging", a.label())];
            match a {
                Annotation::Entity(e) => body.push(textual("identifying", &e.cluster)),
                Annotation::Number(n) => {
                    body.push(described(&NumberFields { value: n.value.clone(), of: n.of.clone() }));
                }
                Annotation::Quote(q) => {
                    let fields = QuoteFields { cue: q.cue.clone(), nominal: q.nominal, truncated: q.truncated };
                    body.push(described(&fields));
                }
            }
            items.push(json!({
                "id": id, "type": "Annotation", "motivation": "tagging", "creator": creator(a.source()),
                "body": body, "target": target(start, end),
            }));
            let Annotation::Quote(q) = a else { continue };
            if q.speaker.is_some() || q.speaker_cluster.is_some() {
                let mut body = Vec::new();
                if let Some(s) = &q.speaker {
                    body.push(json!({"type": "SpecificResource", "source": doc_id,
                                     "selector": selectors(&chars, s.start, s.end)}));
                }
                if let Some(cluster) = &q.speaker_cluster {
                    body.push(textual("identifying", cluster));
                }
                items.push(json!({
                    "id": format!("{id}:speaker"), "type": "Annotation", "motivation": "linking",
                    "creator": creator(q.source), "body": body, "target": id,
                }));
            }
            for (k, s) in q.co_speakers.iter().enumerate() {
                items.push(json!({
                    "id": format!("{id}:co{}", k + 1), "type": "Annotation", "motivation": "linking",
                    "creator": creator(q.source),
                    "body": [{"type": "SpecificResource", "source": doc_id, "selector": selectors(&chars, s.start, s.end)},
                             textual("classifying", "co-speaker")],
                    "target": id,
                }));
            }
        }
        for (k, r) in doc.rejected.iter().enumerate() {
            items.push(json!({
                "id": format!("{doc_id}:r{}", k + 1), "type": "Annotation", "motivation": "assessing",
                "creator": creator(Origin::User),
                "body": [textual("assessing", "rejected"), textual("classifying", r.layer.as_str()),
                         textual("tagging", &r.label)],
                "target": target(r.start, r.end),
            }));
        }
    }
    // Written by hand around serde_json so the keys keep this order and each document
    // and annotation is one line (serde_json's maps sort their keys).
    let line = |value: &Json| serde_json::to_string(value).unwrap_or_default();
    let mut out = String::new();
    out.push_str("{\"@context\":");
    out.push_str(&line(&json!([CONTEXT, {"nl": VOCABULARY}])));
    out.push_str(",\"id\":\"urn:newslens:export\",\"type\":\"AnnotationCollection\",");
    out.push_str("\"label\":\"NewsLens annotations (TextPositionSelector offsets count Unicode code points)\",");
    out.push_str("\"generator\":{\"type\":\"Software\",\"name\":\"NewsLens\"},\"nl:offsets\":\"unicode code points\",");
    out.push_str(&format!("\"total\":{},\n\"nl:documents\":[", items.len()));
    for (i, d) in documents.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&line(d));
    }
    out.push_str("],\n\"first\":{\"type\":\"AnnotationPage\",\"startIndex\":0,\"items\":[");
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&line(item));
    }
    out.push_str("\n]}}\n");
    out
}

fn textual(purpose: &str, value: &str) -> Json {
    json!({"type": "TextualBody", "purpose": purpose, "value": value})
}

fn described(fields: &impl Serialize) -> Json {
    let value = serde_json::to_string(fields).unwrap_or_default();
    json!({"type": "TextualBody", "purpose": "describing", "format": "application/json", "value": value})
}

fn creator(source: Origin) -> Json {
    match source {
        Origin::User => json!({"type": "Person", "nickname": "reader"}),
        Origin::Engine => json!({"type": "Software", "name": "NewsLens"}),
    }
}

fn selectors(chars: &CharMap<'_>, start: usize, end: usize) -> Json {
    let exact = chars.slice(start, end).unwrap_or_default();
    let prefix = chars.slice(start.saturating_sub(CONTEXT_CHARS), start).unwrap_or_default();
    let after = (end + CONTEXT_CHARS).min(chars.char_len());
    let suffix = chars.slice(end, after.max(end)).unwrap_or_default();
    json!([
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ])
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Document>> {
    let collection: Json = serde_json::from_slice(bytes).map_err(|e| syntax(Format::W3c, e))?;
    let bad = |what: String| structure(Format::W3c, what);
    if collection.get("type").and_then(Json::as_str) != Some("AnnotationCollection") {
        return Err(bad("not an AnnotationCollection".into()));
    }
    let listed = collection.get("nl:documents").and_then(Json::as_array);
    let listed = listed.ok_or_else(|| bad("no `nl:documents`: not a NewsLens export".into()))?;
    let mut ids = Vec::with_capacity(listed.len());
    let mut docs = Vec::with_capacity(listed.len());
    for d in listed {
        let string = |key: &str| d.get(key).and_then(Json::as_str).map(str::to_string);
        let id = string("id").ok_or_else(|| bad("a document without `id`".into()))?;
        let text = string("nl:text").ok_or_else(|| bad(format!("document {id} has no `nl:text`")))?;
        let text_len = d.get("nl:textLength").and_then(Json::as_u64).map_or(text.chars().count(), |n| n as usize);
        ids.push(id);
        docs.push(Document {
            text,
            text_len,
            title: string("nl:title"),
            byline: string("nl:byline"),
            source: string("nl:source"),
            dateline: string("nl:dateline"),
            site_name: string("nl:siteName"),
            lang: string("language"),
            annotations: Vec::new(),
            rejected: Vec::new(),
        });
    }
    let items = collection.pointer("/first/items").and_then(Json::as_array);
    let items = items.ok_or_else(|| bad("no `first.items`".into()))?;
    let texts: Vec<String> = docs.iter_mut().map(|d| std::mem::take(&mut d.text)).collect();
    let maps: Vec<CharMap<'_>> = texts.iter().map(|t| CharMap::new(t)).collect();
    // Where each tagging annotation went: its id -> (document, index).
    let mut placed = std::collections::HashMap::new();
    let mut links = Vec::new();
    for item in items {
        let id = item.get("id").and_then(Json::as_str).unwrap_or_default();
        let what = |e: String| bad(format!("annotation {id}: {e}"));
        match item.get("motivation").and_then(Json::as_str) {
            Some("tagging") => {
                let (d, start, end, text) = target(item, &ids, &maps).map_err(what)?;
                let annotation = annotation(item, start, end, text).map_err(what)?;
                placed.insert(id, (d, docs[d].annotations.len()));
                docs[d].annotations.push(annotation);
            }
            Some("assessing") => {
                let (d, start, end, _) = target(item, &ids, &maps).map_err(what)?;
                let layer = body(item, "classifying").and_then(layer_named).ok_or_else(|| what("no layer".into()))?;
                let label = body(item, "tagging").ok_or_else(|| what("no label".into()))?.to_string();
                docs[d].rejected.push(Rejection { layer, label, start, end });
            }
            Some("linking") => links.push(item),
            _ => {}
        }
    }
    for item in links {
        let id = item.get("id").and_then(Json::as_str).unwrap_or_default();
        let what = |e: &str| bad(format!("annotation {id}: {e}"));
        let quote_id = item.get("target").and_then(Json::as_str).ok_or_else(|| what("links to no annotation"))?;
        let &(d, index) = placed.get(quote_id).ok_or_else(|| what("links to an unknown annotation"))?;
        let span = bodies(item)
            .find(|b| b.get("type").and_then(Json::as_str) == Some("SpecificResource"))
            .map(|b| position(b, &maps[d]).map(|(start, end, text)| Span { start, end, text }))
            .transpose()
            .map_err(|e| what(&e))?;
        let co_speaker = body(item, "classifying") == Some("co-speaker");
        let cluster = body(item, "identifying").map(str::to_string);
        let Some(Annotation::Quote(q)) = docs[d].annotations.get_mut(index) else {
            return Err(what("links to an annotation that is not a quote"));
        };
        if co_speaker {
            q.co_speakers.push(span.ok_or_else(|| what("a co-speaker without a span"))?);
        } else {
            q.speaker = span;
            q.speaker_cluster = cluster;
        }
    }
    drop(maps);
    for (doc, text) in docs.iter_mut().zip(texts) {
        doc.text = text;
    }
    Ok(docs)
}

/// The document an annotation targets, its code-point range there and the text it covers.
fn target(item: &Json, ids: &[String], maps: &[CharMap<'_>]) -> Result<(usize, usize, usize, String), String> {
    let target = item.get("target").ok_or("no target")?;
    let source = target.get("source").and_then(Json::as_str).ok_or("a target without `source`")?;
    let d = ids.iter().position(|id| id == source).ok_or_else(|| format!("unknown document {source}"))?;
    let (start, end, text) = position(target, &maps[d])?;
    Ok((d, start, end, text))
}

/// The range of a target's (or body's) `TextPositionSelector`, and the text there,
/// checked against its `TextQuoteSelector` when it has one.
fn position(resource: &Json, chars: &CharMap<'_>) -> Result<(usize, usize, String), String> {
    let selectors: Vec<&Json> = match resource.get("selector") {
        Some(Json::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let of_type = |t: &str| selectors.iter().find(|s| s.get("type").and_then(Json::as_str) == Some(t));
    let at = of_type("TextPositionSelector").ok_or("no TextPositionSelector")?;
    let offset = |key: &str| at.get(key).and_then(Json::as_u64).map(|n| n as usize);
    let (Some(start), Some(end)) = (offset("start"), offset("end")) else {
        return Err("a TextPositionSelector without start and end".into());
    };
    let text = chars.slice(start, end).ok_or_else(|| format!("{start}..{end} is outside the text"))?;
    if let Some(exact) = of_type("TextQuoteSelector").and_then(|s| s.get("exact")).and_then(Json::as_str) {
        if exact != text {
            return Err(format!("TextQuoteSelector {exact:?} is not the text at {start}..{end}"));
        }
    }
    Ok((start, end, text.to_string()))
}

fn bodies(item: &Json) -> impl Iterator<Item = &Json> {
    let list: &[Json] = match item.get("body") {
        Some(Json::Array(list)) => list,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    };
    list.iter()
}

/// The value of the item's first `TextualBody` with this purpose.
fn body<'a>(item: &'a Json, purpose: &str) -> Option<&'a str> {
    bodies(item).find(|b| b.get("purpose").and_then(Json::as_str) == Some(purpose))?.get("value")?.as_str()
}

fn layer_named(name: &str) -> Option<Layer> {
    Layer::ALL.into_iter().find(|l| l.as_str() == name)
}

/// A tagging annotation as the guide's annotation.
fn annotation(item: &Json, start: usize, end: usize, text: String) -> Result<Annotation, String> {
    let source = match item.pointer("/creator/type").and_then(Json::as_str) {
        Some("Person") => Origin::User,
        _ => Origin::Engine,
    };
    let label = body(item, "tagging").ok_or("no tagging body")?;
    let described = || -> Result<&str, String> { body(item, "describing").ok_or_else(|| "no describing body".into()) };
    let layer = body(item, "classifying").and_then(layer_named).ok_or("no layer (classifying body)")?;
    let unknown = || format!("{label:?} is not a {} label", layer.as_str());
    Ok(match layer {
        Layer::Entity => {
            let label = *EntityLabel::ALL.iter().find(|l| l.as_str() == label).ok_or_else(unknown)?;
            let cluster = body(item, "identifying").unwrap_or(&text).to_string();
            Annotation::Entity(Entity { label, start, end, text, cluster, source })
        }
        Layer::Number => {
            let label = *NumberLabel::ALL.iter().find(|l| l.as_str() == label).ok_or_else(unknown)?;
            let fields: NumberFields = serde_json::from_slice(described()?.as_bytes()).map_err(|e| e.to_string())?;
            Annotation::Number(Number { label, start, end, text, value: fields.value, of: fields.of, source })
        }
        Layer::Quote => {
            let label = *QuoteLabel::ALL.iter().find(|l| l.as_str() == label).ok_or_else(unknown)?;
            let fields: QuoteFields = serde_json::from_slice(described()?.as_bytes()).map_err(|e| e.to_string())?;
            Annotation::Quote(Quote {
                label,
                start,
                end,
                text,
                cue: fields.cue,
                speaker: None,
                speaker_cluster: None,
                nominal: fields.nominal,
                co_speakers: Vec::new(),
                truncated: fields.truncated,
                source,
            })
        }
    })
}
