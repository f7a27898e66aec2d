//! Wiring only: parse the arguments, then run a command or open the app,
//! and exit with a meaningful code.

use std::io::IsTerminal;
use std::process::ExitCode;

use breather::cli::{self, Cli, CliError, Command};
use breather::service::Service;
use breather::{storage, tr, tui};

fn main() -> ExitCode {
    let args = Cli::parse_args();
    match args.command {
        None => open_app(|| cli::service(args.data_dir)),
        Some(Command::Demo) => open_app(|| {
            let dir = storage::demo::prepare().map_err(|e| CliError::Failed(e.to_string()))?;
            let clock = breather::clock::Clock::from_env()
                .map_err(|e| CliError::Refused(e.to_string()))?
                .or_fixed(storage::demo::now());
            Ok(Service::new(storage::Store::new(dir), clock))
        }),
        Some(_) => cli::run(args),
    }
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
    let outcome = tui::run(&service, &config);
    if let Some(dir) = storage::demo::dir_of(&service) {
        storage::demo::remove(&dir);
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => cli::report(&CliError::Failed(error.to_string())),
    }
}
