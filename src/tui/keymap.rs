//! The keymap: one table that turns keys into [`Action`]s and that the help
//! overlay reads, so help can never disagree with what keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Screen};

/// Which part of the app has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Editor,
    Form,
    Dialog,
    Breather,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every screen, outside editors and dialogs.
    Screens,
    /// One screen, outside editors and dialogs.
    On(Screen),
    /// A mode other than `Normal`.
    In(Mode),
}

/// One key and what it does.
#[derive(Debug)]
pub struct Binding {
    pub code: KeyCode,
    pub ctrl: bool,
    pub context: Context,
    pub action: Action,
    /// How the key is shown in help (`None`: shown with a sibling binding).
    pub label: Option<&'static str>,
    /// The `assets/text.toml` key of its description.
    pub help: &'static str,
}

pub use bindings::BINDINGS;

mod bindings;

fn applies(context: Context, mode: Mode, screen: Screen) -> bool {
    match context {
        Context::Screens => mode == Mode::Normal,
        Context::On(s) => mode == Mode::Normal && s == screen,
        Context::In(m) => mode == m,
    }
}

fn matches(binding: &Binding, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    // Shift is part of the character itself ('?' or 'A'); ignore it for chars.
    binding.code == event.code
        && binding.ctrl == ctrl
        && !event.modifiers.contains(KeyModifiers::ALT)
}

/// What `event` means in `mode` on `screen`.
pub fn action_for(mode: Mode, screen: Screen, event: KeyEvent) -> Action {
    // Screen-specific bindings win over the global ones.
    let found = BINDINGS
        .iter()
        .filter(|b| applies(b.context, mode, screen) && matches(b, &event))
        .min_by_key(|b| !matches!(b.context, Context::On(_)));
    match found {
        Some(binding) => binding.action.clone(),
        None if matches!(mode, Mode::Editor | Mode::Form) => Action::Input(event),
        None => Action::Ignored,
    }
}

/// The help lines for `mode` on `screen`: (keys, description key).
pub fn help_for(mode: Mode, screen: Screen) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| applies(b.context, mode, screen))
        .filter_map(|b| b.label.map(|label| (label, b.help)))
        .collect()
}

#[cfg(test)]
mod tests;
