//! Awaitlab's web app: Leptos components (`ui`) and thin browser glue (`browser`).
//! All engine logic lives in the `awaitlab-engine` crate, which has no web dependencies.

pub mod browser;
pub mod demos;
pub mod share;
pub mod twins;
pub mod ui;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    browser::practice::install();
    leptos::mount::mount_to_body(ui::App);
}
