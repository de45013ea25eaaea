"""Whether an event happened: occurred, ongoing, planned, postponed, cancelled, denied, hypothetical, conditional.

Read from the trigger's own clause and the verbs that govern it through `xcomp` ("scheduled to take place",
"trying to organize"): negation, modals, conditions ("as soon as", "if", "in any cease-fire"), plan verbs,
postponement verbs, progressive aspect. Each function returns the status and whether the text marks it
(`explicit`); an unmarked nominal ("Abbas' visit") may then take the status of a mention it merges with.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.contract import EventStatus
from tacitus.events.ontology import Lexicon

PRESENT_BE = {"is", "are", "am", "'s", "'re"}
PLAN_NOUNS = {"date", "plan", "preparation", "invitation", "proposal", "schedule", "timetable"}
SCHEDULING_VERBS = {
    "take",
    "hold",
    "happen",
    "occur",
    "begin",
    "start",
    "end",
    "follow",
    "precede",
    "continue",
    "resume",
    "conclude",
    "open",
    "close",
    "go",
    "come",
}


def clause_chain(token: Token) -> list[Token]:
    """The trigger and the heads whose tense and modality it shares.

    Up through `xcomp` ("vowed to free"), through a participle on a copula's complement ("will be the first
    released"), and through `conj` when the conjunct has no auxiliary of its own ("will meet and discuss").
    """
    chain = [token]
    current = token
    for _ in range(6):
        head = current.head
        if head is current:
            break
        if current.dep_ == "xcomp" or (current.dep_ == "conj" and not _has_aux(current)):
            chain.append(head)
        elif current.dep_ in ("attr", "acomp") and head.lemma_ == "be":
            chain.append(head)  # "the two Russians will be the first released"
        elif current.dep_ == "acl" and head.dep_ in ("attr", "acomp") and head.head.lemma_ == "be":
            chain.extend([head, head.head])
            head = head.head
        else:
            break
        current = head
    return chain


def _has_aux(token: Token) -> bool:
    return any(child.dep_ in ("aux", "auxpass") for child in token.children)


def _auxiliaries(chain: list[Token]) -> list[str]:
    return [child.lower_ for token in chain for child in token.children if child.dep_ in ("aux", "auxpass")]


def _condition(chain: list[Token], lexicon: Lexicon) -> bool:
    marks = lexicon.words["condition_marks"]
    for token in chain:
        for child in token.children:
            if child.dep_ in ("advcl", "advmod"):
                opening = " ".join(t.lower_ for t in list(child.subtree)[:3])
                usable = [m for m in marks if child.dep_ == "advcl" or " " in m]  # not "once again"
                if any(opening == mark or opening.startswith(mark + " ") for mark in usable):
                    if mark_is_temporal_past(child):
                        continue
                    return True
            # "will be the first released in any cease-fire agreement": it hangs on a deal that may never come
            if (
                child.dep_ == "prep"
                and child.lower_ in ("in", "under", "with")
                and any(
                    g.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "any" for d in g.children)
                    for g in child.children
                )
            ):
                return True
    return False


def _is_condition(chain: list[Token], lexicon: Lexicon) -> bool:
    marks = {m for m in lexicon.words["condition_marks"] if " " not in m}
    return any(
        t.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)
        and not mark_is_temporal_past(t)
        for t in chain
    )


def mark_is_temporal_past(clause: Token) -> bool:
    """'when he arrived' is a time, not a condition: past tense in the subordinate clause."""
    return clause.tag_ == "VBD" and clause.lower_ != "were"


def governing_control(token: Token, lexicon: Lexicon) -> tuple[str, Token] | None:
    """The plan/try/postpone/cancel/deny verb that governs this one through xcomp or a gerund object."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("xcomp", "dobj", "pcomp", "pobj", "nsubjpass", "ccomp"):
            return None
        head = current.head
        if current.dep_ == "pobj" or (current.dep_ == "pcomp" and head.lower_ == "from"):
            head = head.head  # "barred reporters from entering", "prevented the talks from taking place"
        for kind in ("postpone", "cancel", "deny", "plan", "try", "prevent"):
            if head.lemma_ in lexicon.control[kind] and head.pos_ in ("VERB", "AUX"):
                if kind == "deny" and current.dep_ not in ("ccomp", "xcomp", "dobj", "pcomp"):
                    continue
                if kind == "prevent" and current.dep_ != "pcomp":
                    continue
                return kind, head
        if _phrasal(head) in lexicon.words["postpone_phrasal"]:
            return "postpone", head
        if _phrasal(head) in lexicon.words["cancel_phrasal"]:
            return "cancel", head
        current = head
    return None


def _phrasal(token: Token) -> str:
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), "")
    return f"{token.lemma_} {particle}" if particle else token.lemma_


CONTROL_STATUS = {
    "postpone": EventStatus.POSTPONED,
    "cancel": EventStatus.CANCELLED,
    "deny": EventStatus.DENIED,
    "prevent": EventStatus.DENIED,
    "plan": EventStatus.PLANNED,
    "try": EventStatus.PLANNED,
}


def verb_status(token: Token, lexicon: Lexicon, in_speech: bool = False) -> tuple[EventStatus, bool]:
    """Status of a verbal event from its clause (see module docstring for the order of the tests).

    A verb's tense always states something, so its status counts as explicit.
    """
    chain = clause_chain(token)
    control = governing_control(chain[-1], lexicon) or governing_control(token, lexicon)
    if control is not None and control[0] in ("postpone", "cancel"):
        return CONTROL_STATUS[control[0]], True
    if _negated(chain):
        return EventStatus.DENIED, True
    if control is not None and control[0] in ("deny", "prevent"):
        return EventStatus.DENIED, True
    if _unasserted(chain, lexicon):
        return EventStatus.HYPOTHETICAL, True
    if _condition(chain, lexicon):
        return EventStatus.CONDITIONAL, True
    if _is_condition(chain, lexicon):
        return EventStatus.HYPOTHETICAL, True  # "…if a truce is declared": the truce is only supposed
    auxes = _auxiliaries(chain)
    if any(aux in lexicon.words["hypothetical_modals"] and aux != "would" for aux in auxes):
        return EventStatus.HYPOTHETICAL, True
    if "would" in auxes:
        # Future-in-the-past in reported speech ("said they would meet"), a hypothetical elsewhere.
        return (EventStatus.PLANNED if in_speech else EventStatus.HYPOTHETICAL), True
    if any(aux in lexicon.words["future_modals"] for aux in auxes) or _going_to(chain):
        return EventStatus.PLANNED, True
    if control is not None:
        return CONTROL_STATUS[control[0]], True
    if _unrealised_infinitive(token):
        return EventStatus.PLANNED, True
    if any(aux in lexicon.words["obligation_modals"] for aux in auxes):
        return EventStatus.HYPOTHETICAL, True
    if _progressive(token) or _scheduled_passive(token):
        return (EventStatus.PLANNED if _scheduled_passive(token) else EventStatus.ONGOING), True
    return EventStatus.OCCURRED, True


# Verbs whose to-infinitive happened when they did ("managed to land", "began to fall"): no future.
IMPLICATIVES = {
    "manage",
    "begin",
    "start",
    "continue",
    "fail",
    "happen",
    "get",
    "come",
    "use",
    "stop",
    "cease",
    "seem",
    "appear",
    "tend",
    "have",
    "need",
    "be",
    "help",
    "go",
    "keep",
    "remain",
    "dare",
    "refuse",
}


def _unrealised_infinitive(token: Token) -> bool:
    """ "won a contract to supply tankers": a to-infinitive states a purpose or aim, not a fact."""
    if token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_ in IMPLICATIVES:
        return False
    return token.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp", "csubj", "conj", "attr")


def _unasserted(chain: list[Token], lexicon: Lexicon) -> bool:
    """ "We are not saying that they ordered it": the clause of a negated verb of saying is not asserted."""
    top = chain[-1]
    if top.dep_ != "ccomp" or top.head is top:
        return False
    head = top.head
    return head.lemma_ in lexicon.words["assertion_verbs"] and any(c.dep_ == "neg" for c in head.children)


NEGATIVE_SUBJECTS = {"nobody", "none", "nothing", "neither"}


def _negated(chain: list[Token]) -> bool:
    """ "did not attack", "never met", "no one was killed", "nobody was arrested", "left without meeting"."""
    for token in chain:
        for child in token.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and (
                child.lower_ in NEGATIVE_SUBJECTS
                or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
            ):
                return True
    top = chain[-1]
    return top.dep_ == "pcomp" and top.head.lower_ == "without"


def _going_to(chain: list[Token]) -> bool:
    return any(t.head.lemma_ == "go" and t.head.tag_ == "VBG" and t.dep_ == "xcomp" for t in chain)


def _progressive(token: Token) -> bool:
    if token.tag_ != "VBG":
        return False
    auxes = [c.lower_ for c in token.children if c.dep_ == "aux"]
    return any(a in PRESENT_BE for a in auxes) or "been" in auxes and any(a in ("has", "have") for a in auxes)


def _scheduled_passive(token: Token) -> bool:
    """ "is expected to meet", "is set to visit": a passive plan verb over the event."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_ in ("expect", "schedule", "set", "due", "plan")
        and any(c.dep_ == "auxpass" for c in head.children)
    )


def noun_status(noun: Token, lexicon: Lexicon, in_speech: bool = False) -> tuple[EventStatus, bool]:
    """Status of a nominal event: its determiners and adjectives, else the verb it is an argument of."""
    children = list(noun.children)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return EventStatus.DENIED, True
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ == "for"
        and head.head.lemma_ in PLAN_NOUNS
    ):
        return EventStatus.PLANNED, True  # "a date for Abbas' visit"
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
        control = governing_control(noun, lexicon)
        if control is not None and control[0] in ("postpone", "cancel", "deny"):
            return CONTROL_STATUS[control[0]], True
        if head.lemma_ in SCHEDULING_VERBS or head.lemma_ in lexicon.light_verbs:
            status, explicit = verb_status(head, lexicon, in_speech)
            if explicit:
                return status, True
    if any(c.dep_ == "amod" and c.lower_ in lexicon.words["planned_modifiers"] for c in children):
        return EventStatus.PLANNED, True
    if any(c.dep_ == "det" and c.lower_ == "any" for c in children):
        return EventStatus.HYPOTHETICAL, True
    return EventStatus.OCCURRED, False
