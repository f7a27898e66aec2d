//! Journal: entries with their mood, and the mood over the last weeks.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{lines, mood_sparkline, one_line};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let d = &app.derived;
    let [top, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let head = vec![
        Line::styled(
            format!(
                " {} {}",
                tr!("tui.journal.mood_28"),
                mood_sparkline(&d.mood_by_day)
            ),
            theme::accent(),
        ),
        Line::styled(format!(" {}", tr!("tui.journal.keys")), theme::dim()),
    ];
    Paragraph::new(head).render(top, buf);
    let [list_area, text_area] =
        Layout::horizontal([Constraint::Length(34), Constraint::Fill(1)]).areas(rest);
    super::render_rows(
        &d.journal,
        &app.journey.journal,
        app.selection.journal,
        &tr!("tui.journal.empty"),
        list_area,
        buf,
        |e, width| {
            let mood = e.mood.map_or("  ".to_owned(), |m| format!("{}", m.get()));
            let date = e.written_at.format("%d %b");
            format!(" {date} {mood:>1} {}", one_line(&e.text, width))
        },
    );
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::border());
    let inner = block.inner(text_area).inner(Margin::new(1, 0));
    block.render(text_area, buf);
    if let Some(e) = d
        .journal
        .get(app.selection.journal)
        .and_then(|&i| app.journey.journal.get(i))
    {
        let mood = e.mood.map_or(String::new(), |m| {
            format!(" · {}", tr!("list.mood", mood = m.get()))
        });
        let mut body = vec![
            Line::styled(
                format!("{}{mood}", e.written_at.format("%a %-d %b %Y, %H:%M")),
                theme::title(),
            ),
            Line::raw(""),
        ];
        body.extend(lines(&e.text));
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
