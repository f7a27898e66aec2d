//! Wiring only: parse the arguments, run, exit with a meaningful code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    breather::cli::run(breather::cli::Cli::parse())
}
