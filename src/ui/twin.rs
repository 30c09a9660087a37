//! A demo's async Rust twin beside it: what differs from asyncio, its parameters in a form,
//! its own source (read-only), and a button that runs it into the same console and timeline.

use crate::twins::Twin;
use leptos::prelude::*;

#[component]
pub fn RustTwin<R>(twin: &'static Twin, on_run: R, #[prop(into)] running: Signal<bool>) -> impl IntoView
where
    R: Fn(&'static Twin, Vec<f64>) + 'static,
{
    let values: Vec<RwSignal<f64>> = twin.params.iter().map(|p| RwSignal::new(p.default)).collect();
    // The run closure holds the Stop flag (not Send); views need Send.
    let on_run = StoredValue::new_local(on_run);
    let source_host = NodeRef::<leptos::html::Div>::new();
    let (asked, set_asked) = signal(false);
    let (trouble, set_trouble) = signal(None::<String>);
    // The source comes from the twins' module, loaded the first time the panel opens (and the
    // editor mounted then: it measures its lines).
    let on_toggle = move |_| {
        if asked.get_untracked() {
            return;
        }
        set_asked.set(true);
        leptos::task::spawn_local(async move {
            match crate::twins::source(twin).await {
                Ok(source) => {
                    if let Some(host) = source_host.get_untracked() {
                        super::editor::show_rust_source(&host, &source);
                    }
                }
                Err(why) => {
                    set_asked.set(false);
                    set_trouble.set(Some(why));
                }
            }
        });
    };
    let fields = twin
        .params
        .iter()
        .zip(values.iter().copied())
        .map(|(p, value)| {
            view! {
                <label class="field">
                    <span>{p.label}</span>
                    <input type="number" min=p.min max=p.max step=p.step prop:value=move || value.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                value.set(v.clamp(p.min, p.max));
                            }
                        } />
                </label>
            }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = values.iter().map(|v| v.get_untracked()).collect();
        on_run.with_value(|run| run(twin, chosen));
    };
    view! {
        <details class="twin" data-testid="rust-twin" on:toggle=on_toggle>
            <summary>"The same in async Rust"</summary>
            <p class="twin-note">{twin.differences}</p>
            <form class="twin-params" on:submit=submit>
                {fields}
                <button type="submit" class="primary" data-testid="run-rust" disabled=move || running.get()>"Run the Rust version"</button>
            </form>
            {move || trouble.get().map(|why| view! { <p class="twin-trouble" role="alert">{why}</p> })}
            <p class="twin-file">{twin.file}</p>
            <div class="rust-source" node_ref=source_host></div>
        </details>
    }
}
