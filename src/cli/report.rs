//! `breather report [--format text|markdown]`: the month in one page,
//! readable on its own — printed, or shown to a friend.

use std::fmt::Write as _;
use std::io::Write;

use super::CliError;
use super::output::Output;
use crate::domain::checkpoint::Answer;
use crate::domain::report::{Dated, Direction, Report, Week};
use crate::service::Service;
use crate::terminal_text::{safe, safe_line};
use crate::text::count;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Plain text for the terminal, or Markdown to print or keep.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
}

pub fn run(args: &Args, service: &Service, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let report = service.report()?;
    match args.format {
        Format::Text => text(&report, out)?,
        Format::Markdown => {
            for line in markdown(&report) {
                out.line(line)?;
            }
        }
    }
    Ok(())
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

fn stars(n: u8) -> String {
    "★".repeat(usize::from(n))
}

/// The parts of the report both formats share, as sentences.
struct Parts {
    subtitle: String,
    silence: Vec<String>,
    tally: String,
    totals: String,
    categories: Option<String>,
    best: Option<String>,
    before: Option<String>,
    mood: String,
    urges: String,
    journal: String,
    checkpoint: Option<String>,
    messages: Option<String>,
}

fn parts(r: &Report) -> Parts {
    let mut subtitle = tr!(
        "report.subtitle",
        date = r.today.format("%a %-d %b %Y"),
        stage = r.stage.label()
    );
    if let Some(path) = r.path {
        let _ = write!(subtitle, " · {}", tr!("report.path", path = path.label()));
    }
    let tally = if r.tally.is_empty() {
        tr!("report.no_tags")
    } else {
        let list: Vec<String> = r
            .tally
            .iter()
            .map(|(m, n)| format!("{} {n}", m.as_str()))
            .collect();
        tr!("report.tally", tally = list.join(" · "))
    };
    let (totals, categories, best, before) = activity_lines(r);
    let m = r.messages;
    let messages = (m.drafts > 0).then(|| {
        tr!(
            "report.messages",
            drafts = m.drafts,
            sent = m.sent,
            replied = m.replied
        )
    });
    Parts {
        subtitle,
        silence: silence_lines(r),
        tally,
        totals,
        categories,
        best,
        before,
        mood: mood_line(r),
        urges: urges_line(r),
        journal: tr!(
            "report.journal",
            count = count(
                u64::try_from(r.journal_entries).unwrap_or(0),
                "count.entries"
            )
        ),
        checkpoint: checkpoint_line(r),
        messages,
    }
}

fn silence_lines(r: &Report) -> Vec<String> {
    let Some(s) = &r.silence else {
        return vec![tr!("tui.countdown.not_started")];
    };
    let days = count(s.days_done, "count.days");
    let head = if s.days_done >= s.target_days {
        tr!("status.count_complete", days = days, target = s.target_days)
    } else {
        tr!(
            "status.count",
            days = days,
            left = s.target_days - s.days_done
        )
    };
    vec![
        format!(
            "{head} · {}",
            tr!("report.run_since", date = day(s.run_started_on))
        ),
        format!(
            "{} · {}",
            tr!(
                "status.runs",
                longest = s.longest_streak,
                total = s.total_silent_days,
                slips = r.slips.len()
            ),
            tr!("report.exceptions_count", n = r.exceptions.len())
        ),
    ]
}

type ActivityLines = (String, Option<String>, Option<String>, Option<String>);

/// The totals, the categories, the best-rated and those before the count.
fn activity_lines(r: &Report) -> ActivityLines {
    let a = &r.activities;
    let totals = tr!(
        "report.activity_totals",
        count = count(u64::try_from(a.total).unwrap_or(0), "count.activities"),
        shareable = a.shareable,
        liked = a.they_would_like
    );
    let categories = (!a.by_category.is_empty()).then(|| {
        let list: Vec<String> = a
            .by_category
            .iter()
            .map(|(c, n)| format!("{} {n}", c.as_str()))
            .collect();
        tr!("report.by_category", categories = list.join(" · "))
    });
    let best = (!a.highlights.is_empty()).then(|| {
        let list: Vec<String> = a
            .highlights
            .iter()
            .map(|h| {
                format!(
                    "{} ({}) {}",
                    safe_line(&h.title),
                    h.category.as_str(),
                    stars(h.rating)
                )
            })
            .collect();
        tr!("report.best", best = list.join(" · "))
    });
    let before = (a.before_count > 0).then(|| tr!("report.before_count", count = a.before_count));
    (totals, categories, best, before)
}

fn mood_line(r: &Report) -> String {
    let Some(mean) = r.mood.mean else {
        return tr!("report.mood_none");
    };
    let mut line = tr!(
        "report.mood_mean",
        mean = format!("{mean:.1}"),
        count = count(u64::try_from(r.mood.entries).unwrap_or(0), "count.entries")
    );
    if let Some(t) = r.mood.trend {
        let (from, to) = (format!("{:.1}", t.from), format!("{:.1}", t.to));
        let words = match t.direction {
            Direction::Rising => tr!("report.trend_rising", from = from, to = to),
            Direction::Steady => tr!("report.trend_steady", from = from, to = to),
            Direction::Falling => tr!("report.trend_falling", from = from, to = to),
        };
        let _ = write!(line, " · {words}");
    }
    line
}

fn urges_line(r: &Report) -> String {
    let mut urges = tr!("report.urges", count = r.urges.len());
    if !r.urges.is_empty() {
        // One entry a day: "Fri 12 Feb ×2" when two were written that day.
        let mut days: Vec<(chrono::NaiveDate, usize)> = Vec::new();
        for d in &r.urges {
            match days.last_mut() {
                Some((last, n)) if last == d => *n += 1,
                _ => days.push((*d, 1)),
            }
        }
        let list: Vec<String> = days
            .iter()
            .map(|(d, n)| match n {
                1 => day(*d),
                n => format!("{} ×{n}", day(*d)),
            })
            .collect();
        let _ = write!(urges, " ({})", list.join(", "));
    }
    urges
}

fn checkpoint_line(r: &Report) -> Option<String> {
    (!r.checkpoint.is_empty()).then(|| {
        let list: Vec<String> = r
            .checkpoint
            .iter()
            .map(|(d, a)| {
                let answer = match a {
                    Answer::Yes => tr!("report.answer_yes"),
                    Answer::NotYet => tr!("report.answer_not_yet"),
                    Answer::No => tr!("report.answer_no"),
                };
                format!("{answer} ({})", day(*d))
            })
            .collect();
        tr!("report.checkpoint", answers = list.join(" · "))
    })
}

fn week_days(w: &Week) -> String {
    format!(
        "{} – {}",
        w.starts.format("%-d %b"),
        w.ends.format("%-d %b")
    )
}

fn week_notes(w: &Week) -> String {
    let mut notes = Vec::new();
    if let Some(m) = w.mood {
        notes.push(tr!("report.week_mood", mood = format!("{m:.1}")));
    }
    if w.urges > 0 {
        notes.push(count(u64::try_from(w.urges).unwrap_or(0), "count.urges"));
    }
    if w.slips > 0 {
        notes.push(count(u64::try_from(w.slips).unwrap_or(0), "count.slips"));
    }
    notes.join(" · ")
}

fn dated(d: &Dated) -> String {
    match &d.note {
        Some(note) => format!("{} · {}", day(d.date), safe_line(note)),
        None => day(d.date),
    }
}

fn text(r: &Report, out: &mut Output<impl Write>) -> Result<(), CliError> {
    let p = parts(r);
    out.accent(tr!("report.title"))?;
    out.line(&p.subtitle)?;
    if r.is_empty() {
        out.line("")?;
        out.line(tr!("report.nothing"))?;
        return Ok(());
    }
    out.line("")?;
    out.accent(tr!("report.silence"))?;
    for line in &p.silence {
        out.line(format!("  {line}"))?;
    }
    out.line("")?;
    out.accent(tr!("report.week_one"))?;
    if r.answers.is_empty() {
        out.line(format!("  {}", tr!("report.no_answers")))?;
    }
    for a in &r.answers {
        out.line(format!("  {}", answer_label(a)))?;
        for line in safe(&a.text).lines() {
            out.line(format!("    {line}"))?;
        }
    }
    out.line(format!("  {}", p.tally))?;
    out.line("")?;
    out.accent(format!("{}: {}", tr!("report.activities"), p.totals))?;
    for line in [&p.categories, &p.best, &p.before].into_iter().flatten() {
        out.line(format!("  {line}"))?;
    }
    if !r.weeks.is_empty() {
        out.line(format!("  {}", tr!("report.by_week")))?;
        if r.earlier_weeks > 0 {
            out.line(format!(
                "    {}",
                tr!("report.earlier", n = r.earlier_weeks)
            ))?;
        }
        for w in &r.weeks {
            let bar = "█".repeat(w.activities.min(20));
            let mut line = format!(
                "    {:<8} {:<15} {:>2} {bar}",
                tr!("report.week", n = w.number),
                week_days(w),
                w.activities
            );
            let notes = week_notes(w);
            if !notes.is_empty() {
                let _ = write!(line, "  · {notes}");
            }
            out.line(line)?;
        }
    }
    for (title, items) in [
        (tr!("report.slips"), &r.slips),
        (tr!("report.exceptions"), &r.exceptions),
    ] {
        if !items.is_empty() {
            out.line("")?;
            out.accent(title)?;
            for d in items {
                out.line(format!("  {}", dated(d)))?;
            }
        }
    }
    out.line("")?;
    out.line(&p.urges)?;
    out.line(format!("{}: {}", tr!("report.mood"), p.mood))?;
    out.line(&p.journal)?;
    for line in [&p.checkpoint, &p.messages].into_iter().flatten() {
        out.line(line)?;
    }
    Ok(())
}

fn answer_label(a: &crate::domain::report::WeekAnswer) -> String {
    let marks = crate::domain::reflection::answer_marks(a.is_morning, a.motive);
    format!("{} · {marks}", day(a.date))
}

/// A table cell: one line, safe, with `|` escaped.
fn cell(text: &str) -> String {
    safe_line(text).replace('|', "\\|")
}

/// The report as Markdown lines.
pub fn markdown(r: &Report) -> Vec<String> {
    let p = parts(r);
    let mut md = vec![format!("# {}", tr!("report.title")), String::new()];
    md.push(format!("*{}*", p.subtitle));
    if r.is_empty() {
        md.extend([String::new(), tr!("report.nothing")]);
        return md;
    }
    md.extend([
        String::new(),
        format!("## {}", tr!("report.silence")),
        String::new(),
    ]);
    md.extend(p.silence.iter().map(|l| format!("- {l}")));
    md.extend([
        String::new(),
        format!("## {}", tr!("report.week_one")),
        String::new(),
    ]);
    if r.answers.is_empty() {
        md.push(tr!("report.no_answers"));
    }
    for a in &r.answers {
        md.push(format!("**{}**", answer_label(a)));
        md.push(String::new());
        md.extend(safe(&a.text).lines().map(|l| format!("> {l}")));
        md.push(String::new());
    }
    md.push(p.tally.clone());
    md.extend([
        String::new(),
        format!("## {}", tr!("report.activities")),
        String::new(),
    ]);
    md.push(p.totals.clone());
    md.push(String::new());
    md.extend(
        [&p.categories, &p.best, &p.before]
            .into_iter()
            .flatten()
            .map(|l| format!("- {l}")),
    );
    if !r.weeks.is_empty() {
        md.extend([
            String::new(),
            format!("### {}", tr!("report.by_week")),
            String::new(),
        ]);
        if r.earlier_weeks > 0 {
            md.extend([tr!("report.earlier", n = r.earlier_weeks), String::new()]);
        }
        md.push(format!(
            "| {} | {} | {} | {} |",
            tr!("report.col_week"),
            tr!("report.col_days"),
            tr!("report.col_activities"),
            tr!("report.col_notes")
        ));
        md.push("| ---: | --- | ---: | --- |".to_owned());
        for w in &r.weeks {
            md.push(format!(
                "| {} | {} | {} | {} |",
                w.number,
                week_days(w),
                w.activities,
                cell(&week_notes(w))
            ));
        }
    }
    for (title, items) in [
        (tr!("report.slips"), &r.slips),
        (tr!("report.exceptions"), &r.exceptions),
    ] {
        if !items.is_empty() {
            md.extend([String::new(), format!("## {title}"), String::new()]);
            md.extend(items.iter().map(|d| format!("- {}", dated(d))));
        }
    }
    md.extend([
        String::new(),
        format!("## {}", tr!("report.more")),
        String::new(),
    ]);
    md.push(format!("- {}", p.urges));
    md.push(format!("- {}: {}", tr!("report.mood"), p.mood));
    md.push(format!("- {}", p.journal));
    md.extend(
        [&p.checkpoint, &p.messages]
            .into_iter()
            .flatten()
            .map(|l| format!("- {l}")),
    );
    md
}
