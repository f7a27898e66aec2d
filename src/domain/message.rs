//! Messages to the ex in the reconnect stage: drafts the person writes,
//! checks, copies out and marks sent. The app never sends anything.
//!
//! A draft written before the reconnect stage is kept with the unsent
//! messages (an urge) instead: drafting is always allowed, sending is not
//! part of the plan yet.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::checks::{self, Finding};
use super::suggest::{self, Suggestion};
use super::{DomainError, Journey, Stage, Timestamp, clean_text, next_id, not_in_future};

/// A sent message gets this many days before another (under three days old
/// is too soon), unless they answer first.
pub const WAIT_DAYS: u64 = 3;

/// A message draft and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub id: u32,
    pub written_at: Timestamp,
    pub text: String,
    /// The day the person marked it sent.
    #[serde(default)]
    pub sent_on: Option<NaiveDate>,
    /// The day they recorded a reply to it.
    #[serde(default)]
    pub replied_on: Option<NaiveDate>,
}

/// Whether a new message now would crowd the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pacing {
    /// Nothing waiting: a message now is fine.
    Clear,
    /// The last sent message has no answer and is under three days old.
    Unanswered {
        sent_on: NaiveDate,
        wait_until: NaiveDate,
    },
    /// A message was already marked sent today (and was answered).
    SentToday,
}

/// Where a draft was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// A draft of the reconnect stage, with this id.
    Draft(u32),
    /// Before the reconnect stage: kept with the unsent messages (urge id).
    Urge(u32),
}

/// What `draft` did: where the text was kept, and what the checks found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftOutcome {
    pub kept: Kept,
    pub findings: Vec<Finding>,
}

/// What `sent` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentOutcome {
    pub id: u32,
    pub sent_on: NaiveDate,
    /// The pacing just before: not `Clear` means it went out early.
    pub pacing_before: Pacing,
    /// The first day a next message would be fine without an answer.
    pub wait_until: NaiveDate,
}

/// What `reply` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyOutcome {
    pub id: u32,
    pub sent_on: NaiveDate,
    pub replied_on: NaiveDate,
}

fn plus_wait(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(WAIT_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

impl Journey {
    /// The last message marked sent (the latest day; the newest draft on a tie).
    pub fn last_sent(&self) -> Option<&Draft> {
        self.drafts
            .iter()
            .filter_map(|d| d.sent_on.map(|on| (on, d)))
            .max_by_key(|(on, d)| (*on, d.id))
            .map(|(_, d)| d)
    }

    /// The pacing on `today`, from what was sent and answered.
    pub fn pacing_on(&self, today: NaiveDate) -> Pacing {
        if let Some(last) = self.last_sent()
            && let Some(sent_on) = last.sent_on
            && last.replied_on.is_none()
            && super::days_between(sent_on, today) < i64::try_from(WAIT_DAYS).unwrap_or(i64::MAX)
        {
            return Pacing::Unanswered {
                sent_on,
                wait_until: plus_wait(sent_on),
            };
        }
        if self.drafts.iter().any(|d| d.sent_on == Some(today)) {
            Pacing::SentToday
        } else {
            Pacing::Clear
        }
    }

    /// Every check of `text` as a message sent on `today`.
    pub fn check_message(&self, text: &str, today: NaiveDate) -> Vec<Finding> {
        checks::check(text, &self.pacing_on(today))
    }

    /// Checks and keeps a draft. In the reconnect stage it is a draft;
    /// before it (or on the move-on path) it is kept as an unsent message.
    pub fn keep_draft(&mut self, now: Timestamp, text: &str) -> Result<DraftOutcome, DomainError> {
        let today = now.date_naive();
        let text = clean_text(text)?;
        let findings = self.check_message(&text, today);
        let kept = if self.stage_on(today) == Stage::Reconnect {
            let id = next_id(&self.drafts, |d| d.id);
            self.drafts.push(Draft {
                id,
                written_at: now,
                text,
                sent_on: None,
                replied_on: None,
            });
            Kept::Draft(id)
        } else {
            Kept::Urge(self.write_urge(now, &text)?)
        };
        Ok(DraftOutcome { kept, findings })
    }

    /// Refuses unless the journey is in the reconnect stage on `today`.
    pub fn check_reconnecting(&self, today: NaiveDate) -> Result<(), DomainError> {
        match self.stage_on(today) {
            Stage::Reconnect => Ok(()),
            Stage::MovingOn => Err(DomainError::MessagesOnMoveOnPath),
            stage => Err(DomainError::NotReconnecting { stage }),
        }
    }

    /// The draft `sent` would mark: `id`, or the latest draft.
    pub fn draft_to_send(&self, id: Option<u32>) -> Result<&Draft, DomainError> {
        let draft = match id {
            Some(id) => self
                .drafts
                .iter()
                .find(|d| d.id == id)
                .ok_or(DomainError::NoSuchDraft { id })?,
            None => self
                .drafts
                .iter()
                .max_by_key(|d| d.id)
                .ok_or(DomainError::NoDrafts)?,
        };
        match draft.sent_on {
            Some(on) => Err(DomainError::AlreadySent { id: draft.id, on }),
            None => Ok(draft),
        }
    }

    /// Marks draft `id` (default: the latest) as sent on `today`.
    pub fn mark_sent(
        &mut self,
        today: NaiveDate,
        id: Option<u32>,
    ) -> Result<SentOutcome, DomainError> {
        self.check_reconnecting(today)?;
        let id = self.draft_to_send(id)?.id;
        let pacing_before = self.pacing_on(today);
        let draft = self
            .drafts
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(DomainError::NoSuchDraft { id })?;
        draft.sent_on = Some(today);
        Ok(SentOutcome {
            id,
            sent_on: today,
            pacing_before,
            wait_until: plus_wait(today),
        })
    }

    /// Whether a reply to the last sent message can be recorded on `today`.
    pub fn check_reply(&self, today: NaiveDate) -> Result<&Draft, DomainError> {
        self.check_reconnecting(today)?;
        let last = self.last_sent().ok_or(DomainError::NothingSent)?;
        if let Some(on) = last.replied_on {
            return Err(DomainError::AlreadyReplied { id: last.id, on });
        }
        Ok(last)
    }

    /// Records that they answered the last sent message, on `date`.
    pub fn record_reply(
        &mut self,
        today: NaiveDate,
        date: NaiveDate,
    ) -> Result<ReplyOutcome, DomainError> {
        let date = not_in_future(date, today)?;
        let last = self.check_reply(today)?;
        let (id, sent_on) = (last.id, last.sent_on.unwrap_or(date));
        if date < sent_on {
            return Err(DomainError::ReplyBeforeSent { date, sent_on });
        }
        let draft = self
            .drafts
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or(DomainError::NoSuchDraft { id })?;
        draft.replied_on = Some(date);
        Ok(ReplyOutcome {
            id,
            sent_on,
            replied_on: date,
        })
    }
}

/// One kept draft with what the word checks found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDraft {
    /// Index into `journey.drafts`.
    pub index: usize,
    pub findings: Vec<Finding>,
}

/// The reconnect stage on one day: the drafts (newest first) with their
/// checks, the pacing, and suggestions from the activity log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    pub drafts: Vec<CheckedDraft>,
    pub pacing: Pacing,
    pub suggestions: Vec<Suggestion>,
}

impl Desk {
    /// The desk on `today`. Suggestions only in the reconnect stage.
    pub fn of(journey: &Journey, today: NaiveDate) -> Self {
        let mut drafts: Vec<CheckedDraft> = journey
            .drafts
            .iter()
            .enumerate()
            .map(|(index, d)| CheckedDraft {
                index,
                findings: checks::check_text(&d.text),
            })
            .collect();
        drafts.sort_by_key(|c| std::cmp::Reverse(journey.drafts[c.index].id));
        let suggestions = if journey.stage_on(today) == Stage::Reconnect {
            suggest::suggestions(journey, today)
        } else {
            Vec::new()
        };
        Desk {
            drafts,
            pacing: journey.pacing_on(today),
            suggestions,
        }
    }
}

#[cfg(test)]
mod tests;
