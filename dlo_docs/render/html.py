"""HTML output (the only module that imports Jinja2). Autoescape is always on."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame
from jinja2.lexer import Token
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, _mutable_spec

from .. import inputs
from ..context import RenderDoc
from ..errors import DloError, Location, error, relpath
from ..labels import template_dirs
from . import page_bounds, page_code, page_errors, page_reach
from .docx.ooxml import DROPPED
from .nobreak import tied_filter

TEMPLATE_ERROR = page_errors.TEMPLATE_ERROR
BUNDLED_PREFIX = page_errors.BUNDLED_PREFIX


class _Compiled(BytecodeCache):
    """Each template compiled once per process by its name and source, wherever its file is:
    another project's copy of a template, or a site rebuilt by ``dlo site serve``, is not
    compiled again. A changed source is another entry; the code is given the file it is read
    from (Jinja2's errors and ``page_errors`` name that file). Every environment is made with the
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
            bucket.code = page_code.renamed(code, filename)
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = bucket.code

    def load_bytecode(self, bucket: Bucket) -> None:  # kept in memory only: see get_bucket
        pass

    def dump_bytecode(self, bucket: Bucket) -> None:  # kept in memory only: see set_bucket
        pass


_COMPILED = _Compiled()


class _Confined(BaseLoader):
    """The project's own templates, read as every project file is (``inputs``): a symbolic
    link leading out of the project is refused (DLO009), never followed."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder, self.root = folder, root

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        try:
            raw = inputs.read_bytes(path, limit=inputs.MAX_YAML_BYTES, root=self.root)
        except inputs.InputRefused as exc:
            at = Location(relpath(path, self.root), 1, 1)
            raise DloError([error(at, "DLO009", exc.reason, exc.hint)]) from None
        except OSError:
            raise TemplateNotFound(template) from None
        mtime = os.path.getmtime(path)
        return raw.decode("utf-8", "replace"), str(path), lambda: _unchanged(path, mtime)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.path.getmtime(path) == mtime
    except OSError:
        return False


def _visible(value: Any) -> Any:
    """What a template prints of a value: a text without the characters no page should hold
    (control characters a double-quoted YAML escape can write, the bidirectional controls:
    ``ooxml.DROPPED``); a list or dict printed within the bound on what a page makes
    (``page_bounds``)."""
    if not isinstance(value, str):
        page_bounds.printed(value)
        return value
    if DROPPED.search(value) is None:
        return value  # (the usual case, and markup the page made stays markup)
    return type(value)(DROPPED.sub("", value))


_JUDGED_MAX = 4096  # verdicts kept; past it (a page reading ever new names) each is judged anew
_NAME_MAX = 64  # an attribute's name longer than this (``|attr`` of a made-up text) is not kept


def _at_line(exc: BaseException, name: str | None, filename: str | None) -> TemplateSyntaxError:
    """``exc``, risen in Jinja's reading or writing of a page, as an error at the line it was
    at: the last its frames name (a node's, a token's, the lexer's)."""
    line, tb = 1, exc.__traceback__
    while tb is not None:
        names = tb.tb_frame.f_locals
        for key in ("self", "node", "child", "token", "current"):
            held = names.get(key)
            if isinstance(held, nodes.Node | Token) and held.lineno:
                line = held.lineno
        if isinstance(names.get("lineno"), int):
            line = names["lineno"]
        tb = tb.tb_next
    return TemplateSyntaxError(f"{type(exc).__name__}: {exc}", line, name, filename)


class _Page(Template):
    """A page whose imports are its own: Jinja keeps the module a template imported without
    context for every later import, so a ``namespace`` it set was the next page's (a count
    went on from page to page: a serial run and a parallel one wrote different pages). Within
    one page it is kept, as Jinja does (made once, however many times the page imports it: in
    a loop, a macro), and made anew for the next page (``render`` counts the pages)."""

    _made_in = -1  # the page (``_Sandbox.pages``) the kept module was made in

    def render(self, *args: Any, **kwargs: Any) -> str:
        self.environment.pages += 1  # type: ignore[attr-defined]
        return super().render(*args, **kwargs)

    def _get_default_module(self, ctx: Any = None) -> Any:
        page = self.environment.pages  # type: ignore[attr-defined]
        if self._made_in != page:
            self._module, self._made_in = None, page
        return super()._get_default_module(ctx)


class _Writer(CodeGenerator):
    """Jinja's code writer, what a page makes checked as it is made (``page_bounds``): its texts
    joined by ``~``, and its lists, tuples and dicts (``[a, a]`` holding a list twice), so
    that nothing a page holds is over the bound, however it goes on to print it."""

    def _checked(self, check: str, visit: Any, node: nodes.Expr, frame: Frame) -> None:
        if getattr(node, "ctx", "load") != "load":  # a target: {% for a, b in … %}
            return visit(node, frame)
        self.write(f"environment.{check}(")
        visit(node, frame)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # Jinja's own, its parts measured before they are joined
        join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        self.write(f"environment.joined({join}, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def visit_FilterBlock(self, node: nodes.FilterBlock, frame: Frame) -> None:
        # Jinja's own, what the block's filter makes printed as any value is (``_visible``)
        inner = frame.inner()
        inner.symbols.analyze_node(node)
        self.enter_frame(inner)
        self.buffer(inner)
        self.blockvisit(node.body, inner)
        self.start_write(frame, node)
        self.write("(escape if context.eval_ctx.autoescape else str)(environment.finalize(")
        self.visit_Filter(node.filter, inner)
        self.write("))")
        self.end_write(frame)
        self.leave_frame(inner)

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._checked("made", super().visit_List, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        self._checked("made", super().visit_Tuple, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._checked("made", super().visit_Dict, node, frame)


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, which also refuses a mutating method however it is reached
    (``page_reach``: judged by what the read gives), each attribute of an object judged
    once per type: whether ``obj.attr`` is safe by Jinja's rule depends only on the object's
    type and the attribute's name (Jinja 3.1's rule: a name starting with ``_``, a function's,
    method's, frame's... internals, a method that changes a list, dict, set or deque), so that
    answer is kept, for a bounded number of short names. A page reads some 800 attributes;
    judged each time they made every page ~2.5 times as long to render (1.0 -> 2.4 ms). A
    type's own attributes, and an object that says it is of another class than its type (a
    proxy), are judged each time."""

    # a page's powers, repetitions and formats are bounded (``page_bounds``), and computed as it
    # runs: never at compile time, where a failure is in no line of the page
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _Writer
    joined = staticmethod(page_bounds.joined)
    made = staticmethod(page_bounds.made)
    template_class = _Page

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._judged: dict[tuple[type, str], bool] = {}
        self.pages = 0  # pages rendered (``_Page``)
        page_bounds.filters(self.filters)
        self.filters["tied"] = tied_filter  # the forms' no-break spaces (``nobreak``)
        self.globals["lipsum"] = page_bounds.lipsum(self.globals["lipsum"])  # type: ignore[arg-type]

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        page_bounds.binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        args = page_bounds.call(obj, args, kwargs)
        return page_bounds.made(super().call(context, obj, *args, **kwargs))

    def _parse(self, source: str, name: Any, filename: Any) -> Any:
        """A page read; one Python cannot read (brackets nested 3,000 deep): at its line."""
        try:
            return super()._parse(source, name, filename)
        except _RUNNING as exc:
            raise _at_line(exc, name, filename) from None

    def _generate(self, source: Any, name: Any, filename: Any, defer_init: bool = False) -> str:
        """A page's code; what fails as Jinja writes it (a constant): an error at its line."""
        try:
            return super()._generate(source, name, filename, defer_init)
        except _RUNNING as exc:
            raise _at_line(exc, name, filename) from None

    def _compile(self, source: str, filename: str) -> CodeType:
        """A page's code compiled; one Python cannot compile (blocks nested deeper than it
        allows, an ``elif`` chain beyond its recursion) is an error at the page's line that code
        came from (at the page, no line, when Python does not say where)."""
        try:
            return super()._compile(source, filename)
        except (SyntaxError, *_RUNNING) as exc:
            where = page_code.page_line(source, getattr(exc, "lineno", None))
            what = exc.msg if isinstance(exc, SyntaxError) else str(exc)
            raise TemplateSyntaxError(
                f"{type(exc).__name__}: {what}", where, None, filename
            ) from None

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        cls = type(obj)
        key = (cls, attr)
        safe = self._judged.get(key)
        if safe is None:
            safe = super().is_safe_attribute(obj, attr, value)
            if (
                not isinstance(obj, type)
                and getattr(obj, "__class__", None) is cls
                and isinstance(attr, str)
                and len(attr) <= _NAME_MAX
                and len(self._judged) < _JUDGED_MAX
            ):
                self._judged[key] = safe
        return safe and not page_reach.reaches_around(value, _mutable_spec)


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], root: Path | None) -> Environment:
    """Each template the project's own (``folders[0]`` inside project ``root``), else the
    bundled one; ``bundled/NAME`` is always the bundled one (to extend it)."""
    bundled = FileSystemLoader(str(folders[-1]))
    own = [_Confined(f, root) for f in folders[:-1] if root is not None]
    # a project's page reaches no Python internals, no file, and changes no data it is given
    return _Sandbox(
        loader=ChoiceLoader([PrefixLoader({BUNDLED_PREFIX: bundled}), *own, bundled]),
        bytecode_cache=_COMPILED,
        finalize=_visible,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment(project_templates: Path | None = None) -> Environment:
    """The Jinja2 environment over ``templates/html``: each file the project's own, else the
    bundled one."""
    folders = tuple(d / "html" for d in template_dirs(project_templates))
    return _environment(folders, project_templates.parent if project_templates else None)


def render_template(name: str, project_templates: Path | None = None, **values) -> str:
    """``name`` rendered with ``values``; a template that is missing, does not parse, names
    what it is not given or fails as it runs (a project's own copy edited by hand: a division
    by zero, a page extending itself) is an error at its line (DLO304), never an internal
    error."""
    try:
        return environment(project_templates).get_template(name).render(**values)
    except TemplateError as exc:
        at = (exc.filename, exc.lineno) if isinstance(exc, TemplateSyntaxError) else None
        raise DloError(page_errors.problem(exc, name, project_templates, at)) from None
    except _RUNNING as exc:
        if not page_errors.own_frames(exc, project_templates):
            raise  # the bundled pages' own failure is dlo's
        raise DloError(page_errors.problem(exc, name, project_templates)) from None


# what a page of the project's own can fail with as it runs
_RUNNING = (
    RecursionError,
    ArithmeticError,
    TypeError,
    ValueError,
    AttributeError,
    LookupError,
    RuntimeError,
    MemoryError,
    AssertionError,  # Jinja's own checks of a filter's arguments: {{ text|truncate(1) }}
    OSError,  # a date's class methods: {{ date.fromtimestamp(1e17) }}
    NameError,  # a constant Jinja writes as Python cannot read it back: {{ 1e400 }} (inf)
)


def render(rd: RenderDoc, project_templates: Path | None = None) -> str:
    return render_template("regulation.html.j2", project_templates, doc=rd, labels=rd.labels)
