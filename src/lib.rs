//! Awaitlab's web app: Leptos components (`ui`) and thin browser glue (`browser`).
//! All engine logic lives in the `awaitlab-engine` crate, which has no web dependencies.

pub mod browser;
pub mod demos;
pub mod share;
pub mod terminal;
pub mod twins;
pub mod ui;
pub mod visible;
pub mod workspace;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    if ui::framed_by_another_site() && !ui::embed_mode() {
        leptos::mount::mount_to_body(ui::FramedNotice);
        return;
    }
    browser::practice::install();
    // The engine's worker starts loading now, while the page draws.
    browser::engine::state();
    leptos::mount::mount_to_body(ui::App);
}
