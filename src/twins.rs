//! The demos' async Rust twins, as the page knows them: which demo each mirrors, its
//! parameters, and where it differs from asyncio. Their code is a wasm module of its own
//! (`crates/twins`), loaded the first time a learner opens or runs one, so a first visit does
//! not transfer it; it hands back what it recorded in the engine's wire form.

use crate::browser::{fetch, lazy_module};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::trace::http::HttpRequest;
use awaitlab_engine::trace::Chunk;
use awaitlab_engine::trace::Record;
use awaitlab_engine::RunResult;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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
    pub params: &'static [Param],
    /// Where Rust and asyncio differ, in two sentences.
    pub differences: &'static str,
}

pub static TWINS: &[Twin] = &[
    Twin {
        demo: "02-sequential-vs-gather",
        file: "crates/twins/src/sequential_vs_join.rs",
        params: &[param("videos", 4.0, 1.0, 40.0, 1.0)],
        differences: "join_all polls its futures in place inside main: no task is created for them (their lanes say who polls them), where asyncio.gather wraps each coroutine in a Task. The timing is the same: one request's latency, not the sum.",
    },
    Twin {
        demo: "03-lazy-coroutine-eager-task",
        file: "crates/twins/src/lazy_future_vs_task.rs",
        params: &[param("first sleep (s)", 1.0, 0.0, 5.0, 0.1), param("speak's pause (s)", 3.0, 0.0, 10.0, 0.1)],
        differences: "A Rust future, like a coroutine, does nothing until it is awaited, so the lazy half prints A B C D in both languages. spawn_local is ensure_future: the task starts when main first yields to the event loop, so C comes first.",
    },
    Twin {
        demo: "05-gather-as-completed-wait",
        file: "crates/twins/src/join_order.rs",
        params: &[param("delay of 1 (s)", 0.3, 0.0, 5.0, 0.1), param("delay of 2 (s)", 0.1, 0.0, 5.0, 0.1), param("delay of 3 (s)", 0.2, 0.0, 5.0, 0.1)],
        differences: "join_all keeps argument order like gather; FuturesUnordered gives completion order like as_completed; select_all stops at the first like wait(FIRST_COMPLETED). In Rust the unfinished ones are cancelled by dropping them; asyncio needs an explicit cancel().",
    },
    Twin {
        demo: "07-hundred-videos",
        file: "crates/twins/src/video_lookups.rs",
        params: &[param("videos", 100.0, 10.0, 300.0, 1.0), param("first connection limit", 100.0, 1.0, 300.0, 1.0), param("second connection limit", 10.0, 1.0, 300.0, 1.0)],
        differences: "aiohttp's limit_per_host is a semaphore around each request, written out here. The Python version's first part uses requests, which blocks the whole loop; Rust has no blocking call in the browser, so the one-by-one part awaits each request in turn.",
    },
    Twin {
        demo: "08-kittens-rate-limit",
        file: "crates/twins/src/kittens.rs",
        params: &[param("kittens", 6.0, 1.0, 50.0, 1.0), param("requests per period", 2.0, 1.0, 20.0, 1.0), param("period (s)", 0.5, 0.1, 5.0, 0.1)],
        differences: "Only the corrected limiter has a twin: the talk's version fails because two waiters remove the same timer from a shared list, a bug of that code rather than of asyncio. Here each permit is handed back by a background task one period after it was taken.",
    },
    Twin {
        demo: "09-timed-semaphore",
        file: "crates/twins/src/timed_semaphore.rs",
        params: &[param("requests", 10.0, 1.0, 60.0, 1.0), param("requests per period", 5.0, 1.0, 30.0, 1.0), param("period (s)", 1.0, 0.1, 5.0, 0.1)],
        differences: "The same timed semaphore: asyncio's call_later releases the permit, here a spawned task sleeping one period does. join_all polls every request in place, so all of them wait on the semaphore inside main's join.",
    },
];

pub fn for_demo(demo: &str) -> Option<&'static Twin> {
    TWINS.iter().find(|t| t.demo == demo)
}

/// The module's folder in the site, named by its content (`cargo xtask` builds it and sets this
/// when it builds the page); without it, this build of the page has no twins to run.
const MODULE: Option<&str> = option_env!("AWAITLAB_TWINS_MODULE");

thread_local! {
    static LOADED: RefCell<Option<js_sys::Object>> = const { RefCell::new(None) };
}

async fn module() -> Result<js_sys::Object, String> {
    if let Some(m) = LOADED.with(|l| l.borrow().clone()) {
        return Ok(m);
    }
    let path = MODULE.ok_or("this build of the page was made without the Rust twins (build it with cargo xtask)")?;
    let m = lazy_module::load(path).await?;
    LOADED.with(|l| *l.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// The twin's own source file, from its module.
pub async fn source(twin: &Twin) -> Result<String, String> {
    let shown = lazy_module::function(&module().await?, "twinSource")?;
    shown.call1(&JsValue::NULL, &twin.demo.into()).ok().and_then(|s| s.as_string()).ok_or_else(|| format!("no source for {}", twin.demo))
}

/// What a running twin has recorded so far.
pub struct Progress<'a> {
    pub records: &'a [Record],
    pub chunks: &'a [Chunk],
    pub now: f64,
}

#[derive(Default)]
struct Received {
    records: Vec<Record>,
    chunks: Vec<Chunk>,
    damaged: Option<String>,
}

impl Received {
    fn add(&mut self, wire: &str) {
        match awaitlab_engine::trace::wire::decode(wire) {
            Ok((records, chunks)) => {
                self.records.extend(records);
                self.chunks.extend(chunks);
            }
            Err(why) => self.damaged = self.damaged.take().or(Some(why)),
        }
    }
}

/// Runs a twin in real time with the practice API's `api` settings; `progress` sees what it
/// recorded every tenth of a second; Stop ends it with status 130.
pub async fn run(
    twin: &'static Twin,
    values: Vec<f64>,
    speed: f64,
    api: Settings,
    stop: Rc<Cell<bool>>,
    progress: impl Fn(Progress) + 'static,
) -> Result<RunResult, String> {
    let run_twin = lazy_module::function(&module().await?, "runTwin")?;
    crate::browser::practice::api().configure(api, speed);
    let received = Rc::new(RefCell::new(Received::default()));
    let on_progress = {
        let received = received.clone();
        Closure::<dyn FnMut(String, f64)>::new(move |wire: String, now: f64| {
            received.borrow_mut().add(&wire);
            let r = received.borrow();
            progress(Progress { records: &r.records, chunks: &r.chunks, now });
        })
    };
    let stopped = Closure::<dyn Fn() -> bool>::new(move || stop.get());
    let get = Closure::<dyn FnMut(String) -> js_sys::Promise>::new(|url: String| {
        wasm_bindgen_futures::future_to_promise(async move {
            let request = HttpRequest { id: 0, method: "GET".into(), url, headers: vec![], body: vec![] };
            match fetch::perform(request).await {
                Ok(r) => Ok(js_sys::Array::of2(&r.status.into(), &String::from_utf8_lossy(&r.body).as_ref().into()).into()),
                Err(failure) => Err(failure.message.into()),
            }
        })
    });
    let values: js_sys::Array = values.iter().map(|v| JsValue::from_f64(*v)).collect();
    let args: js_sys::Array =
        [twin.demo.into(), values.into(), speed.into(), get.as_ref().clone(), stopped.as_ref().clone(), on_progress.as_ref().clone()]
            .into_iter()
            .collect();
    let running: js_sys::Promise = run_twin.apply(&JsValue::NULL, &args).map_err(|e| format!("{e:?}"))?.unchecked_into();
    let ended = js_sys::Array::from(
        &wasm_bindgen_futures::JsFuture::from(running).await.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?,
    );
    let mut received = received.take();
    received.add(&ended.get(2).as_string().unwrap_or_default());
    if let Some(why) = received.damaged {
        return Err(format!("the twin's record could not be read: {why}"));
    }
    let exit_code = ended.get(0).as_f64().unwrap_or(1.0) as i32;
    let duration = ended.get(1).as_f64().unwrap_or(0.0);
    Ok(RunResult { exit_code, chunks: received.chunks, trace: received.records, duration, instructions: 0, error: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_twin_mirrors_a_demo_of_the_gallery_and_shows_its_own_file() {
        let demos = crate::demos::all();
        for twin in TWINS {
            assert!(demos.iter().any(|d| d.id == twin.demo), "{} has no demo", twin.demo);
            let code = awaitlab_twins::code_for(twin.demo).unwrap_or_else(|| panic!("{} has no code", twin.demo));
            assert_eq!(code.params, twin.params.len(), "{}: the form's fields and the code's numbers", twin.demo);
            let on_disk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + twin.file).unwrap();
            assert_eq!(on_disk, code.source, "{}", twin.file);
            assert!(twin.params.iter().all(|p| p.min <= p.default && p.default <= p.max), "{}", twin.demo);
        }
        assert_eq!(TWINS.len(), awaitlab_twins::CODE.len(), "every twin's code is listed for the page");
    }
}
