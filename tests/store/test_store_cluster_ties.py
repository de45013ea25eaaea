"""A cluster whose reports split evenly takes the status, date and place of the report stored first, on every
backend (the members are read in the order they joined, not in whatever order the database returns them)."""

from tacitus.contract import DateValue
from tests.store.test_store_clusters import _report


def test_store_cluster_tie_goes_to_the_first_stored_report(store):
    store.save(_report("tass", "2024-06-11", DateValue(value="2024-06-10"), status="denied"))
    store.save(_report("afp", "2024-06-11", DateValue(value="2024-06-10"), status="occurred"))
    [cluster] = store.clusters()
    assert (cluster.status, cluster.status_agreement) == ("denied", 0.5)


def test_store_cluster_tie_order_is_storage_order_not_id_order(store):
    store.save(_report("zeta", "2024-06-11", DateValue(value="2024-06-10"), status="occurred"))
    store.save(_report("alpha", "2024-06-11", DateValue(value="2024-06-10"), status="denied"))
    [cluster] = store.clusters()
    assert cluster.status == "occurred"
