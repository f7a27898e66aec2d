//! One theme, in three looks: calm colours with one accent (the default),
//! high contrast, and no colour at all (the config's `no-color`, or
//! `NO_COLOR` in the environment). Nothing blinking. The look is chosen
//! once when the app starts; every style is asked for through here.

use std::sync::atomic::{AtomicU8, Ordering};

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::Theme;

pub const ACCENT: Color = Color::Cyan;

static LOOK: AtomicU8 = AtomicU8::new(0);

/// Chooses the look for the rest of the process.
pub fn set(theme: Theme) {
    let code = match theme {
        Theme::Default => 0,
        Theme::HighContrast => 1,
        Theme::NoColor => 2,
    };
    LOOK.store(code, Ordering::Relaxed);
}

/// The look in use.
pub fn current() -> Theme {
    match LOOK.load(Ordering::Relaxed) {
        1 => Theme::HighContrast,
        2 => Theme::NoColor,
        _ => Theme::Default,
    }
}

/// The look for `configured`, unless `NO_COLOR` (set and not empty) asks for none.
pub fn effective(configured: Theme, no_color: Option<&std::ffi::OsStr>) -> Theme {
    if no_color.is_some_and(|v| !v.is_empty()) {
        Theme::NoColor
    } else {
        configured
    }
}

pub fn accent() -> Style {
    match current() {
        Theme::Default => Style::new().fg(ACCENT),
        Theme::HighContrast => Style::new().fg(Color::LightCyan),
        Theme::NoColor => Style::new(),
    }
}

pub fn strong() -> Style {
    match current() {
        Theme::Default => Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        Theme::HighContrast => Style::new()
            .fg(Color::LightCyan)
            .add_modifier(Modifier::BOLD),
        Theme::NoColor => Style::new().add_modifier(Modifier::BOLD),
    }
}

pub fn dim() -> Style {
    match current() {
        Theme::Default => Style::new().fg(Color::DarkGray),
        Theme::HighContrast => Style::new().fg(Color::Gray),
        Theme::NoColor => Style::new(),
    }
}

pub fn plain() -> Style {
    Style::new()
}

pub fn warn() -> Style {
    match current() {
        Theme::Default => Style::new().fg(Color::Yellow),
        Theme::HighContrast => Style::new()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD),
        Theme::NoColor => Style::new().add_modifier(Modifier::BOLD),
    }
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn border() -> Style {
    match current() {
        Theme::Default => Style::new().fg(Color::DarkGray),
        Theme::HighContrast => Style::new().fg(Color::White),
        Theme::NoColor => Style::new(),
    }
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_in_the_environment_wins_over_the_config() {
        let set_to = |v: &'static str| Some(OsStr::new(v));
        assert_eq!(effective(Theme::Default, set_to("1")), Theme::NoColor);
        assert_eq!(
            effective(Theme::HighContrast, set_to("yes")),
            Theme::NoColor
        );
        assert_eq!(
            effective(Theme::HighContrast, set_to("")),
            Theme::HighContrast
        );
        assert_eq!(effective(Theme::Default, None), Theme::Default);
    }
}
