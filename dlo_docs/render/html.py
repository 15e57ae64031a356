"""HTML output (the only module that imports Jinja2). Autoescape is always on."""

from __future__ import annotations

import traceback
from functools import lru_cache
from pathlib import Path
from types import CodeType

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.bccache import Bucket

from ..context import RenderDoc
from ..errors import DloError, Location, Problem, error, relpath
from ..i18n import Msg
from ..labels import template_dirs, template_file

TEMPLATE_ERROR = "DLO304"


def _renamed(code: CodeType, filename: str) -> CodeType:
    """``code`` (and the functions it defines) as if compiled from ``filename``."""
    consts = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


class _Compiled(BytecodeCache):
    """Each template compiled once per process by its name and source, wherever its file is:
    another project's copy of a template, or a site rebuilt by ``dlo site serve``, is not
    compiled again. A changed source is another entry; the code is given the file it is read
    from (Jinja2's errors and ``_problem`` name that file). Every environment is made with the
    same options (``_environment``), on which the compiled code depends."""

    def __init__(self) -> None:
        self._code: dict[str, CodeType] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, f"{name}\0{checksum}", checksum)
        code = self._code.get(bucket.key)
        if code is not None and filename is not None:
            bucket.code = _renamed(code, filename)
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = bucket.code

    def load_bytecode(self, bucket: Bucket) -> None:  # kept in memory only: see get_bucket
        pass

    def dump_bytecode(self, bucket: Bucket) -> None:  # kept in memory only: see set_bucket
        pass


_COMPILED = _Compiled()


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> Environment:
    return Environment(
        loader=FileSystemLoader([str(f) for f in folders]),  # the first that has the file
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment(project_templates: Path | None = None) -> Environment:
    """The Jinja2 environment over ``templates/html``: each file the project's own, else the
    bundled one."""
    return _environment(tuple(d / "html" for d in template_dirs(project_templates)))


def render_template(name: str, project_templates: Path | None = None, **values) -> str:
    """``name`` rendered with ``values``; a template that is missing, does not parse or names
    what it is not given (a project's own copy edited by hand) is an error at its line
    (DLO304), never an internal error."""
    try:
        return environment(project_templates).get_template(name).render(**values)
    except TemplateError as exc:
        raise DloError(_problem(exc, name, project_templates)) from None


def _problem(exc: TemplateError, name: str, project_templates: Path | None) -> Problem:
    path = template_file(project_templates, f"html/{name}")
    line = exc.lineno if isinstance(exc, TemplateSyntaxError) else None
    if isinstance(exc, TemplateSyntaxError) and exc.filename:
        path = Path(exc.filename)
    if line is None:  # a name the template uses and is not given: the template's frame says where
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        if frames:
            path, line = Path(frames[-1].filename), frames[-1].lineno
    shown = relpath(path, project_templates.parent if project_templates else None)
    return error(
        Location(shown, line or 0, 1 if line else 0),
        TEMPLATE_ERROR,
        Msg(
            "the template cannot be used: {kind}: {message}",
            kind=type(exc).__name__,
            message=exc.message or str(exc),
        ),
        Msg("fix the template, or delete the project's copy to use the bundled one"),
    )


def render(rd: RenderDoc, project_templates: Path | None = None) -> str:
    return render_template("regulation.html.j2", project_templates, doc=rd, labels=rd.labels)
