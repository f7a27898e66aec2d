//! `breather slip`, `breather exception`, `breather urge`: contact and the
//! wish for it, recorded honestly.

use std::io::Write;

use super::dates::{DateArg, parse_date};
use super::output::Output;
use super::{CliError, input};
use crate::service::Service;
use crate::{text, tr};

#[derive(Debug, clap::Args)]
pub struct SlipArgs {
    /// The day of the contact (YYYY-MM-DD, today, yesterday; default today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// What happened, for yourself.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ExceptionArgs {
    /// The day of the contact (default today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<DateArg>,
    /// What it was about (children, the lease, bills...).
    #[arg(long, value_name = "TEXT")]
    pub note: String,
}

#[derive(Debug, clap::Args)]
pub struct UrgeArgs {
    /// The message you wanted to send (else stdin, else $EDITOR).
    pub text: Option<String>,
}

pub fn slip(
    args: &SlipArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let today = service.today();
    let count = service.slip(args.date.map(|d| d.resolve(today)), args.note.as_deref())?;
    out.line(tr!(
        "slip.recorded",
        date = count.started_on,
        longest = text::count(count.longest_streak, "count.days"),
        total = text::count(count.total_silent_days, "count.days")
    ))?;
    out.hint(tr!("slip.kind"))?;
    Ok(())
}

pub fn exception(
    args: &ExceptionArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let today = service.today();
    let count = service.exception(args.date.map(|d| d.resolve(today)), &args.note)?;
    out.line(tr!("exception.recorded", days = count.days_done))?;
    Ok(())
}

pub fn urge(
    args: UrgeArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let text = input::text(args.text, "urge")?;
    let id = service.urge(&text)?;
    out.line(tr!("urge.kept", id = id))?;
    let summary = crate::domain::summary::Summary::of(&service.load()?, service.today());
    match summary.no_contact {
        Some(count) => out.hint(tr!("urge.count_untouched", days = count.days_done))?,
        None => out.hint(tr!("urge.breathe"))?,
    }
    Ok(())
}
