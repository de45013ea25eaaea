"""Quotes: who said what, direct or reported, to which outlet, with which verb.

`find_quotes(doc)` works on the parse alone and returns token spans (speaker, cue, content, medium), which the
evaluation scores directly; `annotate` turns them into contract quotes with actor ids. Direct quotes are text
between quotation marks in any style (“…”, "…", «…», „…“, ‘…’), one-word partial quotes included; their speaker
comes from the verb of saying that governs them, else a cue in the same sentence, else the sentence that
introduces them ("… said:"), else the previous quote of the same paragraph run. Reported speech is a verb of
saying with a clausal complement ("X said that…", "X told Y that…"), a trailing "…, X said" and "according to X".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from tacitus.analysis import Analysis
from tacitus.contract import ActorType, Document, Quote
from tacitus.contract import Span as TextSpan
from tacitus.quote_marks import (
    STANCE_VERBS,
    QuoteFinding,
    dash_signature,
    join_continued,
    mostly_inside,
    noun_reports,
    scare_quote,
    speaker_labels,
    stance_object,
    strip_span,
    widen_partial,
)
from tacitus.time import date_for_span

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "declare",
        "claim",
        "insist",
        "argue",
        "explain",
        "note",
        "warn",
        "vow",
        "pledge",
        "promise",
        "urge",
        "deny",
        "confirm",
        "report",
        "write",
        "tweet",
        "post",
        "ask",
        "reply",
        "respond",
        "acknowledge",
        "admit",
        "suggest",
        "predict",
        "stress",
        "emphasize",
        "emphasise",
        "assert",
        "maintain",
        "contend",
        "allege",
        "accuse",
        "describe",
        "reiterate",
        "recall",
        "conclude",
        "comment",
        "remark",
        "testify",
        "caution",
        "complain",
        "concede",
        "observe",
        "reveal",
        "disclose",
        "indicate",
        "signal",
        "hint",
        "question",
        "wonder",
        "joke",
        "quip",
        "boast",
        "counter",
        "retort",
        "charge",
        "repeat",
        "cite",
        "echo",
        "call",
        "demand",
        "propose",
        "recommend",
        "threaten",
        "estimate",
        "point",
        "mention",
    }
)
BELIEF_VERBS = frozenset(
    {
        "believe",
        "think",
        "expect",
        "hope",
        "fear",
        "know",
        "feel",
        "worry",
        "doubt",
        "suspect",
        "consider",
        "assume",
        "reckon",
        "see",
        "understand",
        "find",
        "show",
        "want",
    }
)
_QUOTE_PATTERNS = [
    re.compile(p)
    for p in (
        r"“([^”\n]+)”",
        r'"([^"\n]+)"',
        r"«\s*([^»\n]+?)\s*»",
        r"„([^“”\n]+)[“”]",
        r"(?<![\w’'])‘([^’\n]{2,}?)’(?!\w)",
        r"``([^\n]+?)''",
        r"(?<![\w'])''(?!')([^\n]+?)''(?!\w)",  # ''…'': the doubled apostrophes of NYT archive text
    )
]
_SUBJECTS = {"nsubj", "nsubjpass"}
_MEDIUM_NOUNS = {
    "interview",
    "statement",
    "broadcast",
    "podcast",
    "op-ed",
    "article",
    "post",
    "briefing",
    "conference",
}


def find_quotes(doc: Doc, text: str | None = None) -> list[QuoteFinding]:
    """Every direct and reported attribution in a parse, in text order (`text`: doc.text, if already built)."""
    text = doc.text if text is None else text
    direct = _direct_quotes(doc, text)
    labelled = speaker_labels(doc, text, direct)
    direct = sorted([*direct, *labelled], key=lambda q: q.char_start)
    quoted = {i for q in direct for part in (q.marks or [q.content]) for i in range(*part)}
    reported = _reported(doc, quoted)
    for quote in direct:
        for statement in reported:
            if quote.cue is not None and quote.cue == statement.cue and mostly_inside(quote, statement):
                quote.nested = True
    return sorted([*direct, *reported], key=lambda q: (q.char_start, not q.direct))


def _direct_quotes(doc: Doc, text: str) -> list[QuoteFinding]:
    found: list[QuoteFinding] = []
    taken: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if any(s < end and start < e for s, e in taken) or not match.group(1).strip():
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            taken.append((match.start(), match.end()))
            found.append(
                QuoteFinding(
                    content=(span.start, span.end),
                    direct=True,
                    char_start=start,
                    char_end=end,
                    marks=[(span.start, span.end)],
                )
            )
    found.sort(key=lambda q: q.char_start)
    previous: QuoteFinding | None = None
    for quote in found:
        _attribute_direct(doc, text, quote, previous)
        previous = quote
    kept = [q for q in found if not scare_quote(doc, text, q)]
    for quote in kept:
        widen_partial(doc, quote)
    return join_continued(doc, text, kept)


def _attribute_direct(doc: Doc, text: str, quote: QuoteFinding, previous: QuoteFinding | None) -> None:
    start, end = quote.content
    inside = set(range(start, end))
    signed = dash_signature(doc, text, quote)
    if signed is not None:
        first = signed
        while first - 1 > end and doc[first - 1].pos_ == "PROPN":
            first -= 1
        quote.cue = first - 1 if doc[first - 1].is_punct else first  # the dash
        quote.speaker, quote.speaker_phrase = (signed, signed + 1), (first, signed + 1)
        return
    cue = _governing_cue(doc[start:end], inside)
    quote.governed = cue is not None
    if cue is None:
        cue = _cue_near(doc, doc[start].sent.start, doc[end - 1].sent.end, inside, start, end)
    if cue is None and end < len(doc):
        following = doc[end - 1].sent.end
        if following < len(doc):  # “…” \n said Marzouk.  (the parser split the sentence after the quote)
            sent = doc[following].sent
            cue = _cue_near(doc, sent.start, min(sent.end, sent.start + 5), inside, start, end)
    if cue is None and start > 0:
        before = doc[doc[start].sent.start - 1] if doc[start].sent.start > 0 else None
        if before is not None and before.sent.text.rstrip().endswith(":"):
            sent = before.sent
            cue = _cue_near(doc, sent.start, sent.end, inside, start, end)
    if cue is not None:
        quote.cue = cue.i
        quote.speaker, quote.speaker_phrase = _speaker(doc, cue)
        quote.medium = _medium(doc, cue)
    elif previous is not None and _same_run(text, previous, quote):
        quote.cue, quote.speaker, quote.speaker_phrase = (
            previous.cue,
            previous.speaker,
            previous.speaker_phrase,
        )
        quote.medium = previous.medium


def _same_run(text: str, previous: QuoteFinding, quote: QuoteFinding) -> bool:
    """Consecutive quotes close together, at most one paragraph break apart."""
    gap = text[previous.char_end : quote.char_start]
    return previous.speaker is not None and len(gap) < 200 and gap.count("\n\n") <= 1


def _is_cue(token: Token) -> bool:
    """A verb of saying that is not negated ("he did not say what the date is" reports nothing)."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.lemma_ in SPEECH_VERBS
        and not any(c.dep_ == "neg" for c in token.children)
    )


def _governing_cue(span: Span, inside: set[int]) -> Token | None:
    """The verb of saying above the quote in the parse: 'Marzouk said that Russia should be a “guarantor”'."""
    token = span.root
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if token.i not in inside and _is_cue(token):
            return token
    return None


def _cue_near(doc: Doc, lo: int, hi: int, inside: set[int], start: int, end: int) -> Token | None:
    candidates = [t for t in doc[lo:hi] if t.i not in inside and _is_cue(t)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: start - t.i if t.i < start else t.i - end)


def _speaker(doc: Doc, cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    inverted = _inverted_subject(doc, cue)
    if inverted is not None:  # "…,” said Douglas Holtz-Eakin, an economist: the name right after the verb
        return (inverted.i, inverted.i + 1), _phrase(inverted)
    return _subject_speaker(doc, cue)


def _inverted_subject(doc: Doc, cue: Token) -> Token | None:
    """The name that follows the verb of saying in an inverted frame ("said Mr. Burman", "added Sen. Reid")."""
    i = cue.i + 1
    if i >= len(doc) or cue.lemma_ not in ("say", "add", "write", "continue", "explain"):
        return None
    if any(c.dep_ in _SUBJECTS and c.i < cue.i for c in cue.children):
        return None
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in ("DATE", "TIME", "GPE"):
        i += 1
    return doc[i - 1] if i > cue.i + 1 else None


def _subject_speaker(doc: Doc, cue: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    verb = cue
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = (
                next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            )
        if subject is not None:
            return (subject.i, subject.i + 1), _phrase(subject)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        else:
            break
    return None, None


def _phrase(token: Token) -> tuple[int, int]:
    """The noun phrase of a head word, without relative clauses or appositives after it."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "prep"):
            break
        right = child.right_edge.i
    return left, right + 1


def _medium(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """'told Sputnik', 'in an interview with Sputnik', 'speaking to CNN': the outlet the words were given to."""
    if cue.lemma_ == "tell":
        addressees = [
            c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ in ("PROPN", "NOUN")
        ]
        if addressees:  # "told Russian government news agency RIA Novosti" parses as two objects
            return min(a.left_edge.i for a in addressees), max(a.right_edge.i for a in addressees) + 1
    for token in cue.sent:
        if token.lower_ in _MEDIUM_NOUNS:
            with_ = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "on")), None
            )
            target = (
                next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
            )
            if target is not None and target.pos_ in ("PROPN", "NOUN"):
                return target.left_edge.i, target.right_edge.i + 1
    return None


def _reported(doc: Doc, quoted: set[int]) -> list[QuoteFinding]:
    found = []
    for token in doc:
        if token.i in quoted or token.pos_ not in ("VERB", "AUX"):
            continue
        belief = token.lemma_ in BELIEF_VERBS
        if not (_is_cue(token) or belief):
            continue
        content = _complement(doc, token)
        stance = content is None and token.lemma_ in STANCE_VERBS
        if stance:
            content = stance_object(doc, token)
        if content is None or sum(t.is_alpha for t in doc[content[0] : content[1]]) < 3:
            continue  # "Polls showed", "That was": too short to be what anyone said
        tokens = range(*content)
        if sum(i in quoted for i in tokens) > len(tokens) / 2:
            continue  # the frame of a direct quote ("“…,” said Marzouk")
        speaker, phrase = _speaker(doc, token)
        if speaker is None:
            continue
        found.append(_reported_finding(doc, token, content, speaker, phrase, belief))
        found[-1].stance = stance
    found.extend(_according_to(doc, quoted, found))
    found.extend(noun_reports(doc, quoted))
    return found


def _reported_finding(doc, cue, content, speaker, phrase, belief) -> QuoteFinding:
    span = doc[content[0] : content[1]]
    return QuoteFinding(
        content=content,
        direct=False,
        speaker=speaker,
        speaker_phrase=phrase,
        cue=cue.i,
        medium=_medium(doc, cue),
        belief=belief,
        char_start=span.start_char,
        char_end=span.end_char,
    )


def _complement(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The reported clause: a 'that'-complement, or the main clause before a trailing '…, X said'."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if clauses:  # one complement the parser sometimes splits in two ("that X being held … will be …")
        start, end = clauses[0].left_edge.i, clauses[-1].right_edge.i + 1
        while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
            start += 1
        return strip_span(doc, start, end)
    if (
        verb.dep_ in ("parataxis", "ccomp")
        and verb.head.i < verb.i
        and verb.head.dep_ == "ROOT"
        and not _is_cue(verb.head)
        and any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        sent = verb.sent
        left, right = min(t.i for t in verb.subtree), max(t.i for t in verb.subtree) + 1
        after = [t for t in doc[right : sent.end] if not (t.is_punct or t.is_space)]
        if len(after) >= 2:  # "Acts of protest, Mr. Obama said, are acts of patriotism": both sides
            return strip_span(doc, sent.start, sent.end)
        return strip_span(doc, sent.start, left)
    framed = _comma_frame(doc, verb)
    if framed is not None:
        return framed
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if clause is not None:  # "Russia is ready, he said" parsed with the clause as a left complement
        return strip_span(doc, clause.left_edge.i, clause.right_edge.i + 1)
    return None


def _according_to(doc: Doc, quoted: set[int], found: list[QuoteFinding]) -> list[QuoteFinding]:
    """'…, according to Israeli media': the source is the object of 'to', the content the rest of the clause."""
    results = []
    framed = {q.cue for q in found}
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        sent = token.sent
        phrase_tokens = {t.i for t in token.subtree} | {t.i for t in doc[token.i + 1].subtree}
        other_cue = next((t for t in sent if t.i in framed), None)
        if other_cue is not None:
            continue  # a medium of another statement ("Ushakov told reporters …, according to Tass")
        content = [t.i for t in sent if t.i not in phrase_tokens and not t.is_space]
        stripped = strip_span(doc, content[0], content[-1] + 1) if content else None
        if stripped is None or sum(i in quoted for i in range(*stripped)) > (stripped[1] - stripped[0]) / 2:
            continue
        span = doc[stripped[0] : stripped[1]]
        results.append(
            QuoteFinding(
                content=stripped,
                direct=False,
                speaker=(source.i, source.i + 1),
                speaker_phrase=_phrase(source),
                cue=token.i,
                char_start=span.start_char,
                char_end=span.end_char,
            )
        )
    return results


def _comma_frame(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "The museum, Mr. Bush said, celebrated his heroes": a frame set off by commas inside the sentence
    reports the whole sentence around it."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    if subject is None:
        return None
    left = subject.left_edge.i
    right = verb.i + 1
    while right < len(doc) and doc[right].dep_ in ("npadvmod", "advmod") and doc[right].head is verb:
        right += 1
    sent = verb.sent
    if left <= sent.start or right >= sent.end - 1 or doc[left - 1].text != "," or doc[right].text != ",":
        return None
    return strip_span(doc, sent.start, sent.end)


def according_to_medium(doc: Doc, cue: int) -> tuple[int, int] | None:
    """'…, according to Tass' in the sentence of another statement: Tass is where it was reported."""
    for token in doc[cue].sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if source is not None:
                return _phrase(source)
    return None


def annotate(analysis: Analysis, document: Document) -> None:

    doc = analysis.doc
    full_text = doc.text  # built from the tokens on every access: read it once
    for finding in find_quotes(doc, full_text):
        if finding.belief or finding.stance:
            continue  # beliefs and stances are attributions for claims, not quotes
        speaker = _actor(document, doc, finding.speaker, finding.speaker_phrase)
        medium_id = _medium_actor(document, doc, finding.medium)
        if medium_id is None and finding.cue is not None and doc[finding.cue].lower_ != "according":
            medium_id = _medium_actor(document, doc, according_to_medium(doc, finding.cue))
        start, end = finding.char_start, finding.char_end
        text = full_text[start:end]
        cue = doc[finding.cue] if finding.cue is not None else None
        date = None
        if cue is not None:
            try:
                date = date_for_span(analysis, document, cue.idx, cue.idx + len(cue.text))
            except Exception:  # another stage's helper must never stop the quotes
                date = None
        evidence_start, evidence_end = (start - 1, end + 1) if finding.direct else (start, end)
        document.quotes.append(
            Quote(
                id=f"Q{len(document.quotes) + 1}",
                speaker=speaker,
                text=text,
                direct=finding.direct,
                cue=cue.text if cue is not None else None,
                medium=medium_id,
                date=date,
                evidence=TextSpan(
                    start=evidence_start, end=evidence_end, text=full_text[evidence_start:evidence_end]
                ),
            )
        )


def _actor(
    document: Document, doc: Doc, head: tuple[int, int] | None, phrase: tuple[int, int] | None
) -> str | None:
    from tacitus.actors import actor_at

    for span in (head, phrase):
        if span is None:
            continue
        if span is phrase and head is not None and doc[head[0]].lemma_.lower() in _NOT_THE_NAMED:
            return None  # "Ahmed's mother said": the mother speaks, not Ahmed, who is only named
        chars = doc[span[0] : span[1]]
        found = actor_at(document, chars.start_char, chars.end_char)
        if found:
            return found
    return None


# Speakers who are someone else's relative or representative: the person named in their phrase is not them.
_NOT_THE_NAMED = frozenset(
    {
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "uncle",
        "aunt",
        "cousin",
        "relative",
        "family",
        "parent",
        "widow",
        "grandmother",
        "grandfather",
        "nephew",
        "niece",
        "friend",
        "neighbour",
        "neighbor",
        "lawyer",
        "attorney",
        "fiancée",
        "fiance",
        "partner",
    }
)


def _medium_actor(document: Document, doc: Doc, medium: tuple[int, int] | None) -> str | None:
    """The medium's actor id when it is a news outlet (not 'told reporters', not 'told a rally')."""
    if medium is None:
        return None
    chars = doc[medium[0] : medium[1]]
    for actor in document.actors:
        if actor.type == ActorType.MEDIA and any(
            m.part is None and m.start < chars.end_char and chars.start_char < m.end for m in actor.mentions
        ):
            return actor.id
    return None
