//! Leptos components. They hold no engine logic: they call `browser::run_in_browser` and show
//! its result.

mod api_panel;
mod console;
mod editor;
mod gallery;
mod playground;
mod replay;
mod session;
mod timeline;
mod twin;

pub use playground::App;
