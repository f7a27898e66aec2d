//! The journey as CSV (RFC 4180, by the `csv` crate): one row per entry,
//! oldest first, with a `kind` column; texts kept exactly, with their commas,
//! quotes and newlines quoted as CSV requires.

use chrono::NaiveDate;

use crate::domain::{Answer, Journey};

/// The columns, in order.
pub const HEADER: [&str; 11] = [
    "kind",
    "id",
    "date",
    "written_at",
    "title",
    "text",
    "category",
    "rating",
    "mood",
    "motive",
    "detail",
];

/// One row before it is written.
#[derive(Default)]
struct Row {
    kind: &'static str,
    id: String,
    date: Option<NaiveDate>,
    written_at: String,
    title: String,
    text: String,
    category: String,
    rating: String,
    mood: String,
    motive: String,
    detail: String,
}

pub fn render(j: &Journey, morning_ends_at_hour: u32) -> Result<Vec<u8>, csv::Error> {
    let mut rows = method_rows(j, morning_ends_at_hour);
    rows.extend(life_rows(j));
    // Oldest first; the sort is stable, so a day keeps the kinds in the order above.
    rows.sort_by_key(|r| r.date);

    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for r in rows {
        let date = r.date.map(|d| d.to_string()).unwrap_or_default();
        writer.write_record([
            r.kind,
            &r.id,
            &date,
            &r.written_at,
            &r.title,
            &r.text,
            &r.category,
            &r.rating,
            &r.mood,
            &r.motive,
            &r.detail,
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// The steps of the method: answers, the verdict, checkpoint answers, slips, exceptions.
fn method_rows(j: &Journey, morning_ends_at_hour: u32) -> Vec<Row> {
    let mut rows = Vec::new();
    for r in &j.reflections {
        rows.push(Row {
            kind: "reflection",
            id: r.id.to_string(),
            date: Some(r.date),
            written_at: r.written_at.to_rfc3339(),
            text: r.text.clone(),
            motive: r.motive.map(|m| m.as_str().to_owned()).unwrap_or_default(),
            detail: if r.is_morning_before(morning_ends_at_hour) {
                "morning".to_owned()
            } else {
                "not-morning".to_owned()
            },
            ..Row::default()
        });
    }
    if let Some(v) = &j.verdict {
        rows.push(Row {
            kind: "verdict",
            date: Some(v.decided_on),
            detail: format!(
                "{}; started_on={}; target_days={}",
                v.path.as_str(),
                v.started_on,
                v.target_days
            ),
            ..Row::default()
        });
    }
    for c in &j.checkpoints {
        let answer = match c.answer {
            Answer::Yes => "yes".to_owned(),
            Answer::NotYet => format!("not-yet; extend_days={}", c.extend_days.unwrap_or(0)),
            Answer::No => "no".to_owned(),
        };
        rows.push(Row {
            kind: "checkpoint",
            date: Some(c.date),
            written_at: c.recorded_at.to_rfc3339(),
            detail: answer,
            ..Row::default()
        });
    }
    for s in &j.slips {
        rows.push(Row {
            kind: "slip",
            id: s.id.to_string(),
            date: Some(s.date),
            written_at: s.recorded_at.to_rfc3339(),
            text: s.note.clone().unwrap_or_default(),
            ..Row::default()
        });
    }
    for x in &j.exceptions {
        rows.push(Row {
            kind: "exception",
            id: x.id.to_string(),
            date: Some(x.date),
            written_at: x.recorded_at.to_rfc3339(),
            text: x.note.clone(),
            ..Row::default()
        });
    }
    rows
}

/// The person's own life: activities, the journal, urges, message drafts.
fn life_rows(j: &Journey) -> Vec<Row> {
    let mut rows = Vec::new();
    for a in &j.activities {
        let mut flags = Vec::new();
        if a.share {
            flags.push("share");
        }
        if a.they_would_like {
            flags.push("they_would_like");
        }
        rows.push(Row {
            kind: "activity",
            id: a.id.to_string(),
            date: Some(a.date),
            written_at: a.created_at.to_rfc3339(),
            title: a.title.clone(),
            text: a.note.clone().unwrap_or_default(),
            category: a.category.as_str().to_owned(),
            rating: a.rating.map(|r| r.get().to_string()).unwrap_or_default(),
            detail: flags.join("; "),
            ..Row::default()
        });
    }
    for e in &j.journal {
        rows.push(Row {
            kind: "journal",
            id: e.id.to_string(),
            date: Some(e.date),
            written_at: e.written_at.to_rfc3339(),
            text: e.text.clone(),
            mood: e.mood.map(|m| m.get().to_string()).unwrap_or_default(),
            ..Row::default()
        });
    }
    for u in &j.urges {
        rows.push(Row {
            kind: "urge",
            id: u.id.to_string(),
            date: Some(u.written_at.date_naive()),
            written_at: u.written_at.to_rfc3339(),
            text: u.text.clone(),
            ..Row::default()
        });
    }
    for d in &j.drafts {
        let mut state = Vec::new();
        if let Some(s) = d.sent_on {
            state.push(format!("sent_on={s}"));
        }
        if let Some(r) = d.replied_on {
            state.push(format!("replied_on={r}"));
        }
        rows.push(Row {
            kind: "draft",
            id: d.id.to_string(),
            date: Some(d.written_at.date_naive()),
            written_at: d.written_at.to_rfc3339(),
            text: d.text.clone(),
            detail: state.join("; "),
            ..Row::default()
        });
    }
    rows
}
