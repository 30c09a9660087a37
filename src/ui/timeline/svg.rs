//! The timeline as SVG. Everything placed in time lives in one nested `<svg class="plot">` whose
//! viewBox is the visible window (in milliseconds), so zooming and panning change one attribute;
//! strokes do not scale (`vector-effect`), and the few texts that sit in time (segment labels,
//! tick labels, blocked labels) are redrawn for the window.

use super::lod;
use super::zoom::{format_time, ticks};
use super::{Geometry, TimelineInput};
use awaitlab_engine::trace::timeline::{Lane, RequestSpan, Resource, SegmentKind, Timeline as Model};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::JsCast;

pub const LANE_H: f64 = 26.0;
/// An axis label's character (11 px system type), at most.
const TICK_CHAR_W: f64 = 6.6;
/// The row under the task lanes that names the loop's blocked spans.
const BLOCKED_ROW_H: f64 = 18.0;
pub const AXIS_H: f64 = 24.0;
const REQ_H: f64 = 9.0;
const CHART_H: f64 = 44.0;
pub const MAX_REQUESTS: usize = 300;
/// A resource title longer than its column is narrowed to fit, up to this share more characters.
const SQUEEZE: f64 = 1.3;
/// Plot units per second: the plot's viewBox is in milliseconds.
const K: f64 = 1000.0;
/// A zero-length rect is not drawn at all; this one is, through its stroke.
const HAIRLINE: f64 = 1e-6;

fn status_class(r: &RequestSpan) -> &'static str {
    match (r.status, &r.error) {
        (Some(s), _) if s < 300 => "ok",
        (Some(429), _) => "limited",
        (Some(s), _) if s < 500 => "client-error",
        (Some(_), _) => "server-error",
        (None, Some(_)) => "failed",
        _ => "pending",
    }
}

/// "sleep 2 s: 0 → 2 s (2 s)" and, when known, the program line it waited at.
fn segment_tip(label: &str, start: f64, end: f64, line: u32, source: &[String]) -> String {
    let mut tip = format!("{label}: {} → {} ({})", format_time(start), format_time(end), format_time(end - start));
    if line > 0 {
        match source.get(line as usize - 1).map(|l| l.trim()).filter(|l| !l.is_empty()) {
            Some(text) => tip.push_str(&format!("\nline {line}: {text}")),
            None => tip.push_str(&format!("\nline {line}")),
        }
    }
    tip
}

/// A segment, or a block standing for many (`lod`), drawn at lane height `y`.
fn segment_view(block: &lod::Block, y: f64, input: &TimelineInput) -> impl IntoView {
    let lod::Block { kind, start, end, count, line, .. } = *block;
    let label = block.label.as_deref().unwrap_or("");
    let (class, h, dy) = match kind {
        SegmentKind::Running => ("running", LANE_H - 8.0, 4.0),
        SegmentKind::Waiting => ("waiting", LANE_H - 12.0, 6.0),
        SegmentKind::Ready => ("ready", 2.0, LANE_H / 2.0 - 1.0),
    };
    let tip = if count > 1 {
        format!(
            "{count} steps and waits, mostly {}: {} → {}",
            if label.is_empty() { class } else { label },
            format_time(start),
            format_time(end)
        )
    } else {
        segment_tip(label, start, end, line, &input.source)
    };
    let css = if count > 1 { format!("seg {class} many") } else { format!("seg {class}") };
    view! {
        <rect class=css data-kind=class data-label=label.to_string()
            data-start=start data-end=end data-line=line
            x=start * K y=y + dy width=((end - start) * K).max(HAIRLINE) height=h>
            <title>{tip}</title>
        </rect>
    }
}

/// One task's segments and prints, in plot units (x in ms, y in page units). A lane with more
/// segments than `lod::DETAIL_MAX` is drawn in blocks of about a pixel (`lod`), again for each
/// window the view settles on.
fn lane_plot(m: &Rc<Model>, index: usize, y: f64, input: &Rc<TimelineInput>, plot_w: f64) -> impl IntoView {
    let lane = &m.lanes[index];
    let segments = if lane.segments.len() <= lod::DETAIL_MAX {
        lane.segments.iter().map(|seg| segment_view(&lod::Block::of(seg), y, input).into_any()).collect_view().into_any()
    } else {
        // The model is shared, not copied: a long run's lane may hold a million segments.
        let shared = SendWrapper::new((m.clone(), input.clone()));
        let settled = input.settled;
        (move || {
            let (m, input) = &*shared;
            let w = settled.get();
            lod::blocks(&m.lanes[index].segments, w.start, w.end, plot_w).into_iter().map(|b| segment_view(&b, y, input)).collect_view()
        })
        .into_any()
    };
    let print_view = move |time: f64, text: String, stderr: bool| {
        let class = if stderr { "print stderr" } else { "print" };
        view! {
            <line class=class x1=time * K x2=time * K y1=y + 1.0 y2=y + 9.0>
                <title>{text}</title>
            </line>
        }
    };
    let prints = if lane.prints.len() <= lod::DETAIL_MAX {
        lane.prints
            .iter()
            .map(|p| print_view(p.time, format!("printed {} at {}", p.text.trim_end(), format_time(p.time)), p.stderr).into_any())
            .collect_view()
            .into_any()
    } else {
        let shared = SendWrapper::new(m.clone());
        let settled = input.settled;
        (move || {
            let w = settled.get();
            lod::thin(shared.lanes[index].prints.iter().map(|p| p.time), w.start, w.end, plot_w)
                .into_iter()
                .map(|(t, n)| print_view(t, format!("{n} print{} at {}", if n == 1 { "" } else { "s" }, format_time(t)), false))
                .collect_view()
        })
        .into_any()
    };
    // A click on a segment shows its line: one handler for the lane, not one per segment (a
    // long run draws thousands, and each handler is a closure the browser must be given).
    let on_line = input.on_line;
    let clicked = move |ev: web_sys::MouseEvent| {
        let line = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|e| e.class_list().contains("seg"))
            .and_then(|e| e.get_attribute("data-line"))
            .and_then(|l| l.parse::<u32>().ok());
        if let Some(line) = line.filter(|&l| l > 0) {
            if !super::was_dragged() {
                on_line.run(line);
            }
        }
    };
    view! {
        <g class="lane" data-testid="lane" data-title=lane.title.clone() data-task=lane.task data-outcome=lane.outcome.unwrap_or("pending")
            on:click=clicked>
            {segments}
            {prints}
        </g>
    }
}

/// The lane's title column: title, Task name, outcome, and (under a replay cursor) its state.
fn lane_title(lane: &Lane, y: f64, g: Geometry, parent: Option<&str>, cursor: Option<Signal<Option<f64>>>) -> impl IntoView {
    let title = lane.title.clone();
    let shown_title = super::labels::short_title(&title, g.title_chars());
    let width = g.width;
    // The state line is proportional type, about 6 units a character: a long task name is cut.
    let name_chars = ((g.label_w - 10.0) / 6.0) as usize;
    let mut hover = title.clone();
    if let Some(p) = parent {
        hover.push_str(&format!("\ncreated by {p} at {}", format_time(lane.created)));
    }
    if lane.name.chars().count() > 12 {
        hover.push_str(&format!("\ntask name: {}", lane.name));
    }
    let outcome = lane.outcome.unwrap_or("pending");
    // Room for " · " and the outcome after the name.
    let name = super::labels::cut(&lane.name, name_chars.saturating_sub(3 + outcome.len()).max(6));
    let at_cursor = SendWrapper::new(lane.clone());
    let state = move || match cursor.and_then(|c| c.get()) {
        Some(t) => format!("{name} · {}", at_cursor.state_at(t)),
        None => format!("{name} · {outcome}"),
    };
    view! {
        <g class="lane-head" data-testid="lane-head">
            <line class="lane-rule" x1=0 x2=width y1=y + LANE_H y2=y + LANE_H />
            <text class="lane-title" x=6 y=y + 12.0>{shown_title}<title>{hover}</title></text>
            <text class="lane-name" data-testid="lane-state" x=6 y=y + 23.0>{state}</text>
        </g>
    }
}

fn requests_plot(reqs: &[RequestSpan], top: f64, end: f64) -> impl IntoView {
    reqs.iter()
        .take(MAX_REQUESTS)
        .enumerate()
        .map(|(i, r)| {
            let y = top + i as f64 * REQ_H;
            let stop = r.end.unwrap_or(end);
            let queued = r.queued_from.map(|q| {
                view! { <rect class="req-queued" x=q * K y=y + 2.0 width=((r.start - q) * K).max(HAIRLINE) height=REQ_H - 4.0 /> }
            });
            let outcome = match (r.status, &r.error) {
                (Some(st), _) => st.to_string(),
                (None, Some(e)) => format!("failed: {e}"),
                _ => "in flight".into(),
            };
            let mut tip = format!("{} → {outcome}", r.label);
            if let Some(q) = r.queued_from {
                tip.push_str(&format!("\nwaited for a connection {} → {}", format_time(q), format_time(r.start)));
            }
            tip.push_str(&format!("\nsent {} → answered {}", format_time(r.start), r.end.map(format_time).unwrap_or_else(|| "…".into())));
            // A reply that is not a success gets a mark at its answer that is 3 px wide at any
            // zoom (the stroke does not scale): a fast 429 is never a hairline.
            let class = status_class(r);
            let mark = (class != "ok" && class != "pending").then(|| {
                view! { <line class=format!("req-mark {class}") data-testid="request-mark" x1=stop * K x2=stop * K y1=y + 0.5 y2=y + REQ_H - 0.5 /> }
            });
            view! {
                <g data-testid="request" data-status=r.status.map(|s| s.to_string()).unwrap_or_default()>
                    {queued}
                    <rect class=format!("req {class}") x=r.start * K y=y + 1.0
                        width=((stop - r.start) * K).max(HAIRLINE) height=REQ_H - 2.0>
                        <title>{tip.clone()}</title>
                    </rect>
                    {mark.map(|m| view! { <g>{m}<title>{tip}</title></g> })}
                </g>
            }
        })
        .collect_view()
}

/// Keeps the last value at each instant: a release and an acquire at the same moment are one
/// step, not a dip to zero.
fn settle(samples: &[(f64, i64)]) -> Vec<(f64, i64)> {
    let mut out: Vec<(f64, i64)> = Vec::with_capacity(samples.len());
    for &(t, v) in samples {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 = v,
            _ => out.push((t, v)),
        }
    }
    out
}

/// A step chart of `samples` (time, value), with an optional limit line; stretches above the
/// limit are drawn again as violations.
fn step_chart(samples: &[(f64, i64)], limit: Option<i64>, top: f64, end: f64) -> impl IntoView {
    let samples = settle(samples);
    let max = samples.iter().map(|s| s.1).max().unwrap_or(0).max(limit.unwrap_or(0)).max(1) as f64;
    let y = move |v: i64| top + CHART_H - 4.0 - (v as f64 / max) * (CHART_H - 10.0);
    let mut d = format!("M0 {}", y(0));
    let mut last = 0;
    for (t, v) in &samples {
        d.push_str(&format!(" L{} {} L{} {}", t * K, y(last), t * K, y(*v)));
        last = *v;
    }
    d.push_str(&format!(" L{} {}", end * K, y(last)));
    let limit = limit.filter(|l| *l > 0);
    let violations = limit.map(|l| {
        let mut over = vec![];
        for (i, (t, v)) in samples.iter().enumerate() {
            if *v > l {
                let until = samples.get(i + 1).map_or(end, |n| n.0);
                over.push(view! {
                    <rect class="violation" data-testid="violation" x=t * K y=y(*v) width=((until - t) * K).max(HAIRLINE) height=y(l) - y(*v)>
                        <title>{format!("{v} > limit {l} from {} to {}", format_time(*t), format_time(until))}</title>
                    </rect>
                });
            }
        }
        over
    });
    let limit_line =
        limit.map(|l| view! { <line class="limit" x1=0 x2=end * K y1=y(l) y2=y(l)><title>{format!("limit {l}")}</title></line> });
    view! {
        {violations}
        <path class="chart" d=d />
        {limit_line}
    }
}

/// A resource lane's title and the line under it: the program's name for the object when it
/// is known (`api_lock: BoundedSemaphore(2)`), then what it is; how much of it was used.
fn resource_title(r: &Resource) -> (String, String) {
    let max = r.samples.iter().map(|x| x.1).max().unwrap_or(0);
    let (what, used) = match &*r.kind {
        "connections" => ("aiohttp connections".to_string(), format!("in use · max {max} · limit {}", r.capacity)),
        "Lock" => ("Lock".to_string(), format!("held · max {max}")),
        k if r.capacity > 0 => (format!("{k}({})", r.capacity), format!("in use · max {max}")),
        k => (k.to_string(), format!("in use · max {max}")),
    };
    match &r.name {
        Some(name) => (format!("{name}: {what}"), used),
        None => (what, used),
    }
}

/// A chart lane under the task lanes: its title column and its plot.
struct Section {
    head: AnyView,
    plot: AnyView,
    height: f64,
}

fn sections(m: &Model, g: Geometry, top: f64, end: f64, rate: Option<(u32, f64)>) -> Vec<Section> {
    let mut out = vec![];
    let mut y = top;
    if !m.requests.is_empty() {
        let shown = m.requests.len().min(MAX_REQUESTS);
        let height = (shown as f64 * REQ_H).max(30.0) + 14.0;
        let more = m.requests.len() - shown;
        out.push(Section {
            head: view! {
                <text class="lane-title" x=6 y=y + 20.0>"HTTP requests"</text>
                <text class="lane-name" x=6 y=y + 32.0>{format!("{} · at most {} at once{}", m.requests.len(), m.max_in_flight,
                    if more > 0 { format!(" · first {shown} drawn") } else { String::new() })}</text>
            }
            .into_any(),
            plot: view! { <g class="section" data-testid="requests-lane">{requests_plot(&m.requests, y + 8.0, end)}</g> }.into_any(),
            height,
        });
        y += height;
        out.push(Section {
            head: view! {
                <text class="lane-title" x=6 y=y + 16.0>"Requests in flight"</text>
                <text class="lane-name" x=6 y=y + 28.0>{format!("max {}", m.max_in_flight)}</text>
            }
            .into_any(),
            plot: view! { <g class="section" data-testid="in-flight-lane">{step_chart(&m.in_flight, None, y, end)}</g> }.into_any(),
            height: CHART_H,
        });
        y += CHART_H;
        if let Some((limit, window)) = rate.filter(|(l, w)| *l > 0 && *w > 0.0 && m.requests.iter().any(|r| r.practice)) {
            let series = m.sliding_window(window);
            let peak = series.iter().map(|s| s.1).max().unwrap_or(0);
            let held = peak <= limit as i64;
            out.push(Section {
                head: view! {
                    <text class="lane-title" x=6 y=y + 16.0>{format!("Sent in the last {} s", window)}</text>
                    <text class=if held { "lane-name" } else { "lane-name over" } x=6 y=y + 28.0>
                        {format!("max {peak} · limit {limit}: {}", if held { "held" } else { "exceeded" })}</text>
                }
                .into_any(),
                plot: view! {
                    <g class="section" data-testid="rate-window-lane" data-peak=peak data-limit=limit data-held=held.to_string()>
                        {step_chart(&series, Some(limit as i64), y, end)}
                    </g>
                }
                .into_any(),
                height: CHART_H,
            });
            y += CHART_H;
        }
    }
    for r in &m.resources {
        let (title, line) = resource_title(r);
        // A name and a class rarely fit the column: a little more than it holds is narrowed
        // to fit rather than cut (the name and the capacity are what tell lanes apart).
        let shown = super::labels::short_title(&title, (g.title_chars() as f64 * SQUEEZE) as usize);
        let squeeze = (shown.chars().count() > g.title_chars()).then_some(g.label_w - 8.0);
        out.push(Section {
            head: view! {
                <text class="lane-title" data-testid="resource-title" x=6 y=y + 16.0
                    textLength=squeeze lengthAdjust=squeeze.map(|_| "spacingAndGlyphs")>{shown}<title>{title}</title></text>
                <text class="lane-name" x=6 y=y + 28.0>{line}</text>
            }
            .into_any(),
            plot: view! {
                <g class="section" data-testid="resource-lane" data-kind=r.kind.to_string()>
                    {step_chart(&r.samples, (r.capacity > 0).then_some(r.capacity), y, end)}
                </g>
            }
            .into_any(),
            height: CHART_H,
        });
        y += CHART_H;
    }
    out
}

/// Texts that sit at a time: segment labels (where the segment is wide enough on screen) and
/// blocked-span labels. Redrawn for each window.
#[derive(Clone)]
struct TimedLabel {
    start: f64,
    end: f64,
    y: f64,
    text: String,
    class: &'static str,
}

/// The SVG for a run: the axis, the task lanes (unless a canvas draws them: `lanes = false`)
/// and the chart sections.
pub fn draw(m: Rc<Model>, input: Rc<TimelineInput>, geometry: Geometry, draw_lanes: bool) -> impl IntoView {
    let total = geometry.total;
    let window = input.window;
    let mut y = AXIS_H;
    let mut heads = vec![];
    let mut plots = vec![];
    let mut labels: Vec<TimedLabel> = vec![];
    let mut spawns = vec![];
    let lanes_top = y;
    if draw_lanes {
        let lane_y: std::collections::HashMap<u64, f64> =
            m.lanes.iter().enumerate().map(|(i, l)| (l.task, AXIS_H + i as f64 * LANE_H)).collect();
        for (index, lane) in m.lanes.iter().enumerate() {
            let parent = lane.parent.and_then(|p| m.lanes.iter().find(|l| l.task == p));
            heads.push(lane_title(lane, y, geometry, parent.map(|p| p.title.as_str()), input.cursor).into_any());
            plots.push(lane_plot(&m, index, y, &input, geometry.plot_w()).into_any());
            if let Some(py) = parent.and_then(|p| lane_y.get(&p.task)) {
                // Parent → child: a thin link from the parent's lane to the child's, at creation.
                spawns.push(view! {
                    <line class="spawn" x1=lane.created * K x2=lane.created * K y1=py + LANE_H / 2.0 y2=y + LANE_H / 2.0 />
                });
            }
            // Labels for lanes drawn segment by segment (in a lane drawn in blocks, no wait is
            // wide enough to carry one until zoomed far in).
            if lane.segments.len() <= lod::DETAIL_MAX {
                for seg in lane.segments.iter().filter(|s| s.kind == SegmentKind::Waiting) {
                    labels.push(TimedLabel {
                        start: seg.start,
                        end: seg.end,
                        y: y + LANE_H / 2.0 + 4.0,
                        text: seg.label.to_string(),
                        class: "seg-label",
                    });
                }
            }
            y += LANE_H;
        }
    }
    let lanes_bottom = y;
    // Past the trace's size limit the run is summarised: its stretch is shaded, not drawn.
    let summarised = m.summarised_from.map(|from| {
        labels.push(TimedLabel { start: from, end: f64::INFINITY, y: lanes_top + 12.0, text: "summarised: not drawn".into(), class: "summarised-label" });
        view! {
            <rect class="summarised" data-testid="summarised" x=from * K y=lanes_top width=((total - from) * K).max(HAIRLINE)
                height=(lanes_bottom - lanes_top).max(LANE_H)>
                <title>{format!("From {} on the trace reached its size limit: the run went on, and is counted, not drawn", format_time(from))}</title>
            </rect>
        }
    });
    // The loop's blocked spans shade the lanes down to a row of their own, where their labels
    // go (never over a lane's labels or the axis). A label may use the room up to the next
    // blocked span, and one that has no room at this zoom is hidden (its span keeps its tooltip).
    let blocked_bottom = if m.blocked.is_empty() {
        lanes_bottom
    } else {
        let top = y;
        heads.push(
            view! {
                <g data-testid="blocked-row">
                    <line class="lane-rule" x1=0 x2=geometry.width y1=top + BLOCKED_ROW_H y2=top + BLOCKED_ROW_H />
                    <text class="lane-name over" x=6 y=top + 13.0>"the loop: blocked"</text>
                </g>
            }
            .into_any(),
        );
        y += BLOCKED_ROW_H;
        y
    };
    let next_starts: Vec<f64> = m.blocked.iter().skip(1).map(|b| b.start).chain([f64::INFINITY]).collect();
    let blocked = m
        .blocked
        .iter()
        .zip(next_starts)
        .map(|(b, next)| {
            labels.push(TimedLabel {
                start: b.start,
                end: next.max(b.end),
                y: blocked_bottom - 5.0,
                text: format!("blocked: {}", b.label),
                class: "blocked-label",
            });
            view! {
                <rect class="blocked" data-testid="blocked" x=b.start * K y=lanes_top
                    width=((b.end - b.start) * K).max(HAIRLINE) height=(blocked_bottom - lanes_top).max(LANE_H)>
                    <title>{format!("loop blocked: {} ({})", b.label, format_time(b.end - b.start))}</title>
                </rect>
            }
        })
        .collect_view();
    let end = total;
    // The loop's own lane: the program's callbacks, each a mark at the moment the loop ran it,
    // named where there is room before the next one.
    if !m.callbacks.is_empty() {
        let lane_y = y;
        heads.push(
            view! {
                <g data-testid="loop-lane">
                    <line class="lane-rule" x1=0 x2=geometry.width y1=lane_y + LANE_H y2=lane_y + LANE_H />
                    <text class="lane-title" x=6 y=lane_y + 12.0>"the loop: callbacks"</text>
                    <text class="lane-name" x=6 y=lane_y + 23.0>{format!("{} run", m.callbacks.len())}</text>
                </g>
            }
            .into_any(),
        );
        let nexts: Vec<f64> = m.callbacks.iter().skip(1).map(|c| c.time).chain([f64::INFINITY]).collect();
        for (c, next) in m.callbacks.iter().zip(nexts) {
            labels.push(TimedLabel {
                start: c.time,
                end: next,
                y: lane_y + LANE_H / 2.0 + 4.0,
                text: c.name.to_string(),
                class: "callback-label",
            });
        }
        let marks = m
            .callbacks
            .iter()
            .map(|c| {
                let tip = format!("callback {} at {} (def at line {})", c.name, format_time(c.time), c.line);
                view! {
                    <line class="callback" data-testid="callback" data-name=c.name.to_string() data-line=c.line
                        x1=c.time * K x2=c.time * K y1=lane_y + 3.0 y2=lane_y + LANE_H - 3.0>
                        <title>{tip}</title>
                    </line>
                }
            })
            .collect_view();
        plots.push(marks.into_any());
        y += LANE_H;
    }
    for s in sections(&m, geometry, y + 4.0, end, input.rate) {
        heads.push(s.head);
        plots.push(s.plot);
        y += s.height;
    }
    let height = y + 6.0;

    // The parts that follow the window.
    let view_box = move || {
        let w = window.get();
        format!("{} 0 {} {height}", w.start * K, w.span() * K)
    };
    let (width, plot_w) = (geometry.width, geometry.plot_w());
    let px_per_unit = move || plot_w / (window.get().span() * K);
    // The hatch of waiting segments, kept square on screen.
    let hatch = move || format!("scale({} 1) rotate(45)", 1.0 / px_per_unit());
    let axis = move || {
        let w = window.get();
        ticks(w, geometry.tick_count())
            .into_iter()
            .map(|t| {
                let x = geometry.x(w, t);
                let label = format_time(t);
                // A label that would leave the drawing is set to the left of its tick.
                let leaves = x + 2.0 + TICK_CHAR_W * label.chars().count() as f64 > width;
                let (lx, anchor) = if leaves { (x - 2.0, "end") } else { (x + 2.0, "start") };
                view! {
                    <line class="tick" x1=x x2=x y1=AXIS_H - 4.0 y2=height />
                    <text class="tick-label" x=lx y=14 text-anchor=anchor>{label}</text>
                }
            })
            .collect_view()
    };
    // Built once; each follows the window through its own attributes (no elements are made
    // while zooming).
    let timed_labels = labels
        .iter()
        .map(|l| {
            let l = l.clone();
            let width = 7.0 * l.text.chars().count() as f64;
            let (start, end) = (l.start, l.end);
            // Kept inside the drawing: a label at the run's very end is drawn to its left.
            let x = move || {
                let w = window.get();
                (geometry.x(w, start.max(w.start)) + 4.0).min(geometry.width - width - 2.0)
            };
            let shown = move || {
                let w = window.get();
                let room = geometry.x(w, end.min(w.end)) - geometry.x(w, start.max(w.start));
                if w.overlaps(start, end) && (end.is_infinite() || room > width) {
                    "visible"
                } else {
                    "hidden"
                }
            };
            view! { <text class=l.class x=x y=l.y visibility=shown>{l.text}</text> }
        })
        .collect_view();
    let marker = |class: &'static str, testid: &'static str, at: Option<Signal<Option<f64>>>| {
        at.map(|c| {
            let x = move || c.get().map_or(-1e12, |t| t * K);
            view! {
                <line class=class data-testid=testid x1=x x2=x y1=AXIS_H - 6.0 y2=height
                    visibility=move || if c.get().is_some() { "visible" } else { "hidden" } />
            }
        })
    };
    view! {
        <svg class="timeline-svg" viewBox=format!("0 0 {width} {height}") role="img"
            style:width=format!("{}px", width * geometry.scale)
            aria-label="Timeline of the run: one lane per task" data-testid="timeline-svg">
            <defs>
                <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform=hatch>
                    <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            <g class="axis">{axis}</g>
            {heads}
            <svg class="plot" x=geometry.label_w y=0 width=plot_w height=height viewBox=view_box preserveAspectRatio="none">
                {summarised}
                {blocked}
                {spawns}
                {plots}
                {marker("cursor", "cursor", input.cursor)}
                {marker("now", "now", input.now)}
            </svg>
            <g class="timed-labels">{timed_labels}</g>
        </svg>
    }
}
