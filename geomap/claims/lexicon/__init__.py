"""The English lexicon: what the claims reader knows about the language, read from YAML.

`en.yaml` beside this file is the data (see its header for how to edit it); this
module turns it into lookup tables once: every phrase becomes the token sequences it
stands for, with verbs and nouns in all their forms (lemminflect knows English
inflection, so the file lists each verb once). A user may point geomap at another
file with the same sections (`load_lexicon(path)`, `geomap build --lexicon`).
"""
from __future__ import annotations

import functools
from pathlib import Path

from ...errors import Problem
from ...yamlio import LineDict, did_you_mean, load_yaml
from .loader import SECTIONS, LexiconReader
from .tables import FRAMES, ROLES, Element, FramePattern, Lexicon, LexiconError, Phrases, Slot, Words

__all__ = ["DEFAULT_LEXICON", "FRAMES", "ROLES", "Element", "FramePattern", "Lexicon", "LexiconError", "Phrases", "Slot",
           "Words", "load_lexicon"]

DEFAULT_LEXICON = Path(__file__).with_name("en.yaml")


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon at `path` (default: the English one shipped with geomap).

    Built once per file and version: an edited file is read again. Raises
    LexiconError with `file:line` for a malformed file, or a missing one.
    """
    path = Path(path) if path else DEFAULT_LEXICON
    try:
        stat = path.stat()
    except OSError as exc:
        raise LexiconError(Problem(str(path), None, f"cannot read the lexicon: {exc.strerror}")) from None
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load(path: Path, modified: int, size: int) -> Lexicon:
    """The lexicon at `path`, as it was at `modified` with `size` bytes (the cache key)."""
    document = load_yaml(path, LexiconError)
    problems: list[Problem] = []
    if not isinstance(document, LineDict):
        raise LexiconError(Problem(str(path), None, "expected a mapping with the lexicon's sections"))
    for key in document:
        if key not in SECTIONS:
            problems.append(Problem(str(path), document.line_of(key), f"unknown section {key!r}{did_you_mean(key, SECTIONS)}"))
    for key in SECTIONS:
        if key not in document:
            problems.append(Problem(str(path), None, f"missing section {key!r}"))
    if problems:
        raise LexiconError(problems)
    reader = LexiconReader(path, problems)
    lexicon = reader.build(document)
    if problems:
        raise LexiconError(problems)
    return lexicon
