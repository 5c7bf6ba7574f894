//! A value that follows another once the browser has painted the frame that changed it:
//! the parts of the page around the passages take their update in a task of their own
//! (see `state::Stage`).

use std::time::Duration;

use leptos::prelude::*;

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
        // Animation-frame callbacks run before the frame's style, layout and paint; a task
        // queued from one runs after them.
        request_animation_frame(move || {
            set_timeout(
                move || {
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
                },
                Duration::ZERO,
            );
        });
    });
    shown.read_only()
}
