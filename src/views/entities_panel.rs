//! Names grouped by what they refer to (the engine's clusters), most mentioned first.

use leptos::prelude::*;

use crate::state::AppState;
use crate::views::reader;

/// The entities panel (`#entity-panel`): a cluster per line with its mention count; a click
/// walks through its mentions in the text.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = move || state.selected_info().map(|i| i.entities.clone()).unwrap_or_default();
    view! {
        <section id="entity-panel" aria-label="Names by who or what they refer to">
            <h2 class="pane-title">"Names " <span class="count">{move || groups().len()}</span></h2>
            <Show when=move || groups().is_empty()>
                <p class="muted small">"No names found yet."</p>
            </Show>
            <ul class="groups">
                {move || {
                    groups()
                        .iter()
                        .map(|g| {
                            let mentions = g.mentions.clone();
                            let n = mentions.len();
                            let next = std::cell::Cell::new(0usize);
                            let go = move |_| {
                                let k = next.get() % mentions.len().max(1);
                                next.set(k + 1);
                                if let Some(&i) = mentions.get(k) {
                                    reader::reveal(i);
                                }
                            };
                            view! {
                                <li>
                                    <button type="button" class="group" on:click=go title="Show the next mention">
                                        <span class="tag" data-layer="entity">{g.label.clone()}</span>
                                        <span class="group-name">{g.cluster.clone()}</span>
                                        <span class="count">{n}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
