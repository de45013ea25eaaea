"""Whether two event reports can be the same real-world event, and how well they fit: the one rule that both
the store's incremental clusters and the ECB+ evaluation use.

An event report is reduced to an `EventKey`: what happened (`kind`: a PLOVER type in the store, a trigger
lemma on ECB+), where it may be compared (`group`), when (a resolved date range and/or time words), who
(actor keys: knowledge-base ids, country codes, normalised names) and where (place keys). Two reports are
*incompatible* when their kinds or groups differ, their resolved dates lie further apart than the window
(a "Monday" resolved from a Tuesday article and "June 10" from a Wednesday one differ by a day or two, so the
window is a few days, not zero), or their places are both known and disjoint while their actors overlap less than half.
Otherwise their *fit* is a weighted overlap of actors, places and times; a report joins the best-fitting
cluster whose fit reaches the threshold, else starts a cluster of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class EventKey:
    kind: str
    group: str = ""
    start: date | None = None
    end: date | None = None
    actors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Settings:
    """The weights and limits; the defaults are the store's, `eval/ecbplus_coref.py` tunes its own."""

    date_window_days: int = 3
    actor_weight: float = 1.0
    place_weight: float = 0.5
    time_weight: float = 0.5
    threshold: float = 0.3
    # The fit of two reports with nothing to compare (no actors, places or times on one side).
    unknown_fit: float = 0.0
    place_conflict_blocks: bool = True
    # Known, disjoint places rule a match out unless the actors overlap at least this much (same two leaders
    # reported meeting "in Moscow" and "at the Kremlin" still match; Hamas–Russia and Fatah–France do not).
    place_conflict_actor_overlap: float = 0.5


def overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Shared keys over the smaller set (a short report names fewer actors); None when either is empty."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def dates_compatible(a: EventKey, b: EventKey, window: int) -> bool | None:
    """None when either has no resolved date; else whether the ranges lie within `window` days."""
    if a.start is None or b.start is None:
        return None
    a_end, b_end = a.end or a.start, b.end or b.start
    gap = max((b.start - a_end).days, (a.start - b_end).days, 0)
    return gap <= window


def fit(a: EventKey, b: EventKey, settings: Settings = Settings()) -> float | None:
    """How well `b` fits `a` (higher is better), or None when they cannot be the same event."""
    if a.kind != b.kind or a.group != b.group:
        return None
    dated = dates_compatible(a, b, settings.date_window_days)
    if dated is False:
        return None
    actors, places, times = (
        overlap(a.actors, b.actors),
        overlap(a.places, b.places),
        overlap(a.times, b.times),
    )
    if (
        settings.place_conflict_blocks
        and places == 0
        and (actors or 0) < settings.place_conflict_actor_overlap
    ):
        return None
    parts = [
        (settings.actor_weight, actors),
        (settings.place_weight, places),
        (settings.time_weight, 1.0 if dated else times),
    ]
    known = [(weight, value) for weight, value in parts if value is not None and weight > 0]
    if not known:
        return settings.unknown_fit
    return sum(weight * value for weight, value in known) / sum(weight for weight, _ in parts if weight > 0)


@dataclass
class Cluster:
    """A growing cluster: the union of its members' keys, so a new report is compared with all of them."""

    key: EventKey
    members: list = field(default_factory=list)

    def absorb(self, key: EventKey, member) -> None:
        start = min(d for d in (self.key.start, key.start) if d) if (self.key.start or key.start) else None
        ends = [d for d in (self.key.end or self.key.start, key.end or key.start) if d]
        self.key = EventKey(
            kind=self.key.kind,
            group=self.key.group,
            start=start,
            end=max(ends) if ends else None,
            actors=self.key.actors | key.actors,
            places=self.key.places | key.places,
            times=self.key.times | key.times,
        )
        self.members.append(member)


def best_cluster(key: EventKey, candidates, settings: Settings = Settings()):
    """The candidate (an object with `.key`) that `key` fits best at or above the threshold, else None."""
    best, best_fit = None, settings.threshold
    for candidate in candidates:
        value = fit(candidate.key, key, settings)
        if value is not None and value >= best_fit and (best is None or value > best_fit):
            best, best_fit = candidate, value
    return best


class Clusterer:
    """Incremental clustering in memory: each report joins the best existing cluster or starts one.

    Candidates are looked up by (group, kind), so adding a report never touches unrelated clusters; nothing
    is ever re-clustered.
    """

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        self.clusters: list[Cluster] = []
        self._by_kind: dict[tuple[str, str], list[Cluster]] = {}

    def add(self, key: EventKey, member) -> Cluster:
        candidates = self._by_kind.setdefault((key.group, key.kind), [])
        cluster = best_cluster(key, candidates, self.settings)
        if cluster is None:
            cluster = Cluster(EventKey(kind=key.kind, group=key.group))
            cluster.key = key
            self.clusters.append(cluster)
            candidates.append(cluster)
            cluster.members.append(member)
        else:
            cluster.absorb(key, member)
        return cluster
