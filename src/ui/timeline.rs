//! Draws the engine's timeline model (`awaitlab_engine::timeline`) as SVG: a time axis, one
//! lane per task, the loop's blocked spans across all lanes, the HTTP waterfall, requests in
//! flight and resource use. Drawing only; the model is built and tested in the engine.

use awaitlab_engine::timeline::{Lane, RequestSpan, Resource, SegmentKind, Timeline as Model};
use leptos::prelude::*;

/// Logical drawing width; the SVG scales to the page.
const WIDTH: f64 = 1200.0;
const LABEL_W: f64 = 190.0;
const LANE_H: f64 = 26.0;
const AXIS_H: f64 = 24.0;
const REQ_H: f64 = 9.0;
const CHART_H: f64 = 44.0;
/// More lanes than this are summarised, not drawn (SVG stays fast; see the issue on scale).
const MAX_LANES: usize = 200;
const MAX_REQUESTS: usize = 300;

struct Scale {
    end: f64,
}

impl Scale {
    fn x(&self, t: f64) -> f64 {
        LABEL_W + (t / self.end).clamp(0.0, 1.0) * (WIDTH - LABEL_W - 40.0)
    }
}

/// Round tick steps (1, 2, 5 × 10^k) giving about eight ticks.
fn ticks(end: f64) -> Vec<f64> {
    let raw = end / 8.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(mag * 10.0);
    (0..=((end / step).floor() as usize).min(50)).map(|i| i as f64 * step).collect()
}

/// The page's SVG made standalone: the namespace and the styles the page's CSS gave it
/// (light theme), so the file looks the same outside the page.
pub fn standalone_svg(outer_html: &str) -> String {
    const STYLE: &str = "<style>text{font-family:system-ui,sans-serif}.tick{stroke:#d9d9d6}.tick-label,.lane-name{fill:#5f6368;font-size:11px}.lane-rule{stroke:#d9d9d6;stroke-width:.5}.lane-title{fill:#1d1d1f;font:12px monospace}.seg.running{fill:#2f5bd3}.seg.waiting{fill:url(#hatch);stroke:#8a6d00}.hatch-line{stroke:#8a6d00;stroke-width:2;opacity:.45}.seg.ready{fill:#5f6368;opacity:.6}.seg-label{fill:#1d1d1f;font-size:10.5px}.print{fill:#1d1d1f}.print.stderr,.blocked-label{fill:#b3261e}.blocked{fill:#b3261e;opacity:.14}.req.ok{fill:#2e7d32}.req.limited,.req.client-error{fill:#c77700}.req.server-error,.req.failed{fill:#b3261e}.req-queued{fill:#5f6368;opacity:.3}.chart{fill:none;stroke:#2f5bd3;stroke-width:1.5}.limit{stroke:#b3261e;stroke-dasharray:4 3}</style>";
    let with_ns = outer_html.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    match with_ns.find('>') {
        Some(i) => format!("{}{}{}", &with_ns[..=i], STYLE, &with_ns[i + 1..]),
        None => with_ns,
    }
}

/// Marks the segments that belong to program line `line` (the editor's cursor line).
pub fn highlight_line(line: Option<u32>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(old) = doc.query_selector_all(".timeline-svg .seg.linked") {
        for i in 0..old.length() {
            if let Some(el) = old.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                let _ = el.class_list().remove_1("linked");
            }
        }
    }
    let Some(line) = line.filter(|l| *l > 0) else { return };
    if let Ok(now) = doc.query_selector_all(&format!(".timeline-svg .seg[data-line=\"{line}\"]")) {
        for i in 0..now.length() {
            if let Some(el) = now.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) {
                let _ = el.class_list().add_1("linked");
            }
        }
    }
}

pub fn format_time(t: f64) -> String {
    if t == 0.0 {
        "0".into()
    } else if t < 1.0 {
        format!("{} ms", (t * 1000.0 * 10.0).round() / 10.0)
    } else {
        format!("{} s", (t * 100.0).round() / 100.0)
    }
}

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

fn lane_view(lane: &Lane, y: f64, s: &Scale, on_line: Callback<u32>) -> impl IntoView {
    let segments = lane
        .segments
        .iter()
        .map(|seg| {
            let x0 = s.x(seg.start);
            let w = (s.x(seg.end) - x0).max(if seg.kind == SegmentKind::Running { 2.0 } else { 0.0 });
            let (kind, h, dy) = match seg.kind {
                SegmentKind::Running => ("running", LANE_H - 8.0, 4.0),
                SegmentKind::Waiting => ("waiting", LANE_H - 12.0, 6.0),
                SegmentKind::Ready => ("ready", 2.0, LANE_H / 2.0 - 1.0),
            };
            let tip = format!(
                "{}: {} → {} ({}){}",
                seg.label,
                format_time(seg.start),
                format_time(seg.end),
                format_time(seg.end - seg.start),
                if seg.line > 0 { format!(", line {}", seg.line) } else { String::new() }
            );
            let text = (seg.kind == SegmentKind::Waiting && w > 8.0 * seg.label.chars().count() as f64 * 0.8).then(|| {
                view! { <text class="seg-label" x=x0 + 4.0 y=y + LANE_H / 2.0 + 4.0>{seg.label.to_string()}</text> }
            });
            view! {
                <g>
                    <rect class=format!("seg {kind}") data-kind=kind data-label=seg.label.to_string()
                        on:click={
                            let line = seg.line;
                            move |_| if line > 0 { on_line.run(line) }
                        }
                        data-start=seg.start data-end=seg.end data-line=seg.line
                        x=x0 y=y + dy width=w height=h rx=2>
                        <title>{tip}</title>
                    </rect>
                    {text}
                </g>
            }
        })
        .collect_view();
    let prints = lane
        .prints
        .iter()
        .map(|p| {
            let x = s.x(p.time);
            let class = if p.stderr { "print stderr" } else { "print" };
            view! {
                <path class=class d=format!("M{x} {} l4 6 l-4 6 l-4 -6 z", y + 1.0)>
                    <title>{format!("{} at {}", p.text.trim_end(), format_time(p.time))}</title>
                </path>
            }
        })
        .collect_view();
    let title = lane.title.clone();
    let data_title = title.clone();
    let shown_title = if title.chars().count() > 24 { format!("{}…", title.chars().take(23).collect::<String>()) } else { title.clone() };
    let name = lane.name.to_string();
    let outcome = lane.outcome.unwrap_or("pending");
    view! {
        <g class="lane" data-testid="lane" data-title=data_title data-task=lane.task data-outcome=outcome>
            <line class="lane-rule" x1=0 x2=WIDTH y1=y + LANE_H y2=y + LANE_H />
            <text class="lane-title" x=6 y=y + 12.0>{shown_title}<title>{title}</title></text>
            <text class="lane-name" x=6 y=y + 23.0>{format!("{name} · {outcome}")}</text>
            {segments}
            {prints}
        </g>
    }
}

fn requests_view(reqs: &[RequestSpan], top: f64, s: &Scale, end: f64) -> impl IntoView {
    reqs.iter()
        .take(MAX_REQUESTS)
        .enumerate()
        .map(|(i, r)| {
            let y = top + i as f64 * REQ_H;
            let x0 = s.x(r.start);
            let x1 = s.x(r.end.unwrap_or(end));
            let queued = r.queued_from.map(|q| {
                let qx = s.x(q);
                view! { <rect class="req-queued" x=qx y=y + 2.0 width=(x0 - qx).max(0.0) height=REQ_H - 4.0 /> }
            });
            let outcome = match (r.status, &r.error) {
                (Some(st), _) => st.to_string(),
                (None, Some(e)) => format!("failed: {e}"),
                _ => "in flight".into(),
            };
            let tip = format!("{} → {} ({} → {})", r.label, outcome, format_time(r.start), r.end.map(format_time).unwrap_or_else(|| "…".into()));
            let class = status_class(r);
            view! {
                <g data-testid="request" data-status=r.status.map(|s| s.to_string()).unwrap_or_default()>
                    {queued}
                    <rect class=format!("req {class}") x=x0 y=y + 1.0 width=(x1 - x0).max(2.0) height=REQ_H - 2.0>
                        <title>{tip}</title>
                    </rect>
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

/// A step chart of `samples` (time, value) scaled to `max`, with an optional limit line.
fn step_chart(samples: &[(f64, i64)], max: i64, limit: Option<i64>, top: f64, s: &Scale, end: f64) -> impl IntoView {
    let samples = settle(samples);
    let samples = samples.as_slice();
    let max = max.max(limit.unwrap_or(0)).max(1) as f64;
    let y = |v: i64| top + CHART_H - 4.0 - (v as f64 / max) * (CHART_H - 10.0);
    let mut d = format!("M{} {}", s.x(0.0), y(0));
    let mut last = 0;
    for (t, v) in samples {
        d.push_str(&format!(" L{} {} L{} {}", s.x(*t), y(last), s.x(*t), y(*v)));
        last = *v;
    }
    d.push_str(&format!(" L{} {}", s.x(end), y(last)));
    let limit_line = limit.filter(|l| *l > 0).map(|l| {
        view! { <line class="limit" x1=LABEL_W x2=s.x(end) y1=y(l) y2=y(l)><title>{format!("limit {l}")}</title></line> }
    });
    view! {
        <path class="chart" d=d />
        {limit_line}
    }
}

fn resource_title(r: &Resource) -> String {
    match &*r.kind {
        "connections" => format!("connections in use (limit {})", r.capacity),
        k if r.capacity > 0 => format!("{k}({}) in use", r.capacity),
        k => format!("{k} in use"),
    }
}

/// The whole timeline for one run.
#[component]
pub fn TimelineView(
    model: ReadSignal<Option<Model>, LocalStorage>,
    /// Clicking a segment shows its source line in the editor.
    on_line: Callback<u32>,
    /// At least this much time on the axis (two runs compared share one scale).
    #[prop(into)]
    min_end: Signal<f64>,
    /// The replay cursor (program time), drawn as a line; `None`: no cursor.
    #[prop(into, optional)]
    cursor: Option<Signal<Option<f64>>>,
) -> impl IntoView {
    move || {
        let Some(m) = model.get() else {
            return view! { <p class="timeline-empty">"Run a program to see what the event loop did."</p> }.into_any();
        };
        let end = m.end.max(min_end.get()).max(0.001);
        let s = Scale { end };
        let lanes: Vec<&Lane> = m.lanes.iter().take(MAX_LANES).collect();
        let hidden = m.lanes.len().saturating_sub(MAX_LANES);
        let mut y = AXIS_H;
        let lane_views = lanes
            .iter()
            .map(|lane| {
                let v = lane_view(lane, y, &s, on_line);
                y += LANE_H;
                v
            })
            .collect_view();
        let lanes_bottom = y;
        let mut sections = vec![];
        if !m.requests.is_empty() {
            let top = y + 8.0;
            let shown = m.requests.len().min(MAX_REQUESTS);
            sections.push(
                view! {
                    <g class="section" data-testid="requests-lane">
                        <text class="lane-title" x=6 y=top + 12.0>"HTTP requests"</text>
                        <text class="lane-name" x=6 y=top + 24.0>{format!("{} · at most {} at once", m.requests.len(), m.max_in_flight)}</text>
                        {requests_view(&m.requests, top, &s, end)}
                    </g>
                }
                .into_any(),
            );
            y = top + (shown as f64 * REQ_H).max(30.0) + 6.0;
            let top = y;
            sections.push(
                view! {
                    <g class="section" data-testid="in-flight-lane">
                        <text class="lane-title" x=6 y=top + 16.0>"Requests in flight"</text>
                        <text class="lane-name" x=6 y=top + 28.0>{format!("max {}", m.max_in_flight)}</text>
                        {step_chart(&m.in_flight, m.max_in_flight as i64, None, top, &s, end)}
                    </g>
                }
                .into_any(),
            );
            y += CHART_H;
        }
        for r in &m.resources {
            let top = y;
            let max = r.samples.iter().map(|x| x.1).max().unwrap_or(0);
            sections.push(
                view! {
                    <g class="section" data-testid="resource-lane" data-kind=r.kind.to_string()>
                        <text class="lane-title" x=6 y=top + 16.0>{resource_title(r)}</text>
                        <text class="lane-name" x=6 y=top + 28.0>{format!("max {max}")}</text>
                        {step_chart(&r.samples, max, (r.capacity > 0).then_some(r.capacity), top, &s, end)}
                    </g>
                }
                .into_any(),
            );
            y += CHART_H;
        }
        let height = y + 6.0;
        let blocked = m
            .blocked
            .iter()
            .map(|b| {
                let x0 = s.x(b.start);
                let w = (s.x(b.end) - x0).max(2.0);
                view! {
                    <rect class="blocked" data-testid="blocked" x=x0 y=AXIS_H width=w height=lanes_bottom - AXIS_H>
                        <title>{format!("loop blocked: {} ({})", b.label, format_time(b.end - b.start))}</title>
                    </rect>
                    <text class="blocked-label" x=x0 + 3.0 y=lanes_bottom - 3.0>{format!("blocked: {}", b.label)}</text>
                }
            })
            .collect_view();
        let axis = ticks(end)
            .into_iter()
            .map(|t| {
                let x = s.x(t);
                view! {
                    <line class="tick" x1=x x2=x y1=AXIS_H - 4.0 y2=height />
                    <text class="tick-label" x=x + 2.0 y=14>{format_time(t)}</text>
                }
            })
            .collect_view();
        let mut summary = format!("{} task{} · {} of program time", m.lanes.len(), if m.lanes.len() == 1 { "" } else { "s" }, format_time(m.end));
        if !m.requests.is_empty() {
            summary.push_str(&format!(" · {} requests, at most {} in flight", m.requests.len(), m.max_in_flight));
        }
        if !m.blocked.is_empty() {
            summary.push_str(&format!(" · loop blocked {} in all", format_time(m.blocked_time())));
        }
        view! {
            <p class="timeline-summary" data-testid="timeline-summary">{summary}</p>
            <svg class="timeline-svg" viewBox=format!("0 0 {WIDTH} {height}") role="img"
                aria-label="Timeline of the run: one lane per task">
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                    </pattern>
                </defs>
                {axis}
                {blocked}
                {lane_views}
                {sections}
                {cursor.map(|c| {
                    let x = move || c.get().map(|t| Scale { end }.x(t)).unwrap_or(-10.0);
                    view! {
                        <line class="cursor" data-testid="cursor" x1=x x2=x y1=AXIS_H - 6.0 y2=height
                            visibility=move || if c.get().is_some() { "visible" } else { "hidden" } />
                    }
                })}
            </svg>
            {(hidden > 0).then(|| view! { <p class="timeline-note">{format!("… and {hidden} more tasks not drawn")}</p> })}
        }
        .into_any()
    }
}
