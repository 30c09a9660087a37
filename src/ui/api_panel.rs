//! The practice API's settings panel: latency, capacity, rate limit, errors and seed, as a teacher sets them.

use crate::browser::practice::{api, Relay};
use awaitlab_engine::practice_api::{LatencyShape, Settings};
use leptos::prelude::*;

/// The practice API's settings: how slow, how busy, how strict, how flaky the server is.
#[component]
pub fn ApiPanel(settings: ReadSignal<Settings>, set_settings: WriteSignal<Settings>) -> impl IntoView {
    // The relay is known once the service worker has started (or failed to).
    let (relay_state, set_relay_state) = signal(api().relay());
    leptos::task::spawn_local(async move {
        // (The service worker is registered once the engine has loaded: on a slow first visit
        // that may take a while.)
        for _ in 0..600 {
            if api().relay() != Relay::Starting {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(100).await;
        }
        set_relay_state.set(api().relay());
    });
    let number = move |label: &'static str,
                       hint: &'static str,
                       get: fn(&Settings) -> f64,
                       put: fn(&mut Settings, f64),
                       min: f64,
                       max: f64,
                       step: f64| {
        view! {
            <label class="field" title=hint>
                <span>{label}</span>
                <input type="number" min=min max=max step=step
                    prop:value=move || get(&settings.get()).to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            if v.is_finite() {
                                set_settings.update(|s| put(s, v.clamp(min, max)));
                            }
                        }
                    } />
            </label>
        }
    };
    let relay = move || match relay_state.get() {
        Relay::ServiceWorker => {
            "Real time: served by this page's service worker (real requests, in the network panel). Instant: answered on the virtual clock."
        }
        Relay::InPage => {
            "Real time: answered inside the page (service workers are unavailable here). Instant: answered on the virtual clock."
        }
        Relay::Starting => "starting…",
    };
    view! {
        <details class="api-panel" data-testid="api-panel">
            <summary>"Practice API " <code>"/api/…"</code></summary>
            <p class="hint">{relay}</p>
            <div class="fields">
                <label class="field" title="How long a request takes">
                    <span>"Latency"</span>
                    <select on:change=move |ev| {
                        let shape = match event_target_value(&ev).as_str() {
                            "fixed" => LatencyShape::Fixed,
                            "longtail" => LatencyShape::LongTail,
                            _ => LatencyShape::Uniform,
                        };
                        set_settings.update(|s| s.latency = shape);
                    }
                    prop:value=move || match settings.get().latency {
                        LatencyShape::Fixed => "fixed",
                        LatencyShape::Uniform => "uniform",
                        LatencyShape::LongTail => "longtail",
                    }>
                        <option value="fixed">"fixed"</option>
                        <option value="uniform">"uniform ± jitter"</option>
                        <option value="longtail">"long tail"</option>
                    </select>
                </label>
                {number("ms", "Latency in milliseconds (the median for a long tail)", |s| s.latency_ms, |s, v| s.latency_ms = v, 0.0, 60000.0, 10.0)}
                {number("± ms", "Jitter for uniform latency", |s| s.jitter_ms, |s, v| s.jitter_ms = v, 0.0, 60000.0, 10.0)}
                {number("Capacity", "Requests served at once; more wait in line and slow the server down. 0: unlimited", |s| s.capacity as f64, |s, v| s.capacity = v as u32, 0.0, 10000.0, 1.0)}
                {number("Rate limit", "At most this many requests per window, then 429 Too Many Requests. 0: none", |s| s.rate_limit as f64, |s, v| s.rate_limit = v as u32, 0.0, 100000.0, 1.0)}
                {number("per s", "The rate limit's window in seconds", |s| s.rate_window_s, |s, v| s.rate_window_s = v, 0.001, 3600.0, 0.5)}
                {number("Errors", "Fraction of requests answered 500 Internal Server Error", |s| s.error_rate, |s, v| s.error_rate = v, 0.0, 1.0, 0.05)}
                {number("Seed", "Latency and errors repeat exactly for the same seed", |s| s.seed as f64, |s, v| s.seed = v as u64, 0.0, 4294967295.0, 1.0)}
            </div>
        </details>
    }
}
