"""Properties of the normaliser and matcher over arbitrary text (hypothesis)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import Article, analyse
from geomap.matching import build_index, find_names, fold, fold_name

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def index(gazetteer):
    return build_index(gazetteer)


@st.composite
def texts_with_names(draw):
    """Arbitrary Unicode with gazetteer-like names, separators and diacritics mixed in."""
    pieces = st.one_of(
        st.text(max_size=30),
        st.sampled_from(["Panjshir", "PANJSHIR", "Bāzārak", "’Unābah", "Dara-e-Hazara", "Rukhah", "Barazak",
                         "Panjshir Valley", "Khinjan", "Daraa", "Kabul's", "Hindu\nKush", "UAE", "Usa"]),
        st.sampled_from([" ", "\n", "-", "'", "’", ".", ", ", "\u0301", "\u00ad", "\t", "ß", "İ", "ﬁ"]),
    )
    return "".join(draw(st.lists(pieces, max_size=25)))


@PROPERTY
@given(text=st.text())
def test_fold_maps_every_folded_character_back_into_the_text(text):
    folded = fold(text)
    positions = [folded.position(i) for i in range(len(folded.text))]
    assert positions == sorted(set(positions)) or any(len(fold_name(c)) > 1 for c in text)  # ß gives two
    assert all(0 <= p < len(text) for p in positions)
    assert all(char == " " or char in fold_name(text[p]) for char, p in zip(folded.text, positions))


@PROPERTY
@given(text=texts_with_names())
def test_every_match_slices_exactly_its_text_and_matching_is_deterministic(index, text):
    first = find_names(text, index)
    assert first == find_names(text, index)
    for candidate in first:
        assert text[candidate.start:candidate.end] == candidate.text
        assert candidate.place_ids
    starts = [c.start for c in first]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(first, first[1:]))  # no overlaps


@settings(PROPERTY, max_examples=60)  # each example runs the whole analysis twice
@given(first=texts_with_names(), second=texts_with_names())
def test_mentions_do_not_depend_on_how_the_corpus_is_split_into_articles(gazetteer, actors, first, second):
    a = Article("a.txt", "A", dt.date(2021, 9, 6), "", "t", first or " ")
    b = Article("b.txt", "B", dt.date(2021, 9, 6), "", "t", second or " ")
    alone = analyse([a], gazetteer, actors).mentions
    together = [m for m in analyse([a, b], gazetteer, actors).mentions if m.article_id == "a.txt"]
    assert alone == together
