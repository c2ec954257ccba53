//! The reading view: the selected document's text with its highlights.
//!
//! The text arrives in chunks; each becomes a placeholder section sized from its length, and
//! a section is read and filled with marks only when it comes near the viewport
//! (IntersectionObserver), so a 5 MB document costs what is on screen, not what is in the file.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

use newslens::board::{Region, RegionKind};

use crate::render::{chunk_html, Hidden, RegionMark};
use crate::store::{Action, Content, Status, Store};
use crate::views::board::entities::Stepper;

/// Rendered ahead of the viewport, so scrolling finds text already marked.
const AHEAD: &str = "1500px 0px";

/// The reading view's own DOM bookkeeping: which document and version its sections show.
struct Controller {
    store: Store,
    body: Element,
    observer: IntersectionObserver,
    _on_seen: Closure<dyn FnMut(js_sys::Array)>,
    doc: Option<u32>,
    version: u64,
    clusters: u64,
    /// The last request to bring a highlight into view that was carried out.
    revealed: u64,
    sections: Vec<Element>,
    rendered: Vec<bool>,
    hidden: Hidden,
    /// The shown document's regions that are not its article, as the boards last said.
    regions: Vec<RegionMark>,
    /// Scroll position to restore once the text is long enough again (full text replacing
    /// a preview, the engine sending the document again).
    restore_top: Option<i32>,
}

type Ctl = StoredValue<Option<Controller>, LocalStorage>;

fn with_ctl<R>(ctl: Ctl, f: impl FnOnce(&mut Controller) -> R) -> Option<R> {
    ctl.try_update_value(|c| c.as_mut().map(f)).flatten()
}

fn init(ctl: Ctl, store: Store, body: Element) {
    let on_seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            if entry.is_intersecting() {
                let index = entry.target().get_attribute("data-chunk").and_then(|s| s.parse::<usize>().ok());
                if let Some(index) = index {
                    with_ctl(ctl, |c| c.render(index));
                }
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root(Some(&body));
    options.set_root_margin(AHEAD);
    let Ok(observer) = IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options) else {
        return;
    };
    ctl.set_value(Some(Controller {
        store,
        body,
        observer,
        _on_seen: on_seen,
        doc: None,
        version: 0,
        clusters: 0,
        revealed: 0,
        sections: Vec::new(),
        rendered: Vec::new(),
        hidden: Hidden::default(),
        regions: Vec::new(),
        restore_top: None,
    }));
}

impl Controller {
    /// Brings the sections in line with the store: a new document or version starts over
    /// (keeping the scroll for the same document), changed clusters re-render, and chunks
    /// that arrived get their placeholders.
    fn sync(&mut self, doc: Option<u32>, content: Content) {
        if self.doc != doc || self.version != content.version {
            self.reset(doc, content.version);
        } else if self.clusters != content.clusters {
            self.refresh();
        }
        self.clusters = content.clusters;
        for index in self.sections.len()..content.chunks {
            self.append(index);
        }
    }

    /// Empties the view for a document (or nothing).
    fn reset(&mut self, doc: Option<u32>, version: u64) {
        let same = self.doc == doc;
        // Reading the position forces a layout: only when it is kept.
        let top = if same { self.body.scroll_top() } else { 0 };
        self.observer.disconnect();
        self.body.set_inner_html("");
        self.sections.clear();
        self.rendered.clear();
        self.doc = doc;
        self.version = version;
        // Emptied, the view is back at the top without touching the scroll position (which
        // would force a layout of the whole page).
        self.restore_top = (same && top > 0).then_some(top);
    }

    /// Adds the placeholder of a chunk that arrived.
    fn append(&mut self, index: usize) {
        let Some(doc) = self.doc else { return };
        let Some((chars, lines)) =
            self.store.with_doc(doc, |d| d.chunks.get(index).map(|c| (c.meta.chars, c.meta.lines))).flatten()
        else {
            return;
        };
        let Some(section) = self.body.owner_document().and_then(|d| d.create_element("div").ok()) else {
            return;
        };
        section.set_class_name("chunk");
        let _ = section.set_attribute("data-chunk", &index.to_string());
        if let Some(el) = section.dyn_ref::<HtmlElement>() {
            // About 80 characters a line at the reader's measure.
            let estimate = (lines + chars / 80 + 1) as f64 * 1.7;
            let _ = el.style().set_property("min-height", &format!("{estimate:.1}em"));
        }
        let _ = self.body.append_child(&section);
        self.observer.observe(&section);
        self.sections.push(section);
        self.rendered.push(false);
        if let Some(top) = self.restore_top {
            if self.body.scroll_height() >= top + self.body.client_height() {
                self.body.set_scroll_top(top);
                self.restore_top = None;
            }
        }
    }

    /// Fills a chunk's section with its marked-up text.
    fn render(&mut self, index: usize) {
        let (Some(doc), Some(section)) = (self.doc, self.sections.get(index)) else { return };
        if self.rendered[index] {
            return;
        }
        let (hidden, regions) = (&self.hidden, &self.regions);
        let html = self.store.with_doc(doc, |d| {
            let c = d.chunks.get_mut(index)?;
            let (start, first) = (c.meta.start, c.meta.first);
            let (text, annotations) = c.body();
            Some(chunk_html(text, start, first, annotations, regions, hidden))
        });
        if let Some(html) = html.flatten() {
            section.set_inner_html(&html);
            if let Some(el) = section.dyn_ref::<HtmlElement>() {
                let _ = el.style().remove_property("min-height");
            }
            self.rendered[index] = true;
            self.observer.unobserve(section);
        }
    }

    /// Applies the legend's switches: sections near the viewport re-render now, others when seen.
    fn set_hidden(&mut self, hidden: Hidden) {
        if self.hidden != hidden {
            self.hidden = hidden;
            self.refresh();
        }
    }

    /// Dims the shown document's regions that are not its article (re-rendering if they changed).
    fn set_regions(&mut self, regions: Vec<RegionMark>) {
        if self.regions != regions {
            self.regions = regions;
            self.refresh();
        }
    }

    /// Marks every rendered section for rendering again when seen.
    fn refresh(&mut self) {
        for (section, rendered) in self.sections.iter().zip(self.rendered.iter_mut()) {
            if *rendered {
                *rendered = false;
                self.observer.observe(section);
            }
        }
    }

    /// Whether the view is laid out (not inside a hidden pane).
    fn is_shown(&self) -> bool {
        self.body.dyn_ref::<HtmlElement>().is_some_and(|b| b.offset_parent().is_some())
    }

    /// Scrolls to an annotation of the shown document and focuses it (its details show).
    fn reveal(&mut self, index: usize) {
        let Some(doc) = self.doc else { return };
        let Some(chunk) = self.store.with_doc(doc, |d| d.chunk_of(index)).flatten() else { return };
        self.render(chunk);
        let Some(section) = self.sections.get(chunk) else { return };
        let selector = format!("mark[data-i=\"{index}\"]:not([data-cont])");
        if let Ok(Some(mark)) = section.query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
            if let Some(el) = mark.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
        }
    }
}

/// The annotation index of the mark under an event, if any.
fn mark_index(ev: &web_sys::Event) -> Option<usize> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-i]").ok()??;
    mark.get_attribute("data-i")?.parse().ok()
}

/// The regions of document `id` on the boards: those left out, and those the reader kept.
fn regions_of(store: Store, id: u32) -> Vec<RegionMark> {
    store.board.with(|b| {
        let Some(b) = b else { return Vec::new() };
        let Some(d) = b.ids.iter().position(|&x| x == id) else { return Vec::new() };
        let mark = |r: &Region, kept: bool| RegionMark { start: r.start, end: r.end, kind: r.kind, kept };
        let mut out: Vec<RegionMark> = b.board.documents[d].regions.iter().map(|r| mark(r, false)).collect();
        out.extend(b.kept.get(d).into_iter().flatten().map(|r| mark(r, true)));
        out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        out
    })
}

/// The action of a region's button under an event (keep it as article, leave it out again,
/// or open a second article as its own document), if the event is on one.
fn region_action(store: Store, ev: &web_sys::Event) -> Option<Action> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let tag = target.closest(".region-tag").ok()??;
    let (region, act) = (tag.get_attribute("data-region")?, tag.get_attribute("data-act")?);
    let id = store.selected.get_untracked()?;
    let mut parts = region.split(' ');
    let start = parts.next()?.parse().ok()?;
    let end = parts.next()?.parse().ok()?;
    let kind = serde_json::from_value::<RegionKind>(parts.next()?.into()).ok()?;
    let region = Region { start, end, kind };
    Some(match act.as_str() {
        "split" => Action::SplitArticle { id, region },
        act => Action::CallRegion { id, region, keep: act == "keep" },
    })
}

/// The reading view (`#reader`, with `data-state` empty, working or done).
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<Store>();
    let body: NodeRef<html::Div> = NodeRef::new();
    // The original page's text is open under the header.
    let open = RwSignal::new(false);
    let ctl: Ctl = StoredValue::new_local(None);

    Effect::new(move |_| {
        if let Some(b) = body.get() {
            if ctl.with_value(|c| c.is_none()) {
                init(ctl, state, b.into());
            }
        }
    });
    Effect::new(move |_| {
        state.selected.track();
        open.set(false);
    });
    // The shown document, its version, its regions and its chunks as they arrive; then the
    // highlight to bring into view, once the text it is in is there.
    Effect::new(move |_| {
        let doc = state.selected.get();
        let _ = body.get();
        let content = doc.and_then(|id| state.docs.with(|d| d.iter().find(|r| r.id == id).map(|r| r.content.get())));
        let (nonce, reveal) = state.reveal.get();
        // The regions first: a highlight brought into view is rendered with them, and
        // stays in focus.
        let regions = doc.map(|id| regions_of(state, id)).unwrap_or_default();
        with_ctl(ctl, |c| {
            c.set_regions(regions);
            c.sync(doc, content.unwrap_or_default());
            if let (Some(i), true) = (reveal, c.revealed != nonce) {
                c.revealed = nonce;
                if c.is_shown() {
                    c.reveal(i);
                } else {
                    // The reader's pane is being shown (from a board): once it is, a hidden
                    // highlight cannot take the focus.
                    gloo_timers::callback::Timeout::new(0, move || {
                        with_ctl(ctl, |c| {
                            if c.doc == doc {
                                c.reveal(i);
                            }
                        });
                    })
                    .forget();
                }
            }
        });
    });
    Effect::new(move |_| {
        let hidden = state.hidden.get();
        let _ = body.get();
        with_ctl(ctl, |c| c.set_hidden(hidden));
    });

    let reader_state = move || match state.selected_info() {
        None => "empty",
        Some(i) if i.status == Status::Working => "working",
        Some(_) => "done",
    };
    let title = move || state.selected_info().map(|i| i.display_title());
    let meta = move || {
        state.selected_info().map(|i| {
            let mut parts = vec![i.name.clone()];
            if i.original {
                parts.push(if i.whole { "whole page".into() } else { "article found in the page".into() });
            }
            if let Some(d) = i.dateline {
                parts.push(format!("dated {d}"));
            }
            if i.status == Status::Working {
                parts.push("annotating…".into());
            } else if i.millis >= 1000.0 {
                parts.push(format!("annotated in {:.1} s", i.millis / 1000.0));
            } else {
                parts.push(format!("annotated in {:.0} ms", i.millis));
            }
            parts.join(" · ")
        })
    };
    let has_original = move || state.selected_info().is_some_and(|i| i.original);
    let whole = move || state.selected_info().is_some_and(|i| i.whole);
    let working = move || state.selected_info().is_some_and(|i| i.status == Status::Working);
    let toggle_original = move |_| {
        let now_open = !open.get_untracked();
        open.set(now_open);
        if let (true, Some(id)) = (now_open, state.selected.get_untracked()) {
            state.dispatch(Action::AskOriginal { id });
        }
    };
    // Annotates the same document again from the whole page or from its article.
    let use_version = move |whole: bool| {
        let Some(id) = state.selected.get_untracked() else { return };
        open.set(false);
        state.dispatch(Action::UseVersion { id, whole });
    };
    let original_text = move || -> Option<Option<Arc<String>>> {
        let id = state.selected.get()?;
        state.original.with(|o| o.as_ref().filter(|(d, _)| *d == id).map(|(_, t)| t.clone()))
    };
    let point = move |ev: &web_sys::Event| {
        if let Some(i) = mark_index(ev) {
            state.dispatch(Action::Focus(Some(i)));
        }
    };

    view! {
        <section class="reading-pane" aria-label="Reading view">
            <Show when=move || state.selected.get().is_none()>
                <EmptyHelp/>
            </Show>
            <Show when=move || state.selected.get().is_some()>
                <header class="reader-head">
                    <h2 class="reader-title">{title}</h2>
                    <p class="reader-meta">{meta}</p>
                    <Show when=has_original>
                        <div class="reader-actions" role="group" aria-label="Which text to read">
                            <button
                                type="button"
                                id="show-original"
                                class="quiet"
                                aria-expanded=move || open.get().to_string()
                                aria-controls="original-text"
                                on:click=toggle_original
                            >
                                {move || if open.get() { "Hide original page text" } else { "Show original page text" }}
                            </button>
                            <Show
                                when=move || !whole()
                                fallback=move || view! {
                                    <button type="button" id="use-article" class="quiet" disabled=working on:click=move |_| use_version(false)>
                                        "Use the article"
                                    </button>
                                }
                            >
                                <button type="button" id="use-whole" class="quiet" disabled=working on:click=move |_| use_version(true)>
                                    "Use the whole page instead"
                                </button>
                            </Show>
                        </div>
                    </Show>
                </header>
            </Show>
            <Stepper/>
            <Show when=move || open.get() && has_original()>
                <section id="original-text" class="original-text" aria-label="Original page text">
                    <p class="original-note">
                        "The whole page as text, menus and all. The reading view below holds "
                        {move || if whole() { "this whole page." } else { "only the article found in it." }}
                    </p>
                    // Plain text in a text node: nothing in the page can become markup here.
                    {move || match original_text() {
                        None => view! { <p class="muted">"Loading the page's text…"</p> }.into_any(),
                        Some(None) => view! { <p class="muted">"The original page is no longer available."</p> }.into_any(),
                        Some(Some(text)) => view! { <div class="original-body">{text.as_str().to_owned()}</div> }.into_any(),
                    }}
                </section>
            </Show>
            <div
                id="reader"
                class="reader"
                data-state=reader_state
                node_ref=body
                on:mouseover=move |ev: web_sys::MouseEvent| point(&ev)
                on:focusin=move |ev: web_sys::FocusEvent| point(&ev)
                on:click=move |ev: web_sys::MouseEvent| {
                    if let Some(action) = region_action(state, &ev) {
                        state.dispatch(action);
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        if let Some(action) = region_action(state, &ev) {
                            ev.prevent_default();
                            state.dispatch(action);
                        }
                    }
                }
            ></div>
        </section>
    }
}

/// What an empty page says: what to do, in one glance.
#[component]
fn EmptyHelp() -> impl IntoView {
    view! {
        <div class="empty-help">
            <h2>"Drop news articles anywhere on this page"</h2>
            <p>
                "Or "<label for="file-input" class="linkish">"choose files"</label>
                " (.txt, .md, .html), or paste an article in the box on the left."
            </p>
            <ul class="empty-legend">
                <li><span class="swatch swatch-entity">"Names"</span>" people, organisations, places"</li>
                <li><span class="swatch swatch-number">"Figures"</span>" counts, money, dates, amounts"</li>
                <li><span class="swatch swatch-quote">"“Quotes”"</span>" and who said them"</li>
            </ul>
            <p class="privacy">"Everything runs in this browser tab. Nothing is uploaded."</p>
        </div>
    }
}
