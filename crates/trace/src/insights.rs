//! What went wrong in a run, or is worth noticing, found from its trace: the loop blocked by
//! a synchronous call, a step slower than asyncio's debug threshold, a coroutine never awaited,
//! a task left running when `asyncio.run` ended, an exception never retrieved, requests queued
//! behind a connection limit, errors from the practice API, the practice API overloaded. Each
//! names its line and its moment.

use crate::output::Stream;
use crate::record::{plural, Event, Record};
use std::collections::HashMap;

/// asyncio's debug mode warns about a callback or step that takes this long.
pub const SLOW_STEP: f64 = 0.1;

#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    /// A short kind (`blocked`, `slow-step`, `never-awaited`, `left-running`,
    /// `never-retrieved`, `queued`, `http-errors`, `overloaded`), for styles and tests.
    pub kind: &'static str,
    pub text: String,
    /// The program's line it is about, when known.
    pub line: Option<u32>,
    /// When it happened (the start of a span).
    pub time: f64,
}

/// The line a warning names: `main.py:12: RuntimeWarning: …`.
fn warning_line(text: &str) -> Option<u32> {
    let (_, rest) = text.split_once(".py:")?;
    rest.split(':').next()?.trim().parse().ok()
}

pub fn insights<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Insight> {
    let mut out = Vec::new();
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut internal: Vec<u64> = Vec::new();
    let mut task_lines: HashMap<u64, u32> = HashMap::new();
    let mut step_start: HashMap<u64, f64> = HashMap::new();
    let mut blocked: Option<(f64, crate::record::Blocking)> = None;
    let mut blocked_inside: HashMap<u64, bool> = HashMap::new();
    // Tasks whose cancellation was asked before the main coroutine returned (by the program,
    // a gather, a timeout): asyncio.run did not cut them off.
    let mut cancelled_by_program: std::collections::HashSet<u64> = Default::default();
    let mut blocks: Vec<Block> = Vec::new();
    // The running `asyncio.run`'s main task (the program's first task made outside any task),
    // and whether it has returned: a task cancelled after that was cancelled by the shutdown.
    let mut main_done: Option<f64> = None;
    let mut main_task: Option<u64> = None;
    let mut timers: Vec<f64> = Vec::new();
    let mut queued: Vec<(u64, f64)> = Vec::new();
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    let mut first_error: Option<f64> = None;
    // The practice API's requests: when each started, and (start, duration) of those answered.
    // (when, in which order) each started: requests made at one moment came in that order.
    let mut practice_started: HashMap<u64, (f64, usize)> = HashMap::new();
    let mut practice: Vec<(usize, f64, f64)> = Vec::new();
    let mut practice_order = 0;
    // What the run wrote to stderr, line by line, each with its moment.
    let mut stderr: Vec<(f64, String)> = Vec::new();
    let mut partial = String::new();
    for r in crate::record::unfolded(records) {
        let r: &Record = &r;
        match &r.event {
            Event::TaskCreated(t) => {
                names.insert(t.task, format!("{} {}", t.name, t.title()));
                task_lines.insert(t.task, t.line);
                if t.internal {
                    internal.push(t.task);
                } else if t.parent.is_none() && (main_task.is_none() || main_done.is_some()) {
                    // A new run's main task (asyncio.run called again).
                    main_task = Some(t.task);
                    main_done = None;
                }
            }
            Event::CancelRequested { task } if main_done.is_none() => {
                cancelled_by_program.insert(*task);
            }
            Event::StepStart { task } => {
                step_start.insert(*task, r.time);
            }
            Event::StepEnd { task, .. } => {
                if let Some(start) = step_start.remove(task) {
                    let took = r.time - start;
                    let was_blocked = blocked_inside.remove(task).unwrap_or(false);
                    if took >= SLOW_STEP && !was_blocked && !internal.contains(task) {
                        out.push(Insight {
                            kind: "slow-step",
                            text: format!(
                                "A step of {} ran {:.3} s without awaiting (asyncio's debug mode warns from 0.100 s): every other task waited.",
                                names.get(task).map_or("a task", String::as_str),
                                took
                            ),
                            line: task_lines.get(task).copied().filter(|l| *l > 0),
                            time: start,
                        });
                    }
                }
            }
            Event::TimerSet { when, .. } => timers.push(*when),
            Event::Blocked(b) => {
                if let Some(t) = b.task {
                    blocked_inside.insert(t, true);
                }
                blocked = Some((r.time, (**b).clone()));
            }
            Event::Unblocked => {
                if let Some((start, b)) = blocked.take() {
                    let late = timers.iter().filter(|w| **w > start + 1e-9 && **w < r.time - 1e-9).count();
                    let who = b.task.and_then(|t| names.get(&t)).map(|n| format!(" in {n}")).unwrap_or_default();
                    if b.reason.as_ref() != "input()" && b.in_loop {
                        blocks.push(Block { start, took: r.time - start, late, who, call: b.reason, line: b.line });
                    }
                }
            }
            Event::TaskDone { task, outcome } => {
                if Some(*task) == main_task {
                    main_done = Some(r.time);
                } else if *outcome == "cancelled" && main_done.is_some() && !internal.contains(task) && !cancelled_by_program.contains(task)
                {
                    out.push(Insight {
                        kind: "left-running",
                        text: format!(
                            "{} was still running when the main coroutine returned, so asyncio.run cancelled it: keep a reference and await it (or use a TaskGroup) if its work matters.",
                            names.get(task).map_or("A task", String::as_str)
                        ),
                        line: task_lines.get(task).copied().filter(|l| *l > 0),
                        time: r.time,
                    });
                }
            }
            Event::Waiting { task, what, .. } if what.starts_with("free connection") => queued.push((*task, r.time)),
            Event::HttpStart(h) if crate::http::is_practice_api(&h.url) => {
                practice_started.insert(h.id, (r.time, practice_order));
                practice_order += 1;
            }
            Event::HttpEnd { id, status, .. } => {
                let started = practice_started.remove(id);
                match status {
                    Some(s) if *s == 429 || *s >= 500 => {
                        *statuses.entry(*s).or_default() += 1;
                        first_error.get_or_insert(r.time);
                    }
                    // A refused (429) or failed (5xx) request says nothing of the line: only
                    // served ones show the load.
                    Some(_) => practice.extend(started.map(|(start, order)| (order, start, r.time - start))),
                    None => {}
                }
            }
            Event::Output { stream: Stream::Stderr, text, .. } => {
                partial.push_str(text);
                while let Some(end) = partial.find('\n') {
                    stderr.push((r.time, partial[..end].to_string()));
                    partial.drain(..=end);
                }
            }
            _ => {}
        }
    }
    out.extend(blocked_loop(blocks));
    for (stderr_time, line) in &stderr {
        let stderr_time = *stderr_time;
        if line.contains("was never awaited") {
            let what = line.split("coroutine '").nth(1).and_then(|s| s.split('\'').next()).unwrap_or("a coroutine");
            out.push(Insight {
                kind: "never-awaited",
                text: format!(
                    "The coroutine {what}() was called but never awaited: its body never ran. Await it, or wrap it in asyncio.create_task."
                ),
                line: warning_line(line),
                time: stderr_time,
            });
        } else if line.starts_with("Task exception was never retrieved") {
            out.push(Insight {
                kind: "never-retrieved",
                text: "A task failed and nothing ever read its exception (await the task, or gather it): the error was only logged.".into(),
                line: None,
                time: stderr_time,
            });
        }
    }
    if let Some((_, start)) = queued.first() {
        let tasks: std::collections::HashSet<u64> = queued.iter().map(|(t, _)| *t).collect();
        out.push(Insight {
            kind: "queued",
            text: format!(
                "{} waited for a free connection: the session's connection limit held them back.",
                plural(tasks.len(), "request", "requests")
            ),
            line: None,
            time: *start,
        });
    }
    out.extend(overloaded(practice));
    if let Some(time) = first_error {
        let mut codes: Vec<_> = statuses.into_iter().collect();
        codes.sort();
        let list: Vec<String> = codes.iter().map(|(code, n)| format!("{} × {code}", n)).collect();
        let hint = if codes.iter().any(|(c, _)| *c == 429) {
            " 429 means the rate limit was exceeded: slow down (a semaphore, a timed limiter)."
        } else {
            ""
        };
        out.push(Insight {
            kind: "http-errors",
            text: format!("The server answered with errors: {}.{hint}", list.join(", ")),
            line: None,
            time,
        });
    }
    out.sort_by(|a, b| a.time.total_cmp(&b.time));
    out
}

/// The practice API overloaded: in a burst of at least 8 requests (one after another with some
/// always in flight), the later a request came the longer it took (a rank correlation of at
/// least 0.8), and the last quarter's median answer took at least twice as long as the first
/// quarter's: a server whose line grows past its capacity answers in arrival order, ever later.
/// A long-tailed latency alone makes slow answers too, but in no order.
fn overloaded(mut requests: Vec<(usize, f64, f64)>) -> Option<Insight> {
    requests.sort_by_key(|r| r.0);
    let requests: Vec<(f64, f64)> = requests.into_iter().map(|(_, start, took)| (start, took)).collect();
    let mut bursts: Vec<&[(f64, f64)]> = Vec::new();
    let (mut from, mut busy_until) = (0, f64::NEG_INFINITY);
    for (i, (start, took)) in requests.iter().enumerate() {
        if *start >= busy_until && i > from {
            bursts.push(&requests[from..i]);
            from = i;
        }
        busy_until = busy_until.max(start + took);
    }
    bursts.push(&requests[from..]);
    let median = |r: &[(f64, f64)]| {
        let mut took: Vec<f64> = r.iter().map(|(_, took)| *took).collect();
        took.sort_by(f64::total_cmp);
        took[took.len() / 2]
    };
    bursts
        .into_iter()
        .filter(|b| b.len() >= 8 && rank_correlation(b) >= 0.8)
        .map(|b| {
            let quarter = (b.len() / 4).max(3);
            (b, median(&b[..quarter]), median(&b[b.len() - quarter..]))
        })
        .filter(|(_, first, last)| *last >= 2.0 * first && last - first >= 0.05)
        .max_by(|a, b| (a.2 / a.1).total_cmp(&(b.2 / b.1)))
        .map(|(burst, first, last)| {
            let peak = peak_in_flight(burst);
            Insight {
                kind: "overloaded",
                text: format!(
                    "The practice API was overloaded: {} requests in a row, up to {peak} at once; its first answers took {first:.2} s, its last {last:.2} s. Past its capacity requests wait in its line and it slows down: fewer at once (a semaphore, a connection limit) keeps it fast.",
                    burst.len()
                ),
                line: None,
                time: burst[0].0,
            }
        })
}

/// Spearman's rank correlation between when requests came (in order) and how long they took.
fn rank_correlation(burst: &[(f64, f64)]) -> f64 {
    let n = burst.len();
    let mut by_time: Vec<usize> = (0..n).collect();
    by_time.sort_by(|a, b| burst[*a].1.total_cmp(&burst[*b].1));
    let mut rank = vec![0usize; n];
    for (r, i) in by_time.into_iter().enumerate() {
        rank[i] = r;
    }
    let d2: f64 = rank.iter().enumerate().map(|(i, r)| (i as f64 - *r as f64).powi(2)).sum();
    let n = n as f64;
    1.0 - 6.0 * d2 / (n * (n * n - 1.0))
}

/// The most requests of a burst in flight at one moment.
fn peak_in_flight(burst: &[(f64, f64)]) -> usize {
    let mut edges: Vec<(f64, i32)> = burst.iter().flat_map(|(start, took)| [(*start, 1), (start + took, -1)]).collect();
    // An answer at the moment another request leaves is not counted with it.
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut now = 0;
    edges
        .iter()
        .map(|(_, d)| {
            now += d;
            now
        })
        .max()
        .unwrap_or(0) as usize
}

/// A blocking call that held up a running loop: when, how long, how many timers came due
/// meanwhile, in which task (` in Task-3 …`), what it was and where.
struct Block {
    start: f64,
    took: f64,
    late: usize,
    who: String,
    call: std::rc::Rc<str>,
    line: u32,
}

/// One insight per blocking call of the program: a call made again and again (`requests.get`
/// in a loop) is said once, with its count and its time in all.
fn blocked_loop(blocks: Vec<Block>) -> Vec<Insight> {
    let advice = "Await a coroutine (asyncio.sleep) or use run_in_executor / to_thread instead.";
    let mut groups: Vec<Vec<Block>> = Vec::new();
    for b in blocks {
        let function = |c: &str| c.split('(').next().unwrap_or("").to_string();
        match groups.iter_mut().find(|g| g[0].line == b.line && function(&g[0].call) == function(&b.call)) {
            Some(g) => g.push(b),
            None => groups.push(vec![b]),
        }
    }
    groups
        .into_iter()
        .map(|g| {
            let late: usize = g.iter().map(|b| b.late).sum();
            let meanwhile =
                if late > 0 { format!(": {} came due meanwhile and had to wait", plural(late, "timer", "timers")) } else { String::new() };
            let first = &g[0];
            let who = if g.iter().all(|b| b.who == first.who) { first.who.clone() } else { " in several tasks".into() };
            let text = if g.len() == 1 {
                format!("{}{who} blocked the event loop for {:.3} s{meanwhile}. {advice}", first.call, first.took)
            } else {
                let total: f64 = g.iter().map(|b| b.took).sum();
                let call = format!("{}(…)", first.call.split('(').next().unwrap_or(""));
                format!("{call}{who} blocked the event loop {} times, {total:.3} s in all{meanwhile}. {advice}", g.len())
            };
            Insight { kind: "blocked", text, line: (first.line > 0).then_some(first.line), time: first.start }
        })
        .collect()
}
