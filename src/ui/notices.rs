//! The messages above the editor: what a link or demo just did, what could not be saved, the
//! program changed in another tab, and a new version of the app ready to load.

use super::state::{page, Notice};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let page = page();
    let reload = move |_| {
        leptos::task::spawn_local(async move { page.workspace.reload_current().await });
    };
    let dismiss = move |_| page.notice.set(Notice::None);
    let embed_back = move |_| {
        if let Some(original) = super::session::embed_original() {
            page.code.set(original);
            page.notice.set(Notice::None);
        }
    };
    let reload_page = move |_| {
        if let Some(w) = web_sys::window() {
            // Unsaved edits are flushed on the way out (and journalled as they are typed).
            let _ = w.location().reload();
        }
    };
    view! {
        {move || crate::browser::offline::update_ready().then(|| view! {
            <p class="notice" data-testid="update-ready" role="status">
                "A new version of Awaitlab is ready. "
                <button class="link" data-testid="reload-update" on:click=reload_page>"Reload to update"</button>
                " (your programs are kept)."
            </p>
        })}
        {move || match page.notice.get() {
            Notice::None => None,
            Notice::Info(text) => Some(view! {
                <p class="notice" data-testid="notice" role="status">{text}
                    {page.embed.then(|| view! { " " <button class="link" data-testid="embed-original" on:click=embed_back>"Back to the original"</button> })}
                    " " <button class="link dismiss" title="Dismiss" aria-label="Dismiss" on:click=dismiss>"×"</button></p>
            }.into_any()),
            Notice::Error(text) => Some(view! { <p class="notice error" data-testid="notice" role="alert">{text}</p> }.into_any()),
            Notice::NotebookHint => Some(view! {
                <p class="notice" data-testid="notebook-hint" role="status">
                    "In a script, as in CPython, " <code>"await"</code> " works only inside " <code>"async def"</code>
                    ". Code from a notebook runs as one when its cells start with " <code>"# %%"</code> " lines (the percent format of Jupytext and VS Code). "
                    <button class="link" data-testid="make-notebook" on:click=move |_| {
                        page.code.update(|code| *code = format!("# %%\n{code}"));
                        page.notice.set(Notice::None);
                        page.run();
                    }>"Run it as a notebook"</button>
                    " " <button class="link dismiss" title="Dismiss" aria-label="Dismiss" on:click=dismiss>"×"</button>
                </p>
            }.into_any()),
            Notice::ChangedElsewhere => Some(view! {
                <p class="notice warn" data-testid="notice" role="alert">
                    "This program was changed in another tab. "
                    <button class="link" data-testid="reload-program" on:click=reload>"Reload it"</button>
                    " (your text here is replaced) or keep editing here (your text is saved over the other tab's)."
                </p>
            }.into_any()),
        }}
    }
}
