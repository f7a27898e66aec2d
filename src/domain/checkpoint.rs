//! The checkpoint at the end of the month (reconnect path only): "Do I
//! really want to get back together with my ex?" A `yes` opens the reconnect
//! stage only when given on two different days; `not-yet` extends the count;
//! `no` turns to moving on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DomainError, Journey, NoContact, Path, Stage, Timestamp};

/// Days added by `not-yet` when no number is given.
pub const DEFAULT_EXTENSION_DAYS: u32 = 14;

/// An answer to the checkpoint question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Yes,
    NotYet,
    No,
}

/// One answer, as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointAnswer {
    pub date: NaiveDate,
    pub answer: Answer,
    /// Days added to the target by a `not-yet`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend_days: Option<u32>,
    pub recorded_at: Timestamp,
}

/// What the checkpoint did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointOutcome {
    /// The first `yes`: sleep on it, confirm on another day.
    SleepOnIt,
    /// A second `yes` the same day: nothing changes.
    ConfirmAnotherDay,
    /// `yes` on a second day: the reconnect stage is open.
    Confirmed,
    /// `not-yet`: the count goes on to the new target.
    Extended { target_days: u32, due: NaiveDate },
    /// `no`: moving on.
    MovingOn,
}

/// The `yes` answers that count now: after the last `not-yet`, and given
/// after the current run started (a slip since then voids earlier ones).
fn standing_yes_days(journey: &Journey, count: &NoContact) -> Vec<NaiveDate> {
    let since_last_not_yet = journey
        .checkpoints
        .iter()
        .rposition(|c| c.answer == Answer::NotYet)
        .map_or(0, |i| i + 1);
    let mut days: Vec<NaiveDate> = journey.checkpoints[since_last_not_yet..]
        .iter()
        .filter(|c| c.answer == Answer::Yes && c.date > count.started_on)
        .map(|c| c.date)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// Two standing `yes` answers on different days.
pub(crate) fn is_confirmed(journey: &Journey, count: &NoContact) -> bool {
    standing_yes_days(journey, count).len() >= 2
}

impl Journey {
    /// Whether the checkpoint can be answered on `today`; the count if so.
    pub fn check_checkpoint(&self, today: NaiveDate) -> Result<NoContact, DomainError> {
        let verdict = self.verdict.as_ref().ok_or(DomainError::NoCountdownYet)?;
        if verdict.path == Path::MoveOn {
            return Err(DomainError::CheckpointOnMoveOnPath);
        }
        let count = self
            .no_contact_on(today)
            .ok_or(DomainError::NoCountdownYet)?;
        match self.stage_on(today) {
            Stage::CheckpointDue => Ok(count),
            Stage::NoContact => Err(DomainError::CheckpointTooEarly {
                days_left: count.days_left(),
                due: count.due_on(),
            }),
            stage => Err(DomainError::CheckpointNotDue { stage }),
        }
    }

    /// Answers the checkpoint question on the day of `now`.
    pub fn answer_checkpoint(
        &mut self,
        now: Timestamp,
        answer: Answer,
        extend_days: Option<u32>,
    ) -> Result<CheckpointOutcome, DomainError> {
        let today = now.date_naive();
        let count = self.check_checkpoint(today)?;
        let record = |answer, extend_days| CheckpointAnswer {
            date: today,
            answer,
            extend_days,
            recorded_at: now,
        };
        match answer {
            Answer::Yes => {
                if standing_yes_days(self, &count).contains(&today) {
                    return Ok(CheckpointOutcome::ConfirmAnotherDay);
                }
                self.checkpoints.push(record(Answer::Yes, None));
                if is_confirmed(self, &count) {
                    Ok(CheckpointOutcome::Confirmed)
                } else {
                    Ok(CheckpointOutcome::SleepOnIt)
                }
            }
            Answer::NotYet => {
                let days = extend_days.unwrap_or(DEFAULT_EXTENSION_DAYS);
                if days == 0 {
                    return Err(DomainError::ExtendDaysZero);
                }
                if days > super::verdict::MAX_TARGET_DAYS {
                    return Err(DomainError::TooManyDays {
                        days,
                        max: super::verdict::MAX_TARGET_DAYS,
                    });
                }
                self.checkpoints.push(record(Answer::NotYet, Some(days)));
                let count = self
                    .no_contact_on(today)
                    .ok_or(DomainError::NoCountdownYet)?;
                Ok(CheckpointOutcome::Extended {
                    target_days: count.target_days,
                    due: count.due_on(),
                })
            }
            Answer::No => {
                self.checkpoints.push(record(Answer::No, None));
                Ok(CheckpointOutcome::MovingOn)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("test dates are valid")
    }

    fn at(date: &str, hour: u32) -> Timestamp {
        DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+00:00")).expect("valid")
    }

    /// Week 2027-01-01..07, verdict on 01-08 counting from 01-08: due 02-07.
    fn journey(path: Path) -> Journey {
        let mut j = crate::domain::verdict::tests::journey_after_week("2027-01-01");
        j.decide(day("2027-01-08"), path, day("2027-01-08"), 30)
            .expect("accepted");
        j
    }

    #[test]
    fn refused_before_the_month_is_complete() {
        let mut j = journey(Path::Reconnect);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-06", 9), Answer::Yes, None),
            Err(DomainError::CheckpointTooEarly {
                days_left: 1,
                due: day("2027-02-07")
            })
        );
        assert!(j.checkpoints.is_empty());
    }

    #[test]
    fn refused_on_the_move_on_path() {
        let mut j = journey(Path::MoveOn);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-10", 9), Answer::Yes, None),
            Err(DomainError::CheckpointOnMoveOnPath)
        );
        assert_eq!(j.stage_on(day("2027-02-06")), Stage::NoContact);
        assert_eq!(j.stage_on(day("2027-02-07")), Stage::MovingOn);
    }

    #[test]
    fn yes_must_be_given_on_two_different_days() {
        let mut j = journey(Path::Reconnect);
        assert_eq!(j.stage_on(day("2027-02-07")), Stage::CheckpointDue);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-07", 9), Answer::Yes, None),
            Ok(CheckpointOutcome::SleepOnIt)
        );
        assert_eq!(
            j.answer_checkpoint(at("2027-02-07", 22), Answer::Yes, None),
            Ok(CheckpointOutcome::ConfirmAnotherDay)
        );
        assert_eq!(j.checkpoints.len(), 1, "a same-day yes changes nothing");
        assert_eq!(j.stage_on(day("2027-02-07")), Stage::CheckpointDue);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-09", 9), Answer::Yes, None),
            Ok(CheckpointOutcome::Confirmed)
        );
        assert_eq!(j.stage_on(day("2027-02-09")), Stage::Reconnect);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-10", 9), Answer::Yes, None),
            Err(DomainError::CheckpointNotDue {
                stage: Stage::Reconnect
            })
        );
    }

    #[test]
    fn not_yet_extends_the_target_and_voids_earlier_yes() {
        let mut j = journey(Path::Reconnect);
        j.answer_checkpoint(at("2027-02-07", 9), Answer::Yes, None)
            .expect("accepted");
        let outcome = j.answer_checkpoint(at("2027-02-08", 9), Answer::NotYet, None);
        assert_eq!(
            outcome,
            Ok(CheckpointOutcome::Extended {
                target_days: 44,
                due: day("2027-02-21")
            })
        );
        assert_eq!(j.stage_on(day("2027-02-08")), Stage::NoContact);
        assert_eq!(j.stage_on(day("2027-02-21")), Stage::CheckpointDue);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-21", 9), Answer::Yes, None),
            Ok(CheckpointOutcome::SleepOnIt)
        );
        assert_eq!(
            j.answer_checkpoint(at("2027-02-22", 9), Answer::NotYet, Some(0)),
            Err(DomainError::ExtendDaysZero)
        );
        assert_eq!(
            j.answer_checkpoint(at("2027-02-22", 9), Answer::NotYet, Some(30)),
            Ok(CheckpointOutcome::Extended {
                target_days: 74,
                due: day("2027-03-23")
            })
        );
    }

    #[test]
    fn no_turns_to_moving_on_for_good() {
        let mut j = journey(Path::Reconnect);
        assert_eq!(
            j.answer_checkpoint(at("2027-02-07", 9), Answer::No, None),
            Ok(CheckpointOutcome::MovingOn)
        );
        assert_eq!(j.stage_on(day("2027-02-07")), Stage::MovingOn);
        assert_eq!(j.stage_on(day("2027-06-07")), Stage::MovingOn);
        assert!(matches!(
            j.answer_checkpoint(at("2027-02-08", 9), Answer::Yes, None),
            Err(DomainError::CheckpointNotDue {
                stage: Stage::MovingOn
            })
        ));
    }

    #[test]
    fn a_slip_between_two_yes_answers_voids_the_first() {
        let mut j = journey(Path::Reconnect);
        j.answer_checkpoint(at("2027-02-07", 9), Answer::Yes, None)
            .expect("accepted");
        j.record_slip(at("2027-02-08", 9), day("2027-02-08"), None)
            .expect("accepted");
        assert_eq!(j.stage_on(day("2027-02-08")), Stage::NoContact);
        assert_eq!(j.stage_on(day("2027-03-10")), Stage::CheckpointDue);
        assert_eq!(
            j.answer_checkpoint(at("2027-03-10", 9), Answer::Yes, None),
            Ok(CheckpointOutcome::SleepOnIt)
        );
    }

    #[test]
    fn slips_are_refused_once_reconnecting() {
        let mut j = journey(Path::Reconnect);
        j.answer_checkpoint(at("2027-02-07", 9), Answer::Yes, None)
            .expect("accepted");
        j.answer_checkpoint(at("2027-02-08", 9), Answer::Yes, None)
            .expect("accepted");
        assert_eq!(
            j.record_slip(at("2027-02-09", 9), day("2027-02-09"), None),
            Err(DomainError::SlipInReconnect)
        );
    }

    #[test]
    fn moving_on_after_the_month_keeps_an_open_streak_through_a_slip() {
        let mut j = journey(Path::MoveOn);
        j.record_slip(at("2027-02-20", 9), day("2027-02-20"), None)
            .expect("slips are kept honestly");
        assert_eq!(j.stage_on(day("2027-02-21")), Stage::MovingOn);
        let c = j.no_contact_on(day("2027-02-21")).expect("counting");
        assert_eq!(
            (c.days_done, c.longest_streak, c.total_silent_days),
            (1, 43, 44)
        );
    }
}
