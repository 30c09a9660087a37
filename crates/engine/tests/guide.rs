//! The teachers' guide lists what Awaitlab supports; the list is generated from the engine
//! itself and this test fails when the two drift apart (it prints the block to paste).

use awaitlab_engine::{run_virtual, supported_modules, RunConfig};

fn supported_block() -> String {
    let mut block = String::from("<!-- supported:start (generated: crates/engine/tests/guide.rs) -->\n");
    block.push_str(&format!("Modules: {}.\n\n", supported_modules().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")));
    for module in ["asyncio", "aiohttp", "requests", "time", "random", "math", "json"] {
        let src = format!("import {module}\nprint(', '.join(n for n in dir({module}) if not n.startswith('_')))\n");
        let r = run_virtual(&src, &RunConfig::default());
        assert_eq!(r.stderr(), "");
        let names: Vec<String> = r.stdout().trim().split(", ").map(|n| format!("`{n}`")).collect();
        block.push_str(&format!("- `{module}`: {}\n", names.join(", ")));
    }
    block.push_str("<!-- supported:end -->");
    block
}

#[test]
fn the_guide_lists_exactly_what_the_engine_provides() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/guide.md")).expect("docs/guide.md");
    let block = supported_block();
    let start = guide.find("<!-- supported:start").expect("the guide has a supported block");
    let end = guide.find("<!-- supported:end -->").expect("the block ends") + "<!-- supported:end -->".len();
    assert!(guide[start..end] == block, "docs/guide.md is out of date; replace its supported block with:\n\n{block}\n");
}
