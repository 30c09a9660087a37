//! The demos' async Rust twins: the same scheduling written with `spawn_local`, `futures`
//! joins and selects, `gloo_timers` sleeps and `fetch()`, running on the browser's event loop
//! and recorded into the engine's trace format (`recorder`), so the timeline draws them and the
//! compare view puts them beside their Python runs. The page shows each twin's own source.

mod join_order;
mod kittens;
mod lazy_future_vs_task;
mod limits;
pub mod recorder;
mod sequential_vs_join;
mod timed_semaphore;
mod video_lookups;

use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::RunResult;
use futures::future::{select, Either, LocalBoxFuture};
use futures::FutureExt;
use recorder::{Recorder, Task};
use std::cell::Cell;
use std::rc::Rc;

/// A number the learner can change before running a twin.
pub struct Param {
    pub label: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

const fn param(label: &'static str, default: f64, min: f64, max: f64, step: f64) -> Param {
    Param { label, default, min, max, step }
}

pub struct Twin {
    /// The demo it mirrors (`demos/<id>.py`).
    pub demo: &'static str,
    /// Its file, as shown above the source.
    pub file: &'static str,
    pub source: &'static str,
    pub params: &'static [Param],
    /// Where Rust and asyncio differ, in two sentences.
    pub differences: &'static str,
    run: fn(Task, Vec<f64>) -> LocalBoxFuture<'static, ()>,
}

fn count(v: f64) -> usize {
    v.max(0.0).round() as usize
}

pub static TWINS: &[Twin] = &[
    Twin {
        demo: "02-sequential-vs-gather",
        file: "src/twins/sequential_vs_join.rs",
        source: include_str!("sequential_vs_join.rs"),
        params: &[param("videos", 4.0, 1.0, 40.0, 1.0)],
        differences: "join_all polls its futures in place inside main: no task is created for them (their lanes say who polls them), where asyncio.gather wraps each coroutine in a Task. The timing is the same: one request's latency, not the sum.",
        run: |main, p| sequential_vs_join::run(main, count(p[0])).boxed_local(),
    },
    Twin {
        demo: "03-lazy-coroutine-eager-task",
        file: "src/twins/lazy_future_vs_task.rs",
        source: include_str!("lazy_future_vs_task.rs"),
        params: &[param("first sleep (s)", 1.0, 0.0, 5.0, 0.1), param("speak's pause (s)", 3.0, 0.0, 10.0, 0.1)],
        differences: "A Rust future, like a coroutine, does nothing until it is awaited, so the lazy half prints A B C D in both languages. spawn_local is ensure_future: the task starts when main first yields to the event loop, so C comes first.",
        run: |main, p| lazy_future_vs_task::run(main, p[0], p[1]).boxed_local(),
    },
    Twin {
        demo: "05-gather-as-completed-wait",
        file: "src/twins/join_order.rs",
        source: include_str!("join_order.rs"),
        params: &[param("delay of 1 (s)", 0.3, 0.0, 5.0, 0.1), param("delay of 2 (s)", 0.1, 0.0, 5.0, 0.1), param("delay of 3 (s)", 0.2, 0.0, 5.0, 0.1)],
        differences: "join_all keeps argument order like gather; FuturesUnordered gives completion order like as_completed; select_all stops at the first like wait(FIRST_COMPLETED). In Rust the unfinished ones are cancelled by dropping them; asyncio needs an explicit cancel().",
        run: |main, p| join_order::run(main, [p[0], p[1], p[2]]).boxed_local(),
    },
    Twin {
        demo: "07-hundred-videos",
        file: "src/twins/video_lookups.rs",
        source: include_str!("video_lookups.rs"),
        params: &[param("videos", 100.0, 10.0, 300.0, 1.0), param("first connection limit", 100.0, 1.0, 300.0, 1.0), param("second connection limit", 10.0, 1.0, 300.0, 1.0)],
        differences: "aiohttp's limit_per_host is a semaphore around each request, written out here. The Python version's first part uses requests, which blocks the whole loop; Rust has no blocking call in the browser, so the one-by-one part awaits each request in turn.",
        run: |main, p| video_lookups::run(main, count(p[0]), [count(p[1]).max(1), count(p[2]).max(1)]).boxed_local(),
    },
    Twin {
        demo: "08-kittens-rate-limit",
        file: "src/twins/kittens.rs",
        source: include_str!("kittens.rs"),
        params: &[param("kittens", 6.0, 1.0, 50.0, 1.0), param("requests per period", 2.0, 1.0, 20.0, 1.0), param("period (s)", 0.5, 0.1, 5.0, 0.1)],
        differences: "Only the corrected limiter has a twin: the talk's version fails because two waiters remove the same timer from a shared list, a bug of that code rather than of asyncio. Here each permit is handed back by a background task one period after it was taken.",
        run: |main, p| kittens::run(main, count(p[0]), count(p[1]).max(1), p[2].max(0.01)).boxed_local(),
    },
    Twin {
        demo: "09-timed-semaphore",
        file: "src/twins/timed_semaphore.rs",
        source: include_str!("timed_semaphore.rs"),
        params: &[param("requests", 10.0, 1.0, 60.0, 1.0), param("requests per period", 5.0, 1.0, 30.0, 1.0), param("period (s)", 1.0, 0.1, 5.0, 0.1)],
        differences: "The same timed semaphore: asyncio's call_later releases the permit, here a spawned task sleeping one period does. join_all polls every request in place, so all of them wait on the semaphore inside main's join.",
        run: |main, p| timed_semaphore::run(main, count(p[0]), count(p[1]).max(1), p[2].max(0.01)).boxed_local(),
    },
];

pub fn for_demo(demo: &str) -> Option<&'static Twin> {
    TWINS.iter().find(|t| t.demo == demo)
}

/// Runs a twin in real time with the practice API's `api` settings; `progress` sees the
/// recorder every tenth of a second; Stop ends it with status 130.
pub async fn run(twin: &'static Twin, values: Vec<f64>, speed: f64, api: Settings, stop: Rc<Cell<bool>>, progress: impl Fn(&Recorder)) -> RunResult {
    crate::browser::practice::api().configure(api, speed);
    let rec = Recorder::new(speed);
    let main = rec.main("main");
    let mut body = (twin.run)(main.clone(), values);
    let exit_code = loop {
        match select(body, gloo_timers::future::TimeoutFuture::new(100)).await {
            Either::Left(((), _)) => break 0,
            Either::Right((_, pending)) => {
                if stop.get() {
                    rec.stop();
                    break 130;
                }
                progress(&rec);
                body = pending;
            }
        }
    };
    if exit_code == 0 {
        main.done();
        rec.finish();
    }
    RunResult { exit_code, chunks: rec.chunks(), trace: rec.records(), duration: rec.now(), instructions: 0, error: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_twin_mirrors_a_demo_of_the_gallery_and_shows_its_own_file() {
        let demos = crate::demos::all();
        for twin in TWINS {
            assert!(demos.iter().any(|d| d.id == twin.demo), "{} has no demo", twin.demo);
            let on_disk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + twin.file).unwrap();
            assert_eq!(on_disk, twin.source, "{}", twin.file);
            assert!(twin.params.iter().all(|p| p.min <= p.default && p.default <= p.max), "{}", twin.demo);
        }
        let ids: Vec<&str> = TWINS.iter().map(|t| &t.demo[..2]).collect();
        assert_eq!(ids, ["02", "03", "05", "07", "08", "09"], "the issue's six");
    }
}
