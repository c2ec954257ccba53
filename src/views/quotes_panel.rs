//! Quotes grouped by who said them, most quoted first; unattributed quotes last.

use leptos::prelude::*;

use crate::state::AppState;
use crate::views::reader;

/// The quotes panel (`#quote-panel`).
#[component]
pub fn QuotePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = move || state.selected_info().map(|i| i.quotes.clone()).unwrap_or_default();
    let total = move || groups().iter().map(|g| g.quotes.len()).sum::<usize>();
    view! {
        <section id="quote-panel" aria-label="Quotes by speaker">
            <h2 class="pane-title">"Quotes " <span class="count">{total}</span></h2>
            <Show when=move || groups().is_empty()>
                <p class="muted small">"No quotes found yet."</p>
            </Show>
            <div class="speakers">
                {move || {
                    groups()
                        .iter()
                        .map(|g| {
                            let who = g.speaker.clone().unwrap_or_else(|| "Speaker not found".into());
                            let quotes = g
                                .quotes
                                .iter()
                                .map(|q| {
                                    let i = q.index;
                                    view! {
                                        <li>
                                            <button type="button" class="quote-item" on:click=move |_| reader::reveal(i)>
                                                <span class="tag" data-layer="quote">{q.label.clone()}</span>
                                                " "
                                                {q.excerpt.clone()}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="speaker" class:unknown=g.speaker.is_none()>
                                    <h3>{who} " " <span class="count">{g.quotes.len()}</span></h3>
                                    <ul>{quotes}</ul>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}
