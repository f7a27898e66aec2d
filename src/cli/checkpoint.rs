//! `breather checkpoint yes|not-yet|no [--days N]`

use std::io::Write;

use super::CliError;
use super::output::Output;
use crate::domain::{Answer, CheckpointOutcome};
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Do you really want to get back together with your ex?
    #[arg(value_enum)]
    pub answer: AnswerArg,
    /// With not-yet: how many more days of no contact (default 14).
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum AnswerArg {
    Yes,
    NotYet,
    No,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let answer = match args.answer {
        AnswerArg::Yes => Answer::Yes,
        AnswerArg::NotYet => Answer::NotYet,
        AnswerArg::No => Answer::No,
    };
    match service.checkpoint(answer, args.days)? {
        CheckpointOutcome::SleepOnIt => out.line(tr!("checkpoint.sleep_on_it"))?,
        CheckpointOutcome::ConfirmAnotherDay => out.line(tr!("checkpoint.confirm_another_day"))?,
        CheckpointOutcome::Confirmed => {
            out.accent(tr!("checkpoint.confirmed"))?;
            out.line(tr!("checkpoint.confirmed_next"))?;
        }
        CheckpointOutcome::Extended { target_days, due } => {
            out.line(tr!("checkpoint.extended", target = target_days, due = due))?;
        }
        CheckpointOutcome::MovingOn => out.line(tr!("checkpoint.moving_on"))?,
    }
    Ok(())
}
