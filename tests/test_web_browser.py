"""`sipgen serve` end to end, in a real headless Chromium driven by Selenium, as a member of staff uses it.

Set SIPGEN_SCREENSHOT=docs/web-findings.png to keep the findings page's picture for the README.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, require_chromium

SAMPLE = ROOT / "samples" / "primary.xlsx"
WEAK = ROOT / "samples" / "weak.xlsx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """The address of a `sipgen serve` running in its own process, stopped after the module."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sipgen", "serve", "--no-browser", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"sipgen serve did not start: {process.stdout.read().decode()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = require_chromium()
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1300"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def choose_and_press(browser, server, path: Path, button: str, new_page: bool = True):
    """Choose ``path`` on the start page and press ``button``; wait for the next page unless it is a download."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get(server)
    browser.find_element(By.ID, "workbook").send_keys(str(path))
    form = browser.find_element(By.ID, "plan-form")
    form.find_element(By.XPATH, f".//button[normalize-space()='{button}']").click()
    if new_page:
        WebDriverWait(browser, 60).until(expected_conditions.staleness_of(form))


def wait_for(path: Path, seconds: float = 60) -> Path:
    deadline = time.monotonic() + seconds
    while not path.is_file() or path.stat().st_size == 0:
        assert time.monotonic() < deadline, f"{path.name} was not downloaded"
        time.sleep(0.2)
    return path


def test_check_a_plan_and_read_its_findings(browser, server):
    from selenium.webdriver.common.by import By

    choose_and_press(browser, server, WEAK, "Check the plan")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Findings in weak.xlsx"
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert findings and findings[0].find_element(By.CSS_SELECTOR, ".where").text
    errors = browser.find_elements(By.CSS_SELECTOR, "li.finding.error")
    if errors:  # clearing the checkbox hides the errors, with no script
        browser.find_element(By.CSS_SELECTOR, "label[for=show-error]").click()
        assert not any(e.is_displayed() for e in errors)
        browser.find_element(By.CSS_SELECTOR, "label[for=show-error]").click()
    if os.environ.get("SIPGEN_SCREENSHOT"):
        browser.set_window_size(1000, 1100)
        browser.save_screenshot(os.environ["SIPGEN_SCREENSHOT"])


def test_download_the_word_plan_and_open_it(browser, server, downloads):
    from docx import Document

    choose_and_press(browser, server, SAMPLE, "Word plan (.docx)", new_page=False)
    document = Document(str(wait_for(downloads / "primary.docx")))
    assert any("improvement plan" in p.text.lower() for p in document.paragraphs)


def test_a_broken_file_gets_a_page_saying_what_is_wrong(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    broken = tmp_path / "notes.xlsx"
    broken.write_text("Things to put in the plan this year\n")
    choose_and_press(browser, server, broken, "Check the plan")
    assert browser.find_element(By.TAG_NAME, "h1").text == "sipgen could not read this workbook"
    assert "text file" in browser.find_element(By.CSS_SELECTOR, ".problem .message").text
    assert "Traceback" not in browser.page_source
    browser.get(server)  # and the server keeps serving
    assert "improvement plan" in browser.find_element(By.TAG_NAME, "h1").text.lower()


def test_keyboard_alone_reaches_and_presses_the_check_button(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get(server)
    browser.find_element(By.ID, "workbook").send_keys(str(SAMPLE))  # the one step a test cannot type
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(30):  # from wherever the click left the focus, round the page once at most
        active = browser.switch_to.active_element
        if active.tag_name == "button" and active.text == "Check the plan":
            break
        ActionChains(browser).send_keys(Keys.TAB).perform()  # a key press, not typed into a field
    else:
        pytest.fail("Tab never reached the Check button")
    assert browser.find_element(By.CSS_SELECTOR, "a.skip").get_attribute("href").endswith("#main")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 60).until(expected_conditions.staleness_of(body))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Findings in primary.xlsx"


def test_pages_fit_a_phone_screen(browser, server):
    browser.set_window_size(375, 800)
    try:
        choose_and_press(browser, server, WEAK, "Check the plan")
        wide = browser.execute_script("return document.documentElement.scrollWidth")
        shown = browser.execute_script("return document.documentElement.clientWidth")
        assert wide <= shown, "the findings page scrolls sideways on a phone"
    finally:
        browser.set_window_size(1000, 1300)
