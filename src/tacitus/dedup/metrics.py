"""Coreference scores (MUC, B³, CEAF-e and their mean, CoNLL F1) with the standard definitions.

A clustering is a list of clusters, each a collection of hashable mention ids. Key (gold) and response
(predicted) may cover different mentions: a mention missing from one side counts as a singleton there
for MUC and B³, and simply unaligned for CEAF-e, as in the reference scorer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clustering = Iterable[Iterable[Hashable]]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "f1": round(self.f1, 4),
        }


def _sets(clustering: Clustering) -> list[frozenset]:
    clusters = [frozenset(cluster) for cluster in clustering]
    seen: set = set()
    for cluster in clusters:
        if seen & cluster:
            raise ValueError(f"mention(s) {sorted(map(str, seen & cluster))[:3]} appear in two clusters")
        seen |= cluster
    return [cluster for cluster in clusters if cluster]


def _muc_side(key: list[frozenset], response: list[frozenset]) -> float:
    where = {mention: index for index, cluster in enumerate(response) for mention in cluster}
    numerator = denominator = 0
    for cluster in key:
        # Partitions of the key cluster by the response; unmatched mentions are singleton partitions.
        parts = {where.get(mention, ("alone", mention)) for mention in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """Vilain et al. (1995): links kept, counted over the minimum spanning links of each cluster."""
    key, response = _sets(key), _sets(response)
    return Score(_muc_side(key, response), _muc_side(response, key))


def _b_cubed_side(key: list[frozenset], response: list[frozenset]) -> float:
    where = {mention: cluster for cluster in response for mention in cluster}
    mentions = [mention for cluster in key for mention in cluster]
    if not mentions:
        return 0.0
    total = 0.0
    for cluster in key:
        for mention in cluster:
            other = where.get(mention, frozenset([mention]))
            total += len(cluster & other) / len(cluster)
    return total / len(mentions)


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """Bagga & Baldwin (1998): per-mention overlap of its key and response clusters, averaged over mentions."""
    key, response = _sets(key), _sets(response)
    return Score(_b_cubed_side(key, response), _b_cubed_side(response, key))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Luo (2005), entity-based: the best one-to-one alignment of clusters under φ4 = 2|K∩R| / (|K|+|R|)."""
    key, response = _sets(key), _sets(response)
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = np.zeros((len(key), len(response)))
    index = {mention: j for j, cluster in enumerate(response) for mention in cluster}
    for i, cluster in enumerate(key):
        for j in {index[m] for m in cluster if m in index}:
            similarity[i, j] = 2 * len(cluster & response[j]) / (len(cluster) + len(response[j]))
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, columns].sum())
    return Score(total / len(key), total / len(response))


def conll(key: Clustering, response: Clustering) -> dict[str, dict[str, float]]:
    """All three scores and CoNLL F1, their mean F1 (Pradhan et al. 2014)."""
    key, response = _sets(key), _sets(response)
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    result = {name: score.as_dict() for name, score in scores.items()}
    result["conll_f1"] = round(sum(score.f1 for score in scores.values()) / 3, 4)
    return result
