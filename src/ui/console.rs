use awaitlab_engine::machine::{Chunk, Stream};
use leptos::prelude::*;

/// The program's output in the order written; stderr styled apart. Text only, never HTML.
#[component]
pub fn Console(chunks: ReadSignal<Vec<Chunk>>) -> impl IntoView {
    view! {
        <pre class="console" data-testid="console" aria-live="polite" aria-label="Program output">
            <For
                each=move || chunks.get().into_iter().enumerate()
                key=|(i, c)| (*i, c.text.len())
                children=move |(_, c)| {
                    let class = if c.stream == Stream::Stderr { "stderr" } else { "stdout" };
                    view! { <span class=class>{c.text}</span> }
                }
            />
        </pre>
    }
}
