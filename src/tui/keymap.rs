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

const fn key(
    code: KeyCode,
    context: Context,
    action: Action,
    label: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        code,
        ctrl: false,
        context,
        action,
        label,
        help,
    }
}

const fn ctrl(
    c: char,
    context: Context,
    action: Action,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        ctrl: true,
        context,
        action,
        label: Some(label),
        help,
    }
}

use Context::{In, On, Screens};
use KeyCode::{BackTab, Char, Down, Enter, Esc, Left, Right, Tab, Up};

/// Every binding of the app, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    key(
        Char('1'),
        Screens,
        Action::GoTo(Screen::Today),
        Some("1…6"),
        "tui.help.screens",
    ),
    key(
        Char('2'),
        Screens,
        Action::GoTo(Screen::Reflect),
        None,
        "tui.help.screens",
    ),
    key(
        Char('3'),
        Screens,
        Action::GoTo(Screen::Countdown),
        None,
        "tui.help.screens",
    ),
    key(
        Char('4'),
        Screens,
        Action::GoTo(Screen::Activities),
        None,
        "tui.help.screens",
    ),
    key(
        Char('5'),
        Screens,
        Action::GoTo(Screen::Journal),
        None,
        "tui.help.screens",
    ),
    key(
        Char('6'),
        Screens,
        Action::GoTo(Screen::Messages),
        None,
        "tui.help.screens",
    ),
    key(
        Tab,
        Screens,
        Action::NextScreen,
        Some("Tab Shift-Tab"),
        "tui.help.tab",
    ),
    key(
        BackTab,
        Screens,
        Action::PreviousScreen,
        None,
        "tui.help.tab",
    ),
    key(
        Char('r'),
        Screens,
        Action::WriteReflection,
        Some("r"),
        "tui.help.reflect",
    ),
    key(Char('u'), Screens, Action::Urge, Some("u"), "tui.help.urge"),
    key(Up, Screens, Action::Up, Some("↑↓ j k"), "tui.help.move"),
    key(Char('k'), Screens, Action::Up, None, "tui.help.move"),
    key(Down, Screens, Action::Down, None, "tui.help.move"),
    key(Char('j'), Screens, Action::Down, None, "tui.help.move"),
    // Screen-specific keys.
    key(
        Char('c'),
        On(Screen::Today),
        Action::OpenCheckpoint,
        Some("c"),
        "tui.help.checkpoint",
    ),
    key(
        Enter,
        On(Screen::Today),
        Action::Open,
        Some("Enter"),
        "tui.help.today_enter",
    ),
    key(
        Char('m'),
        On(Screen::Reflect),
        Action::ChooseMoveOn,
        Some("m"),
        "tui.help.move_on",
    ),
    key(
        Char('c'),
        On(Screen::Reflect),
        Action::ChooseReconnect,
        Some("c"),
        "tui.help.reconnect",
    ),
    key(
        Char('s'),
        On(Screen::Countdown),
        Action::Slip,
        Some("s"),
        "tui.help.slip",
    ),
    key(
        Char('e'),
        On(Screen::Countdown),
        Action::Exception,
        Some("e"),
        "tui.help.exception",
    ),
    key(
        Left,
        On(Screen::Countdown),
        Action::Left,
        Some("← → h l"),
        "tui.help.months",
    ),
    key(
        Char('h'),
        On(Screen::Countdown),
        Action::Left,
        None,
        "tui.help.months",
    ),
    key(
        Right,
        On(Screen::Countdown),
        Action::Right,
        None,
        "tui.help.months",
    ),
    key(
        Char('l'),
        On(Screen::Countdown),
        Action::Right,
        None,
        "tui.help.months",
    ),
    key(
        Char('c'),
        On(Screen::Countdown),
        Action::OpenCheckpoint,
        Some("c"),
        "tui.help.checkpoint",
    ),
    key(
        Char('a'),
        On(Screen::Activities),
        Action::Add,
        Some("a"),
        "tui.help.add_activity",
    ),
    key(
        Enter,
        On(Screen::Activities),
        Action::Edit,
        Some("Enter e"),
        "tui.help.edit_activity",
    ),
    key(
        Char('e'),
        On(Screen::Activities),
        Action::Edit,
        None,
        "tui.help.edit_activity",
    ),
    key(
        Char('d'),
        On(Screen::Activities),
        Action::Delete,
        Some("d"),
        "tui.help.delete_activity",
    ),
    key(
        Char('a'),
        On(Screen::Journal),
        Action::Add,
        Some("a"),
        "tui.help.add_journal",
    ),
    key(
        Char('a'),
        On(Screen::Messages),
        Action::Add,
        Some("a"),
        "tui.help.new_draft",
    ),
    key(
        Enter,
        On(Screen::Messages),
        Action::Edit,
        Some("Enter"),
        "tui.help.open_draft",
    ),
    key(
        Char('s'),
        On(Screen::Messages),
        Action::MarkSent,
        Some("s"),
        "tui.help.mark_sent",
    ),
    key(
        Char('g'),
        On(Screen::Messages),
        Action::GotReply,
        Some("g"),
        "tui.help.got_reply",
    ),
    key(
        Char('y'),
        On(Screen::Checkpoint),
        Action::AnswerYes,
        Some("y"),
        "tui.help.answer_yes",
    ),
    key(
        Char('w'),
        On(Screen::Checkpoint),
        Action::AnswerNotYet,
        Some("w"),
        "tui.help.answer_not_yet",
    ),
    key(
        Char('n'),
        On(Screen::Checkpoint),
        Action::AnswerNo,
        Some("n"),
        "tui.help.answer_no",
    ),
    key(
        Char('?'),
        Screens,
        Action::ToggleHelp,
        Some("?"),
        "tui.help.help",
    ),
    key(Char('q'), Screens, Action::Quit, Some("q"), "tui.help.quit"),
    ctrl('c', Screens, Action::Quit, "Ctrl-C", "tui.help.quit"),
    // Help.
    key(
        Char('?'),
        In(Mode::Help),
        Action::ToggleHelp,
        Some("? Esc"),
        "tui.help.close_help",
    ),
    key(
        Esc,
        In(Mode::Help),
        Action::ToggleHelp,
        None,
        "tui.help.close_help",
    ),
    key(
        Char('q'),
        In(Mode::Help),
        Action::ToggleHelp,
        None,
        "tui.help.close_help",
    ),
    // Editors: every other key is text.
    ctrl(
        's',
        In(Mode::Editor),
        Action::Save,
        "Ctrl-S",
        "tui.help.save",
    ),
    key(
        Esc,
        In(Mode::Editor),
        Action::Cancel,
        Some("Esc"),
        "tui.help.cancel_editor",
    ),
    ctrl(
        't',
        In(Mode::Editor),
        Action::CycleTag,
        "Ctrl-T",
        "tui.help.cycle_tag",
    ),
    // Forms.
    ctrl('s', In(Mode::Form), Action::Save, "Ctrl-S", "tui.help.save"),
    key(
        Esc,
        In(Mode::Form),
        Action::Cancel,
        Some("Esc"),
        "tui.help.cancel_editor",
    ),
    key(
        Tab,
        In(Mode::Form),
        Action::NextField,
        Some("Tab ↑↓"),
        "tui.help.fields",
    ),
    key(
        Down,
        In(Mode::Form),
        Action::NextField,
        None,
        "tui.help.fields",
    ),
    key(
        BackTab,
        In(Mode::Form),
        Action::PreviousField,
        None,
        "tui.help.fields",
    ),
    key(
        Up,
        In(Mode::Form),
        Action::PreviousField,
        None,
        "tui.help.fields",
    ),
    key(
        Enter,
        In(Mode::Form),
        Action::NextField,
        None,
        "tui.help.fields",
    ),
    // Dialogs.
    key(
        Char('y'),
        In(Mode::Dialog),
        Action::Confirm,
        Some("y Enter"),
        "tui.help.confirm",
    ),
    key(
        Enter,
        In(Mode::Dialog),
        Action::Confirm,
        None,
        "tui.help.confirm",
    ),
    key(
        Char('n'),
        In(Mode::Dialog),
        Action::Cancel,
        Some("n Esc"),
        "tui.help.cancel_dialog",
    ),
    key(
        Esc,
        In(Mode::Dialog),
        Action::Cancel,
        None,
        "tui.help.cancel_dialog",
    ),
    key(
        Char('+'),
        In(Mode::Dialog),
        Action::More,
        Some("+ -"),
        "tui.help.more_less",
    ),
    key(
        Right,
        In(Mode::Dialog),
        Action::More,
        None,
        "tui.help.more_less",
    ),
    key(
        Char('-'),
        In(Mode::Dialog),
        Action::Less,
        None,
        "tui.help.more_less",
    ),
    key(
        Left,
        In(Mode::Dialog),
        Action::Less,
        None,
        "tui.help.more_less",
    ),
    // The breather.
    key(
        Char('x'),
        In(Mode::Breather),
        Action::LeaveBreather,
        Some("x"),
        "tui.help.leave_breather",
    ),
    ctrl(
        'c',
        In(Mode::Breather),
        Action::Quit,
        "Ctrl-C",
        "tui.help.quit",
    ),
];

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
