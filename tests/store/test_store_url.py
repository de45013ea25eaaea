import pytest

from tacitus.errors import StoreError
from tacitus.store import DEFAULT_URL, Store, resolve_url


def test_store_url_defaults_to_tacitus_db(monkeypatch):
    monkeypatch.delenv("TACITUS_DB", raising=False)
    assert resolve_url(None) == DEFAULT_URL == "sqlite:///tacitus.db"


def test_store_url_from_environment(monkeypatch):
    monkeypatch.setenv("TACITUS_DB", "sqlite:////tmp/elsewhere.db")
    assert resolve_url(None) == "sqlite:////tmp/elsewhere.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_store_url_forms():
    assert resolve_url("data/news.db") == "sqlite:///data/news.db"
    assert resolve_url("postgresql://u:p@db/tacitus") == "postgresql+psycopg://u:p@db/tacitus"
    assert resolve_url("postgres://u:p@db/tacitus") == "postgresql+psycopg://u:p@db/tacitus"


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store, store._connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_unopenable_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no-such-dir"):
        Store(f"sqlite:///{tmp_path / 'no-such-dir' / 'x.db'}")


def test_store_bad_url_is_a_clear_error():
    with pytest.raises(StoreError, match="nosuchdb"):
        Store("nosuchdb://x/y")


def test_store_repr_hides_the_password():
    store = Store("postgresql://user:secret@127.0.0.1:1/none", upgrade=False)
    assert "secret" not in repr(store)
    store.close()
