"""The app's own command line is read without the parser exactly as the parser reads it."""

from __future__ import annotations

import pytest

from coach.cli.main import _app_args, build_parser


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--offline"],
        ["--no-history"],
        ["--offline", "--no-history"],
        ["--no-history", "--offline"],
    ],
)
def test_the_app_flags_give_what_the_parser_gives(argv):
    assert vars(_app_args(argv)) == vars(build_parser(argv).parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["--off"], ["--offline", "--offline"], ["chat"], ["--rubric", "x"], ["-h"]]
)
def test_anything_else_goes_to_the_parser(argv):
    assert _app_args(argv) is None
