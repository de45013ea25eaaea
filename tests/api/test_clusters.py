"""GET /api/clusters and /api/clusters/{id} on the sample and the hand-coded article."""

from tests.api.conftest import CODED_ID


def test_api_clusters_cover_every_stored_event_once(client):
    page = client.get("/api/clusters", params={"limit": 1000}).json()
    stats = client.get("/api/stats").json()
    assert page["items"]
    assert sum(item["n_events"] for item in page["items"]) == stats["events"]
    assert all(item["n_sources"] >= 1 for item in page["items"])


def test_api_cluster_detail_lists_its_reports(client):
    coded = [
        c
        for c in client.get("/api/clusters", params={"limit": 1000}).json()["items"]
        if c["first_article_id"] == CODED_ID
    ]
    assert coded
    detail = client.get(f"/api/clusters/{coded[0]['cluster_id']}").json()
    assert detail["cluster"]["cluster_id"] == coded[0]["cluster_id"]
    assert CODED_ID in [report["article_id"] for report in detail["reports"]]
    assert all(report["evidence"] for report in detail["reports"])


def test_api_clusters_filters_and_errors(client):
    assert client.get("/api/clusters", params={"type": "NO_SUCH_TYPE"}).status_code == 422
    assert client.get("/api/clusters", params={"since": "2016-13"}).status_code == 422
    assert client.get("/api/clusters", params={"country": "RUSSIA"}).status_code == 422
    assert client.get("/api/clusters/999999").status_code == 404
