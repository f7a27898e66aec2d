use super::*;
use chrono::NaiveDate;

/// The article's own message, both ways it is written.
const THAI: &str = "I remember how much you like Thai food; I went to this great Thai place a couple of days ago. You should check it out.";
const THAI_DASH: &str = "I remember how much you like Thai food — I went to a great Thai place a couple of days ago. You should check it out.";

fn rules(text: &str) -> Vec<&'static str> {
    check_text(text).iter().map(|f| f.rule.id()).collect()
}

fn fired(text: &str, rule: Rule) -> Option<Finding> {
    check_text(text).into_iter().find(|f| f.rule == rule)
}

/// (text, fires) for one rule; the words it fires on, when it does.
fn table(rule: Rule, cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        let found = fired(text, rule).map(|f| f.words).unwrap_or_default();
        assert_eq!(found, *expected, "{} on {text:?}", rule.id());
    }
}

#[test]
fn the_articles_thai_food_message_is_clean() {
    for text in [THAI, THAI_DASH] {
        assert_eq!(check_text(text), vec![], "{text}");
        assert_eq!(check(text, &Pacing::Clear), vec![]);
    }
}

#[test]
fn we_keeps_it_about_them() {
    table(
        Rule::We,
        &[
            ("We should check it out", &["We"]),
            ("Let’s get Thai food", &["Let’s"]),
            ("Our favourite place reopened", &["Our"]),
            ("It reminded me of us.", &["us"]),
            ("we're both busy, but we'll see", &["we're", "we'll"]),
            ("Let us know", &["Let us"]),
            // Negatives: words that merely contain the letters.
            ("You should check it out", &[]),
            ("Have a good weekend!", &[]),
            ("As usual, the market was busy", &[]),
            ("The weather was wet; hours flew by", &[]),
            ("Bienvenue à Ourense", &[]),
        ],
    );
}

#[test]
fn heavy_topics_wait() {
    table(
        Rule::Heavy,
        &[
            ("I miss you", &["I miss you"]),
            ("Missing you lately", &["Missing you"]),
            ("I still love you", &["love"]),
            ("Sorry for everything", &["Sorry"]),
            ("I regret how it ended", &["regret"]),
            ("No regrets?", &["regrets"]),
            ("Why did you leave?", &["Why did you"]),
            ("About our relationship", &["our relationship"]),
            (
                "Any chance of getting back together",
                &["getting back together"],
            ),
            ("Can we talk?", &["Can we talk"]),
            ("I want to apologise", &["apologise"]),
            // Negatives.
            ("What a lovely market", &[]),
            ("I missed the bus, ha", &[]),
            ("The dismissal was fair", &[]),
            ("Talk to you later", &[]),
            ("A glove shop opened", &[]),
        ],
    );
}

#[test]
fn long_means_over_280_characters_or_three_sentences() {
    let exactly_280 = "a".repeat(280);
    let over = "é".repeat(281);
    let cases: &[(&str, bool)] = &[
        (&exactly_280, false),
        (&over, true),
        ("One. Two! Three?", false),
        ("One. Two! Three? Four.", true),
        ("One... two. Three?! Four", true),
        ("It costs 3.5 euros. Really. Go. e.g. now", true),
        ("Price 3.5, time 7.30, all in one sentence", false),
        ("“Quoted.” Then two. And three.", false),
        (THAI, false),
    ];
    for (text, expected) in cases {
        assert_eq!(
            fired(text, Rule::Long).is_some(),
            *expected,
            "{} chars, {} sentences: {text:?}",
            text.chars().count(),
            sentences(text).len()
        );
    }
    let four = "One. Two. Three. Four and more.";
    let finding = fired(four, Rule::Long).expect("fires");
    assert_eq!(&four[finding.spans[0].clone()], "Four and more.");
    let finding = fired(&over, Rule::Long).expect("fires");
    assert_eq!(over[finding.spans[0].clone()].chars().count(), 1);
}

#[test]
fn sentences_are_counted_like_a_reader_would() {
    let table: &[(&str, usize)] = &[
        ("", 0),
        ("   ", 0),
        ("...", 0),
        ("Hi", 1),
        ("Hi!", 1),
        ("Hi!! How are you?", 2),
        ("Wait… what", 2),
        ("Wait…what", 1),
        ("你好。你好吗？", 1),
        ("你好。 你好吗？", 2),
        (THAI, 2),
    ];
    for (text, n) in table {
        assert_eq!(sentences(text).len(), *n, "{text:?}");
    }
}

#[test]
fn pressure_is_many_questions_or_pushing_words() {
    table(
        Rule::Pressure,
        &[
            ("How are you? Did you get my message?", &["?"]),
            ("Why?! Why not??", &["?!", "??"]),
            ("Please answer me", &["Please", "answer me"]),
            ("You need to see this", &["need to"]),
            ("Call me ASAP", &["Call me", "ASAP"]),
            ("I have to know", &["have to"]),
            // Negatives.
            ("How was the show?", &[]),
            ("I answered the quiz right", &[]),
            ("Pleasant evening at the market!", &[]),
            ("¿Qué tal?", &[]),
        ],
    );
}

#[test]
fn pacing_speaks_only_when_it_says_wait() {
    let day = |s: &str| s.parse::<NaiveDate>().expect("valid");
    assert_eq!(pacing_finding(&Pacing::Clear), None);
    let unanswered = pacing_finding(&Pacing::Unanswered {
        sent_on: day("2027-02-17"),
        wait_until: day("2027-02-20"),
    })
    .expect("fires");
    assert_eq!(unanswered.rule, Rule::Pacing);
    assert!(
        unanswered.message.contains("Wed 17 Feb"),
        "{}",
        unanswered.message
    );
    assert!(
        unanswered.message.contains("Sat 20 Feb"),
        "{}",
        unanswered.message
    );
    let today = pacing_finding(&Pacing::SentToday).expect("fires");
    assert!(today.message.contains("today"), "{}", today.message);
    assert_eq!(
        check(THAI, &Pacing::SentToday)
            .iter()
            .map(|f| f.rule)
            .collect::<Vec<_>>(),
        [Rule::Pacing]
    );
}

#[test]
fn findings_come_in_rule_order_with_their_sentence() {
    let text = "We should talk about our relationship, please? Why? Sorry. I miss you. Really.";
    assert_eq!(rules(text), ["we", "heavy", "long", "pressure"]);
    for finding in check_text(text) {
        assert!(!finding.message.is_empty() && !finding.message.starts_with("messages."));
        for span in &finding.spans {
            assert!(
                text.get(span.clone()).is_some(),
                "spans are char boundaries"
            );
        }
    }
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(ids, ["we", "heavy", "long", "pressure", "pacing"]);
}
