"""Sense checks on ambiguous triggers, by general features of the object and the participants.

A trigger word names an event only in some senses: one releases hostages (RETREAT) but also a report (no
event); one attacks a town (ASSAULT) but also an opponent in a debate (ACCUSE); a rally is a protest but a
campaign rally is not. The word lists live in `data/lexicon.yaml` (`publication_nouns`, `verbal_media`,
`abstract_targets`, `non_protest_modifiers`, `generic_determiners`, `non_political_sectors`); each check
returns the entry to code, a re-typed one, or None when the word is not used as an event here.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.ontology import Entry, Lexicon

# Verbs of striking that news also uses of words ("slammed the decision", "hit out at critics").
VERBAL_ASSAULT_VERBS = {"attack", "hit", "slam", "blast", "savage", "lash", "assail", "target", "strike"}
RELEASE_VERBS = {"release", "free", "issue", "publish", "unveil", "launch", "hand"}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _objects(verb: Token) -> list[Token]:
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(child)
            found.extend(c for c in child.children if c.dep_ == "conj")
    return found


def _nearby_nouns(verb: Token, depth: int = 2) -> set[str]:
    """Nouns the verb's clause and the clauses over it speak of: objects and prepositional objects."""
    found: set[str] = set()
    current = verb
    for _ in range(depth + 1):
        for child in current.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                found.add(_lemma(child))
            elif child.dep_ == "prep":
                found.update(_lemma(g) for g in child.children if g.dep_ == "pobj")
        if current.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or current.head is current:
            break
        current = current.head
    return found


def verb_sense(verb: Token, entry: Entry | None, lexicon: Lexicon) -> Entry | None:
    """The verb's entry checked against its object and setting; None when it is not an event here."""
    if entry is None:
        return None
    words = lexicon.words
    objects = {_lemma(o) for o in _objects(verb)}
    if (
        entry.type == "RETREAT"
        and _lemma(verb) in RELEASE_VERBS
        and objects & set(words["publication_nouns"])
    ):
        return None  # "released a report", "freed up the figures": publishing is not giving anything up
    verbal = objects & set(words["abstract_targets"]) or _nearby_nouns(verb) & set(words["verbal_media"])
    if entry.type == "ASSAULT" and fights_no_one(verb, lexicon):
        return None
    if alleged_reason(verb):
        return None
    if entry.type == "ASSAULT" and _lemma(verb) in VERBAL_ASSAULT_VERBS and verbal:
        return Entry("ACCUSE", "disapprove")  # "used the debate to attack his opponent"
    behind = any(c.dep_ == "prep" and c.lower_ in ("behind", "around") for c in verb.children)
    if entry.type == "PROTEST" and _lemma(verb) == "rally" and (behind or objects):
        return Entry("SUPPORT")  # "rallied behind the president", "rallied supporters"
    return entry


FIGHT_VERBS = {"fight", "combat", "battle", "tackle", "counter"}
ENTITY_TYPES = {"NORP", "ORG", "GPE", "PERSON", "LOC", "FAC"}


def fights_no_one(verb: Token, lexicon: Lexicon) -> bool:
    """ "to fight the Ebola epidemic", "fighting terrorism", "fighting extradition": the object is no party
    (no named group, place or person, no armed noun), so the fight is a figure of speech."""
    if _lemma(verb) not in FIGHT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    armed = set(lexicon.words["armed_nouns"])
    for obj in objects:
        for token in obj.subtree:
            if token.ent_type_ in ENTITY_TYPES or _lemma(token) in armed or token.lower_ in armed:
                return False
            if _lemma(token) in ("rebel", "soldier", "militant", "insurgent", "fighter", "troop", "force"):
                return False
    return True


def alleged_reason(verb: Token) -> bool:
    """ "arrested for collaborating with Boko Haram", "convicted of spying": the act is what the arrest or
    charge alleges, not an event the text reports as having happened."""
    head = verb.head
    return (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in ("for", "of", "over")
        and head.head.pos_ == "VERB"
        and _lemma(head.head) in ALLEGING_VERBS
    )


ALLEGING_VERBS = {
    "arrest",
    "detain",
    "jail",
    "imprison",
    "convict",
    "charge",
    "accuse",
    "sentence",
    "prosecute",
    "indict",
    "try",
    "punish",
    "fine",
    "blame",
    "criticize",
    "criticise",
    "condemn",
    "suspect",
    "investigate",
    "execute",
    "expel",
    "deport",
    "ban",
    "sue",
}


def noun_sense(noun: Token, entry: Entry | None, lexicon: Lexicon) -> Entry | None:
    """A nominal event's entry checked against its modifiers ("a campaign rally" is no protest)."""
    if entry is None:
        return None
    words = lexicon.words
    modifiers = {_lemma(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i}
    if entry.type == "PROTEST" and modifiers & set(words["non_protest_modifiers"]):
        return None
    if entry.type == "RETREAT" and entry.mode == "release":
        if modifiers & set(words["publication_modifiers"]):
            return None  # "a press release"
        published = [
            p
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj" and _lemma(p) in words["publication_nouns"]
        ]
        if published:
            return None  # "the release of the report"
    return entry


def generic_subject(token: Token, lexicon: Lexicon) -> bool:
    """The clause over `token` has a quantified, generic subject ("for all good men to come to the aid")."""
    determiners = set(lexicon.words["generic_determiners"])
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            if not _timeless(current):
                return False  # "Every member state condemned the attack": a past act of particular actors
            for child in current.children:
                if child.dep_ in ("nsubj", "nsubjpass") and any(
                    d.dep_ in ("det", "predet") and d.lower_ in determiners for d in child.children
                ):
                    return True
            return False
        if current.head is current:
            return False
        current = current.head
    return False


def _timeless(verb: Token) -> bool:
    """An infinitive or a simple present with no past auxiliary: the tenses a maxim is written in ("for all
    good men to come to the aid", "every citizen has a duty"), never a report of what happened."""
    if verb.tag_ not in ("VB", "VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children)


def non_political_consult(sectors: list[list[str]], lexicon: Lexicon) -> bool:
    """Every participant of a consultation is a medium, a business or a school ("a newspaper's conference")."""
    allowed = set(lexicon.words["non_political_sectors"])
    return bool(sectors) and all(codes and set(codes) <= allowed for codes in sectors)
