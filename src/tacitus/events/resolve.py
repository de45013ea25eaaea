"""Who an argument is, and what date a clause has: the actor and time stages' public helpers first.

`tacitus.actors.actor_at(document, start, end)` and `tacitus.time.date_for_span(analysis, document, start,
end)` are the upstream stages' answers; where they have none we fall back on the actors' `mentions` and on
the timexes, with a short pronoun and definite-description resolver of our own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.tokens import Token

from tacitus.actors import actor_at as upstream_actor_at
from tacitus.analysis import Analysis
from tacitus.contract import ActorType, DateValue, Document
from tacitus.time import date_for_span as upstream_date_for_span

PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
SPEAKER_PRONOUNS = {"we", "us", "our", "i", "me", "my"}
# "the country" names the last country spoken of; "the group" the last organisation ("Russia called on the
# group to release the hostages" → Hamas).
DEFINITE_NOUNS = {
    "country": (ActorType.COUNTRY,),
    "nation": (ActorType.COUNTRY,),
    "government": (ActorType.COUNTRY, ActorType.ORGANIZATION),
    "group": (ActorType.ORGANIZATION, ActorType.GROUP),
    "movement": (ActorType.ORGANIZATION, ActorType.GROUP),
    "organization": (ActorType.ORGANIZATION,),
    "organisation": (ActorType.ORGANIZATION,),
}
LOOKBACK_CHARS = 600  # a pronoun points no further back than about two paragraphs


class Resolver:
    """Per-document lookups from text offsets to actor ids and dates."""

    def __init__(self, analysis: Analysis, document: Document):
        self.analysis = analysis
        self.document = document
        self._upstream_actor_at: Callable | None = upstream_actor_at
        self._upstream_date: Callable | None = upstream_date_for_span
        spans = sorted(
            (m.start, m.end, actor.id) for actor in document.actors for m in actor.mentions if m.part is None
        )
        self._spans = spans
        self._starts = [start for start, _end, _id in spans]
        self._types = {actor.id: actor.type for actor in document.actors}
        self._countries = {}
        for actor in document.actors:
            if actor.type == ActorType.COUNTRY and actor.country:
                self._countries.setdefault(actor.country, actor.id)

    # -- actors -----------------------------------------------------------------------------------------
    def actor_at(self, start: int, end: int) -> str | None:
        if self._upstream_actor_at is not None:
            found = self._upstream_actor_at(self.document, start, end)
            if found is not None:
                return found
        best, best_overlap = None, 0
        index = bisect_right(self._starts, end)
        for m_start, m_end, actor_id in reversed(self._spans[max(0, index - 40) : index]):
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = actor_id, overlap
        return best

    def actor_of_token(self, token: Token) -> str | None:
        """The actor a noun phrase's head names (the whole name for "Mousa Abu Marzouk")."""
        # "US" is the country, not "us": a pronoun is never written in capitals
        pronoun = token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | SPEAKER_PRONOUNS
        if pronoun and not (token.text.isupper() and len(token.text) > 1):
            found = self.resolve_pronoun(token)
            return found[0] if found else None
        found = self.actor_at(token.idx, token.idx + len(token.text))
        if found is None and token.lemma_.lower() in DEFINITE_NOUNS and _is_definite(token):
            found = self._last_actor(token.idx, DEFINITE_NOUNS[token.lemma_.lower()])
        if found is None and token.pos_ in ("ADJ", "PROPN"):
            found = self.country_actor_of_demonym(token.text)
        return found

    def is_person(self, actor_id: str) -> bool:
        return self._types.get(actor_id) == ActorType.PERSON

    def country_actor_of_demonym(self, word: str) -> str | None:
        """ "the remaining Russian hostages" → the article's actor for Russia, when it has one."""
        from tacitus.events.places import country_of_demonym

        word = word.lower()
        alpha3 = country_of_demonym(word) or (country_of_demonym(word[:-1]) if word.endswith("s") else None)
        return self._countries.get(alpha3) if alpha3 else None

    def resolve_pronoun(self, token: Token) -> list[str]:
        word = token.lower_
        if word in SPEAKER_PRONOUNS:
            speaker = self.speaker_at(token.idx)
            return [speaker] if speaker else []
        if word in PERSON_PRONOUNS:
            found = self._last_actor(token.idx, (ActorType.PERSON,))
        elif word in THING_PRONOUNS:
            found = self._last_actor(token.idx, (ActorType.COUNTRY, ActorType.ORGANIZATION, ActorType.GROUP))
        else:
            found = self._last_actor(
                token.idx, (ActorType.ORGANIZATION, ActorType.GROUP, ActorType.COUNTRY, ActorType.PERSON)
            )
        return [found] if found else []

    def _last_actor(self, offset: int, types: tuple[ActorType, ...]) -> str | None:
        index = bisect_right(self._starts, offset)
        for m_start, m_end, actor_id in reversed(self._spans[:index]):
            if m_end > offset:
                continue
            if offset - m_end > LOOKBACK_CHARS:
                return None
            if self.analysis.part_at(m_start) != self.analysis.part_at(offset):
                return None
            if self._types.get(actor_id) in types:
                return actor_id
        return None

    def speaker_at(self, offset: int) -> str | None:
        """The speaker of the quote that contains `offset`, if any."""
        quotes = self.document.quotes
        cached = getattr(self, "_quote_index", None)
        if cached is None or cached[0] is not quotes or cached[1] != len(quotes):
            # body quotes sorted by start (bisect), built once: a scan of every quote per event grew with
            # the square of the article's length
            rows = sorted(
                (q.evidence.start, order, q)
                for order, q in enumerate(quotes)
                if q.evidence.part is None and q.evidence.end > q.evidence.start
            )
            longest = max((q.evidence.end - q.evidence.start for _, _, q in rows), default=0)
            cached = self._quote_index = (quotes, len(quotes), rows, [row[0] for row in rows], longest)
        _, _, rows, starts, longest = cached
        low, high = bisect_left(starts, offset - longest + 1), bisect_right(starts, offset)
        holding = [(order, q) for _, order, q in rows[low:high] if offset < q.evidence.end]
        if not holding:
            return None
        quote = min(holding, key=lambda pair: pair[0])[1]
        return quote.speaker or self._speaker_near(quote.evidence.start, quote.evidence.end)

    def _speaker_near(self, start: int, end: int) -> str | None:
        """A quote without a coded speaker: the subject of a speech verb in its sentences (“…,” said Marzouk)."""
        from tacitus.events.ontology import load_lexicon

        speech = load_lexicon().control["speech"]
        doc = self.analysis.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        sentences = [span.sent]
        if span.sent.end < len(doc):
            sentences.append(doc[span.sent.end].sent)
        if span.sent.start > 0:
            sentences.append(doc[span.sent.start - 1].sent)
        for sentence in sentences:
            for token in sentence:
                if token.lemma_ in speech and token.pos_ == "VERB" and not (start <= token.idx < end):
                    for child in token.children:
                        if child.dep_ == "nsubj" and child.lower_ not in SPEAKER_PRONOUNS:
                            found = self.actor_of_token(child)
                            if found:
                                return found
        return None

    # -- dates ------------------------------------------------------------------------------------------
    def upstream_date(self, start: int, end: int) -> DateValue | None:
        if self._upstream_date is None:
            return None
        return self._upstream_date(self.analysis, self.document, start, end)


def _is_definite(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in token.children)
