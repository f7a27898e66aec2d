//! Where the journey stands on one day, in one value: what `status` prints
//! and the TUI's Today screen shows.

use chrono::NaiveDate;
use serde::Serialize;

use super::reflection::WEEK;
use super::{Journey, NoContact, Stage};

/// The journey on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    #[serde(skip)]
    pub today: NaiveDate,
    pub stage: Stage,
    pub path: Option<&'static str>,
    pub reflection: ReflectionSummary,
    pub no_contact: Option<NoContactSummary>,
    pub activities: ActivitySummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionSummary {
    pub answered: usize,
    pub of: usize,
    pub answered_today: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoContactSummary {
    pub started_on: NaiveDate,
    pub days_done: u32,
    pub target_days: u32,
    pub days_left: u32,
    pub slips: usize,
    pub longest_streak: u32,
    pub total_silent_days: u32,
    #[serde(skip)]
    pub clock_is_behind: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivitySummary {
    pub total: usize,
    pub last_7_days: usize,
}

impl From<&NoContact> for NoContactSummary {
    fn from(c: &NoContact) -> Self {
        NoContactSummary {
            started_on: c.started_on,
            days_done: c.days_done,
            target_days: c.target_days,
            days_left: c.days_left(),
            slips: c.slips,
            longest_streak: c.longest_streak,
            total_silent_days: c.total_silent_days,
            clock_is_behind: c.clock_is_behind,
        }
    }
}

impl Summary {
    /// The journey as it stands on `today`.
    pub fn of(journey: &Journey, today: NaiveDate) -> Self {
        Summary {
            today,
            stage: journey.stage_on(today),
            path: journey.path().map(super::Path::as_str),
            reflection: ReflectionSummary {
                answered: journey.reflection_days(),
                of: WEEK,
                answered_today: journey.reflection_on(today).is_some(),
            },
            no_contact: journey
                .no_contact_on(today)
                .as_ref()
                .map(NoContactSummary::from),
            activities: ActivitySummary {
                total: journey.activities.len(),
                last_7_days: journey.activities_in_last_7_days(today),
            },
        }
    }
}
