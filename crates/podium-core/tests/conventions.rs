//! Transcripts and articles in conventions the seed documents do not use, written for
//! these tests after real briefings and wire stories.

mod common;

use common::{assert_no_text_lost, build, one, passage_with, speaker_id, turn_speakers, turns};
use podium_core::corpus::{self, Options};
use podium_core::speakers::SpeakerOverride;
use podium_core::{Field, Kind, Mode, SpeakerKind};

const STATE_BRIEFING: &str = "Department Press Briefing\r\n\r\n\
October 13, 2023\r\n\r\n\
MR PRICE: Good afternoon, everyone. I have one item at the top on Kosovo.\r\n\
We urge both sides to return to the dialogue.\r\n\r\n\
QUESTION: Ned, on Kosovo, does the Department see Russian influence?\r\n\r\n\
MR PRICE: We have been clear about that.\r\n\r\n\
(Cross-talk.)\r\n\r\n\
QUESTION (Reuters): And on Ukraine?\r\n\
MR PRICE: Our support for Ukraine is unwavering.\r\n";

#[test]
fn shouted_labels_and_questions_make_a_state_department_transcript() {
    let c = one("briefing.txt", STATE_BRIEFING);
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Transcript);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-10-13"));
    let got = turns(&c, d);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        [
            (0, s("price"), Mode::Speech),
            (1, s("reporter"), Mode::Question),
            (2, s("price"), Mode::Speech),
            (3, s("reporter-reuters"), Mode::Question),
            (4, s("price"), Mode::Speech),
        ]
    );
    assert_eq!(passage_with(d, "unwavering").reply_to, Some(3));
    // The unlabelled second line continues the first turn.
    assert_eq!(passage_with(d, "We urge both sides").turn, 0);
    assert!(d
        .passages
        .iter()
        .all(|p| !d.slice(p.span).contains("Cross-talk")));
    assert_no_text_lost(d);
}

#[test]
fn a_byline_before_the_first_label_is_metadata_and_names_the_labelled_speaker() {
    let c = one(
        "remarks.txt",
        "Remarks to the Press\n\n\
         Antony J. Blinken, Secretary of State\nBrussels, Belgium\nApril 4, 2023\n\n\
         SECRETARY BLINKEN: Good morning.\n\n\
         Q: And on Finland?\n\n\
         SECRETARY BLINKEN: It makes the Alliance stronger.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-04-04"));
    let field_of = |needle: &str| {
        d.metadata
            .iter()
            .find(|m| d.slice(m.span) == needle)
            .map(|m| m.field)
    };
    assert_eq!(
        field_of("Antony J. Blinken, Secretary of State"),
        Some(Field::Byline)
    );
    assert_eq!(field_of("Brussels, Belgium"), Some(Field::Headline));
    let got = turns(&c, d);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        [
            (0, s("antony-j-blinken"), Mode::Speech),
            (1, s("reporter"), Mode::Question),
            (2, s("antony-j-blinken"), Mode::Speech),
        ]
    );
    let blinken = c
        .speakers
        .iter()
        .find(|s| s.id == "antony-j-blinken")
        .unwrap();
    assert_eq!(blinken.name, "Antony J. Blinken");
    assert_eq!(blinken.role.as_deref(), Some("Secretary of State"));
    assert_no_text_lost(d);
}

#[test]
fn the_person_in_the_byline_speaks_the_text_before_the_first_label() {
    let c = one(
        "remarks.txt",
        "Remarks to the Press\n\n\
         Antony J. Blinken, Secretary of State\nBrussels, Belgium\n\n\
         Good morning, everyone. Let me start with Ukraine.\n\n\
         Q: And on Finland?\n\n\
         SECRETARY BLINKEN: It makes the Alliance stronger.\n",
    );
    let d = &c.documents[0];
    let opening = passage_with(d, "Good morning, everyone");
    assert_eq!(speaker_id(&c, opening), Some("antony-j-blinken"));
    assert_eq!(opening.mode, Mode::Speech);
    let answer = passage_with(d, "Alliance stronger");
    assert_eq!(speaker_id(&c, answer), Some("antony-j-blinken"));
    assert_no_text_lost(d);
}

#[test]
fn lines_of_prose_after_the_title_are_not_a_header() {
    // Short lines, but sentences: the transcript's own narration, kept as a passage.
    let c = one(
        "remarks.txt",
        "Remarks to the Press\n\n\
         The Secretary spoke in Brussels.\nHe took two questions.\n\n\
         SECRETARY BLINKEN: Good morning.\n\n\
         Q: And on Finland?\n",
    );
    let d = &c.documents[0];
    let narration = passage_with(d, "He took two questions.");
    assert_eq!((narration.speaker, narration.mode), (None, Mode::Narration));
    assert_no_text_lost(d);
}

#[test]
fn speakers_toml_names_a_surname_only_label() {
    let files = vec![(
        "briefing.txt".to_string(),
        STATE_BRIEFING.as_bytes().to_vec(),
    )];
    let options = Options {
        speakers: vec![SpeakerOverride {
            id: "ned-price".into(),
            name: "Ned Price".into(),
            role: Some("State Department Spokesperson".into()),
            kind: None,
            aliases: vec!["MR PRICE".into(), "Price".into()],
        }],
        ..Options::default()
    };
    let c = corpus::build(&files, &options).unwrap().corpus;
    let s = c
        .speakers
        .iter()
        .find(|s| s.id == "ned-price")
        .expect("override applied");
    assert_eq!(s.role.as_deref(), Some("State Department Spokesperson"));
    assert_eq!(s.kind, SpeakerKind::Official);
    assert!(c.speakers.iter().all(|s| s.id != "price"));
}

const WHITE_HOUSE: &str = "Remarks by President Biden Before Marine One Departure\n\n\
South Lawn\n\n\
THE PRESIDENT:\u{a0}\u{a0}Hello, everybody. We are sending more aid to Ukraine.\n\n\
Q  Mr. President, what about Israel?\n\n\
THE PRESIDENT:  We stand with Israel.\n\n\
Q  And Hamas?\n\n\
THE PRESIDENT:  (Inaudible.)\n\n\
(Laughter.)\n";

#[test]
fn the_president_label_is_the_host_named_in_the_title() {
    let c = one("remarks.txt", WHITE_HOUSE);
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Transcript);
    let got: Vec<_> = turns(&c, d)
        .into_iter()
        .map(|(n, s, m)| (n, s.unwrap(), m))
        .collect();
    assert_eq!(got[0], (0, "biden".to_string(), Mode::Speech));
    assert_eq!(got[1], (1, "reporter".to_string(), Mode::Question));
    assert_eq!(got[2], (2, "biden".to_string(), Mode::Speech));
    let biden = c.speakers.iter().find(|s| s.id == "biden").unwrap();
    assert_eq!(biden.role.as_deref(), Some("President"));
    assert_no_text_lost(d);
}

const PANEL: &str = "Panel on European security at the Brussels Forum\n\n\
Moderator: Welcome. Let me start with you, Minister.\n\n\
Anna Lindqvist: Thank you. Security in Europe is indivisible.\n\
Jane Smith: I agree with the Minister. KFOR must stay.\n\n\
Moderator: We have time for questions. Next, Maria Lopez from Reuters.\n\n\
Question: Minister, will you send more troops?\n\n\
Anna Lindqvist: We are considering it.\n\n\
Jane Doe, AFP: A follow-up on that?\n\n\
Anna Lindqvist: No more today.\n";

#[test]
fn mixed_case_names_and_introduced_questioners() {
    let c = one("panel.txt", PANEL);
    let d = &c.documents[0];
    let got: Vec<_> = turns(&c, d)
        .into_iter()
        .map(|(_, s, m)| (s.unwrap(), m))
        .collect();
    let expect = [
        ("moderator", Mode::Speech),
        ("anna-lindqvist", Mode::Speech),
        ("jane-smith", Mode::Speech),
        ("moderator", Mode::Speech),
        ("maria-lopez", Mode::Question),
        ("anna-lindqvist", Mode::Speech),
        ("jane-doe", Mode::Question),
        ("anna-lindqvist", Mode::Speech),
    ];
    let got: Vec<(&str, Mode)> = got.iter().map(|(s, m)| (s.as_str(), *m)).collect();
    assert_eq!(got, expect);
    // A label with no blank line before it still opens a turn.
    assert_eq!(passage_with(d, "KFOR must stay").turn, 2);
    let maria = c.speakers.iter().find(|s| s.id == "maria-lopez").unwrap();
    assert_eq!(maria.kind, SpeakerKind::Journalist);
    let jane = c.speakers.iter().find(|s| s.id == "jane-doe").unwrap();
    assert_eq!(jane.kind, SpeakerKind::Journalist);
    // The moderator's turns answer nothing; answers answer the last question.
    assert_eq!(passage_with(d, "We have time for questions").reply_to, None);
    assert_eq!(passage_with(d, "We are considering it").reply_to, Some(4));
    assert_no_text_lost(d);
}

const WIRE: &str = "NATO chief urges calm in Kosovo\n\n\
By Jane Smith\n\n\
BRUSSELS, Oct 13, 2023 (Reuters) - NATO Secretary General Jens Stoltenberg said on Friday that the alliance would keep its troops in Kosovo.\n\n\
\"We will do what is necessary to keep the peace,\" Stoltenberg told reporters. He added that both sides must return to talks.\n\n\
\"There is no alternative to dialogue.\"\n\n\
Serbian President Aleksandar Vucic, speaking in Belgrade, said his country had no plans for escalation.\n\n\
According to Vucic, the troops near the border were on a routine exercise.\n\n\
The alliance calls the deployment a \"prudent step\".\n";

#[test]
fn a_wire_story_with_dateline_byline_quotes_and_reported_speech() {
    let c = one("wire.txt", WIRE);
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Article);
    assert_eq!(d.source.as_deref(), Some("Reuters"));
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-10-13"));
    let fields: Vec<&str> = d.metadata.iter().map(|m| m.field.as_str()).collect();
    assert!(
        fields.contains(&"byline") && fields.contains(&"dateline"),
        "{fields:?}"
    );

    let p = passage_with(d, "would keep its troops");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Reported, Some("jens-stoltenberg"))
    );
    let p = passage_with(d, "We will do what is necessary");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Quote, Some("jens-stoltenberg"))
    );
    let p = passage_with(d, "both sides must return");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Reported, Some("jens-stoltenberg"))
    );
    // A quotation with no cue right after an attributed one continues that speaker.
    let p = passage_with(d, "no alternative to dialogue");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Quote, Some("jens-stoltenberg"))
    );
    let p = passage_with(d, "no plans for escalation");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Reported, Some("aleksandar-vucic"))
    );
    let vucic = c
        .speakers
        .iter()
        .find(|s| s.id == "aleksandar-vucic")
        .unwrap();
    assert_eq!(vucic.role.as_deref(), Some("Serbian President"));
    let p = passage_with(d, "routine exercise");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Reported, Some("aleksandar-vucic"))
    );
    let p = passage_with(d, "prudent step");
    assert_eq!((p.mode, p.speaker), (Mode::Narration, None));
    assert_no_text_lost(d);
}

const FEATURE: &str = "Kosovo's north on edge\n\n\
Tensions rose again this week.\n\n\
Vjosa Osmani, the president of Kosovo, said the attackers had been trained in Serbia. She called for sanctions.\n\n\
“Those responsible must be held to account,” she said.\n\n\
Officials described the attack as “an act of terror”.\n";

#[test]
fn appositions_and_she_find_the_speaker() {
    let c = one("feature.txt", FEATURE);
    let d = &c.documents[0];
    let p = passage_with(d, "trained in Serbia");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Reported, Some("vjosa-osmani"))
    );
    let p = passage_with(d, "held to account");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Quote, Some("vjosa-osmani"))
    );
    let p = passage_with(d, "Tensions rose");
    assert_eq!((p.mode, p.speaker), (Mode::Narration, None));
    assert_no_text_lost(d);
}

#[test]
fn the_same_person_across_documents_is_one_speaker() {
    let built = build(&[
        ("wire.txt", WIRE),
        ("remarks.txt", WHITE_HOUSE),
        ("panel.txt", PANEL),
    ]);
    let ids: Vec<&str> = built
        .corpus
        .speakers
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    for d in &built.corpus.documents {
        assert_no_text_lost(d);
    }
}

#[test]
fn unreadable_files_are_errors_that_name_file_and_place() {
    let bad = vec![
        ("empty.txt".to_string(), b"  \n\t\n".to_vec()),
        ("binary.txt".to_string(), b"Title\n\nok\n\0\x01".to_vec()),
        (
            "latin1.txt".to_string(),
            b"Title\n\nCaf\xe9 au lait".to_vec(),
        ),
    ];
    let errors = corpus::build(&bad, &Options::default()).unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), 3);
    assert!(
        shown[0].starts_with("binary.txt:4: binary data"),
        "{shown:?}"
    );
    assert!(
        shown[1].starts_with("empty.txt:1: empty document"),
        "{shown:?}"
    );
    assert!(
        shown[2].starts_with("latin1.txt:3: invalid UTF-8 at byte 10"),
        "{shown:?}"
    );
}

#[test]
fn a_document_over_the_size_limit_is_refused_with_a_clear_message() {
    let huge = vec![b'a'; corpus::MAX_DOCUMENT_BYTES + 1];
    let errors = corpus::build(&[("huge.txt".to_string(), huge)], &Options::default()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "huge.txt:1: document is 24 MB; Podium reads documents up to 24 MB: split it into documents"
    );
}

#[test]
fn warnings_name_undated_documents_and_unresolved_labels() {
    let text =
        "Briefing\n\nSPOKESPERSON: Good morning.\n\nQUESTION: Any news?\n\nSPOKESPERSON: None.";
    let built = build(&[("b.txt", text)]);
    let shown: Vec<String> = built.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|w| w.starts_with("b.txt:3: warning: label `SPOKESPERSON` names no person")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|w| w.starts_with("b.txt:1: warning: no date found")),
        "{shown:?}"
    );
    // Once, where the label first occurs, with the other lines it occurs at.
    let label: Vec<&String> = shown
        .iter()
        .filter(|w| w.contains("SPOKESPERSON"))
        .collect();
    assert_eq!(label.len(), 1, "{shown:?}");
    assert!(
        label[0].ends_with("speakers.toml (also at line 7)"),
        "{label:?}"
    );
}

#[test]
fn a_label_found_at_many_turns_is_one_warning_that_says_where() {
    let mut text = String::from("Debate\n\n13 October 2023\n");
    for i in 1..=8 {
        text.push_str(&format!(
            "\nMr Speaker: Order.\n\nMr John Smith (Bath) (LD): Thank you, {i}.\n"
        ));
    }
    let built = build(&[("debate.txt", &text)]);
    let shown: Vec<String> = built.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        shown,
        [
            "debate.txt:5: warning: label `Mr Speaker` names no person; map it to a name in \
          speakers.toml (also at lines 9, 13, 17, 21, 25 and 2 more)"
        ],
    );
}

#[test]
fn a_shouted_label_is_not_an_acronym_so_the_name_reads_as_a_name() {
    // "PRICE" is written in capitals only in its labels; KFOR is in capitals in prose.
    let c = one(
        "briefing.txt",
        "Press Briefing\n\nMarch 3, 2022\n\nMR. PRICE: We support KFOR.\n\n\
         QUESTION: On KFOR?\n\nMR. PRICE: Yes.\n",
    );
    let d = &c.documents[0];
    let price = d.passages[0].speaker.expect("attributed");
    assert_eq!(c.speaker(price).name, "Price");
}

#[test]
fn an_article_s_byline_and_date_on_consecutive_lines_are_metadata() {
    let c = one(
        "finland.md",
        "Finland joins NATO\n\n\
         By Anna Writer\nApril 4, 2023\n\n\
         Finland became the 31st member of NATO on Tuesday, Jens Stoltenberg said.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Article);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-04-04"));
    let byline = d
        .metadata
        .iter()
        .find(|m| d.slice(m.span) == "By Anna Writer")
        .expect("the byline is metadata");
    assert_eq!(byline.field, Field::Byline);
    assert!(d.passages.iter().all(|p| !d.slice(p.span).contains("Anna")));
    assert!(c.speakers.iter().all(|s| s.name != "Anna Writer"));
    assert_no_text_lost(d);
}

const WHITE_HOUSE_PLAIN: &str = "Press Briefing by Press Secretary Karine Jean-Pierre\n\n\
James S. Brady Press Briefing Room\n\n\
1:32 P.M. EDT\n\n\
MS. JEAN-PIERRE: Good afternoon, everyone. I have one thing at the top.\n\n\
Q Thanks, Karine. On Ukraine, how long can this go on?\n\n\
MS. JEAN-PIERRE: We will support Ukraine for as long as it takes.\n\n\
Q And on the border?\n\n\
MS. JEAN-PIERRE: I'm not going to get ahead of the President.\n\n\
Q Does the President plan to travel?\n\n\
MS. JEAN-PIERRE: I don't have anything to share on his schedule.\n\n\
Q Karine, one more on Ukraine —\n\n\
MS. JEAN-PIERRE: Go ahead.\n\n\
Q — what about the aid package?\n\n\
MS. JEAN-PIERRE: It is moving.\n\n\
END 2:15 P.M. EDT\n";

#[test]
fn a_white_house_transcript_copied_as_plain_text_keeps_its_questions_and_times() {
    let c = one("briefing.txt", WHITE_HOUSE_PLAIN);
    let d = &c.documents[0];
    let got: Vec<_> = turns(&c, d)
        .into_iter()
        .map(|(_, s, m)| (s.unwrap(), m))
        .collect();
    let host = || ("karine-jean-pierre".to_string(), Mode::Speech);
    let asks = || ("reporter".to_string(), Mode::Question);
    // One reporter throughout: "…ahead of the President" introduces no questioner from an
    // outlet named "President".
    // A question broken off and taken up again after a dash is the reporter's, not the
    // host's.
    assert_eq!(
        got,
        [
            host(),
            asks(),
            host(),
            asks(),
            host(),
            asks(),
            host(),
            asks(),
            host(),
            asks(),
            host()
        ]
    );
    assert_eq!(
        d.slice(passage_with(d, "aid package").span),
        "— what about the aid package?"
    );
    let timestamps: Vec<&str> = d
        .metadata
        .iter()
        .filter(|m| m.field == Field::Timestamp)
        .map(|m| d.slice(m.span))
        .collect();
    assert_eq!(timestamps, ["1:32 P.M. EDT", "END 2:15 P.M. EDT"]);
    assert_no_text_lost(d);
}

#[test]
fn a_role_then_a_name_in_apposition_is_that_named_person() {
    let c = one(
        "wire.txt",
        "Serbia denies role in Kosovo clash\n\n\
         Serbia has denied any involvement. Its president, Aleksandar Vucic, told reporters \
         in Belgrade that the accusations were lies.\n",
    );
    let d = &c.documents[0];
    let p = passage_with(d, "told reporters");
    assert_eq!(speaker_id(&c, p), Some("aleksandar-vucic"));
    assert_eq!(p.mode, Mode::Reported);
    let vucic = c
        .speakers
        .iter()
        .find(|s| s.id == "aleksandar-vucic")
        .unwrap();
    assert_eq!(vucic.role.as_deref(), Some("President"));
}

const BACKGROUND_CALL: &str = "Senior State Department Official On the Secretary's Travel\n\n\
Special Briefing\nOffice of the Spokesperson\nVia Teleconference\n\n\
MODERATOR: Thank you for joining us. Our briefer is a senior State Department official.\n\n\
SENIOR STATE DEPARTMENT OFFICIAL: Thanks very much. The Secretary travels tomorrow.\n\n\
MODERATOR: Our first question goes to Shaun Tandon of AFP.\n\n\
QUESTION: Hi, thanks for doing this. Will the Secretary meet the Serbian president?\n\n\
SENIOR STATE DEPARTMENT OFFICIAL: No meeting is planned.\n\n\
MODERATOR: Next, let's go to the line of Humeyra Pamuk from Reuters.\n\n\
QUESTION: Thank you. On Kosovo, any message?\n\n\
SENIOR STATE DEPARTMENT OFFICIAL: De-escalate.\n";

#[test]
fn a_background_call_names_questioners_the_moderator_introduces_and_keeps_the_briefer_anonymous() {
    let c = one("call.txt", BACKGROUND_CALL);
    let d = &c.documents[0];
    let got: Vec<_> = turns(&c, d)
        .into_iter()
        .map(|(_, s, m)| (s.unwrap(), m))
        .collect();
    let who: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        who,
        [
            "moderator",
            "senior-state-department-official",
            "moderator",
            "shaun-tandon",
            "senior-state-department-official",
            "moderator",
            "humeyra-pamuk",
            "senior-state-department-official",
        ]
    );
    let briefer = c
        .speakers
        .iter()
        .find(|s| s.id == "senior-state-department-official")
        .unwrap();
    // Words of a shouted label are not acronyms: no "SENIOR STATE".
    assert_eq!(briefer.name, "Senior State Department Official");
    let tandon = c.speakers.iter().find(|s| s.id == "shaun-tandon").unwrap();
    assert_eq!(tandon.kind, SpeakerKind::Journalist);
    assert_no_text_lost(d);
}

const UN_NOON_BRIEFING: &str = "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n\
The following is a near-verbatim transcript of today's noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General.\n\n\
Good afternoon. I will start with Ukraine.\n\n\
The Secretary-General is deeply concerned about the attacks on civilian infrastructure.\n\n\
Question: Stéphane, on Ukraine, has the Secretary-General spoken to President Zelenskyy?\n\n\
Spokesman: He spoke to him yesterday.\n\n\
Question: And on Gaza?\n\n\
Spokesman: We continue to call for humanitarian access.\n";

#[test]
fn an_editors_note_names_the_host_whose_role_is_the_label() {
    let c = one("noon.txt", UN_NOON_BRIEFING);
    let d = &c.documents[0];
    let note = d
        .metadata
        .iter()
        .find(|m| d.slice(m.span).starts_with("The following is"))
        .expect("the note is metadata");
    assert_eq!(note.field, Field::Note);
    let who: Vec<(String, Mode)> = turns(&c, d)
        .into_iter()
        .map(|(_, s, m)| (s.unwrap(), m))
        .collect();
    let host = ("stephane-dujarric".to_string(), Mode::Speech);
    let asks = ("reporter".to_string(), Mode::Question);
    assert_eq!(who, [host.clone(), asks.clone(), host.clone(), asks, host]);
    // The opening statement is his, and "start with Ukraine" names no reporter from it.
    assert_eq!(
        speaker_id(&c, passage_with(d, "start with Ukraine")),
        Some("stephane-dujarric")
    );
    assert!(c.speakers.iter().all(|s| !s.name.contains("Ukraine")));
    let host = c
        .speakers
        .iter()
        .find(|s| s.id == "stephane-dujarric")
        .unwrap();
    assert_eq!(
        host.role.as_deref(),
        Some("Spokesman for the Secretary-General")
    );
    assert_no_text_lost(d);
}

#[test]
fn a_note_that_is_the_first_words_of_a_statement_names_no_host() {
    // Prose before the first label that is not about the document keeps its narration.
    let c = one(
        "statement.txt",
        "Briefing\n\nThis briefing was moderated by Mary Smith, a local teacher; transcript \
         provided by Federal News Service.\n\nMODERATOR: Welcome.\n\nQ: A question.\n",
    );
    let d = &c.documents[0];
    let first = passage_with(d, "local teacher");
    assert_eq!(first.mode, Mode::Narration);
    assert_eq!(speaker_id(&c, first), None);
}

#[test]
fn a_briefing_room_header_is_metadata_and_a_dated_title_dates_the_transcript() {
    let c = one(
        "wh.txt",
        "Press Briefing by Press Secretary Karine Jean-Pierre, October 13, 2023\n\n\
         James S. Brady Press Briefing Room\nWashington, D.C.\n\n\
         1:15 P.M. EDT\n\n\
         MS. JEAN-PIERRE: Good afternoon, everybody.\n\n\
         Q: Thank you, Karine. On the border?\n\n\
         MS. JEAN-PIERRE: He has been very clear.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-10-13"));
    assert!(d
        .passages
        .iter()
        .all(|p| !d.slice(p.span).contains("Briefing Room")));
    let got = turns(&c, d);
    assert_eq!(got[0].1.as_deref(), Some("karine-jean-pierre"));
    assert_eq!(got.len(), 3);
    assert_no_text_lost(d);
}

const PENTAGON_BRIEFING: &str =
    "Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder Holds a Press Briefing\n\n\
Nov. 14, 2023\n\n\
BRIG. GEN. PAT RYDER: Good afternoon, everybody. And with that, I'll take your questions. \
Let's go to Lita Baldor, AP.\n\n\
Q: Thanks, General. On the Red Sea, have there been more attacks?\n\n\
GEN. RYDER: Thanks, Lita. We've seen no new attacks since yesterday.\n\n\
Q: Tara Copp with AP. Will the carrier stay?\n\n\
GEN. RYDER: I don't have anything to announce.\n";

#[test]
fn military_ranks_are_roles_and_a_name_comma_outlet_introduces_the_questioner() {
    let c = one("dod.txt", PENTAGON_BRIEFING);
    let d = &c.documents[0];
    let who = turn_speakers(&c, d);
    assert_eq!(
        who,
        [
            "pat-ryder",
            "lita-baldor",
            "pat-ryder",
            "tara-copp",
            "pat-ryder"
        ]
    );
    let lita = c.speakers.iter().find(|s| s.id == "lita-baldor").unwrap();
    assert_eq!(lita.kind, SpeakerKind::Journalist);
    assert_no_text_lost(d);
}

#[test]
fn a_title_with_lowercase_words_after_with_names_no_host() {
    let c = one(
        "kremlin.txt",
        "Meeting with Government members\n\n\
         The President held a meeting with Government members via videoconference.\n\n\
         Vladimir Putin: Good afternoon, colleagues.\n\n\
         Anton Siluanov: Mr President, revenues grew by 10 percent.\n",
    );
    let d = &c.documents[0];
    let first = passage_with(d, "videoconference");
    assert_eq!((first.mode, speaker_id(&c, first)), (Mode::Narration, None));
    assert!(c.speakers.iter().all(|s| s.name != "Government members"));
}

#[test]
fn a_date_line_that_opens_with_a_place_dates_the_article() {
    let c = one(
        "eu.txt",
        "EU leaders back Ukraine accession talks\n\nBrussels, 14 December 2023\n\n\
         European Union leaders agreed on Thursday to open accession negotiations.\n\n\
         \"This is a victory for Ukraine,\" President Volodymyr Zelenskyy wrote on X.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-12-14"));
    assert_eq!(
        speaker_id(&c, passage_with(d, "victory")),
        Some("volodymyr-zelenskyy")
    );
    assert_no_text_lost(d);
}

#[test]
fn an_interviewer_asks_and_a_shouted_name_keeps_its_accented_letters() {
    let c = one(
        "niinisto.txt",
        "Interview: Finnish President on NATO membership\n\nPublished 4 April 2023\n\n\
         INTERVIEWER: Mr President, what changes for Finland today?\n\n\
         SAULI NIINISTÖ: Our security is now stronger.\n\n\
         INTERVIEWER: Will there be NATO bases in Finland?\n\n\
         SAULI NIINISTÖ: That is not on the table right now.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.title, "Interview: Finnish President on NATO membership");
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        turns(&c, d),
        [
            (0, s("interviewer"), Mode::Question),
            (1, s("sauli-niinisto"), Mode::Speech),
            (2, s("interviewer"), Mode::Question),
            (3, s("sauli-niinisto"), Mode::Speech),
        ]
    );
    assert_eq!(passage_with(d, "on the table").reply_to, Some(2));
    let host = c
        .speakers
        .iter()
        .find(|s| s.id == "sauli-niinisto")
        .unwrap();
    assert_eq!(host.name, "Sauli Niinistö");
    assert_no_text_lost(d);
}

#[test]
fn a_day_between_subject_and_cue_is_no_speaker() {
    let c = one(
        "ap.txt",
        "Zelenskyy urges allies to keep aid flowing\n\nBy The Associated Press\n\n\
         KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy on Monday urged Western \
         allies to keep military aid flowing.\n\n\
         “We cannot afford to wait,” Zelenskyy said in his nightly video address.\n",
    );
    let d = &c.documents[0];
    for needle in ["urged Western", "cannot afford"] {
        assert_eq!(
            speaker_id(&c, passage_with(d, needle)),
            Some("volodymyr-zelenskyy"),
            "{needle}"
        );
    }
    assert!(c.speakers.iter().all(|s| s.name != "Monday"));
    assert_no_text_lost(d);
}

#[test]
fn a_name_that_opens_what_was_said_is_not_the_speaker() {
    let c = one(
        "guardian.txt",
        "Nato chief says Kyiv will join alliance\n\nJennifer Rankin in Vilnius\n\
         Tue 11 Jul 2023 18.21 BST\n\n\
         Nato’s secretary general, Jens Stoltenberg, has said Ukraine will be invited to join \
         the alliance “when allies agree and conditions are met”.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-07-11"));
    assert_eq!(
        speaker_id(&c, passage_with(d, "will be invited")),
        Some("jens-stoltenberg")
    );
    assert!(c.speakers.iter().all(|s| s.id != "ukraine"));
    assert_no_text_lost(d);
}

#[test]
fn a_joint_press_conference_knows_both_hosts_by_surname() {
    let c = one(
        "joint.txt",
        "Joint press conference with Chancellor Olaf Scholz and President Emmanuel Macron\n\n\
         Berlin, 6 June 2023\n\n\
         Chancellor Scholz: Welcome, Emmanuel.\n\n\
         President Macron: Thank you, Olaf. France and Germany stand together.\n\n\
         Question: Hans Müller from ARD. Will you send more tanks?\n\n\
         President Macron: I agree with the Chancellor.\n",
    );
    let d = &c.documents[0];
    let who = turn_speakers(&c, d);
    assert_eq!(
        who,
        [
            "olaf-scholz",
            "emmanuel-macron",
            "hans-muller",
            "emmanuel-macron"
        ]
    );
    assert_no_text_lost(d);
}

#[test]
fn a_short_quotation_before_its_cue_is_a_quote_and_wire_credits_are_metadata() {
    let c = one(
        "wire.txt",
        "Russia says it will respond\n\n\
         MOSCOW, June 6 (Reuters) - Russia will take measures, Deputy Foreign Minister \
         Alexander Grushko said on Tuesday.\n\n\
         \"We will respond,\" Grushko told the RIA news agency.\n\n\
         Reporting by Guy Faulconbridge; Editing by Andrew Osborn\n",
    );
    let d = &c.documents[0];
    let p = passage_with(d, "We will respond");
    assert_eq!(
        (p.mode, speaker_id(&c, p)),
        (Mode::Quote, Some("alexander-grushko"))
    );
    let credits = d
        .metadata
        .iter()
        .find(|m| d.slice(m.span).starts_with("Reporting by"))
        .expect("credits are metadata");
    assert_eq!(credits.field, Field::Byline);
    assert_no_text_lost(d);
}

#[test]
fn a_questioner_after_a_courtesy_and_a_shorter_name_of_the_host() {
    let c = one(
        "fac.txt",
        "Press conference following the Foreign Affairs Council\n\nBrussels, 22 May 2023\n\n\
         Moderator: Good afternoon. The High Representative will make a statement.\n\n\
         Josep Borrell Fontelles, High Representative: Thank you. Today we discussed Ukraine.\n\n\
         Journalist: Thank you. Pavel Ivanov from Interfax. On the ammunition, how many shells?\n\n\
         Josep Borrell: We have delivered 220,000 shells.\n",
    );
    let d = &c.documents[0];
    let who = turn_speakers(&c, d);
    assert_eq!(
        who,
        [
            "moderator",
            "josep-borrell-fontelles",
            "pavel-ivanov",
            "josep-borrell-fontelles"
        ]
    );
    assert_eq!(passage_with(d, "220,000").reply_to, Some(2));
    assert_no_text_lost(d);
}

#[test]
fn a_french_date_line_dates_the_transcript() {
    let c = one(
        "elysee.txt",
        "Conférence de presse du Président de la République\n\nParis, le 14 juillet 2023\n\n\
         LE PRÉSIDENT : Mesdames et messieurs, bonjour.\n\n\
         QUESTION : Monsieur le Président, allez-vous dissoudre ?\n\nLE PRÉSIDENT : Non.\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2023-07-14"));
    assert_eq!(passage_with(d, "dissoudre").mode, Mode::Question);
    assert_no_text_lost(d);
}

#[test]
fn a_common_noun_before_the_cue_is_nobody() {
    let c = one(
        "bbc.txt",
        "Ukraine war: Kyiv says counter-offensive is under way\n\n12 June 2023\n\n\
         Hanna Maliar said troops had moved forward. \"The enemy is suffering losses,\" she \
         wrote on Telegram.\n\n\
         Russia's defence ministry claimed it had repelled the attacks.\n",
    );
    let d = &c.documents[0];
    let p = passage_with(d, "repelled");
    assert_eq!((p.mode, speaker_id(&c, p)), (Mode::Narration, None));
    assert!(c.speakers.iter().all(|s| s.name != "ministry"));
    assert_eq!(
        speaker_id(&c, passage_with(d, "suffering losses")),
        Some("hanna-maliar")
    );
    assert_no_text_lost(d);
}

#[test]
fn a_recorded_transcript_with_timestamps_and_numbered_speakers() {
    let c = one(
        "podcast.txt",
        "Episode 12: The war in Ukraine\n\n\
         [00:00:05] Speaker 1: Welcome to the show.\n\n\
         [00:00:12] Speaker 2: Thanks for having me.\n\n\
         [00:00:20] Speaker 1: What happens next?\n",
    );
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Transcript);
    let who = turn_speakers(&c, d);
    assert_eq!(
        who,
        [
            "speaker-1-podcast-txt",
            "speaker-2-podcast-txt",
            "speaker-1-podcast-txt"
        ]
    );
    // The timestamp is part of the label's metadata, not of the passage.
    assert_eq!(
        d.slice(passage_with(d, "Welcome").span),
        "Welcome to the show."
    );
    assert_no_text_lost(d);
}

#[test]
fn an_interview_in_q_and_a_answers_with_the_title_s_interviewee() {
    let text = "Interview with Foreign Minister Annalena Baerbock\n\n13 March 2023\n\n\
                Q. Minister, will Germany deliver more tanks?\n\n\
                A. We are in close contact with our partners.\n\n\
                Q. And fighter jets?\n\nA. That is not on the agenda.\n";
    let c = one("baerbock.txt", text);
    let d = &c.documents[0];
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        turns(&c, d),
        [
            (0, s("reporter"), Mode::Question),
            (1, s("annalena-baerbock"), Mode::Speech),
            (2, s("reporter"), Mode::Question),
            (3, s("annalena-baerbock"), Mode::Speech),
        ]
    );
    assert_eq!(passage_with(d, "agenda").reply_to, Some(2));
    assert_no_text_lost(d);
    // Without a question, "A." is an initial, not an answer.
    let c = one(
        "article.txt",
        "Title\n\nA. Smith said the talks went well.\n\nA. Jones agreed.\n",
    );
    assert_eq!(c.documents[0].kind, Kind::Article);
}

const HANSARD: &str = "Ukraine: Support\nHouse of Commons\nHansard, 14 March 2023\n\n\
Mr Speaker: Order. I remind the House of the sub judice resolution.\n\n\
1. Mr Tobias Ellwood (Bournemouth East) (Con): What recent assessment he has made of the \
military situation in Ukraine.\n\n\
The Secretary of State for Defence (Mr Ben Wallace): The situation remains difficult.\n\n\
Mr Ellwood: I thank the Secretary of State. Will the tanks arrive this spring?\n\n\
Mr Wallace: They will be in Ukraine before the summer.\n\n\
John Healey (Wentworth and Dearne) (Lab): When will the Government publish its review?\n\n\
The Minister for Armed Forces (James Heappey): Later this week.\n";

#[test]
fn hansard_names_a_minister_in_brackets_after_the_office_and_numbers_questions() {
    let c = one("hansard.txt", HANSARD);
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Transcript);
    // A headline that opens like a label, over the rest of the header, is the title.
    assert_eq!(d.title, "Ukraine: Support");
    assert_eq!(
        turn_speakers(&c, d),
        [
            "speaker",
            "tobias-ellwood",
            "ben-wallace",
            "tobias-ellwood",
            "ben-wallace",
            "john-healey",
            "james-heappey"
        ]
    );
    let role = |id: &str| {
        let s = c.speakers.iter().find(|s| s.id == id).unwrap();
        s.role.clone()
    };
    assert_eq!(
        role("ben-wallace").as_deref(),
        Some("Secretary of State for Defence")
    );
    assert_eq!(
        role("james-heappey").as_deref(),
        Some("Minister for Armed Forces")
    );
    // Members put questions, with their seat and party as their role: not reporters, and
    // the brackets are no outlet. The minister's answer replies to the member's question.
    assert_eq!(
        role("tobias-ellwood").as_deref(),
        Some("Member for Bournemouth East (Con)")
    );
    assert_eq!(
        role("john-healey").as_deref(),
        Some("Member for Wentworth and Dearne (Lab)")
    );
    for id in ["tobias-ellwood", "john-healey"] {
        let s = c.speakers.iter().find(|s| s.id == id).unwrap();
        assert_eq!(s.kind, SpeakerKind::Official, "{id}");
    }
    let question = passage_with(d, "recent assessment");
    assert_eq!(question.mode, Mode::Question);
    assert_eq!(
        passage_with(d, "remains difficult").reply_to,
        Some(question.turn)
    );
    // The member's follow-up, labelled by name alone, is a question too, and answered.
    let follow_up = passage_with(d, "tanks arrive");
    assert_eq!(follow_up.mode, Mode::Question);
    assert_eq!(
        passage_with(d, "before the summer").reply_to,
        Some(follow_up.turn)
    );
    // The question's number and the member's constituency and party are the label's, not
    // what was said.
    assert_eq!(
        d.slice(passage_with(d, "recent assessment").span),
        "What recent assessment he has made of the military situation in Ukraine."
    );
    assert_no_text_lost(d);
}

#[test]
fn a_numbered_list_of_headings_is_not_a_transcript() {
    let c = one(
        "plan.txt",
        "The plan\n\n1. Next steps: the allies meet in June.\n\n\
         2. Funding: the budget grows by two percent.\n",
    );
    assert_eq!(c.documents[0].kind, Kind::Article);
    assert!(c.speakers.iter().all(|s| s.name != "Next steps"));
}

#[test]
fn numbered_speakers_of_two_recordings_are_not_one_person() {
    let episode = |n: u32| {
        format!("Episode {n}\n\n[00:00:05] Speaker 1: Welcome.\n\n[00:00:12] Speaker 2: Thanks.\n")
    };
    let hansard = "Questions\n\nMr Speaker: Order.\n\nJohn Healey (Lab): A question.\n";
    let c = build(&[
        ("ep12.txt", episode(12).as_str()),
        ("ep13.txt", episode(13).as_str()),
        ("hansard.txt", hansard),
    ])
    .corpus;
    let named: Vec<&str> = c.speakers.iter().map(|s| s.name.as_str()).collect();
    for name in [
        "Speaker 1 (ep12.txt)",
        "Speaker 2 (ep12.txt)",
        "Speaker 1 (ep13.txt)",
        "Speaker 2 (ep13.txt)",
    ] {
        assert!(named.contains(&name), "{name} in {named:?}");
    }
    // Hansard's Speaker is no numbered speaker of a recording.
    let speaker = &c.documents[2].passages[0];
    assert_eq!(speaker_id(&c, speaker), Some("speaker"));
}

const LORDS: &str = "Ukraine: Military Aid\nHouse of Lords\nHansard, 21 March 2023\n\n\
Baroness Smith of Basildon (Lab): To ask His Majesty's Government when the tanks arrive.\n\n\
The Minister of State, Ministry of Defence (Baroness Goldie) (Con): My Lords, in weeks.\n\n\
Lord Ahmad of Wimbledon (Con): My Lords, will training finish this spring?\n\n\
Baroness Goldie (Con): My Lords, it will.\n\n\
The Earl of Minto (Con): My Lords, are the allies united?\n\n\
Baroness Goldie: They are.\n";

#[test]
fn the_lords_name_peers_by_title_and_their_minister_answers() {
    let c = one("lords.txt", LORDS);
    let d = &c.documents[0];
    assert_eq!(
        turn_speakers(&c, d),
        [
            "baroness-smith-of-basildon",
            "baroness-goldie",
            "lord-ahmad-of-wimbledon",
            "baroness-goldie",
            "earl-of-minto",
            "baroness-goldie"
        ]
    );
    let speaker = |id: &str| c.speakers.iter().find(|s| s.id == id).unwrap();
    assert_eq!(
        speaker("baroness-goldie").role.as_deref(),
        Some("Minister of State, Ministry of Defence")
    );
    assert_eq!(
        speaker("baroness-smith-of-basildon").role.as_deref(),
        Some("Member (Lab)")
    );
    // Every peer is a member with a party; the one holding the office answers, also when
    // labelled by party or name alone.
    let modes: Vec<Mode> = turns(&c, d).into_iter().map(|(_, _, m)| m).collect();
    use Mode::{Question, Speech};
    assert_eq!(
        modes,
        [Question, Speech, Question, Speech, Question, Speech]
    );
    assert_eq!(
        passage_with(d, "it will").reply_to,
        Some(passage_with(d, "training finish").turn)
    );
    assert_no_text_lost(d);
}

#[test]
fn an_of_inside_a_name_or_title_belongs_to_it() {
    let c = one(
        "article.txt",
        "Allies meet\nBy Sam Lee, Reuters\n3 April 2024\n\n\
         Lord Ahmad of Wimbledon said the aid would arrive within weeks.\n\n\
         Baroness Ashton of Upholland, a former EU foreign policy chief, said the allies had \
         to move faster.\n\n\
         Secretary of State Antony Blinken said the alliance was united.\n\n\
         \"We are ready,\" said President of Kosovo Vjosa Osmani.\n\n\
         The Bank of England said inflation would fall.\n\n\
         The University of Oxford said the study was reviewed.\n\n\
         The State Department said it was concerned.\n",
    );
    let d = &c.documents[0];
    let who = |needle: &str| speaker_id(&c, passage_with(d, needle));
    assert_eq!(who("within weeks"), Some("lord-ahmad-of-wimbledon"));
    assert_eq!(who("move faster"), Some("baroness-ashton-of-upholland"));
    assert_eq!(who("was united"), Some("antony-blinken"));
    assert_eq!(who("We are ready"), Some("vjosa-osmani"));
    let role = |id: &str| c.speakers.iter().find(|s| s.id == id).unwrap().role.clone();
    assert_eq!(
        role("antony-blinken").as_deref(),
        Some("Secretary of State")
    );
    assert_eq!(role("vjosa-osmani").as_deref(), Some("President of Kosovo"));
    // An institution is nobody: not a person called "England" or "Oxford".
    assert_eq!(who("inflation"), None);
    assert_eq!(who("reviewed"), None);
    assert_eq!(who("concerned"), None);
    assert!(
        c.speakers.iter().all(
            |s| !["England", "Oxford", "Wimbledon", "Upholland", "Department"]
                .contains(&s.name.as_str())
        ),
        "{:?}",
        c.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_surnames_particles_and_an_institutions_office_find_the_person() {
    let c = one(
        "article.txt",
        "Sanctions\nBy Anna Roth, Associated Press\n15 March 2024\n\n\
         Ursula von der Leyen, the European Commission president, said the package was \
         ready.\n\n\
         \"This is a strong signal,\" Ms von der Leyen said.\n\n\
         \"It will hold,\" said Ursula von der Leyen.\n\n\
         The head of the International Atomic Energy Agency, Rafael Grossi, said the plant \
         was stable.\n",
    );
    let d = &c.documents[0];
    let who = |needle: &str| speaker_id(&c, passage_with(d, needle));
    for needle in ["package was", "strong signal", "will hold"] {
        assert_eq!(who(needle), Some("ursula-von-der-leyen"), "{needle}");
    }
    assert_eq!(who("plant"), Some("rafael-grossi"));
    let grossi = c.speakers.iter().find(|s| s.id == "rafael-grossi").unwrap();
    assert_eq!(
        grossi.role.as_deref(),
        Some("Head of the International Atomic Energy Agency")
    );
    assert!(c.speakers.iter().all(|s| !s.name.contains("Agency")));
}

#[test]
fn a_reporter_of_the_associated_press_and_a_markdown_section_heading() {
    let text = "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\
                12 February 2024\n\n\
                The following is a near-verbatim transcript of today's noon briefing by \
                Stéphane Dujarric, Spokesman for the Secretary-General.\n\n\
                Good afternoon. The Secretary-General is in Addis Ababa.\n\n\
                **Questions and Answers**\n\n\
                Question: Edie Lederer, Associated Press. What about the aid trucks?\n\n\
                Spokesman: The trucks are waiting at the crossing.\n";
    let c = one("un.txt", text);
    let d = &c.documents[0];
    let asked = passage_with(d, "aid trucks");
    assert_eq!(speaker_id(&c, asked), Some("edie-lederer"));
    let lederer = c.speakers.iter().find(|s| s.id == "edie-lederer").unwrap();
    assert_eq!(lederer.kind, SpeakerKind::Journalist);
    // The heading is the document's, shown as such, and no one's words.
    let heading = text.find("**Questions").unwrap();
    assert!(d
        .metadata
        .iter()
        .any(|m| m.field == Field::Headline && m.span.start as usize == heading));
    assert!(d
        .passages
        .iter()
        .all(|p| !d.slice(p.span).contains("Questions and Answers")));
    assert_no_text_lost(d);
}

const MARKDOWN_INTERVIEW: &str = "# Interview with Finnish President Alexander Stubb\n\n\
*Published 4 March 2024 by Helsinki Times*\n\n\
**Helsinki Times:** Mr President, how has NATO membership changed Finland?\n\n\
**Stubb:** Finland is safer. We are part of the strongest alliance in history.\n\n\
**Helsinki Times**: What about the border with Russia?\n\n\
**Stubb**: The border remains closed.\n";

#[test]
fn a_markdown_interview_has_bold_labels_and_its_interviewer_asks() {
    let c = one("interview.md", MARKDOWN_INTERVIEW);
    let d = &c.documents[0];
    assert_eq!(d.kind, Kind::Transcript);
    assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2024-03-04"));
    let got: Vec<(String, Mode)> = turns(&c, d)
        .into_iter()
        .map(|(_, s, m)| (s.unwrap(), m))
        .collect();
    let asks = || ("helsinki-times".to_string(), Mode::Question);
    let answers = || ("alexander-stubb".to_string(), Mode::Speech);
    assert_eq!(got, [asks(), answers(), asks(), answers()]);
    // The marks are the label's: the passage holds only the words.
    assert_eq!(
        d.slice(passage_with(d, "closed").span),
        "The border remains closed."
    );
    assert_eq!(
        passage_with(d, "closed").reply_to,
        Some(passage_with(d, "border with Russia").turn)
    );
    assert_no_text_lost(d);
}

#[test]
fn a_short_quotation_after_its_speakers_and_a_lowercase_role_find_who_spoke() {
    let c = one(
        "article.txt",
        "Unity\nBy Paul Weber, Deutsche Welle\n7 May 2024\n\n\
         German Chancellor Olaf Scholz and French President Emmanuel Macron met in Paris.\n\n\
         \"We have to be stronger,\" Macron said at a news conference. \"Europe is mortal.\"\n\n\
         Asked about Ukraine, the chancellor said: \"We will support Ukraine as long as \
         necessary.\"\n\n\
         Later the spokesman said nothing new.\n",
    );
    let d = &c.documents[0];
    let who = |needle: &str| speaker_id(&c, passage_with(d, needle));
    assert_eq!(who("Europe is mortal"), Some("emmanuel-macron"));
    assert_eq!(who("as long as necessary"), Some("olaf-scholz"));
    // A lowercase role no one here holds is nobody new.
    assert_eq!(who("nothing new"), None);
    assert!(c
        .speakers
        .iter()
        .all(|s| !s.name.eq_ignore_ascii_case("spokesman")));
}

#[test]
fn who_was_told_is_not_who_spoke_and_a_post_is_reported_speech() {
    let c = one(
        "article.txt",
        "Deliveries\nBy Olena Koval, Kyiv Independent\n9 June 2024\n\n\
         Foreign Minister Dmytro Kuleba posted on social media that he had spoken with Berlin.\n\n\
         \"We are watching closely,\" a senior US official told Reuters.\n\n\
         The minister posted photos of the meeting.\n\n\
         Radoicic has openly acknowledged his participation in that attack.\n",
    );
    let d = &c.documents[0];
    let who = |needle: &str| speaker_id(&c, passage_with(d, needle));
    assert_eq!(who("spoken with Berlin"), Some("dmytro-kuleba"));
    assert_eq!(passage_with(d, "spoken with Berlin").mode, Mode::Reported);
    // Reuters was told; the official is unnamed.
    assert_eq!(who("watching closely"), None);
    assert!(c.speakers.iter().all(|s| s.name != "Reuters"));
    // A post of photos says nothing; "in that attack" is no that-clause.
    assert_eq!(passage_with(d, "photos").mode, Mode::Narration);
    assert_eq!(passage_with(d, "participation").mode, Mode::Narration);
}

const INTRODUCED_PANEL: &str =
    "Transatlantic Security Panel\nAtlantic Council, Washington\nApril 18, 2024\n\n\
MODERATOR: Welcome. Ambassador Julianne Smith is the US Permanent Representative to NATO. \
General Christopher Cavoli is Supreme Allied Commander Europe.\n\n\
AMB. SMITH: Thank you.\n\n\
GEN. CAVOLI: Thanks for having me.\n\n\
MODERATOR: Let's go to the audience.\n\n\
QUESTION: Hi, Sara Kline, Politico Europe. General, how ready are the forces?\n\n\
GEN. CAVOLI: Readier than ever.\n";

#[test]
fn a_moderator_introduces_the_panel_and_a_reporter_names_herself_after_a_greeting() {
    let c = one("panel.txt", INTRODUCED_PANEL);
    let d = &c.documents[0];
    assert_eq!(
        turn_speakers(&c, d),
        [
            "moderator",
            "julianne-smith",
            "christopher-cavoli",
            "moderator",
            "sara-kline",
            "christopher-cavoli"
        ]
    );
    let kline = c.speakers.iter().find(|s| s.id == "sara-kline").unwrap();
    assert_eq!(kline.kind, SpeakerKind::Journalist);
    assert_eq!(kline.role.as_deref(), Some("Reporter, Politico Europe"));
    // Named by the moderator only, the introduced are no speakers of their own.
    assert!(c
        .speakers
        .iter()
        .all(|s| s.name != "Smith" && s.name != "Cavoli"));
    assert_no_text_lost(d);
}

#[test]
fn a_quotation_run_over_paragraphs_stays_its_speakers() {
    let c = build(&[(
        "article.txt",
        "Priorities\nBy Jane Doe, AFP\n2 October 2024\n\n\
         Mark Rutte said: \"My first priority is to keep NATO strong. We will spend more.\n\n\
         \"My second priority is to support Ukraine.\n\n\
         \"My third is partnerships,\" he said. \"Nobody is safe alone.\"\n\n\
         Analysts were unimpressed. Nothing more was said.\n\n\
         One diplomat called the speech \"a start.\n",
    )]);
    let d = &c.corpus.documents[0];
    let c_ = &c.corpus;
    for needle in [
        "first priority",
        "spend more",
        "second priority",
        "third",
        "safe alone",
    ] {
        let p = passage_with(d, needle);
        assert_eq!(
            (p.mode, speaker_id(c_, p)),
            (Mode::Quote, Some("mark-rutte")),
            "{needle}"
        );
    }
    assert_eq!(passage_with(d, "unimpressed").mode, Mode::Narration);
    assert_eq!(speaker_id(c_, passage_with(d, "Nothing more")), None);
    // Run on into the next paragraph, an open quotation is news style, not a mistake; left
    // open at the end of the text it still is one.
    let warned: Vec<usize> = c
        .warnings
        .iter()
        .filter(|w| w.message.contains("unbalanced"))
        .map(|w| w.line)
        .collect();
    assert_eq!(warned, [13]);
    assert_no_text_lost(d);
}
