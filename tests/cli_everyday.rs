//! The shell around the journey, through the real binary: `remind` at each
//! stage, `export` (json, markdown, csv) and `import` (refusal, --replace,
//! the round trip), `search`, `completions` and `man`, the config file
//! (each setting taking effect, a broken file refused clearly) and `$EDITOR`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{Sandbox, assert_one_line};
use serde_json::Value;

/// Config and cache directories inside `s`, so nothing from the machine leaks in.
fn dirs(s: &Sandbox) -> (PathBuf, PathBuf) {
    let root = s.data_dir().with_file_name("xdg");
    (root.join("config"), root.join("cache"))
}

/// `breather ARGS` at `now`, with the sandbox's own config and cache dirs.
fn cmd(s: &Sandbox, now: &str) -> Command {
    let (config, cache) = dirs(s);
    let mut cmd = s.cmd(now);
    cmd.env("XDG_CONFIG_HOME", config)
        .env("XDG_CACHE_HOME", cache);
    cmd
}

/// Runs `args` at `now`; asserts exit 0; returns stdout.
fn ok(s: &Sandbox, now: &str, args: &[&str]) -> String {
    let output = cmd(s, now).args(args).output().expect("the binary runs");
    assert!(
        output.status.success(),
        "`breather {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The config file the binary reads in this sandbox.
fn config_file(s: &Sandbox) -> PathBuf {
    dirs(s).0.join("breather").join("config.toml")
}

fn write_config(s: &Sandbox, text: &str) {
    let file = config_file(s);
    std::fs::create_dir_all(file.parent().expect("a parent")).expect("config dir");
    std::fs::write(file, text).expect("config written");
}

fn remind(s: &Sandbox, now: &str) -> String {
    ok(s, now, &["remind"])
}

// ── remind ──────────────────────────────────────────────────────────────

#[test]
fn remind_speaks_only_when_something_is_due_today() {
    let s = Sandbox::new();
    let begin = remind(&s, "2027-01-01T07:00");
    assert_one_line(&begin);
    assert!(begin.contains("breather reflect"), "{begin}");
    assert!(
        s.file_bytes().is_none(),
        "remind never writes the data file"
    );

    for day in 1..=7 {
        let now = format!("2027-01-{day:02}T07:30");
        if day > 1 {
            let due = remind(&s, &now);
            assert_one_line(&due);
            assert!(due.contains(&format!("day {day} of 7")), "{due}");
        }
        ok(&s, &now, &["reflect", "Honest words."]);
        let evening = remind(&s, &format!("2027-01-{day:02}T20:00"));
        if day < 7 {
            assert_eq!(evening, "", "answered today");
        } else {
            assert!(
                evening.contains("breather decide"),
                "the week is done: {evening}"
            );
        }
    }
    let verdict = remind(&s, "2027-01-08T08:00");
    assert_one_line(&verdict);
    assert!(verdict.contains("breather decide"), "{verdict}");

    ok(&s, "2027-01-08T09:00", &["decide", "reconnect"]);
    for quiet in ["2027-01-08T10:00", "2027-01-20T08:00", "2027-02-06T08:00"] {
        assert_eq!(
            remind(&s, quiet),
            "",
            "nothing due during the month ({quiet})"
        );
    }
    let checkpoint = remind(&s, "2027-02-07T08:00");
    assert_one_line(&checkpoint);
    assert!(checkpoint.contains("breather checkpoint"), "{checkpoint}");
    ok(&s, "2027-02-07T09:00", &["checkpoint", "yes"]);
    assert_eq!(
        remind(&s, "2027-02-07T21:00"),
        "",
        "answered today: sleep on it"
    );
    assert!(remind(&s, "2027-02-08T08:00").contains("breather checkpoint"));
    ok(&s, "2027-02-08T09:00", &["checkpoint", "yes"]);
    assert_eq!(
        remind(&s, "2027-02-09T08:00"),
        "",
        "reconnecting: nothing due"
    );
}

#[test]
fn remind_is_quiet_on_the_move_on_path() {
    let s = Sandbox::new();
    s.reflection_week("2027-03-01");
    ok(&s, "2027-03-08T08:00", &["decide", "move-on"]);
    for now in ["2027-03-09T08:00", "2027-04-07T08:00", "2027-06-01T08:00"] {
        assert_eq!(remind(&s, now), "", "{now}");
    }
}

#[test]
fn status_follows_every_change_and_never_trusts_a_stale_digest() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    let short = |now| ok(&s, now, &["status", "--short"]);
    assert!(short("2027-01-08T08:00").contains("week done"));
    ok(&s, "2027-01-08T09:00", &["decide", "move-on"]);
    assert!(short("2027-01-10T08:00").contains("day 2/30"));
    ok(&s, "2027-01-10T09:00", &["slip", "--note", "a text"]);
    assert!(short("2027-01-10T10:00").contains("day 0/30"));
    ok(
        &s,
        "2027-01-10T11:00",
        &["log", "Clay class", "--category", "class"],
    );
    let json: Value =
        serde_json::from_str(&ok(&s, "2027-01-10T12:00", &["status", "--json"])).expect("JSON");
    assert_eq!(json["activities"]["total"], 1);

    // The file replaced behind breather's back (another machine's copy, an editor).
    let other = Sandbox::new();
    other.reflection_week("2027-01-01");
    let before_cache = short("2027-01-10T12:00");
    std::fs::write(s.data_file(), other.file_bytes().expect("written")).expect("replaced");
    let after = short("2027-01-10T12:00");
    assert_ne!(before_cache, after);
    assert!(after.contains("week done"), "{after}");

    // A damaged file is refused by status too, digest or not.
    s.plant_file(b"{\"schema_version\": 1, \"reflections\": [");
    let output = cmd(&s, "2027-01-10T12:00")
        .args(["status", "--short"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("breather.json"));
}

// ── export and import ───────────────────────────────────────────────────

/// A journey with a bit of everything, including awkward text.
fn rich_journey(s: &Sandbox) {
    s.reflection_week("2027-01-01");
    ok(
        s,
        "2027-01-07T21:00",
        &["journal", "--mood", "2", "The last evening of the week."],
    );
    ok(s, "2027-01-08T09:00", &["decide", "reconnect"]);
    ok(
        s,
        "2027-01-09T19:00",
        &[
            "log",
            "Thai cooking, \"green curry\"",
            "--category",
            "food",
            "--rating",
            "4",
            "--note",
            "Line one,\nline \"two\"",
        ],
    );
    ok(
        s,
        "2027-01-10T21:00",
        &[
            "journal",
            "--mood",
            "4",
            "Pottery, then soup.\nA \"good\" day, mostly.",
        ],
    );
    ok(
        s,
        "2027-01-11T23:00",
        &["urge", "I just wanted to say sorry"],
    );
    ok(
        s,
        "2027-01-12T10:00",
        &["slip", "--note", "replied to a story"],
    );
    ok(
        s,
        "2027-01-13T10:00",
        &["exception", "--note", "lease handover"],
    );
}

#[test]
fn json_export_is_the_data_file_and_survives_a_round_trip() {
    let s = Sandbox::new();
    rich_journey(&s);
    let exported = ok(&s, "2027-01-14T09:00", &["export"]);
    assert_eq!(
        exported.as_bytes(),
        s.file_bytes().expect("written").as_slice()
    );

    let file = s.data_dir().with_file_name("export.json");
    let path = file.to_str().expect("UTF-8 path");
    ok(
        &s,
        "2027-01-14T09:00",
        &["export", "--format", "json", "--output", path],
    );
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "an export is readable only by its owner"
    );

    let fresh = Sandbox::new();
    let said = ok(&fresh, "2027-01-14T10:00", &["import", path]);
    assert!(said.contains("7 reflections"), "{said}");
    let again = ok(&fresh, "2027-01-14T10:00", &["export"]);
    assert_eq!(
        again, exported,
        "export → import → export gives the same JSON"
    );
    assert_eq!(fresh.file_bytes(), s.file_bytes());
}

#[test]
fn import_refuses_to_replace_a_journal_unless_asked_and_keeps_a_backup() {
    let s = Sandbox::new();
    rich_journey(&s);
    let file = s.data_dir().with_file_name("export.json");
    let path = file.to_str().expect("UTF-8 path");
    ok(&s, "2027-01-14T09:00", &["export", "--output", path]);

    let other = Sandbox::new();
    other.reflection_week("2027-05-01");
    let before = other.file_bytes().expect("written");
    let line = other.refused_with(
        cmd(&other, "2027-05-08T09:00").args(["import", path]),
        &["import", path],
    );
    assert!(line.contains("--replace"), "{line}");

    let said = ok(&other, "2027-05-08T09:00", &["import", path, "--replace"]);
    assert!(said.contains("Imported"), "{said}");
    assert_eq!(other.file_bytes(), s.file_bytes(), "the import replaced it");
    let backups: Vec<Vec<u8>> = std::fs::read_dir(other.data_dir().join("backups"))
        .expect("a backups folder")
        .map(|e| std::fs::read(e.expect("entry").path()).expect("readable"))
        .collect();
    assert!(
        backups.contains(&before),
        "the replaced journal is kept in backups/"
    );
}

#[test]
fn import_refuses_a_damaged_file_and_export_never_overwrites_the_data() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    let bad = s.data_dir().with_file_name("bad.json");
    std::fs::write(&bad, b"{\"schema_version\": 1, \"journal\": [{]}").expect("written");
    let bad = bad.to_str().expect("UTF-8");
    let line = s.refused_with(
        cmd(&s, "2027-01-08T09:00").args(["import", bad, "--replace"]),
        &["import"],
    );
    assert!(line.contains("bad.json"), "names the file: {line}");
    let missing = s.data_dir().with_file_name("missing.json");
    let missing = missing.to_str().expect("UTF-8");
    s.refused_with(
        cmd(&s, "2027-01-08T09:00").args(["import", missing]),
        &["import"],
    );

    let data = s.data_file();
    let data = data.to_str().expect("UTF-8");
    let line = s.refused_with(
        cmd(&s, "2027-01-08T09:00").args(["export", "--format", "csv", "--output", data]),
        &["export"],
    );
    assert!(line.contains("data file"), "{line}");
}

#[test]
fn csv_has_one_row_per_entry_with_a_kind_and_quotes_what_needs_it() {
    let s = Sandbox::new();
    rich_journey(&s);
    let out = ok(&s, "2027-01-14T09:00", &["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[0], "kind");
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a valid CSV row"))
        .collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    for kind in [
        "reflection",
        "verdict",
        "activity",
        "journal",
        "urge",
        "slip",
        "exception",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    assert_eq!(kinds.iter().filter(|k| **k == "reflection").count(), 7);
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let activity = rows
        .iter()
        .find(|r| &r[0] == "activity")
        .expect("the activity");
    assert_eq!(&activity[col("title")], "Thai cooking, \"green curry\"");
    assert_eq!(&activity[col("text")], "Line one,\nline \"two\"");
    assert_eq!(&activity[col("rating")], "4");
    let journal = rows
        .iter()
        .find(|r| &r[0] == "journal" && r[col("mood")] == *"4")
        .expect("journal");
    assert_eq!(
        &journal[col("text")],
        "Pottery, then soup.\nA \"good\" day, mostly."
    );
    // The raw text shows RFC 4180 quoting: doubled quotes inside a quoted field.
    assert!(
        out.contains("\"Thai cooking, \"\"green curry\"\"\""),
        "{out}"
    );
    let dates: Vec<&str> = rows.iter().map(|r| &r[col("date")]).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted, "oldest first");
}

#[test]
fn markdown_groups_what_was_written_by_stage() {
    let s = Sandbox::new();
    rich_journey(&s);
    let md = ok(&s, "2027-01-14T09:00", &["export", "--format", "markdown"]);
    assert!(md.starts_with("# "), "{md}");
    let at = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in\n{md}"))
    };
    let reflection = at("\n## Reflection week");
    let verdict_due = at("\n## Time to choose a path");
    let no_contact = at("\n## No contact");
    assert!(reflection < verdict_due && verdict_due < no_contact, "{md}");
    // Each entry sits in the stage it was written in.
    let first_answer = at("Day 1 of the week");
    let last_evening = at("The last evening of the week.");
    let curry = at("green curry");
    let urge = at("I just wanted to say sorry");
    assert!(reflection < first_answer && first_answer < verdict_due);
    assert!(verdict_due < last_evening && last_evening < no_contact);
    assert!(no_contact < curry && no_contact < urge);
    assert!(
        md.contains("> Pottery, then soup.\n> A \"good\" day, mostly."),
        "{md}"
    );
    assert!(md.contains("replied to a story") && md.contains("lease handover"));
}

// ── search ──────────────────────────────────────────────────────────────

#[test]
fn search_finds_every_kind_with_all_the_words_in_any_case() {
    let s = Sandbox::new();
    rich_journey(&s);
    let out = ok(&s, "2027-01-14T09:00", &["search", "GREEN", "curry"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("activity"), "{out}");
    assert!(
        out.contains("2027-01-09") && out.contains("Thai cooking"),
        "{out}"
    );

    let out = ok(&s, "2027-01-14T09:00", &["search", "honest"]);
    assert_eq!(out.lines().count(), 7, "seven answers: {out}");
    assert!(out.lines().all(|l| l.starts_with("reflection")), "{out}");
    assert!(
        out.lines().next().is_some_and(|l| l.contains("2027-01-07")),
        "newest first: {out}"
    );

    for (words, kind) in [
        (&["sorry"][..], "urge"),
        (&["STORY"][..], "slip"),
        (&["lease"][..], "exception"),
        (&["good", "day"][..], "journal"),
    ] {
        let mut args = vec!["search"];
        args.extend_from_slice(words);
        let out = ok(&s, "2027-01-14T09:00", &args);
        assert!(out.starts_with(kind), "{words:?}: {out}");
        assert_eq!(out.lines().count(), 1, "{out}");
    }
    // The matching line, not the whole entry.
    let out = ok(&s, "2027-01-14T09:00", &["search", "mostly"]);
    assert!(
        out.contains("A \"good\" day, mostly.") && !out.contains("Pottery"),
        "{out}"
    );
}

#[test]
fn search_exits_1_when_nothing_matches_and_keeps_the_terminal_safe() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    let output = cmd(&s, "2027-01-08T09:00")
        .args(["search", "honest", "zeppelin"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "like grep");
    assert!(output.stdout.is_empty());
    assert_one_line(&String::from_utf8_lossy(&output.stderr));

    ok(
        &s,
        "2027-01-08T09:00",
        &["journal", "evil \u{1b}[2J\u{1b}]0;pwned\u{7} words"],
    );
    let out = ok(&s, "2027-01-08T10:00", &["search", "evil"]);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    let out = cmd(&s, "2027-01-08T10:00")
        .args(["search"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "at least one word is needed");
}

// ── completions and man ────────────────────────────────────────────────

#[test]
fn completions_and_the_man_page_are_generated() {
    let s = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(&s, "2027-01-01T09:00", &["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {script}");
        for word in ["breather", "reflect", "checkpoint", "export"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    let page = ok(&s, "2027-01-01T09:00", &["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH breather"),
        "{page}"
    );
    assert!(page.contains("remind") && page.contains("search"), "{page}");
    assert!(s.file_bytes().is_none(), "no data written");
}

// ── the config file ─────────────────────────────────────────────────────

#[test]
fn config_path_prints_where_the_file_lives_even_when_it_is_broken() {
    let s = Sandbox::new();
    let expected = format!("{}\n", config_file(&s).display());
    assert_eq!(ok(&s, "2027-01-01T09:00", &["config", "path"]), expected);
    write_config(&s, "this is = not [toml");
    assert_eq!(ok(&s, "2027-01-01T09:00", &["config", "path"]), expected);
}

#[test]
fn config_values_take_effect() {
    let s = Sandbox::new();
    write_config(
        &s,
        "# mine\ndefault_target_days = 45\nmorning_cutoff_hour = 10\nbreather_minutes = 5\n\
         first_day_of_week = \"sunday\"\ntheme = \"high-contrast\"\n",
    );
    ok(&s, "2027-01-01T09:30", &["reflect", "Before ten."]);
    ok(&s, "2027-01-02T10:30", &["reflect", "After ten."]);
    let rows: Vec<Value> = serde_json::from_str(&ok(
        &s,
        "2027-01-02T11:00",
        &["list", "reflections", "--json"],
    ))
    .expect("JSON");
    let by_day = |day: &str| {
        rows.iter().find(|r| r["date"] == day).expect("an answer")["is_morning"].clone()
    };
    assert_eq!(by_day("2027-01-01"), true);
    assert_eq!(by_day("2027-01-02"), false, "the morning ends at 10 here");
    for day in 3..=7 {
        ok(
            &s,
            &format!("2027-01-{day:02}T08:00"),
            &["reflect", "More words."],
        );
    }
    ok(&s, "2027-01-08T08:00", &["decide", "move-on"]);
    let status: Value =
        serde_json::from_str(&ok(&s, "2027-01-08T09:00", &["status", "--json"])).expect("JSON");
    assert_eq!(
        status["no_contact"]["target_days"], 45,
        "the default target from the config"
    );

    // The app's settings, through the library (the same config loader).
    let config = breather::config::load_from(&config_file(&s)).expect("valid");
    assert_eq!(config.breather_minutes, 5);
    assert_eq!(config.first_day_of_week, chrono::Weekday::Sun);
    assert_eq!(config.theme, breather::config::Theme::HighContrast);
}

#[test]
fn a_broken_config_is_refused_with_one_sentence_naming_the_file_and_the_key() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    for (text, key) in [
        ("morning_cutoff_hour = 25\n", "morning_cutoff_hour"),
        ("default_target_days = 10\n", "default_target_days"),
        ("theme = \"neon\"\n", "theme"),
        ("first_day_of_week = 3\n", "first_day_of_week"),
        ("breather_minute = 5\n", "breather_minute"),
        ("theme = \"default\n", "line 1"),
    ] {
        write_config(&s, text);
        for args in [
            &["status", "--short"][..],
            &["journal", "A day."][..],
            &["decide", "move-on"][..],
        ] {
            let line = s.refused_with(cmd(&s, "2027-01-08T09:00").args(args), args);
            assert!(line.contains("config.toml"), "{text}: {line}");
            assert!(line.contains(key), "{text}: {line}");
        }
    }
}

#[test]
fn the_app_takes_its_settings_and_no_color_from_the_config() {
    use breather::config::{Config, Theme};
    use breather::tui::{app::App, theme};
    use ratatui::{Terminal, backend::TestBackend, style::Color};

    let journey = breather::synth::journey(40);
    let now = breather::synth::at(breather::synth::last_day(40), 9);
    let config = Config {
        breather_minutes: 3,
        first_day_of_week: chrono::Weekday::Sun,
        theme: Theme::NoColor,
        ..Config::default()
    };
    let mut app = App::new(journey, now, None).with_config(&config);
    assert_eq!(app.breather_minutes, 3);
    assert_eq!(app.derived.weekday_labels().first(), Some(&"Su"));

    theme::set(theme::effective(
        Theme::Default,
        Some(std::ffi::OsStr::new("1")),
    ));
    for key in ['1', '2', '3', '4', '5', '6'] {
        let action = breather::tui::keymap::action_for(
            app.mode(),
            app.screen,
            crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(key)),
        );
        breather::tui::update::update(&mut app, action);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .expect("drawn");
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content()
                .iter()
                .all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset),
            "screen {key}: no colour at all with NO_COLOR"
        );
    }
    theme::set(Theme::Default);
}

// ── $EDITOR ─────────────────────────────────────────────────────────────

/// An editor that writes `text` into the file it is given.
fn fake_editor(s: &Sandbox, text: &str) -> PathBuf {
    let script = s.data_dir().with_file_name("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' '{text}' > \"$1\"\n"),
    )
    .expect("written");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

/// Runs `breather ARGS` on a pseudo-terminal (util-linux `script`), so
/// standard input is a terminal and `$EDITOR` is used. `None` without `script`.
fn on_a_terminal(
    s: &Sandbox,
    now: &str,
    editor: &Path,
    args: &str,
) -> Option<std::process::Output> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let line = format!(
        "{} --data-dir '{}' {args}",
        common::BIN,
        s.data_dir().display()
    );
    let (config, cache) = dirs(s);
    let output = s
        .std_cmd(now)
        .env("EDITOR", editor)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("VISUAL")
        .args(["--version"])
        .output()
        .ok()?;
    assert!(output.status.success());
    std::process::Command::new(script)
        .args(["-qec", &line, "/dev/null"])
        .env("BREATHER_NOW", now)
        .env("TZ", "UTC")
        .env("EDITOR", editor)
        .env_remove("VISUAL")
        .env("XDG_CONFIG_HOME", dirs(s).0)
        .env("XDG_CACHE_HOME", dirs(s).1)
        .stdin(std::process::Stdio::null())
        .output()
        .ok()
}

#[test]
fn editor_writes_the_journal_and_the_reflection_on_a_terminal() {
    let s = Sandbox::new();
    let editor = fake_editor(&s, "Written in my editor.");
    let Some(output) = on_a_terminal(&s, "2027-01-01T08:00", &editor, "reflect") else {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let output = on_a_terminal(&s, "2027-01-01T21:00", &editor, "journal --mood 3").expect("ran");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let reflections = s.list("2027-01-01T22:00", "reflections");
    assert_eq!(reflections[0]["text"], "Written in my editor.");
    let journal = s.list("2027-01-01T22:00", "journal");
    assert_eq!(journal[0]["text"], "Written in my editor.");
    assert_eq!(journal[0]["mood"], 3);

    // An editor that fails saves nothing.
    let failing = s.data_dir().with_file_name("fail.sh");
    std::fs::write(&failing, "#!/bin/sh\nexit 3\n").expect("written");
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let output = on_a_terminal(&s, "2027-01-01T22:00", &failing, "journal").expect("ran");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(s.list("2027-01-01T22:30", "journal").len(), 1);
}
