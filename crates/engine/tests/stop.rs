//! Stop is Ctrl+C: inside `asyncio.run` the main task is cancelled and its cleanup runs, then
//! KeyboardInterrupt (exit status 130), as CPython 3.12 prints it (its asyncio frames left out,
//! as everywhere in Awaitlab's tracebacks); a synchronous program gets KeyboardInterrupt where
//! it runs. And a host that shows output at once (`pause_on_output`) changes nothing the
//! program does.

use awaitlab_engine::trace::http::{HttpRequest, HttpResult};
use awaitlab_engine::{block_on, drive, start, Host, Machine, RunConfig, VirtualHost};
use std::cell::Cell;

/// The virtual clock, with a Stop pressed at program time `stop_at`, and its cleanup given
/// `patience` more calls before the run is ended outright.
struct StoppingHost {
    clock: VirtualHost,
    stop_at: f64,
    patience: Cell<u32>,
    pause: bool,
    pauses: Cell<u32>,
}

impl Host for StoppingHost {
    fn now(&self) -> f64 {
        self.clock.now()
    }
    async fn sleep_until(&self, t: f64) {
        self.clock.sleep_until(t).await
    }
    async fn yield_now(&self) {
        self.clock.yield_now().await
    }
    fn stop_requested(&self) -> bool {
        self.now() >= self.stop_at
    }
    fn stop_now(&self) -> bool {
        let left = self.patience.get();
        self.patience.set(left.saturating_sub(1));
        left == 0
    }
    fn start_http(&self, request: HttpRequest) {
        self.clock.start_http(request)
    }
    fn take_http_results(&self) -> Vec<(u64, HttpResult)> {
        self.clock.take_http_results()
    }
    fn pause_on_output(&self) -> bool {
        self.pause
    }
    fn progress(&self, _: &Machine, _: bool) {
        self.pauses.set(self.pauses.get() + 1);
    }
}

fn run(src: &str, stop_at: f64, patience: u32) -> awaitlab_engine::RunResult {
    let host = StoppingHost { clock: VirtualHost::default(), stop_at, patience: Cell::new(patience), pause: false, pauses: Cell::new(0) };
    let mut machine = start(src, &RunConfig::default());
    block_on(drive(&mut machine, &host));
    machine.into_result()
}

#[test]
fn stop_cancels_the_main_task_its_finally_runs_and_asyncio_run_raises_keyboard_interrupt() {
    let src = "import asyncio\nasync def main():\n    try:\n        while True:\n            await asyncio.sleep(0.01)\n    finally:\n        print('cleaned up')\nasyncio.run(main())\n";
    let r = run(src, 0.5, 1000);
    assert_eq!(r.exit_code, 130);
    assert_eq!(r.stdout(), "cleaned up\n");
    // CPython 3.12 under SIGINT (python3.12 kb.py; timeout -s INT), without asyncio's frames.
    assert_eq!(
        r.stderr(),
        "Traceback (most recent call last):\n  File \"main.py\", line 5, in main\n    await asyncio.sleep(0.01)\nasyncio.exceptions.CancelledError\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"main.py\", line 8, in <module>\n    asyncio.run(main())\nKeyboardInterrupt\n"
    );
}

#[test]
fn stop_in_a_synchronous_loop_raises_keyboard_interrupt_there() {
    let r = run("print('before')\nwhile True:\n    pass\n", 0.01, 1000);
    assert_eq!(r.exit_code, 130);
    assert_eq!(r.stdout(), "before\n");
    assert!(r.stderr().starts_with("Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n"), "{}", r.stderr());
    assert!(r.stderr().ends_with("KeyboardInterrupt\n"), "{}", r.stderr());
}

#[test]
fn a_program_that_ignores_stop_is_ended_when_its_cleanup_runs_out() {
    let src = "import asyncio\nasync def main():\n    while True:\n        try:\n            await asyncio.sleep(0.01)\n        except asyncio.CancelledError:\n            print('ignored')\nasyncio.run(main())\n";
    let r = run(src, 0.1, 50);
    assert_eq!(r.exit_code, 130);
    assert!(r.stdout().starts_with("ignored\n"));
    assert!(r.stderr().ends_with("KeyboardInterrupt: stopped by the user\n"), "{}", r.stderr());
}

#[test]
fn pausing_for_output_changes_nothing_the_program_does() {
    let src = "import asyncio, time\nasync def spin(name):\n    for i in range(3000):\n        if i % 700 == 0:\n            print(name, i, round(time.monotonic(), 6))\n        await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(spin('a'), spin('b'))\n    for i in range(200000):\n        if i % 50000 == 0:\n            print('busy', i, round(time.monotonic(), 6))\nasyncio.run(main())\n";
    let plain = awaitlab_engine::run_virtual(src, &RunConfig::default());
    let host =
        StoppingHost { clock: VirtualHost::default(), stop_at: f64::INFINITY, patience: Cell::new(0), pause: true, pauses: Cell::new(0) };
    let mut machine = start(src, &RunConfig::default());
    block_on(drive(&mut machine, &host));
    let paused = machine.into_result();
    assert_eq!(paused.stdout(), plain.stdout());
    assert_eq!(paused.trace, plain.trace, "the same events at the same times");
    assert_eq!(paused.duration, plain.duration);
    assert!(host.pauses.get() > 20, "the slices paused for output ({} progress calls)", host.pauses.get());
}

#[test]
fn a_trace_past_its_limit_is_summarised_and_the_run_goes_on() {
    // Two records per turn of the loop (a whole step, an iteration): past the 500k limit.
    let src = "import asyncio\nasync def main():\n    for i in range(400_000):\n        await asyncio.sleep(0)\n    print(i)\nasyncio.run(main())\n";
    let r = awaitlab_engine::run_virtual(src, &RunConfig::default());
    assert_eq!(r.stdout(), "399999\n");
    assert!(r.trace.len() <= 500_003, "{}", r.trace.len());
    let t = awaitlab_engine::trace::timeline::build(&r.trace);
    let from = t.summarised_from.expect("summarised");
    assert!(from > 0.0 && from < t.end);
    let u = t.unrecorded.expect("the counts of what was not recorded");
    assert!(u.steps > 20_000 && u.events > u.steps, "{u:?}");
    assert!(t.lanes.iter().all(|l| l.segments.iter().all(|s| s.end <= from + 1e-9)), "nothing drawn past the limit");
}

/// Threads that wait for ever (a pool whose job waits for a lock nobody releases, the `with`
/// waiting for the pool at its end): Stop interrupts the main thread, and when its cleanup
/// waits again, the run is ended (CPython would wait for a second Ctrl+C).
#[test]
fn stop_ends_a_program_whose_threads_wait_for_ever() {
    let src = "import threading, concurrent.futures\nlock = threading.Lock()\nlock.acquire()\nwith concurrent.futures.ThreadPoolExecutor() as ex:\n    print(ex.submit(lock.acquire).result())\n";
    let started = std::time::Instant::now();
    // A patient host: the run must end by itself, not by running out of patience.
    let r = run(src, 1.0, 1_000_000);
    assert_eq!(r.exit_code, 130);
    assert!(r.stderr().contains("KeyboardInterrupt"), "{}", r.stderr());
    assert!(started.elapsed().as_secs_f64() < 5.0, "took {:?}", started.elapsed());
    // The interrupted waits end the cleanup: it does not spin (each turn of a lock's wait is a
    // blocked span in the trace, and the page takes in every record).
    assert!(r.trace.len() < 5_000, "{} records", r.trace.len());
}
