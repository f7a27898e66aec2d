//! Named intents: what a key means, before anything changes.

use std::time::Duration;

use crossterm::event::KeyEvent;

use crate::domain::Timestamp;
use crate::storage::FileStamp;

/// The screens reachable with one key, plus the checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    Today,
    Reflect,
    Countdown,
    Activities,
    Journal,
    Messages,
    /// The end-of-month question (reconnect path, when due).
    Checkpoint,
}

impl Screen {
    /// The six screens of the tab bar, in key order `1`…`6`.
    pub const TABS: [Screen; 6] = [
        Screen::Today,
        Screen::Reflect,
        Screen::Countdown,
        Screen::Activities,
        Screen::Journal,
        Screen::Messages,
    ];

    /// Every screen: the six tabs, then the checkpoint.
    pub const ALL: [Screen; 7] = [
        Screen::Today,
        Screen::Reflect,
        Screen::Countdown,
        Screen::Activities,
        Screen::Journal,
        Screen::Messages,
        Screen::Checkpoint,
    ];

    /// Position in the tab bar (the checkpoint sits with Countdown).
    pub fn tab_index(self) -> usize {
        match self {
            Screen::Today => 0,
            Screen::Reflect => 1,
            Screen::Countdown | Screen::Checkpoint => 2,
            Screen::Activities => 3,
            Screen::Journal => 4,
            Screen::Messages => 5,
        }
    }

    /// The key into `assets/text.toml` for the screen's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Today => "tui.screen.today",
            Screen::Reflect => "tui.screen.reflect",
            Screen::Countdown => "tui.screen.countdown",
            Screen::Activities => "tui.screen.activities",
            Screen::Journal => "tui.screen.journal",
            Screen::Messages => "tui.screen.messages",
            Screen::Checkpoint => "tui.screen.checkpoint",
        }
    }
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    GoTo(Screen),
    NextScreen,
    PreviousScreen,
    ToggleHelp,
    Up,
    Down,
    Left,
    Right,
    Open,
    WriteReflection,
    Add,
    Edit,
    Delete,
    Urge,
    Slip,
    Exception,
    ChooseMoveOn,
    ChooseReconnect,
    OpenCheckpoint,
    AnswerYes,
    AnswerNotYet,
    AnswerNo,
    /// In a dialog: yes / confirm.
    Confirm,
    /// Close the editor, form or dialog without saving.
    Cancel,
    /// Save the editor or form.
    Save,
    /// In an editor: cycle the tag (motive or mood).
    CycleTag,
    /// In a dialog with a number: one more / one fewer.
    More,
    Less,
    /// In a form: next / previous field.
    NextField,
    PreviousField,
    /// In the breather: ask to leave early.
    LeaveBreather,
    /// On Messages: the selected draft was sent (by the person, never the app).
    MarkSent,
    /// On Messages: they answered the last sent message.
    GotReply,
    /// A key typed into an editor or a form's text field.
    Input(KeyEvent),
    /// Text pasted (bracketed paste): always text, never commands.
    Paste(String),
    /// Time passed: the wall clock now, and monotonic time since the last tick.
    Tick {
        now: Timestamp,
        elapsed: Duration,
    },
    /// Another process saved the data file.
    FileChanged(FileStamp),
    /// The terminal was resized: redraw.
    Resized,
    /// A key with no meaning here.
    Ignored,
}
