"""Set the learned decisions' thresholds on tune sentences the models never saw (the inner fold).

`train/events_learned.py --inner-fold --out DIR` trains on two tune sentences in three; this script loads
those models from DIR and scores the third (plv, cameo-ner, cameo-class, PLOVER-GSR) for each setting of
the event threshold (a verb no rule codes becomes an event) and the side threshold (an actor becomes a
missing source or target). The check part is never read.

    .venv/bin/python train/events_learned.py --inner-fold --out /tmp/inner
    .venv/bin/python eval/events_thresholds.py --models /tmp/inner --grid 0.25,0.25 0.35,0.25
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "train"))

import events_cameo_class  # noqa: E402
import events_cameo_ner  # noqa: E402
import events_plover  # noqa: E402
import events_plv  # noqa: E402
from events_learned import inner_fold  # noqa: E402
from sentence_sets import EVAL_DATA, read_cameo_class, read_cameo_ner, read_plv  # noqa: E402
from splits import sentence_part  # noqa: E402


def held_out(items, text):
    return [item for item in items if sentence_part(text(item)) == "tune" and inner_fold(text(item))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True, help="folder of the inner-fold learned-*.json")
    parser.add_argument("--grid", nargs="+", default=["0.25,0.25"], help="event,side thresholds")
    args = parser.parse_args(argv)
    model = importlib.import_module("tacitus.events.learned.model")
    decide = importlib.import_module("tacitus.events.learned.decide")
    model.DATA = args.models
    model.load_model.cache_clear()
    if model.load_model("predicate") is None:
        print(
            f"{args.models}: no learned-predicate.json (run train/events_learned.py --inner-fold)",
            file=sys.stderr,
        )
        return 2
    plv = held_out(read_plv(EVAL_DATA / "plv" / "PLV_train.tsv"), lambda r: r.text)
    ner = held_out(read_cameo_ner(EVAL_DATA / "cameo-ner" / "train.txt"), lambda s: s.text)
    cc = held_out(read_cameo_class(EVAL_DATA / "cameo-class" / "train.tsv"), lambda r: r[0])
    gsr = held_out(events_plover.load_records(EVAL_DATA / "plover-gsr"), lambda r: r["text"])
    print(f"inner fold: plv {len(plv)} pairs, cameo-ner {len(ner)}, cameo-class {len(cc)}, gsr {len(gsr)}")
    for setting in args.grid:
        event, side = map(float, setting.split(","))
        decide.EVENT_THRESHOLD = event
        decide.SIDE_THRESHOLDS = {"source": side, "target": side}
        a, b = events_plv.evaluate(plv), events_cameo_ner.evaluate(ner)
        c, d = events_cameo_class.evaluate(cc), events_plover.evaluate(gsr)
        print(
            f"event {event} side {side}: plv found {a['found_both_sides']} type all "
            f"{a['type_right_all']} macro {a['type_macro_f1']} | ner S {b['source']['overlap']['f1']} "
            f"T {b['target']['overlap']['f1']} | cc quad {c['quad_macro_f1']} neutral {c['neutral_left']} | "
            f"gsr type {d['type_accuracy']}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
