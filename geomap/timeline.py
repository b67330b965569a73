"""Time on the map: what was known on a day, and what changed since another.

A control map is a dated document. `known_on(analysis, day)` is the analysis as it
stood at the end of `day`: articles published after it are left out (and articles with
no date, unless `keep_undated`, since nobody can say they were known then), and so are
claims about a later day; each source's status then follows its latest claims (the
rules in `assess`). `changes_between` compares two such analyses. `edition_of` puts it together for a map: the
analysis as of a day, and an `Edition` saying which day, the slider's steps and the
changes since an earlier day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .articles import Article
from .assess import MENTIONED, Analysis, PlaceReport, assess
from .claims import Claim
from .errors import OptionError
from .gazetteer import Place

NOT_REPORTED = "not reported"  # a source's status for a place it had not written about yet


def latest_publication(articles: list[Article]) -> dt.date | None:
    """The newest publication date: the day a map with no --as-of is as of."""
    return max((a.date for a in articles if a.date is not None), default=None)


def known_on(analysis: Analysis, day: dt.date, keep_undated: bool = False) -> Analysis:
    """The analysis as known at the end of `day`, re-assessed."""
    articles = [a for a in analysis.articles if (a.date <= day if a.date is not None else keep_undated)]
    kept = {a.id for a in articles}
    mentions = [m for m in analysis.mentions if m.article_id in kept]
    claims = [c for c in analysis.claims if c.article_id in kept and (c.date is None or c.date <= day)]
    unmatched = [u for u in analysis.unmatched if u.article_id in kept]
    return Analysis(articles, mentions, claims, assess(articles, mentions, claims), unmatched)


def days_with_claims(analysis: Analysis) -> list[dt.date]:
    """Every day a claim is dated to, in order."""
    return sorted({c.date for c in analysis.claims if c.date is not None})


@dataclass(frozen=True)
class Change:
    """One source's status for one place, before and after; the claims learnt in between."""

    source: str
    place: Place
    before: str  # a status, or NOT_REPORTED
    after: str
    claims: tuple[Claim, ...]


def changes_between(before: Analysis, after: Analysis) -> list[Change]:
    """Each (source, place) whose status differs, sorted by place then source.

    A place a source only starts to mention is no change; one it starts to make claims
    about is (from "not reported" or "mentioned").
    """
    earlier = {(r.source, r.place.id): r for r in before.reports}
    changes = []
    for report in after.reports:
        old = earlier.get((report.source, report.place.id))
        status = old.status if old else NOT_REPORTED
        if status == report.status or (report.status == MENTIONED and status == NOT_REPORTED):
            continue
        known = set(old.claims) if old else set()
        learnt = tuple(sorted((c for c in report.claims if c not in known),
                              key=lambda c: (c.date or dt.date.min, c.article_id, c.evidence_start)))
        changes.append(Change(report.source, report.place, status, report.status, learnt))
    return sorted(changes, key=lambda c: (c.place.id, c.source))


@dataclass(frozen=True)
class Edition:
    """A map's place in time: the day it is as of, the slider's steps, the changes since an earlier day."""

    as_of: dt.date | None  # None: nothing is dated
    explicit: bool = False  # asked for (--as-of), rather than the latest publication day
    steps: tuple[tuple[dt.date, tuple[PlaceReport, ...]], ...] = ()  # (day, reports as known that day)
    since: dt.date | None = None
    changes: tuple[Change, ...] = ()


def edition_of(analysis: Analysis, as_of: dt.date | None = None,
               since: dt.date | None = None) -> tuple[Analysis, Edition]:
    """The analysis as known on `as_of`, and its Edition.

    Without `as_of`: as of the latest publication day, articles with no date kept (a
    map of everything read). With it, undated articles are left out. The slider's steps
    are the days with claims, ending on the as-of day; there are none if that makes one.
    OptionError if `since` is after the as-of day or nothing is dated.
    """
    day = as_of or latest_publication(analysis.articles)
    if day is None:
        if since is not None:
            raise OptionError.at("--since", None, "no article is dated, so nothing can have changed since a day")
        return analysis, Edition(None)
    if since is not None and since > day:
        raise OptionError.at("--since", None, f"{since.isoformat()} is after the map's date, {day.isoformat()}")
    keep_undated = as_of is None
    now = known_on(analysis, day, keep_undated)
    steps = _steps(analysis, now, day, keep_undated)
    changes = tuple(changes_between(known_on(analysis, since, keep_undated), now)) if since is not None else ()
    return now, Edition(day, as_of is not None, steps, since, changes)


def _steps(analysis: Analysis, now: Analysis, day: dt.date, keep_undated: bool):
    """The days on which claims became known (a claim dated the 5th in an article of the 6th is
    known on the 6th), the last one shown as `day`; none when that makes a single step."""
    candidates = sorted({*days_with_claims(now), *(a.date for a in now.articles if a.date is not None)})
    steps, known = [], 0
    for candidate in candidates:
        then = known_on(analysis, candidate, keep_undated)
        dated = sum(1 for c in then.claims if c.date is not None)  # undated claims stand on every day
        if dated > known:
            steps.append((candidate, tuple(then.reports)))
            known = dated
    if len(steps) < 2:
        return ()
    steps[-1] = (day, tuple(now.reports))  # nothing new was claimed after it: the map's own day
    return tuple(steps)
