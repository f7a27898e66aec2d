//! The Messages screen (key 6), the composer, the checkpoint's month and the
//! moving-on view, driven like the real loop: key → `keymap::action_for` →
//! `update` → `tui::perform` through a real `Service` on a temp dir with a
//! fixed clock. Snapshots at 80×24 (and the 60×16 minimum) are reviewed.

use std::convert::Infallible;

use breather::clock::Clock;
use breather::domain::checks::Rule;
use breather::domain::{Answer, Journey, Pacing, Stage, Timestamp};
use breather::service::{Change, Service};
use breather::storage::{Store, schema};
use breather::tr;
use breather::tui::action::{Action, Screen};
use breather::tui::app::{App, Dialog, Overlay};
use breather::tui::editor::{Editor, Purpose};
use breather::tui::keymap::{self, Mode};
use breather::tui::update::{self, Effect};
use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../assets/demo.json");
/// The article's own first message.
const THAI: &str = "I remember how much you like Thai food; I went to this great Thai place a couple of days ago. You should check it out.";
/// The demo's month is complete on 9 Feb; yes on 16 and 17 Feb opens the reconnect stage.
const RECONNECT_NOW: &str = "2027-02-17T10:00:00+00:00";

fn at(moment: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(moment).expect("test moments are valid RFC 3339")
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test dates are valid")
}

fn demo() -> Journey {
    schema::decode(DEMO).expect("assets/demo.json is a valid journey")
}

/// The demo after a yes on two different days: reconnecting on 17 Feb.
fn reconnecting() -> Journey {
    let mut j = demo();
    for date in ["2027-02-16", "2027-02-17"] {
        j.answer_checkpoint(at(&format!("{date}T09:00:00+00:00")), Answer::Yes, None)
            .expect("the checkpoint is due");
    }
    assert_eq!(j.stage_on(day("2027-02-17")), Stage::Reconnect);
    j
}

/// [`reconnecting`] with two drafts: a clean one sent on the 17th, and a
/// newer one that trips two checks.
fn with_drafts() -> Journey {
    let mut j = reconnecting();
    j.keep_draft(at("2027-02-17T09:30:00+00:00"), THAI)
        .expect("kept");
    j.mark_sent(day("2027-02-17"), Some(1)).expect("sent");
    j.keep_draft(
        at("2027-02-17T09:45:00+00:00"),
        "We should go back there sometime. I miss you, please write back?",
    )
    .expect("kept");
    j
}

trait Key {
    fn event(self) -> KeyEvent;
}

impl Key for char {
    fn event(self) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(self), KeyModifiers::NONE)
    }
}

impl Key for KeyCode {
    fn event(self) -> KeyEvent {
        KeyEvent::new(self, KeyModifiers::NONE)
    }
}

impl Key for KeyEvent {
    fn event(self) -> KeyEvent {
        self
    }
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// A temp home with `journey` on disk, a service at a fixed moment, and the app.
struct Session {
    _dir: TempDir,
    service: Service,
    app: App,
}

impl Session {
    fn with(journey: Journey, now: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory can be created");
        let store = Store::new(dir.path().join("data"));
        store
            .update(|j| {
                *j = journey;
                Ok::<(), Infallible>(())
            })
            .expect("the journey can be written to a temp dir");
        let service = Service::new(store, Clock::Fixed(at(now)));
        let loaded = service.load().expect("the data file loads");
        let app = App::new(loaded, service.now(), service.stamp());
        Session {
            _dir: dir,
            service,
            app,
        }
    }

    fn press(&mut self, key: impl Key) -> Effect {
        let action = keymap::action_for(self.app.mode(), self.app.screen, key.event());
        let effect = update::update(&mut self.app, action);
        breather::tui::perform(&self.service, &mut self.app, effect.clone());
        effect
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(c);
        }
    }

    fn on_disk(&self) -> Journey {
        self.service.load().expect("the data file loads")
    }

    fn editor(&self) -> &Editor {
        match &self.app.overlay {
            Some(Overlay::Editor(editor)) => editor,
            other => panic!("expected an open editor, found {other:?}"),
        }
    }

    fn dialog(&self) -> &Dialog {
        match &self.app.overlay {
            Some(Overlay::Dialog(dialog)) => dialog,
            other => panic!("expected a dialog, found {other:?}"),
        }
    }

    fn notice(&self) -> &str {
        self.app.notice.as_ref().map_or("", |n| n.text.as_str())
    }

    fn rules(&self) -> Vec<Rule> {
        self.editor().findings.iter().map(|f| f.rule).collect()
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal never fails");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("a test terminal never fails");
    terminal
}

fn screen_text(app: &App) -> String {
    draw(app, 80, 24).backend().to_string()
}

fn snap(name: &str, app: &App, width: u16, height: u16) {
    let terminal = draw(app, width, height);
    let shown = terminal.backend().to_string();
    assert!(
        !shown.contains("tui.") && !shown.contains("messages.") && !shown.contains("report."),
        "{name}: a text key is shown instead of its sentence:\n{shown}"
    );
    insta::assert_snapshot!(name, terminal.backend());
}

#[test]
fn key_six_opens_messages_and_help_lists_its_keys() {
    let mut s = Session::with(reconnecting(), RECONNECT_NOW);
    s.press('6');
    assert_eq!(s.app.screen, Screen::Messages);
    let keys: Vec<&str> = keymap::help_for(Mode::Normal, Screen::Messages)
        .iter()
        .map(|(k, _)| *k)
        .collect();
    for expected in ["a", "Enter", "s", "g", "r", "u", "?", "q"] {
        assert!(keys.contains(&expected), "{expected} missing from {keys:?}");
    }
    // The screen's keys stay on their screen.
    assert_eq!(
        keymap::action_for(Mode::Normal, Screen::Journal, 'g'.event()),
        Action::Ignored
    );
    assert_eq!(
        keymap::action_for(Mode::Normal, Screen::Messages, 's'.event()),
        Action::MarkSent
    );
    s.press('?');
    assert!(screen_text(&s.app).contains("they answered your last message"));
}

#[test]
fn before_the_reconnect_stage_the_keys_explain_and_write_nothing() {
    let mut s = Session::with(demo(), "2027-02-05T09:30:00+00:00");
    let before = s.on_disk();
    s.press('6');
    for key in ['a', 's', 'g'] {
        assert_eq!(s.press(key), Effect::None);
        assert!(s.app.overlay.is_none(), "{key} opens nothing");
        assert_eq!(s.notice(), tr!("tui.messages.compose_later"));
    }
    s.press(KeyCode::Enter);
    assert!(s.app.overlay.is_none());
    assert!(screen_text(&s.app).contains("This screen opens in the reconnect stage"));
    // `u` still writes an urge down.
    s.press('u');
    assert_eq!(s.editor().purpose, Purpose::Urge);
    assert_eq!(s.on_disk(), before);

    let mut moving_on = demo();
    moving_on
        .answer_checkpoint(at("2027-02-16T09:00:00+00:00"), Answer::No, None)
        .expect("due");
    let mut s = Session::with(moving_on, "2027-02-17T09:00:00+00:00");
    s.press('6');
    s.press('a');
    assert_eq!(s.notice(), tr!("tui.messages.move_on"));
    assert!(screen_text(&s.app).contains("You chose to move on"));
}

#[test]
fn the_composer_checks_as_you_type_and_keeps_a_draft() {
    let mut s = Session::with(reconnecting(), RECONNECT_NOW);
    s.press('6');
    s.press('a');
    assert_eq!(s.editor().purpose, Purpose::Draft);
    assert!(s.rules().is_empty());
    s.type_text("We");
    assert_eq!(s.rules(), [Rule::We]);
    assert!(
        s.editor().area.search_pattern().is_some(),
        "the word is highlighted"
    );
    s.type_text("ekend was great!");
    assert!(s.rules().is_empty(), "\"Weekend\" is not \"we\"");
    s.type_text(" I miss you. Please?");
    assert_eq!(s.rules(), [Rule::Heavy, Rule::Pressure]);
    let effect = s.press(ctrl('s'));
    assert!(matches!(effect, Effect::Perform(Change::Draft { .. })));
    assert!(s.app.overlay.is_none(), "saved: the composer closes");
    let saved = s.on_disk();
    assert_eq!(saved.drafts.len(), 1);
    assert_eq!(
        saved.drafts[0].text,
        "Weekend was great! I miss you. Please?"
    );
    assert_eq!(s.notice(), tr!("tui.messages.kept", id = 1));
    assert_eq!(s.app.selection.messages, 0, "the new draft is selected");
    let shown = screen_text(&s.app);
    assert!(shown.contains("heavy · Heavy topics can wait"), "{shown}");
}

#[test]
fn the_articles_message_composes_clean() {
    let mut s = Session::with(reconnecting(), RECONNECT_NOW);
    s.press('6');
    s.press('a');
    s.type_text(THAI);
    assert!(s.rules().is_empty(), "{:?}", s.editor().findings);
    assert!(s.editor().area.search_pattern().is_none());
    s.press(ctrl('s'));
    let shown = screen_text(&s.app);
    assert!(shown.contains("It reads light and friendly"), "{shown}");
}

#[test]
fn mark_sent_then_pacing_then_a_reply() {
    let mut s = Session::with(reconnecting(), RECONNECT_NOW);
    s.press('6');
    s.press('a');
    s.type_text(THAI);
    s.press(ctrl('s'));
    s.press('s');
    assert_eq!(
        *s.dialog(),
        Dialog::MarkSent {
            id: 1,
            pacing: Pacing::Clear
        }
    );
    let effect = s.press('y');
    assert_eq!(effect, Effect::Perform(Change::MarkSent { id: Some(1) }));
    assert_eq!(s.on_disk().drafts[0].sent_on, Some(day("2027-02-17")));
    let waiting = Pacing::Unanswered {
        sent_on: day("2027-02-17"),
        wait_until: day("2027-02-20"),
    };
    assert_eq!(s.app.derived.desk.pacing, waiting);
    assert!(screen_text(&s.app).contains("has no answer yet: give it until Sat 20 Feb"));
    // A new message now: the composer says wait, before a word is typed.
    s.press('a');
    assert_eq!(s.rules(), [Rule::Pacing]);
    s.press(KeyCode::Esc);
    // Marking the same draft again is refused, gently.
    s.press('s');
    assert!(s.app.overlay.is_none());
    assert!(s.notice().contains("already marked sent"), "{}", s.notice());
    // They answered.
    s.press('g');
    assert!(matches!(s.dialog(), Dialog::GotReply { id: 1, .. }));
    assert_eq!(s.press('y'), Effect::Perform(Change::Reply { date: None }));
    assert_eq!(s.on_disk().drafts[0].replied_on, Some(day("2027-02-17")));
    assert_eq!(s.app.derived.desk.pacing, Pacing::SentToday);
    s.press('g');
    assert!(s.notice().contains("already recorded"), "{}", s.notice());
}

#[test]
fn mark_sent_while_waiting_says_so_in_the_dialog() {
    let mut s = Session::with(with_drafts(), RECONNECT_NOW);
    s.press('6');
    assert_eq!(s.app.selection.messages, 0, "the newest draft first");
    s.press('s');
    assert!(matches!(
        s.dialog(),
        Dialog::MarkSent {
            id: 2,
            pacing: Pacing::Unanswered { .. }
        }
    ));
    let shown = screen_text(&s.app);
    assert!(shown.contains("It can wait."), "{shown}");
    s.press('n');
    assert!(s.app.overlay.is_none());
    assert_eq!(
        s.on_disk().drafts[1].sent_on,
        None,
        "cancelled: nothing written"
    );
}

#[test]
fn suggestions_open_in_the_composer_and_are_not_sent_as_they_are() {
    let mut s = Session::with(with_drafts(), RECONNECT_NOW);
    s.press('6');
    let suggestions = s.app.derived.desk.suggestions.clone();
    assert!((2..=3).contains(&suggestions.len()), "{suggestions:?}");
    assert!(
        suggestions[0]
            .text
            .starts_with("I went to Weekend in Lisbon a while ago."),
        "{suggestions:?}"
    );
    // Two drafts, then the first suggestion.
    s.press('j');
    s.press('j');
    s.press('s');
    assert_eq!(s.notice(), tr!("tui.messages.suggestion_first"));
    s.press(KeyCode::Enter);
    assert_eq!(s.editor().text(), suggestions[0].text);
    assert!(s.rules().iter().all(|r| *r == Rule::Pacing));
    // The list never runs past its end.
    s.press(KeyCode::Esc);
    for _ in 0..10 {
        s.press(KeyCode::Down);
    }
    assert_eq!(s.app.selection.messages, 1 + suggestions.len());
}

#[test]
fn enter_on_a_draft_starts_a_new_version_and_esc_keeps_what_was_typed() {
    let mut s = Session::with(with_drafts(), "2027-02-21T10:00:00+00:00");
    s.press('6');
    s.press(KeyCode::Enter);
    let newest = s.on_disk().drafts[1].text.clone();
    assert_eq!(s.editor().text(), newest);
    assert_eq!(s.rules(), [Rule::We, Rule::Heavy, Rule::Pressure]);
    s.press(KeyCode::Esc);
    assert_eq!(s.notice(), tr!("tui.editor.kept_unsaved"));
    s.press('a');
    assert_eq!(s.editor().text(), newest, "what was typed comes back");
    s.press(ctrl('s'));
    assert_eq!(
        s.on_disk().drafts.len(),
        3,
        "a new version; the old one stays"
    );
}

#[test]
fn the_messages_screen_highlights_and_explains_each_finding() {
    let s = Session::with(with_drafts(), RECONNECT_NOW);
    let mut app = s.app;
    app.screen = Screen::Messages;
    let shown = screen_text(&app);
    for expected in [
        "Your last message (Wed 17 Feb) has no answer yet",
        "Drafts",
        "!#2 draft",
        " #1 sent 17 Feb",
        "Suggestions from your month",
        "we · Keep it about them",
        "pressure · No pressure",
    ] {
        assert!(shown.contains(expected), "missing {expected:?}:\n{shown}");
    }
    // The matched words carry the highlight.
    let terminal = draw(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let underlined: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    for word in ["We", "I miss you", "please", "write back"] {
        assert!(
            underlined.replace(' ', "").contains(&word.replace(' ', "")),
            "{word} in {underlined:?}"
        );
    }
}

#[test]
fn snapshots_of_the_messages_screen_and_composer() {
    let s = Session::with(with_drafts(), RECONNECT_NOW);
    let mut app = s.app;
    app.screen = Screen::Messages;
    snap("messages_reconnect_80x24", &app, 80, 24);
    snap("messages_reconnect_60x16", &app, 60, 16);
    for action in [Action::Add].into_iter().chain(
        "We should get Thai food, I miss you"
            .chars()
            .map(|c| Action::Input(c.event())),
    ) {
        update::update(&mut app, action);
    }
    snap("composer_80x24", &app, 80, 24);
    app.overlay = None;
    update::update(&mut app, Action::MarkSent);
    snap("dialog_mark_sent_80x24", &app, 80, 24);
}

#[test]
fn snapshots_of_the_checkpoint_month_and_the_moving_on_view() {
    let mut checkpoint = App::new(demo(), at("2027-02-16T09:30:00+00:00"), None);
    checkpoint.screen = Screen::Checkpoint;
    let shown = screen_text(&checkpoint);
    assert!(shown.contains("per week:"), "{shown}");
    snap("checkpoint_month_80x24", &checkpoint, 80, 24);

    let mut moving_on = demo();
    moving_on
        .answer_checkpoint(at("2027-02-16T09:00:00+00:00"), Answer::No, None)
        .expect("due");
    let app = App::new(moving_on, at("2027-02-20T09:30:00+00:00"), None);
    let shown = screen_text(&app);
    for expected in [
        "an open streak",
        "What you did with the month",
        "7 activities",
        "Being single is OK",
    ] {
        assert!(shown.contains(expected), "missing {expected:?}:\n{shown}");
    }
    snap("graduation_80x24", &app, 80, 24);
    snap("graduation_60x16", &app, 60, 16);
}
