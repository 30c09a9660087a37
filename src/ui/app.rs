//! The page: its state made and provided, its start (the workspace, a link), the keys and
//! drops that work anywhere on it, and its layout (the editor and its panels, the output, the
//! timeline).

use super::api_panel::ApiPanel;
use super::console::Console;
use super::editor::{self, CodeEditor};
use super::gallery::Gallery;
use super::notices::Notices;
use super::programs::{ProgramBar, ProgramsPanel};
use super::replay::Replay;
use super::state::{self, page, Page, RunState};
use super::timeline::TimelineView;
use super::toolbar::Toolbar;
use super::twin::RustTwin;
use crate::workspace::{demo_file_name, Origin, RunSettings};
use awaitlab_engine::trace::ErrorSpot;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub const DEFAULT_PROGRAM: &str = r#"import asyncio

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

/// Opens a demo: the learner's copy of it if there is one (their edits kept), else a new file.
pub fn open_demo(page: Page, demo: crate::demos::Demo) {
    let ws = page.workspace;
    if page.embed {
        page.code.set(demo.code.to_string());
        page.api.set(awaitlab_engine::practice_api::Settings::from_query(&demo.api));
        page.demo.set(Some(demo));
        return;
    }
    let origin = Origin::Demo(demo.id.to_string());
    let id = ws.find_origin(&origin).unwrap_or_else(|| {
        let api = if demo.api.is_empty() {
            RunSettings::default().api
        } else {
            awaitlab_engine::practice_api::Settings::from_query(&demo.api).to_query()
        };
        ws.create(&demo_file_name(demo.id), demo.code, origin, RunSettings { api, ..RunSettings::default() })
    });
    ws.open(&id);
    show_opened_demo();
}

/// A demo just chosen is what the learner wants to see: the gallery folds away and the
/// program (its name, explanation and code) comes into view.
fn show_opened_demo() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(gallery) = doc.query_selector("[data-testid=\"gallery\"]").ok().flatten() {
        let _ = gallery.remove_attribute("open");
    }
    // From the run controls down: Run stays in view above the demo.
    if let Some(bar) = doc.query_selector(".editor-pane .toolbar").ok().flatten() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        bar.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Back to a demo's original text and settings (after asking, if the learner changed it).
fn reset_demo(page: Page) {
    let Some(d) = page.demo.get_untracked() else { return };
    let confirmed = page.code.get_untracked() == d.code
        || web_sys::window()
            .and_then(|w| w.confirm_with_message("Discard your changes and go back to the demo's original?").ok())
            .unwrap_or(false);
    if confirmed {
        page.code.set(d.code.to_string());
        page.api.set(awaitlab_engine::practice_api::Settings::from_query(&d.api));
    }
}

/// Ctrl/Cmd+Enter runs from anywhere on the page; files dropped on the page join the workspace;
/// a pending save is written before the page goes away.
fn page_wide_handlers(page: Page) {
    let Some(window) = web_sys::window() else { return };
    let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) && !ev.default_prevented() {
            ev.prevent_default();
            page.run();
        }
    });
    let _ = window.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget();
    if !page.embed {
        let on_dragover = Closure::<dyn Fn(web_sys::DragEvent)>::new(|ev: web_sys::DragEvent| {
            if ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
                ev.prevent_default();
            }
        });
        let on_drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(|ev: web_sys::DragEvent| {
            let Some(files) = ev.data_transfer().and_then(|d| d.files()).filter(|f| f.length() > 0) else { return };
            ev.prevent_default();
            leptos::task::spawn_local(super::programs::add_files(files));
        });
        let _ = window.add_event_listener_with_callback("dragover", on_dragover.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("drop", on_drop.as_ref().unchecked_ref());
        on_dragover.forget();
        on_drop.forget();
    }
    let on_hide = Closure::<dyn Fn()>::new(move || page.workspace.flush());
    let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
}

#[component]
pub fn App() -> impl IntoView {
    // Empty until the workspace opens the learner's program (no flash of another program).
    let page = state::init("");
    provide_context(page);
    leptos::task::spawn_local(super::session::start(page, DEFAULT_PROGRAM));
    page_wide_handlers(page);
    // What the learner changes is kept: the open program's text and settings (an embed's
    // text in its own store).
    // Before the save below: a pasted `# api:` line's settings are saved with the text.
    Effect::new(move |_| {
        page.code.track();
        page.apply_api_line();
    });
    Effect::new(move |_| {
        let text = page.code.get();
        page.api.track();
        page.real_time.track();
        page.speed.track();
        if page.embed {
            super::session::embed_edited(&text);
        } else {
            page.workspace.edited(&page);
        }
    });
    Effect::new(move |_| {
        let large = page.projector.get();
        editor::set_large_type(large);
        if !page.embed {
            crate::browser::storage::save(state::PROJECTOR_KEY, if large { "1" } else { "0" });
        }
    });
    Effect::new(move |_| {
        let line = page.cursor_line.get();
        // Again after every redraw of the timeline.
        page.timeline.track();
        page.pinned.track();
        super::timeline::highlight_line(line);
    });
    // Under a replay cursor the console shows the output up to it; without one, all of it.
    Effect::new(move |previous: Option<Option<f64>>| {
        let at = page.cursor.get();
        if previous.is_some() && previous != Some(at) {
            page.show_output_until(at);
        }
        at
    });
    let embed = page.embed;
    view! {
        {(!embed).then(|| view! {
            <header class="topbar">
                <h1>"Awaitlab"</h1>
                <p class="tagline">"See asyncio programs run"</p>
                <a class="guide-link" href="guide.html" target="_blank" rel="noopener">"Guide for teachers"</a>
            </header>
        })}
        <main class=move || {
            let mut class = String::from(if embed { "playground embed" } else { "playground" });
            if page.projector.get() {
                class.push_str(" presentation");
            }
            class
        } data-ready=move || page.ready.get().to_string()>
            <EditorPane />
            {(!embed).then(|| view! { <super::splitter::Splitter /> })}
            <OutputPane />
            <TimelinePane />
        </main>
    }
}

/// Text with `backticked` spans shown as code (as the demos' explanations are written).
pub(super) fn inline_code(text: &str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { view! { <code>{part.to_string()}</code> }.into_any() } else { part.to_string().into_any() })
        .collect_view()
}

#[component]
fn DemoInfo() -> impl IntoView {
    let page = page();
    move || {
        page.demo.get().map(|d| {
            view! {
                <div class="demo-info" data-testid="demo-info">
                    <h2>{d.title.clone()}</h2>
                    <p>{inline_code(&d.explanation)}</p>
                    {(!d.moments.is_empty()).then(|| {
                        let moments = d.moments.clone();
                        view! {
                            <div class="demo-moments">
                                <span>"In the loop inspector, after a run:"</span>
                                {moments.into_iter().map(|(n, note)| view! {
                                    <button class="link" data-testid="demo-moment"
                                        // The moment is this demo's: after a run of its program, as it stands.
                                        disabled=move || page.last_trace.with(|t| t.is_none()) || page.state.get() == RunState::Running
                                            || page.ran_source.get() != crate::visible::plain(d.code)
                                        title="Open the loop inspector at this iteration of the last run"
                                        on:click=move |_| super::inspector::open_at_iteration(page, n)>
                                        {format!("iteration {n}: {note}")}
                                    </button>
                                }).collect_view()}
                            </div>
                        }
                    })}
                    <button data-testid="reset-demo" on:click=move |_| reset_demo(page)>"Reset to the demo's original"</button>
                    {crate::twins::for_demo(d.id).map(|twin| view! {
                        <RustTwin twin=twin on_run=move |t, v| page.run_twin(t, v)
                            running=Signal::derive(move || page.state.get() == RunState::Running) />
                    })}
                </div>
            }
        })
    }
}

#[component]
fn EditorPane() -> impl IntoView {
    let page = page();
    let embed = page.embed;
    view! {
        <section class="editor-pane">
            <Toolbar />
            <Notices />
            {(!embed).then(|| view! {
                <ProgramBar />
                <ProgramsPanel />
                <Gallery on_open=Callback::new(move |d| open_demo(page, d)) />
            })}
            <DemoInfo />
            {(!embed).then(|| view! { <ApiPanel settings=page.api.read_only() set_settings=page.api.write_only() /> })}
            <CodeEditor code=page.code.read_only() set_code=page.code.write_only() on_run=move || page.run()
                set_cursor_line=page.cursor_line.write_only() />
            <p class="editor-hint" data-testid="editor-hint">"Tab indents while you edit · Esc, then Tab, leaves the editor · Ctrl+Enter runs"</p>
            {move || page.error_at.get().map(|ErrorSpot { line, message, .. }| view! {
                <p class="error-marker" data-testid="error-marker" role="alert">
                    <button class="link" on:click=move |_| editor::show_line(line)>{format!("Line {line}")}</button>
                    {format!(": {message}")}
                </p>
            })}
        </section>
    }
}

#[component]
fn OutputPane() -> impl IntoView {
    let page = page();
    view! {
        <section class="output-pane">
            <h2>"Output"</h2>
            <Console feed=page.console on_line=Callback::new(editor::show_line) on_download=move |_| page.download_output() />
        </section>
    }
}

/// Opens and closes the loop inspector.
fn inspector_button() -> impl IntoView {
    let page = page();
    view! {
        <button data-testid="open-inspector" aria-pressed=move || page.inspector_open.get().to_string()
            title="The event loop's ready queue, timers and waiting tasks at the replay cursor, step by step"
            on:click=move |_| page.inspector_open.update(|o| *o = !*o)>"Loop inspector"</button>
    }
}

#[component]
fn TimelinePane() -> impl IntoView {
    let page = page();
    let model = Signal::derive_local(move || page.timeline.get());
    let pinned_model = Signal::derive_local(move || page.pinned.with(|p| p.as_ref().map(|d| d.model.clone())));
    // A real-time Python run is on: its loop is shown live (a memo: not again at each redraw).
    let live_run = Memo::new(move |_| page.live_loop_drawn.with(Option::is_some));
    // The head's buttons act on the last finished run's trace: off while the next one runs, so
    // that nothing exports or pins the previous run by mistake.
    let running = move || page.state.get() == RunState::Running;
    view! {
        <section class="timeline-pane" data-testid="timeline" aria-label="Timeline" aria-busy=move || page.drawing.get().to_string()>
            <div class="timeline-head">
                <h2>"Timeline"</h2>
                // A real-time run shows its loop live, before it has a trace to step through.
                {move || live_run.get().then(inspector_button)}
                {move || page.last_trace.get().map(|trace| {
                    let for_perfetto = trace.clone();
                    let has_loop = super::inspector::has_loop(&trace);
                    view! {
                    {move || (has_loop && !live_run.get()).then(inspector_button)}
                    <button data-testid="pin" disabled=running title="Keep this timeline below, and compare the next run with it"
                        on:click=move |_| page.pin()>"Pin to compare"</button>
                    <button data-testid="export-json" disabled=running title="Chrome Trace Event JSON: opens in Perfetto or chrome://tracing"
                        on:click=move |_| {
                            let json = awaitlab_engine::trace::to_chrome_json(&trace.concat());
                            let _ = crate::browser::download::save_text("awaitlab-trace.json", "application/json", &json);
                        }>"Export trace"</button>
                    // A network action: offered while the browser is online (offline, the
                    // exported file opens in Perfetto later).
                    {crate::browser::perfetto::online().then(|| {
                        let trace = for_perfetto.clone();
                        view! {
                            <button data-testid="open-perfetto" disabled=running title="Open this run's trace in ui.perfetto.dev, in a new tab (online)"
                                on:click=move |_| {
                                    let json = awaitlab_engine::trace::to_chrome_json(&trace.concat());
                                    if let Err(e) = crate::browser::perfetto::open(&json, "Awaitlab run") {
                                        page.notice.set(super::state::Notice::Error(e));
                                    }
                                }>"Open in Perfetto"</button>
                        }
                    })}
                    <button data-testid="export-svg" disabled=running title="The timeline as an SVG picture"
                        on:click=move |_| {
                            if let Some(export) = page.export() {
                                super::timeline::export::save_svg(&export);
                            }
                        }>"Export SVG"</button>
                    <button data-testid="export-png" disabled=running title="The timeline as a PNG picture"
                        on:click=move |_| {
                            if let Some(export) = page.export() {
                                super::timeline::export::save_png(&export);
                            }
                        }>"Export PNG"</button>
                }})}
            </div>
            {move || (page.state.get() != RunState::Running && page.timeline.with(|t| t.is_some())).then(|| view! {
                <Replay timeline=page.timeline.read_only() cursor=page.cursor.read_only() set_cursor=page.cursor.write_only()
                    playing=page.playing.read_only() set_playing=page.playing.write_only() speed=page.speed.read_only() />
            })}
            {move || (page.state.get() != RunState::Running).then(|| view! { <super::inspector::Insights /> })}
            {move || (page.inspector_open.get() && live_run.get())
                .then(|| view! { <super::inspector::LiveInspector /> })}
            {move || (page.inspector_open.get() && page.state.get() != RunState::Running
                && page.last_trace.with(|t| t.as_ref().is_some_and(super::inspector::has_loop)))
                .then(|| view! { <super::inspector::LoopInspector /> })}
            <TimelineView model=model on_line=Callback::new(editor::show_line)
                min_end=Signal::derive(move || page.pinned.with(|p| p.as_ref().map_or(0.0, |d| d.model.end)))
                zoom=page.zoom rate=page.ran_rate source=page.ran_source note=page.summary
                cursor=Signal::derive(move || page.cursor.get()) now=Signal::derive(move || page.live_now.get())
                large=page.projector />
            {move || page.pinned.with(|p| p.is_some()).then(|| view! {
                <div class="pinned" data-testid="pinned-timeline">
                    <div class="timeline-head">
                        <h2>"Pinned run"</h2>
                        <button data-testid="unpin" on:click=move |_| page.pinned.set(None)>"Unpin"</button>
                    </div>
                    <TimelineView model=pinned_model on_line=Callback::new(|_| {})
                        min_end=Signal::derive(move || page.timeline.with(|t| t.as_ref().map_or(0.0, |m| m.end)))
                        zoom=page.zoom follows_zoom=true large=page.projector
                        rate=Signal::derive(move || page.pinned.with(|p| p.as_ref().and_then(|d| d.rate)))
                        source=Signal::derive(move || page.pinned.with(|p| p.as_ref().map(|d| d.source.clone()).unwrap_or_default())) />
                </div>
            })}
        </section>
    }
}
