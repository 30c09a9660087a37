//! Replay of a finished run: a cursor in program time that the console and the timeline follow;
//! step between events (buttons, arrow keys) or play it at the chosen speed.

use awaitlab_engine::trace::timeline::Timeline;
use leptos::prelude::*;

#[component]
pub fn Replay(
    timeline: ReadSignal<Option<std::rc::Rc<Timeline>>, LocalStorage>,
    cursor: ReadSignal<Option<f64>>,
    set_cursor: WriteSignal<Option<f64>>,
    playing: ReadSignal<bool>,
    set_playing: WriteSignal<bool>,
    /// Replay speed (the real-time speed factor).
    speed: ReadSignal<f64>,
) -> impl IntoView {
    let end = move || timeline.with(|t| t.as_ref().map_or(0.0, |m| m.end));
    let step_to = move |forward: bool| {
        let now = cursor.get_untracked().unwrap_or(if forward { -1.0 } else { f64::INFINITY });
        let times = timeline.with_untracked(|t| t.as_ref().map(|t| t.event_times()).unwrap_or_default());
        let next =
            if forward { times.iter().copied().find(|t| *t > now + 1e-9) } else { times.iter().rev().copied().find(|t| *t < now - 1e-9) };
        if let Some(t) = next {
            set_playing.set(false);
            set_cursor.set(Some(t));
        }
    };
    let play = move |_| {
        if playing.get_untracked() {
            set_playing.set(false);
            return;
        }
        let total = end();
        if cursor.get_untracked().is_none_or(|c| c >= total) {
            set_cursor.set(Some(0.0));
        }
        set_playing.set(true);
        leptos::task::spawn_local(async move {
            let mut last = js_sys::Date::now();
            while playing.get_untracked() {
                gloo_timers::future::TimeoutFuture::new(30).await;
                let now = js_sys::Date::now();
                let t = cursor.get_untracked().unwrap_or(0.0) + (now - last) / 1000.0 * speed.get_untracked();
                last = now;
                if t >= total {
                    set_cursor.set(Some(total));
                    set_playing.set(false);
                } else {
                    set_cursor.set(Some(t));
                }
            }
        });
    };
    view! {
        <div class="scrubber" role="group" aria-label="Replay">
            <button data-testid="prev-event" title="Previous event" on:click=move |_| step_to(false)>"◀"</button>
            <button data-testid="play" title="Replay the run at the chosen speed" on:click=play>
                {move || if playing.get() { "Pause" } else { "Replay" }}
            </button>
            <button data-testid="next-event" title="Next event" on:click=move |_| step_to(true)>"▶"</button>
            <input type="range" data-testid="scrubber" aria-label="Replay cursor (program time); arrow keys step between events"
                min="0" max=move || end().to_string() step="0.001"
                prop:value=move || cursor.get().unwrap_or_else(end).to_string()
                on:input=move |ev| {
                    set_playing.set(false);
                    set_cursor.set(event_target_value(&ev).parse().ok());
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "ArrowRight" => { ev.prevent_default(); step_to(true) }
                    "ArrowLeft" => { ev.prevent_default(); step_to(false) }
                    _ => {}
                } />
            <span class="cursor-time" data-testid="cursor-time">{move || match cursor.get() {
                Some(t) => format!("{} of {}", super::timeline::format_time(t), super::timeline::format_time(end())),
                None => format!("all {}", super::timeline::format_time(end())),
            }}</span>
            <button data-testid="show-all" on:click=move |_| { set_playing.set(false); set_cursor.set(None) }>"Show all"</button>
        </div>
    }
}
