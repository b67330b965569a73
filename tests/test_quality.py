"""Regression floors on the development corpus (../shared/corpus), scored as the project scores it."""
from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import claims_quality  # noqa: E402

pytestmark = pytest.mark.skipif(not claims_quality.SCORER.exists() or not claims_quality.CORPUS.exists(),
                                reason=f"the development corpus and its scorer are missing "
                                       f"({claims_quality.CORPUS}, {claims_quality.SCORER})")


@pytest.fixture(scope="module")
def table():
    return claims_quality.score()[1]


@pytest.mark.parametrize("column", ["places", "claims R", "claims P", "status"])
def test_the_seeds_stay_perfect(table, column):
    assert table["seeds"][column] == 1.0


def test_the_seeds_show_no_wrong_colour_place_or_false_place(table):
    assert (table["seeds"]["wrong colour"], table["seeds"]["wrong"], table["seeds"]["FP"]) == (0, 0, 0)


@pytest.mark.parametrize("column,floor", [("claims R", 0.80), ("claims P", 0.85), ("status", 0.85)])
def test_pooled_corpus_figures_stay_above_their_floor(table, column, floor):
    assert table["pooled"][column] >= floor
