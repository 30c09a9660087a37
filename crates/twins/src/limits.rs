//! Limits for the Rust twins, on `async_lock::Semaphore`: a plain one (a connection limit, as
//! aiohttp's `limit_per_host`) and a timed one (at most N acquisitions in any T seconds), each
//! recording its permits in use for the timeline's resource lane.

use super::recorder::{trim, Task};
use async_lock::Semaphore;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

pub struct Limit {
    sem: Rc<Semaphore>,
    capacity: usize,
    in_use: Rc<Cell<i64>>,
    id: u64,
    kind: &'static str,
    label: String,
}

impl Limit {
    /// At most `capacity` holders at once.
    pub fn new(task: &Task, kind: &'static str, capacity: usize) -> Limit {
        Limit {
            sem: Rc::new(Semaphore::new(capacity)),
            capacity,
            in_use: Rc::new(Cell::new(0)),
            id: task.resource_id(),
            kind,
            label: format!("{kind}({capacity})"),
        }
    }

    /// Runs `body` holding one permit.
    pub async fn with<T>(&self, task: &Task, body: impl std::future::Future<Output = T>) -> T {
        let permit = task.wait(&self.label, self.sem.acquire()).await;
        self.in_use.set(self.in_use.get() + 1);
        task.resource(self.id, self.kind, self.in_use.get(), self.capacity as i64);
        let value = body.await;
        drop(permit);
        self.in_use.set(self.in_use.get() - 1);
        task.resource(self.id, self.kind, self.in_use.get(), self.capacity as i64);
        value
    }
}

/// At most `count` acquisitions in any `period` seconds: each permit goes back `period` after
/// it was taken (plus a small margin), whatever its holder is doing by then.
///
/// The margin: this runs on real clocks. A request that leaves exactly one period after an
/// earlier one can reach the server a millisecond sooner than that one did (timers and the
/// network jitter), and a server counting the same period then sees one too many.
const MARGIN_S: f64 = 0.03;
pub struct TimedSemaphore {
    // Arc: the permit is owned by the background task that hands it back.
    sem: Arc<Semaphore>,
    count: usize,
    period: f64,
    in_use: Rc<Cell<i64>>,
    id: u64,
}

impl TimedSemaphore {
    pub fn new(task: &Task, count: usize, period: f64) -> TimedSemaphore {
        TimedSemaphore { sem: Arc::new(Semaphore::new(count)), count, period, in_use: Rc::new(Cell::new(0)), id: task.resource_id() }
    }

    pub async fn acquire(&self, task: &Task) {
        let permit = task.wait(&format!("TimedSemaphore({}, {} s)", self.count, trim(self.period)), self.sem.acquire_arc()).await;
        self.in_use.set(self.in_use.get() + 1);
        task.resource(self.id, "TimedSemaphore", self.in_use.get(), self.count as i64);
        let (later, in_use, id, count, owner) =
            (task.background_sleep(self.period + MARGIN_S), self.in_use.clone(), self.id, self.count as i64, task.clone());
        wasm_bindgen_futures::spawn_local(async move {
            later.await;
            drop(permit);
            in_use.set(in_use.get() - 1);
            owner.resource(id, "TimedSemaphore", in_use.get(), count);
        });
    }
}
