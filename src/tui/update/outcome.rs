//! Taking back what the runner did: the outcome of a change ([`saved`])
//! and a fresh read of the file ([`reloaded`]).

use std::time::Duration;

use super::{messages, notice};
use crate::domain::Journey;
use crate::service::{Changed, ServiceError};
use crate::storage::FileStamp;
use crate::tui::action::Screen;
use crate::tui::app::{App, Breather, Notice, Overlay};
use crate::{text, tr};

/// Takes back the outcome of an [`Effect::Perform`].
pub fn saved(
    app: &mut App,
    result: Result<(Changed, Journey), ServiceError>,
    stamp: Option<FileStamp>,
) {
    match result {
        Ok((changed, journey)) => {
            app.stamp = stamp;
            app.set_journey(journey);
            if let Some(Overlay::Editor(e)) = &app.overlay
                && app.unsaved.as_ref().is_some_and(|(p, _)| *p == e.purpose)
            {
                app.unsaved = None;
            }
            app.overlay = None;
            let text = match changed {
                Changed::Reflected(outcome) => reflected(outcome),
                Changed::Decided(count) => {
                    app.screen = Screen::Today;
                    tr!(
                        "tui.saved.decided",
                        target = count.target_days,
                        due = count.due_on().format("%a %-d %b")
                    )
                }
                Changed::Slipped(count) => tr!(
                    "slip.recorded",
                    date = count.started_on.format("%a %-d %b"),
                    longest = text::count(count.longest_streak, "count.days"),
                    total = text::count(count.total_silent_days, "count.days")
                ),
                Changed::ExceptionNoted(count) => tr!("exception.recorded", days = count.days_done),
                Changed::UrgeKept(_) => {
                    let total = Duration::from_secs(u64::from(app.breather_minutes) * 60);
                    app.overlay = Some(Overlay::Breather(Breather {
                        total,
                        elapsed: Duration::ZERO,
                    }));
                    tr!("tui.saved.urge")
                }
                Changed::ActivityLogged(_) => tr!("tui.saved.activity"),
                Changed::ActivityEdited(_) => tr!("tui.saved.activity_edited"),
                Changed::ActivityDeleted(_) => tr!("tui.saved.activity_deleted"),
                Changed::JournalWritten(_) => tr!("tui.saved.journal"),
                Changed::CheckpointAnswered(outcome) => checkpoint_answered(app, outcome),
                Changed::DraftKept(outcome) => messages::draft_kept(app, &outcome),
                Changed::Sent(outcome) => messages::sent(&outcome),
                Changed::ReplyNoted(outcome) => messages::reply_noted(&outcome),
            };
            notice(app, text);
        }
        Err(error) => {
            let text = error.to_string();
            match &mut app.overlay {
                Some(Overlay::Editor(e)) => {
                    e.saving = false;
                    e.error = Some(text);
                }
                Some(Overlay::Form(f)) => {
                    f.saving = false;
                    f.error = Some(text);
                }
                _ => {
                    app.notice = Some(Notice {
                        text,
                        is_error: true,
                    });
                }
            }
        }
    }
}

fn reflected(outcome: crate::domain::ReflectOutcome) -> String {
    use crate::domain::ReflectOutcome;
    match outcome {
        ReflectOutcome::Saved {
            answered,
            is_morning,
        }
        | ReflectOutcome::Replaced {
            answered,
            is_morning,
        } => {
            let base = tr!(
                "reflect.saved",
                answered = answered,
                of = crate::domain::reflection::WEEK
            );
            if is_morning {
                base
            } else {
                format!("{base} {}", tr!("reflect.not_morning"))
            }
        }
    }
}

fn checkpoint_answered(app: &mut App, outcome: crate::domain::CheckpointOutcome) -> String {
    use crate::domain::CheckpointOutcome;
    match outcome {
        CheckpointOutcome::SleepOnIt => tr!("tui.saved.sleep_on_it"),
        CheckpointOutcome::ConfirmAnotherDay => tr!("checkpoint.confirm_another_day"),
        CheckpointOutcome::Confirmed => {
            app.screen = Screen::Messages;
            tr!("checkpoint.confirmed")
        }
        CheckpointOutcome::Extended { target_days, due } => {
            app.screen = Screen::Countdown;
            tr!("checkpoint.extended", target = target_days, due = due)
        }
        CheckpointOutcome::MovingOn => {
            app.screen = Screen::Today;
            tr!("checkpoint.moving_on")
        }
    }
}

/// Takes back a fresh read after [`Effect::Reload`].
pub fn reloaded(app: &mut App, result: Result<Journey, ServiceError>, stamp: Option<FileStamp>) {
    app.stamp = stamp;
    match result {
        Ok(journey) => {
            if journey != app.journey {
                app.set_journey(journey);
                notice(app, tr!("tui.reloaded"));
            }
        }
        Err(error) => {
            app.notice = Some(Notice {
                text: error.to_string(),
                is_error: true,
            });
        }
    }
}
