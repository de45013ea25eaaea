"""Actor country codes on the PLOVER gold-standard records (development file), sentence by sentence.

Each record's sentence goes through the actor stage alone (one spaCy parse, `tacitus.actors.find_actors`).
An actor's code is its country (ISO alpha-3), else "IGO"/"NGO" when that is its sector (the gold codes the
UN as "IGO"); places are not actors and are left out. Measures, over records with a gold source (target):

- source found: some gold source code is among the coded actors' codes;
- target found: the same for the gold target codes;
- first actor = source: the code of the first coded actor in the sentence is a gold source code;
- source code+sector: some gold source with a sector is matched by an actor with that code and sector;
- code precision: of the distinct codes the stage produced per sentence, the share that are a gold source
  or target code.

The records are split by `eval/splits.py` (`sentence_part(text)`): rules are tuned on `--part tune` and
reported on both parts.

    .venv/bin/python eval/actors_plover.py [--part tune|check|all] [--json] [--show-misses N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", REPO.parent / "shared"))  # ../shared beside the repository
sys.path.insert(0, str(REPO / "eval"))
from splits import select, sentence_part  # noqa: E402

PLOVER = SHARED / "eval-data" / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
_CODE_SECTORS = ("IGO", "NGO")


def records(part: str = "all") -> list[dict]:
    data = json.loads(PLOVER.read_text(encoding="utf-8"))
    rows = [r for r in data if r.get("text") and r.get("event") and r.get("event") != "DOCUMENT"]
    return select(rows, lambda r: sentence_part(r["text"]), part)


def gold_actors(value) -> list[dict]:
    return [a for a in value if isinstance(a, dict) and a.get("code")] if isinstance(value, list) else []


def actor_code(actor) -> str | None:
    if actor.country:
        return actor.country
    return next((s for s in actor.sector if s in _CODE_SECTORS), None)


def evaluate(show_misses: int = 0, part: str = "all") -> dict:
    from tacitus import nlp
    from tacitus.actors import current_knowledge_base, find_actors
    from tacitus.analysis import Analysis, Part
    from tacitus.contract import ActorType

    kb = current_knowledge_base()
    rows = records(part)
    counts = {
        "records": len(rows),
        "with_source": 0,
        "source_found": 0,
        "with_target": 0,
        "target_found": 0,
        "first_is_source": 0,
        "with_source_sector": 0,
        "source_sector_found": 0,
        "codes": 0,
        "codes_correct": 0,
    }
    misses = []
    for record, doc in zip(rows, nlp.parse_many(r["text"] for r in rows), strict=True):
        analysis = Analysis(doc=doc, published=date(2000, 1, 1), parts=[Part(None, 0, len(doc.text))])
        found = [a for a in find_actors(analysis, kb) if a.type != ActorType.PLACE and actor_code(a)]
        found.sort(key=lambda a: min(m.start for m in a.mentions))
        codes = [actor_code(a) for a in found]
        sources, targets = gold_actors(record.get("source")), gold_actors(record.get("target"))
        source_codes = {s["code"] for s in sources}
        target_codes = {t["code"] for t in targets}
        if sources:
            counts["with_source"] += 1
            counts["source_found"] += bool(source_codes & set(codes))
            counts["first_is_source"] += bool(codes and codes[0] in source_codes)
            if not source_codes & set(codes) and len(misses) < show_misses:
                misses.append({"text": record["text"], "gold": sorted(source_codes), "found": codes})
        if targets and not target_codes & set(codes) and len(misses) < show_misses:
            misses.append({"text": record["text"], "gold": sorted(target_codes), "found": codes, "role": "T"})
        sectored = [s for s in sources if s.get("sector")]
        if sectored:
            counts["with_source_sector"] += 1
            counts["source_sector_found"] += any(
                actor_code(a) == s["code"] and s["sector"] in a.sector for s in sectored for a in found
            )
        if targets:
            counts["with_target"] += 1
            counts["target_found"] += bool(target_codes & set(codes))
        distinct = set(codes)
        counts["codes"] += len(distinct)
        counts["codes_correct"] += len(distinct & (source_codes | target_codes))
    report = {
        "counts": counts,
        "source_found": _ratio(counts["source_found"], counts["with_source"]),
        "target_found": _ratio(counts["target_found"], counts["with_target"]),
        "first_actor_is_source": _ratio(counts["first_is_source"], counts["with_source"]),
        "source_code_and_sector": _ratio(counts["source_sector_found"], counts["with_source_sector"]),
        "code_precision": _ratio(counts["codes_correct"], counts["codes"]),
    }
    if misses:
        report["source_misses"] = misses
    return report


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--part", default="all", choices=["tune", "check", "all"], help="eval/splits.py part")
    parser.add_argument("--show-misses", type=int, default=0, help="list N sentences whose source was missed")
    args = parser.parse_args(argv)
    if not PLOVER.is_file():
        print(f"PLOVER gold records not found at {PLOVER}", file=sys.stderr)
        return 2
    report = evaluate(args.show_misses, args.part)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    c = report["counts"]
    print(
        f"PLOVER GSR dev ({args.part}): {c['records']} records ({c['with_source']} with source, {c['with_target']} with target)"
    )
    for key in (
        "source_found",
        "target_found",
        "first_actor_is_source",
        "source_code_and_sector",
        "code_precision",
    ):
        print(f"  {key:24} {report[key]:.3f}")
    for miss in report.get("source_misses", []):
        role = miss.get("role", "S")
        print(f"  MISS {role} gold {miss['gold']} found {miss['found']}: {miss['text'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
