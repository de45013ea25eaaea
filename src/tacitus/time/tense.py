"""Which verb a span hangs from, and whether that verb's clause is past, future or unknown.

Read from spaCy's dependency parse and tags (already computed for the article): no second model.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tacitus.time.calendar import FUTURE, PAST, UNKNOWN

VERBAL = {"VERB", "AUX"}
FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo"}
# Governing words whose complement lies ahead: "plans to meet on Friday", "is expected on Monday".
FUTURE_HEADS = {
    "plan",
    "expect",
    "schedule",
    "due",
    "set",
    "intend",
    "hope",
    "aim",
    "prepare",
    "propose",
    "want",
    "seek",
    "try",
    "agree",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "upcoming",
    "next",
    "wish",
    "decide",
}
SCHEDULING = {"schedule", "slate", "due", "plan", "expect"}
# Verbs that report speech: the clause a timex reports, and the clause of the report itself.
REPORTING_LEMMAS = {
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "claim",
    "report",
    "confirm",
    "deny",
    "insist",
    "declare",
    "note",
    "warn",
    "explain",
    "write",
    "argue",
    "accuse",
    "reveal",
    "disclose",
    "suggest",
    "stress",
    "acknowledge",
    "admit",
    "allege",
    "assert",
    "predict",
    "comment",
    "reply",
    "respond",
    "indicate",
    "believe",
    "urge",
    "vow",
    "promise",
    "pledge",
}


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above `token` in the parse (the sentence root if none)."""
    current = token
    for _ in range(40):  # parse trees are shallow; the bound guards against a malformed one
        if current.pos_ in VERBAL and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def clause_direction(verb: Token, depth: int = 0) -> int:
    """Past (-1), future (+1) or unknown (0) for the clause headed by `verb`."""
    if depth > 4:
        return UNKNOWN
    if verb.lemma_.lower() in SCHEDULING:
        return FUTURE  # "a June 3 hearing has been scheduled": the date is the plan's, ahead
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowers = {aux.lower_ for aux in auxiliaries}
    if lowers & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return FUTURE
    if "going" in lowers and any(child.lower_ == "to" for child in auxiliaries):
        return FUTURE
    past_form = any(aux.tag_ == "VBD" for aux in auxiliaries) or verb.tag_ == "VBD"
    if past_form and not lowers & {"would", "could", "might", "should"}:
        return PAST
    if any(aux.lemma_ == "have" or aux.lower_ == "having" for aux in auxiliaries) and verb.tag_ == "VBN":
        return PAST  # also "having left port on Wednesday" (the model lemmatises "having" as itself)
    if "to" in lowers or (verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl", "ccomp")):
        head = verb.head
        if head is not verb and (head.lemma_.lower() in FUTURE_HEADS or head.lower_ in FUTURE_HEADS):
            return FUTURE
        if head is not verb and head.pos_ in VERBAL:
            inherited = (
                clause_direction(head, depth + 1) if head.lemma_.lower() not in REPORTING_LEMMAS else UNKNOWN
            )
            return inherited if inherited == FUTURE else UNKNOWN
    if verb.tag_ == "VBG" and any(aux.lemma_ == "be" and aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
        return FUTURE  # "is visiting Moscow next week"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return PAST  # "the agreement signed in March"
    if verb.lemma_.lower() in FUTURE_HEADS and verb.tag_ in ("VBN", "JJ"):
        return FUTURE  # "scheduled for June"
    if (verb.tag_ in ("VBG", "VBN", "VB") and verb.dep_ in ("acl", "xcomp", "conj")) or _circumstance(verb):
        # A non-finite clause takes its time from the finite one above it: "a delegation … visiting Moscow
        # in January" belongs to "followed", past; so do "Left on Wednesday, the boy was found …" and
        # "Speaking on Saturday, the minister said …".
        head = governing_verb(verb.head)
        if head is not verb and depth < 4:
            return clause_direction(head, depth + 1)
    return UNKNOWN


def _circumstance(verb: Token) -> bool:
    """A participle clause giving the main clause's circumstance: passive anywhere ("…, held on Monday,"),
    active only in front ("Speaking on Saturday, …"); a trailing "…, resulting in closures in the fourth
    quarter" is a consequence that may lie ahead."""
    if verb.dep_ != "advcl" or any(child.dep_ in ("aux", "auxpass", "mark") for child in verb.children):
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "VBG" and verb.i < verb.head.i)


def span_direction(doc: Doc, start: int, end: int) -> int:
    span = char_span(doc, start, end)
    if span is None or not len(span):
        return UNKNOWN
    root = span.root
    # "the upcoming visit in March", "next meeting in May": the noun phrase itself points ahead.
    for token in (root.head, *root.head.children):
        if token.lower_ in ("upcoming", "forthcoming", "coming", "planned", "scheduled") and token.i < root.i:
            return FUTURE
    return clause_direction(governing_verb(root))
