//! Whole-word phrase matching, shared by the gentle cues and the message
//! checks: case-insensitive, Unicode-aware, with the place of each match so
//! a screen can highlight it.
//!
//! A word is a run of letters or digits (any script), with inner
//! apostrophes (`'` or `’`) kept, so "let's" and "they’re" are one word.
//! A phrase matches a run of consecutive words, whatever punctuation sits
//! between them. A pattern word ending in `*` matches any word it begins
//! ("apolog*" finds "apology" and "apologise"); everything else is exact,
//! so "we" never fires on "weekend", nor "us" on "usual".

use std::ops::Range;

/// One word of a text: where it is (bytes) and its lower-case form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    pub folded: String,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn fold(word: &str) -> String {
    word.replace('’', "'").to_lowercase()
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |from: usize, to: usize, out: &mut Vec<Word>| {
        let raw = &text[from..to];
        let trimmed_start = raw.len() - raw.trim_start_matches(is_apostrophe).len();
        let inner = raw.trim_matches(is_apostrophe);
        if !inner.is_empty() {
            let begin = from + trimmed_start;
            out.push(Word {
                span: begin..begin + inner.len(),
                folded: fold(inner),
            });
        }
    };
    for (at, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || is_apostrophe(c);
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push(from, at, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push(from, text.len(), &mut out);
    }
    out
}

/// One word of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Exact(String),
    Prefix(String),
}

impl Part {
    fn matches(&self, word: &str) -> bool {
        match self {
            Part::Exact(w) => word == w,
            Part::Prefix(p) => word.starts_with(p.as_str()),
        }
    }
}

/// A phrase to look for, as written in `assets/` ("why did you", "apolog*").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    phrase: String,
    parts: Vec<Part>,
}

impl Pattern {
    /// The pattern for `phrase`, or `None` when it holds no word at all.
    pub fn new(phrase: &str) -> Option<Pattern> {
        let parts: Vec<Part> = phrase
            .split_whitespace()
            .filter_map(|raw| {
                let (body, prefix) = match raw.strip_suffix('*') {
                    Some(body) => (body, true),
                    None => (raw, false),
                };
                // The same word rules as the text, so punctuation in a phrase is ignored.
                let folded = words(body).into_iter().map(|w| w.folded).next()?;
                Some(if prefix {
                    Part::Prefix(folded)
                } else {
                    Part::Exact(folded)
                })
            })
            .collect();
        (!parts.is_empty()).then(|| Pattern {
            phrase: phrase.to_owned(),
            parts,
        })
    }

    /// The phrase as written.
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// Where the pattern occurs among `words` (byte spans of the text).
    pub fn find(&self, words: &[Word]) -> Vec<Range<usize>> {
        let n = self.parts.len();
        words
            .windows(n)
            .filter(|window| {
                window
                    .iter()
                    .zip(&self.parts)
                    .all(|(w, p)| p.matches(&w.folded))
            })
            .map(|window| window[0].span.start..window[n - 1].span.end)
            .collect()
    }
}

/// Every phrase of `phrases` found in `text`, in list order, each with the
/// spans where it occurs.
pub fn find_phrases<'p>(text: &str, phrases: &[&'p str]) -> Vec<(&'p str, Vec<Range<usize>>)> {
    let haystack = words(text);
    phrases
        .iter()
        .filter_map(|phrase| {
            let spans = Pattern::new(phrase)?.find(&haystack);
            (!spans.is_empty()).then_some((*phrase, spans))
        })
        .collect()
}

/// Sorts `spans` and joins those that overlap or touch.
pub fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, phrase: &str) -> Vec<&'t str> {
        let pattern = Pattern::new(phrase).expect("a phrase with words");
        pattern
            .find(&words(text))
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_fold_case() {
        let folded: Vec<String> = words("Let’s GO, ‘friend’! Ça va? 3rd")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(folded, ["let's", "go", "friend", "ça", "va", "3rd"]);
    }

    #[test]
    fn whole_words_only() {
        // (text, phrase, what is found)
        let table: &[(&str, &str, &[&str])] = &[
            ("We should go", "we", &["We"]),
            ("See you this weekend", "we", &[]),
            ("as usual", "us", &[]),
            ("tell US", "us", &["US"]),
            ("I answered", "answer me", &[]),
            ("Answer me!", "answer me", &["Answer me"]),
            ("Why, did you?", "why did you", &["Why, did you"]),
            ("ÉTÉ à Paris", "été", &["ÉTÉ"]),
            (
                "I apologise; apologies",
                "apolog*",
                &["apologise", "apologies"],
            ),
            ("a pologise", "apolog*", &[]),
            ("they’re missing", "they're missing", &["they’re missing"]),
        ];
        for (text, phrase, expected) in table {
            assert_eq!(found(text, phrase), *expected, "{phrase:?} in {text:?}");
        }
    }

    #[test]
    fn phrases_without_words_match_nothing() {
        assert_eq!(Pattern::new(" ... "), None);
        assert_eq!(find_phrases("anything", &["", "!!"]), vec![]);
    }

    #[test]
    fn spans_merge_when_they_overlap() {
        assert_eq!(merge(vec![5..9, 0..3, 2..4, 9..10]), vec![0..4, 5..10]);
    }
}
