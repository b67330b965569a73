"""One family of errors, each carrying where the problem is (`file:line`).

Stages raise these; only the CLI turns them into one-line messages and exit codes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One finding about an input file, printable as `file:line: message`."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class GeomapError(Exception):
    """Base class: an input the tool cannot use, with every problem found in it."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str | Path, line: int | None, message: str) -> "GeomapError":
        return cls(Problem(str(path), line, message))


class GazetteerError(GeomapError):
    """The gazetteer YAML is malformed or inconsistent."""


class ActorsError(GeomapError):
    """The actors YAML is malformed or inconsistent."""


class ArticleError(GeomapError):
    """An article cannot be read."""


class OutputError(GeomapError):
    """The output folder cannot be written."""


class MissingDependencyError(GeomapError):
    """Something an option needs is not installed (local Leaflet, Chromium, Dask); says what to install."""


class OptionError(GeomapError):
    """Options that contradict each other or the inputs (--since after --as-of)."""
