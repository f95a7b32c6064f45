"""pytest wiring for the browser suite: one `Suite` for the whole session (the server is started
by scripts/browser-test, which passes its address in LANTERN_URL), and a results file that
report.py turns into the summary table and the closing line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Suite  # noqa: E402

OUTPUT = Path(os.environ.get("BROWSER_OUTPUT", HERE.parent.parent / "test-output")).resolve()
_suite: Suite | None = None


@pytest.fixture(scope="session")
def suite() -> Suite:
    global _suite
    url = os.environ.get("LANTERN_URL")
    password = os.environ.get("LANTERN_DEMO_PASSWORD")
    if not url or not password:
        pytest.exit("set LANTERN_URL and LANTERN_DEMO_PASSWORD (scripts/browser-test does)", returncode=2)
    _suite = Suite(url, password, OUTPUT)
    yield _suite
    _suite.close()


OUTCOMES: dict[str, str] = {}  # test id -> passed, failed, error or skipped


def pytest_runtest_logreport(report) -> None:
    name = report.nodeid.split("::")[-1]
    if report.when == "call":
        OUTCOMES[name] = report.outcome
    elif report.failed:
        OUTCOMES[name] = "error"
    elif report.skipped and report.when == "setup":
        OUTCOMES[name] = "skipped"


def pytest_sessionfinish(session, exitstatus) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / "browser-results.json"
    if _suite is not None:
        _suite.test_outcomes = OUTCOMES
        _suite.write(path)
    elif path.exists():
        path.unlink()
