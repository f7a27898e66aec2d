//! Whole journeys through the real binary, day by day, with `BREATHER_NOW`:
//! the reflection week, the verdict, a month of no contact (activities, a
//! slip, an exception, an urge, the journal) and the checkpoint, checked
//! against DESIGN.md's CLI contract and its precise rules.

mod common;

use common::Sandbox;
use serde_json::{Value, json};

/// The count `status --json` should report, as DESIGN.md spells it.
fn count(
    started_on: &str,
    days_done: u32,
    target_days: u32,
    slips: u32,
    longest_streak: u32,
    total_silent_days: u32,
) -> Value {
    json!({
        "started_on": started_on,
        "days_done": days_done,
        "target_days": target_days,
        "days_left": target_days.saturating_sub(days_done),
        "slips": slips,
        "longest_streak": longest_streak,
        "total_silent_days": total_silent_days,
    })
}

/// Runs `log` and returns what it printed on stdout.
fn log(s: &Sandbox, now: &str, args: &[&str]) -> String {
    let mut all = vec!["log"];
    all.extend_from_slice(args);
    s.ok(now, &all)
}

/// Seven mornings from 2027-01-01 and `decide reconnect` on 2027-01-08:
/// the count starts 2027-01-08, complete on 2027-02-07.
fn reconnect_from_8_january(s: &Sandbox) {
    s.reflection_week("2027-01-01");
    s.ok("2027-01-08T09:00", &["decide", "reconnect"]);
}

/// Seven mornings from 2027-03-01 and `decide move-on` on 2027-03-08:
/// the count starts 2027-03-08, complete on 2027-04-07.
fn move_on_from_8_march(s: &Sandbox) {
    s.reflection_week("2027-03-01");
    s.ok("2027-03-08T08:00", &["decide", "move-on"]);
}

#[test]
fn reconnect_journey_over_45_days_ends_in_the_reconnect_stage() {
    let s = Sandbox::new();
    nothing_written_yet(&s);
    seven_answers_one_of_them_after_noon(&s);
    the_verdict_and_the_first_activities(&s);
    a_slip_an_exception_an_urge_and_the_journal(&s);
    the_checkpoint_yes_on_two_different_days(&s);
}

/// 2027-01-01 before anything: reading the status does not create the file.
fn nothing_written_yet(s: &Sandbox) {
    let st = s.status("2027-01-01T07:00");
    assert_eq!(st["stage"], "not_started");
    assert_eq!(st["path"], Value::Null);
    assert_eq!(st["no_contact"], Value::Null);
    assert_eq!(
        st["reflection"],
        json!({"answered": 0, "of": 7, "answered_today": false})
    );
    assert_eq!(st["activities"], json!({"total": 0, "last_7_days": 0}));
    s.short("2027-01-01T07:00");
    assert_eq!(s.file_bytes(), None, "status never writes");
}

/// 2027-01-01..07, one answer a day; the third one after noon.
fn seven_answers_one_of_them_after_noon(s: &Sandbox) {
    // The reflection week: seven days, the third one answered after noon.
    let mornings = [
        (
            "2027-01-01T08:00",
            "I want them to regret leaving.",
            "revenge",
        ),
        (
            "2027-01-02T07:30",
            "Maybe I just want to talk again.",
            "reconnect",
        ),
        ("2027-01-03T14:30", "I want them to see I'm fine.", "unsure"),
        ("2027-01-04T08:10", "I miss our friendship.", "friendship"),
        (
            "2027-01-05T06:45",
            "I would like to patch things up.",
            "reconnect",
        ),
        ("2027-01-06T09:00", "Less angry today.", "reconnect"),
        (
            "2027-01-07T11:59",
            "I hope we can be friends, at least.",
            "friendship",
        ),
    ];
    for (i, (now, text, motive)) in mornings.iter().enumerate() {
        let before = s.status(now);
        assert_eq!(before["reflection"]["answered"], i);
        assert_eq!(before["reflection"]["answered_today"], false);
        s.ok(now, &["reflect", text, "--motive", motive]);
        let after = s.status(now);
        assert_eq!(after["reflection"]["answered"], i + 1);
        assert_eq!(after["reflection"]["answered_today"], true);
        let expected = if i + 1 < 7 {
            "reflection"
        } else {
            "verdict_due"
        };
        assert_eq!(after["stage"], expected, "after answer {}", i + 1);
        assert_eq!(after["no_contact"], Value::Null);
        s.short(now);
    }
    assert_eq!(s.status("2027-01-08T08:00")["stage"], "verdict_due");

    // Seven answers, newest first; only the 14:30 one is not-morning.
    let reflections = s.list("2027-01-08T08:00", "reflections");
    let dates: Vec<&str> = reflections
        .iter()
        .map(|r| r["date"].as_str().expect("date"))
        .collect();
    assert_eq!(
        dates,
        [
            "2027-01-07",
            "2027-01-06",
            "2027-01-05",
            "2027-01-04",
            "2027-01-03",
            "2027-01-02",
            "2027-01-01"
        ]
    );
    for r in &reflections {
        let afternoon = r["date"] == "2027-01-03";
        assert_eq!(r["is_morning"], !afternoon, "{r}");
    }
    assert_eq!(reflections[4]["text"], "I want them to see I'm fine.");
    assert_eq!(reflections[4]["motive"], "unsure");
}

/// 2027-01-08..12: `decide reconnect`, three activities.
fn the_verdict_and_the_first_activities(s: &Sandbox) {
    // The verdict: the count starts today.
    s.ok("2027-01-08T09:00", &["decide", "reconnect"]);
    let st = s.status("2027-01-08T09:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["path"], "reconnect");
    assert_eq!(st["no_contact"], count("2027-01-08", 0, 30, 0, 0, 0));

    // Activities: stdout is the id alone, and ids count up.
    assert_eq!(
        log(
            s,
            "2027-01-08T18:00",
            &["Pottery class", "--category", "class", "--rating", "4"]
        ),
        "1\n"
    );
    assert_eq!(
        log(
            s,
            "2027-01-10T19:00",
            &[
                "Thai cooking night",
                "--category",
                "food",
                "--they-would-like"
            ]
        ),
        "2\n"
    );
    assert_eq!(
        log(
            s,
            "2027-01-12T10:00",
            &[
                "Climbing gym",
                "--category",
                "fitness",
                "--date",
                "yesterday"
            ]
        ),
        "3\n"
    );
    let st = s.status("2027-01-12T10:00");
    assert_eq!(st["activities"], json!({"total": 3, "last_7_days": 3}));
    assert_eq!(st["no_contact"], count("2027-01-08", 4, 30, 0, 4, 4));
    let activities = s.list("2027-01-12T10:00", "activities");
    let ids: Vec<u64> = activities
        .iter()
        .map(|a| a["id"].as_u64().expect("id"))
        .collect();
    assert_eq!(ids, [3, 2, 1], "newest first");
    assert_eq!(activities[0]["date"], "2027-01-11", "--date yesterday");
    assert_eq!(activities[0]["category"], "fitness");
    assert_eq!(activities[1]["they_would_like"], true);
    assert_eq!(activities[2]["rating"], 4);
}

/// 2027-01-15..20: a slip, an exception, an urge, two journal entries, a fourth activity.
fn a_slip_an_exception_an_urge_and_the_journal(s: &Sandbox) {
    // A slip on the 14th, recorded on the 15th: the run of 6 days is kept.
    s.ok(
        "2027-01-15T21:00",
        &["slip", "--date", "2027-01-14", "--note", "I texted them."],
    );
    let st = s.status("2027-01-15T21:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["no_contact"], count("2027-01-14", 1, 30, 1, 6, 7));

    // An exception does not touch the count.
    let before = s.status("2027-01-16T12:00");
    s.ok(
        "2027-01-16T12:00",
        &["exception", "--note", "Handed back the spare keys."],
    );
    let after = s.status("2027-01-16T12:00");
    assert_eq!(before, after, "an exception changes nothing in the status");
    assert_eq!(after["no_contact"], count("2027-01-14", 2, 30, 1, 6, 8));

    // An urge is kept, unsent, and the count goes on.
    let before = s.status("2027-01-17T23:00");
    s.ok("2027-01-17T23:00", &["urge", "I miss you, can we talk?"]);
    assert_eq!(s.status("2027-01-17T23:00"), before);
    let urges = s.list("2027-01-17T23:00", "urges");
    assert_eq!(urges.len(), 1);
    assert_eq!(urges[0]["text"], "I miss you, can we talk?");

    // The journal, with moods.
    s.ok(
        "2027-01-18T21:00",
        &["journal", "Quiet day, a good book.", "--mood", "4"],
    );
    s.ok(
        "2027-01-19T21:00",
        &["journal", "Rough evening.", "--mood", "2"],
    );
    let journal = s.list("2027-01-19T21:30", "journal");
    assert_eq!(journal.len(), 2);
    assert_eq!(journal[0]["text"], "Rough evening.");
    assert_eq!(journal[0]["mood"], 2);
    assert_eq!(journal[1]["text"], "Quiet day, a good book.");
    assert_eq!(journal[1]["mood"], 4);

    // A fourth activity; the older three fall out of the last 7 days.
    assert_eq!(
        log(
            s,
            "2027-01-20T20:00",
            &["Weekend in Lisbon", "--category", "trip"]
        ),
        "4\n"
    );
    assert_eq!(
        s.status("2027-01-20T20:00")["activities"],
        json!({"total": 4, "last_7_days": 1})
    );
}

/// 2027-02-12..15: refused on day 29, yes on day 30, again that evening, yes on day 32.
fn the_checkpoint_yes_on_two_different_days(s: &Sandbox) {
    // Day 29 of the current run: the checkpoint is refused, nothing changes.
    let st = s.status("2027-02-12T09:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["no_contact"], count("2027-01-14", 29, 30, 1, 29, 35));
    let refusal = s.refused("2027-02-12T09:00", &["checkpoint", "yes"]);
    assert!(
        refusal.contains("2027-02-13"),
        "names the due day: {refusal}"
    );

    // Day 30: the checkpoint is due. The first yes only says "sleep on it".
    let st = s.status("2027-02-13T09:00");
    assert_eq!(st["stage"], "checkpoint_due");
    assert_eq!(st["no_contact"], count("2027-01-14", 30, 30, 1, 30, 36));
    assert!(s.short("2027-02-13T09:00").contains("30"));
    s.ok("2027-02-13T09:00", &["checkpoint", "yes"]);
    assert_eq!(s.status("2027-02-13T09:00")["stage"], "checkpoint_due");

    // A second yes the same evening changes nothing.
    let before = s.file_text();
    let said = s.ok("2027-02-13T20:00", &["checkpoint", "yes"]);
    assert!(
        said.contains("different day") || said.contains("another day"),
        "says to confirm on another day: {said}"
    );
    assert_eq!(s.file_text(), before, "the data file is byte-identical");
    assert_eq!(s.status("2027-02-13T20:00")["stage"], "checkpoint_due");
    assert_eq!(s.status("2027-02-14T09:00")["stage"], "checkpoint_due");

    // Yes again on another day: the reconnect stage opens.
    s.ok("2027-02-15T09:00", &["checkpoint", "yes"]);
    let st = s.status("2027-02-15T09:00");
    assert_eq!(st["stage"], "reconnect");
    assert_eq!(st["path"], "reconnect");
    assert_eq!(st["no_contact"], count("2027-01-14", 32, 30, 1, 32, 38));
    assert_eq!(st["reflection"]["answered"], 7);
    assert_eq!(st["activities"]["total"], 4);
    let short = s.short("2027-02-15T09:00");
    assert!(short.contains("32"), "{short}");
}

#[test]
fn log_prints_only_the_id_and_ids_count_up() {
    let s = Sandbox::new();
    for (expected, title) in ["Pottery class", "Choir", "Night hike"].iter().enumerate() {
        let output = s
            .cmd("2027-01-08T18:00")
            .args(["log", title])
            .output()
            .expect("runs");
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            format!("{}\n", expected + 1)
        );
        assert!(
            output.stderr.is_empty(),
            "the note goes to a terminal only: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let activities = s.list("2027-01-08T18:00", "activities");
    assert_eq!(activities.len(), 3);
    assert!(
        activities.iter().all(|a| a["category"] == "other"),
        "the default category is other"
    );
}

#[test]
fn the_reflection_week_keeps_an_afternoon_answer_marked_not_morning() {
    let s = Sandbox::new();
    s.ok("2027-01-01T11:59", &["reflect", "Just before noon."]);
    s.ok("2027-01-02T12:00", &["reflect", "Exactly noon."]);
    s.ok("2027-01-03T23:30", &["reflect", "Late at night."]);
    let rows = s.list("2027-01-03T23:45", "reflections");
    let marks: Vec<(&str, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["date"].as_str().expect("date"),
                r["is_morning"].as_bool().expect("is_morning is a boolean"),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("2027-01-03", false),
            ("2027-01-02", false),
            ("2027-01-01", true)
        ]
    );
    // Not-morning answers still count towards the week.
    assert_eq!(s.status("2027-01-04T08:00")["reflection"]["answered"], 3);
}

#[test]
fn a_slip_restarts_the_count_but_keeps_the_longest_run_and_the_silent_days() {
    let s = Sandbox::new();
    reconnect_from_8_january(&s);
    // First run 2027-01-08..01-20 (12 days), second 01-20..01-23 (3 days).
    s.ok("2027-01-20T22:00", &["slip"]);
    assert_eq!(
        s.status("2027-01-20T22:00")["no_contact"],
        count("2027-01-20", 0, 30, 1, 12, 12)
    );
    s.ok("2027-01-25T09:00", &["slip", "--date", "2027-01-23"]);
    assert_eq!(
        s.status("2027-01-25T09:00")["no_contact"],
        count("2027-01-23", 2, 30, 2, 12, 17)
    );
    // Once the current run outgrows the first, it is the longest.
    assert_eq!(
        s.status("2027-02-10T09:00")["no_contact"],
        count("2027-01-23", 18, 30, 2, 18, 33)
    );
    // The month restarts with the run: no checkpoint before 2027-02-22.
    assert_eq!(s.status("2027-02-21T09:00")["stage"], "no_contact");
    assert_eq!(s.status("2027-02-22T09:00")["stage"], "checkpoint_due");
}

#[test]
fn an_exception_and_an_urge_leave_the_count_alone() {
    let s = Sandbox::new();
    reconnect_from_8_january(&s);
    let before = s.status("2027-01-18T09:00");
    s.ok(
        "2027-01-18T09:00",
        &[
            "exception",
            "--date",
            "2027-01-17",
            "--note",
            "School pickup.",
        ],
    );
    s.ok("2027-01-18T09:00", &["urge", "Just wanted to say hi."]);
    let after = s.status("2027-01-18T09:00");
    assert_eq!(before, after);
    assert_eq!(after["no_contact"], count("2027-01-08", 10, 30, 0, 10, 10));
    assert_eq!(s.list("2027-01-18T09:00", "urges").len(), 1);
}

#[test]
fn second_yes_on_the_same_day_changes_nothing() {
    let s = Sandbox::new();
    reconnect_from_8_january(&s);
    s.ok("2027-02-07T08:00", &["checkpoint", "yes"]);
    let before = s.file_text().expect("the file exists");
    let output = s
        .cmd("2027-02-07T23:59")
        .args(["checkpoint", "yes"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        s.file_text().as_deref(),
        Some(before.as_str()),
        "byte-identical"
    );
    assert_eq!(s.status("2027-02-07T23:59")["stage"], "checkpoint_due");
    // Only a yes on a different day confirms.
    s.ok("2027-02-08T08:00", &["checkpoint", "yes"]);
    assert_eq!(s.status("2027-02-08T08:00")["stage"], "reconnect");
}

#[test]
fn the_move_on_path_turns_to_moving_on_when_the_month_completes() {
    let s = Sandbox::new();
    move_on_from_8_march(&s);

    let st = s.status("2027-03-08T08:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["path"], "move_on");
    assert_eq!(st["no_contact"], count("2027-03-08", 0, 30, 0, 0, 0));

    s.ok(
        "2027-03-20T18:00",
        &["log", "Joined a choir", "--category", "club"],
    );

    let st = s.status("2027-04-06T08:00");
    assert_eq!(st["stage"], "no_contact", "day 29");
    assert_eq!(st["no_contact"], count("2027-03-08", 29, 30, 0, 29, 29));

    let st = s.status("2027-04-07T08:00");
    assert_eq!(st["stage"], "moving_on", "day 30");
    assert_eq!(st["path"], "move_on");
    assert_eq!(st["no_contact"], count("2027-03-08", 30, 30, 0, 30, 30));
    assert!(s.short("2027-04-07T08:00").contains("30"));

    // There is no checkpoint on this path.
    for answer in ["yes", "not-yet", "no"] {
        s.refused("2027-04-07T08:00", &["checkpoint", answer]);
    }

    // A slip afterwards is kept honestly; the stage stays moving_on with an open streak.
    s.ok(
        "2027-04-10T20:00",
        &["slip", "--note", "Saw them at a party."],
    );
    let st = s.status("2027-04-10T20:00");
    assert_eq!(st["stage"], "moving_on");
    assert_eq!(st["no_contact"], count("2027-04-10", 0, 30, 1, 33, 33));
    let st = s.status("2027-04-12T08:00");
    assert_eq!(st["stage"], "moving_on");
    assert_eq!(st["path"], "move_on");
    assert_eq!(st["no_contact"], count("2027-04-10", 2, 30, 1, 33, 35));
    let short = s.short("2027-04-12T08:00");
    assert!(short.contains('2'), "{short}");
}

#[test]
fn a_slip_before_the_month_on_the_move_on_path_delays_moving_on() {
    let s = Sandbox::new();
    move_on_from_8_march(&s);
    s.ok("2027-03-20T20:00", &["slip"]);
    let st = s.status("2027-04-07T08:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["no_contact"], count("2027-03-20", 18, 30, 1, 18, 30));
    let st = s.status("2027-04-19T08:00");
    assert_eq!(st["stage"], "moving_on");
    assert_eq!(st["no_contact"], count("2027-03-20", 30, 30, 1, 30, 42));
}

#[test]
fn checkpoint_not_yet_adds_its_days_and_no_turns_to_moving_on() {
    let s = Sandbox::new();
    s.reflection_week("2027-05-01");
    // The last contact was a week before the verdict.
    s.ok(
        "2027-05-08T08:00",
        &["decide", "reconnect", "--last-contact", "2027-05-01"],
    );
    let st = s.status("2027-05-08T08:00");
    assert_eq!(st["no_contact"], count("2027-05-01", 7, 30, 0, 7, 7));

    assert_eq!(s.status("2027-05-30T08:00")["stage"], "no_contact");
    let st = s.status("2027-05-31T08:00");
    assert_eq!(st["stage"], "checkpoint_due");

    s.ok(
        "2027-05-31T08:00",
        &["checkpoint", "not-yet", "--days", "10"],
    );
    let st = s.status("2027-05-31T08:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["path"], "reconnect");
    assert_eq!(st["no_contact"], count("2027-05-01", 30, 40, 0, 30, 30));

    // Not due again until the new target.
    s.refused("2027-06-09T08:00", &["checkpoint", "yes"]);
    let st = s.status("2027-06-10T08:00");
    assert_eq!(st["stage"], "checkpoint_due");
    assert_eq!(st["no_contact"], count("2027-05-01", 40, 40, 0, 40, 40));

    s.ok("2027-06-10T08:00", &["checkpoint", "no"]);
    let st = s.status("2027-06-10T08:00");
    assert_eq!(st["stage"], "moving_on");
    assert_eq!(st["path"], "move_on");
    assert_eq!(st["no_contact"], count("2027-05-01", 40, 40, 0, 40, 40));
    let st = s.status("2027-07-01T08:00");
    assert_eq!(st["stage"], "moving_on");
    assert_eq!(st["path"], "move_on");
    // The question is answered for good.
    s.refused("2027-07-01T08:00", &["checkpoint", "yes"]);
}

#[test]
fn checkpoint_not_yet_without_days_extends_by_fourteen() {
    let s = Sandbox::new();
    reconnect_from_8_january(&s);
    s.ok("2027-02-07T08:00", &["checkpoint", "not-yet"]);
    let st = s.status("2027-02-07T08:00");
    assert_eq!(st["stage"], "no_contact");
    assert_eq!(st["no_contact"]["target_days"], 44);
    assert_eq!(st["no_contact"]["days_left"], 14);
    assert_eq!(s.status("2027-02-21T08:00")["stage"], "checkpoint_due");
}

#[test]
fn status_short_is_one_plain_line_at_every_stage() {
    let s = Sandbox::new();
    let mut seen = Vec::new();
    let mut check = |now: &str, stage: &str| {
        assert_eq!(s.status(now)["stage"], stage, "at {now}");
        let line = s.short(now);
        assert!(!seen.contains(&line), "each stage has its own line: {line}");
        seen.push(line);
    };
    check("2027-01-01T07:00", "not_started");
    s.ok("2027-01-01T08:00", &["reflect", "First answer."]);
    check("2027-01-01T09:00", "reflection");
    check("2027-01-02T07:00", "reflection");
    for day in 2..=7 {
        s.ok(
            &format!("2027-01-0{day}T08:00"),
            &["reflect", "Another answer."],
        );
    }
    check("2027-01-08T07:00", "verdict_due");
    s.ok("2027-01-09T08:00", &["decide", "reconnect"]);
    check("2027-01-09T09:00", "no_contact");
    check("2027-02-08T09:00", "checkpoint_due");
    s.ok("2027-02-08T09:00", &["checkpoint", "yes"]);
    s.ok("2027-02-09T09:00", &["checkpoint", "yes"]);
    check("2027-02-09T10:00", "reconnect");

    let m = Sandbox::new();
    move_on_from_8_march(&m);
    assert_eq!(m.status("2027-04-07T08:00")["stage"], "moving_on");
    m.short("2027-04-07T08:00");
}

#[test]
fn piped_stdin_answers_the_reflection() {
    let s = Sandbox::new();
    s.cmd("2027-01-01T08:00")
        .arg("reflect")
        .write_stdin("Written in a pipe.\n")
        .assert()
        .success();
    let rows = s.list("2027-01-01T08:30", "reflections");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["text"], "Written in a pipe.");
}
