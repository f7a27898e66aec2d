//! `breather reflect [TEXT] [--motive M] [--replace]`

use std::io::Write;

use super::output::Output;
use super::{CliError, input};
use crate::domain::{Motive, ReflectOutcome, reflection::WEEK};
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Your answer (else read from stdin, else $EDITOR opens).
    pub text: Option<String>,
    /// What you think drives it, honestly.
    #[arg(long, value_enum)]
    pub motive: Option<MotiveArg>,
    /// Rewrite today's answer (past days stay as they were).
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum MotiveArg {
    Revenge,
    Reconnect,
    Friendship,
    Unsure,
}

impl From<MotiveArg> for Motive {
    fn from(m: MotiveArg) -> Self {
        match m {
            MotiveArg::Revenge => Motive::Revenge,
            MotiveArg::Reconnect => Motive::Reconnect,
            MotiveArg::Friendship => Motive::Friendship,
            MotiveArg::Unsure => Motive::Unsure,
        }
    }
}

pub fn run(args: Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    // Refuse before anyone spends time writing an answer that can't be kept.
    service
        .load()?
        .check_reflect(service.today(), args.replace)
        .map_err(|refusal| CliError::Refused(refusal.to_string()))?;
    let text = input::text(args.text, "reflection")?;
    let outcome = service.reflect(&text, args.motive.map(Motive::from), args.replace)?;
    let (answered, is_morning) = match outcome {
        ReflectOutcome::Saved {
            answered,
            is_morning,
        } => {
            out.line(tr!("reflect.saved", answered = answered, of = WEEK))?;
            (answered, is_morning)
        }
        ReflectOutcome::Replaced {
            answered,
            is_morning,
        } => {
            out.line(tr!("reflect.replaced"))?;
            (answered, is_morning)
        }
    };
    if !is_morning {
        out.hint(tr!("reflect.not_morning"))?;
    }
    if answered >= WEEK {
        out.line(tr!("reflect.week_done"))?;
    } else {
        out.hint(tr!("reflect.see_you_tomorrow"))?;
    }
    Ok(())
}
