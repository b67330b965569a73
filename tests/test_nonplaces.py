"""Names from a generated (GeoNames) gazetteer, read as a careful reader would: a word, a person
or an outlet is no place; among namesakes, the one the article's geography and hints point at."""
from __future__ import annotations

import datetime as dt

import pytest

from geomap import Article, find_mentions, load_gazetteer
from geomap.matching import build_index

from .conftest import write

# Two invented countries' places, as import-geonames writes them (a generated file), and one
# curated place, so that the rules are seen to spare what the user curated.
GENERATED = """generated: geomap gazetteer import-geonames (test)
places:
  - {id: norland, name: Norland, feature_type: country, lat: 10.0, lon: 20.0, population: 9000000, source: t}
  - {id: sudland, name: Sudland, feature_type: country, lat: -30.0, lon: -60.0, population: 5000000, source: t}
  - {id: vellshire, name: Vellshire, feature_type: province, parent: norland, lat: 10.2, lon: 20.2, population: 900000, source: t}
  - {id: ostra_nl, name: Ostra, feature_type: town, parent: vellshire, lat: 10.3, lon: 20.3, population: 20000, source: t}
  - {id: karrow_nl, name: Karrow, feature_type: town, parent: vellshire, lat: 10.4, lon: 20.4, population: 15000, source: t}
  - {id: ostra_sl, name: Ostra, feature_type: town, parent: sudland, lat: -30.3, lon: -60.3, population: 40000, source: t}
  - {id: police_nl, name: Police, feature_type: town, parent: norland, lat: 10.5, lon: 20.5, population: 30000, source: t}
  - {id: march_nl, name: March, feature_type: town, parent: norland, lat: 10.6, lon: 20.6, population: 20000, source: t}
  - {id: tesfay_nl, name: Tesfay, feature_type: village, parent: norland, lat: 10.7, lon: 20.7, population: 800, source: t}
  - {id: vellton_nl, name: Vellton, feature_type: village, parent: vellshire, lat: 10.25, lon: 20.25, population: 900, source: t}
  - {id: gorvale_sl, name: Gorvale, feature_type: village, parent: sudland, lat: -30.1, lon: -60.1, population: 600, source: t}
  - {id: norland_village, name: Norland, feature_type: village, parent: sudland, lat: -30.2, lon: -60.2, population: 700, source: t}
  - {id: borderton_sl, name: Borderton, feature_type: town, parent: sudland, lat: 10.45, lon: 20.45, population: 9000, source: t}
"""
CURATED = "places:\n  - {id: march_curated, name: March, feature_type: town, lat: 50.0, lon: 0.1, source: curated}\n"


def _indexed(tmp_path_factory, name: str, text: str):
    """A gazetteer folder holding one generated file, loaded, and its name index."""
    folder = tmp_path_factory.mktemp(name)
    write(folder / "generated.yaml", text)
    gazetteer = load_gazetteer(folder)
    return gazetteer, build_index(gazetteer)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return _indexed(tmp_path_factory, "generated", GENERATED)


def _found(text, gazetteer_and_index, source="Wire"):
    gazetteer, index = gazetteer_and_index
    article = Article("a.txt", source, dt.date(2030, 5, 6), "", "t", text)
    return [(m.text, m.place.id) for m in find_mentions(article, index, gazetteer)]


def test_an_english_word_is_no_place_without_a_place_context(generated):
    assert _found("Police said the road to Ostra in Vellshire was open.", generated) == \
        [("Ostra", "ostra_nl"), ("Vellshire", "vellshire")]


def test_an_english_word_after_a_preposition_is_a_place(generated):
    assert ("Police", "police_nl") in _found("Fighting was reported in Police, near Vellshire.", generated)


def test_a_month_is_no_place_even_after_a_preposition(generated):
    assert [name for name, _ in _found("Ostra fell in March.", generated)] == ["Ostra"]


def test_a_month_named_in_the_curated_gazetteer_stays_a_place(tmp_path):
    write(tmp_path / "g.yaml", CURATED)
    gazetteer = load_gazetteer(tmp_path)
    assert _found("Ostra fell in March.", (gazetteer, build_index(gazetteer))) == [("March", "march_curated")]


def test_a_name_before_a_surname_is_a_persons_everywhere_in_the_article(generated):
    text = "Prime Minister Tesfay Haile visited Ostra in Vellshire. Tesfay promised peace."
    assert all(name != "Tesfay" for name, _ in _found(text, generated))


def test_a_name_before_said_is_a_speaker(generated):
    assert all(name != "Tesfay" for name, _ in _found("Tesfay said Ostra in Vellshire was calm.", generated))


def test_a_name_inside_an_outlets_name_is_no_place(generated):
    text = "The Vellton Post reported fighting near Ostra in Vellshire."
    assert all(name != "Vellton" for name, _ in _found(text, generated))


def test_the_outlets_own_name_is_no_place(generated):
    assert all(name != "Vellton" for name, _ in _found("Vellton: Ostra in Vellshire is quiet.", generated, "Vellton"))


def test_a_country_beats_a_village_of_its_name(generated):
    assert _found("Norland closed its borders.", generated) == [("Norland", "norland")]


def test_a_frontline_cluster_beats_a_lone_namesake(generated):
    found = _found("Troops moved from Karrow to Ostra, in Vellshire.", generated)
    assert ("Ostra", "ostra_nl") in found


def test_a_country_named_before_a_name_picks_that_countrys_place(generated):
    assert ("Ostra", "ostra_nl") in _found("Clashes in the Norland town of Ostra.", generated)


def test_a_village_named_alone_needs_a_place_nearby(generated):
    assert _found("Gorvale was quiet on Sunday.", generated) == []


def test_an_apposition_says_a_village_is_a_place(generated):
    assert _found("Gorvale, a village in the south, was quiet on Sunday.", generated) == [("Gorvale", "gorvale_sl")]


def test_an_apposition_about_a_person_says_nothing(generated):
    assert _found("Gorvale, the village elder, was quiet on Sunday.", generated) == []


def test_a_village_near_a_place_the_article_names_is_kept(generated):
    assert ("Vellton", "vellton_nl") in _found("Vellton, a village near Karrow, was shelled.", generated)


def test_a_spelling_nobody_listed_is_kept_beside_its_own_division(generated):
    assert ("Karow", "karrow_nl") in _found("Shelling hit Karow, in Vellshire.", generated)


def test_a_spelling_nobody_listed_is_not_vouched_for_across_a_border(generated):
    assert ("Karow", "karrow_nl") not in _found("Shelling hit Borderton and Karow.", generated)


# A coast of invented towns: the capital Harl; far to its west Sidi Sabin (also called Rikdal) and
# Zaltan beside it; to its east the bigger Zliten (also written Zalitan).
COAST = """generated: geomap gazetteer import-geonames (test)
places:
  - {id: westmark, name: Westmark, feature_type: country, lat: 30.0, lon: 10.0, population: 7000000, source: t}
  - {id: harl, name: Harl, feature_type: city, parent: westmark, lat: 30.0, lon: 10.0, population: 1000000, source: t}
  - {id: sabin, name: Sidi Sabin, variants: [Rikdal], feature_type: town, parent: westmark, lat: 30.1, lon: 8.1,
     population: 30000, source: t}
  - {id: zaltan, name: Zaltan, feature_type: town, parent: westmark, lat: 30.15, lon: 8.0, population: 14000, source: t}
  - {id: zliten, name: Zliten, variants: [Zalitan], feature_type: city, parent: westmark, lat: 30.0, lon: 11.5,
     population: 200000, source: t}
"""


@pytest.fixture(scope="module")
def coast(tmp_path_factory):
    return _indexed(tmp_path_factory, "coast", COAST)


def test_a_far_alternate_name_alone_is_not_vouched_for(coast):
    assert ("Rikdal", "sabin") not in _found("Forces in Harl said Rikdal was calm.", coast)


def test_a_far_alternate_name_in_a_list_of_towns_is_vouched_for(coast):
    assert ("Rikdal", "sabin") in _found("Forces from Harl took the towns of Rikdal and Zalatan.", coast)


def test_an_unlisted_spelling_goes_to_the_namesake_beside_its_neighbour_in_the_list(coast):
    assert ("Zalatan", "zaltan") in _found("Forces from Harl took the towns of Rikdal and Zalatan.", coast)


def test_a_name_after_a_place_and_a_comma_is_no_list(generated):
    assert _found("In Karrow, Police said the road was open.", generated) == [("Karrow", "karrow_nl")]


def test_every_name_of_a_list_after_a_place_word_is_placed(generated):
    assert ("Police", "police_nl") in _found("Shelling hit the towns of Karrow, Police and Ostra.", generated)
