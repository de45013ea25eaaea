"""Roles and affiliations read from the words around a name.

Three constructions carry most of them in news: a premodifier run ("Russia's Deputy Foreign Minister Mikhail
Bogdanov", "Lebanon-based Hamas official Osama Hamdan", "Hamas chief, Khaled Meshaal"), an appositive after
the name ("Bogdanov, Russia's deputy foreign minister,") and a relative clause ("Marzouk, who heads Hamas'
foreign relations"). Each yields a title, the organisation or country it is "of", and the sector the title
codes; a person then inherits country and sector from the office or group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from tacitus.actors.kb import KnowledgeBase, TitleLexicon
from tacitus.actors.recognise import Mention
from tacitus.contract import ActorType

_MODIFIERS = {
    "senior",
    "junior",
    "former",
    "top",
    "acting",
    "deputy",
    "chief",
    "state",
    "foreign",
    "presidential",
    "veteran",
    "exiled",
    "assistant",
    "vice",
    "first",
    "special",
    "interim",
    "then",
    "government",
    "news",
    "media",
    "public",
    "military",
    "defense",
    "defence",
    "interior",
    "finance",
    "economy",
    "security",
    "national",
    "prime",
    "foreign-affairs",
    "political",
    "bureau",
    "spokesman",
    "high-ranking",
    "high",
    "ranking",
    "longtime",
    "retired",
    "outgoing",
    "incoming",
    "newly",
    "elected",
    "appointed",
    "opposition",
    "party",
    "army",
    "police",
    "intelligence",
    "health",
    "justice",
    "trade",
    "energy",
    "ministry",
    "affairs",
}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_HEAD_VERBS = {
    "head": "head",
    "lead": "leader",
    "chair": "chair",
    "run": "head",
    "command": "commander",
    "direct": "director",
    "oversee": "head",
    "represent": "representative",
}


@dataclass
class RoleFinding:
    title: str
    of_entry: str | None = None  # knowledge-base id of the organisation or country
    of_mention: Mention | None = None  # the mention it is "of", when not in the knowledge base
    country: str | None = None
    sector: list[str] = field(default_factory=list)
    media: bool = False  # the title names a news outlet ("state media outlet Sputnik")


_VOCABULARY: dict[int, tuple[TitleLexicon, frozenset[str]]] = {}


def _vocabulary(titles: TitleLexicon) -> frozenset[str]:
    """Every word that may appear in a title, computed once per title lexicon."""
    cached = _VOCABULARY.get(id(titles))
    if cached is None or cached[0] is not titles:
        words = set(_MODIFIERS)
        for phrase in [*titles.sector_of, *titles.inherit, *titles.media_nouns]:
            words.update(w for w in phrase.split() if w not in ("and", "of", "the", "to", "for", "in"))
        cached = _VOCABULARY[id(titles)] = (titles, frozenset(words))
    return cached[1]


def is_title_word(word: str, kb: KnowledgeBase) -> bool:
    return word.lower() in _vocabulary(kb.titles)


def roles_for(
    doc: Doc, mention: Mention, mention_at: dict[int, Mention], kb: KnowledgeBase
) -> list[RoleFinding]:
    """Every role the text gives this name mention (premodifier, appositive, relative clause)."""
    found = []
    premod = _premodifier_items(doc, mention, mention_at, kb)
    role = _interpret(premod, kb)
    if role:
        found.append(role)
    head = _head(doc, mention)
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_ in _HEAD_VERBS:
            role = _relative_clause_role(doc, child, mention_at, kb)
            if role:
                found.append(role)
        elif child.dep_ == "appos" and child.i >= mention.end and child.i not in mention_at:
            items = _subtree_items(doc, child, mention_at, kb)
            role = _interpret(items, kb)
            if role:
                found.append(role)
    return found


def affiliation_after(doc: Doc, mention: Mention, mention_at: dict[int, Mention]) -> Mention | None:
    """The group a name owns in "Mahmoud Abbas' Fatah group": a possessive followed by a named group."""
    after = mention.end
    if after + 1 < len(doc) and doc[after].text in _POSSESSIVE:
        return mention_at.get(after + 1)
    return None


def _head(doc: Doc, mention: Mention) -> Token:
    span = doc[mention.start : mention.end]
    return span.root


def _premodifier_items(doc: Doc, mention: Mention, mention_at: dict[int, Mention], kb: KnowledgeBase) -> list:
    vocabulary = _vocabulary(kb.titles)
    items: list = []
    i = mention.start - 1
    sentence_start = doc[mention.start].sent.start
    comma_used = False
    while i >= sentence_start and len(items) < 10:
        token = doc[i]
        other = mention_at.get(i)
        if other is not None and other is not mention:
            items.append(other)
            i = other.start - 1
            continue
        lower = token.lower_
        title_word = lower in vocabulary or (token.is_title and kb.demonym(token.text))
        if title_word or token.text in _POSSESSIVE or lower in ("to", "of", "-", "based", "for"):
            items.append(token)
        elif (
            token.text == ","
            and not comma_used
            and not items
            and i > sentence_start
            and doc[i - 1].lower_ in vocabulary
        ):
            comma_used = True  # "Hamas chief, Khaled Meshaal"
        else:
            break
        i -= 1
    items.reverse()
    while items and isinstance(items[0], Token) and items[0].lower_ in ("to", "of", "-", "based", "for"):
        items.pop(0)
    return items


def _subtree_items(doc: Doc, root: Token, mention_at: dict[int, Mention], kb: KnowledgeBase) -> list:
    items: list = []
    seen: set[int] = set()
    for token in root.subtree:
        if token.i in seen:
            continue
        other = mention_at.get(token.i)
        if other is not None:
            items.append(other)
            seen.update(range(other.start, other.end))
        elif (not token.is_punct or token.text in _POSSESSIVE or token.text == "-") and token.lower_ not in (
            "a",
            "an",
            "the",
        ):
            items.append(token)
    return items


def _interpret(items: list, kb: KnowledgeBase) -> RoleFinding | None:
    """Items left to right (tokens and mentions) → title, of, country, sector."""
    vocabulary = _vocabulary(kb.titles)
    title_tokens: list = []
    of_candidates: list[Mention] = []
    country_mentions: list[Mention] = []
    demonym_country = None
    previous = None
    for index, item in enumerate(items):
        if isinstance(item, Mention):
            following = items[index + 1 : index + 3]
            based = any(isinstance(t, Token) and t.lower_ == "based" for t in following)
            after_prep = isinstance(previous, Token) and previous.lower_ in ("to", "for")
            if title_tokens and after_prep:
                title_tokens.extend([previous, item])  # "Ambassador to Israel"
            elif not based:
                entry = kb.entries.get(item.kb_id) if item.kb_id else None
                if item.metonym_of or (entry and entry.type == ActorType.COUNTRY):
                    country_mentions.append(item)
                elif item.label not in ("GPE", "LOC", "FAC", "PERSON"):
                    of_candidates.append(item)
                title_tokens = []
        elif item.is_title and kb.demonym(item.text) and item.lower_ not in vocabulary:
            demonym_country = kb.demonym(item.text)
            title_tokens = []
        elif item.lower_ in vocabulary:
            title_tokens.append(item)
        previous = item
    words = [t for t in title_tokens if isinstance(t, Token)]
    if not words:
        return None
    title = " ".join(t.text if isinstance(t, Token) else t.text for t in title_tokens)
    core = [t.lower_ for t in words if t.lower_ not in ("to", "for")]
    sector, inherit, media = title_sector(core, kb.titles)
    if sector is None and not inherit and not media:
        return None
    finding = RoleFinding(title=title, media=media)
    of = of_candidates[-1] if of_candidates else None
    country = country_mentions[-1] if country_mentions else None
    if of is not None:
        entry = kb.entries.get(of.kb_id) if of.kb_id else None
        finding.of_entry = entry.id if entry else None
        finding.of_mention = None if entry else of
        finding.country = entry.country if entry else None
        if inherit and entry:
            finding.sector = list(entry.sector)
    elif country is not None:
        code = country.metonym_of or kb.entries[country.kb_id].country
        finding.of_entry, finding.country = code, code
    elif demonym_country:
        finding.of_entry, finding.country = demonym_country, demonym_country
    if finding.country is None and of is None and finding.of_entry is None and inherit and not sector:
        return None  # "his deputy": a generic title with nothing to be a member of
    if not finding.sector:
        if sector:
            finding.sector = [sector]
        elif media:
            finding.sector = ["MED"]
        elif inherit and finding.of_entry and finding.of_entry == finding.country:
            finding.sector = ["GOV"]
    return finding


def title_sector(words: list[str], titles: TitleLexicon) -> tuple[str | None, bool, bool]:
    """(sector, inherits?, names a media outlet?) for the longest known title at the end of `words`."""
    for k in range(len(words)):
        phrase = " ".join(words[k:])
        if phrase in titles.media_nouns:
            return "MED", False, True
        if phrase in titles.inherit:
            return titles.sector_of.get(phrase) if phrase in titles.sector_of and k else None, True, False
        if phrase in titles.sector_of:
            return titles.sector_of[phrase], False, False
    return None, False, False


def _relative_clause_role(doc: Doc, verb: Token, mention_at: dict[int, Mention], kb: KnowledgeBase):
    """'who heads Hamas' foreign relations' → head of foreign relations, of Hamas."""
    of = None
    rest: list[str] = []
    i = verb.i + 1
    while i < len(doc) and not (doc[i].is_punct and doc[i].text not in _POSSESSIVE) and i < verb.i + 10:
        other = mention_at.get(i)
        if other is not None:
            of = of or other
            i = other.end
            continue
        if doc[i].text not in _POSSESSIVE and doc[i].lower_ not in ("the", "a", "an", "its", "their"):
            rest.append(doc[i].text)
        i += 1
    if of is None:
        return None
    noun = _HEAD_VERBS[verb.lemma_]
    title = f"{noun} of {' '.join(rest)}" if rest else noun
    entry = kb.entries.get(of.kb_id) if of.kb_id else None
    code = of.metonym_of or (entry.country if entry else None)
    if entry and entry.type == ActorType.COUNTRY:
        return RoleFinding(title=title, of_entry=entry.id, country=code, sector=["GOV"])
    return RoleFinding(
        title=title,
        of_entry=entry.id if entry else None,
        of_mention=None if entry else of,
        country=code,
        sector=list(entry.sector) if entry else [],
    )
