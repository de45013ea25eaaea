"""Small spaCy Docs built by hand (words, tags, heads, deps, entities), so a rule's test pins the rule and not
the model's parse of one sentence."""

from __future__ import annotations

from datetime import date

from spacy.lang.en import English
from spacy.tokens import Doc

from tacitus.actors import find_actors, load_knowledge_base
from tacitus.analysis import Analysis, Part
from tacitus.contract import Actor

_VOCAB = English().vocab  # lexical attributes (lower_, is_title…) as in the pipeline


def make_doc(tokens: list[tuple], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """tokens: (word, pos, tag, dep, head index, lemma); ents: (start, end, label) over token indices."""
    words = [t[0] for t in tokens]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=[True] * (len(words) - 1) + [False],
        pos=[t[1] for t in tokens],
        tags=[t[2] for t in tokens],
        deps=[t[3] for t in tokens],
        heads=[t[4] for t in tokens],
        lemmas=[t[5] if len(t) > 5 else t[0].lower() for t in tokens],
        ents=[_iob(i, ents) for i in range(len(words))],
    )
    return doc


def _iob(i: int, ents) -> str:
    for start, end, label in ents:
        if start <= i < end:
            return f"{'B' if i == start else 'I'}-{label}"
    return "O"


def actors_of(doc: Doc, published: str | None = "2024-06-11") -> list[Actor]:
    analysis = Analysis(
        doc=doc,
        published=date.fromisoformat(published) if published else None,
        parts=[Part(None, 0, len(doc.text))],
    )
    return find_actors(analysis, load_knowledge_base())
