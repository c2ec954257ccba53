//! The two places the page depends on how it was delivered: where its worker comes from, and
//! the banner a hosted copy shows when its service worker has a new build ready.
//!
//! A hosted copy loads the worker from `./worker_loader.js` and `src/boot.js` registers the
//! service worker; the single file `newslens.html` has no files beside it, so its start-up
//! script defines `newslensStartWorker`, which starts the worker from code held in the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Worker;

/// Where Trunk puts the worker's loader (see index.html and Trunk.toml).
const WORKER_URL: &str = "./worker_loader.js";
/// Set by the single file's start-up script (see xtask/src/single_file.js).
const INLINE_WORKER: &str = "newslensStartWorker";

/// Starts the engine's worker the way this copy of the page can.
pub fn start_worker() -> Result<Worker, wasm_bindgen::JsValue> {
    let inline = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &INLINE_WORKER.into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match inline {
        Some(start) => start.call0(&wasm_bindgen::JsValue::UNDEFINED)?.dyn_into::<Worker>(),
        None => Worker::new(WORKER_URL),
    }
}

/// "A new version is ready": shown once `src/boot.js` reports a new build installed whole;
/// the button asks it to take over, and the page reloads on the new build.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let already = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.get_attribute("data-update-ready").as_deref() == Some("true"));
    let ready = RwSignal::new(already);
    let listener = window_event_listener_untyped("newslens-update-ready", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("newslens-apply-update") {
                let _ = w.dispatch_event(&event);
            }
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div id="update-banner" role="status">
                <span>"A new version of NewsLens is ready."</span>
                <button id="update-reload" class="primary" on:click=reload>"Reload"</button>
            </div>
        </Show>
    }
}
