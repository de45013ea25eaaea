"""The Phoenix conversion (formats, dates, encodings), the converted table's loading, and dated coding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tacitus.actors.convert_phoenix import (
    convert_agents,
    display_name,
    parse_code,
    phoenix_date,
    read_actor_file,
    split_code,
)
from tacitus.actors.kb import Entry, KBRole, load_knowledge_base, split_cameo
from tacitus.actors.phoenix import DatedCode, load_table, name_words
from tacitus.contract import ActorType
from tacitus.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("090120", "2009-01-20"), ("780101", "1978-01-01"), ("19060101", "1906-01-01"), ("2004017", None)],
)
def test_phoenix_date_two_and_four_digit_years(text, expected):
    assert phoenix_date(text) == expected


def test_parse_code_reads_open_and_closed_ranges():
    assert parse_code("USAGOV >090120").since == "2009-01-20"
    assert parse_code("USAGOV <090120").until == "2009-01-20"
    closed = parse_code("AFGELI 320101-331108")
    assert (closed.code, closed.since, closed.until) == ("AFGELI", "1932-01-01", "1933-11-08")
    assert parse_code("---") is None
    assert parse_code("KORGOVBUS 2004017-20061201") is None  # a malformed date drops the code, not the entry


def test_split_code_country_kinds_and_old_codes():
    assert split_code("RUSGOVMIL") == ("RUS", ["GOV", "MIL"])
    assert split_code("IGOUNOKID") == (None, ["IGO"])
    assert split_code("TMPGOV") == ("TLS", ["GOV"])
    assert split_code("ELI") == (None, ["ELI"])


def test_read_actor_file_mixed_encodings_synonyms_and_code_lines(tmp_path: Path):
    path = tmp_path / "actors.txt"
    path.write_bytes(
        b"# comment\nJOS\xc9_PEREZ_  # CountryInfo.txt\n+PEREZ_\n\t[VENGOV 990101-010101]\n"
        b"ARMY_OF_X_ [SYRREB] # inline code\n+X_ARMY_\n"
    )
    first, second = read_actor_file(path, "country")
    assert first.name == "JOS\u00c9_PEREZ_" and first.aliases == ["PEREZ_"]
    assert first.codes[0].since == "1999-01-01"
    assert second.codes[0].code == "SYRREB" and second.aliases == ["X_ARMY_"]


def test_display_name_keeps_acronyms():
    assert display_name("BARACK_H._OBAMA_") == "Barack H. Obama"
    assert display_name("UNHCR_") == "UNHCR"
    assert display_name("UN_SECRETARY_GENERAL") == "UN Secretary General"


def test_agents_expand_substitutions_and_plurals(tmp_path: Path):
    (tmp_path / "Phoenix.agents.txt").write_text(
        "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nREBEL [~REB]\nBUSINESS!PERSON! [~BUS]\nCOURT_ [~JUD]\n"
    )
    rows = dict(line.split("\t") for line in convert_agents(tmp_path))
    assert rows["police"] == "COP" and rows["rebels"] == "REB" and rows["businessmen"] == "BUS"
    assert "courts" not in rows and rows["court"] == "JUD"


def test_converted_table_holds_twenty_thousand_persons_and_bodies():
    table = load_table()
    persons_and_bodies = len(table.lines)
    assert persons_and_bodies >= 20_000
    assert table.agents["rebels"] == ("REB",)


def test_bad_converted_row_names_file_and_row(tmp_path: Path):
    actors, agents = tmp_path / "a.tsv", tmp_path / "b.tsv"
    actors.write_text("# header\nphx:x\tperzon\tX\t\tUSAGOV@@\tx\n")
    agents.write_text("")
    table = load_table(actors, agents)
    assert table.index["x"] == ("phx:x",)
    with pytest.raises(ConfigError, match=r"a\.tsv: row 'phx:x'"):
        table.row("phx:x")


def test_name_words_ignore_case_and_punctuation():
    assert name_words("U.N. Secretary-General") == "u n secretary general"


def test_dated_codes_pick_the_office_held_that_day():
    entry = Entry(
        id="x",
        name="X",
        type=ActorType.PERSON,
        country="NLD",
        sector=("GOV",),
        codes=(DatedCode("NLDGOV", "2010-10-14", "2024-07-02"), DatedCode("IGOWSTNAT", "2024-10-01")),
    )
    assert entry.coding(date(2020, 1, 1)) == ("NLD", ("GOV",))
    assert entry.coding(date(2025, 1, 1)) == (None, ("IGO",))
    assert entry.coding(date(2024, 8, 1)) == ("NLD", ("ELI",))  # between offices: a former office holder


def test_roles_by_date_make_a_former_office_holder_elite():
    entry = Entry(
        id="y",
        name="Y",
        type=ActorType.PERSON,
        country="USA",
        sector=("GOV",),
        roles=(KBRole("President", "USA", "2009-01-20", "2017-01-20"),),
    )
    assert entry.coding(date(2012, 1, 1)) == ("USA", ("GOV",))
    assert entry.coding(date(2024, 1, 1)) == ("USA", ("ELI",))


def test_knowledge_base_reads_converted_entries_and_merges_namesakes_of_our_own():
    kb = load_knowledge_base()
    assert [e.id for e in kb.converted("barack obama")] == ["barack-obama"]  # ours, not a second entry
    annan = kb.converted("kofi annan")
    assert annan and annan[0].coding(date(2000, 1, 1)) == (None, ("IGO",))
    assert split_cameo("SYRREB") == ("SYR", ("REB",))


def test_offices_since_2014_are_dated():
    kb = load_knowledge_base()
    rutte = kb.entries["mark-rutte"]
    assert rutte.coding(date(2025, 6, 1)) == (None, ("IGO",))
    assert kb.entries["ahmed-al-sharaa"].coding(date(2025, 6, 1)) == ("SYR", ("GOV",))


def test_a_group_leader_out_of_one_post_keeps_the_groups_sector():
    entry = Entry(
        id="z",
        name="Z",
        type=ActorType.PERSON,
        country="PSE",
        sector=("REB", "PTY"),
        roles=(KBRole("Political Bureau chief", "hamas", "1996-01-01", "2017-05-06"),),
    )
    assert entry.coding(date(2024, 6, 11)) == ("PSE", ("REB", "PTY"))
