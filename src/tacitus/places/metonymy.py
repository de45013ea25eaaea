"""How a place mention is used: literally ("in Moscow"), or metonymically ("Moscow said": the government).

A country or a capital is metonymic when it is the subject of a verb only an agent does (saying, deciding,
imposing, signing…), or the possessor of such a noun ("Moscow's decision"). The actor stage reads these
mentions as the country's government; the events stage never takes them as an event's place.
"""

from __future__ import annotations

from spacy.tokens import Span

from tacitus.contract import PlaceUse
from tacitus.places.gazetteer import FEATURE_CAPITAL, FEATURE_COUNTRY

AGENT_VERBS = {
    "say", "announce", "accuse", "warn", "demand", "impose", "sign", "reject", "agree", "deny", "call", "urge",
    "condemn", "threaten", "respond", "claim", "insist", "expel", "sanction", "recognize", "recognise",
    "pledge", "propose", "offer", "ask", "refuse", "vow", "want", "decide", "order", "approve", "veto",
    "criticize", "criticise", "protest", "retaliate", "summon", "negotiate", "blame", "vote",
    "send", "launch", "tell", "welcome", "praise", "back", "support", "oppose", "seek", "request",
}  # fmt: skip
AGENT_NOUNS = {
    "decision",
    "statement",
    "demand",
    "refusal",
    "proposal",
    "offer",
    "response",
    "position",
    "plan",
}


def use_of(span: Span, feature: str) -> PlaceUse:
    if feature not in (FEATURE_COUNTRY, FEATURE_CAPITAL):
        return PlaceUse.LITERAL
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_ in AGENT_VERBS:
        return PlaceUse.METONYMIC if root.dep_ == "nsubj" else PlaceUse.LITERAL
    if root.dep_ == "poss" and head.lemma_ in AGENT_NOUNS:
        return PlaceUse.METONYMIC
    return PlaceUse.LITERAL
