"""Small hand-built parses for rule tests: words, heads, labels and actors set by hand, no model involved.

A rule test then pins the rule, not the statistical parser's reading of one sentence.
"""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc

from tacitus.analysis import Analysis, Part
from tacitus.contract import Actor, ActorType, Article, Document, Span, Timex, TimexType
from tacitus.events.coding import Coder
from tacitus.events.mention import Mention
from tacitus.events.ontology import load_lexicon, load_ontology

VOCAB = spacy.blank("en").vocab
PUBLISHED = date(2024, 6, 11)


def parse(rows: list[tuple[str, int, str, str, str, str]], sentence_starts: tuple[int, ...] = (0,)) -> Doc:
    """One token a row: (word, head index, dep, POS, tag, lemma); the root is its own head."""
    words = [r[0] for r in rows]
    return Doc(
        VOCAB,
        words=words,
        spaces=[True] * (len(words) - 1) + [False],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i in sentence_starts for i in range(len(words))],
    )


def token_span(doc: Doc, first: int, last: int) -> Span:
    return Span(start=doc[first].idx, end=doc[last].idx + len(doc[last]))


def mentions(
    doc: Doc,
    actors: dict[str, tuple[int, int, ActorType, list[str]]] | None = None,
    timexes: list[tuple[int, int, str]] | None = None,
) -> list[Mention]:
    """The coder's mentions on `doc`; `actors`: name → (first token, last token, type, sectors)."""
    document = Document(
        article=Article(id="handmade", text=doc.text, published=PUBLISHED.isoformat()),
        actors=[
            Actor(
                id=f"A{n}",
                name=name,
                type=kind,
                sector=sectors,
                mentions=[token_span(doc, first, last)],
            )
            for n, (name, (first, last, kind, sectors)) in enumerate((actors or {}).items(), start=1)
        ],
        timexes=[
            Timex(
                start=doc[first].idx,
                end=doc[last].idx + len(doc[last]),
                text=doc[first : last + 1].text,
                type=TimexType.DATE,
                value=value,
            )
            for first, last, value in (timexes or [])
        ],
    )
    analysis = Analysis(doc=doc, published=PUBLISHED, parts=[Part(None, 0, len(doc.text))])
    coder = Coder(analysis, document, load_ontology(), load_lexicon())
    names = {a.id: a.name for a in document.actors}
    found = coder.mentions()
    for mention in found:
        mention.sources = [names[a] for a in mention.sources]
        mention.targets = [names[a] for a in mention.targets]
    return found
