//! Inside the web worker: the engine, the documents it has annotated, and the message loop.
//! The boards and the calls on regions are in [`board`].

mod board;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use newslens::board::Region;
use newslens::corrections::{Corrections, UserLexicon};
use newslens::export::{export, import, Format as ExportFormat};
use newslens::page::{self, Format};
use newslens::{Document, Engine, Page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::edits::{self, Edit, Refused};
use crate::persist::format::{read_doc, KeptDocRef, KeptPage, VERSION};
use crate::pieces::{batches, pieces, prefix, quote_views, write_body, Cut};
use crate::protocol::{Reply, Request, BATCH_CHARS, CHUNK_CHARS, MAX_DOC_BYTES, PREVIEW_ABOVE, PREVIEW_BYTES};

struct State {
    engine: Result<Engine, String>,
    /// Every open document, for lining clusters up across them.
    docs: Vec<(u32, Document)>,
    /// How long the engine took on each document, kept with it.
    millis: HashMap<u32, f64>,
    /// Documents that came from HTML, for showing the whole page and switching between it
    /// and the article.
    pages: HashMap<u32, PageEntry>,
    /// What the engine found is not the article in each document, and which of those calls
    /// the reader took back.
    regions: HashMap<u32, Vec<Region>>,
    kept: HashMap<u32, Vec<Region>>,
    /// A line-up (clusters, then the boards) is scheduled; `unify` when documents changed.
    lineup_pending: bool,
    unify: bool,
    /// The names the reader labelled, applied to every document added.
    lexicon: UserLexicon,
    /// Documents the helper workers are annotating: one removed meanwhile is dropped when
    /// it comes back, rather than returning to the boards.
    with_helpers: HashSet<u32>,
}

/// The page a document came from (article and whole text), its file name, whether the
/// document shows the whole page, and the reader's corrections of each version (article,
/// whole page) for switching between them.
struct PageEntry {
    page: Page,
    name: String,
    whole: bool,
    corrections: [Corrections; 2],
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
        millis: HashMap::new(),
        pages: HashMap::new(),
        regions: HashMap::new(),
        kept: HashMap::new(),
        lineup_pending: false,
        unify: false,
        lexicon: UserLexicon::new(),
        with_helpers: HashSet::new(),
    }));
    let warm_state = state.clone();
    // The worker's one listener, for its whole life.
    EventListener::new(&scope(), "message", move |ev| {
        if let Some(ev) = ev.dyn_ref::<MessageEvent>() {
            handle(&state, ev.data());
        }
    })
    .forget();
    post(&Reply::Ready { error: ready_error });
    // Right after Ready, before any document: a first document arriving meanwhile waits
    // for this (tens of milliseconds) and then runs on well-compiled code.
    Timeout::new(0, move || {
        if let Ok(engine) = &warm_state.borrow().engine {
            warm_up_messages(&engine.warm_up());
        }
    })
    .forget();
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
        // Or the page joining this worker with a helper (see `crate::pool`).
        crate::pool::connect(&data, || state.borrow().engine.as_ref().ok().cloned());
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
                st.millis.remove(&id);
                st.regions.remove(&id);
                st.kept.remove(&id);
                st.with_helpers.remove(&id);
            }
            board::schedule_lineup(state, false);
        }
        Request::Region { id, region, keep } => board::call_region(state, id, region, keep),
        Request::Split { id, new_id, name } => {
            // Not borrowed across `deliver`, which stores the new document.
            let split = board::split_off(&state.borrow(), id);
            match split {
                Some((doc, millis)) => deliver(state, new_id, Document { source: Some(name), ..doc }, millis, true),
                None => post(&Reply::Failed { id: new_id, message: format!("{name}: no second article to split off") }),
            }
        }
        Request::Annotate { id, name, pasted } => {
            let payload = js_sys::Reflect::get(&data, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
            let started = now();
            let page = match read(&state.borrow(), id, &name, pasted, payload) {
                Ok(page) => page,
                Err(message) => return post(&Reply::Failed { id, message }),
            };
            // Here, or with the helper workers (see `crate::pool`); then kept and sent.
            let later: crate::pool::Then = {
                let (state, name, page) = (state.clone(), name.clone(), page.clone());
                Box::new(move |doc| {
                    // Removed while the helpers worked on it: nothing to keep or send.
                    if state.borrow_mut().with_helpers.remove(&id) {
                        annotated(&state, id, name, page, doc, now() - started);
                    }
                })
            };
            let source = (!pasted).then_some(name.as_str());
            let here = match &state.borrow().engine {
                Ok(engine) => crate::pool::annotate(engine, &page, source, started, later),
                Err(_) => return,
            };
            match here {
                Some(doc) => annotated(state, id, name, page, Ok(doc), now() - started),
                None => {
                    state.borrow_mut().with_helpers.insert(id);
                }
            }
        }
        Request::Restore { id, name } => {
            let payload = js_sys::Reflect::get(&data, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
            if let Err(message) = restore(state, id, &name, &payload) {
                post(&Reply::Failed { id, message });
            }
        }
        Request::Edit { id, edit } => edit_docs(state, id, &edit),
        Request::Patch { id, patch } => {
            let found = {
                let mut st = state.borrow_mut();
                let doc = st.docs.iter_mut().find(|(d, _)| *d == id).map(|(_, doc)| doc);
                doc.map(|doc| patch.touches_annotations().then(|| patch.apply(doc))).is_some()
            };
            if !found {
                return;
            }
            if let Some((_, kept)) = &patch.kept {
                board::set_kept(state, id, kept.clone());
            }
            if patch.touches_annotations() {
                redeliver(state, id);
            }
        }
        Request::Lexicon { lexicon } => state.borrow_mut().lexicon = lexicon,
        Request::Export { format, ids } => export_docs(&state.borrow(), &format, &ids),
        Request::Import { name } => {
            let payload = js_sys::Reflect::get(&data, &"payload".into()).unwrap_or(JsValue::UNDEFINED);
            import_file(&name, &payload);
        }
        Request::Original { id } => {
            let text = state.borrow().pages.get(&id).and_then(|p| p.page.full_text.clone());
            post(&Reply::Original { id, text });
        }
        Request::Use { id, whole } => {
            let result = {
                let mut st = state.borrow_mut();
                let st = &mut *st;
                // The reader's work on the version shown now, kept for switching back to it.
                let current = st.docs.iter().find(|(d, _)| *d == id).map(|(_, doc)| Corrections::of(doc));
                match (&st.engine, st.pages.get_mut(&id)) {
                    (Ok(engine), Some(PageEntry { page, name, whole: shown, corrections })) => {
                        if let Some(c) = current {
                            corrections[usize::from(*shown)] = c;
                        }
                        // Calls on regions were about the other text.
                        st.kept.remove(&id);
                        *shown = whole;
                        let started = now();
                        // The same page with the whole text in place of the article.
                        let mut doc = match (whole, &page.full_text) {
                            (true, Some(full)) => {
                                engine.annotate(&Page { text: full.clone(), ..page.clone() }, Some(name))
                            }
                            _ => engine.annotate(page, Some(name)),
                        };
                        // A new engine run over a text the reader corrected before keeps the corrections.
                        corrections[usize::from(whole)].apply(&mut doc);
                        Some((doc, now() - started))
                    }
                    _ => None,
                }
            };
            match result {
                Some((doc, millis)) => deliver(state, id, doc, millis, true),
                // The page is gone (the worker restarted): the page says so and keeps the text.
                None => post(&Reply::Original { id, text: None }),
            }
        }
    }
}

/// Applies a reader's edit with the engine's corrections, sends the changed documents again
/// (to show and to keep), and tells the page what changed, for undo.
fn edit_docs(state: &Rc<RefCell<State>>, id: u32, edit: &Edit) {
    let outcome = {
        let mut st = state.borrow_mut();
        let Some(at) = st.docs.iter().position(|(d, _)| *d == id) else {
            post(&Reply::Refused { message: "This document is still being read; try again in a moment.".into() });
            return;
        };
        let (ids, mut docs): (Vec<u32>, Vec<Document>) = std::mem::take(&mut st.docs).into_iter().unzip();
        let result = edits::apply(&mut docs, at, edit);
        if let Ok((patches, _)) = &result {
            for (i, _) in patches {
                st.lexicon.learn(&docs[*i]);
            }
        }
        st.docs = ids.iter().copied().zip(docs).collect();
        result.map(|(patches, focus)| (patches.into_iter().map(|(i, p)| (ids[i], p)).collect::<Vec<_>>(), focus))
    };
    match outcome {
        Err(Refused(message)) => post(&Reply::Refused { message }),
        Ok((changes, focus)) => {
            for (doc, _) in &changes {
                redeliver(state, *doc);
            }
            if !changes.is_empty() {
                post(&Reply::Lexicon { lexicon: state.borrow().lexicon.clone() });
            }
            post(&Reply::Edited { id, changes, focus });
        }
    }
}

/// Writes documents in an export format and posts the file.
fn export_docs(st: &State, format: &str, ids: &[u32]) {
    let Some(format) = ExportFormat::from_name(format) else {
        post(&Reply::Refused { message: format!("There is no export format {format}.") });
        return;
    };
    let docs: Vec<Document> =
        ids.iter().filter_map(|id| st.docs.iter().find(|(d, _)| d == id).map(|(_, doc)| doc.clone())).collect();
    if docs.is_empty() {
        post(&Reply::Refused { message: "There is nothing to export yet: open a document first.".into() });
        return;
    }
    let stem = match docs.as_slice() {
        [one] => one
            .source
            .as_deref()
            .and_then(|s| s.rsplit_once('.').map(|(stem, _)| stem).or(Some(s)))
            .unwrap_or("newslens")
            .to_string(),
        _ => "newslens".to_string(),
    };
    match export(format, &docs) {
        Ok(bytes) => post_with(
            &Reply::Exported {
                file_name: format!("{stem}.{}", format.extension()),
                media_type: format.media_type().to_string(),
            },
            Some(&bytes),
        ),
        Err(e) => post(&Reply::Refused { message: format!("The export failed: {e}") }),
    }
}

/// Reads an exported file back; each document goes to the page to open as a kept one.
fn import_file(name: &str, payload: &JsValue) {
    let bytes = match payload.dyn_ref::<web_sys::Blob>().map(|blob| {
        let reader = web_sys::FileReaderSync::new().ok()?;
        reader.read_as_array_buffer(blob).ok().map(|b| js_sys::Uint8Array::new(&b).to_vec())
    }) {
        Some(Some(bytes)) => bytes,
        _ => {
            post(&Reply::Refused { message: format!("{name}: could not be read.") });
            return;
        }
    };
    let docs = match import(&bytes) {
        Ok(docs) => docs,
        Err(e) => {
            post(&Reply::Refused { message: format!("{name}: not imported ({e}).") });
            return;
        }
    };
    let count = docs.len();
    for (k, document) in docs.into_iter().enumerate() {
        let label = document.source.clone().unwrap_or_else(|| {
            if count == 1 {
                name.to_string()
            } else {
                format!("{name} #{}", k + 1)
            }
        });
        let size = document.text.len() as u64;
        let kept = KeptDocRef { version: VERSION, document: &document, millis: 0.0, page: None, kept_regions: &[] };
        if let Ok(bytes) = serde_json::to_vec(&kept) {
            post_with(&Reply::Imported { name: label, size }, Some(&bytes));
        }
    }
}

/// Sends a document that changed to the page again, to show and to keep.
fn redeliver(state: &Rc<RefCell<State>>, id: u32) {
    let found = {
        let st = state.borrow();
        st.docs.iter().find(|(d, _)| *d == id).map(|(_, doc)| (doc.clone(), st.millis.get(&id).copied().unwrap_or(0.0)))
    };
    if let Some((doc, millis)) = found {
        deliver(state, id, doc, millis, true);
    }
}

/// Opens a document kept from an earlier visit, as it was (no engine run).
fn restore(state: &Rc<RefCell<State>>, id: u32, name: &str, payload: &JsValue) -> Result<(), String> {
    let bytes = payload.dyn_ref::<js_sys::Uint8Array>().ok_or_else(|| format!("{name}: nothing kept"))?.to_vec();
    let kept = read_doc(&bytes).map_err(|e| format!("{name}: {e}"))?;
    if let Some(p) = kept.page {
        let doc = &kept.document;
        let page = Page {
            text: p.article.unwrap_or_else(|| doc.text.clone()),
            title: doc.title.clone(),
            byline: doc.byline.clone(),
            dateline: doc.dateline.as_deref().and_then(parse_date),
            site_name: doc.site_name.clone(),
            lang: doc.lang.clone(),
            full_text: Some(p.full_text),
        };
        let corrections = Default::default();
        state.borrow_mut().pages.insert(id, PageEntry { page, name: name.to_string(), whole: p.whole, corrections });
    }
    state.borrow_mut().kept.insert(id, kept.kept_regions);
    deliver(state, id, kept.document, kept.millis, false);
    Ok(())
}

/// `YYYY-MM-DD` as a date.
fn parse_date(s: &str) -> Option<newslens::Date> {
    let mut parts = s.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    newslens::Date::new(year, month, day)
}

/// What to keep of a document, as the page saves it.
fn kept_bytes(st: &State, id: u32, doc: &Document) -> Option<Vec<u8>> {
    let page = st.pages.get(&id).and_then(|p| {
        Some(KeptPage {
            full_text: p.page.full_text.clone()?,
            article: p.whole.then(|| p.page.text.clone()),
            whole: p.whole,
        })
    });
    let millis = st.millis.get(&id).copied().unwrap_or_default();
    let kept_regions = st.kept.get(&id).map_or(&[][..], Vec::as_slice);
    serde_json::to_vec(&KeptDocRef { version: VERSION, document: doc, millis, page, kept_regions }).ok()
}

/// Posts what to keep of a document, for the page to save.
fn post_saved(st: &State, id: u32, doc: &Document) {
    if let Some(bytes) = kept_bytes(st, id, doc) {
        post_with(&Reply::Saved { id }, Some(&bytes));
    }
}

/// Sends an annotated document to the page (head, groups, chunks, done) and keeps it for lining up
/// clusters, in place of an earlier version under the same id; a changed one (`save`) is also
/// sent to be kept.
fn deliver(state: &Rc<RefCell<State>>, id: u32, doc: Document, millis: f64, save: bool) {
    let (mut head, _, cuts) = pieces(id, &doc, CHUNK_CHARS);
    let groups = {
        let mut st = state.borrow_mut();
        let page = st.pages.get(&id);
        head.original = page.is_some();
        head.whole = page.is_some_and(|p| p.whole);
        // What is not the article is left out of the counts.
        st.regions.insert(id, newslens::board::regions::find(&doc));
        board::groups(&st, id, &doc)
    };
    post(&Reply::Head(head));
    post(&Reply::Groups(groups));
    post(&Reply::Quotes { id, quotes: quote_views(&doc) });
    post_chunks(id, &doc, &cuts);
    post(&Reply::Done { id, millis });
    {
        let mut st = state.borrow_mut();
        st.millis.insert(id, millis);
        if save {
            post_saved(&st, id, &doc);
        }
        st.docs.retain(|(d, _)| *d != id);
        st.docs.push((id, doc));
    }
    board::schedule_lineup(state, true);
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

/// Reads one input; the error names the file. A long document first gets a quick look at
/// its beginning (sent as a preview), so the reader sees highlights at once.
fn read(state: &State, id: u32, name: &str, pasted: bool, payload: JsValue) -> Result<Page, String> {
    let engine = state.engine.as_ref().map_err(|e| format!("{name}: the engine failed to load ({e})"))?;
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
    Ok(page)
}

/// An annotated input: the reader's names applied, its page kept, and sent to the page.
fn annotated(
    state: &Rc<RefCell<State>>,
    id: u32,
    name: String,
    page: Page,
    doc: Result<Document, String>,
    millis: f64,
) {
    let mut doc = match doc {
        Ok(doc) => doc,
        Err(e) => return post(&Reply::Failed { id, message: format!("{name}: {e}") }),
    };
    state.borrow().lexicon.apply(&mut doc);
    if page.full_text.is_some() {
        let corrections = Default::default();
        state.borrow_mut().pages.insert(id, PageEntry { page, name, whole: false, corrections });
    }
    deliver(state, id, doc, millis, true);
}
