//! The checkpoint: "Do I really want to get back together with my ex?",
//! beside the week-one answers and the month's numbers.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::one_line;
use super::reflect::answer_label;
use crate::domain::Answer;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.inner(Margin::new(1, 0));
    let [question, rest, keys] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let yes_today = app
        .journey
        .checkpoints
        .last()
        .is_some_and(|c| c.answer == Answer::Yes && c.date == app.today());
    let standing = app
        .journey
        .checkpoints
        .iter()
        .rev()
        .take_while(|c| c.answer == Answer::Yes)
        .count();
    let state = if yes_today {
        tr!("tui.checkpoint.yes_today")
    } else if standing > 0 {
        tr!("tui.checkpoint.yes_before")
    } else {
        tr!("tui.checkpoint.take_your_time")
    };
    Paragraph::new(vec![
        Line::styled(tr!("tui.checkpoint.question"), theme::strong()),
        Line::styled(state, theme::dim()),
    ])
    .wrap(Wrap { trim: true })
    .render(question, buf);

    let [answers, numbers] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(32)]).areas(rest);
    let width = usize::from(answers.width);
    // Two lines an answer when there is room, one when there is not, so
    // all seven stay in view beside the question.
    let roomy = usize::from(answers.height) > app.derived.reflections.len() * 2;
    let mut lines = Vec::new();
    if usize::from(answers.height) > app.derived.reflections.len() {
        lines.push(Line::styled(tr!("tui.reflect.week_one"), theme::title()));
    }
    for &i in &app.derived.reflections {
        if let Some(r) = app.journey.reflections.get(i) {
            let label = answer_label(r, app.preferences.morning_ends_at_hour);
            if roomy {
                lines.push(Line::styled(label, theme::dim()));
                lines.push(Line::raw(one_line(&r.text, width.saturating_sub(2))));
            } else {
                let room = width.saturating_sub(label.chars().count() + 1);
                lines.push(Line::from(vec![
                    ratatui::text::Span::styled(format!("{label} "), theme::dim()),
                    ratatui::text::Span::raw(one_line(&r.text, room)),
                ]));
            }
        }
    }
    Paragraph::new(lines).render(answers, buf);

    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::border());
    let inner = block.inner(numbers).inner(Margin::new(1, 0));
    block.render(numbers, buf);
    let month = super::graduation::month_lines(&app.derived.report);
    Paragraph::new(month)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
    Paragraph::new(Line::styled(tr!("tui.checkpoint.keys"), theme::accent()))
        .wrap(Wrap { trim: true })
        .render(keys, buf);
}
