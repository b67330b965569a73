"""`geomap gazetteer import-geonames`: every form the README shows, divisions as parents, dumps."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from geomap import load_gazetteer
from geomap.cli import main

from .conftest import ROOT, write

# A GeoNames dump in miniature: 19 tab-separated fields a line (id, name, ascii name, alternate
# names, lat, lon, feature class, feature code, country, cc2, admin1..4, population, elevation,
# dem, timezone, modification date). Invented places in a real country code.
_DUMP_LINES = [
    ("9000001", "Vellshire", "Vellshire", "Vell Oblast,Vellska", "48.0", "35.0", "A", "ADM1", "UA", "", "99", "", "", "",
     "0", "", "100", "Europe/Kyiv", "2024-01-01"),
    ("9000002", "Ostra District", "Ostra District", "", "48.1", "35.1", "A", "ADM2", "UA", "", "99", "990", "", "",
     "0", "", "100", "Europe/Kyiv", "2024-01-01"),
    ("9000003", "Ostra", "Ostra", "Ostrah,Острa", "48.12", "35.12", "P", "PPLA2", "UA", "", "99", "990", "", "",
     "0", "", "100", "Europe/Kyiv", "2024-01-01"),
    ("9000004", "Vell Pass", "Vell Pass", "", "48.3", "35.3", "T", "PASS", "UA", "", "99", "", "", "",
     "0", "", "900", "Europe/Kyiv", "2024-01-01"),
    ("9000005", "Karrow River", "Karrow River", "", "48.2", "35.2", "H", "STM", "UA", "", "99", "", "", "",
     "0", "", "80", "Europe/Kyiv", "2024-01-01"),
    ("9000006", "Vell Airport", "Vell Airport", "", "48.05", "35.05", "S", "AIRP", "UA", "", "99", "", "", "",
     "0", "", "90", "Europe/Kyiv", "2024-01-01"),
    ("9000007", "Some Farm", "Some Farm", "", "48.06", "35.06", "S", "FRM", "UA", "", "99", "", "", "",
     "0", "", "90", "Europe/Kyiv", "2024-01-01"),
]


@pytest.fixture
def curated(tmp_path):
    folder = tmp_path / "gaz"
    shutil.copytree(ROOT / "gazetteer", folder)
    return folder


def _import(curated, out, *options):
    result = CliRunner().invoke(main, ["gazetteer", "import-geonames", "--curated", str(curated), "--out", str(out),
                                       *options])
    assert result.exit_code == 0, result.output
    return [p for p in load_gazetteer(curated) if p.origin.startswith(str(out))]


def test_import_with_no_dataset_writes_the_countries_and_capitals_the_curated_gazetteer_lacks(tmp_path):
    write(tmp_path / "cur" / "none.yaml", "places: []\n")
    out = tmp_path / "cur" / "countries.yaml"
    imported = _import(tmp_path / "cur", out)
    by_name = {p.name: p for p in imported}
    assert by_name["Ethiopia"].feature_type == "country" and by_name["Addis Ababa"].parent == by_name["Ethiopia"].id
    assert not any(p.curated for p in imported)


def test_import_leaves_places_the_curated_gazetteer_has_to_it(curated):
    out = curated / "panjshir_geonames.yaml"
    imported = _import(curated, out, "--dataset", "cities500", "--country", "AF", "--admin1", "42")
    assert {p.geonames_id for p in imported} == {1132127, 1429521}  # Now Dahanak, Kiraman; Khinj etc. stay curated
    assert "Nau-Danak" in next(p for p in imported if p.geonames_id == 1132127).variants


def test_a_curated_division_of_the_same_name_is_the_imported_places_parent(curated):
    imported = _import(curated, curated / "p.yaml", "--dataset", "cities500", "--country", "AF", "--admin1", "42")
    assert {p.parent for p in imported} == {"panjshir"}


def test_imported_places_have_their_first_level_division_as_parent(curated):
    out = curated / "ethiopia.yaml"
    _import(curated, out, "--dataset", "cities15000", "--country", "ET")
    gazetteer = load_gazetteer(curated)
    mekelle = next(p for p in gazetteer if p.name == "Mek'ele")
    tigray = gazetteer[mekelle.parent]
    assert (tigray.name, tigray.feature_type, tigray.parent) == ("Tigray", "province", "ethiopia")


def test_import_filters_by_population_and_feature_type(curated):
    imported = _import(curated, curated / "et.yaml", "--dataset", "cities500", "--country", "ET",
                       "--min-population", "1000", "--feature-type", "town")
    places = [p for p in imported if p.feature_type != "province"]
    assert places and all(p.feature_type == "town" and p.population >= 5000 for p in places)


def _dump(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "UA.txt").write_text("".join("\t".join(line) + "\n" for line in _DUMP_LINES), encoding="utf-8")
    (folder / "admin1CodesASCII.txt").write_text("UA.99\tVellshire\tVellshire\t9000001\n", encoding="utf-8")
    return folder / "UA.txt"


def test_a_dump_gives_divisions_districts_terrain_and_places_of_any_population(curated, tmp_path):
    imported = _import(curated, curated / "ua.yaml", "--dump", str(_dump(tmp_path / "dump")))
    by_name = {p.name: p for p in imported}
    assert {name: p.feature_type for name, p in by_name.items()} == {
        "Vellshire": "province", "Ostra District": "district", "Ostra": "village", "Vell Pass": "pass",
        "Karrow River": "river", "Vell Airport": "airport"}
    assert by_name["Ostra"].parent == by_name["Ostra District"].id
    assert by_name["Ostra District"].parent == by_name["Vellshire"].id
    assert by_name["Vellshire"].parent == "ukraine"
    assert "Ostrah" in by_name["Ostra"].variants and "Vell Oblast" in by_name["Vellshire"].variants


def test_a_dump_line_that_is_no_geonames_record_is_an_error_with_its_line(curated, tmp_path):
    dump = _dump(tmp_path / "dump")
    dump.write_text(dump.read_text(encoding="utf-8") + "not\ta\trecord\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "import-geonames", "--curated", str(curated),
                                       "--out", str(curated / "ua.yaml"), "--dump", str(dump)])
    assert result.exit_code == 2
    assert f"{dump}:{len(_DUMP_LINES) + 1}: not a GeoNames dump line" in result.output
    assert not (curated / "ua.yaml").exists()


def test_dataset_and_dump_together_are_a_usage_error(curated, tmp_path):
    result = CliRunner().invoke(main, ["gazetteer", "import-geonames", "--curated", str(curated), "--dataset",
                                       "cities500", "--dump", str(_dump(tmp_path / "dump"))])
    assert result.exit_code == 2 and "not both" in result.output


def test_a_generated_file_edited_by_hand_is_still_read_with_its_lines(curated, tmp_path):
    out = curated / "ua.yaml"
    _import(curated, out, "--dump", str(_dump(tmp_path / "dump")))
    text = out.read_text(encoding="utf-8").replace('  feature_type: "pass"', "  feature_type: pas", 1)
    out.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t == "  feature_type: pas")
    result = CliRunner().invoke(main, ["gazetteer", "check", str(curated)])
    assert f"{out}:{line}: " in result.output and "unknown feature_type 'pas'" in result.output
