"""The learned decisions the rules leave open: which actors are an event's sides, and the event of a clause
no rule codes.

Called once per document by `Coder.mentions` after the rule passes and before mentions are finished:
1. **sides**: a mention whose rules found no source (or no target) gets the actor of its sentence the
   argument model scores highest for that role, above a threshold (`SIDE_THRESHOLDS`);
2. **new events**: in a sentence where no rule fired, the verb the predicate model scores most likely to be
   an event gets one, of the type it predicts, when that probability clears `EVENT_THRESHOLD` and the
   argument model gives it a source or a target; its status comes from the rules' own `verb_status`, its
   evidence is the verb itself, its rule `learned:<lemma>`.
The thresholds were set on tune sentences the models had not seen (`eval/events_thresholds.py`; docs/events.md,
"Learned decisions"). The rules' types are never overridden: on those sentences, letting the model retype a
rule's event when it was at least 0.6 sure gained less than 0.01.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tacitus.events.learned.features import argument_features, is_passive, predicate_features
from tacitus.events.learned.model import LinearModel, load_model
from tacitus.events.mention import Mention
from tacitus.events.status import verb_status

LOG = logging.getLogger(__name__)
NONE = "NONE"
SIDE_THRESHOLDS = {"source": 0.25, "target": 0.25}
EVENT_THRESHOLD = 0.25
YIELD_TYPES = ("RETREAT", "CONCEDE")


@dataclass(frozen=True)
class Candidate:
    """One actor named in a sentence, by the head token of its mention."""

    actor: str
    head: Token
    actor_type: str


def hints(coder, token: Token) -> tuple[str | None, str | None]:
    """The lexicon's type for the word itself and for its object ("lifted the curfew"), as model features."""
    entry = coder.verb_entry(token) if token.pos_ in ("VERB", "AUX") else coder.noun_entry(token)
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    object_entry = coder.noun_entry(obj) if obj is not None else None
    return (entry.type if entry else None), (object_entry.type if object_entry else None)


def predicate_example(coder, token: Token) -> list[str]:
    hint, object_hint = hints(coder, token)
    return predicate_features(token, hint, object_hint)


def sentence_candidates(coder, sentence: SpacySpan) -> list[Candidate]:
    """The actors the actor stage found in this sentence, each mention by its head in the parse."""
    rows = _mentions_by_start(coder)
    low = bisect_left(rows, (sentence.start_char,))
    high = bisect_left(rows, (sentence.end_char + 1,))
    inside = sorted(row[2:] for row in rows[low:high] if row[1] <= sentence.end_char)
    found: list[Candidate] = []
    for _, actor, mention in inside:
        piece = coder.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if piece is not None and len(piece):
            found.append(Candidate(actor.id, piece.root, str(actor.type.value)))
    return found


def _mentions_by_start(coder) -> list[tuple]:
    """(start, end, order, actor, mention) of every body mention, sorted by start and built once per coder:
    scanning every mention of the article for every sentence grew with the square of its length."""
    actors = coder.document.actors
    cached = getattr(coder, "_mentions_by_start", None)
    if cached is None or cached[0] is not actors or cached[1] != len(actors):
        rows = sorted(
            (mention.start, mention.end, (a, m), actor, mention)
            for a, actor in enumerate(actors)
            for m, mention in enumerate(actor.mentions)
            if mention.part is None
        )
        cached = coder._mentions_by_start = (actors, len(actors), rows)
    return cached[2]


def argument_example(coder, predicate: Token, candidate: Candidate) -> list[str]:
    hint, _ = hints(coder, predicate)
    return argument_features(predicate, candidate.head, hint, candidate.actor_type, is_passive(predicate))


def side_scores(coder, model: LinearModel, predicate: Token, candidates: list[Candidate]) -> list[dict]:
    return [model.probabilities(argument_example(coder, predicate, c)) for c in candidates]


def fill_sides(coder, mention: Mention, candidates: list[Candidate], model: LinearModel) -> None:
    """Give a mention the source and target its rules missed, from the actors of its sentence."""
    if (mention.sources and mention.targets) or not candidates or mention.nominal:
        return  # an event noun keeps the participants its own phrase names ("a meeting in Moscow")
    # the speaker who reports the event is no side of it unless a rule made it one ("the ministry said
    # militants were killed": the ministry did not kill them; `speaker-agent` codes the armed speakers)
    speech = coder.speech_head(mention.trigger)
    reporters = (
        {c.i for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")} if speech is not None else set()
    )
    candidates = [c for c in candidates if c.head.i not in reporters]
    if not candidates:
        return
    # "agreed to lend $1 billion to Indonesia": the target hangs on the wrapped action, the source on the
    # control verb, so each candidate takes its best score over the mention's anchors
    per_anchor = [side_scores(coder, model, anchor, candidates) for anchor in mention.anchors[:2]]
    scores = [
        {role: max(s[k][role] for s in per_anchor) for role in ("source", "target")}
        for k in range(len(candidates))
    ]
    for role, found, other in (
        ("source", mention.sources, mention.targets),
        ("target", mention.targets, mention.sources),
    ):
        if found:
            continue
        ranked = sorted(
            (
                (score[role], c)
                for score, c in zip(scores, candidates, strict=True)
                if c.actor not in other and c.actor not in found and c.head.i not in _anchor_ids(mention)
            ),
            key=lambda pair: -pair[0],
        )
        if ranked and ranked[0][0] >= SIDE_THRESHOLDS[role]:
            found.append(ranked[0][1].actor)


def _anchor_ids(mention: Mention) -> set[int]:
    return {t.i for t in mention.anchors}


def predicted_type(probabilities: dict[str, float], hint: str | None) -> tuple[str, float]:
    """The most likely event type; the old YIELD label goes to RETREAT or CONCEDE, whichever is likelier."""
    merged = dict(probabilities)
    yield_p = merged.pop("YIELD", 0.0)
    if yield_p:
        pick = hint if hint in YIELD_TYPES else max(YIELD_TYPES, key=lambda t: merged.get(t, 0.0))
        merged[pick] = merged.get(pick, 0.0) + yield_p
    merged.pop(NONE, None)
    if not merged:
        return NONE, 0.0
    label = max(merged, key=merged.get)
    return label, merged[label]


def propose_event(coder, sentence: SpacySpan, model: LinearModel) -> Mention | None:
    """The one event of a sentence no rule coded, if the predicate model is sure enough of a verb."""
    best: tuple[float, Token, str] | None = None
    for token in sentence:
        if token.pos_ != "VERB" or token.i in coder.consumed:
            continue
        hint, _ = hints(coder, token)
        label, p = predicted_type(model.probabilities(predicate_example(coder, token)), hint)
        if label != NONE and p >= EVENT_THRESHOLD and (best is None or p > best[0]):
            best = (p, token, label)
    if best is None:
        return None
    p, token, label = best
    entry = coder.verb_entry(token)
    mode = entry.mode if entry is not None and entry.type == label else None
    status, explicit = verb_status(token, coder.lexicon, coder.speech_head(token) is not None)
    return Mention(
        type=label,
        mode=coder.ontology.mode_of(label, mode),
        status=status,
        rule=f"learned:{token.lemma_.lower()}",
        trigger=token,
        anchors=[token],
        status_explicit=explicit,
        confidence=round(p, 3),
    )


def decide(coder, mentions: list[Mention]) -> list[Mention]:
    """New mentions for sentences no rule coded; fills missing sides of every mention in place.

    A failure on one odd parse is logged and costs only the learned additions, never the rules' mentions.
    """
    try:
        return _decide(coder, mentions)
    except Exception:  # noqa: BLE001 - the rules' mentions must survive any failure here
        LOG.exception("events: learned decisions failed in %s", coder.document.article.id)
        return []


def _decide(coder, mentions: list[Mention]) -> list[Mention]:
    predicates, arguments = load_model("predicate"), load_model("argument")
    new: list[Mention] = []
    if predicates is not None:
        coded = {coder.sentence_index.get(m.trigger.i) for m in mentions}
        coded |= {coder.sentence_index.get(i) for i in coder.vetoed}  # the rules ruled these sentences out
        for index, sentence in enumerate(coder.doc.sents):
            if index in coded or coder.analysis.part_at(sentence.start_char).name is not None:
                continue
            mention = propose_event(coder, sentence, predicates)
            if mention is not None:
                new.append(mention)
    if arguments is not None:
        sentences = list(coder.doc.sents)
        cache: dict[int, list[Candidate]] = {}
        for mention in [*mentions, *new]:
            index = coder.sentence_index.get(mention.trigger.i, 0)
            if index not in cache:
                cache[index] = sentence_candidates(coder, sentences[index])
            fill_sides(coder, mention, cache[index], arguments)
    # a learned event names who took part, or it is not coded: "Any future cease-fire agreement must include
    # guarantees" has a likely predicate but no one doing anything
    return [m for m in new if m.participants]
