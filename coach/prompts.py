"""Prompt templates: Jinja2, sandboxed, StrictUndefined; a user's file of the same name wins.

Templates live in the packaged ``prompts/`` and may be overridden one by one in
``<config dir>/prompts/``. Rendering errors name the template, the line and the problem.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from coach import paths
from coach.errors import NotFoundError, TemplateError

SUFFIX = ".md.j2"


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    path: Path
    overridden: bool


class PromptLibrary:
    """The effective set of templates: user overrides first, then the packaged ones."""

    def __init__(self, user_dir: Path | None = None, shipped_dir: Path | None = None):
        self.user_dir = user_dir or paths.user_prompts_dir()
        self.shipped_dir = shipped_dir or paths.shipped_prompts_dir()
        self.env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(self.user_dir), str(self.shipped_dir)]),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._cache: dict[str, jinja2.Template] = {}

    def names(self) -> list[str]:
        found = set()
        for folder in (self.user_dir, self.shipped_dir):
            if folder.is_dir():
                found.update(p.name[: -len(SUFFIX)] for p in folder.glob(f"*{SUFFIX}"))
        return sorted(found)

    def info(self, name: str) -> TemplateInfo:
        user = self.user_dir / f"{name}{SUFFIX}"
        if user.is_file():
            return TemplateInfo(name, user, True)
        shipped = self.shipped_dir / f"{name}{SUFFIX}"
        if shipped.is_file():
            return TemplateInfo(name, shipped, False)
        raise NotFoundError(f"No prompt template {name!r} (known: {', '.join(self.names())}).")

    def source(self, name: str) -> str:
        return self.info(name).path.read_text(encoding="utf-8")

    def _template(self, name: str) -> jinja2.Template:
        if name not in self._cache:
            filename = f"{name}{SUFFIX}"
            try:
                self._cache[name] = self.env.get_template(filename)
            except jinja2.TemplateNotFound:
                raise NotFoundError(f"No prompt template {name!r}.") from None
            except jinja2.TemplateSyntaxError as error:
                raise TemplateError(
                    f"Template {name}, line {error.lineno}: {error.message}."
                ) from None
        return self._cache[name]

    def compile_all(self) -> None:
        """Compile every template now (a warm-up thread), not at its first use on the UI thread."""
        for name in self.names():
            self._template(name)

    def render(self, name: str, **context) -> str:
        template = self._template(name)
        try:
            return template.render(**context).strip()
        except jinja2.UndefinedError as error:
            raise TemplateError(
                f"Template {name}, line {_template_line(error, template)}: {error.message}."
            ) from None
        except jinja2.TemplateError as error:
            raise TemplateError(
                f"Template {name}, line {_template_line(error, template)}: {error}."
            ) from None


def _template_line(error: Exception, template: jinja2.Template) -> int | str:
    """Jinja rewrites tracebacks so the template's own frames carry its file name and line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if template.filename and frame.filename == template.filename:
            return frame.lineno or "?"
    return "?"
