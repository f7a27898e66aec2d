//! Every refusal the CLI contract promises: exit 2, one clear line on
//! stderr, and the data file untouched. Also a damaged data file (exit 1,
//! never overwritten), text from standard input, and a reader that goes away.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{Sandbox, assert_one_line};

/// A data file with one activity in it, so "untouched" means byte-identical.
fn with_one_activity() -> Sandbox {
    let s = Sandbox::new();
    s.ok(
        "2027-01-05T10:00",
        &["log", "Pottery class", "--category", "class"],
    );
    assert!(s.file_bytes().is_some());
    s
}

/// Seven mornings from 2027-01-01, and the verdict on 2027-01-08 (count from that day).
fn counting_since_8_january(path: &str) -> Sandbox {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    s.ok("2027-01-08T09:00", &["decide", path]);
    s
}

// --- values the argument parser rejects -------------------------------------

#[test]
fn an_unknown_category_is_rejected() {
    let s = with_one_activity();
    let stderr = s.rejected_by_parser(
        "2027-01-06T10:00",
        &["log", "Pottery", "--category", "pottery"],
        "pottery",
    );
    assert!(stderr.contains("class"), "lists the categories: {stderr}");
}

#[test]
fn a_rating_of_nine_is_rejected() {
    let s = with_one_activity();
    s.rejected_by_parser("2027-01-06T10:00", &["log", "Choir", "--rating", "9"], "9");
}

#[test]
fn a_rating_of_zero_is_rejected() {
    let s = with_one_activity();
    s.rejected_by_parser("2027-01-06T10:00", &["log", "Choir", "--rating", "0"], "0");
}

#[test]
fn a_mood_of_seven_is_rejected() {
    let s = with_one_activity();
    s.rejected_by_parser(
        "2027-01-06T10:00",
        &["journal", "A long day.", "--mood", "7"],
        "7",
    );
}

#[test]
fn the_31st_of_february_is_not_a_date() {
    let s = with_one_activity();
    s.rejected_by_parser(
        "2027-03-06T10:00",
        &["log", "Choir", "--date", "2027-02-31"],
        "2027-02-31",
    );
}

#[test]
fn a_day_and_month_date_is_not_accepted() {
    let s = with_one_activity();
    s.rejected_by_parser(
        "2027-03-06T10:00",
        &["log", "Choir", "--date", "31/02"],
        "31/02",
    );
}

#[test]
fn a_malformed_slip_date_is_rejected() {
    let s = counting_since_8_january("reconnect");
    s.rejected_by_parser(
        "2027-01-20T10:00",
        &["slip", "--date", "2027-1-15"],
        "2027-1-15",
    );
}

// --- dates and the count ------------------------------------------------------

#[test]
fn a_slip_dated_in_the_future_is_refused() {
    let s = counting_since_8_january("reconnect");
    let line = s.refused("2027-01-20T10:00", &["slip", "--date", "2027-01-21"]);
    assert!(line.contains("2027-01-21"), "{line}");
    s.refused("2027-01-20T23:59", &["slip", "--date", "2027-01-21"]);
}

#[test]
fn a_slip_before_the_current_run_is_refused() {
    let s = counting_since_8_january("reconnect");
    s.ok("2027-01-15T10:00", &["slip", "--date", "2027-01-12"]);
    let line = s.refused("2027-01-15T10:00", &["slip", "--date", "2027-01-10"]);
    assert!(line.contains("2027-01-12"), "names the run's start: {line}");
    // Before the first run, too.
    s.refused("2027-01-15T10:00", &["slip", "--date", "2027-01-07"]);
    // The run's own first day is fine.
    s.ok("2027-01-15T10:00", &["slip", "--date", "2027-01-12"]);
}

#[test]
fn a_slip_before_any_countdown_is_refused() {
    let s = with_one_activity();
    let line = s.refused("2027-01-06T10:00", &["slip"]);
    assert!(line.contains("decide"), "says how the count starts: {line}");
    s.refused(
        "2027-01-06T10:00",
        &["exception", "--note", "The lease renewal."],
    );
}

#[test]
fn a_slip_in_the_reconnect_stage_is_refused() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    s.ok(
        "2027-01-08T09:00",
        &["decide", "reconnect", "--last-contact", "2026-12-01"],
    );
    s.ok("2027-01-08T09:00", &["checkpoint", "yes"]);
    s.ok("2027-01-09T09:00", &["checkpoint", "yes"]);
    assert_eq!(s.status("2027-01-09T10:00")["stage"], "reconnect");
    s.refused("2027-01-09T10:00", &["slip"]);
}

#[test]
fn an_activity_dated_in_the_future_is_refused() {
    let s = with_one_activity();
    let line = s.refused(
        "2027-01-06T23:59",
        &["log", "Climbing", "--date", "2027-01-07"],
    );
    assert!(line.contains("2027-01-07"), "{line}");
}

#[test]
fn an_exception_dated_in_the_future_is_refused() {
    let s = counting_since_8_january("move-on");
    s.refused(
        "2027-01-10T10:00",
        &["exception", "--date", "2027-01-11", "--note", "Bills."],
    );
}

// --- the verdict --------------------------------------------------------------

#[test]
fn deciding_before_the_week_ends_is_refused() {
    let s = Sandbox::new();
    for day in 1..=6 {
        s.ok(
            &format!("2027-01-0{day}T08:00"),
            &["reflect", "Honest words."],
        );
    }
    let line = s.refused("2027-01-07T09:00", &["decide", "reconnect"]);
    assert!(line.contains('6'), "says how many are answered: {line}");
    s.refused("2027-01-07T09:00", &["decide", "move-on"]);
    // Nothing at all written yet: still refused, and still no file.
    let empty = Sandbox::new();
    empty.refused("2027-01-07T09:00", &["decide", "move-on"]);
    assert_eq!(empty.file_bytes(), None);
}

#[test]
fn a_target_under_thirty_days_is_refused() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    let line = s.refused("2027-01-08T09:00", &["decide", "reconnect", "--days", "29"]);
    assert!(line.contains("29") && line.contains("30"), "{line}");
    s.ok("2027-01-08T09:00", &["decide", "reconnect", "--days", "30"]);
}

#[test]
fn a_last_contact_in_the_future_is_refused() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    s.refused(
        "2027-01-08T09:00",
        &["decide", "move-on", "--last-contact", "2027-01-09"],
    );
}

#[test]
fn deciding_a_second_time_is_refused() {
    let s = counting_since_8_january("reconnect");
    s.refused("2027-01-09T09:00", &["decide", "move-on"]);
    s.refused("2027-01-09T09:00", &["decide", "reconnect", "--days", "60"]);
    assert_eq!(s.status("2027-01-09T09:00")["path"], "reconnect");
}

// --- the checkpoint -----------------------------------------------------------

#[test]
fn the_checkpoint_is_refused_before_the_month_ends() {
    let s = counting_since_8_january("reconnect");
    // Due 2027-02-07.
    for answer in ["yes", "not-yet", "no"] {
        let line = s.refused("2027-02-06T23:59", &["checkpoint", answer]);
        assert!(line.contains("2027-02-07"), "names the due day: {line}");
    }
}

#[test]
fn the_checkpoint_is_refused_before_any_countdown() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    s.refused("2027-01-08T09:00", &["checkpoint", "yes"]);
}

#[test]
fn the_checkpoint_is_refused_on_the_move_on_path() {
    let s = counting_since_8_january("move-on");
    s.refused("2027-01-20T09:00", &["checkpoint", "yes"]);
    assert_eq!(s.status("2027-02-07T09:00")["stage"], "moving_on");
    for answer in ["yes", "not-yet", "no"] {
        s.refused("2027-02-07T09:00", &["checkpoint", answer]);
    }
}

#[test]
fn not_yet_with_zero_days_is_refused() {
    let s = counting_since_8_january("reconnect");
    s.refused(
        "2027-02-07T09:00",
        &["checkpoint", "not-yet", "--days", "0"],
    );
}

// --- the reflection week ------------------------------------------------------

#[test]
fn a_second_reflection_the_same_day_is_refused_without_replace() {
    let s = Sandbox::new();
    s.ok("2027-01-01T08:00", &["reflect", "First answer."]);
    let line = s.refused("2027-01-01T09:00", &["reflect", "Second answer."]);
    assert!(line.contains("--replace"), "says how to rewrite: {line}");
    // The refusal comes before any text is asked for.
    let piped = s.refused_with(
        s.cmd("2027-01-01T09:00")
            .arg("reflect")
            .write_stdin("From a pipe."),
        &["reflect"],
    );
    assert!(piped.contains("--replace"), "{piped}");
}

#[test]
fn replace_rewrites_today_and_leaves_earlier_days_alone() {
    let s = Sandbox::new();
    s.ok(
        "2027-01-01T08:00",
        &["reflect", "Day one.", "--motive", "revenge"],
    );
    s.ok("2027-01-02T08:00", &["reflect", "Day two."]);
    let before = s.list("2027-01-02T08:30", "reflections");
    s.ok(
        "2027-01-02T13:00",
        &[
            "reflect",
            "Day two, rewritten.",
            "--motive",
            "unsure",
            "--replace",
        ],
    );
    let after = s.list("2027-01-02T13:30", "reflections");
    assert_eq!(after.len(), 2);
    assert_eq!(after[1], before[1], "the earlier day is untouched");
    assert_eq!(after[0]["date"], "2027-01-02");
    assert_eq!(after[0]["text"], "Day two, rewritten.");
    assert_eq!(after[0]["motive"], "unsure");
    assert_eq!(after[0]["id"], before[0]["id"]);
    assert_eq!(after[0]["is_morning"], false, "rewritten after noon");
    let st = s.status("2027-01-02T13:30");
    assert_eq!(st["reflection"]["answered"], 2);
}

#[test]
fn reflecting_once_the_week_is_complete_points_to_the_journal() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    let line = s.refused("2027-01-08T08:00", &["reflect", "An eighth morning."]);
    assert!(line.contains("journal"), "{line}");
    s.ok("2027-01-08T09:00", &["decide", "move-on"]);
    let line = s.refused("2027-01-09T08:00", &["reflect", "After the verdict."]);
    assert!(line.contains("journal"), "{line}");
    // Even the last day's answer is closed once a path is chosen.
    s.refused("2027-01-09T08:00", &["reflect", "Rewrite.", "--replace"]);
}

#[test]
fn a_blank_reflection_is_refused() {
    let s = with_one_activity();
    s.refused("2027-01-06T08:00", &["reflect", "   "]);
    s.refused("2027-01-06T08:00", &["reflect", "\n\t \n"]);
    // Empty standard input (not a terminal) is blank too, not an editor.
    s.refused("2027-01-06T08:00", &["reflect"]);
    s.refused_with(
        s.cmd("2027-01-06T08:00").arg("reflect").write_stdin("  \n"),
        &["reflect"],
    );
    assert_eq!(s.status("2027-01-06T08:00")["reflection"]["answered"], 0);
}

#[test]
fn a_blank_journal_entry_is_refused() {
    let s = with_one_activity();
    s.refused("2027-01-06T21:00", &["journal", "    "]);
    s.refused("2027-01-06T21:00", &["journal", "   ", "--mood", "3"]);
    s.refused("2027-01-06T21:00", &["urge", "  "]);
    assert!(s.list("2027-01-06T21:00", "journal").is_empty());
}

#[test]
fn a_blank_activity_title_or_exception_note_is_refused() {
    let s = counting_since_8_january("reconnect");
    s.refused("2027-01-10T10:00", &["log", "   "]);
    s.refused("2027-01-10T10:00", &["exception", "--note", "  "]);
}

// --- the clock ----------------------------------------------------------------

#[test]
fn an_invalid_breather_now_is_refused() {
    let s = with_one_activity();
    for bad in [
        "next tuesday",
        "2027-02-31T08:00",
        "2027-01-23",
        "23/01/2027 08:00",
    ] {
        let line = s.refused(bad, &["journal", "Some words."]);
        assert!(
            line.contains("BREATHER_NOW") && line.contains(bad),
            "names the variable and the value: {line}"
        );
        s.refused(bad, &["status"]);
    }
    // Without a file yet, none is created.
    let empty = Sandbox::new();
    empty.refused("nonsense", &["log", "Choir"]);
    assert_eq!(empty.file_bytes(), None);
}

// --- a damaged data file ------------------------------------------------------

/// Every writing command fails with exit 1, names the file, and leaves it as it was.
fn assert_never_overwritten(s: &Sandbox) {
    let before = s.file_bytes().expect("a planted file");
    let path = s.data_file().display().to_string();
    let writers: [&[&str]; 5] = [
        &["journal", "Some words."],
        &["log", "Choir"],
        &["reflect", "An answer."],
        &["urge", "Hello?"],
        &["decide", "move-on"],
    ];
    for args in writers {
        let output = s.cmd("2027-01-06T08:00").args(args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(&path), "{args:?} names the file: {stderr}");
        assert_one_line(&stderr);
        assert!(output.stdout.is_empty(), "{args:?} prints no result");
        assert!(
            s.file_bytes().as_deref() == Some(before.as_slice()),
            "{args:?} changed the file"
        );
    }
    // Reading fails the same way.
    let output = s
        .cmd("2027-01-06T08:00")
        .args(["status", "--json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains(&path));
    // No stray temp files next to it.
    let names: Vec<String> = std::fs::read_dir(s.data_dir())
        .expect("data dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".breather.json"))
        .collect();
    assert!(names.is_empty(), "temp files left behind: {names:?}");
}

#[test]
fn a_truncated_data_file_is_never_overwritten() {
    let s = Sandbox::new();
    s.plant_file(br#"{"schema_version": 1, "reflections": ["#);
    assert_never_overwritten(&s);
}

#[test]
fn a_data_file_from_a_newer_version_is_never_overwritten() {
    let s = Sandbox::new();
    s.plant_file(b"{\n  \"schema_version\": 99,\n  \"reflections\": [],\n  \"holograms\": []\n}\n");
    assert_never_overwritten(&s);
}

#[test]
fn a_data_file_that_is_not_json_is_never_overwritten() {
    let s = Sandbox::new();
    s.plant_file(b"reflections:\n  - why\n");
    assert_never_overwritten(&s);
}

// --- standard input and output -------------------------------------------------

#[test]
fn piped_text_becomes_the_journal_entry() {
    let s = Sandbox::new();
    let output = s
        .cmd("2027-01-06T21:00")
        .args(["journal", "--mood", "3"])
        .write_stdin("Walked by the sea.\nFelt lighter.\n")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let entries = s.list("2027-01-06T21:30", "journal");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["text"], "Walked by the sea.\nFelt lighter.");
    assert_eq!(entries[0]["mood"], 3);
}

/// Logs activities with long notes, so that listing them fills a pipe
/// buffer many times over and the writer is sure to meet the closed end.
fn with_long_listing() -> Sandbox {
    let s = Sandbox::new();
    let note = "a".repeat(40_000);
    for title in ["Pottery", "Choir", "Night hike", "Thai cooking"] {
        s.ok("2027-01-06T10:00", &["log", title, "--note", &note]);
    }
    s
}

/// Runs `list ARGS`, reads one byte of its output, closes the pipe, and
/// returns the exit code and stderr.
fn list_into_closed_pipe(s: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let mut child = s
        .std_cmd("2027-01-06T10:00")
        .arg("list")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0_u8; 1];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("waits");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let s = with_long_listing();
    let (code, stderr) = list_into_closed_pipe(&s, &["activities"]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "nothing to complain about: {stderr}");
}

#[test]
fn a_reader_that_goes_away_from_json_is_not_an_error() {
    let s = with_long_listing();
    let (code, stderr) = list_into_closed_pipe(&s, &["activities", "--json"]);
    assert_eq!(code, Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "nothing to complain about: {stderr}");
}

// --- absurd numbers -----------------------------------------------------------

/// Runs `args` and asserts it neither crashed nor half-happened: either
/// refused (exit 2, file untouched) or done (exit 0), never a panic.
fn refused_or_done(s: &Sandbox, now: &str, args: &[&str]) {
    let before = s.file_bytes();
    let output = s.cmd(now).args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    match output.status.code() {
        Some(0) => {}
        Some(2) => assert!(s.file_bytes() == before, "refused, yet the file changed"),
        other => panic!("{args:?} exited with {other:?}: {stderr}"),
    }
}

#[test]
fn a_huge_target_never_crashes() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    refused_or_done(
        &s,
        "2027-01-08T09:00",
        &["decide", "reconnect", "--days", "4000000000"],
    );
    refused_or_done(&s, "2027-01-09T09:00", &["checkpoint", "yes"]);
    refused_or_done(&s, "2027-01-09T09:00", &["status"]);
}

#[test]
fn a_huge_extension_never_crashes() {
    let s = Sandbox::new();
    s.reflection_week("2027-01-01");
    s.ok(
        "2027-01-08T09:00",
        &["decide", "reconnect", "--last-contact", "2026-12-01"],
    );
    refused_or_done(
        &s,
        "2027-01-08T09:00",
        &["checkpoint", "not-yet", "--days", "4294967295"],
    );
    refused_or_done(&s, "2027-01-09T09:00", &["checkpoint", "yes"]);
}
