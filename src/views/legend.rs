//! The legend: what each highlight means, how many there are, and switches to hide them.

use leptos::prelude::*;
use newslens::doc::{EntityLabel, NumberLabel, QuoteLabel};

use crate::store::{Action, Store};
use crate::views::keys::label_key;

/// A layer as the legend shows it: name, description, labels with their descriptions.
pub struct LayerInfo {
    pub layer: &'static str,
    pub name: &'static str,
    pub labels: Vec<(&'static str, &'static str)>,
}

/// The three layers and their labels, in the order the legend lists them.
pub fn layers() -> Vec<LayerInfo> {
    let entity = |l: EntityLabel| match l {
        EntityLabel::PER => "person",
        EntityLabel::ORG => "organisation",
        EntityLabel::LOC => "place",
        EntityLabel::MISC => "nationality, event, other",
    };
    let number = |l: NumberLabel| match l {
        NumberLabel::CARDINAL => "count",
        NumberLabel::MONEY => "money",
        NumberLabel::PERCENT => "percentage",
        NumberLabel::QUANTITY => "quantity with unit",
        NumberLabel::ORDINAL => "rank",
        NumberLabel::DATE => "date",
        NumberLabel::TIME => "time of day",
        NumberLabel::DURATION => "length of time, age",
    };
    let quote = |l: QuoteLabel| match l {
        QuoteLabel::DIRECT => "quoted speech",
        QuoteLabel::PARTIAL => "quoted phrase",
    };
    vec![
        LayerInfo {
            layer: "entity",
            name: "Names",
            labels: EntityLabel::ALL.iter().map(|&l| (l.as_str(), entity(l))).collect(),
        },
        LayerInfo {
            layer: "number",
            name: "Figures",
            labels: NumberLabel::ALL.iter().map(|&l| (l.as_str(), number(l))).collect(),
        },
        LayerInfo {
            layer: "quote",
            name: "Quotes",
            labels: QuoteLabel::ALL.iter().map(|&l| (l.as_str(), quote(l))).collect(),
        },
    ]
}

/// The legend (`#legend`), with a checkbox per layer and per label.
#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<Store>();
    let sections = layers()
        .into_iter()
        .map(|info| {
            let layer = info.layer;
            let layer_count = move || state.selected_info().map_or(0, |i| i.layer_count(layer));
            let layer_on = move || state.hidden.with(|h| !h.layers.contains(layer));
            let toggle_layer = move |ev: web_sys::Event| {
                state.dispatch(Action::ShowLayer { layer: layer.to_string(), on: event_target_checked(&ev) });
            };
            let labels = info
                .labels
                .into_iter()
                .map(|(label, what)| {
                    let count = move || state.selected_info().map_or(0, |i| i.label_count(label));
                    let on = move || state.hidden.with(|h| !h.labels.contains(label));
                    let toggle = move |ev: web_sys::Event| {
                        state.dispatch(Action::ShowLabel { label: label.to_string(), on: event_target_checked(&ev) });
                    };
                    view! {
                        <li class:none=move || count() == 0>
                            <label class="legend-label">
                                <input type="checkbox" data-label=label prop:checked=on on:change=toggle/>
                                <span class="tag" data-layer=layer data-tag=label>{label}</span>
                                <kbd class="key" title="Press to label the selected text">{label_key(label)}</kbd>
                                <span class="what">{what}</span>
                                <span class="count">{count}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="legend-layer" data-for=layer class:off=move || !layer_on()>
                    <label class="legend-layer-row">
                        <input type="checkbox" data-layer=layer prop:checked=layer_on on:change=toggle_layer/>
                        <span class=format!("swatch swatch-{layer}")>{info.name}</span>
                        <span class="count">{layer_count}</span>
                    </label>
                    <ul class="legend-labels">{labels}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="legend" aria-label="Legend: highlights and their counts">
            <h2 class="pane-title">"Highlights"</h2>
            {sections}
        </section>
    }
}
