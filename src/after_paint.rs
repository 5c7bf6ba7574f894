//! Work put off until the browser has painted the frame being prepared: the parts of the
//! page around the passages are drawn, and take their updates, in tasks of their own (see
//! `state::Stage`), so the passages come first and no one frame holds the whole page.

use std::time::Duration;

use leptos::prelude::*;

/// Runs `f` in a task after the next frame has been painted.
fn after_next_paint(f: impl FnOnce() + 'static) {
    // Animation-frame callbacks run before the frame's style, layout and paint; a task
    // queued from one runs after them. A hidden tab paints no frames: the work waits until
    // the tab is shown.
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// `source`'s value, taken again after the frame that shows a change has been painted.
/// Changes made meanwhile are taken together, as the latest.
pub fn after_paint<T>(source: Memo<T>) -> ReadSignal<T>
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
        after_next_paint(move || {
            // The view that asked may have gone meanwhile.
            let Some(now) = source.try_get_untracked() else {
                return;
            };
            if pending.try_set_value(false).is_some() {
                return;
            }
            if shown.with_untracked(|s| *s != now) {
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
    after_next_paint(move || {
        painted.try_set(true);
    });
    painted.read_only()
}
