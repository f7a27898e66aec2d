//! Writes a synthetic journey for benchmarks:
//!
//!     cargo run --release --example synth -- DAYS DIR   # e.g. 3650 /tmp/ten-years
//!
//! DIR/breather.json gets a week of reflections, a verdict, then DAYS days of
//! one journal entry (~400 characters) and one activity each, a slip every
//! 97 days and 500 urges per ten years (see `breather::synth`). The same DAYS
//! always gives the same file. Prints the path, the size and a `BREATHER_NOW`
//! three days after the last entry.

use std::process::ExitCode;

use chrono::Days;

use breather::storage::Store;
use breather::synth;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(days), Some(dir)) = (
        args.first().and_then(|d| d.parse::<u32>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synth DAYS DIR");
        return ExitCode::from(2);
    };
    let store = Store::new(dir);
    let journey = synth::journey(days);
    let written = store.update(|j| {
        *j = journey;
        Ok::<(), std::convert::Infallible>(())
    });
    if let Err(e) = written {
        eprintln!("synth: {e}");
        return ExitCode::FAILURE;
    }
    let size = std::fs::metadata(store.data_file()).map_or(0, |m| m.len());
    let now = synth::last_day(days) + Days::new(3);
    println!(
        "{}: {days} days, {size} bytes; BREATHER_NOW={now}T09:00",
        store.data_file().display()
    );
    ExitCode::SUCCESS
}
