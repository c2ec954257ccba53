//! The pipeline: a [`Page`] in, a guide [`Document`] out.
//!
//! text -> tokens and sentences -> figures, quotes, entities (independent)
//! -> resolve (clusters, speakers) -> Document (byte offsets become code points).

use crate::calendar::Date;
use crate::doc::{Annotation, Document, Entity, Number, Origin, Quote, Span};
use crate::entities::{EntityFound, Tagger};
use crate::error::Result;
use crate::figures::Figure;
use crate::page::Page;
use crate::quotes::QuoteFound;
use crate::text::{normalize_newlines, Analysis, CharMap};
use crate::{figures, quotes, resolve};

/// The engine with its models loaded. Build it once, annotate many texts; it is read-only
/// once loaded, so one engine serves every thread (`&Engine` is `Send`), no copy per thread.
#[derive(Debug, Clone)]
pub struct Engine {
    tagger: Tagger,
}

// The CLI and the Python package share one engine across threads: keep it so.
const _: () = {
    const fn shared_across_threads<T: Send + Sync>() {}
    shared_across_threads::<Engine>();
};

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
        // No clock here: `Instant::now` is unavailable on wasm32-unknown-unknown.
        self.run(page, source, |_| {})
    }

    /// Annotates a made-up text of about 30 kB, so that a runtime that compiles hot code
    /// late (WebAssembly in a browser) has compiled the engine well before the reader's
    /// first document; the result can warm up what follows the engine too. Pointless natively.
    pub fn warm_up(&self) -> Document {
        let page = Page { text: crate::warmup::text(30_000), ..Page::default() };
        self.annotate(&page, None)
    }

    /// [`Engine::annotate`] that also reports how long each stage took (for
    /// benchmarks; it runs the very same code, with a clock read between stages).
    pub fn annotate_timed(&self, page: &Page, source: Option<&str>) -> (Document, StageTimes) {
        let mut times = StageTimes::default();
        let mut last = std::time::Instant::now();
        let doc = self.run(page, source, |stage| {
            let now = std::time::Instant::now();
            *times.get_mut(stage) += now - last;
            last = now;
        });
        (doc, times)
    }

    /// The pipeline; `lap(stage)` is called as each stage ends.
    fn run(&self, page: &Page, source: Option<&str>, mut lap: impl FnMut(Stage)) -> Document {
        let text = normalize_newlines(&page.text);
        let analysis = Analysis::new(&text);
        lap(Stage::Text);
        let dateline = page.dateline.or_else(|| figures::detect_dateline(&analysis));
        let figures = figures::find(&analysis, &figures::Context { dateline });
        lap(Stage::Figures);
        let quotes = quotes::find(&analysis);
        lap(Stage::Quotes);
        let entities = self.tagger.find(&analysis);
        lap(Stage::Entities);
        let found = Found { dateline, figures, quotes, entities };
        document(&analysis, page, source, found, lap)
    }

    /// The names alone (the tagger over the text), for a document annotated by two workers
    /// (see [`crate::split`]).
    pub(crate) fn entities(&self, analysis: &Analysis) -> Vec<EntityFound> {
        self.tagger.find(analysis)
    }
}

/// Resolution (clusters, speakers) over what the recognisers found, then the [`Document`].
pub(crate) fn document(
    analysis: &Analysis,
    page: &Page,
    source: Option<&str>,
    found: Found,
    mut lap: impl FnMut(Stage),
) -> Document {
    let text = analysis.text;
    let Found { dateline, figures, quotes, entities } = found;
    let resolution = resolve::resolve(analysis, &entities, &quotes);
    lap(Stage::Resolve);

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
            source: Origin::Engine,
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
            source: Origin::Engine,
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
            source: Origin::Engine,
        }));
    }
    annotations.sort_by_key(|a| {
        let (start, end) = a.range();
        (start, a.layer(), end)
    });
    let doc = Document {
        text_len: chars.char_len(),
        text: text.to_string(),
        title: page.title.clone(),
        byline: page.byline.clone(),
        source: source.map(str::to_string),
        dateline: dateline.map(|d| d.to_string()),
        site_name: page.site_name.clone(),
        lang: page.lang.clone(),
        annotations,
        rejected: Vec::new(),
    };
    lap(Stage::Document);
    doc
}

/// What the recognisers found in one text, before resolution.
pub(crate) struct Found {
    pub dateline: Option<Date>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<QuoteFound>,
    pub entities: Vec<EntityFound>,
}

/// The pipeline's stages, in order, as [`Engine::annotate_timed`] reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Newline normalisation, tokens and sentences.
    Text,
    /// Dateline detection and figures.
    Figures,
    Quotes,
    Entities,
    /// Entity clusters and quote speakers.
    Resolve,
    /// Byte-to-code-point conversion, sorting and the [`Document`] itself.
    Document,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Text, Stage::Figures, Stage::Quotes, Stage::Entities, Stage::Resolve, Stage::Document];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Text => "text",
            Stage::Figures => "figures",
            Stage::Quotes => "quotes",
            Stage::Entities => "entities",
            Stage::Resolve => "resolve",
            Stage::Document => "document",
        }
    }
}

/// Wall time spent in each [`Stage`] of one or more annotations.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes([std::time::Duration; 6]);

impl StageTimes {
    pub fn get(&self, stage: Stage) -> std::time::Duration {
        self.0[stage as usize]
    }

    pub fn get_mut(&mut self, stage: Stage) -> &mut std::time::Duration {
        &mut self.0[stage as usize]
    }

    pub fn total(&self) -> std::time::Duration {
        self.0.iter().sum()
    }
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, other: StageTimes) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}
