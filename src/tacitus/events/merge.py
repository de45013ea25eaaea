"""One record per real-world event: merging coreferent mentions within an article, then scoring them.

Two mentions name one event when they share the part (a caption's 2006 meeting never joins today's), the
type, a compatible status, date and place, and either share a participant or sit close together with one of
them silent about who took part ("a meeting in Moscow on Monday night" … "Marzouk met Bogdanov in the Russian
capital" … "The two discussed…"). An ongoing campaign ("Russia is seeking the release…", "Russia has been
pushing for the release…") is one event however far apart its mentions are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tacitus.contract import DateValue, EventStatus, Place, Span
from tacitus.events import dates, places
from tacitus.events.mention import Mention

WINDOW = 3  # sentences between a mention and the cluster's last one, for a merge without shared actors
BASE_CONFIDENCE = {
    "verb": 0.7,
    "verb-object": 0.7,
    "light-verb": 0.7,
    "request-verb": 0.7,
    "promise-verb": 0.7,
    "threaten-verb": 0.7,
    "reject-verb": 0.65,
    "request-modal": 0.6,
    "request-noun": 0.6,
    "intent-future": 0.55,
    "threat-future": 0.5,
    "reject-negated-intent": 0.55,
    "noun": 0.5,
    "order-verb": 0.65,
    "speaker-agent": 0.6,
    "phone-call": 0.65,
    "same-action": 0.6,
    "cameo-object": 0.6,
    "cameo-prep": 0.6,
    "cameo-verb": 0.55,
}


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def last_sentence(self) -> int:
        return max(m.sentence for m in self.mentions)

    @property
    def participants(self) -> set[str]:
        return set().union(*(m.participants for m in self.mentions))

    @property
    def status(self) -> EventStatus:
        explicit = [m.status for m in self.mentions if m.status_explicit]
        return explicit[0] if explicit else self.first.status

    @property
    def date(self) -> DateValue | None:
        best = None
        for mention in self.mentions:
            best = dates.finer(best, mention.date)
        return best

    @property
    def place(self) -> Place | None:
        return next((m.place for m in self.mentions if m.place is not None), None)


def _statuses_agree(cluster: Cluster, mention: Mention) -> bool:
    if not mention.status_explicit or all(not m.status_explicit for m in cluster.mentions):
        return True
    return cluster.status == mention.status


def _places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    return (
        a.lat == b.lat or a.name == b.name or None in (a.lat, b.lat) or _country_level(a) or _country_level(b)
    )


def _country_level(place: Place) -> bool:
    return places.is_country(place.name)


def can_merge(cluster: Cluster, mention: Mention) -> bool:
    first = cluster.first
    if mention.part != first.part or mention.type != first.type:
        return False
    if not _statuses_agree(cluster, mention) or not dates.compatible(cluster.date, mention.date):
        return False
    if not _places_agree(cluster.place, mention.place):
        return False
    # Only the same kind of act (mode) is the same event: "Abbas' upcoming visit to Russia" is not the "new
    # meeting of Palestinian factions" Russia organises, though both involve Russia.
    if not (mention.mode == first.mode or None in (mention.mode, first.mode)):
        return False
    # "France took the same measure": the same act by another source is another event
    cluster_sources = {a for m in cluster.mentions for a in m.sources}
    if mention.rule.startswith("same-action:") and not set(mention.sources) & cluster_sources:
        return False
    shared = bool(cluster.participants & mention.participants)
    near = mention.sentence - cluster.last_sentence <= WINDOW
    if shared and (near or mention.status == EventStatus.ONGOING or _both_dated(cluster.date, mention.date)):
        return True
    silent = not mention.participants or not cluster.participants
    return silent and near


def _both_dated(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and b is not None and not a.inferred and not b.inferred


def merge_coreferent(mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    # A cluster only takes mentions of its first mention's part and type (`can_merge`): look among those
    # alone, newest first, instead of every cluster of the article.
    by_kind: dict[tuple, list[Cluster]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        kind = by_kind.setdefault((mention.part, mention.type), [])
        target = next((c for c in reversed(kind) if can_merge(c, mention)), None)
        if target is None:
            clusters.append(Cluster([mention]))
            kind.append(clusters[-1])
        else:
            target.mentions.append(mention)
    return clusters


def confidence(cluster: Cluster) -> float:
    """A rough probability that the record is right: the rule's base, raised by stated actors and support."""
    best = max(cluster.mentions, key=lambda m: BASE_CONFIDENCE.get(m.rule.split(":")[0], 0.5))
    score = BASE_CONFIDENCE.get(best.rule.split(":")[0].removesuffix("-passive"), 0.5)
    sources = {a for m in cluster.mentions for a in m.sources}
    score += 0.1 if sources else -0.1
    score += 0.05 if any(m.targets for m in cluster.mentions) else 0.0
    score += 0.05 * min(len(cluster.mentions) - 1, 3)
    if best.type == "REQUEST" and best.mode is None:
        score -= 0.1  # asked to do something that is no event we know ("urged people to avoid the area")
    return round(max(0.05, min(score, 0.95)), 2)


def evidence(mention: Mention, text: str) -> Span:
    start, end = mention.start, mention.end
    return Span(start=start, end=end, text=text[start:end])
