//! Text a person stored — or a file someone tampered with — may hold escape
//! sequences (ESC, OSC, C1 controls) and bidirectional overrides. They are
//! kept as written, but never reach a terminal raw: not from the CLI, not
//! from the TUI.

mod common;

use breather::domain::Journey;
use breather::storage::schema;
use breather::tui::action::Screen;
use breather::tui::app::App;
use chrono::DateTime;
use common::Sandbox;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Clear the screen, set the window title, ring the bell, a C1 CSI, and a
/// right-to-left override that would reverse what follows.
const HOSTILE: &str = "before\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}gnp.exe\u{2066}after\r";

fn is_raw_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn assert_clean(what: &str, text: &str) {
    let found: Vec<String> = text
        .chars()
        .filter(|c| is_raw_control(*c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(
        found.is_empty(),
        "{what} let raw controls through: {found:?}\n{text}"
    );
}

/// A journey whose every text field holds the hostile string.
fn hostile_sandbox() -> Sandbox {
    let s = Sandbox::new();
    for day in 1..=7 {
        s.ok(
            &format!("2027-01-{day:02}T08:00"),
            &["reflect", &format!("{HOSTILE} {day}")],
        );
    }
    s.ok("2027-01-08T09:00", &["decide", "reconnect"]);
    s.ok(
        "2027-01-09T09:00",
        &[
            "log",
            HOSTILE,
            "--note",
            HOSTILE,
            "--share",
            "--they-would-like",
        ],
    );
    s.ok("2027-01-09T09:00", &["journal", HOSTILE, "--mood", "3"]);
    s.ok("2027-01-09T09:00", &["urge", HOSTILE]);
    s.ok("2027-01-10T09:00", &["slip", "--note", HOSTILE]);
    s.ok("2027-01-10T09:00", &["exception", "--note", HOSTILE]);
    s
}

#[test]
fn the_text_is_kept_exactly_as_written() {
    let s = hostile_sandbox();
    let text = s.file_text().expect("written");
    let journey: Journey = schema::decode(text.as_bytes()).expect("loads");
    assert_eq!(journey.journal[0].text, HOSTILE.trim());
    assert_eq!(journey.urges[0].text, HOSTILE.trim());
}

#[test]
fn the_cli_never_prints_it_raw() {
    let s = hostile_sandbox();
    let now = "2027-01-10T12:00";
    for args in [
        &["list", "reflections"][..],
        &["list", "activities"],
        &["list", "journal"],
        &["list", "urges"],
        &["status"],
        &["report"],
        &["search", "before"],
    ] {
        let out = s.std_cmd(now).args(args).output().expect("runs");
        assert_clean(
            &format!("`breather {}` stdout", args.join(" ")),
            &String::from_utf8_lossy(&out.stdout),
        );
        assert_clean(
            &format!("`breather {}` stderr", args.join(" ")),
            &String::from_utf8_lossy(&out.stderr),
        );
    }
    // Arguments echoed back in refusals are made safe too.
    let out = s
        .std_cmd(now)
        .args(["restore", HOSTILE])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_clean(
        "a refusal naming the argument",
        &String::from_utf8_lossy(&out.stderr),
    );
}

#[test]
fn the_app_never_draws_it_raw() {
    let s = hostile_sandbox();
    let journey = breather::storage::Store::new(s.data_dir())
        .load()
        .expect("loads");
    let now = DateTime::parse_from_rfc3339("2027-01-10T12:00:00+00:00").expect("valid");
    for screen in Screen::ALL {
        let mut app = App::new(journey.clone(), now, None);
        app.screen = screen;
        for (w, h) in [(80, 24), (60, 16), (120, 40)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draws");
            let cells: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect();
            assert_clean(&format!("{screen:?} at {w}x{h}"), &cells);
        }
    }
}
