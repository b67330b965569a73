"""Areas: curated polygons from the gazetteer, or approximations marked as such."""
from __future__ import annotations

from geomap import check_gazetteer, load_gazetteer
from geomap.areas import areas_of

from .conftest import write

BASE = """places:
  - {id: prov, name: Prov, feature_type: province, lat: 10.0, lon: 20.0, source: test}
  - {id: a, name: A, feature_type: town, parent: prov, lat: 10.1, lon: 20.1, source: test}
  - {id: b, name: B, feature_type: town, parent: prov, lat: 9.9, lon: 20.2, source: test}
  - {id: c, name: C, feature_type: town, parent: prov, lat: 10.0, lon: 19.8, source: test}
  - {id: d, name: D, feature_type: district, parent: prov, lat: 10.05, lon: 20.05, source: test, precision_km: 4}
"""


def test_province_without_a_polygon_gets_an_approximate_area_around_its_children(tmp_path):
    areas = areas_of(load_gazetteer(write(tmp_path / "g.yaml", BASE)))
    province = areas["prov"]
    assert province.approximate and "convex hull" in province.how
    from shapely.geometry import Point
    assert all(province.geometry.contains(Point(lon, lat)) for lat, lon in ((10.1, 20.1), (9.9, 20.2), (10.0, 19.8)))


def test_district_without_children_gets_a_disc_marked_approximate(tmp_path):
    area = areas_of(load_gazetteer(write(tmp_path / "g.yaml", BASE)))["d"]
    assert area.approximate and area.how == "approximate: a disc of 6 km around its centre"


def test_curated_polygon_is_used_as_is(tmp_path):
    polygon = "    geometry: POLYGON ((19.9 9.9, 20.2 9.9, 20.2 10.2, 19.9 10.2, 19.9 9.9))\n"
    gazetteer = load_gazetteer(write(tmp_path / "g.yaml", BASE.replace("source: test}\n  - {id: a", "source: test}\n  - {id: a", 1)
                                     .replace("  - {id: prov, name: Prov, feature_type: province, lat: 10.0, lon: 20.0, source: test}\n",
                                              "  - id: prov\n    name: Prov\n    feature_type: province\n    lat: 10.0\n    lon: 20.0\n    source: test\n" + polygon)))
    area = areas_of(gazetteer)["prov"]
    assert not area.approximate and area.geometry.bounds == (19.9, 9.9, 20.2, 10.2)


def test_invalid_geometry_is_reported_with_its_line(tmp_path):
    path = write(tmp_path / "g.yaml", "places:\n  - id: p\n    name: P\n    feature_type: province\n    lat: 1\n    lon: 1\n"
                                      "    source: test\n    geometry: POINT (1 1)\n")
    assert [str(p) for p in check_gazetteer(path)] == [f"{path}:8: p: geometry must be a Polygon or MultiPolygon, not Point"]
