"""`geomap explain`: why each dot has its colour, sentence by sentence."""
from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from geomap import Article, explain_article
from geomap.cli import main

from .conftest import INVENTED_ACTORS, INVENTED_PLACES, write


def _explain(text, conflict):
    gazetteer, actors = conflict
    return explain_article(Article("a.txt", "Wire", dt.date(2030, 5, 6), "", "t", text), gazetteer, actors)


def test_a_claim_is_explained_with_its_frame_holder_claimant_and_stance(conflict):
    sentence = _explain("The Red Army said it had captured Vell.", conflict).sentences[0]
    reading = sentence.readings[0]
    assert (reading.frame, reading.places, reading.holder, reading.claimant, reading.stance, reading.outcome) == \
        ("gain", ("vell",), "red", "red", "claim", "claim")


def test_a_negated_frame_is_explained_as_negation(conflict):
    reading = _explain("The Red Army has not captured Vell.", conflict).sentences[0].readings[0]
    assert reading.outcome.startswith("negation")


def test_an_intent_is_explained_as_intent(conflict):
    reading = _explain("The Red Army plans to capture Vell.", conflict).sentences[0].readings[0]
    assert reading.outcome.startswith("intent")


def test_history_is_explained_as_history(conflict):
    reading = _explain("The Red Army captured Vell in 1995.", conflict).sentences[0].readings[0]
    assert reading.outcome.startswith("history")


def test_fighting_alone_is_explained_as_a_look_alike(conflict):
    reading = _explain("Heavy fighting raged around Vell on Sunday.", conflict).sentences[0].readings[0]
    assert reading.outcome == "fighting only: no control frame"


def test_a_sentence_naming_a_place_without_any_frame_says_so(conflict):
    text = _explain("Vell is a market town.", conflict).as_text()
    assert "Vell -> vell" in text and "no control frame" in text


def test_explain_command_prints_each_sentence_and_its_reading(tmp_path):
    write(tmp_path / "gazetteer" / "places.yaml", INVENTED_PLACES)
    write(tmp_path / "gazetteer" / "actors.yaml", INVENTED_ACTORS)
    article = write(tmp_path / "a.md", "---\nsource: Wire\ndate: 2030-05-06\n---\nThe Red Army said it had captured Vell.\n")
    result = CliRunner().invoke(main, ["explain", str(article), "--gazetteer", str(tmp_path / "gazetteer")])
    assert result.exit_code == 0, result.output
    assert "[0] The Red Army said it had captured Vell." in result.output
    assert 'gain "captured"' in result.output and "holder: red; claimant: red; stance: claim" in result.output
