"""Events of different stories that report one real-world event join one cluster, incrementally."""

from tacitus.contract import Actor, Article, DateValue, Document, Event, Place, Span


def _report(
    article_id: str,
    published: str,
    date: DateValue,
    *,
    place="Moscow",
    names=("Hamas", "Russia"),
    status="occurred",
    text="",
) -> Document:
    body = text or f"Report {article_id}: the delegation met officials. " * 3
    return Document(
        article=Article(
            id=article_id,
            url=f"https://{article_id}.example.com/",
            source=f"{article_id}.example.com",
            title=f"Report {article_id}",
            published=published,
            text=body,
        ),
        actors=[
            Actor(id="A1", name=names[0], type="group", country="PSE"),
            Actor(id="A2", name=names[1], type="country", country="RUS" if names[1] == "Russia" else "FRA"),
        ],
        events=[
            Event(
                id="E1",
                type="CONSULT",
                status=status,
                sources=["A1"],
                targets=["A2"],
                date=date,
                place=Place(name=place, country="RUS" if place == "Moscow" else "FRA") if place else None,
                evidence=[Span(start=0, end=20)],
            )
        ],
    )


def test_store_monday_and_june_10_reports_join_one_cluster(store):
    # "Monday" in a Tuesday article and "June 10" in a Wednesday one: the same meeting.
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10", text="Monday")))
    store.save(_report("reuters", "2024-06-12", DateValue(value="2024-06-10", text="June 10")))
    [cluster] = store.clusters()
    assert (cluster.type, cluster.n_sources, cluster.n_events) == ("CONSULT", 2, 2)
    assert cluster.first_article_id == "tass"
    assert cluster.date == "2024-06-10" and cluster.date_agreement == 1.0


def test_store_cluster_records_disagreement(store):
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10")))
    store.save(_report("afp", "2024-06-11", DateValue(value="2024-06-11"), status="planned"))
    store.save(_report("ap", "2024-06-12", DateValue(value="2024-06-10")))
    [cluster] = store.clusters()
    assert cluster.n_sources == 3
    assert cluster.status == "occurred" and cluster.status_agreement == round(2 / 3, 4)
    assert cluster.date == "2024-06-10" and cluster.date_agreement == round(2 / 3, 4)


def test_store_far_apart_dates_or_other_actors_start_new_clusters(store):
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10")))
    store.save(_report("later", "2024-07-20", DateValue(value="2024-07-19")))
    store.save(
        _report(
            "paris", "2024-06-11", DateValue(value="2024-06-10"), place="Paris", names=("Fatah", "France")
        )
    )
    assert sorted(c.n_sources for c in store.clusters()) == [1, 1, 1]


def test_store_cluster_detail_lists_every_report(store):
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10")))
    store.save(_report("reuters", "2024-06-12", DateValue(value="2024-06-10")))
    cluster, reports = store.cluster(store.clusters()[0].cluster_id)
    assert [r.article_id for r in reports] == ["tass", "reuters"]
    assert reports[1].sources == "https://reuters.example.com/"
    assert store.cluster(10_000) is None


def test_store_clusters_filters(store):
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10")))
    store.save(
        _report(
            "paris", "2024-06-11", DateValue(value="2024-06-10"), place="Paris", names=("Fatah", "France")
        )
    )
    assert [c.place for c in store.clusters(country="FRA")] == ["Paris"]
    assert [c.place for c in store.clusters(actor="hamas")] == ["Moscow"]
    assert store.clusters(type="ASSAULT") == []
    assert len(store.clusters(since="2024-06-10", until="2024-06")) == 2


def test_store_cluster_actor_keys_carry_the_stored_identity():
    """Clusters compare actors by the identity actor memory stored too, not only by their spelling."""
    from tacitus.store.clusters import actor_keys
    from tests.store.conftest import moscow_document

    document = moscow_document()
    spelled = actor_keys(document, ["A1"])
    remembered = actor_keys(document, ["A1"], {"A1": "name:musa abu marzuk"})
    assert remembered - spelled == {"name:musa abu marzuk"}
