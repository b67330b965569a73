"""Writing the facts for GIS users and datasets: mentions.csv, claims.geojson, claims.csv, unmatched.csv,
changes.csv.

Every writer goes through `write_atomically`, so an interrupted run leaves the
previous file intact.
"""
from __future__ import annotations

import csv
import html
import io
import json
import os
import tempfile
from pathlib import Path

from .articles import Article
from .assess import PlaceReport
from .curation import Unmatched
from .gazetteer import Gazetteer, Place
from .resolve import Mention
from .timeline import Change

MENTION_COLUMNS = (
    "article", "source", "start", "end", "text", "place_id", "place_name", "feature_type",
    "lat", "lon", "confidence", "method", "alternatives",
)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; outputs are ordinary files
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def mentions_csv(articles: list[Article], mentions: list[Mention]) -> str:
    """One row per place mention; `start`/`end` are offsets into the article body."""
    source_of = {a.id: a.source for a in articles}
    return _csv(MENTION_COLUMNS, (
        [
            m.article_id, source_of[m.article_id], m.start, m.end, m.text, m.place.id, m.place.name,
            m.place.feature_type, _coordinate(m.place.lat), _coordinate(m.place.lon), f"{m.confidence:.2f}",
            m.method, ";".join(f"{pid}:{score:g}" for pid, score in m.alternatives),
        ]
        for m in sorted(mentions, key=lambda m: (m.article_id, m.start))
    ))


CLAIM_COLUMNS = (
    "event_date", "time_precision", "source", "article", "title", "url", "place_id", "place_name", "feature_type", "country",
    "admin1", "admin2", "latitude", "longitude", "geo_precision", "precision_km", "controller", "claimant",
    "claimant_is_actor", "stance", "hedged", "hedges", "notes",
)
_PRECISE_TYPES = ("city", "town", "village", "locality", "pass")
_REGION_TYPES = ("province", "region", "mountains", "country")


def geo_precision(place: Place) -> int:
    """Conflict-dataset convention: 1 the exact town, 2 near it or within a district, 3 a province or larger."""
    if place.feature_type in _REGION_TYPES:
        return 3
    if place.feature_type in _PRECISE_TYPES and (place.precision_km or 0) <= 5:
        return 1
    return 2


def claims_csv(reports: list[PlaceReport], articles: list[Article], gazetteer: Gazetteer, actor_ids: set[str]) -> str:
    """One row per claim, in the manner of conflict-event datasets; the evidence sentence goes in `notes`."""
    by_id = {a.id: a for a in articles}
    rows = []
    for report in reports:
        place = report.place
        levels = {gazetteer[a].feature_type: gazetteer[a].name for a in reversed(gazetteer.ancestors(place.id))}
        for c in report.claims:
            article = by_id[c.article_id]
            rows.append([
                c.date.isoformat() if c.date else "", c.time_precision or "", report.source, c.article_id, article.title, article.url,
                place.id, place.name, place.feature_type, levels.get("country", ""), levels.get("province", ""),
                levels.get("district", ""), _coordinate(place.lat), _coordinate(place.lon), geo_precision(place),
                f"{place.precision_km:g}" if place.precision_km is not None else "", c.controller, c.claimant,
                str(c.claimant in actor_ids).lower(), c.stance, str(c.hedged).lower(), ";".join(c.hedges), c.evidence,
            ])
    return _csv(CLAIM_COLUMNS, rows)


CHANGE_COLUMNS = (
    "place_id", "place_name", "source", "status_before", "status_after", "claim_date", "time_precision", "claimant",
    "controller", "stance", "article", "title", "evidence",
)


def changes_csv(changes: list[Change], articles: list[Article]) -> str:
    """One row per claim that changed a source's status for a place (a change with none: one row, claim fields empty)."""
    title_of = {a.id: a.title for a in articles}
    rows = []
    for change in changes:
        head = [change.place.id, change.place.name, change.source, change.before, change.after]
        rows += [head + [c.date.isoformat() if c.date else "", c.time_precision or "", c.claimant, c.controller,
                         c.stance, c.article_id, title_of.get(c.article_id, ""), c.evidence]
                 for c in change.claims] or [head + [""] * 8]
    return _csv(CHANGE_COLUMNS, rows)


UNMATCHED_COLUMNS = ("article", "source", "start", "end", "text", "cue", "suggestions")


def unmatched_csv(articles: list[Article], unmatched: list[Unmatched]) -> str:
    """Place-like names the gazetteer lacks, with the nearest gazetteer places, to grow it."""
    source_of = {a.id: a.source for a in articles}
    return _csv(UNMATCHED_COLUMNS, (
        [u.article_id, source_of[u.article_id], u.start, u.end, u.text, u.cue,
         ";".join(f"{pid}:{name}:{score}" for pid, name, score in u.suggestions)]
        for u in sorted(unmatched, key=lambda u: (u.article_id, u.start))
    ))


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def embed_snippet(title: str) -> str:
    """An iframe that puts map.html into a report page, sized for a column of text."""
    return (f'<iframe src="map.html" title="{html.escape(title)}" width="100%" height="600" '
            'style="border:1px solid #ccc;max-width:1000px" loading="lazy"></iframe>\n')


def claims_geojson(reports: list[PlaceReport], articles: list[Article]) -> str:
    """RFC 7946 FeatureCollection: one Point per (source, place), [lon, lat] order."""
    by_id = {a.id: a for a in articles}
    features = []
    for report in reports:
        place = report.place
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [_number(place.lon), _number(place.lat)]},
            "properties": {
                "source": report.source,
                "place_id": place.id,
                "place_name": place.name,
                "feature_type": place.feature_type,
                "status": report.status,
                "spellings": list(report.spellings),
                "articles": list(report.article_ids),
                "precision_km": place.precision_km,
                "coordinate_source": place.source,
                "claims": [
                    {
                        "article": c.article_id,
                        "date": c.date.isoformat() if c.date else None,
                        "time_precision": c.time_precision,
                        "controller": c.controller,
                        "claimant": c.claimant,
                        "stance": c.stance,
                        "hedged": c.hedged,
                        "hedges": list(c.hedges),
                        "evidence": c.evidence,
                        "place_text": c.place_text,
                        "title": by_id[c.article_id].title,
                        "url": by_id[c.article_id].url or None,
                    }
                    for c in report.claims
                ],
            },
        })
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"  # compact: the C encoder


def _coordinate(value: float) -> str:
    return f"{value:.5f}"


def _number(value: float) -> float:
    return round(value, 5)
