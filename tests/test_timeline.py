"""Time on the map: as of a day, what changed since another, and how precisely claims are dated."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest

from geomap import analyse, build_map, read_articles
from geomap.errors import OptionError
from geomap.timeline import NOT_REPORTED, changes_between, edition_of, known_on

DAY = dt.date.fromisoformat


@pytest.fixture(scope="module")
def everything(dated_war, conflict):
    gazetteer, actors = conflict
    articles, _, _ = read_articles(dated_war / "articles")
    return analyse(articles, gazetteer, actors)


def status(analysis, source: str, place_id: str) -> str:
    return next(r.status for r in analysis.reports if r.source == source and r.place.id == place_id)


def test_by_default_a_recapture_a_week_later_replaces_the_capture(everything):
    now, edition = edition_of(everything)
    assert edition.as_of == DAY("2021-09-08") and not edition.explicit
    assert status(now, "Norland Daily", "vell") == "blue"


def test_rival_claims_less_than_a_week_apart_stay_contested(everything):
    now, _ = edition_of(everything)
    assert status(now, "Wire", "ostra") == "contested"


def test_as_of_a_day_leaves_out_later_articles_and_follows_the_claims_known_then(everything):
    then, edition = edition_of(everything, DAY("2021-09-05"))
    assert edition.explicit and {a.id for a in then.articles} == {"001.md"}
    assert status(then, "Norland Daily", "vell") == "red"


def test_as_of_a_day_leaves_out_undated_articles_which_the_default_keeps(everything):
    assert "005.md" not in {a.id for a in edition_of(everything, DAY("2021-09-08"))[0].articles}
    assert "005.md" in {a.id for a in edition_of(everything)[0].articles}


def test_claims_about_a_later_day_than_the_map_are_left_out(everything):
    moved = [dataclasses.replace(c, date=DAY("2021-09-07")) if c.article_id == "001.md" else c
             for c in everything.claims]
    then = known_on(dataclasses.replace(everything, claims=moved), DAY("2021-09-05"))
    assert status(then, "Norland Daily", "vell") == "mentioned"


def test_a_change_lists_the_status_before_and_after_and_the_claims_learnt(everything):
    changes = changes_between(known_on(everything, DAY("2021-09-05")), known_on(everything, DAY("2021-09-08")))
    vell = next(c for c in changes if c.place.id == "vell")
    assert (vell.source, vell.before, vell.after) == ("Norland Daily", "red", "blue")
    assert [c.evidence for c in vell.claims] == ["The Blue Front recaptured Vell."]


def test_a_place_first_claimed_after_the_earlier_day_changed_from_not_reported(everything):
    changes = changes_between(known_on(everything, DAY("2021-09-05")), known_on(everything, DAY("2021-09-08")))
    karrow = next(c for c in changes if c.place.id == "karrow" and c.source == "Wire")
    assert (karrow.before, karrow.after) == (NOT_REPORTED, "red")


def test_since_after_the_map_date_is_refused(everything):
    with pytest.raises(OptionError, match="2021-09-09 is after the map's date, 2021-09-08"):
        edition_of(everything, since=DAY("2021-09-09"))


def test_the_slider_steps_are_the_days_claims_became_known_ending_on_the_map_date(everything):
    _, edition = edition_of(everything)  # the Saturday claim of 2021-09-04 was published on the 6th
    assert [day.isoformat() for day, _ in edition.steps] == ["2021-09-01", "2021-09-06", "2021-09-08"]


def test_claims_all_published_on_one_day_make_no_slider(everything):
    _, edition = edition_of(everything, DAY("2021-09-01"))
    assert edition.steps == ()


def test_claims_carry_acled_time_precision(everything):
    precision = {(c.place.id, c.article_id): c.time_precision for c in everything.claims}
    assert precision[("vell", "001.md")] == 1  # "on Wednesday"
    assert precision[("karrow", "004.md")] == 2  # "last week"
    assert precision[("karrow", "006.md")] == 3  # "in August"
    assert precision[("ostra", "005.md")] is None  # undated article


def test_build_as_of_titles_the_map_and_writes_only_what_was_known(dated_war, tmp_path):
    result = build_map(dated_war / "articles", dated_war / "gazetteer", tmp_path, as_of=DAY("2021-09-05"))
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Who claims to control what, as of 2021-09-05" in page
    rows = list(csv.DictReader(io.StringIO((tmp_path / "claims.csv").read_text(encoding="utf-8"))))
    assert {r["article"] for r in rows} == {"001.md"} and rows[0]["time_precision"] == "1"
    assert any("005.md" in str(w) and "no date" in str(w) for w in result.warnings)


def test_build_since_writes_changes_csv_and_a_changed_layer(dated_war, tmp_path):
    build_map(dated_war / "articles", dated_war / "gazetteer", tmp_path, since=DAY("2021-09-05"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "changes.csv").read_text(encoding="utf-8"))))
    assert ("vell", "Norland Daily", "red", "blue", "2021-09-08") in {
        (r["place_id"], r["source"], r["status_before"], r["status_after"], r["claim_date"]) for r in rows}
    assert "Changed since 2021-09-05" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_without_since_no_changes_csv_is_written(dated_war, tmp_path):
    build_map(dated_war / "articles", dated_war / "gazetteer", tmp_path)
    assert not (tmp_path / "changes.csv").exists()


def test_the_same_flags_give_byte_identical_outputs(dated_war, tmp_path):
    for run in ("a", "b"):
        build_map(dated_war / "articles", dated_war / "gazetteer", tmp_path / run, as_of=DAY("2021-09-08"), since=DAY("2021-09-02"))
    for name in ("map.html", "changes.csv", "claims.csv", "claims.geojson"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_cli_refuses_since_after_as_of_in_one_line(dated_war, tmp_path):
    from click.testing import CliRunner

    from geomap.cli import main

    result = CliRunner().invoke(main, ["build", "--articles", str(dated_war / "articles"), "--gazetteer",
                                       str(dated_war / "gazetteer"), "--out", str(tmp_path), "--as-of", "2021-09-05",
                                       "--since", "2021-09-06"])
    assert result.exit_code == 2
    assert "error: --since: 2021-09-06 is after the map's date, 2021-09-05" in result.output
    assert not (tmp_path / "map.html").exists()
