//! The timeline's model, derived from a run's trace: one lane per task with running, ready and
//! waiting segments (labelled with what was awaited), loop-blocked spans, the HTTP waterfall,
//! resource use over time and print markers. Pure data: the page only draws it.

use crate::http::{is_practice_api, short_url};
use crate::output::Stream;
use crate::record::{Event, Record};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Scheduled: waiting for the loop to run it.
    Ready,
    /// One step of the task running (on the virtual clock steps take no time).
    Running,
    /// Suspended on something: `label` says what.
    Waiting,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub kind: SegmentKind,
    pub start: f64,
    pub end: f64,
    pub label: Rc<str>,
    /// Source line of the `await` (waiting) or of the task's creation (ready).
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Print {
    pub time: f64,
    pub text: Rc<str>,
    pub stderr: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub task: u64,
    /// The Task's name (`Task-2`).
    pub name: Rc<str>,
    /// The coroutine and its arguments (`meow(3)`).
    pub title: String,
    pub parent: Option<u64>,
    pub line: u32,
    pub created: f64,
    pub ended: Option<f64>,
    pub outcome: Option<&'static str>,
    pub segments: Vec<Segment>,
    pub prints: Vec<Print>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RequestSpan {
    pub id: u64,
    pub task: Option<u64>,
    pub label: String,
    /// When its task started waiting for a free connection, if it had to.
    pub queued_from: Option<f64>,
    pub start: f64,
    pub end: Option<f64>,
    pub status: Option<u16>,
    pub error: Option<Rc<str>>,
    /// Sent to the built-in practice API (its rate limit counts it).
    pub practice: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub start: f64,
    pub end: f64,
    pub label: Rc<str>,
}

/// A semaphore, lock or connector: how many were in use over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub id: u64,
    pub kind: Rc<str>,
    /// What the program called it, when that could be known.
    pub name: Option<Rc<str>>,
    pub capacity: i64,
    /// (time, in use) at every change.
    pub samples: Vec<(f64, i64)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    pub requests: Vec<RequestSpan>,
    pub blocked: Vec<Span>,
    pub resources: Vec<Resource>,
    /// Output written outside any task (the main program).
    pub main_prints: Vec<Print>,
    /// The program's own callbacks, as the loop ran them (drawn on the loop's lane).
    pub callbacks: Vec<CallbackRun>,
    pub end: f64,
    pub max_in_flight: usize,
    /// (time, requests in flight) at every request's start and end.
    pub in_flight: Vec<(f64, i64)>,
    /// The trace reached its size limit here: after it the run is summarised, not drawn.
    pub summarised_from: Option<f64>,
    /// What happened after that, counted.
    pub unrecorded: Option<Unrecorded>,
}

/// A callback of the program's, run by the loop at `time`.
#[derive(Clone, Debug, PartialEq)]
pub struct CallbackRun {
    pub time: f64,
    pub name: Rc<str>,
    pub line: u32,
}

/// What a run did after its trace reached its size limit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Unrecorded {
    pub events: u64,
    pub tasks: u64,
    pub steps: u64,
    pub prints: u64,
    pub requests: u64,
}

impl Lane {
    /// What the task was doing at time `t` (the replay cursor): "running", "ready",
    /// "waiting: <what>", "not started" or its outcome once it ended.
    pub fn state_at(&self, t: f64) -> String {
        if t < self.created - 1e-9 {
            return "not started".into();
        }
        if let Some(seg) = self.segments.iter().rev().find(|s| s.start <= t + 1e-9 && t < s.end - 1e-9) {
            return match seg.kind {
                SegmentKind::Running => "running".into(),
                SegmentKind::Ready => "ready".into(),
                SegmentKind::Waiting => format!("waiting: {}", seg.label),
            };
        }
        match self.ended {
            Some(end) if t >= end - 1e-9 => self.outcome.unwrap_or("done").into(),
            _ => "ready".into(),
        }
    }
}

/// Sorts (time, n) pairs by time, then by n: the one sort the timeline needs (each sort of
/// another element type costs the page's wasm about 4 KB).
pub fn sort_by_time(steps: &mut [(f64, i64)]) {
    steps.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

impl Timeline {
    /// Total time the loop was blocked.
    pub fn blocked_time(&self) -> f64 {
        self.blocked.iter().map(|s| s.end - s.start).sum()
    }

    /// The most tasks alive (created and not yet finished) at one moment.
    pub fn max_concurrent_tasks(&self) -> usize {
        let mut steps: Vec<(f64, i64)> = self.lanes.iter().flat_map(|l| [(l.created, 1), (l.ended.unwrap_or(f64::INFINITY), -1)]).collect();
        // An end and a start at the same moment do not overlap.
        sort_by_time(&mut steps);
        let (mut alive, mut most) = (0i64, 0i64);
        for (_, d) in steps {
            alive += d;
            most = most.max(alive);
        }
        most as usize
    }

    /// Requests in flight at time `t`.
    pub fn in_flight_at(&self, t: f64) -> usize {
        self.requests.iter().filter(|r| r.start <= t && r.end.is_none_or(|e| e > t)).count()
    }

    /// Requests sent to the practice API within the last `window` seconds, as a step series
    /// (time, count): the sliding window its rate limit counts. A request leaves the window
    /// exactly `window` after it was sent, before one sent at that moment enters (as the API's
    /// own limiter allows a request exactly one window after an earlier one).
    pub fn sliding_window(&self, window: f64) -> Vec<(f64, i64)> {
        if window <= 0.0 {
            return Vec::new();
        }
        let mut steps: Vec<(f64, i64)> =
            self.requests.iter().filter(|r| r.practice).flat_map(|r| [(r.start, 1), (r.start + window, -1)]).collect();
        sort_by_time(&mut steps);
        let mut count = 0;
        let mut series: Vec<(f64, i64)> = Vec::with_capacity(steps.len());
        for (t, delta) in steps {
            count += delta;
            match series.last_mut() {
                Some(last) if (last.0 - t).abs() < 1e-9 => last.1 = count,
                _ => series.push((t, count)),
            }
        }
        series
    }

    /// Every moment something happens, in order (where a replay cursor can step to).
    pub fn event_times(&self) -> Vec<f64> {
        let mut times: Vec<(f64, i64)> = self
            .lanes
            .iter()
            .flat_map(|l| l.segments.iter().flat_map(|s| [s.start, s.end]).chain(l.prints.iter().map(|p| p.time)))
            .chain(self.requests.iter().flat_map(|r| [Some(r.start), r.end]).flatten())
            .chain(self.main_prints.iter().map(|p| p.time))
            .chain(self.blocked.iter().flat_map(|b| [b.start, b.end]))
            .map(|t| (t, 0))
            .collect();
        sort_by_time(&mut times);
        times.dedup_by(|a, b| (a.0 - b.0).abs() < 1e-9);
        times.into_iter().map(|(t, _)| t).collect()
    }
}

struct Open {
    kind: SegmentKind,
    start: f64,
    label: Rc<str>,
    line: u32,
}

#[derive(Default)]
struct TaskState {
    lane: usize,
    open: Option<Open>,
    pending_wait: Option<(Rc<str>, u32, u64)>,
    waiting_on: Option<u64>,
    done: bool,
}

/// Builds the timeline of a whole trace.
pub fn build(records: &[Record]) -> Timeline {
    let mut builder = Builder::default();
    builder.push(records);
    builder.finish()
}

/// Builds a timeline as the trace arrives: each record is taken in once, however many
/// snapshots are taken meanwhile (a live run's timeline costs time in its new records only).
pub struct Builder {
    t: Timeline,
    tasks: HashMap<u64, TaskState>,
    /// Which tasks wait on each future.
    waiters: HashMap<u64, Vec<u64>>,
    conn_wait: HashMap<u64, f64>,
    blocked_since: Option<(f64, Rc<str>)>,
    in_flight: usize,
    ready: Rc<str>,
    running: Rc<str>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            t: Timeline::default(),
            tasks: HashMap::new(),
            waiters: HashMap::new(),
            conn_wait: HashMap::new(),
            blocked_since: None,
            in_flight: 0,
            ready: Rc::from("ready"),
            running: Rc::from("running"),
        }
    }
}

fn close(lane: &mut Lane, open: Option<Open>, at: f64) {
    if let Some(o) = open {
        lane.segments.push(Segment { kind: o.kind, start: o.start, end: at.max(o.start), label: o.label, line: o.line });
    }
}

impl Builder {
    /// Takes in more of the trace.
    pub fn push(&mut self, records: &[Record]) {
        for r in crate::record::unfolded(records) {
            self.record(&r);
        }
    }

    /// How many task lanes so far.
    pub fn lanes(&self) -> usize {
        self.t.lanes.len()
    }

    /// The timeline so far: what is open ends at the last record's time.
    pub fn snapshot(&self) -> Timeline {
        let mut t = self.t.clone();
        let end = t.end;
        for s in self.tasks.values() {
            if let Some(o) = &s.open {
                close(&mut t.lanes[s.lane], Some(Open { kind: o.kind, start: o.start, label: o.label.clone(), line: o.line }), end);
            }
        }
        if let Some((start, label)) = &self.blocked_since {
            t.blocked.push(Span { start: *start, end, label: label.clone() });
        }
        t
    }

    /// The timeline of the whole trace.
    pub fn finish(mut self) -> Timeline {
        let end = self.t.end;
        for s in self.tasks.values_mut() {
            close(&mut self.t.lanes[s.lane], s.open.take(), end);
        }
        if let Some((start, label)) = self.blocked_since.take() {
            self.t.blocked.push(Span { start, end, label });
        }
        self.t
    }

    fn record(&mut self, r: &Record) {
        let now = r.time;
        let Builder { t, tasks, waiters, conn_wait, blocked_since, in_flight, ready, running } = self;
        t.end = t.end.max(now);
        if t.summarised_from.is_some() {
            // Past the trace's limit only its summary and end come.
            if let Event::Summary(summary) = &r.event {
                let crate::record::Summary { events, tasks, steps, prints, requests } = **summary;
                t.unrecorded = Some(Unrecorded { events, tasks, steps, prints, requests });
            }
            return;
        }
        match &r.event {
            Event::DetailEnds => {
                t.summarised_from = Some(now);
                // What was open when the detail ended is drawn up to that moment.
                for s in tasks.values_mut() {
                    close(&mut t.lanes[s.lane], s.open.take(), now);
                }
                if let Some((start, label)) = blocked_since.take() {
                    t.blocked.push(Span { start, end: now, label });
                }
            }
            Event::TaskCreated(boxed) => {
                let crate::record::NewTask { task, name, parent, line, internal, .. } = &**boxed;
                if *internal {
                    return;
                }
                t.lanes.push(Lane {
                    task: *task,
                    name: name.clone(),
                    title: boxed.title(),
                    parent: parent.filter(|p| tasks.contains_key(p)),
                    line: *line,
                    created: now,
                    ended: None,
                    outcome: None,
                    segments: vec![],
                    prints: vec![],
                });
                let open = Some(Open { kind: SegmentKind::Ready, start: now, label: ready.clone(), line: *line });
                tasks.insert(*task, TaskState { lane: t.lanes.len() - 1, open, ..Default::default() });
            }
            Event::StepStart { task } => {
                if let Some(s) = tasks.get_mut(task) {
                    close(&mut t.lanes[s.lane], s.open.take(), now);
                    s.open = Some(Open { kind: SegmentKind::Running, start: now, label: running.clone(), line: 0 });
                }
            }
            Event::Waiting { task, what, line, future } => {
                if let Some(s) = tasks.get_mut(task) {
                    s.pending_wait = Some((what.clone(), *line, *future));
                }
                if what.starts_with("free connection") {
                    conn_wait.insert(*task, now);
                }
            }
            Event::StepEnd { task, .. } => {
                if let Some(s) = tasks.get_mut(task) {
                    close(&mut t.lanes[s.lane], s.open.take(), now);
                    if s.done {
                        return;
                    }
                    match s.pending_wait.take() {
                        Some((what, line, future)) => {
                            s.open = Some(Open { kind: SegmentKind::Waiting, start: now, label: what, line });
                            s.waiting_on = Some(future);
                            waiters.entry(future).or_default().push(*task);
                        }
                        None => s.open = Some(Open { kind: SegmentKind::Ready, start: now, label: ready.clone(), line: 0 }),
                    }
                }
            }
            Event::FutureDone { future } | Event::TaskDone { task: future, .. } => {
                if let Event::TaskDone { task, outcome } = &r.event {
                    if let Some(s) = tasks.get_mut(task) {
                        s.done = true;
                        let lane = &mut t.lanes[s.lane];
                        lane.ended = Some(now);
                        lane.outcome = Some(outcome);
                        if s.open.as_ref().is_some_and(|o| o.kind != SegmentKind::Running) {
                            close(lane, s.open.take(), now);
                        }
                    }
                }
                for w in waiters.remove(future).unwrap_or_default() {
                    if let Some(s) = tasks.get_mut(&w) {
                        if s.waiting_on == Some(*future) && !s.done {
                            close(&mut t.lanes[s.lane], s.open.take(), now);
                            s.open = Some(Open { kind: SegmentKind::Ready, start: now, label: ready.clone(), line: 0 });
                            s.waiting_on = None;
                        }
                    }
                }
            }
            Event::Blocked(b) => *blocked_since = Some((now, b.reason.clone())),
            Event::Callback { name, line } => t.callbacks.push(CallbackRun { time: now, name: name.clone(), line: *line }),
            Event::Unblocked => {
                if let Some((start, label)) = blocked_since.take() {
                    // Back-to-back waits of one kind (a loop of `time.sleep`, a lock's polls)
                    // are one span: the loop was blocked throughout, and a long run has
                    // hundreds of thousands of them, each drawn on its own otherwise.
                    match t.blocked.last_mut() {
                        Some(last) if last.label == label && start - last.end <= 1e-9 => last.end = now,
                        _ => t.blocked.push(Span { start, end: now, label }),
                    }
                }
            }
            Event::HttpStart(boxed) => {
                let crate::record::HttpStart { id, task, method, url } = &**boxed;
                *in_flight += 1;
                t.max_in_flight = t.max_in_flight.max(*in_flight);
                t.in_flight.push((now, *in_flight as i64));
                let queued_from = task.and_then(|tk| conn_wait.remove(&tk));
                t.requests.push(RequestSpan {
                    id: *id,
                    task: *task,
                    label: format!("{method} {}", short_url(url)),
                    queued_from,
                    start: now,
                    end: None,
                    status: None,
                    error: None,
                    practice: is_practice_api(url),
                });
            }
            Event::HttpEnd { id, status, error } => {
                *in_flight = in_flight.saturating_sub(1);
                t.in_flight.push((now, *in_flight as i64));
                if let Some(req) = t.requests.iter_mut().rev().find(|q| q.id == *id) {
                    req.end = Some(now);
                    req.status = *status;
                    req.error = error.clone();
                }
            }
            Event::Resource(boxed) => {
                let crate::record::ResourceUse { id, kind, in_use, capacity, name } = &**boxed;
                match t.resources.iter_mut().find(|res| res.id == *id) {
                    Some(res) => {
                        res.capacity = *capacity;
                        res.samples.push((now, *in_use));
                    }
                    None => t.resources.push(Resource {
                        id: *id,
                        kind: kind.clone(),
                        name: name.clone(),
                        capacity: *capacity,
                        samples: vec![(now, *in_use)],
                    }),
                }
            }
            Event::Output { task, stream, text } => {
                let print = Print { time: now, text: text.clone(), stderr: *stream == Stream::Stderr };
                match task.and_then(|tk| tasks.get(&tk)) {
                    Some(s) => t.lanes[s.lane].prints.push(print),
                    None => t.main_prints.push(print),
                }
            }
            _ => {}
        }
    }
}
