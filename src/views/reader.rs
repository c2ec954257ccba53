//! The reading view: the selected document's text with its highlights.
//!
//! The text arrives in chunks; each becomes a placeholder section sized from its length, and
//! a section is read and filled with marks only when it comes near the viewport
//! (IntersectionObserver), so a 5 MB document costs what is on screen, not what is in the file.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};

use newslens::board::{Region, RegionKind};

use crate::protocol::Request;
use crate::render::{chunk_html, Hidden, RegionMark};
use crate::state::{next_id, with_store, AppState, DocInfo, DocRow, Status};
use crate::views::board::entities::Stepper;
use crate::worker_client;

/// Rendered ahead of the viewport, so scrolling finds text already marked.
const AHEAD: &str = "1500px 0px";

struct Controller {
    body: Element,
    observer: IntersectionObserver,
    doc: Option<u32>,
    sections: Vec<Element>,
    rendered: Vec<bool>,
    hidden: Hidden,
    /// The regions of a document that are not its article, as the board last said.
    regions: (Option<u32>, Vec<RegionMark>),
    /// Scroll position to restore once the text is long enough again (full text replacing
    /// a preview).
    restore_top: Option<i32>,
}

thread_local! {
    static CTL: RefCell<Option<Controller>> = const { RefCell::new(None) };
}

fn with_ctl<R>(f: impl FnOnce(&mut Controller) -> R) -> Option<R> {
    CTL.with(|c| c.borrow_mut().as_mut().map(f))
}

fn init(body: Element, scroller: Element) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            if entry.is_intersecting() {
                let index = entry.target().get_attribute("data-chunk").and_then(|s| s.parse::<usize>().ok());
                if let Some(index) = index {
                    render(index);
                }
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root(Some(&scroller));
    options.set_root_margin(AHEAD);
    let Ok(observer) = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) else {
        return;
    };
    callback.forget();
    CTL.with(|c| {
        *c.borrow_mut() = Some(Controller {
            body,
            observer,
            doc: None,
            sections: Vec::new(),
            rendered: Vec::new(),
            hidden: Hidden::default(),
            regions: (None, Vec::new()),
            restore_top: None,
        })
    });
}

/// Shows a document (or nothing), starting with placeholders for the chunks already here.
/// Showing the same document again (its full text replacing a preview) keeps the scroll.
pub fn show(doc: Option<u32>) {
    let chunks = with_ctl(|ctl| {
        let same = ctl.doc == doc;
        // Reading the position forces a layout: only when it is kept.
        let top = if same { ctl.body.scroll_top() } else { 0 };
        ctl.observer.disconnect();
        ctl.body.set_inner_html("");
        ctl.sections.clear();
        ctl.rendered.clear();
        ctl.doc = doc;
        // Emptied, the view is back at the top without touching the scroll position (which
        // would force a layout of the whole page).
        ctl.restore_top = (same && top > 0).then_some(top);
    });
    if chunks.is_none() {
        return;
    }
    if let Some(id) = doc {
        let n = with_store(|s| s.get(&id).map_or(0, |d| d.chunks.len()));
        for index in 0..n {
            append_chunk(id, index);
        }
    }
}

/// Adds the placeholder of a chunk that just arrived for the shown document.
pub fn append_chunk(doc: u32, index: usize) {
    let Some((chars, lines)) = with_store(|s| {
        let m = &s.get(&doc)?.chunks.get(index)?.meta;
        Some((m.chars, m.lines))
    }) else {
        return;
    };
    with_ctl(|ctl| {
        if ctl.doc != Some(doc) || ctl.sections.len() != index {
            return;
        }
        let Ok(section) = ctl.body.owner_document().and_then(|d| d.create_element("div").ok()).ok_or(()) else {
            return;
        };
        section.set_class_name("chunk");
        let _ = section.set_attribute("data-chunk", &index.to_string());
        if let Some(el) = section.dyn_ref::<HtmlElement>() {
            // About 80 characters a line at the reader's measure.
            let estimate = (lines + chars / 80 + 1) as f64 * 1.7;
            let _ = el.style().set_property("min-height", &format!("{estimate:.1}em"));
        }
        let _ = ctl.body.append_child(&section);
        ctl.observer.observe(&section);
        ctl.sections.push(section);
        ctl.rendered.push(false);
        if let Some(top) = ctl.restore_top {
            if ctl.body.scroll_height() >= top + ctl.body.client_height() {
                ctl.body.set_scroll_top(top);
                ctl.restore_top = None;
            }
        }
    });
}

/// Fills a chunk's section with its marked-up text.
fn render(index: usize) {
    with_ctl(|ctl| {
        let (Some(doc), Some(section)) = (ctl.doc, ctl.sections.get(index)) else { return };
        if ctl.rendered[index] {
            return;
        }
        let html = with_store(|s| {
            let c = s.get_mut(&doc)?.chunks.get_mut(index)?;
            let (start, first) = (c.meta.start, c.meta.first);
            let (text, annotations) = c.body();
            let regions = if ctl.regions.0 == Some(doc) { ctl.regions.1.as_slice() } else { &[] };
            Some(chunk_html(text, start, first, annotations, regions, &ctl.hidden))
        });
        if let Some(html) = html {
            section.set_inner_html(&html);
            if let Some(el) = section.dyn_ref::<HtmlElement>() {
                let _ = el.style().remove_property("min-height");
            }
            ctl.rendered[index] = true;
            ctl.observer.unobserve(section);
        }
    });
}

/// Applies the legend's switches: sections near the viewport re-render now, others when seen.
pub fn set_hidden(hidden: Hidden) {
    with_ctl(|ctl| {
        if ctl.hidden == hidden {
            return;
        }
        ctl.hidden = hidden;
        refresh_sections(ctl);
    });
}

/// Dims a document's regions that are not its article (re-rendering if they changed).
pub fn set_regions(doc: Option<u32>, regions: Vec<RegionMark>) {
    with_ctl(|ctl| {
        if ctl.regions.0 == doc && ctl.regions.1 == regions {
            return;
        }
        ctl.regions = (doc, regions);
        refresh_sections(ctl);
    });
}

/// The regions of document `id` on the board: those left out, and those the reader kept.
fn regions_of(state: AppState, id: u32) -> Vec<RegionMark> {
    state.board.with(|b| {
        let Some(b) = b else { return Vec::new() };
        let Some(d) = b.ids.iter().position(|&x| x == id) else { return Vec::new() };
        let mark = |r: &Region, kept: bool| RegionMark { start: r.start, end: r.end, kind: r.kind, kept };
        let mut out: Vec<RegionMark> = b.board.documents[d].regions.iter().map(|r| mark(r, false)).collect();
        out.extend(b.kept.get(d).into_iter().flatten().map(|r| mark(r, true)));
        out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        out
    })
}

/// A click (or Enter) on a region's button: keep it as article, leave it out again, or
/// open a second article as its own document.
fn region_action(state: AppState, ev: &web_sys::Event) -> bool {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let Ok(Some(tag)) = target.closest(".region-tag") else { return false };
    let (Some(region), Some(act)) = (tag.get_attribute("data-region"), tag.get_attribute("data-act")) else {
        return false;
    };
    let Some(id) = state.selected.get_untracked() else { return false };
    let mut parts = region.split(' ');
    let (Some(start), Some(end), Some(kind)) = (
        parts.next().and_then(|p| p.parse().ok()),
        parts.next().and_then(|p| p.parse().ok()),
        parts.next().and_then(|k| serde_json::from_value::<RegionKind>(k.into()).ok()),
    ) else {
        return false;
    };
    let region = Region { start, end, kind };
    match act.as_str() {
        "split" => {
            let name = state.row(id).map_or_else(String::new, |r| r.info.with_untracked(|i| i.name.clone()));
            let name = format!("{} (second article)", name.trim_end_matches(".txt"));
            let new_id = next_id();
            let row = DocRow { id: new_id, info: RwSignal::new(DocInfo::new(name.clone(), (end - start) as u64)) };
            state.docs.update(|d| d.push(row));
            worker_client::send(&Request::Split { id, new_id, name }, None);
            state.selected.set(Some(new_id));
        }
        act => worker_client::send(&Request::Region { id, region, keep: act == "keep" }, None),
    }
    true
}

/// Re-renders after the shown document's annotations changed (clusters lined up).
pub fn refresh() {
    with_ctl(refresh_sections);
}

fn refresh_sections(ctl: &mut Controller) {
    for (section, rendered) in ctl.sections.iter().zip(ctl.rendered.iter_mut()) {
        if *rendered {
            *rendered = false;
            ctl.observer.observe(section);
        }
    }
}

/// Scrolls to an annotation of the shown document and focuses it (its details show).
pub fn reveal(index: usize) {
    let Some(Some(chunk)) =
        with_ctl(|ctl| ctl.doc).map(|doc| doc.and_then(|d| with_store(|s| s.get(&d)?.chunk_of(index))))
    else {
        return;
    };
    render(chunk);
    with_ctl(|ctl| {
        let Some(section) = ctl.sections.get(chunk) else { return };
        let selector = format!("mark[data-i=\"{index}\"]:not([data-cont])");
        if let Ok(Some(mark)) = section.query_selector(&selector) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
            if let Some(el) = mark.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The annotation index of the mark under an event, if any.
fn mark_index(ev: &web_sys::Event) -> Option<usize> {
    let target: Element = ev.target()?.dyn_into().ok()?;
    let mark = target.closest("mark[data-i]").ok()??;
    mark.get_attribute("data-i")?.parse().ok()
}

/// The reading view (`#reader`, with `data-state` empty, working or done).
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body: NodeRef<html::Div> = NodeRef::new();
    // The original page's text is open under the header.
    let open = RwSignal::new(false);

    Effect::new(move |_| {
        if let Some(b) = body.get() {
            if CTL.with(|c| c.borrow().is_none()) {
                let el: Element = b.into();
                init(el.clone(), el);
            }
        }
    });
    Effect::new(move |_| {
        let doc = state.selected.get();
        let _ = body.get();
        state.focused.set(None);
        open.set(false);
        show(doc);
    });
    Effect::new(move |_| {
        let hidden = state.hidden.get();
        let _ = body.get();
        set_hidden(hidden);
    });
    Effect::new(move |prev: Option<u64>| {
        let r = state.revision.get();
        if prev.is_some() {
            refresh();
        }
        r
    });
    Effect::new(move |_| {
        let doc = state.selected.get();
        let _ = body.get();
        let regions = doc.map(|id| regions_of(state, id)).unwrap_or_default();
        set_regions(doc, regions);
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
        let Some(id) = state.selected.get_untracked() else { return };
        let have = state.original.with_untracked(|o| matches!(o, Some((d, Some(_))) if *d == id));
        if now_open && !have {
            // Asked of the worker each time it is needed: pages can be large, the page keeps one.
            state.original.set(None);
            worker_client::send(&Request::Original { id }, None);
        }
    };
    // Annotates the same document again from the whole page or from its article.
    let use_version = move |whole: bool| {
        let Some(id) = state.selected.get_untracked() else { return };
        let Some(row) = state.row(id) else { return };
        row.info.update(|i| i.status = Status::Working);
        open.set(false);
        worker_client::send(&Request::Use { id, whole }, None);
    };
    let original_text = move || -> Option<Option<Arc<String>>> {
        let id = state.selected.get()?;
        state.original.with(|o| o.as_ref().filter(|(d, _)| *d == id).map(|(_, t)| t.clone()))
    };
    let point = move |ev: &web_sys::Event| {
        if let Some(i) = mark_index(ev) {
            if state.focused.get_untracked() != Some(i) {
                state.focused.set(Some(i));
            }
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
                    region_action(state, &ev);
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if (ev.key() == "Enter" || ev.key() == " ") && region_action(state, &ev) {
                        ev.prevent_default();
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
