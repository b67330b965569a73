"""YAML loading that remembers line numbers, so every error can say `file:line`."""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import yaml

from .errors import GeomapError, Problem


class LineDict(dict):
    """A mapping from YAML that knows the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when PyYAML has it


class _LineLoader(_SAFE_LOADER):
    """A safe loader (never constructs arbitrary objects) that records lines and rejects duplicate keys.

    `lines_before` is how many lines of the file come before the text it is given.
    """

    lines_before = 0

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1 + self.lines_before
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain values", key_node.start_mark
                )
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = key_node.start_mark.line + 1 + self.lines_before
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def load_yaml(path: Path, error: type[GeomapError] = GeomapError):
    """Parse one YAML file; syntax errors become `error` with the file and line."""
    return _parse(_read_text(path, error), path, error)


def load_yaml_in_parts(path: Path, list_key: str, error: type[GeomapError] = GeomapError,
                       items_per_part: int = 2000, min_bytes: int = 4_000_000):
    """Documents `{list_key: [...]}` that together hold the file's list, parsed a part at a time.

    libyaml's node tree takes about 10 KB an entry, so a generated world gazetteer
    parsed whole needs gigabytes. A file of at least `min_bytes` whose only top-level key
    is `list_key`, a block list, is parsed `items_per_part` items at a time instead, each
    part knowing how many lines precede it, so that line numbers stay those of the file
    (a line at the list's indentation that starts with "- " always begins an item). Any
    other file is one part.
    """
    text = _read_text(path, error)
    generated = _parse_generated(text)
    if generated is not None:
        yield generated
        return
    lines = text.splitlines(keepends=True)
    content = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    first = content[1] if len(content) > 1 else None
    item = first is not None and _ITEM.match(lines[first])
    top_level = [i for i in content if not lines[i][:1].isspace() and not (item and lines[i].startswith(item.group(0)))]
    if len(text) < min_bytes or not item or top_level != [content[0]] or lines[content[0]].rstrip() != f"{list_key}:":
        yield _parse(text, path, error)
        return
    starts = [i for i in range(first, len(lines)) if lines[i].startswith(item.group(0))]
    bounds = [*starts[::items_per_part], len(lines)]
    for start, end in zip(bounds, bounds[1:]):
        yield _parse(f"{list_key}:\n" + "".join(lines[start:end]), path, error, lines_before=start - 1)


_ITEM = re.compile(r" *- ")
_GENERATED_FIELD = re.compile(r"(- |  )([a-z_]+): (.+)\n?")


def _parse_generated(text: str) -> LineDict | None:
    """A file as geomap writes it (`write_generated`), read line by line; None for any other file.

    Such a file is a `generated:` note, then lists (`places:`, `names:`), each of items whose
    every line is `- key: value` or `  key: value` with a JSON value (JSON is YAML). Reading it
    so is many times quicker than a YAML parser; a file that strays from the form in any line,
    edited by hand perhaps, is left to the YAML parser, which reports its lines as usual.
    """
    if not text.startswith(_GENERATED_HEADER):
        return None
    document = LineDict()
    document.key_lines, document.line = {}, 1
    items: list[LineDict] | None = None
    item: LineDict | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        if line.startswith("generated: ") and not document:
            document["generated"], document.key_lines["generated"] = json.loads(line[11:]), number
            continue
        if _LIST_KEY.fullmatch(line) and "generated" in document and line[:-1] not in document:
            items, item = [], None
            document[line[:-1]], document.key_lines[line[:-1]] = items, number
            continue
        match = _GENERATED_FIELD.fullmatch(line)
        if match is None or items is None:
            return None
        lead, key, value = match.groups()
        if lead == "- ":
            item = LineDict()
            item.line, item.key_lines = number, {}
            items.append(item)
        if item is None or key in item:
            return None
        try:
            item[key] = json.loads(value)
        except ValueError:
            return None
        item.key_lines[key] = number
    return document if items is not None else None


_GENERATED_HEADER = "# geomap: generated file"
_LIST_KEY = re.compile(r"[a-z_]+:")


def write_generated(note: str, lists: dict[str, list[dict]], comment: str = "") -> str:
    """YAML text of `lists` (key -> items) in the form `_parse_generated` reads back quickly: one field
    per line, each value JSON. `note` says how it was made; `comment` lines go at the top."""
    out = [_GENERATED_HEADER + "\n"]
    out += [f"# {line}\n" if line else "#\n" for line in comment.splitlines()]
    out.append(f"generated: {json.dumps(note, ensure_ascii=False)}\n")
    for list_key, items in lists.items():
        out.append(f"{list_key}:\n")
        for item in items:
            lead = "- "
            for key, value in item.items():
                out.append(f"{lead}{key}: {_json(value)}\n")
                lead = "  "
    return "".join(out)


def _json(value) -> str:
    """JSON that YAML reads as the same value: a float always with a point ("1e-05" is a string to PyYAML)."""
    if isinstance(value, float) and "e" in repr(value):
        return f"{value:.10f}".rstrip("0")
    return json.dumps(value, ensure_ascii=False)


def _read_text(path: Path, error: type[GeomapError]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(Problem(str(path), None, f"not UTF-8 text ({exc.reason})")) from None
    except OSError as exc:
        raise error(Problem(str(path), None, f"cannot read: {exc.strerror}")) from None


def _parse(text: str, path: Path, error: type[GeomapError], lines_before: int = 0):
    loader = _LineLoader(text)
    loader.lines_before = lines_before
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + lines_before if mark else None
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise error(Problem(str(path), line, f"invalid YAML: {message}")) from None
    except yaml.YAMLError as exc:
        raise error(Problem(str(path), None, f"invalid YAML: {exc}")) from None
    finally:
        loader.dispose()


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def safe_load(text: str):
    """yaml.safe_load, through libyaml when available."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
