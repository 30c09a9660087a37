//! The demos' async Rust twins: the same scheduling written with `spawn_local`, `futures`
//! joins and selects, `gloo_timers` sleeps and `fetch()`, running on the browser's event loop
//! and recorded into the engine's trace format (`recorder`), so the timeline draws them and the
//! compare view puts them beside their Python runs.
//!
//! This crate is a wasm module of its own: the page loads it only when a learner opens a
//! twin, so a first visit does not transfer it. The page keeps what it shows before that (each
//! twin's parameters and how it differs from asyncio, in `src/twins.rs`); this crate has the
//! code, its source text, and `runTwin`, which hands the page the run in the engine's wire form.

mod join_order;
mod kittens;
mod lazy_future_vs_task;
mod limits;
pub mod recorder;
mod sequential_vs_join;
mod timed_semaphore;
mod video_lookups;

use futures::future::{select, Either, LocalBoxFuture};
use futures::FutureExt;
use recorder::{Fetch, Recorder, Task};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A twin's code: what the page runs and shows for the demo `demo`.
pub struct Code {
    pub demo: &'static str,
    /// Its file, as the page shows it.
    pub source: &'static str,
    /// How many numbers `run` takes (the page's form has a field for each).
    pub params: usize,
    run: fn(Task, Vec<f64>) -> LocalBoxFuture<'static, ()>,
}

fn count(v: f64) -> usize {
    v.max(0.0).round() as usize
}

pub static CODE: &[Code] = &[
    Code {
        demo: "02-sequential-vs-gather",
        source: include_str!("sequential_vs_join.rs"),
        params: 1,
        run: |main, p| sequential_vs_join::run(main, count(p[0])).boxed_local(),
    },
    Code {
        demo: "03-lazy-coroutine-eager-task",
        source: include_str!("lazy_future_vs_task.rs"),
        params: 2,
        run: |main, p| lazy_future_vs_task::run(main, p[0], p[1]).boxed_local(),
    },
    Code {
        demo: "05-gather-as-completed-wait",
        source: include_str!("join_order.rs"),
        params: 3,
        run: |main, p| join_order::run(main, [p[0], p[1], p[2]]).boxed_local(),
    },
    Code {
        demo: "07-hundred-videos",
        source: include_str!("video_lookups.rs"),
        params: 3,
        run: |main, p| video_lookups::run(main, count(p[0]), [count(p[1]).max(1), count(p[2]).max(1)]).boxed_local(),
    },
    Code {
        demo: "08-kittens-rate-limit",
        source: include_str!("kittens.rs"),
        params: 3,
        run: |main, p| kittens::run(main, count(p[0]), count(p[1]).max(1), p[2].max(0.01)).boxed_local(),
    },
    Code {
        demo: "09-timed-semaphore",
        source: include_str!("timed_semaphore.rs"),
        params: 3,
        run: |main, p| timed_semaphore::run(main, count(p[0]), count(p[1]).max(1), p[2].max(0.01)).boxed_local(),
    },
];

pub fn code_for(demo: &str) -> Option<&'static Code> {
    CODE.iter().find(|c| c.demo == demo)
}

/// How a twin's run ended: 0, or 130 when it was stopped; its length in program time.
pub struct Ended {
    pub exit_code: i32,
    pub duration: f64,
}

/// Runs `code` in real time at `speed`: every tenth of a second `progress` sees the recorder
/// and `stopped` is asked whether to end the run now (as Stop does: status 130).
pub async fn run(
    code: &Code,
    values: Vec<f64>,
    speed: f64,
    fetch: Fetch,
    stopped: impl Fn() -> bool,
    progress: impl Fn(&Recorder),
) -> (Rc<Recorder>, Ended) {
    let rec = Recorder::new(speed, fetch);
    let main = rec.main("main");
    let mut body = (code.run)(main.clone(), values);
    let exit_code = loop {
        match select(body, gloo_timers::future::TimeoutFuture::new(100)).await {
            Either::Left(((), _)) => break 0,
            Either::Right((_, pending)) => {
                if stopped() {
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
    let duration = rec.now();
    (rec, Ended { exit_code, duration })
}

/// The page's entry point. `fetch(url)` returns a promise of `[status, body]` (rejected with
/// a message when the request fails); `stopped()` says whether Stop was pressed;
/// `progress(records, now)` receives what was recorded since its last call. Resolves to
/// `[exit code, duration, the rest of the records]`.
#[wasm_bindgen(js_name = runTwin)]
pub async fn run_twin(
    demo: String,
    values: Vec<f64>,
    speed: f64,
    fetch: js_sys::Function,
    stopped: js_sys::Function,
    progress: js_sys::Function,
) -> Result<js_sys::Array, JsValue> {
    let code = code_for(&demo).ok_or_else(|| JsValue::from_str(&format!("no Rust twin for {demo}")))?;
    if values.len() != code.params || values.iter().any(|v| !v.is_finite()) {
        return Err(JsValue::from_str(&format!("the twin of {demo} takes {} numbers", code.params)));
    }
    let fetch: Fetch = Rc::new(move |url: &str| js_fetch(&fetch, url));
    let stopped = move || stopped.call0(&JsValue::NULL).map(|v| v.is_truthy()).unwrap_or(true);
    let progress = move |rec: &Recorder| {
        let _ = progress.call2(&JsValue::NULL, &JsValue::from_str(&rec.take_new()), &JsValue::from_f64(rec.now()));
    };
    let (rec, ended) = run(code, values, speed, fetch, stopped, progress).await;
    Ok(js_sys::Array::of3(&ended.exit_code.into(), &ended.duration.into(), &JsValue::from_str(&rec.take_new())))
}

/// The source text of the twin of `demo`, as the page shows it.
#[wasm_bindgen(js_name = twinSource)]
pub fn twin_source(demo: &str) -> Option<String> {
    code_for(demo).map(|c| c.source.to_string())
}

fn js_fetch(fetch: &js_sys::Function, url: &str) -> LocalBoxFuture<'static, Result<(u16, String), String>> {
    let message = |e: JsValue| e.as_string().unwrap_or_else(|| "the request failed".into());
    let promise = fetch.call1(&JsValue::NULL, &JsValue::from_str(url)).and_then(|p| p.dyn_into::<js_sys::Promise>());
    async move {
        let answer = js_sys::Array::from(&wasm_bindgen_futures::JsFuture::from(promise.map_err(message)?).await.map_err(message)?);
        match (answer.get(0).as_f64(), answer.get(1).as_string()) {
            (Some(status), Some(body)) => Ok((status as u16, body)),
            _ => Err("the page answered the request in an unknown form".into()),
        }
    }
    .boxed_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_twin_has_its_own_file_as_source() {
        for code in CODE {
            let file = code.demo;
            assert!(CODE.iter().filter(|c| c.demo == file).count() == 1, "{file} twice");
            assert!(code.source.starts_with("//! Demo "), "{file}: a twin's file opens by naming its demo");
        }
        let ids: Vec<&str> = CODE.iter().map(|c| &c.demo[..2]).collect();
        assert_eq!(ids, ["02", "03", "05", "07", "08", "09"], "the issue's six");
    }
}
