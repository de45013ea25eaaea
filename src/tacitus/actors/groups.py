"""Unnamed collective actors coded by nationality: "Israeli troops", "Senior Hungarian and Romanian officials",
"Palestinians", "Bosnian Serbs".

Event data codes these as country + sector (ISRMIL, HUNGOV, PSE) although no name is given; without them a
sentence like "Ugandan rebels surrendered" has no actor at all. A group is a plural or collective noun from
the title lexicon (officials, troops, rebels, government, media…) modified by a demonym, or a plural demonym
standing alone; a noun that premodifies a name ("Russian Foreign Minister Sergey Lavrov") is a title instead.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tacitus.actors.kb import KnowledgeBase
from tacitus.actors.recognise import Mention
from tacitus.actors.roles import title_sector

GROUP_NOUNS = frozenset(
    {
        "side",
        "government",
        "authorities",
        "authority",
        "forces",
        "troops",
        "rebels",
        "officials",
        "leaders",
        "leadership",
        "delegation",
        "diplomats",
        "negotiators",
        "militants",
        "fighters",
        "warships",
        "warplanes",
        "jets",
        "police",
        "army",
        "navy",
        "media",
        "press",
        "factions",
        "faction",
        "opposition",
        "protesters",
        "demonstrators",
        "students",
        "workers",
        "farmers",
        "refugees",
        "citizens",
        "hostages",
        "prisoners",
        "settlers",
        "soldiers",
        "military",
        "parliament",
        "ministry",
        "regime",
        "junta",
        "guerrillas",
        "separatists",
        "lawmakers",
        "legislators",
        "judges",
        "prosecutors",
        "activists",
        "journalists",
        "nationals",
        "civilians",
        "officers",
        "commanders",
        "envoys",
        "ministers",
        "minister",
        "mediators",
        "gunmen",
        "insurgents",
        "militias",
        "militia",
        "administration",
        "cabinet",
        "security",
        "intelligence",
        "leader",
        "official",
        "spokesman",
        "businessmen",
        "companies",
        "firms",
        "banks",
        "mps",
        "voters",
        "people",
        "coast guard",
        "guards",
    }
)


def demonym_groups(doc: Doc, kb: KnowledgeBase, covered: set[int]) -> list[Mention]:
    found = []
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("PROPN", "NOUN"):
            continue  # "Russian Foreign Minister Sergey Lavrov": a title, not a group
        own = kb.demonym(token.text) if token.text[:1].isupper() and token.tag_ in ("NNS", "NNPS") else None
        modifiers = _demonym_modifiers(token, kb, covered)
        if own and not modifiers:
            found.append(_group(doc, token.i, token, own, kb))
        elif modifiers and (token.lower_ in GROUP_NOUNS or token.lemma_.lower() in GROUP_NOUNS or own):
            for modifier in modifiers:
                found.append(_group(doc, modifier.i, token, kb.demonym(modifier.text), kb))
    return found


def _demonym_modifiers(head: Token, kb: KnowledgeBase, covered: set[int]) -> list[Token]:
    """'Senior Hungarian and Romanian officials' → [Hungarian, Romanian]."""
    result = []
    for child in head.children:
        if (
            child.i < head.i
            and child.dep_ in ("amod", "compound", "nmod")
            and child.i not in covered
            and child.text[:1].isupper()
            and kb.demonym(child.text)
        ):
            result.append(child)
            result.extend(
                c for c in child.children if c.dep_ == "conj" and kb.demonym(c.text) and c.i not in covered
            )
    return result


def _group(doc: Doc, start: int, head: Token, country: str | None, kb: KnowledgeBase) -> Mention:
    words = [t.lower_ for t in doc[start + 1 : head.i + 1] if t.dep_ != "conj" and not kb.demonym(t.text)]
    sector, inherit, media = title_sector(words or [head.lower_], kb.titles)
    sectors = ("MED",) if media else (sector,) if sector else ("GOV",) if inherit else ()
    text = doc[start : head.i + 1].text
    return Mention(
        start,
        head.i + 1,
        text,
        "DEMONYM",
        country=country,
        sector=sectors,
        group_key=f"{country}:{head.lemma_.lower()}",
    )
