//! One file per screen; each draws from a borrowed [`App`](super::app::App).

pub mod activities;
pub mod checkpoint;
pub mod countdown;
pub mod graduation;
pub mod journal;
pub mod messages;
pub mod reflect;
pub mod today;

use ratatui::text::Line;

use crate::terminal_text::safe_line;

/// `text` on one line, safe for the terminal, cut to `width` characters.
pub fn one_line(text: &str, width: usize) -> String {
    let line = safe_line(text);
    if line.chars().count() <= width {
        return line;
    }
    let mut cut: String = line.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A text (already safe) as lines for a wrapping paragraph.
pub fn lines(text: &str) -> Vec<Line<'static>> {
    crate::terminal_text::safe(text)
        .lines()
        .map(|l| Line::raw(l.to_owned()))
        .collect()
}

/// What the app noticed in someone's words, gently: never a verdict.
pub fn cue_lines(text: &str) -> Vec<Line<'static>> {
    use crate::domain::cues::{CueKind, noticed};
    let mut out = Vec::new();
    for (kind, key) in [
        (CueKind::Revenge, "tui.cues.revenge"),
        (CueKind::Reconnect, "tui.cues.reconnect"),
    ] {
        let found = noticed(text, kind);
        if !found.is_empty() {
            out.push(Line::styled(
                crate::text::fill(key, &[("words", found.join(", "))]),
                crate::tui::theme::dim(),
            ));
        }
    }
    if !out.is_empty() {
        out.insert(0, Line::raw(""));
        out.push(Line::styled(
            crate::tr!("tui.cues.only_you"),
            crate::tui::theme::dim(),
        ));
    }
    out
}

/// Draws the visible window of a list: `order` holds indices into
/// `items` in display order, the row at `selected` is highlighted, `label`
/// gives a row's text for the width, and `empty` is shown when there is none.
pub fn render_rows<T>(
    order: &[usize],
    items: &[T],
    selected: usize,
    empty: &str,
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
    label: impl Fn(&T, usize) -> String,
) {
    use ratatui::widgets::{Paragraph, Widget, Wrap};
    let width = usize::from(area.width);
    let mut rows = Vec::new();
    if order.is_empty() {
        rows.push(Line::styled(format!(" {empty}"), crate::tui::theme::dim()));
    }
    for slot in crate::tui::view::visible_window(order.len(), selected, usize::from(area.height)) {
        let Some(item) = order.get(slot).and_then(|&i| items.get(i)) else {
            continue;
        };
        let style = if slot == selected {
            crate::tui::theme::selected()
        } else {
            crate::tui::theme::plain()
        };
        rows.push(Line::styled(one_line(&label(item, width), width), style));
    }
    Paragraph::new(rows)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// A bar of `width` cells for `ratio` (0.0..=1.0): the filled part and the
/// part still to go, as text (so it reads the same in any terminal).
pub fn progress_bar(width: usize, ratio: f64) -> (String, String) {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((width as f64) * ratio.clamp(0.0, 1.0)).round() as usize;
    let filled = filled.min(width);
    ("█".repeat(filled), "░".repeat(width - filled))
}

/// A mood sparkline from 1–5 values (`None`: no entry that day).
pub fn mood_sparkline(moods: &[Option<f64>]) -> String {
    const BARS: [char; 5] = ['▁', '▂', '▄', '▆', '█'];
    moods
        .iter()
        .map(|m| match m {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..=4
            Some(v) => BARS[((v.round() - 1.0).clamp(0.0, 4.0)) as usize],
            None => '·',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_cuts_with_an_ellipsis_and_neutralises_escapes() {
        assert_eq!(one_line("short", 10), "short");
        assert_eq!(one_line("a longer line", 6), "a lon…");
        assert_eq!(one_line("two\nlines", 20), "two lines");
        assert_eq!(one_line("\u{1b}[31mred", 20), "\u{FFFD}[31mred");
    }

    #[test]
    fn progress_bars_fill_in_proportion_and_never_overflow() {
        assert_eq!(
            progress_bar(10, 0.4),
            ("████".to_owned(), "░░░░░░".to_owned())
        );
        assert_eq!(progress_bar(10, 1.7).0.chars().count(), 10);
        assert_eq!(progress_bar(0, 0.5), (String::new(), String::new()));
    }

    #[test]
    fn sparkline_maps_moods_to_bars() {
        assert_eq!(
            mood_sparkline(&[Some(1.0), Some(3.0), None, Some(5.0), Some(4.4)]),
            "▁▄·█▆"
        );
    }
}
