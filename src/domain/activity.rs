//! The self-improvement log: what the person did with the silence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DomainError, Journey, Timestamp, clean_note, next_id, not_in_future};
use crate::text;

/// Kinds of activity, from the article's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Trip,
    Club,
    Class,
    Creative,
    Food,
    Social,
    Adventure,
    Fitness,
    Other,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Trip,
        Category::Club,
        Category::Class,
        Category::Creative,
        Category::Food,
        Category::Social,
        Category::Adventure,
        Category::Fitness,
        Category::Other,
    ];

    /// The stable machine name (`trip`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Trip => "trip",
            Category::Club => "club",
            Category::Class => "class",
            Category::Creative => "creative",
            Category::Food => "food",
            Category::Social => "social",
            Category::Adventure => "adventure",
            Category::Fitness => "fitness",
            Category::Other => "other",
        }
    }

    /// A short human description of the category.
    pub fn describe(self) -> &'static str {
        text::get(match self {
            Category::Trip => "category.trip",
            Category::Club => "category.club",
            Category::Class => "category.class",
            Category::Creative => "category.creative",
            Category::Food => "category.food",
            Category::Social => "category.social",
            Category::Adventure => "category.adventure",
            Category::Fitness => "category.fitness",
            Category::Other => "category.other",
        })
    }
}

/// How good it was, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub fn new(value: i64) -> Result<Self, DomainError> {
        match u8::try_from(value) {
            Ok(v @ 1..=5) => Ok(Rating(v)),
            _ => Err(DomainError::RatingOutOfRange { given: value }),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Rating {
    type Error = DomainError;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Rating::new(value)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

/// One thing done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: u32,
    // The fast, exact format: a long log holds thousands of these.
    #[serde(with = "super::timefmt::date")]
    pub date: NaiveDate,
    pub title: String,
    pub category: Category,
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub note: Option<String>,
    /// Worth sharing with all friends.
    #[serde(default)]
    pub share: bool,
    /// Something the ex would like too (a light, friendly topic later).
    #[serde(default)]
    pub they_would_like: bool,
    #[serde(with = "super::timefmt::timestamp")]
    pub created_at: Timestamp,
}

/// What the person typed for a new activity, before checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub title: String,
    pub category: Category,
    pub date: NaiveDate,
    pub rating: Option<Rating>,
    pub note: Option<String>,
    pub share: bool,
    pub they_would_like: bool,
}

/// The longest activity title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

impl Journey {
    /// Adds an activity and returns its id.
    pub fn log_activity(&mut self, now: Timestamp, new: &NewActivity) -> Result<u32, DomainError> {
        let (title, date, note) = checked(now, new)?;
        let id = next_id(&self.activities, |a| a.id);
        self.activities.push(Activity {
            id,
            date,
            title,
            category: new.category,
            rating: new.rating,
            note,
            share: new.share,
            they_would_like: new.they_would_like,
            created_at: now,
        });
        Ok(id)
    }

    /// Rewrites activity `id` with `new` (its id and creation time stay).
    pub fn edit_activity(
        &mut self,
        now: Timestamp,
        id: u32,
        new: &NewActivity,
    ) -> Result<(), DomainError> {
        let (title, date, note) = checked(now, new)?;
        let activity = self
            .activities
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(DomainError::NoSuchActivity { id })?;
        activity.title = title;
        activity.date = date;
        activity.note = note;
        activity.category = new.category;
        activity.rating = new.rating;
        activity.share = new.share;
        activity.they_would_like = new.they_would_like;
        Ok(())
    }

    /// Removes activity `id`.
    pub fn delete_activity(&mut self, id: u32) -> Result<Activity, DomainError> {
        let at = self
            .activities
            .iter()
            .position(|a| a.id == id)
            .ok_or(DomainError::NoSuchActivity { id })?;
        Ok(self.activities.remove(at))
    }
}

/// The title, date and note of `new`, checked.
fn checked(
    now: Timestamp,
    new: &NewActivity,
) -> Result<(String, NaiveDate, Option<String>), DomainError> {
    let title = new.title.trim();
    if title.is_empty() {
        return Err(DomainError::BlankTitle);
    }
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(DomainError::TextTooLong {
            chars,
            max: MAX_TITLE_CHARS,
        });
    }
    let date = not_in_future(new.date, now.date_naive())?;
    let note = clean_note(new.note.as_deref())?;
    Ok((title.to_owned(), date, note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2027-01-20T18:00:00+01:00").expect("valid")
    }

    fn new(title: &str, date: &str) -> NewActivity {
        NewActivity {
            title: title.to_owned(),
            category: Category::Class,
            date: date.parse().expect("valid"),
            rating: Some(Rating::new(4).expect("in range")),
            note: Some("  ".to_owned()),
            share: true,
            they_would_like: false,
        }
    }

    #[test]
    fn ids_count_up_and_blank_notes_vanish() {
        let mut j = Journey::new();
        assert_eq!(j.log_activity(now(), &new("Pottery", "2027-01-20")), Ok(1));
        assert_eq!(
            j.log_activity(now(), &new("Thai cooking", "2027-01-19")),
            Ok(2)
        );
        assert_eq!(j.activities[0].note, None);
        assert_eq!(
            j.activities_in_last_7_days("2027-01-20".parse().expect("valid")),
            2
        );
        assert_eq!(
            j.activities_in_last_7_days("2027-01-27".parse().expect("valid")),
            0
        );
    }

    #[test]
    fn edit_keeps_id_and_creation_time_and_delete_removes() {
        let mut j = Journey::new();
        j.log_activity(now(), &new("Pottery", "2027-01-20"))
            .expect("accepted");
        j.log_activity(now(), &new("Hike", "2027-01-19"))
            .expect("accepted");
        let later = now() + chrono::Duration::hours(1);
        j.edit_activity(later, 1, &new("Pottery, wheel", "2027-01-18"))
            .expect("accepted");
        assert_eq!(j.activities[0].title, "Pottery, wheel");
        assert_eq!(j.activities[0].created_at, now());
        assert_eq!(
            j.edit_activity(later, 9, &new("x", "2027-01-18")),
            Err(DomainError::NoSuchActivity { id: 9 })
        );
        assert_eq!(j.delete_activity(2).map(|a| a.title), Ok("Hike".to_owned()));
        assert_eq!(
            j.delete_activity(2),
            Err(DomainError::NoSuchActivity { id: 2 })
        );
        assert_eq!(j.log_activity(now(), &new("Next", "2027-01-20")), Ok(2));
    }

    #[test]
    fn refusals() {
        let mut j = Journey::new();
        assert_eq!(
            j.log_activity(now(), &new("  ", "2027-01-20")),
            Err(DomainError::BlankTitle)
        );
        assert!(matches!(
            j.log_activity(now(), &new("Trip", "2027-01-21")),
            Err(DomainError::DateInFuture { .. })
        ));
        for bad in [0, 6, 9, -1, 300] {
            assert_eq!(
                Rating::new(bad),
                Err(DomainError::RatingOutOfRange { given: bad })
            );
        }
        assert!(j.activities.is_empty());
    }

    #[test]
    fn every_category_has_a_stable_name() {
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "trip",
                "club",
                "class",
                "creative",
                "food",
                "social",
                "adventure",
                "fitness",
                "other"
            ]
        );
    }
}
