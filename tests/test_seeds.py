"""The seed case: what a careful analyst reads in the five articles (tests/data/expected.yaml)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from geomap import status_of

from .conftest import DATA

EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))["articles"]
CONFUSABLES = {"annaba_algeria", "daraa", "dara_senegal", "khinjan"}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip()


def _required_places():
    for article, facts in EXPECTED.items():
        for place_id, spellings in facts["places"].items():
            if isinstance(spellings, dict):
                continue  # optional
            for spelling in spellings:
                yield article, place_id, spelling


def _claims():
    for article, facts in EXPECTED.items():
        for claim in facts.get("claims", []):
            yield article, claim


@pytest.mark.parametrize("article,place_id,spelling", list(_required_places()))
def test_required_place_is_found_with_the_spelling_in_print(seed_analysis, article, place_id, spelling):
    found = {(m.place.id, m.text) for m in seed_analysis.mentions if m.article_id == article}
    assert (place_id, spelling) in found


def test_no_confusable_place_is_chosen_for_a_seed_mention(seed_analysis):
    chosen = {m.place.id for m in seed_analysis.mentions}
    assert not chosen & CONFUSABLES


def test_every_seed_mention_is_a_place_the_analyst_lists(seed_analysis):
    """Zero false positives in expected.yaml terms (optional places allowed)."""
    for mention in seed_analysis.mentions:
        assert mention.place.id in EXPECTED[mention.article_id]["places"], (mention.article_id, mention.text)


def test_annaba_in_the_annaba_district_of_panjshir_is_anabah(seed_analysis):
    annaba = [m for m in seed_analysis.mentions if m.text == "Annaba"]
    assert annaba and all(m.place.id == "anabah" for m in annaba)
    assert all("annaba_algeria" in dict(m.alternatives) for m in annaba)


@pytest.mark.parametrize("article,claim", list(_claims()), ids=lambda v: v if isinstance(v, str) else v["place"])
def test_expected_claim_is_extracted_with_its_evidence(seed_analysis, article, claim):
    matches = [
        c for c in seed_analysis.claims
        if c.article_id == article and c.place.id == claim["place"] and c.controller == claim["controller"]
        and c.claimant == claim["claimant"] and c.stance == claim["stance"]
        and _flat(claim["evidence"]) in _flat(c.evidence)
    ]
    assert matches, f"missing {claim}"
    if claim.get("hedged"):
        assert any(c.hedged for c in matches)


def _traps():
    for article, facts in EXPECTED.items():
        for trap in facts.get("not_claims", []):
            yield article, trap


@pytest.mark.parametrize("article,trap", list(_traps()), ids=lambda v: v if isinstance(v, str) else v["place"])
def test_no_claim_is_drawn_from_a_trap(seed_analysis, article, trap):
    quoted = re.search(r'"([^"]+)"', trap["why"])
    claims = [c for c in seed_analysis.claims if c.article_id == article and c.place.id == trap["place"]]
    if quoted:  # a trap sentence may also carry a listed claim ("Taliban has taken ..., the last area ...")
        listed = [(e["controller"], _flat(e["evidence"])) for e in EXPECTED[article].get("claims", [])
                  if e["place"] == trap["place"]]
        from_trap = [c for c in claims if _flat(quoted.group(1)) in _flat(c.evidence)]
        assert all(any(c.controller == controller and evidence in _flat(c.evidence) for controller, evidence in listed)
                   for c in from_trap)
    else:  # the place is only named: no claim on it at all in this article
        assert not claims


def _statuses():
    for article, facts in EXPECTED.items():
        for place_id, status in facts.get("status", {}).items():
            yield article, place_id, status


@pytest.mark.parametrize("article,place_id,status", list(_statuses()))
def test_status_of_place_in_article_is_as_expected(seed_analysis, article, place_id, status):
    claims = [c for c in seed_analysis.claims if c.article_id == article and c.place.id == place_id]
    acceptable = status if isinstance(status, list) else [status]
    assert status_of(claims) in acceptable


def test_trt_world_layer_combines_both_articles_and_shows_panjshir_contested(seed_analysis):
    report = next(r for r in seed_analysis.reports if r.source == "TRT World" and r.place.id == "panjshir")
    assert report.article_ids == ("000_31c1da71ee900836.txt", "001_0ca1653ec424d7ba.txt")
    assert report.status == "contested"


def test_telegraph_shows_the_taliban_claimed_districts(seed_analysis):
    status = {r.place.id: r.status for r in seed_analysis.reports if r.source == "The Telegraph"}
    assert status["khinj"] == status["anabah"] == "taliban"
    assert status["bazarak"] == "mentioned"


def test_claim_on_sunday_night_is_dated_the_day_before_monday_publication(seed_analysis):
    rukhah = next(c for c in seed_analysis.claims if c.place.id == "rokha" and "Rukhah" in c.evidence)
    assert rukhah.date == dt.date(2021, 9, 5)
