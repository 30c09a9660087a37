//! `awaitlab run FILE.py [--trace OUT.json] [--api SETTINGS]`: runs a program on the virtual clock.
//! `--api` sets the practice API like the page's panel, as a query string
//! (`latency=fixed&latency_ms=100&capacity=5&rate_limit=10&rate_window_s=1&error_rate=0.1&seed=2`).
//! stdout is the program's stdout; warnings and tracebacks go to stderr; exit status 1 on an
//! uncaught exception. The contract other checks rely on (see the engine issue).

/// The engine's memory cap (MemoryError past `RunConfig::memory_limit`) counts this process's heap.
#[global_allocator]
static ALLOCATOR: awaitlab_engine::CountingAllocator = awaitlab_engine::CountingAllocator;

use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: awaitlab run FILE.py [--trace OUT.json] [--api latency_ms=100&capacity=5&...]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("run") || args.len() < 2 {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let path = &args[1];
    let trace_out = args.iter().position(|a| a == "--trace").and_then(|i| args.get(i + 1));
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("awaitlab: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    let epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    let api = args.iter().position(|a| a == "--api").and_then(|i| args.get(i + 1));
    let api = api.map(|q| awaitlab_engine::practice_api::Settings::from_query(q)).unwrap_or_default();
    let config = awaitlab_engine::RunConfig { filename: path.clone(), epoch, trace: trace_out.is_some(), api, ..Default::default() };
    let trace_out = trace_out.cloned();
    // A large stack for the engine's bounded native recursion, as the browser build gets.
    let exit_code = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || run_and_report(&source, &config, trace_out.as_deref()))
        .expect("spawn the engine thread")
        .join()
        .unwrap_or(70);
    ExitCode::from(exit_code.clamp(0, 255) as u8)
}

fn run_and_report(source: &str, config: &awaitlab_engine::RunConfig, trace_out: Option<&str>) -> i32 {
    let result = awaitlab_engine::run_virtual(source, config);
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    for chunk in &result.chunks {
        let _ = match chunk.stream {
            awaitlab_engine::trace::Stream::Stdout => out.write_all(chunk.text.as_bytes()),
            awaitlab_engine::trace::Stream::Stderr => {
                let _ = out.flush();
                err.write_all(chunk.text.as_bytes())
            }
        };
    }
    let _ = out.flush();
    if let Some(t) = trace_out {
        if let Err(e) = std::fs::write(t, awaitlab_engine::trace::to_chrome_json(&result.trace)) {
            eprintln!("awaitlab: can't write trace '{t}': {e}");
        }
    }
    result.exit_code
}
