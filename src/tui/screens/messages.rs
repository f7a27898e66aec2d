//! Messages: the reconnect stage's careful texts. Until then, what it will hold.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::{Path, Stage};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let stage = app.derived.summary.stage;
    let body = match (stage, app.journey.path()) {
        (Stage::Reconnect, _) => tr!("tui.messages.reconnect"),
        (_, Some(Path::MoveOn)) => tr!("tui.messages.move_on"),
        _ => tr!("tui.messages.later"),
    };
    let lines = vec![
        Line::styled(tr!("tui.messages.title"), theme::strong()),
        Line::raw(""),
        Line::raw(body),
        Line::raw(""),
        Line::styled(tr!("tui.messages.never_sent"), theme::dim()),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area.inner(Margin::new(1, 0)), buf);
}
