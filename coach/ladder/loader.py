"""Load ladder YAML files with errors that name the file, the line, the field and what is wrong.

Ladders come from the packaged ``rubric/``, then the user's config dir, then ``--rubric`` paths;
a later file with the same competency id overrides an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from coach import paths
from coach.errors import LadderError, NotFoundError, Problem
from coach.ladder.schema import Competency, semantic_problems

# libyaml's C loader when PyYAML has it (several times faster); same safe constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000


class _Walk:
    """Map each path in the document to the line it starts on, refusing aliases and deep trees."""

    def __init__(self, filename: str):
        self.filename = filename
        self.lines: dict[tuple, int] = {}
        self.seen: set[int] = set()
        self.count = 0

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
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else str(len(self.lines))
                self.lines.setdefault((*path, name), key.start_mark.line + 1)
                self.visit(value, (*path, name), depth + 1)
                self.lines[(*path, name)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                self.visit(child, (*path, index), depth + 1)

    def line_for(self, path: tuple) -> int:
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


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
    loader = None
    try:
        loader = _SafeLoader(text)  # the reader rejects control characters right here
        node = loader.get_single_node()
        if node is None:
            raise LadderError([Problem(filename, 1, "(document)", "the file is empty")])
        walk = _Walk(filename)
        walk.visit(node, (), 0)
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
        competency = Competency.model_validate(data, context={"defer_semantic": True})
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
    """Load and validate one ladder file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LadderError(
                [Problem(name, 1, "(document)", f"file is larger than {MAX_BYTES // 1024} KiB")]
            )
        raw = path.read_bytes()
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
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LadderError([Problem(name, 1, "(document)", "not UTF-8 text")]) from None
    return parse_text(text, name)


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
