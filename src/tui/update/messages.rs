//! The Messages screen's part of `update`: the composer, marking a draft
//! sent, recording a reply, and the notices that follow a save. Every key
//! here works only in the reconnect stage; before it (or on the move-on
//! path) the screen says why, and `u` is still there for an urge.

use super::{Effect, notice, refuse};
use crate::domain::message::{DraftOutcome, ReplyOutcome, SentOutcome};
use crate::domain::{Kept, Path, Stage};
use crate::tr;
use crate::tui::action::{Action, Screen};
use crate::tui::app::{App, Dialog, Notice, Overlay};
use crate::tui::composer;
use crate::tui::editor::Purpose;

/// What the selected row of the Messages list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Index into `journey.drafts`.
    Draft(usize),
    /// Index into the desk's suggestions.
    Suggestion(usize),
}

/// The selected row: drafts (newest first), then suggestions.
pub fn selected(app: &App) -> Option<Row> {
    let desk = &app.derived.desk;
    let at = app.selection.messages;
    if let Some(checked) = desk.drafts.get(at) {
        return Some(Row::Draft(checked.index));
    }
    let i = at - desk.drafts.len();
    (i < desk.suggestions.len()).then_some(Row::Suggestion(i))
}

/// A gentle refusal when the screen's keys don't apply yet (or ever).
fn not_now(app: &mut App) {
    let text = if app.journey.path() == Some(Path::MoveOn) {
        tr!("tui.messages.move_on")
    } else {
        tr!("tui.messages.compose_later")
    };
    app.notice = Some(Notice {
        text,
        is_error: true,
    });
}

/// Opens the composer with `text`; an empty one brings back what was
/// typed and closed without saving.
fn compose(app: &mut App, text: Option<String>) {
    let text = match text {
        Some(text) => text,
        None => match app.unsaved.take() {
            Some((Purpose::Draft, kept)) => kept,
            other => {
                app.unsaved = other;
                String::new()
            }
        },
    };
    let editor = composer::open(&text, &app.derived.desk.pacing);
    app.overlay = Some(Overlay::Editor(Box::new(editor)));
}

/// Handles `action` on the Messages screen; `None` leaves it to the
/// screens' common keys.
pub(super) fn on_screen(app: &mut App, action: &Action) -> Option<Effect> {
    if !matches!(
        action,
        Action::Add | Action::Edit | Action::MarkSent | Action::GotReply
    ) {
        return None;
    }
    let today = app.today();
    if app.derived.summary.stage != Stage::Reconnect {
        not_now(app);
        return Some(Effect::None);
    }
    match (action, selected(app)) {
        (Action::Add, _) => compose(app, None),
        (Action::Edit, Some(Row::Draft(i))) => {
            let text = app.journey.drafts.get(i).map(|d| d.text.clone());
            compose(app, text);
        }
        (Action::Edit, Some(Row::Suggestion(i))) => {
            let text = app.derived.desk.suggestions.get(i).map(|s| s.text.clone());
            compose(app, text);
        }
        (Action::MarkSent, Some(Row::Draft(i))) => {
            let id = app.journey.drafts.get(i).map(|d| d.id);
            match app.journey.draft_to_send(id) {
                Ok(draft) => {
                    let dialog = Dialog::MarkSent {
                        id: draft.id,
                        pacing: app.derived.desk.pacing,
                    };
                    app.overlay = Some(Overlay::Dialog(dialog));
                }
                Err(e) => refuse(app, &e),
            }
        }
        (Action::MarkSent, Some(Row::Suggestion(_))) => {
            notice(app, tr!("tui.messages.suggestion_first"));
        }
        (Action::GotReply, _) => match app.journey.check_reply(today) {
            Ok(last) => {
                let dialog = Dialog::GotReply {
                    id: last.id,
                    sent_on: last.sent_on.unwrap_or(today),
                };
                app.overlay = Some(Overlay::Dialog(dialog));
            }
            Err(e) => refuse(app, &e),
        },
        (Action::Edit | Action::MarkSent, None) => notice(app, tr!("tui.messages.empty")),
        _ => return None,
    }
    Some(Effect::None)
}

/// The notice after a draft was kept.
pub(super) fn draft_kept(app: &mut App, outcome: &DraftOutcome) -> String {
    match outcome.kept {
        Kept::Draft(id) => {
            app.screen = Screen::Messages;
            // The new draft is the newest: the first row.
            app.selection.messages = 0;
            tr!("tui.messages.kept", id = id)
        }
        Kept::Urge(id) => tr!("draft.kept_as_urge", id = id),
    }
}

/// The notice after a draft was marked sent.
pub(super) fn sent(outcome: &SentOutcome) -> String {
    tr!(
        "tui.messages.sent",
        id = outcome.id,
        wait_until = outcome.wait_until.format("%a %-d %b")
    )
}

/// The notice after a reply was recorded.
pub(super) fn reply_noted(outcome: &ReplyOutcome) -> String {
    format!(
        "{} {}",
        tr!(
            "reply.noted",
            sent_on = outcome.sent_on,
            date = outcome.replied_on
        ),
        tr!("reply.light")
    )
}
