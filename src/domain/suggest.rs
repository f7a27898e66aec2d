//! Suggestions: two or three light first messages, made from the activity
//! log with the templates in `assets/messages.toml` — an activity marked
//! "they'd like it" ("I remember how much you like good food; I tried …"),
//! or a recent shareable one as an open invitation.

use chrono::NaiveDate;

use super::checks::check_text;
use super::{Activity, Journey};
use crate::text;

/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 3;
/// Openers fill in up to this many when the log offers fewer.
pub const MIN_SUGGESTIONS: usize = 2;
/// A shareable activity is suggested while it is this recent (days).
pub const RECENT_DAYS: i64 = 14;

/// One suggested message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The activity it came from (`None`: a plain opener).
    pub activity_id: Option<u32>,
    pub text: String,
}

/// "today", "yesterday", "a couple of days ago", … for an activity `days` old.
pub fn when(days: i64) -> &'static str {
    text::get(match days {
        i64::MIN..=0 => "messages.when.today",
        1 => "messages.when.yesterday",
        2..=3 => "messages.when.couple",
        4..=6 => "messages.when.few",
        7..=13 => "messages.when.last_week",
        _ => "messages.when.while_ago",
    })
}

/// A title on one line, its spaces tidied.
pub fn tidy(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn from_activity(activity: &Activity, today: NaiveDate) -> String {
    let key = if activity.they_would_like {
        format!(
            "messages.suggest.they_would_like.{}",
            activity.category.as_str()
        )
    } else {
        "messages.suggest.shareable".to_owned()
    };
    let days = super::days_between(activity.date, today);
    text::fill(
        &key,
        &[
            ("title", tidy(&activity.title)),
            ("when", when(days).to_owned()),
        ],
    )
}

/// Up to three light messages for `today`: activities they'd like first
/// (newest first), then recent shareable ones, then plain openers so there
/// are at least two. A suggestion that trips a check is never offered.
pub fn suggestions(journey: &Journey, today: NaiveDate) -> Vec<Suggestion> {
    let mut candidates: Vec<&Activity> = journey
        .activities
        .iter()
        .filter(|a| a.date <= today)
        .filter(|a| {
            a.they_would_like || (a.share && super::days_between(a.date, today) < RECENT_DAYS)
        })
        .collect();
    candidates.sort_by_key(|a| std::cmp::Reverse((a.they_would_like, a.date, a.id)));
    let mut out: Vec<Suggestion> = candidates
        .into_iter()
        .map(|a| Suggestion {
            activity_id: Some(a.id),
            text: from_activity(a, today),
        })
        .filter(|s| check_text(&s.text).is_empty())
        .take(MAX_SUGGESTIONS)
        .collect();
    for opener in text::list("messages.suggest.openers") {
        if out.len() >= MIN_SUGGESTIONS {
            break;
        }
        out.push(Suggestion {
            activity_id: None,
            text: opener.to_owned(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Category, NewActivity, Timestamp};
    use chrono::DateTime;

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2027-02-20T18:00:00+00:00").expect("valid")
    }

    fn log(j: &mut Journey, title: &str, category: Category, date: &str, share: bool, like: bool) {
        let new = NewActivity {
            title: title.to_owned(),
            category,
            date: date.parse().expect("valid"),
            rating: None,
            note: None,
            share,
            they_would_like: like,
        };
        j.log_activity(now(), &new).expect("accepted");
    }

    #[test]
    fn every_template_is_light_for_every_category() {
        for category in Category::ALL {
            for like in [true, false] {
                let mut j = Journey::new();
                log(
                    &mut j,
                    "the night market",
                    category,
                    "2027-02-18",
                    true,
                    like,
                );
                let s = suggestions(&j, now().date_naive());
                assert_eq!(s[0].activity_id, Some(1), "{category:?}");
                assert!(!s[0].text.contains('{'), "filled: {}", s[0].text);
                assert!(s[0].text.contains("the night market a couple of days ago") || !like);
                assert!(check_text(&s[0].text).is_empty(), "{}", s[0].text);
            }
        }
        for opener in text::list("messages.suggest.openers") {
            assert!(check_text(opener).is_empty(), "{opener}");
        }
    }

    #[test]
    fn they_would_like_comes_first_then_recent_shareable_then_openers() {
        let mut j = Journey::new();
        log(
            &mut j,
            "Old hike",
            Category::Adventure,
            "2027-01-01",
            true,
            false,
        );
        log(
            &mut j,
            "Pottery class",
            Category::Class,
            "2027-02-19",
            true,
            false,
        );
        log(
            &mut j,
            "Thai cooking",
            Category::Food,
            "2027-01-10",
            false,
            true,
        );
        log(&mut j, "Gym", Category::Fitness, "2027-02-19", false, false);
        let s = suggestions(&j, now().date_naive());
        let ids: Vec<Option<u32>> = s.iter().map(|s| s.activity_id).collect();
        assert_eq!(
            ids,
            [Some(3), Some(2)],
            "old shareable and plain ones are left out"
        );
        assert_eq!(
            s[0].text,
            "I remember how much you like good food; I tried Thai cooking a while ago. You should check it out."
        );
        let empty = suggestions(&Journey::new(), now().date_naive());
        assert_eq!(empty.len(), MIN_SUGGESTIONS);
        assert!(empty.iter().all(|s| s.activity_id.is_none()));
    }

    #[test]
    fn never_more_than_three_and_never_one_that_trips_a_check() {
        let mut j = Journey::new();
        for n in 0..5 {
            log(
                &mut j,
                &format!("Class {n}"),
                Category::Class,
                "2027-02-19",
                false,
                true,
            );
        }
        log(
            &mut j,
            "Our old café",
            Category::Food,
            "2027-02-20",
            false,
            true,
        );
        let s = suggestions(&j, now().date_naive());
        assert_eq!(s.len(), MAX_SUGGESTIONS);
        assert!(s.iter().all(|s| !s.text.contains("Our old café")));
    }

    #[test]
    fn when_reads_naturally() {
        let table = [
            (0, "today"),
            (1, "yesterday"),
            (2, "a couple of days ago"),
            (3, "a couple of days ago"),
            (5, "a few days ago"),
            (9, "last week"),
            (30, "a while ago"),
        ];
        for (days, words) in table {
            assert_eq!(when(days), words, "{days}");
        }
    }
}
