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


# Military hardware acts for its army in news: "Israeli tanks shelled…" is ISR MIL.
HARDWARE = frozenset(
    {
        "tanks",
        "helicopters",
        "gunships",
        "warplanes",
        "jets",
        "aircraft",
        "drones",
        "warships",
        "gunboats",
        "artillery",
        "planes",
        "bombers",
        "fighter jets",
        "navy ships",
        "patrol boats",
    }
)
# An act noun owned by a nationality stands for that country: "an Indian proposal", "an Australian
# ultimatum", "proposed Israeli changes" (the country is the actor, as CAMEO codes it).
ACT_NOUNS = frozenset(
    {
        "proposal",
        "offer",
        "ultimatum",
        "demand",
        "plan",
        "change",
        "request",
        "initiative",
        "decision",
        "warning",
        "threat",
        "policy",
        "pressure",
        "call",
        "invitation",
        "veto",
        "ban",
        "sanction",
        "blockade",
        "crackdown",
        "offensive",
        "raid",
        "airstrike",
        "strike",
        "incursion",
        "bid",
    }
)


def demonym_groups(doc: Doc, kb: KnowledgeBase, covered: set[int]) -> list[Mention]:
    """Collectives and unnamed agents coded by a nationality, and nationality-owned acts as their country."""
    found = []
    agents = kb.phoenix.agents if kb.phoenix else {}
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("PROPN", "NOUN"):
            continue  # "Russian Foreign Minister Sergey Lavrov": a title, not a group
        own = kb.demonym(token.text) if token.text[:1].isupper() and token.tag_ in ("NNS", "NNPS") else None
        modifiers = _demonym_modifiers(token, kb, covered)
        if not modifiers and token.dep_ == "conj" and not own and _bare(token):
            modifiers = _demonym_modifiers(token.head, kb, covered)  # "Israeli helicopters and tanks"
            modifiers = [(start, code, False) for start, code, _ in modifiers]
        lemma = token.lemma_.lower()
        if own and not modifiers:
            found.append(_group(doc, token.i, token, own, kb))
        elif modifiers and (_is_agent(token, agents) or own):
            for start, code, adjacent in modifiers:
                found.append(_group(doc, start if adjacent else token.i, token, code, kb))
        elif not modifiers and not own and _acting_collective(token, agents):
            found.append(_group(doc, token.i, token, _located_in(token, kb), kb))
        elif modifiers and lemma in ACT_NOUNS:
            for start, code, adjacent in modifiers:
                if adjacent:
                    end = start + 1 if kb.demonym(doc[start].text) else start + 2
                    found.append(Mention(start, end, doc[start:end].text, "KB", kb_id=code))
    return found


# Collectives that act or speak without a nationality ("the army said", "police arrested", "rebels seized",
# "the opposition rejected"): actors with the sector of the noun; the country comes from the article's
# home country when one dominates (resolve.py), else it stays unknown.
COLLECTIVES = frozenset(
    {
        "army",
        "military",
        "police",
        "government",
        "opposition",
        "authorities",
        "rebels",
        "militants",
        "insurgents",
        "protesters",
        "demonstrators",
        "troops",
        "soldiers",
        "ministry",
        "parliament",
        "court",
        "prosecutors",
        "junta",
        "regime",
        "navy",
        "militia",
        "administration",
        "cabinet",
        "coalition",
    }
)


_COLLECTIVE_SECTOR = {
    "opposition": "OPP",
    "government": "GOV",
    "authorities": "GOV",
    "administration": "GOV",
    "cabinet": "GOV",
    "ministry": "GOV",
    "regime": "GOV",
    "junta": "MIL",
    "court": "JUD",
    "prosecutors": "JUD",
    "parliament": "LEG",
    "coalition": "GOV",
}


def _located_in(token: Token, kb: KnowledgeBase) -> str | None:
    """ "Police in Nairobi", "the government of Mali": the country of the place the collective belongs to."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
            for place in prep.children:
                if place.dep_ == "pobj":
                    entry = kb.lookup(place.text)
                    code = kb.metonyms.get(place.text) or (entry.country if entry else None)
                    if code:
                        return code
    return None


def _acting_collective(token: Token, agents: dict[str, tuple[str, ...]]) -> bool:
    """A collective noun that is the subject of a verb, or its agent ("by police"), with no owner of its own."""
    if token.lower_ not in COLLECTIVES:
        return False
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < token.i for c in token.children):
        return False  # "Hamas's military wing", "the Syrian army" (coded above), "the police chief"
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent"


def _bare(token: Token) -> bool:
    return not any(c.dep_ in ("det", "amod", "poss", "compound") for c in token.children)


def _is_agent(token: Token, agents: dict[str, tuple[str, ...]]) -> bool:
    lower, lemma = token.lower_, token.lemma_.lower()
    if token.tag_ in ("NN", "NNP") and _before_name(token) and lower not in GROUP_NOUNS:
        return False
    return (
        lower in GROUP_NOUNS
        or lemma in GROUP_NOUNS
        or lower in HARDWARE
        or lower in agents
        or (token.tag_ == "NN" and lemma in agents and lemma not in ACT_NOUNS)
    )


def _before_name(token: Token) -> bool:
    """A capitalised or name-led singular title is a role ("Russian Ambassador to Israel Anatoly Viktorov")."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_title or (following is not None and following.pos_ == "PROPN")


def _demonym_at(doc: Doc, token: Token, kb: KnowledgeBase) -> tuple[int, str] | None:
    """(first token, country) of the demonym ending at `token`: one word, or two ("Sri Lankan", "South Korean")."""
    if token.i > 0:
        code = kb.demonyms.get(f"{doc[token.i - 1].text} {token.text}")
        if code:
            return token.i - 1, code
    code = kb.demonym(token.text)
    return (token.i, code) if code else None


def _demonym_modifiers(head: Token, kb: KnowledgeBase, covered: set[int]) -> list[tuple[int, str, bool]]:
    """'Senior Hungarian and Romanian officials' → [(Hungarian, HUN), (Romanian, ROU)], each with whether the
    demonym is written next to the noun phrase's start (it becomes the mention's first word)."""
    doc = head.doc
    result = []
    for child in head.children:
        if (
            child.i < head.i
            and child.dep_ in ("amod", "compound", "nmod")
            and child.i not in covered
            and child.text[:1].isupper()
        ):
            found = _demonym_at(doc, child, kb)
            if found is None:
                continue
            result.append((*found, True))
            for conj in child.children:
                if conj.dep_ == "conj" and conj.i not in covered and (more := _demonym_at(doc, conj, kb)):
                    result.append((*more, True))
    return result


def _group(doc: Doc, start: int, head: Token, country: str | None, kb: KnowledgeBase) -> Mention:
    words = [t.lower_ for t in doc[start + 1 : head.i + 1] if t.dep_ != "conj" and not kb.demonym(t.text)]
    sector, inherit, media = title_sector(words or [head.lower_], kb.titles)
    if sector is None and not inherit and not media:
        sector = _agent_sector(words or [head.lower_], kb)
    sectors = ("MED",) if media else (sector,) if sector else ("GOV",) if inherit else ()
    text = doc[start : head.i + 1].text
    return Mention(
        start,
        head.i + 1,
        text,
        "DEMONYM",
        country=country,
        sector=sectors,
        group_key=f"{country or 'any'}:{head.lemma_.lower()}",
    )


def _agent_sector(words: list[str], kb: KnowledgeBase) -> str | None:
    """The Phoenix agent noun at the end of the words ("military police" → COP, "tanks" → MIL)."""
    if words and words[-1] in HARDWARE:
        return "MIL"
    if words and words[-1] in _COLLECTIVE_SECTOR:
        return _COLLECTIVE_SECTOR[words[-1]]
    agents = kb.phoenix.agents if kb.phoenix else {}
    for k in range(len(words)):
        sectors = agents.get(" ".join(words[k:]))
        if sectors:
            return sectors[0]
    return None
