//! The TUI's whole loop without a terminal: key → `keymap::action_for` →
//! `update` → `tui::perform` through a real [`Service`] on a temp dir with a
//! fixed clock. Each test drives the app the way a person would, with the keys
//! of DESIGN.md's table, and checks the model and the data on disk.

use std::convert::Infallible;
use std::time::Duration;

use breather::clock::Clock;
use breather::domain::{Journey, NewActivity, Path, Stage, Timestamp};
use breather::service::Service;
use breather::storage::{Store, schema};
use breather::tr;
use breather::tui::action::{Action, Screen};
use breather::tui::app::{App, Dialog, Overlay};
use breather::tui::editor::{Editor, Purpose};
use breather::tui::form::FormPurpose;
use breather::tui::keymap::{self, Mode};
use breather::tui::update::{self, Effect};
use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

const DEMO: &[u8] = include_bytes!("../assets/demo.json");
/// The demo journey's moment (`assets/demo-now.txt`), in UTC.
const DEMO_NOW: &str = "2027-02-05T09:30:00+00:00";

fn at(moment: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(moment).expect("test moments are valid RFC 3339")
}

fn date(day: &str) -> NaiveDate {
    day.parse().expect("test dates are valid YYYY-MM-DD")
}

fn demo() -> Journey {
    schema::decode(DEMO).expect("assets/demo.json is a valid journey")
}

/// Something that can be pressed: a character, a key code, or a full key event.
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

fn shift(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::SHIFT)
}

/// One action through the loop: update, then perform its effect.
fn send(app: &mut App, service: &Service, action: Action) -> Effect {
    let effect = update::update(app, action);
    breather::tui::perform(service, app, effect.clone());
    effect
}

/// One key through the loop, as the runner does it.
fn press(app: &mut App, service: &Service, key: impl Key) -> Effect {
    let action = keymap::action_for(app.mode(), app.screen, key.event());
    send(app, service, action)
}

fn type_text(app: &mut App, service: &Service, text: &str) {
    for c in text.chars() {
        press(app, service, c);
    }
}

/// A temp home, a service on it at a fixed moment, and an app opened on it.
struct Session {
    dir: TempDir,
    service: Service,
    app: App,
}

impl Session {
    /// The data directory (not created until the first save).
    fn data_dir(dir: &TempDir) -> std::path::PathBuf {
        dir.path().join("data")
    }

    /// A first run: no data file yet.
    fn fresh(now: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory can be created");
        Self::open(dir, now)
    }

    /// `journey` already on disk.
    fn with(journey: Journey, now: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory can be created");
        Store::new(Self::data_dir(&dir))
            .update(|j| {
                *j = journey;
                Ok::<(), Infallible>(())
            })
            .expect("the journey can be written to a temp dir");
        Self::open(dir, now)
    }

    fn open(dir: TempDir, now: &str) -> Self {
        let service = Service::new(Store::new(Self::data_dir(&dir)), Clock::Fixed(at(now)));
        let journey = service.load().expect("the data file loads");
        let app = App::new(journey, service.now(), service.stamp());
        Session { dir, service, app }
    }

    fn press(&mut self, key: impl Key) -> Effect {
        press(&mut self.app, &self.service, key)
    }

    fn type_text(&mut self, text: &str) {
        type_text(&mut self.app, &self.service, text);
    }

    fn send(&mut self, action: Action) -> Effect {
        send(&mut self.app, &self.service, action)
    }

    /// Another handle on the same data file, as another process would have.
    fn other_store(&self) -> Store {
        Store::new(Self::data_dir(&self.dir))
    }

    /// The journey as saved on disk now.
    fn on_disk(&self) -> Journey {
        self.other_store().load().expect("the data file loads")
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

    fn form_purpose(&self) -> FormPurpose {
        match &self.app.overlay {
            Some(Overlay::Form(form)) => form.purpose,
            other => panic!("expected a form, found {other:?}"),
        }
    }

    fn notice(&self) -> &str {
        self.app
            .notice
            .as_ref()
            .map_or("", |notice| notice.text.as_str())
    }

    fn days_done(&self) -> u32 {
        self.app
            .derived
            .count
            .as_ref()
            .expect("the countdown has started")
            .days_done
    }

    /// The screen drawn at 80×24, as text.
    fn screen_text(&self) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(80, 24)).expect("a test terminal never fails");
        terminal
            .draw(|frame| frame.render_widget(&self.app, frame.area()))
            .expect("a test terminal never fails");
        terminal.backend().to_string()
    }
}

/// Seven answers on seven different mornings, each through its own clock.
fn week_of_reflections(dir: &std::path::Path) {
    for day in 4..=10 {
        let service = Service::new(
            Store::new(dir),
            Clock::Fixed(at(&format!("2027-01-{day:02}T08:00:00+00:00"))),
        );
        service
            .reflect(&format!("Morning {day}: honest, I think."), None, false)
            .expect("one answer a day is taken");
    }
}

#[test]
fn on_a_first_run_r_opens_the_reflection_editor_at_once() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    assert_eq!(s.app.derived.summary.stage, Stage::NotStarted);
    assert_eq!(s.app.screen, Screen::Today);
    assert_eq!(s.press('r'), Effect::None);
    assert_eq!(s.app.mode(), Mode::Editor, "no dialog before the editor");
    assert_eq!(s.editor().purpose, Purpose::Reflection { replace: false });
    assert_eq!(s.editor().text(), "");
}

#[test]
fn enter_on_today_also_opens_the_first_answer() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press(KeyCode::Enter);
    assert_eq!(s.editor().purpose, Purpose::Reflection { replace: false });
}

#[test]
fn inside_the_editor_q_and_other_command_keys_are_text() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    for key in ['q', '?', '1', 'u', 'a', 'j', 'm'] {
        assert_eq!(s.press(key), Effect::None);
    }
    s.press(shift(KeyCode::Char('Q')));
    assert_eq!(s.app.mode(), Mode::Editor);
    assert!(!s.app.should_quit);
    assert_eq!(s.editor().text(), "q?1uajmQ");
    // Outside the editor, q quits.
    s.press(KeyCode::Esc);
    assert_eq!(s.press('q'), Effect::Quit);
    assert!(s.app.should_quit);
}

#[test]
fn ctrl_s_saves_the_reflection_and_closes_the_editor() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    s.type_text("I want them to regret it.");
    s.press(ctrl('t')); // motive: revenge
    let effect = s.press(ctrl('s'));
    assert!(matches!(effect, Effect::Perform(_)), "{effect:?}");
    assert_eq!(s.app.mode(), Mode::Normal, "the editor closes on success");
    let saved = s.on_disk();
    assert_eq!(saved.reflections.len(), 1);
    assert_eq!(saved.reflections[0].text, "I want them to regret it.");
    assert_eq!(saved.reflections[0].date, date("2027-01-04"));
    assert_eq!(
        saved.reflections[0]
            .motive
            .map(breather::domain::Motive::as_str),
        Some("revenge")
    );
    assert!(saved.reflections[0].is_morning());
    assert_eq!(s.app.journey, saved, "the app shows what was saved");
    assert_eq!(s.app.stamp, s.service.stamp(), "its own save is not news");
    assert_eq!(s.app.derived.summary.stage, Stage::Reflection);
    assert!(!s.notice().is_empty(), "a save is acknowledged");
    // A second `r` the same day rewrites today's answer, starting from it.
    s.press('r');
    assert_eq!(s.editor().purpose, Purpose::Reflection { replace: true });
    assert_eq!(s.editor().text(), "I want them to regret it.");
}

#[test]
fn esc_closes_without_saving_and_r_brings_the_text_back() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    s.type_text("half a thought");
    assert_eq!(s.press(KeyCode::Esc), Effect::None);
    assert_eq!(s.app.mode(), Mode::Normal);
    assert!(s.on_disk().reflections.is_empty(), "nothing was saved");
    assert!(s.service.stamp().is_none(), "no file was even created");
    assert_eq!(s.notice(), tr!("tui.editor.kept_unsaved"));
    s.press('1');
    s.press('r');
    assert_eq!(s.editor().text(), "half a thought");
    s.type_text(", finished.");
    s.press(ctrl('s'));
    assert_eq!(s.on_disk().reflections[0].text, "half a thought, finished.");
    assert!(s.app.unsaved.is_none(), "saved text is not kept twice");
}

#[test]
fn an_urge_draft_does_not_come_back_in_the_reflection_editor() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('u');
    s.type_text("call me");
    s.press(KeyCode::Esc);
    s.press('r');
    assert_eq!(s.editor().text(), "", "each editor keeps its own draft");
    s.press(KeyCode::Esc);
    s.press('u');
    assert_eq!(s.editor().text(), "call me");
}

#[test]
fn question_mark_opens_help_and_question_mark_or_esc_closes_it() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press(shift(KeyCode::Char('?'))); // what a terminal sends for `?`
    assert_eq!(s.app.mode(), Mode::Help);
    s.press('?');
    assert_eq!(s.app.mode(), Mode::Normal);
    s.press('?');
    assert_eq!(s.app.mode(), Mode::Help);
    // Other keys do nothing while help is open.
    s.press('3');
    s.press('u');
    assert_eq!(s.app.screen, Screen::Today);
    assert_eq!(s.app.mode(), Mode::Help);
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Normal);
    // `q` in help closes help; it does not quit the app.
    s.press('?');
    s.press('q');
    assert_eq!(s.app.mode(), Mode::Normal);
    assert!(!s.app.should_quit);
}

#[test]
fn number_keys_tab_and_shift_tab_move_between_screens() {
    let mut s = Session::with(demo(), DEMO_NOW);
    for (key, screen) in ['1', '2', '3', '4', '5', '6'].into_iter().zip(Screen::TABS) {
        s.press(key);
        assert_eq!(s.app.screen, screen, "key {key}");
    }
    s.press('1');
    let mut forward = Vec::new();
    for _ in 0..6 {
        s.press(KeyCode::Tab);
        forward.push(s.app.screen);
    }
    assert_eq!(
        forward,
        [
            Screen::Reflect,
            Screen::Countdown,
            Screen::Activities,
            Screen::Journal,
            Screen::Messages,
            Screen::Today
        ]
    );
    let mut back = Vec::new();
    for _ in 0..6 {
        // Terminals report Shift-Tab as BackTab, with or without SHIFT.
        s.press(shift(KeyCode::BackTab));
        back.push(s.app.screen);
    }
    assert_eq!(
        back,
        [
            Screen::Messages,
            Screen::Journal,
            Screen::Activities,
            Screen::Countdown,
            Screen::Reflect,
            Screen::Today
        ]
    );
    s.press(KeyCode::BackTab);
    assert_eq!(s.app.screen, Screen::Messages);
    // From the checkpoint, Tab moves on from Countdown's slot.
    s.app.screen = Screen::Checkpoint;
    s.press(KeyCode::Tab);
    assert_eq!(s.app.screen, Screen::Activities);
}

/// `u`, a message, Ctrl-S: the urge is kept and the breather starts.
fn start_breather(s: &mut Session) {
    s.press('u');
    assert_eq!(s.editor().purpose, Purpose::Urge);
    s.type_text("I miss you. Can we talk?");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Breather);
    assert!(s.app.is_breathing());
}

#[test]
fn an_urge_starts_a_breather_that_q_cannot_quit_and_x_then_y_leaves_early() {
    let mut s = Session::with(demo(), DEMO_NOW);
    let urges_before = s.on_disk().urges.len();
    start_breather(&mut s);
    let saved = s.on_disk();
    assert_eq!(saved.urges.len(), urges_before + 1);
    assert_eq!(
        saved.urges.last().map(|u| u.text.as_str()),
        Some("I miss you. Can we talk?")
    );
    for key in ['q', '1', '?', 'u', 'y'] {
        assert_eq!(s.press(key), Effect::None, "key {key}");
        assert_eq!(s.app.mode(), Mode::Breather, "key {key}");
    }
    s.press(KeyCode::Esc);
    assert_eq!(s.app.mode(), Mode::Breather);
    assert!(!s.app.should_quit);
    // `x` asks; `n` goes back to breathing.
    s.press('x');
    assert!(matches!(s.dialog(), Dialog::LeaveBreatherEarly(_)));
    s.press('n');
    assert_eq!(s.app.mode(), Mode::Breather);
    // `x` then `y` leaves.
    s.press('x');
    assert_eq!(s.press('y'), Effect::None, "leaving early saves nothing");
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(s.notice(), tr!("tui.breather.left_early"));
    assert_eq!(
        s.on_disk().checkpoints.len(),
        0,
        "leaving the breather answers no checkpoint"
    );
}

#[test]
fn ticks_totalling_ten_minutes_end_the_breather_on_their_own() {
    let mut s = Session::with(demo(), DEMO_NOW);
    start_breather(&mut s);
    let now = s.app.now;
    let tick = |elapsed| Action::Tick { now, elapsed };
    for _ in 0..3 {
        s.send(tick(Duration::from_secs(180)));
    }
    s.send(tick(Duration::from_millis(59_750)));
    assert_eq!(
        s.app.mode(),
        Mode::Breather,
        "9:59.75 is not yet ten minutes"
    );
    s.send(tick(Duration::from_millis(250)));
    assert_eq!(s.app.mode(), Mode::Normal);
    assert!(!s.app.is_breathing());
    assert_eq!(s.notice(), tr!("tui.breather.done"));
}

#[test]
fn the_breather_keeps_counting_while_the_leave_question_is_open() {
    let mut s = Session::with(demo(), DEMO_NOW);
    start_breather(&mut s);
    s.press('x');
    let now = s.app.now;
    s.send(Action::Tick {
        now,
        elapsed: Duration::from_secs(600),
    });
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(s.notice(), tr!("tui.breather.done"));
}

#[test]
fn on_activities_a_opens_the_form_and_ctrl_s_logs_it() {
    let mut s = Session::with(demo(), DEMO_NOW);
    let before = s.on_disk().activities.len();
    s.press('4');
    s.press('a');
    assert_eq!(s.form_purpose(), FormPurpose::NewActivity);
    s.type_text("Salsa class, quite good");
    s.press(KeyCode::Tab); // category
    for _ in 0..3 {
        s.press(KeyCode::Right); // other → trip → club → class
    }
    let effect = s.press(ctrl('s'));
    assert!(matches!(effect, Effect::Perform(_)), "{effect:?}");
    assert_eq!(s.app.mode(), Mode::Normal);
    let saved = s.on_disk();
    assert_eq!(saved.activities.len(), before + 1);
    let logged = saved
        .activities
        .iter()
        .find(|a| a.title == "Salsa class, quite good")
        .expect("the activity was logged");
    assert_eq!(logged.date, date("2027-02-05"));
    assert_eq!(logged.category.as_str(), "class");
    assert_eq!(s.notice(), tr!("tui.saved.activity"));
    assert_eq!(s.app.journey, saved);
}

#[test]
fn on_activities_d_then_y_deletes_the_selected_one_and_n_keeps_it() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('4');
    s.press('j'); // the second newest
    let selected = s.app.derived.activities[s.app.selection.activities];
    let target = s.app.journey.activities[selected].clone();
    s.press('d');
    assert_eq!(
        s.dialog(),
        &Dialog::DeleteActivity {
            id: target.id,
            title: target.title.clone()
        }
    );
    s.press('n');
    assert_eq!(s.app.mode(), Mode::Normal);
    assert!(s.on_disk().activities.iter().any(|a| a.id == target.id));
    s.press('d');
    s.press('y');
    assert_eq!(s.app.mode(), Mode::Normal);
    let saved = s.on_disk();
    assert!(saved.activities.iter().all(|a| a.id != target.id));
    assert_eq!(saved.activities.len(), demo().activities.len() - 1);
    assert_eq!(s.notice(), tr!("tui.saved.activity_deleted"));
}

#[test]
fn on_countdown_s_records_a_slip_and_the_count_restarts() {
    let mut s = Session::with(demo(), DEMO_NOW);
    assert_eq!(s.days_done(), 19, "the demo's run started on 17 January");
    s.press('3');
    s.press('s');
    assert_eq!(s.form_purpose(), FormPurpose::Slip);
    s.press(KeyCode::Tab); // the note
    s.type_text("Texted them happy birthday.");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Normal);
    let count = s.app.derived.count.clone().expect("still counting");
    assert_eq!(count.days_done, 0);
    assert_eq!(count.started_on, date("2027-02-05"));
    assert_eq!(count.slips, 2);
    assert_eq!(count.longest_streak, 19, "one slip never erases a run");
    let saved = s.on_disk();
    assert_eq!(saved.slips.len(), 2);
    assert_eq!(
        saved.slips.last().and_then(|slip| slip.note.as_deref()),
        Some("Texted them happy birthday.")
    );
}

#[test]
fn after_a_week_m_opens_the_path_dialog_plus_raises_the_target_and_y_decides() {
    let dir = tempfile::tempdir().expect("a temporary directory can be created");
    week_of_reflections(&Session::data_dir(&dir));
    let mut s = Session::open(dir, "2027-01-11T09:00:00+00:00");
    assert_eq!(s.app.derived.summary.stage, Stage::VerdictDue);
    s.press('2');
    s.press('m');
    assert_eq!(
        s.dialog(),
        &Dialog::ChoosePath {
            path: Path::MoveOn,
            target_days: 30
        }
    );
    s.press('-');
    s.press(KeyCode::Left);
    assert_eq!(
        s.dialog(),
        &Dialog::ChoosePath {
            path: Path::MoveOn,
            target_days: 30
        },
        "never less than a month"
    );
    s.press('+');
    s.press('+');
    s.press(KeyCode::Right);
    s.press('-');
    let effect = s.press('y');
    assert!(matches!(effect, Effect::Perform(_)), "{effect:?}");
    let verdict = s.on_disk().verdict.expect("the verdict was saved");
    assert_eq!(verdict.path, Path::MoveOn);
    assert_eq!(verdict.target_days, 32);
    assert_eq!(verdict.started_on, date("2027-01-11"));
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(s.app.screen, Screen::Today);
    assert_eq!(s.app.derived.summary.stage, Stage::NoContact);
    assert_eq!(s.days_done(), 0);
}

#[test]
fn before_the_week_is_complete_m_is_refused_with_a_reason() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    s.type_text("Only the first morning.");
    s.press(ctrl('s'));
    s.press('2');
    s.press('m');
    assert_eq!(s.app.mode(), Mode::Normal, "no dialog opens");
    let notice = s.app.notice.as_ref().expect("the refusal says why");
    assert!(notice.is_error);
    assert!(s.on_disk().verdict.is_none());
}

#[test]
fn a_one_megabyte_paste_is_one_refused_paste() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    let paste = "q?1u\n".repeat(200_000);
    assert_eq!(paste.len(), 1_000_000);
    assert_eq!(s.send(Action::Paste(paste)), Effect::None);
    assert_eq!(
        s.app.mode(),
        Mode::Editor,
        "still in the editor: no key fired"
    );
    assert!(s.editor().text().is_empty());
    let error = s.editor().error.clone().expect("the limit is explained");
    assert!(error.contains("1000000"), "{error}");
    assert!(s.screen_text().contains("Nothing was pasted"));
}

#[test]
fn a_huge_paste_is_refused_whole_with_a_message_and_fires_no_keys() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    s.press('r');
    s.type_text("abc");
    // Every character of the paste would be a command outside the editor.
    let paste = "q?1u\t".repeat(12_000);
    assert_eq!(paste.chars().count(), 60_000);
    assert_eq!(s.send(Action::Paste(paste)), Effect::None);
    assert_eq!(s.app.mode(), Mode::Editor);
    assert!(!s.app.should_quit);
    assert_eq!(s.app.screen, Screen::Reflect);
    assert_eq!(s.editor().text(), "abc", "nothing of the paste went in");
    assert_eq!(
        s.editor().error.as_deref(),
        Some(
            tr!(
                "tui.editor.paste_too_long",
                chars = 60_003,
                max = breather::domain::MAX_TEXT_CHARS
            )
            .as_str()
        )
    );
    let screen = s.screen_text();
    assert!(
        screen.contains("entry would be 60003 characters"),
        "{screen}"
    );
    // A paste that fits goes in as text, newlines kept; the next key clears the message.
    s.send(Action::Paste("q\r\nu".to_owned()));
    assert_eq!(s.editor().text(), "abcq\nu");
    s.press('!');
    assert!(s.editor().error.is_none());
    assert!(s.on_disk().reflections.is_empty(), "a paste never saves");
}

#[test]
fn a_tick_past_midnight_moves_today_and_the_count() {
    let mut s = Session::with(demo(), "2027-02-05T23:59:59+00:00");
    assert_eq!(s.app.today(), date("2027-02-05"));
    assert_eq!(s.days_done(), 19);
    s.send(Action::Tick {
        now: at("2027-02-05T23:59:59.900+00:00"),
        elapsed: Duration::from_millis(900),
    });
    assert_eq!(s.app.today(), date("2027-02-05"));
    s.send(Action::Tick {
        now: at("2027-02-06T00:00:00.200+00:00"),
        elapsed: Duration::from_millis(300),
    });
    assert_eq!(s.app.today(), date("2027-02-06"));
    assert_eq!(s.days_done(), 20);
    assert!(
        s.screen_text().contains("Sat 6 Feb 2027"),
        "the header shows the new day"
    );
}

#[test]
fn a_save_by_another_process_is_picked_up_on_file_changed() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('4');
    // An editor with a draft is open while another pane logs an activity.
    s.press('u');
    s.type_text("draft in progress");
    let other = s.other_store();
    other
        .update(|j| {
            j.log_activity(
                at(DEMO_NOW),
                &NewActivity {
                    title: "Logged from another pane".to_owned(),
                    category: breather::domain::Category::Social,
                    date: date("2027-02-05"),
                    rating: None,
                    note: None,
                    share: false,
                    they_would_like: false,
                },
            )
        })
        .expect("the store can be written")
        .expect("the activity is valid");
    let stamp = other.stamp().expect("the file exists");
    assert_ne!(s.app.stamp, Some(stamp), "the file's fingerprint changed");
    assert_eq!(s.send(Action::FileChanged(stamp)), Effect::Reload);
    assert!(
        s.app
            .journey
            .activities
            .iter()
            .any(|a| a.title == "Logged from another pane")
    );
    assert_eq!(s.app.stamp, Some(stamp));
    assert_eq!(s.app.derived.activities.len(), demo().activities.len() + 1);
    assert_eq!(s.notice(), tr!("tui.reloaded"));
    assert_eq!(s.editor().text(), "draft in progress", "the draft survives");
    // The same stamp again is nothing new.
    assert_eq!(s.send(Action::FileChanged(stamp)), Effect::None);
}

#[test]
fn a_failed_save_keeps_the_editor_open_with_its_text_and_shows_why() {
    let mut s = Session::fresh("2027-01-04T08:00:00+00:00");
    // The data directory's path becomes a regular file after the app opened.
    let data_dir = Session::data_dir(&s.dir);
    std::fs::write(&data_dir, b"not a directory").expect("a file can be planted");
    s.press('r');
    s.type_text("Do not lose this.");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Editor, "the editor stays open");
    let editor = s.editor();
    assert_eq!(editor.text(), "Do not lose this.");
    assert!(!editor.saving);
    let error = editor.error.clone().expect("the failure is shown");
    assert!(!error.is_empty());
    let shown: String = error.chars().take(30).collect();
    assert!(
        s.screen_text().contains(&shown),
        "the error is on screen: {shown}"
    );
    // Once the path is a directory again, the same Ctrl-S saves.
    std::fs::remove_file(&data_dir).expect("the planted file can be removed");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(s.on_disk().reflections[0].text, "Do not lose this.");
}

impl Session {
    /// The clock moves on: a new service at `now` on the same data, and the
    /// tick the runner would send.
    fn move_clock(&mut self, now: &str) {
        self.service = Service::new(self.other_store(), Clock::Fixed(at(now)));
        self.send(Action::Tick {
            now: at(now),
            elapsed: Duration::from_secs(1),
        });
    }
}

/// The demo's month is complete on 16 February.
const CHECKPOINT_NOW: &str = "2027-02-16T09:30:00+00:00";

#[test]
fn a_yes_on_two_different_days_opens_the_reconnect_stage() {
    let mut s = Session::with(demo(), CHECKPOINT_NOW);
    assert_eq!(s.app.derived.summary.stage, Stage::CheckpointDue);
    s.press('c');
    assert_eq!(s.app.screen, Screen::Checkpoint);
    s.press('y');
    assert_eq!(s.dialog(), &Dialog::CheckpointYes);
    s.press('y');
    assert_eq!(s.notice(), tr!("tui.saved.sleep_on_it"));
    assert_eq!(s.on_disk().checkpoints.len(), 1);
    // A second yes the same day changes nothing.
    s.press('y');
    s.press('y');
    assert_eq!(s.notice(), tr!("checkpoint.confirm_another_day"));
    assert_eq!(s.on_disk().checkpoints.len(), 1);
    s.move_clock("2027-02-17T08:00:00+00:00");
    s.press('y');
    s.press(KeyCode::Enter);
    assert_eq!(s.notice(), tr!("checkpoint.confirmed"));
    assert_eq!(s.app.screen, Screen::Messages);
    assert_eq!(s.app.derived.summary.stage, Stage::Reconnect);
}

#[test]
fn not_yet_extends_the_count_by_the_chosen_days() {
    let mut s = Session::with(demo(), CHECKPOINT_NOW);
    s.press('3');
    s.press('c');
    assert_eq!(s.app.screen, Screen::Checkpoint);
    s.press('w');
    assert_eq!(s.dialog(), &Dialog::CheckpointNotYet { days: 14 });
    s.press('+');
    s.press('y');
    assert_eq!(s.app.screen, Screen::Countdown);
    let count = s.app.derived.count.clone().expect("still counting");
    assert_eq!(count.target_days, 45);
    assert_eq!(s.app.derived.summary.stage, Stage::NoContact);
    assert_eq!(
        s.on_disk().checkpoints.last().and_then(|c| c.extend_days),
        Some(15)
    );
}

#[test]
fn no_at_the_checkpoint_turns_to_moving_on() {
    let mut s = Session::with(demo(), CHECKPOINT_NOW);
    s.press('c');
    s.press('n');
    s.press('y');
    assert_eq!(s.app.screen, Screen::Today);
    assert_eq!(s.app.derived.summary.stage, Stage::MovingOn);
}

#[test]
fn the_checkpoint_before_its_day_is_refused_with_a_reason() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('c');
    assert_eq!(s.app.screen, Screen::Today);
    assert!(s.app.notice.as_ref().is_some_and(|n| n.is_error));
    s.app.screen = Screen::Checkpoint;
    s.press('y');
    assert_eq!(s.app.mode(), Mode::Normal, "no dialog before the day");
    assert!(s.on_disk().checkpoints.is_empty());
}

#[test]
fn an_exception_without_a_note_is_refused_inside_the_form() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('3');
    s.press('e');
    assert_eq!(s.form_purpose(), FormPurpose::Exception);
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Form, "the form stays open");
    let Some(Overlay::Form(form)) = &s.app.overlay else {
        panic!("the form is open");
    };
    assert!(form.error.is_some(), "and says why");
    assert!(!form.saving);
    s.press(KeyCode::Tab);
    s.type_text("School run: handed over the kids' bags.");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(s.on_disk().exceptions.len(), 2);
    assert_eq!(s.days_done(), 19, "an exception does not break the count");
}

#[test]
fn enter_on_an_activity_edits_it() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('4');
    let selected = s.app.derived.activities[0];
    let original = s.app.journey.activities[selected].clone();
    s.press(KeyCode::Enter);
    assert_eq!(s.form_purpose(), FormPurpose::EditActivity(original.id));
    s.type_text(" (again)");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Normal);
    let saved = s.on_disk();
    let edited = saved
        .activities
        .iter()
        .find(|a| a.id == original.id)
        .expect("the activity is still there");
    assert_eq!(edited.title, format!("{} (again)", original.title));
    assert_eq!(edited.date, original.date);
    assert_eq!(edited.category, original.category);
    assert_eq!(saved.activities.len(), demo().activities.len());
}

#[test]
fn deleting_the_last_row_keeps_the_selection_on_the_list() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('4');
    for _ in 0..20 {
        s.press(KeyCode::Down);
    }
    let last = demo().activities.len() - 1;
    assert_eq!(
        s.app.selection.activities, last,
        "the selection stops at the end"
    );
    s.press('d');
    s.press('y');
    assert_eq!(s.app.selection.activities, last - 1);
    s.press('d');
    assert!(
        matches!(s.dialog(), Dialog::DeleteActivity { .. }),
        "the selection still points at a row"
    );
}

#[test]
fn on_journal_a_writes_an_entry_with_a_mood() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('5');
    s.press('a');
    assert_eq!(s.editor().purpose, Purpose::Journal);
    s.type_text("A good, ordinary day.");
    s.press(KeyCode::Enter);
    s.type_text("Quiet.");
    for _ in 0..4 {
        s.press(ctrl('t'));
    }
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Normal);
    let saved = s.on_disk();
    let entry = saved.journal.last().expect("an entry was written");
    assert_eq!(entry.text, "A good, ordinary day.\nQuiet.");
    assert_eq!(entry.mood.map(breather::domain::Mood::get), Some(4));
    assert_eq!(s.app.selection.journal, 0);
    assert_eq!(
        s.app.derived.journal.first().copied(),
        Some(saved.journal.len() - 1)
    );
}

#[test]
fn a_paste_outside_an_editor_fires_no_keys() {
    let mut s = Session::with(demo(), DEMO_NOW);
    for mode_key in [None, Some('?')] {
        if let Some(key) = mode_key {
            s.press(key);
        }
        let before = s.app.mode();
        assert_eq!(s.send(Action::Paste("q4ud?".to_owned())), Effect::None);
        assert!(!s.app.should_quit);
        assert_eq!(s.app.screen, Screen::Today);
        assert_eq!(s.app.mode(), before);
    }
    s.press(KeyCode::Esc);
    start_breather(&mut s);
    s.send(Action::Paste("xy".to_owned()));
    assert_eq!(
        s.app.mode(),
        Mode::Breather,
        "a paste cannot leave the breather"
    );
}

#[test]
fn a_huge_paste_into_a_form_fires_no_keys_and_cannot_be_saved() {
    let mut s = Session::with(demo(), DEMO_NOW);
    s.press('4');
    s.press('a');
    s.send(Action::Paste("q?\u{1b}[2J\n".repeat(12_000)));
    assert_eq!(s.app.mode(), Mode::Form);
    assert!(!s.app.should_quit);
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Form, "a title that long is refused");
    let Some(Overlay::Form(form)) = &s.app.overlay else {
        panic!("the form is open");
    };
    assert!(form.error.is_some());
    assert_eq!(s.on_disk().activities.len(), demo().activities.len());
}

#[test]
fn a_file_broken_by_another_process_is_reported_and_not_loaded() {
    let mut s = Session::with(demo(), DEMO_NOW);
    let file = s.other_store().data_file().to_owned();
    std::fs::write(&file, b"{ not json").expect("the data file can be overwritten");
    let stamp = s.service.stamp().expect("the file exists");
    assert_eq!(s.send(Action::FileChanged(stamp)), Effect::Reload);
    assert_eq!(s.app.journey, demo(), "what was on screen stays");
    assert!(s.app.notice.as_ref().is_some_and(|n| n.is_error));
    assert_eq!(s.app.stamp, Some(stamp), "reported once, not on every tick");
    assert_eq!(s.send(Action::FileChanged(stamp)), Effect::None);
    // A save now is refused and the broken file is left as it is.
    s.press('5');
    s.press('a');
    s.type_text("Still writing.");
    s.press(ctrl('s'));
    assert_eq!(s.app.mode(), Mode::Editor);
    assert_eq!(s.editor().text(), "Still writing.");
    assert!(s.editor().error.is_some());
    assert_eq!(
        std::fs::read(&file).expect("the data file is readable"),
        b"{ not json"
    );
}

#[test]
fn a_save_by_another_process_right_after_our_own_is_still_picked_up() {
    let mut s = Session::with(demo(), DEMO_NOW);
    // What `tui::perform` does for Ctrl-S on a journal entry, step by step,
    // with another pane's `breather log` landing between the save and the stamp.
    let result = s
        .service
        .perform_stamped(breather::service::Change::Journal {
            text: "Mine.".to_owned(),
            mood: None,
        });
    s.other_store()
        .update(|j| {
            j.log_activity(
                at(DEMO_NOW),
                &NewActivity {
                    title: "From the other pane".to_owned(),
                    category: breather::domain::Category::Club,
                    date: date("2027-02-05"),
                    rating: None,
                    note: None,
                    share: false,
                    they_would_like: false,
                },
            )
        })
        .expect("the store can be written")
        .expect("the activity is valid");
    let (changed, journey, stamp) = result.expect("the entry is saved");
    update::saved(&mut s.app, Ok((changed, journey)), stamp);
    // The runner's next tick compares stamps.
    if let Some(stamp) = s.service.stamp().filter(|st| s.app.stamp != Some(*st)) {
        s.send(Action::FileChanged(stamp));
    }
    assert!(
        s.app
            .journey
            .activities
            .iter()
            .any(|a| a.title == "From the other pane"),
        "the other pane's activity never shows up"
    );
}
