//! Stored text is the person's own, kept exactly; but before any of it is
//! written to a terminal, control characters (escape sequences, carriage
//! returns) and bidirectional overrides are made visible and harmless.

use std::borrow::Cow;

/// True for characters that must never reach a terminal raw.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` with every unsafe character replaced by U+FFFD (newlines and tabs kept).
pub fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// [`safe`], and on one line: newlines and tabs become spaces.
pub fn safe_line(text: &str) -> String {
    safe(text)
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_overrides_are_neutralised() {
        assert_eq!(safe("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(safe("plain"), Cow::Borrowed(_)));
        assert_eq!(safe("\u{1b}[2Jgone"), "\u{FFFD}[2Jgone");
        assert_eq!(safe("a\rb\u{7}\u{9b}c"), "a\u{FFFD}b\u{FFFD}\u{FFFD}c");
        assert_eq!(safe("\u{202E}txt.exe"), "\u{FFFD}txt.exe");
        assert_eq!(safe_line("two\nlines"), "two lines");
    }
}
