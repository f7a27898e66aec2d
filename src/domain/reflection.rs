//! The reflection week: one honest answer a day to "why do I want my ex to
//! miss me?", on seven different days. A past day's answer is read-only.

use chrono::{NaiveDate, Timelike};
use serde::{Deserialize, Serialize};

use super::{DomainError, Journey, Timestamp, clean_text, next_id};

/// Answers on this many different days complete the week.
pub const WEEK: usize = 7;

/// Answers written before this hour (local time) count as morning answers.
pub const MORNING_ENDS_AT_HOUR: u32 = 12;

/// The writer's own reading of why they want their ex to miss them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motive {
    Revenge,
    Reconnect,
    Friendship,
    Unsure,
}

impl Motive {
    pub const ALL: [Motive; 4] = [
        Motive::Revenge,
        Motive::Reconnect,
        Motive::Friendship,
        Motive::Unsure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Motive::Revenge => "revenge",
            Motive::Reconnect => "reconnect",
            Motive::Friendship => "friendship",
            Motive::Unsure => "unsure",
        }
    }
}

/// One morning's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    pub id: u32,
    pub date: NaiveDate,
    pub written_at: Timestamp,
    pub text: String,
    #[serde(default)]
    pub motive: Option<Motive>,
}

impl Reflection {
    /// Written before noon, local time of writing (the default cutoff).
    pub fn is_morning(&self) -> bool {
        self.is_morning_before(MORNING_ENDS_AT_HOUR)
    }

    /// Written before `hour` o'clock, local time of writing.
    pub fn is_morning_before(&self, hour: u32) -> bool {
        self.written_at.hour() < hour
    }

    /// "morning · revenge": when the answer was written, and its tag.
    pub fn marks(&self, morning_ends_at_hour: u32) -> String {
        answer_marks(self.is_morning_before(morning_ends_at_hour), self.motive)
    }
}

/// "morning · revenge" or "not-morning": how an answer is labelled everywhere.
pub fn answer_marks(is_morning: bool, motive: Option<Motive>) -> String {
    let when = if is_morning {
        crate::tr!("list.morning")
    } else {
        crate::tr!("list.not_morning")
    };
    match motive {
        Some(m) => format!("{when} · {}", m.as_str()),
        None => when,
    }
}

/// What `reflect` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReflectOutcome {
    /// A new answer; `answered` days so far, this one included.
    Saved { answered: usize, is_morning: bool },
    /// Today's answer was rewritten.
    Replaced { answered: usize, is_morning: bool },
}

impl Journey {
    /// How many different days have an answer.
    pub fn reflection_days(&self) -> usize {
        let mut days: Vec<NaiveDate> = self.reflections.iter().map(|r| r.date).collect();
        days.sort_unstable();
        days.dedup();
        days.len()
    }

    /// The answer written on `day`, if any.
    pub fn reflection_on(&self, day: NaiveDate) -> Option<&Reflection> {
        self.reflections.iter().find(|r| r.date == day)
    }

    /// True once seven different days are answered.
    pub fn is_week_complete(&self) -> bool {
        self.reflection_days() >= WEEK
    }

    /// Tally of motive tags across the week's answers, in [`Motive::ALL`] order.
    pub fn motive_tally(&self) -> [(Motive, usize); 4] {
        Motive::ALL.map(|m| {
            (
                m,
                self.reflections
                    .iter()
                    .filter(|r| r.motive == Some(m))
                    .count(),
            )
        })
    }

    /// Whether an answer written on `today` would be taken (before anyone
    /// spends time writing it).
    pub fn check_reflect(&self, today: NaiveDate, replace: bool) -> Result<(), DomainError> {
        if self.verdict.is_some() {
            return Err(DomainError::WeekComplete);
        }
        match self.reflection_on(today) {
            Some(_) if replace => Ok(()),
            Some(_) => Err(DomainError::AlreadyAnsweredToday),
            None if self.is_week_complete() => Err(DomainError::WeekComplete),
            None => Ok(()),
        }
    }

    /// Writes today's answer, with mornings ending at noon (see
    /// [`Journey::reflect_with`]).
    pub fn reflect(
        &mut self,
        now: Timestamp,
        text: &str,
        motive: Option<Motive>,
        replace: bool,
    ) -> Result<ReflectOutcome, DomainError> {
        self.reflect_with(now, text, motive, replace, MORNING_ENDS_AT_HOUR)
    }

    /// Writes today's answer; it is a morning answer when written before
    /// `morning_ends_at_hour`. A second answer on the same day needs
    /// `replace`; once the week is complete (or a path is chosen) no answer
    /// is taken — the journal is the place to keep writing.
    pub fn reflect_with(
        &mut self,
        now: Timestamp,
        text: &str,
        motive: Option<Motive>,
        replace: bool,
        morning_ends_at_hour: u32,
    ) -> Result<ReflectOutcome, DomainError> {
        let text = clean_text(text)?;
        let today = now.date_naive();
        let is_morning = now.hour() < morning_ends_at_hour;
        self.check_reflect(today, replace)?;
        if let Some(existing) = self.reflections.iter_mut().find(|r| r.date == today) {
            existing.text = text;
            existing.written_at = now;
            existing.motive = motive;
            return Ok(ReflectOutcome::Replaced {
                answered: self.reflection_days(),
                is_morning,
            });
        }
        let id = next_id(&self.reflections, |r| r.id);
        self.reflections.push(Reflection {
            id,
            date: today,
            written_at: now,
            text,
            motive,
        });
        Ok(ReflectOutcome::Saved {
            answered: self.reflection_days(),
            is_morning,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Stage;
    use chrono::{DateTime, Duration};

    fn at(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).expect("test timestamps are valid RFC 3339")
    }

    fn week_from(start: &str) -> (Journey, Timestamp) {
        let mut j = Journey::new();
        let first = at(start);
        for day in 0..7 {
            j.reflect(first + Duration::days(day), "because", None, false)
                .expect("one answer a day is accepted");
        }
        (j, first)
    }

    #[test]
    fn seven_different_days_complete_the_week() {
        let mut j = Journey::new();
        let first = at("2027-01-01T08:00:00+01:00");
        for day in 0..7 {
            assert!(!j.is_week_complete());
            let stage = j.stage_on(first.date_naive() + Duration::days(day));
            assert_eq!(
                stage,
                if day == 0 {
                    Stage::NotStarted
                } else {
                    Stage::Reflection
                }
            );
            j.reflect(
                first + Duration::days(day),
                "honest words",
                Some(Motive::Unsure),
                false,
            )
            .expect("accepted");
        }
        assert!(j.is_week_complete());
        assert_eq!(
            j.stage_on(first.date_naive() + Duration::days(7)),
            Stage::VerdictDue
        );
    }

    #[test]
    fn second_answer_on_the_same_day_needs_replace() {
        let mut j = Journey::new();
        let now = at("2027-01-01T08:00:00+01:00");
        j.reflect(now, "first", None, false).expect("accepted");
        assert_eq!(
            j.reflect(now + Duration::hours(1), "second", None, false),
            Err(DomainError::AlreadyAnsweredToday)
        );
        let replaced = j.reflect(
            now + Duration::hours(5),
            "second",
            Some(Motive::Revenge),
            true,
        );
        assert_eq!(
            replaced,
            Ok(ReflectOutcome::Replaced {
                answered: 1,
                is_morning: false
            })
        );
        assert_eq!(j.reflections.len(), 1);
        assert_eq!(j.reflections[0].text, "second");
        assert!(!j.reflections[0].is_morning());
    }

    #[test]
    fn past_days_stay_read_only_even_with_replace() {
        let mut j = Journey::new();
        let day1 = at("2027-01-01T08:00:00+01:00");
        j.reflect(day1, "day one", None, false).expect("accepted");
        j.reflect(day1 + Duration::days(1), "day two", None, true)
            .expect("accepted");
        assert_eq!(j.reflections.len(), 2);
        assert_eq!(j.reflections[0].text, "day one");
    }

    #[test]
    fn morning_ends_at_noon() {
        let table = [
            ("2027-01-01T00:00:00+01:00", true),
            ("2027-01-01T11:59:59+01:00", true),
            ("2027-01-01T12:00:00+01:00", false),
            ("2027-01-01T23:59:00+01:00", false),
        ];
        for (time, morning) in table {
            let mut j = Journey::new();
            let outcome = j.reflect(at(time), "x", None, false).expect("accepted");
            assert_eq!(
                outcome,
                ReflectOutcome::Saved {
                    answered: 1,
                    is_morning: morning
                },
                "{time}"
            );
        }
    }

    #[test]
    fn blank_answers_are_refused() {
        let mut j = Journey::new();
        for blank in ["", "   ", "\n\t \n"] {
            assert_eq!(
                j.reflect(at("2027-01-01T08:00:00Z"), blank, None, false),
                Err(DomainError::BlankText)
            );
        }
        assert!(j.reflections.is_empty());
    }

    #[test]
    fn an_eighth_day_is_refused_and_points_to_the_journal() {
        let (mut j, first) = week_from("2027-01-01T08:00:00+01:00");
        assert_eq!(
            j.reflect(first + Duration::days(7), "more", None, false),
            Err(DomainError::WeekComplete)
        );
        // The seventh day's answer can still be rewritten that same day.
        assert!(
            j.reflect(
                first + Duration::days(6) + Duration::hours(2),
                "edit",
                None,
                true
            )
            .is_ok()
        );
    }

    #[test]
    fn the_tally_counts_each_motive() {
        let mut j = Journey::new();
        let first = at("2027-01-01T08:00:00+01:00");
        let tags = [
            Some(Motive::Revenge),
            Some(Motive::Revenge),
            Some(Motive::Reconnect),
            None,
        ];
        for (i, tag) in tags.into_iter().enumerate() {
            j.reflect(
                first + Duration::days(i64::try_from(i).expect("small")),
                "x",
                tag,
                false,
            )
            .expect("accepted");
        }
        let tally = j.motive_tally();
        assert_eq!(tally[0], (Motive::Revenge, 2));
        assert_eq!(tally[1], (Motive::Reconnect, 1));
        assert_eq!(tally[2], (Motive::Friendship, 0));
    }

    #[test]
    fn answers_across_new_year_and_29_february_are_different_days() {
        let (j, _) = week_from("2027-12-28T07:00:00+01:00");
        assert!(j.is_week_complete());
        let (j, first) = week_from("2028-02-26T07:00:00+01:00");
        assert_eq!(
            j.reflections[3].date,
            NaiveDate::from_ymd_opt(2028, 2, 29).expect("leap day")
        );
        assert_eq!(j.reflection_days(), 7);
        assert_eq!(
            first.date_naive(),
            NaiveDate::from_ymd_opt(2028, 2, 26).expect("valid")
        );
    }
}
