//! Demo 7 in async Rust: video look-ups one by one, then all at once through a connection
//! limit (aiohttp's `limit_per_host`), here a semaphore around each request.
use super::limits::Limit;
use super::recorder::Task;
use futures::future::join_all;

fn json(body: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(body).unwrap_or(wasm_bindgen::JsValue::NULL)
}

async fn get_video(task: &Task, id: &str) -> bool {
    matches!(task.get(&format!("/api/videos/{id}")).await, Ok((200, _)))
}

pub async fn run(main: Task, videos: usize, limits: [usize; 2]) {
    let list = main.get(&format!("/api/videos?n={videos}")).await.map(|(_, body)| json(&body)).unwrap_or(wasm_bindgen::JsValue::NULL);
    let ids: Vec<String> = js_sys::Array::from(&list).iter().filter_map(|v| v.as_string()).collect();

    let start = main.now();
    for id in ids.iter().take(10) {
        get_video(&main, id).await;
    }
    main.print(format!("one by one: 10 videos in {:.1} s", main.now() - start));

    for limit in limits {
        let _ = main.get("/api/stats/reset").await;
        let start = main.now();
        let connections = Limit::new(&main, "connections", limit);
        let connections = &connections;
        let lookups = ids
            .iter()
            .map(|id| main.future("get_video", &format!("{id:?}"), move |t| async move { connections.with(&t, get_video(&t, id)).await }));
        let ok = main.wait(&format!("join_all of {}", ids.len()), join_all(lookups)).await.into_iter().filter(|ok| *ok).count();
        let stats = main.get("/api/stats").await.map(|(_, body)| json(&body)).unwrap_or(wasm_bindgen::JsValue::NULL);
        let most = js_sys::Reflect::get(&stats, &"max_concurrent".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        main.print(format!("limit {limit}: {ok} videos in {:.1} s, server saw at most {most} at once", main.now() - start));
    }
}
