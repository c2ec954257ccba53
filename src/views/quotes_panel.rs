//! Quotes grouped by who said them, most quoted first; unattributed quotes last.

use leptos::prelude::*;

use crate::store::{Action, Store};
use crate::views::show_more::ShowMore;

/// Quotes listed at first; "show more" adds more.
const FIRST: usize = 40;

/// The quotes panel (`#quote-panel`).
#[component]
pub fn QuotePanel() -> impl IntoView {
    let state = expect_context::<Store>();
    let groups = move || state.selected_info().map(|i| i.quotes.clone()).unwrap_or_default();
    let total = move || groups().iter().map(|g| g.count).sum::<usize>();
    let listed = move || groups().iter().map(|g| g.quotes.len()).sum::<usize>();
    // A long document has thousands of quotes: list the first, more on request.
    let limit = RwSignal::new(FIRST);
    Effect::new(move |_| {
        state.selected.track();
        limit.set(FIRST);
    });
    let hidden = move || listed().saturating_sub(limit.get());
    view! {
        <section id="quote-panel" aria-label="Quotes by speaker">
            <h2 class="pane-title">"Quotes " <span class="count">{total}</span></h2>
            <Show when=move || groups().is_empty()>
                <p class="muted small">"No quotes found yet."</p>
            </Show>
            <div class="speakers">
                {move || {
                    let mut budget = limit.get();
                    groups()
                        .iter()
                        .map_while(|g| {
                            let shown = g.quotes.len().min(budget);
                            if shown == 0 {
                                return None;
                            }
                            budget -= shown;
                            let who = g.speaker.clone().unwrap_or_else(|| "Speaker not found".into());
                            let quotes = g
                                .quotes
                                .iter()
                                .take(shown)
                                .map(|q| {
                                    let i = q.index;
                                    view! {
                                        <li>
                                            <button type="button" class="quote-item" on:click=move |_| state.dispatch(Action::Reveal(i))>
                                                <span class="tag" data-layer="quote">{q.label.clone()}</span>
                                                " "
                                                {q.excerpt.clone()}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view();
                            Some(view! {
                                <div class="speaker" class:unknown=g.speaker.is_none()>
                                    <h3>{who} " " <span class="count">{g.count}</span></h3>
                                    <ul>{quotes}</ul>
                                </div>
                            })
                        })
                        .collect_view()
                }}
            </div>
            <ShowMore limit hidden=Signal::derive(hidden) />
        </section>
    }
}
