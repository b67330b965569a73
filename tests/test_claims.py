"""Claim extraction rules, on a small invented conflict: nothing about the seeds is built in."""
from __future__ import annotations

import datetime as dt

import pytest

from geomap import Article, analyse, load_actors, status_of

from .conftest import write


def _claims(text, conflict, date=dt.date(2030, 5, 6)):
    gazetteer, actors = conflict
    article = Article("a.txt", "Wire", date, "", "t", text)
    return analyse([article], gazetteer, actors).claims


def _tuples(claims):
    return [(c.place.id, c.controller, c.claimant, c.stance) for c in claims]


def test_coordinated_places_each_get_the_claim(conflict):
    claims = _claims("The Red Army claimed to have taken the towns of Vell and Ostra.", conflict)
    assert _tuples(claims) == [("vell", "red", "red", "claim"), ("ostra", "red", "red", "claim")]
    assert all(c.hedges == ("claimed to have",) for c in claims)


def test_spokesman_alias_is_the_actor_that_claims(conflict):
    claims = _claims("Karrow district is under the control of the Red Army, says General Tal.", conflict)
    assert _tuples(claims) == [("karrow", "red", "red", "claim")]


def test_denial_of_an_earlier_claim_contests_it(conflict):
    claims = _claims("The Red Army said it had captured Vell. Those claims were disputed by the Blue Front.", conflict)
    assert _tuples(claims) == [("vell", "red", "red", "claim"), ("vell", "blue", "blue", "denial")]
    assert status_of(claims) == "contested"


def test_presence_claim_by_the_rival_contests_the_place(conflict):
    claims = _claims("The Red Army seized Ostra. The Blue Front said its fighters were still present in Ostra.", conflict)
    assert _tuples(claims) == [("ostra", "red", "Wire", "report"), ("ostra", "blue", "blue", "presence")]
    assert status_of(claims) == "contested"


def test_unattributed_statement_is_the_outlets_own_report(conflict):
    assert _tuples(_claims("The Red Army seized Ostra on Monday.", conflict)) == [("ostra", "red", "Wire", "report")]


def test_third_party_witnesses_are_a_report_named_as_written(conflict):
    claims = _claims("Red Army fighters overran Karrow overnight, according to witnesses.", conflict)
    assert _tuples(claims) == [("karrow", "red", "witnesses", "report")]


def test_corroboration_names_the_corroborating_organisation(conflict):
    claims = _claims("The claims were corroborated by Medics Without Borders, which said the Red Army had reached Vell.", conflict)
    assert _tuples(claims) == [("vell", "red", "Medics Without Borders", "corroboration")]


def test_photograph_is_a_hedged_report(conflict):
    claims = _claims("A photograph is thought to show the Red Army raise the flag in Ostra.", conflict)
    assert _tuples(claims) == [("ostra", "red", "photograph", "report")]
    assert claims[0].hedged


def test_history_is_not_a_current_claim(conflict):
    assert _claims("The Blue Front held Vell in the 1990s and captured Ostra a decade later.", conflict) == []


def test_intention_is_not_a_claim(conflict):
    assert _claims("The Red Army decided to take Vell by force.", conflict) == []


def test_hypothetical_is_not_a_claim(conflict):
    assert _claims("Taking Ostra would hand the Red Army control of Karrow.", conflict) == []


def test_anti_prefixed_name_is_not_the_actor(conflict):
    claims = _claims("Anti-Red Army militias said they were present in Vell.", conflict)
    assert claims == [] or all(c.controller != "red" for c in claims)


def test_weekday_is_resolved_against_the_publication_date(conflict):
    claims = _claims("On Sunday night the Blue Front said it had captured Vell.", conflict, date=dt.date(2030, 5, 6))
    assert claims[0].date == dt.date(2030, 5, 5)  # 6 May 2030 is a Monday


def test_speaker_of_a_quotation_is_found_after_it(conflict):
    text = 'The Blue Front said the fight goes on. "Red Army claims of taking Vell are false. We hold Ostra," it said.'
    assert ("vell", "blue", "blue", "denial") in _tuples(_claims(text, conflict))


def test_explicit_date_in_the_sentence_dates_the_claim(conflict):
    claims = _claims("On May 5, the Red Army said it had captured Vell.", conflict, date=dt.date(2030, 5, 6))
    assert claims[0].date == dt.date(2030, 5, 5)


def test_statement_dated_months_before_publication_is_background(conflict):
    assert _claims("On January 2, 2030, the Red Army captured Vell.", conflict, date=dt.date(2030, 5, 6)) == []


def test_statement_dated_weeks_before_publication_keeps_its_date(conflict):
    claims = _claims("On April 2, 2030, the Red Army captured Vell.", conflict, date=dt.date(2030, 5, 6))
    assert [(c.place.id, c.date) for c in claims] == [("vell", dt.date(2030, 4, 2))]


def test_claim_carries_the_publication_date_when_the_sentence_names_none(conflict):
    assert _claims("The Red Army said it had captured Vell.", conflict)[0].date == dt.date(2030, 5, 6)


THREE_SIDES = """actors:
  - {id: red, name: Red Army, colour: "#D55E00", aliases: [Red Army], adjectives: [Rubian], opposes: [green],
     media: [Rubian Radio]}
  - {id: blue, name: Blue Front, colour: "#0072B2", aliases: [Blue Front]}
  - {id: green, name: Green Legion, colour: "#009E73", aliases: [Green Legion], opposes: [red]}
"""


@pytest.fixture(scope="module")
def three_sides(tmp_path_factory, conflict):
    path = write(tmp_path_factory.mktemp("three") / "actors.yaml", THREE_SIDES)
    return conflict[0], load_actors(path)


def test_an_actors_adjective_before_a_force_noun_names_it(three_sides):
    assert _tuples(_claims("Rubian troops captured Vell on Sunday, the Red Army said.", three_sides)) == \
        [("vell", "red", "red", "claim")]


def test_a_loss_goes_to_the_side_the_loser_opposes(three_sides):
    claims = _claims("The Green Legion withdrew from Ostra, the Blue Front said.", three_sides)
    assert [(c.place.id, c.controller) for c in claims] == [("ostra", "red")]


def test_a_state_outlets_own_voice_is_its_sides_claim(three_sides):
    gazetteer, actors = three_sides
    article = Article("a.txt", "Rubian Radio", dt.date(2030, 5, 6), "", "t", "Vell has been liberated.")
    claims = analyse([article], gazetteer, actors).claims
    assert _tuples(claims) == [("vell", "red", "red", "claim")]


def test_another_outlets_own_voice_is_a_report(conflict):
    gazetteer, actors = conflict
    article = Article("a.txt", "Wire", dt.date(2030, 5, 6), "", "t", "Red Army forces captured Vell on Sunday.")
    assert [(c.controller, c.claimant, c.stance) for c in analyse([article], gazetteer, actors).claims] == \
        [("red", "Wire", "report")]


def test_an_actors_adjective_before_control_names_it(three_sides):
    assert [(c.place.id, c.controller) for c in _claims("Vell remains under Rubian control.", three_sides)] == \
        [("vell", "red")]


def test_a_place_cleared_of_a_side_is_its_rivals(three_sides):
    claims = _claims("Ostra was cleared of Green Legion fighters, the Red Army said.", three_sides)
    assert _tuples(claims) == [("ostra", "red", "red", "claim")]


def test_a_relative_clause_after_a_place_speaks_of_it(three_sides):
    claims = _claims("Fighting continued near Vell, which remains under Rubian control.", three_sides)
    assert [(c.place.id, c.controller) for c in claims] == [("vell", "red")]
