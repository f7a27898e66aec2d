//! `breather export [--format json|markdown|csv] [--output FILE]`:
//! everything, for a backup (json, which `import` takes back), for reading
//! by a friend or a therapist (markdown, grouped by stage), or for a
//! spreadsheet (csv, one row per entry with a kind column).

mod csv;
mod markdown;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::output::{Output, note};
use super::{CliError, import};
use crate::service::{Service, ServiceError};
use crate::storage::StorageError;
use crate::terminal_text::{safe, safe_line};
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// json (complete; `breather import` takes it back), markdown (to read) or csv.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to FILE (atomically, readable only by you) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Csv,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let journey = service.load()?;
    // An export is the person's explicit choice, and it is plain text: say so.
    if service.store().is_encrypted() {
        note(tr!("crypt.export_plain"));
    }
    let morning_ends = service.preferences().morning_ends_at_hour;
    let bytes = match args.format {
        Format::Json => service.export_json(&journey)?,
        Format::Markdown => markdown::render(&journey, service.today(), morning_ends).into_bytes(),
        Format::Csv => csv::render(&journey, morning_ends)
            .map_err(|e| CliError::Failed(tr!("export.failed", error = e)))?,
    };
    match &args.output {
        Some(path) => {
            // Pointing --output at the data file is a mistake of the command: refused.
            service.write_export(path, &bytes).map_err(|e| match e {
                ServiceError::Storage(over @ StorageError::ExportOverData { .. }) => {
                    CliError::Refused(over.to_string())
                }
                other => CliError::from(other),
            })?;
            note(tr!(
                "export.written",
                path = safe_line(&path.display().to_string()),
                count = import::counts(&journey)
            ));
        }
        // Text for reading is made safe when it goes to a terminal; JSON
        // escapes control characters itself, and a pipe or file gets it exact.
        None if args.format != Format::Json && std::io::stdout().is_terminal() => {
            out.raw(safe(&String::from_utf8_lossy(&bytes)).as_bytes())?;
        }
        None => out.raw(&bytes)?,
    }
    Ok(())
}
