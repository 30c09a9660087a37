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

/// The virtual clock, with the program's output written as it comes (a prompt shows before its
/// `input()` reads) and `input()` reading this process's stdin (the terminal echoes it).
struct CliHost {
    clock: awaitlab_engine::VirtualHost,
    written: std::cell::Cell<usize>,
}

impl CliHost {
    fn write_new(&self, chunks: &[awaitlab_engine::trace::Chunk]) {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        // Bytes, not chunks: the engine appends to its last chunk while the stream stays the same.
        let mut skip = self.written.get();
        let mut total = 0;
        for chunk in chunks {
            let text = chunk.text.as_bytes();
            total += text.len();
            let new = &text[skip.min(text.len())..];
            skip = skip.saturating_sub(text.len());
            if new.is_empty() {
                continue;
            }
            let _ = match chunk.stream {
                awaitlab_engine::trace::Stream::Stdout => out.write_all(new),
                awaitlab_engine::trace::Stream::Stderr => {
                    let _ = out.flush();
                    err.write_all(new)
                }
            };
        }
        let _ = out.flush();
        self.written.set(total);
    }
}

impl awaitlab_engine::Host for CliHost {
    fn now(&self) -> f64 {
        self.clock.now()
    }
    fn sleep_until(&self, t: f64) -> impl std::future::Future<Output = ()> {
        self.clock.sleep_until(t)
    }
    fn yield_now(&self) -> impl std::future::Future<Output = ()> {
        self.clock.yield_now()
    }
    fn start_http(&self, request: awaitlab_engine::trace::http::HttpRequest) {
        self.clock.start_http(request)
    }
    fn take_http_results(&self) -> Vec<(u64, awaitlab_engine::trace::http::HttpResult)> {
        self.clock.take_http_results()
    }
    fn progress(&self, machine: &awaitlab_engine::Machine, _idle: bool) {
        self.write_new(machine.chunks());
    }
    fn read_line(&self) -> impl std::future::Future<Output = Option<awaitlab_engine::InputLine>> {
        let mut line = String::new();
        let answer = match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => awaitlab_engine::InputLine::Eof,
            Ok(_) => awaitlab_engine::InputLine::Line(line.trim_end_matches('\n').trim_end_matches('\r').to_string()),
        };
        std::future::ready(Some(answer))
    }
    fn echo_input(&self) -> bool {
        false
    }
}

fn run_and_report(source: &str, config: &awaitlab_engine::RunConfig, trace_out: Option<&str>) -> i32 {
    let host = CliHost { clock: awaitlab_engine::VirtualHost::new(config.api.clone()), written: Default::default() };
    let mut machine = awaitlab_engine::start(source, config);
    awaitlab_engine::block_on(awaitlab_engine::drive(&mut machine, &host));
    let result = machine.into_result();
    host.write_new(&result.chunks);
    if let Some(t) = trace_out {
        if let Err(e) = std::fs::write(t, awaitlab_engine::trace::to_chrome_json(&result.trace)) {
            eprintln!("awaitlab: can't write trace '{t}': {e}");
        }
    }
    result.exit_code
}
