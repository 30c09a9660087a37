//! Records what async Rust futures do into the engine's own trace format, so the same timeline
//! draws a Rust twin and its Python demo. A `Task` is a lane: a spawned task (`spawn_local`)
//! or a future polled in place inside a join (Rust has no implicit task there; the lane says
//! who polls it). Every await goes through `Task::wait`, which records the lane as waiting on
//! that future until it resolves.

use awaitlab_trace::{Chunk, Event, HttpStart, NewTask, Record, ResourceUse, Stream};
use futures::future::{FutureExt, LocalBoxFuture, RemoteHandle};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The page's `fetch()` for a URL: its status and body, or why it failed. The page supplies it,
/// so a twin's requests reach the practice API however the page reaches it (its service
/// worker, or the page itself where service workers are unavailable).
pub type Fetch = Rc<dyn Fn(&str) -> LocalBoxFuture<'static, Result<(u16, String), String>>>;

pub struct Recorder {
    origin_ms: f64,
    fetch: Fetch,
    /// Real-time speed factor: sleeps are divided by it, the clock multiplied.
    speed: f64,
    records: RefCell<Vec<Record>>,
    chunks: RefCell<Vec<Chunk>>,
    next_id: Cell<u64>,
    stopped: Cell<bool>,
    /// How many records and chunks `take_new` has handed out.
    taken: Cell<(usize, usize)>,
}

impl Recorder {
    pub fn new(speed: f64, fetch: Fetch) -> Rc<Recorder> {
        Rc::new(Recorder {
            origin_ms: performance_now(),
            fetch,
            speed: speed.clamp(0.05, 20.0),
            records: RefCell::new(Vec::new()),
            chunks: RefCell::new(Vec::new()),
            next_id: Cell::new(1),
            stopped: Cell::new(false),
            taken: Cell::new((0, 0)),
        })
    }

    /// Program time in seconds since the run began.
    pub fn now(&self) -> f64 {
        (performance_now() - self.origin_ms) / 1000.0 * self.speed
    }

    fn id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    fn push(&self, event: Event) {
        if !self.stopped.get() {
            let time = self.now();
            self.records.borrow_mut().push(Record { time, event });
        }
    }

    /// After Stop nothing more is recorded (spawned futures may still be finishing).
    pub fn stop(&self) {
        self.push(Event::Finished { status: "stopped" });
        self.stopped.set(true);
    }

    pub fn finish(&self) {
        self.push(Event::Finished { status: "done" });
    }

    /// What was recorded since the last call, in the engine's wire form.
    pub fn take_new(&self) -> String {
        let (records, chunks) = (self.records.borrow(), self.chunks.borrow());
        let (r, c) = self.taken.get();
        let mut out = String::new();
        awaitlab_trace::wire::encode(&records[r..], &chunks[c..], &mut out);
        self.taken.set((records.len(), chunks.len()));
        out
    }

    fn lane(self: &Rc<Self>, name: String, coro: &str, args: &str, parent: Option<u64>) -> Task {
        let id = self.id();
        self.push(Event::TaskCreated(Box::new(NewTask {
            task: id,
            name: name.into(),
            coro: coro.into(),
            args: args.into(),
            parent,
            line: 0,
            internal: false,
        })));
        Task { id, rec: self.clone() }
    }

    /// The run's entry point (the future `spawn_local` was given), running from now.
    pub fn main(self: &Rc<Self>, coro: &str) -> Task {
        let task = self.lane("task #1".into(), coro, "", None);
        self.push(Event::StepStart { task: task.id });
        task
    }
}

/// One lane of the timeline: what the code inside it awaits is recorded against it.
#[derive(Clone)]
pub struct Task {
    id: u64,
    rec: Rc<Recorder>,
}

impl Task {
    pub fn print(&self, text: impl Into<String>) {
        let mut text = text.into();
        text.push('\n');
        self.rec.push(Event::Output { task: Some(self.id), stream: Stream::Stdout, text: text.as_str().into() });
        if !self.rec.stopped.get() {
            self.rec.chunks.borrow_mut().push(Chunk { stream: Stream::Stdout, text, time: self.rec.now() });
        }
    }

    pub fn now(&self) -> f64 {
        self.rec.now()
    }

    /// Awaits `future`, with this lane waiting on `what` meanwhile.
    pub async fn wait<T>(&self, what: &str, future: impl Future<Output = T>) -> T {
        let future_id = self.rec.id();
        self.rec.push(Event::Waiting { task: self.id, what: what.into(), line: 0, future: future_id });
        self.rec.push(Event::StepEnd { task: self.id, line: 0, stack: None, requeued: 0 });
        let value = future.await;
        self.rec.push(Event::FutureDone { future: future_id });
        self.rec.push(Event::StepStart { task: self.id });
        value
    }

    /// `gloo_timers` sleep of `seconds` of program time.
    pub async fn sleep(&self, seconds: f64) {
        let ms = (seconds * 1000.0 / self.rec.speed).round().max(0.0) as u32;
        self.wait(&format!("sleep {} s", trim(seconds)), gloo_timers::future::TimeoutFuture::new(ms)).await
    }

    /// A GET through the page's `fetch()` (the practice API for `/api/...`); (status, body).
    pub async fn get(&self, url: &str) -> Result<(u16, String), String> {
        let id = self.rec.id();
        self.rec.push(Event::HttpStart(Box::new(HttpStart { id, task: Some(self.id), method: "GET".into(), url: url.into() })));
        let result = self.wait(&format!("GET {url}"), (self.rec.fetch)(url)).await;
        match &result {
            Ok((status, _)) => self.rec.push(Event::HttpEnd { id, status: Some(*status), error: None }),
            Err(message) => self.rec.push(Event::HttpEnd { id, status: None, error: Some(message.as_str().into()) }),
        }
        result
    }

    /// `spawn_local`: a task of its own, started by the browser's event loop (not now); the
    /// handle awaits its result.
    pub fn spawn<T: 'static, F: Future<Output = T> + 'static>(
        &self,
        coro: &str,
        args: &str,
        body: impl FnOnce(Task) -> F + 'static,
    ) -> RemoteHandle<T> {
        let n = self.rec.next_id.get();
        let task = self.rec.lane(format!("task #{n}"), coro, args, Some(self.id));
        let id = task.id;
        let rec = self.rec.clone();
        let (run, handle) = async move {
            rec.push(Event::StepStart { task: id });
            let value = body(task).await;
            rec.push(Event::TaskDone { task: id, outcome: "done" });
            rec.push(Event::StepEnd { task: id, line: 0, stack: None, requeued: 0 });
            value
        }
        .remote_handle();
        wasm_bindgen_futures::spawn_local(run);
        handle
    }

    /// A future that is not a task: it runs only while whoever awaits it (a join, a select)
    /// polls it. Its lane is named after that poller.
    pub fn future<T, F: Future<Output = T>>(&self, coro: &str, args: &str, body: impl FnOnce(Task) -> F) -> impl Future<Output = T> {
        let rec = self.rec.clone();
        let poller = self.id;
        let (coro, args) = (coro.to_string(), args.to_string());
        async move {
            let task = rec.lane(format!("polled by task #{poller}"), &coro, &args, Some(poller));
            let id = task.id;
            rec.push(Event::StepStart { task: id });
            let value = body(task).await;
            rec.push(Event::TaskDone { task: id, outcome: "done" });
            rec.push(Event::StepEnd { task: id, line: 0, stack: None, requeued: 0 });
            value
        }
    }

    /// A sleep that no lane waits on (a permit handed back later, in the background).
    pub fn background_sleep(&self, seconds: f64) -> gloo_timers::future::TimeoutFuture {
        gloo_timers::future::TimeoutFuture::new((seconds * 1000.0 / self.rec.speed).round().max(0.0) as u32)
    }

    /// A new id for a resource lane (a semaphore's permits in use).
    pub fn resource_id(&self) -> u64 {
        self.rec.id()
    }

    pub fn resource(&self, id: u64, kind: &str, in_use: i64, capacity: i64) {
        self.rec.push(Event::Resource(Box::new(ResourceUse { id, kind: kind.into(), in_use, capacity, name: None })));
    }

    /// Ends the entry lane.
    pub fn done(&self) {
        self.rec.push(Event::TaskDone { task: self.id, outcome: "done" });
        self.rec.push(Event::StepEnd { task: self.id, line: 0, stack: None, requeued: 0 });
    }
}

/// 0.5 → "0.5", 1.0 → "1".
pub fn trim(x: f64) -> String {
    let s = format!("{:.3}", x);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
