"""The `geomap` command: exit codes, one-line problems, and documentation in step."""
from __future__ import annotations

import re

import click
from click.testing import CliRunner

from geomap.cli import main

from .conftest import ROOT, write


def _commands(group: click.Group, prefix: str = "geomap"):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_build_from_the_bundled_articles_succeeds(tmp_path):
    result = CliRunner().invoke(main, ["build", "--articles", str(ROOT / "articles"),
                                       "--gazetteer", str(ROOT / "gazetteer"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output


def test_gazetteer_check_prints_file_line_problems_and_exits_2(tmp_path):
    path = write(tmp_path / "g.yaml", "places:\n  - {id: x, name: X, feature_type: town, lat: 91, lon: 0, source: s}\n")
    result = CliRunner().invoke(main, ["gazetteer", "check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: x: lat 91.0 is out of range (-90 to 90)" in result.output


def test_bad_gazetteer_stops_build_with_exit_2_and_writes_nothing(tmp_path):
    write(tmp_path / "gaz" / "g.yaml", "places: [\n")
    write(tmp_path / "gaz" / "actors.yaml", "actors: []\n")
    result = CliRunner().invoke(main, ["build", "--articles", str(ROOT / "articles"),
                                       "--gazetteer", str(tmp_path / "gaz"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert re.search(r"error: .*g\.yaml:\d+: invalid YAML", result.output)
    assert list((tmp_path / "out").iterdir()) == []


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in _commands(main):
        assert command.help, name
        assert name in readme, f"{name} is not documented in README.md"
