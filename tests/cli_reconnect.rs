//! After the month, on the real binary: `report`, `draft`, `sent`, `reply`
//! and `share`, with a fixed clock and a private data directory each.

mod common;

use common::{Sandbox, keys};
use serde_json::Value;

/// The article's own first message.
const THAI: &str = "I remember how much you like Thai food; I went to this great Thai place a couple of days ago. You should check it out.";

/// Week 4–10 Jan, reconnect from 11 Jan (month complete 10 Feb), a class
/// (shareable), Thai cooking (they'd like it), an urge, a slip, an
/// exception and two moods.
fn month() -> Sandbox {
    let s = Sandbox::new();
    s.reflection_week("2027-01-04");
    s.ok(
        "2027-01-05T15:00",
        &["journal", "--mood", "2", "Not a morning person today."],
    );
    s.ok("2027-01-11T09:00", &["decide", "reconnect"]);
    s.ok(
        "2027-01-12T19:00",
        &[
            "log",
            "Pottery class",
            "--category",
            "class",
            "--rating",
            "5",
            "--share",
        ],
    );
    s.ok(
        "2027-01-14T21:00",
        &[
            "log",
            "Thai cooking",
            "--category",
            "food",
            "--they-would-like",
        ],
    );
    s.ok("2027-01-16T23:00", &["urge", "I just wanted to say sorry"]);
    s.ok(
        "2027-01-17T23:00",
        &["slip", "--note", "replied to a story"],
    );
    s.ok(
        "2027-01-22T12:00",
        &["exception", "--note", "lease handover"],
    );
    s.ok("2027-01-13T21:00", &["journal", "--mood", "2", "Hard."]);
    s.ok("2027-02-15T21:00", &["journal", "--mood", "4", "Better."]);
    s
}

/// [`month`], then yes on 16 and 17 Feb: reconnecting from 17 Feb.
fn reconnecting() -> Sandbox {
    let s = month();
    s.ok("2027-02-16T09:00", &["checkpoint", "yes"]);
    s.ok("2027-02-17T09:00", &["checkpoint", "yes"]);
    assert_eq!(s.status("2027-02-17T09:00")["stage"], "reconnect");
    s
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

/// `draft --json TEXT` at `now`: the id and the rule ids found.
fn draft(s: &Sandbox, now: &str, text: &str) -> (u64, Vec<String>) {
    let v = json(&s.ok(now, &["draft", "--json", text]));
    assert_eq!(keys(&v), ["findings", "id"].into_iter().collect(), "{v}");
    let findings = v["findings"].as_array().expect("an array");
    let rules = findings
        .iter()
        .map(|f| {
            assert_eq!(keys(f), ["message", "rule"].into_iter().collect(), "{f}");
            assert!(!f["message"].as_str().expect("a string").is_empty());
            f["rule"].as_str().expect("a string").to_owned()
        })
        .collect();
    (v["id"].as_u64().expect("an id"), rules)
}

#[test]
fn report_shows_the_month_on_one_page() {
    let s = month();
    let before = s.file_bytes();
    let text = s.ok("2027-02-16T09:00", &["report"]);
    for expected in [
        "The month in one page",
        "Tue 16 Feb 2027 · checkpoint due · path: reconnect",
        "30 days of no contact · the 30-day month is complete · this run since Sun 17 Jan",
        "longest run 30 · silent days 36 · slips 1 · unavoidable contact 1",
        "Mon 4 Jan · morning",
        "Day 1 of the week: honest words.",
        "2 activities (1 worth sharing, 1 they'd like)",
        "By category: class 1 · food 1",
        "Best: Pottery class (class) ★★★★★",
        "week 1   11 Jan – 17 Jan  2 ██  · mood 2.0 · 1 urge · 1 slip",
        "week 6   15 Feb – 21 Feb  0   · mood 4.0",
        "Sun 17 Jan · replied to a story",
        "Fri 22 Jan · lease handover",
        "Urges written down, never sent: 1 (Sat 16 Jan)",
        "Mood: 3.0 / 5 on average, over 2 entries · rising, from 2.0 in the first week to 4.0 in the last",
        "Journal: 3 entries",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
    assert!(s.file_bytes() == before, "a report writes nothing");
}

#[test]
fn report_marks_not_morning_answers_and_tags() {
    let s = Sandbox::new();
    s.ok(
        "2027-01-04T08:00",
        &["reflect", "--motive", "revenge", "Make them regret it."],
    );
    s.ok(
        "2027-01-05T14:00",
        &["reflect", "--motive", "reconnect", "I miss them."],
    );
    let text = s.ok("2027-01-05T15:00", &["report"]);
    assert!(text.contains("Mon 4 Jan · morning · revenge"), "{text}");
    assert!(
        text.contains("Tue 5 Jan · not-morning · reconnect"),
        "{text}"
    );
    assert!(text.contains("Tags: revenge 1 · reconnect 1"), "{text}");
    assert!(
        text.contains("The no-contact count starts when you choose a path"),
        "{text}"
    );
}

#[test]
fn report_in_markdown_has_headings_quotes_and_a_week_table() {
    let s = month();
    let md = s.ok("2027-02-16T09:00", &["report", "--format", "markdown"]);
    for expected in [
        "# The month in one page\n",
        "## Days silent\n",
        "## Week one: why do I want my ex to miss me?\n",
        "**Mon 4 Jan · morning**\n\n> Day 1 of the week: honest words.\n",
        "### Week by week\n",
        "| week | days | activities | mood, urges, slips |\n| ---: | --- | ---: | --- |\n",
        "| 1 | 11 Jan – 17 Jan | 2 | mood 2.0 · 1 urge · 1 slip |\n",
        "## Slips (each restarted the count; nothing was erased)\n\n- Sun 17 Jan · replied to a story\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    s.rejected_by_parser("2027-02-16T09:00", &["report", "--format", "pdf"], "pdf");
}

#[test]
fn report_on_an_empty_journey_says_how_to_begin_and_writes_nothing() {
    let s = Sandbox::new();
    let text = s.ok("2027-01-04T08:00", &["report"]);
    assert!(text.contains("Nothing written yet"), "{text}");
    assert_eq!(s.file_bytes(), None);
}

#[test]
fn draft_before_the_reconnect_stage_is_kept_unsent_and_says_so() {
    let s = month();
    let text = s.ok(
        "2027-02-12T21:00",
        &["draft", "We should talk. I miss you."],
    );
    assert!(
        text.starts_with("Not in the reconnect stage yet, so this is kept with your unsent messages (#2), never sent.\n"),
        "{text}"
    );
    assert!(text.contains("we · Keep it about them"), "{text}");
    assert!(text.contains("heavy · "), "{text}");
    // --json keeps stdout one document; the sentence goes to stderr.
    let out = s
        .cmd("2027-02-12T21:05")
        .args(["draft", "--json", "Let's meet"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(v["id"], 3);
    assert_eq!(v["findings"][0]["rule"], "we");
    assert!(String::from_utf8_lossy(&out.stderr).contains("kept with your unsent messages"));
    let urges = s.list("2027-02-12T21:10", "urges");
    assert_eq!(urges.len(), 3);
    assert_eq!(urges[0]["text"], "Let's meet");
    assert!(s.list("2027-02-12T21:10", "drafts").is_empty());
}

#[test]
fn draft_on_the_move_on_path_is_kept_unsent_too() {
    let s = month();
    s.ok("2027-02-16T09:00", &["checkpoint", "no"]);
    let text = s.ok("2027-02-17T09:00", &["draft", THAI]);
    assert!(
        text.contains("You chose to move on, so this is kept with your unsent messages"),
        "{text}"
    );
    assert!(text.contains("It reads light and friendly"), "{text}");
    assert!(s.list("2027-02-17T09:00", "drafts").is_empty());
}

#[test]
fn every_rule_fires_on_the_command_line_and_the_thai_message_is_clean() {
    let s = reconnecting();
    let now = "2027-02-17T10:00";
    let table: &[(&str, &[&str])] = &[
        (THAI, &[]),
        ("See you this weekend, as usual. Answered your email.", &[]),
        ("We should go back there", &["we"]),
        ("I miss you so much", &["heavy"]),
        ("One. Two. Three. Four.", &["long"]),
        ("How are you? Did you eat?", &["pressure"]),
        ("Please answer me ASAP", &["pressure"]),
        (
            "Let's talk about our relationship, please? Why? Sorry.",
            &["we", "heavy", "pressure"],
        ),
    ];
    for (text, expected) in table {
        let (_, rules) = draft(&s, now, text);
        assert_eq!(rules, *expected, "{text:?}");
    }
    let long = "a".repeat(281);
    assert_eq!(draft(&s, now, &long).1, ["long"]);
    let drafts = s.list(now, "drafts");
    assert_eq!(drafts.len(), table.len() + 1, "every draft is kept");
    // The text output names the words that fired.
    let text = s.ok(now, &["draft", "Let’s get Thai food"]);
    assert!(text.contains("in: \"Let’s\""), "{text}");
}

#[test]
fn draft_reads_the_text_from_standard_input() {
    let s = reconnecting();
    let out = s
        .cmd("2027-02-17T10:00")
        .args(["draft", "--json"])
        .write_stdin(format!("{THAI}\n"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&String::from_utf8_lossy(&out.stdout))["findings"],
        Value::Array(vec![])
    );
    s.refused("2027-02-17T10:00", &["draft", "   "]);
}

#[test]
fn sent_and_reply_are_refused_before_the_reconnect_stage() {
    let s = month();
    s.ok("2027-02-12T09:00", &["draft", THAI]);
    for now in ["2027-02-12T09:00", "2027-02-16T09:00"] {
        let err = s.refused(now, &["sent"]);
        assert!(err.contains("reconnect stage"), "{err}");
        let err = s.refused(now, &["reply"]);
        assert!(err.contains("reconnect stage"), "{err}");
    }
    s.ok("2027-02-16T09:00", &["checkpoint", "no"]);
    let err = s.refused("2027-02-17T09:00", &["sent"]);
    assert!(err.contains("move on"), "{err}");
    s.refused("2027-02-17T09:00", &["reply", "--date", "yesterday"]);
}

#[test]
fn sent_and_reply_refuse_clearly_and_change_nothing() {
    let s = reconnecting();
    let now = "2027-02-17T10:00";
    assert!(s.refused(now, &["sent"]).contains("no draft"));
    assert!(
        s.refused(now, &["reply"])
            .contains("No message is marked sent")
    );
    let (id, _) = draft(&s, now, THAI);
    assert!(s.refused(now, &["sent", "99"]).contains("no draft #99"));
    let out = s.ok(now, &["sent"]);
    assert!(
        out.contains(&format!("Marked #{id} as sent on 2027-02-17.")),
        "{out}"
    );
    assert!(out.contains("nothing new before Sat 20 Feb"), "{out}");
    assert!(
        s.refused(now, &["sent", &id.to_string()])
            .contains("already marked sent")
    );
    assert!(
        s.refused(now, &["reply", "--date", "2027-02-18"])
            .contains("after today")
    );
    assert!(
        s.refused(now, &["reply", "--date", "2027-02-16"])
            .contains("was sent on 2027-02-17")
    );
    s.rejected_by_parser(now, &["reply", "--date", "soon"], "soon");
    s.rejected_by_parser(now, &["sent", "first"], "first");
    let out = s.ok("2027-02-18T10:00", &["reply"]);
    assert!(
        out.contains("they answered your message of 2027-02-17, on 2027-02-18"),
        "{out}"
    );
    assert!(
        s.refused("2027-02-18T11:00", &["reply"])
            .contains("already recorded")
    );
    let drafts = s.list("2027-02-18T11:00", "drafts");
    assert_eq!(drafts[0]["sent_on"], "2027-02-17");
    assert_eq!(drafts[0]["replied_on"], "2027-02-18");
}

#[test]
fn pacing_across_days() {
    let s = reconnecting();
    let (first, rules) = draft(&s, "2027-02-17T10:00", THAI);
    assert!(rules.is_empty());
    s.ok("2027-02-17T10:05", &["sent", &first.to_string()]);
    // Unanswered, under three days old: day 0, 1 and 2 say wait.
    for now in ["2027-02-17T20:00", "2027-02-18T09:00", "2027-02-19T23:59"] {
        assert_eq!(draft(&s, now, THAI).1, ["pacing"], "{now}");
    }
    // Day 3: room again, even without an answer.
    assert!(draft(&s, "2027-02-20T08:00", THAI).1.is_empty());
    // They answered; a new message is fine, but one a day at most.
    s.ok("2027-02-20T09:00", &["reply"]);
    let (second, rules) = draft(&s, "2027-02-21T09:00", "Hi! Hope the week is good.");
    assert!(rules.is_empty());
    let out = s.ok("2027-02-21T09:05", &["sent", &second.to_string()]);
    assert!(!out.contains("still waiting"), "{out}");
    s.ok("2027-02-21T18:00", &["reply"]);
    assert_eq!(draft(&s, "2027-02-21T19:00", THAI).1, ["pacing"]);
    let text = s.ok("2027-02-21T19:01", &["draft", THAI]);
    assert!(text.contains("You already sent a message today"), "{text}");
    // Sent anyway: recorded, and said gently.
    let out = s.ok("2027-02-21T19:02", &["sent"]);
    assert!(
        out.contains("went out while the last was still waiting"),
        "{out}"
    );
    assert!(draft(&s, "2027-02-24T09:00", THAI).1.is_empty());
}

#[test]
fn suggestions_come_from_the_log_in_the_reconnect_stage() {
    let s = month();
    let early = s.ok("2027-02-12T09:00", &["draft", "--suggest"]);
    assert!(
        early.contains("Suggestions come in the reconnect stage"),
        "{early}"
    );
    let s = reconnecting();
    let before = s.file_bytes();
    let text = s.ok("2027-02-17T10:00", &["draft", "--suggest"]);
    assert!(
        text.contains("I remember how much you like good food; I tried Thai cooking a while ago. You should check it out."),
        "{text}"
    );
    let v = json(&s.ok("2027-02-17T10:00", &["draft", "--suggest", "--json"]));
    let items = v.as_array().expect("an array");
    assert!((2..=3).contains(&items.len()), "{v}");
    assert_eq!(items[0]["activity_id"], 2);
    assert!(s.file_bytes() == before, "suggesting writes nothing");
    s.rejected_by_parser(
        "2027-02-17T10:00",
        &["draft", "--suggest", "hello"],
        "suggest",
    );
}

#[test]
fn share_prints_a_post_and_warns_when_it_reads_as_aimed_at_the_ex() {
    let s = month();
    let now = "2027-02-17T10:00";
    let before = s.file_bytes();
    let out = s.cmd(now).args(["share", "1"]).output().expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Started Pottery class a while ago. Learning something new feels great.\n"
    );
    assert!(out.stderr.is_empty(), "a clean post has no warning");
    for (text, name, word) in [
        (
            "Pottery! Some people never try anything.",
            None,
            "\"Some people\"",
        ),
        ("Finally free to make pots", None, "\"Finally free\""),
        ("Your loss, honestly", None, "\"Your loss\""),
        (
            "Pots. You know who you are.",
            None,
            "\"You know who you are\"",
        ),
        ("Sam would never", Some("sam"), "\"Sam\""),
    ] {
        let mut cmd = s.cmd(now);
        cmd.args(["share", "1", "--text", text]);
        if let Some(name) = name {
            cmd.args(["--ex-name", name]);
        }
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "a warning is not a refusal");
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{text}\n"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("aimed at your ex") && err.contains(word),
            "{err}"
        );
    }
    let out = s
        .cmd(now)
        .args(["share", "1", "--text", "Sam and the pottery"])
        .env("BREATHER_EX_NAME", "Sam")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"Sam\""));
    let v = json(&s.ok(now, &["share", "1", "--json", "--text", "Your loss"]));
    assert_eq!(v["post"], "Your loss");
    assert_eq!(v["aimed_at_ex"]["words"][0], "Your loss");
    assert_eq!(
        json(&s.ok(now, &["share", "1", "--json"]))["aimed_at_ex"],
        Value::Null
    );
    assert!(
        s.refused(now, &["share", "2"])
            .contains("isn't marked worth sharing")
    );
    assert!(s.refused(now, &["share", "9"]).contains("no activity #9"));
    assert!(s.file_bytes() == before, "sharing writes nothing");
}
