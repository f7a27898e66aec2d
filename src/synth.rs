//! Synthetic journeys for benchmarks and tests: a week of reflections, a
//! move-on verdict, then every day a journal entry of about 400 characters
//! with a mood and an activity; a slip every 97 days; urges spread evenly,
//! 500 in ten years. Deterministic: the same number of days gives the same
//! journey. (`cargo run --release --example synth -- DAYS DIR` writes one.)

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveTime};

use crate::domain::{
    Activity, Category, JournalEntry, Journey, Mood, Motive, Path, Rating, Reflection, Slip, Urge,
    Verdict,
};

/// The first morning of every synthetic journey.
pub const START: NaiveDate = match NaiveDate::from_ymd_opt(2020, 1, 1) {
    Some(day) => day,
    None => panic!("2020-01-01 is a date"),
};

/// A month, a year, ten years: the sizes the benchmarks use.
pub const SIZES: [(&str, u32); 3] = [("month", 30), ("year", 365), ("ten-years", 3650)];

const WORDS: [&str; 21] = [
    "morning", "walk", "coffee", "friend", "class", "clay", "paint", "river", "trip", "letter",
    "quiet", "laugh", "bread", "market", "music", "book", "club", "hike", "rain", "window",
    "garden",
];

/// `hour` o'clock (UTC) on `day`.
pub fn at(day: NaiveDate, hour: u32) -> DateTime<FixedOffset> {
    let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
    day.and_time(time).and_utc().fixed_offset()
}

/// The day the countdown starts (the verdict, after the week).
pub fn decided_on() -> NaiveDate {
    START + Days::new(7)
}

/// The last day with entries in a journey of `days` days.
pub fn last_day(days: u32) -> NaiveDate {
    decided_on() + Days::new(u64::from(days.max(1)) - 1)
}

/// Words from a small list, about `length` characters, as a sentence.
pub fn text(seed: u64, length: usize) -> String {
    let mut out = String::with_capacity(length + 16);
    let mut state = seed;
    while out.len() < length {
        state = (state.wrapping_mul(1_103_515_245).wrapping_add(12_345)) % (1 << 31);
        if !out.is_empty() {
            out.push(' ');
        }
        let index = usize::try_from(state).unwrap_or(0) % WORDS.len();
        out.push_str(WORDS[index]);
    }
    let mut chars = out.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    first.into_iter().chain(chars).chain(['.']).collect()
}

/// A journey of `days` days after the reflection week.
pub fn journey(days: u32) -> Journey {
    let mut j = Journey::new();
    for i in 0..7u32 {
        let day = START + Days::new(u64::from(i));
        j.reflections.push(Reflection {
            id: i + 1,
            date: day,
            written_at: at(day, 8),
            text: text(u64::from(i), 400),
            motive: Some(Motive::Reconnect),
        });
    }
    j.verdict = Some(Verdict {
        path: Path::MoveOn,
        decided_on: decided_on(),
        started_on: decided_on(),
        target_days: 30,
    });
    let urges_total = u64::from(days) * 500 / 3650;
    for n in 0..days {
        let day = decided_on() + Days::new(u64::from(n));
        let seed = u64::from(n);
        let small = u8::try_from(n % 5).unwrap_or(0) + 1;
        j.journal.push(JournalEntry {
            id: n + 1,
            date: day,
            written_at: at(day, 21),
            text: text(seed + 100, 400),
            mood: Mood::new(i64::from(small)).ok(),
        });
        j.activities.push(Activity {
            id: n + 1,
            date: day,
            title: text(seed, 20).chars().take(40).collect(),
            category: Category::ALL[n as usize % Category::ALL.len()],
            rating: Rating::new(i64::from(small)).ok(),
            note: None,
            share: n % 3 == 0,
            they_would_like: n % 11 == 0,
            created_at: at(day, 19),
        });
        if n % 97 == 96 {
            let id = u32::try_from(j.slips.len()).unwrap_or(u32::MAX) + 1;
            j.slips.push(Slip {
                id,
                date: day,
                note: None,
                recorded_at: at(day, 22),
            });
        }
        // Evenly spread: the count steps up on the days where n * rate crosses a whole number.
        let before = seed * urges_total / u64::from(days.max(1));
        let after = (seed + 1) * urges_total / u64::from(days.max(1));
        if after > before {
            let id = u32::try_from(j.urges.len()).unwrap_or(u32::MAX) + 1;
            j.urges.push(Urge {
                id,
                written_at: at(day, 23),
                text: text(seed, 120),
            });
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_years_hold_the_promised_numbers() {
        let j = journey(3650);
        assert_eq!(j.journal.len(), 3650);
        assert_eq!(j.activities.len(), 3650);
        assert_eq!(j.urges.len(), 500);
        let mean = j.journal.iter().map(|e| e.text.len()).sum::<usize>() / j.journal.len();
        assert!((400..440).contains(&mean), "{mean}");
        assert_eq!(last_day(3650), "2030-01-04".parse().expect("a date"));
        assert_eq!(journey(30), journey(30), "deterministic");
    }
}
