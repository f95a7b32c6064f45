"""The browser suite: every registered journey (journeys/), then, for each, its accessibility,
layout and link checks (checks.py) on the pages it visited."""

from __future__ import annotations

import pytest

import journeys  # noqa: F401  (registers the journeys)
from registry import runs

RUNS = runs()
IDS = [run.id for run in RUNS]


@pytest.mark.parametrize("run", RUNS, ids=IDS)
def test_journey(suite, run):
    suite.play(run)


def _result(suite, run):
    result = suite.results.get(run.id)
    if result is None or not result.pages:
        pytest.skip("the journey loaded no pages")
    return result


def _assert_clean(result, category):
    failures = result.issues_in(category, "fail")
    assert not failures, f"{len(failures)} {category} problem(s):\n" + "\n".join(i.line() for i in failures)


@pytest.mark.parametrize("run", RUNS, ids=IDS)
def test_accessibility(suite, run):
    """Labels, one h1 and heading order, lang and title, visible focus, text on red tags, error
    summary links, on every page the journey loaded."""
    _assert_clean(_result(suite, run), "accessibility")


# Screens are photographed (and their layout checked) with JavaScript on; the JavaScript-off runs
# are there to prove the journeys work, on the same pages.
PHOTOGRAPHED = [run for run in RUNS if run.mode == "js"]


@pytest.mark.parametrize("run", PHOTOGRAPHED, ids=[run.id for run in PHOTOGRAPHED])
def test_layout(suite, run):
    """No cut-off text at 1366 px or 390 px, no field squeezed beside other text, and no sideways
    scrolling on a phone, on every main screen."""
    _assert_clean(_result(suite, run), "layout")


@pytest.mark.parametrize("run", RUNS, ids=IDS)
def test_links(suite, run):
    """Every header and navigation link the signed-in person is shown opens a page."""
    _assert_clean(_result(suite, run), "links")
