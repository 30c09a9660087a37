//! Browser glue in headless Chromium: the engine on the browser's event loop.
#![cfg(target_arch = "wasm32")]

use awaitlab::browser::{run_in_browser, TimeMode};
use awaitlab_engine::RunConfig;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    // The sleeps really took their time in real-time mode.
    assert!(elapsed >= 85.0, "real-time run finished after {elapsed} ms");
}

#[wasm_bindgen_test]
async fn instant_mode_does_not_wait_for_sleeps() {
    let src = "import asyncio\nasync def main():\n    await asyncio.sleep(100)\n    print('done')\nasyncio.run(main())\n";
    let start = now_ms();
    let r = run_in_browser(src, &RunConfig::default(), TimeMode::Instant, Rc::new(Cell::new(false))).await;
    assert_eq!(r.stdout(), "done\n");
    assert!((r.duration - 100.0).abs() < 1e-6);
    assert!(now_ms() - start < 2000.0);
}

/// Stop during a synchronous endless loop takes effect within a slice, and leaves a partial trace.
#[wasm_bindgen_test]
async fn stop_ends_an_endless_synchronous_loop_promptly() {
    let src = "print('before')\nwhile True:\n    pass\n";
    let stop = Rc::new(Cell::new(false));
    let result: Rc<RefCell<Option<(awaitlab_engine::RunResult, f64)>>> = Rc::default();
    {
        let (stop, result) = (stop.clone(), result.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let r = run_in_browser(src, &RunConfig::default(), TimeMode::RealTime { speed: 1.0 }, stop).await;
            *result.borrow_mut() = Some((r, now_ms()));
        });
    }
    gloo_timers::future::TimeoutFuture::new(200).await;
    assert!(result.borrow().is_none(), "the endless loop ended by itself");
    let stopped_at = now_ms();
    stop.set(true);
    for _ in 0..100 {
        if result.borrow().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let (r, finished_at) = result.borrow_mut().take().expect("the run did not stop");
    assert_eq!(r.exit_code, 130);
    assert!(r.stdout().starts_with("before\n"));
    assert!(finished_at - stopped_at < 100.0, "stop took {} ms", finished_at - stopped_at);
}

/// While a program spins, the browser still runs its own timers (the tab stays responsive).
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
    // A 20 ms browser timer fires on time (within 100 ms) despite the spinning program.
    let t0 = now_ms();
    gloo_timers::future::TimeoutFuture::new(20).await;
    let late = now_ms() - t0 - 20.0;
    stop.set(true);
    for _ in 0..100 {
        if done.get() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert!(late < 100.0, "browser timer was {late} ms late");
    assert!(done.get());
}
