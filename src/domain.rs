//! The method itself: pure functions of the stored facts ([`Journey`]) and a
//! date. Nothing here reads the clock, the disk, the environment or the
//! terminal; callers pass `today` (or the current timestamp) in.

pub mod activity;
pub mod checkpoint;
pub mod checks;
pub mod cues;
pub mod digest;
pub mod history;
pub mod journal;
pub mod journey;
pub mod message;
pub mod no_contact;
pub mod preferences;
pub mod reflection;
pub mod report;
pub mod share;
pub mod suggest;
pub mod summary;
pub mod timefmt;
pub mod verdict;
pub mod words;

mod error;

pub use activity::{Activity, Category, NewActivity, Rating};
pub use checkpoint::{Answer, CheckpointAnswer, CheckpointOutcome};
pub use error::DomainError;
pub use journal::{JournalEntry, Mood, Urge};
pub use journey::{Journey, Stage};
pub use message::{Draft, Kept, Pacing};
pub use no_contact::{ContactException, NoContact, Slip};
pub use preferences::Preferences;
pub use reflection::{Motive, ReflectOutcome, Reflection};
pub use verdict::{Path, Verdict};

use chrono::{DateTime, FixedOffset, NaiveDate};

/// The moment an action happens, as the caller's clock saw it (local offset).
pub type Timestamp = DateTime<FixedOffset>;

/// The longest text accepted for one entry, in characters.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Trims `text` and refuses it when blank or too long.
pub fn clean_text(text: &str) -> Result<String, DomainError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DomainError::BlankText);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(DomainError::TextTooLong {
            chars,
            max: MAX_TEXT_CHARS,
        });
    }
    Ok(trimmed.to_owned())
}

/// Trims an optional note; a blank note is no note.
pub fn clean_note(note: Option<&str>) -> Result<Option<String>, DomainError> {
    match note.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => clean_text(text).map(Some),
    }
}

/// Refuses a date that lies after `today`.
pub fn not_in_future(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    if date > today {
        Err(DomainError::DateInFuture { date, today })
    } else {
        Ok(date)
    }
}

/// The next id for a list of entries: one more than the largest id in use.
fn next_id<T>(items: &[T], id: impl Fn(&T) -> u32) -> u32 {
    items
        .iter()
        .map(id)
        .max()
        .map_or(1, |max| max.saturating_add(1))
}

/// Whole calendar days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}
