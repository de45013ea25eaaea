"""Counting a list's total has a time limit (tacitus.store.counting.time_limited), on both backends."""

from sqlalchemy import text

from tacitus.store.counting import time_limited

SLOW_COUNT = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
    "SELECT count(*) FROM n"
)


def test_a_count_that_runs_out_of_time_is_stopped_and_says_so(store):
    with store.engine.connect() as connection:
        assert time_limited(connection, text("SELECT 41 + 1"), 5000) == 42
        assert time_limited(connection, text(SLOW_COUNT), 50) is None
        assert time_limited(connection, text("SELECT 7"), 5000) == 7  # the connection is usable afterwards
        if connection.dialect.name == "postgresql":  # and the time limit is gone again
            assert connection.execute(text("SHOW statement_timeout")).scalar() == "0"
