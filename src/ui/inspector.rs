//! The loop inspector: the event loop's own state at the replay position — what runs, the
//! ready queue in the order it will run, the timers in deadline order, who awaits whom, the
//! requests in flight — rebuilt from the run's trace (`trace::inspector`), with steps of one
//! loop iteration or one handle.

use super::state::{page, Page};
use awaitlab_engine::trace::insights::{insights, Insight};
use awaitlab_engine::trace::inspector::{handle_runs, iteration_starts, narration, seconds, LoopState, NarrationLine};
use awaitlab_engine::trace::Record;
use leptos::prelude::*;
use std::rc::Rc;

/// Where the inspector can stop in a trace: after each `Iteration` record (an iteration begins,
/// its due timers moved) and after each handle's run.
#[derive(Default)]
struct Stops {
    iterations: Vec<usize>,
    handles: Vec<usize>,
    total: usize,
}

impl Stops {
    fn of(trace: &[Vec<Record>]) -> Stops {
        let all = || trace.iter().flatten();
        Stops {
            iterations: iteration_starts(all()).into_iter().map(|i| i + 1).collect(),
            handles: handle_runs(all()).into_iter().map(|i| i + 1).collect(),
            total: all().count(),
        }
    }
}

type Trace = Rc<Vec<Vec<Record>>>;

/// What the inspector computed from the last trace, kept between signal changes: stops,
/// narration and insights once per trace; the loop's state replayed forward from the last
/// position asked for (a Replay moves forward every 30 ms; a trace may hold half a million
/// records), from the start only when the position goes back.
#[derive(Default)]
struct Cache {
    trace: usize,
    stops: Option<Rc<Stops>>,
    lines: Option<Rc<Vec<NarrationLine>>>,
    found: Option<Rc<Vec<Insight>>>,
    cursor: Option<(u64, usize)>,
    state: Option<(usize, LoopState)>,
}

thread_local! {
    static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache::default());
}

fn cached<R>(trace: &Trace, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let key = Rc::as_ptr(trace) as usize;
        if c.trace != key {
            *c = Cache { trace: key, ..Cache::default() };
        }
        f(&mut c)
    })
}

/// Whether a trace is a Python run's, with the loop's iterations in it (a Rust twin's has none).
pub fn has_loop(trace: &Trace) -> bool {
    !stops_of(trace).iterations.is_empty()
}

fn stops_of(trace: &Trace) -> Rc<Stops> {
    cached(trace, |c| c.stops.get_or_insert_with(|| Rc::new(Stops::of(trace))).clone())
}

fn narration_of(trace: &Trace) -> Rc<Vec<NarrationLine>> {
    cached(trace, |c| c.lines.get_or_insert_with(|| Rc::new(narration(trace.iter().flatten(), NARRATION_LINES))).clone())
}

fn insights_of(trace: &Trace) -> Rc<Vec<Insight>> {
    cached(trace, |c| c.found.get_or_insert_with(|| Rc::new(insights(trace.iter().flatten()))).clone())
}

/// Runs `f` on the loop's state after the first `end` records.
fn with_state<R>(trace: &Trace, end: usize, f: impl FnOnce(&LoopState) -> R) -> R {
    cached(trace, |c| {
        let (from, mut state) = match c.state.take() {
            Some((at, state)) if at <= end => (at, state),
            _ => (0, LoopState::default()),
        };
        for r in trace.iter().flatten().skip(from).take(end - from) {
            state.apply(r);
        }
        let out = f(&state);
        c.state = Some((end, state));
        out
    })
}

fn record_time(trace: &[Vec<Record>], end: usize) -> Option<f64> {
    end.checked_sub(1).and_then(|i| trace.iter().flatten().nth(i)).map(|r| r.time)
}

/// How many records the inspector shows applied now.
fn position(page: Page, trace: &Trace, total: usize) -> usize {
    if let Some(i) = page.inspect.get() {
        return i.min(total);
    }
    match page.cursor.get() {
        Some(t) => cached(trace, |c| match c.cursor {
            Some((bits, at)) if bits == t.to_bits() => at,
            _ => {
                let at = trace.iter().flatten().take_while(|r| r.time <= t + 1e-12).count();
                c.cursor = Some((t.to_bits(), at));
                at
            }
        }),
        None => total,
    }
}

/// Moves the inspector to `end` records, and the replay cursor (console, timeline) with it.
fn go_to(page: Page, trace: &[Vec<Record>], end: usize) {
    page.playing.set(false);
    page.inspect.set(Some(end));
    page.cursor.set(record_time(trace, end).or(Some(0.0)));
}

/// Opens the inspector at the start of loop iteration `n` (1-based) of the last run: a demo's
/// pinned moment.
pub fn open_at_iteration(page: Page, n: u32) {
    page.last_trace.with_untracked(|t| {
        let Some(trace) = t.as_ref() else { return };
        if let Some(&end) = stops_of(trace).iterations.get((n as usize).saturating_sub(1)) {
            go_to(page, trace, end);
            page.inspector_open.set(true);
        }
    });
}

#[component]
pub fn LoopInspector() -> impl IntoView {
    let page = page();
    let stops: Signal<Option<Rc<Stops>>, LocalStorage> = Signal::derive_local(move || page.last_trace.with(|t| t.as_ref().map(stops_of)));
    // A cursor moved by the scrubber or the timeline (not by the inspector) takes the
    // inspector with it.
    Effect::new(move |_| {
        let cursor = page.cursor.get();
        if let Some(end) = page.inspect.get_untracked() {
            let at = page.last_trace.with_untracked(|t| t.as_ref().and_then(|t| record_time(t, end)));
            if cursor.is_none() || at.is_some_and(|a| cursor.is_some_and(|c| (a - c).abs() > 1e-12)) {
                page.inspect.set(None);
            }
        }
    });
    // Opened on a finished run with no replay cursor: at the loop's first iteration, the
    // start of the story (the end, where everything is done, shows nothing).
    if page.inspect.get_untracked().is_none() && page.cursor.get_untracked().is_none() {
        if let Some(first) = stops.get_untracked().and_then(|s| s.iterations.first().copied()) {
            page.last_trace.with_untracked(|t| {
                if let Some(trace) = t.as_ref() {
                    go_to(page, trace, first);
                }
            });
        }
    }
    let step = move |list: fn(&Stops) -> &Vec<usize>, forward: bool| {
        let Some(stops) = stops.get_untracked() else { return };
        page.last_trace.with_untracked(|t| {
            let Some(trace) = t.as_ref() else { return };
            let now = page.inspect.get_untracked().unwrap_or_else(|| position(page, trace, stops.total));
            let at = list(&stops);
            let next = if forward { at.iter().copied().find(|&s| s > now) } else { at.iter().rev().copied().find(|&s| s < now) };
            if let Some(end) = next {
                go_to(page, trace, end);
            }
        });
    };
    let keys = move |ev: web_sys::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "]" => Some((true, true)),
            "[" => Some((true, false)),
            "." | "ArrowRight" => Some((false, true)),
            "," | "ArrowLeft" => Some((false, false)),
            _ => None,
        };
        if let Some((iteration, forward)) = handled {
            ev.prevent_default();
            step(if iteration { |s: &Stops| &s.iterations } else { |s: &Stops| &s.handles }, forward);
        }
    };
    // Runs `f` on the state at the inspector's position (its moment, the position, the total).
    let view_state = move |f: &dyn Fn(&LoopState, f64, usize, usize) -> AnyView| -> Option<AnyView> {
        let stops = stops.get()?;
        page.last_trace.with(|t| {
            let trace = t.as_ref()?;
            let end = position(page, trace, stops.total);
            // Following the replay cursor: the moment is the cursor's (timers count down to it).
            let cursor = page.inspect.get().is_none().then(|| page.cursor.get()).flatten();
            Some(with_state(trace, end, |s| f(s, cursor.map_or(s.time, |c| s.time.max(c)), end, stops.total)))
        })
    };
    // The editor shows where each task is suspended, and what runs, at this position; not once
    // the program was edited (its lines are no longer the run's).
    let edited = Memo::new(move |_| page.code.with(|code| page.ran_source.with(|ran| crate::visible::plain(code) != *ran)));
    Effect::new(move |_| {
        let edited = edited.get();
        let marks = stops
            .get()
            .filter(|_| !edited)
            .and_then(|stops| {
                page.last_trace.with(|t| {
                    let trace = t.as_ref()?;
                    let end = position(page, trace, stops.total);
                    Some(with_state(trace, end, |s| s.task_marks()))
                })
            })
            .unwrap_or_default();
        super::editor::mark_tasks(&marks);
    });
    on_cleanup(|| super::editor::mark_tasks(&[]));
    view! {
        <section class="loop-inspector" data-testid="loop-inspector" aria-label="Loop inspector" tabindex="0" on:keydown=keys>
            <div class="inspector-head">
                <h3>"Event loop"</h3>
                <span class="inspector-where" data-testid="inspector-where">{move || view_state(&|s, time, end, total| {
                    let moment = iteration_text(s);
                    let tail = if end >= total { " (the run's end)" } else { "" };
                    format!("{moment} · t = {}{tail}", seconds(time)).into_any()
                })}</span>
                <div class="inspector-steps" role="group" aria-label="Step through the loop">
                    <button data-testid="step-iteration-back" title="Back one loop iteration (key [)"
                        on:click=move |_| step(|s| &s.iterations, false)>"◀◀ iteration"<kbd>"["</kbd></button>
                    <button data-testid="step-handle-back" title="Back one handle (key ,)"
                        on:click=move |_| step(|s| &s.handles, false)>"◀ handle"<kbd>","</kbd></button>
                    <button data-testid="step-handle-forward" title="Forward one handle (key .)"
                        on:click=move |_| step(|s| &s.handles, true)>"handle ▶"<kbd>"."</kbd></button>
                    <button data-testid="step-iteration-forward" title="Forward one loop iteration (key ])"
                        on:click=move |_| step(|s| &s.iterations, true)>"iteration ▶▶"<kbd>"]"</kbd></button>
                </div>
            </div>
            {move || view_state(&|s, time, _, _| state_view(s, time).into_any())}
            <Narration />
        </section>
    }
}

/// The inspector during a real-time run: the loop's state as the run goes (drawn again at most
/// every few hundred ms); stepping comes when the run is over.
#[component]
pub fn LiveInspector() -> impl IntoView {
    let page = page();
    // A program asleep sends nothing: a tick redraws the countdown to its next timer.
    let tick = RwSignal::new(0u32);
    let on_tick = move || {
        tick.update(|n| *n = n.wrapping_add(1));
        let applied = page.live_loop_applied.get_value();
        if page.live_loop_drawn.get_untracked().is_some_and(|drawn| drawn != applied) {
            page.live_loop_drawn.set(Some(applied));
        }
    };
    if let Ok(handle) = set_interval_with_handle(on_tick, std::time::Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    // The program's clock now: where it last said it was, and the wall time since, at the run's speed.
    let now = move |s: &LoopState| {
        tick.track();
        let said = page.live_now.get_untracked().unwrap_or(s.time);
        let since = (js_sys::Date::now() - page.live_clock_at.get_value()).max(0.0) / 1000.0;
        s.time.max(said + since * page.speed.get_untracked())
    };
    let live = move |f: &dyn Fn(&LoopState) -> AnyView| -> Option<AnyView> {
        page.live_loop_drawn.track();
        page.live_loop.with_value(|s| s.as_ref().map(f))
    };
    Effect::new(move |_| {
        page.live_loop_drawn.track();
        let marks = page.live_loop.with_value(|s| s.as_ref().map(LoopState::task_marks)).unwrap_or_default();
        super::editor::mark_tasks(&marks);
    });
    on_cleanup(|| super::editor::mark_tasks(&[]));
    view! {
        <section class="loop-inspector live" data-testid="loop-inspector" aria-label="Loop inspector, live">
            <div class="inspector-head">
                <h3>"Event loop"</h3>
                <span class="inspector-where" data-testid="inspector-where">{move || live(&|s| {
                    let moment = iteration_text(s);
                    format!("live · {moment} · t = {}", seconds(now(s))).into_any()
                })}</span>
                <span class="inspector-note">"Step through it when the run is over."</span>
            </div>
            // Redrawn on each tick: the countdown; on each batch of records: the rest.
            {move || live(&|s| running_line(s, now(s)).into_any())}
            {move || live(&|s| stack_view(s).into_any())}
            {move || live(&|s| queues_view(s).into_any())}
        </section>
    }
}

/// Which iteration the loop is in: `iteration 3`, or before its first.
fn iteration_text(s: &LoopState) -> String {
    if s.iteration == 0 {
        "before the loop's first iteration".into()
    } else {
        format!("iteration {}", s.iteration)
    }
}

/// Lines of the narration kept in the page: a long run's first ones (the rest are in the trace).
const NARRATION_LINES: usize = 2000;

/// The run told one iteration per line; the line of the inspector's iteration is marked, and
/// a click takes the inspector there.
#[component]
fn Narration() -> impl IntoView {
    let page = page();
    let lines: Signal<Rc<Vec<NarrationLine>>, LocalStorage> =
        Signal::derive_local(move || page.last_trace.with(|t| t.as_ref().map(narration_of).unwrap_or_default()));
    // The line of the inspector's iteration, computed once per move (not once per line).
    let current = Memo::new(move |_| {
        page.last_trace.with(|t| {
            let trace = t.as_ref()?;
            let at = position(page, trace, stops_of(trace).total);
            narration_of(trace).iter().rposition(|line| line.at <= at)
        })
    });
    let current = move || current.get();
    let list = NodeRef::<leptos::html::Ol>::new();
    // Keep the current line in view as the inspector steps.
    Effect::new(move |_| {
        let Some(i) = current() else { return };
        if let Some(item) = list.get().and_then(|ol| ol.children().item(i as u32)) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            item.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    view! {
        <details class="narration" open>
            <summary>"What each iteration did"</summary>
            <ol class="narration-list" data-testid="narration" node_ref=list>
                {move || lines.get().iter().enumerate().map(|(i, line)| {
                    let at = line.at;
                    let text = line.text.clone();
                    view! {
                        <li class:current=move || current() == Some(i) data-testid="narration-line">
                            <button class="link" on:click=move |_| page.last_trace.with_untracked(|t| {
                                if let Some(trace) = t.as_ref() {
                                    go_to(page, trace, at);
                                }
                            })>{text}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}

/// What went wrong in the run, or is worth noticing: a short list above the timeline, each
/// with its line (shown in the editor) and its moment (the replay cursor goes there).
#[component]
pub fn Insights() -> impl IntoView {
    let page = page();
    let found: Signal<Rc<Vec<Insight>>, LocalStorage> =
        Signal::derive_local(move || page.last_trace.with(|t| t.as_ref().map(insights_of).unwrap_or_default()));
    move || {
        let found = found.get();
        (!found.is_empty()).then(|| {
            let items = found
                .iter()
                .map(|i| {
                    let (line, time, kind, text) = (i.line, i.time, i.kind, i.text.clone());
                    view! {
                        <li data-testid="insight" data-kind=kind>
                            <span>{text}</span>
                            {line.map(|l| view! {
                                <button class="link" title="Show the line in the editor" on:click=move |_| super::editor::show_line(l)>{format!("line {l}")}</button>
                            })}
                            <button class="link" title="Move the replay cursor to this moment" on:click=move |_| {
                                page.playing.set(false);
                                page.cursor.set(Some(time));
                            }>{format!("at {}", seconds(time))}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="insights" role="note" aria-label="Insights">
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The running task's chain of coroutines, each with its line (a click shows it in the editor):
/// where it resumed.
fn stack_view(s: &LoopState) -> Option<impl IntoView> {
    let stack = s.running_stack();
    if stack.iter().all(|f| f.line == 0) && stack.len() < 2 {
        return None;
    }
    let frames = stack
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let line = f.line;
            view! {
                {(i > 0).then_some(" → ")}
                <span class="frame">{f.label.to_string()}</span>
                {(line > 0).then(|| view! {
                    " "<button class="link" title="Show the line in the editor" on:click=move |_| super::editor::show_line(line)>{format!("line {line}")}</button>
                })}
            }
        })
        .collect_view();
    Some(view! { <p class="inspector-stack" data-testid="inspector-stack"><span class="muted">"resumed in "</span>{frames}</p> })
}

/// Items drawn per list: a queue of 10,000 handles is shown by its head, and counted.
const LIST_MAX: usize = 200;

/// What runs at moment `time` (timers count down to it), then the loop's queues.
fn state_view(s: &LoopState, time: f64) -> impl IntoView {
    view! { {running_view(s, time)} {queues_view(s)} }
}

fn running_view(s: &LoopState, time: f64) -> impl IntoView {
    view! { {running_line(s, time)} {stack_view(s)} }
}

fn running_line(s: &LoopState, time: f64) -> impl IntoView {
    view! { <p class="inspector-running" data-testid="inspector-running"><strong>"Running: "</strong>{s.running_text_at(time)}</p> }
}

/// The ready queue, the timers, who waits for what, what is in flight.
fn queues_view(s: &LoopState) -> impl IntoView {
    let next = s.ready.iter().position(|h| !h.cancelled);
    let ready: Vec<_> = s
        .ready
        .iter()
        .enumerate()
        .take(LIST_MAX)
        .map(|(i, h)| {
            let class = if h.cancelled { "cancelled" } else if Some(i) == next { "next" } else { "" };
            let text = s.describe(&h.callee);
            view! { <li data-testid="ready-item" class=class>{text}{(Some(i) == next).then_some(view! { " " <span class="tag">"next"</span> })}</li> }
        })
        .collect();
    let timers: Vec<_> = s
        .timers()
        .take(LIST_MAX)
        .map(|t| {
            let class = if t.handle.cancelled { "cancelled" } else { "" };
            let text = format!("t = {}  {}", seconds(t.when), s.describe(&t.handle.callee));
            view! { <li data-testid="timer-item" class=class>{text}</li> }
        })
        .collect();
    let tree = s.waiting_tree();
    let tree_len = tree.len();
    let waiting: Vec<_> = tree
        .into_iter()
        .take(LIST_MAX)
        .map(|n| {
            // Depth by class: the page's policy allows no inline styles.
            let class = format!("depth-{}", n.depth.min(6));
            let arrow = if n.depth > 0 { "↳ " } else { "" };
            let line = (n.line > 0).then(|| format!("  (line {})", n.line));
            view! { <li data-testid="waiting-item" class=class>{arrow}{n.text}{line}</li> }
        })
        .collect();
    let mut flight = s.in_flight_lines();
    if let Some((reason, _)) = &s.blocked {
        flight.insert(0, format!("the loop is blocked: {reason}"));
    }
    let empty = |items: bool, text: &'static str| (!items).then(|| view! { <li class="empty">{text}</li> });
    let more = |n: usize| (n > LIST_MAX).then(|| view! { <li class="empty">{format!("… and {} more", n - LIST_MAX)}</li> });
    let (ready_len, timers_len) = (s.ready.len(), s.timers().count());
    let (no_ready, no_timers, no_waiting, no_flight) = (ready.is_empty(), timers.is_empty(), waiting.is_empty(), flight.is_empty());
    // Requests and a blocked loop get a column only when there are some.
    view! {
        <div class="inspector-grid">
            <div>
                <h4>"Ready queue"</h4>
                <ol class="inspector-list">{ready}{more(ready_len)}{empty(!no_ready, "empty")}</ol>
            </div>
            <div>
                <h4>"Timers"</h4>
                <ol class="inspector-list">{timers}{more(timers_len)}{empty(!no_timers, "none")}</ol>
            </div>
            <div>
                <h4>"Waiting"</h4>
                <ul class="inspector-list">{waiting}{more(tree_len)}{empty(!no_waiting, "no task waits")}</ul>
            </div>
            {(!no_flight).then(|| view! {
                <div>
                    <h4>"In flight"</h4>
                    <ul class="inspector-list">{flight.into_iter().map(|f| view! { <li data-testid="flight-item">{f}</li> }).collect_view()}</ul>
                </div>
            })}
        </div>
    }
}
