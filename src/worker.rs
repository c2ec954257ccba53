//! Inside the web worker: the engine, the documents it has annotated, and the message loop.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use newslens::board::{self, unify_clusters, Region, RegionKind};
use newslens::page::{self, Format};
use newslens::{Annotation, Document, Engine, Page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::pieces::{batches, counts, entity_views, pieces, prefix, quote_views, write_body, Cut};
use crate::protocol::{
    BoardUpdate, Groups, Reply, Request, BATCH_CHARS, CHUNK_CHARS, MAX_DOC_BYTES, PREVIEW_ABOVE, PREVIEW_BYTES,
};

struct State {
    engine: Result<Engine, String>,
    /// Every open document, for lining clusters up across them.
    docs: Vec<(u32, Document)>,
    /// Documents that came from HTML: the page (article and whole text) and its file name,
    /// for showing the whole page and switching between it and the article.
    pages: HashMap<u32, (Page, String)>,
    /// What the engine found is not the article in each document, and which of those calls
    /// the reader took back.
    regions: HashMap<u32, Vec<Region>>,
    kept: HashMap<u32, Vec<Region>>,
    /// A line-up (clusters, then the board) is scheduled; `unify` when documents changed.
    lineup_pending: bool,
    unify: bool,
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    post_with(reply, None);
}

/// Posts a reply as `{header, bodies}`: the reply's JSON and the bytes beside it (chunks'),
/// both as UTF-8 buffers handed over to the page rather than copied or made into strings.
fn post_with(reply: &Reply, bodies: Option<&[u8]>) {
    let Ok(json) = serde_json::to_vec(reply) else { return };
    let msg = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    for (key, bytes) in [("header", Some(json.as_slice())), ("bodies", bodies)] {
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes);
            let _ = js_sys::Reflect::set(&msg, &key.into(), &array);
            transfer.push(&array.buffer());
        }
    }
    let _ = scope().post_message_with_transfer(&msg, &transfer);
}

fn now() -> f64 {
    scope().performance().map_or_else(js_sys::Date::now, |p| p.now())
}

/// Starts the message loop and tells the page the engine is ready.
pub fn run() {
    let engine = Engine::new().map_err(|e| e.to_string());
    let ready_error = engine.as_ref().err().cloned();
    let state = Rc::new(RefCell::new(State {
        engine,
        docs: Vec::new(),
        pages: HashMap::new(),
        regions: HashMap::new(),
        kept: HashMap::new(),
        lineup_pending: false,
        unify: false,
    }));
    let warm_state = state.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        handle(&state, ev.data());
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&Reply::Ready { error: ready_error });
    // Right after Ready, before any document: a first document arriving meanwhile waits
    // for this (tens of milliseconds) and then runs on well-compiled code.
    let warm = Closure::once_into_js(move || {
        if let Ok(engine) = &warm_state.borrow().engine {
            warm_up_messages(&engine.warm_up());
        }
    });
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 0);
}

/// Like the engine's warm-up, for cutting a document into messages: the loops over every
/// character and annotation run here, on the warm-up document, often enough to be compiled
/// well before a long document runs them once.
fn warm_up_messages(doc: &Document) {
    let mut buffer = Vec::new();
    for _ in 0..10 {
        let (_, _, cuts) = pieces(0, doc, 1_000);
        let _ = quote_views(doc);
        buffer.clear();
        for (i, c) in cuts.iter().enumerate() {
            let mut meta = c.meta(i, &doc.text);
            write_body(&mut buffer, doc, c, &mut meta);
        }
    }
}

fn handle(state: &Rc<RefCell<State>>, data: JsValue) {
    let header = js_sys::Reflect::get(&data, &"header".into()).ok().and_then(|h| h.as_string());
    let Some(request) = header.and_then(|h| serde_json::from_str::<Request>(&h).ok()) else {
        return;
    };
    match request {
        Request::Ping => {
            let error = state.borrow().engine.as_ref().err().cloned();
            post(&Reply::Ready { error });
        }
        Request::Remove { id } => {
            {
                let mut st = state.borrow_mut();
                st.docs.retain(|(d, _)| *d != id);
                st.pages.remove(&id);
                st.regions.remove(&id);
                st.kept.remove(&id);
            }
            schedule_lineup(state, false);
        }
        Request::Region { id, region, keep } => {
            {
                let mut st = state.borrow_mut();
                let kept = st.kept.entry(id).or_default();
                kept.retain(|r| *r != region);
                if keep {
                    kept.push(region);
                }
                let st = &*st;
                if let Some((_, doc)) = st.docs.iter().find(|(d, _)| *d == id) {
                    let left_out = board::Mask::new(&in_force(st, id));
                    let groups = Groups { id, counts: counts(doc, &left_out), entities: entity_views(doc, &left_out) };
                    post(&Reply::Groups(groups));
                }
            }
            schedule_lineup(state, false);
        }
        Request::Split { id, new_id, name } => {
            // Not borrowed across `deliver`, which stores the new document.
            let split = split_off(&state.borrow(), id);
            match split {
                Some((doc, millis)) => {
                    deliver(state, new_id, Document { source: Some(name), ..doc }, millis, false, false)
                }
                None => post(&Reply::Failed { id: new_id, message: format!("{name}: no second article to split off") }),
            }
        }
        Request::Annotate { id, name, pasted } => {
            let payload = js_sys::Reflect::get(&data, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
            let result = annotate(&state.borrow(), id, &name, pasted, payload);
            match result {
                Ok((doc, millis, page)) => {
                    let original = page.full_text.is_some();
                    if original {
                        state.borrow_mut().pages.insert(id, (page, name));
                    }
                    deliver(state, id, doc, millis, original, false);
                }
                Err(message) => post(&Reply::Failed { id, message }),
            }
        }
        Request::Original { id } => {
            let text = state.borrow().pages.get(&id).and_then(|(p, _)| p.full_text.clone());
            post(&Reply::Original { id, text });
        }
        Request::Use { id, whole } => {
            let result = {
                let st = state.borrow();
                match (&st.engine, st.pages.get(&id)) {
                    (Ok(engine), Some((page, name))) => {
                        let started = now();
                        // The same page with the whole text in place of the article.
                        let doc = match (whole, &page.full_text) {
                            (true, Some(full)) => {
                                engine.annotate(&Page { text: full.clone(), ..page.clone() }, Some(name))
                            }
                            _ => engine.annotate(page, Some(name)),
                        };
                        Some((doc, now() - started))
                    }
                    _ => None,
                }
            };
            match result {
                Some((doc, millis)) => deliver(state, id, doc, millis, true, whole),
                // The page is gone (the worker restarted): the page says so and keeps the text.
                None => post(&Reply::Original { id, text: None }),
            }
        }
    }
}

/// Sends an annotated document to the page (head, groups, chunks, done) and keeps it for lining up
/// clusters, in place of an earlier version under the same id.
fn deliver(state: &Rc<RefCell<State>>, id: u32, doc: Document, millis: f64, original: bool, whole: bool) {
    let (mut head, mut groups, cuts) = pieces(id, &doc, CHUNK_CHARS);
    head.original = original;
    head.whole = whole;
    // What is not the article is left out of the counts.
    let regions = board::regions::find(&doc);
    let left_out = board::Mask::new(&regions);
    groups.counts = counts(&doc, &left_out);
    groups.entities = entity_views(&doc, &left_out);
    post(&Reply::Head(head));
    post(&Reply::Groups(groups));
    post(&Reply::Quotes { id, quotes: quote_views(&doc) });
    post_chunks(id, &doc, &cuts);
    post(&Reply::Done { id, millis });
    {
        let mut st = state.borrow_mut();
        st.docs.retain(|(d, _)| *d != id);
        st.regions.insert(id, regions);
        st.kept.remove(&id);
        st.docs.push((id, doc));
    }
    schedule_lineup(state, true);
}

/// The second article found inside document `id`, annotated as a document of its own.
fn split_off(state: &State, id: u32) -> Option<(Document, f64)> {
    let engine = state.engine.as_ref().ok()?;
    let (_, doc) = state.docs.iter().find(|(d, _)| *d == id)?;
    let region = state.regions.get(&id)?.iter().find(|r| r.kind == RegionKind::SecondArticle)?;
    let text: String = doc.text.chars().skip(region.start).take(region.end - region.start).collect();
    let started = now();
    let page = page::from_str(&text, Format::Text);
    let doc = engine.annotate(&Page { dateline: doc.dateline.as_deref().and_then(|d| d.parse().ok()), ..page }, None);
    Some((doc, now() - started))
}

/// Posts a document's chunks in batches: each message's header lists the chunks, and its
/// `bodies` hold their text and annotations.
fn post_chunks(id: u32, doc: &Document, cuts: &[Cut]) {
    let mut buffer = Vec::new();
    for batch in batches(cuts, BATCH_CHARS) {
        buffer.clear();
        let chunks = batch
            .map(|i| {
                let mut meta = cuts[i].meta(i, &doc.text);
                write_body(&mut buffer, doc, &cuts[i], &mut meta);
                meta
            })
            .collect();
        post_with(&Reply::Chunks { id, chunks }, Some(&buffer));
    }
}

/// Reads and annotates one input; the error names the file. A long document first gets a
/// quick look at its beginning (sent as a preview), so the reader sees highlights at once.
fn annotate(
    state: &State,
    id: u32,
    name: &str,
    pasted: bool,
    payload: JsValue,
) -> Result<(Document, f64, Page), String> {
    let engine = state.engine.as_ref().map_err(|e| format!("{name}: the engine failed to load ({e})"))?;
    let started = now();
    let page = if let Some(text) = payload.as_string() {
        if text.len() as u64 > MAX_DOC_BYTES * 3 {
            return Err(format!("{name}: too large to annotate"));
        }
        let format = if pasted { Format::Text } else { Format::from_file_name(name) };
        page::from_str(&text, format)
    } else if let Some(blob) = payload.dyn_ref::<web_sys::Blob>() {
        if blob.size() > MAX_DOC_BYTES as f64 {
            return Err(format!("{name}: too large to annotate"));
        }
        let reader = web_sys::FileReaderSync::new().map_err(|_| format!("{name}: could not be read"))?;
        let buffer = reader
            .read_as_array_buffer(blob)
            .map_err(|_| format!("{name}: could not be read (was it moved or deleted?)"))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        page::from_bytes(&bytes, Format::from_file_name(name)).map_err(|e| format!("{name}: {e}"))?
    } else {
        return Err(format!("{name}: nothing to read"));
    };
    if page.text.trim().is_empty() {
        return Err(format!("{name}: the file is empty, there is nothing to annotate"));
    }
    if page.text.len() > PREVIEW_ABOVE {
        let first = newslens::Page { text: prefix(&page.text, PREVIEW_BYTES).to_string(), ..page.clone() };
        let doc = engine.annotate(&first, (!pasted).then_some(name));
        let (mut head, _, cuts) = pieces(id, &doc, CHUNK_CHARS);
        head.preview = true;
        post(&Reply::Head(head));
        post_chunks(id, &doc, &cuts);
    }
    let doc = engine.annotate(&page, (!pasted).then_some(name));
    Ok((doc, now() - started, page))
}

/// Once the queue of requests has drained: lines clusters up across documents (when
/// documents changed), tells the page which mentions changed, then sends the boards.
fn schedule_lineup(state: &Rc<RefCell<State>>, unify: bool) {
    {
        let mut st = state.borrow_mut();
        st.unify |= unify;
        if std::mem::replace(&mut st.lineup_pending, true) {
            return;
        }
    }
    let state = state.clone();
    let run = Closure::once_into_js(move || {
        let mut st = state.borrow_mut();
        st.lineup_pending = false;
        if std::mem::take(&mut st.unify) && st.docs.len() >= 2 {
            unify_all(&mut st);
        }
        post_board(&st);
    });
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 0);
}

fn unify_all(st: &mut State) {
    let before: Vec<Vec<String>> = st.docs.iter().map(|(_, d)| clusters(d)).collect();
    let (ids, mut docs): (Vec<u32>, Vec<Document>) = std::mem::take(&mut st.docs).into_iter().unzip();
    unify_clusters(&mut docs);
    for ((id, doc), old) in ids.iter().zip(&docs).zip(&before) {
        let now = clusters(doc);
        let changes: Vec<(usize, String)> = entity_indices(doc)
            .zip(now.iter().zip(old))
            .filter(|(_, (n, o))| n != o)
            .map(|(i, (n, _))| (i, n.clone()))
            .collect();
        if !changes.is_empty() {
            let left_out = board::Mask::new(&in_force(st, *id));
            post(&Reply::Clusters { id: *id, changes, entities: entity_views(doc, &left_out) });
        }
    }
    st.docs = ids.into_iter().zip(docs).collect();
}

/// A document's regions the reader has not taken back.
fn in_force(st: &State, id: u32) -> Vec<Region> {
    let kept = st.kept.get(&id);
    st.regions
        .get(&id)
        .map_or_else(Vec::new, |r| r.iter().filter(|r| !kept.is_some_and(|k| k.contains(r))).copied().collect())
}

/// The boards of the open documents, each with the regions the reader has not taken back.
fn post_board(st: &State) {
    let ids: Vec<u32> = st.docs.iter().map(|(id, _)| *id).collect();
    let kept: Vec<Vec<Region>> = ids.iter().map(|id| st.kept.get(id).cloned().unwrap_or_default()).collect();
    let in_force: Vec<Vec<Region>> = ids.iter().map(|&id| in_force(st, id)).collect();
    let docs: Vec<&Document> = st.docs.iter().map(|(_, d)| d).collect();
    let board = board::build_with(&docs, &in_force);
    post(&Reply::Board(BoardUpdate { ids, kept, board }));
}

fn entity_indices(doc: &Document) -> impl Iterator<Item = usize> + '_ {
    doc.annotations.iter().enumerate().filter(|(_, a)| matches!(a, Annotation::Entity(_))).map(|(i, _)| i)
}

fn clusters(doc: &Document) -> Vec<String> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some(e.cluster.clone()),
            _ => None,
        })
        .collect()
}
