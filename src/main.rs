//! Podium's browser app: mounts the view; everything else lives in the modules below.
//!
//! - [`corpus`] decodes the corpus that `build.rs` embedded, once.
//! - [`app`] holds the components, each named after what the reader sees.

mod app;
mod corpus;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
