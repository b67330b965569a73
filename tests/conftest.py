"""Shared fixtures: the bundled gazetteer, actors and seed articles, analysed once."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import geomap

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


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


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
