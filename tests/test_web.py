"""`sipgen serve`'s routes through Starlette's TestClient: every page, every download, every error."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed: pip install -e '.[test]'")

from starlette.testclient import TestClient  # noqa: E402

from sipgen.web.app import create_app  # noqa: E402
from sipgen.web.security import CSRF_COOKIE, MAX_UPLOAD  # noqa: E402
from sipgen.web.uploads import safe_name  # noqa: E402

from .bad_inputs.make_corpus import CASES, make  # noqa: E402
from .conftest import ROOT, require_soffice  # noqa: E402

SAMPLE = ROOT / "samples" / "primary.xlsx"
AUTUMN = ROOT / "samples" / "primary-autumn.xlsx"
NOT_UPLOADABLE = {"folder.xlsx", "missing.xlsx"}  # a folder, and a file that is not there


@pytest.fixture
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        client.get("/")  # sets the CSRF cookie, as a browser gets it with the start page
        yield client


def post(client, route: str, path: Path = SAMPLE, name: str | None = None, **fields):
    data = {"csrf": client.cookies.get(CSRF_COOKIE), **fields}
    return client.post(route, data=data, files={"workbook": (name or path.name, path.read_bytes())})


def messages(response) -> list[str]:
    return re.findall(r'class="message">([^<]*)', response.text)


def test_start_page_offers_every_action_with_strict_headers(client):
    page = client.get("/")
    assert page.status_code == 200
    for action in ('formaction="/word"', 'formaction="/annotated"', 'formaction="/report"', 'action="/diff"'):
        assert action in page.text
    for blank in ("/blank/school", "/blank/itt", "/blank/example"):
        assert blank in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "http" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert 'name="csrf" value="' + client.cookies.get(CSRF_COOKIE) + '"' in page.text
    assert "<script" not in page.text and "http://" not in page.text and "https://" not in page.text


def test_stylesheet_is_served_from_the_package(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "font" in css.text
    assert "content-security-policy" in css.headers


@pytest.mark.parametrize("kind", ["school", "itt", "example"])
def test_blank_workbooks_download(client, kind):
    from openpyxl import load_workbook

    got = client.get(f"/blank/{kind}")
    assert got.status_code == 200
    assert f"{kind}-plan.xlsx" in got.headers["content-disposition"]
    assert "Instructions" in load_workbook(io.BytesIO(got.content)).sheetnames


def test_check_shows_findings_grouped_by_sheet_with_cell_fix_and_rule(client, write_plan, minimal):
    minimal["actions"][0]["owners"] = ""
    got = post(client, "/check", write_plan(minimal))
    assert got.status_code == 200
    assert "Findings in plan.xlsx" in got.text
    assert re.search(r'<h2 id="sheet-\d+">Actions</h2>', got.text)
    assert 'class="where">Actions!' in got.text and "Fix:" in got.text
    code = re.search(r'href="/rules/(\w+)"', got.text).group(1)
    assert "<details><summary>Why:" in got.text
    assert 'id="show-error"' in got.text  # the severity filter
    assert client.get(f"/rules/{code}").status_code == 200


def test_check_of_the_sample_repeats_the_form(client):
    got = post(client, "/check")
    assert "No problems found" in got.text
    assert got.text.count('formaction="/word"') == 1 and "Choose the file again" in got.text


def test_rule_page_and_unknown_rule(client):
    assert "Bad" in client.get("/rules/ac201").text
    assert client.get("/rules/XX999").status_code == 404


def test_word_plan_downloads_and_opens(client):
    from docx import Document

    got = post(client, "/word")
    assert got.status_code == 200
    assert 'filename="primary.docx"' in got.headers["content-disposition"]
    assert Document(io.BytesIO(got.content)).paragraphs


def test_word_plan_with_errors_is_refused_unless_forced(client, write_plan, minimal):
    minimal["actions"][0]["objective"] = "P9.9"  # WB006, an error
    plan = write_plan(minimal)
    refused = post(client, "/word", plan)
    assert refused.status_code == 422 and "stop" in refused.text and "Traceback" not in refused.text
    assert str(plan.parent) not in refused.text and tempfile.gettempdir() + "/sipgen-web" not in refused.text
    assert post(client, "/word", plan, force="yes").status_code == 200


def test_annotated_workbook_and_board_report_download(client):
    from docx import Document
    from openpyxl import load_workbook

    annotated = post(client, "/annotated")
    assert annotated.status_code == 200 and "primary-checked.xlsx" in annotated.headers["content-disposition"]
    assert "Findings" in load_workbook(io.BytesIO(annotated.content)).sheetnames
    report = post(client, "/report")
    assert report.status_code == 200 and "primary-report.docx" in report.headers["content-disposition"]
    assert Document(io.BytesIO(report.content)).paragraphs


def test_pdf_from_a_warm_libreoffice(client):
    require_soffice()
    first = post(client, "/pdf")
    assert first.status_code == 200, messages(first)
    assert first.content.startswith(b"%PDF") and 'filename="primary.pdf"' in first.headers["content-disposition"]
    assert post(client, "/pdf").content.startswith(b"%PDF")  # the same LibreOffice, still running


def test_diff_of_two_versions(client):
    data = {"csrf": client.cookies.get(CSRF_COOKIE)}
    files = {"old": ("autumn.xlsx", AUTUMN.read_bytes()), "new": ("spring.xlsx", SAMPLE.read_bytes())}
    got = client.post("/diff", data=data, files=files)
    assert got.status_code == 200
    assert "Changes from autumn.xlsx to spring.xlsx" in got.text and "changes:" in got.text


def test_diff_needs_two_readable_workbooks(client):
    data = {"csrf": client.cookies.get(CSRF_COOKIE)}
    files = {"old": ("a.xlsx", b"not a workbook"), "new": ("b.xlsx", SAMPLE.read_bytes())}
    got = client.post("/diff", data=data, files=files)
    assert got.status_code == 422 and "a.xlsx" in messages(got)[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("name", sorted(set(CASES) - NOT_UPLOADABLE))
def test_bad_inputs_get_a_plain_page_and_the_server_keeps_serving(client, corpus, name):
    case = CASES[name]
    got = post(client, "/check", corpus[name])
    assert got.status_code == (422 if case.check_exit == 2 else 200)
    assert "Traceback" not in got.text and "sipgen-web-" not in got.text
    if case.words:
        assert case.words.lower() in got.text.lower().replace("&#39;", "'")
    built = post(client, "/word", corpus[name], force="yes")
    assert built.status_code in (200, 422) and "Traceback" not in built.text
    assert client.get("/").status_code == 200


def test_upload_over_the_limit_is_a_413_page(client):
    data = {"csrf": client.cookies.get(CSRF_COOKIE)}
    got = client.post("/check", data=data, files={"workbook": ("big.xlsx", b"0" * (MAX_UPLOAD + 1))})
    assert got.status_code == 413 and "too large" in got.text and "20 MB" in got.text


def test_upload_sent_in_chunks_over_the_limit_is_a_413_page(client):
    csrf, boundary = client.cookies.get(CSRF_COOKIE), "sipgen-boundary"

    def body():  # no Content-Length: the size is only known while reading
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n--{boundary}\r\n'
            'Content-Disposition: form-data; name="workbook"; filename="big.xlsx"\r\n\r\n'
        ).encode()
        for _ in range(MAX_UPLOAD // (1024 * 1024) + 1):
            yield b"0" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    got = client.post("/check", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert got.status_code == 413 and "too large" in got.text
    assert client.get("/").status_code == 200


def test_wrong_content_type_empty_form_and_missing_file(client):
    assert client.post("/check", content=b"{}", headers={"content-type": "application/json"}).status_code == 415
    assert client.post("/check").status_code == 415
    data = {"csrf": client.cookies.get(CSRF_COOKIE)}
    empty = client.post("/check", data=data, files={"other": ("x.txt", b"")})
    assert empty.status_code == 400 and "Choose a workbook first" in empty.text


def test_a_form_without_the_csrf_token_is_refused(client):
    got = client.post("/check", data={"csrf": "forged"}, files={"workbook": ("p.xlsx", SAMPLE.read_bytes())})
    assert got.status_code == 403 and "expired" in got.text
    client.cookies.clear()
    assert client.post("/check", files={"workbook": ("p.xlsx", SAMPLE.read_bytes())}).status_code == 403


def test_unknown_page_and_wrong_method(client):
    assert client.get("/etc/passwd").status_code == 404
    assert client.get("/check").status_code == 405
    assert client.get("/blank/../../etc/passwd").status_code == 404


@pytest.mark.parametrize(
    "given, saved",
    [("../../etc/passwd", "passwd"), ("C:\\Users\\me\\plan.xlsx", "plan.xlsx"), ("..", "plan.xlsx"), ("", "plan.xlsx")],
)
def test_an_uploaded_name_never_names_a_path(given, saved):
    assert safe_name(given, "plan.xlsx") == saved


def test_uploads_are_deleted_after_the_response(client):
    before = set(Path(tempfile.gettempdir()).glob("sipgen-web-*"))
    post(client, "/check")
    post(client, "/word")
    assert set(Path(tempfile.gettempdir()).glob("sipgen-web-*")) <= before


def test_a_shared_server_asks_for_its_token():
    token = "t" * 24
    with TestClient(create_app(token), raise_server_exceptions=False) as client:
        refused = client.get("/")
        assert refused.status_code == 403 and "access link" in refused.text
        assert client.get("/?token=wrong-token-guess").status_code == 403
        entered = client.get(f"/?token={token}", follow_redirects=False)
        assert entered.status_code == 303 and entered.headers["location"] == "/"
        assert client.get("/").status_code == 200  # the cookie carries it from now on
        assert "content-security-policy" in refused.headers


def test_a_bug_is_a_plain_500_page(client, monkeypatch):
    from sipgen.web import work

    async def broken(self, job, upload):
        raise RuntimeError("boom")

    monkeypatch.setattr(work.Workers, "run", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as fresh:
        fresh.get("/")
        got = post(fresh, "/check")
    assert got.status_code == 500 and "went wrong inside sipgen" in got.text and "boom" not in got.text


def test_serve_refuses_a_short_token_and_a_busy_port():
    import socket

    from typer.testing import CliRunner

    from sipgen.cli import app

    short = CliRunner().invoke(app, ["serve", "--token", "abc", "--no-browser"])
    assert short.exit_code == 2 and "16 characters" in short.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = CliRunner().invoke(app, ["serve", "--port", str(port), "--no-browser"])
    assert taken.exit_code == 2 and "Try another --port" in taken.output


def test_check_and_build_do_not_import_the_web_stack():
    import subprocess
    import sys

    code = (
        "import sys; from typer.testing import CliRunner; from sipgen.cli import app; "
        f"CliRunner().invoke(app, ['check', {str(SAMPLE)!r}]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'python_multipart')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_two_users_at_once_each_see_only_their_own_plan():
    from concurrent.futures import ThreadPoolExecutor

    weak = ROOT / "samples" / "weak.xlsx"
    with TestClient(create_app()) as first, TestClient(create_app()) as second:
        first.get("/")
        second.get("/")

        def user(client, path):
            return [post(client, "/check", path).text for _ in range(4)]

        with ThreadPoolExecutor(2) as pool:
            mine, theirs = pool.map(user, (first, second), (SAMPLE, weak))
    assert all("Findings in primary.xlsx" in page and "weak.xlsx" not in page for page in mine)
    assert all("Findings in weak.xlsx" in page and "primary.xlsx" not in page for page in theirs)


def test_the_form_on_an_error_page_works_even_after_a_refused_form():
    with TestClient(create_app()) as fresh:  # no start page first: no CSRF cookie yet
        refused = fresh.post("/check", data={"csrf": "x"}, files={"workbook": ("p.xlsx", SAMPLE.read_bytes())})
        assert refused.status_code == 403
        field = re.search(r'name="csrf" value="([^"]+)"', refused.text).group(1)
        assert field == fresh.cookies.get(CSRF_COOKIE)
        assert post(fresh, "/check").status_code == 200


def test_a_download_keeps_the_letters_of_its_upload_name(client):
    got = post(client, "/word", name="Évaluation plan 2025–26.xlsx")
    assert got.status_code == 200, messages(got)
    disposition = got.headers["content-disposition"]
    assert disposition.startswith("attachment; ")
    assert 'filename="Evaluation plan 2025-26.docx"' in disposition  # for a browser without RFC 6266
    assert "filename*=UTF-8''%C3%89valuation%20plan%202025%E2%80%9326.docx" in disposition
    # Only what Windows forbids in a name is replaced: <>:"/\|?* and control characters, trailing dots and spaces.
    assert safe_name('Ar<b>c:d"e|f?g*h\x07 Ödön’s plan.xlsx. ', "plan.xlsx") == "Ar_b_c_d_e_f_g_h_ Ödön’s plan.xlsx"
    assert safe_name("CON.xlsx", "plan.xlsx") == "_CON.xlsx"


# -- through the year: the calendar and next year's workbook -------------------------------------


def test_the_calendar_button_gives_everyones_dates_or_one_persons(client):
    from icalendar import Calendar

    got = post(client, "/calendar")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/calendar")
    assert "primary.ics" in got.headers["content-disposition"]
    everyone = [e for e in Calendar.from_ical(got.content).walk("VEVENT")]
    mine = post(client, "/calendar", initials="PD")
    assert mine.status_code == 200 and "primary-PD.ics" in mine.headers["content-disposition"]
    theirs = [e for e in Calendar.from_ical(mine.content).walk("VEVENT")]
    assert 0 < len(theirs) < len(everyone)


def test_the_calendar_of_someone_not_on_the_staff_sheet_is_a_plain_page(client):
    got = post(client, "/calendar", initials="ZZ")
    assert got.status_code == 422 and "ZZ" in got.text and "Traceback" not in got.text


def test_the_calendar_of_someone_with_nothing_dated_is_a_plain_page_not_an_empty_file(client, write_plan, minimal):
    minimal["staff"].append({"initials": "OM", "name": "Office Manager", "role": "Office"})
    got = post(client, "/calendar", write_plan(minimal), initials="OM")
    assert got.status_code == 422 and "text/calendar" not in got.headers["content-type"]
    assert "OM has no dated actions" in got.text and "no calendar was written" in got.text


def test_the_next_year_button_gives_a_workbook_that_reads_back(client, tmp_path):
    from sipgen.reader import read_plan

    got = post(client, "/next-year")
    assert got.status_code == 200 and "next year.xlsx" in got.headers["content-disposition"]
    path = tmp_path / "next.xlsx"
    path.write_bytes(got.content)
    plan = read_plan(path).plan
    assert plan.settings.academic_year == "2026-27" and plan.reviews == []


def test_the_tasks_button_gives_everyones_documents_or_one_persons(client):
    import zipfile

    got = post(client, "/tasks")
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    assert "Everyone's tasks.docx" in names and any(n.endswith("(PD).docx") for n in names)
    mine = post(client, "/tasks", initials="pd")
    assert mine.status_code == 200 and "(PD).docx" in mine.headers["content-disposition"]
    assert mine.content[:2] == b"PK"
    nobody = post(client, "/tasks", initials="ZZ")
    assert nobody.status_code == 422 and "ZZ" in nobody.text
