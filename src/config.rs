//! The config file: `config.toml` in the platform config directory
//! (`~/.config/breather/config.toml` on Linux). Every setting is optional;
//! a missing file means the defaults. A file that can't be fully understood
//! is refused with one sentence naming the file and the key — never
//! silently ignored, never a panic.

use std::path::{Path, PathBuf};

use chrono::Weekday;

use crate::domain::Preferences;
use crate::domain::verdict::{MAX_TARGET_DAYS, MIN_TARGET_DAYS};
use crate::tr;

/// The file's name inside the config directory.
pub const FILE: &str = "config.toml";
/// The keys a config file may hold.
pub const KEYS: [&str; 5] = [
    "default_target_days",
    "morning_cutoff_hour",
    "breather_minutes",
    "first_day_of_week",
    "theme",
];
/// The longest config file read, in bytes.
const MAX_BYTES: u64 = 64 * 1024;

/// How the app is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Calm colours, one accent.
    #[default]
    Default,
    /// Brighter foregrounds and bold accents, for low-contrast screens.
    HighContrast,
    /// No colour at all (also what `NO_COLOR` asks for).
    NoColor,
}

impl Theme {
    /// The name used in the config file.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Default => "default",
            Theme::HighContrast => "high-contrast",
            Theme::NoColor => "no-color",
        }
    }
}

/// Every setting, with the defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// What the method takes as parameters (morning cutoff, default target).
    pub preferences: Preferences,
    /// Minutes of the breather after an urge, in the app.
    pub breather_minutes: u32,
    /// The first day of a week in the app's week views.
    pub first_day_of_week: Weekday,
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            preferences: Preferences::default(),
            breather_minutes: 10,
            first_day_of_week: Weekday::Mon,
            theme: Theme::Default,
        }
    }
}

/// Why the config file was refused. The message names the file (and the key).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    pub message: String,
}

/// Where the config file lives (it need not exist).
pub fn path() -> Result<PathBuf, ConfigError> {
    directories::ProjectDirs::from("", "", "breather")
        .map(|dirs| dirs.config_dir().join(FILE))
        .ok_or_else(|| ConfigError {
            message: tr!("config.no_dir"),
        })
}

/// The settings from the config file, or the defaults when there is none.
pub fn load() -> Result<Config, ConfigError> {
    load_from(&path()?)
}

/// The settings from the file at `path`, or the defaults when it is absent.
pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.display();
    let text = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(ConfigError {
                message: tr!("config.unreadable", path = shown, error = e),
            });
        }
        Ok(meta) if !meta.is_file() || meta.len() > MAX_BYTES => {
            return Err(ConfigError {
                message: tr!("config.not_a_file", path = shown),
            });
        }
        Ok(_) => std::fs::read(path).map_err(|e| ConfigError {
            message: tr!("config.unreadable", path = shown, error = e),
        })?,
    };
    let text = String::from_utf8(text).map_err(|_| ConfigError {
        message: tr!("config.not_utf8", path = shown),
    })?;
    parse(&text, path)
}

/// Reads the settings in `text` (the contents of the file at `path`).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let shown = path.display();
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let span = e.span().unwrap_or(0..0);
        let start = span.start.min(text.len());
        let line = text
            .get(..start)
            .map_or(1, |before| before.matches('\n').count() + 1);
        let near = text
            .get(start..span.end.min(text.len()))
            .map(str::trim)
            .filter(|near| !near.is_empty() && near.chars().count() <= 40);
        let mut detail = e.message().trim().trim_end_matches('.').to_owned();
        if let Some(near) = near {
            detail = format!("{detail}: {near}");
        }
        ConfigError {
            message: tr!("config.syntax", path = shown, line = line, detail = detail),
        }
    })?;
    let mut config = Config::default();
    for (key, value) in &table {
        let bad = |expected: String| ConfigError {
            message: tr!(
                "config.bad_value",
                path = shown,
                key = key,
                expected = expected,
                found = describe(value)
            ),
        };
        match key.as_str() {
            "default_target_days" => {
                config.preferences.default_target_days =
                    whole(value, MIN_TARGET_DAYS, MAX_TARGET_DAYS).ok_or_else(|| {
                        bad(tr!(
                            "config.expect_days",
                            min = MIN_TARGET_DAYS,
                            max = MAX_TARGET_DAYS
                        ))
                    })?;
            }
            "morning_cutoff_hour" => {
                config.preferences.morning_ends_at_hour =
                    whole(value, 1, 23).ok_or_else(|| bad(tr!("config.expect_hour")))?;
            }
            "breather_minutes" => {
                config.breather_minutes =
                    whole(value, 1, 60).ok_or_else(|| bad(tr!("config.expect_minutes")))?;
            }
            "first_day_of_week" => {
                config.first_day_of_week = value
                    .as_str()
                    .and_then(weekday)
                    .ok_or_else(|| bad(tr!("config.expect_weekday")))?;
            }
            "theme" => {
                config.theme = value
                    .as_str()
                    .and_then(theme)
                    .ok_or_else(|| bad(tr!("config.expect_theme")))?;
            }
            _ => {
                return Err(ConfigError {
                    message: tr!(
                        "config.unknown_key",
                        path = shown,
                        key = key,
                        keys = KEYS.join(", ")
                    ),
                });
            }
        }
    }
    Ok(config)
}

/// A whole number in `min..=max`.
fn whole(value: &toml::Value, min: u32, max: u32) -> Option<u32> {
    value
        .as_integer()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (min..=max).contains(n))
}

fn weekday(name: &str) -> Option<Weekday> {
    match name.trim().to_ascii_lowercase().as_str() {
        "monday" | "mon" => Some(Weekday::Mon),
        "tuesday" | "tue" => Some(Weekday::Tue),
        "wednesday" | "wed" => Some(Weekday::Wed),
        "thursday" | "thu" => Some(Weekday::Thu),
        "friday" | "fri" => Some(Weekday::Fri),
        "saturday" | "sat" => Some(Weekday::Sat),
        "sunday" | "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

fn theme(name: &str) -> Option<Theme> {
    [Theme::Default, Theme::HighContrast, Theme::NoColor]
        .into_iter()
        .find(|t| t.as_str() == name.trim())
}

/// A value as it appears in the file, short.
fn describe(value: &toml::Value) -> String {
    let shown = value.to_string();
    if shown.chars().count() > 40 {
        let cut: String = shown.chars().take(40).collect();
        format!("{cut}…")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, String> {
        parse(text, Path::new("/home/x/.config/breather/config.toml")).map_err(|e| e.message)
    }

    #[test]
    fn an_empty_file_means_the_defaults() {
        assert_eq!(parsed(""), Ok(Config::default()));
        assert_eq!(parsed("# nothing yet\n"), Ok(Config::default()));
    }

    #[test]
    fn every_setting_is_read() {
        let config = parsed(
            "default_target_days = 45\nmorning_cutoff_hour = 10\nbreather_minutes = 3\n\
             first_day_of_week = \"sunday\"\ntheme = \"high-contrast\"\n",
        )
        .expect("valid");
        assert_eq!(config.preferences.default_target_days, 45);
        assert_eq!(config.preferences.morning_ends_at_hour, 10);
        assert_eq!(config.breather_minutes, 3);
        assert_eq!(config.first_day_of_week, Weekday::Sun);
        assert_eq!(config.theme, Theme::HighContrast);
    }

    #[test]
    fn a_bad_file_names_the_file_and_the_key() {
        let table = [
            ("default_target_days = 7", "default_target_days"),
            ("morning_cutoff_hour = 25", "morning_cutoff_hour"),
            ("morning_cutoff_hour = \"ten\"", "morning_cutoff_hour"),
            ("breather_minutes = 0", "breather_minutes"),
            ("first_day_of_week = \"someday\"", "first_day_of_week"),
            ("theme = \"neon\"", "theme"),
            ("colour = \"blue\"", "colour"),
            ("theme = \"default\"\ntheme = \"no-color\"", "line 2"),
            ("breather_minutes = ", "line 1"),
        ];
        for (text, named) in table {
            let message = parsed(text).expect_err(text);
            assert!(message.contains("config.toml"), "{message}");
            assert!(message.contains(named), "{text}: {message}");
            assert!(!message.contains('\n'), "one line: {message}");
        }
    }
}
