//! Moving on: what Today shows once the month is complete on the move-on
//! path, or after a checkpoint `no` — what the person did with the month,
//! and the count going on as an open streak. No reconnect features here.
//! Also the month's numbers beside the checkpoint question.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::one_line;
use super::today::big_number;
use crate::domain::report::{Direction, Report};
use crate::text::{self, count};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

/// Activities per week as bars, oldest first ("·" for an empty week).
pub fn week_bars(report: &Report) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = report.weeks.iter().map(|w| w.activities).max().unwrap_or(0);
    report
        .weeks
        .iter()
        .map(|w| match w.activities {
            0 => '·',
            n => BARS[(n * BARS.len()).div_ceil(max.max(1)).clamp(1, BARS.len()) - 1],
        })
        .collect()
}

/// "rising", "steady", "lower lately".
pub fn trend_word(direction: Direction) -> String {
    match direction {
        Direction::Rising => tr!("tui.graduation.rising"),
        Direction::Steady => tr!("tui.graduation.steady"),
        Direction::Falling => tr!("tui.graduation.falling"),
    }
}

fn mood_words(report: &Report) -> Option<String> {
    let mean = report.mood.mean?;
    let mut words = format!("{mean:.1}");
    if let Some(t) = report.mood.trend {
        words = format!("{words}, {}", trend_word(t.direction));
    }
    Some(words)
}

/// The month beside the checkpoint question: silence, activities, weeks,
/// urges, mood.
pub fn month_lines(report: &Report) -> Vec<Line<'static>> {
    let mut month = vec![Line::styled(tr!("tui.checkpoint.month"), theme::title())];
    if let Some(s) = &report.silence {
        month.push(Line::raw(tr!(
            "tui.countdown.total",
            days = s.total_silent_days
        )));
        month.push(Line::raw(tr!(
            "tui.countdown.longest",
            days = count(s.longest_streak, "count.days")
        )));
        month.push(Line::raw(tr!(
            "tui.countdown.slips",
            slips = report.slips.len(),
            exceptions = report.exceptions.len()
        )));
    }
    month.push(Line::raw(tr!(
        "tui.checkpoint.activities",
        count = report.activities.total
    )));
    for (category, n) in report.activities.by_category.iter().take(3) {
        month.push(Line::styled(
            format!("  {} {n}", category.as_str()),
            theme::dim(),
        ));
    }
    if !report.weeks.is_empty() {
        month.push(Line::raw(tr!(
            "tui.checkpoint.weeks",
            bars = week_bars(report)
        )));
    }
    month.push(Line::raw(tr!(
        "tui.checkpoint.urges",
        count = report.urges.len()
    )));
    if let Some(mean) = report.mood.mean {
        let mut mood = tr!("tui.checkpoint.mood", mean = format!("{mean:.1}"));
        if let Some(t) = report.mood.trend {
            mood = format!("{mood}, {}", trend_word(t.direction));
        }
        month.push(Line::raw(mood));
    }
    month.push(Line::styled(tr!("tui.checkpoint.report"), theme::dim()));
    month
}

/// Today, moving on: the open streak, and what the month held.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let report = &app.derived.report;
    let days = report.silence.as_ref().map_or(0, |s| s.days_done);
    let [big, _, did, rest] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    let rows = big_number(days);
    let digits = u16::try_from(rows[0].chars().count() + 1).unwrap_or(u16::MAX);
    let [number, words] =
        Layout::horizontal([Constraint::Length(digits), Constraint::Fill(1)]).areas(big);
    Paragraph::new(
        rows.iter()
            .map(|r| Line::styled(r.clone(), theme::strong()))
            .collect::<Vec<_>>(),
    )
    .render(number, buf);
    Paragraph::new(vec![
        Line::styled(
            tr!("tui.graduation.streak", days = count(days, "count.days")),
            theme::title(),
        ),
        Line::raw(tr!("tui.graduation.lead")),
    ])
    .wrap(Wrap { trim: true })
    .render(words, buf);
    Paragraph::new(what_you_did(report, usize::from(did.width))).render(did, buf);
    let mut closing = vec![Line::styled(tr!("tui.graduation.single"), theme::accent())];
    if app.derived.days_since_activity.is_none_or(|d| d >= 3) {
        let ideas = text::list("ideas.items");
        if !ideas.is_empty() {
            let day = usize::try_from(app.today().num_days_from_ce()).unwrap_or(0);
            closing.push(Line::styled(
                tr!("tui.graduation.idea", idea = ideas[day % ideas.len()]),
                theme::dim(),
            ));
        }
    }
    Paragraph::new(closing)
        .wrap(Wrap { trim: true })
        .render(rest, buf);
}

fn what_you_did(report: &Report, width: usize) -> Vec<Line<'static>> {
    let a = &report.activities;
    let mut lines = vec![Line::styled(tr!("tui.graduation.did"), theme::title())];
    let mut add = |text: String| lines.push(Line::raw(one_line(&format!("  {text}"), width)));
    if a.total == 0 {
        add(tr!("tui.graduation.no_activities"));
    } else {
        let categories: Vec<String> = a
            .by_category
            .iter()
            .map(|(c, n)| format!("{} {n}", c.as_str()))
            .collect();
        add(tr!(
            "tui.graduation.activities",
            count = count(u64::try_from(a.total).unwrap_or(0), "count.activities"),
            categories = categories.join(" · ")
        ));
    }
    if !a.highlights.is_empty() {
        let best: Vec<String> = a
            .highlights
            .iter()
            .take(2)
            .map(|h| {
                format!(
                    "{} {}",
                    one_line(&h.title, 22),
                    "★".repeat(usize::from(h.rating))
                )
            })
            .collect();
        add(tr!("report.best", best = best.join(" · ")));
    }
    if !report.weeks.is_empty() {
        add(tr!("tui.graduation.weeks", bars = week_bars(report)));
    }
    if let Some(s) = &report.silence {
        add(tr!(
            "tui.graduation.silence",
            total = s.total_silent_days,
            longest = s.longest_streak,
            slips = count(
                u64::try_from(report.slips.len()).unwrap_or(0),
                "count.slips"
            )
        ));
    }
    let mut journal = count(
        u64::try_from(report.journal_entries).unwrap_or(0),
        "count.entries",
    );
    if let Some(mood) = mood_words(report) {
        journal = tr!(
            "tui.graduation.journal_mood",
            entries = journal,
            mood = mood
        );
    } else {
        journal = tr!("tui.graduation.journal", entries = journal);
    }
    add(journal);
    if !report.urges.is_empty() {
        add(tr!(
            "tui.graduation.urges",
            count = count(
                u64::try_from(report.urges.len()).unwrap_or(0),
                "count.urges"
            )
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Week;
    use chrono::NaiveDate;

    fn with_weeks(counts: &[usize]) -> Report {
        let day: NaiveDate = "2027-01-04".parse().expect("valid");
        let mut r = Report::of(&crate::domain::Journey::new(), day);
        r.weeks = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| Week {
                number: i + 1,
                starts: day,
                ends: day,
                activities: n,
                urges: 0,
                slips: 0,
                mood: None,
            })
            .collect();
        r
    }

    #[test]
    fn bars_scale_to_the_busiest_week() {
        assert_eq!(week_bars(&with_weeks(&[0, 1, 2, 4, 8])), "·▁▂▄█");
        assert_eq!(week_bars(&with_weeks(&[3, 3])), "██");
        assert_eq!(week_bars(&with_weeks(&[])), "");
    }
}
