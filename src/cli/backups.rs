//! `breather backups` and `breather restore BACKUP`.

use std::io::Write;

use super::CliError;
use super::output::Output;
use crate::service::Service;
use crate::storage::backup;
use crate::terminal_text::safe_line;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup: a name from `breather backups`, a date (2027-01-23) or a path.
    pub backup: String,
}

pub fn list(service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let backups = service.backups()?;
    if backups.is_empty() {
        out.hint(tr!(
            "backups.none",
            dir = backup::dir_in(service.store().dir()).display()
        ))?;
        return Ok(());
    }
    for b in &backups {
        let kib = b.size.div_ceil(1024);
        let line = match &b.content {
            Ok(j) => tr!(
                "backups.line",
                name = safe_line(&b.name),
                kib = kib,
                reflections = j.reflections.len(),
                activities = j.activities.len(),
                journal = j.journal.len()
            ),
            Err(problem) => tr!(
                "backups.damaged",
                name = safe_line(&b.name),
                kib = kib,
                problem = problem
            ),
        };
        out.line(line)?;
    }
    out.hint(tr!("backups.restore_hint"))?;
    Ok(())
}

pub fn restore(
    args: &RestoreArgs,
    service: &Service,
    out: &mut Output<impl Write>,
) -> Result<(), CliError> {
    let journey = service.restore(&args.backup)?;
    out.line(tr!(
        "backups.restored",
        backup = safe_line(&args.backup),
        reflections = journey.reflections.len(),
        activities = journey.activities.len(),
        journal = journey.journal.len()
    ))?;
    Ok(())
}
