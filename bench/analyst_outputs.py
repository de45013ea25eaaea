"""The acceptance checks of issue #8 (analyst outputs), run end to end on the sample through the real CLI.

Ingests the sample (`tests/fixtures/hamas-russia-mediation.txt`, published 2024-06-11) into a temporary SQLite
store with `tacitus ingest`, then:

1. `tacitus series --by month --format csv`: one row per month from the earliest to the latest month-dated
   occurred event, each count equal to the stored events of that month, the others 0;
2. `tacitus series --plot`: writes docs/series-sample.png (all months) and docs/series-sample-2023.png
   (since 2023, readable month labels) when --images is given;
3. `tacitus export --format polecat` (and cameo): loads with pandas.read_csv(sep="\\t"), the header is the
   POLECAT column list, and every exported value equals the one derived from the stored event;
4. `tacitus.render` escapes and keeps the text; the spaCy component gives the same events as `tacitus.extract`.

    PYTHONPATH=src .venv/bin/python bench/analyst_outputs.py [--images] [--json]

Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "fixtures" / "hamas-russia-mediation.txt"
PUBLISHED = "2024-06-11"


def cli(*args: str):
    from click.testing import CliRunner

    from tacitus.cli import main

    result = CliRunner().invoke(main, list(args))
    if result.exit_code != 0:
        raise SystemExit(f"tacitus {' '.join(args)} failed: {result.output}")
    return result


def check_series(url: str, store) -> dict:
    import pandas as pd

    started = time.perf_counter()
    result = cli("series", "--db", url, "--by", "month", "--format", "csv")
    seconds = time.perf_counter() - started
    frame = pd.read_csv(io.StringIO(result.stdout), dtype={"period": str})
    stored: dict[str, int] = {}
    for row in store.events(status="occurred"):
        match = re.match(r"^(\d{4}-\d{2})(?:-\d{2})?(?:$|T)", row.date or "")
        if match:
            stored[match[1]] = stored.get(match[1], 0) + 1
    months = pd.period_range(min(stored), max(stored), freq="M").strftime("%Y-%m").tolist()
    got = dict(zip(frame["period"], frame["events"], strict=True))
    return {
        "rows": len(frame),
        "first": months[0],
        "last": months[-1],
        "months_expected": len(months),
        "months_with_events": len(stored),
        "zero_months": int((frame["events"] == 0).sum()),
        "events_counted": int(frame["events"].sum()),
        "note": result.stderr.strip().splitlines()[0],
        "one_row_per_month": frame["period"].tolist() == months,
        "counts_match_store": got == {m: stored.get(m, 0) for m in months},
        "seconds": round(seconds, 2),
    }


def draw(url: str, out: Path) -> list[str]:
    written = []
    for name, extra in (("series-sample.png", []), ("series-sample-2023.png", ["--since", "2023"])):
        cli("series", "--db", url, "--by", "month", *extra, "--plot", str(out / name), "--format", "csv")
        written.append(str((out / name).relative_to(REPO)))
    return written


def check_export(url: str, store, layout: str) -> dict:
    import pandas as pd

    from tacitus.analyst.exchange import CAMEO_COLUMNS, POLECAT_COLUMNS
    from tacitus.events.scales import scale_of

    started = time.perf_counter()
    result = cli("export", "--db", url, "--format", layout)
    seconds = time.perf_counter() - started
    frame = pd.read_csv(io.StringIO(result.stdout), sep="\t", dtype=str, keep_default_na=False)
    columns = POLECAT_COLUMNS if layout == "polecat" else CAMEO_COLUMNS
    rows = {f"{r.article_id}-{r.event_id}": r for r in store.events(status="occurred")}
    key = "Event ID" if layout == "polecat" else "GLOBALEVENTID"
    mismatches = []
    for record in frame.to_dict("records"):
        row = rows[record[key]]
        document = store.document(row.article_id)
        names = {a.id: a.name for a in document.actors}
        scale = scale_of(row.type, row.mode)
        calendar = (re.match(r"^\d{4}(-\d{2}(-\d{2})?)?(?=$|T)", row.date or "") or [""])[0]
        lat = "" if row.lat is None else repr(row.lat)
        if layout == "polecat":
            expected = {
                "Event Date": calendar,
                "Event Type": row.type,
                "Event Mode": row.mode or "",
                "Quad Code": str(scale.quad_class),
                "Placename": row.place or "",
                "Latitude": lat,
                "Actor Name": "; ".join(names[i] for i in (row.source_ids or "").split("; ") if i in names),
                "Recipient Name": "; ".join(
                    names[i] for i in (row.target_ids or "").split("; ") if i in names
                ),
                "Country": row.place_country or "",
                "Publication Date": row.published or "",
                "Event Intensity": "",
                "Actor COW": "",
                "GeoNames ID": "",
            }
        else:
            expected = {
                "EventCode": scale.cameo_code,
                "EventRootCode": scale.cameo_root,
                "QuadClass": str(scale.quad_class),
                "GoldsteinScale": repr(scale.goldstein),
                "SQLDATE": calendar.replace("-", "") if len(calendar) == 10 else "",
                "ActionGeo_Lat": lat,
                "PLOVERType": row.type,
                "AvgTone": "",
            }
        mismatches += [
            (record[key], column, record[column], value)
            for column, value in expected.items()
            if record[column] != value
        ]
    return {
        "rows": len(frame),
        "stored_occurred_events": len(rows),
        "header_is_layout": list(frame.columns) == columns,
        "columns": len(frame.columns),
        "values_checked": len(frame) * len(expected),
        "mismatches": mismatches,
        "seconds": round(seconds, 2),
    }


def check_render_and_component(document) -> dict:
    import spacy

    import tacitus
    import tacitus.component  # noqa: F401 - registers the factory
    from tacitus.nlp import MODEL_NAME

    page = tacitus.render(document)
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("tacitus", config={"published": PUBLISHED})
    doc = nlp(SAMPLE.read_text(encoding="utf-8"))
    same = [e.model_dump() for e in doc._.tacitus_events] == [e.model_dump() for e in document.events]
    return {
        "html_bytes": len(page.encode()),
        "marks": page.count('<span class="hl-'),
        "component_events": len(doc._.tacitus_events),
        "extract_events": len(document.events),
        "component_same_events_as_extract": same,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", action="store_true", help="(Re)write docs/series-sample*.png.")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON only.")
    args = parser.parse_args()

    from tacitus.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/tacitus.db"
        cli("ingest", "--db", url, "--published", PUBLISHED, str(SAMPLE))
        with Store(url) as store:
            article_id = store.articles()[0].article_id
            results = {
                "series": check_series(url, store),
                "polecat": check_export(url, store, "polecat"),
                "cameo": check_export(url, store, "cameo"),
                "render_component": check_render_and_component(store.document(article_id)),
            }
            if args.images:
                results["images"] = draw(url, REPO / "docs")
    ok = (
        results["series"]["one_row_per_month"]
        and results["series"]["counts_match_store"]
        and all(
            results[k]["header_is_layout"] and not results[k]["mismatches"] and results[k]["rows"]
            for k in ("polecat", "cameo")
        )
        and results["render_component"]["component_same_events_as_extract"]
    )
    results["ok"] = ok
    print(json.dumps(results, indent=None if args.json else 2, ensure_ascii=False))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
