"""A small WebDriver harness for Lantern's journeys.

`Suite` owns the Chromium sessions (one with JavaScript on, one with it off, each started when first
needed) and the results. `JourneyRun` is what a journey function is given: it visits pages, fills
fields and submits forms as a person would, counting every page load and every field filled, and
after each page load runs the accessibility checks in checks.py. A page named with `screen=` is
also photographed at desktop and phone size and checked for cut-off text and sideways scrolling.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.cookiejar
import struct
import json
import os
import re
import time
import traceback
import urllib.error
import urllib.request
from collections import ChainMap
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager: no telemetry, and no downloads
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (  # noqa: E402
    NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

import checks  # noqa: E402
from registry import Run  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

# BROWSER_FULL_PAGE=1 photographs the whole length of each page instead of the first screenful.
FULL_PAGE = os.environ.get("BROWSER_FULL_PAGE", "") not in ("", "0")

# Screen sizes every main screen is photographed at: (name, width, height, mobile emulation).
SIZES = (("desktop", 1366, 768, False), ("phone", 390, 844, True))

# The titles of Lantern's error page (LanternError.title, LanternErrorMiddleware).
ERROR_TITLES = {"Page not found", "Sorry, something went wrong", "You do not have access to this", "This form has expired",
                "There is a problem with what was sent", "This conflicts with a change someone else made",
                "This cannot be done", "Too many requests", "Sign in required", "Internal Server Error"}

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class JourneyFailed(AssertionError):
    """Something a person doing this job would notice went wrong."""


def page_path(url: str) -> str:
    """/front-door/contacts/6F1C…?x=1 -> /front-door/contacts/:id (the same page, whatever the record)."""
    return _UUID.sub(":id", urlparse(url).path) or "/"


def _gone(element) -> bool:
    """The page that held `element` has been replaced (Chromium reports this in two ways)."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error) or "No node with given id" in str(error):
            return True
        raise


def new_driver(mode: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--disable-extensions", "--no-first-run", "--lang=en-GB"):
        options.add_argument(arg)
    if mode == "nojs":
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    if mode == "nojs":
        # Prove the profile really has JavaScript off: this page's script must not run.
        driver.get("data:text/html,<title>scripts%20off</title><script>document.title='scripts%20on'</script>")
        if driver.title != "scripts off":
            driver.quit()
            raise RuntimeError(f"Chromium ran page scripts in the JavaScript-off profile (title {driver.title!r})")
    return driver


@dataclass
class Task:
    label: str
    pages: int
    budget: int
    explain: str


@dataclass
class RunResult:
    id: str
    journey: str
    user: str
    mode: str
    summary: str
    status: str = "not run"  # passed, failed, blocked
    error: str = ""
    pages: list[str] = field(default_factory=list)  # every page load, in order
    fields: int = 0
    tasks: list[Task] = field(default_factory=list)
    screens: list[str] = field(default_factory=list)
    issues: list[checks.Issue] = field(default_factory=list)
    seconds: float = 0.0

    def issues_in(self, category: str, severity: str | None = None) -> list[checks.Issue]:
        return [i for i in self.issues if i.category == category and severity in (None, i.severity)]


class Suite:
    def __init__(self, base_url: str, password: str, output: Path):
        self.base_url = base_url.rstrip("/")
        self.password = password
        self.output = output
        self.screenshots = output / "screenshots"
        self.failures = output / "failures"
        for d in (self.screenshots, self.failures):
            d.mkdir(parents=True, exist_ok=True)
        self._drivers: dict[str, webdriver.Chrome] = {}
        self.state: dict = {}  # what journeys hand on to the journeys that need them
        self.results: dict[str, RunResult] = {}
        self.test_outcomes: dict[str, str] = {}
        self._last_totp_step = -1

    def totp_code(self) -> str:
        """The demo administrator's current TOTP code (RFC 6238: HMAC-SHA-1, 30 s, 6 digits).
        Lantern accepts each step's code once, so a second sign-in in the same step waits for the next."""
        secret = base64.b32decode(os.environ["LANTERN_DEMO_TOTP_SECRET"])
        # The server's clock, which scripts/browser-test moves back to a Friday at weekends.
        behind = float(os.environ.get("LANTERN_CLOCK_OFFSET", "0"))
        now = lambda: time.time() - behind
        step = int(now()) // 30
        if step <= self._last_totp_step:
            time.sleep((self._last_totp_step + 1) * 30 - now() + 0.5)
            step = int(now()) // 30
        self._last_totp_step = step
        mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
        offset = mac[-1] & 0x0F
        value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
        return f"{value % 1_000_000:06d}"

    def driver(self, mode: str) -> webdriver.Chrome:
        if mode not in self._drivers:
            self._drivers[mode] = new_driver(mode)
        return self._drivers[mode]

    def close(self) -> None:
        for driver in self._drivers.values():
            try:
                driver.quit()
            except WebDriverException:
                pass
        self._drivers.clear()

    def play(self, run: Run) -> RunResult:
        j = run.journey
        result = RunResult(id=run.id, journey=j.name, user=j.user, mode=run.mode, summary=j.summary)
        self.results[run.id] = result
        blocked = [n for n in j.needs if self.results.get(n) is None or self.results[n].status != "passed"]
        if blocked:
            result.status = "blocked"
            result.error = f"blocked: needs {', '.join(blocked)}, which did not pass"
            raise JourneyFailed(result.error)
        driver = self.driver(run.mode)
        driver.delete_all_cookies()  # every journey starts signed out
        # JavaScript-off runs see what the others left but keep what they write to themselves.
        state = self.state if run.mode == "js" else ChainMap({}, self.state)
        started = time.monotonic()
        jr = JourneyRun(self, driver, result, state)
        try:
            j.play(jr)
            result.status = "passed"
        except Exception as error:  # noqa: BLE001 - reported, then raised again for pytest
            result.status = "failed"
            result.error = f"{type(error).__name__}: {error}".strip()
            jr.save_failure()
            raise
        finally:
            result.seconds = round(time.monotonic() - started, 1)
        return result

    def write(self, path: Path) -> None:
        data = {
            "tests": self.test_outcomes,
            "runs": [
                {**{k: v for k, v in asdict(r).items() if k not in ("issues", "tasks")},
                 "tasks": [asdict(t) for t in r.tasks],
                 "issues": [asdict(i) for i in r.issues]}
                for r in self.results.values()
            ],
        }
        path.write_text(json.dumps(data, indent=2))


class JourneyRun:
    """What a journey function drives: one person in one browser, from signing in onwards."""

    def __init__(self, suite: Suite, driver: webdriver.Chrome, result: RunResult, state):
        self.suite = suite
        self.driver = driver
        self.result = result
        self.state = state
        self.user = result.user
        self.mode = result.mode
        self._seen: set[tuple[str, str, str]] = set()

    # -- navigation ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return urljoin(self.suite.base_url + "/", path.lstrip("/"))

    @property
    def path(self) -> str:
        return page_path(self.driver.current_url)

    def visit(self, path: str, screen: str | None = None) -> None:
        """Type an address into the browser."""
        self._navigate(lambda: self.driver.get(self.url(path)), screen)

    def follow(self, link_text: str, screen: str | None = None, within: str = "main") -> None:
        """Click the link (or link styled as a button) whose text is `link_text`."""
        link = self._find_clickable(f"{within} a", link_text, "link")
        self._navigate(link.click, screen)

    def submit(self, button_text: str, screen: str | None = None, within: str = "main") -> None:
        """Press the button labelled `button_text`, which sends its form."""
        button = self._find_clickable(f"{within} button, {within} input[type=submit]", button_text, "button")
        self._navigate(button.click, screen)

    def _find_clickable(self, css: str, text: str, kind: str):
        candidates = self.driver.find_elements(By.CSS_SELECTOR, css)
        for el in candidates:
            label = (el.text or el.get_attribute("value") or "").strip()
            if label == text and el.is_displayed():
                return el
        for el in candidates:
            label = (el.text or el.get_attribute("value") or "").strip()
            if text in label and el.is_displayed():
                return el
        shown = sorted({(el.text or el.get_attribute("value") or "").strip() for el in candidates} - {""})
        raise JourneyFailed(f"no {kind} {text!r} on {self.path}; there are: {shown[:15]}")

    def _navigate(self, action, screen: str | None) -> None:
        old = self.driver.find_element(By.TAG_NAME, "html") if self.driver.current_url.startswith("http") else None
        action()
        if old is not None:
            try:
                WebDriverWait(self.driver, 15).until(lambda d: _gone(old))
            except TimeoutException as error:
                raise JourneyFailed(f"no new page loaded after the click on {self.path}") from error
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.result.pages.append(self.path)
        self._after_load(screen)

    def _after_load(self, screen: str | None) -> None:
        page = self.path
        title = self.driver.title
        if title.split(" – ")[0] in ERROR_TITLES:
            detail = self.text("main p", default="")
            raise JourneyFailed(f"{page} showed an error page: {title!r} {detail!r}")
        if screen and self.mode == "js":
            self._photograph(screen, page)
        self._record(checks.static_issues(self.driver, page))
        self._record(checks.focus_issues(self.driver, page))

    def _photograph(self, screen: str, page: str) -> None:
        self.result.screens.append(screen)
        try:
            for size, width, height, mobile in SIZES:
                self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
                self.driver.execute_script("window.scrollTo(0, 0)")
                target = self.suite.screenshots / f"{screen}-{size}.png"
                if FULL_PAGE:
                    shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
                    target.write_bytes(base64.b64decode(shot["data"]))
                else:
                    self.driver.save_screenshot(str(target))
                self._record(checks.overflow_issues(self.driver, page, f"{width}px ({screen}-{size}.png)"))
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def _record(self, issues: list[checks.Issue]) -> None:
        for issue in issues:
            key = (issue.check, issue.page, re.sub(r"\(\S+-(desktop|phone)\.png\)", "", issue.detail))
            if key not in self._seen:
                self._seen.add(key)
                self.result.issues.append(issue)

    # -- filling in forms ---------------------------------------------------------------------

    def field(self, field_id: str):
        try:
            return self.driver.find_element(By.ID, field_id)
        except NoSuchElementException as error:
            raise JourneyFailed(f"no field with id {field_id!r} on {self.path}") from error

    def fill(self, field_id: str, text: str) -> None:
        el = self.field(field_id)
        if not el.is_displayed():
            self._open_details_around(el)
        el.clear()
        el.send_keys(text)
        self.result.fields += 1

    def choose(self, radio_id: str) -> None:
        """Pick a radio button or tick a checkbox by its id, by clicking its label as a person would."""
        el = self.field(radio_id)
        labels = self.driver.find_elements(By.CSS_SELECTOR, f"label[for='{radio_id}']")
        (labels[0] if labels else el).click()
        if not el.is_selected():
            raise JourneyFailed(f"clicking the label of {radio_id!r} did not select it")
        self.result.fields += 1

    def select(self, select_id: str, *, text: str | None = None, value: str | None = None) -> None:
        """Choose an option in a select box by its visible text (exact, else contained) or value."""
        box = Select(self.field(select_id))
        if value is not None:
            box.select_by_value(value)
        else:
            options = [o.text.strip() for o in box.options]
            match = next((o for o in options if o == text), None) or next((o for o in options if text in o), None)
            if match is None:
                raise JourneyFailed(f"{select_id!r} has no option {text!r}: {options[:10]}")
            box.select_by_visible_text(match)
        self.result.fields += 1

    def _open_details_around(self, el) -> None:
        details = self.driver.execute_script("return arguments[0].closest('details')", el)
        if details is not None and not details.get_attribute("open"):
            details.find_element(By.TAG_NAME, "summary").click()

    # -- the people -----------------------------------------------------------------------------

    def sign_in(self, user: str | None = None) -> None:
        """Sign in as the journey's user from the sign-in page, and land on the home page."""
        user = user or self.user
        self.visit("/sign-in", screen="sign-in")
        self.fill("username", user)
        self.fill("password", self.suite.password)
        self.submit("Sign in")
        if self.path == "/sign-in/code":
            # Two-factor sign-in (administrators): the code an authenticator app would show.
            self.fill("code", self.suite.totp_code())
            self.submit("Continue", screen="sign-in-code")
        if self.path.startswith("/sign-in"):
            raise JourneyFailed(f"could not sign in as {user}: {self.text('.error-summary', default='no error shown')}")
        self.check_nav_links()

    def check_nav_links(self) -> None:
        """Every link in the header and the main navigation opens a page (fetched outside the
        browser with the same session, so it is not counted as a page the person visited)."""
        hrefs = []
        for a in self.driver.find_elements(By.CSS_SELECTOR, "header a[href]"):
            href = a.get_attribute("href")
            if href and href.startswith(self.suite.base_url) and href not in hrefs and "#" not in href:
                hrefs.append(href)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        for href in hrefs:
            request = urllib.request.Request(href, headers={"Cookie": cookie, "Accept": "text/html"})
            try:
                with opener.open(request, timeout=15) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = str(error)
            if status != 200:
                self._record([checks.Issue("links", "nav-link", self.path, f"{page_path(href)} answers {status} for {self.user}")])

    # -- reading the page -----------------------------------------------------------------------

    def find(self, css: str):
        try:
            return self.driver.find_element(By.CSS_SELECTOR, css)
        except NoSuchElementException as error:
            raise JourneyFailed(f"nothing matches {css!r} on {self.path}") from error

    def find_all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str, default: str | None = None) -> str:
        found = self.driver.find_elements(By.CSS_SELECTOR, css)
        if not found:
            if default is not None:
                return default
            raise JourneyFailed(f"nothing matches {css!r} on {self.path}")
        return found[0].text.strip()

    def expect(self, css: str, contains: str | None = None) -> str:
        """The first element matching `css` exists (and shows `contains`); returns its text."""
        text = self.text(css)
        if contains is not None and contains.lower() not in text.lower():
            raise JourneyFailed(f"{css} on {self.path} shows {text[:200]!r}, not {contains!r}")
        return text

    def expect_heading(self, contains: str) -> str:
        return self.expect("h1", contains)

    def row_with_link(self, link_text: str, table: str = "main table"):
        """The table row holding a link whose text is exactly `link_text`."""
        for row in self.driver.find_elements(By.CSS_SELECTOR, f"{table} tbody tr"):
            if any(a.text.strip() == link_text for a in row.find_elements(By.TAG_NAME, "a")):
                return row
        raise JourneyFailed(f"no row with a link {link_text!r} in {table} on {self.path}")

    def record_id(self) -> str:
        """The id of the record in the current address (/front-door/contacts/<id>)."""
        found = _UUID.findall(self.driver.current_url)
        if not found:
            raise JourneyFailed(f"no record id in {self.driver.current_url}")
        return found[-1]

    # -- budgets --------------------------------------------------------------------------------

    @contextmanager
    def task(self, label: str, budget: int, explain: str = ""):
        """A piece of work with a page budget: the pages the person has to go through before the
        result, so the page load that shows the result is not counted. A page shown again
        because of an error counts, so a validation error breaks the budget."""
        start = len(self.result.pages)
        yield
        used = len(self.result.pages) - start - 1
        self.result.tasks.append(Task(label=label, pages=used, budget=budget, explain=explain))
        if used > budget:
            raise JourneyFailed(f"{label!r} took {used} pages; its budget is {budget} ({explain})")

    # -- when it goes wrong ---------------------------------------------------------------------

    def save_failure(self) -> None:
        stem = self.suite.failures / re.sub(r"[^A-Za-z0-9_.-]+", "-", self.result.id)
        try:
            self.driver.save_screenshot(str(stem) + ".png")
            (Path(str(stem) + ".html")).write_text(self.driver.page_source)
        except WebDriverException:
            (Path(str(stem) + ".txt")).write_text(traceback.format_exc())
