//! `breather decide move-on|reconnect [--last-contact DATE] [--days N]`

use std::io::Write;

use super::CliError;
use super::dates::{DateArg, parse_date};
use super::output::Output;
use crate::domain::Path;
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// move-on: forget them and live your life; reconnect: hope to patch things up, or be friends.
    #[arg(value_enum)]
    pub path: PathArg,
    /// The day of your last contact (YYYY-MM-DD, today, yesterday); the count starts there.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub last_contact: Option<DateArg>,
    /// Days of no contact to aim for: 30 or more.
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PathArg {
    MoveOn,
    Reconnect,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let path = match args.path {
        PathArg::MoveOn => Path::MoveOn,
        PathArg::Reconnect => Path::Reconnect,
    };
    let today = service.today();
    let count = service.decide(path, args.last_contact.map(|d| d.resolve(today)), args.days)?;
    let (target, due, done) = (count.target_days, count.due_on(), count.days_done);
    match path {
        Path::MoveOn => {
            out.accent(tr!("decide.move_on.title"))?;
            out.line(tr!("decide.move_on.question"))?;
            out.line(tr!("decide.move_on.why"))?;
            out.line(tr!(
                "decide.move_on.next",
                target = target,
                due = due,
                done = done
            ))?;
        }
        Path::Reconnect => {
            out.accent(tr!("decide.reconnect.title"))?;
            out.line(tr!(
                "decide.reconnect.next",
                target = target,
                due = due,
                done = done
            ))?;
            out.line(tr!("decide.reconnect.no_promise"))?;
        }
    }
    out.hint(tr!("decide.log_hint"))?;
    Ok(())
}
