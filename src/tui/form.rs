//! Small forms: an activity (add / edit), a slip, an exception. Fields are
//! focused with Tab or ↑↓; ←→ or Space change a choice; text fields take text.

use chrono::{Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::domain::{Activity, Category, NewActivity, Rating};

/// What the form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    NewActivity,
    EditActivity(u32),
    Slip,
    Exception,
}

/// One field's value.
#[derive(Debug)]
pub enum Value {
    Text(Box<TextArea<'static>>),
    Date {
        value: NaiveDate,
        earliest: Option<NaiveDate>,
        latest: NaiveDate,
    },
    Category(Category),
    Rating(Option<Rating>),
    Toggle(bool),
}

/// A labelled field.
#[derive(Debug)]
pub struct Field {
    /// `assets/text.toml` key of the label.
    pub label: &'static str,
    pub value: Value,
}

/// An open form.
#[derive(Debug)]
pub struct Form {
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    pub saving: bool,
}

fn text_field(label: &'static str, text: &str) -> Field {
    let mut area = TextArea::new(vec![crate::terminal_text::safe_line(text)]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Field {
        label,
        value: Value::Text(Box::new(area)),
    }
}

impl Form {
    fn new(purpose: FormPurpose, fields: Vec<Field>) -> Self {
        Form {
            purpose,
            fields,
            focus: 0,
            error: None,
            saving: false,
        }
    }

    /// A new activity dated today, or an existing one to edit.
    pub fn activity(today: NaiveDate, existing: Option<&Activity>) -> Self {
        let purpose = existing.map_or(FormPurpose::NewActivity, |a| {
            FormPurpose::EditActivity(a.id)
        });
        let fields = vec![
            text_field("tui.form.title", existing.map_or("", |a| a.title.as_str())),
            Field {
                label: "tui.form.category",
                value: Value::Category(existing.map_or(Category::Other, |a| a.category)),
            },
            Field {
                label: "tui.form.date",
                value: Value::Date {
                    value: existing.map_or(today, |a| a.date),
                    earliest: None,
                    latest: today,
                },
            },
            Field {
                label: "tui.form.rating",
                value: Value::Rating(existing.and_then(|a| a.rating)),
            },
            text_field(
                "tui.form.note",
                existing.and_then(|a| a.note.as_deref()).unwrap_or(""),
            ),
            Field {
                label: "tui.form.share",
                value: Value::Toggle(existing.is_some_and(|a| a.share)),
            },
            Field {
                label: "tui.form.they_would_like",
                value: Value::Toggle(existing.is_some_and(|a| a.they_would_like)),
            },
        ];
        Form::new(purpose, fields)
    }

    /// A slip (dated from the current run's start to today) or an exception.
    pub fn contact(purpose: FormPurpose, today: NaiveDate, earliest: Option<NaiveDate>) -> Self {
        let fields = vec![
            Field {
                label: "tui.form.date",
                value: Value::Date {
                    value: today,
                    earliest,
                    latest: today,
                },
            },
            text_field("tui.form.note", ""),
        ];
        Form::new(purpose, fields)
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn previous_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// A key for the focused field.
    pub fn input(&mut self, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let step = match key.code {
            KeyCode::Left | KeyCode::Char('-') => -1,
            KeyCode::Right | KeyCode::Char('+' | ' ') => 1,
            _ => 0,
        };
        match &mut field.value {
            Value::Text(area) => {
                area.input(key);
            }
            Value::Date {
                value,
                earliest,
                latest,
            } => {
                let moved = match step {
                    -1 => value.checked_sub_days(Days::new(1)),
                    1 => value.checked_add_days(Days::new(1)),
                    _ => None,
                };
                if let Some(d) = moved.filter(|d| d <= latest && earliest.is_none_or(|e| *d >= e)) {
                    *value = d;
                }
            }
            Value::Category(c) => {
                let i = Category::ALL.iter().position(|x| x == c).unwrap_or(0);
                let n = Category::ALL.len();
                let next = match step {
                    -1 => (i + n - 1) % n,
                    1 => (i + 1) % n,
                    _ => i,
                };
                *c = Category::ALL[next];
            }
            Value::Rating(r) => {
                let current = r.map_or(0, |r| i64::from(r.get()));
                let next = (current + step).clamp(0, 5);
                *r = Rating::new(next).ok();
            }
            Value::Toggle(b) => {
                if step != 0 {
                    *b = !*b;
                }
            }
        }
    }

    /// Pasted text goes to a focused text field, on one line.
    pub fn paste(&mut self, text: &str) {
        if let Some(Field {
            value: Value::Text(area),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            let line: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .take(2_000)
                .collect();
            area.insert_str(line);
        }
    }

    fn text(&self, label: &str) -> String {
        self.fields
            .iter()
            .find_map(|f| match (&f.value, f.label == label) {
                (Value::Text(area), true) => Some(area.lines().join(" ")),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn date(&self) -> Option<NaiveDate> {
        self.fields.iter().find_map(|f| match f.value {
            Value::Date { value, .. } => Some(value),
            _ => None,
        })
    }

    /// The activity as filled in.
    pub fn new_activity(&self, today: NaiveDate) -> NewActivity {
        let mut toggles = self.fields.iter().filter_map(|f| match f.value {
            Value::Toggle(b) => Some(b),
            _ => None,
        });
        NewActivity {
            title: self.text("tui.form.title"),
            category: self
                .fields
                .iter()
                .find_map(|f| match f.value {
                    Value::Category(c) => Some(c),
                    _ => None,
                })
                .unwrap_or(Category::Other),
            date: self.date().unwrap_or(today),
            rating: self.fields.iter().find_map(|f| match f.value {
                Value::Rating(r) => r,
                _ => None,
            }),
            note: Some(self.text("tui.form.note")),
            share: toggles.next().unwrap_or(false),
            they_would_like: toggles.next().unwrap_or(false),
        }
    }

    /// The date and note of a slip or exception.
    pub fn contact_values(&self) -> (Option<NaiveDate>, String) {
        (self.date(), self.text("tui.form.note"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn an_activity_form_collects_every_field() {
        let today: NaiveDate = "2027-01-20".parse().expect("valid");
        let mut form = Form::activity(today, None);
        for c in "Pottery q".chars() {
            form.input(press(KeyCode::Char(c)));
        }
        form.next_field();
        form.input(press(KeyCode::Right)); // other → trip (wraps)
        form.next_field();
        form.input(press(KeyCode::Left)); // yesterday
        form.input(press(KeyCode::Right));
        form.input(press(KeyCode::Right)); // never past today
        form.input(press(KeyCode::Left));
        form.next_field();
        for _ in 0..7 {
            form.input(press(KeyCode::Right)); // rating tops out at 5
        }
        form.next_field();
        form.next_field();
        form.input(press(KeyCode::Char(' ')));
        let new = form.new_activity(today);
        assert_eq!(new.title, "Pottery q");
        assert_eq!(new.category, Category::Trip);
        assert_eq!(new.date, "2027-01-19".parse::<NaiveDate>().expect("valid"));
        assert_eq!(new.rating.map(Rating::get), Some(5));
        assert!(new.share);
        assert!(!new.they_would_like);
    }

    #[test]
    fn a_slip_date_stays_within_the_current_run() {
        let today: NaiveDate = "2027-01-20".parse().expect("valid");
        let earliest: NaiveDate = "2027-01-19".parse().expect("valid");
        let mut form = Form::contact(FormPurpose::Slip, today, Some(earliest));
        for _ in 0..5 {
            form.input(press(KeyCode::Left));
        }
        assert_eq!(form.contact_values().0, Some(earliest));
    }
}
