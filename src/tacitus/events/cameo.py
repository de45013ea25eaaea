"""Verbs the hand lexicon lacks, coded from the converted CAMEO verb dictionary (`data/cameo_verbs.tsv`).

CAMEO's coders wrote patterns for verbs with a telling object ("launch * OFFENSIVE", "arrive * (FOR TALKS)")
and a default code for each verb alone. The hand lexicon (`lexicon.yaml`) always wins; CAMEO fills the gaps.
A verb alone is noisier than a pattern (CAMEO codes "go" as a consultation, "die" as an assault), so the
coder takes a `cameo-verb` only for the material types below, when the clause names both a source and a
target, as PETRARCH did, and never for a verb the hand lexicon already uses as a control, speech or light verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tacitus.events.ontology import CameoVerbs, Entry

# Measured on the tune parts (eval/events_rules.py, 2026-12-02): CAMEO's patterns typed AGREE (its 03x
# "express intent") or REQUEST agreed with the gold 6 times in 37, since our control verbs read intent and
# requests from the clause; its verbs alone were right for violence, coercion and concessions ("battled",
# "destroyed", "pardoned", "loosened") and wrong for its cooperation and consultation codes ("expand",
# "improve", "consider", "leave").
PATTERN_SKIPPED_TYPES = {"AGREE", "REQUEST"}
VERB_ALONE_TYPES = {"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "SANCTION", "MOBILIZE", "PROTEST"}


@dataclass(frozen=True)
class CameoMatch:
    entry: Entry
    kind: str  # "cameo-object", "cameo-prep" or "cameo-verb"


def _word(token: Token) -> str:
    return token.lemma_.lower().replace("-", "")


def cameo_match(
    verb: Token, lemma: str, cameo: CameoVerbs, reserved: set[str], blocked: set[str]
) -> CameoMatch | None:
    """The CAMEO reading of `verb`: an object pattern, then a prepositional pattern, then the verb alone.

    `blocked` verbs are never read from CAMEO (the status verbs: "called off the talks" cancels the talks),
    `reserved` ones only through a pattern.
    """
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    keys = [f"{lemma} {particle}", lemma] if particle else [lemma]
    if any(key in blocked for key in keys):
        return None
    for key in keys:
        objects = cameo.objects.get(key, {})
        for child in verb.children:
            entry = objects.get(_word(child)) if child.dep_ in ("dobj", "nsubjpass") else None
            if entry is not None and entry.type not in PATTERN_SKIPPED_TYPES:
                return CameoMatch(entry, "cameo-object")
        preps = cameo.preps.get(key, {})
        for child in verb.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    entry = preps.get(f"{child.lower_} {_word(pobj)}") if pobj.dep_ == "pobj" else None
                    if entry is not None and entry.type not in PATTERN_SKIPPED_TYPES:
                        return CameoMatch(entry, "cameo-prep")
        entry = cameo.verbs.get(key)
        if entry is not None and key not in reserved and entry.type in VERB_ALONE_TYPES:
            return CameoMatch(entry, "cameo-verb")
    return None
