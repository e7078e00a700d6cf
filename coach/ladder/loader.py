"""Load ladder YAML files with errors that name the file, the line, the field and what is wrong.

Ladders come from the packaged ``rubric/``, then the user's config dir, then ``--rubric`` paths;
a later file with the same competency id overrides an earlier one.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from coach import paths
from coach.errors import LadderError, NotFoundError, Problem
from coach.ladder.schema import Competency, semantic_problems
from coach.textsafe import CONTROL

# libyaml's C loader when PyYAML has it (several times faster); same safe constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000


class _Walk:
    """Map each path in the document to the line it starts on, refusing aliases and deep trees.

    Also collects what YAML itself lets through: a key given twice (PyYAML keeps the last value
    silently), and text with control characters (from escapes such as ``"\\e"``) or with nothing
    visible in it (only zero-width or direction marks).
    """

    def __init__(self, filename: str):
        self.filename = filename
        self.lines: dict[tuple, int] = {}
        self.seen: set[int] = set()
        self.count = 0
        self.problems: list[Problem] = []

    def _problem(self, line: int, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.filename, line, _field(path), message))

    def visit(self, node: yaml.Node, path: tuple, depth: int) -> None:
        line = node.start_mark.line + 1
        if id(node) in self.seen:
            raise LadderError(
                [Problem(self.filename, line, _field(path), "anchors and aliases are not allowed")]
            )
        self.seen.add(id(node))
        self.count += 1
        if depth > MAX_DEPTH or self.count > MAX_NODES:
            raise LadderError(
                [
                    Problem(
                        self.filename,
                        line,
                        _field(path),
                        "the document is nested too deeply or is too large",
                    )
                ]
            )
        self.lines[path] = line
        if isinstance(node, yaml.ScalarNode):
            self._check_text(node, path, line)
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(len(self.lines))
                key_line = key.start_mark.line + 1
                if name in first_line:
                    self._problem(
                        key_line,
                        (*path, name),
                        f"key given twice (first on line {first_line[name]})",
                    )
                    continue
                first_line[name] = key_line
                self.lines.setdefault((*path, name), key.start_mark.line + 1)
                self.visit(value, (*path, name), depth + 1)
                self.lines[(*path, name)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                self.visit(child, (*path, index), depth + 1)

    def _check_text(self, node: yaml.ScalarNode, path: tuple, line: int) -> None:
        value = node.value
        bad = next((c for c in value if c == "\r" or CONTROL.match(c)), None)
        if bad is not None:
            self._problem(line, path, f"control character U+{ord(bad):04X} is not allowed in text")
        elif value.strip() and not any(_visible_char(c) for c in value):
            self._problem(line, path, "text has no visible characters (only zero-width or marks)")

    def line_for(self, path: tuple) -> int:
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _visible_char(char: str) -> bool:
    """False for spaces and for format characters (zero-width, direction marks: category Cf)."""
    return not char.isspace() and unicodedata.category(char) not in ("Cf", "Zs", "Cc")


def _raw_controls(text: str, filename: str) -> list[Problem]:
    """Control characters written as such in the file, each on the line it is on."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = next((c for c in line.rstrip("\r") if CONTROL.match(c)), None)
        if found is not None:
            problems.append(
                Problem(
                    filename,
                    number,
                    "(document)",
                    f"control character U+{ord(found):04X} is not allowed",
                )
            )
            if len(problems) >= 20:
                break
    return problems


def _field(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def _yaml_problem(filename: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    if isinstance(error, yaml.constructor.ConstructorError):
        reason = "this YAML tag is not allowed (plain data only)"
    return Problem(filename, line, "(document)", f"not valid YAML: {reason}")


def parse_text(text: str, filename: str = "<ladder>") -> Competency:
    """Validate ladder YAML ``text``; raise LadderError naming every problem found."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise LadderError(
            [Problem(filename, 1, "(document)", f"file is larger than {MAX_BYTES // 1024} KiB")]
        )
    raw = _raw_controls(text, filename)
    if raw:  # before YAML, whose reader would name line 1 or a column only
        raise LadderError(raw)
    loader = None
    try:
        loader = _SafeLoader(text)
        node = loader.get_single_node()
        if node is None:
            raise LadderError([Problem(filename, 1, "(document)", "the file is empty")])
        walk = _Walk(filename)
        walk.visit(node, (), 0)
        if walk.problems:
            raise LadderError(walk.problems)
        data = loader.construct_document(node)
    except yaml.YAMLError as error:
        if "nesting depth" in str(error):  # PyYAML >= 6.0.4 has its own depth limit
            raise LadderError([_too_deep(filename)]) from None
        raise LadderError([_yaml_problem(filename, error)]) from None
    except RecursionError:
        raise LadderError([_too_deep(filename)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise LadderError(
            [
                Problem(
                    filename,
                    1,
                    "(document)",
                    "a ladder file must be a mapping (id, name, summary, levels)",
                )
            ]
        )
    try:
        # strict: "2" is not 2 and "yes" is not true; a ladder says what it means
        competency = Competency.model_validate(data, strict=True, context={"defer_semantic": True})
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            problems.append(Problem(filename, walk.line_for(loc), _field(loc), _message(item)))
        raise LadderError(problems) from None
    except RecursionError:
        raise LadderError([_too_deep(filename)]) from None
    semantic = semantic_problems(competency)
    if semantic:
        raise LadderError([Problem(filename, walk.line_for(p), _field(p), m) for p, m in semantic])
    return competency


def _message(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required field is missing"
    if kind == "too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "must not be empty"
    return str(error.get("msg", "invalid value"))


def load_file(path: Path) -> Competency:
    """Load and validate one ladder file: a regular file of at most ``MAX_BYTES``.

    Opened without blocking and checked with ``fstat`` before reading, so a FIFO, a device such as
    ``/dev/zero`` or a directory is refused at once instead of hanging or filling memory.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise LadderError([Problem(name, 1, "(file)", "no such file")]) from None
    except IsADirectoryError:
        raise LadderError(
            [Problem(name, 1, "(file)", "is a directory, not a ladder file")]
        ) from None
    except OSError as error:
        raise LadderError(
            [Problem(name, 1, "(file)", f"cannot be read: {error.strerror}")]
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LadderError([Problem(name, 1, "(file)", "is a directory, not a ladder file")])
        if not stat.S_ISREG(info.st_mode):
            raise LadderError([Problem(name, 1, "(file)", "is not a regular file")])
        if info.st_size > MAX_BYTES:
            raise LadderError([_too_large(name)])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise LadderError(
            [Problem(name, 1, "(file)", f"cannot be read: {error.strerror}")]
        ) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:  # grew while we looked
        raise LadderError([_too_large(name)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LadderError([Problem(name, line, "(document)", "not UTF-8 text")]) from None
    return parse_text(text, name)


def _too_large(name: str) -> Problem:
    return Problem(name, 1, "(document)", f"file is larger than {MAX_BYTES // 1024} KiB")


@dataclass
class LadderSet:
    """Every competency available, each with the file it came from."""

    competencies: dict[str, Competency] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)

    def get(self, competency_id: str | None = None) -> Competency:
        if competency_id is None:
            if not self.competencies:
                raise NotFoundError("No ladder is installed.")
            return next(iter(self.competencies.values()))
        try:
            return self.competencies[competency_id]
        except KeyError:
            known = ", ".join(self.competencies) or "none"
            raise NotFoundError(f"No competency {competency_id!r} (known: {known}).") from None


def _ladder_files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(
            p for p in location.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
        )
    return [location]


def load_ladders(extra: list[Path] | tuple[Path, ...] = ()) -> LadderSet:
    """Packaged ladders, then the user's, then ``extra``; later ids override earlier ones."""
    found = LadderSet()
    locations = [paths.shipped_rubric_dir(), paths.user_rubric_dir(), *extra]
    for index, location in enumerate(locations):
        if index < 2 and not location.is_dir():
            continue
        for file in _ladder_files(location):
            competency = load_file(file)
            found.competencies[competency.id] = competency
            found.sources[competency.id] = file
    return found


def _too_deep(filename: str) -> Problem:
    return Problem(filename, 1, "(document)", "the document is nested too deeply")
