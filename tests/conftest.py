"""Shared fixtures: the bundled gazetteer, actors and seed articles, analysed once; an invented conflict."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import geomap

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def index_cache_of_the_session(tmp_path_factory):
    """Index caches go to a folder of the test session, not the user's cache directory."""
    previous = os.environ.get("GEOMAP_CACHE_DIR")
    os.environ["GEOMAP_CACHE_DIR"] = str(tmp_path_factory.mktemp("index-cache"))
    yield
    if previous is None:
        os.environ.pop("GEOMAP_CACHE_DIR", None)
    else:
        os.environ["GEOMAP_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def gazetteer():
    return geomap.load_gazetteer(ROOT / "gazetteer")


@pytest.fixture(scope="session")
def actors():
    return geomap.load_actors(ROOT / "gazetteer" / "actors.yaml")


@pytest.fixture(scope="session")
def seed_analysis(gazetteer, actors):
    articles, warnings, errors = geomap.read_articles(ROOT / "articles")
    assert not errors
    return geomap.analyse(articles, gazetteer, actors)


@pytest.fixture(scope="session")
def expected():
    return yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))["articles"]


INVENTED_PLACES = """places:
  - {id: norland, name: Norland, feature_type: country, lat: 10.0, lon: 20.0, source: invented}
  - {id: vell, name: Vell, feature_type: town, parent: norland, lat: 10.1, lon: 20.1, source: invented, variants: [Velle]}
  - {id: ostra, name: Ostra, feature_type: town, parent: norland, lat: 10.2, lon: 20.2, source: invented}
  - {id: karrow, name: Karrow, feature_type: district, parent: norland, lat: 10.3, lon: 20.3, source: invented}
"""
INVENTED_ACTORS = """actors:
  - {id: blue, name: Blue Front, colour: "#0072B2", aliases: [Blue Front, BF, Ana Ferro]}
  - {id: red, name: Red Army, colour: "#D55E00", aliases: [Red Army, General Tal]}
"""


@pytest.fixture(scope="session")
def conflict(tmp_path_factory):
    """A small invented war (Blue Front against the Red Army, in Norland): nothing of the seeds."""
    folder = tmp_path_factory.mktemp("conflict")
    write(folder / "places.yaml", INVENTED_PLACES)
    write(folder / "actors.yaml", INVENTED_ACTORS)
    return geomap.load_gazetteer(folder), geomap.load_actors(folder / "actors.yaml")


# The invented war over a week: a capture of Vell, its recapture a week later; Ostra claimed by both sides two days apart;
# Karrow dated "last week" and "in August"; and one undated article.
ARTICLES = {
    "001.md": ("Norland Daily", "2021-09-01", "The Red Army captured Vell on Wednesday."),
    "002.md": ("Wire", "2021-09-06", "The Blue Front said it captured Ostra on Monday. "
                                     "The Red Army said on Saturday it had captured Ostra."),
    "003.md": ("Norland Daily", "2021-09-08", "The Blue Front recaptured Vell."),
    "004.md": ("Wire", "2021-09-08", "The Red Army took control of Karrow last week."),
    "005.md": ("Courier", None, "The Red Army controls Ostra."),
    "006.md": ("Courier", "2021-09-08", "In August, the Blue Front captured Karrow."),
}


@pytest.fixture(scope="session")
def dated_war(tmp_path_factory):
    """The invented war, reported over a week: dated articles for the map's time."""
    folder = tmp_path_factory.mktemp("dated")
    write(folder / "gazetteer" / "places.yaml", INVENTED_PLACES)
    write(folder / "gazetteer" / "actors.yaml", INVENTED_ACTORS)
    for name, (source, date, body) in ARTICLES.items():
        front = f"source: {source}\n" + (f"date: {date}\n" if date else "") + f"title: {name}\n"
        write(folder / "articles" / name, f"---\n{front}---\n{body}\n")
    return folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
