//! The page's state in one place (the Leptos todomvc pattern): a `Page` of signals, provided as
//! context, with the run flow as its methods. Components read and change it; none of them holds
//! the flow of a run.

use super::console::ConsoleFeed;
use super::editor;
use super::workspace::Workspace;
use crate::browser::engine::{self, TimeMode};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::trace::inspector::LoopState;
use awaitlab_engine::trace::timeline::{Builder, Timeline};
use awaitlab_engine::trace::{Chunk, ErrorSpot, Record, Stream};
use awaitlab_engine::{RunConfig, RunResult};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// Past this many trace records, or task lanes past what SVG draws, the timeline is drawn at
/// the end only (each live redraw copies the model so far and draws it again).
const LIVE_TIMELINE_MAX_RECORDS: usize = 10_000;
const LIVE_TIMELINE_MS: f64 = 200.0;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RunState {
    Idle,
    Running,
    Done,
    Failed,
    Stopped,
}

impl RunState {
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Failed => "failed",
            RunState::Stopped => "stopped",
        }
    }
}

/// A message above the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    None,
    Info(String),
    Error(String),
    /// Another tab saved the open program: reload it from there?
    ChangedElsewhere,
    /// A script failed on a top-level `await`: it may be a notebook's cells.
    NotebookHint,
}

/// A timeline and what it was drawn from: the program (tooltips quote its lines) and the
/// practice API's rate limit (its chart).
#[derive(Clone)]
pub struct Drawn {
    pub model: Rc<Timeline>,
    pub source: String,
    pub rate: Option<(u32, f64)>,
}

/// Everything the page shows and changes. `Copy`: signals and arena handles.
#[derive(Clone, Copy)]
pub struct Page {
    pub code: RwSignal<String>,
    pub state: RwSignal<RunState>,
    /// Wall seconds since the run started (while it runs).
    pub elapsed: RwSignal<f64>,
    pub real_time: RwSignal<bool>,
    pub speed: RwSignal<f64>,
    pub api: RwSignal<Settings>,
    /// The open program's `# api:` line as last seen: a new or changed one (pasted in) sets
    /// the practice API (`apply_api_line`).
    pub api_line_seen: StoredValue<Option<String>>,
    pub notice: RwSignal<Notice>,
    pub share_link: RwSignal<Option<String>>,
    pub projector: RwSignal<bool>,
    pub embed: bool,
    /// The workspace (or an embed's program) is loaded and its program open: until then
    /// the editor shows nothing to type into by mistake.
    pub ready: RwSignal<bool>,
    /// The open demo (its panel, "reset to the original").
    pub demo: RwSignal<Option<crate::demos::Demo>>,
    pub error_at: RwSignal<Option<ErrorSpot>>,
    /// The editor's cursor line: the timeline lights up that line's segments.
    pub cursor_line: RwSignal<Option<u32>>,
    /// Said after the timeline's summary: which kind of run it was ("Rust twin"), if not the program's.
    pub summary: RwSignal<String>,
    pub timeline: RwSignal<Option<Rc<Timeline>>, LocalStorage>,
    /// The last run's trace (in the pieces it arrived in), for the Chrome trace export.
    pub last_trace: RwSignal<Option<Rc<Vec<Vec<Record>>>>, LocalStorage>,
    /// What the last run ran with: its program and its rate limit.
    pub ran_source: RwSignal<String>,
    pub ran_rate: RwSignal<Option<(u32, f64)>>,
    pub pinned: RwSignal<Option<Drawn>, LocalStorage>,
    /// The trace is still coming in after the run (a long one): the timeline is busy.
    pub drawing: RwSignal<bool>,
    /// The program clock of a real-time run as it goes (the timeline's "now" line).
    pub live_now: RwSignal<Option<f64>>,
    /// Replay: a cursor in program time; the console shows the output up to it.
    pub cursor: RwSignal<Option<f64>>,
    /// The loop inspector's own position: how many of the trace's records it has applied
    /// (many share one moment: an iteration's handles all run at one time). None: it
    /// follows `cursor` (the records up to it), or shows the run's end.
    pub inspect: RwSignal<Option<usize>>,
    pub inspector_open: RwSignal<bool>,
    /// A real-time Python run's loop as it goes, for the live inspector (its records applied
    /// as they arrive); `live_loop_drawn` changes when the inspector should draw it again
    /// (at most every `LIVE_TIMELINE_MS`). None: no such run now.
    pub live_loop: StoredValue<Option<LoopState>, LocalStorage>,
    pub live_loop_drawn: RwSignal<Option<u64>>,
    /// Batches of records applied to `live_loop`: more than drawn, the inspector's next tick
    /// draws them (a batch inside the throttle, then a program asleep, is not left unshown).
    pub live_loop_applied: StoredValue<u64>,
    /// When (wall clock, ms) the program clock last read `live_now`: between two messages (a
    /// program asleep sends none) the live inspector's timers count down from there.
    pub live_clock_at: StoredValue<f64>,
    pub playing: RwSignal<bool>,
    pub zoom: RwSignal<Option<super::timeline::Window>>,
    pub console: ConsoleFeed,
    /// All of the output (replay and the download read it).
    pub chunks: StoredValue<Vec<Chunk>, LocalStorage>,
    /// Runs started so far: a run's late trace must not land on a newer run's page.
    runs: StoredValue<u64>,
    /// The run's timeline, built as its trace comes in.
    builder: StoredValue<Option<Builder>, LocalStorage>,
    /// A Rust twin watches this flag; a Python run is stopped through its worker.
    stop_flag: StoredValue<Rc<Cell<bool>>, LocalStorage>,
    pub workspace: Workspace,
}

thread_local! {
    /// The page's one state: reachable from components, callbacks and tasks alike (a task
    /// after an await has no reactive owner to find a context through).
    static PAGE: std::cell::OnceCell<Page> = const { std::cell::OnceCell::new() };
}

/// The page's state.
pub fn page() -> Page {
    PAGE.with(|p| *p.get().expect("the page's state is made first"))
}

/// Makes the page's state (once).
/// Where projector mode is remembered.
pub const PROJECTOR_KEY: &str = "awaitlab.projector";

pub fn init(code: &str) -> Page {
    PAGE.with(|p| *p.get_or_init(|| Page::new(code)))
}

/// `?embed=1`: editor, Run and timeline only, for an iframe in a course page.
pub fn embed_mode() -> bool {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|p| p == "embed=1" || p == "embed=true")
}

/// Adds output as the engine writes it: a chunk written at the same moment on the same stream
/// as the last continues it.
fn append_output(all: &mut Vec<Chunk>, fresh: &[Chunk]) {
    for chunk in fresh {
        match all.last_mut() {
            Some(last) if last.stream == chunk.stream && last.time == chunk.time => last.text.push_str(&chunk.text),
            _ => all.push(chunk.clone()),
        }
    }
}

/// A timeline with the program's texts made safe to show.
fn made_safe(mut model: Timeline) -> Timeline {
    crate::visible::timeline(&mut model);
    model
}

fn rate_of(api: &Settings) -> Option<(u32, f64)> {
    (api.rate_limit > 0).then_some((api.rate_limit, api.rate_window_s))
}

/// What the console shows when a Rust twin cannot run (its module did not load: offline, say).
fn twin_failure(why: String) -> RunResult {
    let text = format!("The Rust twin could not run: {why}\n");
    RunResult {
        exit_code: 1,
        chunks: vec![Chunk { stream: Stream::Stderr, text, time: 0.0 }],
        trace: vec![],
        duration: 0.0,
        instructions: 0,
        error: None,
    }
}

impl Page {
    fn new(code: &str) -> Page {
        Page {
            code: RwSignal::new(code.to_string()),
            state: RwSignal::new(RunState::Idle),
            elapsed: RwSignal::new(0.0),
            real_time: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            api: RwSignal::new(Settings::default()),
            api_line_seen: StoredValue::new(crate::workspace::api_line(code).map(str::to_string)),
            notice: RwSignal::new(Notice::None),
            share_link: RwSignal::new(None),
            // Remembered: a teacher's classroom laptop stays in projector mode.
            projector: RwSignal::new(crate::browser::storage::load(PROJECTOR_KEY).as_deref() == Some("1")),
            embed: embed_mode(),
            ready: RwSignal::new(false),
            demo: RwSignal::new(None),
            error_at: RwSignal::new(None),
            cursor_line: RwSignal::new(None),
            summary: RwSignal::new(String::new()),
            timeline: RwSignal::new_local(None),
            last_trace: RwSignal::new_local(None),
            ran_source: RwSignal::new(String::new()),
            ran_rate: RwSignal::new(None),
            pinned: RwSignal::new_local(None),
            drawing: RwSignal::new(false),
            live_now: RwSignal::new(None),
            cursor: RwSignal::new(None),
            inspect: RwSignal::new(None),
            inspector_open: RwSignal::new(false),
            live_loop: StoredValue::new_local(None),
            live_loop_drawn: RwSignal::new(None),
            live_loop_applied: StoredValue::new(0),
            live_clock_at: StoredValue::new(0.0),
            playing: RwSignal::new(false),
            zoom: RwSignal::new(None),
            console: ConsoleFeed::new(),
            chunks: StoredValue::new_local(Vec::new()),
            runs: StoredValue::new(0),
            builder: StoredValue::new_local(None),
            stop_flag: StoredValue::new_local(Rc::new(Cell::new(false))),
            workspace: Workspace::new(),
        }
    }

    pub fn running(&self) -> bool {
        self.state.get_untracked() == RunState::Running
    }

    /// Every run, Python or a Rust twin: the page's state at its start.
    fn begin_run(&self, ran: &str, rate: Option<(u32, f64)>) {
        self.stop_flag.with_value(|f| f.set(false));
        self.runs.update_value(|n| *n += 1);
        self.builder.set_value(Some(Builder::default()));
        self.chunks.update_value(|c| c.clear());
        self.console.clear();
        self.summary.set(String::new());
        self.timeline.set(None);
        self.error_at.set(None);
        editor::clear_error();
        self.cursor.set(None);
        self.inspect.set(None);
        self.live_loop.set_value(None);
        self.live_loop_drawn.set(None);
        self.playing.set(false);
        self.ran_source.set(crate::visible::plain(ran));
        self.ran_rate.set(rate);
        self.zoom.set(None);
        self.state.set(RunState::Running);
        // The elapsed time shown while running (wall clock), until the state changes.
        let started = js_sys::Date::now();
        self.elapsed.set(0.0);
        let (state, elapsed) = (self.state, self.elapsed);
        leptos::task::spawn_local(async move {
            while state.get_untracked() == RunState::Running {
                elapsed.set((js_sys::Date::now() - started) / 1000.0);
                gloo_timers::future::TimeoutFuture::new(100).await;
            }
        });
    }

    /// The run's output is all in: its state, its error's place, the console complete.
    fn finish_output(&self, result: &mut RunResult) {
        self.live_now.set(None);
        if result.exit_code != 0 && result.exit_code != 130 {
            if result.error.as_ref().is_some_and(|e| e.message.ends_with("'await' outside function")) {
                self.notice.set(Notice::NotebookHint);
            }
            if let Some(spot) = &result.error {
                editor::mark_error(spot);
                editor::show_line(spot.line);
            }
            self.error_at.set(result.error.take());
        }
        self.chunks.set_value(std::mem::take(&mut result.chunks));
        self.console.flush();
        self.state.set(match result.exit_code {
            0 => RunState::Done,
            130 => RunState::Stopped,
            _ => RunState::Failed,
        });
    }

    /// A run's trace is all in: the timeline and the run's summary.
    fn finish_trace(&self, records: Vec<Vec<Record>>, model: Timeline, what: &str) {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("timeline-start");
        }
        // The timeline's own summary (from the trace) is the run's one summary; this only says
        // which kind of run it was (a Rust twin's).
        self.summary.set(what.to_string());
        self.timeline.set(Some(Rc::new(model)));
        self.last_trace.set(Some(Rc::new(records)));
    }

    /// Runs the program in the editor.
    pub fn run(&self) {
        if self.running() {
            return;
        }
        let page = *self;
        let source = self.code.get_untracked();
        let api = self.api.get_untracked();
        self.workspace.record_run();
        self.begin_run(&source, rate_of(&api));
        let real_time = self.real_time.get_untracked();
        let mode = if real_time { TimeMode::RealTime { speed: self.speed.get_untracked() } } else { TimeMode::Instant };
        if real_time {
            self.live_loop.set_value(Some(LoopState::default()));
            self.live_loop_applied.set_value(0);
            self.live_loop_drawn.set(Some(0));
        }
        leptos::task::spawn_local(async move {
            let epoch = js_sys::Date::now() / 1000.0;
            let config = RunConfig { filename: "main.py".into(), epoch, api, ..Default::default() };
            let drawn_at = Cell::new(f64::NEG_INFINITY);
            let show_progress = move |live: &engine::LiveRun| page.show_progress(live, real_time, &drawn_at);
            let (mut result, _server_stats, trace) = engine::run(&source, &config, mode, show_progress).await;
            let this_run = page.runs.get_value();
            awaitlab_worker::host::next_macrotask().await;
            page.finish_output(&mut result);
            page.summary.set("Drawing the timeline…".into());
            page.drawing.set(true);
            page.live_loop.set_value(None);
            page.live_loop_drawn.set(None);
            let records = trace.complete().await;
            // The builder took the trace in as it came. Finishing it and drawing it are tasks
            // of their own: the page answers between them.
            awaitlab_worker::host::next_macrotask().await;
            let built = page.builder.try_update_value(|b| b.take()).flatten();
            let model = made_safe(built.map_or_else(Default::default, |b| b.finish()));
            awaitlab_worker::host::next_macrotask().await;
            page.drawing.set(false);
            // A newer run took the page meanwhile: its timeline is the one to show.
            if page.runs.get_value() == this_run {
                page.finish_trace(records, model, "");
            }
        });
    }

    /// While a run goes on: its output, its trace into the timeline's builder, and in real
    /// time the timeline so far (small runs, at most every `LIVE_TIMELINE_MS`).
    fn show_progress(&self, live: &engine::LiveRun, real_time: bool, drawn_at: &Cell<f64>) {
        self.chunks.update_value(|all| append_output(all, &live.fresh_chunks));
        self.console.write(&live.fresh_chunks);
        if real_time {
            self.live_now.set(Some(live.now));
            self.live_clock_at.set_value(js_sys::Date::now());
        }
        let fresh = live.fresh_records();
        self.builder.update_value(|b| {
            if let Some(b) = b.as_mut() {
                b.push(fresh);
            }
        });
        let now = js_sys::Date::now();
        if real_time && !fresh.is_empty() {
            self.live_loop.update_value(|s| {
                if let Some(s) = s.as_mut() {
                    fresh.iter().for_each(|r| s.apply(r));
                }
            });
            self.live_loop_applied.update_value(|n| *n += 1);
            // The live inspector draws again when open, at most every LIVE_TIMELINE_MS (and at
            // its next tick what came in between).
            thread_local!(static INSPECTOR_DRAWN_AT: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) });
            if self.inspector_open.get_untracked() && now - INSPECTOR_DRAWN_AT.get() >= LIVE_TIMELINE_MS {
                INSPECTOR_DRAWN_AT.set(now);
                self.live_loop_drawn.set(Some(self.live_loop_applied.get_value()));
            }
        }
        let small = self.builder.with_value(|b| b.as_ref().is_some_and(|b| b.lanes() <= super::timeline::MAX_SVG_LANES));
        // Instant runs draw their timeline once, at the end: they are over in a moment.
        if real_time && !fresh.is_empty() && small && live.records <= LIVE_TIMELINE_MAX_RECORDS && now - drawn_at.get() >= LIVE_TIMELINE_MS
        {
            drawn_at.set(now);
            // A task of its own, not the pump's: taking in a slice and drawing (the first
            // drawing mounts the whole timeline) would together pass 50 ms on a slow machine.
            let page = *self;
            let run = self.runs.get_value();
            leptos::task::spawn_local(async move {
                awaitlab_worker::host::next_macrotask().await;
                // The run may have ended meanwhile: its final timeline is drawn from the whole trace.
                if page.runs.get_value() != run || !page.running() {
                    return;
                }
                if let Some(model) = page.builder.with_value(|b| b.as_ref().map(|b| b.snapshot())) {
                    page.timeline.set(Some(Rc::new(made_safe(model))));
                }
            });
        }
    }

    /// Runs a demo's async Rust twin: always in real time (on the browser's own event loop).
    pub fn run_twin(&self, twin: &'static crate::twins::Twin, values: Vec<f64>) {
        if self.running() {
            return;
        }
        let page = *self;
        let api = self.api.get_untracked();
        // Its source lines are not in the editor (the timeline has none to show for it).
        self.begin_run("", rate_of(&api));
        self.builder.set_value(None);
        let stop = self.stop_flag.get_value();
        let speed = self.speed.get_untracked();
        leptos::task::spawn_local(async move {
            let show_progress = move |p: crate::twins::Progress| {
                page.chunks.set_value(p.chunks.to_vec());
                page.console.show(p.chunks);
                page.live_now.set(Some(p.now));
                page.timeline.set(Some(Rc::new(made_safe(awaitlab_engine::trace::timeline::build(p.records)))));
            };
            let mut result = crate::twins::run(twin, values, speed, api.clone(), stop, show_progress).await.unwrap_or_else(twin_failure);
            page.console.show(&result.chunks);
            let model = made_safe(awaitlab_engine::trace::timeline::build(&result.trace));
            page.finish_trace(vec![std::mem::take(&mut result.trace)], model, "Rust twin");
            page.finish_output(&mut result);
        });
    }

    pub fn stop(&self) {
        // A twin watches the flag; a Python run is in the engine's worker.
        self.stop_flag.with_value(|f| f.set(true));
        engine::stop();
    }

    /// Downloads all of the output as a text file.
    pub fn download_output(&self) {
        self.chunks.with_value(|all| {
            let text: String = all.iter().map(|c| c.text.as_str()).collect();
            let _ = crate::browser::download::save_text("output.txt", "text/plain", &text);
        });
    }

    /// Shows the console for the replay cursor: the output up to it, or all of it.
    pub fn show_output_until(&self, at: Option<f64>) {
        let console = self.console;
        self.chunks.with_value(|all| match at {
            Some(t) => console.show(&all.iter().filter(|c| c.time <= t + 1e-9).cloned().collect::<Vec<_>>()),
            None => console.show(all),
        });
    }

    /// The program's text changed: an `# api:` line that is new or different (pasted in with a
    /// demo's code, typed) sets the practice API, and says so.
    pub fn apply_api_line(&self) {
        let line = self.code.with_untracked(|c| crate::workspace::api_line(c).map(str::to_string));
        if line == self.api_line_seen.get_value() {
            return;
        }
        self.api_line_seen.set_value(line.clone());
        let Some(line) = line else { return };
        let settings = Settings::from_query(&line);
        if settings != self.api.get_untracked() {
            self.api.set(settings);
            self.notice.set(Notice::Info("The program's \"# api:\" line set the practice API (see its panel).".into()));
        }
    }

    /// What an export of the timeline draws: the run on screen, all of it.
    pub fn export(&self) -> Option<super::timeline::export::Export> {
        Some(super::timeline::export::Export {
            model: self.timeline.get_untracked()?,
            rate: self.ran_rate.get_untracked(),
            source: self.ran_source.get_untracked(),
        })
    }

    /// Keeps the timeline below, to compare the next run with it.
    pub fn pin(&self) {
        if let Some(model) = self.timeline.get_untracked() {
            self.pinned.set(Some(Drawn { model, source: self.ran_source.get_untracked(), rate: self.ran_rate.get_untracked() }));
        }
    }
}
