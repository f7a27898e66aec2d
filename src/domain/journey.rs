//! The stored facts of one person's journey, and the stage derived from them.
//!
//! The stage is never stored: it is a pure function of these facts and today,
//! so it can never disagree with them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checkpoint::{self, Answer};
use super::{
    Activity, CheckpointAnswer, ContactException, Draft, JournalEntry, NoContact, Path, Reflection,
    Slip, Urge, Verdict,
};
use crate::text;

/// Everything a person wrote, as it is kept in the data file.
///
/// `schema_version` is the file format's version; storage sets and checks it,
/// the method never looks at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    pub schema_version: u32,
    #[serde(default)]
    pub reflections: Vec<Reflection>,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub slips: Vec<Slip>,
    #[serde(default)]
    pub exceptions: Vec<ContactException>,
    #[serde(default)]
    pub checkpoints: Vec<CheckpointAnswer>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub journal: Vec<JournalEntry>,
    #[serde(default)]
    pub urges: Vec<Urge>,
    #[serde(default)]
    pub drafts: Vec<Draft>,
}

/// Where the journey stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotStarted,
    Reflection,
    VerdictDue,
    NoContact,
    CheckpointDue,
    Reconnect,
    MovingOn,
}

impl Stage {
    /// The stable machine name (`no_contact`, ...), as in `status --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NotStarted => "not_started",
            Stage::Reflection => "reflection",
            Stage::VerdictDue => "verdict_due",
            Stage::NoContact => "no_contact",
            Stage::CheckpointDue => "checkpoint_due",
            Stage::Reconnect => "reconnect",
            Stage::MovingOn => "moving_on",
        }
    }

    /// A short human label for the stage.
    pub fn label(self) -> &'static str {
        text::get(match self {
            Stage::NotStarted => "stage.not_started",
            Stage::Reflection => "stage.reflection",
            Stage::VerdictDue => "stage.verdict_due",
            Stage::NoContact => "stage.no_contact",
            Stage::CheckpointDue => "stage.checkpoint_due",
            Stage::Reconnect => "stage.reconnect",
            Stage::MovingOn => "stage.moving_on",
        })
    }
}

impl Journey {
    /// The file format version this build writes.
    pub const SCHEMA_VERSION: u32 = 1;

    /// An empty journey: nothing written yet.
    pub fn new() -> Self {
        Journey {
            schema_version: Self::SCHEMA_VERSION,
            reflections: Vec::new(),
            verdict: None,
            slips: Vec::new(),
            exceptions: Vec::new(),
            checkpoints: Vec::new(),
            activities: Vec::new(),
            journal: Vec::new(),
            urges: Vec::new(),
            drafts: Vec::new(),
        }
    }

    /// True when nothing at all has been written.
    pub fn is_empty(&self) -> bool {
        self.reflections.is_empty()
            && self.verdict.is_none()
            && self.slips.is_empty()
            && self.exceptions.is_empty()
            && self.checkpoints.is_empty()
            && self.activities.is_empty()
            && self.journal.is_empty()
            && self.urges.is_empty()
            && self.drafts.is_empty()
    }

    /// The path being walked: the verdict's, or move-on after a checkpoint `no`.
    pub fn path(&self) -> Option<Path> {
        let verdict = self.verdict.as_ref()?;
        if self.checkpoints.iter().any(|c| c.answer == Answer::No) {
            Some(Path::MoveOn)
        } else {
            Some(verdict.path)
        }
    }

    /// The no-contact count on `today`, or `None` before the verdict.
    pub fn no_contact_on(&self, today: NaiveDate) -> Option<NoContact> {
        let verdict = self.verdict.as_ref()?;
        let extra: u32 = self.checkpoints.iter().filter_map(|c| c.extend_days).sum();
        Some(NoContact::compute(
            verdict.started_on,
            verdict.target_days.saturating_add(extra),
            &self.slips,
            today,
        ))
    }

    /// The stage on `today`, derived from the facts alone.
    pub fn stage_on(&self, today: NaiveDate) -> Stage {
        let Some(verdict) = &self.verdict else {
            return match self.reflection_days() {
                0 => Stage::NotStarted,
                n if n >= super::reflection::WEEK => Stage::VerdictDue,
                _ => Stage::Reflection,
            };
        };
        if self.checkpoints.iter().any(|c| c.answer == Answer::No) {
            return Stage::MovingOn;
        }
        let Some(count) = self.no_contact_on(today) else {
            return Stage::NoContact;
        };
        match verdict.path {
            Path::MoveOn if count.has_reached_target() => Stage::MovingOn,
            Path::Reconnect if checkpoint::is_confirmed(self, &count) => Stage::Reconnect,
            Path::Reconnect if count.is_complete() => Stage::CheckpointDue,
            Path::MoveOn | Path::Reconnect => Stage::NoContact,
        }
    }

    /// Activities dated within the seven days ending on `today`.
    pub fn activities_in_last_7_days(&self, today: NaiveDate) -> usize {
        self.activities
            .iter()
            .filter(|a| {
                let age = super::days_between(a.date, today);
                (0..7).contains(&age)
            })
            .count()
    }
}

impl Default for Journey {
    fn default() -> Self {
        Self::new()
    }
}
