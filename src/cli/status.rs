//! `breather status [--json] [--short]`, and what `breather` alone prints.

use std::io::Write;

use super::CliError;
use super::output::Output;
use crate::domain::summary::Summary;
use crate::domain::{Journey, Stage};
use crate::service::Service;
use crate::text::count;
use crate::tr;

/// The longest `--short` line, in characters (for prompts and status bars).
pub const SHORT_MAX_CHARS: usize = 60;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One JSON object, for scripts.
    #[arg(long, conflicts_with = "short")]
    pub json: bool,
    /// One line of at most 60 characters, for a shell prompt or tmux status bar.
    #[arg(long)]
    pub short: bool,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    // An encrypted journal is never unlocked for a prompt: it says so, quietly.
    if args.short && service.store().is_encrypted() {
        out.line(tr!("short.locked"))?;
        return Ok(());
    }
    // The digest: what a status needs, without reading every entry (a prompt calls this).
    let digest = service.digest()?;
    let (journey, summary) = (digest.facts(), digest.summary_on(service.today()));
    if args.json {
        out.json(&summary)?;
    } else if args.short {
        out.line(short_line(&summary))?;
    } else {
        full(journey, &summary, out)?;
    }
    Ok(())
}

/// `breather` with no subcommand (until the full-screen app opens there).
pub fn welcome(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let digest = service.digest()?;
    full(digest.facts(), &digest.summary_on(service.today()), out)?;
    out.hint(tr!("status.more"))?;
    Ok(())
}

/// The one-line status: at most [`SHORT_MAX_CHARS`] characters, no colour.
pub fn short_line(s: &Summary) -> String {
    let days = s.no_contact.as_ref().map_or(0, |c| c.days_done);
    let target = s.no_contact.as_ref().map_or(0, |c| c.target_days);
    let line = match s.stage {
        Stage::NotStarted => tr!("short.not_started"),
        Stage::Reflection if s.reflection.answered_today => {
            tr!(
                "short.reflection_done",
                answered = s.reflection.answered,
                of = s.reflection.of
            )
        }
        Stage::Reflection => tr!(
            "short.reflection_due",
            answered = s.reflection.answered,
            of = s.reflection.of
        ),
        Stage::VerdictDue => tr!("short.verdict_due"),
        Stage::NoContact => tr!("short.no_contact", days = days, target = target),
        Stage::CheckpointDue => tr!("short.checkpoint_due", days = days),
        Stage::Reconnect => tr!("short.reconnect", days = days),
        Stage::MovingOn => tr!("short.moving_on", days = days),
    };
    line.chars().take(SHORT_MAX_CHARS).collect()
}

fn full(journey: &Journey, s: &Summary, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let date = s.today.format("%a %-d %b %Y");
    out.accent(tr!("status.headline", date = date, stage = s.stage.label()))?;
    if let Some(path) = journey.path() {
        out.line(tr!("status.path", path = path.label()))?;
    }
    if let Some(c) = &s.no_contact {
        if c.clock_is_behind {
            out.line(tr!("status.clock_behind", started_on = c.started_on))?;
        }
        if c.days_left > 0 {
            out.line(tr!(
                "status.count",
                days = count(c.days_done, "count.days"),
                left = c.days_left
            ))?;
        } else {
            out.line(tr!(
                "status.count_complete",
                days = count(c.days_done, "count.days"),
                target = c.target_days
            ))?;
        }
        out.line(tr!(
            "status.runs",
            longest = c.longest_streak,
            total = c.total_silent_days,
            slips = c.slips
        ))?;
    }
    out.line(tr!(
        "status.reflection",
        answered = s.reflection.answered,
        of = s.reflection.of
    ))?;
    out.line(tr!(
        "status.activities",
        total = s.activities.total,
        recent = s.activities.last_7_days
    ))?;
    let next = match s.stage {
        Stage::NotStarted => tr!("next.not_started"),
        Stage::Reflection if s.reflection.answered_today => tr!("next.reflection_done"),
        Stage::Reflection => tr!("next.reflection_due"),
        Stage::VerdictDue => tr!("next.verdict_due"),
        Stage::NoContact => tr!("next.no_contact"),
        Stage::CheckpointDue => tr!("next.checkpoint_due"),
        Stage::Reconnect => tr!("next.reconnect"),
        Stage::MovingOn => tr!("next.moving_on"),
    };
    out.line("")?;
    out.line(next)?;
    Ok(())
}
