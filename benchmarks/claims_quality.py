"""Quality of places and claims on the development corpus, as the project's scorer reports it.

Runs ../shared/tools/score_corpus.py (curated gazetteers, or --mode geonames) with the
installed geomap and prints its table: per conflict and pooled, place recall, wrong
places, false positives, claim recall, claim precision, per-source status accuracy and
wrong colours. Also prints how many of each conflict's statuses the scorer can check
at all (a status on a place without reference coordinates can never count as right).
Asserts nothing; tests/test_quality.py guards the floors.
Run: python benchmarks/claims_quality.py [--mode geonames] [conflict ...]
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_corpus.py"
CORPUS = SHARED / "corpus"
COLUMNS = ("places", "wrong", "FP", "claims R", "claims P", "status", "wrong colour")


def geomap_command() -> str:
    """The installed `geomap` script of this interpreter's environment."""
    beside = Path(sys.executable).with_name("geomap")
    return str(beside) if beside.exists() else (shutil.which("geomap") or "geomap")


def score(*args: str) -> tuple[str, dict[str, dict[str, float]]]:
    """The scorer's table as printed, and as {conflict: {column: value}}."""
    printed = subprocess.run([sys.executable, str(SCORER), "--geomap", geomap_command(), *args],
                             capture_output=True, text=True, check=False, cwd=ROOT)
    if printed.returncode != 0:
        raise RuntimeError(f"score_corpus.py failed: {printed.stderr.strip() or printed.stdout.strip()}")
    table = {}
    for line in printed.stdout.splitlines():
        cells = line.split()
        if len(cells) == len(COLUMNS) + 1 and re.fullmatch(r"[\d.]+", cells[1]):
            table[cells[0]] = {column: float(value) for column, value in zip(COLUMNS, cells[1:])}
    return printed.stdout, table


def scoreable_statuses() -> dict[str, tuple[int, int]]:
    """Per conflict: (statuses on places with reference coordinates, all statuses)."""
    found = {}
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "gold.yaml").exists()):
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["articles"]
        reference = yaml.safe_load((folder / "reference.yaml").read_text(encoding="utf-8"))
        per_source = defaultdict(set)
        for article in gold.values():
            per_source[article["source"]].update(article.get("status") or {})
        pairs = [(source, place) for source, places in per_source.items() for place in places]
        found[folder.name] = (sum(1 for _, place in pairs if place in reference), len(pairs))
    return found


def main(args: list[str]) -> None:
    printed, _ = score(*args)
    print(printed, end="")
    print("\nstatuses the scorer can check (places with reference coordinates):")
    for conflict, (checkable, total) in scoreable_statuses().items():
        print(f"  {conflict:<10} {checkable}/{total} = {checkable / total:.3f} (the status column's ceiling)")


if __name__ == "__main__":
    main(sys.argv[1:])
