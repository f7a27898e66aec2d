//! `breather remind`: for a shell's startup file. One line when something is
//! due today — the invitation to begin, the morning answer during the
//! reflection week, the verdict, the checkpoint — and nothing otherwise.
//! It reads the status digest, so it stays quick however long the journal is.

use std::io::Write;

use chrono::NaiveDate;

use super::CliError;
use super::output::Output;
use crate::domain::Stage;
use crate::domain::digest::Digest;
use crate::domain::reflection::WEEK;
use crate::service::Service;
use crate::tr;

pub fn run(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    // A shell's startup never waits for a passphrase: an encrypted journal stays quiet.
    if service.store().is_encrypted() {
        return Ok(());
    }
    let digest = service.digest()?;
    if let Some(line) = line(&digest, service.today()) {
        out.accent(line)?;
    }
    Ok(())
}

/// What is due on `today`, if anything, as one line.
pub fn line(digest: &Digest, today: NaiveDate) -> Option<String> {
    let summary = digest.summary_on(today);
    let answered_checkpoint_today = digest.facts().checkpoints.iter().any(|c| c.date == today);
    match summary.stage {
        Stage::NotStarted => Some(tr!("remind.begin")),
        Stage::Reflection if !summary.reflection.answered_today => Some(tr!(
            "remind.morning",
            day = summary.reflection.answered + 1,
            of = WEEK
        )),
        Stage::VerdictDue => Some(tr!("remind.verdict")),
        Stage::CheckpointDue if !answered_checkpoint_today => Some(tr!("remind.checkpoint")),
        Stage::Reflection
        | Stage::NoContact
        | Stage::CheckpointDue
        | Stage::Reconnect
        | Stage::MovingOn => None,
    }
}
