//! Render snapshots of every screen and overlay (`TestBackend` + insta) on the
//! sample journey at its fixed moment, at 80×24 and at the 60×16 minimum, and
//! a sweep of sizes down to 1×1 that must never panic and must say plainly
//! when the terminal is too small. Snapshots are reviewed, never auto-accepted.

use std::time::Duration;

use breather::domain::{Journey, Timestamp};
use breather::storage::schema;
use breather::tr;
use breather::tui::action::{Action, Screen};
use breather::tui::app::{App, Breather, Notice, Overlay};
use breather::tui::update;
use breather::tui::view::{MIN_HEIGHT, MIN_WIDTH};
use chrono::DateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const DEMO: &[u8] = include_bytes!("../assets/demo.json");
/// The demo journey's moment (`assets/demo-now.txt`), in UTC.
const DEMO_NOW: &str = "2027-02-05T09:30:00+00:00";
/// The day the demo's month is complete: the checkpoint is due.
const CHECKPOINT_NOW: &str = "2027-02-16T09:30:00+00:00";

fn at(moment: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(moment).expect("test moments are valid RFC 3339")
}

fn demo() -> Journey {
    schema::decode(DEMO).expect("assets/demo.json is a valid journey")
}

/// The demo's first `answers` reflections and nothing after them.
fn reflection_week(answers: usize) -> Journey {
    let mut journey = Journey::new();
    journey.reflections = demo().reflections.into_iter().take(answers).collect();
    journey
}

fn app(journey: Journey, now: &str) -> App {
    App::new(journey, at(now), None)
}

fn demo_app() -> App {
    app(demo(), DEMO_NOW)
}

/// Applies actions that only open or fill overlays (no effect to perform).
fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        let effect = update::update(app, action);
        assert_eq!(effect, update::Effect::None, "a view setup never saves");
    }
}

fn typed(text: &str) -> impl Iterator<Item = Action> + '_ {
    text.chars()
        .map(|c| Action::Input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal never fails");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("a test terminal never fails");
    terminal
}

/// Snapshots `app` at `width`×`height`, after checking that no catalogue key
/// leaked onto the screen in place of its sentence.
fn snap(name: &str, app: &App, width: u16, height: u16) {
    let terminal = draw(app, width, height);
    let shown = terminal.backend().to_string();
    assert!(
        !shown.contains("tui.") && !shown.contains("status.") && !shown.contains("count."),
        "{name}: a text key is shown instead of its sentence:\n{shown}"
    );
    insta::assert_snapshot!(name, terminal.backend());
}

/// Every screen of the demo at one size (Checkpoint on the day it is due).
fn every_screen(size: &str, width: u16, height: u16) {
    for screen in Screen::TABS {
        let mut app = demo_app();
        app.screen = screen;
        let name = format!("{}_{size}", screen_name(screen));
        snap(&name, &app, width, height);
    }
    let mut checkpoint = app(demo(), CHECKPOINT_NOW);
    checkpoint.screen = Screen::Checkpoint;
    snap(&format!("checkpoint_{size}"), &checkpoint, width, height);
    snap(
        &format!("first_run_today_{size}"),
        &app(Journey::new(), DEMO_NOW),
        width,
        height,
    );
}

fn screen_name(screen: Screen) -> &'static str {
    match screen {
        Screen::Today => "today",
        Screen::Reflect => "reflect",
        Screen::Countdown => "countdown",
        Screen::Activities => "activities",
        Screen::Journal => "journal",
        Screen::Messages => "messages",
        Screen::Checkpoint => "checkpoint",
    }
}

fn help_app() -> App {
    let mut app = demo_app();
    act(
        &mut app,
        [Action::GoTo(Screen::Countdown), Action::ToggleHelp],
    );
    app
}

fn reflection_editor_app() -> App {
    let mut app = app(reflection_week(3), "2027-01-07T08:10:00+00:00");
    act(&mut app, [Action::WriteReflection]);
    act(
        &mut app,
        typed("Less angry. I think I want them to see I'm fine, "),
    );
    act(
        &mut app,
        [
            Action::Paste("which I'm not yet.\r\nMaybe that is the honest answer.".to_owned()),
            Action::CycleTag,
            Action::CycleTag,
            Action::CycleTag,
            Action::CycleTag,
        ],
    );
    app
}

fn journal_editor_app() -> App {
    let mut app = demo_app();
    act(&mut app, [Action::GoTo(Screen::Journal), Action::Add]);
    act(&mut app, typed("Cooked for friends tonight."));
    act(
        &mut app,
        [Action::CycleTag, Action::CycleTag, Action::CycleTag],
    );
    app
}

fn urge_editor_app() -> App {
    let mut app = demo_app();
    act(&mut app, [Action::Urge]);
    act(&mut app, typed("Hey, I saw the market is back on Sundays"));
    app
}

fn activity_form_app() -> App {
    let mut app = demo_app();
    act(&mut app, [Action::GoTo(Screen::Activities), Action::Add]);
    act(&mut app, typed("Life drawing at the college"));
    let right = Action::Input(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
    act(
        &mut app,
        [
            Action::NextField,
            right.clone(),
            right.clone(),
            right.clone(),
            right.clone(),
            Action::NextField,
            Action::NextField,
            right.clone(),
            right.clone(),
            right.clone(),
            right,
            Action::NextField,
        ],
    );
    act(&mut app, typed("Charcoal, two hours"));
    app
}

fn slip_form_app() -> App {
    let mut app = demo_app();
    act(
        &mut app,
        [
            Action::GoTo(Screen::Countdown),
            Action::Slip,
            Action::NextField,
        ],
    );
    act(&mut app, typed("Replied to their message"));
    app
}

fn exception_form_app() -> App {
    let mut app = demo_app();
    act(
        &mut app,
        [
            Action::GoTo(Screen::Countdown),
            Action::Exception,
            Action::NextField,
        ],
    );
    act(&mut app, typed("Handed back the spare keys"));
    app
}

/// Seven answers, no verdict yet, the morning after the week.
fn verdict_due_app() -> App {
    let mut app = app(reflection_week(7), "2027-01-11T09:00:00+00:00");
    act(&mut app, [Action::GoTo(Screen::Reflect)]);
    app
}

fn path_dialog_app(action: Action) -> App {
    let mut app = verdict_due_app();
    act(&mut app, [action, Action::More, Action::More]);
    app
}

fn delete_dialog_app() -> App {
    let mut app = demo_app();
    act(&mut app, [Action::GoTo(Screen::Activities), Action::Delete]);
    app
}

fn checkpoint_dialog_app(action: Action) -> App {
    let mut app = app(demo(), CHECKPOINT_NOW);
    act(&mut app, [Action::GoTo(Screen::Checkpoint), action]);
    app
}

fn breather() -> Breather {
    Breather {
        total: Duration::from_secs(600),
        elapsed: Duration::from_secs(65),
    }
}

fn breather_app() -> App {
    let mut app = demo_app();
    app.overlay = Some(Overlay::Breather(breather()));
    app.notice = Some(Notice {
        text: tr!("tui.saved.urge"),
        is_error: false,
    });
    app
}

fn leave_breather_app() -> App {
    let mut app = breather_app();
    act(&mut app, [Action::LeaveBreather]);
    app
}

/// Every overlay the app has, each on its own app, by snapshot name.
fn overlay_apps() -> Vec<(&'static str, App)> {
    vec![
        ("help", help_app()),
        ("editor_reflection", reflection_editor_app()),
        ("editor_journal", journal_editor_app()),
        ("editor_urge", urge_editor_app()),
        ("form_activity", activity_form_app()),
        ("form_slip", slip_form_app()),
        ("form_exception", exception_form_app()),
        ("dialog_path_move_on", path_dialog_app(Action::ChooseMoveOn)),
        (
            "dialog_path_reconnect",
            path_dialog_app(Action::ChooseReconnect),
        ),
        ("dialog_delete_activity", delete_dialog_app()),
        (
            "dialog_checkpoint_yes",
            checkpoint_dialog_app(Action::AnswerYes),
        ),
        (
            "dialog_checkpoint_not_yet",
            checkpoint_dialog_app(Action::AnswerNotYet),
        ),
        (
            "dialog_checkpoint_no",
            checkpoint_dialog_app(Action::AnswerNo),
        ),
        ("breather", breather_app()),
        ("dialog_leave_breather", leave_breather_app()),
    ]
}

#[test]
fn every_screen_at_80x24() {
    every_screen("80x24", 80, 24);
}

#[test]
fn every_screen_at_the_60x16_minimum() {
    every_screen("60x16", 60, 16);
}

#[test]
fn every_overlay_at_80x24() {
    for (name, app) in overlay_apps() {
        snap(&format!("{name}_80x24"), &app, 80, 24);
    }
}

#[test]
fn every_overlay_at_the_60x16_minimum() {
    for (name, app) in overlay_apps() {
        snap(&format!("{name}_60x16"), &app, 60, 16);
    }
}

#[test]
fn the_stages_on_today_at_80x24() {
    snap(
        "today_reflection_week_80x24",
        &app(reflection_week(3), "2027-01-07T08:10:00+00:00"),
        80,
        24,
    );
    let mut verdict_due = verdict_due_app();
    snap("reflect_verdict_due_80x24", &verdict_due, 80, 24);
    snap("reflect_verdict_due_60x16", &verdict_due, 60, 16);
    verdict_due.screen = Screen::Today;
    snap("today_verdict_due_80x24", &verdict_due, 80, 24);
    snap(
        "today_checkpoint_due_80x24",
        &app(demo(), CHECKPOINT_NOW),
        80,
        24,
    );
    let mut moving_on = demo();
    if let Some(verdict) = &mut moving_on.verdict {
        verdict.path = breather::domain::Path::MoveOn;
    }
    snap(
        "today_moving_on_80x24",
        &app(moving_on, CHECKPOINT_NOW),
        80,
        24,
    );
}

#[test]
fn a_failed_save_and_notices_at_80x24() {
    let mut editor = reflection_editor_app();
    if let Some(Overlay::Editor(e)) = &mut editor.overlay {
        e.error = Some(tr!(
            "storage.permission",
            action = "save",
            path = "/home/sam/.local/share/breather/breather.json"
        ));
    }
    snap("editor_save_failed_80x24", &editor, 80, 24);
    let mut refused = demo_app();
    act(&mut refused, [Action::OpenCheckpoint]);
    assert!(refused.notice.as_ref().is_some_and(|n| n.is_error));
    snap("notice_checkpoint_too_early_80x24", &refused, 80, 24);
    // What a slip saved from Countdown leaves on screen.
    let mut slipped = demo_app();
    slipped.screen = Screen::Countdown;
    let mut journey = demo();
    let count = journey
        .record_slip(
            at(DEMO_NOW),
            at(DEMO_NOW).date_naive(),
            Some("Replied to their story"),
        )
        .expect("a slip today is taken");
    update::saved(
        &mut slipped,
        Ok((breather::service::Changed::Slipped(count), journey)),
        None,
    );
    snap("notice_after_slip_80x24", &slipped, 80, 24);
}

/// The cells of `buffer` in reading order, without whitespace.
fn visible(buffer: &Buffer) -> String {
    buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    app.render(area, &mut buffer);
    buffer
}

/// Renders every app at one size; below the minimum, the too-small message
/// (as much of it as fits, in order) must be what is shown.
fn check_size(apps: &[(&'static str, App)], width: u16, height: u16) {
    let message: String = tr!(
        "tui.too_small",
        width = width,
        height = height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT
    )
    .chars()
    .filter(|c| !c.is_whitespace())
    .collect();
    for (name, app) in apps {
        let buffer = render(app, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            let shown = visible(&buffer);
            assert!(
                !shown.is_empty() && message.starts_with(&shown),
                "{name} at {width}×{height} should show the too-small message, shows {shown:?}"
            );
        } else {
            // Large enough: the header, not the message, is on the first row.
            let first_row: String = (0..width)
                .map(|x| buffer[(x, 0)].symbol())
                .collect::<String>();
            assert!(
                first_row.starts_with(" breather") || first_row.starts_with('┌'),
                "{name} at {width}×{height} is large enough, shows {first_row:?}"
            );
        }
    }
}

/// Every overlay, plus no overlay, a first run and a notice too long for a row.
fn sweep_apps() -> Vec<(&'static str, App)> {
    let mut apps = overlay_apps();
    apps.push(("none", demo_app()));
    apps.push(("first_run", app(Journey::new(), DEMO_NOW)));
    let mut noticed = demo_app();
    noticed.notice = Some(Notice {
        text: "x".repeat(300),
        is_error: true,
    });
    apps.push(("long_notice", noticed));
    apps
}

#[test]
fn any_size_renders_without_panicking_and_small_ones_say_so() {
    let apps = sweep_apps();
    for (width, height) in [(1, 1), (10, 3), (59, 16), (60, 15), (60, 16)] {
        check_size(&apps, width, height);
    }
    // The whole too-small message fits at 59×16.
    let full = visible(&render(&apps[0].1, 59, 16));
    assert!(full.ends_with("nothingyoutypedislost."), "{full}");

    // A simple LCG (Knuth's MMIX constants): reproducible without a rand crate.
    let mut state: u64 = 0x5EED_B2EA_7E5A_u64;
    let mut next = |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    };
    let sizes: Vec<(u16, u16, usize)> = (0..200)
        .map(|_| {
            let width = u16::try_from(next(250) + 1).expect("at most 250");
            let height = u16::try_from(next(80) + 1).expect("at most 80");
            let screen = usize::try_from(next(7)).expect("at most 6");
            (width, height, screen)
        })
        .collect();
    // Two halves on two threads, each with its own apps: the sweep is most of
    // this file's run time.
    std::thread::scope(|scope| {
        for half in sizes.chunks(100) {
            scope.spawn(move || {
                let mut apps = sweep_apps();
                for &(width, height, screen) in half {
                    for (_, app) in &mut apps {
                        app.screen = Screen::ALL[screen];
                    }
                    check_size(&apps, width, height);
                }
            });
        }
    });
}
