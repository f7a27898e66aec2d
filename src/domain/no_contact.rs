//! The no-contact count, in calendar days. A slip ends the current run and
//! starts a new one, but never erases what was done: the longest run and the
//! total of silent days are kept. Exceptions (children, a lease, bills) never
//! break the count.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    DomainError, Journey, Stage, Timestamp, clean_note, clean_text, days_between, next_id,
    not_in_future,
};

/// Days at which a milestone is celebrated.
pub const MILESTONES: [u32; 5] = [7, 14, 30, 60, 90];

/// Contact with the ex, recorded honestly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slip {
    pub id: u32,
    pub date: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
    pub recorded_at: Timestamp,
}

/// Unavoidable contact that does not break the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactException {
    pub id: u32,
    pub date: NaiveDate,
    pub note: String,
    pub recorded_at: Timestamp,
}

/// The count on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoContact {
    /// The first day of the current run (day 0).
    pub started_on: NaiveDate,
    /// Calendar days since `started_on`; 0 when the clock reads a day before it.
    pub days_done: u32,
    pub target_days: u32,
    pub slips: usize,
    /// The longest run, the current one included.
    pub longest_streak: u32,
    /// All runs added up, the current one included.
    pub total_silent_days: u32,
    /// True when today lies before the start of the current run: the clock
    /// was moved back, or the person travelled across the date line. The
    /// count shows 0 and says so instead of going negative.
    pub clock_is_behind: bool,
}

fn whole_days(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from(days_between(from, to).max(0)).unwrap_or(u32::MAX)
}

impl NoContact {
    /// The count on `today` for a countdown started on `first_start` with
    /// `slips` (in any order).
    pub fn compute(
        first_start: NaiveDate,
        target_days: u32,
        slips: &[Slip],
        today: NaiveDate,
    ) -> Self {
        let mut dates: Vec<NaiveDate> = slips.iter().map(|s| s.date).collect();
        dates.sort_unstable();
        let mut start = first_start;
        let mut longest = 0;
        let mut total: u32 = 0;
        for slip in dates {
            let run = whole_days(start, slip);
            longest = longest.max(run);
            total = total.saturating_add(run);
            start = start.max(slip);
        }
        let clock_is_behind = today < start;
        let days_done = whole_days(start, today);
        NoContact {
            started_on: start,
            days_done,
            target_days,
            slips: slips.len(),
            longest_streak: longest.max(days_done),
            total_silent_days: total.saturating_add(days_done),
            clock_is_behind,
        }
    }

    /// Days still to go before the target (0 once reached).
    pub fn days_left(&self) -> u32 {
        self.target_days.saturating_sub(self.days_done)
    }

    /// The current run has reached the target.
    pub fn is_complete(&self) -> bool {
        self.days_done >= self.target_days
    }

    /// Some run, this one or an earlier one, reached the target.
    pub fn has_reached_target(&self) -> bool {
        self.longest_streak >= self.target_days
    }

    /// The day the current run reaches the target.
    pub fn due_on(&self) -> NaiveDate {
        self.started_on
            .checked_add_days(chrono::Days::new(u64::from(self.target_days)))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The milestone reached exactly today, if any.
    pub fn milestone_today(&self) -> Option<u32> {
        MILESTONES.into_iter().find(|&m| m == self.days_done)
    }

    /// The next milestone ahead of the current run.
    pub fn next_milestone(&self) -> Option<u32> {
        MILESTONES.into_iter().find(|&m| m > self.days_done)
    }

    /// Progress towards the target, 0.0 ..= 1.0.
    pub fn progress(&self) -> f64 {
        if self.target_days == 0 {
            return 1.0;
        }
        (f64::from(self.days_done) / f64::from(self.target_days)).min(1.0)
    }
}

impl Journey {
    /// Records contact with the ex on `date`: the count restarts from it.
    pub fn record_slip(
        &mut self,
        now: Timestamp,
        date: NaiveDate,
        note: Option<&str>,
    ) -> Result<NoContact, DomainError> {
        let today = now.date_naive();
        let date = not_in_future(date, today)?;
        let note = clean_note(note)?;
        let count = self
            .no_contact_on(today)
            .ok_or(DomainError::NoCountdownYet)?;
        if self.stage_on(today) == Stage::Reconnect {
            return Err(DomainError::SlipInReconnect);
        }
        if date < count.started_on {
            return Err(DomainError::SlipBeforeRun {
                date,
                started_on: count.started_on,
            });
        }
        let id = next_id(&self.slips, |s| s.id);
        self.slips.push(Slip {
            id,
            date,
            note,
            recorded_at: now,
        });
        self.no_contact_on(today).ok_or(DomainError::NoCountdownYet)
    }

    /// Records unavoidable contact; the count goes on.
    pub fn record_exception(
        &mut self,
        now: Timestamp,
        date: NaiveDate,
        note: &str,
    ) -> Result<(), DomainError> {
        let today = now.date_naive();
        let date = not_in_future(date, today)?;
        let note = clean_text(note)?;
        if self.verdict.is_none() {
            return Err(DomainError::NoCountdownYet);
        }
        let id = next_id(&self.exceptions, |e| e.id);
        self.exceptions.push(ContactException {
            id,
            date,
            note,
            recorded_at: now,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Path;
    use chrono::{DateTime, Days};

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("test dates are valid")
    }

    fn slip(date: &str) -> Slip {
        Slip {
            id: 0,
            date: day(date),
            note: None,
            recorded_at: DateTime::parse_from_rfc3339("2027-01-01T00:00:00Z").expect("valid"),
        }
    }

    #[test]
    fn days_done_counts_calendar_days_from_the_start() {
        // (today offset, days_done, days_left, complete)
        let table = [
            (0, 0, 30, false),
            (1, 1, 29, false),
            (6, 6, 24, false),
            (7, 7, 23, false),
            (29, 29, 1, false),
            (30, 30, 0, true),
            (31, 31, 0, true),
        ];
        let start = day("2027-01-10");
        for (offset, done, left, complete) in table {
            let c = NoContact::compute(start, 30, &[], start + Days::new(offset));
            assert_eq!(c.days_done, done, "day {offset}");
            assert_eq!(c.days_left(), left, "day {offset}");
            assert_eq!(c.is_complete(), complete, "day {offset}");
            assert_eq!(c.longest_streak, done);
            assert_eq!(c.total_silent_days, done);
        }
    }

    #[test]
    fn a_slip_restarts_the_run_but_keeps_longest_and_total() {
        let start = day("2027-01-01");
        let c = NoContact::compute(start, 30, &[slip("2027-01-13")], day("2027-01-18"));
        assert_eq!(c.started_on, day("2027-01-13"));
        assert_eq!(c.days_done, 5);
        assert_eq!(c.slips, 1);
        assert_eq!(c.longest_streak, 12);
        assert_eq!(c.total_silent_days, 17);
    }

    #[test]
    fn the_current_run_counts_towards_longest_once_it_is_longer() {
        let start = day("2027-01-01");
        let c = NoContact::compute(start, 30, &[slip("2027-01-04")], day("2027-02-01"));
        assert_eq!(c.days_done, 28);
        assert_eq!(c.longest_streak, 28);
        assert_eq!(c.total_silent_days, 31);
    }

    #[test]
    fn a_slip_on_the_last_day_restarts_the_month() {
        let start = day("2027-01-01");
        let last_day = day("2027-01-30");
        let c = NoContact::compute(start, 30, &[slip("2027-01-30")], last_day);
        assert_eq!(c.days_done, 0);
        assert_eq!(c.longest_streak, 29);
        assert!(!c.is_complete());
        assert_eq!(c.due_on(), day("2027-03-01"));
    }

    #[test]
    fn two_slips_on_one_day_make_one_empty_run() {
        let c = NoContact::compute(
            day("2027-01-01"),
            30,
            &[slip("2027-01-05"), slip("2027-01-05")],
            day("2027-01-06"),
        );
        assert_eq!(c.days_done, 1);
        assert_eq!(c.slips, 2);
        assert_eq!(c.total_silent_days, 5);
    }

    #[test]
    fn across_29_february_and_the_year_end() {
        let c = NoContact::compute(day("2028-02-15"), 30, &[], day("2028-03-16"));
        assert_eq!(c.days_done, 30, "2028 is a leap year");
        let c = NoContact::compute(day("2027-02-15"), 30, &[], day("2027-03-16"));
        assert_eq!(c.days_done, 29);
        let c = NoContact::compute(day("2026-12-17"), 30, &[], day("2027-01-16"));
        assert_eq!(c.days_done, 30);
        assert!(c.is_complete());
    }

    #[test]
    fn a_dst_weekend_does_not_shift_the_day() {
        // Europe's clocks go forward on 2027-03-28; a 23-hour day is still a day.
        let c = NoContact::compute(day("2027-03-27"), 30, &[], day("2027-03-29"));
        assert_eq!(c.days_done, 2);
        // US fall back 2027-11-07: a 25-hour day is still one day.
        let c = NoContact::compute(day("2027-11-06"), 30, &[], day("2027-11-08"));
        assert_eq!(c.days_done, 2);
    }

    #[test]
    fn a_clock_moved_back_reads_zero_and_says_so() {
        let c = NoContact::compute(
            day("2027-01-10"),
            30,
            &[slip("2027-01-20")],
            day("2027-01-18"),
        );
        assert_eq!(c.days_done, 0);
        assert!(c.clock_is_behind);
        assert_eq!(c.longest_streak, 10, "the earlier run is never lost");
        assert_eq!(c.total_silent_days, 10);
    }

    #[test]
    fn milestones() {
        let start = day("2027-01-01");
        let at = |n: u64| NoContact::compute(start, 30, &[], start + Days::new(n));
        assert_eq!(at(6).next_milestone(), Some(7));
        assert_eq!(at(7).milestone_today(), Some(7));
        assert_eq!(at(8).milestone_today(), None);
        assert_eq!(at(14).next_milestone(), Some(30));
        assert_eq!(at(90).next_milestone(), None);
    }

    fn counting_journey() -> Journey {
        let mut j = crate::domain::verdict::tests::journey_after_week("2027-01-01");
        j.decide(day("2027-01-08"), Path::Reconnect, day("2027-01-08"), 30)
            .expect("accepted");
        j
    }

    fn noon(date: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(&format!("{date}T12:00:00+00:00")).expect("valid")
    }

    #[test]
    fn slips_in_the_future_or_before_the_run_are_refused() {
        let mut j = counting_journey();
        let now = noon("2027-01-20");
        assert!(matches!(
            j.record_slip(now, day("2027-01-21"), None),
            Err(DomainError::DateInFuture { .. })
        ));
        j.record_slip(now, day("2027-01-15"), Some("called"))
            .expect("accepted");
        assert_eq!(
            j.record_slip(now, day("2027-01-14"), None),
            Err(DomainError::SlipBeforeRun {
                date: day("2027-01-14"),
                started_on: day("2027-01-15")
            })
        );
        assert_eq!(j.slips.len(), 1);
    }

    #[test]
    fn slips_need_a_countdown() {
        let mut j = Journey::new();
        assert_eq!(
            j.record_slip(noon("2027-01-20"), day("2027-01-20"), None),
            Err(DomainError::NoCountdownYet)
        );
    }

    #[test]
    fn exceptions_never_break_the_count() {
        let mut j = counting_journey();
        j.record_exception(noon("2027-01-20"), day("2027-01-19"), "school pickup")
            .expect("accepted");
        let c = j.no_contact_on(day("2027-01-20")).expect("counting");
        assert_eq!(c.days_done, 12);
        assert_eq!(c.slips, 0);
        assert_eq!(j.exceptions.len(), 1);
        assert_eq!(
            j.record_exception(noon("2027-01-20"), day("2027-01-20"), "  "),
            Err(DomainError::BlankText)
        );
    }
}
