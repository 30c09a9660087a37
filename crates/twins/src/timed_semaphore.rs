//! Demo 9 in async Rust: a burst against the API's rate limit gets 429s; the same requests
//! paced by a timed semaphore (N per T seconds) get none.
use super::limits::TimedSemaphore;
use super::recorder::Task;
use futures::future::join_all;

async fn fetch(task: &Task, i: usize, limiter: Option<&TimedSemaphore>) -> u16 {
    if let Some(limiter) = limiter {
        limiter.acquire(task).await;
    }
    task.get(&format!("/api/videos/river?i={i}")).await.map_or(0, |(status, _)| status)
}

pub async fn run(main: Task, requests: usize, per_period: usize, period: f64) {
    let count = |statuses: &[u16], s: u16| statuses.iter().filter(|x| **x == s).count();
    let burst = (0..requests).map(|i| main.future("fetch", &i.to_string(), move |t| async move { fetch(&t, i, None).await }));
    let statuses = main.wait(&format!("join_all of {requests}"), join_all(burst)).await;
    main.print(format!("all at once: {} ok, {} rate-limited", count(&statuses, 200), count(&statuses, 429)));

    main.sleep(period).await;
    let limiter = TimedSemaphore::new(&main, per_period, period);
    let limiter = &limiter;
    let start = main.now();
    let paced =
        (0..requests).map(|i| main.future("fetch", &format!("{i}, limiter"), move |t| async move { fetch(&t, i, Some(limiter)).await }));
    let statuses = main.wait(&format!("join_all of {requests}"), join_all(paced)).await;
    main.print(format!("paced: {} ok, {} rate-limited, {:.2} s", count(&statuses, 200), count(&statuses, 429), main.now() - start));
}
