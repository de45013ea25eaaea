"""A linear classifier stored as JSON: feature name → one weight per class, so loading runs no code.

scikit-learn's pickles can execute arbitrary code when loaded and break across versions; the weights of a
logistic regression are only numbers, so we write them as data (`events/data/learned-*.json`, with a format
version) and score with a sum of weights and a softmax.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tacitus.errors import ConfigError

FORMAT = "tacitus-linear-1"
DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class LinearModel:
    name: str
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for feature in set(features):
            row = self.weights.get(feature)
            if row is not None:
                for k, weight in enumerate(row):
                    scores[k] += weight
        if len(scores) == 1:  # a binary model stores one score: the log-odds of classes[1]
            p = 1 / (1 + math.exp(-scores[0]))
            return {self.classes[0]: 1 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "name": self.name,
            "classes": list(self.classes),
            "intercept": [round(x, 5) for x in self.intercept],
            "weights": {f: [round(x, 5) for x in row] for f, row in sorted(self.weights.items())},
        }


def from_json(data: dict, source: str) -> LinearModel:
    if data.get("format") != FORMAT:
        raise ConfigError(f"{source}: format {data.get('format')!r}, expected {FORMAT!r}; rerun `make train`")
    classes = tuple(data["classes"])
    width = 1 if len(classes) == 2 else len(classes)
    weights = {}
    for feature, row in data["weights"].items():
        if len(row) != width:
            raise ConfigError(f"{source}: feature {feature!r} has {len(row)} weights, expected {width}")
        weights[feature] = tuple(row)
    return LinearModel(data["name"], classes, tuple(data["intercept"]), weights)


@cache
def load_model(name: str) -> LinearModel | None:
    """`events/data/learned-<name>.json`, or None when it has not been trained (the rules then work alone)."""
    path = DATA / f"learned-{name}.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not valid JSON ({error}); rerun `make train`") from error
    return from_json(data, str(path))
