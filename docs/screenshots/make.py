"""Screenshots of every page of the workspace, showing the sample article run through the whole pipeline.

    .venv/bin/python docs/screenshots/make.py        # writes docs/screenshots/*.png

Needs Debian's Chromium (tests/web/install-browser.sh). The store is temporary; the server listens on loopback.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from tacitus import extract  # noqa: E402
from tacitus.api import create_app  # noqa: E402
from tacitus.api.background import background  # noqa: E402
from tacitus.store import Store  # noqa: E402
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SAMPLE = REPO / "tests" / "fixtures" / "hamas-russia-mediation.txt"


def busiest_actor(document):
    counts = {}
    for event in document.events:
        for actor_id in {*event.sources, *event.targets}:
            counts[actor_id] = counts.get(actor_id, 0) + 1
    best = max(counts, key=counts.get) if counts else document.actors[0].id
    actor = document.actor(best)
    return actor.kb_id or actor.name


def main() -> None:
    document = extract(SAMPLE.read_text(encoding="utf-8"), published="2024-06-11")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'tacitus.db'}"
        with Store(url) as store:
            store.save(document)
        article = document.article.id
        with background(create_app(url, api_token="screenshots")) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860}, base_url=base)

            def shot(name: str, path: str, *, full: bool = False, before=None) -> None:
                page.goto(path)
                if before:
                    before()
                page.screenshot(path=HERE / f"{name}.png", full_page=full)
                print(f"wrote docs/screenshots/{name}.png")

            shot("events", "/")
            event = next((e for e in document.events if e.evidence), None)

            def hover_event():
                if event:
                    segment = page.locator(f'.hl[data-ids~="event-{event.id}"]').first
                    segment.scroll_into_view_if_needed()
                    segment.hover()
                    page.wait_for_selector("#tooltip:not([hidden])")

            shot("article", f"/articles/{article}", before=hover_event)
            if event:
                shot("event", f"/events/{article}/{event.id}")
            shot("actor", f"/actors/{busiest_actor(document)}", full=True)
            shot("map", "/map")
            shot("series", "/series?since=2023")
            shot("search", "/search?q=Russia")
            shot("submit", "/submit")
            browser.close()


if __name__ == "__main__":
    main()
