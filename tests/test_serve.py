"""`reportgen serve` in a real headless browser (Chromium driven by Selenium through chromedriver, from
Debian's packages): the page follows saves without a reload and keeps its scroll position, a build
error shows as an overlay over the last good preview and goes once mended, the findings link to their
place, the PDF link follows the PDF. Then what the server gives to anything else that asks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from .running import DEADLINE, Running

SECTION = "# Findings\n\nA first finding[@ohchr2020, p. 3].\n\n" + "".join(
    f"Paragraph {n} of a long section, to scroll through.\n\n" for n in range(60))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


class Server(Running):
    """`reportgen serve` in its own process on a free port; its messages read as they come."""

    def __init__(self, root, *args: str):
        super().__init__("serve", root, "--port", "0", *args)
        self.url = re.search(r"http://\S+/", self.wait_for(lambda line: "serving the preview at" in line)[-1])[0]

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, b""



@pytest.fixture
def server():
    started = []
    yield lambda root, *args: started.append(Server(root, *args)) or started[-1]
    for s in started:
        if s.process.poll() is None:
            s.process.kill()
        s.process.wait()


@pytest.fixture
def browser():
    """Headless Chromium, or a skip that says what to install."""
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no Chromium and chromedriver to test `reportgen serve` in a browser: `sh tools/setup.sh "
                    "--test` installs them (Debian's chromium and chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("Selenium is not installed: `sh tools/setup.sh --test` installs it")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers on the network
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,800",
                     f"--user-data-dir={os.environ.get('TMPDIR', '/tmp')}/rg-chromium-{os.getpid()}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def until(driver, condition, message: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, DEADLINE, poll_frequency=0.1).until(condition, message)


def text_of(driver) -> str:
    return driver.execute_script("var main = document.querySelector('main'); return main ? main.innerText : ''")


@pytest.mark.skipif(os.name == "nt", reason="stopped with SIGINT")
def test_the_preview_follows_saves_and_shows_errors(project, server, browser):
    from selenium.webdriver.common.by import By

    root = project({"sections/01-findings.md": SECTION})
    section = root / "sections/01-findings.md"
    s = server(root, "--format", "html,pdf")
    browser.get(s.url)
    until(browser, lambda d: "A first finding" in text_of(d), "the first preview")
    # the page is never reloaded: a mark left on it stays, and so does the scroll position
    browser.execute_script("window.reportgenMark = 'still here'; window.scrollTo(0, 900);")
    assert browser.execute_script("return window.scrollY") == 900

    section.write_text(SECTION.replace("first", "second"))
    until(browser, lambda d: "A second finding" in text_of(d), "the edited text without a reload")
    assert browser.execute_script("return window.reportgenMark") == "still here"
    assert abs(browser.execute_script("return window.scrollY") - 900) <= 2

    section.write_text(SECTION.replace("first", "third") + "\nA claim[@nowhere].\n")  # a mistake
    overlay = browser.find_element(By.ID, "rg-overlay")
    until(browser, lambda d: overlay.is_displayed(), "the error overlay")
    line = SECTION.count("\n") + 2
    assert browser.find_element(By.ID, "rg-errors").text.splitlines() == [
        f"sections/01-findings.md:{line}: unknown citation key 'nowhere'", "reportgen: 1 error; outputs not updated"]
    assert "A second finding" in text_of(browser)  # the last good preview stays underneath
    assert browser.execute_script("return window.reportgenMark") == "still here"

    section.write_text(SECTION.replace("first", "fourth"))  # mended
    until(browser, lambda d: "A fourth finding" in text_of(d), "the mended text")
    until(browser, lambda d: not overlay.is_displayed(), "the overlay gone")
    assert browser.execute_script("return window.reportgenMark") == "still here"

    # the PDF link follows the PDF laid out in the background
    pdf = browser.find_element(By.ID, "rg-pdf")
    until(browser, lambda d: pdf.get_attribute("href") and pdf.text.startswith("PDF ("), "the PDF link")
    status, body = s.get(pdf.get_attribute("href").replace(s.url, "/"))
    assert status == 200 and body.startswith(b"%PDF")

    # a finding in the panel takes the reader to its place
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#rg-findings a")
                if a.text.startswith("references.bib") is False and a.text.startswith("sections/"))
    browser.execute_script("window.scrollTo(0, 0)")
    link.click()
    until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "main .rg-flash"), "the finding's place marked")
    assert s.stop() == 0


@pytest.mark.skipif(os.name == "nt", reason="stopped with SIGINT")
def test_what_the_server_gives(project, server):
    root = project({"sections/01-findings.md": SECTION, "images/chart.png": b"\x89PNG\r\n\x1a\n",
                    ".git/config": "[core]\n", "secret.txt": "private"})
    s = server(root, "--format", "html")
    s.wait_for(lambda line: " wrote " in line)
    assert s.url.startswith("http://127.0.0.1:")  # this machine only, unless asked
    status, page = s.get("/")
    assert status == 200 and b'<script src="/_reportgen/live.js" defer>' in page and b"A first finding" in page
    assert s.get("/images/chart.png") == (200, b"\x89PNG\r\n\x1a\n")  # images the preview shows
    assert b"file://" not in page and b'url("/_reportgen/fonts/LiberationSerif-Regular.ttf")' in page
    status, font = s.get("/_reportgen/fonts/LiberationSerif-Regular.ttf")  # the PDF's fonts, in the browser
    assert status == 200 and font.startswith(b"\x00\x01\x00\x00")
    for path in ("/secret.txt", "/report/report.yaml", "/.git/config", "/../../etc/passwd", "/%2e%2e/x.png",
                 "/report.pdf", "/_reportgen/fonts/../__init__.py", "/_reportgen/fonts/%2e%2e%2f__init__.py"):
        # nothing else of the project, the package or the machine; no PDF was asked for
        assert s.get(path)[0] == 404, path
    status, board = s.get("/status")  # the coordinator's board, as a page
    assert status == 200 and b"<td>sections/01-findings.md</td>" in board and b"Blocks submission" in board
    with urllib.request.urlopen(s.url + "_reportgen/events", timeout=30) as events:
        line = events.readline()
        state = json.loads(line.decode().removeprefix("data: "))
    assert state["html_version"] >= 1 and state["errors"] == [] and state["pdf"]["state"] == "off"
    assert s.stop() == 0
    assert s.wait_for(lambda line: line == "stopped")


def test_a_port_in_use_is_a_one_line_error(project, server):
    root = project({"sections/01-findings.md": SECTION})
    s = server(root, "--format", "html")
    port = s.url.rsplit(":", 1)[1].strip("/")
    result = subprocess.run([sys.executable, "-m", "reportgen", "serve", "--project", str(root), "--port", port],
                            capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr
