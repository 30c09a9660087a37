//! Browser glue, thin on purpose: the engine's worker seen from the page (`engine`), the
//! practice API's server and its service worker (`practice`), `fetch()` for it (`fetch`), the
//! offline copy's updates (`offline`), storage, downloads, compression, on-demand modules, and
//! the single-file build's inlined modules (`bundle`).

pub mod bundle;
pub mod compress;
pub mod download;
pub mod engine;
pub mod fetch;
pub mod lazy_module;
pub mod offline;
pub mod perfetto;
pub mod practice;
pub mod storage;
pub mod store;
