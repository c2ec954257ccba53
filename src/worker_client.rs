//! The page's side of the worker: it only carries messages. It starts the worker, queues
//! requests until the worker is ready, hands every reply to the store, and when the worker
//! dies starts a fresh one, sending it again what the dead one had not answered.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::pool::{workers_wanted, Helpers};
use crate::protocol::{Reply, Request};

/// Where replies go: the reply and, for chunks, the bytes beside it.
pub type OnReply = Rc<dyn Fn(Reply, Option<js_sys::Uint8Array>)>;
/// Told when the worker died, with the document it was working on (if any).
pub type OnDied = Rc<dyn Fn(Option<u32>)>;

struct Inner {
    worker: Worker,
    ready: bool,
    /// Requests waiting for the worker to be ready.
    queue: Vec<js_sys::Object>,
    /// Annotation requests sent and not yet answered, oldest first: if the worker dies, the
    /// oldest is the input that killed it, and the others are sent again to a fresh worker.
    inflight: Vec<(u32, js_sys::Object)>,
    /// Its helper workers (see `crate::pool`), stopped with it.
    helpers: Helpers,
    _listeners: [EventListener; 2],
}

/// A handle on the worker; cheap to clone.
#[derive(Clone)]
pub struct Client {
    inner: Rc<RefCell<Option<Inner>>>,
    on_reply: OnReply,
    on_died: OnDied,
}

impl Client {
    /// Starts the worker; its first message says the engine is loaded. `None` when this
    /// browser has no web workers.
    pub fn start(on_reply: OnReply, on_died: OnDied) -> Option<Client> {
        let client = Client { inner: Rc::new(RefCell::new(None)), on_reply, on_died };
        client.spawn(Vec::new()).then_some(client)
    }

    /// A fresh worker, sent `inflight` again once ready.
    fn spawn(&self, inflight: Vec<(u32, js_sys::Object)>) -> bool {
        let Ok(worker) = crate::offline::start_worker() else { return false };
        let on_message = {
            let this = self.clone();
            EventListener::new(&worker, "message", move |ev| {
                let Some(ev) = ev.dyn_ref::<MessageEvent>() else { return };
                // `{header, bodies}`: the reply's JSON and, for chunks, their bytes (UTF-8 buffers).
                let data = ev.data();
                let bytes =
                    |key: &str| js_sys::Reflect::get(&data, &key.into()).ok()?.dyn_into::<js_sys::Uint8Array>().ok();
                if let Some(reply) = bytes("header").and_then(|h| serde_json::from_slice::<Reply>(&h.to_vec()).ok()) {
                    this.received(reply, bytes("bodies"));
                }
            })
        };
        let on_error = {
            let this = self.clone();
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&worker, "error", options, move |ev| {
                ev.prevent_default();
                this.restart();
            })
        };
        let queue = inflight.iter().map(|(_, m)| m.clone()).collect();
        let helpers = {
            let this = self.clone();
            Helpers::start(&worker, workers_wanted() - 1, Rc::new(move || this.restart()))
        };
        *self.inner.borrow_mut() =
            Some(Inner { worker, ready: false, queue, inflight, helpers, _listeners: [on_message, on_error] });
        true
    }

    fn received(&self, reply: Reply, bodies: Option<js_sys::Uint8Array>) {
        match &reply {
            Reply::Ready { .. } => {
                if let Some(inner) = self.inner.borrow_mut().as_mut() {
                    inner.ready = true;
                    inner.helpers.coordinator_ready();
                    for msg in std::mem::take(&mut inner.queue) {
                        let _ = inner.worker.post_message(&msg);
                    }
                }
            }
            Reply::Failed { id, .. } | Reply::Done { id, .. } => self.answered(*id),
            _ => {}
        }
        (self.on_reply)(reply, bodies);
    }

    /// The worker or one of its helpers died (an engine bug on some input): the oldest
    /// unanswered document is the culprit and is not sent again; fresh workers take the rest.
    fn restart(&self) {
        let Some(mut old) = self.inner.borrow_mut().take() else { return };
        old.worker.terminate();
        let culprit = (!old.inflight.is_empty()).then(|| old.inflight.remove(0).0);
        let inflight = std::mem::take(&mut old.inflight);
        // This runs inside the dead worker's error listener: it is dropped after it returns.
        gloo_timers::callback::Timeout::new(0, move || drop(old)).forget();
        self.spawn(inflight);
        (self.on_died)(culprit);
    }

    /// Sends a request with an optional payload (a `File` or a string), queued until ready.
    pub fn send(&self, request: &Request, payload: Option<&JsValue>) {
        let Ok(header) = serde_json::to_string(request) else { return };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"header".into(), &header.into());
        if let Some(p) = payload {
            let _ = js_sys::Reflect::set(&msg, &"payload".into(), p);
        }
        let mut inner = self.inner.borrow_mut();
        let Some(inner) = inner.as_mut() else { return };
        if let Request::Annotate { id, .. } | Request::Split { new_id: id, .. } = request {
            inner.inflight.push((*id, msg.clone()));
        }
        if inner.ready {
            let _ = inner.worker.post_message(&msg);
        } else {
            inner.queue.push(msg);
        }
    }

    fn answered(&self, id: u32) {
        if let Some(inner) = self.inner.borrow_mut().as_mut() {
            inner.inflight.retain(|(d, _)| *d != id);
        }
    }
}
