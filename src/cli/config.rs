//! `breather config path`: where the config file lives (it need not exist yet).

use std::io::Write;

use super::CliError;
use super::output::Output;

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Print where the config file lives (TOML; every setting optional).
    Path,
}

pub fn run(action: &Action, out: &mut Output<impl Write>) -> Result<(), CliError> {
    match action {
        Action::Path => {
            let path = crate::config::path().map_err(|e| CliError::Failed(e.message))?;
            out.line(path.display().to_string())?;
        }
    }
    Ok(())
}
