//! The demo gallery: the programs of `demos/`, opened into the editor.

use crate::demos::Demo;
use leptos::prelude::*;

/// The demo gallery: every program in `demos/`, with its title and one-line summary.
#[component]
pub fn Gallery(on_open: Callback<Demo>) -> impl IntoView {
    let demos = crate::demos::all();
    view! {
        <details class="gallery" data-testid="gallery">
            <summary>{format!("Demos ({})", demos.len())}</summary>
            <ul>
                {demos.into_iter().map(|demo| {
                    let (title, summary, id) = (demo.title.clone(), demo.summary.clone(), demo.id);
                    view! {
                        <li>
                            <button class="demo" data-demo=id on:click=move |_| on_open.run(demo.clone())>
                                <span class="demo-title">{title}</span>
                                <span class="demo-summary">{super::app::inline_code(&summary)}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
