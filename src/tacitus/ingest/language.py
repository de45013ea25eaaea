"""Offline language identification; a non-English article is kept and flagged, never dropped.

Most input is English, and py3langid's model takes most of a second to load, which a short batch feels. So a
clearly English text is recognised first by its function words ("the", "of", "and" … are a large share
of running English and almost none of other languages' text); anything less clear goes to py3langid. The
fast path agrees with py3langid on every development article (docs/ingest.md, `eval/language_fast_path.py`).
"""

from __future__ import annotations

import re

# langid's accuracy levels off after a few thousand characters and its cost grows with length.
SAMPLE_CHARS = 4000
# Below this, a guess is noise ("OK", a headline fragment): report no language rather than a wrong one.
MIN_CHARS = 20

# Frequent English function words that are not (frequent) words of other Latin-script languages: "a", "in",
# "is", "was", "die", "on" and the like are left out because Dutch, German, French or Italian use them too.
ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "about",
        "after",
        "also",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "into",
        "it",
        "its",
        "more",
        "not",
        "of",
        "only",
        "other",
        "our",
        "over",
        "said",
        "she",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
    }
)
WORD = re.compile(r"[^\W\d_]+")
FAST_MIN_WORDS = 40  # fewer words than this: too few to trust the count, ask langid
FAST_MIN_SHARE = 0.10  # share of function words from which the text is English (other languages: < 0.05)
FAST_MIN_THE = 0.005  # and "the" must occur, as it does in any English prose


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    if clearly_english(sample):
        return "en"
    import py3langid

    language, _score = py3langid.classify(sample)
    return language


def clearly_english(sample: str) -> bool:
    """True when the function words leave no doubt that the text is English prose."""
    words = [word.casefold() for word in WORD.findall(sample)]
    if len(words) < FAST_MIN_WORDS:
        return False
    function = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS)
    the = sum(1 for word in words if word == "the")
    return function / len(words) >= FAST_MIN_SHARE and the / len(words) >= FAST_MIN_THE


def too_short_to_tell(text: str) -> bool:
    """True when a text has too few words for its detected language to be trusted over its function words.

    py3langid guesses something for any text, and on a sentence of names it guesses wrong ("Mousa Abu Marzouk
    met Mikhail Bogdanov in the Russian capital." comes out as Bikol). Under `FAST_MIN_WORDS` words, a text
    whose share of English function words reaches `FAST_MIN_SHARE` is read as English whatever was detected.
    """
    words = [word.casefold() for word in WORD.findall(text[:SAMPLE_CHARS])]
    if not words or len(words) >= FAST_MIN_WORDS:
        return False
    return sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words) >= FAST_MIN_SHARE
