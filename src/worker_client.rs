//! The page's side of the worker: starts it, queues requests until it is ready, and turns
//! its replies into state, store and reader updates.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::protocol::{Reply, Request};
use crate::state::{with_store, AppState, DocData, Status, StoredChunk};
use crate::views::reader;

struct Client {
    worker: Worker,
    ready: bool,
    /// Requests waiting for the worker to be ready.
    queue: Vec<js_sys::Object>,
    /// Annotation requests sent and not yet answered, oldest first: if the worker dies, the
    /// oldest is the input that killed it, and the others are sent again to a fresh worker.
    inflight: Vec<(u32, js_sys::Object)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the worker; its first message says the engine is loaded.
pub fn start(state: AppState) {
    let worker = match crate::offline::start_worker() {
        Ok(w) => w,
        Err(_) => {
            state.notify("The annotation engine could not start in this browser (web workers are unavailable).".into());
            return;
        }
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        // `{header, bodies}`: the reply's JSON and, for chunks, their bytes (UTF-8 buffers).
        let data = ev.data();
        let bytes = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok()?.dyn_into::<js_sys::Uint8Array>().ok();
        if let Some(reply) = bytes("header").and_then(|h| serde_json::from_slice::<Reply>(&h.to_vec()).ok()) {
            on_reply(state, reply, bytes("bodies"));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        restart(state);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let inflight = CLIENT.with(|c| c.borrow_mut().take().map(|old| old.inflight)).unwrap_or_default();
    let queue = inflight.iter().map(|(_, m)| m.clone()).collect();
    CLIENT.with(|c| *c.borrow_mut() = Some(Client { worker, ready: false, queue, inflight }));
}

/// The worker died (an engine bug on some input): the oldest unanswered document is the
/// culprit and is dropped with a message; a fresh worker takes the rest. Open documents stay.
fn restart(state: AppState) {
    let culprit = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        client.worker.terminate();
        (!client.inflight.is_empty()).then(|| client.inflight.remove(0).0)
    });
    match culprit.and_then(|id| state.row(id).map(|r| (id, r))) {
        Some((id, row)) => {
            let name = row.info.with_untracked(|i| i.name.clone());
            fail(
                state,
                id,
                Some(format!(
                    "{name}: the engine failed on this document; it was not opened. Other documents are unaffected."
                )),
            );
        }
        None => state
            .notify("The annotation engine stopped unexpectedly and was restarted; open documents are kept.".into()),
    }
    start(state);
}

/// Sends a request with an optional payload (a `File` or a string), queued until ready.
pub fn send(request: &Request, payload: Option<&JsValue>) {
    let Ok(header) = serde_json::to_string(request) else { return };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"header".into(), &header.into());
    if let Some(p) = payload {
        let _ = js_sys::Reflect::set(&msg, &"payload".into(), p);
    }
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            if let Request::Annotate { id, .. } = request {
                client.inflight.push((*id, msg.clone()));
            }
            if client.ready {
                let _ = client.worker.post_message(&msg);
            } else {
                client.queue.push(msg);
            }
        }
    });
}

fn on_reply(state: AppState, reply: Reply, bodies: Option<js_sys::Uint8Array>) {
    match reply {
        Reply::Ready { error } => {
            let queue = CLIENT.with(|c| {
                c.borrow_mut().as_mut().map(|client| {
                    client.ready = true;
                    std::mem::take(&mut client.queue)
                })
            });
            CLIENT.with(|c| {
                if let Some(client) = c.borrow().as_ref() {
                    for msg in queue.unwrap_or_default() {
                        let _ = client.worker.post_message(&msg);
                    }
                }
            });
            if let Some(e) = &error {
                state.notify(format!("The annotation engine failed to load: {e}"));
            }
            state.ready.set(Some(error));
        }
        Reply::Failed { id, message } => {
            answered(id);
            fail(state, id, Some(message));
        }
        Reply::Head(head) => {
            let id = head.id;
            // A document removed while it was being annotated is not stored.
            let Some(row) = state.row(id) else { return };
            row.info.update(|i| {
                // Known from now on (the list shows the file name until then).
                let title = head.title.clone().filter(|t| !t.trim().is_empty());
                i.title = Some(title.or_else(|| head.source.clone()).unwrap_or_else(|| i.name.clone()));
                i.dateline = head.dateline.clone();
                i.original = head.original;
                i.whole = head.whole;
            });
            // The full document replaces a preview of its beginning.
            let replaces = with_store(|s| s.insert(id, DocData { head: Some(head), chunks: Vec::new() })).is_some();
            if replaces && state.selected.get_untracked() == Some(id) {
                reader::show(Some(id));
            }
        }
        Reply::Chunks { id, chunks } => {
            let Some(bodies) = bodies else { return };
            // Kept as they came: a chunk is read when it is shown or asked about.
            let indices = with_store(|s| {
                let d = s.get_mut(&id)?;
                let mut indices = Vec::with_capacity(chunks.len());
                for meta in chunks {
                    indices.push(meta.index);
                    d.chunks.push(StoredChunk::unread(meta, &bodies));
                }
                Some(indices)
            });
            if let Some(indices) = indices {
                if state.selected.get_untracked() == Some(id) {
                    for index in indices {
                        reader::append_chunk(id, index);
                    }
                }
            }
        }
        Reply::Groups(groups) => {
            if let Some(row) = state.row(groups.id) {
                row.info.update(|i| {
                    i.counts = groups.counts;
                    i.entities = Arc::new(groups.entities);
                });
            }
        }
        Reply::Quotes { id, quotes } => {
            if let Some(row) = state.row(id) {
                row.info.update(|i| i.quotes = Arc::new(quotes));
            }
        }
        Reply::Done { id, millis } => {
            answered(id);
            if let Some(row) = state.row(id) {
                row.info.update(|i| {
                    i.status = Status::Done;
                    i.millis = millis;
                });
            }
            if state.pending() == 0 {
                state.batch.set(0);
            }
        }
        Reply::Original { id, text } => {
            if text.is_none() {
                if let Some(row) = state.row(id) {
                    let name = row.info.with_untracked(|i| i.name.clone());
                    // A switch that cannot happen leaves the document as it was.
                    row.info.update(|i| i.status = Status::Done);
                    state.notify(format!(
                        "{name}: the original page is no longer available; drop the file again to use it."
                    ));
                }
            }
            state.original.set(Some((id, text.map(Arc::new))));
        }
        Reply::Clusters { id, changes, entities } => {
            with_store(|s| {
                if let Some(d) = s.get_mut(&id) {
                    for (i, cluster) in changes {
                        d.set_cluster(i, cluster);
                    }
                }
            });
            if let Some(row) = state.row(id) {
                row.info.update(|i| i.entities = Arc::new(entities));
            }
            if state.selected.get_untracked() == Some(id) {
                state.revision.update(|r| *r += 1);
            }
        }
    }
}

fn answered(id: u32) {
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            client.inflight.retain(|(d, _)| *d != id);
        }
    });
}

/// A document that could not be read: say so, and drop it from the list (others stay).
fn fail(state: AppState, id: u32, message: Option<String>) {
    if let Some(m) = message {
        state.notify(m);
    }
    crate::views::doc_list::remove(state, id, false);
    if state.pending() == 0 {
        state.batch.set(0);
    }
}
