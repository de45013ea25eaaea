"""Parse features of the learned event decisions: one predicate, and one predicate with one candidate actor.

Features are plain strings (binary indicators), so the model is a table of weights by name and a sentence the
training never saw still gets the features it shares with the ones it did (its dependency path, the
lexicon's hint, the entity type) rather than only its words.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "agent")
MAX_PATH = 5


def predicate_features(token: Token, hint: str | None, object_hint: str | None) -> list[str]:
    """What makes a predicate an event, and of which type: its word, voice, modality, objects, lexicon hints."""
    lemma = token.lemma_.lower()
    feats = [
        "bias",
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"hint={hint}",
        f"ohint={object_hint}",
        f"lemma_hint={lemma}|{hint}",
    ]
    if token.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl"):
        feats.append(f"head={token.head.lemma_.lower()}|{token.dep_}")
    for child in token.children:
        dep = child.dep_
        if dep in ("dobj", "attr", "dative", "nsubjpass"):
            feats.append(f"{dep}={child.lemma_.lower()}")
            feats.append(f"lemma_{dep}={lemma}|{child.lemma_.lower()}")
            if child.ent_type_:
                feats.append(f"{dep}_ent={child.ent_type_}")
        elif dep in ("nsubj", "agent"):
            feats.append(f"subj_ent={child.ent_type_ or child.pos_}")
        elif dep == "prt":
            feats.append(f"prt={lemma} {child.lower_}")
        elif dep == "prep":
            feats.append(f"prep={child.lower_}")
            feats.append(f"lemma_prep={lemma}|{child.lower_}")
        elif dep in ("aux", "auxpass"):
            feats.append(f"aux={child.lower_}")
        elif dep == "neg":
            feats.append("neg")
        elif dep in ("xcomp", "ccomp"):
            feats.append(f"comp={child.lemma_.lower()}")
        elif dep == "mark":
            feats.append(f"mark={child.lower_}")
    doc = token.doc
    for offset in (-2, -1, 1, 2):
        i = token.i + offset
        if token.sent.start <= i < token.sent.end:
            feats.append(f"w{offset}={doc[i].lower_}")
    return feats


def path(a: Token, b: Token) -> list[str] | None:
    """The dependency path from `a` up to the lowest common ancestor and down to `b` ("^nsubj", "vdobj")."""
    up = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    current = b
    while current.i not in index:
        down.append(current)
        if current.head is current:
            return None
        current = current.head
    steps = [f"^{t.dep_}" for t in up[: index[current.i]]]
    for t in reversed(down):
        label = t.dep_
        if t.dep_ == "pobj" or t.dep_ == "prep":
            label = f"{t.dep_}:{t.lower_}" if t.dep_ == "prep" else "pobj"
        steps.append(f"v{label}")
    return steps


def argument_features(
    predicate: Token, candidate: Token, hint: str | None, actor_type: str | None, passive: bool
) -> list[str]:
    """Is this actor the predicate's source, its target or neither: the path between them, voice, order."""
    steps = path(predicate, candidate)
    if steps is None:
        return ["bias", "no_path"]
    text = " ".join(steps[:MAX_PATH]) + (" …" if len(steps) > MAX_PATH else "")
    voice = "passive" if passive else "active"
    feats = [
        "bias",
        f"path={text}",
        f"path_voice={text}|{voice}",
        f"path_hint={text}|{hint}",
        f"len={min(len(steps), 6)}",
        f"side={'before' if candidate.i < predicate.i else 'after'}",
        f"side_voice={'before' if candidate.i < predicate.i else 'after'}|{voice}",
        f"cdep={candidate.dep_}",
        f"cdep_voice={candidate.dep_}|{voice}",
        f"cent={candidate.ent_type_ or candidate.pos_}",
        f"atype={actor_type}",
        f"first={steps[0] if steps else ''}",
        f"last={steps[-1] if steps else ''}",
        f"plemma={predicate.lemma_.lower()}",
        f"plemma_last={predicate.lemma_.lower()}|{steps[-1] if steps else ''}",
    ]
    if steps and all(s.startswith("^") for s in steps):
        feats.append("candidate_governs")
    ups = sum(s.startswith("^") for s in steps)
    feats.append(f"ups={min(ups, 3)}")
    feats.append(f"ups_first_down={min(ups, 3)}|{next((s for s in steps if s.startswith('v')), '')}")
    return feats


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or (
        token.tag_ == "VBN" and token.dep_ in ("acl", "amod")
    )
