//! The timeline of a run, drawn from the engine's timeline model (`awaitlab_engine::trace::timeline`):
//! SVG up to `MAX_SVG_LANES` task lanes (every segment an element: hover, click, tests), a
//! canvas past that (only the visible lanes are drawn). Zoom and pan move a shared window of
//! program time; the pinned run of the compare view follows the same window.

mod canvas;
pub mod export;
pub mod labels;
pub mod lod;
mod navigate;
mod svg;
pub mod zoom;

use awaitlab_engine::trace::timeline::Timeline as Model;
use leptos::prelude::*;
pub use navigate::was_dragged;
use navigate::Navigator;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
pub use zoom::{format_time, Window};

/// The drawing is laid out in logical units: the frame's CSS pixels divided by the type scale
/// (1, or `PROJECTOR_SCALE` in projector mode), so its text is 11–12 px (or half as big again)
/// at any frame width, and it always fits its frame. A frame narrower than `MIN_FIT` units (a
/// phone) keeps scale 1 and a narrower title column (`NARROW_LABEL_W`): lanes stay beside
/// their names, and a pinch zooms.
pub const MIN_FIT: f64 = 480.0;
pub const NARROW_LABEL_W: f64 = 128.0;
/// Before the frame has been measured.
const DEFAULT_WIDTH: f64 = 960.0;
pub const LABEL_W: f64 = 190.0;
/// Right of the plot: room for the last tick's label.
const RIGHT_MARGIN: f64 = 20.0;
/// Type scale of projector mode (the rest of the page grows about as much).
pub const PROJECTOR_SCALE: f64 = 1.5;
/// More task lanes than this are drawn on a canvas (measured: see ARCHITECTURE.md).
pub const MAX_SVG_LANES: usize = 120;

/// Where times go across the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// The whole run's length (the window never leaves [0, total]).
    pub total: f64,
    /// The drawing's width in logical units.
    pub width: f64,
    /// CSS pixels per logical unit.
    pub scale: f64,
    /// The title column's width, in logical units.
    pub label_w: f64,
}

impl Geometry {
    /// For a frame `frame_px` CSS pixels wide (0: not measured yet) at type scale `scale`.
    pub fn new(total: f64, frame_px: f64, scale: f64) -> Geometry {
        if frame_px <= 0.0 {
            return Geometry { total, width: DEFAULT_WIDTH, scale, label_w: LABEL_W };
        }
        let fit = (frame_px / scale).floor();
        if fit >= MIN_FIT {
            Geometry { total, width: fit, scale, label_w: LABEL_W }
        } else if frame_px >= MIN_FIT {
            // Projector type would leave no room: the largest scale that fits.
            let scale = frame_px / MIN_FIT;
            Geometry { total, width: (frame_px / scale).floor(), scale, label_w: LABEL_W }
        } else {
            Geometry { total, width: frame_px.floor().max(NARROW_LABEL_W + 120.0), scale: 1.0, label_w: NARROW_LABEL_W }
        }
    }

    /// The plot's width (right of the lane titles), in logical units.
    pub fn plot_w(&self) -> f64 {
        self.width - self.label_w - RIGHT_MARGIN
    }

    /// The x of time `t` in the drawing's logical units.
    pub fn x(&self, w: Window, t: f64) -> f64 {
        self.label_w + (t - w.start) / w.span() * self.plot_w()
    }

    /// Characters of a lane title (12 px monospace) the title column holds.
    pub fn title_chars(&self) -> usize {
        ((self.label_w - 10.0) / 7.2).floor().max(8.0) as usize
    }

    /// How many axis ticks the plot has room for (a label such as "500 ms" is ~40 units wide).
    pub fn tick_count(&self) -> usize {
        (self.plot_w() / 65.0).floor().clamp(2.0, 10.0) as usize
    }
}

/// What every drawing of a run needs besides the model.
pub struct TimelineInput {
    pub on_line: Callback<u32>,
    pub cursor: Option<Signal<Option<f64>>>,
    pub now: Option<Signal<Option<f64>>>,
    pub window: Signal<Window>,
    /// The window once it stops moving: lanes drawn in blocks are drawn again for it.
    pub settled: Signal<Window>,
    /// The practice API's rate limit of the run: (requests, per seconds).
    pub rate: Option<(u32, f64)>,
    /// The program's lines, for tooltips.
    pub source: Vec<String>,
}

/// The whole timeline for one run.
#[component]
pub fn TimelineView(
    /// (Shared: a redraw never copies a long run's model.)
    #[prop(into)]
    model: Signal<Option<Rc<Model>>, LocalStorage>,
    /// Clicking a segment shows its source line in the editor.
    on_line: Callback<u32>,
    /// At least this much time on the axis (two runs compared share one scale).
    #[prop(into)]
    min_end: Signal<f64>,
    /// The zoomed window, shared by the compared runs; `None`: the whole run.
    zoom: RwSignal<Option<Window>>,
    /// The replay cursor (program time); `None`: no cursor.
    #[prop(into, optional)]
    cursor: Option<Signal<Option<f64>>>,
    /// While a program runs in real time: its clock, drawn as a moving line.
    #[prop(into, optional)]
    now: Option<Signal<Option<f64>>>,
    /// The practice API's rate limit for the run: (requests, per seconds).
    #[prop(into)]
    rate: Signal<Option<(u32, f64)>>,
    /// The program that ran (tooltips quote its lines).
    #[prop(into)]
    source: Signal<String>,
    /// A second timeline sharing the zoom (the pinned run) shows no zoom buttons of its own.
    #[prop(optional)]
    follows_zoom: bool,
    /// Said after the timeline's own summary (what the practice API's server saw).
    #[prop(into, optional)]
    note: Option<Signal<String>>,
    /// Projector mode: the drawing's type (and lanes) half as big again.
    #[prop(into, optional)]
    large: Option<Signal<bool>>,
) -> impl IntoView {
    // Memos: hundreds of labels read the window on every zoom step.
    let total = Memo::new(move |_| {
        let end = model.with(|m| m.as_ref().map_or(0.0, |m| m.end));
        end.max(min_end.get()).max(now.and_then(|n| n.get()).unwrap_or(0.0)).max(1e-3)
    });
    let window: Signal<Window> = Memo::new(move |_| {
        let total = total.get();
        zoom.get().map_or(Window::full(total), |w| w.clamped(total))
    })
    .into();
    let frame = NodeRef::<leptos::html::Div>::new();
    let frame_px = navigate::watch_width(frame);
    let scale = move || if large.is_some_and(|l| l.get()) { PROJECTOR_SCALE } else { 1.0 };
    let geometry = Memo::new(move |_| Geometry::new(total.get(), frame_px.get(), scale()));
    let nav = Navigator { zoom, window, total, geometry, frame, moving: RwSignal::new(0) };
    nav.listen();
    let settled = nav.settled();
    let body = move || {
        let Some(m) = model.get() else {
            return view! { <p class="timeline-empty">"Run a program to see what the event loop did."</p> }.into_any();
        };
        let geometry = geometry.get();
        let input = Rc::new(TimelineInput {
            on_line,
            cursor,
            now,
            window,
            settled,
            rate: rate.get_untracked(),
            source: source.with_untracked(|s| s.lines().map(str::to_string).collect()),
        });
        let summary = summary_text(&m);
        let drawing = if m.lanes.len() > MAX_SVG_LANES {
            // The chart sections stay SVG (they are few elements); only when there are any.
            let charts = (!m.requests.is_empty() || !m.resources.is_empty()).then(|| svg::draw(m.clone(), input.clone(), geometry, false));
            view! {
                {canvas::draw(m.clone(), input.clone(), geometry)}
                {charts}
            }
            .into_any()
        } else {
            svg::draw(m.clone(), input.clone(), geometry, true).into_any()
        };
        report_render_time();
        view! {
            <p class="timeline-summary" data-testid="timeline-summary">{summary}
                {note.map(|n| move || {
                    let n = n.get();
                    (!n.is_empty()).then(|| view! { <span class="summary-note">" · "<span data-testid="summary">{n}</span></span> })
                })}</p>
            {drawing}
        }
        .into_any()
    };
    let controls = (!follows_zoom).then(|| view! { <ZoomControls nav=nav /> });
    view! {
        {controls}
        <div class=move || { if nav.moving.get() > 0 { "timeline-frame moving" } else { "timeline-frame" } }
            data-testid="timeline-frame" node_ref=frame tabindex="0"
            aria-label="Timeline: + and − zoom, arrow keys pan, 0 shows the whole run"
            on:pointerdown=move |ev| nav.on_pointer_down(ev) on:pointermove=move |ev| nav.on_pointer_move(ev)
            on:pointerup=move |_| nav.on_pointer_up() on:keydown=move |ev| nav.on_key(ev)>
            {body}
        </div>
    }
}

/// The zoom buttons, and the window shown when zoomed.
#[component]
fn ZoomControls(nav: Navigator) -> impl IntoView {
    let zoomed = move || nav.zoom.get().is_some();
    view! {
        <div class="zoom-controls" role="group" aria-label="Zoom the timeline">
            <button data-testid="zoom-out" title="Zoom out (−)" on:click=move |_| nav.zoom_by(1.0 / 1.5, 0.5)>"−"</button>
            <button data-testid="zoom-in" title="Zoom in (+; Ctrl+wheel or pinch at a point)" on:click=move |_| nav.zoom_by(1.5, 0.5)>"+"</button>
            <button data-testid="zoom-fit" title="Show the whole run (0)" disabled=move || !zoomed() on:click=move |_| nav.zoom.set(None)>"Fit"</button>
            <span class="zoom-window" data-testid="zoom-window">{move || {
                let w = nav.window.get();
                if zoomed() { format!("{} – {}", format_time(w.start), format_time(w.end)) } else { String::new() }
            }}</span>
        </div>
    }
}

/// Marks the segments that belong to program line `line` (the editor's cursor line).
pub fn highlight_line(line: Option<u32>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let each = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = doc.query_selector_all(selector) {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    f(&el);
                }
            }
        }
    };
    each(".timeline-svg .seg.linked", &|el| {
        let _ = el.class_list().remove_1("linked");
    });
    if let Some(line) = line.filter(|l| *l > 0) {
        each(&format!(".timeline-svg .seg[data-line=\"{line}\"]"), &|el| {
            let _ = el.class_list().add_1("linked");
        });
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Task count, total time, most tasks at once, requests and time blocked, in words.
fn summary_text(m: &Model) -> String {
    let n = m.lanes.len();
    let mut text = format!(
        "{n} task{} · {} of program time · at most {} at once",
        if n == 1 { "" } else { "s" },
        format_time(m.end),
        m.max_concurrent_tasks()
    );
    if !m.requests.is_empty() {
        // Counted from the trace, like everything here: one truth about what the program sent.
        let n = m.requests.len();
        text.push_str(&format!(" · {n} request{}, at most {} in flight", if n == 1 { "" } else { "s" }, m.max_in_flight));
        let limited = m.requests.iter().filter(|r| r.status == Some(429)).count();
        let failed = m.requests.iter().filter(|r| r.error.is_some() || r.status.is_some_and(|s| s >= 400 && s != 429)).count();
        if limited > 0 {
            text.push_str(&format!(", {limited} rate-limited (429)"));
        }
        if failed > 0 {
            text.push_str(&format!(", {failed} failed"));
        }
    }
    if !m.blocked.is_empty() {
        text.push_str(&format!(" · loop blocked {} in all", format_time(m.blocked_time())));
    }
    if let Some(from) = m.summarised_from {
        text.push_str(&format!(" · summarised from {}", format_time(from)));
        if let Some(u) = m.unrecorded {
            text.push_str(&format!(
                ": {} more events ({} task steps, {} new tasks, {} prints, {} requests) not drawn",
                thousands(u.events),
                thousands(u.steps),
                thousands(u.tasks),
                thousands(u.prints),
                thousands(u.requests)
            ));
        }
    }
    text
}

/// `performance.measure("timeline-render")` from the page's `timeline-start` mark (set when
/// a finished run's model is built) to the second frame after drawing: what the page
/// benchmark reads.
fn report_render_time() {
    let Some(window) = web_sys::window() else { return };
    let Some(perf) = window.performance() else { return };
    if perf.get_entries_by_name_with_entry_type("timeline-start", "mark").length() == 0 {
        return;
    }
    let second = Closure::once_into_js(move || {
        let _ = perf.measure_with_start_mark("timeline-render", "timeline-start");
        perf.clear_marks_with_mark_name("timeline-start");
    });
    let first = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(second.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(first.unchecked_ref());
}
