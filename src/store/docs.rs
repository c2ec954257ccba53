//! What the store keeps of each document: the list's summary ([`DocInfo`]), and the text and
//! annotations as they arrived from the worker ([`DocData`]), read chunk by chunk when needed.

use std::sync::Arc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use newslens::Annotation;

use crate::pieces::read_body;
use crate::protocol::{ChunkMeta, EntityGroupView, Head, QuoteGroupView};

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Sent to the worker, not finished.
    Working,
    Done,
}

/// What the list, legend and panels show about one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    /// File name, or `Pasted text N`.
    pub name: String,
    /// Bytes of the file, or characters of the paste.
    pub size: u64,
    pub title: Option<String>,
    pub dateline: Option<String>,
    pub status: Status,
    /// `(layer, label, count)`.
    pub counts: Vec<(String, String, usize)>,
    pub entities: Arc<Vec<EntityGroupView>>,
    pub quotes: Arc<Vec<QuoteGroupView>>,
    /// Milliseconds the engine took.
    pub millis: f64,
    /// It came from an HTML page whose whole text can be shown and used instead.
    pub original: bool,
    /// The text shown is the whole page's, not the article found in it.
    pub whole: bool,
}

impl DocInfo {
    /// A document just sent off for annotation.
    pub fn new(name: String, size: u64) -> DocInfo {
        DocInfo {
            name,
            size,
            title: None,
            dateline: None,
            status: Status::Working,
            counts: Vec::new(),
            entities: Arc::default(),
            quotes: Arc::default(),
            millis: 0.0,
            original: false,
            whole: false,
        }
    }

    /// How many annotations of a layer.
    pub fn layer_count(&self, layer: &str) -> usize {
        self.counts.iter().filter(|(l, _, _)| l == layer).map(|(_, _, n)| n).sum()
    }

    /// How many annotations carry a label.
    pub fn label_count(&self, label: &str) -> usize {
        self.counts.iter().filter(|(_, l, _)| l == label).map(|(_, _, n)| n).sum()
    }

    /// The title the list shows: the page's title, else the file name.
    pub fn display_title(&self) -> String {
        self.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| self.name.clone())
    }
}

/// One row of the document list: its summary, and where its text stands, each a signal of
/// its own so a row and the reader update alone as pieces arrive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocRow {
    pub id: u32,
    pub info: RwSignal<DocInfo>,
    pub content: RwSignal<Content>,
}

/// Where a document's text stands, for the reader: which version is shown (a new one when
/// the full text replaces a preview, or the engine sends the document again), how many of its
/// chunks are here, and how often its clusters changed under it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Content {
    pub version: u64,
    pub chunks: usize,
    pub clusters: u64,
}

/// A message for the reader, naming the file it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
}

/// A document's text and annotations as they arrive from the worker.
#[derive(Debug, Default)]
pub struct DocData {
    pub head: Option<Head>,
    pub chunks: Vec<StoredChunk>,
}

impl DocData {
    /// The annotation with document index `i` (its chunk is read if it was not yet).
    pub fn annotation(&mut self, i: usize) -> Option<&Annotation> {
        let c = self.chunk_of(i)?;
        let chunk = &mut self.chunks[c];
        let first = chunk.meta.first;
        chunk.body().1.get(i - first)
    }

    /// The chunk holding annotation `i`.
    pub fn chunk_of(&self, i: usize) -> Option<usize> {
        let after = self.chunks.partition_point(|c| c.meta.first <= i);
        let c = after.checked_sub(1)?;
        (i < self.chunks[c].meta.first + self.chunks[c].meta.count).then_some(c)
    }

    /// Gives entity `i` the cluster it has once documents are lined up.
    pub fn set_cluster(&mut self, i: usize, cluster: String) {
        if let Some(c) = self.chunk_of(i) {
            self.chunks[c].set_cluster(i, cluster);
        }
    }
}

/// One chunk of a document as the page keeps it: kept as the worker's strings until it is
/// first needed, then read once. The page holds every chunk, so a worker that dies loses
/// nothing that is open.
#[derive(Debug)]
pub struct StoredChunk {
    pub meta: ChunkMeta,
    body: Body,
    /// Cluster changes (document index, cluster) for a chunk not read yet.
    pending: Vec<(usize, String)>,
}

/// A view into the buffer a chunk came in, or bytes of our own.
#[derive(Debug, Clone)]
pub enum Bytes {
    Js(Uint8Array),
    Own(Vec<u8>),
}

impl Bytes {
    /// The bytes as a JS value to send to the worker (none outside a browser, in tests).
    pub fn to_js(&self) -> Option<wasm_bindgen::JsValue> {
        match self {
            Bytes::Js(b) => Some(b.clone().into()),
            #[cfg(target_arch = "wasm32")]
            Bytes::Own(b) => Some(Uint8Array::from(b.as_slice()).into()),
            #[cfg(not(target_arch = "wasm32"))]
            Bytes::Own(_) => None,
        }
    }
}

#[derive(Debug)]
enum Body {
    /// The bytes of the text and then of the annotations' JSON, and where the JSON starts.
    Unread {
        bytes: Bytes,
        text_bytes: usize,
    },
    Read {
        text: String,
        annotations: Vec<Annotation>,
    },
}

impl StoredChunk {
    /// A chunk as it arrived: its place in the buffer of its message (`meta.at` is its start).
    pub fn unread(meta: ChunkMeta, buffer: &Bytes) -> StoredChunk {
        let (at, len) = (meta.at, meta.text_bytes + meta.json_bytes);
        let bytes = match buffer {
            Bytes::Js(b) => Bytes::Js(b.subarray(at as u32, (at + len) as u32)),
            Bytes::Own(b) => Bytes::Own(b.get(at..at + len).unwrap_or_default().to_vec()),
        };
        let text_bytes = meta.text_bytes;
        StoredChunk { meta, body: Body::Unread { bytes, text_bytes }, pending: Vec::new() }
    }

    /// A chunk already read.
    pub fn read(meta: ChunkMeta, text: String, annotations: Vec<Annotation>) -> StoredChunk {
        StoredChunk { meta, body: Body::Read { text, annotations }, pending: Vec::new() }
    }

    /// The chunk's text and annotations, read now if not yet.
    pub fn body(&mut self) -> (&str, &[Annotation]) {
        if let Body::Unread { bytes, text_bytes } = &self.body {
            let (text, annotations) = match bytes {
                Bytes::Js(b) => read_body(&b.to_vec(), *text_bytes, self.meta.start),
                Bytes::Own(b) => read_body(b, *text_bytes, self.meta.start),
            };
            self.body = Body::Read { text, annotations };
            for (i, cluster) in std::mem::take(&mut self.pending) {
                self.set_cluster(i, cluster);
            }
        }
        match &self.body {
            Body::Read { text, annotations } => (text, annotations),
            Body::Unread { .. } => ("", &[]),
        }
    }

    fn set_cluster(&mut self, i: usize, cluster: String) {
        match &mut self.body {
            Body::Read { annotations, .. } => {
                if let Some(Annotation::Entity(e)) = i.checked_sub(self.meta.first).and_then(|k| annotations.get_mut(k))
                {
                    e.cluster = cluster;
                }
            }
            Body::Unread { .. } => self.pending.push((i, cluster)),
        }
    }
}

/// A size for people: `812 B`, `14.2 kB`, `5.0 MB`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newslens::doc::EntityLabel;

    #[test]
    fn annotations_are_found_by_document_index_across_chunks() {
        let chunk = |index, first, n| {
            let meta =
                ChunkMeta { index, start: 0, first, count: n, chars: 0, lines: 0, at: 0, text_bytes: 0, json_bytes: 0 };
            StoredChunk::read(
                meta,
                String::new(),
                (0..n).map(|k| entity(EntityLabel::LOC, k, k + 1, &format!("{first}+{k}"), "")).collect(),
            )
        };
        let mut data = DocData { head: None, chunks: vec![chunk(0, 0, 2), chunk(1, 2, 0), chunk(2, 2, 3)] };
        assert_eq!(data.annotation(1).map(|a| a.text()), Some("0+1"));
        assert_eq!(data.annotation(2).map(|a| a.text()), Some("2+0"));
        assert_eq!(data.annotation(4).map(|a| a.text()), Some("2+2"));
        assert!(data.annotation(5).is_none());
        data.set_cluster(3, "Kyiv".into());
        match data.annotation(3) {
            Some(Annotation::Entity(e)) => assert_eq!(e.cluster, "Kyiv"),
            other => panic!("{other:?}"),
        }
    }

    /// A chunk is read on first use, and cluster changes that came before apply then.
    #[test]
    fn unread_chunks_are_read_when_needed_with_cluster_changes_kept() {
        // The chunk starts at code point 100; Ann's cluster is not her text.
        let text = "Zoë Ann and Bo went.\nAnn left.\n";
        let name = |s, e, text: &str, cluster: &str| entity(EntityLabel::PER, s, e, text, cluster);
        let anns =
            vec![name(100, 103, "Zoë", "Zoë"), name(104, 107, "Ann", "Ann \"Lee\" \\ Ж"), name(112, 114, "Bo", "Bo")];
        let doc = newslens::Document::new(format!("{}{text}", "x".repeat(100)), anns.clone());
        let cut = crate::pieces::Cut { start: 100, end: doc.text_len, bytes: 100..doc.text.len(), anns: 0..3 };
        let mut meta = cut.meta(0, &doc.text);
        let mut buffer = b"before".to_vec();
        crate::pieces::write_body(&mut buffer, &doc, &cut, &mut meta);
        let mut data = DocData { head: None, chunks: vec![StoredChunk::unread(meta, &Bytes::Own(buffer))] };
        data.set_cluster(2, "Bo Chen".into());
        assert_eq!(data.chunks[0].body().0, text);
        let mut want = anns;
        if let Annotation::Entity(e) = &mut want[2] {
            e.cluster = "Bo Chen".into();
        }
        assert_eq!(data.chunks[0].body().1, want.as_slice());
    }

    fn entity(label: EntityLabel, start: usize, end: usize, text: &str, cluster: &str) -> Annotation {
        Annotation::Entity(newslens::doc::Entity {
            label,
            start,
            end,
            text: text.into(),
            cluster: cluster.into(),
            source: Default::default(),
        })
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(14_200), "14.2 kB");
        assert_eq!(human_size(5_000_000), "5.0 MB");
    }
}
