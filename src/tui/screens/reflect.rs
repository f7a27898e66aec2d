//! Reflect: the seven mornings, today's answer, and — once the week is
//! complete — the answers side by side and the choice of path.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{lines, one_line};
use crate::domain::{Reflection, Stage, reflection::WEEK};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;
use crate::tui::view::visible_window;

/// "Mon 4 Jan · morning · revenge", for one answer (mornings end at `morning_ends_at_hour`).
pub fn answer_label(r: &Reflection, morning_ends_at_hour: u32) -> String {
    let when = if r.is_morning_before(morning_ends_at_hour) {
        "●"
    } else {
        "◐"
    };
    let tag = r
        .motive
        .map_or(String::new(), |m| format!(" {}", m.as_str()));
    format!("{} {when}{tag}", r.date.format("%a %-d %b"))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let stage = app.derived.summary.stage;
    let hint = match stage {
        Stage::VerdictDue => tr!("tui.reflect.choose"),
        Stage::NotStarted | Stage::Reflection if !app.derived.summary.reflection.answered_today => {
            tr!("tui.today.answer_now")
        }
        _ => String::new(),
    };
    // The heading, the tally, and the next step on a row of its own so it
    // is never cut: the keys for choosing a path matter most.
    let head_rows = if hint.is_empty() { 2 } else { 3 };
    let [top, rest] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Fill(1)]).areas(area);
    let heading = match stage {
        Stage::VerdictDue => tr!("tui.reflect.side_by_side"),
        Stage::NotStarted | Stage::Reflection => tr!("tui.today.question"),
        _ => tr!("tui.reflect.week_one"),
    };
    let tally: Vec<String> = app
        .journey
        .motive_tally()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(m, n)| format!("{} {n}", m.as_str()))
        .collect();
    let tally = if tally.is_empty() {
        "—".to_owned()
    } else {
        tally.join(" · ")
    };
    let mut head = vec![
        Line::styled(heading, theme::strong()),
        Line::styled(tr!("tui.reflect.tally", tally = tally), theme::dim()),
    ];
    if !hint.is_empty() {
        head.push(Line::styled(hint, theme::accent()));
    }
    Paragraph::new(head).render(top.inner(ratatui::layout::Margin::new(1, 0)), buf);
    if stage == Stage::VerdictDue {
        render_side_by_side(app, rest, buf);
        return;
    }
    let [list_area, text_area] =
        Layout::horizontal([Constraint::Length(30), Constraint::Fill(1)]).areas(rest);
    render_list(app, list_area, buf);
    render_answer(app, text_area, buf);
}

/// All seven answers at once: the selected one in full, the others on one line.
fn render_side_by_side(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    let width = usize::from(area.width);
    let rows = u16::try_from(app.derived.reflections.len()).unwrap_or(u16::MAX);
    let [list, gap, detail, hint] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let _ = gap;
    let morning_ends = app.preferences.morning_ends_at_hour;
    let mut lines = Vec::new();
    for (slot, &i) in app.derived.reflections.iter().enumerate() {
        let Some(r) = app.journey.reflections.get(i) else {
            continue;
        };
        let label = format!("{} ", answer_label(r, morning_ends));
        let style = if slot == app.selection.reflect {
            theme::selected()
        } else {
            theme::title()
        };
        let room = width.saturating_sub(label.chars().count());
        lines.push(Line::from(vec![
            Span::styled(label, style),
            Span::styled(one_line(&r.text, room), theme::dim()),
        ]));
    }
    Paragraph::new(lines).render(list, buf);
    let selected = app
        .derived
        .reflections
        .get(app.selection.reflect)
        .and_then(|&i| app.journey.reflections.get(i));
    if let Some(r) = selected {
        let mut body = super::lines(&r.text);
        body.extend(super::cue_lines(&r.text));
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .render(detail.inner(ratatui::layout::Margin::new(2, 0)), buf);
    }
    let read_them = one_line(&tr!("tui.reflect.read_them"), width);
    Paragraph::new(Line::styled(read_them, theme::dim())).render(hint, buf);
}

fn render_list(app: &App, list_area: Rect, buf: &mut Buffer) {
    let rows = usize::from(list_area.height);
    let count = app.derived.reflections.len();
    let mut list = Vec::new();
    if count == 0 {
        list.push(Line::styled(
            format!(" {}", tr!("tui.reflect.none_yet")),
            theme::dim(),
        ));
    }
    for slot in visible_window(count, app.selection.reflect, rows) {
        let Some(r) = app
            .derived
            .reflections
            .get(slot)
            .and_then(|&i| app.journey.reflections.get(i))
        else {
            continue;
        };
        let label = format!(
            " {}. {}",
            slot + 1,
            answer_label(r, app.preferences.morning_ends_at_hour)
        );
        let style = if slot == app.selection.reflect {
            theme::selected()
        } else {
            theme::plain()
        };
        list.push(Line::styled(
            one_line(&label, usize::from(list_area.width)),
            style,
        ));
    }
    if count < WEEK && rows > count + 1 {
        list.push(Line::styled(
            format!(
                " {}",
                tr!(
                    "tui.reflect.to_go",
                    left = crate::text::count(
                        u64::try_from(WEEK - count).unwrap_or(0),
                        "count.mornings"
                    )
                )
            ),
            theme::dim(),
        ));
    }
    Paragraph::new(list)
        .wrap(Wrap { trim: false })
        .render(list_area, buf);
}

fn render_answer(app: &App, text_area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::border());
    let inner = block.inner(text_area);
    block.render(text_area, buf);
    let selected = app
        .derived
        .reflections
        .get(app.selection.reflect)
        .and_then(|&i| app.journey.reflections.get(i));
    let body = match selected {
        Some(r) => {
            let marks = r.marks(app.preferences.morning_ends_at_hour);
            let heading = format!("{} · {marks}", r.date.format("%A %-d %B"));
            let mut l = vec![Line::styled(heading, theme::title()), Line::raw("")];
            l.extend(lines(&r.text));
            l.extend(super::cue_lines(&r.text));
            l
        }
        None => vec![Line::styled(tr!("tui.reflect.why_week"), theme::dim())],
    };
    Paragraph::new(body)
        .wrap(Wrap { trim: false })
        .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
