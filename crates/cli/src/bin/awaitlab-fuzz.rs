//! A mutational fuzzer for the whole engine (lexer, parser, compiler, VM, asyncio runtime).
//! It starts from real programs (tests/conformance and the kept corpus), mutates them with
//! Python-shaped edits, runs each on the virtual clock with a small instruction budget, and
//! fails on any panic. Inputs that reach a new kind of outcome are kept in the corpus.
//!
//!     cargo run --release -p awaitlab-cli --bin awaitlab-fuzz -- --seconds 600
//!
//! Crashing inputs are written to tests/fuzz/crashes/.

/// The engine's memory cap (MemoryError past `RunConfig::memory_limit`) counts this process's heap.
#[global_allocator]
static ALLOCATOR: awaitlab_engine::CountingAllocator = awaitlab_engine::CountingAllocator;

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<",
    ">",
    "!=",
    ":=",
    "->",
    "...",
    "\n",
    "\n    ",
    "\n        ",
    "    ",
    "\\\n",
    "#",
    "'",
    "\"",
    "'''",
    "f'{x}'",
    "f'{x!r:>{w}}'",
    "b'x'",
    "r'\\d'",
    "0",
    "1",
    "-1",
    "10**100",
    "1.5e300",
    "0x1f",
    "1_000",
    "None",
    "True",
    "False",
    "not ",
    " and ",
    " or ",
    " in ",
    " is ",
    "lambda x: x",
    "await ",
    "async ",
    "yield ",
    "yield from ",
    "return ",
    "raise ",
    "del ",
    "global x",
    "nonlocal x",
    "pass",
    "break",
    "continue",
    "def f(*a, **k):",
    "async def g():",
    "class C(Exception):",
    "try:",
    "except Exception as e:",
    "finally:",
    "with open('x'):",
    "async with asyncio.Lock():",
    "for i in range(3):",
    "async for i in g():",
    "while True:",
    "if x:",
    "elif y:",
    "else:",
    "import asyncio",
    "from asyncio import sleep",
    "asyncio.sleep(0)",
    "asyncio.sleep(0.1)",
    "asyncio.gather(",
    "asyncio.create_task(",
    "asyncio.wait(",
    "asyncio.wait_for(",
    "asyncio.Queue()",
    "asyncio.Semaphore(2)",
    "asyncio.Event()",
    "asyncio.run(main())",
    "asyncio.get_event_loop()",
    "loop.run_forever()",
    "loop.stop()",
    "time.sleep(0.1)",
    "print(",
    "len(",
    "x",
    "y",
    "main()",
    "[i for i in range(5)]",
    "{k: v for k, v in d.items()}",
    "*args",
    "**kwargs",
    "super().__init__()",
    "t.cancel()",
    "await t",
    "q.put_nowait(1)",
    "sem.release()",
    "ev.set()",
    "\u{e9}",
    "\u{1f600}",
    "\t",
    "\r\n",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &str, seeds: &[String]) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let n = chars.len();
        match rng.below(7) {
            0 if n > 0 => {
                let a = rng.below(n);
                let len = 1 + rng.below(16.min(n - a));
                chars.drain(a..a + len);
            }
            1 if n > 0 => {
                let a = rng.below(n);
                let len = 1 + rng.below(32.min(n - a));
                let dup: Vec<char> = chars[a..a + len].to_vec();
                let at = rng.below(n + 1);
                chars.splice(at..at, dup);
            }
            2 | 3 => {
                let tok = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(n + 1);
                chars.splice(at..at, tok.chars());
            }
            4 if n > 0 => {
                let at = rng.below(n);
                chars[at] = ['(', ')', ':', ' ', '\n', '"', '\'', '0', 'a', '\t', '{', '}', '\\'][rng.below(13)];
            }
            5 => {
                // Splice a line from another program.
                let other = &seeds[rng.below(seeds.len())];
                let lines: Vec<&str> = other.lines().collect();
                if !lines.is_empty() {
                    let line = format!("{}\n", lines[rng.below(lines.len())]);
                    let text: String = chars.iter().collect();
                    let mut mine: Vec<&str> = text.lines().collect();
                    let at = rng.below(mine.len() + 1);
                    mine.insert(at, line.trim_end_matches('\n'));
                    chars = (mine.join("\n") + "\n").chars().collect();
                }
            }
            _ => {
                // Swap two lines.
                let text: String = chars.iter().collect();
                let mut lines: Vec<String> = text.lines().map(String::from).collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                }
                chars = (lines.join("\n") + "\n").chars().collect();
            }
        }
    }
    chars.into_iter().take(20_000).collect()
}

fn load_dir(dir: &Path) -> Vec<String> {
    let mut out = vec![];
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).collect();
        paths.sort();
        for p in paths {
            if p.file_name().is_some_and(|n| n == "record.py") {
                continue;
            }
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(s);
            }
        }
    }
    out
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

/// What kind of outcome a run had: exit status and the exception type that ended it.
fn outcome_class(r: &awaitlab_engine::RunResult) -> String {
    let stderr = r.stderr();
    let last = stderr.trim_end().lines().last().unwrap_or("");
    let head = last.split(':').next().unwrap_or("");
    let is_type_name = !head.is_empty() && head.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    format!("{}:{}", r.exit_code, if is_type_name { head } else { "other" })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let seconds: u64 = flag("--seconds").and_then(|s| s.parse().ok()).unwrap_or(60);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus_dir = flag("--corpus").map(PathBuf::from).unwrap_or_else(|| root.join("tests/fuzz/corpus"));
    let crash_dir = root.join("tests/fuzz/crashes");
    let mut rng = Rng(flag("--seed").and_then(|s| s.parse().ok()).unwrap_or(0x9e3779b97f4a7c15));

    let mut seeds = load_dir(&root.join("tests/conformance"));
    let kept = load_dir(&corpus_dir);
    let kept_count = kept.len();
    seeds.extend(kept);
    println!("fuzz: {} seed programs ({} from the kept corpus), {} s", seeds.len(), kept_count, seconds);

    // Panics are findings: record the message instead of printing the default report.
    let last_panic = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    {
        let last_panic = last_panic.clone();
        std::panic::set_hook(Box::new(move |info| {
            *last_panic.lock().unwrap() = info.to_string();
        }));
    }
    let config = awaitlab_engine::RunConfig {
        filename: "fuzz.py".into(),
        instruction_limit: 300_000,
        total_instruction_limit: 3_000_000,
        ..Default::default()
    };
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let current_file = std::env::temp_dir().join("awaitlab-fuzz-current.py");
    // Watchdog: a run that takes more than 30 s is a finding (a loop the budget does not see).
    let current: std::sync::Arc<std::sync::Mutex<(Instant, String)>> =
        std::sync::Arc::new(std::sync::Mutex::new((Instant::now(), String::new())));
    {
        let current = current.clone();
        let crash_dir = crash_dir.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let (started, input) = current.lock().unwrap().clone();
            if !input.is_empty() && resident_mib() > 8192 {
                // One program using this much is a finding: the engine's memory caps missed it.
                let _ = std::fs::create_dir_all(&crash_dir);
                let path = crash_dir.join(format!("memory-{:016x}.py", fnv(&input)));
                let _ = std::fs::write(&path, &input);
                eprintln!("fuzz: MEMORY (over 8 GiB) -> {}", path.display());
                std::process::exit(2);
            }
            if !input.is_empty() && started.elapsed() > Duration::from_secs(30) {
                let _ = std::fs::create_dir_all(&crash_dir);
                let path = crash_dir.join(format!("hang-{:016x}.py", fnv(&input)));
                let _ = std::fs::write(&path, &input);
                eprintln!("fuzz: HANG (over 30 s) -> {}", path.display());
                std::process::exit(2);
            }
        });
    }
    let mut seen: HashSet<String> = HashSet::new();
    let (mut runs, mut crashes, mut added) = (0u64, 0u64, 0usize);
    while Instant::now() < deadline {
        let base = seeds[rng.below(seeds.len())].clone();
        let input = mutate(&mut rng, &base, &seeds);
        runs += 1;
        *current.lock().unwrap() = (Instant::now(), input.clone());
        // An abort (a native stack overflow) cannot be caught: the input being run is on disk.
        let _ = std::fs::write(&current_file, &input);
        let result = catch_unwind(AssertUnwindSafe(|| awaitlab_engine::run_virtual(&input, &config)));
        match result {
            Ok(r) => {
                let class = outcome_class(&r);
                if seen.insert(class) && added < 100 {
                    let path = corpus_dir.join(format!("{:016x}.py", fnv(&input)));
                    if std::fs::create_dir_all(&corpus_dir).is_ok() && std::fs::write(&path, &input).is_ok() {
                        added += 1;
                        seeds.push(input);
                    }
                }
            }
            Err(_) => {
                crashes += 1;
                let _ = std::fs::create_dir_all(&crash_dir);
                let path = crash_dir.join(format!("crash-{:016x}.py", fnv(&input)));
                let _ = std::fs::write(&path, &input);
                eprintln!("fuzz: PANIC ({}) -> {}", last_panic.lock().unwrap(), path.display());
            }
        }
        if runs % 500 == 0 && resident_mib() > 2048 {
            // Reference cycles a program leaves (closures, instances) are not collected across
            // runs: a fresh process continues the session (xtask restarts it, the corpus is on disk).
            println!("fuzz: {runs} runs, {crashes} panics; over 2 GiB resident, restarting (status {RESTART})");
            std::process::exit(if crashes > 0 { 1 } else { RESTART });
        }
        if runs % 2000 == 0 {
            println!("fuzz: {runs} runs, {crashes} panics, {} outcome kinds, corpus +{added}, {} MiB resident", seen.len(), resident_mib());
        }
    }
    println!("fuzz: done: {runs} runs in {seconds} s, {crashes} panics, {} outcome kinds, corpus +{added}", seen.len());
    if crashes > 0 {
        std::process::exit(1);
    }
}

/// Exit status asking xtask to start a fresh fuzzing process for the remaining time.
const RESTART: i32 = 75;

/// This process's resident memory (Linux), to see leaks across runs; 0 where unknown.
fn resident_mib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096 / (1 << 20)
}
