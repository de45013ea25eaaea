"""Hand-built spaCy docs for the places tests, so a model update does not re-baseline them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tacitus.places import gazetteer


@pytest.fixture(scope="session")
def gaz():
    return gazetteer.load()


@pytest.fixture(scope="session")
def make_doc():
    vocab = spacy.blank("en").vocab  # English lexical attributes (lower_, is_alpha) without a model

    def build(words, ents=None, heads=None, deps=None, pos=None, lemmas=None) -> Doc:
        """words; ents as IOB tags ("B-GPE"); heads as absolute token indices."""
        spaces = [not (i + 1 < len(words) and words[i + 1] in {",", ".", "'s"}) for i in range(len(words))]
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            ents=ents,
            heads=heads,
            deps=deps,
            pos=pos,
            lemmas=lemmas,
            sent_starts=[True] + [False] * (len(words) - 1),
        )

    return build
