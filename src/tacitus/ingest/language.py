"""Offline language identification (py3langid); a non-English article is kept and flagged, never dropped."""

from __future__ import annotations

# langid's accuracy levels off after a few thousand characters and its cost grows with length.
SAMPLE_CHARS = 4000
# Below this, a guess is noise ("OK", a headline fragment): report no language rather than a wrong one.
MIN_CHARS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    import py3langid

    language, _score = py3langid.classify(sample)
    return language
