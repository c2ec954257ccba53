//! The "Show N more of M" button under a long panel list.

use leptos::prelude::*;

/// How many more rows one click shows.
pub const MORE: usize = 200;

/// A button that raises `limit` by [`MORE`] while `hidden` rows remain unshown.
#[component]
pub fn ShowMore(
    /// How many rows the panel shows.
    limit: RwSignal<usize>,
    /// How many rows are past the limit.
    #[prop(into)]
    hidden: Signal<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || { hidden.get() > 0 }>
            <button type="button" class="more" on:click=move |_| limit.update(|l| *l += MORE)>
                {move || format!("Show {} more of {}", hidden.get().min(MORE), hidden.get())}
            </button>
        </Show>
    }
}
