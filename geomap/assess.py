"""Per-source status of each place: what the map colours.

Rules (also in the README), over the current claims (`current_claims`: each claimant's
latest, and only claims less than SUPERSEDE_DAYS older than the newest one):
- no control claim about the place -> "mentioned";
- claims name one controller and nobody denies them -> that controller's actor id;
- claims name rival controllers, or any claim is denied or disputed -> "contested".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .articles import Article
from .claims import Claim
from .curation import Unmatched
from .gazetteer import Place
from .resolve import Mention

CONTESTED = "contested"
MENTIONED = "mentioned"
SUPERSEDE_DAYS = 7
"""Rival claims less than this many days older than the newest one stay in play (contested); a claim
a week or more older is superseded: a capture reported and, a week later, the recapture shows the recapture."""


def current_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The claims still standing: each claimant's latest, none far older than the newest claim.

    Undated claims (an article with no date) always stand.
    """
    claims = list(claims)
    dated = [c.date for c in claims if c.date is not None]
    if not dated:
        return claims
    newest = max(dated)
    recent = [c for c in claims if c.date is None or (newest - c.date).days < SUPERSEDE_DAYS]
    latest: dict[str, object] = {}
    for claim in recent:
        if claim.date is not None and (claim.claimant not in latest or claim.date > latest[claim.claimant]):
            latest[claim.claimant] = claim.date
    return [c for c in recent if c.date is None or c.date == latest[c.claimant]]


def status_of(claims: Iterable[Claim]) -> str:
    """The status that a set of claims about one place gives it (its current claims, see above)."""
    claims = current_claims(claims)
    if not claims:
        return MENTIONED
    if any(c.stance == "denial" for c in claims):
        return CONTESTED
    controllers = {c.controller for c in claims}
    return controllers.pop() if len(controllers) == 1 else CONTESTED


@dataclass(frozen=True)
class PlaceReport:
    """What one source says about one place: its status and the claims behind it."""

    source: str
    place: Place
    status: str
    spellings: tuple[str, ...]  # how the source wrote the name, in order of first use
    article_ids: tuple[str, ...]
    claims: tuple[Claim, ...]


def assess(articles: Iterable[Article], mentions: Iterable[Mention], claims: Iterable[Claim]) -> list[PlaceReport]:
    """One report per (source, place) the source mentions, sorted by source then place id."""
    source_of = {a.id: a.source for a in articles}
    spellings: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    article_ids: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)
    places: dict[str, Place] = {}
    for mention in sorted(mentions, key=lambda m: (m.article_id, m.start)):
        key = (source_of[mention.article_id], mention.place.id)
        spellings[key][mention.text] = None
        article_ids[key][mention.article_id] = None
        places[mention.place.id] = mention.place
    by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = (source_of[claim.article_id], claim.place.id)
        by_key[key].append(claim)
        places[claim.place.id] = claim.place
        article_ids[key][claim.article_id] = None
    reports = []
    for key in sorted(set(spellings) | set(by_key)):
        source, place_id = key
        found = tuple(sorted(by_key.get(key, ()), key=lambda c: (c.article_id, c.evidence_start)))
        reports.append(PlaceReport(source, places[place_id], status_of(found), tuple(spellings[key]),
                                   tuple(sorted(article_ids[key])), found))
    return reports


@dataclass(frozen=True)
class Analysis:
    """Everything read from a set of articles, before anything is written."""

    articles: list[Article]
    mentions: list[Mention]
    claims: list[Claim]
    reports: list[PlaceReport]
    unmatched: list[Unmatched]
