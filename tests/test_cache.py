"""The gazetteer index cache: used when the YAML is unchanged, rebuilt when it changes."""
from __future__ import annotations

from geomap.cache import CACHE_FOLDER, load_indexed

from .conftest import write

PLACES = "places:\n  - {id: vell, name: Vell, feature_type: town, lat: 10.1, lon: 20.1, source: test}\n"


def test_second_load_comes_from_the_cache_and_gives_the_same_gazetteer(tmp_path):
    write(tmp_path / "g.yaml", PLACES)
    first = load_indexed(tmp_path)
    cached = list((tmp_path / CACHE_FOLDER).glob("*.pickle"))
    assert len(cached) == 1
    second = load_indexed(tmp_path)
    assert second[0] == first[0] and second[1].keys == first[1].keys


def test_editing_the_yaml_rebuilds_and_replaces_the_cache(tmp_path):
    write(tmp_path / "g.yaml", PLACES)
    load_indexed(tmp_path)
    old = next((tmp_path / CACHE_FOLDER).glob("*.pickle"))
    write(tmp_path / "g.yaml", PLACES.replace("Vell", "Velle"))
    gazetteer, index = load_indexed(tmp_path)
    assert gazetteer["vell"].name == "Velle" and "velle" in index.keys
    assert [p.name for p in (tmp_path / CACHE_FOLDER).glob("*.pickle")] != [old.name]
    assert len(list((tmp_path / CACHE_FOLDER).glob("*.pickle"))) == 1


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    write(tmp_path / "g.yaml", PLACES)
    load_indexed(tmp_path)
    cache = next((tmp_path / CACHE_FOLDER).glob("*.pickle"))
    cache.write_bytes(b"not a pickle")
    gazetteer, _ = load_indexed(tmp_path)
    assert gazetteer["vell"].name == "Vell"
