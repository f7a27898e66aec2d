//! Today: the journey at a glance, and the next step.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{mood_sparkline, one_line};
use crate::domain::{NoContact, Stage, reflection::WEEK};
use crate::text;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

/// Three-row digits, so the count is the largest thing on screen.
const DIGITS: [[&str; 3]; 10] = [
    ["┏━┓", "┃ ┃", "┗━┛"],
    [" ┓ ", " ┃ ", " ┻ "],
    ["┏━┓", "┏━┛", "┗━━"],
    ["━━┓", " ━┫", "━━┛"],
    ["╻ ╻", "┗━┫", "  ╹"],
    ["┏━━", "┗━┓", "━━┛"],
    ["┏━━", "┣━┓", "┗━┛"],
    ["━━┓", "  ┃", "  ╹"],
    ["┏━┓", "┣━┫", "┗━┛"],
    ["┏━┓", "┗━┫", "━━┛"],
];

/// `n` drawn in three rows of box-drawing digits.
pub fn big_number(n: u32) -> [String; 3] {
    let mut rows = [String::new(), String::new(), String::new()];
    for c in n.to_string().chars() {
        let d = c
            .to_digit(10)
            .and_then(|d| usize::try_from(d).ok())
            .unwrap_or(0);
        for (row, glyph) in rows.iter_mut().zip(DIGITS[d]) {
            row.push_str(glyph);
            row.push(' ');
        }
    }
    rows
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    match app.derived.summary.stage {
        Stage::NotStarted => not_started(area, buf),
        Stage::Reflection | Stage::VerdictDue => reflection_week(app, area, buf),
        Stage::MovingOn => super::graduation::render(app, area, buf),
        _ => counting(app, area, buf),
    }
}

fn not_started(area: Rect, buf: &mut Buffer) {
    // The one instruction a new person needs sits on the last row, where
    // no terminal size can push it out of sight.
    let [story, start] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let mut lines = vec![
        Line::styled(tr!("tui.today.welcome"), theme::strong()),
        Line::raw(""),
    ];
    for key in [
        "tui.today.intro_1",
        "tui.today.intro_2",
        "tui.today.intro_3",
    ] {
        lines.push(Line::raw(text::get(key).to_owned()));
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(story, buf);
    Paragraph::new(Line::styled(tr!("tui.today.start"), theme::accent())).render(start, buf);
}

fn reflection_week(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.derived.summary;
    let mut marks = Vec::new();
    for slot in 0..WEEK {
        let mark = match app
            .derived
            .reflections
            .get(slot)
            .and_then(|&i| app.journey.reflections.get(i))
        {
            Some(r) if r.is_morning_before(app.preferences.morning_ends_at_hour) => {
                Span::styled("● ", theme::accent())
            }
            Some(_) => Span::styled("◐ ", theme::accent()),
            None => Span::styled("○ ", theme::dim()),
        };
        marks.push(mark);
    }
    let mut lines = vec![
        Line::styled(tr!("tui.today.question"), theme::strong()),
        Line::raw(""),
        Line::from(marks),
        Line::styled(
            tr!(
                "tui.today.mornings",
                answered = s.reflection.answered,
                of = s.reflection.of
            ),
            theme::dim(),
        ),
        Line::raw(""),
    ];
    if s.stage == Stage::VerdictDue {
        lines.push(Line::raw(tr!("tui.today.verdict_due")));
    } else if s.reflection.answered_today {
        lines.push(Line::raw(tr!("tui.today.answered_today")));
    } else {
        lines.push(Line::styled(tr!("tui.today.answer_now"), theme::accent()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr!("tui.today.honesty"), theme::dim()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn counting(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(count) = &app.derived.count else {
        return;
    };
    let [big, gauge, runs, gap, week, idea] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(0),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    let _ = gap;
    let [number, words] = Layout::horizontal([
        Constraint::Length(digits_width(count.days_done)),
        Constraint::Fill(1),
    ])
    .areas(big);
    let rows = big_number(count.days_done);
    Paragraph::new(
        rows.iter()
            .map(|r| Line::styled(r.clone(), theme::strong()))
            .collect::<Vec<_>>(),
    )
    .render(number, buf);
    Paragraph::new(headline(app, count))
        .wrap(Wrap { trim: true })
        .render(words, buf);
    let percent = format!(" {:>3.0}%", count.progress() * 100.0);
    let bar_width = usize::from(gauge.width).saturating_sub(percent.chars().count());
    let (done, to_go) = super::progress_bar(bar_width, count.progress());
    Paragraph::new(Line::from(vec![
        Span::styled(done, theme::accent()),
        Span::styled(to_go, theme::dim()),
        Span::raw(percent),
    ]))
    .render(gauge, buf);
    let mut run_lines = vec![Line::styled(
        tr!(
            "status.runs",
            longest = count.longest_streak,
            total = count.total_silent_days,
            slips = count.slips
        ),
        theme::dim(),
    )];
    if count.clock_is_behind {
        run_lines.push(Line::styled(
            tr!("status.clock_behind", started_on = count.started_on),
            theme::warn(),
        ));
    } else {
        run_lines.push(Line::styled(stage_line(app, count), theme::accent()));
    }
    Paragraph::new(run_lines)
        .wrap(Wrap { trim: true })
        .render(runs, buf);
    this_week(app, week, buf);
    if app.derived.days_since_activity.is_none_or(|d| d >= 3) {
        let ideas = text::list("ideas.items");
        if !ideas.is_empty() {
            let day = usize::try_from(app.today().num_days_from_ce()).unwrap_or(0);
            let lines = vec![
                Line::styled(tr!("tui.today.idea_title"), theme::title()),
                Line::raw(ideas[day % ideas.len()].to_owned()),
            ];
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .render(idea, buf);
        }
    }
}

fn digits_width(n: u32) -> u16 {
    u16::try_from(n.to_string().len() * 4 + 1).unwrap_or(u16::MAX)
}

fn headline(app: &App, count: &NoContact) -> Vec<Line<'static>> {
    let main = if count.days_left() > 0 {
        tr!(
            "status.count",
            days = text::count(count.days_done, "count.days"),
            left = count.days_left()
        )
    } else {
        tr!(
            "status.count_complete",
            days = text::count(count.days_done, "count.days"),
            target = count.target_days
        )
    };
    let milestone = match (count.milestone_today(), count.next_milestone()) {
        (Some(m), _) => Line::styled(tr!("tui.today.milestone_today", days = m), theme::strong()),
        (None, Some(next)) => {
            Line::styled(tr!("tui.today.next_milestone", days = next), theme::dim())
        }
        (None, None) => Line::raw(""),
    };
    let _ = app;
    vec![Line::styled(main, theme::title()), milestone]
}

fn stage_line(app: &App, count: &NoContact) -> String {
    match app.derived.summary.stage {
        Stage::CheckpointDue => tr!("tui.today.checkpoint_due"),
        Stage::MovingOn => tr!("tui.today.moving_on"),
        Stage::Reconnect => tr!("tui.today.reconnect"),
        _ => tr!("tui.today.due_on", due = count.due_on().format("%a %-d %b")),
    }
}

fn this_week(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.derived;
    let days = d.weekday_labels();
    let mut head = Vec::new();
    let mut dots = Vec::new();
    for (i, done) in d.week_activity.iter().enumerate() {
        head.push(Span::styled(
            format!("{:<3}", days.get(i).copied().unwrap_or("")),
            theme::dim(),
        ));
        dots.push(if *done {
            Span::styled("●  ", theme::accent())
        } else {
            Span::styled("·  ", theme::dim())
        });
    }
    let this_week = d.per_week.last().map_or(0, |(_, n)| *n);
    let week_moods = &d.mood_by_day[d.mood_by_day.len().saturating_sub(7)..];
    let known: Vec<f64> = week_moods.iter().flatten().copied().collect();
    #[allow(clippy::cast_precision_loss)] // at most seven values
    let mean = (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64);
    head.push(Span::raw(format!(
        "  {}",
        tr!(
            "tui.today.week_activities",
            count = text::count(u64::try_from(this_week).unwrap_or(0), "count.activities")
        )
    )));
    if let Some(mean) = mean {
        head.push(Span::raw(format!(
            " · {} {} {mean:.1}",
            tr!("tui.today.mood"),
            mood_sparkline(week_moods)
        )));
    }
    let last = d
        .activities
        .first()
        .and_then(|&i| app.journey.activities.get(i))
        .map(|a| {
            let ago = crate::domain::days_between(a.date, app.today());
            tr!(
                "tui.today.last_activity",
                title = one_line(&a.title, 30),
                category = a.category.as_str(),
                ago = days_ago(ago)
            )
        });
    let lines = vec![
        Line::styled(tr!("tui.today.this_week"), theme::title()),
        Line::from(head),
        Line::from(dots).patch_style(theme::plain()),
    ];
    let [left, right] =
        Layout::horizontal([Constraint::Length(22), Constraint::Fill(1)]).areas(area);
    let _ = left;
    Paragraph::new(lines).render(area, buf);
    if let Some(last) = last {
        let row = Rect {
            y: right.y + 2,
            height: 1,
            ..right
        };
        let last = one_line(&last, usize::from(row.width));
        Paragraph::new(Line::styled(last, theme::dim())).render(row, buf);
    }
}

fn days_ago(days: i64) -> String {
    match days {
        0 => tr!("tui.today.ago_today"),
        1 => tr!("tui.today.ago_yesterday"),
        n => tr!("tui.today.ago_days", days = n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_numbers_have_three_even_rows() {
        let rows = big_number(30);
        assert_eq!(rows[0], "━━┓ ┏━┓ ");
        assert!(rows.iter().all(|r| r.chars().count() == 8));
    }
}
