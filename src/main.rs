//! Wiring only: parse the arguments, then run a command or open the app,
//! and exit with a meaningful code.

use std::io::IsTerminal;
use std::process::ExitCode;

use breather::cli::{self, Cli, CliError, Command};
use breather::service::Service;
use breather::{storage, tr, tui};

fn main() -> ExitCode {
    no_core_dumps();
    let args = Cli::parse_args();
    let code = match args.command {
        None => open_app(|| cli::service(args.data_dir)),
        Some(Command::Demo) => open_app(|| {
            let dir = storage::demo::prepare().map_err(|e| CliError::Failed(e.to_string()))?;
            let clock = breather::clock::Clock::from_env()
                .map_err(|e| CliError::Refused(e.to_string()))?
                .or_fixed(storage::demo::now());
            Ok(Service::new(storage::Store::new(dir), clock))
        }),
        Some(_) => cli::run(args),
    };
    // Debug builds only (the tests): a panic after the command ran, with
    // what it read and wrote still in memory. Release builds have no such thing.
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("BREATHER_TEST_PANIC").is_none(),
        "BREATHER_TEST_PANIC: a panic after the command"
    );
    code
}

/// No core dumps for this process: a crash must never write what was typed,
/// or the unlocked key, to the disk. Not dumpable also keeps other processes
/// of the same user from reading its memory (ptrace, /proc/PID/mem).
fn no_core_dumps() {
    use rustix::process::{DumpableBehavior, Resource, Rlimit, set_dumpable_behavior, setrlimit};
    let none = Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    // Best effort: a system that refuses leaves the person's own limits.
    let _ = setrlimit(Resource::Core, none);
    let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
}

/// Opens the full-screen app, but only on a terminal.
fn open_app(service: impl FnOnce() -> Result<Service, CliError>) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return cli::report(&CliError::Refused(tr!("cli.not_a_terminal")));
    }
    let (service, config) = match service().and_then(|s| Ok((s, cli::config()?))) {
        Ok(ready) => ready,
        Err(error) => return cli::report(&error),
    };
    // An encrypted journal is unlocked before the app takes the screen (a
    // masked prompt on the terminal as it is); the app itself never asks.
    if let Err(error) = service.unlock() {
        return cli::report(&error.into());
    }
    service.store().keyring().stop_asking();
    let outcome = tui::run(&service, &config);
    if let Some(dir) = storage::demo::dir_of(&service) {
        storage::demo::remove(&dir);
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => cli::report(&CliError::Failed(error.to_string())),
    }
}
