//! The practice API as a line protocol on stdin/stdout, so that a CPython run of a program can
//! be answered exactly as the engine's virtual network answers it (tests/inspector/record_loop.py:
//! the loop inspector's comparison with CPython, for programs that make HTTP requests).
//!
//!     awaitlab-practice-oracle 'latency=fixed&latency_ms=100&capacity=0'
//!
//! A request line: method, path (`/api/...`), the program time it is made at, body, then header
//! names and values; a reply line: status, reason, the program time it arrives at, body, then
//! header names and values. Fields are separated by tabs; `\`, tab, newline and carriage
//! return are escaped.

use awaitlab_engine::practice_api::{Request, Server, Settings};
use awaitlab_engine::trace::wire::{escape, unescape};
use std::io::{BufRead, Write};

/// A reply field, escaped as the trace's wire form escapes its fields.
fn field(s: &str) -> String {
    let mut out = String::new();
    escape(s, &mut out);
    out
}

fn main() {
    let settings = Settings::from_query(&std::env::args().nth(1).unwrap_or_default());
    let mut server = Server::new(settings);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let fields: Vec<String> = line.split('\t').map(|f| unescape(f).unwrap_or_else(|| f.to_string())).collect();
        let [method, path, now, body, headers @ ..] = fields.as_slice() else {
            eprintln!("awaitlab-practice-oracle: not a request line: {line:?}");
            std::process::exit(2);
        };
        let headers = headers.chunks(2).filter(|kv| kv.len() == 2).map(|kv| (kv[0].clone(), kv[1].clone())).collect();
        let request = Request { method: method.clone(), path: path.clone(), headers, body: body.clone().into_bytes() };
        let reply = server.handle(&request, now.parse().unwrap_or(0.0));
        let mut fields = vec![reply.status.to_string(), reply.reason.to_string(), format!("{:?}", reply.respond_at), field(&reply.text())];
        for (k, v) in &reply.headers {
            fields.extend([field(k), field(v)]);
        }
        let _ = writeln!(out, "{}", fields.join("\t"));
        let _ = out.flush();
    }
}
