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


def test_a_denial_joined_to_a_statement_by_but_is_the_same_speakers(conflict):
    text = "A Blue Front spokesman said troops were advancing but denied reports that Vell had fallen to the Red Army."
    assert _tuples(_claims(text, conflict)) == [("vell", "blue", "blue", "denial")]


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


def _controlled(text, conflict, **kw):
    return [(c.place.id, c.controller) for c in _claims(text, conflict, **kw)]


def test_retook_is_a_gain(conflict):
    assert _controlled("Red Army troops retook Vell on Sunday.", conflict) == [("vell", "red")]


def test_a_passive_names_the_holder_after_by(conflict):
    assert _controlled("Vell was liberated by the Blue Front.", conflict) == [("vell", "blue")]


def test_a_headline_participle_is_a_gain(conflict):
    assert _controlled("Vell 'captured' by Red Army", conflict) == [("vell", "red")]


def test_side_held_is_a_state(conflict):
    assert _controlled("Shelling hit the Red Army-held town of Ostra.", conflict) == [("ostra", "red")]


def test_in_the_hands_of_is_a_state(conflict):
    assert _controlled("Ostra remains in the hands of the Blue Front.", conflict) == [("ostra", "blue")]


def test_troops_entered_is_a_gain(conflict):
    assert _controlled("Red Army troops entered Vell on Monday.", conflict) == [("vell", "red")]


def test_a_withdrawal_said_by_the_loser_is_its_rivals_corroborated(conflict):
    claims = _claims("The Red Army said its troops had withdrawn from Vell.", conflict)
    assert _tuples(claims) == [("vell", "blue", "red", "corroboration")]


def test_a_withdrawal_is_not_the_withdrawing_sides_presence(conflict):
    assert _controlled("Red Army units pulled out of Ostra overnight.", conflict) == [("ostra", "blue")]


def test_failed_to_take_is_no_claim(conflict):
    assert _claims("The Red Army failed to take Vell.", conflict) == []


def test_a_question_is_no_claim(conflict):
    assert _claims("Has the Red Army captured Vell?", conflict) == []


def test_the_town_points_back_at_the_town_named_before(conflict):
    claims = _claims("Heavy fighting was reported in Vell. The Blue Front said it had captured the town.", conflict)
    assert [(c.place.id, c.place_text) for c in claims] == [("vell", "the town")]


def test_a_claim_about_a_town_stays_on_the_town_not_its_district(conflict):
    assert _controlled("The Red Army captured Vell in Karrow district.", conflict) == [("vell", "red")]


def test_he_said_after_a_quotation_gives_it_a_speaker(conflict):
    text = 'General Tal spoke on Sunday. "We have taken Ostra," he said.'
    assert _tuples(_claims(text, conflict)) == [("ostra", "red", "red", "claim")]


def test_a_quotation_before_the_sentence_naming_its_speaker_is_theirs(conflict):
    text = '"Vell is ours and our troops are in the centre." That was how General Tal put it on Sunday.'
    assert {c.claimant for c in _claims(text, conflict)} <= {"red"}


def test_a_rivals_false_claim_is_a_denial(conflict):
    text = "The Red Army said it had captured Vell. The Blue Front said the claim was false."
    assert ("vell", "blue", "blue", "denial") in _tuples(_claims(text, conflict))


def test_a_hedge_is_kept_on_the_claim(conflict):
    claims = _claims("Red Army troops reportedly captured Vell.", conflict)
    assert [c.hedges for c in claims] == [("reportedly",)]


def test_driven_out_of_is_a_loss(conflict):
    assert _controlled("Red Army soldiers were driven out of Vell.", conflict) == [("vell", "blue")]


def test_a_sentence_opening_participle_takes_the_main_clauses_subject(conflict):
    assert _controlled("After capturing Vell on Sunday, the Red Army moved on Ostra.", conflict) == [("vell", "red")]


def test_a_repelled_attack_keeps_the_place_with_its_defender(conflict):
    assert _controlled("The Blue Front said it had repelled a Red Army attack on Vell.", conflict) == [("vell", "blue")]


def test_a_place_taken_in_a_relative_clause_is_claimed(conflict):
    claims = _claims("Officials visited Vell, which Red Army troops captured on Sunday.", conflict)
    assert _tuples(claims) == [("vell", "red", "Wire", "report")]


def test_since_a_month_dates_a_state_not_the_claim(conflict):
    claims = _claims("The Blue Front said it had retaken Vell, which the Red Army had held since March.", conflict,
                     date=dt.date(2030, 9, 6))
    assert _tuples(claims) == [("vell", "blue", "blue", "claim")] and claims[0].date == dt.date(2030, 9, 6)


def test_raising_the_national_flag_in_a_place_claims_it(conflict):
    assert _tuples(_claims("Blue Front fighters raised the national flag in Ostra.", conflict)) == [
        ("ostra", "blue", "Wire", "report")]


def test_a_place_said_to_be_taken_in_a_relative_clause_is_the_speakers_claim(conflict):
    claims = _claims("Blue Front officials visited Ostra, which they said had been liberated on Sunday.", conflict)
    assert _tuples(claims) == [("ostra", "blue", "blue", "claim")]


def test_troops_a_side_says_withdrew_are_its_own(conflict):
    claims = _claims("The Red Army said troops had withdrawn from Vell.", conflict)
    assert _tuples(claims) == [("vell", "blue", "red", "corroboration")]


def test_troops_in_the_outlets_own_voice_belong_to_nobody(conflict):
    assert _claims("Reporters said troops had withdrawn from Vell.", conflict) == []


def test_forced_to_retreat_is_done_not_intended(conflict):
    assert _tuples(_claims("Blue Front fighters were forced to retreat from Ostra.", conflict)) == [
        ("ostra", "red", "Wire", "report")]


def test_a_place_that_came_under_a_sides_control_is_claimed(conflict):
    assert _tuples(_claims("Vell came under Red Army control on Sunday.", conflict)) == [("vell", "red", "Wire", "report")]


def test_a_sides_claim_that_it_took_a_place_is_its_own_claim(conflict):
    claims = _claims("Reporters could not verify the Red Army's claim that it had taken Ostra.", conflict)
    assert _tuples(claims) == [("ostra", "red", "red", "claim")] and claims[0].hedged


def test_troops_driven_from_a_place_lost_it(conflict):
    assert _tuples(_claims("Red Army troops have been driven from Vell, the Blue Front said.", conflict)) == [
        ("vell", "blue", "blue", "claim")]



def test_about_half_of_a_place_is_a_claim_on_it(conflict):
    claims = _claims("The Blue Front says it now controls about half of Ostra.", conflict)
    assert _tuples(claims) == [("ostra", "blue", "blue", "claim")]


def test_forces_named_as_the_source_are_the_first_sides_not_the_last_speakers(conflict):
    text = ("The Red Army denied losing ground. Later, the Blue Front took Ostra after Red Army troops surrendered, "
            "according to the alliance.")
    assert ("ostra", "blue", "blue", "claim") in _tuples(_claims(text, conflict))


def test_a_side_before_which_holds_what_the_clause_says(conflict):
    claims = _claims("The Blue Front, which controls large parts of Karrow district, is advancing.", conflict)
    assert _tuples(claims) == [("karrow", "blue", "Wire", "report")]


def test_a_claim_denied_in_its_own_sentence_is_contested(conflict):
    claims = _claims("The Red Army claimed to have taken full control of Vell, a claim the Blue Front denied.", conflict)
    assert ("vell", "blue", "blue", "denial") in _tuples(claims) and status_of(claims) == "contested"


def test_holding_positions_in_part_of_a_place_is_presence(conflict):
    claims = _claims("The Blue Front said its fighters still held positions in the south of Vell.", conflict)
    assert _tuples(claims) == [("vell", "blue", "blue", "presence")]
