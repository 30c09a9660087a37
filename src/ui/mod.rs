//! Leptos components. They hold no engine logic: they start runs through `browser::engine`
//! and show what comes back. `state` holds the page's signals, `workspace` the learner's files.

mod api_panel;
mod app;
mod console;
mod editor;
mod framed;
mod gallery;
mod inspector;
mod notices;
mod programs;
mod replay;
mod session;
mod splitter;
mod state;
mod timeline;
mod toolbar;
mod twin;
mod workspace;

pub use app::App;
pub use framed::{framed_by_another_site, FramedNotice};
pub use state::embed_mode;
