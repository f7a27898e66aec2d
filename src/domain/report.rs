//! The month in one page: a pure value built from the journey and a day,
//! for `breather report` (text or Markdown), the checkpoint view and the
//! moving-on view. Readable on its own — printed, or shown to a friend.

use chrono::{Days, NaiveDate};

use super::checkpoint::Answer;
use super::{Category, Journey, Motive, Path, Stage};

/// The week table shows at most this many weeks (the newest).
pub const MAX_WEEKS: usize = 12;
/// Highlights: the best-rated activities, at most this many.
pub const MAX_HIGHLIGHTS: usize = 3;
/// A change in weekly mean mood smaller than this is "steady".
pub const STEADY_WITHIN: f64 = 0.25;

/// The month, as one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub today: NaiveDate,
    pub stage: Stage,
    pub path: Option<Path>,
    /// The day the count began (the last contact), once a path is chosen.
    pub since: Option<NaiveDate>,
    /// The week-one answers, oldest first.
    pub answers: Vec<WeekAnswer>,
    /// Motive tags given, in `Motive::ALL` order, zeros left out.
    pub tally: Vec<(Motive, usize)>,
    pub silence: Option<Silence>,
    pub activities: Activities,
    /// Seven-day weeks from `since`, oldest first (the newest `MAX_WEEKS`).
    pub weeks: Vec<Week>,
    /// Weeks before those in `weeks`.
    pub earlier_weeks: usize,
    pub slips: Vec<Dated>,
    pub exceptions: Vec<Dated>,
    /// The days urges were written down (kept, never sent), oldest first.
    pub urges: Vec<NaiveDate>,
    pub mood: MoodSummary,
    pub journal_entries: usize,
    /// Checkpoint answers, in the order given.
    pub checkpoint: Vec<(NaiveDate, Answer)>,
    pub messages: MessageCounts,
}

/// One reflection-week answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekAnswer {
    pub date: NaiveDate,
    pub is_morning: bool,
    pub motive: Option<Motive>,
    pub text: String,
}

/// The no-contact count on the report's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silence {
    /// The start of the current run.
    pub run_started_on: NaiveDate,
    pub days_done: u32,
    pub target_days: u32,
    pub longest_streak: u32,
    pub total_silent_days: u32,
    /// Some run reached the target.
    pub reached_target: bool,
}

/// What the person did with the silence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activities {
    pub total: usize,
    pub shareable: usize,
    pub they_would_like: usize,
    /// Categories with at least one activity, most first.
    pub by_category: Vec<(Category, usize)>,
    /// The best-rated ones (4 or 5 stars), best and newest first.
    pub highlights: Vec<Highlight>,
    /// Dated before the count began (the reflection week, say).
    pub before_count: usize,
}

/// One activity worth remembering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub title: String,
    pub category: Category,
    pub date: NaiveDate,
    pub rating: u8,
}

/// Seven days of the count.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// 1 for the first week of the count.
    pub number: usize,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub activities: usize,
    pub urges: usize,
    pub slips: usize,
    /// Mean mood of the week's journal entries.
    pub mood: Option<f64>,
}

/// A slip or an exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub note: Option<String>,
}

/// The journal's mood over the report's span.
#[derive(Debug, Clone, PartialEq)]
pub struct MoodSummary {
    /// Entries with a mood.
    pub entries: usize,
    pub mean: Option<f64>,
    /// From the first week with a mood to the last (needs two such weeks).
    pub trend: Option<Trend>,
}

/// How the weekly mean mood moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    pub from: f64,
    pub to: f64,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rising,
    Steady,
    Falling,
}

/// Drafts in the reconnect stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MessageCounts {
    pub drafts: usize,
    pub sent: usize,
    pub replied: usize,
}

#[allow(clippy::cast_precision_loss)] // a person's journal: far fewer than 2^52 entries
fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn plus(day: NaiveDate, days: usize) -> NaiveDate {
    day.checked_add_days(Days::new(u64::try_from(days).unwrap_or(u64::MAX)))
        .unwrap_or(NaiveDate::MAX)
}

impl Report {
    /// The report of `journey` on `today`.
    pub fn of(journey: &Journey, today: NaiveDate) -> Self {
        let since = journey.verdict.as_ref().map(|v| v.started_on);
        let mut answers: Vec<WeekAnswer> = journey
            .reflections
            .iter()
            .map(|r| WeekAnswer {
                date: r.date,
                is_morning: r.is_morning(),
                motive: r.motive,
                text: r.text.clone(),
            })
            .collect();
        answers.sort_by_key(|a| a.date);
        let silence = journey.no_contact_on(today).map(|c| Silence {
            run_started_on: c.started_on,
            days_done: c.days_done,
            target_days: c.target_days,
            longest_streak: c.longest_streak,
            total_silent_days: c.total_silent_days,
            reached_target: c.has_reached_target(),
        });
        let mut slips: Vec<Dated> = journey
            .slips
            .iter()
            .map(|s| Dated {
                date: s.date,
                note: s.note.clone(),
            })
            .collect();
        slips.sort_by_key(|d| d.date);
        let mut exceptions: Vec<Dated> = journey
            .exceptions
            .iter()
            .map(|e| Dated {
                date: e.date,
                note: Some(e.note.clone()),
            })
            .collect();
        exceptions.sort_by_key(|d| d.date);
        let mut urges: Vec<NaiveDate> = journey
            .urges
            .iter()
            .map(|u| u.written_at.date_naive())
            .collect();
        urges.sort_unstable();
        let (weeks, earlier_weeks, all_weeks) = weeks(journey, since, today);
        Report {
            today,
            stage: journey.stage_on(today),
            path: journey.path(),
            since,
            answers,
            tally: journey
                .motive_tally()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect(),
            silence,
            activities: activities(journey, since),
            weeks,
            earlier_weeks,
            slips,
            exceptions,
            urges,
            mood: mood(journey, since, &all_weeks),
            journal_entries: journey.journal.len(),
            checkpoint: journey
                .checkpoints
                .iter()
                .map(|c| (c.date, c.answer))
                .collect(),
            messages: MessageCounts {
                drafts: journey.drafts.len(),
                sent: journey
                    .drafts
                    .iter()
                    .filter(|d| d.sent_on.is_some())
                    .count(),
                replied: journey
                    .drafts
                    .iter()
                    .filter(|d| d.replied_on.is_some())
                    .count(),
            },
        }
    }

    /// Nothing written yet: no answer, no count, no entry.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
            && self.silence.is_none()
            && self.activities.total == 0
            && self.journal_entries == 0
            && self.urges.is_empty()
    }
}

fn activities(journey: &Journey, since: Option<NaiveDate>) -> Activities {
    let mut by_category: Vec<(Category, usize)> = Category::ALL
        .iter()
        .map(|c| {
            let n = journey
                .activities
                .iter()
                .filter(|a| a.category == *c)
                .count();
            (*c, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    // Stable: equal counts keep the categories' own order.
    by_category.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let mut rated: Vec<Highlight> = journey
        .activities
        .iter()
        .filter_map(|a| {
            let rating = a.rating?.get();
            (rating >= 4).then(|| Highlight {
                title: a.title.clone(),
                category: a.category,
                date: a.date,
                rating,
            })
        })
        .collect();
    rated.sort_by_key(|h| std::cmp::Reverse((h.rating, h.date)));
    rated.truncate(MAX_HIGHLIGHTS);
    Activities {
        total: journey.activities.len(),
        shareable: journey.activities.iter().filter(|a| a.share).count(),
        they_would_like: journey
            .activities
            .iter()
            .filter(|a| a.they_would_like)
            .count(),
        by_category,
        highlights: rated,
        before_count: since.map_or(0, |s| {
            journey.activities.iter().filter(|a| a.date < s).count()
        }),
    }
}

/// The weeks shown, how many earlier ones are left out, and all of them.
/// One pass over each list (a ten-year journal stays quick).
fn weeks(
    journey: &Journey,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> (Vec<Week>, usize, Vec<Week>) {
    let Some(since) = since.filter(|s| *s <= today) else {
        return (Vec::new(), 0, Vec::new());
    };
    let count = usize::try_from(super::days_between(since, today) / 7 + 1).unwrap_or(0);
    let mut all: Vec<Week> = (0..count)
        .map(|i| {
            let starts = plus(since, i * 7);
            Week {
                number: i + 1,
                starts,
                ends: plus(starts, 6),
                activities: 0,
                urges: 0,
                slips: 0,
                mood: None,
            }
        })
        .collect();
    let slot = |date: NaiveDate| -> Option<usize> {
        let days = super::days_between(since, date);
        usize::try_from(days / 7)
            .ok()
            .filter(|i| days >= 0 && *i < count)
    };
    for a in &journey.activities {
        if let Some(w) = slot(a.date).and_then(|i| all.get_mut(i)) {
            w.activities += 1;
        }
    }
    for u in &journey.urges {
        if let Some(w) = slot(u.written_at.date_naive()).and_then(|i| all.get_mut(i)) {
            w.urges += 1;
        }
    }
    for s in &journey.slips {
        if let Some(w) = slot(s.date).and_then(|i| all.get_mut(i)) {
            w.slips += 1;
        }
    }
    let mut moods: Vec<Vec<f64>> = vec![Vec::new(); count];
    for e in &journey.journal {
        if let (Some(i), Some(m)) = (slot(e.date), e.mood)
            && let Some(bucket) = moods.get_mut(i)
        {
            bucket.push(f64::from(m.get()));
        }
    }
    for (w, m) in all.iter_mut().zip(&moods) {
        w.mood = mean(m);
    }
    let earlier = all.len().saturating_sub(MAX_WEEKS);
    (all[earlier..].to_vec(), earlier, all)
}

fn mood(journey: &Journey, since: Option<NaiveDate>, weeks: &[Week]) -> MoodSummary {
    let moods: Vec<f64> = journey
        .journal
        .iter()
        .filter(|e| since.is_none_or(|s| e.date >= s))
        .filter_map(|e| e.mood.map(|m| f64::from(m.get())))
        .collect();
    let weekly: Vec<f64> = weeks.iter().filter_map(|w| w.mood).collect();
    let trend = match (weekly.first(), weekly.last()) {
        (Some(&from), Some(&to)) if weekly.len() >= 2 => {
            let direction = if to - from > STEADY_WITHIN {
                Direction::Rising
            } else if from - to > STEADY_WITHIN {
                Direction::Falling
            } else {
                Direction::Steady
            };
            Some(Trend {
                from,
                to,
                direction,
            })
        }
        _ => None,
    };
    MoodSummary {
        entries: moods.len(),
        mean: mean(&moods),
        trend,
    }
}

#[cfg(test)]
mod tests;
