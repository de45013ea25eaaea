"""Pronouns and definite descriptions pointed at the actor they stand for.

Deliberately simple and local: a personal pronoun goes to the subject person of its own sentence before it, else
to the subject (or first) person of the nearest earlier sentence naming one; "the group", "the outlet", "the
Eurasian country" go to the nearest earlier actor of the matching type (a subject of the same sentence first),
filtered by any regional adjective. Wrong links cost more than missing ones, so the window is a few sentences.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from tacitus.actors.resolve import Cluster
from tacitus.contract import ActorType

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_SUBJECT = {"nsubj", "nsubjpass"}
DESCRIPTIONS: dict[str, set[ActorType]] = {
    "country": {ActorType.COUNTRY},
    "nation": {ActorType.COUNTRY},
    "kingdom": {ActorType.COUNTRY},
    "republic": {ActorType.COUNTRY},
    "emirate": {ActorType.COUNTRY},
    "group": {ActorType.GROUP, ActorType.ORGANIZATION},
    "movement": {ActorType.GROUP},
    "faction": {ActorType.GROUP},
    "militia": {ActorType.GROUP},
    "organization": {ActorType.ORGANIZATION, ActorType.GROUP},
    "organisation": {ActorType.ORGANIZATION, ActorType.GROUP},
    "party": {ActorType.GROUP},
    "outlet": {ActorType.MEDIA},
    "newspaper": {ActorType.MEDIA},
    "broadcaster": {ActorType.MEDIA},
    "agency": {ActorType.MEDIA, ActorType.ORGANIZATION},
    "network": {ActorType.MEDIA},
    "paper": {ActorType.MEDIA},
    "publication": {ActorType.MEDIA},
    "alliance": {ActorType.ORGANIZATION},
    "bloc": {ActorType.ORGANIZATION},
}
WINDOW = 4  # sentences back
_SAYING = {"say", "add", "announce", "state", "tell", "warn", "claim", "deny", "insist", "report", "write"}
_SPEAKING_BODIES = {ActorType.ORGANIZATION, ActorType.GROUP, ActorType.COUNTRY, ActorType.MEDIA}


_FEMININE = {"she", "her", "hers", "herself"}
_GENDERED_WORDS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "king": "m",
    "queen": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "prince": "m",
    "princess": "f",
    "sir": "m",
    "lady": "f",
}


def _gender_cues(doc: Doc, clusters: list[Cluster]) -> dict[int, str]:
    """A person's grammatical gender from the words right before a name ("Mrs. Clinton", "spokeswoman
    Maria Zakharova"): id(cluster) → "m" or "f"; persons with conflicting or no cues are left out."""
    found: dict[int, set[str]] = {}
    for cluster in clusters:
        if cluster.kind != ActorType.PERSON:
            continue
        for mention in cluster.mentions:
            for i in range(max(0, mention.start - 2), mention.start):
                gender = _GENDERED_WORDS.get(doc[i].lower_)
                if gender:
                    found.setdefault(id(cluster), set()).add(gender)
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}


def resolve_references(doc: Doc, clusters: list[Cluster]) -> None:
    """Add pronoun and description mentions (token spans) to the clusters they refer to. A personal pronoun
    goes only to a person of its gender: known from "Mr."/"Mrs."/gendered titles, else from the first
    pronoun the person took ("Warren … she" then "he" in the next sentence is someone else)."""
    sentence_of = _sentence_index(doc)
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    owners = [(m.start, m.end, c) for c in clusters for m in c.mentions]
    owners.sort(key=lambda item: item[0])
    gender = _gender_cues(doc, clusters)
    # Only mentions from WINDOW sentences back up to the token can be antecedents: sliced by bisect from the
    # owners sorted by start, not filtered from every mention of the article per pronoun.
    owner_starts = [item[0] for item in owners]
    sentence_first: dict[int, int] = {}
    for i, number in sentence_of.items():
        sentence_first.setdefault(number, i)

    def nearby(token: Token) -> list:
        first = sentence_first[max(0, sentence_of[token.i] - WINDOW)]
        return owners[bisect_left(owner_starts, first) : bisect_right(owner_starts, token.i)]

    for token in doc:
        if token.i in covered:
            continue
        lower = token.lower_
        if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
            wanted = "f" if lower in _FEMININE else "m"
            agreeing = [o for o in nearby(token) if gender.get(id(o[2]), wanted) == wanted]
            cluster = _antecedent(doc, token, agreeing, sentence_of, {ActorType.PERSON}, ())
            if cluster is not None:
                cluster.extra.append((token.i, token.i + 1))
                gender.setdefault(id(cluster), wanted)
        elif lower == "it" and token.dep_ in _SUBJECT and token.head.lemma_ in _SAYING:
            # "Hamas issued a statement. It said…": a body that speaks
            cluster = _antecedent(doc, token, nearby(token), sentence_of, _SPEAKING_BODIES, ())
            if cluster is not None:
                cluster.extra.append((token.i, token.i + 1))
        elif lower in DESCRIPTIONS and token.pos_ == "NOUN" and token.dep_ != "compound" and _definite(token):
            regions = _regions(token)
            cluster = _antecedent(doc, token, nearby(token), sentence_of, DESCRIPTIONS[lower], regions)
            if cluster is not None:
                cluster.extra.append((_det(token).i, token.i + 1))


def _definite(token: Token) -> bool:
    det = _det(token)
    return det is not None and det.lower_ in ("the", "this", "that")


def _det(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "det" and c.i < token.i), None)


def _regions(token: Token) -> tuple[str, ...]:
    """'the Eurasian country' → ('eurasian', 'eurasia', ...): forms to find among a country's regions."""
    forms: list[str] = []
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.i < token.i:
            word = child.lower_
            forms += [word, word[:-1], word[:-2], word[:-3]] if len(word) > 4 else [word]
    return tuple(forms)


def _sentence_index(doc: Doc) -> dict[int, int]:
    index = {}
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            index[token.i] = number
    return index


def _antecedent(doc: Doc, token: Token, owners, sentence_of, kinds, regions) -> Cluster | None:
    here = sentence_of[token.i]
    candidates = [
        (start, end, c)
        for start, end, c in owners
        if end <= token.i
        and c.kind in kinds
        and here - sentence_of[start] <= WINDOW
        and _in_region(c, regions)
    ]
    if not candidates:
        return None
    same = [item for item in candidates if sentence_of[item[0]] == here]
    if same:
        subjects = [item for item in same if doc[item[0] : item[1]].root.dep_ in _SUBJECT]
        return (subjects or same)[-1][2]
    latest = max(sentence_of[item[0]] for item in candidates)
    previous = [item for item in candidates if sentence_of[item[0]] == latest]
    subjects = [item for item in previous if doc[item[0] : item[1]].root.dep_ in _SUBJECT]
    return (subjects or previous)[0][2]


def _in_region(cluster: Cluster, regions: tuple[str, ...]) -> bool:
    if not regions or cluster.entry is None or not cluster.entry.region:
        return True
    known = set(cluster.entry.region)
    hits = [form for form in regions if form in known]
    mentions_region = any(form in _ALL_REGIONS for form in regions)
    return bool(hits) or not mentions_region


_ALL_REGIONS = {
    "eurasia",
    "europe",
    "asia",
    "africa",
    "middle east",
    "gulf",
    "arab",
    "balkan",
    "baltic",
    "nordic",
    "scandinavian",
    "caucasus",
    "pacific",
    "caribbean",
    "latin america",
    "americas",
    "central asia",
    "east asia",
    "south asia",
    "southeast asia",
    "north africa",
    "west africa",
    "east africa",
    "southern africa",
    "central africa",
    "sahel",
    "maghreb",
    "mediterranean",
    "andean",
    "persian",
    "western",
    "himalayan",
    "alpine",
    "oceania",
}
