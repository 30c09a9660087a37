//! How the page's wasm is built small, and the Rust twins' module that the page loads only
//! when a learner opens a twin.

use crate::install::{cmd, fnv1a, fnv1a_from, root, run};
use std::path::Path;
use std::process::Command;

/// Release wasm builds recompile the standard library for size and make a panic a plain trap
/// (no message formatting linked in): measured 9 % smaller gzipped (ARCHITECTURE.md). A trap
/// says nowhere where it happened, so the source locations that `#[track_caller]` functions
/// (indexing, `RefCell::borrow_mut`, `unwrap`) carry are left out too: the engine's wasm 3.7 KB
/// smaller. These are nightly options; `RUSTC_BOOTSTRAP` lets the stable toolchain of the build
/// machines take them. The stack size repeats `.cargo/config.toml`'s, which this variable
/// replaces.
pub fn small_wasm(mut c: Command) -> Command {
    c.env("RUSTC_BOOTSTRAP", "1").env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort").env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Clink-arg=-zstack-size=8388608",
    );
    c
}

/// Where built modules wait (under target/) before they are copied into the site.
const STAGING: &str = "target/modules";

/// A wasm module of the site beside the page's own: the engine's worker, the Rust twins.
pub struct Module {
    /// The cargo package and its library's file name.
    pub package: &'static str,
    pub lib: &'static str,
    /// The site folder's name before its hash (`engine`, `twins`).
    pub folder: &'static str,
    pub features: &'static [&'static str],
}

pub const ENGINE_WORKER: Module = Module { package: "awaitlab-worker", lib: "awaitlab_worker", folder: "engine", features: &["entry"] };
pub const TWINS: Module = Module { package: "awaitlab-twins", lib: "awaitlab_twins", folder: "twins", features: &[] };

/// The engine worker's entry script: loads the module, starts it, and reports its death with
/// the memory it had (a trap from an exhausted memory looks like any other trap).
const WORKER_ENTRY: &str = r#"// The engine's worker (built by cargo xtask): load the engine, then take the page's messages.
import init, { start } from './awaitlab_worker.js';

let memory = null;
const report = (reason) => postMessage({ type: 'crashed', reason: String(reason), memory: memory ? memory.buffer.byteLength : 0 });
self.addEventListener('error', (event) => { event.preventDefault(); report(event.message || event.error); });
self.addEventListener('unhandledrejection', (event) => { event.preventDefault(); report(event.reason && event.reason.message || event.reason); });

init().then((exports) => { memory = exports.memory; start(); }, (error) => report('the engine could not load: ' + error));
"#;

/// Builds `module` into a wasm-bindgen module (`--target web`), optimizes it, and puts it in a
/// folder named after its content (`engine-<hash>`: a static host may cache it for ever).
/// Returns the folder's name.
pub fn build_module(module: &Module) -> Result<String, String> {
    let mut build = cmd("cargo");
    build.args([
        "build",
        "--quiet",
        "--package",
        module.package,
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]);
    build.args(module.features.iter().flat_map(|f| ["--features", f]));
    run(small_wasm(build))?;
    let staging = root().join(STAGING).join(module.folder);
    let pkg = staging.join("pkg");
    let _ = std::fs::remove_dir_all(&staging);
    let mut bindgen = cmd("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(root().join(format!("target/wasm32-unknown-unknown/wasm-release/{}.wasm", module.lib)));
    run(bindgen)?;
    let wasm = pkg.join(format!("{}_bg.wasm", module.lib));
    let mut opt = cmd("wasm-opt");
    opt.arg("-Oz").arg(&wasm).arg("-o").arg(&wasm);
    run(opt)?;
    if module.package == ENGINE_WORKER.package {
        std::fs::write(pkg.join("worker.js"), WORKER_ENTRY).map_err(|e| e.to_string())?;
    }
    let mut files: Vec<_> = std::fs::read_dir(&pkg).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    files.sort();
    let mut hash = fnv1a(&[]);
    for file in &files {
        hash = fnv1a_from(hash, &std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    let folder = format!("{}-{hash:016x}", module.folder);
    std::fs::rename(&pkg, staging.join(&folder)).map_err(|e| e.to_string())?;
    Ok(folder)
}

/// Copies a built module's folder into the site.
pub fn copy_module(module: &Module, folder: &str, dist: &Path) -> Result<(), String> {
    let from = root().join(STAGING).join(module.folder).join(folder);
    let to = dist.join(folder);
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?.flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    Ok(())
}
