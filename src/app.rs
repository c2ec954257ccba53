//! The page: layout, drag-and-drop onto the whole window, and start-up (the store, and the
//! worker client that carries its messages).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;

use crate::offline::UpdateBanner;
use crate::persist::saver::Saver;
use crate::store::{Action, Bytes, Command, Pane, Store};
use crate::views::{
    board::Boards,
    details::Details,
    dialogs::Dialogs,
    doc_list::DocList,
    entities_panel::EntityPanel,
    exchange::Exchange,
    intake::add_files,
    intake::Intake,
    keys,
    legend::Legend,
    notices::Notices,
    notices::Progress,
    quotes_panel::QuotePanel,
    reader::Reader,
    storage::{EditHistory, StorageConflict, StorageStatus},
};
use crate::worker_client::Client;

/// True when a drag carries files (not text or links being moved around the page).
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// Makes the whole window a drop target; the overlay shows while files are dragged over it.
/// The listeners live as long as the page.
fn listen_for_drops(store: Store) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let active = EventListenerOptions::enable_prevent_default;
    let over = move |ev: &web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<DragEvent>() else { return };
        if carries_files(ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            store.dispatch(Action::Dragging(true));
        }
    };
    vec![
        EventListener::new_with_options(&window, "dragenter", active(), over),
        EventListener::new_with_options(&window, "dragover", active(), over),
        EventListener::new(&window, "dragleave", move |ev| {
            // Leaving for another element inside the page keeps the overlay; leaving the window ends it.
            if ev.dyn_ref::<DragEvent>().is_some_and(|d| d.related_target().is_none()) {
                store.dispatch(Action::Dragging(false));
            }
        }),
        EventListener::new_with_options(&window, "drop", active(), move |ev| {
            ev.prevent_default();
            store.dispatch(Action::Dragging(false));
            let files = ev.dyn_ref::<DragEvent>().and_then(|d| d.data_transfer()).and_then(|dt| dt.files());
            if let Some(files) = files.filter(|f| f.length() > 0) {
                add_files(store, &files);
            }
        }),
    ]
}

/// Starts the worker and the saver and connects the store to them: replies become actions,
/// commands become messages and saves.
fn connect_worker(store: Store) {
    let on_reply = Rc::new(move |reply, bodies: Option<js_sys::Uint8Array>| {
        store.dispatch(Action::Reply(reply, bodies.map(Bytes::Js)));
    });
    let on_died = Rc::new(move |culprit| store.dispatch(Action::WorkerDied { culprit }));
    let client = Client::start(on_reply, on_died);
    let saver = Saver::start(store);
    let unavailable = client.is_none();
    store.connect(move |command| match command {
        Command::Send(request, payload) => {
            if let Some(client) = &client {
                client.send(&request, payload.as_ref());
            }
        }
        Command::Save => saver.schedule(),
        Command::Download { file_name, media_type, bytes } => download(&file_name, &media_type, &bytes),
    });
    if unavailable {
        store.dispatch(Action::WorkerUnavailable);
    }
}

/// Offers bytes as a file to save (a link to them, clicked).
fn download(file_name: &str, media_type: &str, bytes: &Bytes) {
    let Some(array) = bytes.to_js() else { return };
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // Revoked once the browser has taken the file.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    connect_worker(store);
    let mut listeners = listen_for_drops(store);
    listeners.extend(keys::listen(store));
    let listeners = StoredValue::new_local(listeners);
    on_cleanup(move || listeners.dispose());

    // Browser tests wait for this: mounted, and the worker answered.
    Effect::new(move |_| {
        if store.ready.get().is_some() {
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                let _ = body.set_attribute("data-ready", "true");
            }
        }
    });

    view! {
        <div class="app" class:has-docs=move || store.docs.with(|d| !d.is_empty())>
            <header class="topbar">
                <h1 class="brand">"NewsLens"</h1>
                <p class="tagline">"Names, figures and quotes in news articles — read in your browser, nothing uploaded."</p>
                <Progress/>
                <EditHistory/>
                <StorageStatus/>
            </header>
            <StorageConflict/>
            <UpdateBanner/>
            <Notices/>
            <main class="columns">
                <aside class="left" aria-label="Articles">
                    <Intake/>
                    <DocList/>
                    <Exchange/>
                </aside>
                <div class="middle">
                    <div class="pane-tabs" role="tablist" aria-label="What the middle shows">
                        <button
                            type="button"
                            role="tab"
                            id="pane-reader"
                            aria-selected=move || (store.pane.get() == Pane::Reader).to_string()
                            on:click=move |_| store.dispatch(Action::ShowPane(Pane::Reader))
                        >
                            "Reader"
                        </button>
                        <button
                            type="button"
                            role="tab"
                            id="pane-board"
                            aria-selected=move || (store.pane.get() == Pane::Board).to_string()
                            on:click=move |_| store.dispatch(Action::ShowPane(Pane::Board))
                        >
                            "Sources side by side"
                            {move || store.board.with(|b| b.as_ref().map(|b| b.ids.len()).filter(|&n| n > 1).map(|n| format!(" ({n})")))}
                        </button>
                    </div>
                    // Both stay mounted (the reader keeps its place); the one not chosen is hidden.
                    <div class="pane" class:hidden=move || store.pane.get() != Pane::Reader>
                        <Reader/>
                    </div>
                    <div class="pane" class:hidden=move || store.pane.get() != Pane::Board>
                        <Boards/>
                    </div>
                </div>
                <aside class="right" aria-label="Highlights in this article">
                    <Details/>
                    <Legend/>
                    <EntityPanel/>
                    <QuotePanel/>
                </aside>
            </main>
            <Dialogs/>
            <div id="drop-overlay" class:visible=move || store.dragging.get() aria-hidden=move || (!store.dragging.get()).to_string()>
                <div class="drop-box">
                    <p class="drop-title">"Drop to open"</p>
                    <p>".txt, .md and .html files — as many as you like"</p>
                </div>
            </div>
        </div>
    }
}
