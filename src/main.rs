//! Podium's browser app: mounts the view; everything else lives in the modules below.
//!
//! - [`corpus`] decodes the corpus that `build.rs` embedded, once, and builds its catalog.
//! - [`state`] holds the view (synced with the URL by [`url_sync`]) and what derives from it.
//! - [`app`] lays out the page from [`components`], each named after what the reader sees.
//! - [`panic`] turns a crash into a visible banner with a Reload action.

mod after_paint;
mod app;
mod components;
mod corpus;
mod desk;
mod library;
mod marks;
mod panic;
mod shelf;
mod sort;
mod state;
mod store;
mod url_sync;
mod workbench;

fn main() {
    panic::install();
    let test_panic = panic::test_requested();
    leptos::mount::mount_to_body(app::App);
    if test_panic {
        panic!("test panic requested by the URL");
    }
}
