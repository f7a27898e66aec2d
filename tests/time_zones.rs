//! Time, as people live it: daylight-saving weekends, a zone whose midnight
//! does not exist, travel across the date line, a clock set back. The count
//! is always the difference of local calendar dates, never negative, and a
//! clock behind the start of the run is said out loud.

mod common;

use common::Sandbox;
use serde_json::Value;

/// Runs `args` in time zone `tz` at local time `now`; returns (exit code, stdout, stderr).
fn run(s: &Sandbox, tz: &str, now: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = s
        .std_cmd(now)
        .env("TZ", tz)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn status(s: &Sandbox, tz: &str, now: &str) -> Value {
    let (code, stdout, stderr) = run(s, tz, now, &["status", "--json"]);
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).expect("status --json is JSON")
}

fn days_done(s: &Sandbox, tz: &str, now: &str) -> i64 {
    status(s, tz, now)["no_contact"]["days_done"]
        .as_i64()
        .expect("counting")
}

/// A week of answers, then the verdict at `decide_at` (local time in `tz`).
fn counting_from(s: &Sandbox, tz: &str, week_from: &str, decide_at: &str) {
    let first: chrono::NaiveDate = week_from.parse().expect("valid");
    for d in 0..7 {
        let day = first + chrono::Days::new(d);
        let (code, _, err) = run(
            s,
            tz,
            &format!("{day}T08:00"),
            &["reflect", "an honest answer"],
        );
        assert_eq!(code, Some(0), "{err}");
    }
    let (code, _, err) = run(s, tz, decide_at, &["decide", "reconnect"]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn spring_forward_in_berlin_is_still_one_day_a_day() {
    let s = Sandbox::new();
    counting_from(&s, "Europe/Berlin", "2027-03-19", "2027-03-27T09:00");
    // 2027-03-28 has 23 hours in Berlin.
    assert_eq!(days_done(&s, "Europe/Berlin", "2027-03-28T00:30"), 1);
    assert_eq!(days_done(&s, "Europe/Berlin", "2027-03-28T23:59"), 1);
    assert_eq!(days_done(&s, "Europe/Berlin", "2027-03-29T00:00"), 2);
    // 02:30 that night does not exist: a clear sentence, not a guess.
    let (code, _, err) = run(&s, "Europe/Berlin", "2027-03-28T02:30", &["status"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn fall_back_in_new_york_is_still_one_day_a_day() {
    let s = Sandbox::new();
    counting_from(&s, "America/New_York", "2027-10-29", "2027-11-06T09:00");
    // 2027-11-07 has 25 hours, and 01:30 happens twice: both read as that day.
    assert_eq!(days_done(&s, "America/New_York", "2027-11-07T01:30"), 1);
    assert_eq!(days_done(&s, "America/New_York", "2027-11-07T23:30"), 1);
    assert_eq!(days_done(&s, "America/New_York", "2027-11-08T00:10"), 2);
}

#[test]
fn santiagos_missing_midnight_counts_the_civil_day() {
    // On 2026-09-06 Chile's clocks jump from 00:00 straight to 01:00.
    let s = Sandbox::new();
    counting_from(&s, "America/Santiago", "2026-08-28", "2026-09-04T09:00");
    assert_eq!(days_done(&s, "America/Santiago", "2026-09-05T23:59"), 1);
    let (code, _, err) = run(&s, "America/Santiago", "2026-09-06T00:30", &["status"]);
    assert_eq!(code, Some(2), "a local time that never happened is refused");
    assert!(err.contains("does not exist"), "{err}");
    assert_eq!(days_done(&s, "America/Santiago", "2026-09-06T01:00"), 2);
    assert_eq!(days_done(&s, "America/Santiago", "2026-09-07T00:00"), 3);
}

#[test]
fn flying_from_tokyo_to_los_angeles_never_goes_negative() {
    let s = Sandbox::new();
    // Decided in Tokyo on the morning of the 11th (still the 10th in Los Angeles).
    counting_from(&s, "Asia/Tokyo", "2027-01-03", "2027-01-11T08:00");
    let instant = "2027-01-11T08:00:00+09:00";
    assert_eq!(days_done(&s, "Asia/Tokyo", instant), 0);
    let la = status(&s, "America/Los_Angeles", instant);
    assert_eq!(la["no_contact"]["days_done"], 0, "never negative");
    let (code, text, _) = run(&s, "America/Los_Angeles", instant, &["status"]);
    assert_eq!(code, Some(0));
    assert!(
        text.contains("clock"),
        "a visible notice that today reads before the start: {text}"
    );
    // A day later in Los Angeles it is day 0 there too, and the notice is gone.
    let (_, text, _) = run(&s, "America/Los_Angeles", "2027-01-11T12:00", &["status"]);
    assert!(!text.contains("clock"), "{text}");
    assert_eq!(days_done(&s, "America/Los_Angeles", "2027-01-12T12:00"), 1);
}

#[test]
fn a_clock_set_back_two_days_loses_no_streak() {
    let s = Sandbox::new();
    counting_from(&s, "UTC", "2027-01-01", "2027-01-08T09:00");
    let (code, _, err) = run(&s, "UTC", "2027-01-20T09:00", &["slip"]);
    assert_eq!(code, Some(0), "{err}");
    let back = status(&s, "UTC", "2027-01-18T09:00");
    assert_eq!(back["no_contact"]["days_done"], 0);
    assert_eq!(
        back["no_contact"]["longest_streak"], 12,
        "the run before the slip is kept"
    );
    assert_eq!(back["no_contact"]["total_silent_days"], 12);
    let (_, text, _) = run(&s, "UTC", "2027-01-18T09:00", &["status"]);
    assert!(text.contains("clock moved back"), "{text}");
    assert_eq!(
        days_done(&s, "UTC", "2027-01-22T09:00"),
        2,
        "and the count resumes when the clock is right"
    );
}
