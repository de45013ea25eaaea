"""The `tacitus` command end to end, on real files and a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.contract import load_schema
from tests.conftest import SAMPLE_PATH, SAMPLE_PUBLISHED

TITLE = "Hamas official in Russia, talks hostages, seeks Moscow mediation in cease-fire"


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def sample_json():
    result = CliRunner().invoke(main, ["extract", str(SAMPLE_PATH), "--published", SAMPLE_PUBLISHED])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_extract_sample_validates_against_schema(sample_json):
    jsonschema.validate(sample_json, load_schema())


def test_extract_sample_reads_title_and_clean_body(sample_json):
    article = sample_json["article"]
    assert article["title"] == TITLE
    assert article["published"] == SAMPLE_PUBLISHED
    for furniture in ["Skip to main content", "Related Topics", "Getty Images", "introduces his deputy"]:
        assert furniture not in article["text"]
    assert any("introduces his deputy" in caption["text"] for caption in article["captions"])
    assert (
        article["text"].lstrip().startswith("Senior Hamas official")
        or "Senior Hamas official" in article["text"]
    )


def test_extract_jsonl_from_stdin_keeps_ids_and_reports_bad_lines(runner):
    lines = [
        json.dumps(
            {
                "id": "one",
                "text": "Russia hosted Hamas officials in Moscow on Monday.",
                "published": "2024-06-11",
            }
        ),
        "{not json",
        json.dumps(
            {
                "id": "two",
                "html": "<html><head><title>T</title></head><body><p>Israel rebuked Russia "
                "on Tuesday after the visit of a Hamas delegation to Moscow.</p></body></html>",
            }
        ),
    ]
    result = runner.invoke(main, ["extract", "--jsonl", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [document["article"]["id"] for document in documents] == ["one", "two"]
    assert "line 2" in result.stderr


def test_extract_batch_goes_on_past_bad_files(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "good.txt").write_text("Hamas released three Russian hostages from Gaza in November.\n")
    result = runner.invoke(main, ["extract", "--jsonl", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors) and any("binary.txt" in line for line in errors)


def test_unparseable_published_is_a_usage_error_naming_the_option(runner):
    result = runner.invoke(main, ["extract", str(SAMPLE_PATH), "--published", "next blue moon"])
    assert result.exit_code == 2
    assert "--published" in result.stderr


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'cli.db'}"
    result = CliRunner().invoke(
        main, ["ingest", str(SAMPLE_PATH), "--published", SAMPLE_PUBLISHED, "--db", url]
    )
    assert result.exit_code == 0, result.output
    return url


def test_ingest_twice_stores_once(runner, store_url):
    result = runner.invoke(
        main, ["ingest", str(SAMPLE_PATH), "--published", SAMPLE_PUBLISHED, "--db", store_url]
    )
    assert result.exit_code == 0
    assert "0 stored, 1 already stored" in result.stderr
    listing = runner.invoke(main, ["articles", "--db", store_url, "--format", "jsonl"])
    assert len(listing.stdout.splitlines()) == 1


@pytest.mark.parametrize("command", ["articles", "actors", "events", "quotes", "claims"])
def test_listings_export_csv_and_jsonl(runner, store_url, command):
    as_csv = runner.invoke(main, [command, "--db", store_url, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    as_jsonl = runner.invoke(main, [command, "--db", store_url, "--format", "jsonl"])
    assert as_jsonl.exit_code == 0
    assert len(as_jsonl.stdout.splitlines()) == len(rows)


def test_actor_filter_narrows_the_listing(runner, store_url):
    everyone = runner.invoke(main, ["actors", "--db", store_url, "--format", "jsonl"]).stdout.splitlines()
    russians = runner.invoke(main, ["actors", "--db", store_url, "--format", "jsonl", "--country", "RUS"])
    assert 0 < len(russians.stdout.splitlines()) < len(everyone)


def test_parquet_export_reads_back(runner, store_url, tmp_path):
    import pyarrow.parquet as pq

    target = tmp_path / "actors.parquet"
    result = runner.invoke(main, ["actors", "--db", store_url, "--format", "parquet", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(target).num_rows > 0


def test_show_and_summary_describe_the_sample(runner, store_url):
    article_id = json.loads(runner.invoke(main, ["articles", "--db", store_url, "--format", "jsonl"]).stdout)
    article_id = article_id.get("id") or article_id.get("article_id")
    shown = runner.invoke(main, ["show", article_id, "--db", store_url])
    assert shown.exit_code == 0 and TITLE in shown.stdout and "Actors" in shown.stdout
    summary = runner.invoke(main, ["summary", "--db", store_url])
    assert summary.exit_code == 0 and "Try next" in summary.stdout


def test_show_unknown_article_is_one_clear_error(runner, store_url):
    result = runner.invoke(main, ["show", "no-such-article", "--db", store_url])
    assert result.exit_code == 1
    assert "no article 'no-such-article'" in result.stderr


def test_db_upgrade_is_idempotent(runner, tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    for _ in range(2):
        result = runner.invoke(main, ["db", "upgrade", "--db", url])
        assert result.exit_code == 0, result.output


def test_workers_give_the_same_documents_as_one_process(tmp_path):
    texts = [
        "Russia hosted Palestinian factions for reconciliation talks in Moscow in March.",
        "Israel rebuked Russia after a Hamas delegation visited Moscow in October.",
        "Hamas released three Russian hostages from Gaza in November.",
        "Abbas will visit Russia next month, the Kremlin said on Tuesday.",
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t, "published": "2024-06-11"}) + "\n"
            for i, t in enumerate(texts)
        )
    )
    outputs = []
    for workers in ("1", "2"):
        result = CliRunner().invoke(main, ["extract", "--jsonl", str(batch), "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append([json.loads(line) for line in result.stdout.splitlines()])
    assert outputs[0] == outputs[1]


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "tacitus"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert "extract" in result.stdout and "ingest" in result.stdout


def test_bad_filter_value_is_a_usage_error(runner, store_url):
    result = runner.invoke(main, ["events", "--db", store_url, "--since", "last spring"])
    assert result.exit_code == 2
    assert "last spring" in result.stderr


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--type", "NO_SUCH_TYPE"], "--type"),
        (["--status", "maybe"], "--status"),
        (["--since", "2016-13"], "[T101] since '2016-13'"),
        (["--until", "2024-02-30"], "no such day"),
        (["--direction", "sideways", "--dyad", "Hamas:Russia"], "--direction"),
    ],
)
def test_unknown_or_impossible_filter_values_exit_2_naming_them(runner, store_url, args, names):
    result = runner.invoke(main, ["events", "--db", store_url, *args])
    assert result.exit_code == 2
    assert names in result.stderr


def test_read_commands_never_create_a_store(runner, tmp_path):
    missing = tmp_path / "typo.db"
    for command in (["events"], ["actors"], ["summary"], ["series"], ["show", "x"]):
        result = runner.invoke(main, [*command, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 1 and "[T110]" in result.stderr and str(missing) in result.stderr
    assert not missing.exists()


def test_empty_csv_listing_still_has_its_header(runner, store_url):
    result = runner.invoke(main, ["events", "--db", store_url, "--actor", "nobody at all", "--format", "csv"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert "type" in header.split(",")


def test_actors_lists_one_row_per_actor_across_articles_unless_per_article(runner, store_url):
    across = [
        json.loads(line)
        for line in runner.invoke(
            main, ["actors", "--db", store_url, "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    per_article = runner.invoke(main, ["actors", "--db", store_url, "--format", "jsonl", "--per-article"])
    assert {"identity", "aliases", "roles", "first_seen", "last_seen", "article_ids"} <= set(across[0])
    assert "actor_id" in json.loads(per_article.stdout.splitlines()[0])
    marzouk = next(row for row in across if "Marzouk" in row["name"])
    assert marzouk["articles"] == 1 and marzouk["first_seen"] == "2024-06-11"
