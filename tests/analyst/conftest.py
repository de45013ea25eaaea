"""A SQLite store holding the sample article (extracted once per session), for the analyst outputs."""

from __future__ import annotations

import pytest

from tacitus.store import Store


@pytest.fixture(scope="session")
def sample_store_url(tmp_path_factory, sample_document) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('analyst') / 'tacitus.db'}"
    with Store(url) as store:
        store.save(sample_document)
    return url


@pytest.fixture
def sample_store(sample_store_url):
    with Store(sample_store_url) as store:
        yield store
