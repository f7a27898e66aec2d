//! The app's model: the journey as last read, what is derived from it for
//! today (computed once per change, never per frame), and what is open.

use std::time::Duration;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::action::Screen;
use super::editor::{Editor, Purpose};
use super::form::Form;
use super::keymap::Mode;
use crate::domain::message::{Desk, Pacing};
use crate::domain::report::Report;
use crate::domain::summary::Summary;
use crate::domain::{Category, Journey, NoContact, Path, Preferences, Timestamp};
use crate::storage::FileStamp;

/// A confirmation waiting for y / n.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    ChoosePath {
        path: Path,
        target_days: u32,
    },
    DeleteActivity {
        id: u32,
        title: String,
    },
    CheckpointYes,
    CheckpointNotYet {
        days: u32,
    },
    CheckpointNo,
    /// Mark a draft as sent (the person sent it themselves).
    MarkSent {
        id: u32,
        pacing: Pacing,
    },
    /// They answered the last sent message (sent on `sent_on`).
    GotReply {
        id: u32,
        sent_on: NaiveDate,
    },
    /// Leaving the breather early, on purpose (the pause goes on meanwhile).
    LeaveBreatherEarly(Breather),
}

/// The pause after an urge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breather {
    pub total: Duration,
    pub elapsed: Duration,
}

impl Breather {
    pub fn remaining(&self) -> Duration {
        self.total.saturating_sub(self.elapsed)
    }
}

/// What is drawn over the screen.
#[derive(Debug)]
pub enum Overlay {
    Help,
    Editor(Box<Editor>),
    Form(Box<Form>),
    Dialog(Dialog),
    Breather(Breather),
}

/// A line at the bottom: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Numbers derived from the journey for one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub today: NaiveDate,
    pub summary: Summary,
    pub count: Option<NoContact>,
    /// Indices into `journey.reflections`, oldest first (the week in order).
    pub reflections: Vec<usize>,
    /// Indices into `journey.activities`, newest first.
    pub activities: Vec<usize>,
    /// Indices into `journey.journal`, newest first.
    pub journal: Vec<usize>,
    pub by_category: Vec<(Category, usize)>,
    /// Activities per week, the last eight weeks, oldest first (week start, count).
    pub per_week: Vec<(NaiveDate, usize)>,
    /// Mean mood per day for the last 28 days, oldest first.
    pub mood_by_day: Vec<Option<f64>>,
    /// The day weeks start on (Monday unless the config says otherwise).
    pub week_start: Weekday,
    /// Days of this week (from `week_start`) with at least one activity.
    pub week_activity: [bool; 7],
    /// Days since the last activity (None: none yet).
    pub days_since_activity: Option<i64>,
    /// The reconnect stage's drafts with their checks, the pacing, suggestions.
    pub desk: Desk,
    /// The month in one page (the checkpoint and moving-on views).
    pub report: Report,
}

/// Days from the start of the week (`week_start`) to `day`, 0..=6.
pub fn days_into_week(day: NaiveDate, week_start: Weekday) -> u32 {
    (day.weekday().num_days_from_monday() + 7 - week_start.num_days_from_monday()) % 7
}

impl Derived {
    /// The numbers for `today`, with weeks starting on Monday.
    pub fn of(journey: &Journey, today: NaiveDate) -> Self {
        Self::of_week(journey, today, Weekday::Mon)
    }

    /// Short weekday names, from the first day of the week.
    pub fn weekday_labels(&self) -> Vec<&'static str> {
        let mut days = crate::text::list("tui.weekdays");
        let start = self.week_start.num_days_from_monday() as usize;
        if start < days.len() {
            days.rotate_left(start);
        }
        days
    }

    /// The numbers for `today`, with weeks starting on `week_start`.
    pub fn of_week(journey: &Journey, today: NaiveDate, week_start: Weekday) -> Self {
        let mut reflections: Vec<usize> = (0..journey.reflections.len()).collect();
        reflections.sort_by_key(|&i| journey.reflections[i].date);
        let mut activities: Vec<usize> = (0..journey.activities.len()).collect();
        activities.sort_by_key(|&i| {
            std::cmp::Reverse((journey.activities[i].date, journey.activities[i].id))
        });
        let mut journal: Vec<usize> = (0..journey.journal.len()).collect();
        journal.sort_by_key(|&i| {
            std::cmp::Reverse((journey.journal[i].written_at, journey.journal[i].id))
        });
        let by_category = Category::ALL
            .iter()
            .map(|c| {
                (
                    *c,
                    journey
                        .activities
                        .iter()
                        .filter(|a| a.category == *c)
                        .count(),
                )
            })
            .collect();
        let week_first = today - Days::new(u64::from(days_into_week(today, week_start)));
        let per_week = (0..8u64)
            .rev()
            .map(|w| {
                let start = week_first - Days::new(7 * w);
                let end = start + Days::new(7);
                let n = journey
                    .activities
                    .iter()
                    .filter(|a| a.date >= start && a.date < end)
                    .count();
                (start, n)
            })
            .collect();
        let mood_by_day = (0..28u64)
            .rev()
            .map(|back| {
                let day = today - Days::new(back);
                let moods: Vec<f64> = journey
                    .journal
                    .iter()
                    .filter(|e| e.date == day)
                    .filter_map(|e| e.mood.map(|m| f64::from(m.get())))
                    .collect();
                #[allow(clippy::cast_precision_loss)] // a few entries a day
                let mean =
                    (!moods.is_empty()).then(|| moods.iter().sum::<f64>() / moods.len() as f64);
                mean
            })
            .collect();
        let mut week_activity = [false; 7];
        for a in &journey.activities {
            let offset = crate::domain::days_between(week_first, a.date);
            if let Some(slot) = usize::try_from(offset)
                .ok()
                .and_then(|i| week_activity.get_mut(i))
            {
                *slot = true;
            }
        }
        let days_since_activity = journey
            .activities
            .iter()
            .map(|a| a.date)
            .filter(|d| *d <= today)
            .max()
            .map(|d| crate::domain::days_between(d, today));
        Derived {
            today,
            summary: Summary::of(journey, today),
            count: journey.no_contact_on(today),
            reflections,
            activities,
            journal,
            by_category,
            per_week,
            mood_by_day,
            week_start,
            week_activity,
            days_since_activity,
            desk: Desk::of(journey, today),
            report: Report::of(journey, today),
        }
    }
}

/// Which row is selected on each list screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub reflect: usize,
    pub activities: usize,
    pub journal: usize,
    /// On Messages: the drafts, then the suggestions.
    pub messages: usize,
}

/// The whole app state.
#[derive(Debug)]
pub struct App {
    pub journey: Journey,
    pub now: Timestamp,
    pub derived: Derived,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub selection: Selection,
    /// Months back from the current one shown on Countdown (0 = this month).
    pub months_back: u32,
    /// The file as this app last saw it.
    pub stamp: Option<FileStamp>,
    /// Text typed into an editor that was closed without saving, by purpose:
    /// reopening the same editor brings it back.
    pub unsaved: Option<(Purpose, String)>,
    /// Minutes of the breather after an urge.
    pub breather_minutes: u32,
    /// The method's settings: morning cutoff, default target.
    pub preferences: Preferences,
    pub should_quit: bool,
}

impl App {
    pub fn new(journey: Journey, now: Timestamp, stamp: Option<FileStamp>) -> Self {
        let derived = Derived::of(&journey, now.date_naive());
        App {
            journey,
            now,
            derived,
            screen: Screen::Today,
            overlay: None,
            notice: None,
            selection: Selection::default(),
            months_back: 0,
            stamp,
            unsaved: None,
            breather_minutes: 10,
            preferences: Preferences::default(),
            should_quit: false,
        }
    }

    /// This app with the config's settings: the breather's minutes, the
    /// first day of the week, the morning cutoff and the default target.
    #[must_use]
    pub fn with_config(mut self, config: &crate::config::Config) -> Self {
        self.breather_minutes = config.breather_minutes;
        self.preferences = config.preferences;
        // Derived once more only when the week starts on another day.
        if config.first_day_of_week != self.derived.week_start {
            self.derived = Derived::of_week(&self.journey, self.today(), config.first_day_of_week);
        }
        self
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.derived.today
    }

    /// Replaces the journey (after a save or a reload) and re-derives.
    pub fn set_journey(&mut self, journey: Journey) {
        self.journey = journey;
        self.derived = Derived::of_week(
            &self.journey,
            self.now.date_naive(),
            self.derived.week_start,
        );
        self.clamp_selection();
    }

    /// Moves the clock; re-derives when the day changed.
    pub fn set_now(&mut self, now: Timestamp) -> bool {
        let day_changed = now.date_naive() != self.derived.today;
        self.now = now;
        if day_changed {
            self.derived =
                Derived::of_week(&self.journey, now.date_naive(), self.derived.week_start);
        }
        day_changed
    }

    fn clamp_selection(&mut self) {
        let s = &mut self.selection;
        s.reflect = s
            .reflect
            .min(self.derived.reflections.len().saturating_sub(1));
        s.activities = s
            .activities
            .min(self.derived.activities.len().saturating_sub(1));
        s.journal = s.journal.min(self.derived.journal.len().saturating_sub(1));
        let rows = self.derived.desk.drafts.len() + self.derived.desk.suggestions.len();
        s.messages = s.messages.min(rows.saturating_sub(1));
    }

    /// Who has the keyboard.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            None => Mode::Normal,
            Some(Overlay::Help) => Mode::Help,
            Some(Overlay::Editor(_)) => Mode::Editor,
            Some(Overlay::Form(_)) => Mode::Form,
            Some(Overlay::Dialog(_)) => Mode::Dialog,
            Some(Overlay::Breather(_)) => Mode::Breather,
        }
    }

    /// The text of an open editor, when it holds any.
    pub fn editor_text(&self) -> Option<String> {
        match &self.overlay {
            Some(Overlay::Editor(e)) => Some(e.text()).filter(|t| !t.trim().is_empty()),
            _ => None,
        }
    }

    /// The breather (or its leave-early question) is on screen.
    pub fn is_breathing(&self) -> bool {
        matches!(
            self.overlay,
            Some(Overlay::Breather(_) | Overlay::Dialog(Dialog::LeaveBreatherEarly(_)))
        )
    }

    /// How soon the loop should wake without input.
    pub fn wake_after(&self) -> Duration {
        if self.is_breathing() {
            Duration::from_millis(250)
        } else {
            Duration::from_secs(1)
        }
    }
}
