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

/// The phrases of `kind` found in `text` as whole words, in list order.
pub fn noticed(text: &str, kind: CueKind) -> Vec<&'static str> {
    let phrases = text::list(kind.list_key());
    super::words::find_phrases(text, &phrases)
        .into_iter()
        .map(|(phrase, _)| phrase)
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
