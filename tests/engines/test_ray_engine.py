"""`--engine ray` on a real local Ray: the same stored records as the local engine, failures reported the same
way, outcomes in input order; and the default path never imports ray."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tacitus import runner
from tacitus.cli import main
from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.store import Store
from tacitus.store.compare import diff_stores
from tests.engines.conftest import ARTICLES, write_articles


def _ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args])
    return result.exit_code, result.stderr


def test_articles_are_distinct_and_long_enough():
    assert len({text for text, _ in ARTICLES}) == len(ARTICLES) == 12
    assert min(len(text.split()) for text, _ in ARTICLES) >= 40


def test_ray_ingest_stores_the_same_records_as_the_local_engine(tmp_path, ray_session):
    batch = write_articles(tmp_path / "batch.jsonl")
    local, ray = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    code, stderr = _ingest(str(batch), "--db", local)
    assert code == 0, stderr
    code, stderr = _ingest(str(batch), "--db", ray, "--engine", "ray", "--workers", "2")
    assert code == 0, stderr
    assert "12 stored" in stderr
    assert diff_stores(local, ray) == []
    with Store(ray) as store:
        assert store.stats()["articles"] == 12
        assert store.stats()["events"] > 0
    assert ray_session.is_initialized()  # a Ray the engine did not start is left running


def test_ray_ingest_reports_a_bad_line_and_an_empty_article_and_stores_the_rest(tmp_path, ray_session):
    empty = json.dumps({"id": "empty", "url": "https://news.example.org/empty", "text": "   "})
    batch = write_articles(tmp_path / "batch.jsonl", extra_lines=["{not json", empty])
    url, local = f"sqlite:///{tmp_path / 'ray.db'}", f"sqlite:///{tmp_path / 'local.db'}"
    code, stderr = _ingest(str(batch), "--db", url, "--engine", "ray", "--workers", "2")
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2, stderr
    assert "batch.jsonl:line 13: malformed JSON" in errors[0]
    assert "batch.jsonl:line 14: no 'text' or 'html' field with content" in errors[1]
    with Store(url) as store:
        assert store.stats()["articles"] == 12
        assert [failure.source for failure in store.failures()] == [error.split(": ")[1] for error in errors]
    code, local_stderr = _ingest(str(batch), "--db", local)
    assert code == 1
    assert [line for line in local_stderr.splitlines() if line.startswith("error: ")] == errors
    assert diff_stores(local, url) == []


def test_outcomes_keep_input_order_with_two_workers(ray_session):
    items: list[Article | InputError] = [
        Article(
            id=f"a{index:02d}", url=f"https://news.example.org/{index:02d}", published=published, text=text
        )
        for index, (text, published) in enumerate(ARTICLES * 2, start=1)
    ]
    items.insert(5, InputError("bad.jsonl:6", "not JSON"))
    # Small chunks, so both actors work at once and several chunks are in flight out of order.
    outcomes = list(runner.run(items, workers=2, batch_size=2, engine="ray"))
    expected = [item.source if isinstance(item, InputError) else item.url for item in items]
    assert [outcome.source for outcome in outcomes] == expected
    assert [outcome.document.article.id for outcome in outcomes if outcome.ok] == [
        item.id for item in items if isinstance(item, Article)
    ]
    assert outcomes[5].error == "not JSON"


def test_unknown_engine_is_a_value_error():
    with pytest.raises(ValueError, match="unknown engine"):
        runner.run([], engine="spark")


def test_address_needs_the_ray_engine(tmp_path):
    result = CliRunner().invoke(
        main, ["extract", "--jsonl", str(write_articles(tmp_path / "b.jsonl")), "--address", "auto"]
    )
    assert result.exit_code == 2
    assert "--address needs --engine ray" in result.stderr


def test_unreachable_cluster_is_one_clear_line(tmp_path):
    # A separate process: joining fails before anything starts, and this session's Ray stays out of it.
    code = (
        "import sys; from click.testing import CliRunner; from tacitus.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', '--jsonl', {str(write_articles(tmp_path / 'b.jsonl'))!r}, "
        "'--engine', 'ray', '--address', '127.0.0.1:1'])\n"
        "print(r.exit_code); print(r.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    exit_code, _, message = result.stdout.partition("\n")
    assert exit_code == "1", result.stdout + result.stderr
    assert message.startswith("Error: cannot connect to Ray at 127.0.0.1:1: "), message
    assert "Traceback" not in message


def run_in_a_fresh_python(code: str) -> None:
    """Run `code` in a new interpreter (nothing imported yet, no Ray started) and fail with its stderr."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_default_engine_never_imports_ray(tmp_path):
    batch = write_articles(tmp_path / "batch.jsonl")
    code = (
        "import sys; from click.testing import CliRunner; import tacitus.cli, tacitus.runner\n"
        f"r = CliRunner().invoke(tacitus.cli.main, ['ingest', {str(batch)!r}, '--db', "
        f"{'sqlite:///' + str(tmp_path / 'x.db')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(tacitus.cli.main, ['extract', '--jsonl', {str(batch)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'ray' not in sys.modules, 'the default path imported ray'\n"
        "assert 'tacitus.engines.ray_engine' not in sys.modules\n"
    )
    run_in_a_fresh_python(code)


def test_ray_workers_get_the_drivers_actor_files_and_stage_selection(tmp_path, ray_session, monkeypatch):
    from tacitus import actors

    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: ana-velasquez-mora, name: Ana Velasquez Mora, type: person, country: CHL, "
        "sector: [GOV], aliases: [Velasquez]}\n",
        encoding="utf-8",
    )
    article = Article(
        id="chile",
        published="2024-05-02",
        text=(
            "Ana Velasquez Mora met the Argentine foreign minister in Santiago on Thursday. Velasquez said the two "
            "governments would open talks on a gas pipeline across the Andes before the end of the year."
        ),
    )
    actors.use_extra_knowledge([path])
    monkeypatch.setenv("TACITUS_STAGES", "actors")
    try:
        [outcome] = runner.run([article], engine="ray")
    finally:
        actors.use_extra_knowledge([])
    coded = {actor.name: actor.kb_id for actor in outcome.document.actors}
    assert coded.get("Ana Velasquez Mora") == "ana-velasquez-mora"
    assert outcome.document.events == [] and outcome.document.timexes == []  # only the actors stage ran


def test_ray_client_addresses_and_silent_ports_fail_fast():
    from tacitus.engines import ray_engine
    from tacitus.errors import EngineError

    with pytest.raises(EngineError, match=r"ray\[client\]"):
        ray_engine._check_reachable("ray://head.example:10001")
    with pytest.raises(EngineError, match="nothing answers at 127.0.0.1:1"):
        ray_engine._check_reachable("127.0.0.1:1")


def test_a_fresh_process_starts_its_own_ray_and_stops_it(tmp_path):
    batch = write_articles(tmp_path / "batch.jsonl")
    code = (
        "import sys; from click.testing import CliRunner; from tacitus.cli import main\n"
        f"r = CliRunner().invoke(main, ['extract', '--jsonl', {str(batch)!r}, '--engine', 'ray', '--workers', '2'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert len(r.stdout.splitlines()) == 12\n"
        "import ray; assert not ray.is_initialized(), 'the Ray it started is still up'\n"
    )
    run_in_a_fresh_python(code)
