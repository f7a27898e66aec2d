//! The keymap's contract: keys, screens, modes and the help it lists.
use super::*;
use crossterm::event::KeyCode::{Char, Esc};

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn number_keys_reach_the_six_screens() {
    for (i, screen) in Screen::TABS.iter().enumerate() {
        let c = char::from(b'1' + u8::try_from(i).expect("six screens"));
        assert_eq!(
            action_for(Mode::Normal, Screen::Today, press(Char(c))),
            Action::GoTo(*screen)
        );
    }
}

#[test]
fn inside_an_editor_printable_keys_are_text() {
    for c in ['q', 'r', 'a', 'u', '1', '?', 'j'] {
        let event = press(Char(c));
        assert_eq!(
            action_for(Mode::Editor, Screen::Reflect, event),
            Action::Input(event)
        );
    }
    let save = KeyEvent::new(Char('s'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(Mode::Editor, Screen::Reflect, save),
        Action::Save
    );
    assert_eq!(
        action_for(Mode::Editor, Screen::Reflect, press(Esc)),
        Action::Cancel
    );
}

#[test]
fn screen_keys_win_and_only_apply_on_their_screen() {
    assert_eq!(
        action_for(Mode::Normal, Screen::Countdown, press(Char('s'))),
        Action::Slip
    );
    assert_eq!(
        action_for(Mode::Normal, Screen::Journal, press(Char('s'))),
        Action::Ignored
    );
    assert_eq!(
        action_for(Mode::Normal, Screen::Activities, press(Char('a'))),
        Action::Add
    );
    assert_eq!(
        action_for(Mode::Normal, Screen::Reflect, press(Char('c'))),
        Action::ChooseReconnect
    );
    assert_eq!(
        action_for(Mode::Normal, Screen::Today, press(Char('c'))),
        Action::OpenCheckpoint
    );
}

#[test]
fn shifted_question_mark_opens_help_and_q_quits() {
    let shifted = KeyEvent::new(Char('?'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(Mode::Normal, Screen::Today, shifted),
        Action::ToggleHelp
    );
    assert_eq!(
        action_for(Mode::Normal, Screen::Today, press(Char('q'))),
        Action::Quit
    );
    assert_eq!(
        action_for(Mode::Breather, Screen::Today, press(Char('q'))),
        Action::Ignored
    );
}

#[test]
fn help_lists_every_labelled_binding_of_the_screen() {
    let help = help_for(Mode::Normal, Screen::Countdown);
    let keys: Vec<&str> = help.iter().map(|(k, _)| *k).collect();
    for expected in ["1…6", "r", "u", "s", "e", "?", "q"] {
        assert!(keys.contains(&expected), "{expected} missing from {keys:?}");
    }
    assert!(!keys.contains(&"a"), "Activities' key is not Countdown's");
}
