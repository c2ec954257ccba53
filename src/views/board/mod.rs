//! The boards across every open document (`#board`): figures that count the same thing and
//! dates, quotations and their versions, and names; one file per board. The worker builds
//! them ([`newslens::board`]); these views only draw what it sent.

pub mod entities;
pub mod figures;
pub mod quotes;
pub mod timeline;

use std::sync::Arc;

use leptos::prelude::*;

use crate::protocol::BoardUpdate;
use crate::store::{Action, Store};

/// Which board is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Figures,
    Quotes,
    Names,
}

/// The board's document letter: `A` for the first open document, `B` for the second...
pub fn letter(doc: usize) -> String {
    let mut n = doc;
    let mut out = String::new();
    loop {
        out.insert(0, char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            return out;
        }
        n = n / 26 - 1;
    }
}

/// A small chip naming a document by its letter, coloured like it everywhere on the board.
#[component]
pub fn DocChip(doc: usize, #[prop(into)] title: String) -> impl IntoView {
    view! {
        <span class=format!("doc-chip {}", hue(doc)) data-doc=doc.to_string() title=title>
            {letter(doc)}
        </span>
    }
}

/// The class that colours a document everywhere on the board (`hue-0` to `hue-9`, set in the
/// stylesheet: the page's policy allows no inline styles).
pub fn hue(doc: usize) -> String {
    format!("hue-{}", doc % 10)
}

/// The title of board document `doc` (its page title, else its file name).
pub fn doc_title(update: &BoardUpdate, doc: usize) -> String {
    update
        .board
        .documents
        .get(doc)
        .and_then(|d| d.title.clone().or_else(|| d.source.clone()))
        .unwrap_or_else(|| format!("document {}", letter(doc)))
}

/// Shows annotation `annotation` of board document `doc` in the reader.
pub fn open_in_reader(state: Store, update: &BoardUpdate, doc: usize, annotation: usize) {
    if let Some(&id) = update.ids.get(doc) {
        state.dispatch(Action::ShowInReader { id, annotation });
    }
}

/// The boards pane: a key to the documents, then the chosen board.
#[component]
pub fn Boards() -> impl IntoView {
    let state = expect_context::<Store>();
    let tab = RwSignal::new(Tab::Figures);
    let board = move || state.board.get().filter(|b| !b.ids.is_empty());
    let tab_button = move |which: Tab, id: &'static str, label: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=id
                class="board-tab"
                aria-selected=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)
            >
                {label}
            </button>
        }
    };
    view! {
        <section id="board" class="board-pane" aria-label="Sources side by side">
            {move || match board() {
                None => view! {
                    <p class="muted board-empty">
                        "Open two or more articles about one story to see them side by side: who is named, who said what, and which figures disagree."
                    </p>
                }
                .into_any(),
                Some(update) => view! {
                    <DocKey update=update.clone()/>
                    <div class="board-tabs" role="tablist" aria-label="Boards">
                        {tab_button(Tab::Figures, "board-tab-figures", "Figures")}
                        {tab_button(Tab::Quotes, "board-tab-quotes", "Quotes")}
                        {tab_button(Tab::Names, "board-tab-names", "Names")}
                    </div>
                    {move || match tab.get() {
                        Tab::Figures => view! {
                            <figures::FigureBoard update=update.clone()/>
                            <timeline::Timeline update=update.clone()/>
                        }
                        .into_any(),
                        Tab::Quotes => view! { <quotes::QuoteBoard update=update.clone()/> }.into_any(),
                        Tab::Names => view! { <entities::EntityBoard update=update.clone()/> }.into_any(),
                    }}
                }
                .into_any(),
            }}
        </section>
    }
}

/// The documents on the board, each with its letter.
#[component]
fn DocKey(update: Arc<BoardUpdate>) -> impl IntoView {
    let rows: Vec<_> = (0..update.ids.len())
        .map(|d| {
            let title = doc_title(&update, d);
            let source = update.board.documents[d].source.clone().unwrap_or_default();
            let left_out = update.board.documents[d].regions.len();
            view! {
                <li>
                    <DocChip doc=d title=source.clone()/>
                    <span class="doc-key-title">{title}</span>
                    {(left_out > 0).then(|| view! {
                        <span class="muted small">{format!(" · {left_out} part{} left out", if left_out == 1 { "" } else { "s" })}</span>
                    })}
                </li>
            }
        })
        .collect();
    view! { <ol class="doc-key" aria-label="Documents on the board">{rows}</ol> }
}
