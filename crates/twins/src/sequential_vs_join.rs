//! Demo 2 in async Rust: awaiting one request after another takes the sum of the delays;
//! `join_all` over the same futures takes the longest one.
use super::recorder::Task;
use futures::future::join_all;

const IDS: [&str; 4] = ["student", "river", "garden", "network"];

async fn get_video(task: &Task, id: &str) -> String {
    match task.get(&format!("/api/videos/{id}")).await {
        Ok((200, _)) => id.to_string(),
        Ok((status, _)) => format!("{id}: {status}"),
        Err(e) => format!("{id}: {e}"),
    }
}

pub async fn run(main: Task, videos: usize) {
    let ids: Vec<&str> = IDS.iter().copied().cycle().take(videos).collect();

    // One after another: each await finishes before the next request starts.
    let start = main.now();
    let mut got = Vec::new();
    for id in &ids {
        got.push(get_video(&main, id).await);
    }
    main.print(format!("one_after_another: {} videos in {:.1} s", got.len(), main.now() - start));

    // join_all: every future is polled in place by main (no tasks); all wait at once.
    let start = main.now();
    let futures = ids.iter().map(|id| main.future("get_video", &format!("{id:?}"), move |t| async move { get_video(&t, id).await }));
    let got = main.wait(&format!("join_all of {}", ids.len()), join_all(futures)).await;
    main.print(format!("all_at_once: {} videos in {:.1} s", got.len(), main.now() - start));
}
