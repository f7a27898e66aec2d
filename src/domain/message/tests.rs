use super::*;
use crate::domain::checkpoint::Answer;
use crate::domain::checks::Rule;
use crate::domain::{Path, verdict};
use chrono::DateTime;

const THAI: &str = "I remember how much you like Thai food; I went to this great Thai place a couple of days ago. You should check it out.";

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test dates are valid")
}

fn at(date: &str, hour: u32) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+00:00")).expect("valid")
}

/// Week 2027-01-01..07, path chosen 01-08 (30 days, due 02-07).
fn counting(path: Path) -> Journey {
    let mut j = verdict::tests::journey_after_week("2027-01-01");
    j.decide(day("2027-01-08"), path, day("2027-01-08"), 30)
        .expect("accepted");
    j
}

/// ... and yes on 02-07 and 02-08: reconnecting from 02-08.
fn reconnecting() -> Journey {
    let mut j = counting(Path::Reconnect);
    for date in ["2027-02-07", "2027-02-08"] {
        j.answer_checkpoint(at(date, 9), Answer::Yes, None)
            .expect("accepted");
    }
    assert_eq!(j.stage_on(day("2027-02-08")), Stage::Reconnect);
    j
}

fn pacing_rules(j: &Journey, date: &str) -> Vec<Rule> {
    j.check_message(THAI, day(date))
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn before_the_reconnect_stage_a_draft_is_kept_as_an_unsent_message() {
    let mut j = counting(Path::Reconnect);
    let outcome = j
        .keep_draft(at("2027-02-01", 21), "We should talk. I miss you.")
        .expect("kept");
    assert_eq!(outcome.kept, Kept::Urge(1));
    let rules: Vec<Rule> = outcome.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [Rule::We, Rule::Heavy]);
    assert!(j.drafts.is_empty());
    assert_eq!(j.urges[0].text, "We should talk. I miss you.");
    let mut moving_on = counting(Path::MoveOn);
    let outcome = moving_on
        .keep_draft(at("2027-03-01", 9), THAI)
        .expect("kept");
    assert_eq!(
        outcome,
        DraftOutcome {
            kept: Kept::Urge(1),
            findings: vec![]
        }
    );
    assert_eq!(
        Journey::new().keep_draft(at("2027-01-01", 9), "  "),
        Err(DomainError::BlankText)
    );
}

#[test]
fn the_pacing_timeline_across_days() {
    let mut j = reconnecting();
    // Day 0: the first draft is clean and there is nothing to wait for.
    let first = j.keep_draft(at("2027-02-08", 10), THAI).expect("kept");
    assert_eq!(
        first,
        DraftOutcome {
            kept: Kept::Draft(1),
            findings: vec![]
        }
    );
    assert_eq!(j.pacing_on(day("2027-02-08")), Pacing::Clear);
    let sent = j.mark_sent(day("2027-02-08"), None).expect("sent");
    assert_eq!(
        sent,
        SentOutcome {
            id: 1,
            sent_on: day("2027-02-08"),
            pacing_before: Pacing::Clear,
            wait_until: day("2027-02-11"),
        }
    );
    // Unanswered and under three days old: days 0, 1 and 2 say wait.
    let waiting = Pacing::Unanswered {
        sent_on: day("2027-02-08"),
        wait_until: day("2027-02-11"),
    };
    for date in ["2027-02-08", "2027-02-09", "2027-02-10"] {
        assert_eq!(j.pacing_on(day(date)), waiting, "{date}");
        assert_eq!(pacing_rules(&j, date), [Rule::Pacing], "{date}");
    }
    // Day 3: three days of room, even without an answer.
    assert_eq!(j.pacing_on(day("2027-02-11")), Pacing::Clear);
    assert_eq!(pacing_rules(&j, "2027-02-11"), []);
    // Drafting meanwhile is fine: several versions, none of them sent.
    let second = j.keep_draft(at("2027-02-09", 10), THAI).expect("kept");
    assert_eq!(second.kept, Kept::Draft(2));
    assert_eq!(
        second.findings.iter().map(|f| f.rule).collect::<Vec<_>>(),
        [Rule::Pacing]
    );
    j.keep_draft(at("2027-02-09", 11), THAI).expect("kept");
    assert_eq!(j.pacing_on(day("2027-02-09")), waiting);
    // A reply clears the wait from the day after it was sent ...
    j.record_reply(day("2027-02-09"), day("2027-02-09"))
        .expect("recorded");
    assert_eq!(j.pacing_on(day("2027-02-09")), Pacing::Clear);
    // ... but never allows a second message on one day.
    let early = j.mark_sent(day("2027-02-10"), Some(2)).expect("sent");
    assert_eq!(early.pacing_before, Pacing::Clear);
    j.record_reply(day("2027-02-10"), day("2027-02-10"))
        .expect("answered fast");
    assert_eq!(j.pacing_on(day("2027-02-10")), Pacing::SentToday);
    assert_eq!(pacing_rules(&j, "2027-02-10"), [Rule::Pacing]);
    let double = j
        .mark_sent(day("2027-02-10"), Some(3))
        .expect("sent anyway");
    assert_eq!(double.pacing_before, Pacing::SentToday);
    assert_eq!(
        j.pacing_on(day("2027-02-11")),
        Pacing::Unanswered {
            sent_on: day("2027-02-10"),
            wait_until: day("2027-02-13"),
        }
    );
    assert_eq!(j.pacing_on(day("2027-02-13")), Pacing::Clear);
}

#[test]
fn sent_and_reply_need_the_reconnect_stage() {
    let today = day("2027-02-07");
    let mut due = counting(Path::Reconnect);
    assert_eq!(
        due.mark_sent(today, None),
        Err(DomainError::NotReconnecting {
            stage: Stage::CheckpointDue
        })
    );
    assert_eq!(
        due.record_reply(today, today),
        Err(DomainError::NotReconnecting {
            stage: Stage::CheckpointDue
        })
    );
    let mut moving_on = counting(Path::MoveOn);
    assert_eq!(
        moving_on.mark_sent(today, None),
        Err(DomainError::MessagesOnMoveOnPath)
    );
    let mut after_no = counting(Path::Reconnect);
    after_no
        .answer_checkpoint(at("2027-02-07", 9), Answer::No, None)
        .expect("accepted");
    assert_eq!(
        after_no.record_reply(today, today),
        Err(DomainError::MessagesOnMoveOnPath)
    );
}

#[test]
fn sent_refusals_name_the_draft() {
    let today = day("2027-02-08");
    let mut j = reconnecting();
    assert_eq!(j.mark_sent(today, None), Err(DomainError::NoDrafts));
    j.keep_draft(at("2027-02-08", 9), THAI).expect("kept");
    j.keep_draft(at("2027-02-08", 10), "Hi! Hope you're well.")
        .expect("kept");
    assert_eq!(
        j.mark_sent(today, Some(9)),
        Err(DomainError::NoSuchDraft { id: 9 })
    );
    assert_eq!(j.mark_sent(today, None).map(|s| s.id), Ok(2), "the latest");
    assert_eq!(
        j.mark_sent(today, None),
        Err(DomainError::AlreadySent { id: 2, on: today })
    );
    assert_eq!(j.mark_sent(today, Some(1)).map(|s| s.id), Ok(1));
}

#[test]
fn a_reply_is_recorded_once_for_the_last_sent_message() {
    let mut j = reconnecting();
    let today = day("2027-02-10");
    assert_eq!(j.record_reply(today, today), Err(DomainError::NothingSent));
    j.keep_draft(at("2027-02-09", 9), THAI).expect("kept");
    j.mark_sent(day("2027-02-09"), None).expect("sent");
    assert!(matches!(
        j.record_reply(today, day("2027-02-11")),
        Err(DomainError::DateInFuture { .. })
    ));
    assert_eq!(
        j.record_reply(today, day("2027-02-08")),
        Err(DomainError::ReplyBeforeSent {
            date: day("2027-02-08"),
            sent_on: day("2027-02-09")
        })
    );
    assert_eq!(
        j.record_reply(today, today),
        Ok(ReplyOutcome {
            id: 1,
            sent_on: day("2027-02-09"),
            replied_on: today
        })
    );
    assert_eq!(
        j.record_reply(today, today),
        Err(DomainError::AlreadyReplied { id: 1, on: today })
    );
    assert_eq!(j.drafts[0].replied_on, Some(today));
}

#[test]
fn the_desk_lists_drafts_newest_first_with_their_checks() {
    let mut j = reconnecting();
    j.keep_draft(at("2027-02-08", 9), THAI).expect("kept");
    j.keep_draft(at("2027-02-08", 10), "Let's meet. Please?")
        .expect("kept");
    j.mark_sent(day("2027-02-08"), Some(1)).expect("sent");
    let desk = Desk::of(&j, day("2027-02-09"));
    let order: Vec<u32> = desk.drafts.iter().map(|c| j.drafts[c.index].id).collect();
    assert_eq!(order, [2, 1]);
    let rules: Vec<Rule> = desk.drafts[0].findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [Rule::We, Rule::Pressure]);
    assert!(desk.drafts[1].findings.is_empty());
    assert!(matches!(desk.pacing, Pacing::Unanswered { .. }));
    assert!(desk.suggestions.len() >= 2);
    let before = Desk::of(&counting(Path::Reconnect), day("2027-02-01"));
    assert!(before.suggestions.is_empty() && before.drafts.is_empty());
}
