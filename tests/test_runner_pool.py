"""The local worker pool with input errors in its chunks: they cross to the workers and come back in place."""

import pickle

import pytest

from tacitus import runner
from tacitus.contract import Article
from tacitus.errors import InputError


def test_input_error_pickles():
    error = pickle.loads(pickle.dumps(InputError("feed.jsonl:line 3", "malformed JSON")))
    assert (error.source, error.reason, str(error)) == (
        "feed.jsonl:line 3",
        "malformed JSON",
        "feed.jsonl:line 3: malformed JSON",
    )


@pytest.mark.timeout(300)
def test_pool_passes_input_errors_through_in_order():
    article = Article(
        id="a1",
        published="2024-06-11",
        text="Russian Foreign Minister Sergey Lavrov met Hamas officials in Moscow on Monday.",
    )
    items = [
        InputError("feed.jsonl:line 1", "malformed JSON"),
        article,
        InputError("empty.txt", "empty input"),
    ]
    outcomes = list(runner.run(items, workers=2, batch_size=2))
    assert [(o.source, o.ok) for o in outcomes] == [
        ("feed.jsonl:line 1", False),
        ("a1", True),
        ("empty.txt", False),
    ]
    assert outcomes[0].error == "malformed JSON"
