//! The page's handle on the workbench, which runs in a Web Worker (`crates/podium-worker`):
//! parsing the reader's documents and assembling them with the embedded corpus never holds
//! the page's main thread, and the page's own wasm carries none of that pipeline.
//!
//! The worker is started when the reader is about to import (the import panel opens, files
//! are dragged over the page), or else on first use. Requests are answered in the order they
//! were sent, so one queue of waiting promises pairs each reply with its request. If the
//! worker fails (it could not be loaded, or it crashed), every waiting and later request gets
//! the reason: the worker's state (the reader's parsed documents) went with it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use podium_core::workbench::{Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, MessageEvent, Worker};

/// Where the worker's loader is, beside `index.html` (Trunk's `data-loader-shim`); the
/// single-file build sets `window.podiumWorkerUrl` to a `blob:` URL instead.
const LOADER: &str = "podium-worker_loader.js";

#[derive(Clone, Default)]
pub struct Workbench(Rc<RefCell<Option<Connection>>>);

struct Connection {
    worker: Worker,
    /// The worker said it is ready and has the embedded corpus.
    started: bool,
    /// Requests made before that.
    unsent: Vec<Uint8Array>,
    /// The resolve and reject functions of the requests sent, oldest first.
    waiting: VecDeque<(Function, Function)>,
    failed: Option<String>,
}

impl Workbench {
    /// Whether the worker was started, and so may hold the reader's documents.
    pub fn started(&self) -> bool {
        self.0.borrow().is_some()
    }

    /// Starts the worker before its first request, when the reader is about to import.
    /// Loading and compiling its module and decoding the corpus keep a core busy for a few
    /// hundred milliseconds; on a two-core machine, done during the import, that held up the
    /// page's frames.
    pub fn warm(&self) {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            // A worker that cannot be created is tried again, and the reason shown, on the
            // first request.
            *slot = self.start().ok();
        }
    }

    /// Sends `request` and waits for its reply; an error is a sentence for the reader.
    pub async fn ask(&self, request: &Request) -> Result<Reply, String> {
        let bytes = postcard::to_allocvec(request).map_err(|e| {
            format!("The request could not be encoded for the import worker ({e}).")
        })?;
        let message = Uint8Array::from(bytes.as_slice());
        let mut queued = Ok(());
        let promise = Promise::new(&mut |resolve, reject| {
            queued = self.send(&message, resolve, reject);
        });
        queued?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|e| e.as_string().unwrap_or_else(|| failure("no reason given")))?;
        let bytes = Uint8Array::new(&answer).to_vec();
        postcard::from_bytes::<Result<Reply, String>>(&bytes)
            .map_err(|e| format!("The import worker's reply could not be read ({e})."))?
            .map_err(|e| format!("The import worker could not do it: {e}."))
    }

    fn send(
        &self,
        message: &Uint8Array,
        resolve: Function,
        reject: Function,
    ) -> Result<(), String> {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            *slot = Some(self.start()?);
        }
        let connection = slot.as_mut().expect("started above");
        if let Some(reason) = &connection.failed {
            return Err(reason.clone());
        }
        connection.waiting.push_back((resolve, reject));
        if connection.started {
            post(&connection.worker, message);
        } else {
            connection.unsent.push(message.clone());
        }
        Ok(())
    }

    fn start(&self) -> Result<Connection, String> {
        let url = Reflect::get(&window(), &"podiumWorkerUrl".into())
            .ok()
            .and_then(|u| u.as_string())
            .unwrap_or_else(|| LOADER.into());
        let worker = Worker::new(&url).map_err(|e| failure(&format!("{e:?}")))?;
        let this = self.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            this.received(event.data());
        });
        let this = self.clone();
        let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            // A crash gives an ErrorEvent with a message; a worker whose script fails to load
            // gives a plain Event.
            let message = Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            this.fail(if message.is_empty() {
                format!("{url} could not be loaded")
            } else {
                message
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The worker lives as long as the page; so do its handlers.
        on_message.forget();
        on_error.forget();
        Ok(Connection {
            worker,
            started: false,
            unsent: Vec::new(),
            waiting: VecDeque::new(),
            failed: None,
        })
    }

    fn received(&self, data: JsValue) {
        let mut slot = self.0.borrow_mut();
        let Some(connection) = slot.as_mut() else {
            return;
        };
        if !connection.started {
            // The worker's first message says it is ready for the corpus, then the requests.
            connection.started = true;
            post(&connection.worker, &Uint8Array::from(crate::corpus::blob()));
            for message in connection.unsent.drain(..) {
                post(&connection.worker, &message);
            }
            return;
        }
        if let Some((resolve, _)) = connection.waiting.pop_front() {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    }

    fn fail(&self, reason: String) {
        let mut slot = self.0.borrow_mut();
        let Some(connection) = slot.as_mut() else {
            return;
        };
        let reason = failure(&reason);
        connection.worker.terminate();
        for (_, reject) in connection.waiting.drain(..) {
            let _ = reject.call1(&JsValue::NULL, &reason.as_str().into());
        }
        connection.failed = Some(reason);
    }
}

fn failure(reason: &str) -> String {
    format!("The import worker stopped ({reason}); reload the page to import again.")
}

fn post(worker: &Worker, message: &Uint8Array) {
    // Transferred, not copied: the corpus and a large import are megabytes.
    let _ = worker.post_message_with_transfer(message, &Array::of1(&message.buffer()));
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the page has a window")
}
