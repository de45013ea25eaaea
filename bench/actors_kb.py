"""Size, load time and memory of the actor knowledge base (our YAML files + the converted Phoenix table).

Each measurement runs in a fresh interpreter that has already imported tacitus.actors (spaCy included), so
the figures are the knowledge base's own: wall and CPU time of `load_knowledge_base()` (best of --repeat
fresh processes; CPU time is the fair figure on a shared machine) and the resident memory it adds
(ru_maxrss before and after). Targets: ≤ 0.5 s, ≤ 150 MB.
It also counts the persons and bodies (persons, organisations, groups, media) that carry both a country and
a sector (IGOs and NGOs count: their sector is their code). Target ≥ 20,000.

    .venv/bin/python bench/actors_kb.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_PROBE = """
import json, resource, time
import tacitus.actors.kb as kb_module
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started, cpu = time.perf_counter(), time.process_time()
kb = kb_module.load_knowledge_base()
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu": cpu, "added_mb": (after - before) / 1024}))
"""

_COUNT = """
import json
from tacitus.actors.kb import load_knowledge_base
from tacitus.contract import ActorType
kb = load_knowledge_base()
kinds = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.MEDIA)
for row_id in list(kb.phoenix.lines):
    kb.converted_entry(row_id)
entries = {id(e): e for e in kb.entries.values()}.values()
coded = [e for e in entries if e.type in kinds and (e.country or {"IGO", "NGO"} & set(e.sector)) and e.sector]
by_type = {}
for e in coded:
    by_type[e.type.value] = by_type.get(e.type.value, 0) + 1
print(json.dumps({"entries": len(entries), "coded_persons_and_bodies": len(coded), "by_type": by_type}))
"""


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    loads = [_run(_PROBE) for _ in range(args.repeat)]
    counts = _run(_COUNT)
    report = {
        "load_seconds_best": round(min(r["seconds"] for r in loads), 3),
        "load_seconds_worst": round(max(r["seconds"] for r in loads), 3),
        "load_cpu_seconds_best": round(min(r["cpu"] for r in loads), 3),
        "added_memory_mb": round(max(r["added_mb"] for r in loads), 1),
        **counts,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"knowledge base: {report['entries']} entries, {report['coded_persons_and_bodies']} persons and bodies"
    )
    print(f"  with country (or IGO/NGO) and sector: {report['by_type']}")
    print(
        f"  load: best {report['load_seconds_best']} s, worst {report['load_seconds_worst']} s wall, "
        f"best {report['load_cpu_seconds_best']} s CPU (target 0.5 s)"
    )
    print(f"  memory added: {report['added_memory_mb']} MB (target 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
