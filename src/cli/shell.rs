//! `breather completions SHELL` and `breather man`: generated from the same
//! clap definition as the parser, so they never drift from it.

use std::io::Write;

use clap::CommandFactory;

use super::output::Output;
use super::{Cli, CliError};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn completions(args: &CompletionsArgs, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "breather", &mut script);
    out.raw(&script)?;
    Ok(())
}

pub fn man(out: &mut Output<impl Write>) -> Result<(), CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    out.raw(&page)?;
    Ok(())
}
