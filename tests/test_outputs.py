"""The output contract: map.html, mentions.csv, claims.geojson (see README)."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil

import pytest

from geomap import build_map, read_articles
from geomap.export import MENTION_COLUMNS

from .conftest import ROOT, write


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = build_map(ROOT / "articles", ROOT / "gazetteer", out)
    return result, out


def test_build_writes_its_outputs_and_nothing_else(built):
    _, out = built
    assert sorted(p.name for p in out.iterdir()) == [
        "claims.csv", "claims.geojson", "embed.html", "map.html", "mentions.csv", "unmatched.csv"]


def test_mentions_csv_offsets_slice_the_article_body(built):
    _, out = built
    rows = list(csv.DictReader(io.StringIO((out / "mentions.csv").read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == MENTION_COLUMNS
    articles = {a.id: a for a in read_articles(ROOT / "articles")[0]}
    for row in rows:
        assert articles[row["article"]].body[int(row["start"]):int(row["end"])] == row["text"]


def test_claims_geojson_is_an_rfc7946_collection_in_lon_lat_order(built):
    _, out = built
    collection = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    bazarak = next(f for f in collection["features"] if f["properties"]["place_id"] == "bazarak")
    assert bazarak["geometry"] == {"type": "Point", "coordinates": [69.51519, 35.31292]}
    for feature in collection["features"]:
        props = feature["properties"]
        assert props["status"] in ("taliban", "nrf", "contested", "mentioned")
        for claim in props["claims"]:
            assert set(claim) >= {"article", "date", "controller", "claimant", "stance", "hedged", "evidence"}


def test_one_feature_per_source_and_place(built):
    _, out = built
    features = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    keys = [(f["properties"]["source"], f["properties"]["place_id"]) for f in features]
    assert len(keys) == len(set(keys))
    assert {s for s, _ in keys} == {"TRT World", "The Telegraph", "Hindustan Times", "WION"}


def test_map_has_a_layer_per_source_a_legend_and_a_layer_control(built):
    _, out = built
    page = (out / "map.html").read_text(encoding="utf-8")
    for label in ("TRT World (2 articles)", "The Telegraph (1 article)", "Hindustan Times (1 article)", "WION (1 article)"):
        assert label in page
    assert "geomap-legend" in page and "L.control.layers" in page


def test_building_twice_gives_byte_identical_outputs(tmp_path):
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "a")
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "b")
    for name in ("map.html", "mentions.csv", "claims.geojson", "claims.csv", "unmatched.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_html_in_article_text_is_escaped_in_the_map(tmp_path):
    articles = tmp_path / "articles"
    write(articles / "x.md", "---\nsource: '<img src=x onerror=alert(1)> `${alert(4)}`'\ndate: 2021-09-06\n"
          "title: '<script>alert(2)</script>'\n---\nThe Taliban captured Rokha <script>alert(3)</script>.\n")
    build_map(articles, ROOT / "gazetteer", tmp_path / "out")
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "${alert(4)}" not in page  # folium puts tooltips in JavaScript template strings
    # popups are HTML in the places' GeoJSON, whose JSON escapes &, < and > once more
    assert "\\u0026lt;script\\u0026gt;alert(2)\\u0026lt;/script\\u0026gt;" in page


def test_claims_csv_has_one_row_per_claim_in_conflict_dataset_style(built):
    result, out = built
    rows = list(csv.DictReader(io.StringIO((out / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(result.analysis.claims)
    rukhah = next(r for r in rows if r["place_id"] == "rokha" and r["source"] == "The Telegraph" and r["stance"] == "claim")
    assert (rukhah["event_date"], rukhah["country"], rukhah["admin1"], rukhah["geo_precision"]) == (
        "2021-09-05", "Afghanistan", "Panjshir", "2")
    assert (rukhah["controller"], rukhah["claimant"], rukhah["claimant_is_actor"], rukhah["hedged"]) == (
        "taliban", "taliban", "true", "true")
    assert "Rukhah" in rukhah["notes"]
    panjshir = next(r for r in rows if r["place_id"] == "panjshir")
    assert panjshir["geo_precision"] == "3"


def test_map_has_an_overview_two_base_maps_a_title_and_the_places_elsewhere_off(built):
    _, out = built
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "All sources (4)" in page and "Elsewhere, only mentioned" in page
    assert "Street map (OpenStreetMap; needs a network)" in page and "Terrain (OpenTopoMap; needs a network)" in page
    assert "openstreetmap.org/copyright" in page and "opentopomap" in page.lower()
    assert "Who claims to control what" in page and "2021-09-06" in page
    assert "L.control.scale" in page


def test_map_draws_real_boundaries_and_credits_their_source(built):
    _, out = built
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "Polygon" in page and "Administrative boundaries courtesy of geoBoundaries.org" in page


def test_map_draws_approximate_areas_where_there_is_no_boundary_and_says_so(tmp_path):
    gazetteer = tmp_path / "gazetteer"
    gazetteer.mkdir()
    for path in (ROOT / "gazetteer").glob("*.yaml"):
        if not path.name.startswith("boundaries_"):
            shutil.copy(path, gazetteer / path.name)
    build_map(ROOT / "articles", gazetteer, tmp_path / "out")
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    assert "Panjshir: approximate: convex hull" in page and "dashed area: approximate extent" in page
    assert "geoBoundaries" not in page


def test_map_carries_leaflet_and_jquery_and_links_nothing(built):
    _, out = built
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and "leaflet.js" in page and "jquery.min.js" in page


def test_embed_snippet_is_an_iframe_of_the_map(built):
    _, out = built
    snippet = (out / "embed.html").read_text(encoding="utf-8")
    assert snippet.startswith('<iframe src="map.html"') and 'height="600"' in snippet


def test_output_files_get_ordinary_permissions_not_private_ones(built):
    _, out = built
    mask = os.umask(0)
    os.umask(mask)
    assert (out / "map.html").stat().st_mode & 0o777 == 0o666 & ~mask


def test_building_with_two_processes_gives_the_same_bytes_as_one(tmp_path):
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "one", jobs=1)
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "two", jobs=2)
    for name in ("map.html", "mentions.csv", "claims.geojson", "claims.csv", "unmatched.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_building_on_a_dask_local_cluster_gives_the_same_bytes(tmp_path):
    pytest.importorskip("dask.distributed", reason="dask[distributed] (test extra) is not installed")
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "one")
    build_map(ROOT / "articles", ROOT / "gazetteer", tmp_path / "dask", dask="local", jobs=2)
    for name in ("map.html", "mentions.csv", "claims.geojson", "claims.csv", "unmatched.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
