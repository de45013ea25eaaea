"""Who took part: an event's sources and targets read from its arguments on the parse.

A mixin of `Coder` (it uses `self.resolver` for the actor ids and `self.noun_entry` to tell event nouns from
participants): subjects with control ("called on the group to release" → the group releases), passive agents,
objects and the prepositions each type takes its target with, possessors and "from/by" of event nouns,
conjoined actors, and modifiers standing for a country ("the remaining Russian hostages").
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.resolve import PLURAL_PRONOUNS
from tacitus.events.status import clause_chain

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TARGET_PREPS = {
    "CONSULT": ("with",),
    "REQUEST": ("on", "to", "of"),
    "ACCUSE": ("against", "of"),
    "THREATEN": ("against", "with"),
    "ASSAULT": ("on", "against", "at"),
    "SANCTION": ("on", "against"),
    "COERCE": ("on", "against"),
    "AID": ("to",),
    "SUPPORT": ("for", "to"),
    "COOPERATE": ("with",),
    "AGREE": ("with",),
    "REJECT": (),
    "RETREAT": ("to",),
    "PROTEST": ("against",),
    "MOBILIZE": ("against",),
    "CONCEDE": ("to",),
}
NOUN_SOURCE_PREPS = ("by", "from")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


class Arguments:
    def phrase_actors(self, token: Token, depth: int = 0) -> list[str]:
        """Actors a noun phrase names: its head, its conjuncts, else its modifiers ("Russian hostages")."""
        found: list[str] = []
        if token.lower_ in PLURAL_PRONOUNS:
            found.extend(self._plural_pronoun(token))
            head_actor = found[0] if found else None
        else:
            head_actor = self.resolver.actor_of_token(token)
        if head_actor and not found:
            found.append(head_actor)
        elif depth < 2:
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod") and child.pos_ in (
                    "PROPN",
                    "ADJ",
                    "PRON",
                ):
                    found.extend(a for a in self.phrase_actors(child, depth + 1) if a not in found)
                elif child.dep_ == "prep" and child.lower_ in ("of", "including"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(a for a in self.phrase_actors(pobj, depth + 1) if a not in found)
        for child in token.children:
            if child.dep_ == "conj" or (child.dep_ == "appos" and not found):
                # "Hamas and Fatah"; "the two countries, Egypt and Jordan,": the apposition names them
                found.extend(a for a in self.phrase_actors(child, depth) if a not in found)
            if child.dep_ == "prep" and child.lower_ == "including" and head_actor is None and depth == 0:
                continue
        return found

    def _plural_pronoun(self, token: Token) -> list[str]:
        """ "during their talks": the people named earlier in the sentence, else the last group."""
        found = []
        for other in token.sent:
            if other.i >= token.i:
                break
            if other.pos_ == "PROPN" and other.dep_ != "compound":
                actor = self.resolver.actor_of_token(other)
                if actor and actor not in found and self.resolver.is_person(actor):
                    found.append(actor)
        return found if len(found) >= 2 else self.resolver.resolve_pronoun(token)

    def subject_actors(self, verb: Token | None) -> list[str]:
        if verb is None:
            return []
        current = verb
        for _ in range(5):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
            if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return self.phrase_actors(current.head)  # "Erdogan, who met Putin on Monday, …"
            if subjects:
                return self.phrase_actors(subjects[0])
            if current.dep_ == "xcomp":
                head = current.head
                # object control: "called on the group to release", "urged the EC to support"
                for child in head.children:
                    if child.dep_ == "dobj":
                        return self.phrase_actors(child)
                    if child.dep_ == "prep" and child.lower_ == "on":
                        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if pobj is not None:
                            return self.phrase_actors(pobj)
                current = head
            elif current.dep_ in ("conj", "acomp", "attr") or (
                current.dep_ == "advcl"
                and (
                    current.tag_ == "VBG"
                    or any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
                )
            ):  # "used the debate to attack his opponent": a purpose clause shares its head's subject
                current = current.head
            elif current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                if current.dep_ == "relcl" and any(c.dep_ in SUBJECTS for c in current.children):
                    return []
                return self.phrase_actors(current.head)  # "a Hamas delegation … visiting Moscow"
            else:
                return []
        return []

    def agent_actors(self, verb: Token) -> list[str]:
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.phrase_actors(pobj)
        return []

    def object_actors(self, verb: Token, type_name: str, passive: bool) -> list[str]:
        found: list[str] = []
        if verb.dep_ in ("attr", "acomp", "acl") and verb.tag_ == "VBN":
            # "the two Russians will be the first released": the patient is the copula's subject
            copula = next((t for t in clause_chain(verb)[1:] if t.lemma_ == "be"), None)
            subject = next((c for c in copula.children if c.dep_ == "nsubj"), None) if copula else None
            if subject is not None:
                found.extend(self.phrase_actors(subject))
        roles = ("nsubjpass",) if passive else ("dobj", "dative")
        for child in verb.children:
            if child.dep_ in roles:
                found.extend(a for a in self.phrase_actors(child) if a not in found)
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS.get(type_name, ()):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(a for a in self.phrase_actors(pobj) if a not in found)
        return found

    def control_targets(self, verb: Token, action: Token | None) -> list[str]:
        found: list[str] = []
        for child in verb.children:
            if (
                child.dep_ in ("dobj", "dative")
                and (action is None or child.i != action.i)
                and self.noun_entry(child) is None
            ):
                found.extend(self.phrase_actors(child))
            if child.dep_ == "prep" and child.lower_ in ("on", "to", "with", "against"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (action is None or pobj.i != action.i):
                        found.extend(a for a in self.phrase_actors(pobj) if a not in found)
        if action is not None and not found:
            if action.pos_ in ("VERB", "AUX"):
                if any(c.dep_ in SUBJECTS for c in action.children):  # "demanded that the US cancel"
                    found.extend(self.subject_actors(action))
                else:
                    found.extend(self.object_actors(action, "REQUEST", False))
            else:
                found.extend(self.noun_targets(action, "REQUEST"))
        return found

    def noun_sources(self, noun: Token) -> list[str]:
        found: list[str] = []
        possessor = self._apostrophe_possessor(noun)
        if possessor is not None:
            found.extend(self.phrase_actors(possessor))
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.i < noun.i):
                found.extend(a for a in self.phrase_actors(child) if a not in found)
            elif child.dep_ == "prep" and child.lower_ in NOUN_SOURCE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(a for a in self.phrase_actors(pobj) if a not in found)
        if (
            not found
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_ in ("delegation", "team", "envoy")
        ):
            found.extend(self.phrase_actors(noun.head.head))
        return found

    def _apostrophe_possessor(self, noun: Token) -> Token | None:
        """ "Abbas’ upcoming visit": spaCy often parses the bare apostrophe apart; read the possessor back."""
        left = min([noun.i, *(c.i for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i)])
        if left >= 2 and noun.doc[left - 1].text in ("’", "'") and noun.doc[left - 2].pos_ == "PROPN":
            return noun.doc[left - 2]
        return None

    def noun_targets(self, noun: Token, type_name: str) -> list[str]:
        found: list[str] = []
        preps = set(TARGET_PREPS.get(type_name, ())) | {"with", "between", "among", "of", "on", "against"}
        if type_name in ("CONSULT",):
            preps.add("to")
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self.noun_entry(pobj) is None:
                        found.extend(a for a in self.phrase_actors(pobj) if a not in found)
        return found
