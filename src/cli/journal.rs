//! `breather journal [TEXT] [--mood 1-5]`

use std::io::Write;

use super::output::Output;
use super::{CliError, input};
use crate::domain::Mood;
use crate::service::Service;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The entry (else stdin, else $EDITOR).
    pub text: Option<String>,
    /// How the day felt, 1 (low) to 5 (good).
    #[arg(long, value_parser = parse_mood, value_name = "1-5")]
    pub mood: Option<Mood>,
}

fn parse_mood(value: &str) -> Result<Mood, String> {
    let number: i64 = value
        .trim()
        .parse()
        .map_err(|_| tr!("error.mood_out_of_range", given = value))?;
    Mood::new(number).map_err(|e| e.to_string())
}

pub fn run(args: Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let text = input::text(args.text, "journal")?;
    let id = service.journal(&text, args.mood)?;
    out.line(tr!("journal.saved", id = id))?;
    Ok(())
}
