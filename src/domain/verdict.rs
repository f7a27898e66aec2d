//! The verdict after the reflection week: move on, or reconnect. Either way
//! the no-contact countdown starts from the last contact.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DomainError, Journey};
use crate::text;

/// The shortest no-contact target: a month.
pub const MIN_TARGET_DAYS: u32 = 30;
/// The longest target that can be set at once: ten years.
pub const MAX_TARGET_DAYS: u32 = 3650;

/// The chosen path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Path {
    MoveOn,
    Reconnect,
}

impl Path {
    /// The stable machine name, as in `status --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Path::MoveOn => "move_on",
            Path::Reconnect => "reconnect",
        }
    }

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            Path::MoveOn => text::get("path.move_on"),
            Path::Reconnect => text::get("path.reconnect"),
        }
    }
}

/// The choice made after the week, and the countdown it started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    pub path: Path,
    pub decided_on: NaiveDate,
    /// The day of the last contact: day 0 of the first run.
    pub started_on: NaiveDate,
    /// The target chosen at the verdict (checkpoint extensions are added on top).
    pub target_days: u32,
}

/// A suggested target from how long the relationship lasted: under six
/// months 30 days, up to two years 60, longer 90. Only ever a suggestion.
pub fn suggested_target_days(months_together: u32) -> u32 {
    match months_together {
        0..6 => 30,
        6..=24 => 60,
        _ => 90,
    }
}

impl Journey {
    /// Whether a path can be chosen now (before asking for the details).
    pub fn check_decide(&self) -> Result<(), DomainError> {
        if let Some(v) = &self.verdict {
            return Err(DomainError::PathAlreadyChosen {
                path: v.path,
                on: v.decided_on,
            });
        }
        let answered = self.reflection_days();
        if answered < super::reflection::WEEK {
            return Err(DomainError::WeekNotComplete { answered });
        }
        Ok(())
    }

    /// Chooses the path and starts the countdown from `last_contact`.
    pub fn decide(
        &mut self,
        today: NaiveDate,
        path: Path,
        last_contact: NaiveDate,
        target_days: u32,
    ) -> Result<(), DomainError> {
        self.check_decide()?;
        if target_days < MIN_TARGET_DAYS {
            return Err(DomainError::TargetTooShort {
                days: target_days,
                min: MIN_TARGET_DAYS,
            });
        }
        if target_days > MAX_TARGET_DAYS {
            return Err(DomainError::TooManyDays {
                days: target_days,
                max: MAX_TARGET_DAYS,
            });
        }
        if last_contact > today {
            return Err(DomainError::LastContactInFuture { date: last_contact });
        }
        self.verdict = Some(Verdict {
            path,
            decided_on: today,
            started_on: last_contact,
            target_days,
        });
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::Stage;
    use chrono::{DateTime, Duration};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("test dates are valid")
    }

    pub(crate) fn journey_after_week(first: &str) -> Journey {
        let mut j = Journey::new();
        let start = DateTime::parse_from_rfc3339(&format!("{first}T08:00:00+00:00"))
            .expect("valid timestamp");
        for d in 0..7 {
            j.reflect(start + Duration::days(d), "why", None, false)
                .expect("accepted");
        }
        j
    }

    #[test]
    fn decide_is_refused_before_seven_answers() {
        let mut j = Journey::new();
        assert_eq!(
            j.decide(day("2027-01-01"), Path::Reconnect, day("2027-01-01"), 30),
            Err(DomainError::WeekNotComplete { answered: 0 })
        );
        assert!(j.verdict.is_none());
    }

    #[test]
    fn targets_under_a_month_are_refused() {
        let mut j = journey_after_week("2027-01-01");
        for days in [0, 1, 29] {
            assert_eq!(
                j.decide(day("2027-01-08"), Path::MoveOn, day("2027-01-08"), days),
                Err(DomainError::TargetTooShort { days, min: 30 })
            );
        }
        assert!(
            j.decide(day("2027-01-08"), Path::MoveOn, day("2027-01-08"), 30)
                .is_ok()
        );
    }

    #[test]
    fn last_contact_may_be_any_day_up_to_today() {
        let mut j = journey_after_week("2027-01-01");
        assert_eq!(
            j.decide(day("2027-01-08"), Path::MoveOn, day("2027-01-09"), 30),
            Err(DomainError::LastContactInFuture {
                date: day("2027-01-09")
            })
        );
        j.decide(day("2027-01-08"), Path::Reconnect, day("2026-12-20"), 45)
            .expect("accepted");
        let count = j
            .no_contact_on(day("2027-01-08"))
            .expect("countdown started");
        assert_eq!(count.days_done, 19);
        assert_eq!(count.target_days, 45);
        assert_eq!(j.stage_on(day("2027-01-08")), Stage::NoContact);
    }

    #[test]
    fn the_path_is_chosen_once() {
        let mut j = journey_after_week("2027-01-01");
        j.decide(day("2027-01-08"), Path::MoveOn, day("2027-01-08"), 30)
            .expect("accepted");
        assert_eq!(
            j.decide(day("2027-01-09"), Path::Reconnect, day("2027-01-09"), 30),
            Err(DomainError::PathAlreadyChosen {
                path: Path::MoveOn,
                on: day("2027-01-08")
            })
        );
    }

    #[test]
    fn suggested_targets_follow_the_length_of_the_relationship() {
        for (months, days) in [(0, 30), (5, 30), (6, 60), (24, 60), (25, 90), (240, 90)] {
            assert_eq!(suggested_target_days(months), days, "{months} months");
        }
    }
}
