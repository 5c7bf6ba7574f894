//! Podium's Web Worker: the reader's documents are parsed and assembled here, so the page
//! keeps painting while a long import runs ([`podium_core::workbench`] does the work).
//!
//! The protocol, all messages `Uint8Array`s:
//! - the worker says it is ready with an empty message, once its wasm has started (a
//!   message posted before that would be lost);
//! - the page's first message is the embedded corpus blob, as `build.rs` wrote it;
//! - every later message is a postcard [`Request`], answered in order by a postcard
//!   `Result<Reply, String>`.

use js_sys::Uint8Array;
use podium_core::corpus::Bundle;
use podium_core::workbench::{Reply, Request, Workbench};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let mut bench: Option<Result<Workbench, String>> = None;
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = Uint8Array::new(&event.data()).to_vec();
        let reply = match &mut bench {
            None => {
                bench = Some(open(&bytes));
                return;
            }
            Some(Err(e)) => Err(e.clone()),
            Some(Ok(bench)) => postcard::from_bytes::<Request>(&bytes)
                .map(|request| bench.handle(request))
                .map_err(|e| format!("the page sent a request the worker cannot read ({e})")),
        };
        post(&reply_to, &reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: so does its handler.
    on_message.forget();
    let _ = scope.post_message(&Uint8Array::new_with_length(0));
}

fn open(blob: &[u8]) -> Result<Workbench, String> {
    let bundle: Bundle = postcard::from_bytes(blob)
        .map_err(|e| format!("the page's corpus could not be read in the worker ({e})"))?;
    Workbench::open(&bundle)
        .map_err(|e| format!("the page's own documents could not be parsed again: {e}"))
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Result<Reply, String>) {
    let bytes = postcard::to_allocvec(reply).unwrap_or_else(|e| {
        postcard::to_allocvec(&Err::<Reply, _>(format!(
            "the reply could not be encoded ({e})"
        )))
        .unwrap_or_default()
    });
    let array = Uint8Array::from(bytes.as_slice());
    // Transferred, not copied: a corpus of thousands of documents is megabytes.
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = scope.post_message_with_transfer(&array, &transfer);
}
