//! The Messages screen's part of `update`: the composer, marking a draft
//! sent, recording a reply, and the notices that follow a save.

use crate::domain::Kept;
use crate::domain::message::{DraftOutcome, ReplyOutcome, SentOutcome};
use crate::tr;
use crate::tui::action::Screen;
use crate::tui::app::App;

/// The notice after a draft was kept.
pub(super) fn draft_kept(app: &mut App, outcome: &DraftOutcome) -> String {
    match outcome.kept {
        Kept::Draft(id) => {
            app.screen = Screen::Messages;
            tr!("tui.messages.kept", id = id)
        }
        Kept::Urge(id) => tr!("draft.kept_as_urge", id = id),
    }
}

/// The notice after a draft was marked sent.
pub(super) fn sent(outcome: &SentOutcome) -> String {
    format!(
        "{} {}",
        tr!("sent.marked", id = outcome.id, date = outcome.sent_on),
        tr!(
            "sent.wait",
            wait_until = outcome.wait_until.format("%a %-d %b")
        )
    )
}

/// The notice after a reply was recorded.
pub(super) fn reply_noted(outcome: &ReplyOutcome) -> String {
    tr!(
        "reply.noted",
        sent_on = outcome.sent_on,
        date = outcome.replied_on
    )
}
