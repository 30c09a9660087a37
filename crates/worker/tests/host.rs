//! The engine's host in headless Chromium, on a browser event loop (the worker's code, run on
//! the test's page).
#![cfg(target_arch = "wasm32")]

use awaitlab_engine::RunConfig;
use awaitlab_worker::host::{run_here, TimeMode};
use awaitlab_worker::practice::TimedServer;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A run on this page's event loop, with a practice server of its own.
async fn run_in_browser(source: &str, config: &RunConfig, mode: TimeMode, stop: Rc<Cell<bool>>) -> awaitlab_engine::RunResult {
    let practice = Rc::new(Rc::new(TimedServer::default()));
    run_here(source, config, mode, stop, practice, "http://127.0.0.1/").await.0
}

fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

const TIMERS_30MS_APART: &str = r#"
import asyncio

async def worker(name, delay):
    print(name, 'start')
    await asyncio.sleep(delay)
    print(name, 'slept', delay)
    return name

async def main():
    t = asyncio.create_task(worker('c', 0.09))
    print(await asyncio.gather(worker('a', 0.03), worker('b', 0.06)))
    print(await t)

asyncio.run(main())
"#;

#[wasm_bindgen_test]
async fn real_time_print_order_equals_the_virtual_clock_order() {
    let config = RunConfig::default();
    let virtual_run = awaitlab_engine::run_virtual(TIMERS_30MS_APART, &config);
    let start = now_ms();
    let real = run_in_browser(TIMERS_30MS_APART, &config, TimeMode::RealTime { speed: 1.0 }, Rc::new(Cell::new(false))).await;
    let elapsed = now_ms() - start;
    assert_eq!(real.exit_code, 0);
    assert_eq!(real.stdout(), virtual_run.stdout());
    assert!(real.stdout().starts_with("c start\na start\nb start\n"), "{}", real.stdout());
    // The sleeps really took their time in real-time mode (a lower bound cannot flake).
    assert!(elapsed >= 85.0, "real-time run finished after {elapsed} ms");
}

#[wasm_bindgen_test]
async fn instant_mode_does_not_wait_for_sleeps() {
    let src = "import asyncio\nasync def main():\n    await asyncio.sleep(100)\n    print('done')\nasyncio.run(main())\n";
    let start = now_ms();
    let r = run_in_browser(src, &RunConfig::default(), TimeMode::Instant, Rc::new(Cell::new(false))).await;
    assert_eq!(r.stdout(), "done\n");
    assert!((r.duration - 100.0).abs() < 1e-6);
    // 100 s of program time, far less wall time (a generous sanity bound, not a speed target).
    assert!(now_ms() - start < 30_000.0);
}

/// Stop during a synchronous endless loop ends the run, and leaves the output so far.
#[wasm_bindgen_test]
async fn stop_ends_an_endless_synchronous_loop() {
    let src = "print('before')\nwhile True:\n    pass\n";
    let stop = Rc::new(Cell::new(false));
    let result: Rc<RefCell<Option<awaitlab_engine::RunResult>>> = Rc::default();
    {
        let (stop, result) = (stop.clone(), result.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let r = run_in_browser(src, &RunConfig::default(), TimeMode::RealTime { speed: 1.0 }, stop).await;
            *result.borrow_mut() = Some(r);
        });
    }
    // The page's own timers keep firing while the loop spins...
    for _ in 0..5 {
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert!(result.borrow().is_none(), "the endless loop ended by itself");
    // ...and Stop ends it (latency is measured by the page benchmark, not asserted here).
    stop.set(true);
    for _ in 0..500 {
        if result.borrow().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let r = result.borrow_mut().take().expect("the run did not stop");
    assert_eq!(r.exit_code, 130);
    assert!(r.stdout().starts_with("before\n"));
    assert!(r.stderr().ends_with("KeyboardInterrupt\n"), "{}", r.stderr());
}

/// While a program spins on `sleep(0)`, the browser's event loop keeps getting turns: browser
/// timers fire between the engine's slices, before the program ends.
#[wasm_bindgen_test]
async fn a_busy_program_leaves_the_browser_event_loop_running() {
    let src = "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(spin())\n";
    let stop = Rc::new(Cell::new(false));
    let done = Rc::new(Cell::new(false));
    {
        let (stop, done) = (stop.clone(), done.clone());
        wasm_bindgen_futures::spawn_local(async move {
            run_in_browser(src, &RunConfig::default(), TimeMode::RealTime { speed: 1.0 }, stop).await;
            done.set(true);
        });
    }
    let mut ticks = 0;
    for _ in 0..10 {
        gloo_timers::future::TimeoutFuture::new(5).await;
        if !done.get() {
            ticks += 1;
        }
    }
    assert_eq!(ticks, 10, "browser timers did not run while the program was busy");
    stop.set(true);
    for _ in 0..500 {
        if done.get() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert!(done.get());
}
