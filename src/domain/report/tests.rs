use super::*;
use crate::domain::{Mood, NewActivity, Rating, Timestamp};
use chrono::DateTime;

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test dates are valid")
}

fn at(date: &str, hour: u32) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+00:00")).expect("valid")
}

fn log(j: &mut Journey, title: &str, category: Category, date: &str, rating: Option<i64>) {
    let new = NewActivity {
        title: title.to_owned(),
        category,
        date: day(date),
        rating: rating.map(|r| Rating::new(r).expect("1-5")),
        note: None,
        share: category == Category::Class,
        they_would_like: category == Category::Food,
    };
    j.log_activity(at(date, 20), &new).expect("accepted");
}

fn mood(j: &mut Journey, date: &str, value: i64) {
    j.write_journal(at(date, 21), "a day", Some(Mood::new(value).expect("1-5")))
        .expect("accepted");
}

/// The README's month: week 4–10 Jan, reconnect from 11 Jan, a slip on the
/// 17th, an exception, an urge, activities and moods across the weeks.
fn month() -> Journey {
    let mut j = Journey::new();
    let motives = [
        Some(Motive::Revenge),
        Some(Motive::Revenge),
        Some(Motive::Unsure),
        None,
        Some(Motive::Reconnect),
        Some(Motive::Reconnect),
        Some(Motive::Friendship),
    ];
    for (n, motive) in motives.into_iter().enumerate() {
        let date = format!("2027-01-{:02}", 4 + n);
        let hour = if n == 2 { 15 } else { 8 };
        j.reflect(at(&date, hour), &format!("Answer {}", n + 1), motive, false)
            .expect("accepted");
    }
    j.decide(day("2027-01-11"), Path::Reconnect, day("2027-01-11"), 30)
        .expect("accepted");
    log(&mut j, "Long walk", Category::Adventure, "2027-01-09", None);
    log(
        &mut j,
        "Pottery class",
        Category::Class,
        "2027-01-12",
        Some(5),
    );
    log(
        &mut j,
        "Thai cooking",
        Category::Food,
        "2027-01-14",
        Some(4),
    );
    log(
        &mut j,
        "Pottery again",
        Category::Class,
        "2027-01-19",
        Some(3),
    );
    log(
        &mut j,
        "Climbing",
        Category::Adventure,
        "2027-02-05",
        Some(5),
    );
    j.write_urge(at("2027-01-16", 23), "I just wanted to say sorry")
        .expect("accepted");
    j.record_slip(
        at("2027-01-17", 23),
        day("2027-01-17"),
        Some("replied to a story"),
    )
    .expect("accepted");
    j.record_exception(at("2027-01-22", 12), day("2027-01-22"), "lease handover")
        .expect("accepted");
    mood(&mut j, "2027-01-12", 2);
    mood(&mut j, "2027-01-13", 3);
    mood(&mut j, "2027-02-04", 4);
    mood(&mut j, "2027-02-05", 5);
    j
}

#[test]
fn the_report_holds_the_whole_month() {
    let r = Report::of(&month(), day("2027-02-16"));
    assert_eq!(r.stage, Stage::CheckpointDue);
    assert_eq!(r.path, Some(Path::Reconnect));
    assert_eq!(r.since, Some(day("2027-01-11")));
    // The week-one answers, in order, with their tags and not-morning marks.
    assert_eq!(r.answers.len(), 7);
    assert_eq!(r.answers[0].text, "Answer 1");
    assert_eq!(r.answers[0].motive, Some(Motive::Revenge));
    let mornings: Vec<bool> = r.answers.iter().map(|a| a.is_morning).collect();
    assert_eq!(mornings, [true, true, false, true, true, true, true]);
    assert_eq!(
        r.tally,
        [
            (Motive::Revenge, 2),
            (Motive::Reconnect, 2),
            (Motive::Friendship, 1),
            (Motive::Unsure, 1)
        ]
    );
    // Days silent: 6 before the slip, 30 since.
    let s = r.silence.as_ref().expect("counting");
    assert_eq!(
        (
            s.run_started_on,
            s.days_done,
            s.longest_streak,
            s.total_silent_days
        ),
        (day("2027-01-17"), 30, 30, 36)
    );
    assert!(s.reached_target);
    // Activities by category (most first) and the best-rated.
    let a = &r.activities;
    assert_eq!(
        (a.total, a.shareable, a.they_would_like, a.before_count),
        (5, 2, 1, 1)
    );
    assert_eq!(
        a.by_category,
        [
            (Category::Class, 2),
            (Category::Adventure, 2),
            (Category::Food, 1)
        ]
    );
    let best: Vec<(&str, u8)> = a
        .highlights
        .iter()
        .map(|h| (h.title.as_str(), h.rating))
        .collect();
    assert_eq!(
        best,
        [("Climbing", 5), ("Pottery class", 5), ("Thai cooking", 4)]
    );
    // Slips, exceptions and urges, with their days.
    assert_eq!(
        r.slips,
        [Dated {
            date: day("2027-01-17"),
            note: Some("replied to a story".to_owned())
        }]
    );
    assert_eq!(r.exceptions[0].note.as_deref(), Some("lease handover"));
    assert_eq!(r.urges, [day("2027-01-16")]);
    assert_eq!(r.journal_entries, 4);
    assert_eq!(r.messages, MessageCounts::default());
}

#[test]
fn weeks_count_from_the_start_and_the_mood_trend_follows_them() {
    let r = Report::of(&month(), day("2027-02-16"));
    // 11 Jan .. 16 Feb is 36 days: five full weeks and the start of a sixth.
    let shape: Vec<(usize, NaiveDate, usize, usize, usize)> = r
        .weeks
        .iter()
        .map(|w| (w.number, w.starts, w.activities, w.urges, w.slips))
        .collect();
    assert_eq!(
        shape,
        [
            (1, day("2027-01-11"), 2, 1, 1),
            (2, day("2027-01-18"), 1, 0, 0),
            (3, day("2027-01-25"), 0, 0, 0),
            (4, day("2027-02-01"), 1, 0, 0),
            (5, day("2027-02-08"), 0, 0, 0),
            (6, day("2027-02-15"), 0, 0, 0),
        ]
    );
    assert_eq!(r.weeks[0].ends, day("2027-01-17"));
    assert_eq!(r.weeks[0].mood, Some(2.5));
    assert_eq!(r.weeks[1].mood, None);
    assert_eq!(r.earlier_weeks, 0);
    assert_eq!(r.mood.entries, 4);
    assert_eq!(r.mood.mean, Some(3.5));
    assert_eq!(
        r.mood.trend,
        Some(Trend {
            from: 2.5,
            to: 4.5,
            direction: Direction::Rising
        })
    );
}

#[test]
fn a_long_journey_folds_its_early_weeks() {
    let r = Report::of(&month(), day("2027-08-01"));
    assert_eq!(r.weeks.len(), MAX_WEEKS);
    assert_eq!(r.earlier_weeks + MAX_WEEKS, 29);
    assert_eq!(r.weeks[0].number, r.earlier_weeks + 1);
    assert!(r.weeks[MAX_WEEKS - 1].ends >= day("2027-08-01"));
    // The trend still spans every week, not only those shown.
    assert_eq!(r.mood.trend.map(|t| t.direction), Some(Direction::Rising));
}

#[test]
fn before_a_path_or_with_the_clock_behind_there_are_no_weeks() {
    let empty = Report::of(&Journey::new(), day("2027-01-01"));
    assert!(empty.is_empty());
    assert!(empty.weeks.is_empty() && empty.silence.is_none());
    let behind = Report::of(&month(), day("2027-01-05"));
    assert!(behind.weeks.is_empty());
    assert!(!behind.is_empty());
}

#[test]
fn a_steady_or_falling_mood_says_so() {
    let mut j = month();
    mood(&mut j, "2027-02-15", 1);
    let r = Report::of(&j, day("2027-02-16"));
    assert_eq!(
        r.mood.trend.map(|t| t.direction),
        Some(Direction::Falling),
        "2.5 in week 1, 1.0 in week 6"
    );
    mood(&mut j, "2027-02-16", 4);
    let r = Report::of(&j, day("2027-02-16"));
    assert_eq!(r.mood.trend.map(|t| t.direction), Some(Direction::Steady));
}
