//! `cargo xtask <command>`: the project's one entry point for set-up, build, serve and test.
//!
//! Every command first installs what it needs and is missing (idempotent, quiet when present),
//! so the README's two commands work on a fresh machine that reaches only the package registries.

mod csp;
mod guide;
mod headers;
mod install;
mod library;
mod precache;
mod serve;
mod single_file;
mod tasks;
mod tidy;
mod wasm;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N] [--no-build]
                            install what is missing, build the release app, serve it on 127.0.0.1:8080
  test                      install what is missing, run every test layer (static checks, native, browser wasm,
                            end-to-end)
  tidy                      the house rules: layers, opening comments, file sizes, the ports' headers
  dist [--public-url /p/] [--single-file]
                            optimized static build into dist/, ready for any static host; with
                            --single-file also dist/awaitlab.html, the whole site in one file (file://)
  bench [--engine-only|--web-only] [--against REV [--at REV2]]
                            the engine beside python3 (ratios), then the page: size, load, first output;
                            --against: the engine's CPU time beside an earlier commit's, instead of python3's
                            (--at: REV2's engine instead of this tree's, to measure one change alone)
  fuzz [--seconds N]        fuzz the engine (default 600 s); new findings join tests/fuzz/corpus
  install [--browser]       only install the toolchain (and Chromium with --browser)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => tasks::serve(&args[1..]),
        Some("test") => tasks::test(&args[1..]),
        Some("dist") => tasks::dist(&args[1..]),
        Some("bench") => tasks::bench(&args[1..]),
        Some("fuzz") => tasks::fuzz(&args[1..]),
        Some("install") => tasks::install(&args[1..]),
        Some("tidy") => tidy::tidy(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
