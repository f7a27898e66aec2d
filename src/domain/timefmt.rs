//! Fast, exact (de)serialization of the dates and timestamps that fill a
//! long journal (two per activity and per journal entry). The text is
//! byte for byte what chrono's own serde writes (`2027-01-23`,
//! `2027-01-23T08:00:00+01:00`, `Z` for UTC, fractions only when present);
//! anything outside the common shape — odd years, sub-minute offsets, leap
//! seconds, a relaxed spelling in a hand-edited file — goes through chrono
//! itself, so exactly the same files are accepted as before.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Timelike};
use serde::{Deserializer, Serializer, de};

/// `#[serde(with = "timefmt::timestamp")]` for a [`super::Timestamp`].
pub mod timestamp {
    use super::{DateTime, Deserializer, FixedOffset, Serializer};

    pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        match super::write_timestamp(at) {
            Some((buf, len)) => s.serialize_str(super::ascii(&buf[..len])),
            None => serde::Serialize::serialize(at, s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        d.deserialize_str(super::TimestampVisitor)
    }
}

/// `#[serde(with = "timefmt::date")]` for a `NaiveDate`.
pub mod date {
    use super::{Deserializer, NaiveDate, Serializer};

    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 10];
        if super::write_date(&mut buf, *day) {
            s.serialize_str(super::ascii(&buf))
        } else {
            serde::Serialize::serialize(day, s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(super::DateVisitor)
    }
}

fn ascii(bytes: &[u8]) -> &str {
    // Only ASCII digits and punctuation are ever written into the buffers.
    std::str::from_utf8(bytes).unwrap_or_default()
}

fn put(buf: &mut [u8], at: usize, value: u32, digits: usize) {
    let mut v = value;
    for i in (0..digits).rev() {
        buf[at + i] = b'0' + u8::try_from(v % 10).unwrap_or(0);
        v /= 10;
    }
}

/// `YYYY-MM-DD` for years 0..=9999 (what chrono writes for them).
fn write_date(buf: &mut [u8; 10], day: NaiveDate) -> bool {
    use chrono::Datelike;
    let Ok(year) = u32::try_from(day.year()) else {
        return false;
    };
    if year > 9999 {
        return false;
    }
    put(buf, 0, year, 4);
    buf[4] = b'-';
    put(buf, 5, day.month(), 2);
    buf[7] = b'-';
    put(buf, 8, day.day(), 2);
    true
}

/// The RFC 3339 text chrono's serde writes, or `None` to let chrono write it.
fn write_timestamp(at: &DateTime<FixedOffset>) -> Option<([u8; 35], usize)> {
    let local = at.naive_local();
    let offset = at.offset().local_minus_utc();
    let nanos = local.nanosecond();
    if nanos >= 1_000_000_000 || offset % 60 != 0 {
        return None;
    }
    let mut buf = [0u8; 35];
    let mut date = [0u8; 10];
    if !write_date(&mut date, local.date()) {
        return None;
    }
    buf[..10].copy_from_slice(&date);
    buf[10] = b'T';
    put(&mut buf, 11, local.hour(), 2);
    buf[13] = b':';
    put(&mut buf, 14, local.minute(), 2);
    buf[16] = b':';
    put(&mut buf, 17, local.second(), 2);
    let mut len = 19;
    let (fraction, digits) = if nanos == 0 {
        (0, 0)
    } else if nanos.is_multiple_of(1_000_000) {
        (nanos / 1_000_000, 3)
    } else if nanos.is_multiple_of(1_000) {
        (nanos / 1_000, 6)
    } else {
        (nanos, 9)
    };
    if digits > 0 {
        buf[len] = b'.';
        put(&mut buf, len + 1, fraction, digits);
        len += 1 + digits;
    }
    if offset == 0 {
        buf[len] = b'Z';
        len += 1;
    } else {
        buf[len] = if offset < 0 { b'-' } else { b'+' };
        let minutes = offset.unsigned_abs() / 60;
        put(&mut buf, len + 1, minutes / 60, 2);
        buf[len + 3] = b':';
        put(&mut buf, len + 4, minutes % 60, 2);
        len += 6;
    }
    Some((buf, len))
}

/// Digits at `range` of `b` as a number, when they are all ASCII digits.
fn digits(b: &[u8], from: usize, to: usize) -> Option<u32> {
    b.get(from..to)?.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn parse_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(b, 0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(b, 5, 7)?, digits(b, 8, 10)?)
}

fn parse_timestamp(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_date(&b[..10])?;
    let (hour, minute, second) = (digits(b, 11, 13)?, digits(b, 14, 16)?, digits(b, 17, 19)?);
    let mut at = 19;
    let mut nanos = 0;
    if b[at] == b'.' {
        let end = (at + 1..b.len()).find(|&i| !b[i].is_ascii_digit())?;
        let count = end - at - 1;
        if count == 0 || count > 9 {
            return None;
        }
        nanos = digits(b, at + 1, end)? * 10u32.pow(u32::try_from(9 - count).ok()?);
        at = end;
    }
    let offset = match &b[at..] {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            // An offset's minutes run to 59; anything else is chrono's to judge.
            let minutes = digits(b, at + 4, at + 6).filter(|m| *m < 60)?;
            let seconds = i32::try_from(digits(b, at + 1, at + 3)? * 3600 + minutes * 60).ok()?;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    // Leap seconds (:60) and anything unusual are left to chrono.
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second.min(59), nanos)
        .filter(|_| second < 60)?;
    let offset = FixedOffset::east_opt(offset)?;
    date.and_time(time).and_local_timezone(offset).single()
}

struct TimestampVisitor;

impl de::Visitor<'_> for TimestampVisitor {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        match parse_timestamp(value.as_bytes()) {
            Some(at) => Ok(at),
            None => value.parse().map_err(E::custom),
        }
    }
}

struct DateVisitor;

impl de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        match parse_date(value.as_bytes()) {
            Some(day) => Ok(day),
            None => value.parse().map_err(E::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Ours {
        #[serde(with = "timestamp")]
        at: DateTime<FixedOffset>,
        #[serde(with = "date")]
        day: NaiveDate,
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Chronos {
        at: DateTime<FixedOffset>,
        day: NaiveDate,
    }

    /// Found by the proptest below: `+01:60` is not an offset.
    #[test]
    fn an_offset_with_sixty_minutes_is_refused_like_chrono_refuses_it() {
        for text in [
            "2027-01-23T08:00:00.123456+01:60",
            "2027-01-23T08:00:00+00:99",
        ] {
            assert_eq!(parse_timestamp(text.as_bytes()), None, "{text}");
            let json = format!(r#"{{"at": "{text}", "day": "2027-01-23"}}"#);
            assert!(serde_json::from_str::<Ours>(&json).is_err(), "{text}");
            assert!(serde_json::from_str::<Chronos>(&json).is_err(), "{text}");
        }
        assert!(parse_timestamp(b"2027-01-23T08:00:00+01:59").is_some());
    }

    proptest! {
        #[test]
        fn writes_and_reads_exactly_what_chrono_does(
            secs in -70_000_000_000i64..260_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..1000, (0u32..1000).prop_map(|n| n * 1_000_000), (0u32..1_000_000).prop_map(|n| n * 1000), 0u32..1_000_000_000],
            offset in prop_oneof![Just(0i32), (-86_399i32..86_400), (-1439i32..1440).prop_map(|m| m * 60)],
        ) {
            let at = DateTime::from_timestamp(secs, nanos)
                .expect("in range")
                .with_timezone(&FixedOffset::east_opt(offset).expect("a valid offset"));
            let day = at.date_naive();
            let theirs = serde_json::to_string(&Chronos { at, day }).expect("chrono writes");
            let ours = serde_json::to_string(&Ours { at, day }).expect("we write");
            prop_assert_eq!(&ours, &theirs);
            let back: Ours = serde_json::from_str(&theirs).expect("we read chrono's text");
            let chrono_back: Chronos = serde_json::from_str(&theirs).expect("chrono reads it");
            prop_assert_eq!(back, Ours { at: chrono_back.at, day: chrono_back.day });
        }

        #[test]
        fn accepts_and_refuses_exactly_what_chrono_does(text in "[0-9T:.Zz+ -]{8,32}") {
            let json = serde_json::to_string(&text).expect("a JSON string");
            let ours: Result<DateTime<FixedOffset>, _> =
                timestamp::deserialize(&mut serde_json::Deserializer::from_str(&json));
            let theirs: Result<DateTime<FixedOffset>, _> = serde_json::from_str(&json);
            prop_assert_eq!(ours.ok(), theirs.ok());
            let ours: Result<NaiveDate, _> =
                date::deserialize(&mut serde_json::Deserializer::from_str(&json));
            let theirs: Result<NaiveDate, _> = serde_json::from_str(&json);
            prop_assert_eq!(ours.ok(), theirs.ok());
        }
    }

    proptest! {
        #[test]
        fn a_nearly_valid_timestamp_is_judged_like_chrono_judges_it(
            base in prop_oneof![
                Just("2027-01-23T08:00:00Z"),
                Just("2027-01-23T08:00:00.123456+01:00"),
                Just("2028-02-29T23:59:59-12:00"),
                Just("2027-01-23 08:00:00z"),
            ],
            at in 0usize..32,
            with in "[0-9T:.Zz+ -]",
        ) {
            let mut text: Vec<char> = base.chars().collect();
            let at = at % (text.len() + 1);
            if at == text.len() { text.extend(with.chars()); } else { text[at] = with.chars().next().unwrap_or('0'); }
            let text: String = text.into_iter().collect();
            let json = serde_json::to_string(&text).expect("a JSON string");
            let ours: Result<DateTime<FixedOffset>, _> =
                timestamp::deserialize(&mut serde_json::Deserializer::from_str(&json));
            let theirs: Result<DateTime<FixedOffset>, _> = serde_json::from_str(&json);
            prop_assert_eq!(ours.ok(), theirs.ok(), "{}", text);
        }
    }

    #[test]
    fn the_common_shapes_take_the_fast_path() {
        for text in [
            "2027-01-23T08:00:00Z",
            "2027-01-23T08:00:00.250+01:00",
            "1999-12-31T23:59:59-05:30",
        ] {
            let at = parse_timestamp(text.as_bytes()).expect("fast path");
            let (buf, len) = write_timestamp(&at).expect("fast path");
            assert_eq!(ascii(&buf[..len]), text);
        }
        assert_eq!(
            parse_date(b"2028-02-29"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        assert_eq!(parse_date(b"2027-02-29"), None);
        assert!(
            parse_timestamp(b"2027-01-23T23:59:60Z").is_none(),
            "chrono decides leap seconds"
        );
    }
}
