"""Event places on the adjudicated records of `../shared/eval-data/event-location/` (Halterman 2019).

Each record is a sentence, one event verb (VERB span) and the place(s) where that event happened (LOCATION
spans; none when the sentence does not say). Each sentence runs through the whole pipeline; the event is the
one whose trigger overlaps the verb. A record is right when the gold has no place and the event has none (or
no event was coded at the verb), or when the event's place is one of the gold places (one of the place's
mentions in `document.places` overlaps a gold LOCATION span, or the place's name lies inside one). Reported
beside it: how many records got an event at the verb, the accuracy on those alone, and the place the
own-clause reading gives the gold verb itself (the place reading apart from event recognition).

    .venv/bin/python eval/places_event_location.py --part tune|check|all [--source RELABEL] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from places_data import SHARED  # noqa: E402
from splits import article_part, select  # noqa: E402

DATA = SHARED / "eval-data" / "event-location" / "labeled_text.jsonl.zip"


def records(source: str = "RELABEL") -> list[dict]:
    """The records of `source` ("all" for every one) that mark an event verb."""
    with zipfile.ZipFile(DATA) as archive:
        data = json.loads(archive.read("labeled_text.jsonl"))
    return [
        r
        for r in data
        if (source == "all" or r.get("source") == source)
        and r.get("answer") == "accept"
        and any(s["label"] == "VERB" for s in r.get("spans") or ())
    ]


def _spans(record: dict) -> list[dict]:
    """The record's spans with character offsets from their tokens: some adjudicated LOCATION spans carry token
    numbers in `start`/`end`."""
    tokens = {t["id"]: t for t in record.get("tokens") or ()}
    out = []
    for span in record["spans"]:
        first, last = tokens.get(span.get("token_start")), tokens.get(span.get("token_end"))
        if first is not None and last is not None:
            span = {**span, "start": first["start"], "end": last["end"]}
        out.append(span)
    return out


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def verb_place(record: dict, document, doc):
    """The place the events stage's own-clause reading gives the gold verb, whether or not an event was coded
    there: the place reading alone, apart from event recognition."""
    from tacitus.events.place_date import PlaceAndDate

    verb = next(s for s in _spans(record) if s["label"] == "VERB")
    anchors = [t for t in doc if _overlap(t.idx, t.idx + len(t.text), verb["start"], verb["end"])]
    reader = PlaceAndDate()
    reader.document = document
    return reader.place_of(anchors) if anchors else None


def judge(record: dict, document, event_place=False, doc=None) -> tuple[bool, bool, str]:
    """(right, event found at the verb, what was predicted); `event_place` False reads the verb's place."""
    spans = _spans(record)
    verb = next(s for s in spans if s["label"] == "VERB")
    gold = [s for s in spans if s["label"] == "LOCATION"]
    event = next(
        (
            e
            for e in document.events
            if any(_overlap(s.start, s.end, verb["start"], verb["end"]) for s in e.evidence)
        ),
        None,
    )
    place = event.place if event is not None else None
    if not event_place:
        place = verb_place(record, document, doc)
    if place is None:
        return not gold, event is not None, "none"
    entry = next((p for p in document.places if p.id == place.place_id), None)
    found = [(m.start, m.end) for m in entry.mentions] if entry is not None else []
    text = record["text"]
    right = any(
        any(_overlap(s, e, g["start"], g["end"]) for s, e in found)
        or place.name in text[g["start"] : g["end"]]
        for g in gold
    )
    return right, True, place.name


def main() -> None:
    from tacitus import nlp, pipeline
    from tacitus.contract import Article

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--source", default="RELABEL", help="RELABEL (adjudicated gold) or all")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    items = select(
        records(args.source), lambda r: article_part("event-location", str(r["_input_hash"])), args.part
    )
    docs = nlp.parse_many((r["text"] for r in items), batch_size=32)
    right = found = right_found = shown = verb_right = 0
    for record, doc in zip(items, docs, strict=True):
        document = pipeline.process(Article(id=str(record["_id"]), text=record["text"]), parsed=doc)
        ok, has_event, predicted = judge(record, document, event_place=True)
        verb_right += judge(record, document, event_place=False, doc=doc)[0]
        right += ok
        found += has_event
        right_found += ok and has_event
        if not ok and shown < args.errors:
            shown += 1
            gold = [record["text"][s["start"] : s["end"]] for s in _spans(record) if s["label"] == "LOCATION"]
            print(f"  {predicted!r} vs {gold} :: {record['text'][:140]!r}")
    n = len(items)
    print(f"part={args.part} source={args.source} records={n}")
    print(f"event place right: {right / n:.3f}")
    print(f"event coded at the verb: {found / n:.3f}; right among those: {right_found / max(1, found):.3f}")
    print(f"place read for the gold verb (without event coding): {verb_right / n:.3f}")


if __name__ == "__main__":
    main()
