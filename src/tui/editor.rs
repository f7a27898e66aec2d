//! The text editor used for reflections, journal entries and urges: a
//! `ratatui-textarea` with a purpose, an optional tag, and a size limit.

use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::checks::Finding;
use crate::domain::{MAX_TEXT_CHARS, Mood, Motive};
use crate::terminal_text::safe;

/// What the editor is writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Today's reflection (`replace`: rewriting today's answer).
    Reflection {
        replace: bool,
    },
    Journal,
    Urge,
    /// A message draft (reconnect stage), checked as it is typed.
    Draft,
}

/// An open editor.
#[derive(Debug)]
pub struct Editor {
    pub purpose: Purpose,
    pub area: TextArea<'static>,
    pub motive: Option<Motive>,
    pub mood: Option<Mood>,
    /// Why the last save failed, shown inside the editor (text kept).
    pub error: Option<String>,
    /// A save is in flight.
    pub saving: bool,
    /// What the message checks found (drafts only), kept current as it is typed.
    pub findings: Vec<Finding>,
}

impl Editor {
    pub fn new(purpose: Purpose, text: &str) -> Self {
        // Stored text may hold escapes or bidi controls; the editor draws
        // what it holds, so it only ever holds safe text.
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(|l| safe(l).into_owned()).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor {
            purpose,
            area,
            motive: None,
            mood: None,
            error: None,
            saving: false,
            findings: Vec::new(),
        }
    }

    /// The whole text.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Characters in the editor now.
    pub fn chars(&self) -> usize {
        self.area
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    }

    /// Inserts pasted text when it fits; otherwise gives the length the
    /// entry would have had.
    pub fn paste(&mut self, text: &str) -> Result<(), usize> {
        let total = self.chars() + text.chars().count();
        if total > MAX_TEXT_CHARS {
            return Err(total);
        }
        // Terminals send \r for newlines in pastes; keep the lines, and
        // neutralise any other control character.
        let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        self.area.insert_str(safe(&normalised));
        Ok(())
    }

    /// Cycles the tag: the motive for reflections, the mood for the journal.
    pub fn cycle_tag(&mut self) {
        match self.purpose {
            Purpose::Reflection { .. } => {
                self.motive = match self.motive {
                    None => Some(Motive::ALL[0]),
                    Some(m) => Motive::ALL
                        .iter()
                        .position(|x| *x == m)
                        .and_then(|i| Motive::ALL.get(i + 1))
                        .copied(),
                };
            }
            Purpose::Journal => {
                let next = self.mood.map_or(1, |m| i64::from(m.get()) + 1);
                self.mood = Mood::new(next).ok();
            }
            Purpose::Urge | Purpose::Draft => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_cycle_through_every_value_and_back_to_none() {
        let mut e = Editor::new(Purpose::Reflection { replace: false }, "");
        let mut seen = Vec::new();
        for _ in 0..5 {
            e.cycle_tag();
            seen.push(e.motive);
        }
        assert_eq!(
            seen,
            [
                Some(Motive::Revenge),
                Some(Motive::Reconnect),
                Some(Motive::Friendship),
                Some(Motive::Unsure),
                None
            ]
        );
        let mut j = Editor::new(Purpose::Journal, "");
        let moods: Vec<Option<u8>> = (0..6)
            .map(|_| {
                j.cycle_tag();
                j.mood.map(Mood::get)
            })
            .collect();
        assert_eq!(moods, [Some(1), Some(2), Some(3), Some(4), Some(5), None]);
    }

    #[test]
    fn a_paste_over_the_limit_is_refused_whole() {
        let mut e = Editor::new(Purpose::Journal, "abc");
        let huge = "x".repeat(MAX_TEXT_CHARS);
        assert_eq!(
            e.paste(&huge),
            Err(MAX_TEXT_CHARS + 3),
            "the length the entry would have had"
        );
        assert_eq!(e.text(), "abc");
        assert_eq!(e.paste("de\r\nf"), Ok(()));
        assert_eq!(e.text(), "abcde\nf");
        assert_eq!(e.paste("\u{1b}[2J"), Ok(()));
        assert_eq!(e.text(), "abcde\nf\u{FFFD}[2J");
    }

    #[test]
    fn stored_escapes_never_reach_the_editor_raw() {
        let e = Editor::new(Purpose::Journal, "a\u{1b}]0;x\u{7}b\n\u{202E}c");
        assert_eq!(e.text(), "a\u{FFFD}]0;x\u{FFFD}b\n\u{FFFD}c");
    }
}
