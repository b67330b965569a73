"""Finding gazetteer names in text: whole words, capitalised, exact offsets."""
from __future__ import annotations

import pytest

from geomap.matching import build_index, find_names, fold


@pytest.fixture(scope="module")
def index(gazetteer):
    return build_index(gazetteer)


def _found(text, index):
    return [(c.text, c.place_ids) for c in find_names(text, index)]


def test_offsets_slice_exactly_the_matched_text(index):
    text = "Near Bāzārak,\nin PANJSHIR's north and in ’Unābah."
    for candidate in find_names(text, index):
        assert text[candidate.start:candidate.end] == candidate.text
    assert [c.text for c in find_names(text, index)] == ["Bāzārak", "PANJSHIR", "Unābah"]


def test_lower_case_common_word_is_not_a_place(index):
    assert _found("the dara of it", index) == []


def test_name_inside_a_longer_word_is_not_matched(index):
    assert _found("Khinjan is in Baghlan", index) == [("Khinjan", ("khinjan",)), ("Baghlan", ("baghlan",))]


def test_panjshir_valley_is_one_mention_not_two(index):
    assert _found("the Panjshir Valley held", index) == [("Panjshir Valley", ("panjshir",))]


def test_multi_word_names_match_whole(index):
    assert _found("in the Hindu Kush mountains", index) == [("Hindu Kush", ("hindu_kush",))]


def test_izafe_with_hyphens_matches_the_listed_variant(index):
    assert _found("Dara-e-Hazara and Dara e Hazara", index) == [("Dara-e-Hazara", ("dara",)), ("Dara e Hazara", ("dara",))]


def test_fold_removes_diacritics_case_and_punctuation_and_keeps_origins():
    folded = fold("Bāzārak’s  x")
    assert folded.text == "bazarak s x"
    assert folded.span(0, 7) == (0, 7)


def test_ambiguous_name_keeps_every_candidate_place(index):
    assert _found("Dara", index) == [("Dara", ("dara", "dara_senegal", "daraa"))]
