//! The `inspect --json` contract: stable field names and string enums, speakers and topics
//! by id. Built by hand from the domain model so the model itself stays free of JSON concerns.

use podium_core::{Corpus, Document};
use serde_json::{json, Value};

pub fn corpus(c: &Corpus) -> String {
    let value = json!({
        "documents": c.documents.iter().map(|d| document(c, d)).collect::<Vec<_>>(),
        "speakers": c.speakers.iter().map(|s| json!({
            "id": s.id,
            "name": s.name,
            "role": s.role,
            "kind": s.kind.as_str(),
            "aliases": s.aliases,
        })).collect::<Vec<_>>(),
        "topics": c.topics.iter().map(|t| json!({
            "id": t.id,
            "label": t.label,
            "origin": t.origin.as_str(),
            "parent": t.parent,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).expect("JSON values always serialise")
}

fn document(c: &Corpus, d: &Document) -> Value {
    json!({
        "file": d.file,
        "title": d.title,
        "date": d.date.map(|x| x.to_string()),
        "kind": d.kind.as_str(),
        "source": d.source,
        "passages": d.passages.iter().map(|p| json!({
            "turn": p.turn,
            "speaker": p.speaker.map(|s| c.speaker(s).id.as_str()),
            "reply_to": p.reply_to,
            "mode": p.mode.as_str(),
            "text": d.slice(p.span),
            "start": p.span.start,
            "end": p.span.end,
            "topics": p.topics.iter().map(|&t| c.topic(t).id.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "boilerplate": d.boilerplate.iter().map(|b| json!({
            "text": d.slice(b.span),
            "start": b.span.start,
            "end": b.span.end,
        })).collect::<Vec<_>>(),
        "metadata": d.metadata.iter().map(|m| json!({
            "field": m.field.as_str(),
            "text": d.slice(m.span),
            "start": m.span.start,
            "end": m.span.end,
        })).collect::<Vec<_>>(),
    })
}
