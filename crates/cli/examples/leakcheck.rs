//! Runs programs many times in one process and prints resident memory: a leak across runs
//! (the page runs many programs in one tab) shows as growth.
//! `cargo run --release --example leakcheck -- RUNS FILE.py...`

fn resident_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) * 4
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args.first().and_then(|r| r.parse().ok()).expect("usage: leakcheck RUNS FILE.py...");
    for file in &args[1..] {
        let source = std::fs::read_to_string(file).expect("readable file");
        let config = awaitlab_engine::RunConfig { filename: file.clone(), ..Default::default() };
        awaitlab_engine::run_virtual(&source, &config);
        let before = resident_kib();
        for _ in 0..runs {
            awaitlab_engine::run_virtual(&source, &config);
        }
        let grown = resident_kib().saturating_sub(before);
        println!("{file}: {:.1} KiB per run", grown as f64 / runs as f64);
    }
}
