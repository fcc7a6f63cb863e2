"""The HTML pages: Jinja templates shipped in the package, autoescaped, and the error pages."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import __version__

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    # Autoescape everything: a plan's text is shown back to the user, and anyone may have typed it.
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True), trim_blocks=True
    )
    env.globals["version"] = __version__
    return env


def page(template: str, status: int = 200, **context):
    """The template ``template`` rendered as an HTML response."""
    from starlette.responses import HTMLResponse

    return HTMLResponse(environment().get_template(template).render(**context), status_code=status)


def problem(title: str, message: str, status: int = 400, csrf: str = ""):
    """A page saying plainly what is wrong and what to do, with the way back to the start."""
    return page("problem.html", status, title=title, message=message, csrf=csrf)


def too_large():
    from .security import MAX_UPLOAD

    return problem(
        "That file is too large",
        f"sipgen takes files up to {MAX_UPLOAD // (1024 * 1024)} MB, and a plan workbook is far smaller. "
        "Check you chose the plan's .xlsx file, not a folder or an archive.",
        413,
    )


def forbidden():
    return problem(
        "This page needs its access link",
        "This sipgen is shared on the network, so it asks for the link with its access token. "
        "Ask the person who started it for the link it printed (it ends in ?token=...).",
        403,
    )
