//! The run controls: Run, Stop, real time and its speed, projector mode, Share, and the run's
//! state.

use super::state::{page, Notice, RunState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Toolbar() -> impl IntoView {
    let page = page();
    let state = page.state;
    let engine_state = crate::browser::engine::state();
    let share = move |_| {
        let (source, api) = (page.code.get_untracked(), page.api.get_untracked());
        leptos::task::spawn_local(async move {
            match super::session::make_link(&source, &api).await {
                Ok(link) => {
                    // Say "copied" only when it was.
                    let copied = match web_sys::window().map(|w| w.navigator().clipboard().write_text(&link)) {
                        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                        None => false,
                    };
                    page.share_link.set(Some(link));
                    page.notice.set(Notice::Info(
                        if copied {
                            "The link is copied: paste it anywhere."
                        } else {
                            "Copy the link below (the browser did not let the page copy it)."
                        }
                        .into(),
                    ));
                }
                Err(why) => page.notice.set(Notice::Error(format!("Could not make a link: {why}"))),
            }
        });
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            <button data-testid="run" class="primary" on:click=move |_| page.run()
                disabled=move || state.get() == RunState::Running || engine_state.get() == crate::browser::engine::EngineState::Loading
                title="Run (Ctrl+Enter)">"Run"</button>
            <button data-testid="stop" on:click=move |_| page.stop()
                disabled=move || state.get() != RunState::Running>"Stop"</button>
            <label class="mode">
                <input type="checkbox" data-testid="real-time" prop:checked=page.real_time
                    on:change=move |ev| page.real_time.set(event_target_checked(&ev)) />
                " Real time"
            </label>
            <select class="speed" data-testid="speed" aria-label="Real-time speed"
                title="Real time runs at this speed: sleeps and the practice API's latency are scaled"
                disabled=move || !page.real_time.get()
                on:change=move |ev| page.speed.set(event_target_value(&ev).parse().unwrap_or(1.0))
                prop:value=move || page.speed.get().to_string()>
                <option value="0.25">"0.25×"</option>
                <option value="0.5">"0.5×"</option>
                <option value="1">"1×"</option>
                <option value="2">"2×"</option>
                <option value="4">"4×"</option>
            </select>
            {(!page.embed).then(|| view! {
                <button data-testid="projector" aria-pressed=move || page.projector.get().to_string()
                    title="Large type for a projector" on:click=move |_| page.projector.update(|p| *p = !*p)>"Projector"</button>
                <button data-testid="share" on:click=share title="Copy a link that carries this program and its practice-API settings">"Share"</button>
            })}
            {move || {
                let cells = page.code.with(|code| awaitlab_engine::is_notebook(code).then(|| awaitlab_engine::notebook_cells(code).len()));
                cells.map(|n| view! {
                    <span class="notebook-badge" data-testid="notebook-badge"
                        title="`# %%` lines make this program a notebook: top-level await, one event loop for every cell, each cell's last expression shown as Out[n]">
                        {format!("notebook · {n} cell{}", if n == 1 { "" } else { "s" })}
                    </span>
                })
            }}
            <span class="run-state" data-testid="run-state" data-state=move || state.get().as_str()
                role="status">{move || match state.get() {
                    RunState::Running => format!("running {:.1} s", page.elapsed.get()),
                    _ if engine_state.get() == crate::browser::engine::EngineState::Loading => "loading the engine…".to_string(),
                    s => s.as_str().to_string(),
                }}</span>
        </div>
        {move || page.share_link.get().map(|link| view! {
            <p class="share-box">
                <label>"Link to this program: "
                    <input data-testid="share-link" readonly prop:value=link
                        on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                </label>
            </p>
        })}
    }
}
