//! The pipeline: a [`Page`] in, a guide [`Document`] out.
//!
//! text -> tokens and sentences -> figures, quotes, entities (independent)
//! -> resolve (clusters, speakers) -> Document (byte offsets become code points).

use crate::calendar::Date;
use crate::doc::{Annotation, Document, Entity, Number, Quote, Span};
use crate::entities::Tagger;
use crate::error::Result;
use crate::page::Page;
use crate::text::{normalize_newlines, Analysis, CharMap};
use crate::{figures, quotes, resolve};

/// The engine with its models loaded. Build it once, annotate many texts.
#[derive(Debug, Clone)]
pub struct Engine {
    tagger: Tagger,
}

impl Engine {
    /// Loads the embedded models.
    ///
    /// # Errors
    /// A model file of another format version, or a corrupt one.
    pub fn new() -> Result<Engine> {
        Ok(Engine { tagger: Tagger::load()? })
    }

    /// Annotates a page. `source` is the file name, when there is one.
    pub fn annotate(&self, page: &Page, source: Option<&str>) -> Document {
        let text = normalize_newlines(&page.text);
        let analysis = Analysis::new(&text);
        let dateline = page.dateline.or_else(|| figures::detect_dateline(&analysis));
        self.annotate_analysis(&analysis, page, source, dateline)
    }

    fn annotate_analysis(
        &self,
        analysis: &Analysis,
        page: &Page,
        source: Option<&str>,
        dateline: Option<Date>,
    ) -> Document {
        let text = analysis.text;
        let figures = figures::find(analysis, &figures::Context { dateline });
        let quotes = quotes::find(analysis);
        let entities = self.tagger.find(analysis);
        let resolution = resolve::resolve(analysis, &entities, &quotes);

        let chars = CharMap::new(text);
        let span = |r: &std::ops::Range<usize>| Span {
            start: chars.char_offset(r.start),
            end: chars.char_offset(r.end),
            text: text[r.clone()].to_string(),
        };
        let mut annotations = Vec::with_capacity(figures.len() + quotes.len() + entities.len());
        for (e, cluster) in entities.iter().zip(resolution.clusters) {
            let s = span(&e.span);
            annotations.push(Annotation::Entity(Entity {
                label: e.label,
                start: s.start,
                end: s.end,
                text: s.text,
                cluster,
            }));
        }
        for f in figures {
            let s = span(&f.span);
            annotations.push(Annotation::Number(Number {
                label: f.label,
                start: s.start,
                end: s.end,
                text: s.text,
                value: f.value,
                of: f.of,
            }));
        }
        for (q, who) in quotes.iter().zip(resolution.speakers) {
            let s = span(&q.span);
            annotations.push(Annotation::Quote(Quote {
                label: q.label,
                start: s.start,
                end: s.end,
                text: s.text,
                cue: q.cue.clone(),
                speaker: who.span.as_ref().map(span),
                speaker_cluster: who.cluster,
                nominal: who.nominal,
                co_speakers: q.co_speakers.iter().map(span).collect(),
                truncated: q.truncated,
            }));
        }
        annotations.sort_by_key(|a| {
            let (start, end) = a.range();
            (start, a.layer(), end)
        });
        Document {
            text_len: chars.char_len(),
            text: text.to_string(),
            title: page.title.clone(),
            byline: page.byline.clone(),
            source: source.map(str::to_string),
            dateline: dateline.map(|d| d.to_string()),
            site_name: page.site_name.clone(),
            lang: page.lang.clone(),
            annotations,
        }
    }
}
