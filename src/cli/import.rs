//! `breather import FILE [--replace]`: restore from a JSON export. A
//! journal that holds anything is replaced only with `--replace`, and is
//! kept in `DIR/backups/` first.

use std::io::Write;
use std::path::PathBuf;

use super::CliError;
use super::output::Output;
use crate::domain::Journey;
use crate::service::{Service, ServiceError};
use crate::storage::backup;
use crate::text::count;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSON export (`breather export --output FILE`) or a backup.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace a journal that is not empty (it is kept in backups/ first).
    #[arg(long)]
    pub replace: bool,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    // A file that can't be read as an export is the person's input: refused.
    let journey = service.read_import(&args.file).map_err(|e| match e {
        ServiceError::Storage(e) => CliError::Refused(e.to_string()),
        refused @ ServiceError::Refused(_) => CliError::from(refused),
    })?;
    let (saved, replaced) = service.import(journey, args.replace)?;
    out.line(tr!("import.done", count = counts(&saved)))?;
    if replaced {
        out.hint(tr!(
            "import.kept",
            dir = backup::dir_in(service.store().dir()).display()
        ))?;
    }
    Ok(())
}

/// "7 reflections, 30 activities, 12 journal entries" (what a journey holds).
pub fn counts(j: &Journey) -> String {
    [
        count(j.reflections.len() as u64, "count.reflections"),
        count(j.activities.len() as u64, "count.activities"),
        count(j.journal.len() as u64, "count.journal"),
        count(j.urges.len() as u64, "count.urges"),
    ]
    .join(", ")
}
