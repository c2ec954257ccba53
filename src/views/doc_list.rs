//! The list of open documents: title, size, what was found; select one, remove one.

use leptos::prelude::*;

use crate::store::{human_size, Action, DocInfo, DocRow, Status, Store};
use crate::views::storage::ClearAll;

/// What the row says was found: `12 names · 30 figures · 4 quotes`.
pub fn counts_text(info: &DocInfo) -> String {
    if info.status == Status::Working {
        return "annotating…".into();
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    [
        plural(info.layer_count("entity"), "name", "names"),
        plural(info.layer_count("number"), "figure", "figures"),
        plural(info.layer_count("quote"), "quote", "quotes"),
    ]
    .join(" · ")
}

/// The document list (`ul#doc-list`).
#[component]
pub fn DocList() -> impl IntoView {
    let state = expect_context::<Store>();
    let count = move || state.docs.with(|d| d.len());
    view! {
        <section class="doc-list-pane" aria-label="Documents">
            <h2 class="pane-title">"Documents " <span class="count">{count}</span></h2>
            <Show when=move || count() == 0>
                <p class="muted small">"No documents yet."</p>
            </Show>
            <ul id="doc-list" aria-label="Open documents">
                <For each=move || state.docs.get() key=|row| row.id let:row>
                    <DocItem row=row/>
                </For>
            </ul>
            <ClearAll/>
        </section>
    }
}

/// One document in the list.
#[component]
fn DocItem(
    /// The document's row.
    row: DocRow,
) -> impl IntoView {
    let state = expect_context::<Store>();
    let id = row.id;
    let selected = move || state.selected.get() == Some(id);
    // The title appears once the worker has read the document; until then, the file name.
    let title = move || row.info.with(|i| i.title.clone().unwrap_or_default());
    let untitled = move || row.info.with(|i| i.title.is_none());
    let size = move || row.info.with(|i| human_size(i.size));
    let counts = move || row.info.with(counts_text);
    let working = move || row.info.with(|i| i.status == Status::Working);
    let name = move || row.info.with(|i| i.name.clone());
    view! {
        <li
            data-doc-id=id.to_string()
            aria-current=move || if selected() { "true" } else { "false" }
            class:selected=selected
            class:working=working
        >
            <button
                type="button"
                class="doc-select"
                title=name
                on:click=move |_| state.dispatch(Action::Select(Some(id)))
            >
                <span class="doc-title">{title}</span>
                <Show when=untitled>
                    <span class="doc-file">{name}</span>
                </Show>
                <span class="doc-line">
                    <span class="doc-size">{size}</span>
                    <span class="doc-counts">{counts}</span>
                </span>
            </button>
            <button
                type="button"
                class="doc-remove"
                aria-label=move || format!("Remove {}", row.info.with(|i| i.display_title()))
                title="Remove"
                on:click=move |_| state.dispatch(Action::Remove { id })
            >
                "×"
            </button>
        </li>
    }
}
