//! The free daily journal (with a mood) and the urges: messages written
//! down instead of sent, kept and never sent.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DomainError, Journey, Timestamp, clean_text, next_id};

/// How the day felt, 1 (low) to 5 (good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Mood(u8);

impl Mood {
    pub fn new(value: i64) -> Result<Self, DomainError> {
        match u8::try_from(value) {
            Ok(v @ 1..=5) => Ok(Mood(v)),
            _ => Err(DomainError::MoodOutOfRange { given: value }),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Mood {
    type Error = DomainError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Mood::new(value)
    }
}

impl From<Mood> for u8 {
    fn from(m: Mood) -> u8 {
        m.0
    }
}

/// One journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalEntry {
    pub id: u32,
    // The fast, exact format: a long journal holds thousands of these.
    #[serde(with = "super::timefmt::date")]
    pub date: NaiveDate,
    #[serde(with = "super::timefmt::timestamp")]
    pub written_at: Timestamp,
    pub text: String,
    #[serde(default)]
    pub mood: Option<Mood>,
}

/// A message to the ex, written down instead of sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Urge {
    pub id: u32,
    #[serde(with = "super::timefmt::timestamp")]
    pub written_at: Timestamp,
    pub text: String,
}

impl Journey {
    /// Adds a journal entry dated today; returns its id.
    pub fn write_journal(
        &mut self,
        now: Timestamp,
        text: &str,
        mood: Option<Mood>,
    ) -> Result<u32, DomainError> {
        let text = clean_text(text)?;
        let id = next_id(&self.journal, |e| e.id);
        self.journal.push(JournalEntry {
            id,
            date: now.date_naive(),
            written_at: now,
            text,
            mood,
        });
        Ok(id)
    }

    /// Keeps an unsent message; returns its id. The count is untouched.
    pub fn write_urge(&mut self, now: Timestamp, text: &str) -> Result<u32, DomainError> {
        let text = clean_text(text)?;
        let id = next_id(&self.urges, |u| u.id);
        self.urges.push(Urge {
            id,
            written_at: now,
            text,
        });
        Ok(id)
    }

    /// Mean mood of the entries dated within `days` days ending on `today`.
    pub fn mean_mood(&self, today: NaiveDate, days: i64) -> Option<f64> {
        let moods: Vec<f64> = self
            .journal
            .iter()
            .filter(|e| (0..days).contains(&super::days_between(e.date, today)))
            .filter_map(|e| e.mood.map(|m| f64::from(m.get())))
            .collect();
        if moods.is_empty() {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // a handful of entries
        let n = moods.len() as f64;
        Some(moods.iter().sum::<f64>() / n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).expect("valid")
    }

    #[test]
    fn mood_is_one_to_five() {
        for ok in 1..=5 {
            assert_eq!(
                Mood::new(ok).map(Mood::get),
                Ok(u8::try_from(ok).expect("small"))
            );
        }
        for bad in [0, 6, 7, -3] {
            assert_eq!(
                Mood::new(bad),
                Err(DomainError::MoodOutOfRange { given: bad })
            );
        }
    }

    #[test]
    fn entries_and_urges_are_kept_with_ids() {
        let mut j = Journey::new();
        let now = at("2027-01-20T21:00:00+01:00");
        assert_eq!(
            j.write_journal(now, "long day", Some(Mood::new(2).expect("ok"))),
            Ok(1)
        );
        assert_eq!(
            j.write_journal(now, "better", Some(Mood::new(4).expect("ok"))),
            Ok(2)
        );
        assert_eq!(j.write_urge(now, "I miss you"), Ok(1));
        assert_eq!(j.write_urge(now, " "), Err(DomainError::BlankText));
        assert_eq!(j.mean_mood(now.date_naive(), 7), Some(3.0));
        assert_eq!(j.urges.len(), 1);
    }
}
