//! Runs each program given on the command line on an 8 MiB stack, the browser build's, and
//! prints its exit code, last stderr line and output size: the measurement behind the VM's
//! `NESTED_LIMIT`. `cargo run --release --example stack8 -- FILE.py...`

fn main() {
    for f in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&f).unwrap();
        let r = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let r = awaitlab_engine::run_virtual(&src, &awaitlab_engine::RunConfig::default());
                (r.exit_code, r.stderr().lines().last().unwrap_or("").to_string(), r.stdout().len())
            })
            .unwrap()
            .join();
        println!("{f}: {:?}", r);
    }
}
