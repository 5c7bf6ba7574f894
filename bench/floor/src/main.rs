//! The smallest useful Leptos CSR app: a counter. Podium's size is compared to this.
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <main>
            <h1>"Floor"</h1>
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            <p id="count">{count}</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
