//! `breather sent [DRAFT_ID]` and `breather reply [--date DATE]`: what
//! happened to a message the person sent themselves. Reconnect stage only.

use std::io::Write;

use super::CliError;
use super::dates::{DateArg, parse_date};
use super::output::Output;
use crate::domain::Pacing;
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct SentArgs {
    /// The draft you sent (default: the latest draft; `breather list drafts` shows the ids).
    #[arg(value_name = "DRAFT_ID")]
    pub id: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub struct ReplyArgs {
    /// The day they answered (YYYY-MM-DD, today, yesterday; default today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<DateArg>,
}

pub fn sent(
    args: &SentArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let outcome = service.mark_sent(args.id)?;
    out.line(tr!("sent.marked", id = outcome.id, date = outcome.sent_on))?;
    if outcome.pacing_before != Pacing::Clear {
        out.hint(tr!("sent.early"))?;
    }
    out.line(tr!(
        "sent.wait",
        wait_until = outcome.wait_until.format("%a %-d %b")
    ))?;
    Ok(())
}

pub fn reply(
    args: &ReplyArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let today = service.today();
    let outcome = service.reply(args.date.map(|d| d.resolve(today)))?;
    out.line(tr!(
        "reply.noted",
        sent_on = outcome.sent_on,
        date = outcome.replied_on
    ))?;
    out.hint(tr!("reply.light"))?;
    Ok(())
}
