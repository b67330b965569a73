"""Writing the facts for GIS users and datasets: mentions.csv, claims.geojson, unmatched.csv.

Every writer goes through `write_atomically`, so an interrupted run leaves the
previous file intact.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from .articles import Article
from .assess import PlaceReport
from .curation import Unmatched
from .resolve import Mention

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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _coordinate(value: float) -> str:
    return f"{value:.5f}"


def _number(value: float) -> float:
    return round(value, 5)
