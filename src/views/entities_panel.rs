//! Names grouped by what they refer to (the engine's clusters), most mentioned first.

use leptos::prelude::*;

use crate::store::{Action, Store};
use crate::views::show_more::ShowMore;

/// Clusters listed at first; "show more" adds more.
const FIRST: usize = 60;

/// The entities panel (`#entity-panel`): a cluster per line with its mention count; a click
/// walks through its mentions in the text.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let state = expect_context::<Store>();
    let groups = move || state.selected_info().map(|i| i.entities.clone()).unwrap_or_default();
    // A long document has thousands of names: list the most mentioned, more on request.
    let limit = RwSignal::new(FIRST);
    Effect::new(move |_| {
        state.selected.track();
        limit.set(FIRST);
    });
    let hidden = move || groups().len().saturating_sub(limit.get());
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
                        .take(limit.get())
                        .map(|g| {
                            let mentions = g.mentions.clone();
                            let n = g.count;
                            let next = std::cell::Cell::new(0usize);
                            let go = move |_| {
                                let k = next.get() % mentions.len().max(1);
                                next.set(k + 1);
                                if let Some(&i) = mentions.get(k) {
                                    state.dispatch(Action::Reveal(i));
                                }
                            };
                            view! {
                                <li>
                                    <button type="button" class="group" on:click=go title="Show the next mention">
                                        <span class="tag" data-layer="entity" data-tag=g.label.clone()>{g.label.clone()}</span>
                                        <span class="group-name">{g.cluster.clone()}</span>
                                        <span class="count">{n}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <ShowMore limit hidden=Signal::derive(hidden) />
        </section>
    }
}
