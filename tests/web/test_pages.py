"""The pages as HTML (no browser): segmenting, charts, escaping, filter errors. Fast, so they run everywhere."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tacitus.contract import Article, Document
from tacitus.highlight import Mark, segments
from tacitus.store import Store
from tacitus.store.rows import EventRow
from tacitus.web import charts
from tests.api.conftest import CODED_ID, coded_document
from tests.web.cluster_reports import cluster_reports


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'tacitus.db'}"
    with Store(url) as store:
        store.save(coded_document())
        store.save(
            Document(article=Article(id="xss", title="<i>t</i>", text="A <script>alert(1)</script> B"))
        )
        for document in cluster_reports():
            store.save(document)
    return TestClient(create_app(url))


def test_segments_cut_overlapping_spans_at_every_boundary():
    text = "Lavrov met Hamas."
    cut = segments(text, [Mark("event", "E1", 0, 17), Mark("actor", "A1", 0, 6), Mark("actor", "A2", 11, 16)])
    assert [s.text for s in cut] == ["Lavrov", " met ", "Hamas", "."]
    assert cut[0].ids == "actor-A1 event-E1"  # the most specific record first: it is the one a click opens
    assert [m.anchor for m in cut[0].starts] == ["event-E1", "actor-A1"]
    assert cut[1].starts == ()


def test_segments_drop_spans_outside_the_text():
    cut = segments("short", [Mark("event", "E1", 3, 99), Mark("actor", "A1", 4, 2)])
    assert [(s.text, s.marks) for s in cut] == [("short", ())]


def _row(event_id, type_, date):
    return EventRow(
        article_id="a",
        event_id=event_id,
        type=type_,
        mode=None,
        context=None,
        status="occurred",
        date=date,
        date_text=None,
        source_ids=None,
        source_names=None,
        source_countries=None,
        source_keys=[],
        target_ids=None,
        target_names=None,
        target_countries=None,
        target_keys=[],
        place=None,
        place_country=None,
        lat=None,
        lon=None,
        attribution=None,
        confidence=0.5,
        evidence=None,
        rule=None,
        published="2024-06-11",
    )


def test_timeline_has_a_row_per_type_and_dots_in_date_order():
    chart = charts.timeline(
        [
            _row("E1", "CONSULT", "2024-01-05"),
            _row("E2", "ACCUSE", "2024-06-01"),
            _row("E3", "CONSULT", "PAST_REF"),
        ]
    )
    assert [t for t, _ in chart.rows] == ["ACCUSE", "CONSULT"]
    xs = {d.href.rsplit("/", 1)[1]: d.x for d in chart.dots}
    assert xs["E1"] < xs["E2"] <= xs["E3"]  # PAST_REF falls back to the article's date


def test_map_places_use_coordinates_or_the_country():
    rows = [_row("E1", "CONSULT", None), _row("E2", "CONSULT", None)]
    rows[0] = rows[0].__class__(
        **{**rows[0].__dict__, "place": "Moscow", "place_country": "RUS", "lat": 55.7, "lon": 37.6}
    )
    rows[1] = rows[1].__class__(**{**rows[1].__dict__, "place": "Egypt", "place_country": "EGY"})
    points, per_country = charts.places(rows)
    assert per_country == {"RUS": 1, "EGY": 1}
    moscow = next(p for p in points if p.label.startswith("Moscow"))
    assert (round(moscow.x, 1), round(moscow.y, 1)) == (217.6, 34.3)
    assert len(charts.world()) > 170


def test_article_text_and_title_are_escaped(client):
    html = client.get("/articles/xss").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;t&lt;/i&gt;" in html


def test_events_page_lists_events_with_their_sentence(client):
    html = client.get("/", params={"article": CODED_ID}).text
    assert "CONSULT" in html and "Sergey Lavrov" in html
    assert (
        "<mark>Russian Foreign Minister Sergey Lavrov met Hamas leaders in Moscow on Monday.</mark>" in html
    )


def test_events_page_reports_bad_filters_with_422(client):
    response = client.get("/", params={"since": "last week", "country": "Russia"})
    assert response.status_code == 422
    assert "since: [T101] since &#39;last week&#39; is not a date" in response.text
    assert "country" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        f"/articles/{CODED_ID}",
        "/actors",
        "/actors/Q150851",
        "/actors/hamas",
        f"/events/{CODED_ID}/E1",
        f"/quotes/{CODED_ID}/Q1",
        f"/claims/{CODED_ID}/C1",
        "/map",
        "/search?q=lavrov",
        "/submit",
    ],
)
def test_every_page_renders(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "<main>" in response.text


def test_every_asset_is_local(client):
    html = "".join(
        client.get(path).text for path in ["/", f"/articles/{CODED_ID}", "/map", "/actors/Q150851"]
    )
    assert "https://" not in html.replace('href="https://', "")  # no CDN scripts, styles or fonts
    assert client.get("/static/app.js").status_code == 200


def test_read_only_server_says_so_on_the_submit_page(client):
    response = client.post("/submit", data={"text": "Egypt hosted talks on Sunday.", "token": "x"})
    assert response.status_code == 403
    assert "read-only" in response.text


def test_cluster_page_shows_both_reports_side_by_side(client):
    listing = client.get("/clusters")
    assert listing.status_code == 200
    assert "CONSULT" in listing.text
    consults = client.get("/api/clusters", params={"type": "CONSULT"}).json()["items"]
    details = [client.get(f"/api/clusters/{c['cluster_id']}").json() for c in consults]
    # The hand-coded article reports the same Moscow meeting, so it joins the two outlets' reports.
    [meeting] = [d for d in details if "tass-lavrov" in [r["article_id"] for r in d["reports"]]]
    assert {"tass-lavrov", "reuters-lavrov"} <= {r["article_id"] for r in meeting["reports"]}
    assert meeting["cluster"]["n_sources"] == len(meeting["reports"]) >= 2
    page = client.get(f"/clusters/{meeting['cluster']['cluster_id']}")
    assert page.status_code == 200
    assert page.text.count('class="report"') == len(meeting["reports"])
    assert "“Monday”" in page.text and "“June 10”" in page.text
    assert "https://reuters.example.com/reuters-lavrov" in page.text


def test_cluster_page_missing_is_404(client):
    assert client.get("/clusters/999999").status_code == 404
