//! The playground page: the editor, Run and Stop, the output and the timeline, and the run flow between them.

use super::api_panel::ApiPanel;
use super::console::{Console, ConsoleFeed};
use super::editor::{self, CodeEditor};
use super::gallery::Gallery;
use super::replay::Replay;
use super::session::{self, Notice};
use super::timeline::TimelineView;
use super::twin::RustTwin;
use crate::browser::engine::{self, TimeMode};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::trace::ErrorSpot;
use awaitlab_engine::RunConfig;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

const DEFAULT_PROGRAM: &str = r#"import asyncio

async def meow(number):
    print(f'starting {number}')
    await asyncio.sleep(1)
    print(f'stopping {number}')
    return number

async def main():
    results = await asyncio.gather(*(meow(n) for n in range(1, 4)))
    print(results)

asyncio.run(main())
"#;

/// Past this many trace records, or task lanes past what SVG draws, the timeline is drawn at
/// the end only (each live redraw copies the model so far and draws it again).
const LIVE_TIMELINE_MAX_RECORDS: usize = 10_000;
const LIVE_TIMELINE_MS: f64 = 200.0;

/// `?embed=1`: editor, Run and timeline only, for an iframe in a course page.
pub fn embed_mode() -> bool {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|p| p == "embed=1" || p == "embed=true")
}

/// What the console shows when a Rust twin cannot run (its module did not load: offline, say).
fn twin_failure(why: String) -> awaitlab_engine::RunResult {
    let text = format!("The Rust twin could not run: {why}\n");
    let chunks = vec![awaitlab_engine::trace::Chunk { stream: awaitlab_engine::trace::Stream::Stderr, text, time: 0.0 }];
    awaitlab_engine::RunResult { exit_code: 1, chunks, trace: vec![], duration: 0.0, instructions: 0, error: None }
}

/// Adds output as the engine writes it: a chunk written at the same moment on the same stream
/// as the last continues it.
fn append_output(all: &mut Vec<awaitlab_engine::trace::Chunk>, fresh: &[awaitlab_engine::trace::Chunk]) {
    for chunk in fresh {
        match all.last_mut() {
            Some(last) if last.stream == chunk.stream && last.time == chunk.time => last.text.push_str(&chunk.text),
            _ => all.push(chunk.clone()),
        }
    }
}

/// The timeline of these records, with the program's texts made safe to show.
fn shown_timeline(records: &[awaitlab_engine::trace::Record]) -> awaitlab_engine::trace::timeline::Timeline {
    made_safe(awaitlab_engine::trace::timeline::build(records))
}

/// A timeline with the program's texts made safe to show.
fn made_safe(mut model: awaitlab_engine::trace::timeline::Timeline) -> awaitlab_engine::trace::timeline::Timeline {
    crate::visible::timeline(&mut model);
    model
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RunState {
    Idle,
    Running,
    Done,
    Failed,
    Stopped,
}

impl RunState {
    fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Failed => "failed",
            RunState::Stopped => "stopped",
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (code, set_code) = signal(DEFAULT_PROGRAM.to_string());
    // The output: all of it (replay and downloads read it), and the console that shows it.
    let chunks = StoredValue::new_local(Vec::<awaitlab_engine::trace::Chunk>::new());
    // Runs started so far (a run's late trace must not land on a newer run's page).
    let runs = StoredValue::new(0u64);
    // The run's timeline, built as its trace comes in (a twin's run is built when it ends).
    let builder = StoredValue::new_local(None::<awaitlab_engine::trace::timeline::Builder>);
    // The run is over but its trace is still coming in (a large one): the timeline is busy.
    let (drawing, set_drawing) = signal(false);
    let console = ConsoleFeed::new();
    let (state, set_state) = signal(RunState::Idle);
    let (real_time, set_real_time) = signal(false);
    let (speed, set_speed) = signal(1.0f64);
    let (summary, set_summary) = signal(String::new());
    let (api_settings, set_api_settings) = signal(Settings::default());
    let (timeline, set_timeline) = signal_local(None::<Rc<awaitlab_engine::trace::timeline::Timeline>>);
    // Replay: a cursor in program time; the console shows the output up to it.
    let (cursor, set_cursor) = signal(None::<f64>);
    let (playing, set_playing) = signal(false);
    {
        // Under a replay cursor the console shows the output up to it; without one, all of it.
        Effect::new(move |previous: Option<Option<f64>>| {
            let at = cursor.get();
            if previous.is_some() && previous != Some(at) {
                chunks.with_value(|all| match at {
                    Some(t) => console.show(&all.iter().filter(|c| c.time <= t + 1e-9).cloned().collect::<Vec<_>>()),
                    None => console.show(all),
                });
            }
            at
        });
    }
    // A pinned run's timeline, drawn under the current one on the same time scale.
    let (pinned, set_pinned) = signal_local(None::<Rc<awaitlab_engine::trace::timeline::Timeline>>);
    let (pinned_rate, set_pinned_rate) = signal(None::<(u32, f64)>);
    let (pinned_source, set_pinned_source) = signal(String::new());
    // The last run's trace, for the Chrome Trace Event export.
    // (In the pieces it arrived in: put together only for an export.)
    let (last_trace, set_last_trace) = signal_local(None::<Rc<Vec<Vec<awaitlab_engine::trace::Record>>>>);
    let stop_flag: Rc<Cell<bool>> = Rc::new(Cell::new(false));
    let (notice, set_notice) = signal(Notice::None);
    let embed = embed_mode();
    let (projector, set_projector) = signal(false);
    Effect::new(move |_| editor::set_large_type(projector.get()));
    let (elapsed, set_elapsed) = signal(0.0f64);
    // The timeline's zoom, shared by the current and the pinned run.
    let zoom = RwSignal::new(None::<super::timeline::Window>);
    // While a real-time run goes on: its program clock (the timeline's "now" line).
    let (live_now, set_live_now) = signal(None::<f64>);
    // What the last run ran with: its program (tooltips quote it) and its API rate limit.
    let (ran_source, set_ran_source) = signal(String::new());
    let (ran_rate, set_ran_rate) = signal(None::<(u32, f64)>);
    let (error_at, set_error_at) = signal(None::<awaitlab_engine::trace::ErrorSpot>);
    // The editor's cursor line: the timeline highlights the segments of that line.
    let (cursor_line, set_cursor_line) = signal(None::<u32>);
    Effect::new(move |_| {
        let line = cursor_line.get();
        // Again after every redraw of the timeline.
        timeline.track();
        pinned.track();
        super::timeline::highlight_line(line);
    });
    let (share_link, set_share_link) = signal(None::<String>);
    session::restore(DEFAULT_PROGRAM, set_code, set_api_settings, set_notice);
    // Autosave on every change; say so once if the browser keeps nothing.
    let (storage_failed, set_storage_failed) = signal(false);
    Effect::new(move |_| {
        let ok = crate::browser::storage::save(session::PROGRAM_KEY, &code.get());
        if !ok && !storage_failed.get_untracked() {
            set_storage_failed.set(true);
            set_notice.set(Notice::Error(
                "This browser is not keeping your program (storage is unavailable here): copy it or share a link before leaving.".into(),
            ));
        }
    });
    Effect::new(move |_| {
        crate::browser::storage::save(session::API_KEY, &api_settings.get().to_query());
    });
    let share = move |_| {
        let (source, api) = (code.get_untracked(), api_settings.get_untracked());
        leptos::task::spawn_local(async move {
            match session::make_link(&source, &api).await {
                Ok(link) => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.navigator().clipboard().write_text(&link);
                    }
                    set_share_link.set(Some(link));
                }
                Err(why) => set_notice.set(Notice::Error(format!("Could not make a link: {why}"))),
            }
        });
    };
    // The open demo, for its explanation and "reset to the original".
    let (demo, set_demo) = signal(None::<crate::demos::Demo>);
    let open_demo = Callback::new(move |d: crate::demos::Demo| {
        let current = code.get_untracked();
        if current != d.source && !crate::demos::all().iter().any(|x| x.source == current) {
            // The learner's own program is kept, and can come back.
            crate::browser::storage::save(session::PREVIOUS_KEY, &current);
            set_notice.set(Notice::LoadedDemo);
        }
        set_code.set(d.source.to_string());
        set_api_settings.set(Settings::from_query(&d.api));
        set_demo.set(Some(d));
    });
    let reset_demo = move |_| {
        let Some(d) = demo.get_untracked() else { return };
        let confirmed = code.get_untracked() == d.source
            || web_sys::window()
                .and_then(|w| w.confirm_with_message("Discard your changes and go back to the demo's original?").ok())
                .unwrap_or(false);
        if confirmed {
            set_code.set(d.source.to_string());
            set_api_settings.set(Settings::from_query(&d.api));
        }
    };
    let restore_previous = move |_| {
        if let Some(prev) = crate::browser::storage::load(session::PREVIOUS_KEY) {
            set_code.set(prev);
            crate::browser::storage::remove(session::PREVIOUS_KEY);
        }
        set_notice.set(Notice::None);
    };

    // Every run, Python or a Rust twin: the page's state at its start and at its end.
    let begin_run = {
        let stop_flag = stop_flag.clone();
        move |ran: String, rate: Option<(u32, f64)>| {
            stop_flag.set(false);
            runs.update_value(|n| *n += 1);
            builder.set_value(Some(awaitlab_engine::trace::timeline::Builder::default()));
            chunks.update_value(|c| c.clear());
            console.clear();
            set_summary.set(String::new());
            set_timeline.set(None);
            set_error_at.set(None);
            editor::clear_error();
            set_cursor.set(None);
            set_playing.set(false);
            set_ran_source.set(crate::visible::plain(&ran));
            set_ran_rate.set(rate);
            zoom.set(None);
            set_state.set(RunState::Running);
            // The elapsed time shown while running (wall clock), until the state changes.
            let started = js_sys::Date::now();
            set_elapsed.set(0.0);
            leptos::task::spawn_local(async move {
                while state.get_untracked() == RunState::Running {
                    set_elapsed.set((js_sys::Date::now() - started) / 1000.0);
                    gloo_timers::future::TimeoutFuture::new(100).await;
                }
            });
        }
    };
    // A run's trace arrives after its output: the timeline and the summary come from it.
    let finish_trace = move |records: Vec<Vec<awaitlab_engine::trace::Record>>,
                             model: awaitlab_engine::trace::timeline::Timeline,
                             duration: f64,
                             stats: Option<awaitlab_engine::practice_api::Stats>,
                             what: &str| {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("timeline-start");
        }
        let tasks = model.lanes.len();
        let mut text = format!("{what}{} task{} · {:.2} s of program time", tasks, if tasks == 1 { "" } else { "s" }, duration);
        if let Some(stats) = stats.filter(|s| s.requests > 0) {
            text.push_str(&format!(
                " · practice API: {} request{}, at most {} at once, {} rate-limited, {} errors",
                stats.requests,
                if stats.requests == 1 { "" } else { "s" },
                stats.max_concurrent,
                stats.rate_limited,
                stats.errors
            ));
        }
        set_summary.set(text);
        set_timeline.set(Some(Rc::new(model)));
        set_last_trace.set(Some(Rc::new(records)));
    };
    // The run's output is all in: its state, its error's place, the console complete.
    let finish_output = move |result: &mut awaitlab_engine::RunResult| {
        set_live_now.set(None);
        if result.exit_code != 0 && result.exit_code != 130 {
            if let Some(spot) = &result.error {
                editor::mark_error(spot);
                editor::show_line(spot.line);
            }
            set_error_at.set(result.error.take());
        }
        chunks.set_value(std::mem::take(&mut result.chunks));
        console.flush();
        set_state.set(match result.exit_code {
            0 => RunState::Done,
            130 => RunState::Stopped,
            _ => RunState::Failed,
        });
    };
    // A run whose output and trace came together (a Rust twin's).
    let finish_run = move |mut result: awaitlab_engine::RunResult, stats: Option<awaitlab_engine::practice_api::Stats>, what: &str| {
        console.show(&result.chunks);
        let model = shown_timeline(&result.trace);
        finish_trace(vec![std::mem::take(&mut result.trace)], model, result.duration, stats, what);
        finish_output(&mut result);
    };
    let rate_of = |api: &Settings| (api.rate_limit > 0).then_some((api.rate_limit, api.rate_window_s));
    let run = {
        let begin_run = begin_run.clone();
        move || {
            if state.get_untracked() == RunState::Running {
                return;
            }
            let source = code.get_untracked();
            let api = api_settings.get_untracked();
            begin_run(source.clone(), rate_of(&api));
            let mode = if real_time.get_untracked() { TimeMode::RealTime { speed: speed.get_untracked() } } else { TimeMode::Instant };
            leptos::task::spawn_local(async move {
                let epoch = js_sys::Date::now() / 1000.0;
                let config = RunConfig { filename: "main.py".into(), epoch, api, ..Default::default() };
                // While it runs: the output so far, and the timeline so far.
                let drawn_at = std::cell::Cell::new(f64::NEG_INFINITY);
                let show_progress = move |live: &engine::LiveRun| {
                    chunks.update_value(|all| append_output(all, &live.fresh_chunks));
                    console.write(&live.fresh_chunks);
                    if real_time.get_untracked() {
                        set_live_now.set(Some(live.now));
                    }
                    // The trace, taken in once; the timeline so far drawn at most every
                    // LIVE_TIMELINE_MS while it is small enough to draw live.
                    let fresh = live.fresh_records();
                    builder.update_value(|b| {
                        if let Some(b) = b.as_mut() {
                            b.push(fresh);
                        }
                    });
                    let now = js_sys::Date::now();
                    let small = builder.with_value(|b| b.as_ref().is_some_and(|b| b.lanes() <= super::timeline::MAX_SVG_LANES));
                    // Instant runs draw their timeline once, at the end: they are over in a moment.
                    if real_time.get_untracked()
                        && !fresh.is_empty()
                        && small
                        && live.records <= LIVE_TIMELINE_MAX_RECORDS
                        && now - drawn_at.get() >= LIVE_TIMELINE_MS
                    {
                        drawn_at.set(now);
                        if let Some(model) = builder.with_value(|b| b.as_ref().map(|b| b.snapshot())) {
                            set_timeline.set(Some(Rc::new(made_safe(model))));
                        }
                    }
                };
                let (mut result, stats, trace) = engine::run(&source, &config, mode, show_progress).await;
                let this_run = runs.get_value();
                let duration = result.duration;
                awaitlab_worker::host::next_macrotask().await;
                finish_output(&mut result);
                set_summary.set("Drawing the timeline…".into());
                set_drawing.set(true);
                let records = trace.complete().await;
                // The builder took the trace in as it came. Finishing it and drawing it are
                // tasks of their own: the page answers between them.
                awaitlab_worker::host::next_macrotask().await;
                let built = builder.try_update_value(|b| b.take()).flatten();
                let model = made_safe(built.map_or_else(Default::default, |b| b.finish()));
                awaitlab_worker::host::next_macrotask().await;
                set_drawing.set(false);
                // A newer run took the page meanwhile: its timeline is the one to show.
                if runs.get_value() == this_run {
                    finish_trace(records, model, duration, Some(stats), "");
                }
            });
        }
    };
    // A demo's async Rust twin: always in real time (it runs on the browser's own event loop).
    let run_twin = {
        let stop_flag = stop_flag.clone();
        move |twin: &'static crate::twins::Twin, values: Vec<f64>| {
            if state.get_untracked() == RunState::Running {
                return;
            }
            let api = api_settings.get_untracked();
            // Its source lines are not in the editor (the timeline has none to show for it).
            begin_run(String::new(), rate_of(&api));
            builder.set_value(None);
            let stop = stop_flag.clone();
            let speed = speed.get_untracked();
            leptos::task::spawn_local(async move {
                let show_progress = move |p: crate::twins::Progress| {
                    chunks.set_value(p.chunks.to_vec());
                    console.show(p.chunks);
                    set_live_now.set(Some(p.now));
                    set_timeline.set(Some(Rc::new(shown_timeline(p.records))));
                };
                let result = crate::twins::run(twin, values, speed, api.clone(), stop, show_progress).await;
                let stats = crate::browser::practice::api().stats();
                finish_run(result.unwrap_or_else(twin_failure), Some(stats), "Rust twin · ");
            });
        }
    };
    // Views need Send closures; the twin runner holds the Stop flag.
    let run_twin = StoredValue::new_local(run_twin);
    let run_click = run.clone();
    let run_key = run.clone();
    let stop = {
        let stop_flag = stop_flag.clone();
        move |_| {
            // A twin watches the flag; a Python run is in the engine's worker.
            stop_flag.set(true);
            engine::stop();
        }
    };

    view! {
        {(!embed).then(|| view! {
            <header class="topbar">
                <h1>"Awaitlab"</h1>
                <p class="tagline">"See asyncio programs run"</p>
                <a class="guide-link" href="guide.md" target="_blank" rel="noopener">"Guide for teachers"</a>
            </header>
        })}
        <main class=move || {
            let mut class = String::from(if embed { "playground embed" } else { "playground" });
            if projector.get() {
                class.push_str(" presentation");
            }
            class
        }>
            <section class="editor-pane">
                <div class="toolbar" role="toolbar" aria-label="Run controls">
                    <button data-testid="run" class="primary" on:click=move |_| run_click()
                        disabled=move || state.get() == RunState::Running
                        title="Run (Ctrl+Enter)">"Run"</button>
                    <button data-testid="stop" on:click=stop
                        disabled=move || state.get() != RunState::Running>"Stop"</button>
                    <label class="mode">
                        <input type="checkbox" data-testid="real-time" prop:checked=real_time
                            on:change=move |ev| set_real_time.set(event_target_checked(&ev)) />
                        " Real time"
                    </label>
                    <select class="speed" data-testid="speed" aria-label="Real-time speed"
                        title="Real time runs at this speed: sleeps and the practice API's latency are scaled"
                        disabled=move || !real_time.get()
                        on:change=move |ev| set_speed.set(event_target_value(&ev).parse().unwrap_or(1.0))
                        prop:value=move || speed.get().to_string()>
                        <option value="0.25">"0.25×"</option>
                        <option value="0.5">"0.5×"</option>
                        <option value="1">"1×"</option>
                        <option value="2">"2×"</option>
                        <option value="4">"4×"</option>
                    </select>
                    {(!embed).then(|| view! {
                        <button data-testid="projector" aria-pressed=move || projector.get().to_string()
                            title="Large type for a projector" on:click=move |_| set_projector.update(|p| *p = !*p)>"Projector"</button>
                    })}
                    {(!embed).then(|| view! {
                        <button data-testid="share" on:click=share title="Copy a link that carries this program and the API settings">"Share"</button>
                    })}
                    <span class="run-state" data-testid="run-state" data-state=move || state.get().as_str()
                        role="status">{move || match state.get() {
                            RunState::Running => format!("running {:.1} s", elapsed.get()),
                            s => s.as_str().to_string(),
                        }}</span>
                </div>
                {move || match notice.get() {
                    Notice::None => None,
                    Notice::Info(text) => Some(view! { <p class="notice" data-testid="notice" role="status">{text}</p> }.into_any()),
                    Notice::Error(text) => Some(view! { <p class="notice error" data-testid="notice" role="alert">{text}</p> }.into_any()),
                    Notice::LoadedDemo => Some(view! {
                        <p class="notice" data-testid="notice" role="status">
                            "Opened a demo. Your own program is kept: "
                            <button class="link" data-testid="restore-previous" on:click=restore_previous>"bring it back"</button>
                        </p>
                    }.into_any()),
                    Notice::LoadedLink => Some(view! {
                        <p class="notice" data-testid="notice" role="status">
                            "Loaded the program from the link (press Run when you are ready). Your previous program is kept: "
                            <button class="link" data-testid="restore-previous" on:click=restore_previous>"bring it back"</button>
                        </p>
                    }.into_any()),
                }}
                {move || share_link.get().map(|link| view! {
                    <p class="notice share-box">
                        <label>"Link to this program (copied): "
                            <input data-testid="share-link" readonly prop:value=link
                                on:focus=move |ev| {
                                    use wasm_bindgen::JsCast;
                                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        input.select();
                                    }
                                } />
                        </label>
                    </p>
                })}
                {(!embed).then(|| view! { <Gallery on_open=open_demo /> })}
                {move || demo.get().map(|d| view! {
                    <div class="demo-info" data-testid="demo-info">
                        <h2>{d.title.clone()}</h2>
                        <p>{d.explanation.clone()}</p>
                        <button data-testid="reset-demo" on:click=reset_demo>"Reset to the demo's original"</button>
                        {crate::twins::for_demo(d.id).map(|twin| view! {
                            <RustTwin twin=twin on_run=move |t, v| run_twin.with_value(|run| run(t, v))
                                running=Signal::derive(move || state.get() == RunState::Running) />
                        })}
                    </div>
                })}
                {(!embed).then(|| view! { <ApiPanel settings=api_settings set_settings=set_api_settings /> })}
                <CodeEditor code=code set_code=set_code on_run=run_key set_cursor_line=set_cursor_line />
                {move || error_at.get().map(|ErrorSpot { line, message, .. }| view! {
                    <p class="error-marker" data-testid="error-marker" role="alert">
                        <button class="link" on:click=move |_| editor::show_line(line)>{format!("Line {line}")}</button>
                        {format!(": {message}")}
                    </p>
                })}
            </section>
            <section class="output-pane">
                <h2>"Output"</h2>
                <Console feed=console on_line=Callback::new(editor::show_line)
                    on_download=move |_| chunks.with_value(|all| {
                        let text: String = all.iter().map(|c| c.text.as_str()).collect();
                        let _ = crate::browser::download::save_text("output.txt", "text/plain", &text);
                    }) />
                <p class="summary" data-testid="summary">{summary}</p>
            </section>
            <section class="timeline-pane" data-testid="timeline" aria-label="Timeline" aria-busy=move || drawing.get().to_string()>
                <div class="timeline-head">
                    <h2>"Timeline"</h2>
                    {move || last_trace.get().map(|trace| {
                        let json_trace = trace.clone();
                        view! {
                            <button data-testid="pin" title="Keep this timeline below, and compare the next run with it"
                                on:click=move |_| {
                                    set_pinned.set(timeline.get_untracked());
                                    set_pinned_rate.set(ran_rate.get_untracked());
                                    set_pinned_source.set(ran_source.get_untracked());
                                }>"Pin to compare"</button>
                            <button data-testid="export-json" title="Chrome Trace Event JSON: opens in Perfetto or chrome://tracing"
                                on:click=move |_| {
                                    let json = awaitlab_engine::trace::to_chrome_json(&json_trace.concat());
                                    let _ = crate::browser::download::save_text("awaitlab-trace.json", "application/json", &json);
                                }>"Export trace (Perfetto)"</button>
                            <button data-testid="export-svg" title="The timeline as an SVG picture"
                                on:click=move |_| super::timeline::export::save_svg()>"Export SVG"</button>
                            <button data-testid="export-png" title="The timeline as a PNG picture"
                                on:click=move |_| super::timeline::export::save_png()>"Export PNG"</button>
                        }
                    })}
                </div>
                {move || (state.get() != RunState::Running && timeline.with(|t| t.is_some())).then(|| view! {
                    <Replay timeline=timeline cursor=cursor set_cursor=set_cursor playing=playing set_playing=set_playing speed=speed />
                })}
                <TimelineView model=timeline on_line=Callback::new(editor::show_line)
                    min_end=Signal::derive(move || pinned.with(|p| p.as_ref().map_or(0.0, |m| m.end)))
                    zoom=zoom rate=ran_rate source=ran_source
                    cursor=Signal::derive(move || cursor.get()) now=Signal::derive(move || live_now.get()) />
                {move || pinned.with(|p| p.is_some()).then(|| view! {
                    <div class="pinned" data-testid="pinned-timeline">
                        <div class="timeline-head">
                            <h2>"Pinned run"</h2>
                            <button data-testid="unpin" on:click=move |_| set_pinned.set(None)>"Unpin"</button>
                        </div>
                        <TimelineView model=pinned on_line=Callback::new(|_| {})
                            min_end=Signal::derive(move || timeline.with(|t| t.as_ref().map_or(0.0, |m| m.end)))
                            zoom=zoom follows_zoom=true rate=pinned_rate source=pinned_source />
                    </div>
                })}
            </section>
        </main>
    }
}
