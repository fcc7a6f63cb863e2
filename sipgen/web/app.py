"""The web app's routes: each reads the form, calls the library (sipgen/web/work.py) and shows a page."""

from __future__ import annotations

import io
import re
import unicodedata
from functools import partial
from itertools import groupby
from urllib.parse import quote

from ..document import BuildError
from . import work
from .pages import HERE, page, problem, too_large
from .security import CSRF_COOKIE, Guard, TooLarge, new_token
from .uploads import UploadError, receive

BLANKS = {"school": ("school", None), "itt": ("itt", None), "example": ("school", "primary")}


def create_app(token: str | None = None, pdf: work.PdfService | None = None):
    """The Starlette app; ``token`` (for a server shared on the network) guards every page."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    service = pdf or work.PdfService()
    workers = work.Workers()

    @asynccontextmanager
    async def lifespan(app):
        yield
        service.close()  # LibreOffice and the workers stop with the server
        workers.close()

    routes = [
        Route("/", start),
        Route("/blank/{kind}", blank),
        Route("/rules/{code}", rule_page),
        Route("/check", check, methods=["POST"]),
        Route("/word", partial(_download, job=work.word, run=workers.run), methods=["POST"]),
        Route("/pdf", partial(_download, job=service.pdf), methods=["POST"]),
        Route("/annotated", partial(_download, job=work.annotated, run=workers.run), methods=["POST"]),
        Route("/report", partial(_download, job=work.board_report, run=workers.run), methods=["POST"]),
        Route("/calendar", partial(_download, job=work.calendar, run=workers.run), methods=["POST"]),
        Route("/tasks", partial(_download, job=work.tasks, run=workers.run), methods=["POST"]),
        Route("/next-year", partial(_download, job=work.next_year, run=workers.run), methods=["POST"]),
        Route("/diff", diff, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers = {404: not_found, 405: wrong_method, Exception: broken}
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.pdf = service
    app.state.workers = workers
    return Guard(app, token)


def _csrf(request) -> str:
    return request.cookies.get(CSRF_COOKIE) or new_token()


def _with_csrf(response, csrf: str):
    # SameSite=Strict: another site's page cannot post a form with it; the form's copy must match.
    response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict")
    return response


def _context(request, csrf: str) -> dict:
    return {"csrf": csrf, "pdf": request.app.state.pdf.available()}


async def start(request):
    csrf = _csrf(request)
    return _with_csrf(page("start.html", **_context(request, csrf)), csrf)


async def blank(request):
    """A blank school or ITT workbook, or the worked example, as `sipgen new` writes it."""
    from starlette.concurrency import run_in_threadpool

    kind = request.path_params["kind"]
    if kind not in BLANKS:
        return await not_found(request, None)
    plan_type, example = BLANKS[kind]
    data = await run_in_threadpool(_blank_bytes, plan_type, example)
    return _file(work.Made(data, f"{kind}-plan.xlsx", work.XLSX))


def _blank_bytes(plan_type: str, example: str | None) -> bytes:
    from ..examples import load
    from ..workbook import build_workbook

    buffer = io.BytesIO()
    build_workbook(plan_type, load(example) if example else None).save(buffer)
    return buffer.getvalue()


async def rule_page(request):
    from ..rules import RULES

    declared = RULES.get(request.path_params["code"].upper())
    if declared is None:
        return await not_found(request, None)
    return page("rule.html", rule=declared, csrf=_csrf(request))


# Typographic characters with a plain ASCII look-alike, for the name an old browser shows.
PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": "_", "”": "_", "…": "..."})


def ascii_name(name: str) -> str:
    """``name`` in ASCII, for ``filename=``: letters without their accents (É to E), dashes plain."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.translate(PLAIN)) if not unicodedata.combining(c))
    return re.sub(r'[^\x20-\x7e]|["\\]', "_", plain)


def disposition(name: str) -> str:
    """The Content-Disposition of a download named ``name`` (RFC 6266): an ASCII ``filename``
    for old browsers, and the name itself, in UTF-8, as ``filename*`` (RFC 5987)."""
    return f"attachment; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def _file(made: work.Made):
    from starlette.responses import Response

    return Response(made.data, media_type=made.media_type, headers={"content-disposition": disposition(made.name)})


async def _guarded(request, fields, job, run=None):
    """Run ``job(upload)`` in a worker thread (or with ``run``); every way a form can fail becomes a plain page."""
    from starlette.concurrency import run_in_threadpool

    csrf = _csrf(request)
    try:
        async with receive(request, fields) as upload:
            return await (run or run_in_threadpool)(job, upload), upload.files, csrf
    except TooLarge:
        return too_large(), None, csrf
    except UploadError as exc:  # the page repeats the form, so it carries a CSRF cookie that matches
        return _with_csrf(problem(exc.title, str(exc), exc.status, csrf), csrf), None, csrf
    except BuildError as exc:
        return _with_csrf(problem("The file was not made", str(exc), 422, csrf), csrf), None, csrf


async def _download(request, job, run=None):
    made, files, _ = await _guarded(request, ("workbook",), job, run)
    return _file(made) if files is not None else made


async def check(request):
    result, files, csrf = await _guarded(request, ("workbook",), work.checked, request.app.state.workers.run)
    if files is None:
        return result
    if result.unreadable:
        return problem("sipgen could not read this workbook", result.unreadable, 422, csrf)
    return page("findings.html", checked=result, **_findings(result), **_context(request, csrf))


def _findings(result: work.Checked) -> dict:
    """The findings grouped by sheet, and each rule's declaration for its explanation."""
    from ..rules import RULES

    return {
        "groups": [(sheet or "Workbook", list(group)) for sheet, group in groupby(result.findings, lambda f: f.sheet)],
        "rules": {f.code: RULES.get(f.code) for f in result.findings},
    }


async def diff(request):
    from ..diff import summary_line

    result, files, csrf = await _guarded(request, ("old", "new"), work.compare, request.app.state.workers.run)
    if files is None:
        return result
    if result.error:
        return problem("sipgen could not compare these workbooks", result.error, 422, csrf)
    groups = [(p, list(g)) for p, g in groupby(result.changes, key=lambda c: c.priority)]
    names = [path.name for path in files.values()]
    return page(
        "diff.html", names=names, groups=groups, titles=result.titles, summary=summary_line(result.changes), csrf=csrf
    )


async def not_found(request, exc):
    return problem("There is no such page", "Go back to sipgen's start page.", 404)


async def wrong_method(request, exc):
    return problem("Use the form on the start page", "This address takes a form sent from sipgen's start page.", 405)


async def broken(request, exc):
    # A bug in sipgen: say so plainly; the detail stays in the server's log, not on the page.
    return problem(
        "Something went wrong inside sipgen",
        f"sipgen could not finish ({type(exc).__name__}). Try again; if it happens again, please report it.",
        500,
    )
