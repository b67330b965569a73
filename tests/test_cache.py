"""The gazetteer index cache: in the user's cache folder, data only, used while the YAML is unchanged."""
from __future__ import annotations

import pickle

import pytest

from geomap.cache import cache_root, load_indexed

from .conftest import write

PLACES = "places:\n  - {id: vell, name: Vell, feature_type: town, lat: 10.1, lon: 20.1, source: test}\n"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _caches(root):
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []


def test_the_cache_is_kept_outside_the_gazetteer_folder(tmp_path, own_cache):
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    load_indexed(tmp_path / "gaz")
    assert [p.name for p in (tmp_path / "gaz").iterdir()] == ["g.yaml"]
    assert len(_caches(own_cache)) == 1


def test_second_load_comes_from_the_cache_and_gives_the_same_gazetteer(tmp_path):
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    first = load_indexed(tmp_path / "gaz")
    second = load_indexed(tmp_path / "gaz")
    assert second[0] == first[0] and second[1].keys == first[1].keys
    assert second[1].places_named("vell") == ("vell",)


def test_editing_the_yaml_makes_a_new_cache(tmp_path, own_cache):
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    load_indexed(tmp_path / "gaz")
    write(tmp_path / "gaz" / "g.yaml", PLACES.replace("Vell", "Velle"))
    gazetteer, index = load_indexed(tmp_path / "gaz")
    assert gazetteer["vell"].name == "Velle" and "velle" in index.keys
    assert len(_caches(own_cache)) == 2


def test_the_cache_holds_no_pickle(tmp_path, own_cache):
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    load_indexed(tmp_path / "gaz")
    for file in _caches(own_cache)[0].iterdir():
        assert not file.read_bytes().startswith(b"\x80"), file  # every pickle protocol >= 2 starts so


def test_a_damaged_cache_is_read_again_from_the_yaml(tmp_path, own_cache):
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    load_indexed(tmp_path / "gaz")
    (_caches(own_cache)[0] / "keys.json").write_text("not json")
    gazetteer, index = load_indexed(tmp_path / "gaz")
    assert gazetteer["vell"].name == "Vell" and "vell" in index.keys


class _Planted:
    def __reduce__(self):
        return (exec, ("import pathlib; pathlib.Path('RAN').write_text('code ran')",))


def test_a_planted_pickle_is_never_loaded(tmp_path, own_cache, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "gaz" / "g.yaml", PLACES)
    load_indexed(tmp_path / "gaz")
    folder = _caches(own_cache)[0]
    for file in folder.iterdir():  # every file the cache has, and the old cache's place in the folder
        file.write_bytes(pickle.dumps(_Planted()))
    (tmp_path / "gaz" / ".geomap-cache").mkdir()
    (tmp_path / "gaz" / ".geomap-cache" / "index.pickle").write_bytes(pickle.dumps(_Planted()))
    gazetteer, _ = load_indexed(tmp_path / "gaz")
    assert gazetteer["vell"].name == "Vell"
    assert not (tmp_path / "RAN").exists()


def test_the_cache_folder_defaults_to_the_users_cache_directory(monkeypatch):
    monkeypatch.delenv("GEOMAP_CACHE_DIR")
    assert "geomap" in str(cache_root())
