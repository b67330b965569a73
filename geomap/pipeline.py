"""The public API: from a folder of articles to the map and its data files."""
from __future__ import annotations

import datetime as dt
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .actors import Actors, load_actors
from .articles import Article, read_articles
from .assess import Analysis, assess
from .claims import extract_claims, load_lexicon
from .curation import Unmatched, find_unmatched
from .errors import ArticleError, MissingDependencyError, OutputError, Problem
from .areas import areas_of
from .export import (
    changes_csv, claims_csv, claims_geojson, embed_snippet, mentions_csv, unmatched_csv, write_atomically,
)
from .gazetteer import Gazetteer
from .cache import load_indexed
from .matching import NameIndex, build_index
from .render import build_folium_map, find_chromium, render_html, screenshot
from .resolve import Mention, find_mentions
from .timeline import edition_of

OUTPUT_FILES = ("map.html", "mentions.csv", "claims.geojson", "claims.csv", "unmatched.csv", "embed.html")
DEFAULT_TITLE = "Who claims to control what"


@dataclass(frozen=True)
class BuildResult:
    """What `build_map` read, found and wrote."""

    analysis: Analysis
    outputs: dict[str, Path]
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)


def analyse(articles: list[Article], gazetteer: Gazetteer, actors: Actors, jobs: int = 1,
            progress: bool = False, index: NameIndex | None = None, dask: str | None = None,
            lexicon: str | Path | None = None) -> Analysis:
    """Find, resolve and assess every place and claim in `articles` (no I/O).

    With `jobs` > 1 the per-article work runs in that many processes; the results, and
    so every output, are the same as with one. `progress` shows a bar on the terminal
    for runs longer than a second. `index` is the gazetteer's name index, if already built.
    `dask` runs the per-article work on Dask instead: "local" for a LocalCluster of `jobs`
    workers, or a scheduler address; the aggregation is done once, here, either way.
    `lexicon` is the claims lexicon file (default: the English one shipped with geomap).
    """
    index = index or build_index(gazetteer)
    context = (gazetteer, actors, index, str(lexicon) if lexicon else None)
    if dask:
        per_article = _per_article_on_dask(articles, context, dask, jobs)
    else:
        per_article = _per_article_results(articles, context, jobs, progress)
    mentions = [m for found, _, _ in per_article for m in found]
    claims = [c for _, found, _ in per_article for c in found]
    unmatched = [u for _, _, found in per_article for u in found]
    return Analysis(articles, mentions, claims, assess(articles, mentions, claims), unmatched)


def _per_article_results(articles, context, jobs, progress):
    bar = _progress(len(articles), progress)
    if jobs <= 1 or len(articles) < 2:
        _start_worker(*context)
        results = []
        for article in articles:
            results.append(_read_one(article))
            bar.update(1)
    else:
        chunk = max(1, min(64, len(articles) // (jobs * 8)))
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=context) as pool:
            results = []
            for result in pool.map(_read_one, articles, chunksize=chunk):
                results.append(result)
                bar.update(1)
    bar.close()
    return results


def _per_article_on_dask(articles, context, address: str, jobs: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError.at("dask", None, "--dask needs Dask: pip install 'geomap[dask]'") from None
    if address == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(address)
    try:
        shared = client.scatter(context, broadcast=True)
        futures = client.map(_read_in_context, articles, context=shared, pure=False)
        return client.gather(futures)  # in article order, whatever order the workers finished in
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _read_in_context(article: Article, context):
    gazetteer, actors, index, lexicon = context
    mentions = find_mentions(article, index, gazetteer, actors.name_spans(article.body))
    return (mentions, extract_claims(article, mentions, actors, gazetteer, load_lexicon(lexicon)),
            find_unmatched(article, mentions, index, gazetteer))


_worker: dict = {}  # per process: the gazetteer, its index, the actors and the lexicon's path


def _start_worker(gazetteer: Gazetteer, actors: Actors, index: NameIndex, lexicon: str | None) -> None:
    _worker.update(gazetteer=gazetteer, actors=actors, index=index, lexicon=lexicon)


def _read_one(article: Article):
    """Everything found in one article: mentions, claims, place-like names left unmatched."""
    return _read_in_context(article, (_worker["gazetteer"], _worker["actors"], _worker["index"], _worker["lexicon"]))


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", delay=1.0, disable=not enabled or not sys.stderr.isatty(),
                file=sys.stderr)


def find_places(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[Unmatched]]:
    """The place mentions in one article, and the place-like names the gazetteer lacks."""
    index = build_index(gazetteer)
    mentions = find_mentions(article, index, gazetteer)
    return mentions, find_unmatched(article, mentions, index, gazetteer)


def build_map(
    articles: str | Path = "articles",
    gazetteer: str | Path = "gazetteer",
    out: str | Path = "output",
    actors: str | Path | None = None,
    title: str = DEFAULT_TITLE,
    cdn: bool = False,
    png: bool = False,
    png_scale: float = 1,
    strict: bool = False,
    jobs: int = 1,
    progress: bool = False,
    dask: str | None = None,
    lexicon: str | Path | None = None,
    as_of: dt.date | None = None,
    since: dt.date | None = None,
) -> BuildResult:
    """Read `articles`, resolve against `gazetteer`, write the OUTPUT_FILES to `out`.

    `actors` defaults to `actors.yaml` inside the gazetteer folder. map.html carries
    Leaflet and jQuery (from the xstatic packages) and works offline; `cdn` links them
    from the network instead, for a smaller file. `png` also writes map.png, the print
    layout rendered by headless Chromium, at `png_scale` (2 for print). With `strict`, an article that
    cannot be used stops the build (ArticleError) instead of being skipped. `jobs`,
    `progress`, `dask` and `lexicon` are as for `analyse`.
    `as_of` draws the map and every export as known on that day (`timeline.edition_of`:
    later articles, undated ones and later claims left out); by default the map is as of
    the latest publication day. `since` rings the places whose status changed between it
    and the as-of day, and writes changes.csv.
    Raises a GeomapError subclass for unusable inputs before anything is written.
    """
    gazetteer_path = Path(gazetteer)
    actors_path = Path(actors) if actors else (gazetteer_path if gazetteer_path.is_dir() else gazetteer_path.parent) / "actors.yaml"
    out = Path(out)
    _check_writable(out)
    chromium = find_chromium() if png else None
    places, index = load_indexed(gazetteer_path)
    who = load_actors(actors_path)
    load_lexicon(lexicon)  # a malformed lexicon stops the build before any work
    loaded, warnings, errors = read_articles(articles)
    if strict and errors:
        raise ArticleError([*errors, Problem(str(articles), None, "--strict: nothing written because articles were skipped")])
    everything = analyse(loaded, places, who, jobs=jobs, progress=progress, index=index, dask=dask, lexicon=lexicon)
    analysis, edition = edition_of(everything, as_of, since)
    if as_of is not None:
        warnings += [Problem(str(Path(articles) / a.id), None, f"no date: left out of the map as of {as_of}")
                     for a in loaded if a.date is None]
    shown = analysis.articles
    page = render_html(build_folium_map(analysis.reports, shown, who, areas_of(places), title, edition), cdn=cdn)
    documents = {
        "map.html": page,
        "mentions.csv": mentions_csv(shown, analysis.mentions),
        "claims.geojson": claims_geojson(analysis.reports, shown),
        "claims.csv": claims_csv(analysis.reports, shown, places, {a.id for a in who}),
        "unmatched.csv": unmatched_csv(shown, analysis.unmatched),
        "embed.html": embed_snippet(title),
    }
    if since is not None:
        documents["changes.csv"] = changes_csv(list(edition.changes), shown)
    outputs = {}
    for name, text in documents.items():
        write_atomically(out / name, text)
        outputs[name] = out / name
    if chromium:
        outputs["map.png"] = screenshot(chromium, out / "map.html", out / "map.png", scale=png_scale)
    return BuildResult(analysis, outputs, warnings, errors)


def _check_writable(out: Path) -> None:
    """Fail before any work when the output folder cannot be written."""
    if out.exists() and not out.is_dir():
        raise OutputError.at(out, None, "output path exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError.at(out, None, f"cannot create output folder: {exc.strerror}") from None
    probe = out / ".geomap-write-test"
    try:
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise OutputError.at(out, None, f"cannot write to output folder: {exc.strerror}") from None
