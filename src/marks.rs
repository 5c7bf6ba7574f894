//! User-timing marks (`performance.mark("podium:…")`) at the steps of work that can hold the
//! page, so a trace or a benchmark can tell which step a long task or a late frame belongs to
//! (`bench/import-trace.mjs` names tasks by them).

/// Marks `podium:{name}` now; does nothing where there is no Performance API.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(&format!("podium:{name}"));
    }
}
