//! Countdown: a month calendar of the silent days, slips and exceptions,
//! the runs, and the milestones.

use std::fmt::Write as _;

use chrono::{Datelike, Days, Months, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::no_contact::MILESTONES;
use crate::text;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

/// What a calendar day shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Before,
    Silent,
    Slip,
    Exception,
    Ahead,
}

/// The mark of `day` in `app`'s journey.
pub fn mark(app: &App, day: NaiveDate) -> Mark {
    let j = &app.journey;
    let Some(verdict) = &j.verdict else {
        return Mark::Before;
    };
    if j.slips.iter().any(|s| s.date == day) {
        Mark::Slip
    } else if j.exceptions.iter().any(|e| e.date == day) {
        Mark::Exception
    } else if day < verdict.started_on {
        Mark::Before
    } else if day > app.today() {
        Mark::Ahead
    } else {
        Mark::Silent
    }
}

/// The first day of the month shown.
pub fn shown_month(app: &App) -> NaiveDate {
    let first = app.today().with_day(1).unwrap_or(app.today());
    first
        .checked_sub_months(Months::new(app.months_back))
        .unwrap_or(first)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(area);
    let [calendar, stats] =
        Layout::horizontal([Constraint::Length(31), Constraint::Fill(1)]).areas(top);
    render_calendar(app, calendar, buf);
    render_stats(app, stats, buf);
    Paragraph::new(vec![
        Line::styled(format!(" {}", tr!("tui.countdown.legend")), theme::dim()),
        Line::styled(format!(" {}", tr!("tui.countdown.keys")), theme::accent()),
    ])
    .render(bottom, buf);
}

fn render_calendar(app: &App, area: Rect, buf: &mut Buffer) {
    let first = shown_month(app);
    let mut lines = vec![
        Line::styled(format!(" {}", first.format("%B %Y")), theme::title()),
        Line::raw(""),
    ];
    let days = app.derived.weekday_labels();
    lines.push(Line::styled(
        days.iter().fold(String::from(" "), |mut row, d| {
            let _ = write!(row, "{d:<4}");
            row
        }),
        theme::dim(),
    ));
    let lead = crate::tui::app::days_into_week(first, app.derived.week_start);
    let mut day = first - Days::new(u64::from(lead));
    for _week in 0..6 {
        let mut spans = vec![Span::raw(" ")];
        for _ in 0..7 {
            let in_month = day.month() == first.month();
            let label = if in_month {
                format!("{:>2}", day.day())
            } else {
                "  ".to_owned()
            };
            let (symbol, style) = match mark(app, day) {
                _ if !in_month => (" ", theme::dim()),
                Mark::Slip => ("✕", theme::warn()),
                Mark::Exception => ("◆", theme::accent()),
                Mark::Silent => ("•", theme::accent()),
                Mark::Before | Mark::Ahead => (" ", theme::dim()),
            };
            let day_style = if day == app.today() {
                theme::selected()
            } else {
                theme::plain()
            };
            spans.push(Span::styled(label, day_style));
            spans.push(Span::styled(symbol, style));
            spans.push(Span::raw(" "));
            day = day + Days::new(1);
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(area, buf);
}

fn render_stats(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(c) = &app.derived.count else {
        Paragraph::new(tr!("tui.countdown.not_started"))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    };
    let mut lines = vec![
        Line::styled(
            tr!(
                "tui.countdown.current",
                days = c.days_done,
                target = c.target_days
            ),
            theme::strong(),
        ),
        Line::raw(tr!(
            "tui.countdown.started",
            date = c.started_on.format("%a %-d %b %Y")
        )),
        Line::raw(tr!(
            "tui.countdown.due",
            date = c.due_on().format("%a %-d %b %Y")
        )),
        Line::raw(""),
        Line::raw(tr!(
            "tui.countdown.longest",
            days = text::count(c.longest_streak, "count.days")
        )),
        Line::raw(tr!("tui.countdown.total", days = c.total_silent_days)),
        Line::raw(tr!(
            "tui.countdown.slips",
            slips = c.slips,
            exceptions = app.journey.exceptions.len()
        )),
        Line::raw(""),
        Line::styled(tr!("tui.countdown.milestones"), theme::title()),
    ];
    let mut marks = Vec::new();
    for m in MILESTONES {
        let reached = c.longest_streak >= m;
        let style = if reached {
            theme::accent()
        } else {
            theme::dim()
        };
        marks.push(Span::styled(
            format!("{} {m}  ", if reached { "✓" } else { "·" }),
            style,
        ));
    }
    lines.push(Line::from(marks));
    if c.clock_is_behind {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr!("status.clock_behind", started_on = c.started_on),
            theme::warn(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr!("tui.countdown.slip_kindly"), theme::dim()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
