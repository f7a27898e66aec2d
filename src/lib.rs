//! breather: a terminal companion for the weeks after a breakup.
//!
//! The journey is pure functions of stored facts and a date; input and output
//! happen at three edges (the clock, the disk, the terminal), each wrapped once.
//!
//! | module      | owns                                              | may use                         |
//! | ----------- | ------------------------------------------------- | ------------------------------- |
//! | [`domain`]  | the method: stages, reflection, no contact, ...   | std, chrono, serde, [`text`]    |
//! | [`text`]    | every sentence a user reads, from `assets/`       | std, toml                       |
//! | [`clock`]   | "now": the system clock or `BREATHER_NOW`         | chrono                          |
//! | [`storage`] | the data file: paths, schema, atomic write, lock, encryption | domain, `serde_json`, directories, age |
//! | [`service`] | use cases shared by CLI and TUI                   | domain, storage, clock          |
//! | [`config`]  | the config file (TOML): settings, defaults        | domain types, toml, directories |
//! | [`cli`]     | the command-line contract                         | service, domain types, config   |
//! | [`synth`]   | synthetic journeys for benchmarks and tests       | domain                          |
//!
//! `cli` and the TUI never touch the file system directly, and never use each other.

pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod service;
pub mod storage;
pub mod synth;
pub mod terminal_text;
pub mod text;
pub mod tui;
