"""Learn the toponym recogniser's weights on the tune part of LGL, TR-News and GeoVirus.

Every candidate span (`tacitus.places.recognise.candidates`) of a tune-part article is labelled by whether it
overlaps a gold toponym; a logistic regression (scikit-learn, here only: at run time the weights are a dot
product) learns the features' weights, each data set weighted equally. The threshold is the highest recall
on the tune part whose precision is still at least TARGET_PRECISION. Writes
`src/tacitus/places/data/toponym_weights.json`.

    .venv/bin/python eval/places_train.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import places_data  # noqa: E402
from splits import article_part  # noqa: E402

TARGET_PRECISION = 0.90  # candidates; kept names spread to their other mentions, found mentions near 0.90


def overlaps(start: int, end: int, gold) -> bool:
    return any(t.start < end and start < t.end for t in gold)


def rows(part: str = "tune"):
    from tacitus.places import demonyms, gazetteer, recognise

    gaz = gazetteer.load()
    out = []  # (dataset, features, label)
    for name in places_data.FILES:
        items = places_data.articles(name)
        docs = places_data.parsed(name, items)
        for article, doc in zip(items, docs, strict=True):
            if part != "all" and article_part(name, article.id) != part:
                continue
            for cand in recognise.candidates(doc, gaz, demonyms()):
                span = cand.span(doc)
                if not (cand.demonym or gaz.rows(span.text) or gaz.rows(recognise.base_name(span.text))):
                    continue  # never a place: the resolver has nothing to give it
                label = overlaps(span.start_char, span.end_char, article.toponyms)
                out.append((name, recognise.features(doc, cand, gaz), label))
    return out


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from tacitus.places import recognise

    data = rows("tune")
    counts = {n: sum(1 for d, _, _ in data if d == n) for n in places_data.FILES}
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([f for _, f, _ in data])
    y = [label for _, _, label in data]
    weight = [len(data) / (len(counts) * counts[d]) for d, _, _ in data]
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False)
    model.fit(x, y, sample_weight=weight)
    weights = {
        name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
    }
    probs = model.predict_proba(x)[:, 1]
    best = 0.5
    for threshold in [t / 100 for t in range(5, 96)]:  # every set's precision must reach the target
        ok = True
        for name in counts:
            kept = [(p >= threshold, lab) for (d, _, lab), p in zip(data, probs, strict=True) if d == name]
            tp = sum(1 for k, lab in kept if k and lab)
            fp = sum(1 for k, lab in kept if k and not lab)
            ok = ok and tp > 0 and tp / (tp + fp) >= TARGET_PRECISION
        if ok:
            best = threshold
            break
    out = {"threshold": best, "weights": weights, "trained_on": "tune part of lgl, trnews, geovirus"}
    recognise.WEIGHTS.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data)} candidates; threshold {best}; wrote {recognise.WEIGHTS}")
    for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:24} {w:+.3f}")


if __name__ == "__main__":
    main()
