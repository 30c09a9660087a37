//! Leptos components. They hold no engine logic: they start runs through `browser::run_live`
//! and show what comes back.

mod api_panel;
mod console;
mod editor;
mod framed;
mod gallery;
mod playground;
mod replay;
mod session;
mod timeline;
mod twin;

pub use framed::{framed_by_another_site, FramedNotice};
pub use playground::{embed_mode, App};
