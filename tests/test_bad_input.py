"""Bad input: one clear line naming the file (and line), an exit status, nothing lost or half-written."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from geomap import build_map, load_article
from geomap.cli import main
from geomap.errors import ArticleError

from .conftest import ROOT, write

PLACE = "  - {id: kabul, name: Kabul, feature_type: city, lat: 34.5, lon: 69.2, source: s}\n"


def _check(tmp_path, text):
    path = write(tmp_path / "g.yaml", text)
    result = CliRunner().invoke(main, ["gazetteer", "check", str(path)])
    return path, result


@pytest.mark.parametrize("text,line,message", [
    ("places:\n  - id: [kabul\n", 3, "invalid YAML"),
    ("places:\n  - id: kabul\n    id: kabul2\n", 3, "duplicate key 'id'"),
    ("places:\n  - {id: kabul, name: [Kabul], feature_type: city, lat: 1, lon: 1, source: s}\n", 2, "name must be text"),
    ("places:\n  - {id: kabul, name: Kabul, feature_type: city, lat: '1°N', lon: north, source: s}\n", 2,
     "lon 'north' is neither decimal degrees nor degrees-minutes-seconds"),
    ("places: {kabul: 1}\n", 1, "'places' must be a list"),
])
def test_malformed_gazetteer_gives_one_line_with_file_and_line_and_exit_2(tmp_path, text, line, message):
    path, result = _check(tmp_path, text)
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:{line}: ") and message in first


def test_empty_gazetteer_file_is_reported(tmp_path):
    path, result = _check(tmp_path, "")
    assert result.exit_code == 2 and f"{path}: empty file" in result.output


def _build(tmp_path, articles=None, gazetteer=None, extra=()):
    out = tmp_path / "out"
    args = ["build", "--articles", str(articles or ROOT / "articles"), "--gazetteer", str(gazetteer or ROOT / "gazetteer"),
            "--out", str(out), *extra]
    return CliRunner().invoke(main, args), out


def _gazetteer_with_actors(tmp_path, actors_text):
    folder = tmp_path / "gaz"
    shutil.copytree(ROOT / "gazetteer", folder)
    write(folder / "actors.yaml", actors_text)
    return folder


@pytest.mark.parametrize("actors,message", [
    ("actors:\n  - {id: a, name: A, colour: reddish}\n", ":2: a: colour 'reddish' is not a colour; write it as #rrggbb"),
    ("actors:\n  - {id: a, name: A, colour: '#123456', alias: [X]}\n", ":2: unknown field 'alias' (did you mean 'aliases'?)"),
    ("", ": empty file: expected an 'actors:' list"),
    ("actors:\n  - {id: a, name: A, colour: '#123456'}\n  - {id: a, name: B, colour: '#654321'}\n", ":3: duplicate actor id 'a'"),
    ("actors:\n  - {id: a, name: A, colour: '#123456', opposes: [bb]}\n  - {id: b, name: B, colour: '#654321'}\n",
     ":2: a: opposes unknown actor 'bb'"),
])
def test_bad_actors_file_stops_the_build_with_exit_2_and_writes_nothing(tmp_path, actors, message):
    gazetteer = _gazetteer_with_actors(tmp_path, actors)
    result, out = _build(tmp_path, gazetteer=gazetteer)
    assert result.exit_code == 2
    assert f"error: {gazetteer / 'actors.yaml'}{message}" in result.output
    assert not out.exists() or not any(out.iterdir())


def _articles(tmp_path, files: dict[str, bytes]):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(ROOT / "articles" / "003_3a15821f95648dd1.txt", folder)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"---\nsource: X\n---\n\n   \n", "empty article: no text after the front matter"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00", "binary file, not text"),
    ("broken.md", b"---\nsource: [X\n---\nText in Kabul.\n", "invalid front matter"),
    ("list.md", b"---\n- a\n- b\n---\nText in Kabul.\n", "front matter must be a mapping"),
])
def test_unusable_article_is_skipped_with_an_error_line_the_rest_still_build(tmp_path, name, data, message):
    folder = _articles(tmp_path, {name: data})
    result, out = _build(tmp_path, articles=folder)
    assert result.exit_code == 1
    assert any(line.startswith(f"error: {folder / name}") and message in line for line in result.output.splitlines())
    assert "1 articles" in result.output and (out / "map.html").is_file()


def test_strict_build_writes_nothing_when_an_article_is_skipped(tmp_path):
    folder = _articles(tmp_path, {"empty.txt": b""})
    result, out = _build(tmp_path, articles=folder, extra=["--strict"])
    assert result.exit_code == 2 and "--strict" in result.output
    assert not (out / "map.html").exists()


def test_oversized_file_is_skipped_without_being_read(tmp_path):
    folder = _articles(tmp_path, {})
    with open(folder / "dump.txt", "wb") as big:
        big.truncate(50_000_000)
    result, _ = _build(tmp_path, articles=folder)
    assert result.exit_code == 1 and "50 MB is more than an article's 10 MB limit" in result.output


@pytest.mark.parametrize("name,data,body_start,warning", [
    ("latin1.txt", "Fighting near Charikar — café".encode("latin-1", errors="replace"), "Fighting near Charikar", "not UTF-8; read as Latin-1"),
    ("utf16.txt", "Fighting near Charikar.".encode("utf-16"), "Fighting near Charikar.", None),
    ("bom.txt", b"\xef\xbb\xbf---\nsource: X\ndate: 2021-09-06\ntitle: T\n---\nFighting near Charikar.\n", "Fighting near Charikar.", None),
    ("crlf.txt", b"---\r\nsource: X\r\ndate: 2021-09-06\r\ntitle: T\r\n---\r\nFighting\r\nnear Charikar.\r\n", "Fighting\nnear", None),
])
def test_recoverable_encodings_load_with_offsets_into_the_decoded_text(tmp_path, name, data, body_start, warning):
    path = tmp_path / name
    path.write_bytes(data)
    article, warnings = load_article(path)
    assert article.body.startswith(body_start) and "\r" not in article.body and "\ufeff" not in article.body
    if warning:
        assert any(warning in str(w) and str(path) in str(w) for w in warnings)


def test_file_that_cannot_be_read_is_an_error_naming_it(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", "text")
    from pathlib import Path

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError, match=r"a\.txt: cannot read: Permission denied"):
        load_article(path)


def test_folder_with_no_articles_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result, _ = _build(tmp_path, articles=tmp_path / "empty")
    assert result.exit_code == 2 and "no articles" in result.output


def test_output_path_that_is_a_file_fails_before_any_work(tmp_path):
    write(tmp_path / "out", "not a folder")
    result, _ = _build(tmp_path)
    assert result.exit_code == 2 and "output path exists and is not a folder" in result.output


def test_build_replaces_only_its_own_files(tmp_path):
    write(tmp_path / "out" / "my-notes.txt", "keep me")
    result, out = _build(tmp_path)
    assert result.exit_code == 0 and (out / "my-notes.txt").read_text() == "keep me"


def test_interrupted_write_leaves_the_previous_outputs_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_map(ROOT / "articles", ROOT / "gazetteer", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import geomap.export

    real_replace = geomap.export.os.replace
    calls = []

    def interrupted(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(geomap.export.os, "replace", interrupted)
    write(tmp_path / "articles" / "a.md", "---\nsource: New\ndate: 2021-09-07\ntitle: T\n---\nThe Taliban captured Rokha.\n")
    with pytest.raises(KeyboardInterrupt):
        build_map(tmp_path / "articles", ROOT / "gazetteer", out)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(after) == set(before)  # no temporary file left behind
    assert after["mentions.csv"] == before["mentions.csv"]  # the interrupted file is the old one, whole


def test_unexpected_failure_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    import geomap.pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(geomap.pipeline, "analyse", broken)
    result, _ = _build(tmp_path)
    assert result.exit_code == 3
    assert result.output.strip() == "error: unexpected ZeroDivisionError: division by zero (please report this as a geomap bug)"
