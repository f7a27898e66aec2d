//! The command-line contract (DESIGN.md): clap types, one file per
//! subcommand, output through [`output::Output`]. Parsed arguments become
//! service calls here, at the edge; nothing deeper sees clap.

mod backups;
mod checkpoint;
mod config;
mod contact;
pub mod dates;
mod decide;
mod draft;
mod encryption;
mod export;
mod import;
pub mod input;
mod journal;
mod list;
mod log;
pub mod output;
pub mod passphrase;
mod reflect;
mod remind;
mod report;
mod search;
mod sent;
mod share;
mod shell;
mod status;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::clock::Clock;
use crate::service::{Service, ServiceError};
use crate::storage::{Store, paths};
use output::Output;

/// breather: a companion for the weeks after a breakup. Honest mornings, a
/// month of no contact spent on your own life, and — only if you still want
/// to — a light, careful hello. Everything stays in one local file.
#[derive(Debug, Parser)]
#[command(name = "breather", version, about, long_about = None)]
pub struct Cli {
    /// Where the data lives (default: the platform data directory, ~/.local/share/breather on Linux).
    #[arg(long, global = true, env = "BREATHER_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write today's answer to "why do I want my ex to miss me?"
    Reflect(reflect::Args),
    /// Choose a path after the reflection week; the no-contact count starts.
    Decide(decide::Args),
    /// Record contact with your ex, honestly; the count restarts from that day.
    Slip(contact::SlipArgs),
    /// Record unavoidable contact (children, a lease, bills); the count goes on.
    Exception(contact::ExceptionArgs),
    /// Write down a message instead of sending it. It is kept, never sent.
    Urge(contact::UrgeArgs),
    /// Log something you did for yourself; prints its id.
    Log(log::Args),
    /// A free journal entry, with a mood if you like.
    Journal(journal::Args),
    /// Answer the end-of-month question: do I really want to get back together?
    Checkpoint(checkpoint::Args),
    /// The month in one page: week-one answers, activities, slips, urges, mood.
    Report(report::Args),
    /// Check a message to your ex and keep it (before the reconnect stage, kept unsent).
    Draft(draft::Args),
    /// You sent a draft yourself (default: the latest); breather never sends anything.
    Sent(sent::SentArgs),
    /// They answered your last sent message.
    Reply(sent::ReplyArgs),
    /// A short post about a shareable activity, for all your friends, with its checks.
    Share(share::Args),
    /// Where the journey stands.
    Status(status::Args),
    /// What was written, newest first.
    List(list::Args),
    /// The daily backups of the data file, newest first.
    Backups,
    /// Bring a backup back (the current file is kept as a backup first).
    Restore(backups::RestoreArgs),
    /// Open the app on a throwaway copy of a sample journey (never touches your data).
    Demo,
    /// For a shell's startup file: one line when something is due today, else nothing.
    Remind,
    /// Every entry of any kind containing all the words (case-insensitive); exit 1 when none.
    Search(search::Args),
    /// Everything, for reading or backup: json (re-importable), markdown or csv.
    Export(export::Args),
    /// Restore from a JSON export (a journal that is not empty needs --replace).
    Import(import::Args),
    /// Encrypt the data file and every backup with a passphrase (it can't be recovered if forgotten).
    Encrypt,
    /// Turn encryption off: the data file and every backup become plain JSON again.
    Decrypt,
    /// Change the passphrase; everything is re-encrypted with a new key.
    Passphrase,
    /// The config file.
    Config {
        #[command(subcommand)]
        action: config::Action,
    },
    /// Shell completions for bash, zsh or fish (see the README for where they go).
    Completions(shell::CompletionsArgs),
    /// The manual page, in roff (`breather man > breather.1`).
    Man,
}

/// A command that did not succeed: refused (exit 2) or failed (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input or an action the method refuses.
    #[error("{0}")]
    Refused(String),
    /// Anything else: the disk, the data file, the terminal.
    #[error("{0}")]
    Failed(String),
    /// The reader of our output went away (`breather list | head`): not a failure.
    #[error("broken pipe")]
    BrokenPipe,
}

impl From<ServiceError> for CliError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Refused(refusal) => CliError::Refused(refusal.to_string()),
            ServiceError::Storage(refusal) if refusal.is_refusal() => {
                CliError::Refused(refusal.to_string())
            }
            ServiceError::Storage(failure) => CliError::Failed(failure.to_string()),
        }
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Failed(e.to_string())
        }
    }
}

impl Cli {
    /// The parsed command line (clap exits with code 2 on bad usage).
    pub fn parse_args() -> Self {
        <Cli as Parser>::parse()
    }
}

/// Runs a subcommand and turns the outcome into an exit code.
pub fn run(cli: Cli) -> ExitCode {
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&error),
    }
}

/// The service for the data directory given (or the default), on the
/// environment's clock.
pub fn service(data_dir: Option<PathBuf>) -> Result<Service, CliError> {
    let clock = Clock::from_env().map_err(|e| CliError::Refused(e.to_string()))?;
    let config = config()?;
    let dir = paths::data_dir(data_dir).map_err(|e| CliError::Failed(e.to_string()))?;
    // The status digest (dates and counts) lives in the cache directory.
    let store = match crate::storage::cache::location(&dir) {
        Some(cache) => Store::new(dir).with_digest_cache(cache),
        None => Store::new(dir),
    };
    // An encrypted journal asks for its passphrase once, when first read.
    let store = store.with_passphrase(passphrase::asker());
    Ok(Service::new(store, clock).with_preferences(config.preferences))
}

/// The config file's settings; a broken file is refused (exit 2), never ignored.
pub fn config() -> Result<crate::config::Config, CliError> {
    crate::config::load().map_err(|e| CliError::Refused(e.message))
}

/// Prints `error` as one safe line on stderr and returns its exit code.
pub fn report(error: &CliError) -> ExitCode {
    if matches!(error, CliError::BrokenPipe) {
        return ExitCode::SUCCESS;
    }
    let code = if matches!(error, CliError::Refused(_)) {
        2
    } else {
        1
    };
    // One line, and nothing from a file or an argument reaches the terminal raw.
    let message = crate::terminal_text::safe_line(&error.to_string());
    let _ = writeln!(io::stderr().lock(), "breather: {message}");
    ExitCode::from(code)
}

fn execute(cli: Cli) -> Result<(), CliError> {
    let mut out = Output::stdout();
    // These read neither the data nor the config, so they work when either is broken.
    let early = match &cli.command {
        Some(Command::Completions(args)) => Some(shell::completions(args, &mut out)),
        Some(Command::Man) => Some(shell::man(&mut out)),
        Some(Command::Config { action }) => Some(config::run(action, &mut out)),
        _ => None,
    };
    if let Some(result) = early {
        return result.and_then(|()| out.flush().map_err(CliError::from));
    }
    let service = service(cli.data_dir)?;
    // Quick and quiet ones (a prompt, a shell's startup) never say more.
    let quiet = matches!(
        &cli.command,
        Some(Command::Remind | Command::Status(status::Args { short: true, .. }))
    );
    if !quiet {
        input::remove_abandoned_edits();
    }
    let result = match cli.command {
        // `main` opens the app for these; here they only print where things stand.
        None | Some(Command::Demo) => status::welcome(&service, &mut out),
        Some(Command::Reflect(args)) => reflect::run(args, &service, &mut out),
        Some(Command::Decide(args)) => decide::run(&args, &service, &mut out),
        Some(Command::Slip(args)) => contact::slip(&args, &service, &mut out),
        Some(Command::Exception(args)) => contact::exception(&args, &service, &mut out),
        Some(Command::Urge(args)) => contact::urge(args, &service, &mut out),
        Some(Command::Log(args)) => log::run(args, &service, &mut out),
        Some(Command::Journal(args)) => journal::run(args, &service, &mut out),
        Some(Command::Checkpoint(args)) => checkpoint::run(&args, &service, &mut out),
        Some(Command::Report(args)) => report::run(&args, &service, &mut out),
        Some(Command::Draft(args)) => draft::run(args, &service, &mut out),
        Some(Command::Sent(args)) => sent::sent(&args, &service, &mut out),
        Some(Command::Reply(args)) => sent::reply(&args, &service, &mut out),
        Some(Command::Share(args)) => share::run(&args, &service, &mut out),
        Some(Command::Status(args)) => status::run(&args, &service, &mut out),
        Some(Command::List(args)) => list::run(&args, &service, &mut out),
        Some(Command::Backups) => backups::list(&service, &mut out),
        Some(Command::Restore(args)) => backups::restore(&args, &service, &mut out),
        Some(Command::Remind) => remind::run(&service, &mut out),
        Some(Command::Search(args)) => search::run(&args, &service, &mut out),
        Some(Command::Export(args)) => export::run(&args, &service, &mut out),
        Some(Command::Import(args)) => import::run(&args, &service, &mut out),
        Some(Command::Encrypt) => encryption::encrypt(&service, &mut out),
        Some(Command::Decrypt) => encryption::decrypt(&service, &mut out),
        Some(Command::Passphrase) => encryption::change(&service, &mut out),
        // Answered above, before the data or the config is read.
        Some(Command::Completions(_) | Command::Man | Command::Config { .. }) => Ok(()),
    };
    if !quiet && service.store().is_encrypted() {
        encryption::remind_unfinished(&service);
    }
    result.and_then(|()| out.flush().map_err(CliError::from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
