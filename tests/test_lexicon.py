"""The lexicon: English is data; a reader who edits the YAML changes what is read."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from geomap import Article, analyse
from geomap.claims import DEFAULT_LEXICON, LexiconError, load_lexicon
from geomap.cli import main

from .conftest import INVENTED_ACTORS, INVENTED_PLACES, write

SENTENCE = "The Red Army said it had grabbed Vell."


def _lexicon_with(tmp_path, old: str, new: str):
    text = DEFAULT_LEXICON.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path / "lexicon.yaml", text.replace(old, new, 1))


def _claims(text, conflict, lexicon=None):
    gazetteer, actors = conflict
    article = Article("a.txt", "Wire", dt.date(2030, 5, 6), "", "t", text)
    return analyse([article], gazetteer, actors, lexicon=lexicon).claims


def test_a_verb_the_lexicon_lacks_makes_no_claim(conflict):
    assert _claims(SENTENCE, conflict) == []


def test_a_verb_added_to_a_gain_frame_takes_effect(tmp_path, conflict):
    lexicon = _lexicon_with(tmp_path, "    verbs: [capture, seize, take,", "    verbs: [grab, capture, seize, take,")
    claims = _claims(SENTENCE, conflict, lexicon)
    assert [(c.place.id, c.controller, c.stance) for c in claims] == [("vell", "red", "claim")]


def test_an_added_verb_is_read_in_all_its_forms(tmp_path, conflict):
    lexicon = _lexicon_with(tmp_path, "    verbs: [capture, seize, take,", "    verbs: [grab, capture, seize, take,")
    assert _claims("Vell was grabbed by the Red Army.", conflict, lexicon)


def test_a_hedge_added_to_the_lexicon_is_kept_on_the_claim(tmp_path, conflict):
    lexicon = _lexicon_with(tmp_path, 'hedges: ["claimed to have",', 'hedges: [rumouredly, "claimed to have",')
    claims = _claims("The Red Army rumouredly captured Vell, it said.", conflict, lexicon)
    assert [c.hedges for c in claims] == [("rumouredly",)]


def test_an_edited_lexicon_is_read_again(tmp_path):
    path = _lexicon_with(tmp_path, "    verbs: [capture, seize, take,", "    verbs: [grab, capture, seize, take,")
    assert "grabbed" in load_lexicon(path).patterns_by_word
    path.write_text(path.read_text(encoding="utf-8").replace("[grab, capture,", "[capture,"), encoding="utf-8")
    assert "grabbed" not in load_lexicon(path).patterns_by_word


def test_an_unknown_role_in_a_phrase_is_reported_with_its_line(tmp_path):
    path = _lexicon_with(tmp_path, '"{holder} VERB {place}"', '"{winner} VERB {place}"')
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "{winner}" in text)
    assert f"{path}:" in str(raised.value) and "unknown role {winner}" in str(raised.value)
    assert any(p.line is not None and abs(p.line - line) <= 3 for p in raised.value.problems)


def test_a_missing_grammar_role_is_reported(tmp_path):
    path = _lexicon_with(tmp_path, "    complement: [of]", "    complemnt: [of]")
    with pytest.raises(LexiconError, match="unknown word 'complemnt' .*did you mean 'complement'"):
        load_lexicon(path)


def test_build_takes_a_lexicon_file(tmp_path):
    write(tmp_path / "gazetteer" / "places.yaml", INVENTED_PLACES)
    write(tmp_path / "gazetteer" / "actors.yaml", INVENTED_ACTORS)
    write(tmp_path / "articles" / "a.md", f"---\nsource: Wire\ndate: 2030-05-06\n---\n{SENTENCE}\n")
    lexicon = _lexicon_with(tmp_path, "    verbs: [capture, seize, take,", "    verbs: [grab, capture, seize, take,")
    result = CliRunner().invoke(main, ["build", "--articles", str(tmp_path / "articles"), "--gazetteer",
                                       str(tmp_path / "gazetteer"), "--out", str(tmp_path / "out"),
                                       "--lexicon", str(lexicon)])
    assert result.exit_code == 0, result.output
    assert "1 control claims" in result.output


def test_a_malformed_lexicon_stops_the_build_with_exit_2(tmp_path):
    lexicon = write(tmp_path / "lexicon.yaml", "fillers: [\n")
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "out"), "--lexicon", str(lexicon)])
    assert result.exit_code == 2
    assert str(lexicon) in result.output
