//! Helper workers beside the engine's worker, so a long document or a pile of files uses
//! more than one core.
//!
//! The page starts them (`navigator.hardwareConcurrency` workers in all, at least two, at
//! most [`MOST_WORKERS`]; `?workers=1` in the page's address keeps to one) the same way as
//! the engine's worker, so they run from `worker_loader.js`, from the single file's blob
//! and under the service worker alike. Once a helper and the engine's worker are both
//! ready, the page hands them the two ends of a `MessageChannel` and steps out: from then
//! on the engine's worker (the coordinator) sends helpers jobs directly and still alone
//! answers the page, so the store and the views see the replies they always did.
//!
//! A long document is annotated in two halves at once ([`newslens::split`]): a helper tags
//! its names while the coordinator finds the rest, then the coordinator resolves both into
//! the very document one worker makes. Documents arriving in a pile go whole to idle
//! helpers. A short document alone is annotated where it is: sending it costs more than
//! it saves.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo_events::EventListener;
use newslens::split::{Names, Prepared};
use newslens::{Date, Document, Engine, Page};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageChannel, MessageEvent, MessagePort, Worker};

/// The most workers started, whatever the machine has.
pub const MOST_WORKERS: usize = 8;

/// Documents at least this long (bytes) are annotated in halves on two workers.
pub const HALVES_ABOVE: usize = 100_000;

/// A document arriving this soon (ms) after the previous one is taken for part of a pile.
const PILE_MS: f64 = 200.0;

/// How many workers to run in all: `?workers=N` in the page's address, else every core
/// (at least two, at most [`MOST_WORKERS`]).
pub fn workers_wanted() -> usize {
    let Some(window) = web_sys::window() else { return 1 };
    let asked = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("workers"))
        .and_then(|n| n.parse::<usize>().ok());
    let cores = window.navigator().hardware_concurrency() as usize;
    asked.unwrap_or(cores).clamp(if asked.is_some() { 1 } else { 2 }, MOST_WORKERS)
}

// --- The page's side: start the helpers, hand out channel ends, stop them with the engine's worker.

/// The helpers of one engine's worker; dropping it stops them.
pub struct Helpers {
    inner: Rc<RefCell<Joining>>,
    _listeners: Vec<EventListener>,
}

struct Joining {
    coordinator: Worker,
    coordinator_ready: bool,
    /// Each helper, and whether it said it is ready and has not been joined yet.
    helpers: Vec<(Worker, bool)>,
}

impl Helpers {
    /// Starts `count` helpers for `coordinator` (none when `count` is 0). `on_died` runs when
    /// a helper dies: the coordinator would wait for its answer forever, so the caller
    /// restarts the lot as it does when the coordinator itself dies.
    pub fn start(coordinator: &Worker, count: usize, on_died: Rc<dyn Fn()>) -> Helpers {
        let inner = Rc::new(RefCell::new(Joining {
            coordinator: coordinator.clone(),
            coordinator_ready: false,
            helpers: Vec::new(),
        }));
        let mut listeners = Vec::new();
        for index in 0..count {
            let Ok(worker) = crate::offline::start_worker() else { break };
            let joining = inner.clone();
            // Its first message says its engine is loaded; a helper says nothing else to the page.
            listeners.push(EventListener::new(&worker, "message", move |_| {
                let mut j = joining.borrow_mut();
                if let Some(h) = j.helpers.get_mut(index) {
                    h.1 = true;
                }
                j.join();
            }));
            let on_died = on_died.clone();
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(&worker, "error", options, move |ev| {
                ev.prevent_default();
                on_died();
            }));
            inner.borrow_mut().helpers.push((worker, false));
        }
        Helpers { inner, _listeners: listeners }
    }

    /// The engine's worker is ready: join it with every helper ready too.
    pub fn coordinator_ready(&self) {
        let mut j = self.inner.borrow_mut();
        j.coordinator_ready = true;
        j.join();
    }
}

impl Joining {
    fn join(&mut self) {
        if !self.coordinator_ready {
            return;
        }
        for (helper, ready) in &mut self.helpers {
            if !std::mem::take(ready) {
                continue;
            }
            let Ok(channel) = MessageChannel::new() else { continue };
            hand(helper, "serve", &channel.port2());
            hand(&self.coordinator, "use", &channel.port1());
        }
    }
}

/// Posts `{pool: role, port}` to a worker, handing the port over.
fn hand(worker: &Worker, role: &str, port: &MessagePort) {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"pool".into(), &role.into());
    let _ = js_sys::Reflect::set(&msg, &"port".into(), port);
    let _ = worker.post_message_with_transfer(&msg, &js_sys::Array::of1(port));
}

impl Drop for Helpers {
    fn drop(&mut self) {
        for (helper, _) in &self.inner.borrow().helpers {
            helper.terminate();
        }
    }
}

// --- Between workers: jobs and their answers, as JSON in a transferred buffer.

/// A page as it travels to a helper.
#[derive(Serialize, Deserialize)]
struct PageWire {
    text: String,
    title: Option<String>,
    byline: Option<String>,
    dateline: Option<String>,
    site_name: Option<String>,
    lang: Option<String>,
}

#[derive(Serialize, Deserialize)]
enum Job {
    /// The names in a text (one half of a long document).
    Names { job: u32, text: String },
    /// A whole document.
    Annotate { job: u32, page: PageWire, source: Option<String> },
}

#[derive(Serialize, Deserialize)]
enum Answer {
    Names { job: u32, names: Names },
    Annotated { job: u32, document: Document },
}

fn post_json<T: Serialize>(port: &MessagePort, value: &T) {
    let Ok(json) = serde_json::to_vec(value) else { return };
    let array = js_sys::Uint8Array::from(json.as_slice());
    let _ = port.post_message_with_transferable(&array, &js_sys::Array::of1(&array.buffer()));
}

fn read_json<T: for<'de> Deserialize<'de>>(ev: &web_sys::Event) -> Option<T> {
    let data = ev.dyn_ref::<MessageEvent>()?.data().dyn_into::<js_sys::Uint8Array>().ok()?;
    serde_json::from_slice(&data.to_vec()).ok()
}

/// In a worker: takes `{pool, port}` from the page. A helper (`serve`) answers jobs on the
/// port with `engine`; the coordinator (`use`) keeps the port for sending jobs. Any other
/// message is ignored.
pub fn connect(data: &JsValue, engine: impl FnOnce() -> Option<Engine>) {
    let role = js_sys::Reflect::get(data, &"pool".into()).ok().and_then(|r| r.as_string());
    let port = js_sys::Reflect::get(data, &"port".into()).ok().and_then(|p| p.dyn_into::<MessagePort>().ok());
    let (Some(role), Some(port)) = (role, port) else { return };
    match role.as_str() {
        "serve" => {
            if let Some(engine) = engine() {
                serve(port, engine);
            }
        }
        "use" => COORDINATOR.with(|c| c.borrow_mut().add(port)),
        _ => {}
    }
}

/// A helper's loop: each job answered on the port it came from, in order.
fn serve(port: MessagePort, engine: Engine) {
    let reply_port = port.clone();
    // The helper's one listener, for its whole life.
    EventListener::new(&port, "message", move |ev| match read_json::<Job>(ev) {
        Some(Job::Names { job, text }) => post_json(&reply_port, &Answer::Names { job, names: engine.names(&text) }),
        Some(Job::Annotate { job, page, source }) => {
            let page = Page {
                text: page.text,
                title: page.title,
                byline: page.byline,
                dateline: page.dateline.and_then(|d| d.parse::<Date>().ok()),
                site_name: page.site_name,
                lang: page.lang,
                full_text: None,
            };
            let document = engine.annotate(&page, source.as_deref());
            post_json(&reply_port, &Answer::Annotated { job, document });
        }
        None => {}
    })
    .forget();
    port.start();
}

// --- The coordinator's side: who is busy, and what waits for which answer.

/// What to do with a document once it is annotated (or failed).
pub type Then = Box<dyn FnOnce(Result<Document, String>)>;

thread_local! {
    static COORDINATOR: RefCell<Coordinator> = RefCell::new(Coordinator::default());
}

#[derive(Default)]
struct Coordinator {
    helpers: Vec<Helper>,
    next_job: u32,
    waiting: HashMap<u32, Waiting>,
    /// When the last document arrived (ms), to tell a pile from a document alone.
    last_arrival: Option<f64>,
}

struct Helper {
    port: MessagePort,
    /// Jobs sent and not yet answered.
    busy: usize,
    _listener: EventListener,
}

enum Waiting {
    Names { prepared: Box<Prepared>, source: Option<String>, then: Then },
    Whole { then: Then },
}

impl Coordinator {
    fn add(&mut self, port: MessagePort) {
        let index = self.helpers.len();
        let listener = EventListener::new(&port, "message", move |ev| {
            if let Some(answer) = read_json::<Answer>(ev) {
                answered(index, answer);
            }
        });
        port.start();
        self.helpers.push(Helper { port, busy: 0, _listener: listener });
    }

    fn least_busy(&self) -> Option<usize> {
        (0..self.helpers.len()).min_by_key(|&i| self.helpers[i].busy)
    }

    fn send(&mut self, helper: usize, job: &Job) {
        self.helpers[helper].busy += 1;
        post_json(&self.helpers[helper].port, job);
    }
}

/// A helper's answer: the document finished here, and handed on.
fn answered(helper: usize, answer: Answer) {
    let (Answer::Names { job, .. } | Answer::Annotated { job, .. }) = answer;
    let waiting = COORDINATOR.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(h) = c.helpers.get_mut(helper) {
            h.busy = h.busy.saturating_sub(1);
        }
        c.waiting.remove(&job)
    });
    match (waiting, answer) {
        (Some(Waiting::Names { prepared, source, then }), Answer::Names { names, .. }) => {
            then(prepared.finish(source.as_deref(), names).map_err(|e| e.to_string()));
        }
        (Some(Waiting::Whole { then }), Answer::Annotated { document, .. }) => then(Ok(document)),
        _ => {}
    }
}

/// Where a document is annotated.
enum Plan {
    Here,
    /// The names on a helper (this job), the rest here.
    Halves(u32),
    /// Whole on a helper (this job).
    Sent(u32),
}

impl Coordinator {
    fn plan(&mut self, page: &Page, source: Option<&str>, now: f64) -> Plan {
        let pile = self.last_arrival.is_some_and(|t| now - t < PILE_MS) || !self.waiting.is_empty();
        self.last_arrival = Some(now);
        let Some(helper) = self.least_busy() else { return Plan::Here };
        let job = self.next_job;
        if page.text.len() >= HALVES_ABOVE {
            self.send(helper, &Job::Names { job, text: page.text.clone() });
            self.next_job += 1;
            Plan::Halves(job)
        } else if pile && self.helpers[helper].busy == 0 {
            let wire = PageWire {
                text: page.text.clone(),
                title: page.title.clone(),
                byline: page.byline.clone(),
                dateline: page.dateline.map(|d| d.to_string()),
                site_name: page.site_name.clone(),
                lang: page.lang.clone(),
            };
            self.send(helper, &Job::Annotate { job, page: wire, source: source.map(str::to_string) });
            self.next_job += 1;
            Plan::Sent(job)
        } else {
            Plan::Here
        }
    }
}

/// Annotates a page, here or with helpers (`now` in ms, to tell a pile of documents). A
/// document finished here is returned and `then` dropped; otherwise `then` gets it once the
/// helpers answered, and this returns `None`.
pub fn annotate(engine: &Engine, page: &Page, source: Option<&str>, now: f64, then: Then) -> Option<Document> {
    let waiting = match COORDINATOR.with(|c| c.borrow_mut().plan(page, source, now)) {
        Plan::Here => return Some(engine.annotate(page, source)),
        // The rest while a helper tags the names.
        Plan::Halves(job) => {
            (job, Waiting::Names { prepared: Box::new(Prepared::new(page)), source: source.map(str::to_string), then })
        }
        Plan::Sent(job) => (job, Waiting::Whole { then }),
    };
    COORDINATOR.with(|c| c.borrow_mut().waiting.insert(waiting.0, waiting.1));
    None
}
