//! Why the method refuses an action. Each variant is one clear sentence
//! (from `assets/text.toml`) saying what was wrong and what to do.

use chrono::NaiveDate;

use crate::{text, tr};

use super::{Path, Stage};

/// A refused action. Nothing is written when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("{}", tr!("error.blank_text"))]
    BlankText,
    #[error("{}", tr!("error.text_too_long", chars = chars, max = max))]
    TextTooLong { chars: usize, max: usize },
    #[error("{}", tr!("error.blank_title"))]
    BlankTitle,
    #[error("{}", tr!("error.date_in_future", date = date, today = today))]
    DateInFuture { date: NaiveDate, today: NaiveDate },
    #[error("{}", tr!("error.already_answered_today"))]
    AlreadyAnsweredToday,
    #[error("{}", tr!("error.week_complete"))]
    WeekComplete,
    #[error("{}", tr!("error.week_not_complete", answered = answered, left = 7 - answered))]
    WeekNotComplete { answered: usize },
    #[error("{}", tr!("error.path_already_chosen", path = path.label(), on = on))]
    PathAlreadyChosen { path: Path, on: NaiveDate },
    #[error("{}", tr!("error.target_too_short", days = days, min = min))]
    TargetTooShort { days: u32, min: u32 },
    #[error("{}", tr!("error.last_contact_in_future", date = date))]
    LastContactInFuture { date: NaiveDate },
    #[error("{}", tr!("error.no_countdown_yet"))]
    NoCountdownYet,
    #[error("{}", tr!("error.slip_before_run", date = date, started_on = started_on))]
    SlipBeforeRun {
        date: NaiveDate,
        started_on: NaiveDate,
    },
    #[error("{}", tr!("error.slip_in_reconnect"))]
    SlipInReconnect,
    #[error("{}", tr!("error.rating_out_of_range", given = given))]
    RatingOutOfRange { given: i64 },
    #[error("{}", tr!("error.mood_out_of_range", given = given))]
    MoodOutOfRange { given: i64 },
    #[error("{}", tr!("error.checkpoint_move_on"))]
    CheckpointOnMoveOnPath,
    #[error("{}", tr!("error.checkpoint_too_early", days_left = text::count(*days_left, "count.days"), due = due))]
    CheckpointTooEarly { days_left: u32, due: NaiveDate },
    #[error("{}", tr!("error.checkpoint_not_due", stage = stage.label()))]
    CheckpointNotDue { stage: Stage },
    #[error("{}", tr!("error.extend_days_zero"))]
    ExtendDaysZero,
    #[error("{}", tr!("error.too_many_days", days = days, max = max))]
    TooManyDays { days: u32, max: u32 },
    #[error("{}", tr!("error.no_such_backup", wanted = wanted))]
    NoSuchBackup { wanted: String },
    #[error("{}", tr!("error.no_such_activity", id = id))]
    NoSuchActivity { id: u32 },
    #[error("{}", tr!("import.into_non_empty"))]
    ImportIntoNonEmpty,
    // Messages and sharing (the reconnect stage, step 5).
    #[error("{}", tr!("error.not_reconnecting", stage = stage.label()))]
    NotReconnecting { stage: Stage },
    #[error("{}", tr!("error.messages_move_on"))]
    MessagesOnMoveOnPath,
    #[error("{}", tr!("error.no_drafts"))]
    NoDrafts,
    #[error("{}", tr!("error.no_such_draft", id = id))]
    NoSuchDraft { id: u32 },
    #[error("{}", tr!("error.already_sent", id = id, on = on))]
    AlreadySent { id: u32, on: NaiveDate },
    #[error("{}", tr!("error.nothing_sent"))]
    NothingSent,
    #[error("{}", tr!("error.already_replied", id = id, on = on))]
    AlreadyReplied { id: u32, on: NaiveDate },
    #[error("{}", tr!("error.reply_before_sent", date = date, sent_on = sent_on))]
    ReplyBeforeSent { date: NaiveDate, sent_on: NaiveDate },
    #[error("{}", tr!("error.not_shareable", id = id))]
    NotShareable { id: u32 },
}
