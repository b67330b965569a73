"""import-boundaries: real boundaries from a GeoJSON file, matched to gazetteer places by name and position."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geomap import load_gazetteer
from geomap.boundaries import match_boundaries, read_units
from geomap.cli import main
from geomap.errors import GazetteerError

from .conftest import ROOT, write

PLACES = """places:
  - {id: prov, name: Prov, feature_type: province, lat: 10.0, lon: 20.0, source: test}
  - {id: khinj, name: Khinj, variants: [Khenj], feature_type: district, parent: prov, lat: 10.05, lon: 20.05, source: test}
  - {id: dara, name: Dara, feature_type: district, parent: prov, lat: 10.05, lon: 20.35, source: test}
  - {id: far_dara, name: Dara, feature_type: district, lat: 30.0, lon: 40.0, source: test}
"""


def square(lon: float, lat: float, size: float = 0.2) -> dict:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


def boundary_file(path, *units, extra=None):
    features = [{"type": "Feature", "properties": {"shapeName": name, **(extra or {})}, "geometry": geometry}
                for name, geometry in units]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


@pytest.fixture
def places(tmp_path):
    return load_gazetteer(write(tmp_path / "g.yaml", PLACES))


def test_a_unit_matches_by_the_name_outside_its_parentheses(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Khenj (Hese- Awal)", square(19.95, 9.95))), "shapeName")
    report = match_boundaries(units, places, "district")
    assert [(m.place.id, m.how) for m in report.matched] == [("khinj", "variant")]


def test_of_two_places_of_one_name_the_one_inside_the_unit_gets_it(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Dara", square(20.25, 9.95))), "shapeName")
    assert [m.place.id for m in match_boundaries(units, places, "district").matched] == ["dara"]


def test_a_unit_far_from_every_place_of_its_name_is_refused_with_the_distance(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Khinj", square(50.0, 50.0))), "shapeName")
    report = match_boundaries(units, places, "district")
    assert not report.matched
    assert "km outside it: another place of that name" in report.unmatched[0][1]


def test_the_report_names_units_without_a_place_and_places_without_a_unit(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Khinj", square(19.95, 9.95)),
                                     ("Nowhere", square(20.6, 9.95))), "shapeName")
    text = match_boundaries(units, places, "district").as_text()
    assert "'Nowhere': no district of this name in the gazetteer" in text
    assert "1 places of this level inside the file's extent have no boundary:\n  dara (Dara)" in text


def test_units_only_match_places_of_the_level_asked_for(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Prov", square(19.5, 9.5, 1.0))), "shapeName")
    assert not match_boundaries(units, places, "district").matched
    assert [m.place.id for m in match_boundaries(units, places, "province").matched] == ["prov"]


def test_a_missing_name_field_is_an_error_listing_the_fields_there_are(tmp_path):
    path = boundary_file(tmp_path / "b.geojson", ("Khinj", square(20, 10)))
    with pytest.raises(GazetteerError, match=r"feature 1 has no 'NAME_2' \(its properties: shapeName\)"):
        read_units(path, "NAME_2")


def test_a_point_is_no_boundary(tmp_path):
    path = boundary_file(tmp_path / "b.geojson", ("Khinj", {"type": "Point", "coordinates": [20, 10]}))
    with pytest.raises(GazetteerError, match="a Point, not an area"):
        read_units(path, "shapeName")


def test_a_file_that_is_not_geojson_is_an_error_naming_it(tmp_path):
    path = write(tmp_path / "b.geojson", "{not json")
    with pytest.raises(GazetteerError, match="b.geojson.*not a GeoJSON file"):
        read_units(path, "shapeName")


def test_geoboundaries_files_are_credited_as_they_ask(tmp_path, places):
    path = boundary_file(tmp_path / "b.geojson", ("Khinj", square(19.95, 9.95)), extra={"shapeID": "1", "shapeGroup": "X"})
    report = match_boundaries(read_units(path, "shapeName"), places, "district")
    assert report.credit == "Administrative boundaries courtesy of geoBoundaries.org"


def test_the_command_writes_areas_the_gazetteer_then_loads(tmp_path):
    gazetteer = tmp_path / "gazetteer"
    write(gazetteer / "places.yaml", PLACES)
    path = boundary_file(tmp_path / "b.geojson", ("Khenj", square(19.95, 9.95)), extra={"shapeID": "1", "shapeGroup": "X"})
    result = CliRunner().invoke(main, ["gazetteer", "import-boundaries", str(path), "--name-field", "shapeName",
                                       "--gazetteer", str(gazetteer)])
    assert result.exit_code == 0, result.output
    assert "1 units matched:\n  'Khenj' -> khinj (Khinj; variant)" in result.output
    khinj = load_gazetteer(gazetteer)["khinj"]
    assert khinj.geometry.bounds == pytest.approx((19.95, 9.95, 20.15, 10.15))
    assert khinj.geometry_credit == "Administrative boundaries courtesy of geoBoundaries.org"
    assert "b.geojson, feature 1" in khinj.geometry_source


def test_the_command_leaves_the_old_file_when_the_boundary_file_is_bad(tmp_path):
    gazetteer = tmp_path / "gazetteer"
    write(gazetteer / "places.yaml", PLACES)
    old = write(gazetteer / "boundaries_district.yaml", "areas: []\n").read_text()
    bad = write(tmp_path / "b.geojson", '{"type": "FeatureCollection", "features": [{"properties": {}}]}')
    result = CliRunner().invoke(main, ["gazetteer", "import-boundaries", str(bad), "--name-field", "shapeName",
                                       "--gazetteer", str(gazetteer)])
    assert result.exit_code == 2 and "feature 1 has no 'shapeName'" in result.output
    assert (gazetteer / "boundaries_district.yaml").read_text() == old


def test_the_bundled_gazetteer_gives_the_seed_districts_their_real_boundaries(gazetteer):
    seeds = ("anabah", "bazarak", "dara", "khinj", "paryan", "rokha", "shutul")
    assert all("geoBoundaries" in gazetteer[pid].geometry_credit and gazetteer[pid].geometry for pid in seeds)


def test_a_district_the_boundary_file_lacks_keeps_no_boundary(gazetteer):
    assert gazetteer["abshar"].geometry is None  # newer than geoBoundaries' districts: drawn approximate


def test_a_unit_named_like_a_place_of_another_level_says_so(tmp_path, places):
    units = read_units(boundary_file(tmp_path / "b.geojson", ("Prov", square(19.5, 9.5, 1.0))), "shapeName")
    assert match_boundaries(units, places, "district").unmatched[0][1] == (
        "no district of this name in the gazetteer; only prov (province)")


def test_the_shared_seed_boundary_file_matches_every_district_of_the_seeds(gazetteer):
    path = ROOT.parent / "shared" / "data" / "afghanistan-adm2-panjshir-area.geojson"
    if not path.is_file():
        pytest.skip(f"the shared boundary file is missing: {path}")
    report = match_boundaries(read_units(path, "shapeName"), gazetteer, "district")
    assert {"bazarak", "khinj", "dara", "rokha", "anabah"} <= {m.place.id for m in report.matched}
