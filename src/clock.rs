//! "Now": the system clock, or the fixed moment given in `BREATHER_NOW`.
//!
//! Only the service and the runners ask the clock; everything else is handed
//! a timestamp or a date.

use chrono::{DateTime, FixedOffset, Local, LocalResult, NaiveDateTime, TimeZone};

use crate::tr;

/// The environment variable that replaces "now" for the whole process.
pub const NOW_VAR: &str = "BREATHER_NOW";

/// Where "now" comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The machine's clock, in the local time zone.
    System,
    /// A fixed moment (tests, demos, back-filling).
    Fixed(DateTime<FixedOffset>),
}

/// `BREATHER_NOW` could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ClockError {
    pub message: String,
}

impl Clock {
    /// The clock the environment asks for: `BREATHER_NOW` when set, else the system's.
    pub fn from_env() -> Result<Self, ClockError> {
        match std::env::var(NOW_VAR) {
            Ok(value) if !value.trim().is_empty() => parse_now(&value).map(Clock::Fixed),
            _ => Ok(Clock::System),
        }
    }

    /// This clock, or `at` when it is the system's (a demo's default moment).
    #[must_use]
    pub fn or_fixed(self, at: DateTime<FixedOffset>) -> Self {
        match self {
            Clock::System => Clock::Fixed(at),
            fixed @ Clock::Fixed(_) => fixed,
        }
    }

    /// The current moment, with the local UTC offset.
    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => Local::now().fixed_offset(),
            Clock::Fixed(at) => *at,
        }
    }
}

/// Parses RFC 3339 (`2027-01-23T08:00:00+01:00`, converted to local time) or
/// a local `YYYY-MM-DDTHH:MM[:SS]`.
pub fn parse_now(value: &str) -> Result<DateTime<FixedOffset>, ClockError> {
    let value = value.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Ok(at.with_timezone(&Local).fixed_offset());
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(value, fmt).ok())
    .ok_or_else(|| ClockError {
        message: tr!("clock.bad_now", value = value),
    })?;
    match Local.from_local_datetime(&naive) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.fixed_offset()),
        LocalResult::None => Err(ClockError {
            message: tr!("clock.no_such_local_time", value = value),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_local_and_rfc3339_forms() {
        for value in [
            "2027-01-23T08:00",
            "2027-01-23T08:00:30",
            "2027-01-23 08:00",
        ] {
            let at = parse_now(value).expect("accepted");
            assert_eq!(at.naive_local().date().to_string(), "2027-01-23", "{value}");
        }
        let at = parse_now("2027-01-23T08:00:00Z").expect("accepted");
        assert_eq!(at.timestamp(), 1_800_691_200);
    }

    #[test]
    fn refuses_nonsense_with_one_sentence() {
        for value in ["tomorrow", "2027-02-31T08:00", "23/01/2027", "2027-01-23"] {
            let err = parse_now(value).expect_err("refused");
            assert!(err.message.contains(value), "{}", err.message);
        }
    }
}
