"""Finding gazetteer names in text: whole words, capitalised, exact offsets."""
from __future__ import annotations

import pytest

from geomap.matching import build_index, find_names, fold


@pytest.fixture(scope="module")
def index(gazetteer):
    return build_index(gazetteer)


@pytest.fixture(scope="module")
def curated():
    """The bundled gazetteer without the generated GeoNames countries and capitals."""
    from geomap import load_gazetteer

    from .conftest import ROOT

    return load_gazetteer(ROOT / "gazetteer", exclude=(ROOT / "gazetteer" / "geonames_countries.yaml",))


@pytest.fixture(scope="module")
def curated_index(curated):
    return build_index(curated)


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


def test_fold_removes_diacritics_case_and_punctuation_one_character_for_one():
    folded = fold("Bāzārak’s  x")
    assert folded.text == "bazarak s  x"
    assert folded.span(0, 7) == (0, 7) and folded.origin is None


def test_fold_maps_back_through_characters_that_fold_to_none_or_several():
    text = "Bazara\u0301k Straße Kabul"  # a combining accent; ß folds to "ss"
    folded = fold(text)
    assert folded.text == "bazarak strasse kabul"
    assert folded.span(folded.text.index("kabul"), len(folded.text)) == (text.index("Kabul"), len(text))


def test_name_with_a_full_stop_is_found_as_written_and_without_it(tmp_path):
    from geomap import load_gazetteer

    from .conftest import write

    gazetteer = load_gazetteer(write(tmp_path / "g.yaml", "places:\n  - {id: st_anton, name: St. Anton, "
                                                            "feature_type: town, lat: 47.13, lon: 10.27, source: test}\n"))
    assert _found("From St. Anton to St Anton.", build_index(gazetteer)) == [
        ("St. Anton", ("st_anton",)), ("St Anton", ("st_anton",))]


def test_ambiguous_name_keeps_every_candidate_place(index):
    assert _found("Dara", index) == [("Dara", ("dara", "dara_senegal", "daraa"))]


CANONICAL_ONLY = """places:
  - {id: panjshir, name: Panjshir, feature_type: province, lat: 35.5, lon: 69.9, source: test}
  - {id: bazarak, name: Bazarak, feature_type: district, parent: panjshir, lat: 35.31292, lon: 69.51519, source: test}
  - {id: rokha, name: Rokha, feature_type: district, parent: panjshir, lat: 35.27, lon: 69.47, source: test}
  - {id: khinj, name: Khinj, feature_type: district, parent: panjshir, lat: 35.42898, lon: 69.73482, source: test}
  - {id: anabah, name: Anabah, feature_type: district, parent: panjshir, lat: 35.23251, lon: 69.37719, source: test}
  - {id: shutul, name: Shutul, feature_type: district, parent: panjshir, lat: 35.28, lon: 69.30, source: test}
  - {id: paryan, name: Paryan, feature_type: district, parent: panjshir, lat: 35.72, lon: 70.08, source: test}
  - {id: dara, name: Dara, feature_type: district, parent: panjshir, lat: 35.30, lon: 69.62, source: test}
"""
SPELLINGS = {
    "rokha": ["Rokha", "Rukha", "Rukhah", "Rokhah"],
    "bazarak": ["Bazarak", "Bazaraq", "Barazak"],
    "khinj": ["Khinj", "Khenj", "Hinj"],
    "anabah": ["Anabah", "Anaba", "Annaba", "Unaba", "'Unabah"],
    "shutul": ["Shutul", "Shotol", "Shotul"],
    "paryan": ["Paryan", "Parian"],
    "dara": ["Dara", "Darah"],
    "panjshir": ["Panjshir", "Panjsher", "Panjsheer", "Panshir", "Panjshayr"],
}


@pytest.fixture(scope="module")
def canonical_only(tmp_path_factory):
    from geomap import load_gazetteer

    from .conftest import write

    return load_gazetteer(write(tmp_path_factory.mktemp("canonical") / "g.yaml", CANONICAL_ONLY))


@pytest.mark.parametrize("place_id,spelling", [(p, s) for p, spellings in SPELLINGS.items() for s in spellings])
def test_spelling_the_gazetteer_does_not_list_is_found_in_context(canonical_only, place_id, spelling):
    from geomap import Article, find_mentions

    context = "near Bazarak" if place_id == "panjshir" else "in Panjshir province"
    text = f"Fighting was reported in {spelling}, {context}."
    article = Article("a.txt", "Test", None, "", "t", text)
    mention = next(m for m in find_mentions(article, build_index(canonical_only), canonical_only) if m.start in (25, 26))  # after an opening apostrophe
    assert (mention.place.id, mention.text) == (place_id, spelling.lstrip("'"))
    assert mention.method in ("name", "transliteration", "fuzzy")
    assert mention.confidence <= (1.0 if mention.method == "name" else 0.8)


@pytest.mark.parametrize("one,other", [("Jabrayil", "Gabriel"), ("Jizah", "Giza"), ("Dzhebrail", "Jebrail"),
                                       ("Khujand", "Hujand"), ("Qubatli", "Kubatly")])
def test_regular_alternations_of_romanised_names_share_a_key(one, other):
    from geomap.matching import fold_name, transliteration_key

    assert transliteration_key(fold_name(one)) == transliteration_key(fold_name(other))


def test_unlisted_spelling_without_geographic_context_is_not_a_place(canonical_only):
    from geomap import Article, find_mentions

    article = Article("a.txt", "Test", None, "", "t", "The Shootout at Barazak Lanes went to extra time.")
    assert find_mentions(article, build_index(canonical_only), canonical_only) == []


def test_demonym_is_not_a_fuzzy_spelling_of_its_country(index):
    assert _found("Russian troops", index) == []


def test_acronym_variant_matches_only_in_capitals(index):
    assert _found("Usa and UAE", index) == [("UAE", ("uae",))]


def test_persian_izafe_written_three_ways_matches_the_listed_variant(index):
    assert [t for t, _ in _found("Dara-i Hazara, Dara i Hazara, Dara-ye Hazara", index)] == [
        "Dara-i Hazara", "Dara i Hazara", "Dara-ye Hazara"]


def test_name_in_a_persons_name_is_not_a_place(index):
    text = '"We will not leave," said Dara Khan, a commander in Panjshir. General Dara agreed.'
    assert _found(text, index) == [("Panjshir", ("panjshir",))]


def test_ordinary_english_prose_yields_no_place_but_exact_names(curated, curated_index):
    """100,000 common English words, capitalised, in 200-word passages: only exact gazetteer names."""
    import wordfreq

    from geomap import Article, find_mentions

    gazetteer, index = curated, curated_index

    words = [w.capitalize() for w in wordfreq.top_n_list("en", 100_000) if w.isalpha()]
    found = set()
    for n in range(0, len(words), 200):
        article = Article(f"p{n}", "prose", None, "", "", ". ".join(words[n:n + 200]))
        found.update((m.text, m.method.split("+")[0]) for m in find_mentions(article, index, gazetteer))
    assert found and all(method in ("name", "variant") for _, method in found), found
