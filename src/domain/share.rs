//! Sharing a bit of the new life: a short post for all friends about a
//! shareable activity, and a check that warns when a post reads as aimed
//! at the ex ("some people", "your loss", their name). Nothing is stored
//! or sent; the person copies the post wherever they like.

use std::ops::Range;

use chrono::NaiveDate;

use super::suggest::{tidy, when};
use super::words::{Pattern, find_phrases, merge, words};
use super::{DomainError, Journey};
use crate::text;

/// What the share check noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AimedAtEx {
    /// The sentence shown (from `assets/messages.toml`).
    pub message: String,
    /// What fired it, as written in the post (each once, in order).
    pub words: Vec<String>,
    /// Where in the post (byte spans, sorted, disjoint).
    pub spans: Vec<Range<usize>>,
}

/// A post for all friends, with what the check noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub text: String,
    pub aimed_at_ex: Option<AimedAtEx>,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

impl Journey {
    /// A post about activity `id` for all friends, as of `today`. Only an
    /// activity marked worth sharing has one.
    pub fn share_post(&self, id: u32, today: NaiveDate) -> Result<String, DomainError> {
        let activity = self
            .activities
            .iter()
            .find(|a| a.id == id)
            .ok_or(DomainError::NoSuchActivity { id })?;
        if !activity.share {
            return Err(DomainError::NotShareable { id });
        }
        let key = format!("messages.share.{}", activity.category.as_str());
        let days = super::days_between(activity.date, today);
        let post = text::fill(
            &key,
            &[
                ("title", tidy(&activity.title)),
                ("when", when(days).to_owned()),
            ],
        );
        Ok(capitalised(&post))
    }
}

/// Whether `post` reads as aimed at the ex: the phrases of the list, and
/// their name when the person gave one (whole words, any case).
pub fn check_post(post: &str, ex_name: Option<&str>) -> Option<AimedAtEx> {
    let mut spans: Vec<Range<usize>> =
        find_phrases(post, &text::list("messages.share.aimed_at_ex"))
            .into_iter()
            .flat_map(|(_, found)| found)
            .collect();
    if let Some(pattern) = ex_name.and_then(Pattern::new) {
        spans.extend(pattern.find(&words(post)));
    }
    if spans.is_empty() {
        return None;
    }
    let spans = merge(spans);
    let mut found: Vec<String> = Vec::new();
    for span in &spans {
        let word = post.get(span.clone()).unwrap_or_default();
        if !found.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            found.push(word.to_owned());
        }
    }
    let quoted: Vec<String> = found.iter().map(|w| format!("\"{w}\"")).collect();
    Some(AimedAtEx {
        message: text::fill("messages.share.message", &[("words", quoted.join(", "))]),
        words: found,
        spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Category, NewActivity, Timestamp};
    use chrono::DateTime;

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2027-02-20T18:00:00+00:00").expect("valid")
    }

    fn journey(category: Category, share: bool) -> Journey {
        let mut j = Journey::new();
        let new = NewActivity {
            title: "pottery  class".to_owned(),
            category,
            date: "2027-02-19".parse().expect("valid"),
            rating: None,
            note: Some("private thoughts".to_owned()),
            share,
            they_would_like: false,
        };
        j.log_activity(now(), &new).expect("accepted");
        j
    }

    #[test]
    fn a_post_for_every_category_is_filled_capitalised_and_not_aimed() {
        for category in Category::ALL {
            let post = journey(category, true)
                .share_post(1, now().date_naive())
                .expect("shareable");
            assert!(post.to_lowercase().contains("pottery class"), "{post}");
            assert!(!post.contains('{') && !post.contains("private"), "{post}");
            assert!(
                post.chars().next().is_some_and(char::is_uppercase),
                "{post}"
            );
            assert_eq!(check_post(&post, None), None, "{post}");
        }
    }

    #[test]
    fn only_shareable_activities_that_exist() {
        let today = now().date_naive();
        assert_eq!(
            journey(Category::Class, false).share_post(1, today),
            Err(DomainError::NotShareable { id: 1 })
        );
        assert_eq!(
            journey(Category::Class, true).share_post(7, today),
            Err(DomainError::NoSuchActivity { id: 7 })
        );
    }

    #[test]
    fn posts_aimed_at_the_ex_are_noticed() {
        // (post, name, what fires)
        let table: &[(&str, Option<&str>, &[&str])] = &[
            (
                "Pottery class. Some people never try anything new.",
                None,
                &["Some people"],
            ),
            ("Finally free, and loving it", None, &["Finally free"]),
            ("Your loss!", None, &["Your loss"]),
            ("You know who you are.", None, &["You know who you are"]),
            ("Sam would hate this place", Some("sam"), &["Sam"]),
            ("Great hike with Mary Ann", Some("Mary Ann"), &["Mary Ann"]),
            ("Same time next week", Some("Sam"), &[]),
            ("The people at pottery are lovely", None, &[]),
            ("Free entry, and a loss-free day", None, &[]),
        ];
        for (post, name, expected) in table {
            let found = check_post(post, *name).map(|a| a.words).unwrap_or_default();
            assert_eq!(found, *expected, "{post:?}");
        }
        let warned = check_post("some people", None).expect("fires");
        assert!(
            warned.message.contains("\"some people\""),
            "{}",
            warned.message
        );
    }
}
