"""Actors: who can hold or claim a place, read from YAML, never written in Python."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ActorsError, Problem
from .yamlio import LineDict, did_you_mean, load_yaml

ACTOR_FIELDS = ("id", "name", "colour", "aliases", "adjectives", "opposes", "media")
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_ID = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True)
class Actor:
    """A party to the conflict; `aliases` are the names articles use for it.

    `adjectives` name its forces with a force noun ("Ardenian troops"); `opposes`
    lists the actors it fights (empty: every other actor), so that a side's withdrawal
    hands the place to its rival; `media` are outlets whose own voice is the actor's
    (a state news agency).
    """

    id: str
    name: str
    colour: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    opposes: tuple[str, ...] = ()
    media: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actors:
    """The actors of one conflict, in file order."""

    actors: tuple[Actor, ...]

    def __iter__(self):
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def rivals(self, actor_id: str) -> tuple[str, ...]:
        """The actors `actor_id` fights: its `opposes`, else those that list it, else every other actor."""
        actor = self.get(actor_id)
        if actor is None:
            return ()
        if actor.opposes:
            return actor.opposes
        listed = tuple(a.id for a in self.actors if actor_id in a.opposes)
        return listed or tuple(a.id for a in self.actors if a.id != actor_id)

    def speaking_for(self, outlet: str) -> str | None:
        """The actor whose own voice `outlet` is: listed in its `media`, or one of its aliases."""
        folded = outlet.strip().casefold()
        for actor in self.actors:
            if any(folded == name.casefold() for name in (*actor.media, *actor.aliases)):
                return actor.id
        return None


    def name_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every alias of several words in `text`: a place name inside one
        ("al-Sham" in "Hay'at Tahrir al-Vell") is part of a name, not a place."""
        pattern = _several_word_aliases(self)
        return [m.span() for m in pattern.finditer(text)] if pattern else []


@functools.lru_cache(maxsize=8)
def _several_word_aliases(actors: Actors) -> re.Pattern | None:
    """One pattern for every alias of two words or more, spaces, hyphens and apostrophes as written any way."""
    def spelt(alias: str) -> str:
        words = re.split(r"[\s\-]+", alias.strip())
        return r"[\s\-]+".join(re.escape(w).replace("'", "['’]") for w in words)
    aliases = sorted({a for actor in actors for a in actor.aliases if len(re.split(r"[\s\-]+", a.strip())) > 1},
                     key=lambda a: (-len(a), a))
    if not aliases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(spelt(a) for a in aliases) + r")(?!\w)", re.IGNORECASE)


def load_actors(path: str | Path) -> Actors:
    """The actors file at `path`; raises ActorsError listing every problem."""
    path = Path(path)
    document = load_yaml(path, ActorsError)
    problems: list[Problem] = []
    actors: list[Actor] = []
    if document is None:
        raise ActorsError(Problem(str(path), None, "empty file: expected an 'actors:' list"))
    if not isinstance(document, LineDict) or not isinstance(document.get("actors"), list):
        line = getattr(document, "line", None)
        raise ActorsError(Problem(str(path), line, "expected a mapping with an 'actors:' list"))
    seen: dict[str, int] = {}
    for entry in document["actors"]:
        if not isinstance(entry, LineDict):
            problems.append(Problem(str(path), document.line_of("actors"), f"each actor must be a mapping, found {entry!r}"))
            continue
        actor = _actor_from_entry(path, entry, problems)
        if actor is None:
            continue
        if actor.id in seen:
            problems.append(Problem(str(path), entry.line, f"duplicate actor id {actor.id!r} (first at line {seen[actor.id]})"))
            continue
        seen[actor.id] = entry.line
        actors.append(actor)
    if not actors and not problems:
        problems.append(Problem(str(path), document.line, "no actors defined"))
    known = {a.id for a in actors}
    for actor in actors:
        entry = next(e for e in document["actors"] if isinstance(e, LineDict) and e.get("id") == actor.id)
        for other in actor.opposes:
            if other not in known:
                problems.append(Problem(str(path), entry.line_of("opposes"),
                                        f"{actor.id}: opposes unknown actor {other!r}{did_you_mean(other, known)}"))
    if problems:
        raise ActorsError(problems)
    return Actors(tuple(actors))


def _actor_from_entry(path: Path, entry: LineDict, problems: list[Problem]) -> Actor | None:
    def report(key: str | None, message: str) -> None:
        problems.append(Problem(str(path), entry.line_of(key) if key else entry.line, message))

    for key in entry:
        if key not in ACTOR_FIELDS:
            report(key, f"unknown field {key!r}{did_you_mean(key, ACTOR_FIELDS)}")
    label = entry.get("id") or "actor"
    ok = True
    for key in ("id", "name", "colour"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            report(key if key in entry else None, f"{label}: missing or non-text {key!r}")
            ok = False
    if not ok:
        return None
    if not _ID.fullmatch(entry["id"]):
        report("id", f"actor id {entry['id']!r} must be lower case letters, digits and _")
        ok = False
    if not _HEX_COLOUR.fullmatch(entry["colour"]):
        report("colour", f"{label}: colour {entry['colour']!r} is not a colour; write it as #rrggbb")
        ok = False
    lists = {}
    for key in ("aliases", "adjectives", "opposes", "media"):
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
            report(key, f"{label}: {key} must be a list of names")
            ok = False
        lists[key] = tuple(value)
    if not ok:
        return None
    names = tuple(dict.fromkeys([entry["name"], *lists["aliases"]]))
    return Actor(entry["id"], entry["name"], entry["colour"].lower(), names,
                 lists["adjectives"], lists["opposes"], lists["media"])
