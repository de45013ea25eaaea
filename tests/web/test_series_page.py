"""The series page: a bar chart for any filter, drawn server-side as SVG, and its CSV with the same counts."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import expect

from tacitus.api import create_app
from tacitus.web import charts


def _series_row(period: str, events: int):
    from tacitus.analyst import SeriesRow

    return SeriesRow(period, f"{period}-01", events, 0.0, None, 0, 0, 0, 0)


def test_series_chart_keeps_a_slot_for_empty_periods_and_labels_readably():
    rows = [
        _series_row(f"2024-{m:02d}", n)
        for m, n in zip(range(1, 13), [3, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1], strict=True)
    ]
    chart = charts.series_chart(rows, lambda row: f"/?since={row.period}", max_labels=6)
    assert [b.count for b in chart.bars] == [3, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1]
    assert chart.bars[1].height == 0 and chart.bars[3].height > chart.bars[0].height
    assert [label for label, _ in chart.y_ticks] == ["0", "2", "4", "6", "8"]
    assert [label for label, _ in chart.x_ticks] == [
        "2024-01",
        "2024-03",
        "2024-05",
        "2024-07",
        "2024-09",
        "2024-11",
    ]
    assert charts.series_chart([], lambda row: "") is None


@pytest.fixture(scope="module")
def client(web_store_url) -> TestClient:
    return TestClient(create_app(web_store_url))


def test_series_page_and_csv_agree_without_a_browser(client):
    page = client.get("/series?by=year&status=any")
    assert page.status_code == 200 and 'class="series-chart"' in page.text
    counts = [int(n) for n in re.findall(r'data-count="(\d+)"', page.text)]
    rows = list(csv.DictReader(io.StringIO(client.get("/series.csv?by=year&status=any").text)))
    assert counts == [int(r["events"]) for r in rows] and sum(counts) > 0


def test_series_page_bad_filter_keeps_the_form(client):
    page = client.get("/series?dyad=Hamas&actor=hamas")
    assert page.status_code == 422 and "is not SOURCE:TARGET" in page.text and 'value="hamas"' in page.text
    assert client.get("/series.csv?quad=9").status_code == 422


def test_series_chart_shows_and_its_csv_link_returns_the_same_counts(page):
    page.goto("/")
    page.locator("header nav a", has_text="Series").click()
    expect(page).to_have_url(re.compile("/series$"))
    page.fill("input[name=since]", "2023")
    page.click("#series-filters button[type=submit]")
    chart = page.locator("svg.series-chart")
    expect(chart).to_be_visible()
    bars = page.locator("svg.series-chart rect.bar")
    shown = {
        bars.nth(i).get_attribute("data-period"): int(bars.nth(i).get_attribute("data-count"))
        for i in range(bars.count())
    }
    assert shown and sum(shown.values()) > 0 and 0 in shown.values()  # empty months are drawn as empty slots
    expect(page.locator("#series-note")).to_contain_text("status=occurred")
    response = page.request.get(page.locator("#series-csv").get_attribute("href"))
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert {r["period"]: int(r["events"]) for r in rows} == shown


def test_series_bar_links_to_its_events(page):
    page.goto("/series?by=year&status=any")
    bar = page.locator("svg.series-chart rect.bar:not([data-count='0'])").first
    count, period = int(bar.get_attribute("data-count")), bar.get_attribute("data-period")
    page.locator("svg.series-chart a", has=page.locator(f"rect[data-period='{period}']")).click()
    expect(page).to_have_url(re.compile(f"since={period}&until={period}"))
    expect(page.locator("#total")).to_have_text(str(count))
