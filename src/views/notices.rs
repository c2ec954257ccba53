//! Messages about inputs (each names its file) and the progress of annotation.

use leptos::prelude::*;

use crate::store::{Action, Store};

/// The messages (`#notices`, each `.notice[role=alert]`), dismissable one by one or all.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<Store>();
    let many = move || state.notices.with(|n| n.len() > 1);
    view! {
        <section id="notices" aria-label="Messages">
            <Show when=many>
                <button type="button" class="notice-clear" on:click=move |_| state.dispatch(Action::DismissAll)>
                    "Dismiss all"
                </button>
            </Show>
            <For each=move || state.notices.get() key=|n| n.id let:notice>
                <div class="notice" role="alert">
                    <span class="notice-text">{notice.text.clone()}</span>
                    <button
                        type="button"
                        class="notice-close"
                        aria-label="Dismiss"
                        on:click=move |_| state.dispatch(Action::Dismiss(notice.id))
                    >
                        "×"
                    </button>
                </div>
            </For>
        </section>
    }
}

/// The progress indicator (`#progress`), present while documents are being annotated.
/// It fades in only after half a second (CSS), so quick work does not flicker.
#[component]
pub fn Progress() -> impl IntoView {
    let state = expect_context::<Store>();
    let pending = move || state.pending();
    let batch = move || state.batch.get().max(pending());
    let done = move || batch() - pending();
    let text = move || {
        if batch() <= 1 {
            "Annotating…".to_string()
        } else {
            format!("Annotating {} of {}…", (done() + 1).min(batch()), batch())
        }
    };
    view! {
        <Show when=move || { pending() > 0 }>
            <div id="progress" role="status" aria-live="polite">
                <progress max=move || batch().to_string() value=move || (batch() > 1).then(|| done().to_string())></progress>
                <span>{text}</span>
            </div>
        </Show>
    }
}
