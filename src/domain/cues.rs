//! Gentle cues: phrases from `assets/cues.toml` noticed in a person's own
//! words. They are shown as what the app noticed, never as a verdict.

use crate::text;

/// Which list a phrase comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Often heard when the wish is to make them hurt or regret.
    Revenge,
    /// Often heard when the wish is to patch things up, or be friends.
    Reconnect,
    /// Getting in shape, or doing things, to be seen by them.
    RevengeDiet,
}

impl CueKind {
    fn list_key(self) -> &'static str {
        match self {
            CueKind::Revenge => "cues.revenge",
            CueKind::Reconnect => "cues.reconnect",
            CueKind::RevengeDiet => "cues.revenge_diet",
        }
    }
}

/// Lower-case words of `text`: letters, digits and inner apostrophes.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| {
            w.trim_matches(|c| c == '\'' || c == '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The phrases of `kind` found in `text` as whole words, in list order.
pub fn noticed(text: &str, kind: CueKind) -> Vec<&'static str> {
    let haystack = words(text);
    text::list(kind.list_key())
        .into_iter()
        .filter(|phrase| {
            let needle = words(phrase);
            !needle.is_empty()
                && haystack
                    .windows(needle.len())
                    .any(|w| w == needle.as_slice())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_case_does_not_matter() {
        assert_eq!(
            noticed("I want them to REGRET it", CueKind::Revenge),
            ["regret"]
        );
        assert!(
            noticed(
                "No regrettable words; a jealousy-free day",
                CueKind::Revenge
            )
            .contains(&"jealousy")
        );
        assert!(!noticed("No regrettable words", CueKind::Revenge).contains(&"regret"));
        assert_eq!(noticed("I miss the markets", CueKind::Reconnect), ["miss"]);
        assert!(noticed("Dismissal", CueKind::Reconnect).is_empty());
    }

    #[test]
    fn phrases_match_across_punctuation_and_curly_apostrophes() {
        let found = noticed(
            "Gym every day, so they see what they’re missing.",
            CueKind::RevengeDiet,
        );
        assert_eq!(found, ["so they see", "what they're missing"]);
        assert!(noticed("a weekend hike, just for me", CueKind::RevengeDiet).is_empty());
    }
}
