//! The full app inside another site's frame: it shows the learner's saved work to whoever
//! frames it (and a foreign page could steer clicks over it), so it refuses, and offers to open
//! in its own tab. Embeds (`?embed=1`) are made for course pages and keep their own space.

use leptos::prelude::*;

/// True when the page is framed by a page of another origin (reading the top window's address
/// is refused across origins).
pub fn framed_by_another_site() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.top() {
        Ok(Some(top)) if top != window => top.location().href().is_err(),
        _ => false,
    }
}

#[component]
pub fn FramedNotice() -> impl IntoView {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    view! {
        <main class="framed" data-testid="framed-notice">
            <h1>"Awaitlab"</h1>
            <p>"This page is shown inside another site. Your programs are not shown here."</p>
            <p><a href=href target="_blank" rel="noopener noreferrer">"Open Awaitlab in its own tab"</a></p>
            <p class="hint">"Course pages can embed a program with "<code>"?embed=1"</code>"."</p>
        </main>
    }
}
