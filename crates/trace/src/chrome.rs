//! Chrome Trace Event JSON (Perfetto, chrome://tracing) from a run's trace records.

use crate::json::json_str;
use crate::record::{Event, Record};
use std::rc::Rc;

/// Chrome Trace Event JSON: one track (tid) per task, slices for steps and waits, flow arrows
/// from the step that completed a future to the step it woke.
pub fn to_chrome_json(records: &[Record]) -> String {
    let us = |t: f64| (t * 1e6).round() as i64;
    let mut events: Vec<String> = vec![];
    let mut tids: Vec<u64> = vec![];
    let tid_of = |tids: &mut Vec<u64>, task: u64| -> usize {
        match tids.iter().position(|t| *t == task) {
            Some(p) => p + 1,
            None => {
                tids.push(task);
                tids.len()
            }
        }
    };
    events.push(r#"{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"Awaitlab program"}}"#.to_string());
    events.push(r#"{"name":"thread_name","ph":"M","pid":1,"tid":0,"args":{"name":"event loop"}}"#.to_string());
    let mut open_wait: Vec<(u64, f64, Rc<str>, u64)> = vec![];
    // Which task's step (None: the loop itself, a timer or callback) completed each future.
    let mut completed_by: std::collections::HashMap<u64, Option<u64>> = Default::default();
    let mut running: Option<u64> = None;
    let mut flow_id = 0u64;
    let mut blocked_since: Option<(f64, Rc<str>)> = None;
    let mut in_flight = 0u64;
    let mut http_names: std::collections::HashMap<u64, (usize, String)> = Default::default();
    // asyncio.run's own shutdown tasks are not the program's: no tracks for them (as in the page).
    let internal: std::collections::HashSet<u64> = records
        .iter()
        .filter_map(|r| match &r.event {
            Event::TaskCreated(t) if t.internal => Some(t.task),
            _ => None,
        })
        .collect();
    for r in crate::record::unfolded(records) {
        let r: &Record = &r;
        let own_task = match &r.event {
            Event::StepStart { task } | Event::StepEnd { task, .. } | Event::Waiting { task, .. } => Some(*task),
            Event::TaskCreated(t) => Some(t.task),
            _ => None,
        };
        if own_task.is_some_and(|t| internal.contains(&t)) {
            continue;
        }
        match &r.event {
            Event::TaskCreated(boxed) => {
                let crate::record::NewTask { task, name, coro, .. } = &**boxed;
                let tid = tid_of(&mut tids, *task);
                events.push(format!(
                    r#"{{"name":"thread_name","ph":"M","pid":1,"tid":{tid},"args":{{"name":{}}}}}"#,
                    json_str(&format!("{name} ({coro})"))
                ));
            }
            Event::StepStart { task } => {
                let tid = tid_of(&mut tids, *task);
                if let Some(p) = open_wait.iter().position(|w| w.0 == *task) {
                    let (_, start, what, fut) = open_wait.remove(p);
                    events.push(format!(
                        r#"{{"name":{},"cat":"wait","ph":"X","ts":{},"dur":{},"pid":1,"tid":{tid}}}"#,
                        json_str(&format!("await {what}")),
                        us(start),
                        us(r.time) - us(start)
                    ));
                    if let Some(src) = completed_by.get(&fut) {
                        flow_id += 1;
                        let src_tid = src.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                        events.push(format!(
                            r#"{{"name":"wakeup","cat":"flow","ph":"s","id":{flow_id},"ts":{},"pid":1,"tid":{src_tid}}}"#,
                            us(r.time)
                        ));
                        events.push(format!(
                            r#"{{"name":"wakeup","cat":"flow","ph":"f","bp":"e","id":{flow_id},"ts":{},"pid":1,"tid":{tid}}}"#,
                            us(r.time)
                        ));
                    }
                }
                running = Some(*task);
                events.push(format!(r#"{{"name":"run","cat":"step","ph":"B","ts":{},"pid":1,"tid":{tid}}}"#, us(r.time)));
            }
            Event::StepEnd { task, .. } => {
                let tid = tid_of(&mut tids, *task);
                running = None;
                events.push(format!(r#"{{"name":"run","cat":"step","ph":"E","ts":{},"pid":1,"tid":{tid}}}"#, us(r.time)));
            }
            Event::Waiting { task, what, future, .. } => open_wait.push((*task, r.time, what.clone(), *future)),
            Event::FutureDone { future } | Event::TaskDone { task: future, .. } => {
                completed_by.insert(*future, running);
            }
            Event::Blocked(b) => {
                let reason = &b.reason;
                // A blocking HTTP call's end is not known when it starts: the span closes at Unblocked.
                blocked_since = Some((r.time, reason.clone()));
            }
            Event::Unblocked => {
                if let Some((start, reason)) = blocked_since.take() {
                    events.push(format!(
                        r#"{{"name":{},"cat":"blocked","ph":"X","ts":{},"dur":{},"pid":1,"tid":0}}"#,
                        json_str(&format!("loop blocked: {reason}")),
                        us(start),
                        us(r.time) - us(start)
                    ));
                }
            }
            Event::HttpStart(boxed) => {
                let crate::record::HttpStart { id, task, method, url } = &**boxed;
                in_flight += 1;
                let tid = task.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                events.push(format!(
                    r#"{{"name":{},"cat":"http","ph":"b","id":{id},"ts":{},"pid":1,"tid":{tid}}}"#,
                    json_str(&format!("{method} {url}")),
                    us(r.time)
                ));
                events.push(format!(
                    r#"{{"name":"requests in flight","ph":"C","ts":{},"pid":1,"args":{{"requests":{in_flight}}}}}"#,
                    us(r.time)
                ));
                http_names.insert(*id, (tid, format!("{method} {url}")));
            }
            Event::HttpEnd { id, status, error } => {
                in_flight = in_flight.saturating_sub(1);
                let (tid, name) = http_names.remove(id).unwrap_or((0, String::from("request")));
                let outcome = match (status, error) {
                    (Some(s), _) => s.to_string(),
                    (None, Some(e)) => e.to_string(),
                    _ => String::new(),
                };
                events.push(format!(
                    r#"{{"name":{},"cat":"http","ph":"e","id":{id},"ts":{},"pid":1,"tid":{tid},"args":{{"outcome":{}}}}}"#,
                    json_str(&name),
                    us(r.time),
                    json_str(&outcome)
                ));
                events.push(format!(
                    r#"{{"name":"requests in flight","ph":"C","ts":{},"pid":1,"args":{{"requests":{in_flight}}}}}"#,
                    us(r.time)
                ));
            }
            Event::Output { task, text, .. } => {
                let tid = task.map(|t| tid_of(&mut tids, t)).unwrap_or(0);
                events.push(format!(
                    r#"{{"name":"print","cat":"output","ph":"i","s":"t","ts":{},"pid":1,"tid":{tid},"args":{{"text":{}}}}}"#,
                    us(r.time),
                    json_str(text)
                ));
            }
            _ => {}
        }
    }
    format!("{{\"traceEvents\":[\n{}\n],\"displayTimeUnit\":\"ms\"}}\n", events.join(",\n"))
}
