//! The reader's documents and corrections, kept in this browser's IndexedDB so they survive a
//! reload and work offline.
//!
//! One database, `podium`, with two object stores: `documents` (`{file, text}`, keyed by file
//! name) and `corrections` (one entry, `all`: the list as postcard bytes, in the order the
//! reader made them, since later corrections win). Every failure becomes a [`StoreError`]
//! sentence naming what failed and the browser's reason (`QuotaExceededError`, private
//! browsing without storage, …), for the page to show: the reader's work stays on screen
//! even when it cannot be saved.

use std::fmt;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use podium_core::corrections::Correction;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "podium";
const VERSION: u32 = 1;
const DOCUMENTS: &str = "documents";
const CORRECTIONS: &str = "corrections";
const ALL: &str = "all";

/// A document the reader imported: its file name (its identity, as for embedded files) and text.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalDocument {
    pub file: String,
    pub text: String,
}

/// What was saved: the reader's documents (by file name) and corrections (in order).
#[derive(Clone, Debug, Default)]
pub struct Saved {
    pub documents: Vec<LocalDocument>,
    pub corrections: Vec<Correction>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoreError(String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StoreError {
    fn new(doing: &str, err: JsValue) -> StoreError {
        // DOMException and Error both have `name` and `message`.
        let field = |k: &str| {
            Reflect::get(&err, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .filter(|s| !s.is_empty())
        };
        let reason = match (field("name"), field("message")) {
            (Some(n), Some(m)) => format!("{n}: {m}"),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => err.as_string().unwrap_or_else(|| "unknown error".into()),
        };
        StoreError(format!(
            "Could not {doing} in this browser's storage ({reason})."
        ))
    }
}

/// Everything saved, or an empty [`Saved`] when nothing was.
pub async fn load() -> Result<Saved, StoreError> {
    let doing = "read your documents";
    let db = open().await.map_err(|e| StoreError::new(doing, e))?;
    let tx = db
        .transaction_with_str_sequence(&Array::of2(&DOCUMENTS.into(), &CORRECTIONS.into()))
        .map_err(|e| StoreError::new(doing, e))?;
    db.close();
    let documents = tx
        .object_store(DOCUMENTS)
        .and_then(|s| s.get_all())
        .map_err(|e| StoreError::new(doing, e))?;
    let corrections = tx
        .object_store(CORRECTIONS)
        .and_then(|s| s.get(&ALL.into()))
        .map_err(|e| StoreError::new(doing, e))?;
    let documents = done(&documents)
        .await
        .map_err(|e| StoreError::new(doing, e))?;
    let corrections = done(&corrections)
        .await
        .map_err(|e| StoreError::new(doing, e))?;

    let mut saved = Saved::default();
    for entry in Array::from(&documents).iter() {
        let text = |k: &str| {
            Reflect::get(&entry, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if let (Some(file), Some(text)) = (text("file"), text("text")) {
            saved.documents.push(LocalDocument { file, text });
        }
    }
    if let Some(bytes) = corrections.dyn_ref::<Uint8Array>() {
        saved.corrections = postcard::from_bytes(&bytes.to_vec()).map_err(|e| {
            StoreError(format!(
                "Your saved corrections could not be read ({e}); they were made by another \
                 version of Podium. New corrections will replace them."
            ))
        })?;
    }
    Ok(saved)
}

/// Saves documents, replacing any of the same file name.
pub async fn put_documents(documents: Vec<LocalDocument>) -> Result<(), StoreError> {
    let doing = "save your documents";
    write(DOCUMENTS, doing, |store| {
        put_from(store.clone(), documents.into_iter())
    })
    .await
}

/// About how much text one task hands to IndexedDB: the browser copies each entry when it
/// is put, and a large import's texts copied in one task held the page for over a frame.
const BATCH_BYTES: usize = 16 * 1024;

/// Puts `documents` a batch at a time, each batch once the last request of the one before
/// has succeeded: its transaction stays open for requests made in its callbacks.
fn put_from(
    store: IdbObjectStore,
    mut documents: std::vec::IntoIter<LocalDocument>,
) -> Result<(), JsValue> {
    let mut bytes = 0;
    let mut last = None;
    for d in documents.by_ref() {
        let entry = Object::new();
        Reflect::set(&entry, &"file".into(), &d.file.as_str().into())?;
        Reflect::set(&entry, &"text".into(), &d.text.as_str().into())?;
        last = Some(store.put(&entry)?);
        bytes += d.text.len();
        if bytes >= BATCH_BYTES {
            break;
        }
    }
    if let Some(request) = last.filter(|_| documents.len() > 0) {
        let next = Closure::once_into_js(move || {
            // A failure now cannot reach `write`: abort, so the transaction fails instead of
            // committing only the first batches.
            if put_from(store.clone(), documents).is_err() {
                let _ = store.transaction().abort();
            }
        });
        request.set_onsuccess(Some(next.unchecked_ref()));
    }
    Ok(())
}

pub async fn remove_document(file: &str) -> Result<(), StoreError> {
    write(DOCUMENTS, "remove the document", |store| {
        store.delete(&file.into()).map(drop)
    })
    .await
}

/// Removes every saved document and correction.
pub async fn clear() -> Result<(), StoreError> {
    write(DOCUMENTS, "remove your documents", |s| s.clear().map(drop)).await?;
    write(CORRECTIONS, "remove your corrections", |s| {
        s.clear().map(drop)
    })
    .await
}

/// Saves the whole list of corrections (it is small: one entry per change).
pub async fn put_corrections(corrections: &[Correction]) -> Result<(), StoreError> {
    let bytes = postcard::to_allocvec(corrections).map_err(|e| StoreError(e.to_string()))?;
    write(CORRECTIONS, "save your corrections", |store| {
        store
            .put_with_key(&Uint8Array::from(bytes.as_slice()), &ALL.into())
            .map(drop)
    })
    .await
}

/// Runs `fill` in a read-write transaction on `store` and waits until it is committed.
async fn write(
    store: &str,
    doing: &str,
    fill: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
) -> Result<(), StoreError> {
    let fail = |e| StoreError::new(doing, e);
    let db = open().await.map_err(fail)?;
    let tx = db
        .transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    // Closing lets the transaction finish, then frees the connection.
    db.close();
    fill(&tx.object_store(store).map_err(fail)?).map_err(fail)?;
    // Quota errors surface when the transaction commits, not when a put is queued.
    let committed = Promise::new(&mut |resolve, reject| {
        // A failed request or commit aborts the transaction, with the reason on it.
        let aborted = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let _ = reject.call1(
                &JsValue::NULL,
                &aborted.error().map_or(JsValue::NULL, Into::into),
            );
        });
        tx.set_oncomplete(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(committed).await.map(drop).map_err(fail)
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DATABASE, VERSION)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let names = db.object_store_names();
            if !names.contains(DOCUMENTS) {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("file"));
                let _ = db.create_object_store_with_optional_parameters(DOCUMENTS, &params);
            }
            if !names.contains(CORRECTIONS) {
                let _ = db.create_object_store(CORRECTIONS);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
}

/// The result of a request, once it succeeds.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let settled = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let failed = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::NULL));
            })
            .unchecked_ref(),
        ));
        request.set_onerror(Some(
            Closure::once_into_js(move || {
                let error = failed.error().ok().flatten();
                let _ = reject.call1(&JsValue::NULL, &error.map_or(JsValue::NULL, Into::into));
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(settled).await
}
