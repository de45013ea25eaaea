"""One actor per real-world actor in a document: name variants grouped, types voted, roles attached.

Name mentions are grouped first (knowledge-base id; person names by normalised surname so "Mousa"/"Moussa Abu
Marzouk" and "Marzouk" are one person), then each group's type is voted over all its mentions plus cues from
the text (a title before the name votes person, "news agency" votes media), which corrects the tagger's
per-mention slips (a surname tagged as a place in one sentence and a work of art in another).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from tacitus.actors.groups import demonym_groups
from tacitus.actors.kb import Entry, KnowledgeBase
from tacitus.actors.recognise import Mention, find_mentions, is_metonymic, is_shouted
from tacitus.actors.roles import RoleFinding, affiliation_after, is_title_word, roles_for
from tacitus.contract import Actor, ActorType, Role, Span

_LABEL_TYPE = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORGANIZATION,
    "GPE": ActorType.PLACE,
    "LOC": ActorType.PLACE,
    "FAC": ActorType.PLACE,
    "NORP": ActorType.GROUP,
    "SUBJECT": ActorType.PERSON,
}
_PERSONISH = {
    "PERSON",
    "SUBJECT",
    "GPE",
    "ORG",
    "WORK_OF_ART",
    "PRODUCT",
    "EVENT",
    "SPLIT",
    "NORP",
    "FAC",
    "LOC",
}


@dataclass
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    entry: Entry | None = None
    place_country: str | None = None
    sector: tuple[str, ...] = ()
    votes: Counter = field(default_factory=Counter)
    roles: list[RoleFinding] = field(default_factory=list)
    affiliations: list[Mention] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # token spans of pronouns and descriptions
    kind: ActorType | None = None

    @property
    def first(self) -> int:
        return min([m.start for m in self.mentions] + [s for s, _ in self.extra])


def name_key(text: str) -> tuple[str, ...]:
    """Spelling-insensitive name tokens: 'Moussa Abu Marzouk' and 'Mousa Abu Marzouk' share one key."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = []
    for word in re.sub(r"[^a-z ]+", " ", ascii_text).split():
        for old, new in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("kh", "h"), ("ph", "f"), ("y", "i")):
            word = word.replace(old, new)
        word = re.sub(r"(.)\1+", r"\1", word)
        if word not in ("al", "el", "mr", "mrs", "ms", "dr"):
            words.append(word)
    return tuple(words)


def build_clusters(doc: Doc, kb: KnowledgeBase, published: date | None) -> list[Cluster]:
    mentions = [m for m in find_mentions(doc, kb) if _keep(doc, m, kb)]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    mentions = sorted(mentions + demonym_groups(doc, kb, covered), key=lambda m: m.start)
    mention_at = {i: m for m in mentions for i in range(m.start, m.end)}
    clusters: dict[str, Cluster] = {}
    person_keys: list[tuple[tuple[str, ...], str]] = []  # (name key, cluster key), for surname matching
    for entry_id, entry in ((m.kb_id, kb.entries[m.kb_id]) for m in mentions if m.kb_id):
        if entry.type == ActorType.PERSON:
            for name in entry.names:
                person_keys.append((name_key(name), entry_id))
    findings = {id(m): roles_for(doc, m, mention_at, kb) for m in mentions if _may_have_role(m, kb)}
    # multi-word names before single words, so "Marzouk" finds "Mousa Abu Marzouk" wherever it comes first
    for mention in sorted(mentions, key=lambda m: (m.kb_id is None and len(name_key(m.text)) < 2, m.start)):
        key = _cluster_key(doc, mention, kb, person_keys, findings.get(id(mention), []))
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(key=key, entry=kb.entries.get(mention.kb_id or ""))
            if key.startswith("person:"):
                person_keys.append((name_key(mention.text), key))
        if key.startswith("place:"):
            cluster.place_country = mention.metonym_of
        if mention.group_key:
            cluster.place_country, cluster.sector = mention.country, mention.sector
        if mention.metonym_of and not key.startswith("place:"):
            cluster.entry = kb.entries.get(mention.metonym_of)
        cluster.mentions.append(mention)
        _vote(doc, cluster, mention, findings.get(id(mention), []), mention_at)
        cluster.roles.extend(findings.get(id(mention), []))
        group = affiliation_after(doc, mention, mention_at)
        if group is not None and group.kb_id:
            cluster.affiliations.append(group)
    kept = [c for c in clusters.values() if _settle_type(c)]
    _add_uncovered_surnames(doc, kept, mention_at)
    return sorted(kept, key=lambda c: c.first)


def _keep(doc: Doc, mention: Mention, kb: KnowledgeBase) -> bool:
    if mention.kb_id or mention.metonym_of or mention.group_key:
        return True
    if is_shouted(mention):
        return False
    if mention.label == "NORP":
        return False  # demonyms and adjectives ("Russian", "Eurasian") code roles, they are not actors
    tokens = doc[mention.start : mention.end]
    if not any(t.pos_ == "PROPN" for t in tokens):
        return False  # "Radical Palestinian" tagged ORG: no proper noun, no name
    # "Russian", "British Defence" tagged as names: demonyms and title words only, the start of a title
    return not all(kb.demonym(t.text) or is_title_word(t.text, kb) for t in tokens if t.is_alpha)


def _may_have_role(mention: Mention, kb: KnowledgeBase) -> bool:
    if mention.metonym_of or mention.group_key:
        return False
    if mention.kb_id:
        return kb.entries[mention.kb_id].type in (ActorType.PERSON, ActorType.MEDIA)
    return True


def _cluster_key(doc, mention, kb, person_keys, roles) -> str:
    if mention.metonym_of:
        root = doc[mention.start : mention.end].root
        return mention.metonym_of if is_metonymic(root) else f"place:{mention.text}"
    if mention.kb_id:
        return mention.kb_id
    if mention.group_key:
        return "group:" + mention.group_key
    key = name_key(mention.text)
    if not key:
        return f"name:{mention.text}"
    if mention.label in _PERSONISH:
        match = _person_match(key, person_keys)
        if match:
            return match
    if mention.label == "PERSON" or (mention.label in _PERSONISH and any(not r.media for r in roles)):
        return "person:" + " ".join(key)
    return "name:" + " ".join(key)


def _person_match(key: tuple[str, ...], person_keys: list[tuple[tuple[str, ...], str]]) -> str | None:
    """A person whose name ends with these words ("Marzouk" → "Mousa Abu Marzouk"), the latest one first."""
    for known, cluster_key in reversed(person_keys):
        if known == key or (len(key) < len(known) and known[-len(key) :] == key):
            return cluster_key
        if len(known) < len(key) and key[-len(known) :] == known and len(known) > 1:
            return cluster_key
    return None


def _vote(doc: Doc, cluster: Cluster, mention: Mention, roles: list[RoleFinding], mention_at) -> None:
    kind = _LABEL_TYPE.get(mention.label)
    if kind:
        cluster.votes[kind] += 1
    for role in roles:
        cluster.votes[ActorType.MEDIA if role.media else ActorType.PERSON] += 3
    root = doc[mention.start : mention.end].root
    # "Kozlov, Lobanov and Trufanov": a name listed with persons is a person
    for other in [root.head, *root.children]:
        if other.dep_ == "conj" or root.dep_ == "conj":
            neighbour = mention_at.get(other.i)
            if neighbour is not None and neighbour is not mention and neighbour.label == "PERSON":
                cluster.votes[ActorType.PERSON] += 1
    if cluster.key.startswith("person:") or (cluster.entry and cluster.entry.type == ActorType.PERSON):
        cluster.votes[ActorType.PERSON] += 1


def _settle_type(cluster: Cluster) -> bool:
    if cluster.entry is not None:
        cluster.kind = cluster.entry.type
        return True
    if cluster.key.startswith("place:"):
        cluster.kind = ActorType.PLACE
        return True
    if cluster.key.startswith("group:"):
        cluster.kind = ActorType.MEDIA if cluster.sector == ("MED",) else ActorType.GROUP
        return True
    if not cluster.votes:
        return False
    order = [ActorType.PERSON, ActorType.MEDIA, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.PLACE]
    cluster.kind = max(order, key=lambda k: (cluster.votes[k], -order.index(k)))
    return cluster.votes[cluster.kind] > 0


def _add_uncovered_surnames(doc: Doc, clusters: list[Cluster], mention_at: dict[int, Mention]) -> None:
    """A known person's surname the tagger missed ("said Marzouk" with no entity) is still that person."""
    surnames: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.kind == ActorType.PERSON:
            for mention in cluster.mentions:
                words = mention.text.split()
                if len(words) > 1 and words[-1][:1].isupper():
                    surnames[words[-1]] = cluster
    for token in doc:
        if token.pos_ == "PROPN" and token.text in surnames and token.i not in mention_at:
            cluster = surnames[token.text]
            mention = Mention(token.i, token.i + 1, token.text, "SURNAME")
            cluster.mentions.append(mention)
            mention_at[token.i] = mention


def actor_fields(cluster: Cluster, kb: KnowledgeBase, published: date | None) -> dict:
    """Name, aliases, country, sector and roles of a settled cluster (ids of `of` resolved later)."""
    texts = [m.text for m in sorted(cluster.mentions, key=lambda m: m.start)]
    entry = cluster.entry
    name = entry.name if entry is not None else max(texts, key=lambda t: (len(t.split()), -texts.index(t)))
    aliases = list(dict.fromkeys(t for t in texts if t != name))
    country, coded = entry.coding(published) if entry else (cluster.place_country, tuple(cluster.sector))
    sector = list(coded)
    roles: list[tuple[str, str | None, str | None, str | None]] = []
    if entry is not None:
        for role in entry.roles:
            if role.active(published):
                roles.append((role.title, role.of, role.since, role.until))
    for finding in cluster.roles:
        roles.append(
            (
                finding.title,
                finding.of_entry or (finding.of_mention.text if finding.of_mention else None),
                None,
                None,
            )
        )
        if country is None and finding.country:
            country = finding.country
        if not entry:
            sector.extend(s for s in finding.sector if s not in sector)
    if country is None and entry is None and cluster.kind in (ActorType.ORGANIZATION, ActorType.GROUP):
        country = _named_country(texts, kb)
    unique: dict[tuple[str, str | None], tuple] = {}
    for role in roles:  # the knowledge base's dated role first, the text's same role dropped
        unique.setdefault((role[0].lower(), role[1]), role)
    return {
        "name": name,
        "aliases": aliases,
        "country": country,
        "sector": sector,
        "roles": list(unique.values()),
        "kb_id": entry.id if entry else None,
    }


def _named_country(texts: list[str], kb: KnowledgeBase) -> str | None:
    """A body named after its country ("Serbian Workers' Union", "Kenya Defence Forces") is of that country;
    a name with two countries in it ("Russia-Ukraine Commission") is left uncoded."""
    codes = set()
    for text in texts:
        words = text.replace("'s", "").replace("’s", "").split()
        for k, word in enumerate(words):
            pair = " ".join(words[k : k + 2])
            entry = kb.lookup(pair) or kb.lookup(word)
            code = (
                kb.demonyms.get(pair)
                or kb.demonym(word)
                or (entry.id if entry is not None and entry.type == ActorType.COUNTRY else None)
            )
            if code:
                codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def to_actors(doc: Doc, clusters: list[Cluster], kb: KnowledgeBase, published: date | None) -> list[Actor]:
    actors = []
    id_of_entry: dict[str, str] = {}
    id_of_mention: dict[int, str] = {}
    for index, cluster in enumerate(clusters, start=1):
        actor_id = f"A{index}"
        if cluster.entry is not None:
            id_of_entry[cluster.entry.id] = actor_id
        for mention in cluster.mentions:
            id_of_mention[mention.start] = actor_id
    for index, cluster in enumerate(clusters, start=1):
        fields = actor_fields(cluster, kb, published)
        roles = [
            Role(
                title=title,
                of=id_of_entry.get(of, _entry_name(kb, of)) if of else None,
                since=since,
                until=until,
            )
            for title, of, since, until in fields["roles"]
        ]
        affiliations = [id_of_entry[m.kb_id] for m in cluster.affiliations if m.kb_id in id_of_entry]
        for finding in cluster.roles:
            target = id_of_entry.get(finding.of_entry or "") or (
                id_of_mention.get(finding.of_mention.start) if finding.of_mention else None
            )
            entry = kb.entries.get(finding.of_entry or "")
            if target and (entry is None or entry.type != ActorType.COUNTRY):
                affiliations.append(target)
        spans = [(m.start, m.end) for m in cluster.mentions] + cluster.extra
        mentions = [_span(doc, start, end) for start, end in sorted(set(spans))]
        actors.append(
            Actor(
                id=f"A{index}",
                name=fields["name"],
                type=cluster.kind,
                aliases=fields["aliases"],
                country=fields["country"],
                sector=fields["sector"],
                roles=roles,
                affiliations=list(dict.fromkeys(a for a in affiliations if a != f"A{index}")),
                kb_id=fields["kb_id"],
                mentions=mentions,
            )
        )
    _home_country(actors)
    return actors


_DOMESTIC = {"GOV", "LEG", "JUD", "PTY", "OPP", "COP", "MIL", "SPY", "ELI"}


def _home_country(actors: list[Actor]) -> None:
    """News names its own country's people and bodies without their country. When one country clearly
    dominates an article (≥ 60% of the mentions of country-coded actors, at least 4), an office holder the
    article does not place (a senator, a governor, a party's nominee) is of that country; when it dominates
    overwhelmingly (≥ 75%, at least 6 mentions), so is any other person or body left without one. IGOs,
    NGOs, places and knowledge-base entries keep their own coding."""
    weight: Counter = Counter()
    for actor in actors:
        if actor.country and actor.type != ActorType.PLACE:
            weight[actor.country] += len(actor.mentions)
    if not weight:
        return
    home, count = weight.most_common(1)[0]
    share = count / sum(weight.values())
    if count < 4 or share < 0.6:
        return
    overwhelming = count >= 6 and share >= 0.75
    for actor in actors:
        if (
            actor.country is None
            and actor.kb_id is None
            and actor.type in (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.GROUP)
            and not {"IGO", "NGO"} & set(actor.sector)
            and (overwhelming or _DOMESTIC & set(actor.sector))
        ):
            actor.country = home


def _entry_name(kb: KnowledgeBase, key: str) -> str:
    entry = kb.entries.get(key)
    return entry.name if entry else key


def _span(doc: Doc, start: int, end: int) -> Span:
    span = doc[start:end]
    return Span(start=span.start_char, end=span.end_char, text=span.text)
