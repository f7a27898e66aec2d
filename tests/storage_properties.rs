//! Properties of the file format: decoding any bytes never panics, and
//! saving then loading any journey gives the same journey back.

use breather::domain::{
    Activity, Category, ContactException, Draft, JournalEntry, Journey, Mood, Motive, Path, Rating,
    Reflection, Slip, Urge, Verdict,
};
use breather::storage::schema::{decode, encode};
use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use proptest::prelude::*;

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid") + Days::new(u64::from(offset))
}

fn at(offset: u16, minute: u16, zone: i32) -> DateTime<FixedOffset> {
    let zone = FixedOffset::east_opt(zone * 900).expect("within a day");
    day(offset)
        .and_hms_opt(u32::from(minute / 60 % 24), u32::from(minute % 60), 0)
        .expect("valid time")
        .and_local_timezone(zone)
        .single()
        .expect("fixed offsets are unambiguous")
}

/// Text from every corner: emoji, right-to-left, CJK, combining marks,
/// controls, quotes and backslashes, plus arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("I miss the Sunday markets 🌻🫶🏽 \u{200d}".to_owned()),
        Just("أفتقدك كثيرا — אני מתגעגע \u{202e}reversed\u{202c}".to_owned()),
        Just("日曜日の市場が恋しい。한국어도 괜찮아요".to_owned()),
        Just("e\u{301} quotes \" \\ \u{1b}[2J \u{0} tab\t new\nline".to_owned()),
    ]
}

prop_compose! {
    fn journey()(
        texts in proptest::collection::vec(text(), 1..12),
        offsets in proptest::collection::vec(0u16..3000, 12),
        minutes in proptest::collection::vec(0u16..1440, 12),
        zone in -48i32..56,
        has_verdict in any::<bool>(),
        flags in any::<(bool, bool)>(),
        small in 1i64..=5,
    ) -> Journey {
        let t = |i: usize| texts[i % texts.len()].clone();
        let when = |i: usize| at(offsets[i % 12], minutes[i % 12], zone);
        let mut j = Journey::new();
        j.reflections.push(Reflection { id: 1, date: day(offsets[0]), written_at: when(0), text: t(0), motive: Some(Motive::Unsure) });
        j.reflections.push(Reflection { id: 2, date: day(offsets[1]), written_at: when(1), text: t(1), motive: None });
        if has_verdict {
            j.verdict = Some(Verdict { path: Path::Reconnect, decided_on: day(offsets[2]), started_on: day(offsets[3]), target_days: 30 + u32::from(offsets[4]) });
            j.slips.push(Slip { id: 1, date: day(offsets[5]), note: Some(t(2)), recorded_at: when(5) });
            j.exceptions.push(ContactException { id: 1, date: day(offsets[6]), note: t(3), recorded_at: when(6) });
        }
        j.activities.push(Activity {
            id: 7, date: day(offsets[7]), title: t(4), category: Category::ALL[usize::from(offsets[7]) % 9],
            rating: Rating::new(small).ok(), note: Some(t(5)), share: flags.0, they_would_like: flags.1, created_at: when(7),
        });
        j.journal.push(JournalEntry { id: 3, date: day(offsets[8]), written_at: when(8), text: t(6), mood: Mood::new(small).ok() });
        j.urges.push(Urge { id: 1, written_at: when(9), text: t(7) });
        j.drafts.push(Draft { id: 1, written_at: when(10), text: t(8), sent_on: Some(day(offsets[10])), replied_on: None });
        j
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn decoding_a_damaged_file_never_panics(j in journey(), cut in any::<prop::sample::Index>(), flip in any::<(prop::sample::Index, u8)>()) {
        let bytes = encode(&j).expect("encodes");
        let _ = decode(&bytes[..cut.index(bytes.len())]);
        let mut flipped = bytes.clone();
        let i = flip.0.index(flipped.len());
        flipped[i] ^= flip.1 | 1;
        let _ = decode(&flipped);
    }

    #[test]
    fn save_then_load_is_the_identity(j in journey()) {
        let bytes = encode(&j).expect("encodes");
        prop_assert_eq!(decode(&bytes).expect("what was written can be read"), j);
    }
}

#[test]
fn a_one_megabyte_entry_round_trips() {
    let mut j = Journey::new();
    let big: String = "Ωmega 🌊 long night, "
        .chars()
        .cycle()
        .take(1_000_000)
        .collect();
    j.urges.push(Urge {
        id: 1,
        written_at: at(1, 600, 4),
        text: big,
    });
    let bytes = encode(&j).expect("encodes");
    assert_eq!(decode(&bytes).expect("decodes"), j);
}
