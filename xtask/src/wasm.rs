//! How the page's wasm is built small, and the Rust twins' module that the page loads only
//! when a learner opens a twin.

use crate::install::{cmd, fnv1a, fnv1a_from, root, run};
use std::path::Path;
use std::process::Command;

/// Release wasm builds recompile the standard library for size and make a panic a plain trap
/// (no message formatting linked in): measured 9 % smaller gzipped (ARCHITECTURE.md). These are
/// nightly options; `RUSTC_BOOTSTRAP` lets the stable toolchain of the build machines take them.
/// The stack size repeats `.cargo/config.toml`'s, which this variable replaces.
pub fn small_wasm(mut c: Command) -> Command {
    c.env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort -Clink-arg=-zstack-size=8388608");
    c
}

/// The folder (under target/) that holds the built twins module, and the one in the site.
const STAGING: &str = "target/twins-module";

/// Builds `crates/twins` into a wasm-bindgen module (`--target web`), optimizes it, and puts it
/// in a folder named after its content (`twins-<hash>`: a static host may cache it forever).
/// Returns the folder's name.
pub fn build_twins_module() -> Result<String, String> {
    let mut build = cmd("cargo");
    build.args([
        "build",
        "--quiet",
        "--package",
        "awaitlab-twins",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]);
    run(small_wasm(build))?;
    let staging = root().join(STAGING);
    let pkg = staging.join("pkg");
    let _ = std::fs::remove_dir_all(&staging);
    let mut bindgen = cmd("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(root().join("target/wasm32-unknown-unknown/wasm-release/awaitlab_twins.wasm"));
    run(bindgen)?;
    let wasm = pkg.join("awaitlab_twins_bg.wasm");
    let mut opt = cmd("wasm-opt");
    opt.arg("-Oz").arg(&wasm).arg("-o").arg(&wasm);
    run(opt)?;
    let mut hash = fnv1a(&[]);
    for name in ["awaitlab_twins.js", "awaitlab_twins_bg.wasm"] {
        hash = fnv1a_from(hash, &std::fs::read(pkg.join(name)).map_err(|e| format!("{name}: {e}"))?);
    }
    let folder = format!("twins-{hash:016x}");
    std::fs::rename(&pkg, staging.join(&folder)).map_err(|e| e.to_string())?;
    Ok(folder)
}

/// Copies the module's folder into the built site.
pub fn copy_twins_module(folder: &str, dist: &Path) -> Result<(), String> {
    let from = root().join(STAGING).join(folder);
    let to = dist.join(folder);
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?.flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    Ok(())
}
