//! Work put off until the browser has painted the frame being prepared: the parts of the
//! page around the passages are drawn, and take their updates, in tasks of their own (see
//! `state::Stage`), so the passages come first and no one frame holds the whole page.

use std::time::Duration;

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Runs `f` in a task after the next frame has been painted, with the time that frame
/// started: its vsync, which the next frame's deadline counts from, even when the main
/// thread was busy then and the frame's callbacks ran late.
fn after_next_paint(f: impl FnOnce(f64) + 'static) {
    // Animation-frame callbacks run before the frame's style, layout and paint; a task
    // queued from one runs after them. A hidden tab paints no frames: the work waits until
    // the tab is shown.
    let callback = Closure::once_into_js(move |started: f64| {
        set_timeout(move || f(started), Duration::ZERO);
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// How long [`next_paint`] waits for a frame that does not come.
const NO_FRAME: Duration = Duration::from_millis(100);

/// Paces long work on the main thread: [`Pace::step`] between two of its steps lets the
/// browser paint a frame once the work since the last one has taken the budget, so no frame
/// waits for more than about a budget of it, and a short job goes straight through.
/// [`Pace::paint`] after a step that changes the page gives that change a frame of its own.
/// The budget counts from the start of the last frame, its vsync, so the browser's own style,
/// layout and paint of a change count too, and so does any task that kept the frame from
/// starting on time (a key press the reader typed meanwhile): after a frame that took the
/// budget, the next step waits for one more. (A frame's callbacks can run tens of
/// milliseconds after its vsync on a busy machine: counted from them, a step took a whole
/// budget past the next frame's deadline.)
///
/// Queued tasks (`setTimeout(0)`) are not enough: Chromium ran the steps of a large import
/// back to back for 100 ms and more without painting.
pub struct Pace {
    budget_ms: f64,
    since: f64,
}

impl Pace {
    /// Starts counting now. `budget_ms` of work a frame leaves the rest of the frame (16.7 ms
    /// at 60 Hz) for the browser to render it.
    pub fn new(budget_ms: f64) -> Pace {
        Pace {
            budget_ms,
            since: now(),
        }
    }

    /// Waits for the next painted frame if this frame's budget is spent.
    pub async fn step(&mut self) {
        if now() - self.since > self.budget_ms {
            self.paint().await;
        }
    }

    /// Waits for the next painted frame.
    pub async fn paint(&mut self) {
        self.since = next_paint().await;
    }
}

/// Milliseconds since the page started.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a task after the next frame has been painted, with the time that frame
/// started. A hidden tab paints no frames; there it resolves after [`NO_FRAME`] (or as soon
/// as the browser runs timers there), with the time then, so the work that waits still ends.
async fn next_paint() -> f64 {
    let promise = Promise::new(&mut |resolve, _| {
        let fallback = resolve.clone();
        after_next_paint(move |started| {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from(started));
        });
        set_timeout(
            move || {
                let _ = fallback.call1(&JsValue::NULL, &JsValue::from(now()));
            },
            NO_FRAME,
        );
    });
    let started = JsFuture::from(promise).await.ok();
    started.and_then(|t| t.as_f64()).unwrap_or_else(now)
}

/// `source`'s value, taken again after the frame that shows a change has been painted.
/// Changes made meanwhile are taken together, as the latest. `stage` names the user-timing
/// mark of the task that takes a change (`podium:stage-{stage}`).
pub fn after_paint<T>(source: Memo<T>, stage: &'static str) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let shown = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        source.track();
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        after_next_paint(move |_| {
            // The view that asked may have gone meanwhile.
            let Some(now) = source.try_get_untracked() else {
                return;
            };
            if pending.try_set_value(false).is_some() {
                return;
            }
            if shown.with_untracked(|s| *s != now) {
                crate::marks::mark(&format!("stage-{stage}"));
                shown.set(now);
            }
        });
    });
    shown.read_only()
}

/// False until the frame being prepared has been painted: a part of the page drawn only
/// then does not hold up the first passages.
pub fn painted() -> ReadSignal<bool> {
    let painted = RwSignal::new(false);
    after_next_paint(move |_| {
        painted.try_set(true);
    });
    painted.read_only()
}
