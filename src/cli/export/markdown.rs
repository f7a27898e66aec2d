//! The journey as Markdown, for a person to read (a friend, a therapist):
//! one section per stage of the method, in order, each with what was
//! written while the journey was at that stage.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::history::History;
use crate::domain::{Answer, Journey, Stage};
use crate::tr;

/// The parts of a stage's section, in order: (heading key, written as a list).
const PARTS: [(&str, bool); 7] = [
    ("export.md.answers", false),
    ("export.md.path", true),
    ("export.md.activities", true),
    ("export.md.journal", false),
    ("export.md.urges", false),
    ("export.md.contact", true),
    ("export.md.messages", false),
];
const ANSWERS: usize = 0;
const PATH: usize = 1;
const ACTIVITIES: usize = 2;
const JOURNAL: usize = 3;
const URGES: usize = 4;
const CONTACT: usize = 5;
const MESSAGES: usize = 6;

const ORDER: [Stage; 7] = [
    Stage::NotStarted,
    Stage::Reflection,
    Stage::VerdictDue,
    Stage::NoContact,
    Stage::CheckpointDue,
    Stage::Reconnect,
    Stage::MovingOn,
];

/// One entry: which part of a section it goes in, its day, its Markdown.
type Entry = (usize, NaiveDate, String);

pub fn render(j: &Journey, today: NaiveDate, morning_ends_at_hour: u32) -> String {
    let history = History::of(j);
    let mut stages: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    // (stage, part, day, entry), sorted into sections below.
    let mut entries: Vec<(usize, usize, NaiveDate, String)> =
        method_entries(j, morning_ends_at_hour)
            .into_iter()
            .chain(life_entries(j))
            .map(|(part, day, entry)| {
                let stage = *stages.entry(day).or_insert_with(|| {
                    let stage = history.stage_then(day);
                    ORDER.iter().position(|s| *s == stage).unwrap_or(0)
                });
                (stage, part, day, entry)
            })
            .collect();

    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", tr!("export.md.title", date = long(today)));
    let _ = writeln!(md, "{}\n", tr!("export.md.intro"));
    // Stable: entries of one day keep the order they were added in.
    entries.sort_by_key(|(stage, part, day, _)| (*stage, *part, *day));
    let mut at = 0;
    while at < entries.len() {
        let stage = entries[at].0;
        let _ = writeln!(md, "## {}\n", capitalised(ORDER[stage].label()));
        while at < entries.len() && entries[at].0 == stage {
            let part = entries[at].1;
            let (key, is_list) = PARTS[part];
            let _ = writeln!(md, "### {}\n", crate::text::get(key));
            let mut body = Vec::new();
            while at < entries.len() && entries[at].0 == stage && entries[at].1 == part {
                body.push(entries[at].3.as_str());
                at += 1;
            }
            let separator = if is_list { "\n" } else { "\n\n" };
            let _ = writeln!(md, "{}\n", body.join(separator));
        }
    }
    md
}

fn long(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// Text as a Markdown block quote, line by line.
fn quote(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim().is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The steps of the method: answers, the verdict, checkpoint answers, slips, exceptions.
fn method_entries(j: &Journey, morning_ends_at_hour: u32) -> Vec<Entry> {
    let mut out = Vec::new();
    for r in &j.reflections {
        let marks = r.marks(morning_ends_at_hour);
        let entry = format!("**{}** · {marks}\n\n{}", long(r.date), quote(&r.text));
        out.push((ANSWERS, r.date, entry));
    }
    if let Some(v) = &j.verdict {
        let entry = tr!(
            "export.md.verdict",
            path = v.path.label(),
            on = long(v.decided_on),
            started_on = long(v.started_on),
            target = v.target_days
        );
        out.push((PATH, v.decided_on, entry));
    }
    for c in &j.checkpoints {
        let answer = match c.answer {
            Answer::Yes => tr!("export.md.yes"),
            Answer::NotYet => tr!("export.md.not_yet", days = c.extend_days.unwrap_or(0)),
            Answer::No => tr!("export.md.no"),
        };
        let entry = format!("- **{}** · {answer}", long(c.date));
        out.push((PATH, c.date, entry));
    }
    for s in &j.slips {
        let note = s
            .note
            .as_deref()
            .map_or(String::new(), |n| format!(": {}", one_line(n)));
        let entry = format!("- **{}** · {}{note}", long(s.date), tr!("export.md.slip"));
        out.push((CONTACT, s.date, entry));
    }
    for x in &j.exceptions {
        let entry = format!(
            "- **{}** · {}: {}",
            long(x.date),
            tr!("export.md.exception"),
            one_line(&x.note)
        );
        out.push((CONTACT, x.date, entry));
    }
    out
}

/// The person's own life: activities, the journal, urges, message drafts.
fn life_entries(j: &Journey) -> Vec<Entry> {
    let mut out = Vec::new();
    for a in &j.activities {
        let mut entry = format!(
            "- **{}** · {} ({})",
            long(a.date),
            a.title,
            a.category.as_str()
        );
        if let Some(r) = a.rating {
            let _ = write!(entry, " · {}", "★".repeat(usize::from(r.get())));
        }
        if a.share {
            let _ = write!(entry, " · {}", tr!("list.shareable"));
        }
        if a.they_would_like {
            let _ = write!(entry, " · {}", tr!("list.they_would_like"));
        }
        if let Some(note) = &a.note {
            let _ = write!(entry, "\n\n{}", indent(&quote(note)));
        }
        out.push((ACTIVITIES, a.date, entry));
    }
    for e in &j.journal {
        let mood = e.mood.map_or(String::new(), |m| {
            format!(" · {}", tr!("list.mood", mood = m.get()))
        });
        let entry = format!(
            "**{}**{mood}\n\n{}",
            e.written_at.format("%a %-d %b %Y, %H:%M"),
            quote(&e.text)
        );
        out.push((JOURNAL, e.date, entry));
    }
    for u in &j.urges {
        let day = u.written_at.date_naive();
        let entry = format!(
            "**{}**\n\n{}",
            u.written_at.format("%a %-d %b %Y, %H:%M"),
            quote(&u.text)
        );
        out.push((URGES, day, entry));
    }
    for d in &j.drafts {
        let day = d.written_at.date_naive();
        let state = match (d.sent_on, d.replied_on) {
            (Some(_), Some(r)) => tr!("list.replied", date = r),
            (Some(s), None) => tr!("list.sent", date = s),
            _ => tr!("list.draft"),
        };
        let entry = format!("**{}** · {state}\n\n{}", long(day), quote(&d.text));
        out.push((MESSAGES, day, entry));
    }

    out
}
